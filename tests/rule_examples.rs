//! Every rule's `examples.match` must match and `examples.no_match` must not.
//! Failures are reported per rule and example, in the four classes of rule
//! tests: a missing match (false negative) or a noisy match (false positive).

use std::path::Path;
use treatyscan::review::{review, ReviewOptions};
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
            } else if !rules.prefilter_admits(rule.code(), example) {
                failures.push(format!(
                    "{} hidden by the prefilter (its trigger, or a pattern's gate): {example:?}",
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
    for decl in rules.catalogue().categories() {
        let category = decl.category;
        for lang in ["en", "es", "fr"] {
            assert!(
                rules
                    .rules()
                    .iter()
                    .any(|r| r.info.category == category
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

/// Every gap of `rules/gaps.toml` is open on its `examples.opens` draft and
/// closed once its `examples.closes` clause is added, through the whole
/// review `check` runs.
#[test]
fn every_gap_example_opens_and_closes_its_gap() {
    let rules = RuleSet::builtin().unwrap();
    let mut failures = Vec::new();
    for gap in rules.catalogue().gaps() {
        let id = gap.info.id;
        let options = ReviewOptions {
            developing: gap.examples.developing.clone(),
            ..ReviewOptions::default()
        };
        let open = |text: &str| {
            let agreement =
                treatyscan::source::load_bytes(Path::new("example.txt"), text.as_bytes())
                    .expect("example parses");
            review(&rules, &agreement, "example.txt", &options)
                .gaps
                .iter()
                .any(|g| g.id == id)
        };
        let opens = gap.examples.opens.as_str();
        let closed = format!("{opens}\n{}", gap.examples.closes);
        if !open(opens) {
            failures.push(format!("{id}: not open on examples.opens"));
        }
        if open(&closed) {
            failures.push(format!("{id}: still open once examples.closes is added"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_gap_has_a_page_and_a_clause_in_every_language() {
    let rules = RuleSet::builtin().unwrap();
    assert!(rules.catalogue().gaps().len() >= 6);
    for gap in rules.catalogue().gaps() {
        let page = treatyscan::rules::docs::explain_gap(gap, &rules);
        assert!(page.contains(gap.info.id.as_str()) && page.contains("Open when"));
        assert!(
            gap.info.explanation.trim().len() > 100,
            "{} thin",
            gap.info.id
        );
        for lang in ["en", "es", "fr"] {
            assert!(
                gap.clauses.contains_key(lang),
                "{} has no {lang} clause",
                gap.info.id
            );
        }
    }
}

/// Every paragraph a rule or gap cites is in `rules/guidelines.toml` (the
/// loader refuses others), and every listed paragraph is the guidelines':
/// a number the seed document carries.
#[test]
fn cited_guideline_paragraphs_are_listed_and_summarised() {
    let rules = RuleSet::builtin().unwrap();
    let catalogue = rules.catalogue();
    let cited = rules
        .rules()
        .iter()
        .flat_map(|r| r.info.guideline.iter())
        .chain(
            catalogue
                .gaps()
                .iter()
                .flat_map(|g| g.info.guideline.iter()),
        );
    for id in cited {
        let summary = catalogue.guideline_summary(id);
        assert!(
            summary.is_some_and(|s| s.len() > 40),
            "paragraph {id} is cited but not summarised"
        );
    }
    for r in rules.rules() {
        assert_eq!(r.info.guideline.len(), r.info.guideline_summaries.len());
        assert!(
            !r.info.guideline.iter().any(|g| g == "16" || g == "21"),
            "{}: a Convention article in `guideline`",
            r.code()
        );
    }
    let Some(seed) =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed"))
            .ok()
            .and_then(|mut d| d.next())
            .and_then(|e| std::fs::read_to_string(e.ok()?.path()).ok())
    else {
        println!("SKIPPED paragraph numbers against the guidelines: ../shared/seed not found");
        return;
    };
    for p in catalogue.guidelines() {
        let numbered = seed.lines().any(|l| {
            let l = l.trim_start_matches([' ', '-']);
            l.starts_with(&format!("{} ", p.id)) || l.starts_with(&format!("{}. ", p.id))
        });
        assert!(numbered, "paragraph {} is not in the guidelines", p.id);
    }
}

/// A rule citing a paragraph that is not listed is a load error naming it.
#[test]
fn a_rule_citing_an_unlisted_paragraph_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let text = std::fs::read_to_string(rules_dir.join("convention_reference.toml"))
        .unwrap()
        .replacen("guideline = [\"19.5\"]", "guideline = [\"17.1\"]", 1);
    std::fs::write(dir.path().join("convention_reference.toml"), text).unwrap();
    let e = RuleSet::load_dir(dir.path())
        .err()
        .expect("refused")
        .to_string();
    assert!(e.contains("UNE001") && e.contains("17.1"), "{e}");
}
