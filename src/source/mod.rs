//! Source adapters: a file on disk in, an agreement's text with its location map
//! (and, for ToTA XML, its given structure) out. Everything that can go wrong with
//! an input is named here, once, with the file it happened to.

pub mod budget;
mod docx;
mod html;
mod markdown;
mod pdf;
mod plain;
mod tota;

pub use budget::{load_within, worker_pool, ReadEach, DEFAULT_TIMEOUT};
pub use pdf::PdfLimits;
pub use plain::decode_text;

use crate::provision::{Agreement, Paragraphs, SourceFormat};
use std::path::{Path, PathBuf};

/// Agreements are a few MB of text; a PDF with images can be tens of MB. Anything
/// past this is not an agreement we should hold in memory whole.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// Everything that can go wrong reading an input file; each message names
/// the file and says what is wrong on one line.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The path does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The file, as given.
        path: PathBuf,
    },
    /// The path is a folder.
    #[error("{path}: is a directory, not an agreement file (use `treatyscan corpus` for folders)")]
    IsDirectory {
        /// The file, as given.
        path: PathBuf,
    },
    /// The system refused to read it.
    #[error("{path}: cannot read: {reason}")]
    Unreadable {
        /// The file, as given.
        path: PathBuf,
        /// What went wrong, on one line.
        reason: String,
    },
    /// Nothing but white space.
    #[error("{path}: file is empty")]
    Empty {
        /// The file, as given.
        path: PathBuf,
    },
    /// Over `MAX_INPUT_BYTES`.
    #[error("{path}: file is {size_mb} MB; treatyscan reads agreements up to {limit_mb} MB")]
    TooLarge {
        /// The file, as given.
        path: PathBuf,
        /// Its size, in MB.
        size_mb: u64,
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// Bytes that are no text in any encoding read.
    #[error("{path}: looks like binary data, not an agreement text ({detail})")]
    Binary {
        /// The file, as given.
        path: PathBuf,
        /// What gave it away, or what failed.
        detail: String,
    },
    /// A file named `.pdf` whose bytes are neither a PDF (no `%PDF-` header
    /// in the first 1 KB, where `sniff` looks) nor text: a damaged or
    /// incomplete download, most often.
    #[error("{path}: not a PDF (no %PDF- header in its first 1 KB) and no text either ({detail}): a damaged or incomplete download?")]
    NotPdf {
        /// The file, as given.
        path: PathBuf,
        /// Why the bytes are no text (as `Binary`'s detail).
        detail: String,
    },
    /// ToTA XML that does not parse.
    #[error("{path}: malformed XML: {reason}")]
    Xml {
        /// The file, as given.
        path: PathBuf,
        /// What went wrong, on one line.
        reason: String,
    },
    /// A PDF that cannot be read (damaged past repair, or over a limit of `PdfLimits`).
    #[error("{path}: unreadable PDF: {reason}")]
    Pdf {
        /// The file, as given.
        path: PathBuf,
        /// What went wrong, on one line.
        reason: String,
    },
    /// A PDF that needs a user password.
    #[error("{path}: PDF is password-protected (encrypted with a user password); save an unprotected copy first")]
    PdfEncrypted {
        /// The file, as given.
        path: PathBuf,
    },
    /// A PDF whose pages carry no text (a scan).
    #[error("{path}: PDF has no text layer (a scan?); run OCR on it first")]
    PdfNeedsOcr {
        /// The file, as given.
        path: PathBuf,
    },
    /// A PDF whose few letters are glyphs of a Chinese, Japanese or Korean
    /// font that gives them no text (a character collection with no
    /// Unicode map): text in a script treatyscan does not analyse, which it
    /// says rather than asking for OCR. Reports word it as a text refused
    /// for its script (`language::Refused::Script`).
    #[error("{path}: text in {script} script is not analysed; treatyscan reads English, Spanish and French")]
    PdfScript {
        /// The file, as given.
        path: PathBuf,
        /// The script's name in English, as `language::SCRIPTS` gives it.
        script: &'static str,
    },
    /// A PDF that shows text in fonts that give no text for their glyphs
    /// (composite fonts without a ToUnicode map or a known encoding).
    #[error("{path}: PDF's text is in fonts with no Unicode map ({glyphs} glyphs could not be read as letters); export it again with its text, or run OCR on it")]
    PdfFontsUnmapped {
        /// The file, as given.
        path: PathBuf,
        /// Glyphs shown whose font maps them to no text.
        glyphs: usize,
    },
    /// A file that yields no text at all.
    #[error("{path}: no text in this file")]
    NoText {
        /// The file, as given.
        path: PathBuf,
    },
    /// The wall-clock budget of `--timeout` ran out while reading.
    /// TimedOut
    #[error("{path}: reading took longer than the limit of {seconds} s (--timeout); skipped")]
    TimedOut {
        /// The file, as given.
        path: PathBuf,
        /// The budget, in seconds.
        seconds: f64,
    },
    /// A reader panicked: a fault of treatyscan, caught and named.
    /// Internal
    #[error("{path}: internal error while reading ({detail}); please report")]
    Internal {
        /// The file, as given.
        path: PathBuf,
        /// What gave it away, or what failed.
        detail: String,
    },
    /// A Word document that cannot be read (a broken zip, no `word/document.xml`, malformed XML, a zip bomb).
    #[error("{path}: unreadable Word document: {reason}")]
    Docx {
        /// The file, as given.
        path: PathBuf,
        /// What went wrong, on one line.
        reason: String,
    },
    /// A password-protected Word document.
    #[error("{path}: Word document is password-protected; save an unprotected copy first")]
    DocxEncrypted {
        /// The file, as given.
        path: PathBuf,
    },
    /// A format treatyscan does not read (RTF, OpenDocument).
    #[error("{path}: {format} files are not supported; save it as .docx, PDF or plain text")]
    Unsupported {
        /// The file, as given.
        path: PathBuf,
        /// What it is ("RTF", "OpenDocument (.odt)").
        format: &'static str,
    },
    /// A legacy binary `.doc` file.
    #[error("{path}: legacy binary Word .doc files are not supported; save it as .docx or PDF")]
    LegacyDoc {
        /// The file, as given.
        path: PathBuf,
    },
    /// A web page or Markdown file with headings or markup but no body text.
    #[error("{path}: {format} has no body text, only {what}")]
    NoBodyText {
        /// The file, as given.
        path: PathBuf,
        /// "HTML page" or "Markdown".
        format: &'static str,
        /// What it holds instead ("markup", "headings").
        what: &'static str,
    },
}

