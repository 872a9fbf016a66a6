//! A review of one agreement, the pipeline `check` and `corpus` run: the rule
//! engine's article findings, then the gaps reasoned from them, then what a
//! filter or a baseline leaves out.

use crate::gaps::{find_gaps, Flag, GapInput};
use crate::model::{FileFindings, Hidden};
use crate::provision::Agreement;
use crate::rules::RuleSet;
use std::collections::{HashMap, HashSet};

pub mod negotiation;

/// What a review reports beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Report only these categories (and then no gaps, which need them all).
    pub categories: Vec<String>,
    /// Parties to treat as developing countries, beyond what metadata says.
    pub developing: Vec<String>,
    /// Parties to a negotiation (`--party CODE=Name`), beside those a
    /// negotiating draft declares itself.
    pub parties: Vec<crate::text::brackets::Party>,
}

/// Reviews one agreement: findings per provision, then gaps.
pub fn review(
    rules: &RuleSet,
    agreement: &Agreement,
    path: &str,
    options: &ReviewOptions,
) -> FileFindings {
    let mut findings = rules.check(agreement);
    // gaps are always reasoned: a filter hides them, it does not unsay them
    let negotiated = negotiation::negotiate(rules, agreement, &mut findings, options, true);
    let mut gaps = if let Some(n) = &negotiated {
        // a negotiating text: what is secured is the agreed text
        n.agreed_gaps.clone()
    } else {
        let flags = Flag::of(&findings);
        find_gaps(
            rules.catalogue(),
            &GapInput {
                agreement,
                flags: &flags,
                developing: &options.developing,
            },
        )
    };
    // a filter hides, it does not unsay: the summary still counts what is held
    let mut hidden = Hidden::default();
    if !options.categories.is_empty() {
        let (shown, other) = findings
            .into_iter()
            .partition(|f| options.categories.iter().any(|c| f.category == c.as_str()));
        findings = shown;
        hidden.by_category = other;
        hidden.gaps_by_category = std::mem::take(&mut gaps);
    }
    let mut notes = if options.categories.is_empty() {
        notes(agreement, options)
    } else {
        Vec::new()
    };
    notes.extend(date_note(rules, agreement, &gaps));
    notes.extend(excerpt_note(rules, agreement, &gaps));
    let mut metadata = agreement.metadata.clone();
    // a text without metadata is named by its title page, as `corpus` names it
    if metadata.name.is_none() {
        metadata.name = agreement.name();
    }
    FileFindings {
        path: path.to_string(),
        agreement: metadata,
        findings,
        gaps,
        notes,
        format: agreement.format,
        hidden,
        negotiation: negotiated.map(|n| n.report),
    }
}

/// Said when the preferential-treatment gap could not be weighed.
pub const PARTIES_UNKNOWN: &str =
    "preferential treatment not assessed: no Party was recognised as a country, so whether one is a developing country is unknown (name it with --developing PARTY)";

/// Said when no Party was recognised but the text names some as developing
/// or least developed ("special and differential treatment, especially for
/// Cambodia, Lao PDR, Myanmar, and Viet Nam"): the preferential-treatment gap
/// was weighed with them as developing countries.
pub const DEVELOPING_READ: &str =
    "preferential treatment assessed with the countries the text names for special and differential treatment or as least developed counted as developing Parties (the gap names them); the Parties themselves were not recognised (name others with --developing PARTY)";

/// Said when `--developing` named Parties: the preferential-treatment gap was
/// weighed with them as developing countries (the gap's evidence names them
/// when it opens; when it does not, this says the flag was taken into account).
pub const DEVELOPING_NAMED: &str =
    "preferential treatment assessed with the Parties named by --developing counted as developing countries";

/// Said when a gap that concerns only agreements signed from a date (the
/// 2017 guidelines) opened on a text whose signing date was not found.
pub const DATE_UNKNOWN: &str = "signing date not found: a gap that concerns only agreements signed after the 2017 guidelines is reported as if this one were signed after them";

