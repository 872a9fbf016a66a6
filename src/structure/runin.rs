//! Headings run into the text. A page saved from the web can hold a whole
//! chapter on one line ("CAPÍTULO 13 : COMERCIO ELECTRÓNICO ARTÍCULO 13.1 :
//! GENERAL 1. Las Partes …"), and a draft can start an article's text on the
//! line of its heading ("Article 1: Scope 1. This Agreement applies …"). The
//! structure grammar reads a line at a time, and took such a line for one
//! heading whose title was the whole text: the provision then had no text,
//! and its findings were lost. Here those lines are cut, a space becoming a
//! line break (`LocatedText::break_lines_at`, which keeps offsets and the
//! source's lines and columns), before a heading that runs on in the middle
//! of a long line, and after a heading's title where the text goes on.

use super::builder::{ends_unfinished_word, is_title_like};
use super::lines::{classify, Heading, Line};
use crate::text::LocatedText;
use regex::Regex;
use std::sync::LazyLock;

/// A line at least this long (bytes) may hold headings run in mid-line: a
/// page saved without its line breaks. Headings and paragraphs of a text
/// with its lines are shorter, or hold no second heading.
const RUN_ON_LINE: usize = 300;

/// How much of a line after a possible heading's keyword the grammar reads to
/// tell a heading (bytes): its keyword, number, separator and first words.
const HEADING_WINDOW: usize = 160;

/// How many words the text after a title in capitals needs, when it opens
/// with no paragraph marker, to read as text ("… COMERCIALES Las Partes
/// reconocen …") rather than as the rest of the title ("ANNEX 8-B VIET NAM
/// Schedule of Specific Commitments").
const BODY_WORDS: usize = 5;

/// A paragraph marker standing as a word: "1.", "(2)", "3)", "(a)", "(iv)".
static MARKER_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\(?[0-9]{1,3}[.)]|\([a-z]{1,4}\))$").expect("valid"));

/// Cuts the lines of `text` where headings run into the text (see the module).
pub fn break_run_in_headings(text: &mut LocatedText) {
    // a cut line can start with a heading that runs into its text in turn
    // ("CHAPTER 1: GOODS Article 5 1. The Parties …")
    for _ in 0..PASSES {
        if !break_once(text) {
            break;
        }
    }
}

/// How many times lines are cut at most: a chapter heading, an article's
/// heading after it, its first paragraph after that.
const PASSES: usize = 3;

/// One pass of `break_run_in_headings`; whether it cut a line.
fn break_once(text: &mut LocatedText) -> bool {
    let mut breaks = Vec::new();
    let mut at = 0;
    let mut previous = "";
    let mut lines = text.text.split('\n').peekable();
    while let Some(line) = lines.next() {
        // a line that goes on with the sentence of the line before is no
        // heading ("… is set out in" / "Appendix 2 Section A of this Protocol.")
        let continues = previous
            .trim_end()
            .ends_with(|c: char| c.is_lowercase() || c == ',');
        // nor is one whose sentence the next line goes on with ("… in
        // paragraph 2. Chapter 10 (Investment)" / "shall not apply …")
        let continued = lines
            .peek()
            .is_some_and(|next| next.trim_start().starts_with(char::is_lowercase));
        breaks_in_line(line, at, continues, continued, &mut breaks);
        at += line.len() + 1;
        previous = line;
    }
    if breaks.is_empty() {
        return false;
    }
    text.break_lines_at(&breaks);
    true
}

