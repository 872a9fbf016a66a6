//! ToTA XML (Texts of Trade Agreements): chapters and articles come from the XML
//! itself; paragraphs inside each article come from the same structure grammar
//! as plain text. Lines point into the XML file, so a user can open it there.

use super::SourceError;
use crate::provision::{
    assign_paths, Agreement, Kind, Metadata, Paragraphs, Provision, SourceFormat,
};
use crate::structure;
use crate::text::{Anchor, LocatedText};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

struct ChapterDraft {
    number: Option<String>,
    name: Option<String>,
    line: usize,
    articles: Vec<ArticleDraft>,
}

struct ArticleDraft {
    number: Option<String>,
    name: Option<String>,
    id: Option<String>,
    line: usize,
    /// Where its text sits in the agreement text.
    range: Range<usize>,
}

/// What a pass over the XML yields: article texts laid end to end, with an
/// anchor at each so that every offset maps back to its line in the XML file.
#[derive(Default)]
struct Scan {
    metadata: Metadata,
    chapters: Vec<ChapterDraft>,
    text: String,
    anchors: Vec<Anchor>,
}

pub fn read(path: &Path, bytes: &[u8], paragraphs: Paragraphs) -> Result<Agreement, SourceError> {
    let xml_error = |reason: String| SourceError::Xml {
        path: path.into(),
        reason,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // the standard check took a tenth of reading a ToTA file; it is kept to
    // say where a bad byte is
    let decoded: String;
    let source = match simdutf8::basic::from_utf8(bytes) {
        Ok(source) => source,
        // an XML declaration may name another encoding (ISO-8859-1, windows-1252)
        Err(_) => match declared_encoding(bytes) {
            Some(encoding) => {
                decoded = encoding.decode_without_bom_handling(bytes).0.into_owned();
                &decoded
            }
            None => {
                std::str::from_utf8(bytes).map_err(|e| xml_error(format!("not UTF-8 ({e})")))?
            }
        },
    };
    let scanned = scan(source).map_err(xml_error)?;
    if scanned.chapters.iter().all(|c| c.articles.is_empty()) {
        return Err(xml_error(
            "no <treaty><body><chapter><article> elements: not a ToTA agreement".into(),
        ));
    }
    Ok(build(path, scanned, paragraphs))
}

/// The encoding an XML declaration names (`<?xml version="1.0"
/// encoding="ISO-8859-1"?>`), when it is one `encoding_rs` knows and not
/// UTF-8 (whose bytes are already read as such).
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(256)];
    let declaration = &head[..memchr::memmem::find(head, b"?>")?];
    let at = memchr::memmem::find(declaration, b"encoding")? + b"encoding".len();
    let rest = declaration[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let (&quote, rest) = rest.split_first()?;
    let label = &rest[..rest.iter().position(|&b| b == quote)?];
    encoding_rs::Encoding::for_label(label).filter(|e| *e != encoding_rs::UTF_8)
}

/// Line numbers of byte offsets in the XML source, counted on as the reader
/// moves forward (no index of every line of a 1 MB file).
struct LineCounter<'s> {
    source: &'s [u8],
    offset: usize,
    line: usize,
}

