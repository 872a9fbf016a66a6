//! Gap reasoning: what an agreement lacks against guidelines 19.4 and 19.5.
//! Article findings say what is there; gaps reason over the whole tree to say
//! what is not, and whether a carve-out does or does not reach the
//! e-commerce provisions. The gaps, their wording and the vocabulary of the
//! reasoning are data (`rules/gaps.toml`, compiled into the rule set's
//! [`Catalogue`]); this module is the engine that tests their conditions.

use crate::model::{Category, Finding, Gap};
use crate::provision::{Agreement, Provision};
use crate::rules::catalogue::{GapDecl, Liberalised, NotReached, Reach};
use crate::rules::Catalogue;
use crate::text::fold_text;
use std::sync::Arc;

/// One article-level finding, as gap reasoning needs it.
#[derive(Debug, Clone, Copy)]
pub struct Flag<'a> {
    /// The category flagged.
    pub category: Category,
    /// The provision's path.
    pub path: &'a str,
    /// Where (bytes) in the agreement's text the words that flag it start;
    /// `None` when not known, and the provision's whole text is read instead.
    pub at: Option<usize>,
}

impl<'a> Flag<'a> {
    /// The flags of a review's findings, but those that only definitions
    /// hold (`RuleInfo::definition`): "'cultural industries' means …"
    /// shows where a cultural exclusion would reach, and excludes nothing.
    pub fn of(findings: &'a [Finding]) -> Vec<Flag<'a>> {
        findings
            .iter()
            .filter(|f| !f.rules.iter().all(|r| r.definition))
            .map(|f| Flag {
                category: f.category,
                path: &f.provision.path,
                at: Some(f.matched.start),
            })
            .collect()
    }
}

/// What gap reasoning looks at.
pub struct GapInput<'a> {
    /// The agreement reviewed.
    pub agreement: &'a Agreement,
    /// Every article finding of it (before any filter).
    pub flags: &'a [Flag<'a>],
    /// Parties the user names as developing, added to those metadata implies.
    pub developing: &'a [String],
}

/// The open gaps, in the order `rules/gaps.toml` declares them.
pub fn find_gaps(catalogue: &Catalogue, input: &GapInput) -> Vec<Gap> {
    let lang = language(input.agreement);
    catalogue
        .gaps()
        .iter()
        .filter_map(|decl| open_gap(catalogue, decl, input).map(|ev| gap(decl, lang, ev)))
        .collect()
}

/// The gaps that can be weighed on `agreement` at all, in declaration order:
/// those whose conditions on the agreement itself hold, whatever its
/// provisions say. A gap that concerns only agreements signed from a date
/// does not apply to one signed before; one that needs a developing Party
/// does not apply when no Party is known to be one (`developing` are those
/// the user names). A gap that does not apply is neither open nor closed.
pub fn applicable(
    catalogue: &Catalogue,
    agreement: &Agreement,
    developing: &[String],
) -> Vec<crate::model::GapId> {
    let input = GapInput {
        agreement,
        flags: &[],
        developing,
    };
    catalogue
        .gaps()
        .iter()
        .filter(|decl| applies(catalogue, decl, &input))
        .map(|decl| decl.info.id)
        .collect()
}

/// Whether the gap's conditions on the agreement itself (its signing date,
/// a developing Party) hold.
fn applies(catalogue: &Catalogue, decl: &GapDecl, input: &GapInput) -> bool {
    let when = &decl.when;
    let dated_out = when
        .undated_or_signed_from
        .as_ref()
        .is_some_and(|from| signed_before(input.agreement, from));
    let no_developing = when.developing_party && developing_parties(catalogue, input).is_empty();
    !dated_out && !no_developing
}

/// The evidence of an open gap, or `None` when some condition fails.
fn open_gap(catalogue: &Catalogue, decl: &GapDecl, input: &GapInput) -> Option<Vec<String>> {
    let when = &decl.when;
    let has = |c: Category| input.flags.iter().any(|f| f.category == c);
    if when.absent.iter().any(|&c| has(c)) {
        return None;
    }
    let mut evidence = Vec::new();
    if !when.present.is_empty() {
        let flagged = flagged_paths(input.flags, &when.present);
        if flagged.is_empty() {
            return None;
        }
        evidence.extend(flagged);
    }
    if let Some(reached) = &when.not_reached_by {
        if reaches(catalogue.reach(), input, reached) {
            return None;
        }
    }
    if let Some(liberalised) = &when.liberalised {
        let divisions = liberalising_divisions(input, liberalised);
        if divisions.is_empty() {
            return None;
        }
        evidence.extend(divisions);
    }
    if let Some(from) = &when.undated_or_signed_from {
        if signed_before(input.agreement, from) {
            return None;
        }
    }
    if when.developing_party {
        let developing = developing_parties(catalogue, input);
        if developing.is_empty() {
            return None;
        }
        evidence.extend(developing);
    }
    Some(evidence)
}

