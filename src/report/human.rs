//! Human output, shaped like a compiler diagnostic: where (file:line:column),
//! what (severity, code, category, message), which article, the words that
//! triggered it, and why it matters (the rule's note and guideline paragraph).

use crate::findings::{FileFindings, Finding};
use crate::rules::RuleSet;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Colour is for terminals only, and never when `NO_COLOR` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

impl Style {
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

pub fn render_human(files: &[FileFindings], rules: &RuleSet, style: Style) -> String {
    let mut out = String::new();
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for file in files {
        let name = file.agreement.name.as_deref().unwrap_or(&file.path);
        let _ = writeln!(
            out,
            "{} {name}: {}\n",
            style.paint("1", "==>"),
            crate::findings::summary(file)
        );
        for f in &file.findings {
            render_finding(&mut out, &file.path, f, rules, style);
            *per_category.entry(&f.category).or_default() += 1;
        }
        for g in &file.gaps {
            render_gap(&mut out, &file.path, g, style);
        }
    }
    let gaps: usize = files.iter().map(|f| f.gaps.len()).sum();
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
fn render_gap(out: &mut String, path: &str, g: &crate::findings::Gap, style: Style) {
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
    let _ = writeln!(out, "   = guideline {}\n", g.guideline.join(", "));
}

fn render_finding(out: &mut String, path: &str, f: &Finding, rules: &RuleSet, style: Style) {
    let level_colour = match f.severity {
        crate::rules::Severity::Info => "1;36",
        crate::rules::Severity::Warning => "1;33",
        crate::rules::Severity::Error => "1;31",
    };
    let head = format!("{}[{}]", f.severity.name(), f.rules[0]);
    let _ = writeln!(
        out,
        "{}: {} {}",
        style.paint(level_colour, &head),
        style.paint("1", &f.category),
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
    if let Some(note) = rules
        .rule(&f.rules[0])
        .map(|r| first_paragraph(&r.spec.explanation))
    {
        let _ = writeln!(out, "   = note: {note}");
    }
    let _ = writeln!(
        out,
        "   = rules: {} · guideline {} · `treatyscan rules explain {}`\n",
        f.rules.join(", "),
        f.guideline.join(", "),
        f.rules[0]
    );
}

fn marked(excerpt: &str, marks: &[(usize, usize)], style: Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(s, e) in marks {
        if s < at || e > excerpt.len() {
            continue;
        }
        out.push_str(&excerpt[at..s]);
        out.push_str(&style.mark(&excerpt[s..e]));
        at = e;
    }
    out.push_str(&excerpt[at..]);
    out
}

/// The explanation's first paragraph, on one line.
pub fn first_paragraph(text: &str) -> String {
    let para = text.trim().split("\n\n").next().unwrap_or("");
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}
