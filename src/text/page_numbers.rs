//! Page-number lines, the furniture a printed agreement repeats on every
//! page ("- 3 -", "Page 4 of 20", "Página 4 de 20", "12-6", "iv"): what the
//! PDF reader drops from the page's edges (and cites findings by), and what
//! the structure parser does not count as a heading's text.

/// A page-number line without the dashes, brackets and bars around it.
fn undecorated(line: &str) -> &str {
    line.trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '[' | ']' | '|') || c.is_whitespace())
}

/// "3", "- 3 -", "Page 4 of 20", "Página 4 de 20", "12-6", "A-3", "iv", "[5]".
pub fn is_page_number(line: &str) -> bool {
    let t = undecorated(line).to_lowercase();
    if t.is_empty() || t.chars().count() > 24 {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [n] => is_number_token(n),
        [p, n] if is_page_word(p) => is_number_token(n),
        [n, of, m] if is_of_word(of) => is_number_token(n) && is_digits(m),
        [p, n, of, m] if is_page_word(p) && is_of_word(of) => is_number_token(n) && is_digits(m),
        [a, dash, b] if matches!(*dash, "-" | "–") => is_chapter_part(a) && is_digits(b),
        _ => false,
    }
}

fn is_number_token(t: &str) -> bool {
    if is_digits(t) || (t.len() <= 7 && t.chars().all(|c| "ivxlcdm".contains(c))) {
        return true;
    }
    // "12-6", "a-3": chapter and page
    match t.split_once(['-', '–']) {
        Some((a, b)) => is_chapter_part(a) && is_digits(b),
        None => false,
    }
}

fn is_chapter_part(t: &str) -> bool {
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_digits(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

fn is_page_word(t: &str) -> bool {
    matches!(t, "page" | "página" | "pagina" | "pág." | "p." | "pg.")
}

fn is_of_word(t: &str) -> bool {
    matches!(t, "of" | "de" | "sur" | "/")
}

/// The page number a furniture line prints, as a reader cites it: "3" for
/// "- 3 -", "Page 3 of 20" or "[3]"; "12-6" and "iv" as they stand. `None`
/// for a line that is not a page number (`is_page_number`).
pub fn page_label(line: &str) -> Option<String> {
    if !is_page_number(line) {
        return None;
    }
    let words: Vec<&str> = undecorated(line).split_whitespace().collect();
    Some(match words.as_slice() {
        [n] | [_, n] | [_, n, _, _] => n.to_string(),
        [a, "-" | "–", b] => format!("{a}-{b}"),
        [n, _, _] => n.to_string(),
        _ => return None,
    })
}

/// The header or footer a web browser prints on every page of a page it
/// prints to PDF: the date and time, then the page's title ("12/1/26, 12:46
/// PM Arcadia-Borealis Services Agreement", "01/12/2026 12:46"), or the
/// page's address with the page counter ("file:///…/draft.html 1/3",
/// "https://example.org/fta 2/9"). A one-page print has no repeat to tell
/// it by; its form does.
pub fn is_browser_stamp(line: &str) -> bool {
    static STAMP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s|$)|(?:https?|file)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?\s*$)",
        )
        .expect("valid")
    });
    STAMP.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_s_print_header_and_footer_are_stamps() {
        for line in [
            "12/1/26, 12:46 PM                            Arcadia-Borealis Services Agreement",
            "01/12/2026 12:46 Acuerdo de asociación",
            "1.12.26, 12:46",
            "file:///work/drafts/02-printed.html                                               1/1",
            "https://example.org/agreements/fta.html 2/9",
        ] {
            assert!(is_browser_stamp(line), "{line}");
        }
        for line in [
            "12. The Parties shall cooperate.",
            "1/2 of the tariff lines shall be eliminated.",
            "See https://example.org/fta for the schedules.",
            "Done at Geneva on 12/1/2026 in two originals.",
        ] {
            assert!(!is_browser_stamp(line), "{line}");
        }
    }

    #[test]
    fn a_page_number_line_gives_the_number_a_reader_cites() {
        for (line, label) in [
            ("- 3 -", Some("3")),
            ("Page 3 of 20", Some("3")),
            ("Página 4 de 20", Some("4")),
            ("12 / 40", Some("12")),
            ("[5]", Some("5")),
            ("iv", Some("iv")),
            ("12-6", Some("12-6")),
            ("8B-3", Some("8B-3")),
            ("Article 3", None),
            ("Trade in Services", None),
        ] {
            assert_eq!(page_label(line).as_deref(), label, "{line}");
        }
    }

    #[test]
    fn recognises_page_number_lines() {
        for yes in [
            "3",
            "- 3 -",
            "Page 4 of 20",
            "Página 4 de 20",
            "12-6",
            "iv",
            "4 / 20",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["1.", "(a)", "Article 3", "12.6", "3 The Parties", "in"] {
            assert!(!is_page_number(no), "{no}");
        }
    }
}