impl<'s> LineCounter<'s> {
    fn new(source: &'s str) -> Self {
        LineCounter {
            source: source.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.source.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        self.line += memchr::memchr_iter(b'\n', &self.source[self.offset..offset]).count();
        self.offset = offset;
        self.line
    }
}

fn scan(source: &str) -> Result<Scan, String> {
    let mut lines = LineCounter::new(source);
    let mut reader = Reader::from_str(source);
    let mut out = Scan {
        text: String::with_capacity(source.len()),
        ..Scan::default()
    };
    // tag names borrowed from the file: a corpus has millions of tags
    let mut stack: Vec<Cow<'_, str>> = Vec::new();
    let mut article: Option<ArticleDraft> = None;
    let mut saw_treaty = false;
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let line = LineCounter::new(source).line(reader.error_position() as usize);
            format!("{e} (line {line})")
        })?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let tag = match in_source(source, name.as_ref()) {
                    Some(tag) => Cow::Borrowed(tag),
                    None => Cow::Owned(String::from_utf8_lossy(name.as_ref()).into_owned()),
                };
                saw_treaty |= tag == "treaty";
                // counted only where a chapter or article starts: a count to
                // every tag, most a few bytes from the last, went byte by byte
                let mut line = || lines.line(before + leading_ws(&source[before..after]));
                match tag.as_ref() {
                    "chapter" => {
                        let [number, name, _] = attrs(source, &e);
                        out.chapters.push(ChapterDraft {
                            number,
                            name,
                            line: line(),
                            articles: Vec::new(),
                        })
                    }
                    "article" => {
                        let line = line();
                        out.anchors.push(Anchor {
                            offset: out.text.len(),
                            line: lines.line(after),
                            page: None,
                        });
                        let [number, name, id] = attrs(source, &e);
                        article = Some(ArticleDraft {
                            number,
                            name,
                            id,
                            line,
                            range: out.text.len()..out.text.len(),
                        })
                    }
                    _ => {}
                }
                stack.push(tag);
            }
            Event::End(_) => {
                let tag = stack.pop().unwrap_or_default();
                if tag == "article" {
                    if let Some(mut a) = article.take() {
                        a.range.end = out.text.len();
                        out.text.push_str("\n\n");
                        if out.chapters.is_empty() {
                            out.chapters.push(ChapterDraft {
                                number: None,
                                name: None,
                                line: a.line,
                                articles: vec![],
                            });
                        }
                        out.chapters
                            .last_mut()
                            .expect("a chapter exists")
                            .articles
                            .push(a);
                    }
                }
            }
            Event::Text(t) => match in_source(source, &t) {
                // the text as it stands in the file, unless line ends need normalising
                Some(text) if memchr::memchr(b'\r', text.as_bytes()).is_none() => {
                    take_text(&mut out, &article, &stack, text)
                }
                _ => {
                    let text = t.xml_content().map_err(|e| e.to_string())?;
                    take_text(&mut out, &article, &stack, &text);
                }
            },
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let text =
                    resolve_entity(&name).ok_or_else(|| format!("unknown entity &{name};"))?;
                take_text(&mut out, &article, &stack, &text);
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                take_text(&mut out, &article, &stack, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_treaty {
        return Err("root element is not <treaty>: not a ToTA agreement".into());
    }
    if !stack.is_empty() {
        return Err(format!("file ends inside <{}>", stack.join("><")));
    }
    trim_metadata(&mut out.metadata);
    Ok(out)
}

/// `bytes` as the slice of `source` they are, when they are one (a reader on
/// a `&str` lends its text; anything it built itself lies elsewhere).
fn in_source<'s>(source: &'s str, bytes: &[u8]) -> Option<&'s str> {
    let whole = source.as_bytes().as_ptr_range();
    let part = bytes.as_ptr_range();
    if part.start < whole.start || part.end > whole.end {
        return None;
    }
    let start = part.start as usize - whole.start as usize;
    source.get(start..start + bytes.len())
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// The text of an entity reference: numeric (`#233`, `#xE9`) or one of XML's five.
pub(super) fn resolve_entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    quick_xml::escape::resolve_predefined_entity(name).map(String::from)
}

fn take_text(out: &mut Scan, article: &Option<ArticleDraft>, stack: &[Cow<str>], text: &str) {
    if article.is_some() {
        out.text.push_str(text);
        return;
    }
    let Some(tag) = stack.last() else { return };
    let in_meta = stack.iter().any(|t| t == "meta");
    if !in_meta {
        return;
    }
    let meta = &mut out.metadata;
    // a value can come in pieces ("Test ", "&", " Trial"): pieces are joined
    // as they are and the whole trimmed when the file is read
    let set = |field: &mut Option<String>| {
        if field.is_some() || !text.trim().is_empty() {
            field.get_or_insert_with(String::new).push_str(text);
        }
    };
    match tag.as_ref() {
        "name" => set(&mut meta.name),
        "type" => set(&mut meta.agreement_type),
        "wto_rta_id" => set(&mut meta.wto_rta_id),
        "treaty_identifier" => set(&mut meta.tota_id),
        "date_signed" => set(&mut meta.date_signed),
        "date_into_force" => set(&mut meta.date_into_force),
        "language" => set(&mut meta.language),
        "partyisocode" if stack.iter().any(|t| t == "parties") && !text.trim().is_empty() => {
            meta.parties.push(text.trim().to_string())
        }
        _ => {}
    }
}

/// Metadata values as read, trimmed; a value of only spaces is no value.
fn trim_metadata(meta: &mut Metadata) {
    for field in [
        &mut meta.name,
        &mut meta.agreement_type,
        &mut meta.wto_rta_id,
        &mut meta.tota_id,
        &mut meta.date_signed,
        &mut meta.date_into_force,
        &mut meta.language,
    ] {
        if let Some(v) = field.take() {
            let v = v.trim();
            if !v.is_empty() {
                *field = Some(v.to_string());
            }
        }
    }
}

