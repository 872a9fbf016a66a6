//! Text with a location map: the one shape every source adapter produces and the
//! structure parser consumes. Offsets are byte offsets into `text`; the map turns
//! them back into the line (and page) a reader would look at in the original.

pub mod brackets;
pub mod hyphen;
pub mod language;
pub mod marks;
mod normalize;
pub mod notes;
pub mod page_numbers;

pub use marks::Marks;
pub use normalize::{fold_for_matching, fold_into, fold_text, mask_digits, FoldedText};

use serde::Serialize;

/// Where a run of text came from: from `offset` on, lines count up from `line`
/// (1-based, in the source as the user sees it) and sit on `page` (PDF only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Byte offset in the located text where this run starts.
    pub offset: usize,
    /// 1-based source line at `offset`.
    pub line: usize,
    /// 1-based PDF page of the run; `None` for other sources.
    pub page: Option<u32>,
}

/// A location as shown to a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line in the source.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 1-based PDF page; `None` for other sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// How far from its anchor an offset is located by counting lines (beyond
/// this, the line index of the whole text is built once and searched).
const NEAR_ANCHOR: usize = 64 * 1024;

/// What a tracked change did to a stretch of text (Word's revision marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    /// Text a drafter proposed to add (`w:ins`).
    Insertion,
    /// Text a drafter proposed to remove (`w:del`); in the text only when it is
    /// read as it stood before the changes.
    Deletion,
    /// Text moved from one place to another (`w:moveFrom` / `w:moveTo`).
    Move,
}

/// A tracked change as a reader cites it: what, by whom, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// Insertion, deletion or move.
    pub kind: RevisionKind,
    /// The author the word processor recorded (a person or a delegation);
    /// empty when it recorded none.
    pub author: String,
    /// The date as recorded (ISO 8601, e.g. `2026-03-02T10:00:00Z`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Revision {
    /// "proposed by Borealia delegation, 2 March 2026" (insertions and moves),
    /// "deleted by …" (deletions), for the human report.
    pub fn describe(&self) -> String {
        let verb = match self.kind {
            RevisionKind::Insertion => "proposed",
            RevisionKind::Deletion => "deleted",
            RevisionKind::Move => "moved",
        };
        let mut s = format!(
            "{verb} by {}",
            if self.author.is_empty() {
                "an unnamed author"
            } else {
                &self.author
            }
        );
        if let Some(d) = self.date.as_deref().and_then(human_date) {
            s.push_str(", ");
            s.push_str(&d);
        }
        s
    }
}

/// `2026-03-02T10:00:00Z` → "2 March 2026"; anything else as written.
fn human_date(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day_part = date.get(..10)?;
    let mut it = day_part.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return Some(date.to_string());
    };
    if y.len() != 4 || !(1..=12).contains(&m) {
        return Some(date.to_string());
    }
    Some(format!("{d} {} {y}", MONTHS[m - 1]))
}

/// Tracked text in a `LocatedText`: the byte range it occupies in `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionSpan {
    /// Byte range in the text.
    pub range: std::ops::Range<usize>,
    /// The change that put it there.
    pub revision: Revision,
}

/// An agreement's whole text with its location map: byte offsets in, source lines,
/// columns and pages out.
#[derive(Debug, Clone, Default)]
pub struct LocatedText {
    /// The text itself; provision `span`s and all offsets are byte positions in it.
    pub text: String,
    anchors: Vec<Anchor>,
    /// Stretches of `text` that a tracked change put there, sorted by start
    /// and not overlapping (empty for sources without revision marks).
    revisions: Vec<RevisionSpan>,
    /// The page number printed on each page (index 0 is page 1), where the
    /// PDF prints one: "3-12", "iv", "196" on the 200th page of the file.
    page_labels: Vec<Option<String>>,
    /// Where each line of `text` starts: found on the first `locate`, as a
    /// whole-corpus `check` locates only its few findings.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// Line breaks the structure parser put in place of a space (headings run
    /// into the text of a page saved on one line): offsets of their `\n`,
    /// sorted. They are no lines of the source: `locate` skips them.
    run_in_breaks: Vec<usize>,
}