/// Said when a long text goes on in a language the rules are not written
/// for (`text::language::foreign_part`): what that part says is not looked at.
pub const FOREIGN_PART: &str = "part of the text is in a language treatyscan does not analyse (it reads English, Spanish and French): what that part says is not looked at, so findings there may be missing and gaps judge the rest";

/// Said when the document had no headings and was read entry by entry.
pub const STRUCTURE_NOT_FOUND: &str = "structure not found: no article, chapter or annex headings; findings are given per entry (a block of text, a `Sector:` entry or a numbered entry)";

/// Said when the text reads as part of an agreement (an annex, a chapter or
/// a schedule published on its own) and gaps opened on it.
pub const PART_OF_AGREEMENT: &str = "part of an agreement: the text cites articles it does not hold; gaps that concern the whole agreement judge only this part (give all its parts with --combine)";

/// Said when the text is an annex or an appendix of an agreement published
/// on its own (a schedule of commitments, a list of reservations).
pub const PART_OF_AGREEMENT_ANNEX: &str = "part of an agreement: the text is an annex or appendix of an agreement (a schedule, a list of reservations); gaps that concern the whole agreement judge only this part (give all its parts with --combine)";

/// Said when the text reads as one chapter or title of an agreement
/// published on its own.
pub const PART_OF_AGREEMENT_DIVISION: &str = "part of an agreement: the text is one chapter or title of the agreement it calls \"this Agreement\"; gaps that concern the whole agreement judge only this part (give all its parts with --combine)";

/// Said when the text is an instrument amending another agreement (its
/// title says so: "First Protocol to Amend the Agreement …").
pub const AMENDING_INSTRUMENT: &str = "amending instrument: the text amends another agreement; gaps that concern the whole agreement judge only the amendments (give the agreement with it, with --combine)";

/// Said when the text opens an agreement (its preamble and enacting
/// formula) and holds at most its first chapter and none of its final
/// provisions.
pub const PART_OF_AGREEMENT_OPENING: &str = "part of an agreement: the text opens an agreement (\"have agreed as follows\") but holds at most one chapter and none of its final provisions (entry into force, signature); gaps that concern the whole agreement judge only this part (give all its parts with --combine)";

/// `AMENDING_INSTRUMENT`, `PART_OF_AGREEMENT`, `PART_OF_AGREEMENT_ANNEX`,
/// `PART_OF_AGREEMENT_DIVISION` or `PART_OF_AGREEMENT_OPENING` when gaps
/// opened on a text that is not a whole agreement: it amends another
/// ([`crate::provision::amends_another_agreement`]), it cites articles it
/// does not hold ([`crate::provision::is_excerpt`]), it is an annex or an
/// appendix alone ([`crate::provision::is_annex_alone`]), it is one
/// chapter or title of its agreement ([`is_one_division`]), or it is the
/// agreement's opening alone ([`is_opening_alone`]).
fn excerpt_note(
    rules: &RuleSet,
    agreement: &Agreement,
    gaps: &[crate::model::Gap],
) -> Option<String> {
    if gaps.is_empty() || agreement.format == crate::provision::SourceFormat::TotaXml {
        return None;
    }
    if crate::provision::amends_another_agreement(agreement) {
        Some(AMENDING_INSTRUMENT.to_string())
    } else if crate::provision::is_excerpt(agreement) {
        Some(PART_OF_AGREEMENT.to_string())
    } else if crate::provision::is_annex_alone(agreement) {
        Some(PART_OF_AGREEMENT_ANNEX.to_string())
    } else if is_one_division(rules.catalogue().reach(), agreement) {
        Some(PART_OF_AGREEMENT_DIVISION.to_string())
    } else if is_opening_alone(agreement) {
        Some(PART_OF_AGREEMENT_OPENING.to_string())
    } else {
        None
    }
}

