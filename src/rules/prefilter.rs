//! Which rules can hold in which provision, found in one pass over the whole
//! agreement. Each rule has a trigger: a group of literals one of which occurs in
//! every text the rule matches (the literals of its rarest necessary pattern).
//! All triggers go into one Aho-Corasick automaton, run once over the folded
//! agreement; a rule is then checked only in the provisions where its trigger
//! occurs. Literal presence is a necessary condition only: rules still check
//! their patterns afterwards.
//!
//! The same pass finds each pattern's own necessary literals (its gate,
//! when they are telling enough): a pattern is searched for only in
//! provisions that hold one of them. A literal is in the automaton once,
//! whatever groups hold it.
//!
//! A literal that its pattern puts right after a word boundary ("cultur" in
//! `\bcultur\w*`) counts only where it starts one: in the ToTA corpus
//! "cultur" stands inside "agricultur" nearly six times as often as it starts
//! a word, and each such provision was searched for in vain.

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa::DFA, Anchored, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Hir, HirKind};
use std::ops::Range;

/// A set of literals, one of which occurs wherever its patterns match.
pub type Literals = Vec<Literal>;

/// A literal of the one pass: folded bytes, and whether the pattern asserts an
/// ASCII word boundary (`(?-u:\b)`) right before them, so that an occurrence
/// counts only where the byte before it (if any) and its first byte are not
/// both word bytes or both not ([`Literal::occurs_at`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Literal {
    /// The folded bytes looked for (at most `MAX_LITERAL` of them).
    pub bytes: Vec<u8>,
    /// Whether the pattern puts `(?-u:\b)` right before them.
    pub after_boundary: bool,
}

impl Literal {
    /// A literal that may occur anywhere, even inside a word.
    #[cfg(test)]
    pub fn anywhere(bytes: impl Into<Vec<u8>>) -> Literal {
        Literal {
            bytes: bytes.into(),
            after_boundary: false,
        }
    }

    /// Can an occurrence of the literal at `start` in `doc` be one its
    /// pattern matches: always, unless the pattern puts a word boundary
    /// before it that is not there. The start of `doc`, like a unit
    /// separator, is no word byte.
    fn occurs_at(&self, doc: &[u8], start: usize) -> bool {
        let before = start.checked_sub(1).map(|i| doc[i]);
        !self.after_boundary
            || self
                .bytes
                .first()
                .is_none_or(|&first| before.is_some_and(is_word_byte) != is_word_byte(first))
    }
}

/// The automaton that finds every occurrence of every literal, walked a
/// byte at a time by the one pass where there is no gathered walk: all
/// matches (`Standard`), and no prefilter, which would stop the walk at
/// every likely start.
fn literal_dfa<I, P>(literals: I) -> Result<DFA, aho_corasick::BuildError>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::dfa::DFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(literals)
}

/// A byte of an ASCII word (what `(?-u:\b)` tells from the others).
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

#[cfg(target_arch = "x86_64")]
mod gather;
mod table;

/// Literals one of which occurs in every text some patterns match, as one
/// small automaton walked over a short text (a heading) before the patterns
/// are searched there: the regex engine's search of a few bytes spends most
/// of its time getting ready (its own prefilter, its cache), and most
/// headings hold none of the literals.
///
/// The automaton is the one pass's own table (`table::Table`), walked a
/// byte at a time. The three cues of the built-in rules, as the crate's
/// DFA, were a tenth of a one-thread start-up; for 200 literals that DFA
/// took 0.64-1.06 ms to build and the table takes 0.20-0.66 ms (four
/// builds each, one thread).
pub struct LiteralCue(table::Table);

impl LiteralCue {
    /// The cue of `literals` (word boundaries aside: it may say yes more
    /// often, never less); `None` when there are none or the automaton
    /// cannot be built (a literal holding NUL).
    pub fn new(literals: &[Literal]) -> Option<LiteralCue> {
        if literals.is_empty() {
            return None;
        }
        let bytes: Vec<&[u8]> = literals.iter().map(|l| l.bytes.as_slice()).collect();
        table::Table::new(&bytes).map(LiteralCue)
    }

    /// Whether one of the literals occurs in `text`: a plain walk of its bytes.
    pub fn occurs_in(&self, text: &[u8]) -> bool {
        self.0.occurs_in(text)
    }
}

pub struct Prefilter {
    walker: Walker,
    /// The longest literal's length in bytes.
    longest: usize,
    /// The literals of the automaton, each once (bytes that some groups
    /// look for after a word boundary and others anywhere are two literals
    /// of the same bytes).
    literals: Vec<Literal>,
    /// For each literal of the automaton, the groups that hold it (a rule's
    /// trigger and a pattern's gate are often the same words).
    owners: Vec<Vec<usize>>,
    /// Each group's literals, as indexes into `literals`, in its own order.
    groups: Vec<Vec<usize>>,
    triggers: usize,
}

