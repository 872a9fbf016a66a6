//! From lines as printed to lines as written: extraction artefacts removed,
//! page furniture (running headers and footers, page numbers) dropped, and
//! words hyphenated at a line end joined again.
//!
//! Everything here is judged across the whole document (how often a line
//! repeats at a page edge, which spelling the document itself uses), not tuned
//! to one producer.

use super::layout::PageLine;
use crate::structure::{classify, ends_unfinished_word, is_title_like, Line};
use crate::text::hyphen::{self, Evidence};
use crate::text::page_numbers::{is_browser_stamp, is_page_number, page_label};
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// How many lines at the top and at the bottom of a page can be furniture.
const EDGE_LINES: usize = 3;

/// Runs every clean-up step over the pages, in place; returns the page
/// number printed on each page, where one was found in its furniture
/// (`page_label`).
pub fn clean(pages: &mut [Vec<PageLine>]) -> Vec<Option<String>> {
    for line in pages.iter_mut().flatten() {
        line.text = fix_artefacts(&line.text);
        // a web page's link from a note back to its mark, printed at the
        // note's end: no word of the note
        let kept = line.text.trim_end_matches(BACK_LINKS).trim_end().len();
        line.text.truncate(kept);
    }
    for page in pages.iter_mut() {
        page.retain(|l| !l.text.is_empty());
    }
    let labels = remove_furniture(pages);
    mark_footnotes(pages);
    dehyphenate(pages);
    join_wrapped_titles(pages);
    labels
}

/// How much larger than the body text (points) a heading's type is.
const HEADING_SIZE_ABOVE_BODY: f64 = 0.5;

/// Joins a heading's title that wrapped onto a second line: a browser prints
/// "Competition Policy, Monopolies And State" / "Enterprises" in the heading's
/// larger type, and the second line read as the chapter's first words (and
/// the title lost "Enterprises"). A line joins the one above when both are
/// set in the same type, larger than the body's, one line apart; the one
/// above reaches so near the right margin that the next line's first word
/// could not follow it there (it wrapped, rather than ended), and is no bare
/// heading ("Chapter Fifteen", whose title is the next line); and the line
/// itself is no heading (unless the one above ends on a word no title ends
/// on: "… from the Obligations of this" / "Chapter and of Chapter One").
/// Headings set in the body's size (a word processor's bold) are left as
/// they are.
fn join_wrapped_titles(pages: &mut [Vec<PageLine>]) {
    let Some(body) = body_size(pages.iter().flatten()) else {
        return;
    };
    let heading_type = |l: &PageLine| l.size > body + HEADING_SIZE_ABOVE_BODY;
    let is_heading = |l: &PageLine| matches!(classify(&l.text), Line::Heading(_));
    for page in pages.iter_mut() {
        // the right margin: where the page's longest line ends
        let margin = page.iter().map(|l| l.end).fold(f64::MIN, f64::max);
        let mut i = 0;
        while i + 1 < page.len() {
            let (a, b) = (&page[i], &page[i + 1]);
            let unfinished = ends_unfinished_word(&a.text);
            let wrapped = heading_type(a)
                && (a.size - b.size).abs() < 0.25
                && b.v > a.v
                && b.v - a.v <= 1.6 * a.size
                && a.end + first_word_width(b) > margin - 0.5 * a.size
                && !is_heading(a)
                && (unfinished || !is_heading(b))
                && opens_title(&a.text)
                && continues_title(&b.text);
            if wrapped {
                let rest = page.remove(i + 1);
                let joined = &mut page[i];
                // "ASEAN-AUSTRALIA-" / "NEW ZEALAND": a compound goes on
                if !joined.text.ends_with('-') {
                    joined.text.push(' ');
                }
                joined.text.push_str(&rest.text);
                // the block ends where its last line does: the next line is
                // as far below it as it was, and reaches as far
                joined.v = rest.v;
                joined.end = rest.end;
            } else {
                i += 1;
            }
        }
    }
}

/// The width of a line's first word and the space before it, in points, as
/// a share of the line's width by characters.
fn first_word_width(l: &PageLine) -> f64 {
    let chars = l.text.chars().count().max(1) as f64;
    let word = l
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .count() as f64
        + 1.0;
    (l.end - l.start).max(0.0) * word / chars
}

/// Whether a line can open a heading's title: title-sized, from a capital or
/// a quotation mark, not ended as a sentence or a list's lead-in is.
fn opens_title(s: &str) -> bool {
    s.chars().count() <= 120
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '«'))
        && !s.ends_with(['.', ';', ':'])
}

/// Whether a line can go on with a title: title-sized, from a letter or a
/// bracket ("and Electronic Commerce", "(Trade in Goods)"), not ended as a
/// sentence is.
fn continues_title(s: &str) -> bool {
    s.chars().count() <= 120
        && s.split_whitespace().count() <= 15
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '(')
        && !s.ends_with(['.', ';', ':'])
}