fn gap(decl: &GapDecl, lang: &str, evidence: Vec<String>) -> Gap {
    let info = &decl.info;
    Gap {
        id: info.id,
        level: "agreement",
        severity: info.severity,
        guideline: info.guideline.clone(),
        convention_article: info.convention_article.clone(),
        message: info.message.clone(),
        recommendation: info.recommendation.clone(),
        suggested_clause: decl.clause(lang).to_string(),
        evidence,
        fingerprint: crate::model::fingerprint(&["gap", info.id.as_str()]),
        info: Arc::clone(info),
    }
}

fn language(a: &Agreement) -> &'static str {
    match a.metadata.language.as_deref() {
        Some("es") => "es",
        Some("fr") => "fr",
        Some(_) => "en",
        None => crate::text::language::analysed_language(&a.text.text),
    }
}

fn flagged_paths(flags: &[Flag], categories: &[Category]) -> Vec<String> {
    let mut v: Vec<String> = flags
        .iter()
        .filter(|f| categories.contains(&f.category))
        .map(|f| f.path.to_string())
        .collect();
    v.dedup();
    v
}

/// The divisions titled as the condition says (or, with none, the
/// provisions flagged with its `or_flagged` categories).
fn units<'a>(input: &GapInput<'a>, reached: &NotReached) -> Vec<&'a Provision> {
    let a = input.agreement;
    let titled = |p: &Provision| {
        p.title
            .as_deref()
            .is_some_and(|t| reached.divisions_titled.is_match(&fold_text(t)))
    };
    let mut units: Vec<&Provision> = a
        .walk()
        .filter(|p| p.kind.is_division() && titled(p))
        .collect();
    if units.is_empty() {
        let paths: Vec<&str> = input
            .flags
            .iter()
            .filter(|f| reached.or_flagged.contains(&f.category))
            .map(|f| f.path)
            .collect();
        units = a
            .walk()
            .filter(|p| paths.contains(&p.path.as_str()))
            .collect();
    }
    units
}

/// Does some provision of the condition's category reach the divisions? It
/// does when it is agreement-wide, names the division, sits inside it, or
/// sits in a chapter (or is an article) that the division makes applicable.
fn reaches(reach: &Reach, input: &GapInput, reached: &NotReached) -> bool {
    let a = input.agreement;
    let units = units(input, reached);
    // each exception with the sentence of its carve-out and the part of it
    // before the carve-out's words (its subject: "Title I" in "Title I shall
    // not apply to …")
    let exceptions: Vec<(&Provision, Option<(&str, &str)>)> = input
        .flags
        .iter()
        .filter(|f| f.category == reached.category)
        .filter_map(|f| {
            let exc = a.walk().find(|p| p.path == f.path)?;
            // the sentence within the provision's body: a heading line
            // ("Article 4 Relation to other Titles") is no part of it
            let body = exc.heading.end.clamp(exc.span.start, exc.span.end)..exc.span.end;
            let sentence = f.at.and_then(|at| {
                let within = if at >= body.start {
                    body.clone()
                } else {
                    exc.span.clone()
                };
                let sentence = sentence_around(&a.text.text, within, at)?;
                let start = sentence.as_ptr() as usize - a.text.text.as_ptr() as usize;
                Some((sentence, a.text.text.get(start..at).unwrap_or("")))
            });
            Some((exc, sentence))
        })
        .collect();
    // what each unit makes applicable, read once for all the exceptions
    // that need it (most agreements have none)
    let applied: std::cell::OnceCell<Vec<Applied>> = std::cell::OnceCell::new();
    exceptions.iter().any(|&(exc, sentence)| {
        let text = fold_text(a.full_text(exc));
        // "… audiovisual services, except as regards electronic
        // transmissions": the carve-out keeps them in
        let carved = sentence.map_or_else(|| text.clone(), |(s, _)| fold_text(s));
        if reached
            .kept_in
            .as_ref()
            .is_some_and(|k| k.is_match(&carved))
        {
            return false;
        }
        // "Notwithstanding paragraph 1, Chapter 2 (Electronic Commerce)
        // shall apply to measures relating to cultural industries": the
        // provision brings them back in a sentence of its own
        if reached
            .brought_back
            .as_ref()
            .is_some_and(|b| b.is_match(&text))
        {
            return false;
        }
        // "Title I shall not apply to audiovisual services", placed in the
        // digital trade Title: a carve-out whose sentence names divisions by
        // number, and not the one it stands in ("this Title"), reaches those
        let own: Vec<String> = units
            .iter()
            .filter_map(|u| u.number.as_deref().map(str::to_lowercase))
            .collect();
        // the subject is also what a saving clause carves out of: "Nothing
        // in Article 8.2 shall apply to …", placed in the e-commerce chapter,
        // reaches Article 8.2 (`names_article` below), not that chapter
        let own_article = |n: &str| units.iter().any(|u| u.holds_article(n));
        let names_others = || {
            sentence.is_some_and(|(_, before)| {
                let subject = format!("{} {}", fold_text(before), reach.saving_subject(&carved));
                reach.names_only_other_divisions(&subject, &own)
                    || reach.names_only_other_articles(&subject, own_article)
            })
        };
        // the subject is read only for a carve-out inside the divisions
        let inside =
            units.iter().any(|u| exc.path == u.path || exc.is_inside(u)) && !names_others();
        let names_unit = units.iter().any(|u| names_division(reach, &text, u));
        let made_applicable = || {
            let applied = applied
                .get_or_init(|| units.iter().flat_map(|u| applied_in(reach, a, u)).collect());
            applied_by_units(a, applied, exc)
        };
        // the whole agreement is spoken of in the sentence of the carve-out
        // ("Nothing in this Agreement shall apply to …"), not anywhere in its
        // provision (a reservation list's "… after the date of entry into
        // force of this Agreement, require …")
        let agreement_wide = reach.agreement_wide.is_match(&carved);
        // "Articles 2.1 and 2.2 shall not apply to audiovisual services":
        // the sentence names articles of the division
        let names_article = || {
            let named = reach.named_articles(&carved);
            !named.is_empty()
                && units.iter().any(|u| {
                    u.walk().any(|p| {
                        p.kind == crate::provision::Kind::Article
                            && p.number
                                .as_deref()
                                .is_some_and(|n| named.contains(&n.to_lowercase().as_str()))
                    })
                })
        };
        inside
            || agreement_wide
            || names_unit
            || names_article()
            || in_exceptions_division(reach, a, exc, &carved)
            || made_applicable()
    })
}

