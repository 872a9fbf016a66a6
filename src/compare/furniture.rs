//! Page furniture in a text that was extracted from a PDF by another tool
//! (`pdftotext`, a copy and paste): page numbers and running headers or footers
//! printed at every page edge. They are not part of the agreement, so two
//! readings of one agreement must not differ by them. treatyscan's own PDF
//! reader drops them already (`source::pdf::cleanup`), and its page edges are
//! text; this finds them in text that arrives with them still in, before the
//! comparison tokenises it.
//!
//! A line is furniture when it stands at a page edge (within two lines of a
//! form feed, the page break `pdftotext` writes) and either reads as a page
//! number ("138", "12-6", "- 4 -", "Page 3 of 40", "iv") or repeats, digits
//! aside, at three or more page edges (a running header such as "AANZFTA –
//! Chapter 10"). Anywhere (a text without form feeds has no page edges), a
//! number standing alone between blank lines is furniture: a page number, or
//! a note number set apart from its word.

use crate::structure::{classify, Line};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How many non-blank lines at either side of a page break can be furniture.
const EDGE_LINES: usize = 2;
/// A running header repeats at this many page edges at least.
const MIN_REPEATS: usize = 3;
/// Longer lines are text, not a header.
const MAX_HEADER_WORDS: usize = 12;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*
        (?:page|p\.|p[áa]gina|p[áa]g\.)?\s*
        [-–—]?\s*
        (?:\d{1,4}(?:\s*[-–.]\s*\d{1,4})?|[ivxlc]{1,7})
        (?:\s*(?:of|de|sur|/)\s*\d{1,4})?
        \s*[-–—]?\s*$",
    )
    .expect("page number pattern")
});

/// The furniture lines of one agreement's text, by their trimmed content.
#[derive(Debug, Default)]
pub struct Furniture {
    /// Byte offsets (into the agreement's text) of the lines that are furniture.
    starts: HashSet<usize>,
}

/// Whether a line reads as a page number ("12", "12-6", "- 4 -", "Page 3 of 40", "xii").
pub fn is_page_number(line: &str) -> bool {
    !line.trim().is_empty() && PAGE_NUMBER.is_match(line)
}

