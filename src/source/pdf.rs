//! PDF: text page by page in reading order, with every line knowing its page.

use super::SourceError;
use crate::text::{Anchor, LocatedText};
use std::path::Path;

pub fn extract(path: &Path, bytes: &[u8]) -> Result<LocatedText, SourceError> {
    let pdf_error = |reason: String| SourceError::Pdf {
        path: path.into(),
        reason,
    };
    // PDF libraries panic on malformed fonts and streams: one bad file must not
    // take the whole run down.
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| pdf_error("the PDF library failed on this file".into()))?
        .map_err(|e| {
            let msg = e.to_string();
            if msg.to_lowercase().contains("encrypt") {
                SourceError::PdfEncrypted { path: path.into() }
            } else {
                pdf_error(msg)
            }
        })?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(SourceError::PdfNeedsOcr { path: path.into() });
    }
    let mut text = String::new();
    let mut anchors = Vec::new();
    let mut line = 1;
    for (i, page) in pages.iter().enumerate() {
        anchors.push(Anchor {
            offset: text.len(),
            line,
            page: Some(i as u32 + 1),
        });
        text.push_str(page);
        if !page.ends_with('\n') {
            text.push('\n');
        }
        line = text.matches('\n').count() + 1;
    }
    Ok(LocatedText::with_anchors(text, anchors))
}