/// Whether `agreement` is the opening of an agreement published without the
/// rest (the EU-Viet Nam FTA's "Preamble and Chapter 1" file): it has the
/// enacting formula of a whole agreement ("Have agreed as follows"), but at
/// most one chapter (an agreement that has chapters has several) and no
/// final provisions ([`crate::provision::signed::has_final_provisions`]: no
/// entry into force, no closing formula).
fn is_opening_alone(agreement: &Agreement) -> bool {
    let chapters = agreement
        .walk()
        .filter(|p| p.kind == crate::provision::Kind::Chapter)
        .count();
    chapters <= 1
        && crate::structure::has_enacting_formula(&agreement.text.text)
        && !crate::provision::signed::has_final_provisions(&agreement.text.text)
}

/// How often a text must call itself "this Chapter" (or Title) to be one:
/// a single mention may be a quotation.
const MIN_SELF_REFERENCES: usize = 2;

/// Whether `agreement` is one chapter or title of an agreement published on
/// its own (EU-Viet Nam FTA chapters, a chapter page): it speaks of itself
/// as "this Chapter" (or Title) twice or more and of "this Agreement", in
/// the gaps file's words (`[reach] this_division` and `agreement_wide`, the
/// words a carve-out's reach is read with), while it holds at most one
/// chapter and no signing formula. A title holds chapters, and a whole
/// agreement's titles are often not read as such (set as chapters by a
/// converter, or not headed on a line of their own): "this Title" counts in
/// a text of several chapters only when it has no enacting formula ("Have
/// agreed as follows") either, as a title published on its own has none
/// (the EU-Viet Nam FTA's Title on services, investment and e-commerce:
/// seven chapters, "this Title" throughout).
fn is_one_division(reach: &crate::rules::catalogue::Reach, agreement: &Agreement) -> bool {
    use crate::provision::Kind;
    let Some(this_division) = &reach.this_division else {
        return false;
    };
    let text = &agreement.text.text;
    if crate::provision::signed::has_closing_formula(text) {
        return false;
    }
    let folded = crate::text::fold_text(text);
    if !reach.agreement_wide.is_match(&folded) {
        return false;
    }
    let (mut chapter, mut title) = (0, 0);
    for m in this_division.find_iter(&folded).map(|m| m.as_str()) {
        if m.contains("chap") || m.contains("capit") {
            chapter += 1;
        } else if m.contains("tit") {
            title += 1;
        }
    }
    let held = |kind: Kind| agreement.walk().filter(|p| p.kind == kind).count();
    let chapters = held(Kind::Chapter);
    (chapter >= MIN_SELF_REFERENCES && chapters <= 1)
        || (title >= MIN_SELF_REFERENCES
            && held(Kind::Title) <= 1
            && (chapters <= 1 || !crate::structure::has_enacting_formula(text)))
}

/// `DATE_UNKNOWN` when a gap that holds only from a date opened on an
/// agreement whose signing date was not found: a signed text whose closing
/// formula gives no date, a draft, or a text without its final clauses (an
/// amending protocol whose signature pages are images, a chapter or an
/// annex published alone).
fn date_note(rules: &RuleSet, agreement: &Agreement, gaps: &[crate::model::Gap]) -> Option<String> {
    let dated = |g: &crate::model::Gap| {
        rules
            .catalogue()
            .gap(g.id.as_str())
            .is_some_and(|d| d.when.undated_or_signed_from.is_some())
    };
    (gaps.iter().any(dated) && crate::gaps::signing_date(agreement).is_none())
        .then(|| DATE_UNKNOWN.to_string())
}

fn notes(agreement: &Agreement, options: &ReviewOptions) -> Vec<String> {
    let mut notes = Vec::new();
    // entries at the top: no heading held them (entries under an annex or
    // a schedule's heading are that heading's structure)
    if agreement
        .provisions
        .iter()
        .any(|p| p.kind == crate::provision::Kind::Entry)
    {
        notes.push(STRUCTURE_NOT_FOUND.to_string());
    }
    // a source without metadata whose text goes on in another language (ToTA
    // gives its language, and its agreements are in one)
    if agreement.metadata.language.is_none()
        && crate::text::language::foreign_part(&agreement.text.text).is_some()
    {
        notes.push(FOREIGN_PART.to_string());
    }
    if !options.developing.is_empty() {
        notes.push(DEVELOPING_NAMED.to_string());
    } else if agreement.metadata.parties.is_empty() {
        if crate::provision::parties::named_as_developing(agreement).is_empty() {
            notes.push(PARTIES_UNKNOWN.to_string());
        } else {
            notes.push(DEVELOPING_READ.to_string());
        }
    }
    notes
}

