//! Words as the comparison sees them. Two texts that differ only in how a PDF or
//! a typist laid them out (line wrapping, runs of spaces, page-break blank lines,
//! a word hyphenated across a line end, curly against straight quotes, "ﬁ"
//! ligatures) must produce the same keys, while the display text keeps the
//! agreement's own spelling.

use crate::text::fold_text;
use std::hash::{DefaultHasher, Hash, Hasher};
use unicode_normalization::UnicodeNormalization;

/// One word or punctuation mark of a compared text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// As printed, with a line-end hyphenation joined up.
    pub text: String,
    /// Case-sensitive key: what the word diff compares ("Party" ≠ "party").
    pub key: u64,
    /// Case- and accent-insensitive key: what alignment compares.
    pub fold: u64,
    /// Whitespace preceded it in the source.
    pub space_before: bool,
    /// A paragraph starts here (a blank line, or a line opening with a marker
    /// such as "2." or "(b)"): kept for display only, never compared.
    pub break_before: bool,
    /// A word (letters or digits), not punctuation.
    pub is_word: bool,
    /// A line starts here (a newline, or the start of the text, before it).
    pub line_start: bool,
}

const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
/// Characters drawn in runs as rules, leaders or blanks to fill in.
const LEADERS: [char; 8] = [
    '\u{23af}', '_', '.', '\u{2026}', '\u{b7}', '\u{2014}', '\u{2500}', '-',
];
const SOFT_HYPHEN: char = '\u{ad}';

/// Splits a text into words and single punctuation marks, joining words hyphenated across
/// a line end ("cul-\ntural" → "cultural").
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut space_before = false;
    let mut newlines = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() || c == SOFT_HYPHEN || is_invisible(c) {
            space_before |= c.is_whitespace();
            newlines += usize::from(c == '\n');
            i += 1;
            continue;
        }
        let (end, is_word) = if c.is_alphanumeric() {
            (word_end(&chars, i), true)
        } else if LEADERS.contains(&c) {
            // a rule or leader drawn with a character ("⎯⎯⎯⎯", "......",
            // "____" for a blank to fill): one token, whatever its length
            let run = chars[i..].iter().take_while(|&&(_, x)| x == c).count();
            (i + run, false)
        } else {
            (i + 1, false)
        };
        let start_byte = chars[i].0;
        let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
        let mut token = make_token(&text[start_byte..end_byte], space_before, is_word);
        token.break_before = newlines >= 2 || (newlines == 1 && (c == '(' || c.is_ascii_digit()));
        token.line_start = newlines > 0 || tokens.is_empty();
        tokens.push(token);
        space_before = false;
        newlines = 0;
        i = end;
    }
    tokens
}

/// Control and format characters a PDF extraction leaves behind (U+0083,
/// zero-width spaces, byte-order marks) and private-use symbol-font codes
/// (Word's U+F8E7 line piece): nobody reads them as text, so they are no
/// token, and a diff never shows an empty change.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{fffd}'
        )
        // symbol-font private-use codes, which the PDF reader drops too
        || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Footnote markers as extraction tools print them: "[3]" opening a footnote
/// line (treatyscan's PDF reader; other readings print "3"), a superscript
/// "³", or a number glued to the word it annotates ("law2", as ToTA's XML and
/// copy-and-paste give it). The same agreement read two ways differs by them,
/// so the comparison leaves them out: a superscript or glued number is cut
/// from its word, the brackets of a footnote line's number dropped. A
/// bracketed number inside a line ("within [30] days") is negotiating text
/// and stays.
pub fn drop_footnote_markers(tokens: Vec<Token>) -> Vec<Token> {
    let is_num =
        |t: &Token| t.is_word && t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_digit());
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.text == "["
            && t.line_start
            && tokens.get(i + 1).is_some_and(is_num)
            && tokens
                .get(i + 2)
                .is_some_and(|c| c.text == "]" && !c.space_before)
        {
            // the spacing before the marker goes to the token after it
            if let Some(next) = tokens.get(i + 3) {
                let mut next = next.clone();
                next.space_before |= t.space_before;
                next.break_before |= t.break_before;
                next.line_start = true;
                out.push(next);
                i += 1;
            }
            i += 3;
            continue;
        }
        if t.is_word && t.text.chars().all(is_superscript_digit) {
            i += 1;
            continue;
        }
        // "of national value.1 4. For…": a note number glued after the
        // sentence's punctuation (not "5.1", where a number comes before)
        // or standing alone on a line after a sentence ("products.\n\n50");
        // not a number that ends a line after a comma ("por lo menos, 10" /
        // "años"), which is the agreement's own
        let next = tokens.get(i + 1);
        let prev = i.checked_sub(1).map(|k| tokens[k].text.as_str());
        let glued_after_punctuation = is_num(t)
            && i >= 2
            && matches!(prev, Some("." | "," | ";" | ":" | ")"))
            && tokens[i - 2].is_word
            && !tokens[i - 2].text.chars().all(|c| c.is_ascii_digit())
            && ((!t.space_before && next.is_none_or(|n| n.space_before))
                || (t.line_start && prev != Some(",") && next.is_none_or(|n| n.line_start)));
        if glued_after_punctuation {
            i += 1;
            continue;
        }
        match note_reference(&t.text) {
            Some(word) if t.is_word => {
                let mut cut = make_token(word, t.space_before, true);
                cut.break_before = t.break_before;
                cut.line_start = t.line_start;
                out.push(cut);
            }
            _ => out.push(t.clone()),
        }
        i += 1;
    }
    out
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '\u{b9}' | '\u{b2}' | '\u{b3}' | '\u{2070}'..='\u{2079}')
}

