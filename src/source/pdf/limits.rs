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
#[derive(Debug, Clone, Copy, PartialEq)]
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

impl PdfLimits {
    /// The names `set` takes, each with what it limits (for `--pdf-limit`'s
    /// help and errors).
    pub const NAMES: &'static [(&'static str, &'static str)] = &[
        ("decoded", "bytes decoded from all streams of one file"),
        ("stream", "bytes one decoded stream may reach"),
        ("predictor-row", "bytes in one PNG/TIFF predictor row"),
        ("predictor-colors", "the largest predictor Colors value"),
        ("cmap-entries", "mappings in one ToUnicode CMap"),
        ("nesting", "nesting of arrays, dictionaries and forms"),
        ("objects", "objects in the file"),
        ("pages", "pages in the page tree"),
        ("glyphs", "glyphs kept from one page"),
        ("seconds", "wall time for reading one file"),
    ];

    /// Sets one limit from `NAME=VALUE` (`decoded=2G`, `pages=500000`,
    /// `seconds=300`): a count, with an optional `K`, `M` or `G` suffix
    /// (powers of 1024) for the byte limits. Errors name the unknown limit
    /// (with the known ones) or the bad value.
    pub fn set(&mut self, setting: &str) -> Result<(), String> {
        let (name, value) = setting
            .split_once('=')
            .ok_or_else(|| format!("`{setting}` is not NAME=VALUE (e.g. decoded=2G)"))?;
        let (name, value) = (name.trim(), value.trim());
        let bad = || format!("`{value}` is not a positive number for the PDF limit `{name}`");
        let n = parse_count(value).filter(|&n| n > 0).ok_or_else(bad)?;
        let small = |n: u64| usize::try_from(n).map_err(|_| bad());
        match name {
            "decoded" => self.max_decoded_bytes = n,
            "stream" => self.max_stream_bytes = n,
            "predictor-row" => self.max_predictor_row = n,
            "predictor-colors" => self.max_predictor_colors = n,
            "cmap-entries" => self.max_cmap_entries = small(n)?,
            "nesting" => self.max_nesting = small(n)?,
            "objects" => self.max_objects = small(n)?,
            "pages" => self.max_pages = small(n)?,
            "glyphs" => self.max_glyphs_per_page = small(n)?,
            "seconds" => self.time = Duration::from_secs(n),
            _ => {
                let names: Vec<&str> = Self::NAMES.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "unknown PDF limit `{name}` (limits: {})",
                    names.join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// A byte count as people read it: "64 MB", "2 KB", "300 bytes".
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 => format!("{} KB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// "2G" → 2 147 483 648, "64M", "512K", "300"; `None` when not a count.
fn parse_count(value: &str) -> Option<u64> {
    let (digits, unit) = match value.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&value[..i], c.to_ascii_uppercase()),
        _ => (value, ' '),
    };
    let n: u64 = digits.trim().parse().ok()?;
    let scale: u64 = match unit {
        ' ' => 1,
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => return None,
    };
    n.checked_mul(scale)
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
                "its streams decode to more than {} in all (the limit for one file)",
                size(self.limit)
            )))
        } else {
            Ok(())
        }
    }
}
