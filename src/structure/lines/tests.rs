//! Every heading form the grammar knows, in three languages, and the traps.

use super::*;

fn heading(line: &str) -> Heading {
    match classify(line) {
        Line::Heading(h) => h,
        other => panic!("{line:?} should be a heading, got {other:?}"),
    }
}

fn is(line: &str, kind: Kind, number: Option<&str>, title: Option<&str>) {
    let h = heading(line);
    assert_eq!(
        (h.kind, h.number.as_deref(), h.title.as_deref()),
        (kind, number, title),
        "{line:?}"
    );
}

#[test]
fn parts_chapters_sections() {
    is("PART II", Kind::Part, Some("II"), None);
    is(
        "Part A: General Provisions",
        Kind::Part,
        Some("A"),
        Some("General Provisions"),
    );
    is("Chapter 14", Kind::Chapter, Some("14"), None);
    is("CHAPTER FOURTEEN", Kind::Chapter, Some("FOURTEEN"), None);
    is(
        "Chapter Seven: Trade in Services",
        Kind::Chapter,
        Some("Seven"),
        Some("Trade in Services"),
    );
    is(
        "CHAPTER TWENTY-ONE",
        Kind::Chapter,
        Some("TWENTY-ONE"),
        None,
    );
    is("CAPÍTULO 3", Kind::Chapter, Some("3"), None);
    is(
        "Capítulo III: Comercio Electrónico",
        Kind::Chapter,
        Some("III"),
        Some("Comercio Electrónico"),
    );
    is("CAPITULO PRIMERO", Kind::Chapter, Some("PRIMERO"), None);
    is("CHAPITRE PREMIER", Kind::Chapter, Some("PREMIER"), None);
    is(
        "Chapitre 2 - Commerce des services",
        Kind::Chapter,
        Some("2"),
        Some("Commerce des services"),
    );
    is("TITRE IV", Kind::Title, Some("IV"), None);
    is("TITLE IV", Kind::Title, Some("IV"), None);
    is(
        "TÍTULO II: COMERCIO DE SERVICIOS",
        Kind::Title,
        Some("II"),
        Some("COMERCIO DE SERVICIOS"),
    );
    // a citation, not a heading
    assert!(!matches!(
        classify("Title 17 of the United States Code applies."),
        Line::Heading(_)
    ));
    is("Section A", Kind::Section, Some("A"), None);
    is(
        "SECCIÓN B: Inversión",
        Kind::Section,
        Some("B"),
        Some("Inversión"),
    );
    is("Sub-Section 2", Kind::Subsection, Some("2"), None);
    is("Sous-section 1", Kind::Subsection, Some("1"), None);
}

#[test]
fn articles_in_three_languages() {
    is("Article 14.2", Kind::Article, Some("14.2"), None);
    is("ARTICLE 2", Kind::Article, Some("2"), None);
    is(
        "Article 2.1: Title",
        Kind::Article,
        Some("2.1"),
        Some("Title"),
    );
    is("Article 12 bis", Kind::Article, Some("12 bis"), None);
    // as drafts write a Latin suffix, and their mark of an added article
    is(
        "Artículo 5.2 [bis]: Derechos aduaneros",
        Kind::Article,
        Some("5.2 bis"),
        Some("Derechos aduaneros"),
    );
    is("Article 5 (bis)", Kind::Article, Some("5 bis"), None);
    is(
        "Article 5 (bis) Cooperation",
        Kind::Article,
        Some("5 bis"),
        Some("Cooperation"),
    );
    is("Artículo 6-bis", Kind::Article, Some("6 bis"), None);
    is("Article X.4 [bis]", Kind::Article, Some("X.4 bis"), None);
    is(
        "Article 5.2 bis (nouveau) : Droits de douane",
        Kind::Article,
        Some("5.2 bis"),
        Some("Droits de douane"),
    );
    is("Article 7 (new)", Kind::Article, Some("7"), None);
    is(
        "Article 7 [NEW] - Source Code",
        Kind::Article,
        Some("7"),
        Some("Source Code"),
    );
    is("Article 5 ter", Kind::Article, Some("5 ter"), None);
    is("Article 13bis", Kind::Article, Some("13bis"), None);
    is(
        "Article 3 (Definitions)",
        Kind::Article,
        Some("3"),
        Some("Definitions"),
    );
    is("Art. 5 – Title", Kind::Article, Some("5"), Some("Title"));
    is("Article X", Kind::Article, Some("X"), None);
    is("Article G-01", Kind::Article, Some("G-01"), None);
    is("Artículo 1-01", Kind::Article, Some("1-01"), None);
    is(
        "ARTÍCULO 15.3: Definiciones",
        Kind::Article,
        Some("15.3"),
        Some("Definiciones"),
    );
    is("Article premier", Kind::Article, Some("premier"), None);
    is("Article 1er", Kind::Article, Some("1er"), None);
    is("Article 5 (Scope)", Kind::Article, Some("5"), Some("Scope"));
    is(
        "ARTICLE 3 Definitions",
        Kind::Article,
        Some("3"),
        Some("Definitions"),
    );
    is("Article 2-0", Kind::Article, Some("2-0"), None);
}

