//! Plain text: whatever encoding the drafter's editor used, read as the words
//! they typed. Old Spanish and French drafts are often Windows-1252.

use super::SourceError;
use crate::text::{Anchor, LocatedText};
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::path::Path;

pub fn read(path: &Path, bytes: &[u8]) -> Result<LocatedText, SourceError> {
    let text = decode_text(bytes).map_err(|detail| no_text(path, detail))?;
    if text.trim().is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    // "audio-" / "visual services": joined for matching, lines unchanged
    let text = crate::text::hyphen::rejoin_lines(&text).unwrap_or(text);
    Ok(end_notes_moved(&text).unwrap_or_else(|| paginate(text)))
}

/// The error for bytes that are no text: a file named `.pdf` is said to be
/// no PDF either (its header would have sent it to the PDF reader), which
/// tells the user more than "binary data".
fn no_text(path: &Path, detail: String) -> SourceError {
    let named_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if named_pdf {
        SourceError::NotPdf {
            path: path.into(),
            detail,
        }
    } else {
        SourceError::Binary {
            path: path.into(),
            detail,
        }
    }
}

/// A line of a text with where it stands in the file: its 1-based line and,
/// in a text paged by form feeds, its page.
struct SourceLine<'a> {
    text: &'a str,
    line: usize,
    page: Option<u32>,
}

/// Notes typed together at the end of a text under a title of their own
/// ("Notes", "Notas", …; a web page copied as text, a converter's endnotes):
/// each opens with its number ("[1] For greater …", "1 For greater …"), the
/// numbers run up, and each was cited before the title, in the same order,
/// by a mark ("works.[1]", "works¹", "works.1"). Each note moves up to
/// after the paragraph holding its mark, so that it is the note of the
/// article citing it rather than text of the last annex; the title goes;
/// every line keeps its own line and page number. `None` (the text as it
/// is) when there is no such title, a numbered line after it has no mark,
/// or text comes between the title and the first note.
fn end_notes_moved(text: &str) -> Option<LocatedText> {
    let paged = text.contains('\u{c}');
    let mut page = 1;
    let lines: Vec<SourceLine> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            // a form feed opening the line puts the line on the next page
            let opening = l.len() - l.trim_start_matches('\u{c}').len();
            let at = page + opening as u32;
            page += l.matches('\u{c}').count() as u32;
            SourceLine {
                text: l,
                line: i + 1,
                page: paged.then_some(at),
            }
        })
        .collect();
    // a form feed is no part of a line's words
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| l.text.trim_start_matches('\u{c}').trim_start())
        .collect();
    let cites = |line: &str, numbers: &[&str], i: usize| {
        let n = numbers[i];
        line.contains(&format!("[{n}]"))
            || crate::text::notes::has_mark(line, n)
            || line
                .split(|c: char| crate::text::notes::superscript_value(c).is_none())
                .any(|run| {
                    !run.is_empty()
                        && run
                            .chars()
                            .filter_map(crate::text::notes::superscript_value)
                            .eq(n.chars())
                })
    };
    let found = crate::structure::end_notes(&texts, cites)?;
    let (title, end) = (found.title, found.end);
    // each note goes after the last line of its mark's paragraph
    let mut after: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (_, note, mark) in &found.notes {
        let last = (*mark..title)
            .take_while(|&k| !lines[k].text.trim().is_empty())
            .last()
            .unwrap_or(*mark);
        after.entry(last).or_default().extend(note.iter().copied());
    }
    let numbers: std::collections::HashMap<usize, &str> = found
        .notes
        .iter()
        .map(|(n, note, _)| (note[0], n.as_str()))
        .collect();
    // the text again, an anchor wherever a line does not follow the one before
    let mut out = String::with_capacity(text.len());
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut next: Option<(usize, Option<u32>)> = None;
    let mut push = |out: &mut String, l: &SourceLine, text: &str| {
        if next != Some((l.line, l.page)) {
            anchors.push(Anchor {
                offset: out.len(),
                line: l.line,
                page: l.page,
            });
        }
        out.push_str(&text.replace('\u{c}', " "));
        out.push('\n');
        let opening = l.text.len() - l.text.trim_start_matches('\u{c}').len();
        let feeds = l.text.matches('\u{c}').count() - opening;
        next = Some((l.line + 1, l.page.map(|p| p + feeds as u32)));
    };
    for (k, l) in lines.iter().enumerate() {
        if (title..end).contains(&k) {
            continue;
        }
        push(&mut out, l, l.text);
        for &moved in after.get(&k).into_iter().flatten() {
            let note = &lines[moved];
            if note.text.trim().is_empty() {
                continue;
            }
            if let Some(n) = numbers.get(&moved) {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
                let rest = crate::text::notes::note_opening(texts[moved])
                    .map_or(texts[moved], |(_, rest)| rest);
                push(&mut out, note, &format!("[{n}] {rest}"));
            } else {
                push(&mut out, note, note.text);
            }
        }
    }
    if !paged && anchors.len() <= 1 {
        return Some(LocatedText::plain(out));
    }
    Some(LocatedText::with_anchors(out, anchors))
}