/// The automaton of the one pass, and how it is walked.
enum Walker {
    /// The crate's DFA rather than the `AhoCorasick` searcher: the one pass
    /// walks it itself, several stretches of text at once (see `scan`).
    Dfa(DFA),
    /// A table of the same automaton, walked with AVX-512 gathers.
    #[cfg(target_arch = "x86_64")]
    Gather(table::Table),
}

/// The walk with AVX-512 gathers, when `gathered` and the automaton of
/// `literals` fits it.
#[cfg(target_arch = "x86_64")]
fn gathered_walker(literals: &[&[u8]], gathered: bool) -> Option<Walker> {
    gathered
        .then(|| table::Table::new(literals))
        .flatten()
        .map(Walker::Gather)
}

/// No gathered walk on other processors.
#[cfg(not(target_arch = "x86_64"))]
fn gathered_walker(_: &[&[u8]], _: bool) -> Option<Walker> {
    None
}

/// Which triggers occur in which unit (provision text): a row of bits per
/// unit, so that a rule's triggers are tested with a few word operations.
pub struct Presence {
    words: usize,
    bits: Vec<u64>,
}

impl Presence {
    /// Does trigger `trigger` occur in the unit? (The engine tests whole rows.)
    #[cfg(test)]
    fn has(&self, unit: usize, trigger: usize) -> bool {
        has_bit(self.row(unit), trigger)
    }

    /// The unit's triggers as bits (trigger `t` is bit `t % 64` of word `t / 64`).
    pub fn row(&self, unit: usize) -> &[u64] {
        &self.bits[unit * self.words..(unit + 1) * self.words]
    }

    /// Whether any trigger occurs in the unit (most units hold none).
    pub fn any(&self, unit: usize) -> bool {
        self.row(unit).iter().any(|&w| w != 0)
    }
}

/// `triggers` as a row of `Presence` bits, for testing a rule against a row.
pub fn trigger_bits(triggers: &[usize], count: usize) -> Vec<u64> {
    let mut bits = vec![0; words_for(count)];
    for &t in triggers {
        set_bit(&mut bits, t);
    }
    bits
}

/// Do the bits of `row` include all of `wanted`?
pub fn holds_all(row: &[u64], wanted: &[u64]) -> bool {
    row.iter().zip(wanted).all(|(r, w)| r & w == *w)
}

/// Whether bit `group` is set in `row` (group `g` is bit `g % 64` of word `g / 64`).
pub fn has_bit(row: &[u64], group: usize) -> bool {
    row[group / 64] & (1 << (group % 64)) != 0
}

/// Sets bit `group` of `row` (the layout of [`has_bit`]).
pub fn set_bit(row: &mut [u64], group: usize) {
    row[group / 64] |= 1 << (group % 64);
}

/// The indices of the bits set in `words` (bit `i` is bit `i % 64` of
/// word `i / 64`), in increasing order.
pub fn set_bits(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(w, &word)| {
        let mut word = word;
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros() as usize;
                word &= word - 1;
                64 * w + bit
            })
        })
    })
}

fn words_for(triggers: usize) -> usize {
    triggers.div_ceil(64).max(1)
}

/// Literals shorter than this would make nearly every provision a candidate.
const MIN_LITERAL: usize = 3;
/// Literals are cut to this length: long enough to be telling, short enough to
/// keep the automaton small (thousands of long literals made a DFA too big
/// for the cache, and the one pass three times slower). Counted with
/// callgrind over a check of the 450 ToTA files: 16 bytes took the fewest
/// instructions (2.179 billion, against 2.193 for 20, 2.204 for 18, 2.216
/// for 14: shorter literals let more provisions through to the regexes), and
/// the automaton builds in three quarters of the time it took at 20 (1.8 MB
/// against 2.6 MB), which every run waits for before its first review.
const MAX_LITERAL: usize = 16;

impl Prefilter {
    pub fn new(triggers: &[Literals]) -> Prefilter {
        #[cfg(target_arch = "x86_64")]
        let gathered = gather::available();
        #[cfg(not(target_arch = "x86_64"))]
        let gathered = false;
        Prefilter::with_walk(triggers, gathered)
    }

