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
/// entry treatyscan is given). Common words outside treaties too ("article",
/// "measures", "schedule"): enough for a clause sent on its own, not for a
/// long text (`TREATY_TERMS` is).
static TREATY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:part(?:y|ies)|agreements?|treat(?:y|ies)|conventions?|protocols?|shall|articles?|chapters?|annex(?:es)?|schedules?|sectors?|commitments?|reservations?|obligations?|measures?|partes?|acuerdos?|tratados?|convenios?|art[ií]culos?|cap[ií]tulos?|anexos?|sectores|compromisos?|reservas?|obligaciones|medidas|parties?|accords?|trait[ée]s?|chapitres?|annexes?|secteurs?|engagements?|r[ée]serves?|mesures?)\b",
    )
    .expect("valid")
});

/// The terms only treaties use, or use as treaties use them: the Parties
/// and the instrument as defined terms (capitalised, or in capitals: "the
/// Parties", "each Side", "this Agreement", "el Acuerdo", "la Partie"), the
/// word of obligation ("shall", "deberá", "s'engagent"), and the names of
/// trade disciplines and schedule fields ("customs duties", "national
/// treatment", "market access", "non-conforming measures", "Sector:",
/// "Unbound", "(CPC 9619)", "procuring entities"). A research paper's
/// "articles", a tax form's "treaty" or "third party" are not among them.
static TREATY_TERMS: LazyLock<Regex> =
    LazyLock::new(|| {
        Regex::new(&[
        // `(?-u:\b)` and a closing non-word character rather than
        // Unicode `\b`, which the lazy DFA cannot run on non-ASCII text
        // (every agreement's search then fell back to a slower engine)
        r"(?m)(?-u:\b)(?:",
        PARTIES,
        r"|Sides?|SIDES?|Agreements?|AGREEMENTS?|",
        r"Treat(?:y|ies)|TREAT(?:Y|IES)|Conventions?|CONVENTIONS?|Protocol(?:o|e)?s?|",
        r"PROTOCOL(?:O|E)?S?|Acuerdos?|ACUERDOS?|Tratados?|TRATADOS?|Convenios?|CONVENIOS?|",
        r"Accords?|ACCORDS?|Trait[ée]s?|TRAIT[ÉE]S?|Unbound|UNBOUND|Sin consolidar|",
        r"SIN CONSOLIDAR|Non consolid[ée]|NON CONSOLID[ÉE]",
        r")(?:\W|$)",
        r"|(?i:(?-u:\b)(?:",
        r"shall|deber[áa]n?|s'engagent|se comprometen|customs duties|derechos de aduana|",
        r"droits de douane|national treatment|trato nacional|traitement national|",
        r"most[- ]favou?red[- ]nation|naci[óo]n m[áa]s favorecida|",
        r"nation la plus favoris[ée]e|market access|acceso a los mercados|",
        r"acc[èe]s aux march[ée]s|non-conforming measures?|medidas disconformes|",
        r"mesures? non conformes?|specific commitments|compromisos espec[íi]ficos|",
        r"engagements sp[ée]cifiques|obligations? concerned|obligaciones afectadas|",
        r"obligations? concern[ée]es?|procuring entit(?:y|ies)|covered procurement|",
        r"entidades? contratantes?|contrataci[óo]n cubierta|",
        r"entit[ée]s? adjudicatrices?|march[ée]s couverts",
        r")(?:\W|$))",
        r"|\(CPC(?-u:\b)",
        r"|(?i:^[ \t]*(?:sub-?)?(?:sector(?:es)?|secteurs?|sous-secteurs?)[ \t]*[:—–])",
    ]
    .concat())
    .expect("valid")
    });

/// "Party", "Parties", "Parte(s)", "Partie(s)" as a defined term: with a
/// capital, or in capitals (a pattern's alternatives).
const PARTIES: &str = r"Part(?:y|ies|es?|ie)|PART(?:Y|IES|ES?|IE)";

/// The defined terms most agreements use within their first lines ("the
/// Parties", "this Agreement", "el Acuerdo", "shall"): a quick look, as
/// literals, before `TREATY_TERMS` (whose lazy DFA costs more to warm up).
static NAMES_ITS_PARTIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:{PARTIES}|Agreement|AGREEMENT|Acuerdo|ACUERDO|Accord|ACCORD|shall)(?-u:\b)"
    ))
    .expect("valid")
});

