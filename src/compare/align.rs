//! Alignment: which unit of B is which unit of A. `similar` has no notion of a
//! moved or renumbered article, so pairs are found first, by evidence of
//! falling strength, and only then diffed word by word:
//! 1. the same text (hash of the folded words), whatever the number or place;
//! 2. fuzzy candidates: units sharing rare 3-word shingles (an inverted index,
//!    so the work grows with the text, not with its square), the same title,
//!    or the same number; the best few are scored with `similar`'s ratio and
//!    paired greedily, best first;
//! 3. leftovers mostly contained in an already paired unit of the other side
//!    are the parts of a split (one A → several B) or a merge (several A → one B).
//!
//! Everything else is added or removed.

use super::units::{dice, shared, Unit};
use rayon::prelude::*;
use similar::{capture_diff_slices_deadline, diff_ratio, Algorithm};
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

/// How the two units of a pair correspond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// One A unit is one B unit (renumbered, moved or edited as it may be).
    OneToOne,
    /// One of several B units carved out of one A unit.
    Split,
    /// One of several A units folded into one B unit.
    Merged,
}

/// One unit of A paired with one unit of B.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// Index of the unit in A's unit list.
    pub a: usize,
    /// Index of the unit in B's unit list.
    pub b: usize,
    /// Folded-word similarity in 0..=1 (containment for split/merge parts).
    pub similarity: f32,
    /// One-to-one, or one part of a split or merge.
    pub relation: Relation,
}

/// Which unit of B is which unit of A: indexes into the two unit lists.
#[derive(Debug, Default)]
pub struct Alignment {
    /// The pairs found, strongest evidence first.
    pub pairs: Vec<Pair>,
    /// A units paired with nothing, ascending.
    pub removed: Vec<usize>,
    /// B units paired with nothing, ascending.
    pub added: Vec<usize>,
    /// Where each A division (chapter path) went in B, by majority of its articles.
    pub division_map: HashMap<String, String>,
}

/// A shingle shared by more units than this is boilerplate ("in accordance with
/// this"), useless for telling articles apart and costly to follow.
const MAX_POSTINGS: usize = 24;
const CANDIDATES: usize = 4;
const MIN_RATIO: f32 = 0.5;
const MIN_RATIO_SAME_TITLE: f32 = 0.2;
const MIN_CONTAINMENT: f32 = 0.6;
/// A single pair may not hold up the comparison of two long agreements.
const PAIR_DEADLINE: Duration = Duration::from_millis(30);

/// Pairs the units of A with those of B: identical texts first, then similar ones
/// (shared shingles, title or number), then the parts of splits and merges.
pub fn align(a: &[Unit], b: &[Unit]) -> Alignment {
    let mut state = State::new(a.len(), b.len());
    pair_identical(a, b, &mut state);
    let divisions = division_map(a, b, &state.pairs);
    pair_similar(a, b, &divisions, &mut state);
    pair_parts(a, b, &mut state);
    // Moves are judged against where the chapter went once everything is paired:
    // a chapter whose articles all changed a little has no identical pairs.
    let divisions = division_map(a, b, &state.pairs);
    state.finish(divisions)
}

struct State {
    pairs: Vec<Pair>,
    a_taken: Vec<bool>,
    b_taken: Vec<bool>,
}

impl State {
    fn new(n: usize, m: usize) -> Self {
        State {
            pairs: Vec::new(),
            a_taken: vec![false; n],
            b_taken: vec![false; m],
        }
    }

    fn take(&mut self, a: usize, b: usize, similarity: f32, relation: Relation) {
        self.a_taken[a] = true;
        self.b_taken[b] = true;
        self.pairs.push(Pair {
            a,
            b,
            similarity,
            relation,
        });
    }

    fn finish(self, division_map: HashMap<String, String>) -> Alignment {
        let free = |taken: &[bool]| {
            taken
                .iter()
                .enumerate()
                .filter(|(_, t)| !**t)
                .map(|(i, _)| i)
                .collect()
        };
        Alignment {
            removed: free(&self.a_taken),
            added: free(&self.b_taken),
            pairs: self.pairs,
            division_map,
        }
    }
}