    /// `new`, its pass walked with AVX-512 gathers when `gathered` (which
    /// the processor must have) and the automaton fits them.
    fn with_walk(triggers: &[Literals], gathered: bool) -> Prefilter {
        let mut literals: Vec<&Literal> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<&Literal, usize> = Default::default();
        let mut groups = Vec::with_capacity(triggers.len());
        for (i, group) in triggers.iter().enumerate() {
            let mut own = Vec::with_capacity(group.len());
            for literal in group {
                let k = *index.entry(literal).or_insert_with(|| {
                    literals.push(literal);
                    owners.push(Vec::new());
                    literals.len() - 1
                });
                if owners[k].last() != Some(&i) {
                    owners[k].push(i);
                    own.push(k);
                }
            }
            groups.push(own);
        }
        let bytes: Vec<&[u8]> = literals.iter().map(|l| l.bytes.as_slice()).collect();
        let walker = gathered_walker(&bytes, gathered).unwrap_or_else(|| {
            // no prefilter: a thousand literals have none worth having, and
            // with one the start state would stop the walk at every word
            Walker::Dfa(literal_dfa(&bytes).expect("literal automaton builds"))
        });
        Prefilter {
            walker,
            longest: bytes.iter().map(|l| l.len()).max().unwrap_or(0),
            literals: literals.into_iter().cloned().collect(),
            owners,
            groups,
            triggers: triggers.len(),
        }
    }

    /// How many groups the pass looks for (rows have a bit for each).
    pub fn groups(&self) -> usize {
        self.triggers
    }

    /// The literals of one trigger group.
    pub fn group(&self, trigger: usize) -> Vec<String> {
        self.groups[trigger]
            .iter()
            .map(|&k| String::from_utf8_lossy(&self.literals[k].bytes).into_owned())
            .collect()
    }

    /// Which triggers occur in each unit of `doc`. Units are sorted, disjoint
    /// and separated by a byte no literal contains (NUL), so that no literal
    /// straddles two of them. A literal after a word boundary counts where
    /// one is before it in `doc`: a pattern searched for in a stretch of a
    /// unit (a sentence, a paragraph) must see there what `doc` holds, which
    /// it does where the stretch starts after a space or a mark, as units do
    /// (`matching::split_sentences`).
    pub fn presence(&self, doc: &[u8], units: &[Range<usize>]) -> Presence {
        let words = words_for(self.triggers);
        let mut bits = vec![0u64; units.len() * words];
        let mut unit = 0;
        for (end, pattern) in self.scan(doc) {
            // a literal holds no NUL, so it lies in the unit of its last byte
            while unit < units.len() && units[unit].end < end {
                unit += 1;
            }
            let Some(range) = units.get(unit) else { break };
            let literal = &self.literals[pattern];
            let start = end - literal.bytes.len();
            if range.start <= start && literal.occurs_at(doc, start) {
                let row = &mut bits[unit * words..(unit + 1) * words];
                for &group in &self.owners[pattern] {
                    set_bit(row, group);
                }
            }
        }
        Presence { words, bits }
    }

    /// Every occurrence of every literal, as (end, literal), in order of end.
    ///
    /// The text is cut into `LANES` stretches of equal length, walked in
    /// lockstep: a DFA walk waits on each table lookup before the next, and
    /// independent walks let the processor overlap those waits (almost three
    /// times as fast as one walk on the ToTA corpus). Each walk starts a
    /// longest literal before its stretch, so that it is in the state a
    /// single walk would be in when its stretch begins; it reports only the
    /// literals that end inside its stretch. The stretches follow one another,
    /// so their lists, each in order, are joined in order without a sort.
    fn scan(&self, doc: &[u8]) -> Vec<(usize, usize)> {
        match &self.walker {
            Walker::Dfa(dfa) => self.scan_dfa(dfa, doc),
            #[cfg(target_arch = "x86_64")]
            Walker::Gather(table) => table.scan(doc, self.longest),
        }
    }

    /// `scan` with the crate's DFA, eight stretches at a time.
    fn scan_dfa(&self, dfa: &DFA, doc: &[u8]) -> Vec<(usize, usize)> {
        let start = dfa
            .start_state(Anchored::No)
            .expect("unanchored DFA has a start state");
        let lanes: [Lane; LANES] = lanes(doc.len(), self.longest);
        let shortest = lanes.iter().map(|l| l.end - l.walk_from).min().unwrap_or(0);
        let text: [&[u8]; LANES] = lanes
            .clone()
            .map(|l| &doc[l.walk_from..l.walk_from + shortest]);
        let mut state = [start; LANES];
        let mut hits: [Vec<(usize, usize)>; LANES] = Default::default();
        // the lanes' bytes side by side through zipped iterators, which the
        // compiler reads without a bounds check per lane and byte (the pass
        // over ToTA: 478 -> 461 million instructions); the pattern below
        // holds as many names as there are lanes
        let [t0, t1, t2, t3, t4, t5, t6, t7] = text;
        let columns = t0
            .iter()
            .zip(t1)
            .zip(t2)
            .zip(t3)
            .zip(t4)
            .zip(t5)
            .zip(t6)
            .zip(t7);
        for (i, (((((((b0, b1), b2), b3), b4), b5), b6), b7)) in columns.enumerate() {
            let mut special = false;
            for (s, &byte) in state
                .iter_mut()
                .zip(&[*b0, *b1, *b2, *b3, *b4, *b5, *b6, *b7])
            {
                *s = dfa.next_state(Anchored::No, *s, byte);
                special |= dfa.is_special(*s);
            }
            if special {
                for ((lane, &s), hits) in lanes.iter().zip(&state).zip(&mut hits) {
                    record(dfa, s, lane, lane.walk_from + i, hits);
                }
            }
        }
        for ((lane, mut s), hits) in lanes.iter().zip(state).zip(&mut hits) {
            let from = lane.walk_from + shortest;
            for (at, &byte) in (from..).zip(&doc[from..lane.end]) {
                s = dfa.next_state(Anchored::No, s, byte);
                if dfa.is_special(s) {
                    record(dfa, s, lane, at, hits);
                }
            }
        }
        hits.concat()
    }
}

