//! Whether a text is part of an agreement rather than the whole: a single
//! annex, chapter or schedule published on its own cites the articles of the
//! agreement around it ("Annex J – Referred to in Article 23", "except as
//! provided in Article 10"), which it does not hold. Its agreement-level gaps
//! (no preamble recital, no right-to-regulate clause) then judge only the part.

use super::{number_key, Agreement, Kind};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Words treaties and their schedules are written in, in English, Spanish
/// and French (at least one of them in any agreement, clause or schedule
/// entry treatyscan is given).
static TREATY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:part(?:y|ies)|agreements?|treat(?:y|ies)|conventions?|protocols?|shall|articles?|chapters?|annex(?:es)?|schedules?|sectors?|commitments?|reservations?|obligations?|measures?|partes?|acuerdos?|tratados?|convenios?|art[ií]culos?|cap[ií]tulos?|anexos?|sectores|compromisos?|reservas?|obligaciones|medidas|parties?|accords?|trait[ée]s?|chapitres?|annexes?|secteurs?|engagements?|r[ée]serves?|mesures?)\b",
    )
    .expect("valid")
});

/// Whether a text reads as an agreement, a part of one or a clause: it has
/// articles or divisions, or uses a word treaties are written in ("Party",
/// "shall", "Agreement", "schedule", "sector", in English, Spanish or
/// French). A shopping list, a letter or a note does not, and gets no gaps.
pub fn reads_as_agreement(agreement: &Agreement) -> bool {
    agreement
        .walk()
        .any(|p| p.kind == Kind::Article || p.kind.is_division())
        || TREATY_WORDS.is_match(&agreement.text.text)
}

/// An article cited by number in the text: "Article 23", "Articles 10 and
/// 12" (the first), "Artículo 14.3", "article XX"; with what follows it, to
/// tell "Article 5 of the GATT 1994" (another instrument) from "Article 5 of
/// this Agreement".
static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:articles?|art\.|art[ií]culos?)\s+(?P<number>(?:[A-Z]-?)?\d+(?:[.-]\d+)*(?:\s?bis)?|[IVXLC]+)\b(?P<after>[ ,]{0,2}\w+(?:\s+\w+){0,2})?",
    )
    .expect("valid")
});

/// What after "Article N of" says the article is this agreement's own.
const OWN: &[&str] = &[
    "this",
    "the present",
    "este",
    "esta",
    "el presente",
    "la presente",
    "presente",
    "ce",
    "cet",
    "cette",
    "le présent",
    "la présente",
];

/// The fewest cited articles absent from the text that make it an excerpt.
const MIN_ABSENT: usize = 2;

/// Why a text reads as part of an agreement (see [`excerpt`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excerpt {
    /// It cites, by number, articles of its own agreement it does not hold
    /// (an annex "Referred to in Article 23").
    CitesAbsentArticles,
    /// It is one chapter or title of an agreement: it speaks of itself as
    /// "this Chapter" (or Title) and of "this Agreement", and holds at most
    /// one division of that kind (a chapter published on its own, its
    /// articles numbered 1, 2, … or 13.1, 13.2, …).
    OneDivision,
}

/// Whether `agreement` reads as part of an agreement, and why: see
/// [`Excerpt`]. ToTA agreements, read from a database of whole texts, are
/// never excerpts.
pub fn excerpt(agreement: &Agreement) -> Option<Excerpt> {
    if agreement.format == super::SourceFormat::TotaXml {
        return None;
    }
    if cites_absent_articles(agreement) {
        Some(Excerpt::CitesAbsentArticles)
    } else if is_one_division(agreement) {
        Some(Excerpt::OneDivision)
    } else {
        None
    }
}

/// Whether `agreement` reads as part of an agreement ([`excerpt`]).
pub fn is_excerpt(agreement: &Agreement) -> bool {
    excerpt(agreement).is_some()
}

/// "this Chapter", "this Title" and their Spanish and French forms: a text's
/// words for the division it is (group `chapter` or `title`).
static THIS_DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:this|the present|este|(?:el|del|al) presente|ce|(?:le|au|du) pr[ée]sent)\s+(?:(?P<chapter>chapter|cap[ií]tulo|chapitre)|(?P<title>title|t[ií]tulo|titre))\b",
    )
    .expect("valid")
});

/// "this Agreement" and its Spanish and French forms.
static THIS_AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:this|the present|este|(?:el|del|al) presente|cet|(?:le|au|du) pr[ée]sent)\s+(?:agreement|acuerdo|accord)\b")
        .expect("valid")
});

/// How often a text must call itself "this Chapter" (or Title) to be one:
/// a single mention may be a quotation.
const MIN_SELF_REFERENCES: usize = 2;

