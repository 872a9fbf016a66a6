//! Report formats over one findings model: human (compiler-style), JSON, SARIF
//! 2.1.0, CSV and a self-contained HTML page. Renderers are pure functions
//! from findings to text.

mod csv;
mod errors;
mod html;
mod human;
mod negotiation;
mod sarif;

pub use csv::{render_csv, render_csv_run, NOT_ASSESSED};
pub use errors::{error_line, language_not_analysed, refused, source_error};
pub use html::{counted, label, render_html, Context as HtmlContext, Outline};
pub use human::{
    describe_revision, findings_and_gaps, render_human, render_human_in, render_human_run,
    render_not_reviewed, severity_label, summary, summary_in, totals, Style,
};
pub use sarif::{render_sarif, render_sarif_in, render_sarif_run};

use crate::locale::{Lang, Locale};
use crate::model::{FileFindings, Finding, Gap};
use crate::review::Combined;

/// What a `check` run reports beyond its files: the gaps of an agreement
/// given as several files (`--combine`), and notes on the whole run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Run<'a> {
    /// The gaps of the files read as one agreement (`check --combine`).
    pub combined: Option<&'a Combined>,
    /// Sentences about the whole run ("gaps were computed per file …").
    pub notes: &'a [String],
    /// The files that could not be read or reviewed, in the order given.
    pub errors: &'a [crate::model::FileError],
}

/// `{"files": [{"path", "agreement", "findings"}]}`, in the order of the files given.
pub fn render_json(files: &[FileFindings]) -> String {
    let mut out = Vec::new();
    write_json(files, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `render_json` written straight to `out`: a corpus's report is megabytes,
/// which need not be held in memory first.
pub fn write_json(files: &[FileFindings], mut out: impl std::io::Write) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        files: &'a [FileFindings],
    }
    serde_json::to_writer_pretty(&mut out, &Report { files })?;
    out.write_all(b"\n")
}

/// `write_json` with what the run adds: `{"files": […], "combined_files": N,
/// "gaps": […], "notes": […]}`; `gaps` and `combined_files` only for a
/// combined agreement, `notes` only when there are some.
pub fn write_json_run(
    files: &[FileFindings],
    run: &Run,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        files: &'a [FileFindings],
        #[serde(skip_serializing_if = "Option::is_none")]
        combined_files: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        gaps: Option<&'a [crate::model::Gap]>,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        notes: &'a [String],
        #[serde(skip_serializing_if = "<[crate::model::FileError]>::is_empty")]
        errors: &'a [crate::model::FileError],
    }
    let mut notes: Vec<String> = run.notes.to_vec();
    if let Some(c) = run.combined {
        notes.extend(c.notes.iter().cloned());
    }
    let report = Report {
        files,
        combined_files: run.combined.map(|c| c.files),
        gaps: run.combined.map(|c| c.gaps.as_slice()),
        notes: &notes,
        errors: run.errors,
    };
    serde_json::to_writer_pretty(&mut out, &report)?;
    out.write_all(b"\n")
}

/// One file's entry of the JSON report as [`write_json_run`] writes it
/// inside `"files"`: pretty-printed, each line after the first indented for
/// its depth. Rendered on the thread that reviewed the file, so that a run's
/// report is not written file after file once all are reviewed (6-8 ms of a
/// 150 ms check over the ToTA corpus, with every other thread idle).
pub fn json_file_entry(file: &FileFindings) -> String {
    let mut out = Vec::new();
    serde_json::to_writer_pretty(&mut out, file).expect("a report serialises to memory");
    String::from_utf8(out)
        .expect("JSON is UTF-8")
        .replace('\n', "\n    ")
}

/// [`write_json_run`] with each file's entry already rendered by
/// [`json_file_entry`]: the same bytes.
pub fn write_json_run_rendered(
    entries: &[String],
    run: &Run,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut rest = Vec::new();
    write_json_run(&[], run, &mut rest)?;
    // `files` is the report's first field: its empty array is put in place
    const EMPTY: &[u8] = b"{\n  \"files\": []";
    let after = rest
        .strip_prefix(EMPTY)
        .expect("the JSON report opens with its files");
    out.write_all(b"{\n  \"files\": [")?;
    for (i, entry) in entries.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        out.write_all(entry.as_bytes())?;
    }
    out.write_all(if entries.is_empty() { b"]" } else { b"\n  ]" })?;
    out.write_all(after)
}