/// Which reading of a draft with tracked changes (Word revision marks) to take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Revisions {
    /// As proposed: every change accepted (insertions and moved-to text kept,
    /// deletions and moved-from text dropped).
    #[default]
    Proposed,
    /// As the text stood before the changes (deletions and moved-from text
    /// kept, insertions and moved-to text dropped).
    Original,
}

/// How to read a file: paragraphs now or later, which reading of tracked
/// changes, and the budgets of a PDF.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ReadOptions {
    /// Parse paragraphs now, or leave them (ToTA XML) for when a rule asks.
    pub paragraphs: Paragraphs,
    /// Which reading of a draft with tracked changes.
    pub revisions: Revisions,
    /// The budgets a PDF is read within (`--pdf-limit`).
    pub pdf: PdfLimits,
}

impl ReadOptions {
    /// What `check` and `corpus` read with: paragraphs deferred, tracked
    /// changes as proposed.
    pub fn deferred() -> Self {
        ReadOptions {
            paragraphs: Paragraphs::Deferred,
            ..ReadOptions::default()
        }
    }
}

/// What the bytes are, judged by content rather than by the file name: drafts
/// arrive as `.doc.txt`, `download`, or PDFs without an extension. Text that
/// is clearly Markdown is told by its `#` headings (see `sniff_path` for the
/// extension).
pub fn sniff(bytes: &[u8]) -> SourceFormat {
    let head = &bytes[..bytes.len().min(1024)];
    let trimmed = trim_ascii_start(strip_utf8_bom(head));
    // the header comes first, or after a little junk (a few producers put
    // some before it): within the first 1 KB
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        SourceFormat::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || docx::is_ole(bytes) {
        // every zip and OLE file goes to the Word reader, which names what it is
        SourceFormat::Docx
    } else if html::looks_like_html(bytes) {
        SourceFormat::Html
    } else if trimmed.starts_with(b"<?xml") || trimmed.starts_with(b"<treaty") {
        SourceFormat::TotaXml
    } else if markdown::looks_like_markdown(bytes) {
        SourceFormat::Markdown
    } else {
        SourceFormat::Text
    }
}