/// A text this long or shorter is a clause or an entry sent on its own,
/// which one word of `TREATY_WORDS` makes a part of an agreement; a longer
/// text needs `TREATY_TERMS`.
const CLAUSE_WORDS: usize = 200;

/// The fewest `TREATY_TERMS` per thousand words of a text without
/// articles that make it an agreement (a schedule, a draft whose headings
/// were not found). Measured on ../shared, articles set aside: every
/// agreement, schedule and chapter has 7.5 or more; a statute summary 2.8,
/// a tax form that mentions "tax treaty" and a "Third Party" 0.3.
const MIN_TERMS_PER_THOUSAND_WORDS: usize = 4;

/// Whether a text reads as an agreement, a part of one or a clause: it has
/// articles and one of the terms only treaties use (`TREATY_TERMS`); or,
/// without articles, it uses those terms often enough; or, a clause of a
/// few lines, it has an article or uses a word treaties are written in
/// ("Party", "shall", "Agreement", "schedule", "sector", in English, Spanish
/// or French). A shopping list, a letter, a research paper (whose table
/// of news "Article 1", "Article 2" reads as articles), a form does not,
/// and gets no gaps.
pub fn reads_as_agreement(agreement: &Agreement) -> bool {
    let has_articles = agreement.walk().any(|p| p.kind == Kind::Article);
    let text = &agreement.text.text;
    if has_articles && NAMES_ITS_PARTIES.is_match(text) {
        return true;
    }
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if words.by_ref().take(CLAUSE_WORDS + 1).count() <= CLAUSE_WORDS {
        return has_articles || TREATY_WORDS.is_match(text);
    }
    if has_articles {
        return TREATY_TERMS.is_match(text);
    }
    let words = CLAUSE_WORDS + 1 + words.count();
    let terms = TREATY_TERMS.find_iter(text).count();
    terms * 1000 >= MIN_TERMS_PER_THOUSAND_WORDS * words
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

/// Whether `agreement` reads as part of an agreement because it cites, by
/// number, articles of its own agreement that it does not hold (an annex
/// "Referred to in Article 23"). ToTA agreements, read from a database of
/// whole texts, are never excerpts. (A chapter that speaks of itself as
/// "this Chapter" is told with the gaps file's words, by the review.)
pub fn is_excerpt(agreement: &Agreement) -> bool {
    agreement.format != super::SourceFormat::TotaXml && cites_absent_articles(agreement)
}

/// A title that names its instrument as amending another: "First Protocol
/// to Amend the Agreement Establishing the ASEAN-Australia-New Zealand Free
/// Trade Area", "Amending Protocol", "Protocolo Modificatorio del Tratado",
/// "Protocolo que modifica el Acuerdo", "Protocole modifiant l'accord",
/// "Accord portant modification de …".
static AMENDING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:protocol|agreement)\b.{0,40}?\b(?:to amend|amending|of amendment)\b|\bamending (?:protocol|agreement)\b|\b(?:protocolo|acuerdo)\b.{0,40}?\b(?:modificatorio|que modifica|de modificaci[oó]n|de enmienda)\b|\b(?:protocole|accord)\b.{0,40}?\b(?:modifiant|portant modification|d'amendement|amendant)\b",
    )
    .expect("valid")
});

/// Whether `agreement` is an instrument that amends another agreement, as
/// its title says (see `AMENDING_TITLE`): its gaps judge the amendments
/// alone, not the agreement they amend. ToTA agreements, whole texts of a
/// database, are not asked.
pub fn amends_another_agreement(agreement: &Agreement) -> bool {
    agreement.format != super::SourceFormat::TotaXml && AMENDING_TITLE.is_match(&agreement.title())
}