/// Same folded text. Among several identical texts ("[Reserved]", or the same
/// article in two chapters) the evidence is taken strongest first, each over
/// the whole agreement: the same number and title; a text found once on each
/// side; the chapter the A article's chapter went to; then the same title, the
/// same number, the next in order. Otherwise deleting or editing one copy would
/// be reported against the other.
fn pair_identical(a: &[Unit], b: &[Unit], state: &mut State) {
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, u) in b.iter().enumerate() {
        by_hash.entry(u.fold_hash).or_default().push(j);
    }
    let mut a_count: HashMap<u64, usize> = HashMap::new();
    for u in a {
        *a_count.entry(u.fold_hash).or_default() += 1;
    }
    identical_pass(a, &by_hash, state, |u, free| {
        free.iter()
            .copied()
            .find(|&j| b[j].number_key == u.number_key && b[j].title_key == u.title_key)
    });
    identical_pass(a, &by_hash, state, |u, free| {
        let unique = a_count[&u.fold_hash] == 1 && by_hash[&u.fold_hash].len() == 1;
        (unique && u.word_count() >= 3)
            .then(|| free.first().copied())
            .flatten()
    });
    let divisions = division_map(a, b, &state.pairs);
    identical_pass(a, &by_hash, state, |u, free| {
        let expected = divisions.get(u.division_path())?;
        let short = u.word_count() < 3;
        free.iter().copied().find(|&j| {
            b[j].division_path() == expected && (!short || b[j].title_key == u.title_key)
        })
    });
    identical_pass(a, &by_hash, state, |u, free| {
        loose_pick(u, b, free).copied()
    });
}

fn identical_pass(
    a: &[Unit],
    by_hash: &HashMap<u64, Vec<usize>>,
    state: &mut State,
    pick: impl Fn(&Unit, &[usize]) -> Option<usize>,
) {
    for (i, u) in a.iter().enumerate() {
        if state.a_taken[i] {
            continue;
        }
        let Some(group) = by_hash.get(&u.fold_hash) else {
            continue;
        };
        let free: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&j| !state.b_taken[j])
            .collect();
        if let Some(j) = pick(u, &free) {
            state.take(i, j, 1.0, Relation::OneToOne);
        }
    }
}

fn loose_pick<'f>(u: &Unit, b: &[Unit], free: &'f [usize]) -> Option<&'f usize> {
    // Short texts ("Deleted.") only count as identical under the same title.
    let short = u.word_count() < 3;
    free.iter()
        .find(|&&j| b[j].title_key == u.title_key)
        .or_else(|| {
            free.iter()
                .find(|&&j| !short && b[j].number_key == u.number_key)
        })
        .or_else(|| free.first().filter(|_| !short))
}

/// For each A division, the B division most of its paired units landed in. A
/// renumbered chapter maps to its new number; an article that left it is moved.
/// Ties go to the division with the same title, then the same path.
pub fn division_map(a: &[Unit], b: &[Unit], pairs: &[Pair]) -> HashMap<String, String> {
    let mut votes: HashMap<&str, BTreeMap<&str, (usize, bool, bool)>> = HashMap::new();
    for p in pairs {
        let (from, to) = (&a[p.a], &b[p.b]);
        let vote = votes
            .entry(from.division_path())
            .or_default()
            .entry(to.division_path())
            .or_insert((
                0,
                division_title(from) == division_title(to),
                from.division_path() == to.division_path(),
            ));
        vote.0 += 1;
    }
    votes
        .into_iter()
        .map(|(from, to)| {
            let best = to.into_iter().max_by_key(|&(_, v)| v).map(|(d, _)| d);
            (from.to_string(), best.unwrap_or_default().to_string())
        })
        .collect()
}

fn division_title(u: &Unit) -> Option<String> {
    let title = u.division?.title.as_deref()?;
    Some(crate::text::fold_text(title))
}

struct Candidate {
    a: usize,
    b: usize,
    ratio: f32,
    score: f32,
    same_title: bool,
}