/// "law2" → "law", "residence¹" → "residence": a word of at least three
/// letters, ending in lowercase, with one to three digits glued on. "G20",
/// "MP3" or "Article5" are left alone (capitals before the digits, or fewer
/// than two lowercase letters).
fn note_reference(word: &str) -> Option<&str> {
    let cut = word.trim_end_matches(|c: char| c.is_ascii_digit() || is_superscript_digit(c));
    let digits = word[cut.len()..].chars().count();
    let letters: Vec<char> = cut.chars().collect();
    let ok = (1..=3).contains(&digits)
        && letters.len() >= 3
        && letters.iter().all(|c| c.is_alphabetic())
        && letters[letters.len() - 2..]
            .iter()
            .all(|c| c.is_lowercase());
    ok.then_some(cut)
}

/// A word runs over letters and digits, through in-word hyphens ("non-discrimination")
/// and through a hyphen at a line end when the next line goes on in lowercase
/// ("cul-\ntural"), which is how PDFs and typeset drafts break words.
fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    loop {
        while i < chars.len() && (chars[i].1.is_alphanumeric() || chars[i].1 == SOFT_HYPHEN) {
            i += 1;
        }
        let Some(&(_, c)) = chars.get(i) else {
            return i;
        };
        if !HYPHENS.contains(&c) {
            return i;
        }
        let mut j = i + 1;
        let mut saw_newline = false;
        while j < chars.len() && chars[j].1.is_whitespace() {
            saw_newline |= chars[j].1 == '\n';
            j += 1;
        }
        let next = chars.get(j).map(|&(_, c)| c);
        let continues = match next {
            Some(n) if j == i + 1 => n.is_alphanumeric(),
            // "non-\nParty", "Most-Favoured-\nNation": a compound broken at a
            // line end; a lowercase continuation is a hyphenated word
            Some(n) => saw_newline && n.is_alphanumeric(),
            None => false,
        };
        if !continues {
            return i;
        }
        i = j;
    }
}

fn make_token(raw: &str, space_before: bool, is_word: bool) -> Token {
    let text = if is_word {
        join_hyphenation(raw)
    } else {
        raw.to_string()
    };
    let mut canonical = canonical(&text, is_word);
    // a run of three or more of one leader character is "a rule", of any length
    let mut chars = raw.chars();
    if let Some(first) = chars.next() {
        if LEADERS.contains(&first) && raw.chars().count() >= 3 && chars.all(|c| c == first) {
            canonical = "\u{23af}\u{23af}\u{23af}".to_string();
        }
    }
    let folded = fold_text(&canonical);
    Token {
        key: hash_str(&canonical),
        fold: hash_str(&folded),
        text,
        space_before,
        break_before: false,
        is_word,
        line_start: false,
    }
}

