//! The body of a Word document (and its footnotes and endnotes) as lines:
//! one per paragraph, with its list number, tracked changes read one way or
//! the other, and the tracked text that is read kept as revision spans.

use super::numbering::Numbering;
use super::xml::{events, El, Ev};
use crate::source::Revisions;
use crate::text::{LocatedText, Revision, RevisionKind, RevisionSpan};
use std::collections::HashMap;
use std::ops::Range;

/// Elements whose content is never text as printed: the other branch of
/// alternate content (the same text box again), field codes, property
/// changes (which hold the old properties, numbering included), comments.
const SKIPPED: &[&str] = &[
    "Fallback",
    "instrText",
    "delInstrText",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
    "comment",
    "commentRangeStart",
];

/// A line of text with the tracked changes in it (ranges in `text`).
#[derive(Debug, Default, Clone)]
struct Line {
    text: String,
    revisions: Vec<(Range<usize>, Revision)>,
}

impl Line {
    fn push_str(&mut self, s: &str, revision: Option<&Revision>) {
        let start = self.text.len();
        self.text.push_str(s);
        if let Some(r) = revision {
            match self.revisions.last_mut() {
                Some((range, last)) if range.end == start && last == r => {
                    range.end = self.text.len()
                }
                _ => self.revisions.push((start..self.text.len(), r.clone())),
            }
        }
    }

    fn append(&mut self, other: &Line) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        self.revisions.extend(
            other
                .revisions
                .iter()
                .map(|(r, rev)| (r.start + shift..r.end + shift, rev.clone())),
        );
    }
}

#[derive(Debug, Default)]
struct Para {
    line: Line,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
    /// Text was dropped from it (tracked the other way).
    dropped: bool,
    /// Its paragraph mark is tracked the other way (`w:ins` or `w:del` in
    /// the paragraph's properties: a paragraph inserted, read as it stood
    /// before, or deleted, read as proposed): left empty, it is not there at
    /// all. A paragraph whose text alone went stays, empty, as Word shows it.
    mark_removed: bool,
    notes: Vec<(NoteKind, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

enum Frame {
    Para(Para),
    /// A table row: its cells' paragraphs, tab-separated, become one line.
    Row {
        line: Line,
        cells: usize,
        notes: Vec<(NoteKind, String)>,
        dropped: bool,
    },
}

/// A paragraph or row ready to print, before numbering.
struct Out {
    line: Line,
    numbering: Option<(String, usize)>,
    notes: Vec<(NoteKind, String)>,
}

struct Walker<'a> {
    mode: Revisions,
    numbering: &'a Numbering,
    frames: Vec<Frame>,
    out: Vec<Out>,
    /// Tracked changes the current text is inside, with whether their text is read.
    revisions: Vec<(Revision, bool)>,
    /// Open fields, true while in their code (before `separate`).
    fields: Vec<bool>,
    skip: usize,
    /// Inside `w:t` or `w:delText`.
    in_text: bool,
    in_ppr: usize,
}

impl<'a> Walker<'a> {
    fn new(mode: Revisions, numbering: &'a Numbering) -> Self {
        Walker {
            mode,
            numbering,
            frames: Vec::new(),
            out: Vec::new(),
            revisions: Vec::new(),
            fields: Vec::new(),
            skip: 0,
            in_text: false,
            in_ppr: 0,
        }
    }