/// Characters that extraction produces but no reader sees: control codes,
/// zero-width marks, undecodable glyphs, symbol-font private-use codes;
/// ligature glyphs and presentation forms become their letters. Accents
/// drawn as separate combining marks are composed with their letter.
pub fn fix_artefacts(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{fffd}' | '\u{feff}' | '\u{200b}' => {}
            // Symbol and Wingdings bullets as Word writes them
            '\u{f0b7}' | '\u{f0a7}' | '\u{f0a8}' | '\u{f0fc}' | '\u{f076}' | '\u{f0d8}' => {
                out.push('•')
            }
            '\u{e000}'..='\u{f8ff}' => {}
            // ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) and other presentation forms: the
            // letters they stand for
            '\u{fb00}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}' | '\u{ff01}'..='\u{ffee}' => {
                out.extend(std::iter::once(c).nfkc())
            }
            _ => out.push(c),
        }
    }
    let composed: String = out.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ------------------------------------------------------------ page furniture

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Edge {
    Top,
    Bottom,
}

/// What identifies a running header or footer across pages: the page edge, the
/// position (headers sit at a fixed height) and the text with its digits
/// masked ("Page 3" and "Page 4" are the same footer).
type FurnitureKey = (Edge, i64, String);

/// Drops running headers and footers and page numbers: lines at a page edge
/// that are page numbers, or that repeat at the same edge and height on
/// several pages. Furniture is a block at the very edge, set apart from the
/// body by a wider gap than between body lines; so body text next to it, or
/// boilerplate that happens to repeat, stays.
fn remove_furniture(pages: &mut [Vec<PageLine>]) -> Vec<Option<String>> {
    let counts = edge_counts(pages);
    let needed = repeats_needed(pages.len());
    let repeated: HashSet<&FurnitureKey> = counts
        .iter()
        .filter(|(_, n)| **n >= needed)
        .map(|(k, _)| k)
        .collect();
    let offsets = numbering_offsets(pages);
    let furniture = |edge: Edge, l: &PageLine, index: usize| {
        repeated.contains(&key(edge, l))
            || (is_page_number(&l.text) && fits_numbering(&l.text, index, &offsets))
            || is_browser_stamp(&l.text)
    };
    let blocks = |is_furniture: &dyn Fn(Edge, &PageLine, usize) -> bool| -> Vec<(usize, usize)> {
        pages
            .iter()
            .enumerate()
            .map(|(index, page)| {
                let top = edge_block(page.iter(), |l| is_furniture(Edge::Top, l, index));
                let bottom = edge_block(page.iter().skip(top).rev(), |l| {
                    is_furniture(Edge::Bottom, l, index)
                });
                (top, bottom)
            })
            .collect()
    };
    let titles = heading_titles(pages, &blocks(&furniture), &counts);
    let is_furniture = |edge: Edge, l: &PageLine, index: usize| {
        furniture(edge, l, index) && titles[index][edge as usize] != Some(l.v)
    };
    let blocks = blocks(&is_furniture);
    let mut labels = Vec::with_capacity(pages.len());
    for (page, (top, bottom)) in pages.iter_mut().zip(blocks) {
        // a page that would keep nothing has no body to frame: what repeats
        // on it is its text (a one-line slide, a label per page)
        if top + bottom < page.len() {
            // the number printed in the footer, else in the header
            let footer = &page[page.len() - bottom..];
            let label = footer
                .iter()
                .chain(&page[..top])
                .find_map(|l| page_label(&l.text));
            labels.push(label);
            page.truncate(page.len() - bottom);
            page.drain(..top);
        } else {
            labels.push(None);
        }
    }
    labels
}

/// Per page, how its edge lines that print a plain page number relate to
/// the page's place: the number less the page's index, for each such line.
fn numbering_offsets(pages: &[Vec<PageLine>]) -> Vec<Vec<i64>> {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let n = page.len();
            let tail = EDGE_LINES.max(n.saturating_sub(EDGE_LINES));
            let mut offsets: Vec<i64> = page
                .iter()
                .take(EDGE_LINES)
                .chain(page.iter().skip(tail))
                .filter_map(|l| printed_number(&l.text))
                .map(|number| number - index as i64)
                .collect();
            offsets.dedup();
            offsets
        })
        .collect()
}

/// The plain number a page-number line prints ("3" for "- 3 -" or "Page 3
/// of 20"); none for "iv", "12-6" or a line that is no page number.
fn printed_number(line: &str) -> Option<i64> {
    page_label(line)?.parse().ok()
}

/// Whether a page-number line at an edge of the page at `index` agrees with
/// the numbering of the pages around it (two either side): the number less
/// the page's index is one theirs give. Pages around that print no plain
/// number say nothing against it. A table cell that reads "40" at the top of
/// a page between pages 20 and 22 does not agree; a section that numbers its
/// pages from 1 again does, from its second page.
fn fits_numbering(line: &str, index: usize, offsets: &[Vec<i64>]) -> bool {
    let Some(number) = printed_number(line) else {
        return true;
    };
    let around: Vec<i64> = (index.saturating_sub(2)..=index + 2)
        .filter(|&j| j != index)
        .filter_map(|j| offsets.get(j))
        .flatten()
        .copied()
        .collect();
    around.is_empty() || around.contains(&(number - index as i64))
}