/// `sniff`, with the file's extension deciding where content alone cannot:
/// `.md` text is Markdown, `.htm(l)` is HTML, a `.docx` that is not a zip
/// is still read (and refused) as a Word document, and `.xml` is ToTA XML.
pub fn sniff_path(path: &Path, bytes: &[u8]) -> SourceFormat {
    let by_content = sniff(bytes);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match (by_content, ext.as_deref()) {
        (SourceFormat::Text, Some("md" | "markdown")) => SourceFormat::Markdown,
        (SourceFormat::Text | SourceFormat::TotaXml, Some("html" | "htm" | "xhtml")) => {
            SourceFormat::Html
        }
        (SourceFormat::Text, Some("docx" | "doc")) => SourceFormat::Docx,
        // an XML file with an XHTML root is still refused by the ToTA reader,
        // which says what it expected
        (SourceFormat::Html, Some("xml")) => SourceFormat::TotaXml,
        (format, _) => format,
    }
}

fn strip_utf8_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// The number Word draws for counter value `n` in list format `num_fmt`
/// (`decimal`, `upperRoman`, `lowerLetter`, `ordinal`, `cardinalText`, …;
/// unknown formats as decimals), as the Word reader prepends it.
pub fn word_list_number(n: i64, num_fmt: &str) -> String {
    docx::format_number(n, num_fmt)
}

/// The marker written before a list item of a web page or Markdown file,
/// as the structure reader knows an agreement's numbering: counter value `n`
/// as "3. " in a list at `depth` 1 (the outermost), "(c) " at depth 2,
/// "(iii) " deeper; `format` (a Word list format, `lowerLetter`, from the
/// list's own type) overrides the depth's.
pub(crate) fn list_item_marker(n: i64, depth: usize, format: Option<&str>) -> String {
    let format = format.unwrap_or(match depth {
        0 | 1 => "decimal",
        2 => "lowerLetter",
        _ => "lowerRoman",
    });
    let number = word_list_number(n, format);
    if format == "decimal" {
        format!("{number}. ")
    } else {
        format!("({number}) ")
    }
}

/// Reads one agreement file into a provision tree.
pub fn load(path: &Path) -> Result<Agreement, SourceError> {
    load_with(path, Paragraphs::Parsed)
}

/// Reads one agreement file, parsing paragraphs now or only when asked for
/// (`Agreement::paragraphs_of`): what `check` and `corpus` read with.
pub fn load_with(path: &Path, paragraphs: Paragraphs) -> Result<Agreement, SourceError> {
    load_opts(
        path,
        ReadOptions {
            paragraphs,
            ..ReadOptions::default()
        },
    )
}

/// Reads one agreement file as `options` say (paragraphs, tracked changes).
pub fn load_opts(path: &Path, options: ReadOptions) -> Result<Agreement, SourceError> {
    thread_local! {
        /// The bytes of the file this thread reads, kept from one file to
        /// the next (see [`KEPT_BUFFER_BYTES`]).
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut bytes) => {
            read_checked_into(path, &mut bytes)?;
            let read = load_bytes_opts(path, &bytes, options);
            if bytes.capacity() > KEPT_BUFFER_BYTES {
                *bytes = Vec::new();
            }
            read
        }
        // only if a reader ever read another file while reading one (no
        // reader does): that file gets a buffer of its own
        Err(_) => load_bytes_opts(path, &read_checked(path)?, options),
    })
}