/// The index of the earlier gap of `gaps` whose suggested clause is the same
/// as that of gap `i` (one recital that closes both, as the Convention and
/// guidelines gaps share): reports point back to it rather than print the
/// clause twice.
pub fn same_clause_as(gaps: &[Gap], i: usize) -> Option<usize> {
    let clause = gaps.get(i)?.suggested_clause.as_str();
    gaps[..i]
        .iter()
        .position(|g| !clause.is_empty() && g.suggested_clause == clause)
}

/// Puts the messages a review wrote in English into `lang`: each finding's
/// message (its first rule's, from the rule file's `es.message` /
/// `fr.message`), each gap's message and recommendation, and the notes the
/// review writes (Parties unknown). Ids, codes, keys, paths, excerpts and
/// suggested clauses are left as they are, so JSON, SARIF and CSV keep their
/// shape and ids in every language. Run it once, before any renderer.
pub fn localise(files: &mut [FileFindings], combined: Option<&mut Combined>, lang: Lang) {
    let locale = Locale::of(lang);
    for file in files.iter_mut() {
        file.findings
            .iter_mut()
            .for_each(|f| localise_finding(f, lang));
        file.gaps.iter_mut().for_each(|g| localise_gap(g, lang));
        file.notes.iter_mut().for_each(|n| localise_note(n, locale));
        if let Some(n) = file.negotiation.as_mut() {
            for g in &mut n.gaps {
                if let Some(info) = &g.info {
                    g.message = info.message_in(lang).to_string();
                }
                g.summary = g.describe_in(locale);
            }
        }
    }
    if let Some(c) = combined {
        c.gaps.iter_mut().for_each(|g| localise_gap(g, lang));
        c.notes.iter_mut().for_each(|n| localise_note(n, locale));
    }
}

fn localise_finding(f: &mut Finding, lang: Lang) {
    f.message = f.rule().message_in(lang).to_string();
}

fn localise_gap(g: &mut Gap, lang: Lang) {
    g.message = g.info.message_in(lang).to_string();
    g.recommendation = g.info.recommendation_in(lang).to_string();
}

/// The notes the review stage writes, with their Fluent ids.
const NOTES: [(&str, &str); 11] = [
    (crate::review::PARTIES_UNKNOWN, "note-parties-unknown"),
    (crate::review::FOREIGN_PART, "note-foreign-part"),
    (crate::review::DATE_UNKNOWN, "note-date-unknown"),
    (crate::review::DEVELOPING_NAMED, "note-developing-named"),
    (crate::review::DEVELOPING_READ, "note-developing-read"),
    (
        crate::review::STRUCTURE_NOT_FOUND,
        "note-structure-not-found",
    ),
    (crate::review::PART_OF_AGREEMENT, "note-part-of-agreement"),
    (
        crate::review::PART_OF_AGREEMENT_DIVISION,
        "note-part-of-agreement-division",
    ),
    (
        crate::review::AMENDING_INSTRUMENT,
        "note-amending-instrument",
    ),
    (
        crate::review::PART_OF_AGREEMENT_ANNEX,
        "note-part-of-agreement-annex",
    ),
    (
        crate::review::PART_OF_AGREEMENT_OPENING,
        "note-part-of-agreement-opening",
    ),
];

fn localise_note(note: &mut String, locale: &Locale) {
    if let Some((_, id)) = NOTES.iter().find(|(english, _)| note == english) {
        *note = locale.t(id);
    }
}

/// Where a file stands on the three points a summary leads with, counted
/// over everything the file holds (what a filter or baseline hides
/// included): how many provisions hold a cultural clause, how e-commerce is
/// treated, whether the Convention is cited. Both the human summary and the
/// HTML page say it; this is the one reading of the findings and gaps.
pub(crate) struct Standing {
    /// Provisions (by path) with a finding of a cultural-clause rule.
    pub clauses: usize,
    /// E-commerce: `None` when the file has no e-commerce provision.
    pub ecommerce: Option<Ecommerce>,
    /// The Convention: `None` when neither cited nor reasoned missing.
    pub convention: Option<Convention>,
}

/// How e-commerce is treated.
pub(crate) enum Ecommerce {
    /// Commitments that no cultural carve-out reaches (the gap is open).
    NoCarveOut,
    /// Provisions with a cultural carve-out.
    CarveOut,
    /// E-commerce provisions, no commitment the gap reasons about.
    Plain,
}

/// Whether the 2005 Convention is cited.
pub(crate) enum Convention {
    /// A finding cites it.
    Cited,
    /// Only bracketed words of a negotiating text cite it, and the gap is
    /// open on the agreed text.
    Proposed,
    /// The gap says it is missing.
    Missing,
}

