//! The negotiation part of the human report: a line under each finding of a
//! negotiating text (agreed, or bracketed and by whom), then per file the
//! gaps in each reading and the Parties' positions per category. Nothing is
//! written for a text without negotiating brackets.

use crate::model::negotiation::NegotiationReport;
use crate::model::{FileFindings, Finding};
use std::fmt::Write;

/// "   = bracketed (Alt 1): proposed by ARC, opposed by BOR" under a finding
/// of a negotiating text; nothing otherwise.
pub(super) fn finding_line(out: &mut String, f: &Finding) {
    if let Some(n) = &f.negotiation {
        let _ = writeln!(out, "   = {}", n.describe());
        for note in &n.notes {
            let _ = writeln!(out, "   = {note}");
        }
    }
}

/// The file's negotiation section: Parties, gaps in readings, positions.
pub(super) fn render(out: &mut String, file: &FileFindings, heading: &dyn Fn(&str) -> String) {
    let Some(n) = &file.negotiation else { return };
    render_report(out, n, heading);
}

fn render_report(out: &mut String, n: &NegotiationReport, heading: &dyn Fn(&str) -> String) {
    let parties: Vec<String> = n
        .parties
        .iter()
        .map(|p| match &p.name {
            Some(name) => format!("{} ({name})", p.code),
            None => p.code.clone(),
        })
        .collect();
    let _ = writeln!(
        out,
        "{} negotiating text: {} bracket{}; Parties: {}\n",
        heading("==>"),
        n.brackets,
        if n.brackets == 1 { "" } else { "s" },
        if parties.is_empty() {
            "none named".to_string()
        } else {
            parties.join(", ")
        }
    );
    if !n.gaps.is_empty() {
        let _ = writeln!(
            out,
            "{} (the gaps above are those of the agreed text)",
            heading("gaps in each reading")
        );
        for g in &n.gaps {
            let _ = writeln!(out, "  {} ({}): {}", g.gap, g.message, g.describe());
            if !g.parties.is_empty() {
                let each: Vec<String> = g
                    .parties
                    .iter()
                    .map(|r| format!("{} {}", r.party, state(r.state)))
                    .collect();
                let _ = writeln!(out, "    with each Party's proposals: {}", each.join(", "));
            }
        }
        out.push('\n');
    }
    if !n.positions.is_empty() {
        let _ = writeln!(out, "{}", heading("positions on bracketed provisions"));
        let rows: Vec<[String; 4]> = n
            .positions
            .iter()
            .map(|p| {
                let mut none = Vec::new();
                for c in &p.no_position {
                    if p.considering.contains(c) {
                        none.push(format!("{c} (considering)"));
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
            "category".to_string(),
            "propose".to_string(),
            "oppose".to_string(),
            "no position".to_string(),
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
            let _ = writeln!(out, "  {}: {}", p.category, p.provisions.join(", "));
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

fn state(s: crate::model::negotiation::GapState) -> &'static str {
    match s {
        crate::model::negotiation::GapState::Open => "open",
        crate::model::negotiation::GapState::Closed => "closed",
    }
}
