//! Fonts as a text reader needs them: how many bytes a character code takes,
//! what text each code stands for, and how far each glyph advances (which is
//! what tells a word gap from a letter gap). Font programs are never read.

use super::cmap::ToUnicode;
use super::decode::{decode, DecodeError};
use super::limits::{Budget, OverLimit, PdfLimits};
use super::standard_widths::WIDTHS;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// A font of a page, ready to turn shown strings into glyphs.
#[derive(Debug)]
pub struct Font {
    /// Bytes per character code: 1 for simple fonts, 2 for composite ones
    /// (Type0), unless the ToUnicode map says otherwise.
    two_byte: bool,
    /// Simple fonts: the text of each of the 256 codes from the font's
    /// encoding ("" when unknown).
    table: Vec<String>,
    to_unicode: Option<ToUnicode>,
    /// Composite fonts whose codes are UTF-16 (the Uni…-UCS2 / UTF16 CMaps).
    utf16_codes: bool,
    /// Simple fonts: widths of codes from `first_char` on.
    first_char: u32,
    widths: Vec<f64>,
    /// Composite fonts: (first CID, last CID, width) from `/W`.
    cid_widths: Vec<(u32, u32, f64)>,
    /// Width for codes without one, in glyph units.
    default_width: f64,
    /// Standard-font widths of ASCII characters when the file gives none.
    standard: Option<&'static [u16; 95]>,
    /// Glyph units to text space: 1/1000, or a Type3 font's matrix.
    pub scale: f64,
    /// The script of a composite font's character collection (its
    /// `/CIDSystemInfo /Ordering`: GB1 and CNS1 "Chinese", Japan1
    /// "Japanese", Korea1 "Korean"), as `language::SCRIPTS` names it;
    /// `None` for other fonts. What its glyphs are when they map to no text.
    pub script: Option<&'static str>,
}

/// What a font needs from the page's reader: the file, its budgets.
pub struct FontContext<'a> {
    pub doc: &'a Document,
    pub limits: &'a PdfLimits,
    pub budget: &'a Budget,
}

