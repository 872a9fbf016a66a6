//! A bad rule file fails to load, naming the file, the rule and the reason.

use std::path::Path;
use treatyscan::rules::{RuleError, RuleSet};

const GOOD_RULE: &str = r#"
[[rule]]
code = "TST001"
category = "cultural_exception"
title = "test rule"
languages = ["en"]
severity = "info"
guideline = ["19.4"]
scope = ["anywhere"]
within = "sentence"
any = ["cultural industries"]
message = "m"
explanation = "e"
examples.match = ["cultural industries"]
"#;

fn load_with(rule_file: &str) -> Result<RuleSet, RuleError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("test.toml"), rule_file).unwrap();
    RuleSet::load_dir(dir.path())
}

fn error_of(rule_file: &str) -> String {
    match load_with(rule_file) {
        Ok(_) => panic!("rule file loaded but should not:\n{rule_file}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_good_rule_loads() {
    let rules = load_with(GOOD_RULE).unwrap();
    assert_eq!(rules.rules().len(), 1);
}

#[test]
fn bad_regex_names_file_rule_and_pattern() {
    let e = error_of(&GOOD_RULE.replace(
        r#"any = ["cultural industries"]"#,
        r#"any = ["cultural (industries"]"#,
    ));
    assert!(
        e.contains("test.toml") && e.contains("TST001") && e.contains("`any` pattern"),
        "{e}"
    );
}

#[test]
fn unknown_category_is_refused() {
    let e = error_of(&GOOD_RULE.replace("\"cultural_exception\"", "\"culture_stuff\""));
    assert!(
        e.contains("TST001") && e.contains("unknown category `culture_stuff`"),
        "{e}"
    );
}

#[test]
fn missing_field_names_the_rule() {
    let e = error_of(&GOOD_RULE.replace("severity = \"info\"\n", ""));
    assert!(
        e.contains("test.toml") && e.contains("TST001") && e.contains("severity"),
        "{e}"
    );
}

#[test]
fn unknown_field_scope_and_term_are_refused() {
    let e = error_of(&GOOD_RULE.replace("title = ", "titel = \"x\"\ntitle = "));
    assert!(e.contains("titel"), "{e}");
    let e = error_of(&GOOD_RULE.replace(r#"scope = ["anywhere"]"#, r#"scope = ["annexes"]"#));
    assert!(e.contains("unknown scope `annexes`"), "{e}");
    let e = error_of(&GOOD_RULE.replace(
        "cultural industries\"]\nmessage",
        "{no_such_term}\"]\nmessage",
    ));
    assert!(e.contains("unknown term"), "{e}");
}

#[test]
fn duplicate_codes_are_refused() {
    let e = error_of(&format!("{GOOD_RULE}\n{GOOD_RULE}"));
    assert!(e.contains("duplicate rule code"), "{e}");
}

#[test]
fn empty_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(RuleSet::load_dir(dir.path()).is_err());
    assert!(RuleSet::load_dir(Path::new("/no/such/dir")).is_err());
}

#[test]
fn the_shipped_directory_loads_like_the_embedded_rules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let from_dir = RuleSet::load_dir(&dir).unwrap();
    let builtin = RuleSet::builtin().unwrap();
    let codes = |r: &RuleSet| {
        r.rules()
            .iter()
            .map(|r| r.code().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&from_dir), codes(&builtin));
}

/// A rule whose patterns have no literal to look for (here, a heading rule)
/// is checked in every article, including those where no rule's words occur.
#[test]
fn a_rule_without_literals_still_finds() {
    let rules = load_with(
        &GOOD_RULE
            .replace(
                r#"any = ["cultural industries"]"#,
                r#"title_any = ["^[a-z]+$"]"#,
            )
            .replace(
                r#"examples.match = ["cultural industries"]"#,
                r#"examples.match = ["For the purposes of this Agreement"]"#,
            ),
    )
    .unwrap();
    assert!(rules.trigger_literals("TST001").is_empty());
    let agreement = treatyscan::source::load_bytes(
        Path::new("draft.txt"),
        b"Article 1 Definitions\nFor the purposes of this Agreement, nothing applies.\n",
    )
    .unwrap();
    let findings = rules.check(&agreement);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rules, ["TST001"]);
}

/// A bad scope title in terms.toml names the file, the scope and the problem,
/// though scope titles are compiled together.
#[test]
fn bad_scope_title_names_the_scope() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("test.toml"), GOOD_RULE).unwrap();
    std::fs::write(
        dir.path().join("terms.toml"),
        "[scopes.annexes]\ntitle = \"annex(es\"\n",
    )
    .unwrap();
    let e = RuleSet::load_dir(dir.path())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.contains("terms.toml") && e.contains("scope `annexes`") && e.contains("unclosed group"),
        "{e}"
    );
}
