//! Alignment cases on small invented agreements.

use super::delta::{CategoryMap, FnProvider, ProvisionRef};
use super::*;
use crate::provision::SourceFormat;
use crate::text::LocatedText;

fn agreement(text: &str) -> Agreement {
    crate::structure::parse_text(
        "t.txt".into(),
        SourceFormat::Text,
        LocatedText::plain(text.into()),
    )
}

fn no_categories() -> impl CategoryProvider {
    FnProvider("none", |_: &Agreement| CategoryMap::new())
}

/// The terminal report without colour, 100 columns wide.
fn plain(c: &Comparison) -> String {
    render_human::render(
        c,
        render_human::Style {
            color: false,
            width: 100,
        },
    )
}

fn run(a: &str, b: &str) -> Comparison {
    compare(&agreement(a), &agreement(b), &no_categories())
}

/// The change whose A (or, for added, B) side has this number.
fn find<'c>(c: &'c Comparison, a_number: Option<&str>, b_number: Option<&str>) -> &'c Change {
    c.changes
        .iter()
        .filter(|ch| ch.level == Level::Article)
        .find(|ch| {
            ch.a.as_ref().and_then(|x| x.provision.number.as_deref()) == a_number
                && ch.b.as_ref().and_then(|x| x.provision.number.as_deref()) == b_number
        })
        .unwrap_or_else(|| panic!("no change {a_number:?} -> {b_number:?} in {:#?}", c.changes))
}

const SERVICES: &str = "Article 2.1: Scope
This Chapter applies to measures adopted or maintained by a Party affecting trade in services supplied across borders.

Article 2.2: National Treatment
Each Party shall accord to services and service suppliers of the other Party treatment no less favourable than it accords to its own.
";

const EXCEPTIONS: &str = "Article 3.1: General Exceptions
Nothing in this Agreement shall prevent a Party from adopting measures necessary to protect public morals or public order.

Article 3.2: Cultural Industries
Nothing in this Agreement applies to measures with respect to cultural industries, including books, film and broadcasting.
";

fn doc(chapters: &[(&str, &str, &str)]) -> String {
    chapters
        .iter()
        .map(|(n, title, body)| format!("CHAPTER {n}\n{title}\n\n{body}\n"))
        .collect()
}

#[test]
fn renumbered_chapter_is_renumbered_not_moved() {
    let a = doc(&[("2", "SERVICES", SERVICES), ("3", "EXCEPTIONS", EXCEPTIONS)]);
    let b = doc(&[
        (
            "3",
            "SERVICES",
            &SERVICES.replace("Article 2.", "Article 3."),
        ),
        (
            "4",
            "EXCEPTIONS",
            &EXCEPTIONS.replace("Article 3.", "Article 4."),
        ),
    ]);
    let c = run(&a, &b);
    let ch = find(&c, Some("2.2"), Some("3.2"));
    assert!(ch.renumbered && !ch.moved && !ch.text_changed, "{ch:#?}");
    assert_eq!(c.summary.renumbered, 4);
    assert_eq!(
        (c.summary.added, c.summary.removed, c.summary.moved),
        (0, 0, 0)
    );
    let human = plain(&c);
    // the chapters tell it, not their articles one by one
    for line in [
        "~ Chapter 2 (SERVICES) → Chapter 3  [renumbered, 2 articles]",
        "~ Chapter 3 (EXCEPTIONS) → Chapter 4  [renumbered, 2 articles]",
        "Changes (0)\n  4 articles renumbered with their chapters (above), text unchanged\n",
    ] {
        assert!(human.contains(line), "{line}\n{human}");
    }
    assert!(!human.contains("Article 2.1"), "{human}");
    assert_eq!(
        division_rows(&c),
        [
            (ChangeKind::Matched, Some("2"), Some("3"), true, false, 2),
            (ChangeKind::Matched, Some("3"), Some("4"), true, false, 2)
        ]
    );
}