/// The breaks one line needs, as offsets of the spaces to break at (`at` is
/// where the line starts in the text; `continues` when it goes on with the
/// sentence of the line before, `continued` when the next line goes on with
/// its last sentence).
fn breaks_in_line(
    line: &str,
    at: usize,
    continues: bool,
    continued: bool,
    breaks: &mut Vec<usize>,
) {
    let lead = line.len() - line.trim_start().len();
    let mut starts: Vec<usize> = Vec::new();
    if !continues {
        match heading_at(&line[lead..]).map(|(start, _)| start) {
            Some(Start::Heading) => starts.push(lead),
            Some(Start::BeforeMarker(marker)) => {
                starts.push(lead);
                breaks.push(at + lead + marker - 1);
            }
            None => {}
        }
    }
    let mut markers = Vec::new();
    let inside = headings_inside(line, &mut markers);
    // one heading in a long paragraph is a reference to it; a line that
    // holds two is a text saved without its line breaks
    if line.len() >= RUN_ON_LINE && starts.len() + inside.len() >= 2 {
        breaks.extend(inside.iter().chain(&markers).map(|s| at + s - 1));
        starts.extend(inside);
    } else if let Some(&last) = inside.last() {
        // a heading that closes a paragraph after its last sentence, its
        // title running to the line's end ("… de cada Parte. Sección B -
        // Derechos de autor y derechos conexos"): a Word paragraph that
        // holds the next division's heading
        let rest = &line[last..];
        let closes = !continued
            && line[..last].trim_end().ends_with('.')
            && match classify(rest) {
                Line::Heading(Heading { title: Some(t), .. }) => {
                    is_title_like(&t) && rest.trim_end().ends_with(t.as_str())
                }
                _ => false,
            };
        if closes {
            breaks.push(at + last - 1);
        }
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(line.len(), |&next| next - 1);
        let heading = &line[start..end];
        if let Some(body) = text_after_title(heading) {
            breaks.push(at + start + body - 1);
        }
    }
}

/// Where headings start in the middle of `line` (byte offsets, after a
/// space): the grammar reads a heading there, and its keyword is written in
/// capitals ("… ARTÍCULO 13.2: …"), or it opens a sentence ("… of goods.
/// Article 3: Scope …"), or it gives its title after a separator and no
/// word that cites an article stands before it ("… origin of the goods
/// Article 3.21: Verification of Origin …", not "under Article 5: …").
/// Where a first paragraph's marker follows a heading without a title
/// ("Article 6 1. Customs duties …"), its offset goes to `markers`.
fn headings_inside(line: &str, markers: &mut Vec<usize>) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, _) in line.match_indices(' ') {
        let start = i + 1;
        let rest = &line[start..];
        let Some(first) = rest.chars().next() else {
            continue;
        };
        if !first.is_uppercase() {
            continue;
        }
        let keyword = rest.split([' ', '.', ':']).next().unwrap_or("");
        let in_capitals = keyword.chars().count() >= 4 && !keyword.chars().any(char::is_lowercase);
        let before = line[..i].trim_end();
        let opens_sentence = ends_sentence(before);
        let cited = ends_unfinished_word(before) || ends_citing_word(before);
        let mut window = HEADING_WINDOW.min(rest.len());
        while !rest.is_char_boundary(window) {
            window -= 1;
        }
        let Some((heading, titled)) = heading_at(&rest[..window]) else {
            continue;
        };
        if !(in_capitals || opens_sentence || titled && !cited) {
            continue;
        }
        match heading {
            Start::Heading => found.push(start),
            Start::BeforeMarker(marker) => {
                found.push(start);
                markers.push(start + marker);
            }
        }
    }
    found
}

/// Whether `text` ends a sentence: a full stop, or a full stop and a
/// footnote's number, joined or set apart ("… on a non-discriminatory
/// basis.7", "… basis.⁷", "… and insurance. 5"), the full stop after a word
/// (in "Article 13.5" it is the number's).
fn ends_sentence(text: &str) -> bool {
    let is_mark =
        |c: char| c.is_ascii_digit() || crate::text::notes::superscript_value(c).is_some();
    if let Some((before, number)) = text.rsplit_once(' ') {
        if (1..=3).contains(&number.chars().count()) && number.chars().all(is_mark) {
            return ends_sentence(before) && !before.ends_with(|c: char| c.is_ascii_digit());
        }
    }
    let without_mark = text.trim_end_matches(is_mark);
    let mark_len = text[without_mark.len()..].chars().count();
    match without_mark.strip_suffix('.') {
        _ if mark_len == 0 => text.ends_with('.'),
        Some(word) if mark_len <= 3 => {
            word.ends_with(|c: char| c.is_alphabetic() || matches!(c, ')' | '"' | '”' | '’'))
        }
        _ => false,
    }
}

/// Whether `text` ends on a word that cites an article standing before its
/// number and that `builder::ends_unfinished_word` does not know ("see
/// Article 5", "según el Artículo 5", "conformément à l'article 5").
fn ends_citing_word(text: &str) -> bool {
    const CITING: &[&str] = &["see", "per", "pursuant", "según", "selon", "à", "l'"];
    text.rsplit(' ')
        .next()
        .is_some_and(|w| CITING.contains(&w.to_lowercase().as_str()))
}

