//! The readable outline behind `parse --format tree`.

use super::{Agreement, Kind, Provision};
use std::fmt::Write;

/// The indented outline of `parse --format tree`: the agreement's name (or file), then one
/// line per provision with its kind, number, title (or a paragraph's first words) and line.
pub fn render_outline(agreement: &Agreement) -> String {
    render_outline_in(agreement, &OutlineWords::default())
}

/// The words an outline is written with: each kind's name, and the words
/// before a line and a page number. The default is the English of
/// [`render_outline`] (kinds by their JSON names: `article`, `side_letter`).
pub struct OutlineWords {
    /// A kind's name in the outline (`article`, `titre`).
    pub kind: Box<dyn Fn(Kind) -> String>,
    /// The word before a line number (`line`, `ligne`).
    pub line: String,
    /// The word before a page number (`page`, `página`).
    pub page: String,
}

impl Default for OutlineWords {
    fn default() -> Self {
        OutlineWords {
            kind: Box::new(|k| k.name().to_string()),
            line: "line".into(),
            page: "page".into(),
        }
    }
}

/// [`render_outline`] in other words (`parse --lang`).
pub fn render_outline_in(agreement: &Agreement, words: &OutlineWords) -> String {
    let mut out = String::new();
    let name = agreement
        .metadata
        .name
        .as_deref()
        .unwrap_or(&agreement.file);
    let _ = writeln!(out, "{name}");
    for p in &agreement.provisions {
        write_provision(&mut out, p, 1, words);
    }
    out
}

fn write_provision(out: &mut String, p: &Provision, depth: usize, words: &OutlineWords) {
    let indent = "  ".repeat(depth - 1);
    let mut head = format!("{indent}{}", (words.kind)(p.kind));
    if let Some(n) = &p.number {
        // as a label cites it: "titre premier", not "titre PREMIER"
        head.push(' ');
        head.push_str(&super::number_as_cited(n));
    }
    if let Some(t) = &p.title {
        head.push_str(" — ");
        head.push_str(&truncate(t, 60));
    } else if matches!(
        p.kind,
        Kind::Paragraph | Kind::Subparagraph | Kind::Footnote
    ) {
        let first = first_words(&p.text, p.number.as_deref(), 6);
        if !first.is_empty() {
            head.push_str(" · ");
            head.push_str(&first);
        }
    }
    let mut loc = format!("{} {}", words.line, p.line);
    if let Some(page) = p.page {
        let _ = write!(loc, ", {} {page}", words.page);
    }
    let _ = writeln!(out, "{head}  [{loc}]");
    for c in &p.children {
        write_provision(out, c, depth + 1, words);
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}…")
}

/// The first `n` words of a paragraph, subparagraph or note after its
/// marker: the marker written around `number` ("(a)", "a)", "a.", "[1]"),
/// even when no space follows it ("(a)digital product"), else the first word.
fn first_words(text: &str, number: Option<&str>, n: usize) -> String {
    let text = text.trim_start();
    let written = number.and_then(|number| {
        [("(", ")"), ("", ")"), ("", "."), ("[", "]")]
            .iter()
            .find_map(|(open, close)| {
                text.strip_prefix(open)?
                    .strip_prefix(number)?
                    .strip_prefix(close)
            })
    });
    let body = written.unwrap_or_else(|| {
        text.split_once(char::is_whitespace)
            .map(|(_marker, rest)| rest)
            .unwrap_or("")
    });
    let words: Vec<&str> = body.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::first_words;

    #[test]
    fn the_first_words_follow_the_marker_even_when_it_runs_into_them() {
        assert_eq!(
            first_words("(a)digital product means a", Some("a"), 3),
            "digital product means…"
        );
        assert_eq!(
            first_words("(a) digital product", Some("a"), 6),
            "digital product"
        );
        assert_eq!(
            first_words("b. electronic transmission", Some("b"), 6),
            "electronic transmission"
        );
        assert_eq!(
            first_words("10. No Party shall", Some("10"), 6),
            "No Party shall"
        );
        assert_eq!(first_words("[3] The note", Some("3"), 6), "The note");
        assert_eq!(first_words("3/ The note", Some("3"), 6), "The note");
    }
}