/// The literals that end at byte `at` in `state`, if `at` is in the lane's
/// own stretch.
fn record(
    dfa: &DFA,
    state: aho_corasick::automaton::StateID,
    lane: &Lane,
    at: usize,
    hits: &mut Vec<(usize, usize)>,
) {
    if at >= lane.own_from && dfa.is_match(state) {
        hits.extend(
            (0..dfa.match_len(state)).map(|k| (at + 1, dfa.match_pattern(state, k).as_usize())),
        );
    }
}

/// How many stretches of text the one pass walks at once: on the ToTA
/// corpus 4 took 42 ms, 6 and 8 37 ms, 12 42 ms (one walk: 102 ms).
const LANES: usize = 8;

/// One walk of the pass: it reads from `walk_from`, and reports the literals
/// ending in `own_from..end`.
#[derive(Clone, Debug, PartialEq)]
struct Lane {
    walk_from: usize,
    own_from: usize,
    end: usize,
}

/// A text of `len` bytes cut into `N` stretches of equal length (some empty
/// when it is short), each walked from `context` bytes before it.
fn lanes<const N: usize>(len: usize, context: usize) -> [Lane; N] {
    let cut = |k: usize| len * k / N;
    std::array::from_fn(|k| Lane {
        walk_from: cut(k).saturating_sub(context),
        own_from: cut(k),
        end: cut(k + 1),
    })
}

