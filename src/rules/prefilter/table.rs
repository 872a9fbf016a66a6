//! The literal automaton of the one pass and of the cues, as a flat table
//! of transitions: the gathered walk (`gather`) indexes it sixteen walks at
//! a time, and a scalar walk ([`Table::step`]) a byte at a time.
//!
//! Built here rather than asked of the `aho_corasick` crate. Building the
//! table from the crate's noncontiguous NFA, asking it for each state's
//! transition on each byte class, took 2.5-3.7 ms of every run's start-up
//! (one small file, 15 runs), on the thread whose work the first review
//! waits for; the trie built here, its rows completed from the failure
//! states' rows, takes 1.1-1.2 ms. The crate's own DFA of the one pass's
//! 1,039 literals took 3.6 ms to build (this table 0.8-1.4 ms); for 200 of
//! them, 0.64-1.06 ms (this table 0.20-0.66 ms).

/// A literal automaton as a flat table of transitions.
pub(super) struct Table {
    /// Each byte's class: its own for every byte some literal holds, class 0
    /// for all the others (they lead wherever a byte no literal holds leads).
    pub(super) classes: [u8; 256],
    /// `next[state + class]`: the state after a byte of `class`. States are
    /// premultiplied by `stride`, match states first.
    pub(super) next: Vec<u32>,
    pub(super) stride: u32,
    pub(super) start: u32,
    /// States below this one are match states.
    pub(super) match_limit: u32,
    /// The literals that end in match state `s / stride`: indices into
    /// `matches` from `match_from[s / stride]` to the next one's.
    pub(super) match_from: Vec<u32>,
    pub(super) matches: Vec<u32>,
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

    /// The state after `byte` in `state`.
    pub(super) fn step(&self, state: u32, byte: u8) -> u32 {
        self.next[(state + u32::from(self.classes[usize::from(byte)])) as usize]
    }

    /// Whether one of the literals occurs in `text` (a scalar walk).
    pub(super) fn occurs_in(&self, text: &[u8]) -> bool {
        let mut state = self.start;
        text.iter().any(|&byte| {
            state = self.step(state, byte);
            state < self.match_limit
        })
    }
}