#[test]
fn article_moved_to_another_chapter_is_moved() {
    let a = doc(&[("2", "SERVICES", SERVICES), ("3", "EXCEPTIONS", EXCEPTIONS)]);
    let (general, cultural) = EXCEPTIONS.split_at(EXCEPTIONS.find("Article 3.2").unwrap());
    let cultural = cultural.replace("Article 3.2", "Article 2.3");
    let b = doc(&[
        ("2", "SERVICES", &format!("{SERVICES}\n{cultural}")),
        ("3", "EXCEPTIONS", general),
    ]);
    let c = run(&a, &b);
    let ch = find(&c, Some("3.2"), Some("2.3"));
    assert!(ch.moved && ch.renumbered && !ch.text_changed, "{ch:#?}");
    assert_eq!(
        ch.a.as_ref().unwrap().division.as_deref(),
        Some("Chapter 3 (EXCEPTIONS)")
    );
    assert_eq!(c.summary.moved, 1);
}

#[test]
fn split_article_pairs_both_parts() {
    let a = "Article 1: Consumer Protection
Each Party shall adopt or maintain consumer protection laws to proscribe fraudulent and deceptive commercial activities online. The Parties shall cooperate on consumer protection matters related to electronic commerce and share information.

Article 2: Paperless Trading
Each Party shall endeavour to accept documents submitted electronically as the legal equivalent of paper documents.
";
    let b = "Article 1: Consumer Protection
Each Party shall adopt or maintain consumer protection laws to proscribe fraudulent and deceptive commercial activities online.

Article 2: Cooperation
The Parties shall cooperate on consumer protection matters related to electronic commerce and share information.

Article 3: Paperless Trading
Each Party shall endeavour to accept documents submitted electronically as the legal equivalent of paper documents.
";
    let c = run(a, b);
    assert!(find(&c, Some("1"), Some("1")).split);
    assert!(find(&c, Some("1"), Some("2")).split);
    let paperless = find(&c, Some("2"), Some("3"));
    assert!(!paperless.split && !paperless.text_changed && paperless.renumbered);
    assert_eq!(
        (c.summary.added, c.summary.removed, c.summary.split),
        (0, 0, 2)
    );
}

#[test]
fn merged_articles_pair_with_the_merged_one() {
    let a = "Article 1: General Exceptions
Nothing in this Agreement shall prevent a Party from adopting measures necessary to protect public morals or public order.

Article 2: Taxation
Nothing in this Agreement shall apply to taxation measures, except as expressly provided in this Article.
";
    let b = "Article 1: Exceptions
Nothing in this Agreement shall prevent a Party from adopting measures necessary to protect public morals or public order. Nothing in this Agreement shall apply to taxation measures, except as expressly provided in this Article.
";
    let c = run(a, b);
    assert!(find(&c, Some("1"), Some("1")).merged);
    assert!(find(&c, Some("2"), Some("1")).merged);
    assert_eq!((c.summary.added, c.summary.removed), (0, 0));
}

#[test]
fn added_and_removed_articles() {
    let a = doc(&[("2", "SERVICES", SERVICES)]);
    let b = doc(&[(
        "2",
        "SERVICES",
        &SERVICES.replace(
            "Article 2.1: Scope\nThis Chapter applies to measures adopted or maintained by a Party affecting trade in services supplied across borders.\n",
            "Article 2.1: Audiovisual Co-production\nThe Parties shall encourage the co-production of films and the exchange of film professionals.\n",
        ),
    )]);
    let c = run(&a, &b);
    assert_eq!(find(&c, Some("2.1"), None).kind, ChangeKind::Removed);
    assert_eq!(find(&c, None, Some("2.1")).kind, ChangeKind::Added);
    let kept = find(&c, Some("2.2"), Some("2.2"));
    assert!(!kept.is_interesting());
}

#[test]
fn reflowed_and_hyphenated_text_is_not_a_change() {
    let a = doc(&[("3", "EXCEPTIONS", EXCEPTIONS)]);
    let reflowed = EXCEPTIONS
        .replace(
            "cultural industries, including",
            "cul-\ntural   industries,\n\n including",
        )
        .replace("public morals", "public\nmorals")
        // a page break, with its blank lines, in the middle of a sentence
        .replace("including books,", "including\n\n\x0c\n\nbooks,");
    let c = run(&a, &doc(&[("3", "EXCEPTIONS", &reflowed)]));
    assert!(!c.summary.has_differences(), "{:#?}", c.summary);
}

