//! Markdown (official chapters converted from PDF, treaty databases): read with
//! pulldown-cmark into the plain lines the structure grammar expects. Heading
//! markers, emphasis, links and HTML tags go; `## Article 11` becomes the line
//! `Article 11`; footnotes (`[^1]`) become `[1] text` lines after the block that
//! cites them; list items keep their number (`1.`), table rows become one line.

use super::{SourceError, Superscript};
use crate::text::{Anchor, LocatedText};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

/// Whether text is clearly Markdown: at least two ATX heading lines (`#` to
/// `######`, a space, then words), as Markdown conversions of agreements have
/// for their chapters and articles. Plain-text agreements do not start lines so.
pub fn looks_like_markdown(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(256 * 1024)];
    let Ok(text) = std::str::from_utf8(trim_to_char(sample)) else {
        return false;
    };
    text.lines().filter(|l| is_atx_heading(l)).take(2).count() >= 2
}

fn trim_to_char(b: &[u8]) -> &[u8] {
    // a sample may cut a UTF-8 sequence: drop the partial character
    let mut end = b.len();
    while end > 0 && end > b.len().saturating_sub(4) && std::str::from_utf8(&b[..end]).is_err() {
        end -= 1;
    }
    &b[..end]
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with([' ', '\t'])
        && line[hashes..]
            .trim()
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
}

pub fn read(path: &Path, bytes: &[u8]) -> Result<LocatedText, SourceError> {
    let source = super::plain::decode_text(bytes).map_err(|detail| SourceError::Binary {
        path: path.into(),
        detail,
    })?;
    let lines = to_lines(&source);
    if lines.body_chars == 0 {
        return Err(if lines.text.trim().is_empty() {
            SourceError::Empty { path: path.into() }
        } else {
            SourceError::NoBodyText {
                path: path.into(),
                format: "Markdown",
                what: "headings",
            }
        });
    }
    Ok(LocatedText::with_anchors(lines.text, lines.anchors))
}

struct Lines {
    text: String,
    anchors: Vec<Anchor>,
    /// Characters of text outside headings: none means a table of contents
    /// or an outline, not an agreement.
    body_chars: usize,
}

/// One piece of output in document order; footnotes are resolved at the end,
/// as their definitions usually come after the text that cites them.
enum Piece {
    /// Text starting at this byte offset of the Markdown source.
    Text(String, usize),
    /// The end of a line (nothing when at the start of one).
    Break,
    /// A blank line (at most one in a row).
    Blank,
    /// End of a block: footnotes cited since the last block follow here.
    BlockEnd,
}

/// Headings written without the space CommonMark wants after their marks
/// (`##Title`, `####<sup>1</sup>Title`), as treaty databases' pages converted
/// to Markdown have them and as the original Markdown read them, given their
/// space. Two marks at least: `#hashtag` stays text.
fn spaced_headings(source: &str) -> Cow<'_, str> {
    static UNSPACED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^(#{2,6})([^#\s])").expect("heading pattern compiles"));
    UNSPACED.replace_all(source, "$1 $2")
}

