//! Builds the provision tree from classified lines.

use super::lines::{classify, classify_body_line, Heading, Line, Marker, MarkerStyle};
use crate::provision::{Kind, Provision};
use crate::text::page_numbers::is_page_number;
use crate::text::LocatedText;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A whole agreement: headings, paragraphs, footnotes, preamble, final clause.
    Document,
    /// Inside an article whose heading is known: paragraphs and footnotes only.
    ArticleBody,
}

/// Marker families; which one "(i)" belongs to is decided by its neighbours.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Number,
    Lower,
    Roman,
    Upper,
    Double,
}

struct Open {
    node: Provision,
    rank: u32,
    family: Option<Family>,
    /// Whether body text has followed the heading (a repeated heading right after
    /// its first appearance is the same heading, as ToTA article texts repeat it).
    has_body: bool,
}

struct Builder<'a> {
    text: &'a LocatedText,
    mode: Mode,
    roots: Vec<Provision>,
    stack: Vec<Open>,
    /// The previous non-blank line was a heading or a heading's title: text
    /// after it starts fresh.
    prev_was_heading: bool,
    prev_line: &'a str,
    /// The previous line stands alone as an unnumbered title: short, in
    /// the form of a title, after text that had ended ("Culture", "Sección B
    /// – Servicios", "Financial services" before "Article 3").
    prev_stands_alone: bool,
    /// A blank line separates this line from the text before it.
    after_blank: bool,
    /// Lines already consumed as a heading's title.
    skip_until: usize,
    /// Inside a table of contents: headings named there, not yet met for real.
    toc: Option<Toc>,
    /// The lines of contents met so far that name a heading (see
    /// `Agreement::contents`).
    contents: Vec<Range<usize>>,
    /// The dotted numbers of the articles met outside annexes ("4.13"): in
    /// an annex, a line that names one again is a row of a table about that
    /// article (an implementation schedule), not a new article.
    body_articles: HashSet<String>,
    /// Footnotes printed as "60 For greater certainty …" at the foot of a
    /// page, by line offset, with their numbers (see `super::footnotes`).
    page_foot_notes: std::collections::HashMap<usize, String>,
    /// Lines a database printed under many headings and after text too (see
    /// `stamps`): never a heading's title.
    stamps: HashSet<&'a str>,
}

/// A table of contents lists headings without being them. It ends where the
/// document meets one of its entries again (the real "PREAMBLE" or
/// "CHAPTER 1"), at the first sentence of prose, or after `TOC_MAX_LINES`.
#[derive(Default)]
struct Toc {
    seen: HashSet<(Kind, Option<String>)>,
    /// The kinds of heading it lists (articles alone, or chapters too).
    kinds: HashSet<Kind>,
    lines: usize,
}

/// How many lines past a heading the contents look for an entry of theirs
/// met again (`Builder::toc_entry`): a chapter's heading, its title, a
/// section's, blank lines between.
const TOC_LOOKAHEAD: usize = 12;

const TOC_MAX_LINES: usize = 1000;

impl Toc {
    /// The key a contents line lists, if it is a heading.
    fn key(class: &Line) -> Option<(Kind, Option<String>)> {
        match class {
            // "Chapter 1" in the contents, "CHAPTER I" in the text
            Line::Heading(h) => Some((h.kind, h.number.as_deref().map(comparable_number))),
            Line::PreambleHeading => Some((Kind::Preamble, None)),
            _ => None,
        }
    }

    /// Whether the headings below line `i` (a heading of kind `kind`), with
    /// only titles and blank lines between, reach one the contents list
    /// (within `TOC_LOOKAHEAD` lines), through headings of kinds they do not
    /// list and that the heading holds ("PART I" / "CHAPTER 1" / "Article
    /// 1.1"): a new one of a kind they list, or one at the heading's own
    /// level ("Annex 1" / "Annex 2"), is their next entry.
    fn met_below(&self, lines: &[(usize, &str)], i: usize, kind: Kind) -> bool {
        for &(_, line) in lines.iter().skip(i + 1).take(TOC_LOOKAHEAD) {
            let line = line.trim();
            let class = classify(line);
            match Toc::key(&class) {
                Some(key) if self.seen.contains(&key) => return true,
                Some(key) if self.kinds.contains(&key.0) || rank_of(key.0) <= rank_of(kind) => {
                    return false
                }
                Some(_) => {}
                None if line.is_empty() || is_title_like(line) => {}
                None => return false,
            }
        }
        false
    }
}

/// How much text before a "PREAMBLE" heading is still a title page (the
/// agreement's name, its Parties, a line on the draft): more is text of its own.
const TITLE_PAGE_MAX_BYTES: usize = 600;

fn rank_of(kind: Kind) -> u32 {
    match kind {
        Kind::Preamble | Kind::FinalClause | Kind::Annex | Kind::Protocol | Kind::SideLetter => 1,
        Kind::Appendix => 2,
        Kind::Part => 3,
        Kind::Title => 4,
        Kind::Chapter => 5,
        Kind::Section => 6,
        Kind::Subsection => 7,
        Kind::Article | Kind::Entry => 8,
        Kind::Paragraph | Kind::Subparagraph => 9,
        Kind::Footnote => 50,
    }
}

pub fn build(text: &LocatedText, range: Range<usize>, mode: Mode) -> Vec<Provision> {
    build_with_contents(text, range, mode).0
}

/// A whole document's provisions, and the lines of its table of contents
/// that name a heading (`Agreement::contents`).
pub fn build_document(text: &LocatedText) -> (Vec<Provision>, Vec<Range<usize>>) {
    build_with_contents(text, 0..text.text.len(), Mode::Document)
}

fn build_with_contents(
    text: &LocatedText,
    range: Range<usize>,
    mode: Mode,
) -> (Vec<Provision>, Vec<Range<usize>>) {
    let mut b = Builder {
        text,
        mode,
        roots: Vec::new(),
        stack: Vec::new(),
        prev_was_heading: true,
        prev_line: "",
        prev_stands_alone: false,
        after_blank: true,
        skip_until: 0,
        toc: None,
        contents: Vec::new(),
        body_articles: HashSet::new(),
        page_foot_notes: Default::default(),
        stamps: HashSet::new(),
    };
    let lines: Vec<(usize, &str)> = line_slices(&text.text, range.clone()).collect();
    // a whole text converted from PDF; the articles of a ToTA agreement,
    // read in their deferred paragraphs or not, keep their lines as they are
    if mode == Mode::Document {
        b.page_foot_notes = super::footnotes::page_foot_notes(&text.text, &lines);
        b.stamps = stamps(&lines);
    }
    for i in 0..lines.len() {
        let (offset, line) = lines[i];
        if i >= b.skip_until {
            b.line(&lines, i, offset, line);
        }
    }
    b.close_to(0, range.end);
    if mode == Mode::Document {
        drop_contents_lists(&mut b.roots);
    }
    (b.roots, b.contents)
}

/// A table of contents without a title, dot leaders or page numbers reads as
/// headings in a row with nothing under them ("Chapter I General provisions",
/// "Chapter II Investment", …); the document then gives the same headings
/// again with their text. Such a run (two headings or more, the first met again
/// later) is dropped from the tree, so that the real chapters keep their plain
/// paths (`ch-iii`, not `ch-iii~2`). Its lines stay in the text, outside any
/// provision.
fn drop_contents_lists(roots: &mut Vec<Provision>) {
    let mut headings: Vec<(Kind, String, usize)> = Vec::new();
    for p in roots.iter().flat_map(|r| r.walk()) {
        if p.kind.is_division() || p.kind == Kind::Article {
            if let Some(n) = p.number.as_deref() {
                headings.push((p.kind, comparable_number(n), p.span.start));
            }
        }
    }
    drop_runs_in(roots, &headings);
}

fn drop_runs_in(siblings: &mut Vec<Provision>, headings: &[(Kind, String, usize)]) {
    let mut i = 0;
    while i < siblings.len() {
        let run = siblings[i..].iter().take_while(|p| is_hollow(p)).count();
        let listed: usize = siblings[i..i + run].iter().map(|p| p.walk().count()).sum();
        let first = &siblings[i];
        let met_again = run > 0
            && first.number.as_deref().is_some_and(|n| {
                let key = (first.kind, comparable_number(n));
                let end = siblings[i + run - 1].span.end;
                headings
                    .iter()
                    .any(|h| h.2 >= end && (h.0, h.1.as_str()) == (key.0, key.1.as_str()))
            });
        if listed >= 2 && met_again {
            siblings.drain(i..i + run);
        } else {
            if run == 0 {
                drop_runs_in(&mut siblings[i].children, headings);
            }
            i += run.max(1);
        }
    }
}