/// Decodes text bytes: UTF-8 (BOM or not), UTF-16 with a BOM or recognised
/// without one, else Windows-1252 (a superset of Latin-1's printable range).
/// Line ends become `\n`.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let decoded: String = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(text) = utf16_text(bytes) {
        text
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                check_not_binary(bytes)?;
                WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned()
            }
        }
    };
    check_not_binary(decoded.as_bytes())?;
    Ok(normalize_line_ends(&decoded))
}

/// The text of bytes in UTF-16 (with a byte-order mark, or recognised without
/// one) as UTF-8, or `None` when they are not UTF-16: for readers that need
/// to see what the text is before they read it (an XML file saved as
/// UTF-16). Line ends are kept.
pub fn utf16_text(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xFF\xFE") {
        Some(UTF_16LE.decode_with_bom_removal(bytes).0.into_owned())
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(UTF_16BE.decode_with_bom_removal(bytes).0.into_owned())
    } else {
        utf16_without_bom(bytes)
            .map(|encoding| encoding.decode_without_bom_handling(bytes).0.into_owned())
    }
}

/// UTF-16 without a byte-order mark, as some editors and exporters save it:
/// text in a Latin script puts a NUL in every other byte (the high byte of
/// each code unit), on the odd bytes for little-endian and the even ones for
/// big-endian, and almost never on the other side. Binary files have NULs
/// scattered on both sides. Judged on the first 64 KB.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // most units are ASCII or Latin-1 (a NUL high byte); the low bytes are
    // almost never NUL
    let mostly = |n: usize| n * 10 >= units * 6;
    let rarely = |n: usize| n * 100 <= units;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text has no NUL bytes and few control characters; executables, images and
/// zip files have plenty.
fn check_not_binary(bytes: &[u8]) -> Result<(), String> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return Err("it contains NUL bytes".into());
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 100 > sample.len().max(1) {
        return Err(format!(
            "{control} control bytes in the first {} bytes",
            sample.len()
        ));
    }
    Ok(())
}

