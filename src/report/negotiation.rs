//! The negotiation part of the human report: a line under each finding of a
//! negotiating text (agreed, or bracketed and by whom), then per file the
//! gaps in each reading and the Parties' positions per category. Nothing is
//! written for a text without negotiating brackets.

use crate::locale::Locale;
use crate::model::negotiation::NegotiationReport;
use crate::model::{FileFindings, Finding};
use std::fmt::Write;

/// "   = bracketed (Alt 1): proposed by ARC, opposed by BOR" under a finding
/// of a negotiating text; nothing otherwise.
pub(super) fn finding_line(out: &mut String, f: &Finding, l: &Locale) {
    if let Some(n) = &f.negotiation {
        let _ = writeln!(out, "   = {}", n.describe_in(l));
        // the draft's own words, as excerpts are shown
        for note in &n.notes {
            let _ = writeln!(out, "   | {note}");
        }
    }
}

/// The file's negotiation section: Parties, gaps in readings, positions.
pub(super) fn render(
    out: &mut String,
    file: &FileFindings,
    heading: &dyn Fn(&str) -> String,
    l: &Locale,
) {
    let Some(n) = &file.negotiation else { return };
    render_report(out, n, heading, l);
}

fn render_report(
    out: &mut String,
    n: &NegotiationReport,
    heading: &dyn Fn(&str) -> String,
    l: &Locale,
) {
    let parties: Vec<String> = n.parties.iter().map(|p| p.label()).collect();
    let parties = if parties.is_empty() {
        // brackets that name their Parties in words ("[United States oppose;
        // Canada propose: …]") are read only once the Parties are declared
        l.t("neg-none-named")
    } else {
        parties.join(", ")
    };
    let _ = writeln!(
        out,
        "{} {}\n",
        heading("==>"),
        l.tr(
            "neg-header",
            &[("count", n.brackets.into()), ("parties", parties.into())]
        )
    );
    if !n.gaps.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            heading(&l.t("neg-gaps-heading")),
            l.t("neg-gaps-note")
        );
        for g in &n.gaps {
            let _ = writeln!(out, "  {} ({}): {}", g.gap, g.message, g.describe_in(l));
            if !g.parties.is_empty() {
                let each: Vec<String> = g
                    .parties
                    .iter()
                    .map(|r| format!("{} {}", r.party, state(r.state, l)))
                    .collect();
                let _ = writeln!(
                    out,
                    "    {}",
                    l.tr("neg-each-party", &[("list", each.join(", ").into())])
                );
            }
        }
        out.push('\n');
    }
    if !n.positions.is_empty() {
        let _ = writeln!(out, "{}", heading(&l.t("neg-positions-heading")));
        let rows: Vec<[String; 4]> = n
            .positions
            .iter()
            .map(|p| {
                let mut none = Vec::new();
                for c in &p.no_position {
                    if p.considering.contains(c) {
                        none.push(l.tr("neg-considering-mark", &[("party", c.as_str().into())]));
                    } else {
                        none.push(c.clone());
                    }
                }
                [
                    p.category.to_string(),
                    list(&p.propose),
                    list(&p.oppose),
                    list(&none),
                ]
            })
            .collect();
        let header = [
            l.t("neg-col-category"),
            l.t("neg-col-propose"),
            l.t("neg-col-oppose"),
            l.t("neg-col-no-position"),
        ];
        let widths: Vec<usize> = (0..4)
            .map(|i| {
                rows.iter()
                    .chain(std::iter::once(&header))
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in std::iter::once(&header).chain(&rows) {
            let mut line = String::from(" ");
            for (i, cell) in row.iter().enumerate() {
                line.push(' ');
                line.push_str(cell);
                if i < 3 {
                    line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 1));
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        for p in &n.positions {
            let cited: Vec<String> = if p.cited.len() == p.provisions.len() {
                p.cited.iter().map(|c| c.labelled_in(l)).collect()
            } else {
                p.provisions.clone()
            };
            let _ = writeln!(out, "  {}: {}", p.category, cited.join(", "));
        }
        out.push('\n');
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

fn state(s: crate::model::negotiation::GapState, l: &Locale) -> String {
    match s {
        crate::model::negotiation::GapState::Open => l.t("neg-state-open"),
        crate::model::negotiation::GapState::Closed => l.t("neg-state-closed"),
    }
}