/// A division or article with nothing but its heading (and title), and whose
/// children are all like it. A page-number line ("Page 1 of 90" between the
/// contents and the first chapter of a text converted from PDF) is not text.
fn is_hollow(p: &Provision) -> bool {
    if !(p.kind.is_division() || p.kind == Kind::Article) || p.number.is_none() {
        return false;
    }
    let rest = p.text.split_once('\n').map_or("", |(_, rest)| rest);
    let rest: Vec<&str> = rest
        .lines()
        .filter(|l| !is_page_number(l))
        .flat_map(str::split_whitespace)
        .collect();
    let title: Vec<&str> = p
        .title
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    (rest.is_empty() || rest == title) && p.children.iter().all(is_hollow)
}

fn line_slices(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= slice.len() {
            return None;
        }
        let end = slice[pos..].find('\n').map_or(slice.len(), |i| pos + i);
        let item = (base + pos, &slice[pos..end]);
        pos = end + 1;
        Some(item)
    })
}

impl<'a> Builder<'a> {
    fn line(&mut self, lines: &[(usize, &'a str)], i: usize, offset: usize, line: &'a str) {
        let class = match self.mode {
            Mode::Document => classify(line),
            Mode::ArticleBody => classify_body_line(line),
        };
        let class = match (class, self.page_foot_notes.get(&offset)) {
            (Line::Body | Line::Marker(_), Some(n)) => Line::Footnote(n.clone()),
            (class, _) => class,
        };
        if class == Line::Blank {
            self.after_blank = true;
            return;
        }
        if self.footnote_left_behind(offset) || self.footnote_ends(&class, line) {
            self.close_to(rank_of(Kind::Footnote), offset);
        }
        self.line_in_context(lines, i, offset, line, class);
        self.after_blank = false;
    }

    fn line_in_context(
        &mut self,
        lines: &[(usize, &'a str)],
        i: usize,
        offset: usize,
        line: &'a str,
        class: Line,
    ) {
        let toc_entry = self.mode == Mode::Document && self.toc_entry(&class, line, lines, i);
        if toc_entry {
            self.contents.push(offset..offset + line.len());
        }
        match class {
            Line::Heading(h)
                if !toc_entry && self.mode == Mode::Document && self.accepts_heading(&h, line) =>
            {
                self.heading(lines, i, offset, h);
                return;
            }
            Line::PreambleHeading
                if self.mode == Mode::Document
                    && self.roots.is_empty()
                    && !self.stack.iter().any(|o| o.node.kind == Kind::Preamble) =>
            {
                self.open(
                    Provision::new(Kind::Preamble, None, 0, offset..offset),
                    offset,
                    None,
                );
                self.prev_was_heading = true;
                self.prev_stands_alone = false;
                self.prev_line = line;
                return;
            }
            Line::PreambleHeading if self.title_page_before(offset) => {
                // "PREAMBLE" under the title page: the title and the heading
                // are the preamble's heading, its text starts below them
                let end = (offset + line.len() + 1).min(self.text.text.len());
                let top = self.stack.last_mut().expect("the open preamble");
                top.node.heading = top.node.span.start..end;
                self.prev_was_heading = true;
                self.prev_stands_alone = false;
                self.prev_line = line;
                return;
            }
            Line::FinalClause if self.mode == Mode::Document && !self.in_final_clause() => {
                self.open(
                    Provision::new(Kind::FinalClause, None, 0, offset..offset),
                    offset,
                    None,
                );
            }
            Line::Footnote(n) if self.footnote_allowed() => {
                let node = Provision::new(Kind::Footnote, Some(n), 0, offset..offset);
                self.open(node, offset, None);
            }
            Line::Marker(m) => {
                if !self.marker(offset, &m) {
                    self.body(offset);
                }
            }
            _ => self.body(offset),
        }
        let text_had_ended = self.after_blank
            || self.prev_was_heading
            || self
                .prev_line
                .trim_end()
                .ends_with(['.', ';', ':', '!', '?']);
        self.prev_stands_alone = text_had_ended && is_title_like(line.trim());
        self.prev_was_heading = false;
        self.prev_line = line;
    }

    /// Tracks a table of contents: returns true for a heading line that is one
    /// of its entries (kept as text of the enclosing provision). The contents
    /// end before a heading of a kind they do not list when the headings
    /// below it, with only titles between, reach one they do: "CAPÍTULO 2" /
    /// "COMERCIO ELECTRÓNICO" / "Artículo 2.1" after contents that listed
    /// the articles alone opens the text, and is no entry.
    fn toc_entry(&mut self, class: &Line, line: &str, lines: &[(usize, &str)], i: usize) -> bool {
        if matches!(class, Line::Body) && is_toc_title(line) {
            self.toc = Some(Toc::default());
            return false;
        }
        let Some(toc) = self.toc.as_mut() else {
            return false;
        };
        toc.lines += 1;
        if toc.lines > TOC_MAX_LINES || matches!(class, Line::Body) && is_sentence(line) {
            self.toc = None;
            return false;
        }
        let Some(key) = Toc::key(class) else {
            return false;
        };
        if toc.seen.contains(&key) || !toc.kinds.contains(&key.0) && toc.met_below(lines, i, key.0)
        {
            self.toc = None;
            return false;
        }
        toc.kinds.insert(key.0);
        toc.seen.insert(key);
        true
    }

    fn body(&mut self, offset: usize) {
        if self.stack.is_empty() && self.mode == Mode::Document {
            // text before any heading: the title page and preamble
            self.open(
                Provision::new(Kind::Preamble, None, 0, offset..offset),
                offset,
                None,
            );
        }
        if let Some(top) = self.stack.last_mut() {
            top.has_body = true;
        }
    }

    /// A PDF footnote sits at the foot of its page: text on the next page goes
    /// on with what the footnote interrupted, not with the footnote.
    fn footnote_left_behind(&self, offset: usize) -> bool {
        self.stack.last().is_some_and(|top| {
            top.node.kind == Kind::Footnote
                && top.node.page.is_some()
                && self.text.locate(offset).page != top.node.page
        })
    }

    /// A footnote runs on over its wrapped lines, but not into the body text
    /// that follows it: a line of body text after a blank line, or a sentence
    /// that starts with a capital after one that ended, goes back to the
    /// provision the footnote sits in.
    fn footnote_ends(&self, class: &Line, line: &str) -> bool {
        let in_footnote = self
            .stack
            .last()
            .is_some_and(|top| top.node.kind == Kind::Footnote);
        if !in_footnote || *class != Line::Body {
            return false;
        }
        let starts_sentence = line
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '«'));
        let ended = self
            .prev_line
            .trim_end()
            .ends_with(['.', ';', ':', '!', '?', '"', '”', '»']);
        self.after_blank || (ended && starts_sentence)
    }

    /// Whether the only provision open is a preamble holding a title page
    /// (a few short lines before `offset`, opened by text before any heading).
    fn title_page_before(&self, offset: usize) -> bool {
        let [open] = self.stack.as_slice() else {
            return false;
        };
        let p = &open.node;
        self.mode == Mode::Document
            && self.roots.is_empty()
            && p.kind == Kind::Preamble
            && p.heading.is_empty()
            && offset.saturating_sub(p.span.start) <= TITLE_PAGE_MAX_BYTES
    }

    fn in_final_clause(&self) -> bool {
        self.stack.iter().any(|o| o.node.kind == Kind::FinalClause)
    }

    fn footnote_allowed(&self) -> bool {
        self.mode == Mode::ArticleBody || !self.stack.is_empty()
    }

    /// A heading the grammar recognised is refused when the line before it is
    /// unfinished running text: "… in accordance with\nArticle 5" is a
    /// cross-reference that the line-wrap happened to put first.
    fn accepts_heading(&self, h: &Heading, line: &str) -> bool {
        if self.names_a_body_article(h) {
            return false;
        }
        if h.explicit_title || self.prev_was_heading {
            return self.not_toc_entry(h);
        }
        // a blank line (unless the text stopped on "in", "under"…), or a keyword
        // in capitals ("CHAPTER 17" after a URL at the foot of the previous
        // page), says the previous text has ended
        // so does a line standing alone as an unnumbered title ("Culture" /
        // "Article 3")
        let ended =
            self.after_blank && !ends_unfinished_word(self.prev_line) || self.prev_stands_alone;
        if ends_unfinished(self.prev_line)
            && !ended
            && !upper_keyword(line)
            && !self.bare_next_heading(h, line)
        {
            return false;
        }
        if self.in_final_clause() && !h.kind.is_instrument() {
            return false;
        }
        self.not_toc_entry(h)
    }

    /// A line that is only a heading's keyword and number, the number next
    /// after the open provision of that kind ("Artículo 9-04" in Article
    /// 9-03): a heading, even after text that stops mid-sentence (a Word
    /// paragraph ending "… en el territorio de una Parte" without its full
    /// stop). A cross-reference the line-wrap put first has words after it
    /// on its line, and rarely names the next article.
    fn bare_next_heading(&self, h: &Heading, line: &str) -> bool {
        let Some(number) = &h.number else {
            return false;
        };
        // "… in accordance with / Article 14.4." ends a sentence: a reference
        let ends_on_number = line.trim_end().ends_with(|c: char| c.is_alphanumeric());
        if h.title.is_some() || line.split_whitespace().count() > 2 || !ends_on_number {
            return false;
        }
        let open = self
            .stack
            .iter()
            .rev()
            .find(|o| o.node.kind == h.kind)
            .and_then(|o| o.node.number.as_deref());
        open.is_some_and(|open| is_next_number(open, number))
    }

    /// An article heading inside an annex or appendix whose dotted number is
    /// that of an article of the agreement's body ("Article 4.13 Trade
    /// Facilitation Measures … 28 February 2022" in RCEP's Annex 4A, a
    /// schedule of implementation periods): a reference to that article.
    fn names_a_body_article(&self, h: &Heading) -> bool {
        h.kind == Kind::Article
            && self.in_annex()
            && h.number
                .as_deref()
                .is_some_and(|n| n.contains('.') && self.body_articles.contains(n))
    }

    fn in_annex(&self) -> bool {
        self.stack
            .iter()
            .any(|o| matches!(o.node.kind, Kind::Annex | Kind::Appendix))
    }

    /// Table-of-contents lines ("Article 12.1 Definitions ........ 12-1") name
    /// headings without being them.
    /// A line listing several headings ("Article 2 Article 3 Article 4") is one too.
    fn not_toc_entry(&self, h: &Heading) -> bool {
        let Some(t) = &h.title else { return true };
        // leaders lead to a page number; a heading that only trails dots
        // ("Committee on … Commerce........", its title cut at them) is one
        let dot_leaders =
            t.contains("....") || t.contains("\u{2026}\u{2026}") || t.contains(". . .");
        let lists_headings =
            matches!(classify(t), Line::Heading(ref inner) if inner.kind == h.kind);
        !(dot_leaders || lists_headings)
    }

    /// A title without the footnote number a PDF's text glued to its last
    /// word ("SECTION IV POSTAL SERVICES54"), when that footnote is printed
    /// at the foot of the heading's page (`page_foot_notes`: "54 This
    /// section applies to …"); a number glued to a word is otherwise part
    /// of it ("G20").
    fn without_glued_footnote<'t>(&self, title: &'t str, heading_at: usize) -> &'t str {
        let stem = title.trim_end_matches(|c: char| c.is_ascii_digit());
        let number = &title[stem.len()..];
        if !(1..=3).contains(&number.len()) || !stem.ends_with(char::is_alphabetic) {
            return title;
        }
        let on_its_page = self.page_foot_notes.iter().any(|(&at, n)| {
            n == number && at > heading_at && at - heading_at <= super::footnotes::PAGE_BYTES
        });
        if on_its_page {
            stem
        } else {
            title
        }
    }

