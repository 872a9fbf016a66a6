//! The one pass of the prefilter with AVX-512: sixty-four stretches of the
//! text walked at once, sixteen to a register, each step of each register one
//! gather from the transition table.
//!
//! The table is this module's own, read off the crate's Aho-Corasick
//! automaton (its noncontiguous NFA, whose `next_state` follows the failure
//! transitions): a gather needs the table's address and a flat layout, which
//! the crate's DFA does not lend. The scalar walk over the crate's DFA stays
//! for processors without AVX-512 (see `Prefilter::scan`).
//!
//! Measured on the 450 ToTA agreements, one thread, best of eight rounds:
//! `RuleSet::check` took 117-120 ms against 129-134 ms with the scalar walk
//! (two, six or eight registers were slower than four: each step waits on
//! its gathers, and fewer registers hide less of that wait, more spill). A
//! whole `check --format json` of them took 4% less CPU time (median of 12
//! interleaved runs, 262 against 275 ms). The table is built row by row
//! from each state's own transitions and its failure state's row; asking
//! the automaton for every state and byte class, following failure chains,
//! made building it 15% of the CPU time of a check of one small file (5%
//! now, perf over 30 runs).

use super::{lanes, Lane};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{nfa::noncontiguous, Anchored, MatchKind};
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
    pub(super) fn new(literals: &[&[u8]]) -> Option<Table> {
        let nfa = noncontiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .build(literals)
            .ok()?;
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
        // the states reached from the start, breadth first, and their
        // transitions as positions in `order`
        let start = nfa.start_state(Anchored::No).ok()?;
        let mut order: Vec<StateID> = Vec::new();
        let mut position: Vec<u32> = Vec::new();
        let mut place = |sid: StateID, order: &mut Vec<StateID>| -> u32 {
            let i = sid.as_usize();
            if position.len() <= i {
                position.resize(i + 1, u32::MAX);
            }
            if position[i] == u32::MAX {
                position[i] = order.len() as u32;
                order.push(sid);
            }
            position[i]
        };
        place(start, &mut order);
        // each state's row: its own (trie) transitions, asked without
        // following failure transitions, and for every other class its
        // failure state's row, which breadth first order has already filled
        // (a failure state is nearer the start). Asking the automaton to
        // follow the failure chain for every state and class instead took
        // a sixth of a run's start-up.
        let mut raw: Vec<u32> = Vec::new();
        for &rep in &reps {
            let next = nfa.next_state(Anchored::No, start, rep);
            raw.push(place(next, &mut order));
        }
        // `fail[i]`: the position of the failure state of the state at `i`
        let mut fail: Vec<u32> = vec![0; order.len()];
        let mut at = 1;
        while at < order.len() {
            let sid = order[at];
            let fail_row = fail[at] as usize * stride;
            for (class, &rep) in reps.iter().enumerate() {
                let next = nfa.next_state(Anchored::Yes, sid, rep);
                let to = if nfa.is_dead(next) {
                    raw[fail_row + class]
                } else {
                    let child = place(next, &mut order);
                    // the child's failure state: where the failure state
                    // of this one goes on the same byte
                    fail.resize(order.len(), 0);
                    fail[child as usize] = raw[fail_row + class];
                    child
                };
                raw.push(to);
            }
            at += 1;
        }
        // match states first, so that one comparison finds them
        let mut renumber = vec![0u32; order.len()];
        let mut match_from = Vec::new();
        let mut matches = Vec::new();
        let mut n = 0u32;
        for (i, &sid) in order.iter().enumerate() {
            if nfa.is_match(sid) {
                renumber[i] = n;
                n += 1;
                match_from.push(matches.len() as u32);
                matches.extend((0..nfa.match_len(sid)).map(|k| nfa.match_pattern(sid, k).as_u32()));
            }
        }
        match_from.push(matches.len() as u32);
        let match_count = n;
        for (i, &sid) in order.iter().enumerate() {
            if !nfa.is_match(sid) {
                renumber[i] = n;
                n += 1;
            }
        }
        let total = order.len().checked_mul(stride)?;
        let stride32 = u32::try_from(stride).ok()?;
        // premultiplied states, and gathers index with signed 32 bits
        i32::try_from(total).ok()?;
        let mut next = vec![0u32; total];
        for (i, row) in raw.chunks_exact(stride).enumerate() {
            let base = renumber[i] as usize * stride;
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
