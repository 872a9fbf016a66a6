//! Web pages (official journals, ministry sites, saved pages): parsed with an
//! HTML5 parser (html5ever, through scraper) and turned into lines. Block
//! elements end lines; headings (`h1`–`h6`, and the class names official
//! journals give article and section titles: `ti-art`, `sti-art`,
//! `ti-section-1`, …) stand on lines of their own with a blank line before;
//! site furniture (navigation, page header and footer, menus, cookie banners,
//! scripts, forms) is not agreement text. Each line points back, approximately,
//! to the line of the HTML source its first words are on.

use super::{SourceError, Superscript};
use crate::text::{Anchor, LocatedText};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};
use std::path::Path;

/// Whether bytes are an HTML page: a doctype or `<html>` near the start, or a
/// document that opens with a tag and holds the tags of a page (`<body>`,
/// `<p>`, `<div>`, headings, `<br>`, tables).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let trimmed = {
        let b = lower.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&lower);
        let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
        &b[n..]
    };
    let has = |needle: &[u8]| memchr::memmem::find(trimmed, needle).is_some();
    if trimmed.starts_with(b"<!doctype html") || trimmed.starts_with(b"<html") {
        return true;
    }
    if trimmed.starts_with(b"<?xml") {
        return has(b"<html");
    }
    if !trimmed.starts_with(b"<") {
        return false;
    }
    [
        "<body", "<p>", "<p ", "<div", "<h1", "<h2", "<h3", "<br", "<table", "<head",
    ]
    .iter()
    .any(|t| has(t.as_bytes()))
}

pub fn read(path: &Path, bytes: &[u8]) -> Result<LocatedText, SourceError> {
    let source = super::plain::decode_text(bytes).map_err(|detail| SourceError::Binary {
        path: path.into(),
        detail,
    })?;
    let lines = to_lines(&source);
    if lines.iter().all(|l| l.heading || l.text.is_empty()) {
        return Err(SourceError::NoBodyText {
            path: path.into(),
            format: "HTML page",
            what: if lines.iter().any(|l| !l.text.is_empty()) {
                "headings"
            } else {
                "markup"
            },
        });
    }
    Ok(locate(&source, lines))
}

/// One line of output: its text, and whether it is a heading.
#[derive(Debug)]
struct Line {
    text: String,
    heading: bool,
    /// Ended by `<br>` rather than by the end of a block: may be re-flowed.
    soft: bool,
    /// A note written after the block citing it, out of the page's order.
    note: bool,
}

/// Elements whose content is never agreement text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "iframe", "svg", "head", "object", "menu", "dialog",
];

/// Elements that end a line (everything else is inline).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "center",
    "address",
    "figure",
    "figcaption",
    "caption",
    "body",
    "html",
    "hr",
    "fieldset",
    "details",
    "summary",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// id/class words that mark site furniture.
const FURNITURE: &[&str] = &[
    "menu",
    "nav",
    "navbar",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    // Spanish and French sites' words for a breadcrumb trail
    "migas",
    "miga",
    "ariane",
    "fil-ariane",
    "cookie",
    "cookies",
    "banner",
    "footer",
    "sidebar",
    "skip-link",
    "skiplink",
    "skip",
];

/// The elements whose `header` and `footer` are their own, not the page's.
const SECTIONING: &[&str] = &["main", "article", "section", "aside"];

/// Class names official journals use for titles (EUR-Lex: `ti-art`,
/// `sti-art`, `ti-section-1`, `ti-grseq-1`; others `title`, `heading`).
fn is_title_class(class: &str) -> bool {
    class.split_whitespace().any(|c| {
        let c = c.to_ascii_lowercase();
        c.starts_with("ti-")
            || c.starts_with("sti-")
            || c == "title"
            || c == "heading"
            || c.starts_with("article-title")
            || c.starts_with("doc-ti")
    })
}

/// Whether an element is site furniture. `by_name` also judges by id and
/// class words, which themes put on wrappers too (`one-sidebar` on a page's
/// main column): never on `body`, `main` or `article`. A `header` or `footer`
/// is the page's banner or footer only outside `main`, `article`, `section`
/// and `aside` (as HTML defines it): inside them it is the header of that
/// part ("Article 14.1: Customs Duties" in a `section`'s `header`).
fn is_furniture(el: &scraper::node::Element, by_name: bool, in_section: bool) -> bool {
    let name = el.name();
    if (name == "header" || name == "footer") && !in_section {
        return true;
    }
    if el.attr("role").is_some_and(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "navigation" | "banner" | "contentinfo" | "search" | "menu" | "menubar"
        )
    }) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v == "true") {
        return true;
    }
    if !by_name || matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let words = el
        .attr("id")
        .into_iter()
        .chain(el.attr("class"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '_'))
        .map(|w| w.to_ascii_lowercase());
    for w in words {
        // `site-footer`, `main-menu`, `cookie-banner`; not `menuitem-text` of a body
        if FURNITURE.contains(&w.as_str())
            || w.split('-')
                .any(|part| FURNITURE.contains(&part) && part != "skip")
            || w.starts_with("skip-")
        {
            return true;
        }
    }
    false
}

/// A page's footnotes and endnotes, told by their links: a reference
/// (`<a href="#fn1" id="fnref1">1</a>`) points at a note whose text links
/// back to it (`<li id="fn1">… <a href="#fnref1">↩</a></li>`), as word
/// processors (LibreOffice's `sdfootnote`), pandoc and official journals
/// write them. Pages put every note at their end; the walk writes each after
/// the block that cites it, so that it belongs to the article citing it.
/// The most nodes a note's element holds (a long note has a few hundred).
const MAX_NOTE_NODES: usize = 2000;

