//! Chapters (and other divisions) as wholes: the chapter put in, the one
//! taken out, the ones renumbered or retitled with their articles. Read off
//! the article alignment: a division of A is the division of B most of its
//! articles went to (`Alignment::division_map`). A lawyer reading a draft
//! with a chapter put in before the rest wants "Chapter 2 added; Chapters
//! 2–4 are now 3–5", not one line for each of the articles that followed.

use super::align::Alignment;
use super::units::Unit;
use super::ChangeKind;
use crate::model::ProvisionRef;
use crate::provision::Provision;
use serde::Serialize;
use std::collections::HashMap;

/// One chapter (or other division) of A or B as a whole: `compare`'s
/// `divisions`, in B's reading order (a division taken out where it stood,
/// after the counterpart of the division before it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DivisionChange {
    /// Paired (renumbered, retitled, merged or split off), put in (only in
    /// B: none of its articles has a counterpart in A), or taken out (only
    /// in A).
    pub kind: ChangeKind,
    /// The division in A; `None` when put in.
    pub a: Option<ProvisionRef>,
    /// The division in B; `None` when taken out.
    pub b: Option<ProvisionRef>,
    /// The number differs (paired only).
    pub renumbered: bool,
    /// The title differs, case and accents aside (paired, same language only).
    pub retitled: bool,
    /// Folded into B's division with one or more other divisions of A,
    /// which goes on under B's number and title (of the same title, else
    /// number, else the one most of whose articles are there).
    pub merged: bool,
    /// A division of B none of A's went to, whose articles came (most of
    /// them) from A's division of its kind named in `a`: split off it.
    pub split: bool,
    /// Articles, at any depth: those B's holds when put in, those A's held
    /// when taken out, and when paired those of A's that went with it to
    /// B's (not those moved in from another chapter).
    pub articles: usize,
}

/// A division with the units (articles) it holds, in order of its first unit.
struct Held<'a> {
    division: &'a Provision,
    units: Vec<usize>,
}

fn held<'a>(units: &[Unit<'a>]) -> Vec<Held<'a>> {
    let mut out: Vec<Held<'a>> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        let Some(d) = u.division else { continue };
        let k = *at.entry(d.path.as_str()).or_insert_with(|| {
            out.push(Held {
                division: d,
                units: Vec::new(),
            });
            out.len() - 1
        });
        out[k].units.push(i);
    }
    out
}

/// The divisions put in, taken out, renumbered or retitled between A and B
/// (units and alignment as `compare` builds them). Of several divisions of
/// A that went to one of B (chapters merged), one goes on and the others
/// are merged into it.
pub fn division_changes(
    a: &[Unit],
    b: &[Unit],
    al: &Alignment,
    same_language: bool,
) -> Vec<DivisionChange> {
    let (held_a, held_b) = (held(a), held(b));
    let paired_a: std::collections::HashSet<usize> = al.pairs.iter().map(|p| p.a).collect();
    let paired_b: std::collections::HashSet<usize> = al.pairs.iter().map(|p| p.b).collect();
    // where each A division went
    let target = |d: &Held| {
        al.division_map
            .get(d.division.path.as_str())
            .filter(|to| !to.is_empty())
    };
    let key = |p: &Provision| p.number.as_deref().map(crate::provision::number_key);
    let title = |p: &Provision| p.title.as_deref().map(|t| crate::text::fold_text(t.trim()));
    // the pairs from `x`'s articles to `d`'s, counted by their distinct
    // articles on one side (`side` picks it)
    let counted = |x: &Held, d: &Held, side: fn(&super::align::Pair) -> usize| {
        al.pairs
            .iter()
            .filter(|p| x.units.contains(&p.a) && d.units.contains(&p.b))
            .map(side)
            .collect::<std::collections::HashSet<usize>>()
            .len()
    };
    // the articles of `x` that went to `d` (not those moved in from elsewhere)
    let went_with = |x: &Held, d: &Held| counted(x, d, |p| p.a);
    // B's divisions in order, each with what it came from
    let mut out: Vec<(usize, u8, DivisionChange)> = Vec::new();
    for (j, d) in held_b.iter().enumerate() {
        let path = d.division.path.as_str();
        let from: Vec<&Held> = held_a
            .iter()
            .filter(|x| target(x).map(String::as_str) == Some(path))
            .collect();
        if from.is_empty() {
            // put in, or split off the division of A of its kind most of
            // its articles came from
            let came_from = |x: &Held| counted(x, d, |p| p.b);
            let source = held_a
                .iter()
                .filter(|x| x.division.kind == d.division.kind)
                .map(|x| (came_from(x), x))
                .filter(|&(n, _)| n > 0)
                .max_by_key(|&(n, _)| n);
            let change = match source {
                None if d.units.iter().all(|u| !paired_b.contains(u)) => DivisionChange {
                    kind: ChangeKind::Added,
                    a: None,
                    b: Some(ProvisionRef::of(d.division)),
                    renumbered: false,
                    retitled: false,
                    merged: false,
                    split: false,
                    articles: d.units.len(),
                },
                Some((n, x)) => DivisionChange {
                    kind: ChangeKind::Matched,
                    a: Some(ProvisionRef::of(x.division)),
                    b: Some(ProvisionRef::of(d.division)),
                    renumbered: false,
                    retitled: false,
                    merged: false,
                    split: true,
                    articles: n,
                },
                None => continue,
            };
            out.push((j + 1, 0, change));
            continue;
        }
        // several went to one (chapters merged): the one of the same title,
        // else number, else with the most articles there goes on; the
        // others are merged into it
        let goes_on = from
            .iter()
            .position(|x| title(x.division).is_some() && title(x.division) == title(d.division))
            .or_else(|| {
                from.iter()
                    .position(|x| key(x.division).is_some() && key(x.division) == key(d.division))
            })
            .unwrap_or_else(|| {
                (0..from.len())
                    .max_by_key(|&k| went_with(from[k], d))
                    .unwrap_or(0)
            });
        for (k, x) in from.iter().enumerate() {
            // an annex or section of A's that is part of a chapter in B is
            // the two texts' structure read apart (a PDF and its XML), not
            // an edit
            if x.division.kind != d.division.kind {
                continue;
            }
            let merged = k != goes_on;
            let renumbered = !merged && key(x.division) != key(d.division);
            let retitled = !merged && same_language && title(x.division) != title(d.division);
            if !(merged || renumbered || retitled) {
                continue;
            }
            let change = DivisionChange {
                kind: ChangeKind::Matched,
                a: Some(ProvisionRef::of(x.division)),
                b: Some(ProvisionRef::of(d.division)),
                renumbered,
                retitled,
                merged,
                split: false,
                articles: went_with(x, d),
            };
            out.push((j + 1, 0, change));
        }
    }
    // A's divisions none of whose articles is in B, after the counterpart
    // of the division before them
    for (i, d) in held_a.iter().enumerate() {
        if d.units.iter().any(|u| paired_a.contains(u)) {
            continue;
        }
        let before = held_a[..i]
            .iter()
            .rev()
            .find_map(&target)
            .and_then(|to| held_b.iter().position(|y| y.division.path == *to))
            .map_or(0, |j| j + 1);
        out.push((
            before,
            1,
            DivisionChange {
                kind: ChangeKind::Removed,
                a: Some(ProvisionRef::of(d.division)),
                b: None,
                renumbered: false,
                retitled: false,
                merged: false,
                split: false,
                articles: d.units.len(),
            },
        ));
    }
    out.sort_by_key(|&(at, side, _)| (at, side));
    out.into_iter().map(|(_, _, c)| c).collect()
}

