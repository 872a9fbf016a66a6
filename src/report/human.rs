//! Human output, shaped like a compiler diagnostic: where (file:line:column),
//! what (severity, code, category, message), which article, the words that
//! triggered it, and why it matters (the rule's note and guideline paragraph).

use crate::locale::{Lang, Locale};
use crate::model::{FileError, FileFindings, Finding, Gap, Severity};
use crate::provision::SourceFormat;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Colour is for terminals only, and never when `NO_COLOR` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// No escape codes; matched words «between guillemets».
    Plain,
    /// ANSI colours and bold for severities and matched words.
    Color,
}

impl Style {
    /// `Color` when standard output is a terminal and `NO_COLOR` is unset or empty, else `Plain`.
    pub fn detect() -> Style {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if !no_color && std::io::stdout().is_terminal() {
            Style::Color
        } else {
            Style::Plain
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        match self {
            Style::Plain => text.to_string(),
            Style::Color => format!("\x1b[{code}m{text}\x1b[0m"),
        }
    }

    /// Matched words: bold on a terminal, «between guillemets» in plain text.
    fn mark(self, text: &str) -> String {
        match self {
            Style::Plain => format!("«{text}»"),
            Style::Color => format!("\x1b[1;4;33m{text}\x1b[0m"),
        }
    }
}

/// The whole human report of several files: per file a summary line, its
/// findings and its gaps; then one line of totals.
pub fn render_human(files: &[FileFindings], style: Style) -> String {
    render_human_run(files, &super::Run::default(), style)
}

/// `render_human` with what the run adds: each file's notes, a section
/// "gaps for the combined agreement (N files)" under `--combine`, and the
/// run's notes before the totals. In English.
pub fn render_human_run(files: &[FileFindings], run: &super::Run, style: Style) -> String {
    render_human_in(files, run, style, Locale::of(Lang::En))
}

/// `render_human_run` in the locale's language: every label, note,
/// summary, rule note and gap wording, and the heading keywords of the
/// provisions ("Artículo 12.1"). The agreement's own words (excerpts,
/// titles, suggested clauses) stay as the agreement writes them. Messages
/// and notes are read from the findings as given: run
/// [`super::localise`] on them first.
pub fn render_human_in(
    files: &[FileFindings],
    run: &super::Run,
    style: Style,
    locale: &Locale,
) -> String {
    let mut out = String::new();
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    // what the totals call each category (its label in Spanish or French)
    let mut category_names: BTreeMap<&str, &str> = BTreeMap::new();
    for file in files {
        // the agreement's name and the file it was read from (findings
        // below point into the file)
        let name = match file.agreement.name.as_deref() {
            Some(name) if name != file.path => format!("{name} ({})", file.path),
            _ => file.path.clone(),
        };
        let _ = writeln!(
            out,
            "{} {name}: {}\n",
            style.paint("1", "==>"),
            summary_in(file, locale)
        );
        for f in &file.findings {
            render_finding(&mut out, &location(file, f, locale), f, style, locale);
            *per_category.entry(f.category.as_str()).or_default() += 1;
            category_names
                .entry(f.category.as_str())
                .or_insert_with(|| category_label(f, locale).unwrap_or(f.category.as_str()));
        }
        for i in 0..file.gaps.len() {
            render_gap(&mut out, &file.path, &file.gaps, i, style, locale);
        }
        for note in &file.notes {
            render_note(&mut out, note, style, locale);
        }
        super::negotiation::render(&mut out, file, &|h| style.paint("1", h), locale);
    }
    let mut gaps: usize = files.iter().map(|f| f.gaps.len()).sum();
    if let Some(c) = run.combined {
        let _ = writeln!(
            out,
            "{} {}\n",
            style.paint("1", "==>"),
            locale.tr("combined-heading", &[("count", c.files.into())])
        );
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let names = names.join(" + ");
        for i in 0..c.gaps.len() {
            render_gap(&mut out, &names, &c.gaps, i, style, locale);
        }
        if c.gaps.is_empty() {
            let _ = writeln!(out, "{}\n", locale.t("combined-no-gap"));
        }
        for note in &c.notes {
            render_note(&mut out, note, style, locale);
        }
        gaps += c.gaps.len();
    }
    out.push_str(&render_not_reviewed(run.errors, style, locale));
    for note in run.notes {
        render_note(&mut out, note, style, locale);
    }
    let total: usize = per_category.values().sum();
    let breakdown: Vec<String> = per_category
        .iter()
        .map(|(c, n)| format!("{} {n}", category_names.get(c).unwrap_or(c)))
        .collect();
    let totals = totals(total, gaps, files.len(), locale);
    let _ = if breakdown.is_empty() {
        writeln!(out, "{totals}")
    } else {
        writeln!(out, "{}", locale.labelled(&totals, &breakdown.join(", ")))
    };
    // the totals are of the files reviewed: the others are named above them
    if !run.errors.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            locale.tr("totals-not-reviewed", &[("count", run.errors.len().into())])
        );
    }
    out
}

