//! The review of a negotiating text: the same rules and gap reasoning run on
//! several readings of the draft, each a copy of its text with the brackets
//! it leaves out blanked (same byte length, same lines, so every span,
//! line and column stays put):
//!
//! - the agreed text alone (every bracket left out): its gaps are the file's gaps;
//! - for each Party, the agreed text with that Party's proposals accepted;
//! - for each bracket that holds matched words, the agreed text with that
//!   bracket alone accepted: which gap it would close or open, and which
//!   categories it brings (the positions table).
//!
//! Tags, labels and notes are blanked in every reading: they are not treaty text.

use super::ReviewOptions;
use crate::gaps::{find_gaps, Flag, GapInput};
use crate::model::negotiation::{
    CategoryPositions, FindingNegotiation, GapReading, GapState, NegotiationReport, PartyReading,
    PartyRef, Proposal, Status,
};
use crate::model::{Category, Finding, Gap, GapId};
use crate::provision::{Agreement, Kind, Provision};
use crate::rules::RuleSet;
use crate::text::brackets::{Bracket, Negotiation};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::ops::Range;

/// At most this many brackets are read one by one (those holding matched
/// words, in text order); a draft with more still gets its Party readings.
const MAX_PROPOSALS: usize = 400;

/// What a negotiating text adds to its review.
pub struct Negotiated {
    /// The gaps of the agreed text alone: the file's `gaps`.
    pub agreed_gaps: Vec<Gap>,
    /// The report's `negotiation` part.
    pub report: NegotiationReport,
}