    fn heading(&mut self, lines: &[(usize, &'a str)], i: usize, offset: usize, h: Heading) {
        if self.repeats_open_heading(&h) {
            return;
        }
        // the preamble ends at the first heading, whatever its rank
        if self.stack.iter().any(|o| o.node.kind == Kind::Preamble) {
            self.close_to(0, offset);
        }
        if h.kind == Kind::Chapter {
            self.leave_chapter_annex(h.number.as_deref(), offset);
        }
        if h.kind == Kind::Article && !self.in_annex() {
            if let Some(n) = h.number.as_deref().filter(|n| n.contains('.')) {
                self.body_articles.insert(n.to_string());
            }
        }
        let mut node = Provision::new(h.kind, h.number, 0, offset..offset);
        node.title = h
            .title
            .filter(|t| !looks_like_sentence(t))
            .map(|t| without_note_mark(&t).to_string());
        // the heading runs to the end of its line, or of the title line below
        let mut last = i;
        let below = match &node.title {
            None => title_below(lines, i, h.kind),
            // "Annex J - Referred to in Article 23" / "Cultural Industries":
            // the words after the number say where the annex is cited, the
            // line below is its title
            Some(inline) if is_citing_phrase(inline) => {
                title_below(lines, i, h.kind).or_else(|| title_continued(lines, i, inline))
            }
            Some(inline) => title_continued(lines, i, inline),
        };
        let below = below.filter(|(title, _)| !self.stamps.contains(title.as_str()));
        if let Some((title, next)) = below {
            node.title = Some(without_note_mark(&title).to_string());
            self.skip_until = next;
            last = next - 1;
        }
        if let Some(title) = &node.title {
            node.title = Some(self.without_glued_footnote(title, offset).to_string());
        }
        // through the line's newline: the body starts on the next line
        let (at, line) = lines[last];
        let heading_end = (at + line.len() + 1).min(self.text.text.len());
        self.open(node, offset, None);
        if let Some(top) = self.stack.last_mut() {
            top.node.heading = offset..heading_end;
        }
        self.prev_was_heading = true;
        self.prev_stands_alone = false;
        self.prev_line = lines[i].1;
    }

    /// "ANNEX 3A" after Chapter 3, then "CHAPTER 4": the annex belonged to
    /// chapter 3 and this is the agreement's next chapter, not a chapter of the
    /// annex. Closes the annex when it holds no chapters of its own and the
    /// number continues the agreement's chapters.
    fn leave_chapter_annex(&mut self, number: Option<&str>, offset: usize) {
        let Some(pos) = self.stack.iter().position(|o| o.node.kind.is_instrument()) else {
            return;
        };
        let has_chapters = self.stack[pos..].iter().any(|o| {
            o.node.kind == Kind::Chapter || o.node.children.iter().any(|c| c.kind == Kind::Chapter)
        });
        let last = last_chapter(&self.roots)
            .or_else(|| last_chapter_open(&self.stack[..pos]))
            .and_then(number_value);
        let this = number.and_then(number_value);
        if !has_chapters && last.is_some() && last.map(|n| n + 1) == this {
            self.close_to(self.stack[pos].rank, offset);
        }
    }

    fn repeats_open_heading(&self, h: &Heading) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|o| o.node.kind == h.kind)
            .is_some_and(|o| {
                o.node.number == h.number
                    && !o.has_body
                    && self.stack.last().is_some_and(|t| t.node.kind == h.kind)
            })
    }

    /// Opens a node: closes every open node at its rank or deeper, then nests it
    /// under what remains.
    fn open(&mut self, mut node: Provision, offset: usize, family: Option<Family>) {
        let rank = match (node.kind, family) {
            (Kind::Paragraph | Kind::Subparagraph, Some(_)) => self.marker_rank(family.unwrap()),
            (k, _) => rank_of(k),
        };
        self.close_to(rank, offset);
        let loc = self.text.locate(offset);
        node.line = loc.line;
        node.page = loc.page;
        node.span = offset..offset;
        self.stack.push(Open {
            node,
            rank,
            family,
            has_body: false,
        });
    }

    fn marker_rank(&self, family: Family) -> u32 {
        // an open family keeps its rank; a new family nests below the deepest one
        if let Some(o) = self.stack.iter().find(|o| o.family == Some(family)) {
            return o.rank;
        }
        let deepest = self
            .stack
            .iter()
            .filter(|o| o.node.kind != Kind::Footnote)
            .map(|o| o.rank)
            .max()
            .unwrap_or(7);
        deepest.max(7) + 1
    }