#[derive(Default)]
struct Notes {
    /// Reference link -> the note's element.
    cited: std::collections::HashMap<ego_tree::NodeId, ego_tree::NodeId>,
    /// Note element -> its line, `[label] text` (the back-link left out).
    text: std::collections::HashMap<ego_tree::NodeId, String>,
}

impl Notes {
    fn of(doc: &Html) -> Notes {
        use scraper::{ElementRef, Selector};
        let links = Selector::parse("a[href^='#']").expect("selector");
        let named = |e: &ElementRef| -> Vec<String> {
            e.value()
                .attr("id")
                .into_iter()
                .chain(e.value().attr("name"))
                .map(str::to_string)
                .collect()
        };
        // every element by its id or name
        let mut by_name: std::collections::HashMap<String, ElementRef> = Default::default();
        for e in doc
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            for n in named(&e) {
                by_name.entry(n).or_insert(e);
            }
        }
        let mut notes = Notes::default();
        // each note's element and label, and the links back from notes
        let mut labels: std::collections::HashMap<ego_tree::NodeId, (ElementRef, String)> =
            Default::default();
        let mut backs: std::collections::HashSet<ego_tree::NodeId> = Default::default();
        for reference in doc.select(&links) {
            let Some(target) = reference
                .value()
                .attr("href")
                .and_then(|h| h.strip_prefix('#'))
                .and_then(|t| by_name.get(t))
            else {
                continue;
            };
            // the note is the paragraph or list item the target is, or is in
            let Some(body) = std::iter::once(*target)
                .chain(target.ancestors().filter_map(ElementRef::wrap))
                .find(|e| matches!(e.value().name(), "li" | "p" | "div" | "dd" | "aside"))
            else {
                continue;
            };
            // a note is small; a link into a chapter's wrapper is no note's
            // (and looking through it for every table-of-contents link would
            // take time a hostile page could make quadratic)
            if body.descendants().nth(MAX_NOTE_NODES).is_some() {
                continue;
            }
            let names = named(&reference);
            let back = body.select(&links).find(|b| {
                b.value()
                    .attr("href")
                    .and_then(|h| h.strip_prefix('#'))
                    .is_some_and(|h| names.iter().any(|n| n == h))
            });
            let Some(back) = back else { continue };
            // a note comes after what cites it (its back-link, which points
            // the other way, is no reference); nodes are numbered in the
            // order the parser meets them
            if body.id() < reference.id()
                || body.ancestors().any(|a| a.id() == reference.id())
                || reference.ancestors().any(|a| a.id() == body.id())
            {
                continue;
            }
            let label: String = reference
                .text()
                .collect::<String>()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '*')
                .collect();
            if label.is_empty() {
                continue;
            }
            notes.cited.insert(reference.id(), body.id());
            labels.entry(body.id()).or_insert((body, label));
            backs.insert(back.id());
        }
        // each note's text without its back-links (one per citation) and
        // without its own label ("<sup>1</sup> For greater …")
        for (id, (body, label)) in labels {
            let mut text: Vec<&str> = body
                .descendants()
                .filter(|n| !n.ancestors().any(|a| backs.contains(&a.id())))
                .filter_map(|n| n.value().as_text().map(|t| &**t))
                .flat_map(str::split_whitespace)
                .collect();
            if text.first().is_some_and(|w| is_label(w, &label)) {
                text.remove(0);
            }
            if text.is_empty() {
                notes.cited.retain(|_, b| *b != id);
            } else {
                notes
                    .text
                    .insert(id, format!("[{label}] {}", text.join(" ")));
            }
        }
        let (elements, title) = elements_and_notes_title(doc);
        if let Some(title) = title {
            notes.end_notes(&elements, title);
            notes.notes_title(&elements, title);
        }
        notes
    }

    /// Notes at the end of a page under a title of their own ("Notes",
    /// "Notas", …) with no links: each block after the title opens with its
    /// number ("<sup>1</sup> For greater …", "1 For greater …", or is an item
    /// of a numbered list), the numbers run up, and each was printed as a
    /// superscript mark (`<sup>1</sup>`) before the title, in the same order
    /// (a note cited twice goes with its first mark). A block that opens with
    /// no higher number goes on with the note before it; notes linked to
    /// their marks may stand among them; a final clause ("Done at …") ends
    /// them. When a heading follows the title (it was a part's own notes), a
    /// numbered block has no mark, or text comes between the title and the
    /// first note, the notes stay where they are.
    fn end_notes(&mut self, elements: &[scraper::ElementRef], title: usize) {
        use crate::structure::{classify, Line};
        use scraper::ElementRef;
        let words = |e: &ElementRef| -> Vec<String> {
            e.text()
                .flat_map(str::split_whitespace)
                .map(str::to_string)
                .collect()
        };
        let is_block = |e: &ElementRef| matches!(e.value().name(), "p" | "li" | "div" | "dd");
        let in_ordered_list = |e: &ElementRef| {
            e.value().name() == "li"
                && e.parent()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|l| l.value().name() == "ol")
        };
        // the notes (element, label, value, words) and the blocks that go on
        // with one
        let mut notes: Vec<(ego_tree::NodeId, String, u32, Vec<String>)> = Vec::new();
        let mut taken: std::collections::HashSet<ego_tree::NodeId> = Default::default();
        let mut numbered_items = 0u32;
        for e in &elements[title + 1..] {
            if is_heading_element(e.value().name()) {
                return;
            }
            let inside_taken = e.ancestors().any(|a| taken.contains(&a.id()));
            let linked = std::iter::once(e.id())
                .chain(e.ancestors().map(|a| a.id()))
                .any(|id| self.text.contains_key(&id));
            // a note is a numbered list's item, or a block holding no block
            let note_like = in_ordered_list(e)
                || is_block(e)
                    && !e
                        .children()
                        .filter_map(ElementRef::wrap)
                        .any(|c| is_block(&c) || matches!(c.value().name(), "ol" | "ul" | "table"))
                    && !e
                        .ancestors()
                        .filter_map(ElementRef::wrap)
                        .any(|a| in_ordered_list(&a));
            if inside_taken || linked || !note_like {
                continue;
            }
            let mut text = words(e);
            if text.is_empty() {
                continue;
            }
            match classify(&text.join(" ")) {
                Line::FinalClause => break,
                Line::Heading(_) | Line::PreambleHeading => return,
                _ => {}
            }
            // the number it opens with, and its words after it
            let joined = text.join(" ");
            let opening = crate::text::notes::note_opening(&joined);
            let label = if in_ordered_list(e) {
                numbered_items += 1;
                let label = numbered_items.to_string();
                if let Some((_, rest)) = opening.filter(|(n, _)| *n == label) {
                    text = rest.split_whitespace().map(str::to_string).collect();
                }
                Some(label)
            } else if let Some((n, rest)) = opening {
                text = rest.split_whitespace().map(str::to_string).collect();
                Some(n)
            } else {
                None
            };
            let value = label.as_deref().and_then(|l| l.parse::<u32>().ok());
            match (label, value, notes.last_mut()) {
                (Some(label), Some(value), last)
                    if last.as_ref().is_none_or(|l| value > l.2) && !text.is_empty() =>
                {
                    notes.push((e.id(), label, value, text));
                }
                (_, _, Some(last)) => last.3.extend(words(e)),
                (_, _, None) => return,
            }
            taken.insert(e.id());
        }
        // each note's mark, in order, before the title
        let marks: Vec<(ego_tree::NodeId, String)> = elements[..title]
            .iter()
            .filter(|e| e.value().name() == "sup")
            .map(|e| (e.id(), e.text().collect::<String>().trim().to_string()))
            .collect();
        let mut from = 0;
        let mut cited = Vec::new();
        for (body, label, _, _) in &notes {
            let Some(k) = (from..marks.len()).find(|&k| &marks[k].1 == label) else {
                return;
            };
            from = k + 1;
            cited.push((marks[k].0, *body));
        }
        if notes.is_empty() {
            return;
        }
        self.cited.extend(cited);
        for id in taken {
            self.text.insert(id, String::new());
        }
        for (body, label, _, text) in notes {
            self.text
                .insert(body, format!("[{label}] {}", text.join(" ")));
        }
        self.text.insert(elements[title].id(), String::new());
    }

    /// The title over the page's notes goes when every block after it with
    /// text is a note written after the block citing it: left, it was read as
    /// the last line of the last annex.
    fn notes_title(&mut self, elements: &[scraper::ElementRef], title: usize) {
        if self.text.is_empty() {
            return;
        }
        // every text after the title is a note's
        let all_notes = elements[title + 1..]
            .iter()
            .filter(|e| {
                e.children()
                    .any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty()))
            })
            .all(|e| {
                self.text.contains_key(&e.id())
                    || e.ancestors().any(|a| self.text.contains_key(&a.id()))
            });
        if all_notes {
            self.text.insert(elements[title].id(), String::new());
        }
    }
}