fn to_lines(source: &str) -> Lines {
    // offsets below are in the spaced text; a space added changes no line
    let spaced = spaced_headings(source);
    let source = spaced.as_ref();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut pieces: Vec<Piece> = Vec::new();
    // footnote labels in order of first citation, and their definitions' text
    let mut cited: Vec<String> = Vec::new();
    let mut cited_since_block: Vec<usize> = Vec::new();
    let mut pending: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut definitions: HashMap<String, String> = HashMap::new();
    let mut in_definition: Option<(String, String)> = None;
    let mut in_metadata = false;
    let mut in_heading = false;
    // how deep in `<sup>` the reader is, and the superscript's text so far
    // with where it starts: what becomes of it is known at its end (see
    // `Superscript`)
    let mut in_sup = 0usize;
    let mut sup_text: Option<(String, usize)> = None;
    let mut body_chars = 0;
    // ordered list counters, innermost last (None: a bullet list)
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut cell = 0usize;

    // inside a footnote definition everything is its text, on one line
    let push = |pieces: &mut Vec<Piece>, def: &mut Option<(String, String)>, piece: Piece| match def
    {
        Some((_, text)) => match piece {
            Piece::Text(t, _) => text.push_str(&t),
            _ => text.push(' '),
        },
        None => pieces.push(piece),
    };
    // an item's marker was the last thing read
    let mut item_opened = false;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        let at = range.start;
        let opens_item = matches!(event, Event::Start(Tag::Item));
        // a `<sup>` left open ends with its block: its text is kept as text
        // (as an editor's note is), not lost with the rest of the document
        let inline_end = matches!(
            event,
            Event::End(
                TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
                    | TagEnd::Image
            )
        );
        if in_sup > 0 && matches!(event, Event::End(_)) && !inline_end {
            in_sup = 0;
            if let Some((text, start)) = sup_text.take().filter(|_| !in_heading) {
                push(&mut pieces, &mut in_definition, Piece::Text(text, start));
            }
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } => {
                    in_heading = true;
                    push(&mut pieces, &mut in_definition, Piece::Blank);
                }
                // the first paragraph of a loose list's item goes on its
                // marker's line ("2. The provisions …", not "2." alone)
                Tag::Paragraph if item_opened => {}
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::HtmlBlock => {
                    push(&mut pieces, &mut in_definition, Piece::Blank)
                }
                Tag::List(start) => lists.push(start),
                Tag::Table(_) => push(&mut pieces, &mut in_definition, Piece::Blank),
                Tag::Item => {
                    // Markdown numbers every level "1.", "2.": a numbered list
                    // inside another is the agreement's "(a)", "(b)" (and one
                    // inside that its "(i)"), as a converter from Word leaves
                    // them, so that an item reads as part of its paragraph
                    let depth = lists.iter().filter(|l| l.is_some()).count();
                    let marker = match lists.last_mut() {
                        Some(Some(n)) if depth >= 2 => {
                            let value = written_number(&source[at..])
                                .and_then(|w| w[..w.len() - 1].parse().ok())
                                .unwrap_or(*n);
                            *n += 1;
                            super::list_item_marker(value as i64, depth, None)
                        }
                        // the number as the agreement writes it: a renderer
                        // counts on from the list's first item, so a loose
                        // list's "2." after five paragraphs would read "6."
                        Some(Some(n)) => {
                            let m = written_number(&source[at..])
                                .map_or_else(|| format!("{n}. "), |w| format!("{w} "));
                            *n += 1;
                            m
                        }
                        _ => "- ".to_string(),
                    };
                    push(&mut pieces, &mut in_definition, Piece::Break);
                    push(&mut pieces, &mut in_definition, Piece::Text(marker, at));
                }
                Tag::TableHead | Tag::TableRow => {
                    cell = 0;
                    push(&mut pieces, &mut in_definition, Piece::Break);
                }
                Tag::TableCell => {
                    if cell > 0 {
                        push(
                            &mut pieces,
                            &mut in_definition,
                            Piece::Text("\t".into(), at),
                        );
                    }
                    cell += 1;
                }
                Tag::FootnoteDefinition(label) => {
                    in_definition = Some((label.to_string(), String::new()));
                }
                Tag::MetadataBlock(_) => in_metadata = true,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    in_heading = false;
                    push(&mut pieces, &mut in_definition, Piece::Blank);
                    pieces.push(Piece::BlockEnd);
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::Table
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock => {
                    let line_only =
                        matches!(tag, TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead);
                    let end = if line_only {
                        Piece::Break
                    } else {
                        Piece::Blank
                    };
                    push(&mut pieces, &mut in_definition, end);
                    if in_definition.is_none() {
                        pieces.push(Piece::BlockEnd);
                    } else if let Some((_, t)) = &mut in_definition {
                        t.push(' ');
                    }
                }
                TagEnd::List(_) => {
                    lists.pop();
                    push(&mut pieces, &mut in_definition, Piece::Blank);
                }
                TagEnd::FootnoteDefinition => {
                    if let Some((label, text)) = in_definition.take() {
                        definitions.insert(label, text);
                    }
                }
                TagEnd::MetadataBlock(_) => in_metadata = false,
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                if in_metadata {
                    continue;
                }
                if in_sup > 0 {
                    sup_text
                        .get_or_insert_with(|| (String::new(), at))
                        .0
                        .push_str(&t);
                    continue;
                }
                if !in_heading && in_definition.is_none() {
                    body_chars += t.trim().len();
                }
                push(
                    &mut pieces,
                    &mut in_definition,
                    Piece::Text(t.to_string(), at),
                );
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let tag = h.trim_start().to_ascii_lowercase();
                if tag.starts_with("<sup") && !tag.contains("</sup") && !tag.ends_with("/>") {
                    in_sup += 1;
                    continue;
                }
                if tag.starts_with("</sup") && in_sup > 0 {
                    in_sup -= 1;
                    if in_sup == 0 {
                        if let Some((text, start)) = sup_text.take() {
                            let kept = match Superscript::of(&text) {
                                Superscript::NumberSuffix => true,
                                Superscript::Mark => false,
                                Superscript::Note => !in_heading,
                            };
                            if kept {
                                if !in_heading && in_definition.is_none() {
                                    body_chars += text.trim().len();
                                }
                                push(&mut pieces, &mut in_definition, Piece::Text(text, start));
                            }
                        }
                    }
                    continue;
                }
                if in_sup > 0 {
                    continue;
                }
                // tags go, text between them stays: `<b>x</b>` → `x`
                let text = html_text(&h);
                if !text.trim().is_empty() {
                    if !in_heading && in_definition.is_none() {
                        body_chars += text.trim().len();
                    }
                    push(&mut pieces, &mut in_definition, Piece::Text(text, at));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if in_heading || in_definition.is_some() {
                    push(&mut pieces, &mut in_definition, Piece::Text(" ".into(), at));
                } else {
                    push(&mut pieces, &mut in_definition, Piece::Break);
                }
            }
            Event::FootnoteReference(label) => {
                let n = match cited.iter().position(|l| *l == *label) {
                    Some(i) => i + 1,
                    None => {
                        cited.push(label.to_string());
                        cited.len()
                    }
                };
                if in_definition.is_none() {
                    cited_since_block.push(n);
                }
            }
            Event::Rule => push(&mut pieces, &mut in_definition, Piece::Blank),
            _ => {}
        }
        item_opened = opens_item;
        if let Some(Piece::BlockEnd) = pieces.last() {
            if !cited_since_block.is_empty() {
                pending.push((pieces.len() - 1, std::mem::take(&mut cited_since_block)));
            }
        }
    }
    assemble(source, pieces, &cited, &definitions, &pending, body_chars)
}

