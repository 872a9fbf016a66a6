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

struct Walker {
    /// Whether id and class words mark furniture (see `is_furniture`).
    by_name: bool,
    lines: Vec<Line>,
    current: String,
    heading_depth: usize,
    pre_depth: usize,
    cell_depth: usize,
    cell_in_row: usize,
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
        });
    }

    fn blank(&mut self) {
        self.end_line(false);
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.lines.push(Line {
                text: String::new(),
                heading: false,
                soft: false,
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
                        if skipping > 0
                            || SKIPPED.contains(&el.name())
                            || is_furniture(el, self.by_name, sections > 0)
                            || (el.name() == "sup" && self.leaves_out(node))
                        {
                            skipping += 1;
                            open.push(None);
                        } else {
                            sections += usize::from(SECTIONING.contains(&el.name()));
                            open.push(Some(self.open(el)));
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

    fn open(&mut self, el: &scraper::node::Element) -> (bool, bool, bool) {
        let name = el.name();
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
        } else if block {
            self.end_line(false);
            if matches!(name, "p" | "blockquote" | "table" | "ul" | "ol") {
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
        lines: Vec::new(),
        current: String::new(),
        heading_depth: 0,
        pre_depth: 0,
        cell_depth: 0,
        cell_in_row: 0,
    };
    w.walk(doc.tree.root());
    w.end_line(false);
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
    for line in &lines {
        if line.text.is_empty() {
            text.push('\n');
            continue;
        }
        if let Some(at) = find_line(source, cursor, &line.text) {
            source_line += memchr::memchr_iter(b'\n', &source.as_bytes()[cursor..at]).count();
            cursor = at;
            anchors.push(Anchor {
                offset: text.len(),
                line: source_line,
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
    // entities or markup inside the first words: a longer plain word of the line
    let window = source.floor_char_boundary(from + WORD_WINDOW);
    words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| w.len() >= 4)
        .find_map(|w| find_outside_tags(source, from, w, window))
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