/// One line per file that was not read or not analysed, naming it and why
/// (`FileError::message`: "language nl (Dutch) is not analysed; …"), so that
/// a report kept without its standard error still says which files it does
/// not assess; empty when every file was reviewed.
pub fn render_not_reviewed(errors: &[FileError], style: Style, locale: &Locale) -> String {
    let mut out = String::new();
    for e in errors {
        let _ = writeln!(
            out,
            "{} {}: {} ({})\n",
            style.paint("1", "==>"),
            e.path,
            e.message,
            locale.t("file-not-assessed")
        );
    }
    out
}

fn render_note(out: &mut String, note: &str, style: Style, locale: &Locale) {
    let label = style.paint("1", &locale.t("label-note"));
    let _ = writeln!(out, "{}\n", locale.labelled(&label, note));
}

/// A gap has no article to point at: it names the agreement, what is missing,
/// and the clause that would close it (or the earlier gap of `gaps` whose
/// clause closes it too).
fn render_gap(out: &mut String, path: &str, gaps: &[Gap], i: usize, style: Style, locale: &Locale) {
    let g = &gaps[i];
    let head = format!("{}[{}]", locale.t("label-gap"), g.id);
    let _ = writeln!(out, "{}: {}", style.paint("1;35", &head), g.message);
    let _ = writeln!(
        out,
        "  {} {path}  ({})",
        style.paint("34", "-->"),
        locale.t("agreement-level")
    );
    if !g.evidence.is_empty() {
        let concerns = super::evidence_list(&g.evidence, locale.lang());
        let _ = writeln!(
            out,
            "   = {}",
            locale.labelled(&locale.t("label-concerns"), &concerns)
        );
    }
    let _ = writeln!(
        out,
        "   = {}",
        locale.labelled(&locale.t("label-recommendation"), &g.recommendation)
    );
    let example = match super::same_clause_as(gaps, i) {
        Some(k) => locale.tr("gap-same-clause", &[("gap", gaps[k].id.as_str().into())]),
        None => locale.tr(
            "clause-quoted",
            &[("clause", g.suggested_clause.as_str().into())],
        ),
    };
    let _ = writeln!(
        out,
        "   = {}",
        locale.labelled(&locale.t("label-for-example"), &example)
    );
    let _ = writeln!(
        out,
        "   = {} {}{}\n",
        locale.t("label-guideline"),
        g.guideline.join(", "),
        convention(&g.convention_article, locale)
    );
}

/// Where a finding is: `file, page 428` in a PDF (its extracted text's lines
/// mean nothing to a reader), `file, page 3-12 (PDF page 428)` when the page
/// prints a number of its own, `file:line:column` in every other source.
fn location(file: &FileFindings, f: &Finding, locale: &Locale) -> String {
    match (f.page, &f.page_label) {
        (Some(page), Some(printed)) if file.format == SourceFormat::Pdf => locale.tr(
            "location-page-printed",
            &[
                ("path", file.path.as_str().into()),
                ("page", page.into()),
                ("printed", printed.as_str().into()),
            ],
        ),
        (Some(page), None) if file.format == SourceFormat::Pdf => locale.tr(
            "location-page",
            &[("path", file.path.as_str().into()), ("page", page.into())],
        ),
        _ => format!("{}:{}:{}", file.path, f.line, f.column),
    }
}

/// What the report calls a finding's category: its label in the report's
/// language ("cultural exception or reservation", "exception ou réserve
/// culturelle"), so that the heading reads as a sentence in one language
/// (the id, what `--category` takes, was shown in English reports and read
/// as a code); `None` where a rule set gives no label (the id stands).
fn category_label<'a>(f: &'a Finding, locale: &Locale) -> Option<&'a str> {
    f.rule()
        .category_labels
        .get(&locale.lang())
        .map(String::as_str)
}

