//! Outlines of the synthetic agreements in `corpus/`, one per language: every
//! structure the grammar knows appears in at least one of them.

mod common;

fn outline(name: &str) -> String {
    let agreement =
        treatyscan::source::load(&common::corpus_file(name)).expect("corpus file parses");
    treatyscan::provision::render_outline(&agreement).replace(env!("CARGO_MANIFEST_DIR"), "")
}

#[test]
fn english_draft_outline() {
    insta::assert_snapshot!(outline("en-digital-partnership-draft.txt"));
}

#[test]
fn spanish_agreement_outline() {
    insta::assert_snapshot!(outline("es-acuerdo-comercio-cultura.txt"));
}

#[test]
fn french_agreement_outline() {
    insta::assert_snapshot!(outline("fr-accord-partenariat.txt"));
}

#[test]
fn paths_are_stable_addresses() {
    let a =
        treatyscan::source::load(&common::corpus_file("en-digital-partnership-draft.txt")).unwrap();
    let paths: Vec<&str> = a.walk().map(|p| p.path.as_str()).collect();
    assert!(
        paths.contains(&"part-ii/ch2/sec-a/art2.1/p2/c"),
        "{paths:?}"
    );
    assert!(paths.contains(&"part-ii/ch3/art3.2/p1"));
    assert!(paths.contains(&"prot1/art1"));
}

#[test]
fn cross_reference_after_a_wrapped_line_is_not_a_heading() {
    let a =
        treatyscan::source::load(&common::corpus_file("en-digital-partnership-draft.txt")).unwrap();
    let numbers: Vec<_> = a.articles().filter_map(|p| p.number.as_deref()).collect();
    assert_eq!(
        numbers.iter().filter(|n| **n == "2.1").count(),
        1,
        "{numbers:?}"
    );
}
