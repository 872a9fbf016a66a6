//! Source adapters: a file on disk in, an agreement's text with its location map
//! (and, for ToTA XML, its given structure) out. Everything that can go wrong with
//! an input is named here, once, with the file it happened to.

mod pdf;
mod plain;
mod tota;

pub use pdf::PdfLimits;
pub use plain::decode_text;

use crate::provision::{Agreement, Paragraphs, SourceFormat};
use std::path::{Path, PathBuf};

/// Agreements are a few MB of text; a PDF with images can be tens of MB. Anything
/// past this is not an agreement we should hold in memory whole.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a directory, not an agreement file (use `treatyscan corpus` for folders)")]
    IsDirectory { path: PathBuf },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: file is {size_mb} MB; treatyscan reads agreements up to {limit_mb} MB")]
    TooLarge {
        path: PathBuf,
        size_mb: u64,
        limit_mb: u64,
    },
    #[error("{path}: looks like binary data, not an agreement text ({detail})")]
    Binary { path: PathBuf, detail: String },
    #[error("{path}: malformed XML: {reason}")]
    Xml { path: PathBuf, reason: String },
    #[error("{path}: unreadable PDF: {reason}")]
    Pdf { path: PathBuf, reason: String },
    #[error("{path}: PDF is password-protected (encrypted with a user password); save an unprotected copy first")]
    PdfEncrypted { path: PathBuf },
    #[error("{path}: PDF has no text layer (a scan?); run OCR on it first")]
    PdfNeedsOcr { path: PathBuf },
    #[error("{path}: no text in this file")]
    NoText { path: PathBuf },
}

/// What the bytes are, judged by content rather than by the file name: drafts
/// arrive as `.doc.txt`, `download`, or PDFs without an extension.
pub fn sniff(bytes: &[u8]) -> SourceFormat {
    let head = &bytes[..bytes.len().min(1024)];
    let trimmed = trim_ascii_start(strip_utf8_bom(head));
    if head.windows(5).any(|w| w == b"%PDF-") && bytes.len() >= 5 && memchr_pdf(head) {
        SourceFormat::Pdf
    } else if trimmed.starts_with(b"<?xml") || trimmed.starts_with(b"<treaty") {
        SourceFormat::TotaXml
    } else {
        SourceFormat::Text
    }
}

fn memchr_pdf(head: &[u8]) -> bool {
    // the header must come first (a few producers put junk before it, within 1 KB)
    head.windows(5)
        .position(|w| w == b"%PDF-")
        .is_some_and(|p| p < 1024)
}

fn strip_utf8_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Reads one agreement file into a provision tree.
pub fn load(path: &Path) -> Result<Agreement, SourceError> {
    load_with(path, Paragraphs::Parsed)
}

/// Reads one agreement file, parsing paragraphs now or only when asked for
/// (`Agreement::paragraphs_of`): what `check` and `corpus` read with.
pub fn load_with(path: &Path, paragraphs: Paragraphs) -> Result<Agreement, SourceError> {
    let bytes = read_checked(path)?;
    load_bytes_with(path, &bytes, paragraphs)
}

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
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty { path: path.into() });
    }
    let file = path.display().to_string();
    match sniff(bytes) {
        SourceFormat::Pdf => {
            let text = pdf::extract(path, bytes)?;
            Ok(crate::structure::parse_text(file, SourceFormat::Pdf, text))
        }
        SourceFormat::TotaXml => tota::read(path, bytes, paragraphs),
        SourceFormat::Text => {
            let text = plain::read(path, bytes)?;
            Ok(crate::structure::parse_text(file, SourceFormat::Text, text))
        }
    }
}

fn read_checked(path: &Path) -> Result<Vec<u8>, SourceError> {
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
    let bytes = std::fs::read(path).map_err(|e| SourceError::Unreadable {
        path: path.into(),
        reason: e.to_string(),
    })?;
    if bytes.is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    Ok(bytes)
}
