//! Each gap pinned both ways, in English, Spanish and French: the base drafts in
//! `corpus/gaps/` open every gap; adding one clause (the clause treatyscan itself
//! suggests) closes the gap it targets.

mod common;

use std::fmt::Write;
use treatyscan::provision::SourceFormat;
use treatyscan::review::{review, ReviewOptions};
use treatyscan::rules::RuleSet;
use treatyscan::text::LocatedText;

const LANGS: [&str; 3] = ["en", "es", "fr"];

struct Draft {
    text: String,
    preamble_end: &'static str,
    chapter3: &'static str,
    article: &'static str,
}

fn draft(lang: &str) -> Draft {
    let text = std::fs::read_to_string(common::corpus_file(&format!("gaps/{lang}-base-draft.txt")))
        .unwrap();
    let (preamble_end, chapter3, article) = match lang {
        "es" => ("HAN ACORDADO LO SIGUIENTE:", "CAPÍTULO 3", "Artículo"),
        "fr" => ("SONT CONVENUS DE CE QUI SUIT :", "CHAPITRE 3", "Article"),
        _ => ("HAVE AGREED AS FOLLOWS:", "CHAPTER 3", "Article"),
    };
    Draft {
        text,
        preamble_end,
        chapter3,
        article,
    }
}

/// The built-in rules, compiled once for all the drafts of this file.
fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().unwrap())
}

/// A draft reviewed as a negotiator would, with a developing-country Party.
fn reviewed(text: &str) -> treatyscan::model::FileFindings {
    let agreement = treatyscan::structure::parse_text(
        "draft.txt".into(),
        SourceFormat::Text,
        LocatedText::plain(text.into()),
    );
    let options = ReviewOptions {
        developing: vec!["XXX".into()],
        ..Default::default()
    };
    review(rules(), &agreement, "draft.txt", &options)
}

fn gaps_of(text: &str) -> Vec<String> {
    reviewed(text)
        .gaps
        .into_iter()
        .map(|g| g.id.to_string())
        .collect()
}

/// The draft with the clause that closes `gap` put where a drafter would put it.
fn closed(d: &Draft, gap: &str, clause: &str) -> String {
    let in_preamble = |t: &str| {
        t.replacen(
            d.preamble_end,
            &format!("{clause}\n\n{}", d.preamble_end),
            1,
        )
    };
    let new_article = |num: &str| format!("{} {num}: X\n\n{clause}\n\n", d.article);
    match gap {
        "missing_convention_reference" | "missing_policy_space" | "missing_dual_nature" => {
            in_preamble(&d.text)
        }
        "ecommerce_without_cultural_carveout" => d.text.replacen(
            d.chapter3,
            &format!("{}{}", new_article("2.3"), d.chapter3),
            1,
        ),
        _ => format!("{}\n{}", d.text, new_article("3.2")),
    }
}

fn suggested(text: &str, gap: &str) -> String {
    let file = reviewed(text);
    file.gaps
        .iter()
        .find(|g| g.id == gap)
        .expect("gap open")
        .suggested_clause
        .to_string()
}

#[test]
fn every_gap_is_open_in_the_base_drafts() {
    for lang in LANGS {
        let gaps = gaps_of(&draft(lang).text);
        assert_eq!(gaps.len(), 7, "{lang}: {gaps:?}");
    }
}

#[test]
fn one_suggested_clause_closes_each_gap() {
    let mut table = String::new();
    for lang in LANGS {
        let d = draft(lang);
        for id in rules().catalogue().gap_ids() {
            let gap = id.as_str();
            let clause = suggested(&d.text, gap);
            let after = gaps_of(&closed(&d, gap, &clause));
            assert!(
                !after.iter().any(|g| g == gap),
                "{lang}: adding {clause:?} leaves {gap} open"
            );
            let _ = writeln!(table, "{lang} +{gap}: still open {}", after.join(", "));
        }
    }
    insta::assert_snapshot!(table);
}