    fn para(&mut self) -> Option<&mut Para> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Para(p) => Some(p),
            Frame::Row { .. } => None,
        })
    }

    fn kept(&self) -> bool {
        self.revisions.iter().all(|(_, keep)| *keep) && !self.fields.iter().any(|&code| code)
    }

    fn put(&mut self, s: &str) {
        if !self.kept() {
            if !self.fields.iter().any(|&code| code) {
                if let Some(p) = self.para() {
                    p.dropped = true;
                }
            }
            return;
        }
        let revision = self.revisions.last().map(|(r, _)| r.clone());
        if let Some(p) = self.para() {
            p.line.push_str(s, revision.as_ref());
        }
    }

    fn open(&mut self, e: El) {
        if self.skip > 0 || SKIPPED.contains(&e.name.as_str()) {
            self.skip += 1;
            return;
        }
        if self.in_ppr > 0 {
            let removed = match e.name.as_str() {
                "ins" | "moveTo" => self.mode == Revisions::Original,
                "del" | "moveFrom" => self.mode == Revisions::Proposed,
                _ => false,
            };
            if let Some(p) = self.para().filter(|_| removed) {
                p.mark_removed = true;
            }
        }
        let kind = match e.name.as_str() {
            "ins" => Some((RevisionKind::Insertion, self.mode == Revisions::Proposed)),
            "moveTo" => Some((RevisionKind::Move, self.mode == Revisions::Proposed)),
            "del" => Some((RevisionKind::Deletion, self.mode == Revisions::Original)),
            "moveFrom" => Some((RevisionKind::Move, self.mode == Revisions::Original)),
            _ => None,
        };
        if let Some((kind, keep)) = kind {
            let revision = Revision {
                kind,
                author: e.attr("author").unwrap_or("").trim().to_string(),
                date: e.attr("date").map(|d| d.trim().to_string()),
            };
            self.revisions.push((revision, keep));
            return;
        }
        match e.name.as_str() {
            "p" => self.frames.push(Frame::Para(Para::default())),
            "tr" => self.frames.push(Frame::Row {
                line: Line::default(),
                cells: 0,
                notes: Vec::new(),
                dropped: false,
            }),
            "tc" => {
                if let Some(Frame::Row { line, cells, .. }) = self.frames.last_mut() {
                    if *cells > 0 {
                        line.text.push('\t');
                    }
                    *cells += 1;
                }
            }
            "pPr" => self.in_ppr += 1,
            "pStyle" if self.in_ppr > 0 => {
                let v = e.attr("val").map(String::from);
                if let Some(p) = self.para() {
                    p.style = v;
                }
            }
            "numId" if self.in_ppr > 0 => {
                let v = e.attr("val").map(String::from);
                if let Some(p) = self.para() {
                    p.num_id = v;
                }
            }
            "ilvl" if self.in_ppr > 0 => {
                let v = e.attr("val").and_then(|v| v.parse().ok());
                if let Some(p) = self.para() {
                    p.ilvl = v;
                }
            }
            "t" | "delText" if self.in_ppr == 0 => self.in_text = true,
            "tab" | "ptab" if self.in_ppr == 0 => self.put("\t"),
            "br" if self.in_ppr == 0 => match e.attr("type") {
                Some("page" | "column") => self.put(" "),
                _ => self.put("\n"),
            },
            "cr" => self.put("\n"),
            "noBreakHyphen" => self.put("-"),
            "fldChar" => match e.attr("fldCharType") {
                Some("begin") => self.fields.push(true),
                Some("separate") => {
                    if let Some(code) = self.fields.last_mut() {
                        *code = false;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "footnoteReference" | "endnoteReference" if self.kept() => {
                let kind = if e.name == "footnoteReference" {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                if let Some(id) = e.attr("id").map(String::from) {
                    if let Some(p) = self.para() {
                        p.notes.push((kind, id));
                    }
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "ins" | "del" | "moveTo" | "moveFrom" => {
                self.revisions.pop();
            }
            "t" | "delText" => self.in_text = false,
            "pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
            "p" => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    self.finish_para(p);
                }
            }
            "tr" => {
                if let Some(Frame::Row {
                    line,
                    notes,
                    dropped,
                    ..
                }) = self.frames.pop()
                {
                    let empty = line.text.trim().is_empty();
                    if !(empty && dropped) {
                        self.emit(Out {
                            line,
                            numbering: None,
                            notes,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn finish_para(&mut self, p: Para) {
        let empty = p.line.text.trim().is_empty();
        if empty && p.mark_removed {
            return; // a paragraph the changes took away whole
        }
        match self.frames.last_mut() {
            // a cell's paragraphs join the row's line
            Some(Frame::Row {
                line,
                notes,
                dropped,
                ..
            }) => {
                if !empty {
                    if !line.text.is_empty() && !line.text.ends_with('\t') {
                        line.text.push(' ');
                    }
                    let mut trimmed = p.line.clone();
                    trimmed.text = trimmed.text.replace('\n', " ");
                    line.append(&trimmed);
                }
                notes.extend(p.notes);
                *dropped |= p.dropped;
            }
            // a paragraph, or a text box inside one: a line of its own
            _ => {
                let numbering =
                    self.numbering
                        .resolve(p.num_id.as_deref(), p.ilvl, p.style.as_deref());
                self.emit(Out {
                    line: p.line,
                    numbering,
                    notes: p.notes,
                });
            }
        }
    }

    fn emit(&mut self, out: Out) {
        self.out.push(out);
    }

    fn run(&mut self, evs: Vec<Ev>) {
        for ev in evs {
            match ev {
                Ev::Open(e) => self.open(e),
                Ev::Close(name) => self.close(&name),
                Ev::Text(t) => {
                    if self.skip == 0 && self.in_text {
                        self.put(&t);
                    }
                }
            }
        }
    }
}

/// The notes of a footnotes or endnotes part: id → its text on one line.
fn notes(
    xml: &str,
    mode: Revisions,
    numbering: &Numbering,
) -> Result<HashMap<String, Line>, String> {
    let mut walker = Walker::new(mode, numbering);
    let mut found = HashMap::new();
    let mut current: Option<(String, usize)> = None;
    for ev in events(xml)? {
        match ev {
            Ev::Open(e) if walker.skip == 0 && (e.name == "footnote" || e.name == "endnote") => {
                let separator = e.attr("type").is_some_and(|t| t != "normal");
                current = (!separator)
                    .then(|| e.attr("id").map(|id| (id.to_string(), walker.out.len())))
                    .flatten();
            }
            Ev::Close(name) if walker.skip == 0 && (name == "footnote" || name == "endnote") => {
                if let Some((id, from)) = current.take() {
                    let mut line = Line::default();
                    for out in &walker.out[from..] {
                        let t = out.line.text.trim();
                        if t.is_empty() {
                            continue;
                        }
                        if !line.text.is_empty() {
                            line.text.push(' ');
                        }
                        let lead = out.line.text.len() - out.line.text.trim_start().len();
                        let mut piece = out.line.clone();
                        piece.text = piece.text.replace('\n', " ");
                        // drop leading blanks (the space after the mark), shifting spans
                        piece.text.drain(..lead);
                        piece.revisions = piece
                            .revisions
                            .into_iter()
                            .filter(|(r, _)| r.end > lead)
                            .map(|(r, rev)| (r.start.saturating_sub(lead)..r.end - lead, rev))
                            .collect();
                        line.append(&piece);
                    }
                    found.insert(id, line);
                }
            }
            Ev::Open(e) => walker.open(e),
            Ev::Close(name) => walker.close(&name),
            Ev::Text(t) => {
                if walker.skip == 0 && walker.in_text {
                    walker.put(&t);
                }
            }
        }
    }
    Ok(found)
}

/// The document as text: numbered paragraphs, note lines, revision spans.
pub fn read(
    document: &str,
    footnotes: Option<&str>,
    endnotes: Option<&str>,
    mut numbering: Numbering,
    mode: Revisions,
) -> Result<LocatedText, String> {
    let foot = match footnotes {
        Some(x) => notes(x, mode, &numbering).map_err(|e| format!("footnotes: {e}"))?,
        None => HashMap::new(),
    };
    let end = match endnotes {
        Some(x) => notes(x, mode, &numbering).map_err(|e| format!("endnotes: {e}"))?,
        None => HashMap::new(),
    };
    let out = {
        let mut walker = Walker::new(mode, &numbering);
        walker.run(events(document)?);
        walker.out
    };
    let mut text = Line::default();
    let mut counters: HashMap<NoteKind, usize> = HashMap::new();
    for o in out {
        let mut line = Line::default();
        if let Some((num, level)) = &o.numbering {
            if let Some(label) = numbering.next_label(num, *level) {
                line.text.push_str(&label);
            }
        }
        line.append(&o.line);
        line.text.truncate(line.text.trim_end().len());
        line.revisions.retain(|(r, _)| r.start < line.text.len());
        for (r, _) in &mut line.revisions {
            r.end = r.end.min(line.text.len());
        }
        text.append(&line);
        text.text.push('\n');
        for (kind, id) in o.notes {
            let source = if kind == NoteKind::Foot { &foot } else { &end };
            let Some(note) = source.get(&id) else {
                continue;
            };
            let n = counters.entry(kind).or_default();
            *n += 1;
            text.text.push_str(&format!("[{n}] "));
            text.append(note);
            text.text.push('\n');
        }
    }
    let spans = text
        .revisions
        .into_iter()
        .map(|(range, revision)| RevisionSpan { range, revision })
        .collect();
    Ok(LocatedText::plain(text.text).with_revisions(spans))
}
