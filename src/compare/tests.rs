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
    let style = render_human::Style {
        color: false,
        width: 100,
    };
    let human = render_human::render(&c, style);
    assert!(
        human.contains("~ Articles 2.1–3.2 → 3.1–4.2  [renumbered, 4 articles, text unchanged]"),
        "{human}"
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
            &EXCEPTIONS
                .replace("cultural industries, including ", "")
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
    let human = render_human::render(
        &c,
        render_human::Style {
            color: false,
            width: 100,
        },
    );
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
