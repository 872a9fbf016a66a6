//! Builder rules added for real PDFs (RCEP, AANZFTA): a table of contents
//! names headings without being them, and a chapter's annex ends at the
//! agreement's next chapter.

use std::path::Path;
use treatyscan::provision::{Agreement, Kind};

fn parse(text: &str) -> Agreement {
    treatyscan::source::load_bytes(Path::new("toc.txt"), text.as_bytes()).unwrap()
}

fn outline(a: &Agreement) -> Vec<String> {
    a.walk()
        .filter(|p| p.kind.is_division() || p.kind == Kind::Article)
        .map(|p| format!("{} {}", p.kind.name(), p.number.as_deref().unwrap_or("")))
        .collect()
}

const AGREEMENT: &str = "\
AGREEMENT ON CULTURAL TRADE

TABLE OF CONTENTS

Chapter 1 Initial Provisions
Chapter 2 Electronic Commerce
Annex 2A (Schedules)
Annex 2B (Contact Points)
Chapter 3 Final Provisions

CHAPTER 1
INITIAL PROVISIONS

Article 1.1: Objectives
The Parties shall promote cultural diversity.

CHAPTER 2
ELECTRONIC COMMERCE

Article 2.1: Customs Duties
No Party shall impose customs duties on electronic transmissions.

ANNEX 2A
SCHEDULES

Chapter 1 Live animals
Chapter 2 Meat

ANNEX 2B
CONTACT POINTS

Each Party shall designate a contact point.

CHAPTER 3
FINAL PROVISIONS

Article 3.1: Entry into Force
This Agreement shall enter into force on the date of signature.
";

#[test]
fn contents_entries_are_not_headings() {
    let a = parse(AGREEMENT);
    let o = outline(&a);
    // chapters 1 and 2 twice: in the agreement and in Annex 2A's schedule
    let expected = [
        ("chapter 1", 2),
        ("chapter 2", 2),
        ("chapter 3", 1),
        ("annex 2A", 1),
        ("annex 2B", 1),
        ("article 1.1", 1),
    ];
    for (heading, n) in expected {
        let found = o.iter().filter(|l| l.as_str() == heading).count();
        assert_eq!(found, n, "{heading} in {o:?}");
    }
}

#[test]
fn a_chapters_annex_ends_at_the_next_chapter() {
    let a = parse(AGREEMENT);
    let annex = a.walk().find(|p| p.kind == Kind::Annex).expect("the annex");
    // an annex with chapters of its own (a tariff schedule) keeps them; the
    // agreement's next chapter closes the annex that has none (Annex 2B)
    // the schedule's own chapters stay inside it
    let inside: Vec<_> = annex
        .children
        .iter()
        .filter(|c| c.kind == Kind::Chapter)
        .filter_map(|c| c.number.clone())
        .collect();
    assert_eq!(inside, ["1", "2"]);
    assert!(!annex.walk().any(|p| p.number.as_deref() == Some("3.1")));
    let ch3 = a
        .walk()
        .find(|p| p.kind == Kind::Chapter && p.number.as_deref() == Some("3"))
        .expect("chapter 3");
    assert!(ch3.walk().any(|p| p.number.as_deref() == Some("3.1")));
}

/// Contents that list the articles alone, then the text opening on a
/// chapter they do not list: the chapter is the text's, not an entry, and its
/// articles are in it (its title makes them e-commerce provisions).
#[test]
fn a_chapter_the_contents_do_not_list_opens_the_text() {
    for text in [
        "Índice\n\nArtículo 2.1: Derecho a regular\nArtículo 2.2: Derechos aduaneros\n\nCAPÍTULO 2\nCOMERCIO ELECTRÓNICO\n\nArtículo 2.1: Derecho a regular\n\nLas Partes reafirman su derecho a regular.\n\nArtículo 2.2: Derechos aduaneros\n\nNinguna Parte impondrá derechos aduaneros a las transmisiones electrónicas.\n",
        "Contents\n\nArticle 2.1: Right to Regulate\nArticle 2.2: Customs Duties\n\nPART I\nCHAPTER 2\nELECTRONIC COMMERCE\n\nArticle 2.1: Right to Regulate\n\nThe Parties reaffirm their right to regulate.\n\nArticle 2.2: Customs Duties\n\nNo Party shall impose customs duties on electronic transmissions.\n",
    ] {
        let a = parse(text);
        let chapter = a
            .walk()
            .find(|p| p.kind == Kind::Chapter)
            .unwrap_or_else(|| panic!("no chapter in {:?}", outline(&a)));
        let inside: Vec<_> = chapter
            .walk()
            .filter(|p| p.kind == Kind::Article)
            .filter_map(|p| p.number.clone())
            .collect();
        assert_eq!(inside, ["2.1", "2.2"], "{:?}", outline(&a));
    }
}

/// The titles a table of contents lists are not said where it stands: the
/// contents line "Article 2: Right to Regulate" gives no policy-space finding
/// in the preamble (the article itself has its finding), and a recital of
/// the preamble below the contents is still read; the contents lines are
/// recorded for the rules in three languages.
#[test]
fn titles_listed_in_the_contents_are_not_findings_of_the_preamble() {
    use treatyscan::review::{review, ReviewOptions};
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    for (contents, heading, article, recital, agreed) in [
        (
            "TABLE OF CONTENTS",
            "Article 2: Right to Regulate",
            "Article",
            "Recognising the right of the Parties to regulate in the public interest,",
            "HAVE AGREED AS FOLLOWS:",
        ),
        (
            "ÍNDICE",
            "Artículo 2: Derecho a regular",
            "Artículo",
            "Reconociendo el derecho de las Partes a regular en el interés público,",
            "HAN ACORDADO LO SIGUIENTE:",
        ),
        (
            "TABLE DES MATIÈRES",
            "Article 2 : Droit de réglementer",
            "Article",
            "Reconnaissant le droit des Parties de réglementer dans l'intérêt public,",
            "SONT CONVENUS DE CE QUI SUIT :",
        ),
    ] {
        let entries =
            format!("{article} 1: Objectives\n{heading}\n{article} 3: Final Provisions\n");
        let body = format!(
            "{article} 1: Objectives\nThe Parties liberalise trade.\n\n{heading}\n\
             Each Party may adopt measures it considers appropriate.\n\n\
             {article} 3: Final Provisions\nThis Agreement enters into force on signature.\n"
        );
        let policy_space = |text: &str| -> Vec<String> {
            let agreement = parse(text);
            let file = review(&rules, &agreement, "toc.txt", &ReviewOptions::default());
            file.findings
                .iter()
                .filter(|f| f.category == "policy_space")
                .map(|f| f.provision.path.clone())
                .collect()
        };
        let listed = format!("AGREEMENT\n\n{contents}\n\n{entries}\n{agreed}\n\n{body}");
        assert_eq!(parse(&listed).contents.len(), 3, "{contents}");
        assert_eq!(policy_space(&listed), ["art2"], "{contents}");
        let with_recital =
            format!("AGREEMENT\n\n{contents}\n\n{entries}\n{recital}\n\n{agreed}\n\n{body}");
        assert_eq!(
            policy_space(&with_recital),
            ["preamble", "art2"],
            "{contents}"
        );
    }
}