/// How many lines from an edge (lines in order from that edge) are furniture:
/// the longest run of furniture lines that ends at a gap, or the run of a
/// browser's print stamps at the very edge, gap or none (Chromium sets its
/// date-and-title header and its address-and-page footer in the page margin,
/// as close to the body as a line of text when the page's margins are narrow).
fn edge_block<'a>(
    lines: impl Iterator<Item = &'a PageLine>,
    is_furniture: impl Fn(&PageLine) -> bool,
) -> usize {
    let near: Vec<&PageLine> = lines.take(EDGE_LINES + 1).collect();
    let run = near
        .iter()
        .take(EDGE_LINES)
        .take_while(|l| is_furniture(l))
        .count();
    let stamps = near
        .iter()
        .take(run)
        .take_while(|l| is_browser_stamp(&l.text))
        .count();
    (1..=run)
        .rev()
        .find(|&k| {
            near.get(k).is_none_or(|body| {
                let last = near[k - 1];
                (body.v - last.v).abs() > 1.4 * body.size.max(last.size)
            })
        })
        .unwrap_or(0)
        .max(stamps)
}

/// On how many pages a line must repeat to be furniture. Short documents need
/// it on every page; long ones on at least three (a header naming the chapter
/// repeats only over that chapter's pages).
fn repeats_needed(pages: usize) -> usize {
    pages.clamp(2, 3)
}