/// How a heading starts a stretch of text.
enum Start {
    /// The grammar reads a heading there (its title may run into the text).
    Heading,
    /// A keyword and number with no title, then a first paragraph's marker
    /// ("Article 3 1. No new customs duty …"): the text starts at the marker
    /// (byte offset in the stretch).
    BeforeMarker(usize),
}

/// Whether `text` opens with a heading, and how; and whether the heading
/// gives a title after a separator ("Article 3.21: Verification").
fn heading_at(text: &str) -> Option<(Start, bool)> {
    match classify(text) {
        Line::Heading(h) => {
            let titled = h.explicit_title && h.title.is_some();
            return Some((Start::Heading, titled));
        }
        Line::Body => {}
        _ => return None,
    }
    // the marker is the third or fourth word: "Article 3 1.", "Art. 3 (1)"
    let marker = text
        .match_indices(' ')
        .take(3)
        .skip(1)
        .map(|(i, _)| i + 1)
        .find(|&i| opens_paragraphs(text[i..].split(' ').next().unwrap_or("")))?;
    matches!(
        classify(text[..marker].trim_end()),
        Line::Heading(Heading { title: None, .. })
    )
    .then_some((Start::BeforeMarker(marker), false))
}

/// Where the text starts after the title of `heading` (a heading and what
/// follows it on its line, as a byte offset in it after a space), when text
/// follows the title: after a title in capitals, at the first word that is
/// not in capitals ("GENERAL 1. Las Partes …", "DEFINITIONS For the
/// purposes …"); after any other title, at a first paragraph's marker
/// ("Scope 1. This Agreement …"), after a title closed by a full stop
/// ("Scope. This Chapter …"), or where a sentence opens ("Entry into Force
/// This Agreement shall …"). None when the line is a heading alone.
fn text_after_title(heading: &str) -> Option<usize> {
    let Line::Heading(Heading {
        title: Some(title), ..
    }) = classify(heading)
    else {
        return None;
    };
    let trimmed = heading.trim_end();
    let title_start = trimmed.strip_suffix(title.as_str())?.len();
    let words: Vec<(usize, &str)> = trimmed[title_start..]
        .split(' ')
        .scan(title_start, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is_marker = |w: &str| MARKER_WORD.is_match(w);
    let in_capitals = |w: &str| {
        w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase) && !is_marker(w)
    };
    // no title: the first paragraph follows the number ("ARTICLE 46: 1. …")
    if words.first().is_some_and(|(_, w)| opens_paragraphs(w)) {
        return Some(title_start);
    }
    let capitals = words.iter().take_while(|(_, w)| in_capitals(w)).count();
    if capitals > 0
        && words[..capitals]
            .iter()
            .any(|(_, w)| w.chars().count() >= 2)
    {
        let (body, first) = *words.get(capitals)?;
        let reads_as_text = is_marker(first)
            || words.len() - capitals >= BODY_WORDS
            || !matches!(classify(&trimmed[body..]), Line::Body);
        return reads_as_text.then_some(body);
    }
    // a title in title case: up to a paragraph marker, or closed by a full stop
    let marked = words
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(k, &(start, w))| {
            let before = trimmed[title_start..start].trim_end();
            let after_stop = before.ends_with('.')
                && w.starts_with(char::is_uppercase)
                && words.len() - k >= BODY_WORDS - 1;
            let title = before.strip_suffix('.').unwrap_or(before);
            ((opens_paragraphs(w) || after_stop) && is_title_like(title)).then_some(start)
        });
    if marked.is_some() {
        return marked;
    }
    // a "title" that runs on into sentences: the title is the words before
    // the first sentence ("Definitions For the purposes …", "Entry into
    // Force This Agreement shall …"), which opens on a word sentences open
    // on and goes on in lower case ("Cooperation In The Field Of Culture The
    // Parties shall …"); the text after it ends a sentence, which a title
    // wrapped onto the next line does not ("Exclusive Rights of Authors,
    // Performers, and")
    let rest_ends_sentence = |from: usize| {
        let rest = &trimmed[from..];
        rest.ends_with(['.', ':', ';']) || rest.contains(". ")
    };
    let opened = (0..words.len().min(TITLE_WORDS)).find_map(|k| {
        let (start, first) = words[k];
        let title = trimmed[title_start..start].trim_end();
        // no title: the text follows the number ("Article 5 The Parties …")
        let title_like = k == 0 || is_title_like(title);
        let opens_sentence = opens_sentences(first)
            && words[k + 1..]
                .iter()
                .take(3)
                .any(|(_, w)| w.starts_with(char::is_lowercase))
            && words.len() - k >= 3
            // no title and a long one: a sentence, wrapped or not
            && (rest_ends_sentence(start) || k == 0 && words.len() >= UNTITLED_WORDS);
        (opens_sentence && title_like).then_some(start)
    });
    if opened.is_some() {
        return opened;
    }
    // a title with every word capitalised ("Levels Of Protection"), then a
    // sentence: its first word is the last capitalised one before a word in
    // lower case ("Recognizing the sovereign right …")
    let capitalised = |w: &str| !w.starts_with(char::is_lowercase);
    let k = words
        .iter()
        .position(|(_, w)| !capitalised(w))?
        .checked_sub(1)?;
    let (start, _) = words[k];
    let title = trimmed[title_start..start].trim_end();
    // a sentence wrapped onto the next line ends none here: a long one
    let a_sentence = rest_ends_sentence(start) || words.len() - k >= UNTITLED_WORDS + 2;
    if (1..TITLE_WORDS).contains(&k) && is_title_like(title) && a_sentence {
        return Some(start);
    }
    // no title, and a sentence with its verb ("Article 128 Co-operation
    // shall also be aimed at …")
    let verb = words
        .iter()
        .skip(1)
        .take(5)
        .any(|(_, w)| SENTENCE_VERBS.contains(w));
    (k == 0 && verb && words.len() >= UNTITLED_WORDS).then_some(title_start)
}

