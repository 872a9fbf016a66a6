//! The readable outline behind `parse --format tree`.

use super::{Agreement, Kind, Provision};
use std::fmt::Write;

/// The indented outline of `parse --format tree`: the agreement's name (or file), then one
/// line per provision with its kind, number, title (or a paragraph's first words) and line.
pub fn render_outline(agreement: &Agreement) -> String {
    let mut out = String::new();
    let name = agreement
        .metadata
        .name
        .as_deref()
        .unwrap_or(&agreement.file);
    let _ = writeln!(out, "{name}");
    for p in &agreement.provisions {
        write_provision(&mut out, p, 1);
    }
    out
}

fn write_provision(out: &mut String, p: &Provision, depth: usize) {
    let indent = "  ".repeat(depth - 1);
    let mut head = format!("{indent}{}", p.kind.name());
    if let Some(n) = &p.number {
        head.push(' ');
        head.push_str(n);
    }
    if let Some(t) = &p.title {
        head.push_str(" — ");
        head.push_str(&truncate(t, 60));
    } else if matches!(
        p.kind,
        Kind::Paragraph | Kind::Subparagraph | Kind::Footnote
    ) {
        let first = first_words(&p.text, 6);
        if !first.is_empty() {
            head.push_str(" · ");
            head.push_str(&first);
        }
    }
    let mut loc = format!("line {}", p.line);
    if let Some(page) = p.page {
        let _ = write!(loc, ", page {page}");
    }
    let _ = writeln!(out, "{head}  [{loc}]");
    for c in &p.children {
        write_provision(out, c, depth + 1);
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}…")
}

fn first_words(text: &str, n: usize) -> String {
    let body = text
        .trim_start()
        .split_once(char::is_whitespace)
        .map(|(_marker, rest)| rest)
        .unwrap_or("");
    let words: Vec<&str> = body.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}