/// A rule pattern's syntax tree, parsed as rule patterns are compiled: no
/// Unicode classes, bytes rather than UTF-8 (`load::compile_pattern`).
/// Errors: the parser's message.
pub fn parse(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

/// Literals one of which occurs in every match of `pattern`, or None when no
/// small set of long enough literals says so. Each branch of an alternation is
/// known by its most telling part: "rights? (of …)? to regulate" by
/// "to regulate" rather than by "right".
pub fn literals(pattern: &str) -> Option<Literals> {
    literals_of(&parse(pattern).ok()?)
}

/// `literals` of a pattern already parsed (`parse`).
pub fn literals_of(hir: &Hir) -> Option<Literals> {
    let mut out = necessary(hir, false)?;
    for lit in &mut out {
        lit.bytes.truncate(MAX_LITERAL);
    }
    Some(minimal(out))
}

/// The same set with fewer literals: sorted, and without any literal that
/// starts with another (where it occurs, so does the shorter one), unless
/// the shorter one needs a word boundary before it and the longer does not.
pub fn minimal(mut literals: Literals) -> Literals {
    literals.sort();
    literals.dedup();
    let mut kept: Literals = Vec::with_capacity(literals.len());
    // sorted, a literal that starts with a kept one comes after it, and
    // with no other kept literal of the same kind between them (that one
    // would start with it too, and not be kept)
    let (mut anywhere, mut after_boundary): (Option<usize>, Option<usize>) = (None, None);
    for lit in literals {
        let starts_with =
            |k: Option<usize>| k.is_some_and(|k| lit.bytes.starts_with(&kept[k].bytes));
        if starts_with(anywhere) || (lit.after_boundary && starts_with(after_boundary)) {
            continue;
        }
        if lit.after_boundary {
            after_boundary = Some(kept.len());
        } else {
            anywhere = Some(kept.len());
        }
        kept.push(lit);
    }
    kept
}

/// The best literal set found in a match of `hir`: the prefixes of the whole
/// or of any tail of a concatenation, or the suffixes, whichever is rarest.
/// Prefixes are marked as after a word boundary where one stands right
/// before them: in the pattern, or before `hir` itself (`after_boundary`).
fn necessary(hir: &Hir, after_boundary: bool) -> Option<Literals> {
    match hir.kind() {
        HirKind::Alternation(branches) => {
            let mut out = Vec::new();
            for b in branches {
                out.extend(necessary(b, after_boundary)?);
            }
            Some(out)
        }
        HirKind::Capture(c) => necessary(&c.sub, after_boundary),
        HirKind::Concat(parts) => {
            // the prefixes of every tail of the concatenation, each part's
            // literals extracted once (each tail as a concatenation of its
            // own was a tenth of start-up)
            let each: Vec<Seq> = parts
                .iter()
                .map(|p| extractor(ExtractKind::Prefix).extract(p))
                .collect();
            // a boundary right before part `i`; a tail that opens with one
            // starts where it stands too
            let before = |i: usize| match i {
                0 => after_boundary,
                _ => is_word_boundary(&parts[i - 1]),
            };
            (0..parts.len())
                .filter_map(|i| {
                    let at_boundary = before(i) || is_word_boundary(&parts[i]);
                    usable(concat_prefixes(&each[i..]), at_boundary)
                })
                .chain(extract(hir, ExtractKind::Suffix, false))
                .chain(
                    parts
                        .iter()
                        .enumerate()
                        .filter_map(|(i, part)| necessary(part, before(i))),
                )
                .max_by_key(rarity)
        }
        _ => [
            extract(hir, ExtractKind::Prefix, after_boundary),
            extract(hir, ExtractKind::Suffix, false),
        ]
        .into_iter()
        .flatten()
        .max_by_key(rarity),
    }
}

/// How to choose between literal sets: the rarest (`score`), and of sets as
/// rare, the one with more literals after a word boundary (the prefixes and
/// the suffixes of "cultur" are the same bytes, only the prefixes start a
/// word).
fn rarity(literals: &Literals) -> (usize, usize) {
    let after_boundary = literals.iter().filter(|l| l.after_boundary).count();
    (score(literals), after_boundary)
}

/// Is `hir` an ASCII word boundary, `(?-u:\b)` (rule patterns are parsed
/// without Unicode, see `parse`)?
fn is_word_boundary(hir: &Hir) -> bool {
    matches!(
        hir.kind(),
        HirKind::Look(regex_syntax::hir::Look::WordAscii)
    )
}

/// At most this many literals in a set.
const LIMIT_TOTAL: usize = 1000;
/// Literals are cut to this length as they are extracted (the extractor's
/// default).
const LIMIT_LITERAL_LEN: usize = 100;

fn extractor(kind: ExtractKind) -> Extractor {
    let mut extractor = Extractor::new();
    extractor
        .kind(kind)
        .limit_total(LIMIT_TOTAL)
        .limit_class(4)
        .limit_literal_len(LIMIT_LITERAL_LEN);
    extractor
}

/// The literals of `kind` of `hir` (`usable`), prefixes marked as after a
/// word boundary when `after_boundary`.
fn extract(hir: &Hir, kind: ExtractKind, after_boundary: bool) -> Option<Literals> {
    usable(extractor(kind).extract(hir), after_boundary)
}

/// The prefixes of the concatenation of parts whose prefixes are `each`,
/// as the extractor makes them: crossed one part after the other until the
/// literals are inexact, a cross over the limit making the set infinite.
fn concat_prefixes(each: &[Seq]) -> Seq {
    let mut seq = Seq::singleton(regex_syntax::hir::literal::Literal::exact(vec![]));
    for part in each {
        if seq.is_inexact() {
            break;
        }
        let mut part = part.clone();
        if seq
            .max_cross_len(&part)
            .is_some_and(|len| len > LIMIT_TOTAL)
        {
            part.make_infinite();
        }
        seq.cross_forward(&mut part);
        seq.keep_first_bytes(LIMIT_LITERAL_LEN);
    }
    seq
}

/// The literals of `seq`, if it is finite, not empty, and none is shorter
/// than `MIN_LITERAL`; each marked as after a word boundary if
/// `after_boundary`.
fn usable(seq: Seq, after_boundary: bool) -> Option<Literals> {
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().len() < MIN_LITERAL) {
        return None;
    }
    Some(
        literals
            .iter()
            .map(|l| Literal {
                bytes: l.as_bytes().to_vec(),
                after_boundary,
            })
            .collect(),
    )
}