/// Gaps of one agreement published as several files: the files' own reviews
/// (findings per file, no gaps), and the gaps once over all of them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Combined {
    /// How many files make the agreement.
    pub files: usize,
    /// The agreement's gaps, reasoned over the findings of all its files;
    /// evidence paths are prefixed with the file name (`part2.txt:ch14`).
    pub gaps: Vec<crate::model::Gap>,
    /// What could not be assessed for the agreement (Parties unknown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Reviews the files of one agreement: each file's findings, with its gaps
/// and notes moved to the combined agreement (`Agreement::combine`), whose
/// gaps are reasoned over the findings of all files. `parts` pairs each
/// file's report path with its agreement.
pub fn review_combined(
    rules: &RuleSet,
    parts: Vec<(String, Agreement)>,
    options: &ReviewOptions,
) -> (Vec<FileFindings>, Combined) {
    let mut files = Vec::new();
    let mut named = Vec::new();
    let mut all = Vec::new();
    let unfiltered = ReviewOptions {
        categories: Vec::new(),
        developing: options.developing.clone(),
        parties: options.parties.clone(),
    };
    // where each file's text starts in the combined text (`Agreement::combine`
    // joins them with a newline)
    let mut shift = 0;
    for (path, agreement) in parts {
        let mut file = review(rules, &agreement, &path, &unfiltered);
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        // the findings as the combined agreement names and places them
        all.extend(file.findings.iter().cloned().map(|mut f| {
            f.provision.path = format!("{name}:{}", f.provision.path);
            f.matched = f.matched.start + shift..f.matched.end + shift;
            f
        }));
        shift += agreement.text.text.len() + 1;
        if !options.categories.is_empty() {
            let (shown, other) = std::mem::take(&mut file.findings)
                .into_iter()
                .partition(|f| options.categories.iter().any(|c| f.category == c.as_str()));
            file.findings = shown;
            file.hidden.by_category = other;
        }
        file.gaps.clear();
        file.notes.clear();
        files.push(file);
        named.push((name, agreement));
    }
    let count = named.len();
    let whole = Agreement::combine(named);
    let (gaps, notes) = if options.categories.is_empty() {
        let flags = Flag::of(&all);
        let gaps = find_gaps(
            rules.catalogue(),
            &GapInput {
                agreement: &whole,
                flags: &flags,
                developing: &options.developing,
            },
        );
        let mut notes = notes(&whole, options);
        notes.extend(date_note(rules, &whole, &gaps));
        notes.extend(excerpt_note(rules, &whole, &gaps));
        (gaps, notes)
    } else {
        (Vec::new(), Vec::new())
    };
    (
        files,
        Combined {
            files: count,
            gaps,
            notes,
        },
    )
}

/// What an earlier run (its `check --format json` output) reported: what
/// `check --baseline` leaves out of this one.
#[derive(Debug, Default)]
pub struct Baseline {
    /// The fingerprints of its findings and gaps.
    fingerprints: HashSet<String>,
    /// How many of its findings each passage has, with the provision's title
    /// and without (`model::passage_key`).
    titled: HashMap<String, usize>,
    passages: HashMap<String, usize>,
}

