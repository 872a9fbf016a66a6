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
    assert_eq!(findings[0].rule_codes(), ["TST001"]);
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

/// A copy of `rules/` whose gap file changes a suggested clause: the report
/// follows the copy, so gaps are data as much as rules are.
#[test]
fn a_rules_copy_with_an_edited_gap_clause_changes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(&rules_dir).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.file_name().is_some_and(|n| n == "gaps.toml") {
            text = text.replacen(
                "clause.en = \"Reaffirming their commitments",
                "clause.en = \"EDITED: Reaffirming their commitments",
                1,
            );
        }
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    let edited = RuleSet::load_dir(dir.path()).unwrap();
    let agreement = treatyscan::source::load_bytes(
        Path::new("draft.txt"),
        b"Article 1\n\nThe Parties hereby establish a free trade area.\n",
    )
    .unwrap();
    let options = treatyscan::review::ReviewOptions::default();
    let clause = |rules: &RuleSet| {
        treatyscan::review::review(rules, &agreement, "draft.txt", &options)
            .gaps
            .into_iter()
            .find(|g| g.id == "missing_convention_reference")
            .expect("gap open")
            .suggested_clause
    };
    assert!(clause(&edited).starts_with("EDITED: "));
    assert!(clause(&RuleSet::builtin().unwrap()).starts_with("Reaffirming"));
}

/// A gap naming a category nobody declared is a load error with the file,
/// the line and column of the gap, its id and the reason.
#[test]
fn a_gap_with_an_unknown_category_names_file_line_and_gap() {
    let dir = tempfile::tempdir().unwrap();
    let gaps =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/gaps.toml"))
            .unwrap()
            .replacen(
                "absent = [\"policy_space\"]",
                "absent = [\"policy_spaec\"]",
                1,
            );
    std::fs::write(dir.path().join("gaps.toml"), &gaps).unwrap();
    let e = RuleSet::load_dir(dir.path())
        .err()
        .expect("load fails")
        .to_string();
    let line = gaps
        .lines()
        .position(|l| l == "id = \"missing_policy_space\"")
        .unwrap();
    assert!(
        e.contains("gaps.toml:")
            && e.contains("gap missing_policy_space")
            && e.contains("unknown category `policy_spaec`"),
        "{e}"
    );
    // the gap's table starts on the line after its `[[gap]]` header at the latest
    let at: usize = e.split(':').nth(1).unwrap().parse().unwrap();
    assert!(
        at.abs_diff(line + 1) <= 1,
        "{e} (gap id on line {})",
        line + 1
    );
}

/// A fault inside one rule is reported at its line, with the rule's code.
#[test]
fn a_rule_field_error_names_line_column_and_code() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[rule]]\ncode = \"TST001\"\ncategory = \"cultural_exception\"\ntitel = \"x\"\n";
    std::fs::write(dir.path().join("test.toml"), text).unwrap();
    let e = RuleSet::load_dir(dir.path())
        .err()
        .expect("load fails")
        .to_string();
    assert!(
        e.contains("test.toml:4:1: rule TST001:") && e.contains("titel"),
        "{e}"
    );
}

#[test]
fn a_rule_with_english_only_falls_back_to_english() {
    use treatyscan::locale::Lang;
    let rules = load_with(GOOD_RULE).unwrap();
    let info = &rules.rules()[0].info;
    for lang in Lang::ALL {
        assert_eq!(info.title_in(lang), "test rule");
        assert_eq!(info.message_in(lang), "m");
        assert_eq!(info.explanation_in(lang), "e");
    }
    // the built-in guideline summary of 19.4 is translated even so
    assert_ne!(
        info.guideline_summaries_in(Lang::Es),
        info.guideline_summaries_in(Lang::En)
    );
}

#[test]
fn a_partial_translation_keeps_english_for_the_rest() {
    use treatyscan::locale::Lang;
    let file = GOOD_RULE.replace(
        "explanation = \"e\"",
        "explanation = \"e\"\nes.title = \"regla de prueba\"\nfr.message = \"message\"",
    );
    let rules = load_with(&file).unwrap();
    let info = &rules.rules()[0].info;
    assert_eq!(info.title_in(Lang::Es), "regla de prueba");
    assert_eq!(info.message_in(Lang::Es), "m");
    assert_eq!(info.title_in(Lang::Fr), "test rule");
    assert_eq!(info.message_in(Lang::Fr), "message");
}

#[test]
fn a_misspelt_translation_key_is_refused() {
    let e = error_of(&GOOD_RULE.replace(
        "explanation = \"e\"",
        "explanation = \"e\"\nes.titel = \"regla\"",
    ));
    assert!(e.contains("TST001") && e.contains("titel"), "{e}");
}

#[test]
fn every_shipped_rule_gap_paragraph_and_category_has_its_spanish_and_french() {
    use treatyscan::locale::Lang;
    let rules = RuleSet::builtin().unwrap();
    for lang in [Lang::Es, Lang::Fr] {
        for r in rules.rules() {
            let w = r.spec.wording(lang).unwrap_or_else(|| {
                panic!("{}: no {lang} wording", r.code());
            });
            assert!(
                w.title.is_some() && w.message.is_some() && w.explanation.is_some(),
                "{}: {lang} wording incomplete",
                r.code()
            );
            assert_ne!(r.info.title_in(lang), r.info.title, "{}", r.code());
        }
        let catalogue = rules.catalogue();
        for g in catalogue.gaps() {
            let i = &g.info;
            assert!(
                i.message_in(lang) != i.message
                    && i.explanation_in(lang) != i.explanation
                    && i.recommendation_in(lang) != i.recommendation,
                "{}: {lang} wording missing",
                i.id
            );
        }
        for p in catalogue.guidelines() {
            assert_ne!(p.summary_in(lang), p.summary, "paragraph {}", p.id);
        }
        for c in catalogue.categories() {
            assert_ne!(c.label_in(lang), c.label, "category {}", c.category);
        }
    }
}