#[test]
fn changed_words_are_reported_inside_the_pair() {
    let a = doc(&[("3", "EXCEPTIONS", EXCEPTIONS)]);
    let b = doc(&[(
        "3",
        "EXCEPTIONS",
        &EXCEPTIONS.replace("including books, film", "including books"),
    )]);
    let c = run(&a, &b);
    let ch = find(&c, Some("3.2"), Some("3.2"));
    assert!(ch.text_changed && !ch.renumbered && !ch.moved);
    let deleted: Vec<&str> = ch
        .diff
        .iter()
        .filter(|s| s.op == Op::Delete)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(deleted, vec![", film"]);
}

#[test]
fn changed_paragraphs_get_their_own_entries() {
    let a = "Article 1: Scope\n1. This Chapter applies to trade in services.\n2. It does not apply to subsidies.\n3. It does not apply to procurement.\n";
    let b = "Article 1: Scope\n1. This Chapter applies to trade in services.\n2. It does not apply to subsidies or grants.\n3. It does not apply to procurement.\n";
    let c = run(a, b);
    let paragraphs: Vec<&Change> = c
        .changes
        .iter()
        .filter(|ch| ch.level == Level::Paragraph)
        .collect();
    assert_eq!(paragraphs.len(), 1, "{paragraphs:#?}");
    assert_eq!(
        paragraphs[0]
            .a
            .as_ref()
            .unwrap()
            .provision
            .number
            .as_deref(),
        Some("2")
    );
    assert!(paragraphs[0].text_changed);
}

#[test]
fn different_languages_are_said_not_diffed() {
    let en = doc(&[("3", "EXCEPTIONS", EXCEPTIONS)]);
    let es = "CAPÍTULO 3\nEXCEPCIONES\n\nArtículo 3.1: Excepciones Generales\nNada de lo dispuesto en este Acuerdo impedirá que una Parte adopte las medidas necesarias para proteger la moral pública o el orden público.\n\nArtículo 3.2: Industrias Culturales\nNada de lo dispuesto en este Acuerdo se aplica a las medidas con respecto a las industrias culturales, incluidos los libros, el cine y la radiodifusión.\n";
    let c = run(&en, es);
    assert!(!c.summary.same_language);
    assert!(c
        .summary
        .note
        .as_deref()
        .unwrap()
        .contains("en and B in es"));
    assert_eq!(c.summary.text_changed, 0);
    assert_eq!(c.summary.matched, 2);
    assert!(c
        .changes
        .iter()
        .all(|ch| ch.similarity.is_none() && ch.diff.is_empty()));
}

#[test]
fn category_delta_names_what_each_side_lacks() {
    let a = agreement(&doc(&[
        ("2", "SERVICES", SERVICES),
        ("3", "EXCEPTIONS", EXCEPTIONS),
    ]));
    let b = agreement(&doc(&[
        ("2", "SERVICES", SERVICES),
        (
            "3",
            "EXCEPTIONS",
            &EXCEPTIONS.replace("cultural industries, including ", ""),
        ),
    ]));
    // a provider keyed on a word, standing in for the rule engine
    let by_word = |word: &'static str, category: &'static str| {
        move |ag: &Agreement| -> CategoryMap {
            let mut m = CategoryMap::new();
            for p in ag.articles().filter(|p| ag.full_text(p).contains(word)) {
                m.entry(category.into())
                    .or_default()
                    .push(ProvisionRef::of(p));
            }
            m
        }
    };
    let cultural = FnProvider("test", by_word("cultural industries", "cultural_exception"));
    let c = compare(&a, &b, &cultural);
    assert_eq!(c.delta.len(), 1);
    let d = &c.delta[0];
    assert_eq!(d.status, delta::DeltaStatus::OnlyInA);
    assert_eq!(
        d.a_only[0].label,
        "Chapter 3, Article 3.2 (Cultural Industries)"
    );
    assert_eq!(
        d.a_only[0].counterpart.as_deref(),
        Some("Chapter 3, Article 3.2 (Cultural Industries)")
    );
    assert!(
        d.message
            .starts_with("B drops the cultural exception of A's Chapter 3, Article 3.2"),
        "{}",
        d.message
    );
    let reverse = compare(&b, &a, &cultural);
    assert_eq!(reverse.delta[0].status, delta::DeltaStatus::OnlyInB);
    let same = compare(&a, &a, &cultural);
    assert!(same.delta.is_empty());
    assert!(
        find(&c, Some("3.2"), Some("3.2")).categories == vec!["cultural_exception".to_string()]
    );
}