    fn close_to(&mut self, rank: u32, end: usize) {
        while self.stack.last().is_some_and(|o| o.rank >= rank) {
            let open = self.stack.pop().expect("checked non-empty");
            let mut node = open.node;
            node.span.end = end;
            node.heading.end = node.heading.end.min(end);
            let own_end = node.children.first().map_or(end, |c| c.span.start);
            node.text = self.text.text[node.span.start..own_end].trim().to_string();
            match self.stack.last_mut() {
                Some(parent) => parent.node.children.push(node),
                None => self.roots.push(node),
            }
        }
    }

    /// Opens a paragraph or subparagraph for a marker, or returns false when the
    /// marker is really running text ("(b) of Article 5" after a line break).
    fn marker(&mut self, offset: usize, m: &Marker) -> bool {
        let Some(family) = self.family_for(m) else {
            return false;
        };
        let in_sequence = self.continues(family, &m.token);
        let starts = is_first(family, &m.token);
        if m.style == MarkerStyle::BareNumber && !in_sequence {
            return false;
        }
        if (m.style == MarkerStyle::DottedLetters || m.joined) && !in_sequence && !starts {
            return false;
        }
        // a footnote's own list, run together as a PDF's notes are ("… one of
        // the following uses: (a)protecting plants …"), stays in the note
        if m.joined
            && self
                .stack
                .last()
                .is_some_and(|o| o.node.kind == Kind::Footnote)
        {
            return false;
        }
        if !in_sequence && !starts && !self.after_blank && ends_unfinished(self.prev_line) {
            return false;
        }
        if self.mode == Mode::Document
            && !self.stack.iter().any(|o| o.rank <= rank_of(Kind::Article))
        {
            // paragraphs outside any article or division: keep them as text of
            // the preamble/final clause unless something encloses them
            if self.stack.is_empty() {
                return false;
            }
        }
        // numbered paragraphs are paragraphs when they are the outermost list
        let outermost = self.stack.iter().find_map(|o| o.family);
        let kind = if family == Family::Number && outermost.is_none_or(|f| f == Family::Number) {
            Kind::Paragraph
        } else {
            Kind::Subparagraph
        };
        let token = m.token.clone();
        self.open(
            Provision::new(kind, Some(token), 0, offset..offset),
            offset,
            Some(family),
        );
        true
    }

    fn family_for(&self, m: &Marker) -> Option<Family> {
        match m.style {
            MarkerStyle::Number | MarkerStyle::BareNumber => Some(Family::Number),
            MarkerStyle::Letters | MarkerStyle::DottedLetters => {
                let t = m.token.as_str();
                if t.chars().all(|c| c.is_ascii_uppercase()) {
                    return Some(Family::Upper);
                }
                if !t.chars().all(|c| c.is_ascii_lowercase()) {
                    return None;
                }
                let roman_like = t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
                let last_lower = self.last_token(Family::Lower);
                let follows_letter = last_lower
                    .as_deref()
                    .is_some_and(|l| next_letter(l).as_deref() == Some(t));
                // "(i)" after "(h)" is a letter; otherwise roman-looking tokens are roman
                let roman_context = self.last_token(Family::Roman).is_some()
                    || t == "i"
                    || t.len() > 1
                    || last_lower.is_some();
                if roman_like && !follows_letter && roman_context {
                    return Some(Family::Roman);
                }
                if t.len() == 2 && !roman_like {
                    let a: Vec<char> = t.chars().collect();
                    if a[0] == a[1] && !follows_letter {
                        return Some(Family::Double);
                    }
                    if !follows_letter {
                        return None;
                    }
                }
                Some(Family::Lower)
            }
        }
    }

    fn last_token(&self, family: Family) -> Option<String> {
        self.stack
            .iter()
            .rev()
            .find(|o| o.family == Some(family))
            .and_then(|o| o.node.number.clone())
    }

    fn continues(&self, family: Family, token: &str) -> bool {
        let Some(last) = self.last_token(family) else {
            return false;
        };
        match family {
            Family::Number => last.parse::<u32>().ok().map(|n| n + 1) == token.parse().ok(),
            Family::Roman => roman_value(&last).map(|n| n + 1) == roman_value(token),
            _ => next_letter(&last).as_deref() == Some(token),
        }
    }
}

fn is_first(family: Family, token: &str) -> bool {
    matches!(
        (family, token),
        (Family::Number, "1")
            | (Family::Lower, "a")
            | (Family::Roman, "i")
            | (Family::Upper, "A")
            | (Family::Double, "aa")
    )
}

fn next_letter(s: &str) -> Option<String> {
    let mut chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == 'z' => Some("aa".into()),
        [c] if *c == 'Z' => Some("AA".into()),
        [c] => Some(char::from(*c as u8 + 1).to_string()),
        [a, b] if a == b && *a != 'z' => {
            let n = char::from(*a as u8 + 1);
            chars = vec![n, n];
            Some(chars.into_iter().collect())
        }
        _ => None,
    }
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0i32;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    u32::try_from(total).ok()
}

/// Running text that stops mid-sentence: the next line continues it.
fn ends_unfinished(line: &str) -> bool {
    let t = line.trim_end();
    match t.chars().last() {
        None => false,
        Some(c) => c.is_lowercase() || matches!(c, ',' | '(' | '-' | '–' | '/' | '&'),
    }
}

/// Words after an annex's number that say where the agreement cites it
/// ("Referred to in Article 23", "Referido en el Artículo 8", "Visée à
/// l'article 5"), not what it is about.
fn is_citing_phrase(inline: &str) -> bool {
    const PHRASES: &[&str] = &[
        "referred to in",
        "as referred to in",
        "referido en",
        "referida en",
        "a que se refiere",
        "mencionado en",
        "mencionada en",
        "visé à",
        "visée à",
        "vise a",
        "visee a",
        "mentionné à",
        "mentionnée à",
    ];
    let lower = inline.trim().to_lowercase();
    PHRASES.iter().any(|p| lower.starts_with(p))
}

/// An inline "title" that is really the article's first sentence: a long one
/// ending as a sentence ends, or over 120 characters with a verb of a
/// sentence (`runin::SENTENCE_VERBS`) or a full stop inside. A long title
/// without them stays one ("Relationship with the UNESCO Convention on the
/// Protection and Promotion of the Diversity of Cultural Expressions adopted
/// in Paris on 20 October 2005": 25 words).
fn looks_like_sentence(t: &str) -> bool {
    let words = t.split_whitespace().count();
    if t.ends_with(['.', ';', ':']) {
        return words > 14 || t.chars().count() > 120;
    }
    t.chars().count() > 120
        && (words > 40
            || t.contains(". ")
            || t.split_whitespace()
                .any(|w| super::runin::SENTENCE_VERBS.contains(&w.to_lowercase().as_str())))
}