impl Font {
    /// Reads a font dictionary. Errors only past a budget; whatever cannot be
    /// read leaves a font that still advances (text may be missing).
    pub fn load(cx: &FontContext, dict: &Dictionary) -> Result<Font, OverLimit> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let composite = subtype == b"Type0";
        let to_unicode = match deref(cx.doc, dict.get(b"ToUnicode").ok()) {
            Some(Object::Stream(s)) => match decode(s, cx.doc, cx.limits, cx.budget) {
                Ok(data) => Some(ToUnicode::parse(&data, cx.limits.max_cmap_entries)?),
                Err(DecodeError::Limit(e)) => return Err(e),
                Err(DecodeError::Unreadable(_)) => None,
            },
            _ => None,
        };
        // `/ToUnicode /Identity-H`: the codes are UTF-16 already
        let identity = matches!(
            deref(cx.doc, dict.get(b"ToUnicode").ok()),
            Some(Object::Name(n)) if n.starts_with(b"Identity")
        );
        let mut font = Font {
            two_byte: composite,
            table: Vec::new(),
            to_unicode,
            utf16_codes: false,
            first_char: 0,
            widths: Vec::new(),
            cid_widths: Vec::new(),
            default_width: 500.0,
            standard: None,
            scale: 0.001,
            script: None,
        };
        if composite {
            font.load_composite(cx, dict);
            font.utf16_codes |= identity;
        } else {
            font.load_simple(cx, dict, subtype);
        }
        if let Some(tu) = &font.to_unicode {
            // a composite font's map that only has one-byte codes (or the
            // reverse) says how long the codes really are
            if composite && !tu.has_length(2) && tu.has_length(1) {
                font.two_byte = false;
            } else if !composite && !tu.has_length(1) && tu.has_length(2) && font.table.is_empty() {
                font.two_byte = true;
            }
        }
        Ok(font)
    }

    fn load_composite(&mut self, cx: &FontContext, dict: &Dictionary) {
        let encoding = dict
            .get(b"Encoding")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        self.utf16_codes = encoding.windows(4).any(|w| w == b"UCS2" || w == b"TF16");
        self.default_width = 1000.0;
        let descendant = match deref(cx.doc, dict.get(b"DescendantFonts").ok()) {
            Some(Object::Array(a)) => a.first().and_then(|o| deref(cx.doc, Some(o))),
            _ => None,
        };
        let Some(Object::Dictionary(cid)) = descendant else {
            return;
        };
        self.script = match deref(cx.doc, cid.get(b"CIDSystemInfo").ok()) {
            Some(Object::Dictionary(info)) => match deref(cx.doc, info.get(b"Ordering").ok()) {
                Some(Object::String(ordering, _)) => collection_script(ordering),
                _ => None,
            },
            _ => None,
        };
        if let Some(dw) = number(cx.doc, cid.get(b"DW").ok()) {
            self.default_width = dw;
        }
        let Some(Object::Array(w)) = deref(cx.doc, cid.get(b"W").ok()) else {
            return;
        };
        let mut i = 0;
        while i < w.len() && self.cid_widths.len() < 1 << 20 {
            let Some(first) = number(cx.doc, w.get(i)) else {
                break;
            };
            match deref(cx.doc, w.get(i + 1)) {
                Some(Object::Array(list)) => {
                    for (k, o) in list.iter().enumerate() {
                        if let Some(width) = number(cx.doc, Some(o)) {
                            let c = first as u32 + k as u32;
                            self.cid_widths.push((c, c, width));
                        }
                    }
                    i += 2;
                }
                Some(o) => {
                    let last = number(cx.doc, Some(o));
                    let width = number(cx.doc, w.get(i + 2));
                    if let (Some(last), Some(width)) = (last, width) {
                        self.cid_widths.push((first as u32, last as u32, width));
                    }
                    i += 3;
                }
                None => break,
            }
        }
        self.cid_widths.sort_by_key(|r| r.0);
    }

    fn load_simple(&mut self, cx: &FontContext, dict: &Dictionary, subtype: &[u8]) {
        self.table = simple_encoding(cx.doc, dict);
        self.first_char = number(cx.doc, dict.get(b"FirstChar").ok()).unwrap_or(0.0) as u32;
        if let Some(Object::Array(w)) = deref(cx.doc, dict.get(b"Widths").ok()) {
            self.widths = w
                .iter()
                .take(256)
                .map(|o| number(cx.doc, Some(o)).unwrap_or(0.0))
                .collect();
        }
        let descriptor = match deref(cx.doc, dict.get(b"FontDescriptor").ok()) {
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        if let Some(mw) = descriptor.and_then(|d| number(cx.doc, d.get(b"MissingWidth").ok())) {
            if mw > 0.0 {
                self.default_width = mw;
            }
        }
        if subtype == b"Type3" {
            if let Some(Object::Array(m)) = deref(cx.doc, dict.get(b"FontMatrix").ok()) {
                if let Some(a) = number(cx.doc, m.first()).filter(|a| a.abs() > 1e-9) {
                    self.scale = a.abs();
                }
            }
        }
        if self.widths.is_empty() {
            let base = dict
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .unwrap_or(b"");
            let base = String::from_utf8_lossy(base);
            let name = base.split('+').next_back().unwrap_or("");
            if name.contains("Courier") || name.contains("Mono") {
                self.default_width = 600.0;
            } else {
                self.standard = standard_widths(name);
            }
        }
    }

    /// Splits a shown string into character codes, each with its length.
    pub fn codes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = u32> + 'b {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|c| c.iter().fold(0u32, |a, &b| a << 8 | u32::from(b)))
    }

    /// Whether codes take one byte (the word-spacing operator only applies
    /// to the one-byte code 32).
    pub fn one_byte(&self) -> bool {
        !self.two_byte
    }

    /// The text a code stands for ("" when unknown).
    pub fn text(&self, code: u32) -> String {
        let len = if self.two_byte { 2 } else { 1 };
        if let Some(s) = self.to_unicode.as_ref().and_then(|m| m.get(code, len)) {
            return s.replace('\u{0}', "");
        }
        if self.two_byte {
            if self.utf16_codes {
                return char::from_u32(code).map(String::from).unwrap_or_default();
            }
            return String::new();
        }
        self.table.get(code as usize).cloned().unwrap_or_default()
    }

    /// Advance of a code in glyph units (thousandths of the size for all
    /// but Type3 fonts).
    pub fn width(&self, code: u32, text: &str) -> f64 {
        if self.two_byte {
            let end = self.cid_widths.partition_point(|r| r.0 <= code);
            return self.cid_widths[..end]
                .iter()
                .rev()
                .take(4)
                .find(|r| code <= r.1)
                .map_or(self.default_width, |r| r.2);
        }
        if let Some(w) = code
            .checked_sub(self.first_char)
            .and_then(|i| self.widths.get(i as usize))
        {
            return *w;
        }
        if let Some(table) = self.standard {
            if let Some(c) = text.chars().next().filter(|c| (' '..='~').contains(c)) {
                return f64::from(table[c as usize - 32]);
            }
        }
        self.default_width
    }
}