fn rule_engine() -> delta::RuleCategories {
    delta::RuleCategories {
        rules: crate::rules::RuleSet::builtin().unwrap(),
        developing: Vec::new(),
    }
}

#[test]
fn rule_engine_supplies_the_categories() {
    let a = agreement(&doc(&[("3", "EXCEPTIONS", EXCEPTIONS)]));
    let cats = rule_engine().categories(&a);
    assert_eq!(cats["cultural_exception"].len(), 1, "{cats:?}");
    assert!(!cats.contains_key("ecommerce_duties"));
}

#[test]
fn language_guess_from_function_words() {
    let guess = |t: &str| {
        let ag = agreement(t);
        language::guess(&units::article_units(&ag)).map(String::from)
    };
    assert_eq!(
        guess(&doc(&[
            ("2", "SERVICES", SERVICES),
            ("3", "EXCEPTIONS", EXCEPTIONS)
        ]))
        .as_deref(),
        Some("en")
    );
    let fr = "Article 1: Champ d'application\nLe présent chapitre s'applique aux mesures adoptées ou maintenues par une Partie qui affectent le commerce des services et les fournisseurs de services de l'autre Partie dans son territoire et sur les marchés des deux Parties.\n";
    assert_eq!(guess(fr).as_deref(), Some("fr"));
}

#[test]
fn gaps_opened_and_closed_are_in_the_delta() {
    let with = agreement(&doc(&[
        ("2", "SERVICES", SERVICES),
        ("3", "EXCEPTIONS", EXCEPTIONS),
    ]));
    let without = agreement(&doc(&[
        ("2", "SERVICES", SERVICES),
        (
            "3",
            "EXCEPTIONS",
            // no carve-out left: "Nothing in this Agreement applies to …
            // books, film and broadcasting" would still be one (CEX001)
            &EXCEPTIONS
                .replace(
                    "Nothing in this Agreement applies to measures with respect to cultural industries, including books, film and broadcasting.",
                    "Each Party shall make its measures on books publicly available.",
                )
                .replace("Cultural Industries", "Books"),
        ),
    ]));
    let c = compare(&with, &without, &rule_engine());
    let opened: Vec<&str> = c
        .delta
        .iter()
        .filter(|d| d.status == delta::DeltaStatus::GapOpened)
        .map(|d| d.category.as_str())
        .collect();
    assert_eq!(opened, vec!["missing_cultural_exception"]);
    assert_eq!(
        c.delta[0].status,
        delta::DeltaStatus::OnlyInA,
        "drops come first"
    );
    let back = compare(&without, &with, &rule_engine());
    assert!(back
        .delta
        .iter()
        .any(|d| d.status == delta::DeltaStatus::GapClosed
            && d.category == "missing_cultural_exception"));
}