fn normalize_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Form feeds mark page breaks: each starts a new page in the location map. They
/// become spaces so that line numbers stay the ones an editor shows.
fn paginate(text: String) -> LocatedText {
    if !text.contains('\u{c}') {
        return LocatedText::plain(text);
    }
    let mut anchors = vec![Anchor {
        offset: 0,
        line: 1,
        page: Some(1),
    }];
    let mut line = 1;
    let mut page = 1;
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\n' => line += 1,
            '\u{c}' => {
                page += 1;
                out.push(' ');
                anchors.push(Anchor {
                    offset: out.len(),
                    line,
                    page: Some(page),
                });
                continue;
            }
            _ => {}
        }
        out.push(ch);
    }
    LocatedText::with_anchors(out, anchors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_notes_at_the_end_follow_the_paragraph_citing_them() {
        let text = "Article 1 Definitions\n\nCultural industries means books.[1]\n\nArticle 2 Digital Products\n\n1. No less favourable treatment\nto digital products.\u{b2}\n\n2. Paragraph 1 applies.\n\nAnnex I\n\nArcadia reserves the right.\n\nNotes\n\n[1] Cultural industries include broadcasting.\n\n2 This Article does not apply to audiovisual\nservices.\n";
        let located = end_notes_moved(text).expect("the notes move");
        assert_eq!(
            located.text,
            "Article 1 Definitions\n\nCultural industries means books.[1]\n\n[1] Cultural industries include broadcasting.\n\nArticle 2 Digital Products\n\n1. No less favourable treatment\nto digital products.\u{b2}\n\n[2] This Article does not apply to audiovisual\nservices.\n\n2. Paragraph 1 applies.\n\nAnnex I\n\nArcadia reserves the right.\n\n"
        );
        // each line keeps its own number: note 2 was typed on line 20
        let at = located.text.find("[2]").unwrap();
        assert_eq!(located.locate(at).line, 20);
        let at = located.text.find("2. Paragraph").unwrap();
        assert_eq!(located.locate(at).line, 10);
        // a final clause after the notes stays, after the annex
        let signed =
            end_notes_moved(&format!("{text}\nDone at Arcadia City, on 3 May 2024.\n")).unwrap();
        assert!(
            signed.text.ends_with(
                "Arcadia reserves the right.\n\nDone at Arcadia City, on 3 May 2024.\n\n"
            ),
            "{}",
            signed.text
        );
        // no title, a number without its mark, prose under the title, a
        // heading after the notes (they were an annex's own): as typed
        for untouched in [
            format!("{text}\nAnnex II\n\nBorduria reserves the right.\n"),
            text.replace("Notes\n", "\n"),
            text.replace("2 This Article", "3 This Article"),
            text.replace("Notes\n\n", "Notes\n\nThe Parties note:\n\n"),
        ] {
            assert!(end_notes_moved(&untouched).is_none(), "{untouched}");
        }
    }

    #[test]
    fn reads_windows_1252_spanish() {
        let bytes = b"Art\xedculo 1\r\nDisposiciones culturales, a\xf1o";
        assert_eq!(
            decode_text(bytes).unwrap(),
            "Artículo 1\nDisposiciones culturales, año"
        );
    }

    #[test]
    fn reads_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Chapitre 1\r\nArticle premier".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes).unwrap(), "Chapitre 1\nArticle premier");
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn reads_utf16_without_bom_either_byte_order() {
        let text = "Artículo 1\r\nLas Partes reafirman el derecho soberano — «cultura»";
        for big_endian in [false, true] {
            assert_eq!(
                decode_text(&utf16(text, big_endian)).unwrap(),
                text.replace("\r\n", "\n"),
                "big-endian: {big_endian}"
            );
        }
    }

    #[test]
    fn binary_with_scattered_nuls_is_not_utf16() {
        let mut bytes = Vec::new();
        for i in 0..4096u32 {
            bytes.extend(i.to_le_bytes());
        }
        assert!(decode_text(&bytes).is_err());
        assert!(decode_text(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0]).is_err());
    }

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFArticle 1").unwrap(), "Article 1");
    }

    #[test]
    fn rejects_binary() {
        assert!(decode_text(&[0x7f, b'E', b'L', b'F', 0, 0, 1]).is_err());
    }

    #[test]
    fn form_feeds_start_pages_without_shifting_lines() {
        let t = paginate("one\n\u{c}two\nthree".to_string());
        let loc = t.locate(t.text.find("three").unwrap());
        assert_eq!((loc.line, loc.page), (3, Some(2)));
    }
}