#[test]
fn human_report_of_the_spanish_base_draft() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_treatyscan"))
        .args(["check", "--developing", "PER"])
        .arg(common::corpus_file("gaps/es-base-draft.txt"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .replace(env!("CARGO_MANIFEST_DIR"), "");
    insta::assert_snapshot!(text);
}

#[test]
fn one_recital_that_closes_two_gaps_is_printed_once() {
    for lang in LANGS {
        let d = draft(lang);
        let clause = suggested(&d.text, "missing_convention_reference");
        assert_eq!(
            clause,
            suggested(&d.text, "missing_guidelines_reference"),
            "{lang}: the Convention recital names the guidelines too"
        );
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_treatyscan"))
            .args(["check", "--lang", lang])
            .arg(common::corpus_file(&format!("gaps/{lang}-base-draft.txt")))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.matches(clause.as_str()).count(), 1, "{lang}:\n{text}");
        // the guidelines gap points back to the Convention gap's clause
        let guidelines = &text[text.find("[missing_guidelines_reference]").unwrap()..];
        let guidelines = &guidelines[..guidelines.find("\n\n").unwrap()];
        assert!(
            guidelines.contains("missing_convention_reference"),
            "{lang}: {guidelines}"
        );
    }
}

/// Adds to `lang`'s base draft an article whose text is `article` with `{}`
/// replaced by `tail`, and asserts that the e-commerce carve-out gap is
/// open with `tail` (which keeps e-commerce in, or brings it back) and
/// closed without it (the exception alone carves it out).
fn assert_carve_out_gap_opened_by(lang: &str, article: &str, tail: &str) {
    let d = draft(lang);
    let with = |tail: &str| {
        let text = article.replace("{}", tail);
        format!("{}\n{} 9.1: X\n\n{text}\n", d.text, d.article)
    };
    let gap = "ecommerce_without_cultural_carveout".to_string();
    assert!(
        gaps_of(&with(tail)).contains(&gap),
        "{lang}: kept in: {tail}"
    );
    assert!(!gaps_of(&with("")).contains(&gap), "{lang}: carved out");
}

/// A cultural exception that keeps e-commerce in ("… audiovisual services,
/// except as regards electronic transmissions") reaches no e-commerce
/// commitment: the carve-out gap stays open, and without the carve-back
/// the same exception closes it; in three languages.
#[test]
fn an_exception_that_keeps_e_commerce_in_leaves_the_carve_out_gap_open() {
    for (lang, exception, carve_back) in [
        (
            "en",
            "Nothing in this Agreement shall apply to measures with respect to audiovisual services",
            ", except as regards electronic transmissions",
        ),
        (
            "es",
            "Nada de lo dispuesto en el presente Acuerdo se aplicará a las medidas relativas a los servicios audiovisuales",
            ", salvo en el caso de las transmisiones electrónicas",
        ),
        (
            "fr",
            "Aucune disposition du présent accord ne s'applique aux mesures relatives aux services audiovisuels",
            ", sauf en ce qui concerne les transmissions électroniques",
        ),
    ] {
        assert_carve_out_gap_opened_by(lang, &format!("{exception}{{}}."), carve_back);
    }
}

/// A provision that carves cultural industries out, then brings the
/// e-commerce chapter back in a sentence of its own ("Notwithstanding
/// paragraph 1, Chapter 2 (Electronic Commerce) shall apply to …"), reaches
/// no e-commerce commitment; in three languages.
#[test]
fn an_exception_that_brings_e_commerce_back_in_a_sentence_of_its_own_leaves_the_gap_open() {
    for (lang, exception, back) in [
        (
            "en",
            "Nothing in this Agreement shall apply to measures with respect to cultural industries.",
            " Notwithstanding the first sentence, Chapter 3 (Electronic Commerce) shall apply to measures relating to cultural industries.",
        ),
        (
            "es",
            "Nada de lo dispuesto en el presente Acuerdo se aplicará a las medidas relativas a las industrias culturales.",
            " No obstante lo dispuesto en la primera oración, el Capítulo 3 (Comercio Electrónico) se aplicará a las medidas relativas a las industrias culturales.",
        ),
        (
            "fr",
            "Aucune disposition du présent accord ne s'applique aux mesures relatives aux industries culturelles.",
            " Nonobstant la première phrase, le chapitre 3 (Commerce électronique) s'applique aux mesures relatives aux industries culturelles.",
        ),
    ] {
        assert_carve_out_gap_opened_by(lang, &format!("{exception}{{}}"), back);
    }
}