fn render_finding(out: &mut String, location: &str, f: &Finding, style: Style, locale: &Locale) {
    let level_colour = match f.severity {
        Severity::Info => "1;36",
        Severity::Warning => "1;33",
        Severity::Error => "1;31",
    };
    let head = format!("{}[{}]", severity_label(f.severity, locale), f.rule().code);
    // a label is set off from the message that follows it by a dash
    let category = match category_label(f, locale) {
        Some(label) => format!("{label} —"),
        None => f.category.as_str().to_string(),
    };
    let _ = writeln!(
        out,
        "{}: {} {}",
        style.paint(level_colour, &head),
        style.paint("1", &category),
        f.message
    );
    let id = f
        .provision
        .source_id
        .as_deref()
        .map(|s| format!(", id {s}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {} {location}  {} [{}{id}]",
        style.paint("34", "-->"),
        super::cited_provision(f, locale),
        f.provision.path
    );
    let gutter = style.paint("34", "   |");
    let _ = writeln!(out, "{gutter}");
    let _ = writeln!(out, "{gutter} {}", marked(&f.excerpt, &f.marks, style));
    let _ = writeln!(out, "{gutter}");
    if let Some(revision) = &f.revision {
        let _ = writeln!(
            out,
            "   = {}",
            locale.labelled(
                &locale.t("label-tracked-change"),
                &describe_revision(revision, locale)
            )
        );
    }
    super::negotiation::finding_line(out, f, locale);
    let _ = writeln!(
        out,
        "   = {}",
        locale.labelled(&locale.t("label-note"), &f.rule().note_in(locale.lang()))
    );
    let lang_flag = match locale.lang() {
        Lang::En => String::new(),
        lang => format!(" --lang {lang}"),
    };
    let rules = format!(
        "{} · {} {}{} · `treatyscan rules explain {}{lang_flag}`",
        f.rule_codes().join(", "),
        locale.t("label-guideline"),
        f.guideline.join(", "),
        convention(&f.convention_article, locale),
        f.rule().code
    );
    let _ = writeln!(
        out,
        "   = {}\n",
        locale.labelled(&locale.t("label-rules"), &rules)
    );
}

/// `info`, `warning`, `error` in the locale's language (JSON and `--fail-on`
/// keep the English names).
pub fn severity_label(severity: Severity, locale: &Locale) -> String {
    locale.t(&format!("severity-{}", severity.name()))
}

/// "proposed by Borealia delegation, 2 March 2026" in the locale's language.
pub fn describe_revision(revision: &crate::text::Revision, locale: &Locale) -> String {
    use crate::text::RevisionKind;
    let id = match revision.kind {
        RevisionKind::Insertion => "revision-proposed",
        RevisionKind::Deletion => "revision-deleted",
        RevisionKind::Move => "revision-moved",
    };
    let author = if revision.author.is_empty() {
        locale.t("revision-unnamed-author")
    } else {
        revision.author.clone()
    };
    let mut s = locale.tr(id, &[("author", author.into())]);
    if let Some(date) = revision.date.as_deref() {
        s.push_str(", ");
        s.push_str(&date_in(date, locale));
    }
    s
}

/// `2026-03-02T10:00:00Z` → "2 March 2026", "2 de marzo de 2026", "2 mars
/// 2026"; anything else as written.
fn date_in(date: &str, locale: &Locale) -> String {
    let parsed = date.get(..10).and_then(|day| {
        let mut it = day.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        let (m, d) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
        (y.len() == 4 && (1..=12).contains(&m)).then(|| (y.to_string(), m, d))
    });
    match parsed {
        Some((year, month, day)) => locale.tr(
            "date",
            &[
                ("day", day.into()),
                ("month", locale.t(&format!("month-{month}")).into()),
                ("year", year.into()),
            ],
        ),
        None => date.to_string(),
    }
}

/// The excerpt with its matched words marked; the pieces come from `Marks`,
/// which holds only whole words on char boundaries.
fn marked(excerpt: &str, marks: &crate::text::Marks, style: Style) -> String {
    marks
        .pieces(excerpt)
        .into_iter()
        .map(|(text, is_mark)| {
            if is_mark {
                style.mark(text)
            } else {
                text.to_string()
            }
        })
        .collect()
}

/// " · Convention Art. 16" when a finding or gap serves articles of the
/// Convention itself (kept apart from the guideline paragraphs).
fn convention(articles: &[String], locale: &Locale) -> String {
    if articles.is_empty() {
        String::new()
    } else {
        format!(
            " · {}",
            locale.tr(
                "convention-articles",
                &[("articles", articles.join(", ").into())]
            )
        )
    }
}

/// "cultural clauses in 4 provisions; e-commerce chapter with no cultural carve-out; no
/// reference to the 2005 Convention": the line a negotiator reads first.
/// It counts what the file holds, and then says what `--category` or
/// `--baseline` keeps out of the report.
pub fn summary(file: &FileFindings) -> String {
    summary_in(file, Locale::of(Lang::En))
}

/// [`summary`] in the locale's language.
pub fn summary_in(file: &FileFindings, locale: &Locale) -> String {
    use super::{Convention, Ecommerce, Standing};
    let standing = Standing::of(file);
    let mut parts = Vec::new();
    // a part published alone: its gaps judge that part only, which the
    // reader should know before reading them (the note says it in full)
    let part_notes = [
        crate::review::PART_OF_AGREEMENT.to_string(),
        crate::review::PART_OF_AGREEMENT_DIVISION.to_string(),
        locale.t("note-part-of-agreement"),
        locale.t("note-part-of-agreement-division"),
    ];
    if file.notes.iter().any(|n| part_notes.contains(n)) {
        parts.push(locale.t("summary-part-of-agreement"));
    }
    parts.push(locale.tr("summary-clauses", &[("count", standing.clauses.into())]));
    if let Some(e) = standing.ecommerce {
        parts.push(locale.t(match e {
            Ecommerce::NoCarveOut => "summary-ecommerce-no-carveout",
            Ecommerce::CarveOut => "summary-ecommerce-carveout",
            Ecommerce::Plain => "summary-ecommerce",
        }));
    }
    if let Some(c) = standing.convention {
        parts.push(locale.t(match c {
            Convention::Cited => "summary-cites-convention",
            Convention::Proposed => "summary-proposes-convention",
            Convention::Missing => "summary-no-convention",
        }));
    }
    let other_gaps = file
        .held_gaps()
        .filter(|g| {
            g.id != "ecommerce_without_cultural_carveout" && g.id != "missing_convention_reference"
        })
        .count();
    if other_gaps > 0 {
        parts.push(locale.tr("summary-other-gaps", &[("count", other_gaps.into())]));
    }
    let hidden = &file.hidden;
    let (findings, gaps) = (hidden.by_category.len(), hidden.gaps_by_category.len());
    if findings + gaps > 0 {
        parts.push(locale.tr(
            "summary-hidden-category",
            &[("what", findings_and_gaps(findings, gaps, locale).into())],
        ));
    }
    let (findings, gaps) = (hidden.by_baseline.len(), hidden.gaps_by_baseline.len());
    if findings + gaps > 0 {
        parts.push(locale.tr(
            "summary-hidden-baseline",
            &[("what", findings_and_gaps(findings, gaps, locale).into())],
        ));
    }
    parts.join(&locale.t("summary-separator"))
}

/// "N findings and M gaps in K files", as the human report's last line and
/// `check --out`'s line on standard error say it.
pub fn totals(findings: usize, gaps: usize, files: usize, locale: &Locale) -> String {
    locale.tr(
        "totals",
        &[
            ("findings", findings.into()),
            ("gaps", gaps.into()),
            ("files", files.into()),
        ],
    )
}

/// "3 findings and 1 gap", leaving out a count of zero (in `locale`'s language).
pub fn findings_and_gaps(findings: usize, gaps: usize, locale: &Locale) -> String {
    let findings_text = locale.tr("count-findings", &[("count", findings.into())]);
    let gaps_text = locale.tr("count-gaps", &[("count", gaps.into())]);
    match (findings, gaps) {
        (_, 0) => findings_text,
        (0, _) => gaps_text,
        _ => locale.tr(
            "count-findings-and-gaps",
            &[
                ("findings", findings_text.into()),
                ("gaps", gaps_text.into()),
            ],
        ),
    }
}