/// The division changes as the reports list them: each on its own, but
/// `RUN` or more renumbered one after another (and not retitled) as one
/// entry ("Chapters 2–4 → 3–5").
pub fn entries(divisions: &[DivisionChange]) -> Vec<&[DivisionChange]> {
    /// The fewest renumbered divisions told as one entry.
    const RUN: usize = 3;
    let mut out = Vec::new();
    let mut rest = divisions;
    while !rest.is_empty() {
        let run = rest
            .iter()
            .take_while(|d| {
                d.kind == ChangeKind::Matched && d.renumbered && !d.retitled && !d.merged
            })
            .count();
        let (entry, after) = rest.split_at(if run >= RUN { run } else { 1 });
        out.push(entry);
        rest = after;
    }
    out
}

/// Whether the article change `ch` says no more than its chapter's
/// renumbering does: only renumbered, in a division of A renumbered as a
/// whole into the division it sits in now, its number still in step with
/// its chapter's ("2.3" in Chapter 2 is "3.3" in Chapter 3: `own_part`),
/// so that the chapter's line tells it.
pub fn told_by_division(ch: &super::Change, divisions: &[DivisionChange]) -> bool {
    let (Some(a), Some(b)) = (&ch.a, &ch.b) else {
        return false;
    };
    if ch.kind != ChangeKind::Matched
        || ch.moved
        || ch.text_changed
        || ch.retitled
        || ch.split
        || ch.merged
    {
        return false;
    }
    let (Some(da), Some(db)) = (&a.place.division, &b.place.division) else {
        return false;
    };
    divisions.iter().any(|d| {
        d.renumbered
            && d.a.as_ref().is_some_and(|x| x.path == da.path)
            && d.b.as_ref().is_some_and(|y| y.path == db.path)
            && own_part(a.provision.number.as_deref(), da.number.as_deref()).is_some_and(|part| {
                own_part(b.provision.number.as_deref(), db.number.as_deref()) == Some(part)
            })
    })
}

/// An article's own part of its number, when the number is its chapter's
/// number and that part ("2" of "3.2" or "3-2" in Chapter 3): "2.3" in
/// Chapter 2 and "3.3" in Chapter 3 are in step with their chapters; "3.3"
/// becoming "2.4" is not (it changed place in its chapter, and a cross-
/// reference to it must change), nor is "Article 7" becoming "Article 8".
fn own_part(article: Option<&str>, division: Option<&str>) -> Option<String> {
    let (article, division) = (
        crate::provision::number_key(article?),
        crate::provision::number_key(division?),
    );
    let rest = article.strip_prefix(division.as_str())?;
    rest.starts_with(['.', '-']).then(|| rest[1..].to_string())
}

/// The entries of `changes` (each with the place a report gives it) that
/// their chapter's line does not tell (`told_by_division`), and how many it
/// does: what the terminal and HTML reports list, and the count they say
/// instead.
pub fn untold<'c>(
    changes: impl Iterator<Item = (usize, &'c super::Change)>,
    divisions: &[DivisionChange],
) -> (Vec<(usize, &'c super::Change)>, usize) {
    let mut told = 0;
    let listed = changes
        .filter(|(_, ch)| {
            let is = told_by_division(ch, divisions);
            told += usize::from(is);
            !is
        })
        .collect();
    (listed, told)
}