/// A heading's title on the line(s) below it: "ARTICLE 1\n\nObjectives\n\n".
/// Returns the title and the index of the first line after it (of the title's
/// own line when the article's text goes on there).
fn title_below(lines: &[(usize, &str)], i: usize, kind: Kind) -> Option<(String, usize)> {
    let mut j = i + 1;
    let mut blanks = 0;
    while j < lines.len() && lines[j].1.trim().is_empty() {
        j += 1;
        blanks += 1;
    }
    if blanks > 1 || j >= lines.len() {
        return None;
    }
    let first = lines[j].1.trim();
    if !matches!(classify(first), Line::Body) {
        return None;
    }
    // a title and its article's first paragraph on one line, as some PDFs
    // print them ("Governing Law 1. Subject to paragraph 3, …"): the title is
    // the words before the paragraph's number, and the line stays the body's
    if let Some(at) = paragraph_inside(first) {
        let title = first[..at].trim_end();
        return (is_title_like(title) && title.split_whitespace().count() <= 8)
            .then(|| (title.to_string(), j));
    }
    // a title in title case wrapped onto the next line: "Non-Application of
    // Chapter 17 (Consultations and" / "Dispute Settlement)"
    let wrapped = (!is_title_like(first)
        && is_title_case(first)
        && ends_unfinished_word(first)
        && is_title_like(&format!("{first} …")))
    .then(|| title_continued(lines, j, first))
    .flatten();
    // capital-letter chapter titles wrap, over as many lines as they need:
    // "TRADE IN SERVICES, ESTABLISHMENT AND\nELECTRONIC COMMERCE",
    // "TRANSPARENCY,\nCOOPERATION, AND\nDEVELOPMENT"
    let capitals = kind != Kind::Article && is_upper(first);
    let upper_below = |at: usize| {
        lines.get(at).is_some_and(|l| {
            let more = l.1.trim();
            !more.is_empty() && is_upper(more) && matches!(classify(more), Line::Body)
        })
    };
    let wraps_in_capitals = capitals
        && (ends_unfinished_word(first) || first.ends_with([',', '-', '–', '&']))
        && upper_below(j + 1);
    if wrapped.is_none() && !is_title_like(first) && !wraps_in_capitals {
        return None;
    }
    let from_capitals = wrapped.is_none() && !is_title_like(first);
    let (mut title, mut next) = wrapped.unwrap_or_else(|| (first.to_string(), j + 1));
    if capitals {
        while upper_below(next) {
            title.push(' ');
            title.push_str(lines[next].1.trim());
            next += 1;
        }
    }
    // a title taken for its capitals alone ends as titles end
    if from_capitals && (ends_unfinished_word(&title) || title.ends_with([',', '-', '–', '&'])) {
        return None;
    }
    let after = lines.get(next).map_or("", |l| l.1.trim());
    let after_ok = after.is_empty()
        || !matches!(classify(after), Line::Body)
        || after.chars().next().is_some_and(|c| !c.is_lowercase()) && title.chars().count() <= 80;
    after_ok.then_some((title, next))
}

/// A title written after its heading on one line that wraps onto the next
/// ("Article 11.12: Protection of Broadcasting Organisations and" /
/// "Encrypted Program-Carrying Satellite Signals"), as government PDFs print
/// long titles. The next line continues the title when it is short and ends
/// no sentence, and either the title stops on a word that cannot end one
/// ("and", "of", "de") or the next line is in title case and a blank line
/// follows it. Returns the whole title and the index of the line after it.
fn title_continued(lines: &[(usize, &str)], i: usize, inline: &str) -> Option<(String, usize)> {
    let more = without_note_mark(lines.get(i + 1)?.1.trim());
    let after_blank = lines.get(i + 2).is_none_or(|l| l.1.trim().is_empty());
    let short = !more.is_empty()
        && more.chars().count() <= 100
        && more.split_whitespace().count() <= 12
        && !more.ends_with(['.', ';', ':', ','])
        && matches!(classify(more), Line::Body);
    let starts_upper = more.chars().next().is_some_and(char::is_uppercase);
    // a title in capitals goes on in capitals ("ESSENTIAL OILS AND" over a
    // table cell "CTH or" is a heading cut by the table, not a wrapped title)
    if is_upper(inline) && !is_upper(more) {
        return None;
    }
    let unfinished = ends_unfinished_word(inline) || inline.ends_with([',', '-', '–', '&']);
    let continues = short
        && if unfinished {
            starts_upper || after_blank
        } else {
            after_blank && is_title_case(more)
        };
    continues.then(|| (format!("{inline} {more}"), i + 2))
}

/// Every word of four letters or more starts with a capital: a title line
/// ("Economic Partnership as a Free Trade Area"), not running text.
pub(super) fn is_title_case(s: &str) -> bool {
    let mut long_words = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .peekable();
    long_words.peek().is_some()
        && long_words.all(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        })
}

/// Lines a treaty database prints under every heading, a status note
/// ("Wordt voorlopig toegepast per 01-01-1948", "provisionally applied from
/// …"): a line of three words or more, not in title case ("Certificate of
/// Origin" recurs in a text as the name of a form), that stands alone at least
/// `STAMP_TIMES` times, at least twice right after a line that is no
/// heading (under an article's title, not only under headings). A title
/// that recurs ("Definitions" under "Article 1.1", "Article 8.1") follows
/// headings only.
fn stamps<'a>(lines: &[(usize, &'a str)]) -> HashSet<&'a str> {
    let mut seen: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    let mut before: Option<&str> = None;
    for &(_, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.split_whitespace().nth(2).is_some() && !is_title_case(line) {
            let after_text = before.is_some_and(|b| b != line && matches!(classify(b), Line::Body));
            let counts = seen.entry(line).or_default();
            counts.0 += 1;
            counts.1 += usize::from(after_text);
        }
        before = Some(line);
    }
    seen.into_iter()
        .filter(|&(_, (times, after_text))| times >= STAMP_TIMES && after_text >= 2)
        .map(|(line, _)| line)
        .collect()
}

/// How often a status note recurs, at the fewest (see `stamps`).
const STAMP_TIMES: usize = 3;

/// A title without the footnote marks printed after it ("Scope³",
/// "Most-Favoured-Nation Treatment¹⁸,").
fn without_note_mark(title: &str) -> &str {
    const MARKS: [char; 10] = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'];
    let trimmed =
        title.trim_end_matches(|c: char| MARKS.contains(&c) || c == ',' || c.is_whitespace());
    if title[trimmed.len()..].contains(MARKS) {
        trimmed
    } else {
        title
    }
}

/// A line that can be a title: short, capitalised, ending no sentence or
/// clause, and holding no numbered paragraph ("Verification 1. An importing
/// Party may …", a title and its article's first words on one line).
pub fn is_title_like(s: &str) -> bool {
    let n = s.chars().count();
    n > 0
        && n <= 120
        && s.split_whitespace().count() <= 15
        && !s.ends_with(['.', ';', ',', ':'])
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '«'))
        && !ends_unfinished_word(s)
        && paragraph_inside(s).is_none()
}

/// Where a paragraph number opening a sentence stands after the first word
/// of `s` (the byte offset of "1." in "Governing Law 1. Subject to …").
fn paragraph_inside(s: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    words.windows(2).skip(1).find_map(|w| {
        let number = w[0].1.strip_suffix('.').unwrap_or("");
        ((1..=3).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
            && w[1].1.chars().next().is_some_and(char::is_uppercase))
        .then_some(w[0].0)
    })
}

/// Titles do not end on "the", "of", "and": those are wrapped sentences.
pub fn ends_unfinished_word(s: &str) -> bool {
    let last = s
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "the"
            | "of"
            | "and"
            | "or"
            | "to"
            | "in"
            | "a"
            | "an"
            | "for"
            | "by"
            | "with"
            | "under"
            | "from"
            | "on"
            | "at"
            | "than"
            | "this"
            | "that"
            | "these"
            | "its"
            | "their"
            | "con"
            | "por"
            | "del"
            | "al"
            | "par"
            | "au"
            | "aux"
            | "sous"
            | "de"
            | "la"
            | "el"
            | "los"
            | "las"
            | "y"
            | "o"
            | "et"
            | "le"
            | "les"
            | "du"
            | "des"
            | "en"
            | "que"
    )
}

/// The number of the agreement's last chapter, not counting chapters inside
/// annexes (tariff schedules number their own chapters).
fn last_chapter(nodes: &[Provision]) -> Option<&str> {
    nodes.iter().rev().find_map(|n| {
        if n.kind.is_instrument() {
            None
        } else if n.kind == Kind::Chapter {
            n.number.as_deref()
        } else {
            last_chapter(&n.children)
        }
    })
}

fn last_chapter_open(stack: &[Open]) -> Option<&str> {
    stack.iter().rev().find_map(|o| {
        (o.node.kind == Kind::Chapter)
            .then_some(o.node.number.as_deref())
            .flatten()
            .or_else(|| last_chapter(&o.node.children))
    })
}

fn number_value(n: &str) -> Option<u32> {
    n.parse()
        .ok()
        .or_else(|| roman_value(n).filter(|_| n.len() <= 7))
}

/// "CHAPTER 17", "ARTICLE 5": running text writes cross-references in lower case.
fn upper_keyword(line: &str) -> bool {
    let word = line.split_whitespace().next().unwrap_or("");
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && is_upper(word)
}