fn edge_counts(pages: &[Vec<PageLine>]) -> HashMap<FurnitureKey, usize> {
    let mut counts = HashMap::new();
    for page in pages {
        // once per page, even if a page repeats a line
        for k in edge_keys(page) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    counts
}

/// The keys of the lines at a page's edges (`EDGE_LINES` at each).
fn edge_keys(page: &[PageLine]) -> HashSet<FurnitureKey> {
    let n = page.len();
    let top = page.iter().take(EDGE_LINES).map(|l| key(Edge::Top, l));
    let bottom = page
        .iter()
        .skip(n.saturating_sub(EDGE_LINES))
        .map(|l| key(Edge::Bottom, l));
    top.chain(bottom).collect()
}

/// Per page, the height of the line at its top (then at its bottom) that is
/// a heading's title rather than furniture: a repeated line ("Dispute
/// Settlement" opens three pages of a text where several articles bear that
/// title), the last line of the page's edge block (`blocks`: how many lines
/// at the top and at the bottom are furniture), where the page before ends
/// on a heading without a title ("ARTICLE 5.11") — or, at the bottom, where
/// the page after opens with one (a title printed above its number).
/// Removed, the title would be lost from the text and the article left
/// untitled. A running header may come before such a page's own title too
/// ("KOREA … Official text" over "De Minimis"), so a line counts only where
/// most of the pages it repeats on have it next to a bare heading: a header
/// repeats whatever the page before ends with.
fn heading_titles(
    pages: &[Vec<PageLine>],
    blocks: &[(usize, usize)],
    counts: &HashMap<FurnitureKey, usize>,
) -> Vec<[Option<f64>; 2]> {
    let bare_heading = |l: Option<&PageLine>| {
        l.is_some_and(|l| matches!(classify(&l.text), Line::Heading(h) if h.title.is_none()))
    };
    // the body a page keeps: all of it when its edges would take everything
    let body = |p: usize| -> &[PageLine] {
        let (page, (top, bottom)) = (&pages[p], blocks[p]);
        if top + bottom < page.len() {
            &page[top..page.len() - bottom]
        } else {
            page
        }
    };
    let candidate = |edge: Edge, line: Option<&PageLine>, heading: Option<&PageLine>| {
        line.filter(|l| bare_heading(heading) && is_title_like(&l.text))
            .map(|l| (l.v, key(edge, l)))
            // a repeated line, not a page number that happens to be there
            .filter(|(_, k)| {
                counts
                    .get(k)
                    .is_some_and(|&n| n >= repeats_needed(pages.len()))
            })
    };
    let candidates: Vec<[Option<(f64, FurnitureKey)>; 2]> = (0..pages.len())
        .map(|p| {
            let (page, (top, bottom)) = (&pages[p], blocks[p]);
            let top_line = top.checked_sub(1).and_then(|j| page.get(j));
            let bottom_line = (bottom > 0)
                .then(|| page.get(page.len() - bottom))
                .flatten();
            let before = p.checked_sub(1).and_then(|q| body(q).last());
            let after = (p + 1 < pages.len()).then(|| body(p + 1).first()).flatten();
            [
                candidate(Edge::Top, top_line, before),
                candidate(Edge::Bottom, bottom_line, after),
            ]
        })
        .collect();
    let mut next_to_heading: HashMap<&FurnitureKey, usize> = HashMap::new();
    for (_, k) in candidates.iter().flatten().flatten() {
        *next_to_heading.entry(k).or_default() += 1;
    }
    let title = |c: &Option<(f64, FurnitureKey)>| {
        c.as_ref()
            .filter(|(_, k)| 2 * next_to_heading[k] > counts[k])
            .map(|(v, _)| *v)
    };
    candidates
        .iter()
        .map(|[top, bottom]| [title(top), title(bottom)])
        .collect()
}

fn key(edge: Edge, l: &PageLine) -> FurnitureKey {
    // headings keep their digits: "Article 12" at the top of three pages is
    // three articles, while "Chapter 3 Rules of Origin" three times is a header
    let text = if matches!(classify(&l.text), Line::Heading(_)) {
        l.text.to_lowercase()
    } else {
        crate::text::mask_digits(&l.text)
    };
    (edge, (l.v / 4.0).round() as i64, text)
}

// ------------------------------------------------------------ footnotes

/// Writes the footnotes at the foot of a page as "[4] For the purposes…", the
/// plain-text form the structure grammar knows. A footnote is a line in the
/// small print below the body that starts with a number whose reference mark
/// (a superscript) appears on the same page; numbers without a mark are table
/// rows or list items in small print, and stay as they are.
fn mark_footnotes(pages: &mut [Vec<PageLine>]) {
    let Some(body) = body_size(pages.iter().flatten()) else {
        return;
    };
    move_end_notes(pages);
    join_continued_notes(pages, body);
    for page in pages.iter_mut() {
        let start = small_print_from(page, body).min(raised_notes_start(page));
        let marks: HashSet<String> = page[..start]
            .iter()
            .flat_map(|l| superscript_numbers(&l.text))
            .collect();
        let mut notes = Vec::new();
        for (i, line) in page.iter_mut().enumerate().skip(start) {
            if let Some((n, rest)) = crate::text::notes::leading_number(&line.text) {
                if marks.contains(&n) {
                    line.text = format!("[{n}] {rest}");
                    notes.push((i, n));
                }
            }
        }
        move_notes_before_headings(page, start, &notes);
    }
}

/// Notes printed together at the end of the document under a title of their
/// own ("Notes", "Notas", …: a web page printed by a browser, a draft whose
/// footnotes became endnotes): numbered lines whose numbers run up, each
/// printed as a superscript mark earlier in the document. Each note is
/// written "[n] text" and moved up to the end of the provision its mark is in
/// (before the first heading after the mark), so that it is the note of the
/// article citing it rather than text of the last annex; the title goes with
/// them. When a numbered line after the title has no mark before it, or text
/// comes between the title and the first note, everything stays where it is.
/// A moved note is counted on the page of its mark.
fn move_end_notes(pages: &mut [Vec<PageLine>]) {
    let at: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, lines)| (0..lines.len()).map(move |i| (p, i)))
        .collect();
    let texts: Vec<&str> = pages.iter().flatten().map(|l| l.text.as_str()).collect();
    let Some(found) = crate::structure::end_notes(&texts, |line, numbers, i| {
        superscript_numbers(line)
            .iter()
            .any(|run| cites_note(run, numbers, i))
    }) else {
        return;
    };
    let is_heading = |k: usize| {
        matches!(
            classify(texts[k]),
            Line::Heading(_) | Line::PreambleHeading | Line::FinalClause
        )
    };
    // each note goes before the first heading after its mark
    let mut before: HashMap<usize, Vec<usize>> = HashMap::new();
    for (_, lines, mark) in &found.notes {
        let to = (mark + 1..found.title)
            .find(|&k| is_heading(k))
            .unwrap_or(found.title);
        before.entry(to).or_default().extend(lines);
    }
    let numbers: HashMap<usize, &str> = found
        .notes
        .iter()
        .map(|(n, lines, _)| (lines[0], n.as_str()))
        .collect();
    let mut lines: Vec<Option<PageLine>> = pages
        .iter_mut()
        .flat_map(std::mem::take)
        .map(Some)
        .collect();
    for (k, &(p, _)) in at.iter().enumerate() {
        for &moved in before.get(&k).into_iter().flatten() {
            let mut line = lines[moved].take().expect("each note line moves once");
            if let Some(n) = numbers.get(&moved) {
                let rest = crate::text::notes::note_opening(&line.text)
                    .map_or(line.text.as_str(), |(_, rest)| rest);
                line.text = format!("[{n}] {rest}");
            }
            pages[p].push(line);
        }
        if !(found.title..found.end).contains(&k) {
            pages[p].extend(lines[k].take());
        }
    }
}

/// Whether a run of superscript digits cites note `i` of `numbers`: its
/// number ("4"), or among marks printed together, each a note's number
/// ("¹¹¹²" for notes 11 and 12, "¹⁰⁴" for note 10 and note 4 again).
fn cites_note(run: &str, numbers: &[&str], i: usize) -> bool {
    // whether `rest` is made of note numbers, `numbers[i]` among them when
    // `found` is not yet true (at most four marks together)
    fn split(rest: &str, numbers: &[&str], i: usize, found: bool, depth: usize) -> bool {
        if rest.is_empty() {
            return found;
        }
        depth < 4
            && numbers.iter().enumerate().any(|(k, n)| {
                rest.strip_prefix(n)
                    .is_some_and(|r| split(r, numbers, i, found || k == i, depth + 1))
            })
    }
    split(run, numbers, i, false, 0)
}

/// The arrow a web page links a note back to its mark with ("↩", or
/// pandoc's "↩︎" with its variation selector), printed at the note's end.
const BACK_LINKS: &[char] = &['↩', '\u{fe0e}', '\u{fe0f}', ' '];

