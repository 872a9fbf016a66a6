//! PDF: text page by page in reading order, with every line knowing its page.
//!
//! lopdf parses the file; `content` interprets each page's content stream
//! (with `font` and `cmap` for what codes mean and how wide they are, and
//! `decode` for stream filters) into positioned glyphs; `layout` turns them
//! into lines; `cleanup` drops page furniture and joins hyphenated words;
//! `limits` caps what an untrusted file may cost; `repair` rebuilds a damaged
//! cross-reference table; `guard` keeps a library failure from crashing or
//! hanging the run. Pages are read in parallel.

mod cleanup;
mod cmap;
mod content;
mod decode;
mod font;
mod guard;
mod layout;
mod limits;
mod repair;
mod standard_widths;

pub use limits::PdfLimits;

use super::SourceError;
use crate::text::{Anchor, LocatedText};
use content::{PageReader, PageStop};
use font::FontCache;
use guard::JobError;
use layout::PageLine;
use limits::Budget;
use lopdf::{Dictionary, Document, Object, ObjectId};
use rayon::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Fewer letters or digits than this per page on average means the pages
/// are images (a scanned page has none; a slide or label page a few).
const MIN_LETTERS_PER_PAGE: usize = 4;

/// Glyphs without text from which a PDF without letters is said to have
/// unreadable fonts rather than to be a scan (a scan shows none; a page of
/// text shows a thousand or more).
const MIN_UNMAPPED_GLYPHS: usize = 50;

/// The threads that read pages: a pool of their own, not rayon's global one.
/// The callers of a run (`check DIR`, `corpus`) are the global pool's
/// threads, waiting for this file; page jobs queued behind them would wait
/// for every other file of the run, and the PDF's time limit with them.
/// `None` when the threads cannot be started (pages are then read in turn).
fn page_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("treatyscan-pdf-page-{i}"))
            .stack_size(16 * 1024 * 1024)
            .build()
            .ok()
    })
    .as_ref()
}

/// What went wrong, before it is tied to a path.
#[derive(Debug)]
enum Failure {
    Corrupt(String),
    Encrypted,
    TimedOut(Duration),
}

