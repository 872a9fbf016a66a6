//! What one line is, according to the grammar in `grammars/structure.pest`.

use crate::provision::Kind;
use pest::iterators::Pair;
use pest::Parser;

#[derive(pest_derive::Parser)]
#[grammar = "../grammars/structure.pest"]
struct LineGrammar;

/// What one line of an agreement's text is, by itself; the builder decides where it
/// belongs from context (a heading after "pursuant to" is a cross-reference).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Empty, or only whitespace.
    Blank,
    /// Running text: anything the grammar does not recognise.
    Body,
    /// A keyword heading ("Article 14.2: Scope", "CHAPTER ONE", "ANNEX I").
    Heading(Heading),
    /// A paragraph marker opening the line ("1.", "(a)", "(i)").
    Marker(Marker),
    /// A footnote line (`[3] …`, `3/ …`), with its number (`3`, or `*`, `**` for starred notes).
    Footnote(String),
    /// The opening of the final clause ("In witness whereof", "Done at", "Hecho en").
    FinalClause,
    /// A line that is only the preamble keyword ("Preamble", "Preámbulo", "Préambule").
    PreambleHeading,
}

/// A heading line, split into keyword, number and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// What the keyword says the provision is (article, chapter, annex…).
    pub kind: Kind,
    /// As written, without its keyword ("14.2", "ONE"); `None` for a bare "ANNEX".
    pub number: Option<String>,
    /// The text after the number and separator, without surrounding parentheses.
    pub title: Option<String>,
    /// "Article 5: Title", "Article 5 - Title": the separator and a title
    /// that opens as titles do (not in lower case, not with a digit) make it
    /// a heading whatever the line before says.
    pub explicit_title: bool,
}

/// A paragraph marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The marker without its parentheses and dot: "1", "a", "iv".
    pub token: String,
    /// How the marker is written, which narrows the families it may belong to.
    pub style: MarkerStyle,
    /// The marker runs into its text with no space ("(a)digital product"): a
    /// list item only as a list's first item or in sequence.
    pub joined: bool,
}

/// How a paragraph marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// "1.", "(1)"
    Number,
    /// "6 Nothing…": a number whose dot OCR lost; only taken in sequence
    BareNumber,
    /// "(a)", "a)", "(i)", "(aa)", "(A)": which family is settled by context
    Letters,
    /// "a.", "iv.": as `Letters`, but only taken in sequence or as a list's
    /// first item ("v. Smith" at the start of a line is text)
    DottedLetters,
}

/// Classifies one line (of a plain-text or PDF source) through the structure grammar.
pub fn classify(line: &str) -> Line {
    classify_as(line, true)
}

/// Inside an article whose heading is known (ToTA XML) only paragraph markers
/// and footnotes matter; keyword lines are running text there.
pub fn classify_body_line(line: &str) -> Line {
    classify_as(line, false)
}

fn classify_as(line: &str, headings: bool) -> Line {
    let found = classify_plain(line, headings);
    if headings && found == Line::Body {
        // a bracketed heading of a negotiating draft: "[Article 14.5: …",
        // "[ARC propose: Article 14.5 …]"
        if let Some(inner) = crate::text::brackets::bracketed_heading(line) {
            if let Line::Heading(h) = classify_plain(inner, true) {
                return Line::Heading(h);
            }
        }
    }
    found
}

fn classify_plain(line: &str, headings: bool) -> Line {
    // any space separator the grammar's `WS` takes (no-break, narrow, figure)
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let Some(first) = trimmed.chars().next() else {
        return Line::Blank;
    };
    if trimmed.trim_end().is_empty() {
        return Line::Blank;
    }
    // Most lines are running text: only lines that could start a structure go
    // through the grammar.
    let candidate = first.is_ascii_digit()
        || matches!(first, '(' | '[' | '*')
        || (headings && first.is_uppercase() && starts_with_keyword(trimmed))
        || (first.is_lowercase() && trimmed[first.len_utf8()..].starts_with(')'))
        || lettered_with_dot(trimmed);
    if !candidate {
        return Line::Body;
    }
    let Ok(mut pairs) = LineGrammar::parse(Rule::line, trimmed) else {
        return Line::Body;
    };
    let Some(inner) = pairs.next().and_then(|line| line.into_inner().next()) else {
        return Line::Body;
    };
    match inner.as_rule() {
        Rule::heading => heading(inner),
        Rule::final_clause => Line::FinalClause,
        Rule::preamble_heading => Line::PreambleHeading,
        Rule::footnote => {
            let n = inner.into_inner().next().map(|p| p.as_str().to_string());
            Line::Footnote(n.unwrap_or_default())
        }
        Rule::marker => marker(inner),
        _ => Line::Body,
    }
}