/// The exception's own exception lists provisions before it names the
/// e-commerce chapter ("except as specifically provided in Articles 1.6
/// (…) and 2.3 (…) and in Chapter Thirteen (Electronic Commerce)"): the
/// e-commerce chapter is kept in all the same; in three languages.
#[test]
fn an_exception_that_lists_the_e_commerce_chapter_among_its_exceptions_keeps_it_in() {
    for (lang, exception, carve_back) in [
        (
            "en",
            "Nothing in this Agreement shall apply to measures with respect to cultural industries",
            ", except as specifically provided in Article 2.3 (National Treatment and Market Access for Goods), Article 2.4 (Tariff Elimination) and in Chapter Thirteen (Electronic Commerce)",
        ),
        (
            "es",
            "Nada de lo dispuesto en el presente Acuerdo se aplicará a las medidas relativas a las industrias culturales",
            ", salvo lo dispuesto en el Artículo 2.3 (Trato Nacional y Acceso a Mercados de Mercancías), el Artículo 2.4 (Eliminación Arancelaria) y el Capítulo Trece (Comercio Electrónico)",
        ),
        (
            "fr",
            "Aucune disposition du présent accord ne s'applique aux mesures relatives aux industries culturelles",
            ", sauf tel que prévu à l'article 2.3 (Traitement national et accès aux marchés pour les produits), à l'article 2.4 (Élimination des droits de douane) et au chapitre treize (Commerce électronique)",
        ),
    ] {
        assert_carve_out_gap_opened_by(lang, &format!("{exception}{{}}."), carve_back);
    }
}

/// A carve-out placed in the e-commerce chapter whose subject is another
/// chapter, named by its number ("Chapter 3 shall not apply to audiovisual
/// services"), speaks of that chapter: it is no e-commerce carve-out and does
/// not close `ecommerce_without_cultural_carveout`; "this Chapter" and
/// "Chapter 2" (its own number) do, and are cited as e-commerce carve-outs.
#[test]
fn a_carve_out_naming_another_chapter_does_not_reach_the_ecommerce_chapter() {
    for (lang, other, this) in [
        (
            "en",
            "Chapter 3 shall not apply to audiovisual services.",
            "This Chapter shall not apply to audiovisual services.",
        ),
        (
            "es",
            "El Capítulo 3 no se aplica a los servicios audiovisuales.",
            "El presente Capítulo no se aplica a los servicios audiovisuales.",
        ),
        (
            "fr",
            "Le chapitre 3 ne s'applique pas aux services audiovisuels.",
            "Le présent chapitre ne s'applique pas aux services audiovisuels.",
        ),
    ] {
        let d = draft(lang);
        let gap = "ecommerce_without_cultural_carveout";
        let naming_other = reviewed(&closed(&d, gap, other));
        assert!(
            naming_other.gaps.iter().any(|g| g.id == gap),
            "{lang}: {other:?} closed {gap}"
        );
        assert!(
            !naming_other
                .findings
                .iter()
                .any(|f| f.category == "ecommerce_cultural"),
            "{lang}: {other:?} read as an e-commerce carve-out"
        );
        let naming_this = reviewed(&closed(&d, gap, this));
        assert!(
            !naming_this.gaps.iter().any(|g| g.id == gap),
            "{lang}: {this:?} left {gap} open"
        );
        // the e-commerce chapter (Chapter 2) named by its own number: the
        // finding and the gap agree that it is carved out
        let own = other.replace('3', "2");
        let naming_own = reviewed(&closed(&d, gap, &own));
        assert!(
            !naming_own.gaps.iter().any(|g| g.id == gap)
                && naming_own
                    .findings
                    .iter()
                    .any(|f| f.category == "ecommerce_cultural"),
            "{lang}: {own:?}"
        );
    }
}