/// The page's elements in document order, and which of them is the last
/// title over notes (an `h1`-`h6` reading "Notes", "Notas", …), if any.
fn elements_and_notes_title(doc: &Html) -> (Vec<scraper::ElementRef<'_>>, Option<usize>) {
    let elements: Vec<scraper::ElementRef> = doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .collect();
    let title = elements.iter().rposition(|e| {
        is_heading_element(e.value().name())
            && crate::text::notes::is_notes_heading(&e.text().collect::<String>())
    });
    (elements, title)
}

/// `h1` to `h6`.
fn is_heading_element(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether `word` is a note's own label printed at its start ("1", "1.", "[1]").
fn is_label(word: &str, label: &str) -> bool {
    word.trim_start_matches('[').trim_end_matches([']', '.']) == label
}

struct Walker {
    /// Whether id and class words mark furniture (see `is_furniture`).
    by_name: bool,
    /// The page's notes (see `Notes`).
    notes: Notes,
    /// Notes cited in the current block: written after it, as `[label] text`.
    pending: Vec<ego_tree::NodeId>,
    /// Notes written already: a note cited twice is written after its first
    /// citation only.
    written: std::collections::HashSet<ego_tree::NodeId>,
    lines: Vec<Line>,
    current: String,
    heading_depth: usize,
    pre_depth: usize,
    cell_depth: usize,
    cell_in_row: usize,
    /// The lists open, innermost last: an ordered list's next number and
    /// its `type` ("1", "a", "i"…), `None` for a bullet list.
    lists: Vec<Option<(i64, String)>>,
}

impl Walker {
    fn end_line(&mut self, soft: bool) {
        let text = self.current.trim().to_string();
        self.current.clear();
        if text.is_empty() {
            return;
        }
        self.lines.push(Line {
            text,
            heading: self.heading_depth > 0,
            soft,
            note: false,
        });
    }

    fn blank(&mut self) {
        self.end_line(false);
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.lines.push(Line {
                text: String::new(),
                heading: false,
                soft: false,
                note: false,
            });
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre_depth > 0 {
            let mut parts = t.split('\n');
            if let Some(first) = parts.next() {
                self.current.push_str(first);
            }
            for part in parts {
                self.end_line(false);
                self.current.push_str(part);
            }
            return;
        }
        // whitespace runs are one space, as a browser shows them
        let starts_space = t.starts_with(char::is_whitespace);
        let ends_space = t.ends_with(char::is_whitespace);
        let words: Vec<&str> = t.split_whitespace().collect();
        if starts_space && !self.current.is_empty() && !self.current.ends_with([' ', '\t']) {
            self.current.push(' ');
        }
        self.current.push_str(&words.join(" "));
        if ends_space && !words.is_empty() {
            self.current.push(' ');
        }
    }

    /// Walks the tree without recursion (pages nest elements thousands deep).
    fn walk(&mut self, root: NodeRef<Node>) {
        // per open element: (heading, block, inside a cell), or None when skipped
        let mut open: Vec<Option<(bool, bool, bool)>> = Vec::new();
        let mut skipping = 0usize;
        // how many `SECTIONING` elements are open (see `is_furniture`)
        let mut sections = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Text(t) if skipping == 0 => self.text(t),
                    Node::Element(el) => {
                        if let Some(&body) = self.notes.cited.get(&node.id()) {
                            if !self.pending.contains(&body) {
                                self.pending.push(body);
                            }
                        }
                        if skipping > 0
                            || self.notes.text.contains_key(&node.id())
                            || SKIPPED.contains(&el.name())
                            || is_furniture(el, self.by_name, sections > 0)
                            || (el.name() == "sup" && self.leaves_out(node))
                        {
                            skipping += 1;
                            open.push(None);
                        } else {
                            sections += usize::from(SECTIONING.contains(&el.name()));
                            open.push(Some(self.open(el)));
                            if el.name() == "li" {
                                self.list_marker(el, node);
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        match open.pop().flatten() {
                            Some(kind) => {
                                if SECTIONING.contains(&el.name()) {
                                    sections -= 1;
                                }
                                self.close(el.name(), kind)
                            }
                            None => skipping = skipping.saturating_sub(1),
                        }
                    }
                }
            }
        }
    }

    /// Whether a `<sup>` element is left out: a note mark anywhere, an
    /// editor's note in a heading (see `Superscript`).
    fn leaves_out(&self, sup: NodeRef<Node>) -> bool {
        let text: String = sup
            .descendants()
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        match Superscript::of(&text) {
            Superscript::NumberSuffix => false,
            Superscript::Mark => true,
            Superscript::Note => self.heading_depth > 0,
        }
    }

    /// Writes an ordered list item's number as the browser shows it and the
    /// structure reader knows it: "1." at the outer level, "(a)" one list
    /// in (or where the list says `type="a"`), "(i)" two in (or
    /// `type="i"`), as the Markdown reader does; nothing when the item's
    /// text already opens with its number ("1. The Parties …", "(a) …").
    fn list_marker(&mut self, el: &scraper::node::Element, node: NodeRef<Node>) {
        let depth = self.lists.iter().filter(|l| l.is_some()).count();
        let Some(Some((next, kind))) = self.lists.last_mut() else {
            return;
        };
        let value = el
            .attr("value")
            .and_then(|v| v.trim().parse::<i64>().ok())
            .unwrap_or(*next);
        *next = value + 1;
        let format = match kind.as_str() {
            "a" => Some("lowerLetter"),
            "A" => Some("upperLetter"),
            "i" => Some("lowerRoman"),
            "I" => Some("upperRoman"),
            _ => None,
        };
        let first: String = node
            .descendants()
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect::<String>()
            .chars()
            .skip_while(|c| c.is_whitespace())
            .take(8)
            .collect();
        // "1.", "a)", "iv.", "(a)" written in the item's own text
        let numbered = first.starts_with('(')
            || first.split_once(['.', ')']).is_some_and(|(w, _)| {
                (1..=4).contains(&w.len()) && w.chars().all(char::is_alphanumeric)
            });
        if numbered {
            return;
        }
        let marker = super::list_item_marker(value, depth, format);
        self.current.push_str(&marker);
    }

    fn open(&mut self, el: &scraper::node::Element) -> (bool, bool, bool) {
        let name = el.name();
        match name {
            "ol" => {
                let start = el
                    .attr("start")
                    .and_then(|v| v.trim().parse::<i64>().ok())
                    .unwrap_or(1);
                let kind = el.attr("type").unwrap_or("1").to_string();
                self.lists.push(Some((start, kind)));
            }
            "ul" => self.lists.push(None),
            _ => {}
        }
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            || el.attr("class").is_some_and(is_title_class);
        let block = BLOCKS.contains(&name);
        match name {
            "br" => self.end_line(true),
            "td" | "th" if self.cell_depth == 0 => {
                let cell = self.current.trim_end().len();
                self.current.truncate(cell);
                if self.cell_in_row > 0 {
                    self.current.push('\t');
                }
                self.cell_in_row += 1;
            }
            "tr" => self.cell_in_row = 0,
            _ => {}
        }
        let in_cell = self.cell_depth > 0;
        if matches!(name, "td" | "th") {
            self.cell_depth += 1;
        }
        if in_cell && (heading || block) {
            // a cell's paragraphs stay on the row's line
            self.text(" ");
        } else if heading {
            self.blank();
            self.heading_depth += 1;
        } else if block {
            self.end_line(false);
        }
        if name == "pre" {
            self.pre_depth += 1;
        }
        (heading, block, in_cell)
    }

    fn close(&mut self, name: &str, (heading, block, in_cell): (bool, bool, bool)) {
        if matches!(name, "ol" | "ul") {
            self.lists.pop();
        }
        if name == "pre" {
            self.pre_depth -= 1;
        }
        if matches!(name, "td" | "th") {
            self.cell_depth -= 1;
        }
        if in_cell && (heading || block) {
            self.text(" ");
        } else if heading {
            self.end_line(false);
            self.heading_depth -= 1;
            self.blank();
            self.cited_notes();
        } else if block {
            self.end_line(false);
            if matches!(name, "p" | "blockquote" | "table" | "ul" | "ol") {
                self.blank();
            }
            self.cited_notes();
        }
    }

    /// The notes cited since the last block, each a line `[label] text` and a
    /// blank line, where the structure reader takes them for the footnotes
    /// of the provision that cites them.
    fn cited_notes(&mut self) {
        if self.pending.is_empty() || self.heading_depth > 0 || !self.current.is_empty() {
            return;
        }
        for body in std::mem::take(&mut self.pending) {
            if !self.written.insert(body) {
                continue;
            }
            if let Some(text) = self.notes.text.get(&body) {
                self.lines.push(Line {
                    text: text.clone(),
                    heading: false,
                    soft: false,
                    note: true,
                });
                self.blank();
            }
        }
    }
}