/// Whether `next` follows `open` as numbered provisions do: the same
/// prefix and a last part one higher ("9-03" → "9-04", "5.2" → "5.3",
/// "7" → "8").
fn is_next_number(open: &str, next: &str) -> bool {
    let split = |n: &str| {
        let digits = n.len() - n.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (prefix, last) = n.split_at(n.len() - digits);
        Some((prefix.to_string(), last.parse::<u64>().ok()?))
    };
    match (split(open), split(next)) {
        (Some((p, a)), Some((q, b))) => p == q && b == a + 1,
        _ => false,
    }
}

fn comparable_number(n: &str) -> String {
    number_value(n).map_or_else(|| n.to_lowercase(), |v| v.to_string())
}

/// A line of running prose: contents entries are titles, never sentences.
fn is_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.split_whitespace().count() >= 10 && t.ends_with(['.', ';'])
}

fn is_toc_title(line: &str) -> bool {
    let t = line.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "table of contents"
            | "contents"
            | "table des matières"
            | "sommaire"
            | "índice"
            | "indice"
            | "tabla de contenido"
            | "tabla de contenidos"
            | "contenido"
    )
}

fn is_upper(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::provision::{Kind, SourceFormat};
    use crate::text::Anchor;
    use crate::text::LocatedText;

    /// A heading's title over 120 characters stays its title when it reads
    /// as one (no verb, no full stop); a first sentence run into the heading's
    /// line does not.
    #[test]
    fn a_long_title_is_a_title_and_a_run_in_sentence_is_not() {
        let title = "Relationship with the UNESCO Convention on the Protection and Promotion \
            of the Diversity of Cultural Expressions adopted in Paris on 20 October 2005";
        let sentence = "Each Party shall accord to the cultural goods of the other Party \
            treatment no less favourable than that it accords to its own like goods";
        let text = format!(
            "Article 1: {title}\n\nThe Parties reaffirm their commitments.\n\n\
             Article 2: {sentence}\n\nArticle 3: Entry into Force\n\nThis Agreement enters into force.\n"
        );
        let text = LocatedText::plain(text);
        let roots = super::build(&text, 0..text.text.len(), super::Mode::Document);
        let titles: Vec<Option<String>> = roots
            .iter()
            .flat_map(|p| p.walk())
            .filter(|p| p.kind == Kind::Article)
            .map(|p| p.title.clone())
            .collect();
        assert_eq!(
            titles,
            [
                Some(title.to_string()),
                None,
                Some("Entry into Force".to_string())
            ]
        );
    }

    /// A treaty database's status note under every heading is no title; a
    /// title that recurs under article headings stays one.
    #[test]
    fn a_status_note_under_every_heading_is_no_title() {
        let mut text = String::new();
        for (part, article) in [("I", "1"), ("II", "2"), ("III", "3")] {
            text.push_str(&format!(
                "PART {part}\n\nProvisionally applied as from 01-01-1948\n\nArticle {article}\n\n\
                 Definitions\n\nProvisionally applied as from 01-01-1948\n\n\
                 1. The contracting parties shall accord the treatment set out here.\n\n"
            ));
        }
        let text = LocatedText::plain(text);
        let roots = super::build(&text, 0..text.text.len(), super::Mode::Document);
        let titles: Vec<(Kind, Option<String>)> = roots
            .iter()
            .flat_map(|p| p.walk())
            .filter(|p| matches!(p.kind, Kind::Part | Kind::Article))
            .map(|p| (p.kind, p.title.clone()))
            .collect();
        let parts: Vec<&Option<String>> = titles
            .iter()
            .filter(|t| t.0 == Kind::Part)
            .map(|t| &t.1)
            .collect();
        let articles: Vec<&Option<String>> = titles
            .iter()
            .filter(|t| t.0 == Kind::Article)
            .map(|t| &t.1)
            .collect();
        assert_eq!(parts, [&None, &None, &None], "{titles:?}");
        assert!(
            articles.iter().all(|t| t.as_deref() == Some("Definitions")),
            "{titles:?}"
        );
    }

    /// A footnote number glued to a title's last word goes when the
    /// footnote follows; a number that is part of a word stays.
    #[test]
    fn a_footnote_number_glued_to_a_title_goes() {
        let text = "CHAPTER 8\nSERVICES\n\nSECTION IV POSTAL SERVICES54\n\nArticle 8.1\nScope\n\n\
                    This Section applies to postal services.\n54 This section applies to both CPC 7511 \
                    and CPC 7512\n\nSECTION V G20 MATTERS\n\nArticle 8.2\nCooperation in the G20\n\n\
                    The Parties shall cooperate.\n";
        let text = LocatedText::plain(text.into());
        let roots = super::build(&text, 0..text.text.len(), super::Mode::Document);
        let titles: Vec<String> = roots
            .iter()
            .flat_map(|p| p.walk())
            .filter_map(|p| p.title.clone())
            .collect();
        assert!(
            titles.contains(&"POSTAL SERVICES".to_string()),
            "{titles:?}"
        );
        assert!(
            titles.contains(&"Cooperation in the G20".to_string()),
            "{titles:?}"
        );
    }

    /// The EU's Titles sit between parts and chapters ("PART TWO › TITLE I ›
    /// CHAPTER 1"), and a Title closes the chapters of the one before.
    #[test]
    fn titles_sit_between_parts_and_chapters() {
        let text = "PART TWO\nTRADE\n\nTITLE I\nTRADE IN GOODS\n\nCHAPTER 1\nGENERAL\n\nArticle 1\nScope\n\nThis Title applies to trade in goods.\n\nTITLE II\nSERVICES\n\nArticle 2\nScope\n\nThis Title shall not apply to audiovisual services.\n";
        let text = LocatedText::plain(text.into());
        let roots = super::build(&text, 0..text.text.len(), super::Mode::Document);
        let part = roots.iter().find(|p| p.kind == Kind::Part).expect("part");
        let titles: Vec<(Option<&str>, Vec<Kind>)> = part
            .children
            .iter()
            .map(|t| {
                (
                    t.number.as_deref(),
                    t.children.iter().map(|c| c.kind).collect(),
                )
            })
            .collect();
        assert_eq!(
            titles,
            [
                (Some("I"), vec![Kind::Chapter]),
                (Some("II"), vec![Kind::Article])
            ]
        );
        assert!(part.children.iter().all(|t| t.kind == Kind::Title));
    }

    #[test]
    fn text_after_a_page_break_leaves_the_footnote() {
        let page1 = "Article 1\n1. The Parties shall ensure[1] that the measures\n[1] For greater certainty, this covers audiovisual services.\n";
        let page2 = "are notified to the Committee.\n2. Each Party shall publish them.\n";
        let text = LocatedText::with_anchors(
            format!("{page1}{page2}"),
            vec![
                Anchor {
                    offset: 0,
                    line: 1,
                    page: Some(1),
                },
                Anchor {
                    offset: page1.len(),
                    line: 4,
                    page: Some(2),
                },
            ],
        );
        let roots = super::build(&text, 0..text.text.len(), super::Mode::Document);
        let article = roots
            .iter()
            .find(|p| p.kind == Kind::Article)
            .expect("article");
        let p1 = &article.children[0];
        let note = p1
            .walk()
            .find(|p| p.kind == Kind::Footnote)
            .expect("footnote");
        assert_eq!(
            note.text,
            "[1] For greater certainty, this covers audiovisual services."
        );
        assert!(text.text[p1.span.clone()].contains("are notified to the Committee."));
        assert_eq!(article.children.len(), 2, "paragraph 2 still follows");
    }

    #[test]
    fn the_next_article_alone_on_its_line_is_a_heading_after_unfinished_text() {
        let articles = |text: &str| -> Vec<String> {
            let a = crate::structure::parse_text(
                "t".into(),
                SourceFormat::Text,
                LocatedText::plain(text.into()),
            );
            a.articles().filter_map(|p| p.number.clone()).collect()
        };
        // a Word paragraph that lost its full stop before the next heading
        let word = "Artículo 9-03\nTrato Nacional Cada Parte otorgará un trato no menos favorable.\n\
                    Ninguna Parte podrá requerir que un inversionista venda una inversión en el territorio de una Parte\n\
                    Artículo 9-04\nTrato de Nación Más Favorecida Cada Parte otorgará un trato.\n";
        assert_eq!(articles(word), ["9-03", "9-04"]);
        // a cross-reference that a line-wrap put first is none: it is not the
        // next number, or has words after it
        let wrapped = "Article 5\n1. The Parties shall act in accordance with\nArticle 12\nof this Agreement.\n\
                       2. The measures referred to in\nArticle 6 shall be notified.\n\
                       3. Disputes are settled under\nArticle 6.\n";
        assert_eq!(articles(wrapped), ["5"]);
        assert!(super::is_next_number("9-03", "9-04") && super::is_next_number("5.2", "5.3"));
        assert!(!super::is_next_number("5", "7") && !super::is_next_number("5.2", "6.3"));
    }

    fn numbers_under(text: &str, article: &str) -> Vec<(Kind, String, usize)> {
        let a = crate::structure::parse_text(
            "t".into(),
            SourceFormat::Text,
            LocatedText::plain(text.into()),
        );
        let art = a
            .articles()
            .find(|p| p.number.as_deref() == Some(article))
            .expect("article");
        art.walk()
            .skip(1)
            .map(|p| {
                (
                    p.kind,
                    p.number.clone().unwrap_or_default(),
                    p.path.matches('/').count(),
                )
            })
            .collect()
    }

    #[test]
    fn letter_i_after_h_is_a_sibling_and_roman_i_after_a_nests() {
        let text = "Article 1\n\n1. Lead:\n(a) one;\n(i) first roman;\n(ii) second;\n(b) two;\n(c) c\n(d) d\n(e) e\n(f) f\n(g) g\n(h) h;\n(i) letter i.\n";
        let got = numbers_under(text, "1");
        let depth = |n: &str| {
            got.iter()
                .filter(|g| g.1 == n)
                .map(|g| g.2)
                .collect::<Vec<_>>()
        };
        assert_eq!(depth("ii"), vec![3], "roman under (a): {got:?}");
        assert_eq!(
            depth("i"),
            vec![3, 2],
            "first (i) roman, last (i) a letter: {got:?}"
        );
    }

    #[test]
    fn a_number_without_its_dot_counts_only_in_sequence() {
        let text = "Article 2\n\n5. Five.\n6 Nothing in this Chapter applies.\n\n10 Downing Street is an address.\n";
        let got = numbers_under(text, "2");
        let numbers: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(numbers, ["5", "6"]);
    }

    #[test]
    fn a_lettered_list_with_dots_is_subparagraphs_in_sequence_only() {
        // a word processor's "a." / "b." list (LibreOffice's default), its
        // roman items ("i.", "ii.") one level in; "v. Smith" at the start of
        // a line, out of sequence, is text
        let text = "Article 2\n\n1. For the purposes of this Chapter:\na. digital product means a programme;\n\
            i. a text; or\nii. a sound recording;\nb. electronic transmission means a transmission.\n\n\
            2. As held in Party\nv. Smith, the Parties agree.\n";
        let got = numbers_under(text, "2");
        let numbers: Vec<(&str, usize)> = got.iter().map(|g| (g.1.as_str(), g.2)).collect();
        assert_eq!(
            numbers,
            [("1", 1), ("a", 2), ("i", 3), ("ii", 3), ("b", 2), ("2", 1)]
        );
        assert!(got
            .iter()
            .skip(1)
            .take(4)
            .all(|g| g.0 == Kind::Subparagraph));
    }

    #[test]
    fn a_list_label_run_into_its_text_is_a_subparagraph_in_sequence_only() {
        // "(a)digital": a list label printed with no space before its text
        // (LibreOffice's PDF of a "(a)" list); "(s)he" out of sequence is text
        let text = "Article 2\n\nFor the purposes of this Chapter:\n(a)digital product means a programme;\n\
            (b)electronic transmission means a transmission.\n\n(s)he is the national of a Party.\n";
        let got = numbers_under(text, "2");
        let numbers: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(numbers, ["a", "b"]);
        // a note's own list run together, as a PDF's notes print it, stays in the note
        let text = "Article 3\n\nEach Party shall act.[1]\n\n[1] For the following uses:\n\
            (a)protecting plants;(b)influencing growth.\n";
        let got = numbers_under(text, "3");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Kind::Footnote);
    }

    #[test]
    fn repeated_heading_at_the_start_of_an_article_is_the_same_article() {
        let text = "Article 3: Scope\nArticle 3\nThe Agreement applies.\n";
        let a = crate::structure::parse_text(
            "t".into(),
            SourceFormat::Text,
            LocatedText::plain(text.into()),
        );
        assert_eq!(a.articles().count(), 1);
    }
}