/// An article whose heading names the Convention, while its text says only
/// "that Convention", is the agreement's reference to it; a heading naming
/// another UNESCO convention is not.
#[test]
fn a_convention_named_in_an_article_heading_closes_the_convention_gap() {
    let gap = "missing_convention_reference";
    for (lang, heading, text) in [
        (
            "en",
            "Relationship with the UNESCO Convention on the Protection and Promotion of the Diversity of Cultural Expressions",
            "The Parties reaffirm their commitments under that Convention.",
        ),
        (
            "es",
            "Convención de la UNESCO de 2005",
            "Las Partes reafirman sus compromisos en virtud de dicha Convención.",
        ),
        (
            "fr",
            "Convention sur la protection et la promotion de la diversité des expressions culturelles",
            "Les Parties réaffirment leurs engagements au titre de ladite Convention.",
        ),
    ] {
        let d = draft(lang);
        let headed = format!("{}\n{} 3.2: {heading}\n\n{text}\n", d.text, d.article);
        let file = reviewed(&headed);
        assert!(
            !file.gaps.iter().any(|g| g.id == gap),
            "{lang}: the heading {heading:?} left {gap} open"
        );
        assert!(
            file.findings
                .iter()
                .any(|f| f.category == "convention_reference" && f.provision.path.ends_with("art3.2")),
            "{lang}: no convention_reference finding on the article"
        );
    }
    let d = draft("en");
    let other = format!(
        "{}\nArticle 3.2: Relationship with the UNESCO Convention concerning the Protection of the World Cultural and Natural Heritage\n\nThe Parties reaffirm their commitments under that Convention.\n",
        d.text
    );
    assert!(gaps_of(&other).iter().any(|g| g == gap));
}

/// A definition of "cultural industries" with no clause that excludes them
/// (found by a new-user trial): the definition is flagged (it is read with
/// the exclusion it was written for), but it excludes nothing, so the base
/// draft's cultural-exception and e-commerce carve-out gaps stay open; with
/// the exclusion added, both close.
#[test]
fn a_definition_of_cultural_industries_alone_closes_no_gap() {
    for (lang, definition, exclusion) in [
        (
            "en",
            "For the purposes of this Agreement, cultural industries means persons engaged in the publication of books, the production of films or the broadcasting of programmes.",
            "Nothing in this Agreement shall apply to measures with respect to cultural industries.",
        ),
        (
            "es",
            "Para los efectos del presente Acuerdo, industrias culturales significa las personas que se dedican a la edición de libros, la producción de películas o la radiodifusión de programas.",
            "Nada de lo dispuesto en el presente Acuerdo se aplicará a las medidas relativas a las industrias culturales.",
        ),
        (
            "fr",
            "Aux fins du présent accord, industries culturelles s'entend des personnes qui se livrent à l'édition de livres, à la production de films ou à la radiodiffusion d'émissions.",
            "Aucune disposition du présent accord ne s'applique aux mesures relatives aux industries culturelles.",
        ),
    ] {
        let d = draft(lang);
        let defined = format!("{}\n{} 9.1: X\n\n{definition}\n", d.text, d.article);
        let report = reviewed(&defined);
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.rules.iter().any(|r| r.code == "CEX003")),
            "{lang}: the definition is flagged"
        );
        let open = gaps_of(&defined);
        for gap in ["missing_cultural_exception", "ecommerce_without_cultural_carveout"] {
            assert!(open.contains(&gap.to_string()), "{lang}: {gap} closed by a definition: {open:?}");
        }
        let excluded = format!("{defined}\n{} 9.2: Y\n\n{exclusion}\n", d.article);
        let open = gaps_of(&excluded);
        for gap in ["missing_cultural_exception", "ecommerce_without_cultural_carveout"] {
            assert!(!open.contains(&gap.to_string()), "{lang}: {gap} open with the exclusion: {open:?}");
        }
    }
}

/// Carve-outs of measures for cultural diversity from the e-commerce chapter
/// by its number (found by a new-user trial: each left three false gaps,
/// "no cultural exception or reservation exists" among them): either
/// wording closes the cultural-exception and e-commerce carve-out gaps.
#[test]
fn measures_for_cultural_diversity_carved_out_of_the_ecommerce_chapter_close_its_gaps() {
    for (lang, clauses) in [
        (
            "en",
            [
                "Nothing in Chapter 2 (Electronic Commerce) shall be construed to prevent a Party from adopting or maintaining measures to protect and promote cultural diversity.",
                "Notwithstanding Chapter 2, a Party may adopt or maintain measures to promote the diversity of cultural expressions in the digital environment.",
            ],
        ),
        (
            "es",
            [
                "Nada de lo dispuesto en el Capítulo 2 se interpretará en el sentido de impedir que una Parte adopte o mantenga medidas para proteger y promover la diversidad cultural.",
                "No obstante lo dispuesto en el Capítulo 2, una Parte podrá adoptar o mantener medidas para promover la diversidad de las expresiones culturales en el entorno digital.",
            ],
        ),
        (
            "fr",
            [
                "Aucune disposition du chapitre 2 n'empêche une Partie d'adopter ou de maintenir des mesures visant à protéger et promouvoir la diversité culturelle.",
                "Nonobstant le chapitre 2, une Partie peut adopter ou maintenir des mesures visant à promouvoir la diversité des expressions culturelles dans l'environnement numérique.",
            ],
        ),
    ] {
        let d = draft(lang);
        let base = gaps_of(&d.text);
        for gap in ["missing_cultural_exception", "ecommerce_without_cultural_carveout"] {
            assert!(base.contains(&gap.to_string()), "{lang}: base draft {base:?}");
        }
        for clause in clauses {
            let with = format!("{}\n{} 9.1: X\n\n{clause}\n", d.text, d.article);
            let open = gaps_of(&with);
            // the Party stays free to adopt new measures for culture: policy
            // space kept too
            for gap in [
                "missing_cultural_exception",
                "ecommerce_without_cultural_carveout",
                "missing_policy_space",
            ] {
                assert!(!open.contains(&gap.to_string()), "{lang}: {gap} open with {clause:?}: {open:?}");
            }
        }
    }
}

