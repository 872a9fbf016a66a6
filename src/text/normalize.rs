//! Folding for matching: rules are written once in plain lowercase ASCII-ish
//! words and must still hit "CULTURAL", "culturales", "Côté", "ﬁlm" or
//! “Convention”. The folded text keeps a map back to the original so that
//! excerpts and columns show the words exactly as the agreement prints them.

use unicode_normalization::char::decompose_canonical;

#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    pub folded: String,
    /// For each byte of `folded`, the byte range of the original char it came from.
    origin: Vec<(u32, u32)>,
    original_len: usize,
}

impl FoldedText {
    /// Byte offset in the original text for a byte offset in the folded text.
    pub fn original_offset(&self, folded_offset: usize) -> usize {
        match self.origin.get(folded_offset) {
            Some(&(start, _)) => start as usize,
            None => self.original_len,
        }
    }

    /// Original byte range for a folded byte range (end is exclusive).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.original_offset(start);
        let e = match end.checked_sub(1).and_then(|last| self.origin.get(last)) {
            Some(&(_, char_end)) => char_end as usize,
            None => self.original_len,
        };
        (s, e.max(s))
    }
}

/// Folds `original` for matching: lowercase, no accents, ASCII quotes and dashes,
/// ligatures expanded, any whitespace run (including line breaks) as one space.
pub fn fold_for_matching(original: &str) -> FoldedText {
    let mut folded = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    let mut last_space = false;
    for (i, ch) in original.char_indices() {
        // most of an agreement is ASCII: fold it without the general machinery
        if ch.is_ascii() {
            let span = (i as u32, i as u32 + 1);
            if ch.is_whitespace() {
                if !last_space {
                    folded.push(' ');
                    origin.push(span);
                    last_space = true;
                }
            } else {
                folded.push(ch.to_ascii_lowercase());
                origin.push(span);
                last_space = false;
            }
            continue;
        }
        let mut push = |c: char, folded: &mut String| {
            let before = folded.len();
            folded.push(c);
            let span = (i as u32, (i + ch.len_utf8()) as u32);
            origin.extend(std::iter::repeat_n(span, folded.len() - before));
        };
        if ch.is_whitespace() {
            if !last_space {
                push(' ', &mut folded);
                last_space = true;
            }
            continue;
        }
        last_space = false;
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase(), &mut folded);
            continue;
        }
        match ch {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' | '\u{b4}' => {
                push('\'', &mut folded)
            }
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => {
                push('"', &mut folded)
            }
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                push('-', &mut folded)
            }
            '\u{fb00}' => {
                push('f', &mut folded);
                push('f', &mut folded)
            }
            '\u{fb01}' => {
                push('f', &mut folded);
                push('i', &mut folded)
            }
            '\u{fb02}' => {
                push('f', &mut folded);
                push('l', &mut folded)
            }
            '\u{fb03}' => {
                for c in "ffi".chars() {
                    push(c, &mut folded)
                }
            }
            '\u{fb04}' => {
                for c in "ffl".chars() {
                    push(c, &mut folded)
                }
            }
            '\u{153}' | '\u{152}' => {
                push('o', &mut folded);
                push('e', &mut folded)
            }
            '\u{e6}' | '\u{c6}' => {
                push('a', &mut folded);
                push('e', &mut folded)
            }
            '\u{df}' => {
                push('s', &mut folded);
                push('s', &mut folded)
            }
            _ => {
                let mut base = None;
                decompose_canonical(ch, |c| {
                    if base.is_none() {
                        base = Some(c);
                    }
                });
                for lc in base.unwrap_or(ch).to_lowercase() {
                    push(lc, &mut folded);
                }
            }
        }
    }
    FoldedText {
        folded,
        origin,
        original_len: original.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_quotes_and_ligatures() {
        let f = fold_for_matching("CULTURALES “Diversité”\n de la ﬁlm");
        assert_eq!(f.folded, "culturales \"diversite\" de la film");
    }

    #[test]
    fn maps_folded_ranges_back_to_original_words() {
        let original = "la Diversité  culturelle";
        let f = fold_for_matching(original);
        let start = f.folded.find("diversite").unwrap();
        let (s, e) = f.original_range(start, start + "diversite".len());
        assert_eq!(&original[s..e], "Diversité");
    }
}