#[test]
fn instruments() {
    is("ANNEX I", Kind::Annex, Some("I"), None);
    is(
        "Annex 14-A: Cultural Industries",
        Kind::Annex,
        Some("14-A"),
        Some("Cultural Industries"),
    );
    is("ANNEXE 2", Kind::Annex, Some("2"), None);
    is("ANNEX 3A", Kind::Annex, Some("3A"), None);
    is(
        "Article 12A: Title",
        Kind::Article,
        Some("12A"),
        Some("Title"),
    );
    is("ANEXO 3", Kind::Annex, Some("3"), None);
    is("Appendix 1", Kind::Appendix, Some("1"), None);
    is("APÉNDICE 2", Kind::Appendix, Some("2"), None);
    is(
        "PROTOCOL ON CULTURAL COOPERATION",
        Kind::Protocol,
        None,
        Some("ON CULTURAL COOPERATION"),
    );
    is("Protocolo 1", Kind::Protocol, Some("1"), None);
    is("SIDE LETTER", Kind::SideLetter, None, None);
}

#[test]
fn cross_references_are_not_headings() {
    for line in [
        "Article 5 shall apply to measures",
        "Article XX of GATT 1994 is incorporated",
        "Articles 15.2 and 15.3 are not to be construed",
        "Article 8 and Chapter 14 shall not apply to this Chapter.",
        "Chapter 22 (Exceptions) applies to this Chapter",
        "Annex I shall apply",
        "Part of the obligations",
        "Section 2 of this Chapter",
        "Artículo 5 se aplicará",
        "Article 3, paragraph 2",
    ] {
        assert!(
            !matches!(classify(line), Line::Heading(_)),
            "{line:?} taken as a heading"
        );
    }
}