/// The usual wordings of a cultural exception that name where it applies:
/// a chapter in a saving clause ("Nothing in Chapter 2 shall be construed to
/// prevent …"), the articles it takes culture out of, or no place at all from
/// an Exceptions chapter (which speaks for the whole agreement). Each reaches
/// the e-commerce chapter; naming other articles, or standing in a chapter
/// that is not about exceptions, does not.
#[test]
fn carve_outs_naming_a_chapter_or_its_articles_or_in_the_exceptions_chapter_reach_it() {
    struct Case {
        lang: &'static str,
        saving: &'static str,
        articles: &'static str,
        chapter: &'static str,
        exceptions: &'static str,
        final_title: &'static str,
        retains: &'static str,
    }
    let cases = [
        Case {
            lang: "en",
            saving: "Nothing in Chapter 2 shall be construed to prevent a Party from adopting or maintaining measures relating to cultural industries.",
            articles: "Articles 2.1 and 2.2 shall not apply to audiovisual services.",
            chapter: "CHAPTER 9",
            exceptions: "EXCEPTIONS",
            final_title: "INSTITUTIONAL PROVISIONS",
            retains: "Each Party retains the right to adopt or maintain measures with respect to cultural industries, including digital content.",
        },
        Case {
            lang: "es",
            saving: "Nada de lo dispuesto en el Capítulo 2 se interpretará en el sentido de impedir que una Parte adopte o mantenga medidas relativas a las industrias culturales.",
            articles: "Los artículos 2.1 y 2.2 no se aplican a los servicios audiovisuales.",
            chapter: "CAPÍTULO 9",
            exceptions: "EXCEPCIONES",
            final_title: "DISPOSICIONES INSTITUCIONALES",
            retains: "Cada Parte conserva el derecho de adoptar o mantener medidas relativas a las industrias culturales, incluidos los contenidos digitales.",
        },
        Case {
            lang: "fr",
            saving: "Aucune disposition du chapitre 2 ne peut être interprétée comme empêchant une Partie d'adopter ou de maintenir des mesures relatives aux industries culturelles.",
            articles: "Les articles 2.1 et 2.2 ne s'appliquent pas aux services audiovisuels.",
            chapter: "CHAPITRE 9",
            exceptions: "EXCEPTIONS",
            final_title: "DISPOSITIONS INSTITUTIONNELLES",
            retains: "Chaque Partie conserve le droit d'adopter ou de maintenir des mesures relatives aux industries culturelles, y compris les contenus numériques.",
        },
    ];
    let carve_out = "ecommerce_without_cultural_carveout";
    for c in cases {
        let d = draft(c.lang);
        assert!(
            gaps_of(&d.text).contains(&carve_out.to_string()),
            "{}: base draft",
            c.lang
        );
        let article = |chapter_title: &str, clause: &str| {
            format!(
                "{}\n{}\n{chapter_title}\n\n{} 9.1: X\n\n{clause}\n",
                d.text, c.chapter, d.article
            )
        };
        // a saving clause naming the e-commerce chapter: a cultural exception
        // that reaches it, and room kept for new cultural measures
        let saving = reviewed(&article(c.final_title, c.saving));
        assert!(
            saving
                .findings
                .iter()
                .any(|f| f.category == "cultural_exception"
                    && f.rules.iter().any(|r| r.code == "CEX001")),
            "{}: {:?} is no CEX001 finding",
            c.lang,
            c.saving
        );
        let open: Vec<String> = saving.gaps.iter().map(|g| g.id.to_string()).collect();
        for gap in [
            "missing_cultural_exception",
            carve_out,
            "missing_policy_space",
        ] {
            assert!(
                !open.contains(&gap.to_string()),
                "{}: {gap} open with {:?}",
                c.lang,
                c.saving
            );
        }
        // the e-commerce articles named: reached; other articles: not
        let open = gaps_of(&article(c.final_title, c.articles));
        assert!(
            !open.contains(&carve_out.to_string()),
            "{}: {:?}",
            c.lang,
            c.articles
        );
        let others = c.articles.replace("2.1", "1.1").replace("2.2", "1.2");
        let open = gaps_of(&article(c.final_title, &others));
        assert!(
            open.contains(&carve_out.to_string()),
            "{}: {others:?} closed {carve_out}",
            c.lang
        );
        // a right retained in the Exceptions chapter: reached; the same
        // sentence among institutional provisions: not
        let open = gaps_of(&article(c.exceptions, c.retains));
        assert!(
            !open.contains(&carve_out.to_string()),
            "{}: {:?} in {}",
            c.lang,
            c.retains,
            c.exceptions
        );
        let open = gaps_of(&article(c.final_title, c.retains));
        assert!(
            open.contains(&carve_out.to_string()),
            "{}: {:?} in {}",
            c.lang,
            c.retains,
            c.final_title
        );
    }
}