/// Whether the text is one chapter or title of an agreement (see
/// [`Excerpt::OneDivision`]): a whole agreement that speaks of "this
/// Chapter" holds several chapters, and closes with a signing formula.
fn is_one_division(agreement: &Agreement) -> bool {
    let text = &agreement.text.text;
    // a whole agreement closes with its signatures ("Done at …"); one whose
    // parts' headings were not all read still speaks of "this Title"
    if !THIS_AGREEMENT.is_match(text) || super::signed::has_closing_formula(text) {
        return false;
    }
    let (mut chapter, mut title) = (0, 0);
    for c in THIS_DIVISION.captures_iter(text) {
        if c.name("chapter").is_some() {
            chapter += 1;
        } else {
            title += 1;
        }
    }
    let held = |kind: Kind| agreement.walk().filter(|p| p.kind == kind).count();
    // a title holds chapters, and a whole agreement's titles are often
    // not read as such (set as chapters by a converter, or not headed on
    // a line of their own): "this Title" counts only in a text of at most
    // one chapter
    let chapters = held(Kind::Chapter);
    (chapter >= MIN_SELF_REFERENCES && chapters <= 1)
        || (title >= MIN_SELF_REFERENCES && held(Kind::Title) <= 1 && chapters <= 1)
}

/// Whether the text cites, by number, at least `MIN_ABSENT` articles of its
/// own agreement that it does not hold, and more of them than of those it
/// holds (a whole agreement cites its own articles; articles "of the GATT
/// 1994", "of the WTO Agreement" are another instrument's and are not
/// counted).
fn cites_absent_articles(agreement: &Agreement) -> bool {
    let held: BTreeSet<String> = agreement
        .walk()
        .filter(|p| p.kind == Kind::Article)
        .filter_map(|p| p.number.as_deref())
        .map(number_key)
        .collect();
    let mut cited_held = BTreeSet::new();
    let mut cited_absent = BTreeSet::new();
    for c in CITED.captures_iter(&agreement.text.text) {
        let after = c
            .name("after")
            .map_or("", |m| m.as_str())
            .trim_start_matches([' ', ',']);
        let mut words = after.split_whitespace();
        let another_instrument = matches!(words.next(), Some(w) if ["of", "del", "de", "du", "des"]
            .contains(&w.to_lowercase().as_str()))
            && !OWN.iter().any(|own| {
                let rest = words.clone().collect::<Vec<_>>().join(" ").to_lowercase();
                rest.starts_with(own)
            });
        if another_instrument {
            continue;
        }
        let number = number_key(&c["number"]);
        // a number not written as this text writes its own ("Article III"
        // in an agreement of Articles 1, 2, 3: the GATT's) is another's
        if !held.is_empty() && !held.iter().any(|h| shape(h) == shape(&number)) {
            continue;
        }
        if held.contains(&number) {
            cited_held.insert(number);
        } else {
            cited_absent.insert(number);
        }
    }
    cited_absent.len() >= MIN_ABSENT && cited_absent.len() > cited_held.len()
}

