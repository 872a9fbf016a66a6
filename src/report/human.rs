//! Human output, shaped like a compiler diagnostic: where (file:line:column),
//! what (severity, code, category, message), which article, the words that
//! triggered it, and why it matters (the rule's note and guideline paragraph).

use crate::model::{FileFindings, Finding, Gap, Severity};
use std::collections::{BTreeMap, HashSet};
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
/// run's notes before the totals.
pub fn render_human_run(files: &[FileFindings], run: &super::Run, style: Style) -> String {
    let mut out = String::new();
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for file in files {
        let name = file.agreement.name.as_deref().unwrap_or(&file.path);
        let _ = writeln!(
            out,
            "{} {name}: {}\n",
            style.paint("1", "==>"),
            summary(file)
        );
        for f in &file.findings {
            render_finding(&mut out, &file.path, f, style);
            *per_category.entry(f.category.as_str()).or_default() += 1;
        }
        for g in &file.gaps {
            render_gap(&mut out, &file.path, g, style);
        }
        for note in &file.notes {
            let _ = writeln!(out, "{}: {note}\n", style.paint("1", "note"));
        }
        super::negotiation::render(&mut out, file, &|h| style.paint("1", h));
    }
    let mut gaps: usize = files.iter().map(|f| f.gaps.len()).sum();
    if let Some(c) = run.combined {
        let _ = writeln!(
            out,
            "{} gaps for the combined agreement ({} files)\n",
            style.paint("1", "==>"),
            c.files
        );
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let names = names.join(" + ");
        for g in &c.gaps {
            render_gap(&mut out, &names, g, style);
        }
        if c.gaps.is_empty() {
            let _ = writeln!(out, "no gap\n");
        }
        for note in &c.notes {
            let _ = writeln!(out, "{}: {note}\n", style.paint("1", "note"));
        }
        gaps += c.gaps.len();
    }
    for note in run.notes {
        let _ = writeln!(out, "{}: {note}\n", style.paint("1", "note"));
    }
    let total: usize = per_category.values().sum();
    let breakdown: Vec<String> = per_category
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "{} finding{} and {} gap{} in {} file{}{}",
        total,
        if total == 1 { "" } else { "s" },
        gaps,
        if gaps == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        if breakdown.is_empty() {
            String::new()
        } else {
            format!(": {}", breakdown.join(", "))
        }
    );
    out
}

/// A gap has no article to point at: it names the agreement, what is missing,
/// and the clause that would close it.
fn render_gap(out: &mut String, path: &str, g: &Gap, style: Style) {
    let head = format!("gap[{}]", g.id);
    let _ = writeln!(out, "{}: {}", style.paint("1;35", &head), g.message);
    let _ = writeln!(
        out,
        "  {} {path}  (agreement level)",
        style.paint("34", "-->")
    );
    if !g.evidence.is_empty() {
        let _ = writeln!(out, "   = concerns: {}", g.evidence.join(", "));
    }
    let _ = writeln!(out, "   = recommendation: {}", g.recommendation);
    let _ = writeln!(out, "   = for example: \"{}\"", g.suggested_clause);
    let _ = writeln!(
        out,
        "   = guideline {}{}\n",
        g.guideline.join(", "),
        convention(&g.convention_article)
    );
}

fn render_finding(out: &mut String, path: &str, f: &Finding, style: Style) {
    let level_colour = match f.severity {
        Severity::Info => "1;36",
        Severity::Warning => "1;33",
        Severity::Error => "1;31",
    };
    let head = format!("{}[{}]", f.severity.name(), f.rule().code);
    let _ = writeln!(
        out,
        "{}: {} {}",
        style.paint(level_colour, &head),
        style.paint("1", f.category.as_str()),
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
        "  {} {path}:{}:{}  {} [{}{id}]",
        style.paint("34", "-->"),
        f.line,
        f.column,
        f.provision.label(),
        f.provision.path
    );
    let gutter = style.paint("34", "   |");
    let _ = writeln!(out, "{gutter}");
    let _ = writeln!(out, "{gutter} {}", marked(&f.excerpt, &f.marks, style));
    let _ = writeln!(out, "{gutter}");
    if let Some(revision) = &f.revision {
        let _ = writeln!(out, "   = tracked change: {}", revision.describe());
    }
    super::negotiation::finding_line(out, f);
    let _ = writeln!(out, "   = note: {}", f.rule().note());
    let _ = writeln!(
        out,
        "   = rules: {} · guideline {}{} · `treatyscan rules explain {}`\n",
        f.rule_codes().join(", "),
        f.guideline.join(", "),
        convention(&f.convention_article),
        f.rule().code
    );
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
fn convention(articles: &[String]) -> String {
    if articles.is_empty() {
        String::new()
    } else {
        format!(" · Convention Art. {}", articles.join(", "))
    }
}

/// "4 cultural clauses; e-commerce chapter with no cultural carve-out; no
/// reference to the 2005 Convention": the line a negotiator reads first.
pub fn summary(file: &FileFindings) -> String {
    let clauses: HashSet<&str> = file
        .findings
        .iter()
        .filter(|f| f.rule().cultural_clause)
        .map(|f| f.provision.path.as_str())
        .collect();
    let mut parts = vec![match clauses.len() {
        0 => "no cultural clause".to_string(),
        1 => "1 cultural clause".to_string(),
        n => format!("{n} cultural clauses"),
    }];
    let has = |c: &str| file.findings.iter().any(|f| f.category == c);
    let gap = |id: &str| file.gaps.iter().any(|g| g.id == id);
    if gap("ecommerce_without_cultural_carveout") {
        parts.push("e-commerce commitments with no cultural carve-out".into());
    } else if has("ecommerce_cultural") {
        parts.push("e-commerce provisions with a cultural carve-out".into());
    } else if has("ecommerce") {
        parts.push("e-commerce provisions".into());
    }
    if has("convention_reference") {
        parts.push("cites the 2005 Convention".into());
    } else if gap("missing_convention_reference") {
        parts.push("no reference to the 2005 Convention".into());
    }
    let other_gaps = file
        .gaps
        .iter()
        .filter(|g| {
            g.id != "ecommerce_without_cultural_carveout" && g.id != "missing_convention_reference"
        })
        .count();
    if other_gaps > 0 {
        parts.push(format!(
            "{other_gaps} other gap{}",
            if other_gaps == 1 { "" } else { "s" }
        ));
    }
    parts.join("; ")
}