/// Whether `agreement` is an annex or an appendix published on its own (a
/// Party's schedule of commitments, a list of reservations): everything
/// after its title page is under annex or appendix headings, so it holds no
/// article, chapter or part of the agreement itself. ToTA agreements are
/// never parts.
pub fn is_annex_alone(agreement: &Agreement) -> bool {
    let mut divisions = agreement
        .provisions
        .iter()
        .filter(|p| !matches!(p.kind, Kind::Preamble | Kind::FinalClause))
        .peekable();
    agreement.format != super::SourceFormat::TotaXml
        && divisions.peek().is_some()
        && divisions.all(|p| matches!(p.kind, Kind::Annex | Kind::Appendix))
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

    /// A long text needs the terms only treaties use, often enough: one
    /// word that treaties use too ("articles", "treaty", "schedule") does
    /// not make a paper or a form an agreement.
    #[test]
    fn a_long_text_reads_as_an_agreement_by_the_terms_only_treaties_use() {
        let paper = "We measured how readers rate news articles and found that the \
            schedule of the study and the chapter lengths mattered little to them. "
            .repeat(40);
        let form = "Enter the amount from line 7 here. If you claim a tax treaty benefit, \
            see the instructions; a third party designee may discuss this return. "
            .repeat(40)
            + "Third Party Designee";
        let schedule = "Sector: Recreational services (CPC 9619). Market access: Unbound. \
            National treatment: None. "
            .repeat(40);
        let draft = "Each Party shall accord to services of the other Party treatment no \
            less favourable than that it accords to its own like services. "
            .repeat(40);
        let borrador = "Cada Parte otorgará a los servicios de la otra Parte un trato no \
            menos favorable que el que otorgue a sus propios servicios similares. "
            .repeat(40);
        let projet = "Chaque Partie accorde aux services de l'autre Partie un traitement \
            non moins favorable que celui qu'elle accorde à ses propres services similaires. "
            .repeat(40);
        for (name, text, expected) in [
            ("paper", &paper, false),
            ("form", &form, false),
            ("schedule", &schedule, true),
            ("draft", &draft, true),
            ("borrador", &borrador, true),
            ("projet", &projet, true),
        ] {
            assert!(text.split_whitespace().count() > CLAUSE_WORDS, "{name}");
            assert_eq!(
                reads_as_agreement(&agreement(text, &[], SourceFormat::Text)),
                expected,
                "{name}"
            );
        }
        // articles found in a long text make it an agreement when it uses one
        // term of a treaty; a paper's table of news "Article 1", "Article 2"
        // does not
        assert!(!reads_as_agreement(&agreement(
            &paper,
            &["1", "2"],
            SourceFormat::Text
        )));
        let with_a_term = format!("{paper} The Parties agree.");
        assert!(reads_as_agreement(&agreement(
            &with_a_term,
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
            contents: Vec::new(),
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

    #[test]
    fn a_chapter_on_its_own_in_spanish_is_an_excerpt() {
        let chapter = "Capítulo 13\nArtículo 13.1\nDe conformidad con el Artículo 10.2 y el Artículo 12.5 del presente Tratado, y el Artículo 14.1.";
        assert!(is_excerpt(&agreement(
            chapter,
            &["13.1"],
            SourceFormat::Text
        )));
    }

    #[test]
    fn a_text_of_annexes_alone_is_a_part_and_an_agreement_with_annexes_is_not() {
        let with = |kinds: &[Kind], format| {
            let mut a = agreement("", &[], format);
            a.provisions = kinds
                .iter()
                .map(|&k| Provision::new(k, Some("1".into()), 1, 0..0))
                .collect();
            is_annex_alone(&a)
        };
        let text = SourceFormat::Text;
        assert!(with(&[Kind::Preamble, Kind::Appendix], text));
        assert!(with(&[Kind::Annex, Kind::Annex, Kind::FinalClause], text));
        assert!(!with(&[Kind::Preamble, Kind::Article, Kind::Annex], text));
        assert!(!with(&[Kind::Chapter, Kind::Annex], text));
        assert!(!with(&[Kind::Preamble], text));
        assert!(!with(&[Kind::Annex], SourceFormat::TotaXml));
    }

    #[test]
    fn an_instrument_titled_as_amending_another_is_known_in_three_languages() {
        let titled = |title: &str| {
            let mut a = agreement("", &["1"], SourceFormat::Text);
            a.metadata.name = Some(title.into());
            amends_another_agreement(&a)
        };
        for title in [
            "FIRST PROTOCOL TO AMEND THE AGREEMENT ESTABLISHING THE ASEAN-AUSTRALIA-NEW ZEALAND FREE TRADE AREA",
            "Amending Protocol to the Free Trade Agreement between Arcadia and Borealia",
            "Protocolo Modificatorio del Tratado de Libre Comercio",
            "Protocolo que modifica el Acuerdo de Asociación",
            "Protocole modifiant l'accord de libre-échange",
            "Accord portant modification de l'accord de partenariat",
        ] {
            assert!(titled(title), "{title}");
        }
        for title in [
            "Free Trade Agreement between Arcadia and Borealia",
            "Protocol on Cultural Cooperation",
            "Agreement on the amendment procedure of annexes",
            "Acuerdo de Libre Comercio entre Chile y México",
        ] {
            assert!(!titled(title), "{title}");
        }
    }
}