impl Standing {
    /// Reads the file's findings and gaps, hidden ones included.
    pub fn of(file: &FileFindings) -> Standing {
        let clauses: std::collections::HashSet<&str> = file
            .held_findings()
            .filter(|f| f.rule().cultural_clause)
            .map(|f| f.provision.path.as_str())
            .collect();
        let has = |c: &str| file.held_findings().any(|f| f.category == c);
        let gap = |id: &str| file.held_gaps().any(|g| g.id == id);
        let ecommerce = if gap("ecommerce_without_cultural_carveout") {
            Some(Ecommerce::NoCarveOut)
        } else if has("ecommerce_cultural") {
            Some(Ecommerce::CarveOut)
        } else if has("ecommerce") {
            Some(Ecommerce::Plain)
        } else {
            None
        };
        // a negotiating text's gaps judge its agreed text: a citation in
        // brackets alone is proposed, not held
        let convention = if has("convention_reference") && gap("missing_convention_reference") {
            Some(Convention::Proposed)
        } else if has("convention_reference") {
            Some(Convention::Cited)
        } else if gap("missing_convention_reference") {
            Some(Convention::Missing)
        } else {
            None
        };
        Standing {
            clauses: clauses.len(),
            ecommerce,
            convention,
        }
    }
}

/// A finding's provision as a reader cites it, with the divisions it lies
/// in when they are known: "Chapter 12 (Telecommunications) › Article 12.1
/// (Scope)", "Annex 3 › Article 1 (Scope and Coverage)" (an agreement that
/// numbers its articles per chapter or annex has many an "Article 1").
pub fn cited_provision(f: &Finding, locale: &Locale) -> String {
    let mut out: String = f
        .divisions
        .iter()
        .map(|d| format!("{} › ", d.label_in(locale)))
        .collect();
    out.push_str(&f.provision.label_in(locale));
    out
}

/// How items of evidence (as `evidence_label` gives them) are listed: with
/// semicolons when one holds a comma (the ISO form "Lao, République
/// démocratique populaire"), with commas otherwise.
pub fn evidence_separator(labels: &[String]) -> &'static str {
    if labels.iter().any(|l| l.contains(',')) {
        "; "
    } else {
        ", "
    }
}

/// Items of evidence (Party codes, provision paths) as one line for a
/// reader: each through `evidence_label`, joined as `evidence_separator` says.
pub fn evidence_list(items: &[String], lang: crate::locale::Lang) -> String {
    let labels: Vec<String> = items.iter().map(|e| evidence_label(e, lang)).collect();
    labels.join(evidence_separator(&labels))
}

/// One item of a gap's evidence as a reader is shown it: a Party code with
/// its name in `lang` ("Viet Nam (VNM)"), anything else (a provision's
/// path, a Party named as written) as it is.
pub fn evidence_label(item: &str, lang: crate::locale::Lang) -> String {
    let is_code = (2..=3).contains(&item.len()) && item.bytes().all(|b| b.is_ascii_uppercase());
    match is_code
        .then(|| crate::provision::parties::party_name(item, lang.code()))
        .flatten()
    {
        Some(name) => format!("{name} ({item})"),
        None => item.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::locale::{Lang, Locale};

    #[test]
    fn party_codes_in_gap_evidence_are_named_in_the_report_language() {
        use super::{evidence_label, evidence_separator};
        assert_eq!(evidence_label("VNM", Lang::En), "Viet Nam (VNM)");
        assert_eq!(evidence_label("KOR", Lang::Es), "República de Corea (KOR)");
        assert_eq!(evidence_label("PER", Lang::Es), "Perú (PER)");
        assert_eq!(evidence_label("EU", Lang::Fr), "Union européenne (EU)");
        // a provision's path and a Party named as written stay as they are
        assert_eq!(evidence_label("ch2/art2.1", Lang::En), "ch2/art2.1");
        assert_eq!(evidence_label("ARC", Lang::En), "ARC");
        // a name that holds a comma (a territory's ISO form) is kept whole
        let en: Vec<String> = ["VGB", "THA"]
            .iter()
            .map(|c| evidence_label(c, Lang::En))
            .collect();
        assert_eq!(evidence_separator(&en), "; ", "{en:?}");
        assert_eq!(evidence_separator(&["Peru (PER)".into()]), ", ");
    }

    #[test]
    fn the_review_notes_are_the_english_messages() {
        // `localise` finds a note by its English text: the two must agree
        for (english, id) in super::NOTES {
            assert_eq!(Locale::of(Lang::En).t(id), english);
        }
    }
}