#[test]
fn a_title_printed_in_the_text_is_the_same_title() {
    // XML carries the title as an attribute; a PDF may leave it as the first line
    let mut xml = Provision::new(Kind::Article, Some("3.2".into()), 1, 0..0);
    xml.title = Some("Cultural Industries".into());
    let pdf = Provision::new(Kind::Article, Some("3.2".into()), 1, 0..0);
    let body = "Nothing in this Agreement applies to cultural industries.";
    let x = Unit::new(&xml, None, body);
    let y = Unit::new(&pdf, None, &format!("CULTURAL\nINDUSTRIES\n\n{body}"));
    assert_eq!(units::printed_title_len(&y, &x), 2);
    assert_eq!(units::printed_title_len(&x, &y), 0);
    assert!(!pair_diff(&x, &y).changed);
    let change = unit_change(Some(&x), Some(&y), true, Level::Article);
    assert!(!change.retitled && !change.text_changed, "{change:#?}");
}

#[test]
fn an_ordinal_written_another_way_is_not_a_renumbering() {
    // "Article premier" / "Article 1er", "CAPÍTULO PRIMERO" / "CAPÍTULO 1",
    // "CHAPTER ONE" / "CHAPTER 1": the same number
    for (a_number, b_number) in [("premier", "1er"), ("PRIMERO", "1"), ("ONE", "1")] {
        let body = "Article {n}: Scope\nThis Chapter applies to measures affecting trade in services.\n\nArticle 2: Definitions\nFor the purposes of this Chapter, measure means any measure.\n";
        let a = format!(
            "CHAPTER {a_number}\nSERVICES\n\n{}",
            body.replace("{n}", a_number)
        );
        let b = format!(
            "CHAPTER {b_number}\nSERVICES\n\n{}",
            body.replace("{n}", b_number)
        );
        let c = run(&a, &b);
        assert_eq!(
            c.summary.renumbered, 0,
            "{a_number} / {b_number}: {:#?}",
            c.changes
        );
        let ch = find(&c, Some(a_number), Some(b_number));
        assert!(!ch.renumbered && !ch.text_changed, "{ch:#?}");
    }
    // a different number is still a renumbering
    let c = run(
        "Article premier: Scope\nThis Chapter applies to measures affecting trade in services.\n",
        "Article 2: Scope\nThis Chapter applies to measures affecting trade in services.\n",
    );
    assert!(find(&c, Some("premier"), Some("2")).renumbered);
}

/// A run of renumbered articles is one line only for articles that follow
/// one another: one with a category is listed first, and the run around it
/// must not join across it ("Articles 3–2 → 4–3", seen in a trial).
#[test]
fn a_renumbered_run_keeps_document_order() {
    let article = |n: usize, title: &str| {
        format!("Article {n}\n{title}\n\nThe Parties shall cooperate on matters of {title}.\n\n")
    };
    let titles = ["Scope", "Definitions", "Culture", "Customs", "Transparency"];
    let a: String = (1..=5).map(|n| article(n, titles[n - 1])).collect();
    let b: String = (1..=5).map(|n| article(n + 1, titles[n - 1])).collect();
    // "Culture" is tagged: listed before the others
    let tagged = FnProvider("test", |agreement: &Agreement| {
        let mut map = CategoryMap::new();
        let culture = agreement
            .articles()
            .filter(|p| p.title.as_deref() == Some("Culture"))
            .map(ProvisionRef::of)
            .collect();
        map.insert("cultural_cooperation".to_string(), culture);
        map
    });
    let c = compare(&agreement(&a), &agreement(&b), &tagged);
    assert_eq!(c.summary.renumbered, 5);
    let human = plain(&c);
    let runs: Vec<&str> = human
        .lines()
        .filter(|l| l.starts_with("~ Articles "))
        .collect();
    // articles 1-2 and 4-5 are runs of two: shown one by one; none joined across 3
    assert!(runs.is_empty(), "{human}");
    assert!(
        human.contains("Article 3 (Culture) → Article 4 (Culture)"),
        "{human}"
    );
}

/// A division change as (kind, A number, B number, renumbered, retitled,
/// articles).
type DivisionRow<'c> = (
    ChangeKind,
    Option<&'c str>,
    Option<&'c str>,
    bool,
    bool,
    usize,
);