/// How an article number is written: each run of digits as `9`, of letters
/// as `a`, punctuation kept ("14.2" and "3.1" alike, "1-01" and "xxiv" not).
fn shape(number: &str) -> String {
    let mut out = String::new();
    for c in number.chars() {
        let class = if c.is_ascii_digit() {
            '9'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if !out.ends_with(class) || !matches!(class, '9' | 'a') {
            out.push(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_or_a_schedule_entry_reads_as_an_agreement_a_shopping_list_does_not() {
        for (text, expected) in [
            ("This Chapter does not apply to audiovisual services.", true),
            ("Sector: Recreational, cultural and sporting services", true),
            ("Las Partes cooperarán en materia cultural.", true),
            ("Les mesures culturelles sont exclues.", true),
            ("Shopping list\n\nmilk, eggs, bread, apples", false),
            ("Dear Maria, see you on Tuesday at the cinema.", false),
        ] {
            assert_eq!(
                reads_as_agreement(&agreement(text, &[], SourceFormat::Text)),
                expected,
                "{text}"
            );
        }
        // any article makes one
        assert!(reads_as_agreement(&agreement(
            "milk",
            &["1"],
            SourceFormat::Text
        )));
    }
    use crate::provision::{Metadata, Paragraphs, Provision, SourceFormat};
    use crate::text::LocatedText;

    fn article(number: &str) -> Provision {
        Provision::new(Kind::Article, Some(number.into()), 1, 0..0)
    }

    fn agreement(text: &str, articles: &[&str], format: SourceFormat) -> Agreement {
        Agreement {
            file: "t.txt".into(),
            format,
            metadata: Metadata::default(),
            provisions: articles.iter().map(|n| article(n)).collect(),
            text: LocatedText::plain(text.into()),
            paragraphs: Paragraphs::Parsed,
        }
    }

    #[test]
    fn an_annex_that_cites_the_articles_around_it_is_an_excerpt() {
        let annex = "Annex J - Referred to in Article 23\n1. Nothing in this Agreement shall apply to cultural industries, except as provided in Article 10, sub-paragraph 2(e) of Article 26, and Article 37 of this Agreement.";
        assert!(is_excerpt(&agreement(annex, &[], SourceFormat::Text)));
        // the same text from ToTA is a whole agreement's
        assert!(!is_excerpt(&agreement(annex, &[], SourceFormat::TotaXml)));
    }

    #[test]
    fn an_agreement_that_cites_its_own_articles_and_other_instruments_is_whole() {
        let whole = "Article 1\nAs provided in Article 2 and Article 3 of this Agreement.\nArticle 2\nArticle XX of the GATT 1994 and Article XIV of GATS are incorporated. See Article 5 of the WTO Agreement.\nArticle 3\nSubject to Article 1.";
        assert!(!is_excerpt(&agreement(
            whole,
            &["1", "2", "3"],
            SourceFormat::Text
        )));
        // one stray citation is not enough
        let one = "Article 1\nSubject to Article 9, the Parties shall cooperate.";
        assert!(!is_excerpt(&agreement(one, &["1"], SourceFormat::Text)));
    }

    fn with_chapters(text: &str, chapters: &[&str]) -> Agreement {
        let mut a = agreement(text, &[], SourceFormat::Markdown);
        a.provisions = chapters
            .iter()
            .map(|n| {
                let mut c = Provision::new(Kind::Chapter, Some(n.to_string()), 1, 0..0);
                c.children.push(article(&format!("{n}.1")));
                c
            })
            .collect();
        a
    }

    #[test]
    fn a_chapter_that_speaks_of_itself_and_of_the_agreement_is_one_division() {
        let es = "Capítulo 13\nArtículo 13.1\nLas disposiciones de este Capítulo se aplican a las medidas. Nada en este Capítulo afecta los derechos de las Partes conforme al presente Acuerdo.";
        let a = with_chapters(es, &["13"]);
        assert_eq!(excerpt(&a), Some(Excerpt::OneDivision));
        // no chapter heading at all (the chapter's title is its first line)
        let en = "COOPERATION\nArticle 1\nThe provisions of the present chapter apply to this Agreement.\nArticle 2\nThe Parties shall liaise on the implementation of the present Chapter.";
        assert_eq!(
            excerpt(&agreement(en, &["1", "2"], SourceFormat::Markdown)),
            Some(Excerpt::OneDivision)
        );
        let fr = "Article premier\nLe présent chapitre s'applique aux mesures. Le présent chapitre ne porte pas atteinte au présent accord.";
        assert_eq!(
            excerpt(&agreement(fr, &["premier"], SourceFormat::Text)),
            Some(Excerpt::OneDivision)
        );
    }

    #[test]
    fn a_whole_agreement_that_speaks_of_this_chapter_is_not_one_division() {
        let text = "Article 1.1\nThis Chapter applies to this Agreement. This Chapter does not apply to Chapter 2.";
        // several chapters: the agreement's
        assert_eq!(excerpt(&with_chapters(text, &["1", "2"])), None);
        // one chapter, but signed: a whole (short) agreement
        let signed = format!("{text}\nDone at Geneva, this first day of May 2020.");
        assert_eq!(excerpt(&with_chapters(&signed, &["1"])), None);
        // no "this Agreement": nothing says there is more
        let alone = "Article 1\nThis Chapter applies to goods. This Chapter applies to services.";
        assert_eq!(excerpt(&with_chapters(alone, &["1"])), None);
        // once: a quotation, not what the text is
        let once = "Article 1\nAs this Chapter provides, this Agreement applies.";
        assert_eq!(excerpt(&with_chapters(once, &["1"])), None);
        // "this Title" in a text of several chapters: an agreement whose
        // titles were not read as titles
        let titles = "Article 1.1\nThis Title applies to this Agreement. This Title does not apply to Title II.";
        assert_eq!(excerpt(&with_chapters(titles, &["1", "2"])), None);
    }

    #[test]
    fn a_chapter_on_its_own_in_spanish_is_an_excerpt() {
        let chapter = "Capítulo 13\nArtículo 13.1\nDe conformidad con el Artículo 10.2 y el Artículo 12.5 del presente Tratado, y el Artículo 14.1.";
        assert!(is_excerpt(&agreement(
            chapter,
            &["13.1"],
            SourceFormat::Text
        )));
    }
}
