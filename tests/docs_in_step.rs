//! docs/rules.md is generated from rules/; this fails when they drift.
//! Regenerate with `cargo run -- rules --markdown > docs/rules.md`.

use treatyscan::rules::{docs, RuleSet};

#[test]
fn rule_reference_matches_the_rules() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = docs::reference(&RuleSet::builtin().unwrap());
    assert!(
        on_disk == generated,
        "docs/rules.md is out of date: run `cargo run -- rules --markdown > docs/rules.md`"
    );
}

/// The Spanish and French references, from the rule files' `es.*` / `fr.*` wording.
#[test]
fn translated_rule_references_match_the_rules() {
    use treatyscan::locale::{Lang, Locale};
    let rules = RuleSet::builtin().unwrap();
    for lang in [Lang::Es, Lang::Fr] {
        let name = format!("docs/rules.{lang}.md");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&name);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        let generated = docs::reference_in(&rules, Locale::of(lang));
        assert!(
            on_disk == generated,
            "{name} is out of date: run `cargo run -- rules --markdown --lang {lang} > {name}`"
        );
    }
}