impl LocatedText {
    /// Text whose lines are the source's lines (plain text files).
    pub fn plain(text: String) -> Self {
        Self::with_anchors(
            text,
            vec![Anchor {
                offset: 0,
                line: 1,
                page: None,
            }],
        )
    }

    /// Anchors must be sorted by offset; the first should sit at offset 0.
    pub fn with_anchors(text: String, mut anchors: Vec<Anchor>) -> Self {
        if anchors.first().is_none_or(|a| a.offset != 0) {
            anchors.insert(
                0,
                Anchor {
                    offset: 0,
                    line: 1,
                    page: None,
                },
            );
        }
        LocatedText {
            text,
            anchors,
            revisions: Vec::new(),
            page_labels: Vec::new(),
            line_starts: std::sync::OnceLock::new(),
            run_in_breaks: Vec::new(),
        }
    }

    /// Puts a line break in place of the ASCII space at each of `offsets`
    /// (byte offsets in `text`; others are left alone), for the structure
    /// parser to read a heading run into the text as a line of its own.
    /// Offsets and lengths do not change, and `locate` still gives the
    /// source's lines and columns.
    pub fn break_lines_at(&mut self, offsets: &[usize]) {
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for &o in offsets {
            if bytes.get(o) == Some(&b' ') {
                bytes[o] = b'\n';
                self.run_in_breaks.push(o);
            }
        }
        self.text = String::from_utf8(bytes).expect("an ASCII space for a newline keeps UTF-8");
        self.run_in_breaks.sort_unstable();
        self.run_in_breaks.dedup();
        self.line_starts = std::sync::OnceLock::new();
    }

    /// The same text with the page numbers printed on its pages (`labels[0]`
    /// is printed on page 1; `None` where none was found).
    pub fn with_page_labels(mut self, labels: Vec<Option<String>>) -> Self {
        self.page_labels = labels;
        self
    }

    /// The number printed on `page` (1-based, as `Location::page`), when the
    /// document prints one there that differs from the page's place in the
    /// file: what a reader of the printed text cites ("3-12" for page 37).
    pub fn page_label(&self, page: u32) -> Option<&str> {
        let label = self
            .page_labels
            .get((page as usize).checked_sub(1)?)?
            .as_deref()?;
        (label != page.to_string()).then_some(label)
    }

    /// The same text with its tracked changes; `spans` are sorted here.
    pub fn with_revisions(mut self, mut spans: Vec<RevisionSpan>) -> Self {
        spans.retain(|s| s.range.start < s.range.end);
        spans.sort_by_key(|s| s.range.start);
        self.revisions = spans;
        self
    }

    /// Every tracked change in the text, in text order.
    pub fn revisions(&self) -> &[RevisionSpan] {
        &self.revisions
    }