/// A carve-out in Chapter 10 ("This Chapter shall not apply to audiovisual
/// services") is not in Chapter 1: the e-commerce chapter, Chapter 1, keeps
/// its gap. (A provision was taken to be inside a chapter when its path began
/// with the chapter's, so "ch10/art10.2" counted as inside "ch1".)
#[test]
fn a_carve_out_in_chapter_10_does_not_reach_chapter_1() {
    for (lang, chapter, article, ecommerce, services, carve_out) in [
        (
            "en",
            "Chapter",
            "Article",
            "Electronic Commerce\n\nArticle 1.1 Customs Duties\n\nNeither Party shall impose customs duties on electronic transmissions.",
            "Trade in Services",
            "This Chapter shall not apply to audiovisual services.",
        ),
        (
            "es",
            "Capítulo",
            "Artículo",
            "Comercio Electrónico\n\nArtículo 1.1 Derechos Aduaneros\n\nNinguna Parte impondrá derechos aduaneros a las transmisiones electrónicas.",
            "Comercio de Servicios",
            "El presente Capítulo no se aplica a los servicios audiovisuales.",
        ),
        (
            "fr",
            "Chapitre",
            "Article",
            "Commerce électronique\n\nArticle 1.1 Droits de douane\n\nAucune Partie n'impose de droits de douane sur les transmissions électroniques.",
            "Commerce des services",
            "Le présent chapitre ne s'applique pas aux services audiovisuels.",
        ),
    ] {
        let mut text = format!("{chapter} 1 {ecommerce}\n\n");
        for c in 2..10 {
            writeln!(text, "{chapter} {c} Matters\n\n{article} {c}.1 Contact Points\n\nEach Party shall designate a contact point.\n").unwrap();
        }
        writeln!(text, "{chapter} 10 {services}\n\n{article} 10.1 Exclusions\n\n{carve_out}").unwrap();
        let r = reviewed(&text);
        assert!(
            r.findings
                .iter()
                .any(|f| f.category == "cultural_exception" && f.provision.path == "ch10/art10.1"),
            "{lang}: the carve-out is no finding: {:?}",
            r.findings
        );
        let gap = "ecommerce_without_cultural_carveout";
        assert!(
            r.gaps.iter().any(|g| g.id == gap),
            "{lang}: Chapter 10's carve-out closed {gap} of Chapter 1"
        );
    }
}