/// Each division change as a [`DivisionRow`].
fn division_rows(c: &Comparison) -> Vec<DivisionRow<'_>> {
    fn number(r: &Option<crate::model::ProvisionRef>) -> Option<&str> {
        r.as_ref().and_then(|r| r.number.as_deref())
    }
    c.divisions
        .iter()
        .map(|d| {
            (
                d.kind,
                number(&d.a),
                number(&d.b),
                d.renumbered,
                d.retitled,
                d.articles,
            )
        })
        .collect()
}

const GOODS: &str = "Article 2.1: National Treatment
Each Party shall accord national treatment to the goods of the other Party in accordance with Article III of the GATT 1994.
";

const DIGITAL: &str = "Article 4.1: Customs Duties
No Party shall impose customs duties on electronic transmissions between a person of one Party and a person of the other Party.

Article 4.2: Paperless Trading
Each Party shall endeavour to accept trade administration documents submitted electronically.
";

/// Chapters 2-4 of a draft, each chapter's articles numbered from its own.
fn three_chapters(first: usize) -> Vec<(String, &'static str, String)> {
    [
        ("SERVICES", SERVICES, 2),
        ("EXCEPTIONS", EXCEPTIONS, 3),
        ("DIGITAL TRADE", DIGITAL, 4),
    ]
    .into_iter()
    .enumerate()
    .map(|(k, (title, body, was))| {
        let n = first + k;
        let body = body.replace(&format!("Article {was}."), &format!("Article {n}."));
        (n.to_string(), title, body)
    })
    .collect()
}

fn doc_of(chapters: &[(String, &str, String)]) -> String {
    let refs: Vec<(&str, &str, &str)> = chapters
        .iter()
        .map(|(n, t, b)| (n.as_str(), *t, b.as_str()))
        .collect();
    doc(&refs)
}

#[test]
fn a_chapter_put_in_is_one_line_and_the_chapters_after_it_another() {
    let a = doc_of(&three_chapters(2));
    let mut b_chapters = vec![("2".to_string(), "TRADE IN GOODS", GOODS.to_string())];
    b_chapters.extend(three_chapters(3));
    let b = doc_of(&b_chapters);
    let c = run(&a, &b);
    assert_eq!(
        division_rows(&c),
        [
            (ChangeKind::Added, None, Some("2"), false, false, 1),
            (ChangeKind::Matched, Some("2"), Some("3"), true, false, 2),
            (ChangeKind::Matched, Some("3"), Some("4"), true, false, 2),
            (ChangeKind::Matched, Some("4"), Some("5"), true, false, 2),
        ]
    );
    let human = plain(&c);
    for line in [
        "Chapters (4)\n\n+ Chapter 2 (TRADE IN GOODS)  added, 1 article\n\n~ Chapters 2–4 → 3–5  [renumbered, 3 chapters, 6 articles]\n",
        "Changes (1)\n  6 articles renumbered with their chapters (above), text unchanged\n\n+ Chapter 2, Article 2.1 (National Treatment)  added\n",
    ] {
        assert!(human.contains(line), "{line}\n{human}");
    }
    // the other way round, the chapter is taken out where it stood
    let back = run(&b, &a);
    assert_eq!(
        division_rows(&back)[..2],
        [
            (ChangeKind::Removed, Some("2"), None, false, false, 1),
            (ChangeKind::Matched, Some("3"), Some("2"), true, false, 2),
        ]
    );
    let html = render_html::render(&back);
    assert!(
        html.contains(
            "<li class=\"removed\">- Chapter 2 (TRADE IN GOODS)  removed, 1 article</li>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<li class=\"matched\">~ Chapters 3–5 → 2–4  [renumbered, 3 chapters, 6 articles]</li>"
        ),
        "{html}"
    );
}

#[test]
fn an_article_changed_in_a_renumbered_chapter_is_still_shown() {
    let a = doc_of(&three_chapters(2));
    let mut b_chapters = three_chapters(3);
    b_chapters[1].2 = b_chapters[1].2.replace(
        "books, film and broadcasting",
        "books, film, broadcasting and video games",
    );
    let c = run(&a, &doc_of(&b_chapters));
    let human = plain(&c);
    assert!(
        human.contains("~ Chapters 2–4 → 3–5  [renumbered, 3 chapters, 6 articles]"),
        "{human}"
    );
    assert!(
        human.contains(
            "Changes (1)\n  5 articles renumbered with their chapters (above), text unchanged\n"
        ),
        "{human}"
    );
    assert!(
        human.contains("~ Chapter 3, Article 3.2 (Cultural Industries) → Chapter 4, Article 4.2 (Cultural Industries)  [renumbered, text changed"),
        "{human}"
    );
}