/// Whether `exception` stands in a division whose carve-outs speak for the
/// whole agreement (an Exceptions chapter) and its sentence `carved` (folded)
/// speaks of no division at all: "Each Party retains the right to adopt or
/// maintain measures with respect to cultural industries" there reaches
/// every chapter; "For the purposes of the Chapters listed …" does not.
fn in_exceptions_division(
    reach: &Reach,
    a: &Agreement,
    exception: &Provision,
    carved: &str,
) -> bool {
    let Some(titled) = &reach.exceptions_division else {
        return false;
    };
    let in_one = a.walk().any(|p| {
        p.kind.is_division()
            && exception.is_inside(p)
            && p.title
                .as_deref()
                .is_some_and(|t| titled.is_match(&fold_text(t)))
    });
    // "For the purposes of the Chapters listed in Annex 22-A", "this
    // Chapter": the sentence limits itself to divisions
    in_one && !reach.names_division.is_match(carved)
}

/// The sentence of `text` around byte `at`, inside `within` (a provision's
/// span): from after the full stop before it to its own full stop, a full
/// stop being one followed by white space ("Article 2.1" ends nothing).
fn sentence_around(text: &str, within: std::ops::Range<usize>, at: usize) -> Option<&str> {
    let span = text.get(within.clone())?;
    let at = at.checked_sub(within.start).filter(|&a| a <= span.len())?;
    let stop = |i: usize, b: &u8| {
        *b == b'.'
            && span
                .as_bytes()
                .get(i + 1)
                .is_some_and(u8::is_ascii_whitespace)
    };
    let bytes = span.as_bytes();
    let start = bytes[..at]
        .iter()
        .enumerate()
        .rev()
        .find(|&(i, b)| stop(i, b))
        .map_or(0, |(i, _)| i + 1);
    let end = bytes[at..]
        .iter()
        .enumerate()
        .find(|&(i, b)| stop(at + i, b))
        .map_or(span.len(), |(i, _)| at + i + 1);
    span.get(start..end)
}

/// "Chapters 8 and 12", "Chapter 14 (Electronic Commerce)": the text names the division.
fn names_division(reach: &Reach, folded: &str, unit: &Provision) -> bool {
    unit.number
        .as_deref()
        .is_some_and(|n| reach.names_division_numbered(folded, &n.to_lowercase()))
}

/// An article or chapter a unit makes applicable ("Article 22.1 applies
/// to this Chapter"): whether an article, and its number (lower case).
struct Applied {
    article: bool,
    number: String,
}