/// The text of a fragment of HTML inside Markdown, through the HTML reader's parser.
fn html_text(fragment: &str) -> String {
    if !fragment.contains('<') {
        return fragment.to_string();
    }
    let doc = scraper::Html::parse_fragment(fragment);
    doc.root_element().text().collect::<String>()
}

fn assemble(
    source: &str,
    pieces: Vec<Piece>,
    cited: &[String],
    definitions: &HashMap<String, String>,
    pending: &[(usize, Vec<usize>)],
    body_chars: usize,
) -> Lines {
    // the source line of an offset, by binary search (counting the newlines
    // before each piece made a long document quadratic: 27 s for 13 MB)
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', source.as_bytes()).collect();
    let line_of = |offset: usize| 1 + newlines.partition_point(|&n| n < offset.min(source.len()));
    let mut raw = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (offset in raw, source offset)
    let mut next_pending = pending.iter().peekable();
    for (i, piece) in pieces.into_iter().enumerate() {
        match piece {
            Piece::Text(t, at) => {
                if !t.trim().is_empty() {
                    starts.push((raw.len(), at));
                }
                raw.push_str(&t);
            }
            Piece::Break => {
                if !raw.is_empty() && !raw.ends_with('\n') {
                    raw.push('\n');
                }
            }
            Piece::Blank => {
                if !raw.is_empty() && !raw.ends_with('\n') {
                    raw.push('\n');
                }
                if !raw.is_empty() && !raw.ends_with("\n\n") {
                    raw.push('\n');
                }
            }
            Piece::BlockEnd => {
                while let Some((_, notes)) = next_pending.next_if(|(p, _)| *p == i) {
                    // the notes follow the block's last line, then the blank line
                    let blank = raw.ends_with("\n\n");
                    if blank {
                        raw.pop();
                    }
                    for &n in notes {
                        let body = definitions
                            .get(&cited[n - 1])
                            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
                            .unwrap_or_default();
                        if !raw.ends_with('\n') {
                            raw.push('\n');
                        }
                        raw.push_str(&format!("[{n}] {body}\n"));
                    }
                    if blank {
                        raw.push('\n');
                    }
                }
            }
        }
    }
    // lines trimmed, runs of blank lines as one, each line anchored to the
    // source line its first text came from
    let mut text = String::with_capacity(raw.len());
    let mut anchors = Vec::new();
    let mut starts = starts.into_iter().peekable();
    let mut offset = 0;
    let mut blank = true;
    for line in raw.split('\n') {
        let line_end = offset + line.len();
        let mut src = None;
        while let Some(&(o, s)) = starts.peek() {
            if o > line_end {
                break;
            }
            src.get_or_insert(s);
            starts.next();
        }
        offset = line_end + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !blank {
                text.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        if let Some(s) = src {
            anchors.push(Anchor {
                offset: text.len(),
                line: line_of(s),
                page: None,
            });
        }
        text.push_str(trimmed);
        text.push('\n');
    }
    // one line end at the end, not a blank line
    let kept = text.trim_end().len();
    text.truncate(kept);
    text.push('\n');
    Lines {
        text,
        anchors,
        body_chars,
    }
}

/// An ordered list item's marker as written at the start of `item` ("2.",
/// "14)"): up to nine digits and their delimiter; `None` when the item does
/// not open with one.
fn written_number(item: &str) -> Option<&str> {
    let digits = item.bytes().take_while(u8::is_ascii_digit).count();
    let delimiter = item.as_bytes().get(digits)?;
    ((1..=9).contains(&digits) && matches!(delimiter, b'.' | b')')).then(|| &item[..=digits])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(md: &str) -> String {
        to_lines(md).text
    }

    #[test]
    fn a_numbered_list_inside_another_is_lettered() {
        // pandoc's Markdown of a Word draft: "(a)", "(b)" become "1.", "2."
        // one level in; read as siblings of paragraph 2, the exclusion lost
        // its chapeau
        let t = text_of("2. This Article shall not apply to:\n    1. subsidies; or\n    2. broadcasting services:\n        1. radio;\n        2. television.\n3. Next.\n");
        assert_eq!(
            t,
            "2. This Article shall not apply to:\n(a) subsidies; or\n(b) broadcasting services:\n(i) radio;\n(ii) television.\n\n3. Next.\n"
        );
    }

    #[test]
    fn headings_lose_their_markers() {
        let t = text_of("# AGREEMENT\n\n## SECTION A\n\n### Article 11: Customs Duties\n\n11.1 No **Party** shall impose [duties](http://x).\n");
        assert_eq!(
            t,
            "AGREEMENT\n\nSECTION A\n\nArticle 11: Customs Duties\n\n11.1 No Party shall impose duties.\n"
        );
    }

    #[test]
    fn footnotes_follow_the_paragraph_that_cites_them() {
        let t = text_of("Article 1\n\nText with a note.[^a] More.\n\nNext paragraph.\n\n[^a]: The note, on\n    two lines.\n");
        assert_eq!(
            t,
            "Article 1\n\nText with a note. More.\n[1] The note, on two lines.\n\nNext paragraph.\n"
        );
    }

    #[test]
    fn lists_keep_their_numbers_and_tables_their_rows() {
        let t = text_of(
            "1. First.\n2. Second.\n\n| Sector | Measure |\n|---|---|\n| Audiovisual | None |\n",
        );
        assert_eq!(
            t,
            "1. First.\n2. Second.\n\nSector\tMeasure\nAudiovisual\tNone\n"
        );
    }

    #[test]
    fn list_items_keep_the_numbers_the_agreement_writes() {
        // one list to a Markdown renderer, which would number it 1, 2, 3:
        // a paragraph cited as "2." must not become "6." or "3."
        let t = text_of("1. First.\n\n4. Fourth, as written.\n\n4) Again four.\n");
        assert_eq!(t, "1. First.\n\n4. Fourth, as written.\n\n4) Again four.\n");
        assert_eq!(written_number("12. Text"), Some("12."));
        assert_eq!(written_number("3) Text"), Some("3)"));
        assert_eq!(written_number("Text"), None);
        assert_eq!(written_number("1234567890. Text"), None);
    }

    #[test]
    fn front_matter_and_html_tags_are_not_text() {
        let t = text_of("---\ntitle: x\n---\n\n# Title\n\nText<sup>1</sup> here.\n");
        assert_eq!(t, "Title\n\nText here.\n");
    }

    #[test]
    fn headings_without_a_space_and_their_notes() {
        // a treaty database's page: marks without a space, an editor's note
        // in superscript before the title
        let t = text_of(
            "##Agreement\n\n### Article  I\n\n####<sup> 3) [Red: Amended by the Protocol.] </sup>General \
             Most-Favoured-Nation Treatment\n\n1. With respect to duties<sup>1</sup> of any kind, \
             Article 5<sup>bis</sup>.\n",
        );
        assert_eq!(
            t,
            "Agreement\n\nArticle  I\n\nGeneral Most-Favoured-Nation Treatment\n\n\
             1. With respect to duties of any kind, Article 5bis.\n"
        );
        // a `<sup>` never closed ends with its paragraph, its text kept
        assert_eq!(
            text_of("Duties<sup>see note\n\nNext paragraph.\n"),
            "Dutiessee note\n\nNext paragraph.\n"
        );
        // `#hashtag` is no heading, and a space already there stays one
        assert_eq!(
            text_of("#hashtag\n\n## Article 1\n"),
            "#hashtag\n\nArticle 1\n"
        );
    }

    #[test]
    fn lines_point_back_to_the_markdown_source() {
        let lines = to_lines("# A\n\n\n\n## Article 2\n\nBody text.\n");
        let t = LocatedText::with_anchors(lines.text.clone(), lines.anchors);
        let at = t.text.find("Body").unwrap();
        assert_eq!(t.locate(at).line, 7);
        assert_eq!(t.locate(t.text.find("Article").unwrap()).line, 5);
    }

    #[test]
    fn detection_needs_several_atx_headings() {
        assert!(looks_like_markdown(b"# Title\n\n## Article 1\n\ntext"));
        assert!(!looks_like_markdown(b"# Title\n\nArticle 1\n\ntext"));
        assert!(!looks_like_markdown(b"#hashtag\n#another\n"));
    }
}