#[cfg(test)]
mod wrapped_titles {
    use crate::provision::{Kind, SourceFormat};

    fn parse(text: &str) -> crate::provision::Agreement {
        crate::structure::parse_text(
            "t.txt".into(),
            SourceFormat::Text,
            crate::text::LocatedText::plain(text.to_string()),
        )
    }

    /// The title and first body words of each article of `text`.
    fn articles(text: &str) -> Vec<(String, String)> {
        let a = parse(text);
        a.walk()
            .filter(|p| p.kind == Kind::Article)
            .map(|p| {
                let body = a.text.text[p.heading.end..p.span.end].trim();
                let first = body
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                (p.title.clone().unwrap_or_default(), first)
            })
            .collect()
    }

    #[test]
    fn a_cross_reference_that_opens_a_line_is_no_article() {
        // "Article III:2 of GATT" and "Article 16.9:" end a sentence's line;
        // the separator after the number is no title's
        let text = "Article 1.4: Definitions\n\ncustoms duty does not include any:\n\n(a) charge equivalent to an internal tax imposed consistently with\nArticle III:2 of GATT 1994, or any equivalent provision;\n\nArticle 16.9: Enforcement\n\n22. Each Party shall provide, consistent with the framework set forth in\nArticle 16.9:\n\n(a) legal incentives for service providers;\n\nArticle 16.10: Transitional Provisions\n\nThis Chapter applies.\n";
        assert_eq!(
            articles(text),
            [
                ("Definitions".into(), "customs duty does".into()),
                ("Enforcement".into(), "22. Each Party".into()),
                (
                    "Transitional Provisions".into(),
                    "This Chapter applies.".into()
                ),
            ]
        );
    }

    #[test]
    fn a_title_run_into_its_first_paragraph_is_the_words_before_the_number() {
        // a PDF line holding the title and paragraph 1; the footnote mark
        // after "this Article." made "Article.3" look like a heading
        let text = "Article 4.6\n\nVerification 1. An importing Party may conduct a verification as described in this\nArticle.3\n\n2. Audiovisual services are excluded from this Chapter.\n\nArticle 4.7\n\nFinal Provisions\n\nThis Agreement enters into force.\n";
        assert_eq!(
            articles(text),
            [
                ("Verification".into(), "Verification 1. An".into()),
                ("Final Provisions".into(), "This Agreement enters".into()),
            ]
        );
    }

    #[test]
    fn a_title_that_wraps_onto_the_next_line_is_one_title() {
        let text = "Article 11.12: Protection of Broadcasting Organisations and\nEncrypted Program-Carrying Satellite Signals\n\n1. Each Party shall protect.\n\nArticle 1.1: Establishment of the Regional Comprehensive\nEconomic Partnership as a Free Trade Area\n\nThe Parties hereby establish a free trade area.\n";
        assert_eq!(
            articles(text),
            [
                (
                    "Protection of Broadcasting Organisations and Encrypted Program-Carrying Satellite Signals".to_string(),
                    "1. Each Party".to_string()
                ),
                (
                    "Establishment of the Regional Comprehensive Economic Partnership as a Free Trade Area".to_string(),
                    "The Parties hereby".to_string()
                ),
            ]
        );
    }

    #[test]
    fn an_annex_cited_after_its_number_takes_its_title_from_the_line_below() {
        for (text, title) in [
            ("Annex J - Referred to in Article 23\n\nCultural Industries\n\n1. Nothing in this Agreement applies.\n", "Cultural Industries"),
            ("Anexo 8 - Referido en el Artículo 12\n\nIndustrias Culturales\n\n1. Nada se aplica.\n", "Industrias Culturales"),
            // no title line below: the words after the number stay
            ("Annex K - Referred to in Article 24\n\n1. Each Party shall notify the other Party.\n", "Referred to in Article 24"),
        ] {
            let a = parse(text);
            let annex = a.walk().find(|p| p.kind == Kind::Annex).unwrap();
            assert_eq!(annex.title.as_deref(), Some(title), "{text}");
        }
    }