/// The text of each one-byte code of a simple font: its base encoding (a
/// named one, or the standard one) with its `/Differences` over it.
fn simple_encoding(doc: &Document, dict: &Dictionary) -> Vec<String> {
    let encoding = deref(doc, dict.get(b"Encoding").ok());
    let (base, differences) = match encoding {
        Some(Object::Name(n)) => (Some(n.as_slice()), None),
        Some(Object::Dictionary(e)) => (
            e.get(b"BaseEncoding").and_then(Object::as_name).ok(),
            match deref(doc, e.get(b"Differences").ok()) {
                Some(Object::Array(a)) => Some(a),
                _ => None,
            },
        ),
        _ => (None, None),
    };
    // the base table through lopdf, from a font dictionary that has nothing
    // else (no ToUnicode map to parse outside the budgets)
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    if let Some(b) = base {
        probe.set("Encoding", Object::Name(b.to_vec()));
    }
    let mut table: Vec<String> = match probe.get_font_encoding(doc) {
        Ok(enc) => (0u8..=255)
            .map(|b| {
                enc.bytes_to_string(&[b])
                    .unwrap_or_default()
                    .replace('\u{0}', "")
            })
            .collect(),
        Err(_) => vec![String::new(); 256],
    };
    let mut code = 0usize;
    for o in differences.into_iter().flatten() {
        match o {
            Object::Integer(i) => code = (*i).clamp(0, 255) as usize,
            Object::Name(name) => {
                if let Some(slot) = table.get_mut(code) {
                    *slot = glyph_text(doc, name);
                }
                code += 1;
            }
            _ => {}
        }
    }
    table
}

/// The text a glyph name stands for: `uniXXXX` and `uXXXX` names by their
/// number, others by the Adobe Glyph List (lopdf's, asked one name at a time
/// since a single unknown name makes it drop a whole encoding), remembered
/// for the process.
fn glyph_text(doc: &Document, name: &[u8]) -> String {
    static KNOWN: std::sync::OnceLock<std::sync::Mutex<HashMap<Vec<u8>, String>>> =
        std::sync::OnceLock::new();
    let name = name.split(|&c| c == b'.').next().unwrap_or(name);
    let hex = |h: &[u8]| u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok();
    if let Some(h) = name
        .strip_prefix(b"uni")
        .filter(|h| h.len() >= 4 && h.len() % 4 == 0)
    {
        let units: Option<Vec<u16>> = h.chunks(4).map(|c| hex(c).map(|v| v as u16)).collect();
        if let Some(u) = units {
            return String::from_utf16_lossy(&u);
        }
    }
    if let Some(h) = name
        .strip_prefix(b"u")
        .filter(|h| (4..=6).contains(&h.len()))
    {
        if let Some(c) = hex(h).and_then(char::from_u32) {
            return c.to_string();
        }
    }
    let known = KNOWN.get_or_init(Default::default);
    if let Some(t) = known.lock().unwrap_or_else(|e| e.into_inner()).get(name) {
        return t.clone();
    }
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    let mut enc = Dictionary::new();
    enc.set("Type", Object::Name(b"Encoding".to_vec()));
    enc.set(
        "Differences",
        Object::Array(vec![Object::Integer(0), Object::Name(name.to_vec())]),
    );
    probe.set("Encoding", Object::Dictionary(enc));
    // code 0 has no character in the standard encoding lopdf falls back to
    let text = probe
        .get_font_encoding(doc)
        .ok()
        .and_then(|e| e.bytes_to_string(&[0]).ok())
        .unwrap_or_default()
        .replace('\u{0}', "");
    known
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(name.to_vec(), text.clone());
    text
}

fn standard_widths(name: &str) -> Option<&'static [u16; 95]> {
    let bold = name.contains("Bold");
    let italic = name.contains("Italic") || name.contains("Oblique");
    let family = if name.contains("Times") || name.contains("Serif") && !name.contains("Sans") {
        "Times"
    } else {
        "Helvetica"
    };
    let want = match (family, bold, italic) {
        ("Times", false, false) => "Times-Roman",
        ("Times", true, false) => "Times-Bold",
        ("Times", false, true) => "Times-Italic",
        ("Times", true, true) => "Times-BoldItalic",
        (_, false, false) => "Helvetica",
        (_, true, false) => "Helvetica-Bold",
        (_, false, true) => "Helvetica-Oblique",
        (_, true, true) => "Helvetica-BoldOblique",
    };
    WIDTHS.iter().find(|(n, _)| *n == want).map(|(_, w)| w)
}

/// Follows a reference (a few steps at most: chains loop in broken files).
pub fn deref<'a>(doc: &'a Document, mut o: Option<&'a Object>) -> Option<&'a Object> {
    for _ in 0..8 {
        match o {
            Some(Object::Reference(id)) => o = doc.get_object(*id).ok(),
            other => return other,
        }
    }
    None
}

/// A number, direct or behind a reference.
pub fn number(doc: &Document, o: Option<&Object>) -> Option<f64> {
    match deref(doc, o)? {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Fonts already read, by object, shared by the pages of one file.
pub type FontCache = std::sync::Mutex<HashMap<lopdf::ObjectId, std::sync::Arc<Font>>>;

/// The script of an Adobe character collection, by its ordering ("GB1",
/// "Japan1"…); `None` for "Identity" and any other.
fn collection_script(ordering: &[u8]) -> Option<&'static str> {
    match ordering {
        b"GB1" | b"CNS1" => Some("Chinese"),
        b"Japan1" | b"Japan2" => Some("Japanese"),
        b"Korea1" | b"KR" => Some("Korean"),
        _ => None,
    }
}