/// One page as extracted: its lines, or why it could not be read.
struct Page {
    lines: Vec<PageLine>,
    problem: Option<String>,
    /// Character codes shown that no font maps to text (`PageReader::unmapped`).
    unmapped: usize,
    /// Of `unmapped`, those in fonts of a CJK character collection, by
    /// script (`PageReader::unmapped_by_script`).
    unmapped_by_script: Vec<(&'static str, usize)>,
    /// The page number printed on it, from its furniture.
    label: Option<String>,
}

/// Reads a PDF's text with the default limits.
pub fn extract(path: &Path, bytes: &[u8]) -> Result<LocatedText, SourceError> {
    extract_with(path, bytes, &PdfLimits::default())
}

/// Reads a PDF's text within `limits`; a file past one is refused with an
/// error naming the limit.
pub fn extract_with(
    path: &Path,
    bytes: &[u8],
    limits: &PdfLimits,
) -> Result<LocatedText, SourceError> {
    let owned = bytes.to_vec();
    let limits = *limits;
    let time = limits.time;
    let deadline = Instant::now() + time;
    let result = guard::run_isolated(time + Duration::from_secs(5), move || {
        read_pages(&owned, &limits, deadline)
    });
    let pages = match result {
        Ok(Ok(pages)) => pages,
        Ok(Err(f)) => return Err(failure_error(path, f)),
        Err(JobError::Panicked(reason)) => {
            return Err(failure_error(path, Failure::Corrupt(reason)))
        }
        Err(JobError::TimedOut) => return Err(failure_error(path, Failure::TimedOut(time))),
    };
    check_has_text(path, &pages)?;
    Ok(assemble(pages))
}

fn failure_error(path: &Path, f: Failure) -> SourceError {
    let path = path.into();
    match f {
        Failure::Encrypted => SourceError::PdfEncrypted { path },
        Failure::Corrupt(reason) => SourceError::Pdf { path, reason },
        Failure::TimedOut(time) => SourceError::Pdf {
            path,
            reason: format!(
                "reading it took longer than {} s (the time limit); the file may be corrupt",
                time.as_secs()
            ),
        },
    }
}

/// Runs on the worker thread: loads the document and extracts every page.
fn read_pages(bytes: &[u8], limits: &PdfLimits, deadline: Instant) -> Result<Vec<Page>, Failure> {
    let doc = load(bytes)?;
    if locked(&doc) {
        return Err(Failure::Encrypted);
    }
    if doc.objects.len() > limits.max_objects {
        return Err(Failure::Corrupt(format!(
            "it has more than {} objects (the limit)",
            limits.max_objects
        )));
    }
    let page_list = page_tree(&doc, limits)?;
    if page_list.is_empty() {
        return Err(Failure::Corrupt(
            "no pages found (truncated or damaged file?)".into(),
        ));
    }
    let budget = Budget::new(limits.max_decoded_bytes);
    let fonts = FontCache::default();
    let one = |&(page, resources): &(&Dictionary, Option<&Dictionary>)| {
        let r =
            guard::catch(|| read_page(&doc, page, resources, limits, &budget, &fonts, deadline));
        match r {
            Ok(r) => r,
            Err(panic) => Ok(Page::failed(panic)),
        }
    };
    let read: Vec<Result<Page, String>> = match page_pool() {
        Some(pool) => pool.install(|| page_list.par_iter().map(one).collect()),
        None => page_list.iter().map(one).collect(),
    };
    let mut pages = Vec::with_capacity(read.len());
    for r in read {
        pages.push(r.map_err(Failure::Corrupt)?);
    }
    if Instant::now() > deadline {
        return Err(Failure::TimedOut(limits.time));
    }
    if pages.iter().all(|p| p.problem.is_some()) {
        let first = pages[0].problem.clone().unwrap_or_default();
        // an encryption lopdf did not undo leaves every stream unreadable
        let encrypted = if doc.was_encrypted() {
            "it is encrypted, and "
        } else {
            ""
        };
        return Err(Failure::Corrupt(format!(
            "{encrypted}no page could be read ({first})"
        )));
    }
    let mut lines: Vec<Vec<PageLine>> = pages
        .iter_mut()
        .map(|p| std::mem::take(&mut p.lines))
        .collect();
    let labels = cleanup::clean(&mut lines);
    for ((page, lines), label) in pages.iter_mut().zip(lines).zip(labels) {
        page.lines = lines;
        page.label = label;
    }
    Ok(pages)
}

/// Loads the file as it is, then from its header on (junk before it moves
/// every offset), then with a cross-reference table rebuilt from the
/// objects found in it: the first whose pages all have content wins, else
/// the one with the most such pages.
fn load(bytes: &[u8]) -> Result<Document, Failure> {
    let start = memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").unwrap_or(0);
    let from_header = &bytes[start..];
    let mut best: Option<(usize, Document)> = None;
    let mut first_error = None;
    let mut candidates: Vec<Box<dyn Fn() -> Option<Vec<u8>>>> = Vec::new();
    if start > 0 {
        candidates.push(Box::new(|| Some(from_header.to_vec())));
    }
    candidates.push(Box::new(|| repair::rebuild_xref(from_header)));
    for attempt in std::iter::once(None).chain(candidates.iter().map(Some)) {
        let owned;
        let data: &[u8] = match attempt {
            None => bytes,
            Some(make) => match make() {
                Some(d) => {
                    owned = d;
                    &owned
                }
                None => continue,
            },
        };
        match guard::catch(|| Document::load_mem(data)) {
            Ok(Ok(mut doc)) => {
                if locked(&doc) {
                    return Ok(doc);
                }
                read_streams_without_length(&mut doc, data);
                let (with_content, all) = pages_with_content(&doc);
                if all > 0 && with_content == all {
                    return Ok(doc);
                }
                if best.as_ref().is_none_or(|b| with_content > b.0) {
                    best = Some((with_content, doc));
                }
            }
            Ok(Err(e)) => {
                if is_encryption_error(&e) {
                    return Err(Failure::Encrypted);
                }
                first_error.get_or_insert(e.to_string());
            }
            Err(panic) => {
                first_error.get_or_insert(panic);
            }
        }
    }
    if let Some((n, doc)) = best {
        if n > 0 {
            return Ok(doc);
        }
    }
    let reason = first_error.unwrap_or_else(|| "no page tree found".into());
    let reason = reason.lines().next().unwrap_or("").to_string();
    Err(Failure::Corrupt(format!(
        "{reason} (the file may be truncated or damaged)"
    )))
}

/// Streams whose `/Length` is missing or points nowhere, which lopdf leaves
/// empty (remembering where their data starts), read as other readers read
/// them: up to the `endstream` keyword, without the end of line before it.
/// `data` is the buffer `doc` was loaded from. An encrypted document's
/// streams are left as they are (their data would still be encrypted).
fn read_streams_without_length(doc: &mut Document, data: &[u8]) {
    if doc.was_encrypted() {
        return;
    }
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let Some(start) = stream.start_position else {
            continue;
        };
        if !stream.content.is_empty()
            || matches!(stream.dict.get(b"Length"), Ok(Object::Integer(_)))
        {
            continue;
        }
        let Some(rest) = data.get(start..) else {
            continue;
        };
        let Some(end) = memchr::memmem::find(rest, b"endstream") else {
            continue;
        };
        let mut body = &rest[..end];
        for eol in [&b"\n"[..], b"\r"] {
            body = body.strip_suffix(eol).unwrap_or(body);
        }
        stream.set_content(body.to_vec());
    }
}