/// The `number`, `name` and `article_identifier` attributes, trimmed, in
/// one pass over the tag (asking for each by name walked it three times).
fn attrs(source: &str, e: &BytesStart) -> [Option<String>; 3] {
    let mut found = [None, None, None];
    // a start tag whose attributes repeat a name is read as the first says
    // (the check for repeats walked every attribute pair)
    for a in e.attributes().with_checks(false).flatten() {
        let slot = match a.key.as_ref() {
            b"number" => 0,
            b"name" => 1,
            b"article_identifier" => 2,
            _ => continue,
        };
        if found[slot].is_none() {
            // most values hold no reference to unescape; a value lent by the
            // source is already known to be UTF-8 (checked again, it took 1%
            // of a ToTA check)
            let plain =
                in_source(source, &a.value).map_or_else(|| std::str::from_utf8(&a.value), Ok);
            let value = match plain {
                Ok(plain) if memchr::memchr(b'&', plain.as_bytes()).is_none() => {
                    Some(Cow::Borrowed(plain))
                }
                _ => a.unescape_value().ok(),
            };
            found[slot] = value
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty());
        }
    }
    found
}

fn build(path: &Path, scanned: Scan, paragraphs: Paragraphs) -> Agreement {
    let located = LocatedText::with_anchors(scanned.text, scanned.anchors);
    let mut provisions = Vec::new();
    for ch in scanned.chapters {
        let articles: Vec<Provision> = ch
            .articles
            .into_iter()
            .map(|a| article_provision(&located, a, paragraphs))
            .collect();
        provisions.extend(chapter_provisions(ch.number, ch.name, ch.line, articles));
    }
    for p in &mut provisions {
        set_headings(&located.text, p);
    }
    assign_paths(&mut provisions);
    Agreement {
        file: path.display().to_string(),
        format: SourceFormat::TotaXml,
        metadata: scanned.metadata,
        provisions,
        text: located,
        paragraphs,
        contents: Vec::new(),
    }
}

/// Where an article's body starts: after its first line when that line
/// repeats the heading the XML gives as attributes ("Article 2.2 Customs
/// Duties": its title, or its number after the keyword), so that words of a
/// heading are not read as words of the article; at its start otherwise.
fn repeated_heading_end(text: &str, p: &Provision) -> usize {
    let body = text.get(p.span.clone()).unwrap_or("");
    // (`split('\n')` searched a char at a time: most of this function's time)
    let Some(first_len) = memchr::memchr(b'\n', body.as_bytes()) else {
        return p.span.start; // one line: no heading line to skip
    };
    let first_line = &body[..first_len];
    let heading = p
        .title
        .as_deref()
        .is_some_and(|t| !t.is_empty() && line_holds(first_line, t))
        || p.number
            .as_deref()
            .is_some_and(|n| first_line.split_whitespace().nth(1) == Some(n));
    if heading {
        p.span.start + first_line.len() + 1
    } else {
        p.span.start
    }
}

