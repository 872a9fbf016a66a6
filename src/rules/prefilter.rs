//! Which rules can hold in which provision, found in one pass over the whole
//! agreement. Each rule has a trigger: a group of literals one of which occurs in
//! every text the rule matches (the literals of its rarest necessary pattern).
//! All triggers go into one Aho-Corasick automaton, run once over the folded
//! agreement; a rule is then checked only in the provisions where its trigger
//! occurs. Literal presence is a necessary condition only: rules still check
//! their patterns afterwards.

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa::DFA, Anchored, MatchKind, PatternID};
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Hir, HirKind};
use std::ops::Range;

/// A set of literals, one of which occurs wherever its patterns match.
pub type Literals = Vec<Vec<u8>>;

pub struct Prefilter {
    /// A DFA rather than the `AhoCorasick` searcher: the one pass walks it
    /// itself, several stretches of text at once (see `scan`).
    automaton: DFA,
    /// The literals, as given, for showing.
    literals: Vec<Vec<u8>>,
    /// For each literal of the automaton, the trigger it belongs to.
    owner: Vec<usize>,
    triggers: usize,
}

/// Which triggers occur in which unit (provision text): unit-major.
pub struct Presence {
    triggers: usize,
    table: Vec<bool>,
}

impl Presence {
    pub fn has(&self, unit: usize, trigger: usize) -> bool {
        self.table[unit * self.triggers + trigger]
    }
}

/// Literals shorter than this would make nearly every provision a candidate.
const MIN_LITERAL: usize = 3;
/// Literals are cut to this length: long enough to be telling, short enough to
/// keep the automaton small (thousands of long literals made a DFA too big
/// for the cache, and the one pass three times slower).
const MAX_LITERAL: usize = 20;

impl Prefilter {
    pub fn new(triggers: &[Literals]) -> Prefilter {
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut owner = Vec::new();
        for (i, group) in triggers.iter().enumerate() {
            owner.extend(std::iter::repeat_n(i, group.len()));
            literals.extend(group.iter().map(Vec::as_slice));
        }
        // no prefilter: a thousand literals have none worth having, and with
        // one the start state would stop the walk at every word
        let automaton = aho_corasick::dfa::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&literals)
            .expect("literal automaton builds");
        Prefilter {
            automaton,
            literals: literals.iter().map(|l| l.to_vec()).collect(),
            owner,
            triggers: triggers.len(),
        }
    }

    /// The literals of one trigger group.
    pub fn group(&self, trigger: usize) -> Vec<String> {
        self.owner
            .iter()
            .zip(&self.literals)
            .filter(|(&o, _)| o == trigger)
            .map(|(_, l)| String::from_utf8_lossy(l).into_owned())
            .collect()
    }

    /// Which triggers occur in each unit of `doc`. Units are sorted, disjoint
    /// and separated by a byte no literal contains (NUL), so that no literal
    /// straddles two of them.
    pub fn presence(&self, doc: &[u8], units: &[Range<usize>]) -> Presence {
        let mut table = vec![false; units.len() * self.triggers];
        let mut unit = 0;
        for (end, pattern) in self.scan(doc) {
            // a literal holds no NUL, so it lies in the unit of its last byte
            while unit < units.len() && units[unit].end < end {
                unit += 1;
            }
            let Some(range) = units.get(unit) else { break };
            let start = end - self.automaton.pattern_len(pattern);
            if range.start <= start {
                table[unit * self.triggers + self.owner[pattern.as_usize()]] = true;
            }
        }
        Presence {
            triggers: self.triggers,
            table,
        }
    }

    /// Every occurrence of every literal, as (end, literal), in order of end.
    ///
    /// The text is cut after NUL bytes into `LANES` stretches, walked in
    /// lockstep: a DFA walk waits on each table lookup before the next, and
    /// four independent walks let the processor overlap those waits (twice
    /// as fast as one walk on the ToTA corpus). After a NUL the automaton is
    /// back at its start, as no literal holds one, so each stretch can start
    /// there.
    fn scan(&self, doc: &[u8]) -> Vec<(usize, PatternID)> {
        let dfa = &self.automaton;
        let start = dfa
            .start_state(Anchored::No)
            .expect("unanchored DFA has a start state");
        let lanes = lanes(doc);
        let shortest = lanes.iter().map(|l| l.len()).min().unwrap_or(0);
        let [a, b, c, d] = lanes.clone().map(|l| &doc[l.start..l.start + shortest]);
        let mut state = [start; LANES];
        let mut hits = Vec::new();
        for (i, (((&x0, &x1), &x2), &x3)) in a.iter().zip(b).zip(c).zip(d).enumerate() {
            state[0] = dfa.next_state(Anchored::No, state[0], x0);
            state[1] = dfa.next_state(Anchored::No, state[1], x1);
            state[2] = dfa.next_state(Anchored::No, state[2], x2);
            state[3] = dfa.next_state(Anchored::No, state[3], x3);
            if state.iter().any(|&s| dfa.is_special(s)) {
                for (lane, &s) in lanes.iter().zip(&state) {
                    self.record(s, lane.start + i + 1, &mut hits);
                }
            }
        }
        for (lane, mut s) in lanes.iter().zip(state) {
            let from = lane.start + shortest;
            for (at, &byte) in (from..).zip(&doc[from..lane.end]) {
                s = dfa.next_state(Anchored::No, s, byte);
                if dfa.is_special(s) {
                    self.record(s, at + 1, &mut hits);
                }
            }
        }
        hits.sort_unstable_by_key(|&(end, _)| end);
        hits
    }

    fn record(
        &self,
        state: aho_corasick::automaton::StateID,
        end: usize,
        hits: &mut Vec<(usize, PatternID)>,
    ) {
        let dfa = &self.automaton;
        if dfa.is_match(state) {
            hits.extend((0..dfa.match_len(state)).map(|k| (end, dfa.match_pattern(state, k))));
        }
    }
}