/// Where the run of lines in print smaller than the body's (`body`, points)
/// at the foot of a page begins: the page's length when it ends in body print.
fn small_print_from(page: &[PageLine], body: f64) -> usize {
    page.len()
        - page
            .iter()
            .rev()
            .take_while(|l| l.size < 0.92 * body)
            .count()
}

/// Moves the small-print lines at the foot of a page that come before its
/// first footnote to the foot of the page before, when that page ends on a
/// footnote that stops mid-sentence: a long note runs on at the foot of the
/// next page, and left there its words were read as the text of the article
/// on that page, after its last line.
fn join_continued_notes(pages: &mut [Vec<PageLine>], body: f64) {
    // the number of a footnote line: one marked in superscript on its page
    let note_number = |page: &[PageLine], at: usize| {
        let (n, _) = crate::text::notes::leading_number(&page[at].text)?;
        page[..at]
            .iter()
            .any(|l| superscript_numbers(&l.text).contains(&n))
            .then_some(n)
    };
    for p in 1..pages.len() {
        let (before, after) = pages.split_at_mut(p);
        let (prev, page) = (&mut before[p - 1], &mut after[0]);
        let prev_from = small_print_from(prev, body);
        let ends_in_note = (prev_from..prev.len()).any(|i| note_number(prev, i).is_some());
        let mid_sentence = prev.last().is_some_and(|l| {
            !l.text
                .trim_end()
                .ends_with(['.', ';', ':', '!', '?', ')', '”', '"'])
        });
        if !(ends_in_note && mid_sentence) {
            continue;
        }
        let from = small_print_from(page, body);
        let first_note = (from..page.len())
            .find(|&i| note_number(page, i).is_some())
            .unwrap_or(page.len());
        if first_note > from {
            prev.extend(page.drain(from..first_note));
        }
    }
}

/// Where the footnotes begin on a page that prints them in the body's size
/// (pandoc's Word files, some word processors' defaults): the first line
/// below a gap of more than a line that opens with a raised number, a
/// reference mark of a line above it. A body line does not open with a
/// raised number; a mark stays with the word it follows. The page's length
/// when there is none.
fn raised_notes_start(page: &[PageLine]) -> usize {
    (1..page.len())
        .find(|&j| {
            let (line, above) = (&page[j], &page[j - 1]);
            let raised: String = line
                .text
                .chars()
                .map_while(crate::text::notes::superscript_value)
                .collect();
            !raised.is_empty()
                && line.v - above.v > 1.4 * line.size.max(above.size)
                && page[..j]
                    .iter()
                    .any(|l| superscript_numbers(&l.text).contains(&raised))
        })
        .unwrap_or(page.len())
}

/// Moves a footnote up to the end of the article its mark is in, when an
/// article, chapter or annex heading comes between the mark and the foot of
/// the page: left at the foot, the note would be read as the text of the
/// provision that heading opens (AANZFTA's "creative arts" note to Article 1
/// of its exceptions chapter, printed below the start of Article 2). `notes`
/// are the footnote lines at the page's foot, from `start`, with their
/// numbers; a note runs to the next one.
fn move_notes_before_headings(page: &mut Vec<PageLine>, start: usize, notes: &[(usize, String)]) {
    let heading_at = |from: usize| {
        (from..start).find(|&j| {
            matches!(
                classify(&page[j].text),
                Line::Heading(_) | Line::PreambleHeading | Line::FinalClause
            )
        })
    };
    // for each note: its lines, and the body line it goes before
    let mut moves: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    for (k, (first, n)) in notes.iter().enumerate() {
        // a note runs to the next one, or to a line that opens with a higher
        // number (a note whose mark was not seen: it stays where it is)
        let value = n.parse::<u32>().unwrap_or(u32::MAX);
        let next_number = (first + 1..page.len()).find(|&j| {
            crate::text::notes::leading_number(&page[j].text)
                .and_then(|(m, _)| m.parse::<u32>().ok())
                .is_some_and(|m| m > value)
        });
        let end = notes
            .get(k + 1)
            .map_or(page.len(), |next| next.0)
            .min(next_number.unwrap_or(page.len()));
        let mark = (0..start).find(|&j| superscript_numbers(&page[j].text).contains(n));
        if let Some(to) = mark.and_then(|m| heading_at(m + 1)) {
            moves.push((*first..end, to));
        }
    }
    if moves.is_empty() {
        return;
    }
    let lines = std::mem::take(page);
    let mut moved: Vec<Option<PageLine>> = lines.into_iter().map(Some).collect();
    let mut before: std::collections::BTreeMap<usize, Vec<PageLine>> = Default::default();
    for (range, to) in &moves {
        let note = range.clone().filter_map(|i| moved[i].take());
        before.entry(*to).or_default().extend(note);
    }
    for (i, line) in moved.into_iter().enumerate() {
        if let Some(notes) = before.remove(&i) {
            page.extend(notes);
        }
        page.extend(line);
    }
}

/// The font size most of the document's characters are set in.
pub(super) fn body_size<'a>(lines: impl IntoIterator<Item = &'a PageLine>) -> Option<f64> {
    let mut chars: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        *chars.entry((l.size * 2.0).round() as i64).or_insert(0) += l.text.len();
    }
    chars
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map(|(size, _)| size as f64 / 2.0)
}

