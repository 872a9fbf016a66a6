//! Footnotes at the foot of a page in a text converted from PDF without its
//! font sizes (a Markdown or plain-text conversion): "60 For greater
//! certainty, an authorization is …" printed between "… between" and the
//! text that goes on after the page break. Such a line is a footnote when its
//! number was printed as a reference mark earlier on the page, stuck to the
//! word it annotates ("competent authorities60,"), and footnote numbers run
//! up through the document. A numbered line without its mark (a table row, a
//! list item in a text whose items have no full stop) is left as it is.

use crate::text::notes::has_mark;
use std::collections::HashMap;

/// How far back a footnote's mark is looked for: a page of text.
pub(super) const PAGE_BYTES: usize = 6000;

/// How far a footnote's number may jump over the one before (notes whose
/// mark was lost in the conversion are skipped over).
const MAX_JUMP: u32 = 10;

/// The footnote lines among `lines` (offset and text, in order): their
/// offsets, with each footnote's number.
pub fn page_foot_notes(text: &str, lines: &[(usize, &str)]) -> HashMap<usize, String> {
    let mut notes = HashMap::new();
    let mut last = 0;
    for &(offset, line) in lines {
        let Some((number, value)) = leading_number(line) else {
            continue;
        };
        if value <= last || (last > 0 && value > last + MAX_JUMP) {
            continue;
        }
        let from = floor_char(text, offset.saturating_sub(PAGE_BYTES));
        if has_mark(&text[from..offset], &number) {
            notes.insert(offset, number);
            last = value;
        }
    }
    notes
}

/// "60 For greater …": a note's number ([`crate::text::notes::leading_number`],
/// not "0…") and a capital letter (or an opening quote or parenthesis) after it.
fn leading_number(line: &str) -> Option<(String, u32)> {
    let (number, rest) = crate::text::notes::leading_number(line)?;
    if number.starts_with('0') {
        return None;
    }
    let first = rest.chars().next()?;
    if !(first.is_uppercase() || matches!(first, '"' | '“' | '(' | '‘')) {
        return None;
    }
    // a note is prose: a line in capitals is a heading or a table's row
    // ("10 CHAPTER 10: CEREALS" in a tariff schedule)
    if !rest.chars().take(40).any(char::is_lowercase) {
        return None;
    }
    let value = number.parse().ok()?;
    Some((number, value))
}

/// Notes printed or typed together at the end of a document under a title
/// of their own ("Notes", "Notas", …; a web page printed by a browser, a
/// converter's endnotes), as the PDF and plain-text readers find them among
/// the document's lines (`lines`, in order; empty ones allowed).
pub struct EndNotes {
    /// The title's line.
    pub title: usize,
    /// The line after the last note's (a final clause's, or the end).
    pub end: usize,
    /// Each note in order: its number, its lines (the first opens with the
    /// number, [`crate::text::notes::note_opening`]) and the line of its mark.
    pub notes: Vec<(String, Vec<usize>, usize)>,
}

/// The notes under the last notes title of `lines`: after it, lines that
/// open with a number, the numbers running up (a line that opens with no
/// higher number, or none, goes on with the note before it), up to a final
/// clause ("Done at …") or the end; each note cited before the title, in
/// the notes' order (a note cited twice by its first mark), where
/// `cites(line, numbers, i)` says a line cites note `i` of `numbers`.
/// `None` when there is no title, a heading follows it (the title was a
/// part's own notes), text comes before the first note, or a note has no
/// mark.
pub fn end_notes(lines: &[&str], cites: impl Fn(&str, &[&str], usize) -> bool) -> Option<EndNotes> {
    use super::{classify, Line};
    let title = lines
        .iter()
        .rposition(|l| crate::text::notes::is_notes_heading(l))?;
    let mut notes: Vec<(String, u32, Vec<usize>)> = Vec::new();
    let mut end = lines.len();
    for (k, line) in lines.iter().enumerate().skip(title + 1) {
        match classify(line) {
            Line::FinalClause => {
                end = k;
                break;
            }
            Line::Heading(_) | Line::PreambleHeading => return None,
            _ => {}
        }
        let number = crate::text::notes::note_opening(line)
            .and_then(|(n, _)| Some((n.parse::<u32>().ok()?, n)));
        match (number, notes.last_mut()) {
            (Some((value, n)), last) if last.as_ref().is_none_or(|l| value > l.1) => {
                notes.push((n, value, vec![k]))
            }
            (_, Some(last)) => last.2.push(k),
            (_, None) if line.trim().is_empty() => {}
            (_, None) => return None,
        }
    }
    if notes.is_empty() {
        return None;
    }
    let numbers: Vec<&str> = notes.iter().map(|(n, _, _)| n.as_str()).collect();
    let mut from = 0;
    let mut marked = Vec::with_capacity(notes.len());
    for (i, (n, _, note)) in notes.iter().enumerate() {
        let mark = (from..title).find(|&k| cites(lines[k], &numbers, i))?;
        from = mark;
        marked.push((n.clone(), note.clone(), mark));
    }
    Some(EndNotes {
        title,
        end,
        notes: marked,
    })
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            out.push((at, l.trim_end_matches('\n')));
            at += l.len();
        }
        out
    }

    #[test]
    fn a_numbered_line_whose_mark_is_on_the_page_is_a_footnote() {
        let text = "subject to the authorisation of its competent authorities60, shall permit\nthe Parties agree to promote electronic commerce between\n60 For greater certainty, an authorization is an administrative procedure.\n61 For greater certainty, this too.\nPage 88 of 90\nthem, in particular by co-operating.\n";
        let notes = page_foot_notes(text, &lines(text));
        let found: Vec<&str> = notes.values().map(String::as_str).collect();
        // 61 has no mark: not a footnote
        assert_eq!(found, ["60"]);
        let at = text.find("60 For").unwrap();
        assert_eq!(notes.get(&at).map(String::as_str), Some("60"));
    }

    #[test]
    fn numbered_lines_without_a_mark_or_out_of_sequence_are_not_footnotes() {
        // a list whose items have no full stop, a table row after a CPC code
        let text = "The sectors are:\n1 Legal services\n2 Accounting services\nCPC 862\n862 Accounting services\n";
        assert!(page_foot_notes(text, &lines(text)).is_empty());
        // a number after a decimal point or a space is no mark; a line in
        // capitals is no note
        let text = "tariff line 8533.20 and Chapter 10\n20 Wirewound resistors\nword10\n10 CHAPTER 10: CEREALS\n";
        assert!(page_foot_notes(text, &lines(text)).is_empty());
        // numbers run up: a mark for 3 after note 5 is not a new footnote
        let text = "word5 and word3\n5 First note.\n3 Second.\n";
        let notes = page_foot_notes(text, &lines(text));
        assert_eq!(notes.len(), 1);
    }
}
