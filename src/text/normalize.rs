//! Folding for matching: rules are written once in plain lowercase ASCII-ish
//! words and must still hit "CULTURAL", "culturales", "Côté", "ﬁlm" or
//! “Convention”. The folded text keeps a map back to the original so that
//! excerpts and columns show the words exactly as the agreement prints them.

use unicode_normalization::char::decompose_canonical;

/// Text folded for matching, with a map from each folded byte back to the original.
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    /// The folded text: lowercase, no accents, ASCII quotes and dashes, one space per whitespace
    /// run.
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
/// ASCII bytes and the accented letters of Latin-1 are folded by table, the
/// rest char by char (`fold_char`): the same text as `fold_into`.
pub fn fold_for_matching(original: &str) -> FoldedText {
    let bytes = original.as_bytes();
    let mut folded = Vec::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            let f = fold_ascii_byte(b);
            let space = f == b' ';
            if !(space && last_space) {
                folded.push(f);
                origin.push((i as u32, i as u32 + 1));
            }
            last_space = space;
            i += 1;
            continue;
        }
        if let Some(letter) = latin1_letter(&bytes[i..]) {
            folded.push(letter);
            origin.push((i as u32, i as u32 + 2));
            last_space = false;
            i += 2;
            continue;
        }
        let ch = original[i..].chars().next().expect("char boundary");
        let span = (i as u32, (i + ch.len_utf8()) as u32);
        fold_char(ch, &mut last_space, |c| {
            let mut buf = [0; 4];
            let c = c.encode_utf8(&mut buf).as_bytes();
            folded.extend_from_slice(c);
            origin.extend(std::iter::repeat_n(span, c.len()));
        });
        i += ch.len_utf8();
    }
    FoldedText {
        folded: String::from_utf8(folded).expect("folding keeps UTF-8"),
        origin,
        original_len: original.len(),
    }
}

/// The folded text alone, appended to `out`: what a search needs when no
/// position has to be mapped back (prefilters, scope tests). Same bytes as
/// `fold_for_matching(original).folded`, several times faster on ASCII.
pub fn fold_into(original: &str, out: &mut Vec<u8>) {
    out.reserve(original.len());
    let bytes = original.as_bytes();
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let ascii = ascii_prefix(&bytes[i..]);
        if ascii > 0 {
            fold_ascii(&bytes[i..i + ascii], out, &mut last_space);
            i += ascii;
            continue;
        }
        if let Some(letter) = latin1_letter(&bytes[i..]) {
            out.push(letter);
            last_space = false;
            i += 2;
            continue;
        }
        let ch = original[i..].chars().next().expect("char boundary");
        fold_char(ch, &mut last_space, |c| {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        });
        i += ch.len_utf8();
    }
}

/// The ASCII letter an accented letter of Latin-1 (U+00C0 to U+00FF, two
/// bytes in UTF-8: C3 80 to C3 BF) folds to, when it folds to one letter.
/// Spanish and French texts have one every few words: looked up here, they
/// fold three times faster than through Unicode decomposition.
fn latin1_letter(bytes: &[u8]) -> Option<u8> {
    static LETTERS: std::sync::LazyLock<[u8; 64]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            let ch = char::from_u32(0xC0 + i as u32).expect("Latin-1 letter");
            let mut folded = Vec::new();
            fold_char(ch, &mut false, |c| folded.push(c));
            match folded.as_slice() {
                [c] if c.is_ascii_alphabetic() => *c as u8,
                _ => 0, // ß, æ, ð, ×, ø, þ: left to `fold_char`
            }
        })
    });
    match bytes {
        [0xC3, second @ 0x80..=0xBF, ..] => {
            Some(LETTERS[usize::from(second - 0x80)]).filter(|&l| l != 0)
        }
        _ => None,
    }
}