/// The numbers written in superscript digits in a line, as plain digits.
fn superscript_numbers(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in line.chars().chain([' ']) {
        match crate::text::notes::superscript_value(c) {
            Some(d) => current.push(d),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    out
}

// ------------------------------------------------------------ hyphenation

/// Joins words split by a hyphen at a line end: the continuation moves up to
/// the first line, so line numbers do not shift. Whether the hyphen stays is
/// settled by the document's own spelling when it has one. A word split over
/// a page break continues after the footnotes, so smaller print is skipped.
fn dehyphenate(pages: &mut [Vec<PageLine>]) {
    let vocabulary = hyphen::vocabulary(pages.iter().flatten().map(|l| l.text.as_str()));
    let positions: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, lines)| (0..lines.len()).map(move |i| (p, i)))
        .collect();
    for (k, &(p1, i1)) in positions.iter().enumerate() {
        let line = &pages[p1][i1];
        if !line.text.ends_with(['-', '\u{ad}', '\u{2010}']) {
            continue;
        }
        let size = line.size;
        let Some(&(p2, i2)) = positions[k + 1..]
            .iter()
            .take(40)
            .find(|&&(p, i)| pages[p][i].size >= 0.92 * size)
        else {
            continue;
        };
        if let Some((first, rest)) = hyphen::join_hyphenated(
            &pages[p1][i1].text,
            &pages[p2][i2].text,
            &vocabulary,
            Evidence::Hyphenation,
        ) {
            pages[p1][i1].text = first;
            pages[p2][i2].text = rest;
        }
    }
    for page in pages.iter_mut() {
        page.retain(|l| !l.text.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of body text, 5 points wide per character from the margin at 50.
    fn line(text: &str, v: f64) -> PageLine {
        PageLine {
            text: text.into(),
            v,
            size: 10.0,
            start: 50.0,
            end: 50.0 + 5.0 * text.chars().count() as f64,
            opens_row: false,
        }
    }

    fn texts(page: &[PageLine]) -> Vec<&str> {
        page.iter().map(|l| l.text.as_str()).collect()
    }

    /// A line set in `size` points, ending at `end`.
    fn sized(text: &str, v: f64, size: f64, end: f64) -> PageLine {
        PageLine {
            size,
            end,
            ..line(text, v)
        }
    }

    #[test]
    fn a_heading_title_that_wrapped_in_larger_type_is_one_line() {
        // body lines end at the right margin, 380 points out
        let body = |text: &str, v: f64| sized(text, v, 10.0, 380.0);
        let mut pages = vec![vec![
            sized("Chapter Fifteen", 100.0, 15.0, 160.0),
            // wrapped: "Enterprises" (about 70 points) would not fit after it
            sized(
                "Competition Policy, Monopolies And State",
                118.0,
                15.0,
                340.0,
            ),
            sized("Enterprises", 136.0, 15.0, 120.0),
            sized("Article 15.1", 160.0, 12.0, 120.0),
            sized(
                "Duty-Free Entry Of Certain Commercial Samples And Printed",
                175.0,
                12.0,
                370.0,
            ),
            sized("Advertising Materials", 190.0, 12.0, 170.0),
            body(
                "Each Party shall grant duty-free entry to commercial samples of",
                205.0,
            ),
            body(
                "negligible value, and to printed advertising materials imported",
                217.0,
            ),
            body(
                "from the territory of the other Party, regardless of their origin.",
                229.0,
            ),
            body(
                "This Agreement applies to trade between the Parties and to all",
                241.0,
            ),
            body(
                "measures adopted or maintained by a Party affecting that trade.",
                253.0,
            ),
            sized(
                "AGREEMENT ESTABLISHING THE ASEAN-AUSTRALIA-",
                300.0,
                15.0,
                375.0,
            ),
            sized("NEW ZEALAND FREE TRADE AREA", 318.0, 15.0, 250.0),
            // two headings of one size that each ended short of the margin
            sized("TRADE IN SERVICES", 360.0, 15.0, 170.0),
            sized("GENERAL PROVISIONS", 378.0, 15.0, 180.0),
        ]];
        join_wrapped_titles(&mut pages);
        assert_eq!(
            texts(&pages[0])[..4],
            [
                // a bare heading keeps its title on the next line
                "Chapter Fifteen",
                "Competition Policy, Monopolies And State Enterprises",
                "Article 15.1",
                "Duty-Free Entry Of Certain Commercial Samples And Printed Advertising Materials",
            ]
        );
        // a compound split at its hyphen goes on without a space
        assert_eq!(
            pages[0][9].text,
            "AGREEMENT ESTABLISHING THE ASEAN-AUSTRALIA-NEW ZEALAND FREE TRADE AREA"
        );
        // body lines, set in the body's size, are never joined, nor are
        // lines that ended short of the margin
        assert_eq!(
            texts(&pages[0])[10..],
            ["TRADE IN SERVICES", "GENERAL PROVISIONS"]
        );
        // the joined block ends where its last line did
        assert_eq!(pages[0][1].v, 136.0);
    }

    #[test]
    fn headings_in_the_body_size_are_not_joined() {
        // a word processor's bold headings: the size tells nothing
        let mut pages = vec![vec![
            line("Article 2", 100.0),
            line("Cultural Industries", 112.0),
            line("Trade In Services", 124.0),
            line(
                "Nothing in this Agreement applies to cultural industries.",
                136.0,
            ),
        ]];
        join_wrapped_titles(&mut pages);
        assert_eq!(pages[0].len(), 4);
    }

    #[test]
    fn a_page_of_nothing_but_a_repeated_line_keeps_it() {
        let mut pages: Vec<Vec<PageLine>> = (0..4)
            .map(|i| vec![line(&format!("Potato {i}"), 60.0)])
            .collect();
        remove_furniture(&mut pages);
        assert!(pages.iter().all(|p| p.len() == 1), "{:?}", texts(&pages[0]));
    }

    #[test]
    fn removes_repeated_headers_but_not_headings_at_the_top() {
        let mut pages: Vec<Vec<PageLine>> = (1..=4)
            .map(|n| {
                vec![
                    line("Draft Agreement on Trade", -800.0),
                    line(&format!("Article {n}"), -760.0),
                    line("The Parties agree.", -748.0),
                    line(&format!("- {n} -"), -40.0),
                ]
            })
            .collect();
        remove_furniture(&mut pages);
        assert_eq!(texts(&pages[2]), ["Article 3", "The Parties agree."]);
    }

    /// Chromium's default print header (date, time and the page's title)
    /// and footer (address, page of pages) on a page printed with narrow
    /// margins sit as close to the body as one body line to the next: they
    /// go all the same, and the body stays whole.
    #[test]
    fn a_browser_s_print_stamps_go_with_no_gap_before_the_body() {
        let body = |n: usize| {
            [
                format!("Article 4.{n}: Cultural Industries"),
                format!("{n}. Nothing in this Agreement applies to cultural industries."),
                format!(
                    "{} binds a Party with respect to them.",
                    ["It", "This", "That"][n - 1]
                ),
            ]
        };
        let mut pages: Vec<Vec<PageLine>> = (1..=3)
            .map(|n| {
                let [title, text, last] = body(n);
                vec![
                    line("12/3/26, 12:53 PM Free Trade Agreement", -800.0),
                    line(&title, -786.0),
                    line(&text, -772.0),
                    line(&last, -100.0),
                    line(&format!("file:///tmp/agreement.html {n}/3"), -86.0),
                ]
            })
            .collect();
        remove_furniture(&mut pages);
        assert_eq!(texts(&pages[1]), body(2));
        // the same header that is not a browser's stamp, as close: body
        let mut pages: Vec<Vec<PageLine>> = (1..=3)
            .map(|n| {
                let [title, text, _] = body(n);
                vec![
                    line("Free Trade Agreement", -800.0),
                    line(&title, -786.0),
                    line(&text, -772.0),
                ]
            })
            .collect();
        remove_furniture(&mut pages);
        assert_eq!(pages[1].len(), 3, "{:?}", texts(&pages[1]));
    }

    #[test]
    fn a_footnote_that_runs_on_to_the_next_page_stays_one_note() {
        let small = |text: &str, v: f64| PageLine {
            size: 8.0,
            ..line(text, v)
        };
        let body = |text: &str, v: f64| line(text, v);
        let mut pages = vec![
            vec![
                body("Article 5 Cultural Industries", -700.0),
                body(
                    "Nothing in this Agreement applies to the cultural\u{b3} industries.",
                    -686.0,
                ),
                body(
                    "The Parties shall cooperate on the audiovisual sector.",
                    -672.0,
                ),
                small(
                    "3 For greater certainty, cultural industries means persons engaged in the",
                    -90.0,
                ),
            ],
            vec![
                body("Article 6 Electronic Commerce", -700.0),
                body(
                    "Neither Party shall impose customs duties\u{2074} on transmissions.",
                    -686.0,
                ),
                small("publication of books, magazines or newspapers.", -100.0),
                small("4 Customs duties do not include internal taxes.", -90.0),
            ],
        ];
        mark_footnotes(&mut pages);
        assert_eq!(
            texts(&pages[0])[3..],
            [
                "[3] For greater certainty, cultural industries means persons engaged in the",
                "publication of books, magazines or newspapers."
            ]
        );
        assert_eq!(
            texts(&pages[1])[2..],
            ["[4] Customs duties do not include internal taxes."]
        );
        // a note that ends its sentence has no continuation: small print at
        // the next page's foot stays there
        let mut pages = vec![
            vec![
                body("the cultural\u{b3} industries.", -686.0),
                small("3 For greater certainty, this covers film.", -90.0),
            ],
            vec![
                body("Annex text continues.", -686.0),
                small("Source: national statistics office.", -90.0),
            ],
        ];
        mark_footnotes(&mut pages);
        assert_eq!(
            texts(&pages[1]),
            [
                "Annex text continues.",
                "Source: national statistics office."
            ]
        );
    }

    #[test]
    fn notes_printed_at_the_end_go_to_the_articles_citing_them() {
        // a web page printed by a browser: marks on pages 1 and 2, the notes
        // under their title on page 3, after the last annex
        let pages = || {
            vec![
                vec![
                    line("Article 1.2 Definitions", 60.0),
                    line("cultural industries means persons engaged in books.\u{b9}", 80.0),
                    line("Article 2.1 Scope", 100.0),
                    line("This Chapter applies to services.", 120.0),
                ],
                vec![
                    line("Article 3.2 Digital Products", 60.0),
                    line("No less favourable treatment to digital products.\u{b2}", 80.0),
                    line("Annex I Broadcasting", 100.0),
                    line("Arcadia reserves the right to adopt any measure.", 120.0),
                ],
                vec![
                    line("Notes", 60.0),
                    line("\u{b9} For greater certainty, cultural industries include broadcasting. \u{21a9}", 80.0),
                    line("2 For greater certainty, this Article does not apply to audiovisual", 100.0),
                    line("services. \u{21a9}\u{fe0e}", 112.0),
                ],
            ]
        };
        let mut moved = pages();
        clean(&mut moved);
        assert_eq!(
            texts(&moved[0]),
            [
                "Article 1.2 Definitions",
                "cultural industries means persons engaged in books.\u{b9}",
                "[1] For greater certainty, cultural industries include broadcasting.",
                "Article 2.1 Scope",
                "This Chapter applies to services.",
            ]
        );
        assert_eq!(
            texts(&moved[1]),
            [
                "Article 3.2 Digital Products",
                "No less favourable treatment to digital products.\u{b2}",
                "[2] For greater certainty, this Article does not apply to audiovisual",
                "services.",
                "Annex I Broadcasting",
                "Arcadia reserves the right to adopt any measure.",
            ]
        );
        assert!(moved[2].is_empty(), "{:?}", texts(&moved[2]));

        // marks printed together ("¹²" for notes 1 and 2, in Article 3.2);
        // a final clause after the notes stays where it is
        let mut together = pages();
        together[0][1].text = "cultural industries means persons engaged in books.".into();
        together[1][1].text =
            "No less favourable treatment to digital products.\u{b9}\u{b2}".into();
        together[2].push(line("Done at Arcadia City, on 3 May 2024.", 140.0));
        clean(&mut together);
        assert_eq!(texts(&together[0]).len(), 4);
        assert_eq!(
            texts(&together[1])[2..5],
            [
                "[1] For greater certainty, cultural industries include broadcasting.",
                "[2] For greater certainty, this Article does not apply to audiovisual",
                "services."
            ]
        );
        assert_eq!(
            texts(&together[2]),
            ["Done at Arcadia City, on 3 May 2024."]
        );

        // a numbered line after the title whose number has no mark: a list,
        // not notes; nothing moves and the title stays
        let mut listed = pages();
        listed[2][3].text = "3 Broadcasting services".into();
        clean(&mut listed);
        assert_eq!(texts(&listed[0]).len(), 4);
        assert_eq!(texts(&listed[2])[0], "Notes");
        // without a title, notes at the end are not told from a list
        let mut untitled = pages();
        untitled[2].remove(0);
        clean(&mut untitled);
        assert_eq!(texts(&untitled[0]).len(), 4);
    }

    #[test]
    fn marks_footnotes_that_have_a_reference_on_the_page() {
        let small = |text: &str, v: f64| PageLine {
            size: 8.0,
            ..line(text, v)
        };
        let mut pages = vec![vec![
            line("the cultural industries\u{b3} and", -700.0),
            line("Body text continues here at length.", -686.0),
            small("\u{b3} For greater certainty, this covers film.", -90.0),
            small("12 Live animals", -80.0),
        ]];
        mark_footnotes(&mut pages);
        assert_eq!(
            texts(&pages[0])[2..],
            [
                "[3] For greater certainty, this covers film.",
                "12 Live animals"
            ]
        );
    }

    #[test]
    fn keeps_compounds_of_words_the_document_uses_alone() {
        let mut pages = vec![vec![
            line("a government-", -100.0),
            line("supported cul-", -88.0),
            line("tural body that the government supported", -76.0),
        ]];
        dehyphenate(&mut pages);
        assert_eq!(
            texts(&pages[0]),
            [
                "a government-supported",
                "cultural",
                "body that the government supported"
            ]
        );
    }

    #[test]
    fn joins_a_word_split_over_a_page_break_after_the_footnotes() {
        let note = PageLine {
            size: 8.0,
            ..line("[1] A note.", -80.0)
        };
        let mut pages = vec![
            vec![line("the cultural indus-", -100.0), note],
            vec![line("tries of the Parties", -700.0)],
        ];
        dehyphenate(&mut pages);
        assert_eq!(texts(&pages[0]), ["the cultural industries", "[1] A note."]);
        assert_eq!(texts(&pages[1]), ["of the Parties"]);
    }

    #[test]
    fn strips_extraction_artefacts() {
        assert_eq!(fix_artefacts("a\u{0}b\u{f0b7} c\u{e123}"), "ab• c");
        assert_eq!(fix_artefacts("Re\u{301}sume\u{301}"), "Résumé");
    }
}