/// The articles and chapters `unit`'s text makes applicable to it.
fn applied_in(reach: &Reach, a: &Agreement, unit: &Provision) -> Vec<Applied> {
    let text = fold_text(a.full_text(unit));
    // (is an article, number in lower case) of the unit and what it holds
    let numbers: Vec<(bool, String)> = unit
        .walk()
        .filter(|p| p.kind == crate::provision::Kind::Article || p.kind.is_division())
        .filter_map(|p| {
            let number = p.number.as_deref()?.to_lowercase();
            Some((p.kind == crate::provision::Kind::Article, number))
        })
        .collect();
    let own: Vec<(bool, &str)> = numbers.iter().map(|(k, n)| (*k, n.as_str())).collect();
    reach
        .cross_reference
        .captures_iter(&text)
        .filter_map(|c| {
            let number = c.name("number")?.as_str().to_string();
            let end = c.get(0).map_or(0, |m| m.end());
            reach.applies.is_match(&text[end..]).then(|| Applied {
                article: c.name("article").is_some(),
                number,
            })
        })
        // the unit's own provisions are not made applicable to it: "Article
        // 4" there is most often the heading of its own article ("Article 4
        // Relation to other Titles" over "Title I shall not apply …")
        .filter(|r| !own.contains(&(r.article, r.number.as_str())))
        .collect()
}

/// Whether a unit makes `exception` applicable: it names the exception's
/// article, or the division the exception sits in, as applying to it.
fn applied_by_units(a: &Agreement, applied: &[Applied], exception: &Provision) -> bool {
    if applied.is_empty() {
        return false;
    }
    let container = a
        .walk()
        .filter(|p| p.kind.is_division() && exception.is_inside(p))
        .last();
    let article = exception.number.as_deref().map(str::to_lowercase);
    let chapter = container
        .and_then(|c| c.number.as_deref())
        .map(str::to_lowercase);
    applied.iter().any(|r| {
        let target = if r.article { &article } else { &chapter };
        target.as_deref() == Some(r.number.as_str())
    })
}

/// What liberalises: the divisions titled as the condition says (services,
/// investment), then the provisions flagged with its `or_present`
/// categories (an e-commerce duty ban or non-discrimination commitment).
fn liberalising_divisions(input: &GapInput, liberalised: &Liberalised) -> Vec<String> {
    let mut v: Vec<String> = input
        .agreement
        .walk()
        .filter(|p| liberalised.kinds.contains(&p.kind))
        .filter(|p| {
            p.title
                .as_deref()
                .is_some_and(|t| liberalised.title.is_match(&fold_text(t)))
        })
        .map(|p| p.path.clone())
        .collect();
    for path in flagged_paths(input.flags, &liberalised.or_present) {
        if !v.contains(&path) {
            v.push(path);
        }
    }
    v
}

/// Was the agreement signed before `date` (`YYYY-MM-DD`)? The date is the
/// metadata's, or the one the text's closing formula gives ("Done at …, this
/// sixth day of May, 2003": a PDF or a text has no metadata, and the same
/// agreement read from ToTA or from its PDF must open the same gaps).
/// Undated texts (drafts) and dates that do not start with a year are not.
/// When the agreement was signed: its metadata date, or the date of its
/// closing formula ("Done at …, this … day of …"); `None` when neither says.
pub fn signing_date(agreement: &Agreement) -> Option<String> {
    agreement
        .metadata
        .date_signed
        .as_deref()
        .map(|d| d.trim().to_string())
        .or_else(|| crate::provision::signed::signed_date(&agreement.text.text))
}

fn signed_before(agreement: &Agreement, date: &str) -> bool {
    // with no signing date, the date it enters into force on, which comes after
    let Some(signed) = signing_date(agreement)
        .or_else(|| crate::provision::signed::entry_into_force_date(&agreement.text.text))
    else {
        return false;
    };
    let signed = signed.as_str();
    let year_first = signed.len() >= 4 && signed.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    year_first
        && signed
            .get(..signed.len().min(10))
            .is_some_and(|s| *s < date[..s.len().min(10)])
}

/// Parties outside the catalogue's developed list, and those the user names;
/// when no Party is known, those the text itself names as developing or
/// least developed ([`crate::provision::parties::named_as_developing`]).
fn developing_parties(catalogue: &Catalogue, input: &GapInput) -> Vec<String> {
    let developed = &catalogue.parties().developed;
    let parties = &input.agreement.metadata.parties;
    let mut v: Vec<String> = parties
        .iter()
        .filter(|p| !developed.contains(p))
        .cloned()
        .collect();
    if parties.is_empty() {
        v.extend(crate::provision::parties::named_as_developing(
            input.agreement,
        ));
    }
    v.extend(input.developing.iter().cloned());
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests;