/// Built once: a Spanish or French text calls `fold_ascii` between every two
/// accented letters.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// How many bytes at the start of `bytes` are ASCII, found a block at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let mut n = 0;
    while n + BLOCK <= bytes.len() && bytes[n..n + BLOCK].is_ascii() {
        n += BLOCK;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Folds ASCII text: every byte mapped at once (lowercase, whitespace as a
/// space: a loop the compiler vectorises), then runs of spaces squeezed where
/// `memmem` finds them. Byte by byte, folding was the slowest step of `check`.
fn fold_ascii(bytes: &[u8], out: &mut Vec<u8>, last_space: &mut bool) {
    let start = out.len();
    out.extend(bytes.iter().map(|&b| fold_ascii_byte(b)));
    // squeeze in place, keeping the first space of every run
    let mut write = start;
    let mut read = start;
    while *last_space && out.get(read) == Some(&b' ') {
        read += 1;
    }
    while let Some(at) = DOUBLE_SPACE.find(&out[read..]).map(|p| read + p) {
        out.copy_within(read..at + 1, write);
        write += at + 1 - read;
        read = at + 2;
        while out.get(read) == Some(&b' ') {
            read += 1;
        }
    }
    let end = out.len();
    out.copy_within(read..end, write);
    write += end - read;
    out.truncate(write);
    if write > start {
        *last_space = out[write - 1] == b' ';
    }
}

/// An ASCII byte lowercased, and whitespace as a space.
fn fold_ascii_byte(b: u8) -> u8 {
    let upper = b.wrapping_sub(b'A') < 26;
    let space = b == b' ' || b.wrapping_sub(b'\t') < 5; // \t \n \x0b \x0c \r
    if space {
        b' '
    } else {
        b | ((upper as u8) << 5)
    }
}

/// `fold_into` as a `String`.
pub fn fold_text(original: &str) -> String {
    let mut out = Vec::new();
    fold_into(original, &mut out);
    String::from_utf8(out).expect("folding keeps UTF-8")
}

/// One char folded, emitted as zero or more chars; `last_space` collapses runs
/// of whitespace into one space.
fn fold_char(ch: char, last_space: &mut bool, mut emit: impl FnMut(char)) {
    if ch.is_whitespace() {
        if !*last_space {
            emit(' ');
            *last_space = true;
        }
        return;
    }
    *last_space = false;
    if ch.is_ascii() {
        emit(ch.to_ascii_lowercase());
        return;
    }
    let expansion: &str = match ch {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '\u{b4}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{153}' | '\u{152}' => "oe",
        '\u{e6}' | '\u{c6}' => "ae",
        '\u{df}' => "ss",
        _ => {
            let mut base = None;
            decompose_canonical(ch, |c| {
                if base.is_none() {
                    base = Some(c);
                }
            });
            base.unwrap_or(ch).to_lowercase().for_each(emit);
            return;
        }
    };
    expansion.chars().for_each(emit);
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
    fn the_fast_fold_gives_the_same_text() {
        for text in [
            "CULTURALES “Diversité”\n de la ﬁlm",
            "  Article 3\t\r\n  Œuvres – ‘audiovisuelles’\u{a0}ÉTÉ ß ",
            "",
            "a \n\n b  c\t\td   ",
            "   Élan  \n  vital  ",
            "ad.\u{a0}  his\u{a0} \u{a0}x",
            "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
            "Política cultural: coopération, façon, Straße, Æsop, año ÿ",
        ] {
            assert_eq!(fold_text(text), fold_for_matching(text).folded, "{text:?}");
        }
    }

    /// Char by char, as `fold_for_matching` folded before its table path.
    fn fold_by_char(original: &str) -> (String, Vec<(u32, u32)>) {
        let mut folded = String::new();
        let mut origin = Vec::new();
        let mut last_space = false;
        for (i, ch) in original.char_indices() {
            let span = (i as u32, (i + ch.len_utf8()) as u32);
            fold_char(ch, &mut last_space, |c| {
                folded.push(c);
                origin.extend(std::iter::repeat_n(span, c.len_utf8()));
            });
        }
        (folded, origin)
    }

    #[test]
    fn the_table_fold_maps_every_byte_as_the_char_fold_does() {
        for text in [
            "CULTURALES “Diversité”\n de la ﬁlm",
            "  Article 3\t\r\n  Œuvres – ‘audiovisuelles’\u{a0}ÉTÉ ß ",
            "",
            "a \n\n b  c\t\td   ",
            "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
            "Política cultural: coopération, façon, Straße, Æsop, año ÿ \u{85}x\u{2003} y",
        ] {
            let f = fold_for_matching(text);
            let (folded, origin) = fold_by_char(text);
            assert_eq!(f.folded, folded, "{text:?}");
            assert_eq!(f.origin, origin, "{text:?}");
        }
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