#[test]
fn a_saving_clause_over_the_numbered_e_commerce_articles_closes_the_carve_out_gap() {
    // the dots of "2.1" and "2.2" stopped the carve-out patterns, which end
    // at a full stop: the exceptions article was no finding and the gap stayed
    for dir in ["en.txt", "es.txt", "fr.txt"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/numbered_saving_clause")
            .join(dir);
        let text = std::fs::read_to_string(&path).unwrap();
        let r = reviewed(&text);
        for category in ["cultural_exception", "ecommerce_cultural"] {
            assert!(
                r.findings
                    .iter()
                    .any(|f| f.category == category && f.provision.path == "ch2/art2.3"),
                "{dir}: no {category} finding in Article 2.3: {:?}",
                r.findings
            );
        }
        let ids: Vec<&str> = r.gaps.iter().map(|g| g.id.as_str()).collect();
        for gap in [
            "ecommerce_without_cultural_carveout",
            "missing_cultural_exception",
        ] {
            assert!(!ids.contains(&gap), "{dir}: {gap} stayed open: {ids:?}");
        }
    }
}

#[test]
fn numbered_articles_said_to_apply_to_the_cultural_industries_are_no_exception() {
    // the same drafts, their exceptions article turned round: the e-commerce
    // commitments reach the cultural industries; CEX004 (an exceptions
    // article naming them) closed both gaps
    for (dir, clause) in [
        (
            "en.txt",
            "Articles 2.1 and 2.2 (Customs Duties and Non-Discriminatory Treatment) apply to the cultural industries.",
        ),
        (
            "es.txt",
            "Los artículos 2.1 y 2.2 (Derechos aduaneros y Trato no discriminatorio) se aplican a las industrias culturales.",
        ),
        (
            "fr.txt",
            "Les articles 2.1 et 2.2 (Droits de douane et Traitement non discriminatoire) s'appliquent aux industries culturelles.",
        ),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/numbered_saving_clause")
            .join(dir);
        let text = std::fs::read_to_string(&path).unwrap();
        let (head, _saving) = text.trim_end().rsplit_once('\n').unwrap();
        let r = reviewed(&format!("{head}\n{clause}\n"));
        let codes: Vec<String> = r.findings.iter().map(|f| f.rule_codes().join("+")).collect();
        assert!(
            !r.findings.iter().any(|f| f.category == "cultural_exception"),
            "{dir}: {codes:?}"
        );
        let ids: Vec<&str> = r.gaps.iter().map(|g| g.id.as_str()).collect();
        for gap in [
            "ecommerce_without_cultural_carveout",
            "missing_cultural_exception",
        ] {
            assert!(ids.contains(&gap), "{dir}: {gap} closed: {ids:?}");
        }
    }
}

#[test]
fn a_saving_clause_over_an_article_of_another_chapter_does_not_carve_e_commerce_out() {
    // placed in the e-commerce chapter, "Nothing in Article 8.2 shall apply to
    // …" carves culture out of Article 8.2 (services), not out of the chapter
    // it stands in; naming the chapter's own Article 2.2 does carve it out
    for (chapter, article, services, ecommerce, other, own) in [
        (
            "Chapter",
            "Article",
            "Trade in Services\n\nArticle 8.2 National Treatment\n\nEach Party shall accord national treatment to services.",
            "Electronic Commerce\n\nArticle 2.1 Customs Duties\n\nNo Party shall impose customs duties on electronic transmissions.\n\nArticle 2.2 Non-Discriminatory Treatment\n\nNo Party shall accord less favourable treatment to digital products.",
            "Nothing in Article 8.2 shall apply to cultural industries.",
            "Nothing in Article 2.2 shall apply to cultural industries.",
        ),
        (
            "Capítulo",
            "Artículo",
            "Comercio de Servicios\n\nArtículo 8.2 Trato nacional\n\nCada Parte otorgará trato nacional a los servicios.",
            "Comercio Electrónico\n\nArtículo 2.1 Derechos aduaneros\n\nNinguna Parte impondrá derechos aduaneros a las transmisiones electrónicas.\n\nArtículo 2.2 Trato no discriminatorio\n\nNinguna Parte otorgará un trato menos favorable a los productos digitales.",
            "Nada de lo dispuesto en el artículo 8.2 se aplicará a las industrias culturales.",
            "Nada de lo dispuesto en el artículo 2.2 se aplicará a las industrias culturales.",
        ),
        (
            "Chapitre",
            "Article",
            "Commerce des services\n\nArticle 8.2 Traitement national\n\nChaque Partie accorde le traitement national aux services.",
            "Commerce électronique\n\nArticle 2.1 Droits de douane\n\nAucune Partie n'impose de droits de douane sur les transmissions électroniques.\n\nArticle 2.2 Traitement non discriminatoire\n\nAucune Partie n'accorde un traitement moins favorable aux produits numériques.",
            "Aucune disposition de l'article 8.2 ne s'applique aux industries culturelles.",
            "Aucune disposition de l'article 2.2 ne s'applique aux industries culturelles.",
        ),
    ] {
        let gap = "ecommerce_without_cultural_carveout";
        for (clause, open) in [(other, true), (own, false)] {
            let text = format!(
                "{chapter} 2 {ecommerce}\n\n{article} 2.3 Exceptions\n\n{clause}\n\n{chapter} 8 {services}\n"
            );
            let r = reviewed(&text);
            let ids: Vec<&str> = r.gaps.iter().map(|g| g.id.as_str()).collect();
            assert_eq!(ids.contains(&gap), open, "{clause}: {ids:?}");
            let carved_out = r
                .findings
                .iter()
                .any(|f| f.category == "ecommerce_cultural" && f.provision.path == "ch2/art2.3");
            assert_eq!(carved_out, !open, "{clause}: {:?}", r.findings);
        }
    }
}