/// The page as lines; when judging furniture by id and class words leaves no
/// body text (a theme's class on the wrapper of everything), judged again
/// by element and role alone.
fn to_lines(source: &str) -> Vec<Line> {
    let doc = Html::parse_document(source);
    let lines = walk_lines(&doc, true);
    if lines.iter().all(|l| l.heading || l.text.is_empty()) {
        return walk_lines(&doc, false);
    }
    lines
}

fn walk_lines(doc: &Html, by_name: bool) -> Vec<Line> {
    let mut w = Walker {
        by_name,
        notes: Notes::of(doc),
        pending: Vec::new(),
        written: Default::default(),
        lines: Vec::new(),
        current: String::new(),
        heading_depth: 0,
        pre_depth: 0,
        cell_depth: 0,
        cell_in_row: 0,
        lists: Vec::new(),
    };
    w.walk(doc.tree.root());
    w.end_line(false);
    w.blank();
    w.cited_notes();
    reflow(w.lines)
}

/// Legacy pages wrap their text with `<br>` at a fixed width: a line ended by
/// `<br>` in mid-sentence (no closing punctuation, the next line going on in
/// lower case) is joined with the next. Headings and list-like lines stay.
fn reflow(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(prev) = out.last_mut() {
            let continues = prev.soft
                && !prev.heading
                && !line.heading
                && !prev.text.ends_with(['.', ':', ';', '!', '?'])
                && line.text.chars().next().is_some_and(char::is_lowercase);
            if continues {
                prev.text.push(' ');
                prev.text.push_str(&line.text);
                prev.soft = line.soft;
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// The lines as one text, each anchored to the source line where its first
/// words are found: searched forward from the previous line's place, from the
/// page's `<body>` on, outside tags; when entities changed the first words,
/// by one of its longer plain words nearby. Lines not found count on from the
/// last anchor.
fn locate(source: &str, lines: Vec<Line>) -> LocatedText {
    let mut text = String::new();
    let mut anchors = Vec::new();
    let head = &source[..source.floor_char_boundary(64 * 1024)];
    let mut cursor = head.to_ascii_lowercase().find("<body").unwrap_or(0);
    let mut source_line = 1 + memchr::memchr_iter(b'\n', &source.as_bytes()[..cursor]).count();
    // where the last note was found: notes are printed in order at the
    // page's end, so the next one is looked for after it (they often open
    // alike, "For greater certainty, …")
    let mut last_note = 0;
    for line in &lines {
        if line.text.is_empty() {
            text.push('\n');
            continue;
        }
        let (from, words) = if line.note {
            // the note's words, without the "[n] " the walk wrote before them
            let words = line
                .text
                .strip_prefix('[')
                .and_then(|t| t.split_once("] "))
                .map_or(line.text.as_str(), |(_, rest)| rest);
            (cursor.max(last_note), words)
        } else {
            (cursor, line.text.as_str())
        };
        if let Some(at) = find_line(source, from, words) {
            // `at` is at or after `cursor`: `from` is
            let at_line =
                source_line + memchr::memchr_iter(b'\n', &source.as_bytes()[cursor..at]).count();
            // a note stands where the page prints it, and the lines after it
            // are looked for from where its citing block was
            if line.note {
                last_note = at + 1;
            } else {
                (source_line, cursor) = (at_line, at);
            }
            anchors.push(Anchor {
                offset: text.len(),
                line: at_line,
                page: None,
            });
        }
        text.push_str(&line.text);
        text.push('\n');
    }
    LocatedText::with_anchors(text, anchors)
}

/// How far ahead a line's first words are looked for (furniture and markup
/// between two lines of text are rarely longer).
const PHRASE_WINDOW: usize = 64 * 1024;

/// How far ahead a single word of a line is looked for.
const WORD_WINDOW: usize = 4096;

/// Where, at or after `from`, the source text of an output line starts.
fn find_line(source: &str, from: usize, line: &str) -> Option<usize> {
    let words: Vec<&str> = line.split_whitespace().take(8).collect();
    let phrase = words[..words.len().min(3)].join(" ");
    let phrase = phrase.split(['&', '<', '\t']).next().unwrap_or("").trim();
    if phrase.chars().count() >= 3 {
        let until = source.floor_char_boundary(from + PHRASE_WINDOW);
        if let Some(at) = find_outside_tags(source, from, phrase, until) {
            return Some(at);
        }
    }
    // the words apart by more than one space ("2.&nbsp;&nbsp; This", "2.   This"):
    // a word alone ("This") would be found on an earlier line
    let plain: Vec<&str> = words
        .iter()
        .take(3)
        .take_while(|w| !w.contains(['&', '<']))
        .copied()
        .collect();
    if plain.len() >= 2 {
        let until = source.floor_char_boundary(from + PHRASE_WINDOW);
        if let Some(at) = find_spaced(source, from, &plain, until) {
            return Some(at);
        }
    }
    // entities or markup inside the first words: a longer plain word of the line
    let window = source.floor_char_boundary(from + WORD_WINDOW);
    words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| w.len() >= 4)
        .find_map(|w| find_outside_tags(source, from, w, window))
}

/// Where `words` stand in order outside tags, each after the last with only
/// spaces between them: whitespace and no-break space entities.
fn find_spaced(source: &str, from: usize, words: &[&str], until: usize) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    let mut start = from;
    while let Some(at) = find_outside_tags(source, start, first, until) {
        let mut pos = at + first.len();
        let follows = rest.iter().all(|w| {
            let gap = spaces(&source[pos..]);
            let ok = gap > 0 && source[pos + gap..].starts_with(w);
            pos += gap + w.len();
            ok
        });
        if follows {
            return Some(at);
        }
        start = at + first.len();
    }
    None
}

/// How many bytes of spaces `s` starts with (whitespace, `&nbsp;`, `&#160;`).
fn spaces(s: &str) -> usize {
    let mut n = 0;
    loop {
        let rest = &s[n..];
        if let Some(c) = rest.chars().next().filter(|c| c.is_whitespace()) {
            n += c.len_utf8();
        } else if let Some(entity) = ["&nbsp;", "&#160;", "&#xa0;", "&#xA0;"]
            .iter()
            .find(|e| rest.starts_with(**e))
        {
            n += entity.len();
        } else {
            return n;
        }
    }
}

fn find_outside_tags(source: &str, from: usize, needle: &str, until: usize) -> Option<usize> {
    let mut start = from;
    while start < until {
        let at = start + source.get(start..until)?.find(needle)?;
        let before = &source[..at];
        let in_tag = before.rfind('<') > before.rfind('>');
        if !in_tag {
            return Some(at);
        }
        start = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        locate(html, to_lines(html)).text
    }

    #[test]
    fn blocks_become_lines_and_headings_stand_apart() {
        let t = text_of("<html><body><h2>Chapter 14</h2><h3>Article 14.3: Customs Duties</h3><p>1. No Party shall <b>impose</b> duties &amp; fees.</p></body></html>");
        assert_eq!(
            t,
            "Chapter 14\n\nArticle 14.3: Customs Duties\n\n1. No Party shall impose duties & fees.\n\n"
        );
    }

    #[test]
    fn note_marks_in_superscript_are_no_part_of_numbers_or_words() {
        // "Article 5<sup>1</sup>" was read as Article 51 and "Scope<sup>2</sup>"
        // as the title "Scope2"
        let t = text_of(
            "<h2>Article 5<sup>1</sup></h2><h3>Scope<sup>(2)</sup></h3>\
             <p>Audiovisual services<sup>3</sup> are excluded.</p>\
             <h2>Article 5<sup>bis</sup></h2><h2>Article 6<sup>[Note: amended by the Protocol.]</sup></h2>\
             <p>Text<sup>[Note: amended in 2010.]</sup></p>",
        );
        assert_eq!(
            t,
            "Article 5\n\nScope\n\nAudiovisual services are excluded.\n\n\
             Article 5bis\n\nArticle 6\n\nText[Note: amended in 2010.]\n\n"
        );
        assert_eq!(Superscript::of(" 12 "), Superscript::Mark);
        assert_eq!(Superscript::of("er"), Superscript::Mark);
        assert_eq!(Superscript::of("ter"), Superscript::NumberSuffix);
        assert_eq!(Superscript::of("3) [Red: Gewijzigd]"), Superscript::Note);
    }

    #[test]
    fn site_furniture_is_not_text() {
        let t = text_of(
            r#"<body><nav>Home | Trade</nav><div id="cookie-banner">We use cookies</div>
            <header>Ministry site</header><div class="breadcrumb">Home › FTA</div>
            <main><p>Article 1</p><p>The Parties agree.</p></main>
            <aside>Related</aside><footer>Date modified</footer><script>var x = 1;</script></body>"#,
        );
        assert_eq!(t, "Article 1\n\nThe Parties agree.\n\n");
    }

    #[test]
    fn a_header_inside_a_section_is_its_heading_not_furniture() {
        // HTML5: a `header` inside `main`, `article` or `section` heads that part
        let lines = to_lines(
            r#"<body><header>Ministry site</header><main><header><h1>CHAPTER 14: ELECTRONIC COMMERCE</h1></header>
            <section><header><h2>Article 14.1: Customs Duties</h2></header><p>No Party shall impose customs duties.</p><footer>Note: see Annex 1.</footer></section>
            <article><header><h2>Article 14.2: Culture</h2></header><p>This Chapter does not apply to audiovisual services.</p></article></main>
            <footer>Date modified</footer></body>"#,
        );
        let texts: Vec<(&str, bool)> = lines
            .iter()
            .map(|l| (l.text.as_str(), l.heading))
            .filter(|(t, _)| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            [
                ("CHAPTER 14: ELECTRONIC COMMERCE", true),
                ("Article 14.1: Customs Duties", true),
                ("No Party shall impose customs duties.", false),
                ("Note: see Annex 1.", false),
                ("Article 14.2: Culture", true),
                (
                    "This Chapter does not apply to audiovisual services.",
                    false
                ),
            ]
        );
    }

    #[test]
    fn notes_follow_the_block_that_cites_them() {
        // pandoc, LibreOffice and EUR-Lex put every note at the page's end,
        // linked to and from its reference; a table of contents' links have
        // no way back and stay where they are
        let pages = [
            r##"<body><p><a href="#art1">Article 1</a></p><h2 id="art1">Article 1</h2><p>No Party shall impose duties.<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a></p><h2>Article 2</h2><p>Final.</p><section class="footnotes"><hr/><ol><li id="fn1"><p>This Article does not apply to audiovisual services.<a href="#fnref1" class="footnote-back">↩︎</a></p></li></ol></section></body>"##,
            r##"<body><p><a href="#art1">Article 1</a></p><h2 id="art1">Article 1</h2><p>No Party shall impose duties.<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></p><h2>Article 2</h2><p>Final.</p><div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a> This Article does not apply to audiovisual services.</p></div></body>"##,
            r##"<body><p><a href="#art1">Article 1</a></p><h2 id="art1">Article 1</h2><p>No Party shall impose duties. <a id="ntc1-L_1" href="#ntr1-L_1">(<span class="super">1</span>)</a></p><h2>Article 2</h2><p>Final.</p><hr class="note"/><p class="note"><a id="ntr1-L_1" href="#ntc1-L_1">(1)</a>&nbsp;This Article does not apply to audiovisual services.</p></body>"##,
        ];
        // a note cited twice is written once, after its first citation
        let twice = text_of(
            r##"<body><p>Duties.<a href="#fn1" id="r1"><sup>1</sup></a></p><p>Again.<a href="#fn1" id="r2"><sup>1</sup></a></p><ol><li id="fn1">Audiovisual services. <a href="#r1">↩</a><a href="#r2">↩</a></li></ol></body>"##,
        );
        assert_eq!(twice, "Duties.\n\n[1] Audiovisual services.\n\nAgain.\n\n");
        // EUR-Lex prints the reference "(1)" in the text, not as a superscript
        let cited = ["duties.", "duties.", "duties. (1)"];
        for (page, cited) in pages.iter().zip(cited) {
            assert_eq!(
                text_of(page),
                format!("Article 1\n\nArticle 1\n\nNo Party shall impose {cited}\n\n[1] This Article does not apply to audiovisual services.\n\nArticle 2\n\nFinal.\n\n"),
                "{page}"
            );
        }
    }

    #[test]
    fn notes_at_the_end_without_links_follow_the_block_citing_them() {
        let body = "<h2>Article 1</h2><p>No Party shall impose duties.<sup>1</sup></p><h2>Article 2</h2><p>Each Party shall accord treatment.<sup>2</sup></p><h2>Annex I</h2><p>Arcadia reserves the right.</p>";
        let cited = "Article 1\n\nNo Party shall impose duties.\n\n[1] This Article does not apply to audiovisual services.\n\nArticle 2\n\nEach Party shall accord treatment.\n\n[2] Nor to subsidies.\n\nAnnex I\n\nArcadia reserves the right.\n\n";
        for notes in [
            "<hr><h2>Notes</h2><p><sup>1</sup> This Article does not apply to audiovisual services.</p><p><sup>2</sup> Nor to subsidies.</p>",
            "<h3>Notas:</h3><p>1 This Article does not apply to audiovisual services.</p><p>2. Nor to subsidies.</p>",
            "<h2>Notes de fin</h2><ol><li>This Article does not apply to audiovisual services.</li><li>Nor to subsidies.</li></ol>",
            "<h2>Endnotes</h2><p>[1] This Article does not apply to audiovisual</p><p>services.</p><p>[2] Nor to subsidies.</p>",
        ] {
            assert_eq!(text_of(&format!("<body>{body}{notes}</body>")), cited, "{notes}");
        }
        // linked notes that print their own number: the number once, and the
        // title goes with the notes
        let linked = r##"<body><p>Duties.<sup><a href="#fn1" id="r1">1</a></sup></p><h2>Notes</h2><p id="fn1"><sup>1</sup> Audiovisual services. <a href="#r1">↩</a></p></body>"##;
        assert_eq!(text_of(linked), "Duties.\n\n[1] Audiovisual services.\n\n");
        // a number without its mark: a list under the title, left as it is
        let unmarked = format!("<body>{body}<h2>Notes</h2><p>1 This Article does not apply.</p><p>3 Broadcasting.</p></body>");
        let text = text_of(&unmarked);
        assert!(
            text.ends_with("Notes\n\n1 This Article does not apply.\n\n3 Broadcasting.\n\n"),
            "{text}"
        );
        // a note of two paragraphs in a list item; a final clause after the
        // notes stays the final clause; a linked note among them
        let page = format!("<body>{body}<h2>Notes</h2><ol><li><p>This Article does not apply to audiovisual</p><p>services.</p></li><li>Nor to subsidies.</li></ol><p>Done at Arcadia City, on 3 May 2024.</p></body>");
        assert_eq!(
            text_of(&page),
            format!("{cited}Done at Arcadia City, on 3 May 2024.\n\n")
        );
        let mixed = body.replace(
            "<sup>1</sup>",
            r##"<sup><a href="#n1" id="m1">1</a></sup>"##,
        );
        let page = format!(
            r##"<body>{mixed}<h2>Notes</h2><p id="n1">1 This Article does not apply to audiovisual services. <a href="#m1">↩</a></p><p>2 Nor to subsidies.</p></body>"##
        );
        assert_eq!(text_of(&page), cited);
        // a "Notes" heading inside an annex, another heading after it: the
        // annex's own notes, which stay
        let annex = format!("<body>{body}<h3>Notes</h3><p>1 This Article does not apply.</p><p>2 Nor to subsidies.</p><h2>Annex II</h2><p>Borduria reserves the right.</p></body>");
        assert!(text_of(&annex).contains(
            "Notes\n\n1 This Article does not apply.\n\n2 Nor to subsidies.\n\nAnnex II"
        ));
        // text between the title and the first note: no notes section
        let prose = format!("<body>{body}<h2>Notes</h2><p>The Parties note the following.</p><p><sup>1</sup> Audiovisual.</p></body>");
        let text = text_of(&prose);
        assert!(
            text.ends_with("Notes\n\nThe Parties note the following.\n\nAudiovisual.\n\n"),
            "{text}"
        );
    }

    #[test]
    fn a_paragraph_number_set_apart_by_several_spaces_keeps_its_line() {
        // "2.   This Chapter" was looked for by a single word, "This", found
        // on the line above
        for gap in ["   ", "&nbsp;&nbsp;&nbsp;", "\u{a0}\t"] {
            let html = format!("<html><body>\n<h3>Article 5: Scope</h3>\n<p>1.{gap}This Chapter applies.</p>\n<p>2.{gap}This Chapter shall not apply.</p>\n</body></html>");
            let located = locate(&html, to_lines(&html));
            let at = located.text.find("2.").unwrap();
            assert_eq!(located.locate(at).line, 4, "{gap:?}");
        }
    }

    #[test]
    fn a_theme_class_on_the_content_wrapper_does_not_hide_the_text() {
        let t = text_of(
            r#"<body class="one-sidebar sidebar-first"><div class="layout-sidebar-right"><p>Article 1</p><p>The Parties agree.</p></div><div class="sidebar">Links</div></body>"#,
        );
        assert!(t.contains("The Parties agree."), "{t}");
    }

    #[test]
    fn journal_title_classes_are_headings() {
        let lines = to_lines(
            r#"<p class="ti-art">Article 3</p><p class="sti-art">Scope</p><p class="normal">1. Text.</p>"#,
        );
        let heads: Vec<&str> = lines
            .iter()
            .filter(|l| l.heading)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(heads, ["Article 3", "Scope"]);
    }

    /// A browser numbers `<ol>` items the page does not number itself: the
    /// paragraphs "1.", "2." and, one list in or with `type="a"`, the
    /// subparagraphs "(a)", "(b)". Items that write their own number keep it
    /// once, bullets get none.
    #[test]
    fn ordered_list_items_are_numbered_as_the_browser_shows_them() {
        let t = text_of(
            "<h3>Article 2.1: Scope</h3><ol><li>This Chapter applies to services.</li>\
             <li>This Chapter does not apply to:<ol type=\"a\"><li>audiovisual services;</li>\
             <li>broadcasting.</li></ol></li></ol>\
             <ol start=\"3\"><li>Sigue.</li><li value=\"7\">Suite.</li></ol>\
             <ol><li>1. Already numbered.</li><li>(b) Lettered.</li></ol>\
             <ul><li>A bullet.</li></ul><ol><li>First<ol><li>nested</li></ol></li></ol>",
        );
        assert_eq!(
            t,
            "Article 2.1: Scope\n\n1. This Chapter applies to services.\n\
             2. This Chapter does not apply to:\n(a) audiovisual services;\n(b) broadcasting.\n\n\
             3. Sigue.\n7. Suite.\n\n1. Already numbered.\n(b) Lettered.\n\nA bullet.\n\n\
             1. First\n(a) nested\n\n"
        );
    }

    #[test]
    fn br_wrapped_text_is_reflowed() {
        let t = text_of("<p>Article 2<br>1. Each Party shall accord to<br>services of the other Party<br>treatment.<br>2. Nothing in this</p>");
        assert_eq!(
            t,
            "Article 2\n1. Each Party shall accord to services of the other Party treatment.\n2. Nothing in this\n\n"
        );
    }

    #[test]
    fn table_rows_are_lines() {
        let t = text_of("<table><tr><td>Sector</td><td><p>Measure</p></td></tr><tr><td>Audiovisual</td><td>None</td></tr></table>");
        assert_eq!(t, "Sector\tMeasure\nAudiovisual\tNone\n\n");
    }

    #[test]
    fn lines_point_back_to_the_source() {
        let html =
            "<html>\n<body>\n<h1>Title</h1>\n\n<p>First paragraph\nwraps.</p>\n</body></html>";
        let t = locate(html, to_lines(html));
        assert_eq!(t.locate(t.text.find("First").unwrap()).line, 5);
    }

    #[test]
    fn long_pages_with_multibyte_text_are_located() {
        // the head searched for <body> ends inside a two-byte character
        let mut html = String::from("<html><body><p>");
        html.push_str(&"x".repeat(64 * 1024 - html.len() - 1));
        html.push_str("é</p><p>Article 1</p></body></html>");
        let t = locate(&html, to_lines(&html));
        assert!(t.text.contains("Article 1"));
    }

    #[test]
    fn deeply_nested_pages_do_not_overflow_the_stack() {
        let html = format!(
            "{}<p>Article 1</p>{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert!(text_of(&html).contains("Article 1"));
    }

    #[test]
    fn detection_by_content() {
        assert!(looks_like_html(b"<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"  <p>Article 1</p><p>Text</p>"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><treaty>"));
        assert!(!looks_like_html(b"Article 1 <b>"));
    }
}