/// How many stretches of text the one pass walks at once.
const LANES: usize = 4;

/// `doc` cut into `LANES` stretches of about equal length, each but the first
/// starting just after a NUL (some empty when there are too few).
fn lanes(doc: &[u8]) -> [Range<usize>; LANES] {
    let mut cuts = [doc.len(); LANES + 1];
    cuts[0] = 0;
    for k in 1..LANES {
        let from = (doc.len() * k / LANES).max(cuts[k - 1]);
        cuts[k] = memchr::memchr(0, &doc[from..]).map_or(doc.len(), |at| from + at + 1);
    }
    std::array::from_fn(|k| cuts[k]..cuts[k + 1])
}

/// Literals one of which occurs in every match of `pattern`, or None when no
/// small set of long enough literals says so. Each branch of an alternation is
/// known by its most telling part: "rights? (of …)? to regulate" by
/// "to regulate" rather than by "right".
pub fn literals(pattern: &str) -> Option<Literals> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()?;
    let mut out = necessary(&hir)?;
    for lit in &mut out {
        lit.truncate(MAX_LITERAL);
    }
    Some(minimal(out))
}

/// The same set with fewer literals: sorted, and without any literal that
/// starts with another (where it occurs, so does the shorter one).
pub fn minimal(mut literals: Literals) -> Literals {
    literals.sort();
    literals.dedup();
    let mut kept: Literals = Vec::with_capacity(literals.len());
    for lit in literals {
        if !kept.last().is_some_and(|k| lit.starts_with(k)) {
            kept.push(lit);
        }
    }
    kept
}

/// The best literal set found in a match of `hir`: the prefixes of the whole
/// or of any tail of a concatenation, or the suffixes, whichever is rarest.
fn necessary(hir: &Hir) -> Option<Literals> {
    match hir.kind() {
        HirKind::Alternation(branches) => {
            let mut out = Vec::new();
            for b in branches {
                out.extend(necessary(b)?);
            }
            Some(out)
        }
        HirKind::Capture(c) => necessary(&c.sub),
        HirKind::Concat(parts) => (0..parts.len())
            .filter_map(|i| extract(&Hir::concat(parts[i..].to_vec()), ExtractKind::Prefix))
            .chain(extract(hir, ExtractKind::Suffix))
            .chain(parts.iter().filter_map(necessary))
            .max_by_key(|lits| score(lits)),
        _ => [ExtractKind::Prefix, ExtractKind::Suffix]
            .into_iter()
            .filter_map(|kind| extract(hir, kind))
            .max_by_key(|lits| score(lits)),
    }
}