fn header_key(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl Furniture {
    /// The furniture of an agreement's text. Only a plain text can hold
    /// any: a PDF read by treatyscan has none left (its reader drops it, and
    /// its page edges are text), and a Word file, a web page or ToTA XML
    /// never had page numbers in its text, so a number standing alone there
    /// is the agreement's own (a table cell, "10" years at a line's end) and
    /// dropping it would show an edit that is not there. A plain text has
    /// page breaks where it had form feeds.
    pub fn of(agreement: &crate::provision::Agreement) -> Self {
        use crate::provision::SourceFormat;
        if !matches!(
            agreement.format,
            SourceFormat::Text | SourceFormat::Markdown
        ) {
            return Furniture::default();
        }
        let text = &agreement.text;
        // one page (or no page numbers at all, as in ToTA XML): no page edges,
        // and no need to locate every line
        let paged = text.locate(text.text.len()).page.unwrap_or(1) > 1;
        let mut offset = 0;
        let lines: Vec<(usize, &str, usize)> = text
            .text
            .split_inclusive('\n')
            .map(|raw| {
                // a form feed became a space before the new page's anchor
                let indent = raw.len() - raw.trim_start_matches([' ', '\t']).len();
                let page = match paged {
                    false => 1,
                    true => text.locate(offset + indent).page.unwrap_or(1) as usize,
                };
                let line = (offset, raw.trim_end_matches(['\n', '\r']), page);
                offset += raw.len();
                line
            })
            .collect();
        Self::find(&lines)
    }

    /// Finds the furniture among `lines`: (byte offset, text, page) of every line of a text,
    /// in order; pages count from 1, all 1 when the text has no page breaks.
    pub fn find(lines: &[(usize, &str, usize)]) -> Self {
        let page = lines
            .iter()
            .map(|l| l.2)
            .max()
            .unwrap_or(1)
            .saturating_sub(1);
        let lines: Vec<(usize, &str, usize)> = lines
            .iter()
            .map(|&(o, l, p)| (o, l, p.saturating_sub(1)))
            .collect();
        let mut starts = HashSet::new();
        // anywhere: a page number (or a note number) alone between blank lines
        {
            for (k, &(start, line, _)) in lines.iter().enumerate() {
                let blank = |i: Option<usize>| {
                    i.and_then(|i| lines.get(i))
                        .is_none_or(|l| l.1.trim().is_empty())
                };
                if k > 0
                    && is_page_number(line)
                    && line.trim().chars().any(|c| c.is_ascii_digit())
                    && blank(k.checked_sub(1))
                    && blank(Some(k + 1))
                {
                    starts.insert(start);
                }
            }
        }
        if page == 0 {
            return Furniture { starts };
        }
        let mut edges: Vec<(usize, &str)> = Vec::new();
        let mut by_page: Vec<Vec<(usize, &str)>> = vec![Vec::new(); page + 1];
        for &(start, line, p) in &lines {
            if !line.trim().is_empty() {
                by_page[p].push((start, line));
            }
        }
        for page_lines in &by_page {
            let n = page_lines.len();
            for (k, &l) in page_lines.iter().enumerate() {
                if k < EDGE_LINES || k + EDGE_LINES >= n {
                    edges.push(l);
                }
            }
        }
        let mut repeats: HashMap<String, usize> = HashMap::new();
        for &(_, line) in &edges {
            // a header has words; "(b)" or "2." at many page tops is a list
            let wordy = line
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 3);
            if wordy && line.split_whitespace().count() <= MAX_HEADER_WORDS {
                *repeats.entry(header_key(line)).or_default() += 1;
            }
        }
        for (start, line) in edges {
            // a chapter or article heading at the top of every page is text
            let heading = matches!(classify(line), Line::Heading(_) | Line::PreambleHeading);
            let repeated = repeats.get(&header_key(line)).copied().unwrap_or(0) >= MIN_REPEATS;
            if !heading && (is_page_number(line) || repeated) {
                starts.insert(start);
            }
        }
        Furniture { starts }
    }

    /// Whether any furniture was found.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// `slice` (which starts at byte `base` of the agreement's text) without its furniture
    /// lines; the slice itself when it holds none.
    pub fn strip<'t>(&self, slice: &'t str, base: usize) -> std::borrow::Cow<'t, str> {
        if self.starts.is_empty() {
            return std::borrow::Cow::Borrowed(slice);
        }
        let mut out = String::with_capacity(slice.len());
        let mut offset = base;
        let mut removed = false;
        for raw in slice.split_inclusive('\n') {
            let body = raw.trim_end_matches(['\n', '\r']);
            if self.starts.contains(&offset) && !body.trim().is_empty() {
                removed = true;
                // keep the line break: the lines either side stay apart
                out.push_str(&raw[body.len()..]);
            } else {
                out.push_str(raw);
            }
            offset += raw.len();
        }
        if removed {
            std::borrow::Cow::Owned(out)
        } else {
            std::borrow::Cow::Borrowed(slice)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines with pages as the plain-text reader gives them: a form feed
    /// starts a page (and reads as a space).
    fn lines_of(text: &str) -> Vec<(usize, &str, usize)> {
        let mut page = 1;
        let mut offset = 0;
        text.split_inclusive('\n')
            .map(|raw| {
                let line = raw.trim_end_matches('\n');
                page += line.matches('\u{c}').count();
                let this = (offset, line, page);
                offset += raw.len();
                this
            })
            .collect()
    }

    #[test]
    fn page_numbers_read_as_such() {
        for l in ["138", " 12-6 ", "- 4 -", "Page 3 of 40", "xii", "Página 7"] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["1. The Parties", "Article 3", "(a)", "2005 Convention", ""] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn page_edges_lose_numbers_and_running_headers() {
        let page = |n: usize, body: &str| format!("AANZFTA Chapter {n}\n\n{body}\n\n{n}\n\u{c}");
        let text = [
            page(1, "The Parties agree."),
            page(2, "Each Party shall accord"),
            page(3, "national treatment."),
            page(4, "Nothing in this Agreement."),
        ]
        .concat();
        let f = Furniture::find(&lines_of(&text));
        // the reader turns each form feed into a space, byte for byte
        let text = text.replace('\u{c}', " ");
        let kept = f.strip(&text, 0);
        assert!(!kept.contains("AANZFTA"), "{kept}");
        assert!(!kept.contains("\n2\n"), "{kept}");
        assert!(kept.contains("Each Party shall accord"));
        // a slice further into the text is stripped by the same offsets
        let at = text.find("Each Party").unwrap();
        let slice = &text[at..];
        assert!(!f.strip(slice, at).contains("Chapter 3"));
    }

    #[test]
    fn without_page_breaks_only_a_lone_number_is_furniture() {
        let text = "Article 1\nThe Parties agree.\n\n17\n\nArticle 2\nEach Party\n3\nshall.";
        let f = Furniture::find(&lines_of(text));
        let kept = f.strip(text, 0);
        assert!(!kept.contains("17"), "{kept}");
        assert!(
            kept.contains("\n3\n"),
            "a number inside running text stays: {kept}"
        );
    }
}