/// How many of the first pages (up to 64) have a content stream that
/// resolves, and how many were looked at.
fn pages_with_content(doc: &Document) -> (usize, usize) {
    let Ok(pages) = page_tree(doc, &PdfLimits::default()) else {
        return (0, 0);
    };
    let sample = &pages[..pages.len().min(64)];
    let ok = sample
        .iter()
        .filter(|(p, _)| match font::deref(doc, p.get(b"Contents").ok()) {
            Some(Object::Stream(_)) => true,
            Some(Object::Array(a)) => a
                .iter()
                .any(|o| matches!(font::deref(doc, Some(o)), Some(Object::Stream(_)))),
            _ => false,
        })
        .count();
    (ok, sample.len())
}

/// Whether the document is encrypted and could not be opened: it still has
/// its encryption dictionary, or its trailer holds one while no decryption
/// was set up. lopdf's `is_encrypted` sees only a dictionary held by
/// reference; pdfminer's `rc4-40.pdf` and `aes-128.pdf` write it in the
/// trailer itself, and their pages were read undecrypted, as pages without
/// text ("a scan?").
fn locked(doc: &Document) -> bool {
    doc.is_encrypted() || (doc.trailer.has(b"Encrypt") && !doc.was_encrypted())
}

/// Whether lopdf failed to load the file for its encryption: a password it
/// could not supply, or a decryption that failed.
fn is_encryption_error(e: &lopdf::Error) -> bool {
    matches!(
        e,
        lopdf::Error::Decryption(_)
            | lopdf::Error::InvalidPassword
            | lopdf::Error::AlreadyEncrypted
    )
}

/// The page tree's root, or pages found by their type when the catalog does
/// not lead to them.
fn page_tree_root(doc: &Document) -> Vec<ObjectId> {
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|o| o.as_reference().ok());
    match root {
        Some(id) if doc.get_dictionary(id).is_ok() => vec![id],
        _ => doc
            .objects
            .iter()
            .filter(|(_, o)| {
                o.as_dict()
                    .and_then(|d| d.get(b"Type"))
                    .and_then(Object::as_name)
                    .is_ok_and(|t| t == b"Page")
            })
            .map(|(&id, _)| id)
            .collect(),
    }
}

/// Pages in order with the resources each inherits, walked once without
/// recursion: each node is visited once (a page tree that loops or a page
/// that is its own parent costs nothing), and past `max_pages` the file is
/// refused.
fn page_tree<'a>(
    doc: &'a Document,
    limits: &PdfLimits,
) -> Result<Vec<(&'a Dictionary, Option<&'a Dictionary>)>, Failure> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack: Vec<(ObjectId, Option<&Dictionary>)> = page_tree_root(doc)
        .into_iter()
        .rev()
        .map(|id| (id, None))
        .collect();
    while let Some((id, inherited)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            continue;
        };
        let resources = match font::deref(doc, dict.get(b"Resources").ok()) {
            Some(Object::Dictionary(r)) => Some(r),
            _ => inherited,
        };
        let is_page = dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|t| t == b"Page");
        match font::deref(doc, dict.get(b"Kids").ok()) {
            Some(Object::Array(kids)) if !is_page => {
                for kid in kids.iter().rev() {
                    if let Ok(k) = kid.as_reference() {
                        stack.push((k, resources));
                    }
                }
            }
            _ => {
                out.push((dict, resources));
                if out.len() > limits.max_pages {
                    return Err(Failure::Corrupt(format!(
                        "it has more than {} pages (the limit)",
                        limits.max_pages
                    )));
                }
            }
        }
    }
    Ok(out)
}

/// One page; `Err` when a budget of the whole file is exceeded.
fn read_page(
    doc: &Document,
    page: &Dictionary,
    resources: Option<&Dictionary>,
    limits: &PdfLimits,
    budget: &Budget,
    fonts: &FontCache,
    deadline: Instant,
) -> Result<Page, String> {
    let mut reader = PageReader::new(doc, limits, budget, fonts, deadline);
    let problem = match reader.read_page(page, resources) {
        Ok(()) => None,
        Err(PageStop::Limit(e)) => return Err(e.to_string()),
        Err(PageStop::Problem(p)) => Some(p),
    };
    // text read before a problem is still the page's text
    Ok(Page {
        lines: layout::lines_from_glyphs(reader.glyphs, reader.rules),
        problem,
        unmapped: reader.unmapped,
        unmapped_by_script: reader.unmapped_by_script,
        label: None,
    })
}