/// Whether `line` opens with a few lower-case ASCII letters and a dot ("a.",
/// "iv."), a word processor's lettered list item (the grammar decides).
fn lettered_with_dot(line: &str) -> bool {
    let letters = line.bytes().take_while(u8::is_ascii_lowercase).count();
    (1..=7).contains(&letters) && line.as_bytes().get(letters) == Some(&b'.')
}

/// The first letters of every keyword the grammar knows (headings, preamble,
/// final clause), lowercased without accents; a cheap test that spares the
/// grammar the running text.
const KEYWORD_STARTS: &[&str] = &[
    "art", "cha", "cap", "sec", "sub", "sou", "par", "tit", "ann", "ane", "app", "ape", "pro",
    "sid", "car", "let", "pre", "in ", "en ", "don", "hec", "fai",
];

fn starts_with_keyword(line: &str) -> bool {
    let mut prefix = [0u8; 3];
    let mut n = 0;
    for c in line.chars().take(3) {
        let c = match c {
            'í' | 'Í' => 'i',
            'é' | 'É' => 'e',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            _ => return false,
        };
        prefix[n] = c as u8;
        n += 1;
    }
    KEYWORD_STARTS.iter().any(|k| k.as_bytes() == &prefix[..n])
}

/// A number's Latin suffix as "12 bis" writes it, however a draft set it
/// ("12-bis", "12 [bis]", "12 (bis)"), so that the article is one provision
/// whichever way a version writes it; "12bis" is kept as written.
fn latin_suffix_spaced(number: &str) -> String {
    let lower = number.to_ascii_lowercase();
    for word in ["quinquies", "quater", "sexies", "bis", "ter"] {
        let Some(at) = lower.find(word).filter(|&at| at > 0) else {
            continue;
        };
        let end = at + word.len();
        if lower[end..].starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        let before = number[..at]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '[' | '(' | '-'));
        if before.len() == at {
            break; // "13bis", kept as written
        }
        let after = number[end..].trim_start_matches([']', ')']);
        return format!("{before} {}{after}", &number[at..end]);
    }
    number.to_string()
}

fn heading(pair: Pair<Rule>) -> Line {
    let mut kind = None;
    let mut number = None;
    let mut title = None;
    let mut explicit_title = false;
    let mut bare = false;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::part_kw => kind = Some(Kind::Part),
            Rule::title_kw => kind = Some(Kind::Title),
            Rule::chapter_kw => kind = Some(Kind::Chapter),
            Rule::section_kw => kind = Some(Kind::Section),
            Rule::subsection_kw => kind = Some(Kind::Subsection),
            Rule::article_kw => kind = Some(Kind::Article),
            Rule::annex_kw => kind = Some(Kind::Annex),
            Rule::appendix_kw => kind = Some(Kind::Appendix),
            Rule::protocol_kw => kind = Some(Kind::Protocol),
            Rule::side_letter_kw => kind = Some(Kind::SideLetter),
            Rule::number => number = Some(latin_suffix_spaced(p.as_str().trim())),
            Rule::heading_tail | Rule::bare_tail => {
                bare = p.as_rule() == Rule::bare_tail;
                let tail = p.as_str().trim_start();
                let separated = tail.starts_with([':', '-', '–', '—', '|']);
                if let Some(t) = p
                    .into_inner()
                    .find(|t| matches!(t.as_rule(), Rule::title | Rule::title_in_parens))
                {
                    let t = clean_title(t.as_str());
                    if !t.is_empty() {
                        title = Some(t);
                    }
                }
                // a separator then a title, as headings write one; not a
                // cross-reference's "Article III:2 of GATT" or "Article 16.9:"
                // ending a sentence's line
                explicit_title = separated
                    && title
                        .as_deref()
                        .and_then(|t| t.chars().next())
                        .is_some_and(|c| !c.is_lowercase() && !c.is_ascii_digit());
            }
            _ => {}
        }
    }
    let Some(kind) = kind else { return Line::Body };
    if bare {
        // A keyword with no number is a heading only for instruments, and only
        // when the line reads as one: "ANNEX", "PROTOCOL ON CULTURAL COOPERATION".
        let ok = kind.is_instrument()
            && title
                .as_deref()
                .is_none_or(|t| t.chars().filter(|c| c.is_lowercase()).count() == 0);
        if !ok {
            return Line::Body;
        }
    }
    Line::Heading(Heading {
        kind,
        number,
        title,
        explicit_title,
    })
}