fn pair_similar(a: &[Unit], b: &[Unit], divisions: &HashMap<String, String>, state: &mut State) {
    let free_b: Vec<usize> = (0..b.len()).filter(|&j| !state.b_taken[j]).collect();
    let index = ShingleIndex::new(b, &free_b);
    let mut by_title: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_number: HashMap<&str, Vec<usize>> = HashMap::new();
    for &j in &free_b {
        if !b[j].title_key.is_empty() {
            by_title.entry(&b[j].title_key).or_default().push(j);
        }
        if !b[j].number_key.is_empty() {
            by_number.entry(&b[j].number_key).or_default().push(j);
        }
    }
    let free_a: Vec<usize> = (0..a.len()).filter(|&i| !state.a_taken[i]).collect();
    let mut candidates: Vec<Candidate> = free_a
        .par_iter()
        .flat_map_iter(|&i| {
            let u = &a[i];
            let mut pool = index.best(&u.shingles, CANDIDATES);
            let same_key = [
                by_title.get(u.title_key.as_str()),
                by_number.get(u.number_key.as_str()),
            ];
            for list in same_key.into_iter().flatten() {
                pool.extend(list.iter().take(CANDIDATES));
            }
            pool.sort_unstable();
            pool.dedup();
            let expected = divisions.get(u.division_path()).map(String::as_str);
            pool.into_iter()
                .filter_map(move |j| score(u, &b[j], i, j, expected))
        })
        .collect();
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    for c in candidates {
        if state.a_taken[c.a] || state.b_taken[c.b] {
            continue;
        }
        let tiny = a[c.a].word_count() < 5 && b[c.b].word_count() < 5;
        let accepted =
            c.ratio >= MIN_RATIO || (c.same_title && (c.ratio >= MIN_RATIO_SAME_TITLE || tiny));
        if accepted {
            state.take(c.a, c.b, c.ratio, Relation::OneToOne);
        }
    }
}

/// Word similarity plus small bonuses for the same title, the expected chapter
/// and the same number: they break ties between near-identical boilerplate
/// articles ("Definitions" in every chapter) without overriding the text.
fn score(u: &Unit, v: &Unit, i: usize, j: usize, expected: Option<&str>) -> Option<Candidate> {
    let same_title = !u.title_key.is_empty() && u.title_key == v.title_key;
    if !same_title && dice(&u.shingles, &v.shingles) < 0.2 && u.number_key != v.number_key {
        return None;
    }
    // The word diff is the costly step; skip it when even a perfect ordering of
    // the shared words could not reach the bar this pair would have to pass.
    let bar = if same_title {
        MIN_RATIO_SAME_TITLE
    } else {
        MIN_RATIO
    };
    if u.word_count().max(v.word_count()) >= 5 && bag_ratio(u, v) < bar {
        return None;
    }
    let ratio = word_ratio(u, v);
    let mut score = ratio;
    if same_title {
        score += 0.15;
    }
    if expected == Some(v.division_path()) {
        score += 0.1;
    }
    if !u.number_key.is_empty() && u.number_key == v.number_key {
        score += 0.05;
    }
    Some(Candidate {
        a: i,
        b: j,
        ratio,
        score,
        same_title,
    })
}

/// An upper bound of `word_ratio`: the tokens the two share, in any order.
fn bag_ratio(u: &Unit, v: &Unit) -> f32 {
    let sorted = |x: &Unit| {
        let mut k: Vec<u64> = x.tokens.iter().map(|t| t.fold).collect();
        k.sort_unstable();
        k
    };
    let (x, y) = (sorted(u), sorted(v));
    // a merge of sorted lists counts common tokens with their multiplicity
    let common = shared(&x, &y);
    let total = x.len() + y.len();
    if total == 0 {
        1.0
    } else {
        2.0 * common as f32 / total as f32
    }
}

/// `similar`'s ratio over folded words, bounded in time.
pub fn word_ratio(u: &Unit, v: &Unit) -> f32 {
    let x: Vec<u64> = u.tokens.iter().map(|t| t.fold).collect();
    let y: Vec<u64> = v.tokens.iter().map(|t| t.fold).collect();
    let deadline = Instant::now() + PAIR_DEADLINE;
    let ops = capture_diff_slices_deadline(Algorithm::Histogram, &x, &y, Some(deadline));
    diff_ratio(&ops, x.len(), y.len())
}