#[test]
fn a_retitled_chapter_says_so_and_a_merged_one_too() {
    let a = doc_of(&three_chapters(2));
    let mut b_chapters = three_chapters(2);
    b_chapters[2].1 = "ELECTRONIC COMMERCE";
    let c = run(&a, &doc_of(&b_chapters));
    assert_eq!(
        division_rows(&c),
        [(ChangeKind::Matched, Some("4"), Some("4"), false, true, 2)]
    );
    // no article changed, but the chapter did: exit code 1
    assert!(!c.summary.has_differences() && c.has_differences());
    let human = plain(&c);
    assert!(
        human.contains(
            "~ Chapter 4 (DIGITAL TRADE) → Chapter 4 (ELECTRONIC COMMERCE)  [retitled, 2 articles]"
        ),
        "{human}"
    );
    // services and exceptions as one chapter: neither is renumbered or put
    // in as a whole; the articles say what moved
    let merged = format!(
        "CHAPTER 2\nSERVICES\n\n{SERVICES}\n{}\nCHAPTER 3\nDIGITAL TRADE\n\n{}\n",
        EXCEPTIONS.replace("Article 3.", "Article 2.1"),
        DIGITAL.replace("Article 4.", "Article 3.")
    );
    let c = run(&a, &merged);
    assert_eq!(
        division_rows(&c),
        [
            (ChangeKind::Matched, Some("3"), Some("2"), false, false, 2),
            (ChangeKind::Matched, Some("4"), Some("3"), true, false, 2),
        ]
    );
    assert!(c.divisions[0].merged && !c.divisions[1].merged);
    let human = plain(&c);
    assert!(
        human.contains("~ Chapter 3 (EXCEPTIONS) → Chapter 2 (SERVICES)  [merged, 2 articles]"),
        "{human}"
    );
    // its articles changed place in the chapter they joined: said one by one
    assert!(
        human.contains("Chapter 3, Article 3.1 (General Exceptions) → Chapter 2, Article 2.11 (General Exceptions)"),
        "{human}"
    );
    // the other way round, the chapter is split off the one it was in
    let back = run(&merged, &a);
    let human = plain(&back);
    for line in [
        "~ Chapter 2 (SERVICES) → Chapter 3 (EXCEPTIONS)  [split, 2 articles]",
        "~ Chapter 3 (DIGITAL TRADE) → Chapter 4  [renumbered, 2 articles]",
    ] {
        assert!(human.contains(line), "{line}\n{human}");
    }
    assert!(back.divisions.iter().any(|d| d.split) && back.has_differences());
}

#[test]
fn articles_numbered_through_the_agreement_are_not_told_by_their_chapter() {
    // "Article 7" does not carry its chapter's number: a chapter put in
    // renumbers the articles after it, and that is said article by article
    let a = "CHAPTER I\nGENERAL\n\nArticle 1\nThis Agreement establishes a free trade area.\n\nCHAPTER II\nSERVICES\n\nArticle 2\nEach Party shall accord national treatment to services of the other Party.\n\nArticle 3\nNothing in this Agreement applies to cultural industries, including film and broadcasting.\n";
    let b = a
        .replace("CHAPTER II\nSERVICES", "CHAPTER II\nGOODS\n\nArticle 2\nEach Party shall accord national treatment to goods of the other Party.\n\nCHAPTER III\nSERVICES")
        .replace("Article 3\nNothing", "Article 4\nNothing")
        .replace("Article 2\nEach Party shall accord national treatment to services", "Article 3\nEach Party shall accord national treatment to services");
    let c = run(a, &b);
    assert!(
        division_rows(&c).contains(&(ChangeKind::Matched, Some("II"), Some("III"), true, false, 2)),
        "{:#?}",
        c.divisions
    );
    let told = c
        .changes
        .iter()
        .filter(|ch| divisions::told_by_division(ch, &c.divisions))
        .count();
    assert_eq!(told, 0);
}

