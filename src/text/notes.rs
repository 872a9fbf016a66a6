//! Footnote numbers as a text prints them: at the start of a note's line
//! ("4 For the purposes…", "⁴ For…"), and as superscript digits in the body.
//! Shared by the PDF reader (which knows font sizes) and the structure
//! parser (which reads text converted without them).

/// A superscript digit's plain digit ("⁴" -> '4').
pub fn superscript_value(c: char) -> Option<char> {
    match c {
        '\u{2070}' => Some('0'),
        '\u{b9}' => Some('1'),
        '\u{b2}' => Some('2'),
        '\u{b3}' => Some('3'),
        '\u{2074}'..='\u{2079}' => char::from_u32(c as u32 - 0x2070 + '0' as u32),
        _ => None,
    }
}

/// "⁴ For the…", "⁴For the…" or "4 For the…": the number and the rest.
pub fn leading_number(line: &str) -> Option<(String, &str)> {
    let sup: String = line.chars().map_while(superscript_value).collect();
    if !sup.is_empty() {
        let len: usize = line.chars().take(sup.len()).map(char::len_utf8).sum();
        return Some((sup, line[len..].trim_start()));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(' ')?;
    (1..=3)
        .contains(&digits)
        .then(|| (line[..digits].to_string(), rest))
}

/// The number a note opens with and the rest of its line, in every form a
/// note is written: "[4] For …", "4. For …" (an item of a numbered list),
/// "⁴ For …" and "4 For …" ([`leading_number`]); up to three digits.
pub fn note_opening(line: &str) -> Option<(String, &str)> {
    let digits = |n: &str| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit());
    if let Some((n, rest)) = line.strip_prefix('[').and_then(|l| l.split_once(']')) {
        return digits(n).then(|| (n.to_string(), rest.trim_start()));
    }
    if let Some((n, rest)) = line.split_once(". ") {
        if digits(n) {
            return Some((n.to_string(), rest));
        }
    }
    leading_number(line)
}

/// Whether `before` holds `number` as a reference mark: right after a word
/// (its last letter, or a punctuation mark or closing quote right after
/// one), with no space, and not followed by a digit or a letter. "8533.20"
/// and "Chapter 20" are not marks.
pub fn has_mark(before: &str, number: &str) -> bool {
    before.match_indices(number).any(|(at, _)| {
        let mut prev = before[..at].chars().rev();
        let after_word = match prev.next() {
            Some(c) if c.is_alphabetic() => true,
            Some('.' | ',' | ';' | ':' | ')' | '’' | '”' | '"') => {
                prev.next().is_some_and(char::is_alphabetic)
            }
            _ => false,
        };
        let next = before[at + number.len()..].chars().next();
        after_word && !next.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic())
    })
}

/// Whether a line is the title over a document's notes, printed together at
/// its end: "Notes", "Endnotes", "Footnotes", "Notas", "Notas al pie", "Notes
/// de fin de document", … (any case, a closing colon aside). Used by the PDF
/// and HTML readers to tell a notes section from the text of the last annex.
pub fn is_notes_heading(line: &str) -> bool {
    // every line of a document is asked: the longest title is 30 bytes
    if line.len() > 40 {
        return false;
    }
    let title = line.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        title.as_str(),
        "notes"
            | "note"
            | "endnotes"
            | "end notes"
            | "footnotes"
            | "notas"
            | "notas al pie"
            | "notas al pie de pagina"
            | "notas al pie de página"
            | "notas finales"
            | "notes de bas de page"
            | "notes de fin"
            | "notes de fin de document"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_opens_with_its_number_in_any_of_its_forms() {
        for line in [
            "[4] For greater",
            "[4]For greater",
            "4. For greater",
            "4 For greater",
            "\u{2074} For greater",
        ] {
            assert_eq!(
                note_opening(line),
                Some(("4".into(), "For greater")),
                "{line}"
            );
        }
        for line in [
            "2005 Convention",
            "[a] For",
            "Article 4. For",
            "For greater",
        ] {
            assert_eq!(note_opening(line), None, "{line}");
        }
    }

    #[test]
    fn notes_headings_in_three_languages_and_not_other_titles() {
        for t in [
            "Notes",
            "ENDNOTES",
            "Footnotes:",
            "Notas",
            "Notas al pie",
            "Notes de fin",
        ] {
            assert!(is_notes_heading(t), "{t}");
        }
        for t in ["Notes to Annex I", "Explanatory Notes", "Annex I", "Nota 1"] {
            assert!(!is_notes_heading(t), "{t}");
        }
    }
}