/// Reads the brackets of `agreement`; when it has negotiating brackets, marks
/// each finding agreed or bracketed and reasons over the readings. `None` for
/// a text without negotiating brackets: its review is left as it is.
/// `gaps_wanted` is false under `--category` (no gap readings then).
pub fn negotiate(
    rules: &RuleSet,
    agreement: &Agreement,
    findings: &mut [Finding],
    options: &ReviewOptions,
    gaps_wanted: bool,
) -> Option<Negotiated> {
    // ToTA holds concluded agreements: their brackets are the editors'
    // ("[Signed]", "[Home]", "[PREAMBLE]"), never a draft's. Reading the 25
    // ToTA files that have such brackets was 4% of a check over the corpus
    // (105 million instructions of 2,271 million), for no negotiating text.
    if agreement.format == crate::provision::SourceFormat::TotaXml {
        return None;
    }
    let neg = Negotiation::read(&agreement.text.text, &options.parties);
    if neg.is_empty() {
        return None;
    }
    for f in findings.iter_mut() {
        f.negotiation = Some(status_of(&neg, f.matched.clone()));
    }
    let lang = agreement.metadata.language.clone().unwrap_or_else(|| {
        crate::text::language::analysed_language(&agreement.text.text).to_string()
    });
    let run = |accepted: &(dyn Fn(usize) -> bool + Sync)| -> (Vec<Finding>, Vec<Gap>) {
        let a = reading(agreement, &neg.hidden(accepted), &lang);
        let f = rules.check(&a);
        let gaps = if gaps_wanted {
            let flags = Flag::of(&f);
            find_gaps(
                rules.catalogue(),
                &GapInput {
                    agreement: &a,
                    flags: &flags,
                    developing: &options.developing,
                },
            )
        } else {
            Vec::new()
        };
        (f, gaps)
    };
    let (agreed_findings, agreed_gaps) = run(&|_| false);
    let codes: Vec<String> = neg.parties.iter().map(|p| p.code.clone()).collect();
    let party_gaps: Vec<Vec<Gap>> = if gaps_wanted {
        codes
            .par_iter()
            .map(|c| run(&|i| neg.brackets[i].positions.proposed_by.contains(c)).1)
            .collect()
    } else {
        Vec::new()
    };
    // the brackets that hold matched words, each read alone
    let mut candidates: BTreeSet<usize> = BTreeSet::new();
    for f in findings.iter() {
        if let Some(b) = neg.bracket_at(f.matched.clone()) {
            candidates.insert(b);
        }
    }
    let agreed_keys: BTreeSet<(Category, String)> = agreed_findings
        .iter()
        .map(|f| (f.category, f.provision.path.clone()))
        .collect();
    let chosen: Vec<usize> = candidates.iter().copied().take(MAX_PROPOSALS).collect();
    let read_alone: Vec<(Vec<Finding>, Vec<Gap>)> = chosen
        .par_iter()
        .map(|&b| run(&|i| alone(&neg, b, i)))
        .collect();
    let mut per_bracket: Vec<(usize, BTreeSet<Category>, Vec<Gap>)> = Vec::new();
    for (&b, (f, gaps)) in chosen.iter().zip(read_alone) {
        let mut brings: BTreeSet<Category> = f
            .iter()
            .filter(|f| !agreed_keys.contains(&(f.category, f.provision.path.clone())))
            .map(|f| f.category)
            .collect();
        brings.extend(
            findings
                .iter()
                .filter(|f| neg.bracket_at(f.matched.clone()) == Some(b))
                .map(|f| f.category),
        );
        per_bracket.push((b, brings, gaps));
    }
    let proposal = |b: usize| cite(agreement, &neg.brackets[b]);
    // positions per category, in the catalogue's order
    let mut categories: Vec<Category> = per_bracket
        .iter()
        .flat_map(|(_, c, _)| c.iter().copied())
        .collect();
    categories.sort_by_key(|c| rules.catalogue().order(*c));
    categories.dedup();
    if !options.categories.is_empty() {
        categories.retain(|c| options.categories.iter().any(|o| *c == o.as_str()));
    }
    let positions = categories
        .into_iter()
        .map(|category| {
            let mut provisions: Vec<String> = Vec::new();
            let mut cited = Vec::new();
            let (mut propose, mut oppose, mut considering) = (Vec::new(), Vec::new(), Vec::new());
            for (b, brings, _) in &per_bracket {
                if !brings.contains(&category) {
                    continue;
                }
                let p = &neg.brackets[*b].positions;
                let cite = proposal(*b);
                if !provisions.contains(&cite.provision) {
                    provisions.push(cite.provision.clone());
                    cited.push(cite);
                }
                push_all(&mut propose, &p.proposed_by);
                push_all(&mut oppose, &p.opposed_by);
                push_all(&mut considering, &p.considering);
            }
            let no_position: Vec<String> = codes
                .iter()
                .filter(|c| !propose.contains(*c) && !oppose.contains(*c))
                .cloned()
                .collect();
            considering.retain(|c| no_position.contains(c));
            CategoryPositions {
                category,
                provisions,
                cited,
                propose,
                oppose,
                no_position,
                considering,
            }
        })
        .collect();
    // gap readings, for every gap open in some reading
    let mut ids: Vec<GapId> = Vec::new();
    let all_gaps = agreed_gaps
        .iter()
        .chain(party_gaps.iter().flatten())
        .chain(per_bracket.iter().flat_map(|(_, _, g)| g));
    let mut messages: Vec<(GapId, String, std::sync::Arc<crate::model::GapInfo>)> = Vec::new();
    for g in all_gaps {
        if !ids.contains(&g.id) {
            ids.push(g.id);
            messages.push((g.id, g.message.clone(), g.info.clone()));
        }
    }
    let order: Vec<GapId> = rules.catalogue().gaps().iter().map(|d| d.info.id).collect();
    ids.sort_by_key(|id| order.iter().position(|o| o == id));
    let open = |gaps: &[Gap], id: GapId| {
        if gaps.iter().any(|g| g.id == id) {
            GapState::Open
        } else {
            GapState::Closed
        }
    };
    let gaps = ids
        .into_iter()
        .map(|id| {
            let agreed = open(&agreed_gaps, id);
            let flips = |to: GapState| -> Vec<Proposal> {
                per_bracket
                    .iter()
                    .filter(|(_, _, g)| open(g, id) == to && to != agreed)
                    .map(|(b, _, _)| proposal(*b))
                    .collect()
            };
            let mut reading = GapReading {
                gap: id,
                message: messages
                    .iter()
                    .find(|(m, _, _)| *m == id)
                    .map(|(_, s, _)| s.clone())
                    .unwrap_or_default(),
                info: messages
                    .iter()
                    .find(|(m, _, _)| *m == id)
                    .map(|(_, _, i)| i.clone()),
                agreed,
                parties: codes
                    .iter()
                    .zip(&party_gaps)
                    .map(|(c, g)| PartyReading {
                        party: c.clone(),
                        state: open(g, id),
                    })
                    .collect(),
                closed_by: flips(GapState::Closed),
                opened_by: flips(GapState::Open),
                summary: String::new(),
            };
            reading.summary = reading.describe();
            reading
        })
        .collect();
    Some(Negotiated {
        agreed_gaps,
        report: NegotiationReport {
            parties: neg
                .parties
                .iter()
                .map(|p| PartyRef {
                    code: p.code.clone(),
                    name: p.name.clone(),
                })
                .collect(),
            brackets: neg.brackets.len(),
            positions,
            gaps,
        },
    })
}