#[test]
fn an_article_that_changed_place_in_its_renumbered_chapter_is_said() {
    // Chapter 2 becomes 3 and an article is put in before its second one:
    // 2.2 becomes 3.3, a cross-reference to it must change
    let a = doc_of(&three_chapters(2));
    let mut b_chapters = three_chapters(3);
    b_chapters[0].2 = b_chapters[0].2.replace(
        "Article 3.2: National Treatment",
        "Article 3.2: Domestic Regulation\nEach Party shall administer its measures of general application reasonably, objectively and impartially.\n\nArticle 3.3: National Treatment",
    );
    let c = run(&a, &doc_of(&b_chapters));
    let told: Vec<Option<&str>> = c
        .changes
        .iter()
        .filter(|ch| divisions::told_by_division(ch, &c.divisions))
        .map(|ch| ch.a.as_ref().and_then(|x| x.provision.number.as_deref()))
        .collect();
    assert_eq!(
        told,
        [
            Some("2.1"),
            Some("3.1"),
            Some("3.2"),
            Some("4.1"),
            Some("4.2")
        ]
    );
    let human = plain(&c);
    assert!(
        human.contains("~ Chapter 2, Article 2.2 (National Treatment) → Chapter 3, Article 3.3 (National Treatment)  [renumbered"),
        "{human}"
    );
}

#[test]
fn an_annex_read_into_a_chapter_is_not_merged_into_it() {
    // the same text read with its annex as a division of its own (a PDF)
    // and as part of the chapter (its XML): structure read apart, no edit
    let goods = "Article 1.1: Scope\nThis Chapter applies to trade in goods between the Parties.\n\nArticle 1.2: National Treatment\nEach Party shall accord national treatment to the goods of the other Party.\n";
    let duties = "Each Party shall eliminate its customs duties on originating goods in accordance with its Schedule to this Annex.";
    let a = format!(
        "CHAPTER 1\nGOODS\n\n{goods}\nANNEX 1-A\nTARIFF ELIMINATION\n\nArticle 1\n{duties}\n"
    );
    let b = format!("CHAPTER 1\nGOODS\n\n{goods}\nArticle 1.3: Tariff Elimination\n{duties}\n");
    let c = run(&a, &b);
    assert!(c.divisions.is_empty(), "{:#?}", c.divisions);
}

/// A preamble outside every chapter on both sides did not move, though the
/// articles around it went into a chapter; what did go somewhere is said
/// with the top level named ("moved:  → " named neither side).
#[test]
fn a_preamble_outside_every_chapter_stays_where_it_was() {
    let a = "AGREEMENT\n\nThe Parties, desiring to promote cultural cooperation, have agreed as follows:\n\n\
             Article 1\n\nThe Parties shall cooperate in the field of culture.\n\n\
             Article 2\n\nThe Parties shall exchange information on film.\n\n\
             Article 3\n\nThis Agreement enters into force on signature.\n";
    let b = "AGREEMENT\n\nThe Parties, desiring to promote cultural cooperation, have agreed as follows:\n\n\
             CHAPTER 1\n\nCULTURE\n\n\
             Article 1\n\nThe Parties shall cooperate in the field of culture.\n\n\
             Article 2\n\nThe Parties shall exchange information on film.\n\n\
             Article 3\n\nThis Agreement enters into force on signature.\n";
    let c = run(a, b);
    let moved: Vec<String> = c
        .changes
        .iter()
        .filter(|ch| ch.moved)
        .map(|ch| format!("{:?}", ch.a.as_ref().map(|i| &i.label)))
        .collect();
    assert!(moved.is_empty(), "{moved:?}\n{}", plain(&c));
    assert!(!plain(&c).contains("moved:  →"), "{}", plain(&c));
}