fn clean_title(raw: &str) -> String {
    let title = raw
        .trim()
        .trim_end_matches(')')
        .trim_start_matches(['(', '-', '–', '—', ':', '.'])
        .trim();
    // dot leaders a heading trails with no page number after them ("Committee
    // on Electronic Commerce........"), and a page number printed into the
    // heading's line ("Security Exception - 3 -")
    let title = without_trailing_leaders(title);
    let title = match title.rsplit_once(" - ") {
        Some((head, page))
            if !head.trim().is_empty() && crate::text::page_numbers::is_page_number(page) =>
        {
            head.trim_end()
        }
        _ => title,
    };
    title.to_string()
}

/// A title without a run of three or more dots (or ellipses) at its end.
fn without_trailing_leaders(title: &str) -> &str {
    let trimmed = title.trim_end_matches(['.', '…', ' ']);
    let run = &title[trimmed.len()..];
    if run.chars().filter(|&c| c == '.').count() >= 3 || run.contains('…') {
        trimmed
    } else {
        title
    }
}

fn marker(pair: Pair<Rule>) -> Line {
    let Some(mut inner) = pair.into_inner().next() else {
        return Line::Body;
    };
    let joined = inner.as_rule() == Rule::joined_marker;
    if joined {
        let Some(written) = inner.into_inner().next() else {
            return Line::Body;
        };
        inner = written;
    }
    let style = match inner.as_rule() {
        Rule::dotted_number | Rule::paren_number => MarkerStyle::Number,
        Rule::bare_number => MarkerStyle::BareNumber,
        Rule::dotted_letters => MarkerStyle::DottedLetters,
        _ => MarkerStyle::Letters,
    };
    let token = inner
        .as_str()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '.'))
        .to_string();
    Line::Marker(Marker {
        token,
        style,
        joined,
    })
}

/// "ARTICLE 1.1" → "1.1", "ARTÍCULO 3-01" → "3-01", "CHAPTER ONE" → "ONE": the
/// number as written, without its keyword (ToTA attributes carry the keyword).
pub fn strip_heading_keyword(raw: &str) -> String {
    let raw = raw.trim();
    simple_number(raw)
        .or_else(|| one_token_number(raw))
        .map_or_else(|| number_by_grammar(raw), str::to_string)
}

/// The keywords ToTA's number attributes open with, in capitals.
const NUMBER_KEYWORDS: [&str; 11] = [
    "ARTICLE",
    "ARTÍCULO",
    "ARTICULO",
    "CHAPTER",
    "CAPÍTULO",
    "CAPITULO",
    "CHAPITRE",
    "TITLE",
    "TITRE",
    "PART",
    "SECTION",
];

/// What follows a number attribute's keyword and one space ("ARTICLE 1.1"
/// → "1.1"); `None` when its first word is no keyword.
fn after_number_keyword(raw: &str) -> Option<&str> {
    raw.split_once(' ')
        .filter(|(keyword, _)| NUMBER_KEYWORDS.contains(keyword))
        .map(|(_, rest)| rest)
}

/// ToTA writes nearly every number as "ARTICLE 1.1", "ARTÍCULO 1-01" or
/// "CHAPTER IV": one keyword and an arabic or roman number need no grammar
/// (which was a tenth of reading the corpus).
fn simple_number(raw: &str) -> Option<&str> {
    let rest = after_number_keyword(raw)?;
    let simple = rest.starts_with(|c: char| c.is_ascii_digit() || "IVXLC".contains(c))
        && rest.ends_with(|c: char| c.is_ascii_digit() || "IVXLC".contains(c))
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXLC.-".contains(c));
    simple.then_some(rest)
}

/// The other forms ToTA writes most, "ARTICLE G-9", "CHAPTER ONE",
/// "ARTICULO XIV", "TITRE PREMIER", or a number alone ("12", "IV", "A"): a
/// keyword, if any, and one token of capitals, digits and inner hyphens,
/// which the grammar reads as the number. A thousand of the corpus's
/// numbers took the grammar 2.3 µs each.
fn one_token_number(raw: &str) -> Option<&str> {
    let token = if raw.contains(' ') {
        after_number_keyword(raw)?
    } else {
        raw
    };
    let one = !token.is_empty()
        && !token.starts_with('-')
        && !token.ends_with('-')
        && token
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    one.then_some(token)
}

fn number_by_grammar(raw: &str) -> String {
    if let Line::Heading(h) = classify(raw) {
        if let Some(n) = h.number {
            return n;
        }
    }
    // Forms the heading grammar rejects ("ARTICLE - 9", "ARTICLES 9.9"): drop a
    // leading keyword-like word and separators.
    let rest = match raw.split_once(char::is_whitespace) {
        Some((first, rest))
            if first.chars().all(|c| c.is_alphabetic() || c == '.') && first.len() > 2 =>
        {
            rest
        }
        _ => raw,
    };
    rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':' | '.'))
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests;