fn extract(hir: &Hir, kind: ExtractKind) -> Option<Literals> {
    let mut extractor = Extractor::new();
    extractor.kind(kind).limit_total(1000).limit_class(4);
    let seq: Seq = extractor.extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().len() < MIN_LITERAL) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// How rarely a set of literals is expected to occur: as rarely as its most
/// common literal. Long literals are rarer than short ones, and several words
/// together much rarer than one ("policy space" against "policy").
pub fn score(literals: &[Vec<u8>]) -> usize {
    literals
        .iter()
        .map(|l| {
            let words = l.trim_ascii();
            words.len() + if words.contains(&b' ') { 8 } else { 0 }
        })
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_of_alternations_and_word_stems() {
        let lits = literals(r"\bcultural industr(?:y|ies)|audio[- ]?visual").unwrap();
        assert!(lits.iter().any(|l| l.starts_with(b"cultural industr")));
        let long = literals(r"diversity of cultural expressions").unwrap();
        assert_eq!(long, [b"diversity of cultura".to_vec()], "cut to 20 bytes");
        assert!(lits.iter().any(|l| l.starts_with(b"audio")));
        assert!(literals(r"[a-z]+ [0-9]+").is_none());
        assert_eq!(
            literals(r"[a-z]+ right \w+").unwrap(),
            [b" right ".to_vec()]
        );
    }

    #[test]
    fn a_branch_is_known_by_its_rarer_end() {
        let lits =
            literals(r"rights? (?:of (?:[a-z'-]+ ){1,12})?to regulate|policy space").unwrap();
        assert_eq!(lits, [b"policy space".to_vec(), b"to regulate".to_vec()]);
    }

    #[test]
    fn lanes_cover_the_text_and_start_after_a_nul() {
        let doc = b"aaaa\0bbbb\0cccc\0dddd\0eeee";
        let cut = lanes(doc);
        assert_eq!(cut[0].start, 0);
        assert_eq!(cut[LANES - 1].end, doc.len());
        for pair in cut.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for lane in &cut[1..] {
            assert!(lane.is_empty() || doc[lane.start - 1] == 0, "{lane:?}");
        }
        assert_eq!(lanes(b"no nul at all"), [0..13, 13..13, 13..13, 13..13]);
        assert_eq!(lanes(b""), [0..0, 0..0, 0..0, 0..0]);
    }

    #[test]
    fn every_lane_finds_its_literals() {
        let triggers = vec![literals(r"broadcast").unwrap(), literals(r"film").unwrap()];
        let pre = Prefilter::new(&triggers);
        // one unit per lane and more: each literal once per unit, odd lengths
        let texts = [
            "a film",
            "broadcasting",
            "no",
            "film and broadcast",
            "filmx",
            "x",
        ];
        let mut doc = Vec::new();
        let mut units = Vec::new();
        for t in texts {
            let start = doc.len();
            doc.extend_from_slice(t.as_bytes());
            units.push(start..doc.len());
            doc.push(0);
        }
        let p = pre.presence(&doc, &units);
        let got: Vec<Vec<bool>> = (0..texts.len())
            .map(|u| (0..2).map(|t| p.has(u, t)).collect())
            .collect();
        let want: Vec<Vec<bool>> = texts
            .iter()
            .map(|t| vec![t.contains("broadcast"), t.contains("film")])
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn presence_is_per_unit_and_a_superset_of_matches() {
        let triggers = vec![
            literals(r"\bcultural industr\w*").unwrap(),
            literals(r"(?:[a-z]+ ){0,3}to regulate").unwrap(),
            literals(r"broadcast\w*").unwrap(),
        ];
        let pre = Prefilter::new(&triggers);
        let doc = b"the right to regulate\0the cultural industries\0broadcasting";
        let units = [0..21, 22..45, 46..58];
        let p = pre.presence(doc, &units);
        let row = |u| (0..3).map(|t| p.has(u, t)).collect::<Vec<_>>();
        assert_eq!(row(0), [false, true, false]);
        assert_eq!(row(1), [true, false, false]);
        assert_eq!(row(2), [false, false, true]);
    }
}