#[test]
fn markers_footnotes_and_clauses() {
    let marker = |l: &str| match classify(l) {
        Line::Marker(m) => (m.token, m.style),
        other => panic!("{l:?}: {other:?}"),
    };
    assert_eq!(marker("1. The Parties"), ("1".into(), MarkerStyle::Number));
    assert_eq!(marker("(a) goods"), ("a".into(), MarkerStyle::Letters));
    assert_eq!(marker("(iv) services"), ("iv".into(), MarkerStyle::Letters));
    assert_eq!(marker("(aa) any"), ("aa".into(), MarkerStyle::Letters));
    assert_eq!(
        marker("a) las mercancías"),
        ("a".into(), MarkerStyle::Letters)
    );
    assert_eq!(marker("(2) Each Party"), ("2".into(), MarkerStyle::Number));
    assert_eq!(
        marker("a. digital product means"),
        ("a".into(), MarkerStyle::DottedLetters)
    );
    assert_eq!(
        marker("iv. services"),
        ("iv".into(), MarkerStyle::DottedLetters)
    );
    let joined = |l: &str| match classify(l) {
        Line::Marker(m) => (m.token, m.joined),
        other => panic!("{l:?}: {other:?}"),
    };
    assert_eq!(joined("(a)digital product"), ("a".into(), true));
    assert_eq!(joined("(2)Each Party"), ("2".into(), true));
    assert_eq!(joined("(a) digital product"), ("a".into(), false));
    // not a list: "i. e." and capitals (schedules' sector headings "A. …")
    assert_eq!(classify("i. e. the Parties"), Line::Body);
    assert_eq!(classify("A. Audiovisual services"), Line::Body);
    assert_eq!(classify("e.g. films"), Line::Body);
    assert_eq!(
        marker("6 Nothing in this Chapter"),
        ("6".into(), MarkerStyle::BareNumber)
    );
    assert_eq!(classify("[4] The sole fact"), Line::Footnote("4".into()));
    assert_eq!(
        classify("IN WITNESS WHEREOF, the undersigned"),
        Line::FinalClause
    );
    assert_eq!(classify("EN FE DE LO CUAL, los"), Line::FinalClause);
    assert_eq!(classify("EN FOI DE QUOI, les"), Line::FinalClause);
    assert_eq!(classify("PREAMBLE"), Line::PreambleHeading);
    assert_eq!(classify("Préambule"), Line::PreambleHeading);
    assert_eq!(classify("the Parties shall"), Line::Body);
    assert_eq!(classify("2010. The year"), Line::Body);
}

#[test]
fn keywords_are_stripped_from_tota_numbers() {
    assert_eq!(strip_heading_keyword("ARTICLE 1.1"), "1.1");
    assert_eq!(strip_heading_keyword("ARTÍCULO 3-01"), "3-01");
    assert_eq!(strip_heading_keyword("CHAPTER ONE"), "ONE");
    assert_eq!(strip_heading_keyword("ARTICLE - 9"), "9");
    assert_eq!(strip_heading_keyword("9"), "9");
}

/// `fast` reads each of `read` as the grammar does, and leaves each of
/// `left` to the grammar.
fn reads_as_the_grammar(fast: fn(&str) -> Option<&str>, read: &[&str], left: &[&str]) {
    for raw in read {
        let number = fast(raw).unwrap_or_else(|| panic!("{raw} read without the grammar"));
        assert_eq!(number, super::number_by_grammar(raw), "{raw}");
    }
    for raw in left {
        assert!(fast(raw).is_none(), "{raw} goes to the grammar");
    }
}

#[test]
fn simple_numbers_read_as_the_grammar_reads_them() {
    reads_as_the_grammar(
        super::simple_number,
        &[
            "ARTICLE 1",
            "ARTICLE 1.1",
            "ARTICLE 12.11",
            "ARTÍCULO 3-01",
            "ARTÍCULO 1.2",
            "CHAPTER 7",
            "CHAPTER IV",
            "CAPÍTULO XII",
            "ARTICLE XIII.1",
            "ARTICLE III.2",
            "TITLE II",
            "PART III",
            "SECTION 2",
            "ARTICLE I-1",
            "ARTICLE 2-3-4",
        ],
        &[
            "CHAPTER VII.A",
            "ARTICLE 2A",
            "ARTICLE - 9",
            "ARTICLE 1.",
            "CHAPTER ONE",
        ],
    );
}

#[test]
fn one_token_numbers_read_as_the_grammar_reads_them() {
    reads_as_the_grammar(
        super::one_token_number,
        &[
            "ARTICLE G-9",
            "CHAPTER ONE",
            "CHAPTER TWENTY-ONE",
            "ARTICULO XIV",
            "CAPITULO II",
            "CHAPITRE III",
            "TITRE PREMIER",
            "ARTICLE 2A",
            "12",
            "01",
            "IV",
            "A",
            "ARTICLE",
        ],
        &[
            "CHAPTER TWENTY ONE",
            "ARTICLE - 9",
            "ARTICLE 25 BIS",
            "ARTICLE 140 (A)",
            "INTRODUCTORY CHAPTER",
            "ARTICLE: 8.4",
            "A)",
            "ARTICLE 1.",
            "Article 5",
        ],
    );
}