/// How rarely a set of literals is expected to occur: as rarely as its most
/// common literal. Long literals are rarer than short ones, and several words
/// together much rarer than one ("policy space" against "policy").
pub fn score(literals: &[Literal]) -> usize {
    literals
        .iter()
        .map(|l| {
            let words = l.bytes.trim_ascii();
            words.len() + if words.contains(&b' ') { 8 } else { 0 }
        })
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_bits_are_read_across_words_in_order() {
        let words = [1u64 << 63 | 1, 0, 1 << 5];
        assert_eq!(set_bits(&words).collect::<Vec<_>>(), [0, 63, 133]);
        assert_eq!(set_bits(&[]).count(), 0);
    }

    #[test]
    fn literals_of_alternations_and_word_stems() {
        let lits = literals(r"\bcultural industr(?:y|ies)|audio[- ]?visual").unwrap();
        assert!(lits
            .iter()
            .any(|l| l.bytes.starts_with(b"cultural industr")));
        let long = literals(r"diversity of cultural expressions").unwrap();
        assert_eq!(
            long,
            [Literal::anywhere("diversity of cul")],
            "cut to MAX_LITERAL bytes"
        );
        assert!(lits.iter().any(|l| l.bytes.starts_with(b"audio")));
        assert!(literals(r"[a-z]+ [0-9]+").is_none());
        assert_eq!(
            literals(r"[a-z]+ right \w+").unwrap(),
            [Literal::anywhere(" right ")]
        );
    }

    #[test]
    fn a_literal_right_after_a_word_boundary_is_marked() {
        let after = |b: &str| Literal {
            bytes: b.into(),
            after_boundary: true,
        };
        assert_eq!(literals(r"\bcultur\w*").unwrap(), [after("cultur")]);
        assert_eq!(
            literals(r"cultur\w*").unwrap(),
            [Literal::anywhere("cultur")]
        );
        // the boundary before an optional part is before each prefix
        assert_eq!(
            literals(r"\b(?:sub)?sector").unwrap(),
            [after("sector"), after("subsector")]
        );
        // in one branch and not the other
        assert_eq!(
            literals(r"\bcultur\w*|audiovisual").unwrap(),
            [Literal::anywhere("audiovisual"), after("cultur")]
        );
        // a boundary before a group reaches the branches inside it
        assert_eq!(
            literals(r"[a-z]+ \b(?:film|music)").unwrap(),
            [after("film"), after("music")]
        );
        // a suffix ends at the boundary, it does not start there
        assert_eq!(
            literals(r"[a-z]+ing\b").unwrap(),
            [Literal::anywhere("ing")]
        );
    }

    #[test]
    fn a_literal_after_a_word_boundary_counts_only_where_a_word_starts() {
        let triggers = vec![
            literals(r"\bcultur\w*").unwrap(),
            literals(r"cultur\w*").unwrap(),
        ];
        let re = regex::bytes::Regex::new(r"(?-u:\b)cultur\w*").unwrap();
        for pre in each_walk(&triggers) {
            assert_eq!(pre.literals.len(), 2, "the same bytes, looked for two ways");
            let doc = b"cultural\0agricultural\0(cultural)\0x_culture\0the 2cultures";
            let units = [0..8, 9..21, 22..32, 33..42, 43..55];
            let p = pre.presence(doc, &units);
            let found = |t| {
                (0..units.len())
                    .filter(|&u| p.has(u, t))
                    .collect::<Vec<_>>()
            };
            assert_eq!(found(0), [0, 2], "a unit's start, or after a mark");
            assert_eq!(found(1), [0, 1, 2, 3, 4], "anywhere");
            // each unit where the pattern matches is let through
            for (u, range) in units.iter().enumerate() {
                assert_eq!(re.is_match(&doc[range.clone()]), p.has(u, 0), "unit {u}");
            }
        }
    }

    #[test]
    fn a_shorter_literal_stands_for_a_longer_one_only_where_it_says_as_much() {
        let after = |b: &str| Literal {
            bytes: b.into(),
            after_boundary: true,
        };
        let anywhere = Literal::anywhere;
        // "culturale" inside a word is no "cultur" at a word's start
        assert_eq!(
            minimal(vec![after("cultur"), anywhere("culturale")]),
            [after("cultur"), anywhere("culturale")]
        );
        assert_eq!(
            minimal(vec![
                anywhere("cultur"),
                after("culturale"),
                anywhere("culturel")
            ]),
            [anywhere("cultur")]
        );
        assert_eq!(
            minimal(vec![
                after("cultur"),
                after("culturale"),
                anywhere("cultur")
            ]),
            [anywhere("cultur")]
        );
        // a kept literal of the other kind between them does not hide the
        // shorter one
        assert_eq!(
            minimal(vec![
                anywhere("abc"),
                after("abd"),
                anywhere("abdx"),
                after("abcz")
            ]),
            [anywhere("abc"), after("abd"), anywhere("abdx")]
        );
    }

    #[test]
    fn a_literal_cue_says_whether_a_short_text_holds_a_literal() {
        let cue = LiteralCue::new(&literals(r"\bcultur\w*|electronic commerce").unwrap()).unwrap();
        assert!(cue.occurs_in(b"cultural cooperation"));
        assert!(cue.occurs_in(b"trade and electronic commerce"));
        // word boundaries aside: a yes where the pattern says no is allowed
        assert!(cue.occurs_in(b"agriculture"));
        assert!(!cue.occurs_in(b"definitions"));
        assert!(!cue.occurs_in(b""));
        assert!(LiteralCue::new(&[]).is_none());
        // NUL is the table's byte of no literal: no cue, so always searched
        assert!(LiteralCue::new(&[Literal::anywhere(*b"a\0b")]).is_none());
    }

    #[test]
    fn a_literal_cue_finds_every_literal_anywhere_in_a_text() {
        // literals inside others, sharing prefixes and suffixes, and bytes
        // above 0x7F: found exactly where one of them is a part of the text
        let lits: Vec<Literal> = [
            "he",
            "she",
            "his",
            "hers",
            "cultur",
            "ultra",
            "\u{e9}t\u{e9}",
        ]
        .iter()
        .map(|l| Literal::anywhere(l.as_bytes()))
        .collect();
        let cue = LiteralCue::new(&lits).unwrap();
        let phrase = "ushers agricultural ultrasound \u{e9}t\u{e9} shi h s";
        let bytes = phrase.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let text = &bytes[start..end];
                let want = lits
                    .iter()
                    .any(|l| text.windows(l.bytes.len()).any(|w| w == l.bytes.as_slice()));
                assert_eq!(
                    cue.occurs_in(text),
                    want,
                    "{:?}",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    #[test]
    fn a_branch_is_known_by_its_rarer_end() {
        let lits =
            literals(r"rights? (?:of (?:[a-z'-]+ ){1,12})?to regulate|policy space").unwrap();
        assert_eq!(
            lits,
            [
                Literal::anywhere("policy space"),
                Literal::anywhere("to regulate")
            ]
        );
    }

    #[test]
    fn lanes_cover_the_text_once_with_context_before() {
        fn check<const N: usize>(len: usize) {
            let cut: [Lane; N] = lanes(len, 3);
            assert_eq!(cut[0].own_from, 0);
            assert_eq!(cut[N - 1].end, len);
            for pair in cut.windows(2) {
                assert_eq!(pair[0].end, pair[1].own_from);
            }
            for lane in &cut {
                assert_eq!(lane.walk_from, lane.own_from.saturating_sub(3));
            }
        }
        for len in [0, 5, 7, 100, 1001] {
            check::<LANES>(len);
            check::<64>(len);
        }
    }

    /// The prefilter of `triggers` with each walk this processor has.
    fn each_walk(triggers: &[Literals]) -> Vec<Prefilter> {
        #[cfg_attr(not(target_arch = "x86_64"), allow(unused_mut))]
        let mut walks = vec![Prefilter::with_walk(triggers, false)];
        #[cfg(target_arch = "x86_64")]
        if gather::available() {
            let gathered = Prefilter::with_walk(triggers, true);
            assert!(matches!(gathered.walker, Walker::Gather(_)));
            walks.push(gathered);
        } else {
            eprintln!("SKIPPED: the AVX-512 walk (this processor has no AVX-512 VBMI)");
        }
        walks
    }

    #[test]
    fn the_lanes_find_what_one_walk_finds() {
        let triggers = vec![
            literals(r"broadcast").unwrap(),
            literals(r"film").unwrap(),
            literals(r"cultural industr").unwrap(),
            literals(r"dust").unwrap(),
            // a literal with bytes above 0x7F (classes of the upper half)
            vec![Literal::anywhere(*b"stra\xc3\x9fe")],
        ];
        for pre in each_walk(&triggers) {
            let one_walk = aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(pre.literals.iter().map(|l| &l.bytes))
                .unwrap();
            // lengths for which the lane cuts fall inside literals, at every
            // offset, up to stretches of several gathers for 64 walks
            let phrase = "broadcast film cultural industries dust stra\u{df}e \u{e9}t\u{e9} ";
            for len in (0..=3 * phrase.len() + 2 * LANES).chain((300..2000).step_by(7)) {
                let doc: Vec<u8> = phrase.bytes().cycle().take(len).collect();
                let mut want: Vec<(usize, usize)> = one_walk
                    .find_overlapping_iter(&doc)
                    .map(|m| (m.end(), m.pattern().as_usize()))
                    .collect();
                let mut got = pre.scan(&doc);
                assert!(
                    got.windows(2).all(|w| w[0].0 <= w[1].0),
                    "in order of end, {len} bytes"
                );
                got.sort();
                want.sort();
                assert_eq!(got, want, "text of {len} bytes");
            }
        }
    }

    #[test]
    fn each_walk_finds_what_the_crate_finds_for_many_literals() {
        // a few hundred literals over a small alphabet (so that they overlap,
        // share prefixes and end inside one another), some with bytes above
        // 0x7F, in texts of the same alphabet
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = b"abcde \xc3\xa9.";
        let mut triggers: Vec<Literals> = (0..60)
            .map(|_| {
                (0..1 + next(6))
                    .map(|_| {
                        Literal::anywhere(
                            (0..3 + next(6))
                                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                                .collect::<Vec<u8>>(),
                        )
                    })
                    .collect()
            })
            .collect();
        // the same bytes after a word boundary: two literals of the automaton
        // that end at the same state
        for i in (0..60).step_by(7) {
            let twin = Literal {
                bytes: triggers[i][0].bytes.clone(),
                after_boundary: true,
            };
            triggers.push(vec![twin]);
        }
        for pre in each_walk(&triggers) {
            let crate_search = aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(pre.literals.iter().map(|l| &l.bytes))
                .unwrap();
            for _ in 0..40 {
                let len = next(3000) as usize;
                let doc: Vec<u8> = (0..len)
                    .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                    .collect();
                let mut want: Vec<(usize, usize)> = crate_search
                    .find_overlapping_iter(&doc)
                    .map(|m| (m.end(), m.pattern().as_usize()))
                    .collect();
                let mut got = pre.scan(&doc);
                assert!(got.windows(2).all(|w| w[0].0 <= w[1].0), "in order of end");
                got.sort();
                want.sort();
                assert_eq!(got, want, "text of {len} bytes");
            }
        }
    }

    #[test]
    fn rows_hold_more_triggers_than_a_word() {
        let triggers: Vec<Literals> = (0..70)
            .map(|i| vec![Literal::anywhere(format!("term{i:02}x"))])
            .collect();
        let pre = Prefilter::new(&triggers);
        let doc = b"term03x and term69x\0term64x";
        let p = pre.presence(doc, &[0..19, 20..27]);
        let found = |u| (0..70).filter(|&t| p.has(u, t)).collect::<Vec<_>>();
        assert_eq!(found(0), [3, 69]);
        assert_eq!(found(1), [64]);
        assert!(holds_all(p.row(0), &trigger_bits(&[3, 69], 70)));
        assert!(!holds_all(p.row(0), &trigger_bits(&[3, 64], 70)));
        assert!(holds_all(p.row(1), &trigger_bits(&[], 70)));
    }

    #[test]
    fn tail_prefixes_are_what_the_extractor_finds_for_every_built_in_pattern() {
        let rules = crate::rules::RuleSet::builtin().unwrap();
        let mut tails = 0;
        for rule in rules.rules() {
            let patterns = rule.requires.iter().chain(&rule.all).chain(&rule.any);
            for p in patterns.chain(&rule.not) {
                let hir = parse(p.source()).unwrap();
                let mut stack = vec![hir];
                while let Some(hir) = stack.pop() {
                    if let HirKind::Concat(parts) = hir.kind() {
                        let each: Vec<Seq> = parts
                            .iter()
                            .map(|p| extractor(ExtractKind::Prefix).extract(p))
                            .collect();
                        for i in 0..parts.len() {
                            let whole = Hir::concat(parts[i..].to_vec());
                            assert_eq!(
                                concat_prefixes(&each[i..]),
                                extractor(ExtractKind::Prefix).extract(&whole),
                                "{} {}: tail {i}",
                                rule.code(),
                                p.source()
                            );
                            tails += 1;
                        }
                    }
                    match hir.kind() {
                        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
                            stack.extend(parts.iter().cloned())
                        }
                        HirKind::Capture(c) => stack.push((*c.sub).clone()),
                        HirKind::Repetition(r) => stack.push((*r.sub).clone()),
                        _ => {}
                    }
                }
            }
        }
        assert!(tails > 1000, "{tails} tails compared");
    }

    #[test]
    fn a_literal_of_two_groups_marks_both() {
        // a rule's trigger and a pattern's gate often share words: the
        // automaton holds each literal once, and a match marks every group
        let triggers = vec![
            vec![
                Literal::anywhere("cultural industr"),
                Literal::anywhere("audiovisual"),
            ],
            vec![Literal::anywhere("cultural industr")],
            vec![
                Literal::anywhere("broadcast"),
                Literal::anywhere("audiovisual"),
            ],
        ];
        for pre in each_walk(&triggers) {
            assert_eq!(pre.literals.len(), 3, "each literal once");
            assert_eq!(pre.group(1), ["cultural industr"]);
            assert_eq!(
                pre.group(2),
                ["broadcast", "audiovisual"],
                "in the group's order"
            );
            let doc = b"the cultural industries\0audiovisual services\0broadcasting";
            let p = pre.presence(doc, &[0..23, 24..44, 45..57]);
            let row = |u| (0..3).map(|t| p.has(u, t)).collect::<Vec<_>>();
            assert_eq!(row(0), [true, true, false]);
            assert_eq!(row(1), [true, false, true]);
            assert_eq!(row(2), [false, false, true]);
        }
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
        assert!((0..3).all(|u| p.any(u)));
        let none = pre.presence(b"nothing\0here", &[0..7, 8..12]);
        assert!(!none.any(0) && !none.any(1));
    }
}