impl Baseline {
    /// The baseline a `check --format json` output holds (a value without
    /// `files` holds nothing).
    pub fn from_json(json: &serde_json::Value) -> Baseline {
        let mut out = Baseline::default();
        for file in json["files"].as_array().into_iter().flatten() {
            for key in ["findings", "gaps"] {
                for item in file[key].as_array().into_iter().flatten() {
                    if let Some(fp) = item["fingerprint"].as_str() {
                        out.fingerprints.insert(fp.to_string());
                    }
                }
            }
            for finding in file["findings"].as_array().into_iter().flatten() {
                let (Some(category), Some(excerpt)) =
                    (finding["category"].as_str(), finding["excerpt"].as_str())
                else {
                    continue;
                };
                let title = finding["provision"]["title"].as_str();
                let passage = PassageKeys::of(category, title, excerpt);
                *out.titled.entry(passage.titled).or_default() += 1;
                *out.passages.entry(passage.plain).or_default() += 1;
            }
        }
        out
    }

    /// Whether the baseline reported the gap with this fingerprint.
    pub fn knows_gap(&self, fingerprint: &str) -> bool {
        self.fingerprints.contains(fingerprint)
    }
}

/// A finding's passage keys (`model::passage_key`).
struct PassageKeys {
    titled: String,
    plain: String,
}

impl PassageKeys {
    fn of(category: &str, title: Option<&str>, excerpt: &str) -> PassageKeys {
        PassageKeys {
            titled: crate::model::passage_key(category, Some(title.unwrap_or_default()), excerpt),
            plain: crate::model::passage_key(category, None, excerpt),
        }
    }
}