/// Verbs the first sentence of an article has among its first words, and a
/// title does not ("Co-operation shall …", "Las Partes reconocen …").
pub(super) const SENTENCE_VERBS: &[&str] = &[
    "shall",
    "may",
    "will",
    "must",
    "should",
    "is",
    "are",
    "agree",
    "recognise",
    "recognize",
    "undertake",
    "affirm",
    "reaffirm",
    "deberá",
    "deberán",
    "podrá",
    "podrán",
    "será",
    "serán",
    "es",
    "son",
    "acuerdan",
    "reconocen",
    "doit",
    "doivent",
    "peut",
    "peuvent",
    "sera",
    "seront",
    "est",
    "sont",
    "conviennent",
    "reconnaissent",
];

/// Whether `word` is the marker of a first paragraph ("1.", "(1)", "(a)",
/// "(i)"): a "2." after a title is a number in its text ("… on June 2.").
fn opens_paragraphs(word: &str) -> bool {
    MARKER_WORD.is_match(word) && matches!(word.trim_matches(['(', ')', '.']), "1" | "a" | "i")
}

/// Whether `word` is one sentences of agreements open on (articles,
/// determiners, "Nothing", "For", "Where", in English, Spanish and French),
/// written with its capital.
fn opens_sentences(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "This",
        "These",
        "Each",
        "Every",
        "A",
        "An",
        "Any",
        "No",
        "Nothing",
        "Neither",
        "For",
        "Where",
        "When",
        "If",
        "Subject",
        "Notwithstanding",
        "Unless",
        "Upon",
        "All",
        "Such",
        "By",
        "In",
        "During",
        "Within",
        "With",
        "Under",
        "As",
        "Por",
        "En",
        "Durante",
        "Con",
        "Dentro",
        "Par",
        "Dans",
        "Pendant",
        "Avec",
        "Conformément",
        "El",
        "La",
        "Los",
        "Las",
        "Este",
        "Esta",
        "Estos",
        "Cada",
        "Ninguna",
        "Ningún",
        "Nada",
        "Para",
        "Cuando",
        "Si",
        "Salvo",
        "Toda",
        "Todo",
        "Sujeto",
        "Le",
        "Les",
        "Ce",
        "Cette",
        "Ces",
        "Chaque",
        "Aucune",
        "Aucun",
        "Rien",
        "Pour",
        "Lorsque",
        "Sauf",
        "Toute",
        "Tout",
        "Nonobstant",
    ];
    let word = word.trim_end_matches([',', ';', ':']);
    OPENERS.contains(&word) || word.starts_with("L'") || word.starts_with("L\u{2019}")
}

/// How many words after a heading's number, opening on a word sentences
/// open on, make them a sentence even without its end on the line
/// ("Article 4 The purpose set forth in Article 3 shall be achieved").
const UNTITLED_WORDS: usize = 8;

