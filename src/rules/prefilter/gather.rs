//! The one pass of the prefilter with AVX-512: sixty-four stretches of the
//! text walked at once, sixteen to a register, each step of each register one
//! gather from the transition table.
//!
//! The table is this module's own Aho-Corasick automaton, built from the
//! literals (see `Table::new`): a gather needs the table's address and a
//! flat layout, which the crate's automata do not lend. The scalar walk over
//! the crate's DFA stays for processors without AVX-512 (see
//! `Prefilter::scan`).
//!
//! Measured on the 450 ToTA agreements, one thread, best of eight rounds:
//! `RuleSet::check` took 117-120 ms against 129-134 ms with the scalar walk
//! (two, six or eight registers were slower than four: each step waits on
//! its gathers, and fewer registers hide less of that wait, more spill). A
//! whole `check --format json` of them took 4% less CPU time (median of 12
//! interleaved runs, 262 against 275 ms).
//!
//! Building the table from the crate's noncontiguous NFA, asking it for
//! each state's transition on each byte class, took 2.5-3.7 ms of every
//! run's start-up (one small file, 15 runs), on the thread whose work the
//! first review waits for; the trie built here, its rows completed from the
//! failure states' rows, takes 1.1-1.2 ms.

use super::{lanes, Lane};
use std::arch::x86_64::*;

/// Registers of sixteen walks each.
const REGISTERS: usize = 4;
/// Walks in all.
const WALKS: usize = 16 * REGISTERS;

/// A literal automaton as a flat table of transitions.
pub(super) struct Table {
    /// Each byte's class: its own for every byte some literal holds, class 0
    /// for all the others (they lead wherever a byte no literal holds leads).
    classes: [u8; 256],
    /// `next[state + class]`: the state after a byte of `class`. States are
    /// premultiplied by `stride`, match states first.
    next: Vec<u32>,
    stride: u32,
    start: u32,
    /// States below this one are match states.
    match_limit: u32,
    /// The literals that end in match state `s / stride`: indices into
    /// `matches` from `match_from[s / stride]` to the next one's.
    match_from: Vec<u32>,
    matches: Vec<u32>,
}

impl Table {
    /// The table of the Aho-Corasick automaton of `literals` (none holding
    /// NUL: the unit separator must lead back to the start), or None when it
    /// does not fit 32-bit gathers.
    ///
    /// Built as the textbook construction goes: the literals' trie, its rows
    /// then completed breadth first, each state's missing transitions taken
    /// from its failure state's row (which is nearer the start, so complete),
    /// and each state reporting its own literals and its failure state's.
    /// The tests hold it to the crate's search (`find_overlapping_iter`).
    pub(super) fn new(literals: &[&[u8]]) -> Option<Table> {
        let mut classes = [0u8; 256];
        // a representative byte per class; class 0's is one no literal holds
        let mut reps: Vec<u8> = vec![0];
        for &b in literals.iter().flat_map(|l| l.iter()) {
            if classes[usize::from(b)] == 0 && b != reps[0] {
                classes[usize::from(b)] = u8::try_from(reps.len()).ok()?;
                reps.push(b);
            }
        }
        if literals.iter().any(|l| l.contains(&reps[0])) {
            return None;
        }
        let stride = reps.len();
        // the trie, state 0 its root: rows of transitions, NONE where it has
        // none, and the literals that end at each state
        const NONE: u32 = u32::MAX;
        let most = 1 + literals.iter().map(|l| l.len()).sum::<usize>();
        let mut raw: Vec<u32> = Vec::with_capacity(most.checked_mul(stride)?);
        raw.resize(stride, NONE);
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (i, literal) in literals.iter().enumerate() {
            let mut state = 0;
            for &b in *literal {
                let at = state * stride + usize::from(classes[usize::from(b)]);
                state = match raw[at] {
                    NONE => {
                        raw[at] = u32::try_from(ends.len()).ok()?;
                        raw.resize(raw.len() + stride, NONE);
                        ends.push(Vec::new());
                        ends.len() - 1
                    }
                    child => child as usize,
                };
            }
            ends[state].push(u32::try_from(i).ok()?);
        }
        // breadth first from the root, whose missing transitions lead back
        // to it: `order` holds the states in that order, root first
        let mut fail: Vec<u32> = vec![0; ends.len()];
        let mut order: Vec<u32> = Vec::with_capacity(ends.len());
        order.push(0);
        for to in &mut raw[..stride] {
            if *to == NONE {
                *to = 0;
            } else {
                order.push(*to);
            }
        }
        let mut at = 1;
        while at < order.len() {
            let state = order[at] as usize;
            let fail_row = fail[state] as usize * stride;
            for class in 0..stride {
                let to = raw[fail_row + class];
                let here = state * stride + class;
                if raw[here] == NONE {
                    raw[here] = to;
                } else {
                    // the child's failure state: where this one's goes on
                    // the same byte
                    fail[raw[here] as usize] = to;
                    order.push(raw[here]);
                }
            }
            at += 1;
        }
        // each state's literals: its own, then its failure state's (whose
        // list is made first, breadth first)
        let mut found: Vec<Vec<u32>> = vec![Vec::new(); ends.len()];
        for &state in &order[1..] {
            let state = state as usize;
            let mut all = std::mem::take(&mut ends[state]);
            all.extend_from_slice(&found[fail[state] as usize]);
            found[state] = all;
        }
        // match states first, so that one comparison finds them
        let mut renumber = vec![0u32; ends.len()];
        let mut match_from = Vec::new();
        let mut matches = Vec::new();
        let mut n = 0u32;
        for &state in &order {
            let own = &found[state as usize];
            if !own.is_empty() {
                renumber[state as usize] = n;
                n += 1;
                match_from.push(matches.len() as u32);
                matches.extend_from_slice(own);
            }
        }
        match_from.push(matches.len() as u32);
        let match_count = n;
        for &state in &order {
            if found[state as usize].is_empty() {
                renumber[state as usize] = n;
                n += 1;
            }
        }
        let total = order.len().checked_mul(stride)?;
        let stride32 = u32::try_from(stride).ok()?;
        // premultiplied states, and gathers index with signed 32 bits
        i32::try_from(total).ok()?;
        let mut next = vec![0u32; total];
        for (state, row) in raw.chunks_exact(stride).enumerate() {
            let base = renumber[state] as usize * stride;
            for (c, &to) in row.iter().enumerate() {
                next[base + c] = renumber[to as usize] * stride32;
            }
        }
        Some(Table {
            classes,
            next,
            stride: stride32,
            start: renumber[0] * stride32,
            match_limit: match_count * stride32,
            match_from,
            matches,
        })
    }

    fn step(&self, state: u32, byte: u8) -> u32 {
        self.next[(state + u32::from(self.classes[usize::from(byte)])) as usize]
    }

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