/// The largest read buffer a thread keeps for its next file: a file's bytes
/// are read into the same buffer as the last file's, not a fresh allocation
/// (over the 450 ToTA files, on one thread, reading took 13.5 ms instead of
/// 14.7-14.9), but a buffer that held a file larger than this is given back.
const KEPT_BUFFER_BYTES: usize = 16 * 1024 * 1024;

/// The text a PDF is read as, before structure parsing: what `parse` sees,
/// for checking extraction (`cargo run --example pdf_text FILE.pdf`).
pub fn pdf_text(path: &Path, bytes: &[u8]) -> Result<crate::text::LocatedText, SourceError> {
    pdf::extract(path, bytes)
}

/// `pdf_text` within explicit budgets for untrusted input (decoded bytes,
/// nesting, pages, time...; `docs/pdf.md`); a file past one is refused with
/// an error naming the limit.
pub fn pdf_text_with(
    path: &Path,
    bytes: &[u8],
    limits: &PdfLimits,
) -> Result<crate::text::LocatedText, SourceError> {
    pdf::extract_with(path, bytes, limits)
}

/// Parses bytes already in memory; `path` names them in errors and output.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Agreement, SourceError> {
    load_bytes_with(path, bytes, Paragraphs::Parsed)
}

/// Text and PDF are parsed whole (their paragraphs come with the articles);
/// only ToTA XML, whose articles are given, can leave paragraphs for later.
pub fn load_bytes_with(
    path: &Path,
    bytes: &[u8],
    paragraphs: Paragraphs,
) -> Result<Agreement, SourceError> {
    load_bytes_opts(
        path,
        bytes,
        ReadOptions {
            paragraphs,
            ..ReadOptions::default()
        },
    )
}

/// Parses bytes already in memory as `options` say; the format is sniffed from
/// the content and the extension of `path`.
pub fn load_bytes_opts(
    path: &Path,
    bytes: &[u8],
    options: ReadOptions,
) -> Result<Agreement, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty { path: path.into() });
    }
    if let Some(refusal) = unsupported(path, bytes) {
        return Err(refusal);
    }
    let format = sniff_path(path, bytes);
    if format == SourceFormat::TotaXml {
        return tota::read(path, bytes, options.paragraphs);
    }
    // an XML file saved as UTF-16 shows no `<?xml` to `sniff` until decoded:
    // its head is decoded to tell, the whole only when it is XML (a UTF-16
    // text is decoded by the text reader)
    if matches!(format, SourceFormat::Text) {
        let head = &bytes[..bytes.len().min(2048)];
        let xml = plain::utf16_text(head)
            .is_some_and(|h| sniff_path(path, h.as_bytes()) == SourceFormat::TotaXml);
        if let Some(text) = xml.then(|| plain::utf16_text(bytes)).flatten() {
            return tota::read(path, text.as_bytes(), options.paragraphs);
        }
    }
    let text = located_text(path, bytes, format, options)?;
    let file = path.display().to_string();
    let mut agreement = crate::structure::parse_text(file, format, text);
    // a source without metadata: the Parties its title and preamble name
    if agreement.metadata == crate::provision::Metadata::default() {
        agreement.metadata.parties = crate::provision::parties::infer(&agreement);
    }
    Ok(agreement)
}

/// The refusal of a format treatyscan does not read but would otherwise take
/// for another: RTF (`{\rtf`) is text to the text reader, and an
/// OpenDocument file (a zip whose first entry, `mimetype`, says
/// `application/vnd.oasis.opendocument…`) a broken Word document.
fn unsupported(path: &Path, bytes: &[u8]) -> Option<SourceError> {
    let format = if trim_ascii_start(strip_utf8_bom(bytes)).starts_with(b"{\\rtf") {
        "RTF"
    } else if bytes.starts_with(b"PK\x03\x04")
        && bytes.get(30..38) == Some(b"mimetype")
        && bytes
            .get(38..)
            .is_some_and(|b| b.starts_with(b"application/vnd.oasis.opendocument"))
    {
        "OpenDocument (.odt)"
    } else {
        return None;
    };
    Some(SourceError::Unsupported {
        path: path.into(),
        format,
    })
}

