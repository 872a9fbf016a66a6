//! Structure parser: text with a location map in, provision tree out. Lines are
//! classified by the pest grammar (`lines`); the tree is built here with a stack,
//! because nesting depends on context a line grammar cannot see.

mod builder;
mod entries;
mod footnotes;
pub use footnotes::{end_notes, EndNotes};
mod lines;
mod runin;

pub use builder::{ends_unfinished_word, is_title_like};
pub use entries::has_enacting_formula;
pub use lines::{classify, strip_heading_keyword, Heading, Line, Marker, MarkerStyle};

use crate::provision::{
    assign_paths, Agreement, Kind, Metadata, Paragraphs, Provision, SourceFormat,
};
use crate::text::LocatedText;
use std::borrow::Cow;
use std::ops::Range;

/// Parses a whole agreement from text (plain text or PDF).
pub fn parse_text(file: String, format: SourceFormat, mut text: LocatedText) -> Agreement {
    runin::break_run_in_headings(&mut text);
    let (mut provisions, contents) = builder::build_document(&text);
    entries::fall_back_to_entries(&text, &mut provisions);
    assign_paths(&mut provisions);
    Agreement {
        file,
        format,
        metadata: Metadata::default(),
        provisions,
        text,
        paragraphs: Paragraphs::Parsed,
        contents,
    }
}

/// Parses the inside of one article whose headings are known already (ToTA XML):
/// returns the article's own text (before its first paragraph) and its paragraphs.
pub fn parse_body(text: &LocatedText, range: Range<usize>) -> (String, Vec<Provision>) {
    let children = builder::build(text, range.clone(), builder::Mode::ArticleBody);
    let own_end = children.first().map_or(range.end, |c| c.span.start);
    let own = text.text[range.start..own_end].trim().to_string();
    (own, children)
}

/// The paragraphs of an article: from the tree, or parsed now when the source
/// deferred them (`Paragraphs::Deferred`, ToTA XML read by `check`). Parsed
/// now, they carry spans but no paths.
pub fn paragraphs_of<'a>(agreement: &Agreement, article: &'a Provision) -> Cow<'a, [Provision]> {
    let deferred = agreement.paragraphs == Paragraphs::Deferred
        && article.kind == Kind::Article
        && article.children.is_empty();
    if deferred {
        Cow::Owned(parse_body(&agreement.text, article.span.clone()).1)
    } else {
        Cow::Borrowed(&article.children)
    }
}