/// An e-commerce chapter liberalises through what it binds the Parties to (a
/// duty ban, non-discrimination of digital products), not through its title:
/// one that acknowledges the moratorium and keeps the right to adjust it
/// (realworld case 12), or only sets up cooperation, opens no
/// `missing_cultural_exception`; the same chapter with a duty ban opens it,
/// citing the article that binds rather than the chapter.
#[test]
fn an_ecommerce_chapter_liberalises_through_its_commitments_not_its_title() {
    for (heading, recital, cooperation, ban) in [
        (
            "CHAPTER 10\nELECTRONIC COMMERCE\n\nArticle 10.5\nCustoms Duties",
            "1. The Parties recognise that the practice of not imposing customs duties on electronic transmissions has played an important role in the development of the digital economy.\n\n2. Each Party reserves the right to adjust its practice referred to in paragraph 1 in accordance with any further WTO Ministerial Decisions.",
            "The Parties shall cooperate on electronic commerce, including on consumer protection and paperless trading.",
            "No Party shall impose customs duties on electronic transmissions.",
        ),
        (
            "CAPÍTULO 10\nCOMERCIO ELECTRÓNICO\n\nArtículo 10.5\nDerechos aduaneros",
            "1. Las Partes reconocen que la práctica de no imponer derechos aduaneros a las transmisiones electrónicas ha contribuido al desarrollo de la economía digital.\n\n2. Cada Parte se reserva el derecho de ajustar la práctica a que se refiere el párrafo 1 conforme a las futuras decisiones ministeriales de la OMC.",
            "Las Partes cooperarán en materia de comercio electrónico, incluida la protección de los consumidores.",
            "Ninguna Parte impondrá derechos aduaneros a las transmisiones electrónicas.",
        ),
        (
            "CHAPITRE 10\nCOMMERCE ÉLECTRONIQUE\n\nArticle 10.5\nDroits de douane",
            "1. Les Parties reconnaissent que la pratique consistant à ne pas imposer de droits de douane sur les transmissions électroniques a contribué au développement de l'économie numérique.\n\n2. Chaque Partie se réserve le droit d'ajuster la pratique visée au paragraphe 1 conformément aux futures décisions ministérielles de l'OMC.",
            "Les Parties coopèrent dans le domaine du commerce électronique, notamment sur la protection des consommateurs.",
            "Aucune Partie n'impose de droits de douane sur les transmissions électroniques.",
        ),
    ] {
        for body in [recital, cooperation] {
            let gaps = gaps_of(&format!("{heading}\n\n{body}\n"));
            assert!(
                !gaps.iter().any(|g| g == "missing_cultural_exception"),
                "{body}: {gaps:?}"
            );
        }
        let r = reviewed(&format!("{heading}\n\n{ban}\n"));
        let gap = r
            .gaps
            .iter()
            .find(|g| g.id.as_str() == "missing_cultural_exception")
            .unwrap_or_else(|| panic!("{ban}: {:?}", r.gaps));
        assert_eq!(gap.evidence, ["ch10/art10.5"], "{ban}");
    }
}