/// Whether `line` holds `needle`: tried where its first byte occurs. A
/// searcher (`str::contains`, `memmem`) costs more to set up than the search
/// of one heading line, and a comparison at every byte costs more than both.
fn line_holds(line: &str, needle: &str) -> bool {
    let (line, needle) = (line.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr_iter(first, line).any(|i| line[i..].starts_with(needle))
}

/// Every provision's heading, once its kind and title are final.
fn set_headings(text: &str, p: &mut Provision) {
    if matches!(
        p.kind,
        Kind::Paragraph | Kind::Subparagraph | Kind::Footnote
    ) {
        return; // their number is a marker inside the text, not a heading
    }
    p.heading = p.span.start..repeated_heading_end(text, p);
    for c in &mut p.children {
        set_headings(text, c);
    }
}

fn article_provision(located: &LocatedText, a: ArticleDraft, paragraphs: Paragraphs) -> Provision {
    let range = a.range;
    let number = a
        .number
        .as_deref()
        .map(structure::strip_heading_keyword)
        .filter(|n| !n.is_empty());
    let mut p = Provision::new(Kind::Article, number, a.line, range.clone());
    p.title = a.name;
    p.source_id = a.id;
    match paragraphs {
        Paragraphs::Parsed => {
            let (own, children) = structure::parse_body(located, range);
            p.text = own;
            p.children = children;
        }
        // the article's text is in `located` already; its own text is asked
        // for only by outputs that read the paragraphs anyway
        Paragraphs::Deferred => {}
    }
    p
}

/// ToTA's "Preamble" and "Conclusion" chapters are the preamble and final clause;
/// agreements without chapters come as one chapter with neither number nor name.
fn chapter_provisions(
    number: Option<String>,
    name: Option<String>,
    line: usize,
    mut articles: Vec<Provision>,
) -> Vec<Provision> {
    let special = match name.as_deref() {
        Some("Preamble") if number.is_none() => Some(Kind::Preamble),
        Some("Conclusion") if number.is_none() => Some(Kind::FinalClause),
        _ => None,
    };
    if let Some(kind) = special {
        return articles
            .into_iter()
            .map(|mut a| {
                if a.number.is_none() {
                    a.kind = kind;
                    a.title = a.title.or_else(|| name.clone());
                }
                a
            })
            .collect();
    }
    if number.is_none() && name.is_none() {
        return articles;
    }
    let start = articles.first().map_or(0, |a| a.span.start);
    let end = articles.last().map_or(0, |a| a.span.end);
    let mut ch = Provision::new(
        Kind::Chapter,
        number
            .as_deref()
            .map(structure::strip_heading_keyword)
            .filter(|n| !n.is_empty()),
        line,
        start..end,
    );
    ch.title = name;
    ch.children = std::mem::take(&mut articles);
    vec![ch]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_line_holds_its_title_wherever_it_starts() {
        let line = "Article 2.2 Customs Duties on Cultural Goods";
        assert!(line_holds(line, "Customs Duties"));
        assert!(line_holds(line, "Cultural Goods"));
        assert!(line_holds(line, ""));
        // the first byte occurs, the rest does not follow it
        assert!(!line_holds(line, "Customs Tariffs"));
        assert!(!line_holds(line, "Goods and Services"));
        assert!(!line_holds("Art", "Article"));
    }

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<treaty>
  <meta><name>Test &amp; Trial Agreement</name><language>en</language></meta>
  <body>
    <chapter chapter_identifier="1" number="CHAPTER 1" name="General">
      <article article_identifier="10" number="ARTICLE 1.1" name="Scope">1. This Agreement applies to trade in goods &amp; services.
2. It does not apply to cultural industries.</article>
      <article article_identifier="11" number="ARTICLE 1.2" name="Definitions">For the purposes of this Agreement: &lt;goods&gt; means products.</article>
    </chapter>
  </body>
</treaty>
"#;

    fn read_str(xml: &str, paragraphs: Paragraphs) -> Agreement {
        read(Path::new("t.xml"), xml.as_bytes(), paragraphs).expect("reads")
    }

    #[test]
    fn entities_join_the_text_and_lines_point_into_the_file() {
        let a = read_str(XML, Paragraphs::Parsed);
        assert_eq!(a.metadata.name.as_deref(), Some("Test & Trial Agreement"));
        let arts: Vec<&Provision> = a.articles().collect();
        assert_eq!(arts.len(), 2);
        assert!(a.full_text(arts[0]).contains("goods & services."));
        assert_eq!(
            a.full_text(arts[1]),
            "For the purposes of this Agreement: <goods> means products."
        );
        assert_eq!((arts[0].line, arts[1].line), (6, 8));
        let second_paragraph = a.text.text.find("2. It does").unwrap();
        assert_eq!(a.text.locate(second_paragraph).line, 7);
        assert_eq!(arts[0].children.len(), 2, "paragraphs parsed");
    }

    #[test]
    fn text_outside_the_source_is_not_taken_for_part_of_it() {
        let source = "<a>text</a>";
        assert_eq!(in_source(source, &source.as_bytes()[3..7]), Some("text"));
        let elsewhere = b"text".to_vec();
        assert_eq!(in_source(source, &elsewhere), None);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_with_where() {
        let mut bytes = XML.as_bytes().to_vec();
        let at = XML.find("goods").unwrap();
        bytes[at] = 0xFF;
        let Err(err) = read(Path::new("bad.xml"), &bytes, Paragraphs::Parsed) else {
            panic!("a file that is not UTF-8 was read");
        };
        let err = err.to_string();
        assert!(
            err.contains("bad.xml") && err.contains("not UTF-8"),
            "{err}"
        );
        assert!(err.contains(&format!("index {at}")), "{err}");
    }

    #[test]
    fn carriage_returns_read_as_plain_line_ends() {
        let lf = read_str(XML, Paragraphs::Parsed);
        let crlf = read_str(&XML.replace('\n', "\r\n"), Paragraphs::Parsed);
        assert_eq!(lf.text.text, crlf.text.text);
        assert_eq!(lf.provisions, crlf.provisions);
    }

    #[test]
    fn deferred_paragraphs_come_when_asked_for() {
        let full = read_str(XML, Paragraphs::Parsed);
        let lazy = read_str(XML, Paragraphs::Deferred);
        assert_eq!(full.text.text, lazy.text.text);
        let (a, b) = (
            full.articles().next().unwrap(),
            lazy.articles().next().unwrap(),
        );
        assert!(b.children.is_empty());
        assert_eq!(a.span, b.span);
        let later: Vec<_> = structure::paragraphs_of(&lazy, b)
            .iter()
            .map(|p| p.span.clone())
            .collect();
        let now: Vec<_> = a.children.iter().map(|p| p.span.clone()).collect();
        assert_eq!(later, now);
    }
}