/// "cul-\n   tural" → "cultural"; "non-\nParty" → "non-Party" (a capital
/// after the break means the hyphen belongs to the compound).
fn join_hyphenation(raw: &str) -> String {
    if !raw.contains(char::is_whitespace) && !raw.contains(SOFT_HYPHEN) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == SOFT_HYPHEN || c.is_whitespace() {
            continue;
        }
        if HYPHENS.contains(&c) && chars.peek().is_some_and(|n| n.is_whitespace()) {
            let next = chars.clone().find(|n| !n.is_whitespace());
            if next.is_some_and(char::is_lowercase) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The key form: compatibility-normalised (ligatures, non-breaking spaces), with
/// typographic quotes and dashes as ASCII and in-word hyphens dropped, so that
/// "non-discrimination", "non‑discrimination" and "nondiscrimination" agree.
fn canonical(text: &str, is_word: bool) -> String {
    text.nfkc()
        .filter(|c| !(is_word && (HYPHENS.contains(c) || *c == SOFT_HYPHEN)))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// Hash of a string with std's `DefaultHasher`: for comparing in memory, never to be stored.
pub fn hash_str(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Rebuilds readable text from tokens: one space where the source had any
/// whitespace, none before punctuation that hugged the previous word.
pub fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && t.space_before {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<u64> {
        tokenize(s).iter().map(|t| t.key).collect()
    }

    #[test]
    fn layout_differences_give_the_same_keys() {
        let printed = "the  cul-\n   tural   industries,\n\n\x0cincluding “film”";
        let typed = "the cultural industries, including \"film\"";
        assert_eq!(keys(printed), keys(typed));
    }

    #[test]
    fn hyphenated_words_keep_their_spelling_and_match_unhyphenated() {
        let t = tokenize("non-discrimination and non-\ndiscrimination");
        assert_eq!(t[0].text, "non-discrimination");
        assert_eq!(t[2].text, "nondiscrimination");
        assert_eq!(t[0].key, t[2].key);
        assert_eq!(keys("co\u{ad}operation"), keys("cooperation"));
    }

    #[test]
    fn a_compound_broken_at_a_line_end_keeps_its_hyphen() {
        let t = tokenize("a non-\nParty and the Most-Favoured-\n  Nation");
        assert_eq!(t[1].text, "non-Party");
        assert_eq!(t[4].text, "Most-Favoured-Nation");
        assert_eq!(keys("a non-\nParty"), keys("a non-Party"));
    }

    #[test]
    fn a_dash_between_words_is_not_hyphenation() {
        let t = tokenize("services -\nExcept");
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].text, "-");
    }

    #[test]
    fn case_changes_the_key_but_not_the_fold() {
        let (a, b) = (&tokenize("Party")[0], &tokenize("party")[0]);
        assert_ne!(a.key, b.key);
        assert_eq!(a.fold, b.fold);
        assert_eq!(tokenize("Côte")[0].fold, tokenize("cote")[0].fold);
    }

    #[test]
    fn a_rule_or_leader_is_one_token_of_any_length() {
        assert_eq!(
            keys("Signed: \u{23af}\u{23af}\u{23af}\u{23af}\u{23af} Date"),
            keys("Signed: \u{23af}\u{23af}\u{23af} Date")
        );
        assert_eq!(keys("Name ........ 12"), keys("Name ... 12"));
        // Word's Symbol-font piece (private use) at the rule's end, which a PDF drops
        assert_eq!(
            keys("RVC = \u{23af}\u{23af}\u{23af}\u{23af}\u{f8e7} x"),
            keys("RVC = \u{23af}\u{23af}\u{23af} x")
        );
        assert_eq!(tokenize("a ____ b").len(), 3);
        // ordinary punctuation is not a rule
        assert_ne!(keys("end."), keys("end..."));
    }

    #[test]
    fn invisible_characters_are_no_token() {
        assert_eq!(
            keys("Certification \u{83} Appendix"),
            keys("Certification Appendix")
        );
        assert_eq!(keys("a\u{200b} b"), keys("a b"));
    }

    #[test]
    fn footnote_markers_are_left_out() {
        let k = |s: &str| -> Vec<u64> {
            drop_footnote_markers(tokenize(s))
                .iter()
                .map(|t| t.key)
                .collect()
        };
        let plain = k("in accordance with international law, by any vessel");
        assert_eq!(
            k("in accordance with international law2, by any vessel"),
            plain
        );
        assert_eq!(
            k("in accordance with international law \u{b2}, by any vessel"),
            plain
        );
        assert_eq!(
            k("vessel;\n[2] International law means"),
            k("vessel;\nInternational law means")
        );
        // numbers that are text stay
        assert_ne!(k("the G20 members"), k("the G members"));
        assert_ne!(k("under Article 5, by"), k("under Article, by"));
        assert_ne!(k("within [30] days"), k("within 30 days"));
        assert_eq!(k("of national value.1 For"), k("of national value. For"));
        assert_ne!(k("Article 5.1 applies"), k("Article 5. applies"));
        // a number that ends a line after a comma is the text's own ("at
        // least, 10 / years"), as a PDF's line break leaves it; one alone on
        // its line after a sentence is a note's number
        assert_ne!(
            k("por lo menos, 10\naños contados"),
            k("por lo menos,\naños contados")
        );
        assert_eq!(
            k("products.\n\n50\nThe Parties"),
            k("products.\n\nThe Parties")
        );
    }

    #[test]
    fn join_restores_readable_spacing() {
        assert_eq!(join(&tokenize("a ,b\n\nc.")), "a ,b c.");
        assert_eq!(join(&tokenize("Article 5, as")), "Article 5, as");
    }
}