impl Page {
    fn failed(problem: String) -> Self {
        Page {
            lines: Vec::new(),
            problem: Some(problem),
            unmapped: 0,
            unmapped_by_script: Vec::new(),
            label: None,
        }
    }
}

/// A document whose pages carry (almost) no letters is a scan: say so, rather
/// than returning an empty agreement. A typed cover page in front of scanned
/// pages does not make it a text document. Pages that show many glyphs with
/// no text in their fonts are not a scan: those fonts are said to be
/// unreadable instead (OCR is then the way to their text too), and glyphs
/// of a Chinese, Japanese or Korean character collection, however few, say
/// the text is in that script, which is not analysed (not that it needs OCR).
fn check_has_text(path: &Path, pages: &[Page]) -> Result<(), SourceError> {
    let letters: Vec<usize> = pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| l.text.chars().filter(|c| c.is_alphanumeric()).count())
                .sum()
        })
        .collect();
    let total: usize = letters.iter().sum();
    let without_text = letters
        .iter()
        .filter(|&&n| n < MIN_LETTERS_PER_PAGE)
        .count();
    if total < MIN_LETTERS_PER_PAGE * pages.len() || without_text * 10 >= pages.len() * 9 {
        let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
        let mut by_script: Vec<(&'static str, usize)> = Vec::new();
        for &(script, n) in pages.iter().flat_map(|p| &p.unmapped_by_script) {
            content::count_by_script(&mut by_script, script, n);
        }
        let most = by_script.iter().max_by_key(|(_, n)| *n);
        if let Some(&(script, _)) = most.filter(|(_, n)| *n > total && 2 * n > unmapped) {
            return Err(SourceError::PdfScript {
                path: path.into(),
                script,
            });
        }
        if unmapped >= MIN_UNMAPPED_GLYPHS && unmapped > total {
            return Err(SourceError::PdfFontsUnmapped {
                path: path.into(),
                glyphs: unmapped,
            });
        }
        return Err(SourceError::PdfNeedsOcr { path: path.into() });
    }
    Ok(())
}

/// How far apart two lines are, in font sizes, when a paragraph gap parts
/// them: one and a half, or more where the lines of the text are set that
/// far apart already (a web page's `line-height: 1.5`, pandoc's default,
/// printed by a browser: its lines, 1.5 sizes apart, were cut into
/// paragraphs at random by the rounding of their positions). The text's line
/// spacing is the most common distance between lines of one size, up to 1.6
/// sizes (beyond that it is a gap, not a spacing).
fn paragraph_gap(pages: &[Page]) -> f64 {
    let mut spacings: std::collections::HashMap<i64, usize> = Default::default();
    for page in pages {
        for pair in page.lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let ratio = (b.v - a.v) / a.size;
            if (a.size - b.size).abs() < 0.1 && ratio > 0.8 && ratio <= 1.6 {
                *spacings.entry((ratio * 20.0).round() as i64).or_insert(0) += 1;
            }
        }
    }
    let spacing = spacings
        .into_iter()
        .max_by_key(|&(r, n)| (n, r))
        .map_or(0.0, |(r, _)| r as f64 / 20.0);
    (spacing + 0.2).max(1.5)
}

/// Joins the pages into one text with an anchor at each page start. A blank
/// line marks a paragraph gap (more than one and a half line heights, or
/// more by `paragraph_gap`) and
/// the end of a block in print larger than the body's (a heading's last line
/// before the text: "Article 14.3: … of Digital" / "Products" / "1. No Party
/// …", where only the size tells the title's second line from the text), the
/// border above a table's row (`PageLine::opens_row`), and
/// a page that could not be read says so in the text rather than vanishing.
fn assemble(pages: Vec<Page>) -> LocatedText {
    let mut text = String::new();
    let mut anchors = Vec::with_capacity(pages.len());
    let mut line = 1;
    let body = cleanup::body_size(pages.iter().flat_map(|p| &p.lines)).unwrap_or(f64::MAX);
    let heading_ends = |p: &PageLine, l: &PageLine| p.size > 1.1 * body.max(l.size);
    let gap = paragraph_gap(&pages);
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
            if prev.is_some_and(|p| {
                l.v - p.v > gap * p.size.max(l.size) || heading_ends(p, l) || l.opens_row
            }) {
                text.push('\n');
                line += 1;
            }
            text.push_str(&l.text);
            text.push('\n');
            line += 1;
            prev = Some(l);
        }
    }
    let labels = pages.into_iter().map(|p| p.label).collect();
    LocatedText::with_anchors(text, anchors).with_page_labels(labels)
}