fn push_all(into: &mut Vec<String>, items: &[String]) {
    for x in items {
        if !into.contains(x) {
            into.push(x.clone());
        }
    }
}

/// Agreed, or bracketed with the positions of the innermost bracket holding
/// the matched words.
fn status_of(neg: &Negotiation, matched: Range<usize>) -> FindingNegotiation {
    if let Some(b) = neg.bracket_at(matched.clone()) {
        let p = &neg.brackets[b].positions;
        return FindingNegotiation {
            status: Status::Bracketed,
            proposed_by: Some(p.proposed_by.clone()),
            opposed_by: Some(p.opposed_by.clone()),
            considering: p.considering.clone(),
            alternative: p.alternative.clone(),
            notes: p.notes.clone(),
        };
    }
    if neg.in_markup(matched) {
        // words of a negotiating note: not treaty text
        return FindingNegotiation {
            status: Status::Bracketed,
            proposed_by: Some(Vec::new()),
            opposed_by: Some(Vec::new()),
            considering: Vec::new(),
            alternative: None,
            notes: vec!["in a negotiating note".to_string()],
        };
    }
    FindingNegotiation::agreed()
}

/// Is bracket `i` part of the reading of bracket `b` alone? `b`, the
/// brackets around it (it cannot stand without them), and those inside it
/// that speak for the same Parties.
fn alone(neg: &Negotiation, b: usize, i: usize) -> bool {
    if i == b {
        return true;
    }
    let ancestor = |of: usize, maybe: usize| {
        let mut at = neg.brackets[of].parent;
        while let Some(p) = at {
            if p == maybe {
                return true;
            }
            at = neg.brackets[p].parent;
        }
        false
    };
    ancestor(b, i)
        || (ancestor(i, b)
            && neg.brackets[i].positions.proposed_by == neg.brackets[b].positions.proposed_by)
}

/// The agreement as one reading sees it: hidden bytes blanked (newlines
/// kept), headings that lie in hidden text without their titles.
fn reading(agreement: &Agreement, hidden: &[Range<usize>], lang: &str) -> Agreement {
    let mut a = agreement.clone();
    a.text.text = crate::text::brackets::mask(&agreement.text.text, hidden);
    a.metadata.language = Some(lang.to_string());
    fn untitle(p: &mut Provision, text: &str, hidden: &[Range<usize>]) {
        if p.title.is_some() {
            let heading = text
                .get(p.span.clone())
                .and_then(|t| t.find(|c: char| c.is_alphanumeric()))
                .map(|k| p.span.start + k);
            if heading.is_some_and(|h| hidden.iter().any(|r| r.start <= h && h < r.end)) {
                p.title = None;
            }
        }
        for c in &mut p.children {
            untitle(c, text, hidden);
        }
    }
    for p in &mut a.provisions {
        untitle(p, &agreement.text.text, hidden);
    }
    a
}

/// A bracket as a report cites it: the article (or other provision above
/// paragraphs) where its words start, the line of its `[`, its Parties.
pub fn cite(agreement: &Agreement, b: &Bracket) -> Proposal {
    let at = b.content.start;
    let holder = agreement
        .walk()
        .filter(|p| {
            !matches!(
                p.kind,
                Kind::Paragraph | Kind::Subparagraph | Kind::Footnote
            ) && p.span.start <= at
                && at < p.span.end.max(p.span.start + 1)
        })
        .last();
    let p = &b.positions;
    Proposal {
        provision: holder.map_or_else(|| "the text".to_string(), Provision::label),
        path: holder.map_or_else(String::new, |h| h.path.clone()),
        cited: holder.map(|h| (h.kind, h.number.clone(), h.title.clone())),
        line: agreement.text.locate(b.range.start).line,
        proposed_by: p.proposed_by.clone(),
        opposed_by: p.opposed_by.clone(),
        alternative: p.alternative.clone(),
    }
}
