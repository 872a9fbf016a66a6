//! The one pass of the prefilter with AVX-512: sixty-four stretches of the
//! text walked at once, sixteen to a register, each step of each register one
//! gather from the transition table.
//!
//! The table is the prefilter's own Aho-Corasick automaton (`table::Table`):
//! a gather needs the table's address and a flat layout, which the crate's
//! automata do not lend. The scalar walk over the crate's DFA stays for
//! processors without AVX-512 (see `Prefilter::scan`).
//!
//! Measured on the 450 ToTA agreements, one thread, best of eight rounds:
//! `RuleSet::check` took 117-120 ms against 129-134 ms with the scalar walk
//! (two, six or eight registers were slower than four: each step waits on
//! its gathers, and fewer registers hide less of that wait, more spill). A
//! whole `check --format json` of them took 4% less CPU time (median of 12
//! interleaved runs, 262 against 275 ms).
//!
//! Filters that skip the automaton were measured against this walk and were
//! no faster. The measure was one thread, the 1,093 literals of the built-in
//! rules, and the 44 MB of folded ToTA text, on an AMD EPYC with AVX-512 where
//! this walk took 75-80 ms:
//! - a bit table of hashed 4- and 8-byte windows at every byte: 105-110 ms.
//!   Its scalar lookups cost as much as the walk, and its gathers more.
//! - windows sampled every 8 bytes for the literals of 15 bytes or more, every
//!   4 for shorter ones, and the crate's Teddy searcher for the 15 literals
//!   of 6 bytes or fewer: 80 ms. That is 21 + 13 + 25 + 17 ms, plus 4 ms to
//!   sort the hits. Common 4-byte windows ("arti", "agre") leave half a
//!   million candidates to confirm.
//!
//! Measured again on that processor over a whole ToTA check, the scalar
//! walk took 8% more wall time and 3% more CPU time: 138 against 128 ms wall
//! and 252 against 245 ms CPU (medians of 21 interleaved runs).

use super::table::Table;
use super::{lanes, Lane};
use std::arch::x86_64::*;

/// Registers of sixteen walks each.
const REGISTERS: usize = 4;
/// Walks in all.
const WALKS: usize = 16 * REGISTERS;

impl Table {
    /// The literals that end at byte `at` in `state`, if `at` is in the
    /// walk's own stretch.
    fn record(&self, state: u32, lane: &Lane, at: usize, hits: &mut Vec<(usize, usize)>) {
        if state < self.match_limit && at >= lane.own_from {
            let s = (state / self.stride) as usize;
            let (from, to) = (self.match_from[s] as usize, self.match_from[s + 1] as usize);
            hits.extend(self.matches[from..to].iter().map(|&p| (at + 1, p as usize)));
        }
    }

    /// Every occurrence of every literal, as (end, literal index), in order
    /// of end; `longest` is the longest literal's length. The walks and
    /// their stretches are those of the scalar pass (`lanes`), sixty-four of
    /// them.
    pub(super) fn scan(&self, doc: &[u8], longest: usize) -> Vec<(usize, usize)> {
        let cut: [Lane; WALKS] = lanes(doc.len(), longest);
        let shortest = cut.iter().map(|l| l.end - l.walk_from).min().unwrap_or(0);
        let mut hits: [Vec<(usize, usize)>; WALKS] = std::array::from_fn(|_| Vec::new());
        let mut states = [self.start; WALKS];
        // four bytes of each walk per gather; a document over 2 GiB is
        // walked by the scalar loop below alone
        let steps = if doc.len() < i32::MAX as usize {
            shortest / 4 * 4
        } else {
            0
        };
        if steps > 0 {
            // SAFETY: `scan` is called only where the processor has
            // AVX-512 F, BW and VBMI (`available`).
            unsafe { self.walk(doc, &cut, steps, &mut states, &mut hits) };
        }
        for ((lane, state), hits) in cut.iter().zip(&mut states).zip(&mut hits) {
            let from = lane.walk_from + steps;
            for (at, &byte) in (from..).zip(&doc[from..lane.end]) {
                *state = self.step(*state, byte);
                self.record(*state, lane, at, hits);
            }
        }
        hits.concat()
    }