/// Inverted index from shingle to the units holding it.
struct ShingleIndex {
    postings: HashMap<u64, Vec<usize>>,
}

impl ShingleIndex {
    fn new(units: &[Unit], include: &[usize]) -> Self {
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for &j in include {
            for &s in &units[j].shingles {
                postings.entry(s).or_default().push(j);
            }
        }
        ShingleIndex { postings }
    }

    /// The `n` units sharing the most distinctive shingles with `shingles`.
    fn best(&self, shingles: &[u64], n: usize) -> Vec<usize> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for s in shingles {
            match self.postings.get(s) {
                Some(list) if list.len() <= MAX_POSTINGS => {
                    for &j in list {
                        *counts.entry(j).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_iter().collect();
        ranked.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        ranked.into_iter().take(n).map(|(j, _)| j).collect()
    }
}

/// Leftovers that sit mostly inside a unit of the other side: split parts
/// (an unpaired B unit inside an A unit) and merged parts (the reverse).
fn pair_parts(a: &[Unit], b: &[Unit], state: &mut State) {
    let mut a_partner: HashMap<usize, usize> = HashMap::new();
    let mut b_partner: HashMap<usize, usize> = HashMap::new();
    for p in &state.pairs {
        a_partner.entry(p.a).or_insert(p.b);
        b_partner.entry(p.b).or_insert(p.a);
    }
    let all_a: Vec<usize> = (0..a.len()).collect();
    let index_a = ShingleIndex::new(a, &all_a);
    let free_b: Vec<usize> = (0..b.len()).filter(|&j| !state.b_taken[j]).collect();
    for j in free_b {
        let covered = |i: usize| a_partner.get(&i).map(|&pj| b[pj].shingles.as_slice());
        if let Some((i, c)) = container(&b[j], a, &index_a, covered) {
            mark_part(state, i, j, c, Relation::Split);
        }
    }
    let all_b: Vec<usize> = (0..b.len()).collect();
    let index_b = ShingleIndex::new(b, &all_b);
    let free_a: Vec<usize> = (0..a.len()).filter(|&i| !state.a_taken[i]).collect();
    for i in free_a {
        let covered = |j: usize| b_partner.get(&j).map(|&pi| a[pi].shingles.as_slice());
        if let Some((j, c)) = container(&a[i], b, &index_b, covered) {
            mark_part(state, i, j, c, Relation::Merged);
        }
    }
}

/// The part keeps its relation; the pair it joins (the first part) is marked too.
fn mark_part(state: &mut State, i: usize, j: usize, containment: f32, relation: Relation) {
    for p in state.pairs.iter_mut() {
        let joins = match relation {
            Relation::Split => p.a == i,
            _ => p.b == j,
        };
        if joins {
            p.relation = relation;
        }
    }
    state.take(i, j, containment, relation);
}

/// The unit of the other side that holds most of `part`, counting only text
/// its own counterpart does not already account for. A deleted article that
/// resembles its unchanged neighbour is not "merged" into it: the neighbour's
/// text is all accounted for by the neighbour's own counterpart.
fn container<'s>(
    part: &Unit,
    others: &[Unit],
    index: &ShingleIndex,
    covered: impl Fn(usize) -> Option<&'s [u64]>,
) -> Option<(usize, f32)> {
    if part.shingles.len() < 4 {
        return None;
    }
    let best = index.best(&part.shingles, 1).into_iter().next()?;
    let host = &others[best].shingles;
    let accounted = covered(best).unwrap_or(&[]);
    let inside: Vec<&u64> = part
        .shingles
        .iter()
        .filter(|s| host.binary_search(s).is_ok())
        .collect();
    let novel = inside
        .iter()
        .filter(|s| accounted.binary_search(s).is_err())
        .count();
    let share = |n: usize| n as f32 / part.shingles.len() as f32;
    // decided on the text nothing else explains; reported as plain containment
    (share(novel) >= MIN_CONTAINMENT && host.len() > part.shingles.len())
        .then_some((best, share(inside.len())))
}