/// How many words a title that runs into its text may have.
const TITLE_WORDS: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> String {
        let mut located = LocatedText::plain(text.to_string());
        break_run_in_headings(&mut located);
        located.text
    }

    #[test]
    fn a_title_in_capitals_ends_where_the_text_begins() {
        assert_eq!(
            cut("ARTICLE 2: DEFINITIONS For the purposes of this Agreement, goods means goods."),
            "ARTICLE 2: DEFINITIONS\nFor the purposes of this Agreement, goods means goods."
        );
        assert_eq!(
            cut("ARTÍCULO 13.1 : GENERAL 1. Las Partes reconocen el crecimiento."),
            "ARTÍCULO 13.1 : GENERAL\n1. Las Partes reconocen el crecimiento."
        );
    }

    #[test]
    fn a_title_in_title_case_ends_at_a_marker_or_its_full_stop() {
        assert_eq!(
            cut("Article 1: Scope 1. This Agreement applies to trade in goods."),
            "Article 1: Scope\n1. This Agreement applies to trade in goods."
        );
        assert_eq!(
            cut("Article 3. Scope. This Chapter applies to measures affecting trade."),
            "Article 3. Scope.\nThis Chapter applies to measures affecting trade."
        );
        assert_eq!(
            cut("Article 4 Scope and Coverage This Chapter applies to measures affecting trade."),
            "Article 4 Scope and Coverage\nThis Chapter applies to measures affecting trade."
        );
        assert_eq!(
            cut("Article P-03: Entry into Force This Agreement shall enter into force on June 2."),
            "Article P-03: Entry into Force\nThis Agreement shall enter into force on June 2."
        );
        assert_eq!(
            cut("Article 6: Cooperation In The Field Of Culture The Parties shall cooperate."),
            "Article 6: Cooperation In The Field Of Culture\nThe Parties shall cooperate."
        );
        assert_eq!(
            cut("Artículo 3: Definiciones Para efectos de este Capítulo, productos digitales significa programas."),
            "Artículo 3: Definiciones\nPara efectos de este Capítulo, productos digitales significa programas."
        );
        assert_eq!(
            cut("Article 18.1: Levels Of Protection Recognizing the right of each Party to set them, each Party shall strive."),
            "Article 18.1: Levels Of Protection\nRecognizing the right of each Party to set them, each Party shall strive."
        );
        assert_eq!(
            cut("Article 5 The Parties shall cooperate in the field of culture."),
            "Article 5\nThe Parties shall cooperate in the field of culture."
        );
        assert_eq!(
            cut("Article 3 : Champ d'application Le présent chapitre s'applique aux mesures."),
            "Article 3 : Champ d'application\nLe présent chapitre s'applique aux mesures."
        );
        assert_eq!(
            cut("Article 12: Protection of Broadcasting Organisations Each Party shall protect them."),
            "Article 12: Protection of Broadcasting Organisations\nEach Party shall protect them."
        );
    }

    #[test]
    fn headings_alone_and_titles_that_go_on_are_left_whole() {
        for line in [
            "ARTICLE 5 GENERAL EXCEPTIONS",
            "Article 11.12: Protection of Broadcasting Organisations and",
            "ANNEX 8-B VIET NAM Schedule of Specific Commitments",
            "CAPÍTULO 13 : COMERCIO ELECTRÓNICO",
            "Article 4 Scope and Coverage ........ 12",
            "Article 12 Protection of Broadcasting Organisations",
            "Article 11.10: Exclusive Rights of Authors, Performers, and",
            "The Parties shall apply Article 5. This is a sentence, not a heading.",
        ] {
            assert_eq!(cut(line), line);
        }
    }

    #[test]
    fn a_chapter_saved_on_one_line_is_cut_before_each_heading() {
        let page = "CAPÍTULO 13 : COMERCIO ELECTRÓNICO ARTÍCULO 13.1 : GENERAL 1. Las Partes \
            reconocen el crecimiento económico y la oportunidad que el comercio electrónico genera, \
            de conformidad con el Artículo 13.3 y el Artículo 13.2. ARTÍCULO 13.2: PROTECCIÓN DE \
            LOS CONSUMIDORES Las Partes reconocen la importancia de mantener y adoptar medidas \
            transparentes y efectivas para proteger a los consumidores. Article 13.3: Definitions \
            For the purposes of this Chapter, digital products means computer programs.";
        let lines: Vec<String> = cut(page).lines().map(str::to_string).collect();
        assert_eq!(
            lines
                .iter()
                .map(|l| l.split(' ').take(3).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>(),
            [
                "CAPÍTULO 13 :",
                "ARTÍCULO 13.1 :",
                "1. Las Partes",
                "ARTÍCULO 13.2: PROTECCIÓN",
                "Las Partes reconocen",
                "Article 13.3: Definitions",
                "For the purposes",
            ]
        );
    }

    #[test]
    fn headings_without_a_title_give_way_to_their_text() {
        for (line, text) in [
            ("ARTICLE 46:  1. Subject to Article 45, each Party may regulate companies.", "1. Subject"),
            ("Article 128 Co-operation shall also be aimed at fostering the distribution", "Co-operation"),
            ("Article 10.5: Cultural Industries Measures affecting cultural industries are exempt from the provisions of this Agreement,", "Measures"),
        ] {
            let mut want = line.to_string();
            let at = line.find(text).unwrap();
            want.replace_range(at - 1..at, "\n");
            assert_eq!(cut(line), want, "{line}");
        }
    }

    #[test]
    fn a_number_followed_by_a_first_paragraph_is_a_heading() {
        assert_eq!(
            cut("Article 3 1. No new customs duty on imports shall be introduced."),
            "Article 3\n1. No new customs duty on imports shall be introduced."
        );
        assert_eq!(
            cut("Article 3 (2) shall apply to goods."),
            "Article 3 (2) shall apply to goods."
        );
    }

    #[test]
    fn a_heading_after_a_footnote_mark_that_ends_a_sentence_is_cut() {
        // a page saved on one line: two headings on it
        let filler = format!(
            "Article 13.5 Number Portability 1. {}",
            "The Parties shall cooperate on roaming matters. ".repeat(7)
        );
        for mark in ["7", "⁷"] {
            let line = format!(
                "{filler}on a non-discriminatory basis.{mark} Article 13.6 International Mobile Roaming 1. The Parties shall endeavour."
            );
            let out = cut(&line);
            assert!(
                out.contains(&format!(
                    "basis.{mark}\nArticle 13.6 International Mobile Roaming\n1. The Parties"
                )),
                "{out}"
            );
        }
        // the full stop of a number is no sentence's end
        assert!(!ends_sentence("in accordance with paragraph 13.5"));
        assert!(
            ends_sentence("basis.12") && ends_sentence("basis.") && !ends_sentence("basis.1234")
        );
        assert!(ends_sentence("and insurance. 5") && !ends_sentence("under paragraph 5"));
    }

    #[test]
    fn a_reference_that_goes_on_from_the_line_before_is_no_heading() {
        let text = "4. The new Chapter 3 is set out in\nAppendix 2 Section A of this Protocol.";
        assert_eq!(cut(text), text);
    }

    #[test]
    fn a_heading_closes_a_paragraph_only_when_the_next_line_does_not_go_on() {
        assert_eq!(
            cut("It applies to goods. Sección B - Derechos de autor\nArtículo 15-09"),
            "It applies to goods.\nSección B - Derechos de autor\nArtículo 15-09"
        );
        let wrapped =
            "It applies as set out in paragraph 2. Chapter 10 (Investment)\nshall not apply.";
        assert_eq!(cut(wrapped), wrapped);
    }

    #[test]
    fn a_long_paragraph_that_cites_articles_is_left_whole() {
        let paragraph = format!(
            "{} as provided in Article 5 and under ARTICLE XX of the GATT 1994.",
            "Each Party shall ensure that its measures are consistent with this Chapter. "
                .repeat(5)
        );
        assert_eq!(cut(&paragraph), paragraph);
    }

    #[test]
    fn lines_and_columns_are_the_source_ones() {
        let text =
            "ARTICLE 2: DEFINITIONS For the purposes of this Agreement, goods means goods.\nnext";
        let mut located = LocatedText::plain(text.to_string());
        break_run_in_headings(&mut located);
        let at = text.find("For the").unwrap();
        assert_eq!(located.text.as_bytes()[at - 1], b'\n');
        let place = located.locate(at);
        assert_eq!((place.line, place.column), (1, 24));
        let next = located.locate(text.find("next").unwrap());
        assert_eq!((next.line, next.column), (2, 1));
    }
}