    /// The first `steps` bytes (a multiple of four, at most the shortest
    /// stretch's length) of every walk, in lockstep.
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
    fn walk(
        &self,
        doc: &[u8],
        cut: &[Lane; WALKS],
        steps: usize,
        states: &mut [u32; WALKS],
        hits: &mut [Vec<(usize, usize)>; WALKS],
    ) {
        let table: [__m512i; 4] = std::array::from_fn(|k| {
            // SAFETY: 64 bytes of `classes` from `64 * k`, k < 4; unaligned.
            unsafe { _mm512_loadu_si512(self.classes.as_ptr().add(64 * k).cast()) }
        });
        let mut from = [_mm512_setzero_si512(); REGISTERS];
        let mut state = [_mm512_setzero_si512(); REGISTERS];
        for r in 0..REGISTERS {
            let offsets: [i32; 16] = std::array::from_fn(|k| cut[16 * r + k].walk_from as i32);
            // SAFETY: 16 readable i32 (and u32) each; unaligned loads.
            from[r] = unsafe { _mm512_loadu_si512(offsets.as_ptr().cast()) };
            state[r] = unsafe { _mm512_loadu_si512(states[16 * r..].as_ptr().cast()) };
        }
        let low_byte = _mm512_set1_epi32(0xFF);
        let limit = _mm512_set1_epi32(self.match_limit as i32);
        let next = self.next.as_ptr();
        let bytes = doc.as_ptr();
        let mut i = 0;
        while i < steps {
            // each walk's next four bytes, as their classes
            let mut classes = [_mm512_setzero_si512(); REGISTERS];
            for r in 0..REGISTERS {
                let at = _mm512_add_epi32(from[r], _mm512_set1_epi32(i as i32));
                // SAFETY: walk k reads `walk_from + i .. + 4`, within its
                // stretch since `i + 4 <= steps <= shortest`.
                let four = unsafe { _mm512_i32gather_epi32::<1>(at, bytes.cast()) };
                let high = _mm512_movepi8_mask(four);
                let low_half = _mm512_permutex2var_epi8(table[0], four, table[1]);
                let high_half = _mm512_permutex2var_epi8(table[2], four, table[3]);
                classes[r] = _mm512_mask_blend_epi8(high, low_half, high_half);
            }
            for j in 0..4 {
                let mut found = 0u64;
                for r in 0..REGISTERS {
                    let class = _mm512_and_si512(classes[r], low_byte);
                    classes[r] = _mm512_srli_epi32::<8>(classes[r]);
                    let index = _mm512_add_epi32(state[r], class);
                    // SAFETY: a state plus a class is an entry of `next`
                    // (states are premultiplied rows, classes < stride).
                    state[r] = unsafe { _mm512_i32gather_epi32::<4>(index, next.cast()) };
                    found |= u64::from(_mm512_cmplt_epu32_mask(state[r], limit)) << (16 * r);
                }
                if found != 0 {
                    // a fifth of the steps: the walks in a match state
                    let mut now = [0u32; WALKS];
                    for r in 0..REGISTERS {
                        // SAFETY: 16 writable u32 from `16 * r`; unaligned store.
                        unsafe { _mm512_storeu_si512(now[16 * r..].as_mut_ptr().cast(), state[r]) };
                    }
                    while found != 0 {
                        let w = found.trailing_zeros() as usize;
                        found &= found - 1;
                        self.record(now[w], &cut[w], cut[w].walk_from + i + j, &mut hits[w]);
                    }
                }
            }
            i += 4;
        }
        for r in 0..REGISTERS {
            // SAFETY: 16 writable u32; unaligned store.
            unsafe { _mm512_storeu_si512(states[16 * r..].as_mut_ptr().cast(), state[r]) };
        }
    }
}

/// Whether this processor can run the gathered walk, and runs it fast:
/// where the kernel says gathers are slowed by the microcode's mitigation of
/// Gather Data Sampling (Ice Lake and earlier Intel servers, several times
/// slower per gather), the scalar walk is kept.
pub(super) fn available() -> bool {
    static FAST: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FAST.get_or_init(|| {
        let slowed =
            std::fs::read_to_string("/sys/devices/system/cpu/vulnerabilities/gather_data_sampling")
                .is_ok_and(|state| state.starts_with("Mitigation"));
        is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vbmi")
            && !slowed
    })
}
