//! The gap engine on small drafts, with flags given by hand.

use super::*;
use crate::model::GapId;
use crate::provision::SourceFormat;
use crate::rules::RuleSet;
use crate::text::LocatedText;

fn gaps(input: &GapInput) -> Vec<Gap> {
    let rules = RuleSet::builtin().expect("built-in rules");
    find_gaps(rules.catalogue(), input)
}

const ECOMMERCE: &str = "CHAPTER 3\nELECTRONIC COMMERCE\n\nArticle 3.1: Customs Duties\n\nNeither Party shall impose customs duties on electronic transmissions.\n\n";

fn agreement(text: &str) -> Agreement {
    crate::structure::parse_text(
        "draft.txt".into(),
        SourceFormat::Text,
        LocatedText::plain(text.into()),
    )
}

fn ids(text: &str, flags: &[(&str, &str)]) -> Vec<GapId> {
    let a = agreement(text);
    let flags: Vec<Flag> = flags
        .iter()
        .map(|&(category, path)| Flag {
            category: Category::declared(category),
            path,
            at: None,
        })
        .collect();
    gaps(&GapInput {
        agreement: &a,
        flags: &flags,
        developing: &[],
    })
    .into_iter()
    .map(|g| g.id)
    .collect()
}

fn carveout_gap(text: &str, exception_path: &str) -> bool {
    carveout_gap_at(text, exception_path, None)
}

#[test]
fn agreement_wide_cultural_exception_reaches_ecommerce() {
    let text = format!("{ECOMMERCE}CHAPTER 4\nEXCEPTIONS\n\nArticle 4.1: Culture\n\nNothing in this Agreement applies to measures on cultural industries.\n");
    assert!(!carveout_gap(&text, "ch4/art4.1"));
}

#[test]
fn audiovisual_exclusion_limited_to_services_does_not() {
    let text = format!("CHAPTER 2\nTRADE IN SERVICES\n\nArticle 2.1: Scope\n\nThis Chapter does not apply to audiovisual services.\n\n{ECOMMERCE}");
    assert!(carveout_gap(&text, "ch2/art2.1"));
}

#[test]
fn exceptions_chapter_made_applicable_by_cross_reference_does() {
    let exceptions = "CHAPTER 22\nEXCEPTIONS\n\nArticle 22.5: Cultural Industries\n\nFor the purposes of the Chapters listed in it, measures on cultural industries are excluded.\n";
    let without = format!("{ECOMMERCE}{exceptions}");
    assert!(carveout_gap(&without, "ch22/art22.5"));
    let with = format!("{}Article 3.2: Exceptions\n\nChapter 22 (Exceptions) applies to this Chapter.\n\n{exceptions}", ECOMMERCE);
    assert!(!carveout_gap(&with, "ch22/art22.5"));
}

#[test]
fn exception_naming_the_ecommerce_chapter_does() {
    let text = format!("{ECOMMERCE}CHAPTER 4\nEXCEPTIONS\n\nArticle 4.1: Culture\n\nChapters 2 and 3 do not apply to cultural industries.\n");
    assert!(!carveout_gap(&text, "ch4/art4.1"));
}

#[test]
fn each_gap_closes_when_its_category_is_present() {
    let text =
        format!("CHAPTER 2\nTRADE IN SERVICES\n\nArticle 2.1: Scope\n\nServices.\n\n{ECOMMERCE}");
    let open = ids(&text, &[("ecommerce_duties", "ch3/art3.1")]);
    for id in [
        "missing_convention_reference",
        "missing_guidelines_reference",
        "ecommerce_without_cultural_carveout",
        "missing_cultural_exception",
        "missing_policy_space",
        "missing_dual_nature",
    ] {
        assert!(open.iter().any(|g| *g == id), "{id} in {open:?}");
    }
    let closed = ids(
        &text,
        &[
            ("ecommerce_duties", "ch3/art3.1"),
            ("ecommerce_cultural", "ch3/art3.1"),
            ("cultural_exception", "ch2/art2.1"),
            ("convention_reference", "ch2/art2.1"),
            ("guidelines_reference", "ch2/art2.1"),
            ("policy_space", "ch2/art2.1"),
            ("cultural_specificity", "ch2/art2.1"),
        ],
    );
    assert!(closed.is_empty(), "{closed:?}");
}

#[test]
fn preferential_treatment_needs_a_developing_party() {
    let mut a = agreement("Article 1\n\nText.\n");
    a.metadata.parties = vec!["FRA".into(), "DEU".into()];
    let g = gaps(&GapInput {
        agreement: &a,
        flags: &[],
        developing: &[],
    });
    assert!(!g.iter().any(|g| g.id == "missing_preferential_treatment"));
    a.metadata.parties.push("PER".into());
    let g = gaps(&GapInput {
        agreement: &a,
        flags: &[],
        developing: &[],
    });
    let gap = g
        .iter()
        .find(|g| g.id == "missing_preferential_treatment")
        .expect("gap");
    assert_eq!(gap.evidence, ["PER"]);
}

#[test]
fn suggested_clause_speaks_the_agreement_language() {
    let a =
        agreement("Artículo 1\n\nLas Partes del presente Acuerdo y los servicios de la Parte.\n");
    let g = gaps(&GapInput {
        agreement: &a,
        flags: &[],
        developing: &[],
    });
    assert!(g[0].suggested_clause.starts_with("Reafirmando"));
}

