//! Two rounds of a negotiating text: which brackets were lifted (their text
//! agreed), dropped (text and all), added, reopened (agreed text bracketed
//! again), or changed hands (other Parties propose or oppose them now).
//!
//! Brackets are paired by their words (folded, tags left out): the same words
//! are the same bracket; failing that, the bracket of B sharing most of its
//! words (at least 60 %) is the same one, reworded. A bracket of A that has no
//! counterpart is agreed when its words stand in B's agreed text, else dropped.
//! `None` when neither text has negotiating brackets.

use crate::model::negotiation::Proposal;
use crate::provision::Agreement;
use crate::review::negotiation::cite;
use crate::text::brackets::{mask, Bracket, Negotiation};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write;

/// What happened to one bracket between the rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BracketChange {
    /// The brackets were lifted: the words stand in B's agreed text.
    Agreed,
    /// The bracket and its words are gone from B.
    Dropped,
    /// The same words (or most of them), with other Parties proposing or opposing.
    ChangedHands,
    /// Reworded, the same Parties behind it.
    Reworded,
    /// A bracket only in B.
    Added,
    /// Words agreed in A, bracketed in B.
    Reopened,
}

impl BracketChange {
    fn name(self) -> &'static str {
        match self {
            BracketChange::Agreed => "agreed",
            BracketChange::Dropped => "dropped",
            BracketChange::ChangedHands => "changed hands",
            BracketChange::Reworded => "reworded",
            BracketChange::Added => "added",
            BracketChange::Reopened => "reopened",
        }
    }
}

/// One bracket's fate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundChange {
    /// What happened.
    pub change: BracketChange,
    /// The bracket in A, when it was there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<Proposal>,
    /// The bracket in B, when it is there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b: Option<Proposal>,
    /// The bracket's first words (up to about 80 characters), tags left out.
    pub words: String,
}

/// The brackets of two rounds (`compare` JSON `negotiation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rounds {
    /// Negotiating brackets in A.
    pub brackets_a: usize,
    /// Negotiating brackets in B.
    pub brackets_b: usize,
    /// Every bracket that changed, A's in A's order, then B's new ones.
    pub changes: Vec<RoundChange>,
}

/// The bracket changes from round `a` to round `b`; `None` when neither has
/// negotiating brackets.
pub fn rounds(a: &Agreement, b: &Agreement) -> Option<Rounds> {
    let na = Negotiation::read(&a.text.text, &[]);
    let nb = Negotiation::read(&b.text.text, &[]);
    if na.is_empty() && nb.is_empty() {
        return None;
    }
    let words_a: Vec<String> = na.brackets.iter().map(|x| norm(&a.text.text, x)).collect();
    let words_b: Vec<String> = nb.brackets.iter().map(|x| norm(&b.text.text, x)).collect();
    let agreed_a = agreed_text(&a.text.text, &na);
    let agreed_b = agreed_text(&b.text.text, &nb);
    let mut taken: HashSet<usize> = HashSet::new();
    let mut changes = Vec::new();
    for (i, wa) in words_a.iter().enumerate() {
        let exact = (0..nb.brackets.len()).find(|j| !taken.contains(j) && words_b[*j] == *wa);
        let paired = exact.or_else(|| {
            (0..nb.brackets.len())
                .filter(|j| !taken.contains(j))
                .map(|j| (j, overlap(wa, &words_b[j])))
                .filter(|(_, r)| *r >= 0.6)
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map(|(j, _)| j)
        });
        let pa = cite(a, &na.brackets[i]);
        let change = match paired {
            Some(j) => {
                taken.insert(j);
                let pb = cite(b, &nb.brackets[j]);
                let same_hands =
                    same(&pa.proposed_by, &pb.proposed_by) && same(&pa.opposed_by, &pb.opposed_by);
                let kind = if !same_hands {
                    BracketChange::ChangedHands
                } else if exact.is_some() {
                    continue;
                } else {
                    BracketChange::Reworded
                };
                RoundChange {
                    change: kind,
                    a: Some(pa),
                    b: Some(pb),
                    words: excerpt(wa),
                }
            }
            None => RoundChange {
                change: if telling(wa) && agreed_b.contains(wa.as_str()) {
                    BracketChange::Agreed
                } else {
                    BracketChange::Dropped
                },
                a: Some(pa),
                b: None,
                words: excerpt(wa),
            },
        };
        changes.push(change);
    }
    for (j, wb) in words_b.iter().enumerate() {
        if taken.contains(&j) {
            continue;
        }
        // a bracket nested in one already reported speaks with it
        if nb.brackets[j].parent.is_some_and(|p| !taken.contains(&p)) {
            continue;
        }
        changes.push(RoundChange {
            change: if telling(wb) && agreed_a.contains(wb.as_str()) {
                BracketChange::Reopened
            } else {
                BracketChange::Added
            },
            a: None,
            b: Some(cite(b, &nb.brackets[j])),
            words: excerpt(wb),
        });
    }
    Some(Rounds {
        brackets_a: na.brackets.len(),
        brackets_b: nb.brackets.len(),
        changes,
    })
}

