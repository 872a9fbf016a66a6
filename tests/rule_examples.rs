//! Every rule's `examples.match` must match and `examples.no_match` must not.
//! Failures are reported per rule and example, in the four classes of rule
//! tests: a missing match (false negative) or a noisy match (false positive).

use treatyscan::rules::RuleSet;

#[test]
fn every_rule_example_behaves_as_declared() {
    let rules = RuleSet::builtin().expect("built-in rules load");
    let mut failures = Vec::new();
    for rule in rules.rules() {
        for example in &rule.spec.examples.should_match {
            if !rule.matches_text(example) {
                failures.push(format!(
                    "{} missing (should match): {example:?}",
                    rule.code()
                ));
            } else if !rules.trigger_holds(rule.code(), example) {
                failures.push(format!(
                    "{} hidden by its prefilter trigger: {example:?}",
                    rule.code()
                ));
            }
        }
        for example in &rule.spec.examples.no_match {
            if rule.matches_text(example) {
                failures.push(format!(
                    "{} noisy (should not match): {example:?}",
                    rule.code()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} rule example(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_category_has_rules_in_every_language() {
    let rules = RuleSet::builtin().unwrap();
    for category in treatyscan::rules::CATEGORIES {
        for lang in ["en", "es", "fr"] {
            assert!(
                rules
                    .rules()
                    .iter()
                    .any(|r| r.spec.category == *category
                        && r.spec.languages.iter().any(|l| l == lang)),
                "no {lang} rule for {category}"
            );
        }
    }
}

#[test]
fn rule_codes_are_unique_and_explained() {
    let rules = RuleSet::builtin().unwrap();
    for rule in rules.rules() {
        assert!(
            rule.spec.explanation.trim().len() > 100,
            "{} has a thin explanation",
            rule.code()
        );
        assert!(rules.rule(rule.code()).is_some());
    }
}
