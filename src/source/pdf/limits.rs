//! Budgets for reading an untrusted PDF. A few kilobytes of PDF can describe
//! gigabytes of inflated data, billions of character codes or millions of
//! pages; every such quantity has a ceiling here, far above real agreements,
//! and going past one refuses the file (or the page) with a line that names
//! the limit.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The ceilings for one PDF. `Default` holds the values `check` and `parse`
/// use; the figures for real agreements they are measured against are in
/// `docs/pdf.md`.
#[derive(Debug, Clone)]
pub struct PdfLimits {
    /// Bytes decoded from all streams of one file together (every filter
    /// layer counts its output): content, Form XObjects and ToUnicode CMaps.
    /// Images and embedded font programs are never decoded.
    pub max_decoded_bytes: u64,
    /// Bytes one decoded stream may reach.
    pub max_stream_bytes: u64,
    /// Width in bytes of one PNG/TIFF predictor row (`Columns` × `Colors` ×
    /// `BitsPerComponent` / 8), and the largest `Colors` value accepted.
    pub max_predictor_row: u64,
    /// The largest predictor `Colors` value accepted.
    pub max_predictor_colors: u64,
    /// Mappings in one ToUnicode CMap (each `bfchar` line, each `bfrange`,
    /// each element of a `bfrange` array). A range costs one entry whatever
    /// the number of codes it covers.
    pub max_cmap_entries: usize,
    /// Nesting of arrays and dictionaries in a content stream, and of Form
    /// XObjects drawn inside each other.
    pub max_nesting: usize,
    /// Objects in the file.
    pub max_objects: usize,
    /// Pages in its page tree.
    pub max_pages: usize,
    /// Glyphs kept from one page (a vector drawing made of glyphs, or a
    /// hostile file, stops there; the page keeps what it has).
    pub max_glyphs_per_page: usize,
    /// Wall time for reading one file.
    pub time: Duration,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_decoded_bytes: 1 << 30,
            max_stream_bytes: 64 << 20,
            max_predictor_row: 1 << 20,
            max_predictor_colors: 256,
            max_cmap_entries: 1 << 20,
            max_nesting: 256,
            max_objects: 4_000_000,
            max_pages: 100_000,
            max_glyphs_per_page: 400_000,
            time: Duration::from_secs(120),
        }
    }
}

/// Why a budget refused to go on: one line for the user, naming the limit.
#[derive(Debug, Clone, PartialEq)]
pub struct OverLimit(pub String);

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The decoded-bytes budget of one file, shared by the threads reading its
/// pages.
#[derive(Debug)]
pub struct Budget {
    used: AtomicU64,
    limit: u64,
}

impl Budget {
    pub fn new(limit: u64) -> Self {
        Budget {
            used: AtomicU64::new(0),
            limit,
        }
    }

    /// Counts `n` more decoded bytes; an error once the file's total passes
    /// the limit.
    pub fn spend(&self, n: u64) -> Result<(), OverLimit> {
        let total = self.used.fetch_add(n, Ordering::Relaxed) + n;
        if total > self.limit {
            Err(OverLimit(format!(
                "its streams decode to more than {} MB in all (the limit for one file)",
                self.limit >> 20
            )))
        } else {
            Ok(())
        }
    }
}