/// The text with its location map that the structure parser reads, for every
/// format but ToTA XML (whose structure is given).
fn located_text(
    path: &Path,
    bytes: &[u8],
    format: SourceFormat,
    options: ReadOptions,
) -> Result<crate::text::LocatedText, SourceError> {
    match format {
        SourceFormat::Pdf => pdf::extract_with(path, bytes, &options.pdf),
        SourceFormat::Docx => docx::read(path, bytes, options.revisions),
        SourceFormat::Html => html::read(path, bytes),
        SourceFormat::Markdown => markdown::read(path, bytes),
        SourceFormat::Text | SourceFormat::TotaXml => plain::read(path, bytes),
    }
}

/// The text a source is read as, before structure parsing, in any format but
/// ToTA XML: for checking what an adapter extracted.
pub fn source_text(
    path: &Path,
    bytes: &[u8],
    revisions: Revisions,
) -> Result<crate::text::LocatedText, SourceError> {
    let options = ReadOptions {
        revisions,
        ..ReadOptions::default()
    };
    located_text(path, bytes, sniff_path(path, bytes), options)
}

/// The bytes of the file at `path`. Errors: not found, a directory, over
/// [`MAX_INPUT_BYTES`], unreadable, empty.
fn read_checked(path: &Path) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::new();
    read_checked_into(path, &mut bytes)?;
    Ok(bytes)
}

/// [`read_checked`] into `bytes`, which it clears first.
fn read_checked_into(path: &Path, bytes: &mut Vec<u8>) -> Result<(), SourceError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound { path: path.into() },
        _ => SourceError::Unreadable {
            path: path.into(),
            reason: e.to_string(),
        },
    })?;
    if meta.is_dir() {
        return Err(SourceError::IsDirectory { path: path.into() });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(SourceError::TooLarge {
            path: path.into(),
            size_mb: meta.len() / (1024 * 1024),
            limit_mb: MAX_INPUT_BYTES / (1024 * 1024),
        });
    }
    bytes.clear();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(bytes))
        .map_err(|e| SourceError::Unreadable {
            path: path.into(),
            reason: e.to_string(),
        })?;
    if bytes.is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    Ok(())
}

/// What a web page or Markdown text sets in superscript (`<sup>…</sup>`):
/// the kind decides what becomes of it. `text` is its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Superscript {
    /// Part of an article's number ("Article 5<sup>bis</sup>"): kept, joined
    /// to what it follows ("5bis").
    NumberSuffix,
    /// A note mark ("1", "*", "a", "(2)", "er" of "1<sup>er</sup>"): not a
    /// word of the text. Joined to what it follows it made another word or
    /// number ("Article 5<sup>1</sup>" read as Article 51): left out.
    Mark,
    /// Longer text (an editor's note): kept as text, but not in a heading,
    /// whose title it is not.
    Note,
}

impl Superscript {
    /// The kind of a superscript whose content is `text`.
    pub(crate) fn of(text: &str) -> Superscript {
        const SUFFIXES: [&str; 10] = [
            "bis",
            "ter",
            "quater",
            "quinquies",
            "sexies",
            "septies",
            "octies",
            "nonies",
            "novies",
            "decies",
        ];
        let t = text.trim();
        let inner = t.trim_matches(['(', ')', '[', ']']);
        if SUFFIXES.contains(&t.to_lowercase().as_str()) {
            Superscript::NumberSuffix
        } else if inner.chars().count() <= 3
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '*' | '†' | '‡' | '§' | ','))
        {
            // an empty superscript too: nothing to keep
            Superscript::Mark
        } else {
            Superscript::Note
        }
    }
}
