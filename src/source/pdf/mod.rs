//! PDF: text page by page in reading order, with every line knowing its page.
//!
//! pdf-extract interprets the content streams and fonts; `layout` turns its
//! positioned glyphs into lines; `cleanup` drops page furniture and joins
//! hyphenated words; `guard` keeps a hostile or broken file from crashing or
//! hanging the run.

mod cleanup;
mod guard;
mod layout;

use super::SourceError;
use crate::text::{Anchor, LocatedText};
use guard::JobError;
use layout::{Collector, PageLine, Stop};
use lopdf::Document;
use std::path::Path;
use std::time::{Duration, Instant};

/// Time for reading one PDF. A 700-page agreement full of tables takes a few
/// seconds; past this the file is treated as broken.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Fewer letters than this per page on average means the pages are images.
const MIN_LETTERS_PER_PAGE: usize = 8;

/// What went wrong, before it is tied to a path.
#[derive(Debug)]
enum Failure {
    Corrupt(String),
    Encrypted,
    TimedOut,
}

/// One page as extracted: its lines, or why it could not be read.
struct Page {
    lines: Vec<PageLine>,
    problem: Option<String>,
}

pub fn extract(path: &Path, bytes: &[u8]) -> Result<LocatedText, SourceError> {
    let owned = bytes.to_vec();
    let deadline = Instant::now() + TIME_LIMIT;
    let result = guard::run_isolated(TIME_LIMIT + Duration::from_secs(5), move || {
        read_pages(&owned, deadline)
    });
    let pages = match result {
        Ok(Ok(pages)) => pages,
        Ok(Err(f)) => return Err(failure_error(path, f)),
        Err(JobError::Panicked(reason)) => {
            return Err(failure_error(path, Failure::Corrupt(reason)))
        }
        Err(JobError::TimedOut) => return Err(failure_error(path, Failure::TimedOut)),
    };
    check_has_text(path, &pages)?;
    Ok(assemble(pages))
}

fn failure_error(path: &Path, f: Failure) -> SourceError {
    let path = path.into();
    match f {
        Failure::Encrypted => SourceError::PdfEncrypted { path },
        Failure::Corrupt(reason) => SourceError::Pdf { path, reason },
        Failure::TimedOut => SourceError::Pdf {
            path,
            reason: format!(
                "reading it took longer than {} s; the file may be corrupt",
                TIME_LIMIT.as_secs()
            ),
        },
    }
}

/// Runs on the worker thread: loads the document and extracts every page.
fn read_pages(bytes: &[u8], deadline: Instant) -> Result<Vec<Page>, Failure> {
    let doc = Document::load_mem(bytes).map_err(load_failure)?;
    // lopdf opens files protected by an owner password only (empty user
    // password) by itself; an encryption dictionary still present means it
    // could not.
    if doc.is_encrypted() {
        return Err(Failure::Encrypted);
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(Failure::Corrupt(
            "no pages found (truncated or damaged file?)".into(),
        ));
    }
    let mut pages = Vec::with_capacity(page_ids.len());
    for (&number, &id) in &page_ids {
        if Instant::now() > deadline {
            return Err(Failure::TimedOut);
        }
        pages.push(match guard::page_structure_problem(&doc, id) {
            Some(problem) => Page::failed(problem.into()),
            None => read_page(&doc, number, deadline),
        });
    }
    if pages.iter().all(|p| p.problem.is_some()) {
        let first = pages[0].problem.clone().unwrap_or_default();
        return Err(Failure::Corrupt(format!("no page could be read ({first})")));
    }
    let mut lines: Vec<Vec<PageLine>> = pages
        .iter_mut()
        .map(|p| std::mem::take(&mut p.lines))
        .collect();
    cleanup::clean(&mut lines);
    for (page, lines) in pages.iter_mut().zip(lines) {
        page.lines = lines;
    }
    Ok(pages)
}

fn load_failure(e: lopdf::Error) -> Failure {
    let msg = e.to_string();
    let lower = msg.to_lowercase();
    if lower.contains("crypt") || lower.contains("password") {
        Failure::Encrypted
    } else {
        Failure::Corrupt(format!("{msg} (the file may be truncated or damaged)"))
    }
}

fn read_page(doc: &Document, number: u32, deadline: Instant) -> Page {
    let mut collector = Collector::new(deadline);
    let run = guard::catch(|| pdf_extract::output_doc_page(doc, &mut collector, number));
    let problem = match (run, &collector.stopped) {
        (_, Some(Stop::Deadline)) => Some("time limit reached".to_string()),
        // a page stopped at the glyph limit keeps what it has
        (_, Some(Stop::TooManyGlyphs)) | (Ok(Ok(())), None) => None,
        (Ok(Err(e)), None) => Some(e.to_string()),
        (Err(panic), None) => Some(panic),
    };
    // text read before a failure is still the page's text
    Page {
        lines: collector.into_lines(),
        problem,
    }
}

impl Page {
    fn failed(problem: String) -> Self {
        Page {
            lines: Vec::new(),
            problem: Some(problem),
        }
    }
}

/// A document whose pages carry (almost) no letters is a scan: say so, rather
/// than returning an empty agreement. A typed cover page in front of scanned
/// pages does not make it a text document.
fn check_has_text(path: &Path, pages: &[Page]) -> Result<(), SourceError> {
    let letters: Vec<usize> = pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| l.text.chars().filter(|c| c.is_alphabetic()).count())
                .sum()
        })
        .collect();
    let total: usize = letters.iter().sum();
    let without_text = letters
        .iter()
        .filter(|&&n| n < MIN_LETTERS_PER_PAGE)
        .count();
    if total < MIN_LETTERS_PER_PAGE * pages.len() || without_text * 10 >= pages.len() * 9 {
        return Err(SourceError::PdfNeedsOcr { path: path.into() });
    }
    Ok(())
}

/// Joins the pages into one text with an anchor at each page start. A blank
/// line marks a paragraph gap (more than one and a half line heights), and a
/// page that could not be read says so in the text rather than vanishing.
fn assemble(pages: Vec<Page>) -> LocatedText {
    let mut text = String::new();
    let mut anchors = Vec::with_capacity(pages.len());
    let mut line = 1;
    for (i, page) in pages.iter().enumerate() {
        anchors.push(Anchor {
            offset: text.len(),
            line,
            page: Some(i as u32 + 1),
        });
        if let Some(problem) = &page.problem {
            let problem = problem.replace('\n', " ");
            text.push_str(&format!(
                "[page {}: text not extracted: {problem}]\n",
                i + 1
            ));
            line += 1;
        }
        let mut prev: Option<&PageLine> = None;
        for l in &page.lines {
            if prev.is_some_and(|p| l.v - p.v > 1.5 * p.size.max(l.size)) {
                text.push('\n');
                line += 1;
            }
            text.push_str(&l.text);
            text.push('\n');
            line += 1;
            prev = Some(l);
        }
    }
    LocatedText::with_anchors(text, anchors)
}