/// Words enough to be found again (`…` alone, `Alt 2: …`, is not).
fn telling(words: &str) -> bool {
    words
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        >= 2
}

fn same(x: &[String], y: &[String]) -> bool {
    let (mut x, mut y) = (x.to_vec(), y.to_vec());
    x.sort();
    y.sort();
    x == y
}

/// A bracket's words, folded, one space between words, without the brackets
/// (and tags) nested in it.
fn norm(text: &str, b: &Bracket) -> String {
    let words = crate::text::fold_text(&text[b.content.clone()]);
    words
        .replace(['[', ']'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The agreed text, folded, one space between words.
fn agreed_text(text: &str, n: &Negotiation) -> String {
    let masked = mask(text, &n.hidden(|_| false));
    crate::text::fold_text(&masked)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shared words over the words of the longer text.
fn overlap(x: &str, y: &str) -> f64 {
    let xs: HashSet<&str> = x.split(' ').collect();
    let ys: HashSet<&str> = y.split(' ').collect();
    let shared = xs.intersection(&ys).count();
    shared as f64 / xs.len().max(ys.len()).max(1) as f64
}

fn excerpt(words: &str) -> String {
    if words.chars().count() <= 80 {
        return words.to_string();
    }
    let cut: String = words.chars().take(80).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(h, _)| h);
    format!("{cut}…")
}

/// The human section: one line per bracket that changed.
pub fn render_human(r: &Rounds) -> String {
    render_human_in(r, crate::locale::Locale::of(crate::locale::Lang::En))
}

/// [`render_human`] with treatyscan's own wording in the locale's language;
/// the bracketed words and the Parties stay as written.
pub fn render_human_in(r: &Rounds, locale: &crate::locale::Locale) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        locale.tr(
            "compare-neg-heading",
            &[("a", r.brackets_a.into()), ("b", r.brackets_b.into())]
        )
    );
    if r.changes.is_empty() {
        let _ = writeln!(out, "  {}", locale.t("compare-neg-none"));
    }
    for c in &r.changes {
        let hands = |p: &Proposal| {
            let mut s = p
                .alternative
                .as_deref()
                .map(|a| format!("{a}, "))
                .unwrap_or_default();
            if !p.proposed_by.is_empty() {
                s.push_str(&locale.tr(
                    "compare-neg-proposed-by",
                    &[("parties", p.proposed_by.join(", ").into())],
                ));
            }
            if !p.opposed_by.is_empty() {
                if !p.proposed_by.is_empty() {
                    s.push_str(", ");
                }
                s.push_str(&locale.tr(
                    "compare-neg-opposed-by",
                    &[("parties", p.opposed_by.join(", ").into())],
                ));
            }
            if p.proposed_by.is_empty() && p.opposed_by.is_empty() {
                s.push_str(&locale.t("compare-neg-no-party"));
            }
            s
        };
        let place =
            c.b.as_ref()
                .or(c.a.as_ref())
                .map(|p| match (&p.cited, locale.lang()) {
                    (Some((kind, number, title)), lang) if lang != crate::locale::Lang::En => {
                        crate::model::kind_label(*kind, number.as_deref(), title.as_deref(), locale)
                    }
                    _ => p.provision.clone(),
                })
                .unwrap_or_default();
        let detail = match (&c.a, &c.b) {
            (Some(a), Some(b)) => format!("{} → {}", hands(a), hands(b)),
            (Some(a), None) => locale.tr("compare-neg-was", &[("hands", hands(a).into())]),
            (None, Some(b)) => hands(b),
            (None, None) => String::new(),
        };
        let change = locale.t(&format!(
            "compare-neg-{}",
            c.change.name().replace(' ', "-")
        ));
        let line = locale.tr(
            "compare-neg-line",
            &[
                ("change", change.into()),
                ("place", place.into()),
                ("words", c.words.clone().into()),
                ("detail", detail.into()),
            ],
        );
        let _ = writeln!(out, "  {line}");
    }
    out
}
