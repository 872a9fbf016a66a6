//! Word documents (`.docx`, Office Open XML): a zip of XML parts. Paragraphs
//! are read in document order with the list numbers Word draws before them
//! (`numbering`), footnotes and endnotes as `[n] text` lines after the
//! paragraph that cites them, table rows as one line each (cells separated by
//! tabs), text boxes as lines of their own, fields by their results. Comments
//! are not agreement text.
//!
//! Tracked changes (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`) are read as
//! proposed (all accepted) or as the text stood before them
//! (`Revisions::Original`); the tracked text that is read keeps its author and
//! date beside the text (`LocatedText::revisions`).

mod body;
mod numbering;
mod xml;

pub use numbering::format_number;

use super::{Revisions, SourceError};
use crate::text::LocatedText;
use std::io::{Cursor, Read};
use std::path::Path;

/// The most a single part may inflate to: the limit on any input file, far
/// above any agreement's document.xml (a few MB to tens of MB), far below what
/// a zip bomb expands to.
pub const MAX_PART_BYTES: u64 = super::MAX_INPUT_BYTES;

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// An OLE compound file: legacy Office (`.doc`), or an encrypted `.docx`.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE_MAGIC)
}

fn utf16_name(name: &str) -> Vec<u8> {
    name.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

pub fn read(path: &Path, bytes: &[u8], revisions: Revisions) -> Result<LocatedText, SourceError> {
    let fail = |reason: String| SourceError::Docx {
        path: path.into(),
        reason,
    };
    if is_ole(bytes) {
        // stream names in the compound file's directory are UTF-16LE
        return Err(if contains(bytes, &utf16_name("EncryptedPackage")) {
            SourceError::DocxEncrypted { path: path.into() }
        } else if contains(bytes, &utf16_name("WordDocument")) {
            SourceError::LegacyDoc { path: path.into() }
        } else {
            fail("an OLE compound file (a legacy Office format), not a Word .docx".into())
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(fail("not a zip archive, as a .docx must be".into()));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("broken zip archive: {e}")))?;
    let main = main_part(&mut zip).map_err(fail)?;
    let Some(document) = read_part(&mut zip, &main).map_err(fail)? else {
        return Err(fail(format!(
            "a zip archive without {main}: not a Word document"
        )));
    };
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let part = |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| {
        let full = if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        };
        read_part(zip, &full)
    };
    let numbering = part(&mut zip, "numbering.xml").map_err(fail)?;
    let styles = part(&mut zip, "styles.xml").map_err(fail)?;
    let footnotes = part(&mut zip, "footnotes.xml").map_err(fail)?;
    let endnotes = part(&mut zip, "endnotes.xml").map_err(fail)?;
    let numbering = numbering::Numbering::parse(numbering.as_deref(), styles.as_deref())
        .map_err(|e| fail(format!("numbering or styles: malformed XML: {e}")))?;
    let text = body::read(
        &document,
        footnotes.as_deref(),
        endnotes.as_deref(),
        numbering,
        revisions,
    )
    .map_err(|e| fail(format!("{main}: malformed XML: {e}")))?;
    if text.text.trim().is_empty() {
        return Err(SourceError::NoText { path: path.into() });
    }
    Ok(text)
}

/// The main document part: `word/document.xml`, or where the package's
/// relationships point (`_rels/.rels`, type `officeDocument`).
fn main_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<String, String> {
    const DEFAULT: &str = "word/document.xml";
    if zip.index_for_name(DEFAULT).is_some() {
        return Ok(DEFAULT.into());
    }
    let Some(rels) = read_part(zip, "_rels/.rels")? else {
        return Ok(DEFAULT.into());
    };
    let mut target = None;
    for ev in xml::events(&rels).map_err(|e| format!("_rels/.rels: malformed XML: {e}"))? {
        if let xml::Ev::Open(e) = ev {
            if e.name == "Relationship"
                && e.attr("Type")
                    .is_some_and(|t| t.ends_with("/officeDocument"))
            {
                target = e
                    .attr("Target")
                    .map(|t| t.trim_start_matches('/').to_string());
            }
        }
    }
    Ok(target.unwrap_or_else(|| DEFAULT.into()))
}

/// One part as text, `None` when the package has no such part; refused past
/// `MAX_PART_BYTES` however small its compressed size (zip bombs).
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    read_part_within(zip, name, MAX_PART_BYTES)
}

fn read_part_within(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, String> {
    let entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let too_large = || {
        format!(
            "{name} inflates past {} MB (a zip bomb?)",
            limit.div_ceil(1024 * 1024)
        )
    };
    // the size the archive declares refuses most bombs before inflating; the
    // read below is capped all the same, as the declaration can lie
    if entry.size() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(entry.size() as usize);
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot inflate: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    let text = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        enc.decode_with_bom_removal(&bytes).0.into_owned()
    } else {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        String::from_utf8(body.to_vec()).map_err(|_| format!("{name}: not UTF-8 text"))?
    };
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_part_inflating_past_the_limit_is_refused() {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", options).unwrap();
        w.write_all(&vec![b' '; 3 * 1024 * 1024]).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        assert!(bytes.len() < 64 * 1024, "compresses well");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let err = read_part_within(&mut zip, "word/document.xml", 1024 * 1024).unwrap_err();
        assert!(err.contains("inflates past 1 MB (a zip bomb?)"), "{err}");
        assert!(
            read_part_within(&mut zip, "word/document.xml", 4 * 1024 * 1024)
                .unwrap()
                .is_some()
        );
        assert_eq!(
            read_part_within(&mut zip, "word/styles.xml", 10).unwrap(),
            None
        );
    }
}