    #[test]
    fn trailing_dot_leaders_and_a_printed_page_number_leave_the_title() {
        // a heading trailing dots with no page number is a heading, not a
        // contents entry; "- 3 -" is the page number printed beside it
        let text = "Article 27: Dispute Settlement\n\nDisputes are settled.\n\nArticle 28: Committee on Electronic Commerce................\n\nA Committee is established.\n\nArticle 29: Security Exception - 3 -\n\nNothing in this Agreement.\n";
        let titles: Vec<String> = articles(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            titles,
            [
                "Dispute Settlement",
                "Committee on Electronic Commerce",
                "Security Exception"
            ]
        );
        // a contents entry, leaders then its page, is still no heading
        let toc = "Article 1: Scope ........ 3\nArticle 2: Definitions ........ 4\n\nArticle 1: Scope\n\nThis Agreement applies.\n\nArticle 2: Definitions\n\nTerms.\n";
        assert_eq!(articles(toc).len(), 2, "{:?}", articles(toc));
    }

    #[test]
    fn a_title_below_its_heading_that_wraps_is_one_title() {
        // AANZFTA, Chapter 10, Article 10: the title's first line ends on "and"
        let text = "Article 10\nNon-Application of Chapter 17 (Consultations and\nDispute Settlement)\n\nChapter 17 shall not apply to any matter arising under this Chapter.\n\nArticle 11\nThe Parties shall co-operate in the development of\nmutual recognition of digital certificates.\n";
        assert_eq!(
            articles(text),
            [
                (
                    "Non-Application of Chapter 17 (Consultations and Dispute Settlement)"
                        .to_string(),
                    "Chapter 17 shall".to_string()
                ),
                // running text that ends a line on "of" is no title
                (String::new(), "The Parties shall".to_string()),
            ]
        );
    }

    #[test]
    fn a_title_in_capitals_wraps_over_three_lines() {
        let title = |text: &str| {
            let a = parse(text);
            let section = a
                .walk()
                .find(|p| p.kind == Kind::Section)
                .expect("a section");
            section.title.clone()
        };
        let text = "SECTION E\nTRANSPARENCY,\nCOOPERATION, AND\nDEVELOPMENT\n\nArticle 18: Transparency\n\n18.1 Each Party shall publish its measures.\n";
        assert_eq!(
            title(text).as_deref(),
            Some("TRANSPARENCY, COOPERATION, AND DEVELOPMENT")
        );
        // capitals that never finish a title are none
        let unfinished = "SECTION E\nTRANSPARENCY,\nCOOPERATION, AND\n\nArticle 18: Transparency\n\n18.1 Each Party shall publish its measures.\n";
        assert_eq!(title(unfinished), None);
    }

    #[test]
    fn running_text_after_a_title_stays_text() {
        // sentence case after a finished title, a line that ends a sentence,
        // a numbered paragraph: none of them continues the title
        let text = "Article 3: Definitions\nFor the purposes of this Chapter\n\nArticle 4: Scope\nThis Chapter applies to measures.\n\nArticle 5: National Treatment\n1. Each Party shall accord.\n";
        assert_eq!(
            articles(text),
            [
                ("Definitions".to_string(), "For the purposes".to_string()),
                ("Scope".to_string(), "This Chapter applies".to_string()),
                (
                    "National Treatment".to_string(),
                    "1. Each Party".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_footnote_mark_after_a_title_is_not_part_of_it() {
        let text = "Article 12.3: Scope³\n\n1. This Chapter shall apply.\n\nArticle 10.4: Most-Favoured-Nation Treatment¹⁸,\n\n1. Each Party shall accord.\n\nArticle 11\n\nCivil Remedies⁴⁷\n\n1. Each Party shall make available.\n";
        let titles: Vec<String> = articles(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            titles,
            ["Scope", "Most-Favoured-Nation Treatment", "Civil Remedies"]
        );
    }

    #[test]
    fn a_capital_title_cut_by_a_table_cell_is_not_joined_to_it() {
        let a = parse("CHAPTER 33: ESSENTIAL OILS AND\nCTH or\n\nArticle 1: Scope\n\nText.\n");
        let chapter = a.walk().find(|p| p.kind == Kind::Chapter).expect("chapter");
        assert_eq!(chapter.title.as_deref(), Some("ESSENTIAL OILS AND"));
    }
}

#[cfg(test)]
mod annex_schedules {
    use crate::provision::{Kind, SourceFormat};

    /// (number, kind of the enclosing instrument if any) of each article.
    fn articles(text: &str) -> Vec<(String, bool)> {
        let a = crate::structure::parse_text(
            "t.txt".into(),
            SourceFormat::Text,
            crate::text::LocatedText::plain(text.to_string()),
        );
        let mut out = Vec::new();
        for root in &a.provisions {
            let in_annex = root.kind == Kind::Annex;
            for p in root.walk().filter(|p| p.kind == Kind::Article) {
                out.push((p.number.clone().unwrap_or_default(), in_annex));
            }
        }
        out
    }

    const BODY: &str = "CHAPTER 4\nCUSTOMS\n\nArticle 4.9 Pre-arrival Processing\n\nEach Party shall adopt procedures.\n\nArticle 4.13 Authorised Operators\n\nEach Party shall provide measures.\n\n";

    #[test]
    fn rows_of_an_annex_schedule_that_name_body_articles_are_not_articles() {
        let text = format!("{BODY}ANNEX 4A\nPERIOD OF TIME TO IMPLEMENT THE COMMITMENTS\n\nCambodia\n\nArticle 4.9    Pre-arrival Processing          5 years\n\nArticle 4.13   Trade Facilitation Measures for    28 February\n               Authorised Operators                2022\n");
        assert_eq!(
            articles(&text),
            [("4.9".to_string(), false), ("4.13".to_string(), false)]
        );
        // a row right under the annex's heading, and one with a colon title
        let text = format!("{BODY}ANNEX 4A\nPERIOD OF TIME TO IMPLEMENT THE COMMITMENTS\nArticle 4.9    Pre-arrival Processing          5 years\nArticle 4.13: Authorised Operators   3 years\n");
        assert_eq!(
            articles(&text),
            [("4.9".to_string(), false), ("4.13".to_string(), false)]
        );
    }

    #[test]
    fn an_annex_keeps_articles_of_its_own() {
        // numbers the body does not use, or undotted ones, are the annex's own
        let text = format!("{BODY}ANNEX 4B\nPROCEDURES\n\nArticle 4B.1 Scope\n\nThis Annex applies to procedures.\n\nArticle 1 Definitions\n\nFor the purposes of this Annex: terms.\n");
        assert_eq!(
            articles(&text),
            [
                ("4.9".to_string(), false),
                ("4.13".to_string(), false),
                ("4B.1".to_string(), true),
                ("1".to_string(), true)
            ]
        );
    }
}

#[cfg(test)]
mod title_page {
    use crate::provision::{Kind, SourceFormat};

    /// The preamble's judged text: below its heading.
    fn preamble_text(text: &str) -> String {
        let a = crate::structure::parse_text(
            "t.txt".into(),
            SourceFormat::Text,
            crate::text::LocatedText::plain(text.to_string()),
        );
        let p = a
            .provisions
            .iter()
            .find(|p| p.kind == Kind::Preamble)
            .expect("a preamble");
        a.text.text[p.heading.end..p.span.end].trim().to_string()
    }

    #[test]
    fn the_title_page_and_the_preamble_heading_are_the_preambles_heading() {
        let text = "ACUERDO ENTRE LA REPÚBLICA DE COSTALINA\nY LA REPÚBLICA DE MONTEVERA\n\nPREÁMBULO\n\nLas Partes, RECONOCIENDO la doble naturaleza;\n\nArtículo 1\n\nTexto.\n";
        assert_eq!(
            preamble_text(text),
            "Las Partes, RECONOCIENDO la doble naturaleza;"
        );
    }

    #[test]
    fn long_text_before_a_preamble_heading_stays_in_the_preamble() {
        let cover = "This note explains the state of the negotiation in some detail. ".repeat(12);
        let text = format!("{cover}\n\nPREAMBLE\n\nThe Parties,\n\nArticle 1\n\nText.\n");
        assert!(preamble_text(&text).starts_with("This note explains"));
    }
}