    /// The first tracked change overlapping `range` (byte offsets in `text`),
    /// if any: where a finding's matched words came from a proposal.
    pub fn revision_in(&self, range: std::ops::Range<usize>) -> Option<&Revision> {
        let end = range.end.max(range.start + 1);
        let first = self
            .revisions
            .partition_point(|s| s.range.end <= range.start);
        self.revisions
            .get(first)
            .filter(|s| s.range.start < end)
            .map(|s| &s.revision)
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1));
            starts
        })
    }

    /// 0-based index of the line of `text` holding `offset`.
    pub fn text_line_index(&self, offset: usize) -> usize {
        self.line_starts().partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where the 0-based line `index` of `text` starts; panics past the last line.
    pub fn line_start(&self, index: usize) -> usize {
        self.line_starts()[index]
    }

    /// Number of lines in `text` (a trailing newline opens one more, empty line).
    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// Lines counted over `range` and the start of the line at its end, as
    /// the source has them: the breaks `break_lines_at` put in are neither
    /// counted nor line starts.
    fn without_run_in_breaks(
        &self,
        range: std::ops::Range<usize>,
        lines: usize,
        mut start: usize,
    ) -> (usize, usize) {
        if self.run_in_breaks.is_empty() {
            return (lines, start);
        }
        let breaks_before = |o: usize| self.run_in_breaks.partition_point(|&b| b < o);
        let put_in = breaks_before(range.end) - breaks_before(range.start);
        while start > 0 && self.run_in_breaks.binary_search(&(start - 1)).is_ok() {
            start = memchr::memrchr(b'\n', &self.text.as_bytes()[..start - 1]).map_or(0, |i| i + 1);
        }
        (lines - put_in, start)
    }

    /// Source line, character column and page of a byte offset (clamped to the text's end).
    pub fn locate(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let anchor = &self.anchors[self.anchors.partition_point(|a| a.offset <= offset) - 1];
        let (lines_after_anchor, start) = if offset - anchor.offset <= NEAR_ANCHOR {
            // near its anchor (a ToTA article): count lines there rather than
            // index the whole text for a few findings
            let before = &self.text.as_bytes()[..offset];
            let lines = memchr::memchr_iter(b'\n', &before[anchor.offset..]).count();
            (lines, memchr::memrchr(b'\n', before).map_or(0, |i| i + 1))
        } else {
            let idx = self.text_line_index(offset);
            (
                idx - self.text_line_index(anchor.offset),
                self.line_starts()[idx],
            )
        };
        let (lines_after_anchor, start) =
            self.without_run_in_breaks(anchor.offset..offset, lines_after_anchor, start);
        let column = self.text[start..offset].chars().count() + 1;
        Location {
            line: anchor.line + lines_after_anchor,
            column,
            page: anchor.page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_lines_and_columns() {
        let t = LocatedText::plain("ab\ncdé\nf".into());
        assert_eq!(t.locate(0).line, 1);
        assert_eq!(t.locate(3).line, 2);
        let after_e = t.text.find('\u{e9}').unwrap() + 2;
        assert_eq!(t.locate(after_e).column, 4);
        assert_eq!(t.locate(t.text.len()).line, 3);
    }

    #[test]
    fn near_and_far_from_an_anchor_give_the_same_place() {
        // lines of varied length, far past NEAR_ANCHOR from the one anchor
        let text: String = (0..20_000)
            .map(|i| format!("line {i}{}\n", "é".repeat(i % 7)))
            .collect();
        let far = LocatedText::plain(text.clone());
        // the same text with an anchor at every line start: every offset is near
        let mut anchors = Vec::new();
        let mut at = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            anchors.push(Anchor {
                offset: at,
                line: i + 1,
                page: None,
            });
            at += line.len();
        }
        let near = LocatedText::with_anchors(text.clone(), anchors);
        for offset in (0..text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            assert_eq!(far.locate(offset), near.locate(offset), "at {offset}");
        }
    }

    #[test]
    fn revisions_are_found_by_overlap() {
        let rev = |author: &str| Revision {
            kind: RevisionKind::Insertion,
            author: author.into(),
            date: Some("2026-03-02T10:00:00Z".into()),
        };
        let t = LocatedText::plain("abc def ghi jkl".into()).with_revisions(vec![
            RevisionSpan {
                range: 8..11,
                revision: rev("B"),
            },
            RevisionSpan {
                range: 0..3,
                revision: rev("A"),
            },
        ]);
        assert_eq!(t.revision_in(1..2).map(|r| r.author.as_str()), Some("A"));
        assert_eq!(t.revision_in(4..7), None);
        assert_eq!(t.revision_in(6..9).map(|r| r.author.as_str()), Some("B"));
        assert_eq!(t.revision_in(12..15), None);
        assert_eq!(
            rev("Borealia delegation").describe(),
            "proposed by Borealia delegation, 2 March 2026"
        );
    }

    #[test]
    fn anchors_give_source_lines_and_pages() {
        let text = "one\ntwo\nthree\nfour\n".to_string();
        let t = LocatedText::with_anchors(
            text,
            vec![
                Anchor {
                    offset: 0,
                    line: 10,
                    page: Some(1),
                },
                Anchor {
                    offset: 8,
                    line: 40,
                    page: Some(2),
                },
            ],
        );
        assert_eq!(
            t.locate(4),
            Location {
                line: 11,
                column: 1,
                page: Some(1)
            }
        );
        assert_eq!(
            t.locate(15),
            Location {
                line: 41,
                column: 2,
                page: Some(2)
            }
        );
    }
}