/// Every number attribute of the ToTA corpus (`../shared`) is read by the
/// fast paths as the grammar reads it.
#[test]
fn every_tota_number_reads_as_the_grammar_reads_it() {
    let dir = std::path::Path::new("../shared/corpus/tota");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("SKIPPED: no ToTA corpus at {}", dir.display());
        return;
    };
    let attribute = regex::Regex::new(r#"<(?:article|chapter)\b[^>]*\bnumber="([^"&]*)""#).unwrap();
    let mut numbers = std::collections::BTreeSet::new();
    for entry in entries.flatten() {
        let Ok(xml) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        numbers.extend(
            attribute
                .captures_iter(&xml)
                .map(|c| c[1].trim().to_string()),
        );
    }
    assert!(numbers.len() > 4000, "{} numbers", numbers.len());
    let (mut simple, mut one_token) = (0, 0);
    for raw in &numbers {
        let fast = if super::simple_number(raw).is_some() {
            simple += 1;
            true
        } else {
            let one = super::one_token_number(raw).is_some();
            one_token += usize::from(one);
            one
        };
        if fast {
            assert_eq!(
                strip_heading_keyword(raw),
                super::number_by_grammar(raw),
                "{raw}"
            );
        }
    }
    // of the 4,343 distinct numbers, 3,934 simple and 234 of one token
    assert!(
        simple > 3800 && one_token > 200,
        "{simple} simple, {one_token} of one token"
    );
}

#[test]
fn placeholder_article_numbers_of_drafts() {
    is(
        "Article (\u{2026})",
        Kind::Article,
        Some("(\u{2026})"),
        None,
    );
    is("Article (...)", Kind::Article, Some("(...)"), None);
    is("Article \u{2026}", Kind::Article, Some("\u{2026}"), None);
    is("Article [X]", Kind::Article, Some("[X]"), None);
    is("Article [ ]", Kind::Article, Some("[ ]"), None);
    is("Article [8.51]", Kind::Article, Some("[8.51]"), None);
    is("Article X.1", Kind::Article, Some("X.1"), None);
    is(
        "Artículo (\u{2026}): Objetivos",
        Kind::Article,
        Some("(\u{2026})"),
        Some("Objetivos"),
    );
    is(
        "ARTICLE [X] - Scope",
        Kind::Article,
        Some("[X]"),
        Some("Scope"),
    );
    // a placeholder in a cross-reference is still running text
    assert_eq!(classify("Article [X] shall apply to services."), Line::Body);
    assert_eq!(classify("Article (\u{2026}) applies."), Line::Body);
}

#[test]
fn every_space_separator_separates() {
    // French typography: a narrow no-break space before ":"; tables and
    // copied web pages: figure, em and ideographic spaces, indents of them
    is(
        "Article 14.1\u{202f}: Droits de douane",
        Kind::Article,
        Some("14.1"),
        Some("Droits de douane"),
    );
    is(
        "CHAPITRE\u{2007}14\u{202f}: COMMERCE ÉLECTRONIQUE",
        Kind::Chapter,
        Some("14"),
        Some("COMMERCE ÉLECTRONIQUE"),
    );
    is(
        "\u{2003}\u{2003}Article\u{3000}5",
        Kind::Article,
        Some("5"),
        None,
    );
}

#[test]
fn a_heading_trailing_an_ellipsis_leader_is_a_heading() {
    // "SECTION F………" as a converter writes "SECTION F.........."
    is(
        "SECTION F\u{2026}\u{2026}\u{2026}",
        Kind::Section,
        Some("F"),
        None,
    );
    is("SECTION F..........", Kind::Section, Some("F"), None);
    is(
        "Article 28: Committee on Electronic Commerce\u{2026}\u{2026}",
        Kind::Article,
        Some("28"),
        Some("Committee on Electronic Commerce"),
    );
}
