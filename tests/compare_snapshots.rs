//! Snapshots of the reports on the invented agreements in corpus/compare/:
//! round1 → round2 exercises every kind of change (renumbered chapter, moved,
//! split, merged, added, removed, changed words, reflowed text, category
//! delta); round1 → round1_es a translation.

use std::path::Path;
use treatyscan::compare::{compare, delta::RuleCategories, render_human, Comparison};

fn comparison(a: &str, b: &str) -> Comparison {
    let a = treatyscan::source::load(Path::new(a)).unwrap();
    let b = treatyscan::source::load(Path::new(b)).unwrap();
    let rules = RuleCategories {
        rules: treatyscan::rules::RuleSet::builtin().unwrap(),
        developing: Vec::new(),
    };
    compare(&a, &b, &rules)
}

fn human(c: &Comparison) -> String {
    render_human::render(
        c,
        render_human::Style {
            color: false,
            width: 100,
        },
    )
}

#[test]
fn next_round_json() {
    let c = comparison("corpus/compare/round1.txt", "corpus/compare/round2.txt");
    insta::assert_snapshot!(serde_json::to_string_pretty(&c).unwrap());
}

#[test]
fn next_round_human() {
    let c = comparison("corpus/compare/round1.txt", "corpus/compare/round2.txt");
    insta::assert_snapshot!(human(&c));
}

#[test]
fn translation_human() {
    let c = comparison("corpus/compare/round1.txt", "corpus/compare/round1_es.txt");
    insta::assert_snapshot!(human(&c));
}