/// Moves what the baseline already reported out of `files` into their
/// `hidden` findings and gaps. A finding is known by its fingerprint (same category,
/// provision and matched words); else by its passage under the same
/// provision title (same category and excerpt, numbers aside: its article
/// was renumbered or moved); else by its passage alone (its title changed
/// too). Each of the baseline's passages stands for as many findings as it
/// had there, and each way of knowing is tried on every file before the
/// next, so that a passage repeated in a new article is not taken for the
/// one that stayed.
pub fn apply_baseline(files: &mut [FileFindings], baseline: &Baseline) {
    let mut titled = baseline.titled.clone();
    let mut passages = baseline.passages.clone();
    let take = |counts: &mut HashMap<String, usize>, key: &str| match counts.get_mut(key) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    };
    let keys: Vec<Vec<PassageKeys>> = files
        .iter()
        .map(|file| {
            file.findings
                .iter()
                .map(|f| {
                    PassageKeys::of(
                        f.category.as_str(),
                        f.provision.title.as_deref(),
                        &f.excerpt,
                    )
                })
                .collect()
        })
        .collect();
    let mut known: Vec<Vec<bool>> = files
        .iter()
        .map(|f| vec![false; f.findings.len()])
        .collect();
    for (file, (known, keys)) in files.iter().zip(known.iter_mut().zip(&keys)) {
        for ((f, k), key) in file.findings.iter().zip(known.iter_mut()).zip(keys) {
            if baseline.fingerprints.contains(&f.fingerprint) {
                // its passage is spoken for
                take(&mut titled, &key.titled);
                take(&mut passages, &key.plain);
                *k = true;
            }
        }
    }
    for (known, keys) in known.iter_mut().zip(&keys) {
        for (k, key) in known.iter_mut().zip(keys) {
            if !*k && take(&mut titled, &key.titled) {
                take(&mut passages, &key.plain);
                *k = true;
            }
        }
    }
    for (known, keys) in known.iter_mut().zip(&keys) {
        for (k, key) in known.iter_mut().zip(keys) {
            *k = *k || take(&mut passages, &key.plain);
        }
    }
    for (file, known) in files.iter_mut().zip(known) {
        let mut known = known.into_iter();
        let (findings, known_findings): (Vec<_>, Vec<_>) = std::mem::take(&mut file.findings)
            .into_iter()
            .partition(|_| !known.next().unwrap_or(false));
        let (gaps, known_gaps): (Vec<_>, Vec<_>) = std::mem::take(&mut file.gaps)
            .into_iter()
            .partition(|g| !baseline.knows_gap(&g.fingerprint));
        file.findings = findings;
        file.gaps = gaps;
        file.hidden.by_baseline.extend(known_findings);
        file.hidden.gaps_by_baseline.extend(known_gaps);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provision::SourceFormat;
    use crate::text::LocatedText;

    fn one_division(text: &str) -> bool {
        let rules = RuleSet::builtin().unwrap();
        let agreement = crate::structure::parse_text(
            "t.md".into(),
            SourceFormat::Markdown,
            LocatedText::plain(text.into()),
        );
        is_one_division(rules.catalogue().reach(), &agreement)
    }

    #[test]
    fn a_chapter_that_speaks_of_itself_and_of_the_agreement_is_one_division() {
        let es = "Capítulo 13\n\nArtículo 13.1\n\nLas disposiciones de este Capítulo se aplican a las medidas. Nada en este Capítulo afecta los derechos de las Partes conforme al presente Acuerdo.\n";
        assert!(one_division(es));
        // no chapter heading at all (the chapter's title is its first line)
        let en = "COOPERATION\n\nArticle 1\n\nThe provisions of the present chapter apply to this Agreement.\n\nArticle 2\n\nThe Parties shall liaise on the implementation of the present Chapter.\n";
        assert!(one_division(en));
        let fr = "Article premier\n\nLe présent chapitre s'applique aux mesures. Le présent chapitre ne porte pas atteinte au présent accord.\n";
        assert!(one_division(fr));
    }

    #[test]
    fn a_whole_agreement_that_speaks_of_this_chapter_is_not_one_division() {
        let body =
            "This Chapter applies to this Agreement. This Chapter does not apply to Chapter 2.";
        // several chapters: the agreement's
        let two = format!("Chapter 1\n\nArticle 1.1\n\n{body}\n\nChapter 2\n\nArticle 2.1\n\nThe Parties cooperate.\n");
        assert!(!one_division(&two));
        // one chapter, but signed: a whole (short) agreement
        let signed = format!(
            "Chapter 1\n\nArticle 1.1\n\n{body}\n\nDone at Geneva, this first day of May 2020.\n"
        );
        assert!(!one_division(&signed));
        // no "this Agreement": nothing says there is more
        assert!(!one_division("Chapter 1\n\nArticle 1\n\nThis Chapter applies to goods. This Chapter applies to services.\n"));
        // once: a quotation, not what the text is
        assert!(!one_division(
            "Chapter 1\n\nArticle 1\n\nAs this Chapter provides, this Agreement applies.\n"
        ));
        // "this Title" in a text of several chapters after an enacting
        // formula: an agreement whose titles were not read as titles
        let titles = "Chapter 1\n\nArticle 1.1\n\nThis Title applies to this Agreement. This Title does not apply to Title II.\n\nChapter 2\n\nArticle 2.1\n\nThe Parties cooperate.\n";
        let whole = format!(
            "THE PARTIES,\n\nDESIRING to cooperate,\n\nHAVE AGREED AS FOLLOWS:\n\n{titles}"
        );
        assert!(!one_division(&whole));
    }

    #[test]
    fn a_title_of_several_chapters_published_on_its_own_is_one_division() {
        // the EU-Viet Nam FTA's Title on services, investment and
        // e-commerce: seven chapters, "this Title" throughout, no preamble
        let title = "TRADE IN SERVICES\n\nCHAPTER I\nGENERAL PROVISIONS\n\nArticle 1\n\nThis Title shall not apply to measures affecting natural persons. Consistent with this Title, each Party retains the right to regulate under this Agreement.\n\nCHAPTER II\nINVESTMENT\n\nArticle 2\n\nEach Party shall accord national treatment.\n";
        assert!(one_division(title));
        let es = "COMERCIO DE SERVICIOS\n\nCAPÍTULO I\nDISPOSICIONES GENERALES\n\nArtículo 1\n\nEl presente Título no se aplica a las personas físicas. Conforme al presente Título, cada Parte conserva el derecho de regular en virtud del presente Acuerdo.\n\nCAPÍTULO II\nINVERSIÓN\n\nArtículo 2\n\nCada Parte otorgará trato nacional.\n";
        assert!(one_division(es));
    }
}