/// Whether `a`, with no finding at all, opens the guidelines gap.
fn guidelines_gap_open(a: &Agreement) -> bool {
    gaps(&GapInput {
        agreement: a,
        flags: &[],
        developing: &[],
    })
    .iter()
    .any(|g| g.id == "missing_guidelines_reference")
}

#[test]
fn the_guidelines_reference_is_asked_of_agreements_signed_since_june_2017_and_drafts() {
    let text = "Article 1\n\nThe Parties establish a free trade area.\n";
    let open = |signed: Option<&str>| {
        let mut a = agreement(text);
        a.metadata.date_signed = signed.map(String::from);
        guidelines_gap_open(&a)
    };
    assert!(open(None), "an undated draft");
    assert!(open(Some("2019-03-04")));
    assert!(open(Some("2017-06-01")));
    assert!(!open(Some("2017-05-31")));
    assert!(!open(Some("2009")));
}

#[test]
fn a_text_without_metadata_is_dated_by_its_closing_formula() {
    // the same agreement read from its PDF (no metadata) opens the gaps its
    // ToTA record opens: a 2004 agreement is not asked for the 2017 guidelines
    let open = |closing: &str| {
        let text = format!("Article 1\n\nThe Parties establish a free trade area.\n\n{closing}\n");
        let a = agreement(&text);
        assert!(a.metadata.date_signed.is_none());
        guidelines_gap_open(&a)
    };
    assert!(!open(
        "Done at Washington, D.C., in duplicate, this 18th day of May 2004."
    ));
    assert!(!open(
        "Hecho en Bruselas, el seis de octubre de dos mil diez."
    ));
    assert!(open("Done at Geneva on 15 April 2019."));
    assert!(open("Done at Geneva this [date], in a single copy."));
}

/// Whether the preferential-treatment gap opens for an agreement between
/// `parties`, no Party named developing by the user.
fn preferential_gap_between(parties: &[&str]) -> bool {
    let mut a = agreement("Article 1\n\nText.\n");
    a.metadata.parties = parties.iter().map(|p| p.to_string()).collect();
    let open = gaps(&GapInput {
        agreement: &a,
        flags: &[],
        developing: &[],
    });
    open.iter()
        .any(|g| g.id == "missing_preferential_treatment")
}

#[test]
fn the_republic_of_korea_counts_as_developed() {
    assert!(!preferential_gap_between(&["KOR", "AUS"]));
}

/// ToTA lists an EU agreement's Parties as the member states: Cyprus, in
/// Western Asia for M49, made EU-Norway and EU-Korea look like agreements
/// with a developing country (16 of the 450 ToTA agreements).
#[test]
fn the_member_states_of_the_european_union_count_as_developed() {
    assert!(!preferential_gap_between(&[
        "AUT", "CYP", "DEU", "MLT", "NOR"
    ]));
    assert!(preferential_gap_between(&["AUT", "CYP", "DEU", "EGY"]));
}

/// Whether the e-commerce carve-out gap opens with the cultural exception's
/// words placed at `at` (`None`: not known).
fn carveout_gap_at(text: &str, exception_path: &str, at: Option<usize>) -> bool {
    let a = agreement(text);
    let flags = [
        Flag {
            category: Category::declared("ecommerce_duties"),
            path: "ch3/art3.1",
            at: None,
        },
        Flag {
            category: Category::declared("cultural_exception"),
            path: exception_path,
            at,
        },
    ];
    gaps(&GapInput {
        agreement: &a,
        flags: &flags,
        developing: &[],
    })
    .iter()
    .any(|g| g.id == "ecommerce_without_cultural_carveout")
}

#[test]
fn this_agreement_in_another_sentence_of_a_reservation_does_not_reach_ecommerce() {
    // a national-treatment reservation whose next sentence, a ratchet,
    // happens to name "this Agreement"
    let reservation = "CHAPTER 4\nRESERVATIONS\n\nArticle 4.1: Investment\n\nIn the sectors listed below, Arcadia may adopt or maintain any measure that is not in conformity with Article 2.1. Arcadia may not, under any measure adopted after the entry into force of this Agreement, require an investor to sell an investment.\n1. Production of cultural products\n";
    let text = format!("{ECOMMERCE}{reservation}");
    let verb = text.find("may adopt or maintain");
    // where the carve-out's words are known, their own sentence decides
    assert!(carveout_gap_at(&text, "ch4/art4.1", verb));
    // not known: the provision's whole text, as before
    assert!(!carveout_gap_at(&text, "ch4/art4.1", None));
    // an exception whose own sentence speaks of the whole agreement reaches
    let wide = format!("{ECOMMERCE}CHAPTER 4\nEXCEPTIONS\n\nArticle 4.1: Culture\n\nArticle 2.1 applies. Nothing in this Agreement applies to measures on cultural industries.\n");
    let verb = wide.find("applies to measures");
    assert!(!carveout_gap_at(&wide, "ch4/art4.1", verb));
}

#[test]
fn the_sentence_around_a_word_ends_at_full_stops_not_inside_numbers() {
    let text = "Title\n\nSee Article 2.1. In the sectors listed below, Arcadia may adopt measures under Article 8.4 here. Next one.";
    let at = text.find("Arcadia").unwrap();
    assert_eq!(
        sentence_around(text, 0..text.len(), at),
        Some(" In the sectors listed below, Arcadia may adopt measures under Article 8.4 here.")
    );
    assert_eq!(sentence_around(text, 0..5, at), None);
}
