//! `treatyscan check` and `treatyscan rules` as a user runs them: exit codes,
//! formats and messages, on the invented drafts in corpus/rules/.

mod common;

use predicates::prelude::*;
use std::path::PathBuf;

fn draft(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/rules")
        .join(name)
        .display()
        .to_string()
}

use common::treatyscan;

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = treatyscan().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// The gap `id` of one file of a `check --format json` report, when open.
fn gap_of<'a>(file: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
    file["gaps"]
        .as_array()
        .and_then(|gaps| gaps.iter().find(|g| g["id"] == id))
}

#[test]
fn findings_exit_1_and_clean_text_exits_0() {
    treatyscan()
        .args(["check", &draft("draft_en.txt")])
        .assert()
        .code(1);
    // without cultural findings, the agreement-level gaps (warnings) still fail…
    treatyscan()
        .args(["check", &draft("clean_en.txt")])
        .assert()
        .code(1);
    // …unless asked about categories only, or told not to fail
    treatyscan()
        .args([
            "check",
            "--category",
            "cultural_exception",
            &draft("clean_en.txt"),
        ])
        .assert()
        .code(0);
    treatyscan()
        .args(["check", "--exit-zero", &draft("draft_en.txt")])
        .assert()
        .code(0);
    treatyscan()
        .args(["check", "--fail-on", "never", &draft("draft_en.txt")])
        .assert()
        .code(0);
    // e-commerce commitments are warnings; the Spanish draft has one (not
    // its first finding: the JSON report, rendered file by file, decides as
    // the human one does)
    for format in ["human", "json"] {
        for (fail_on, code) in [("warning", 1), ("error", 0)] {
            treatyscan()
                .args(["check", "--format", format, "--fail-on", fail_on])
                .arg(draft("draft_es.txt"))
                .assert()
                .code(code);
        }
    }
}

#[test]
fn usage_and_input_errors_exit_2() {
    treatyscan()
        .args(["check", "--category", "culture", &draft("draft_en.txt")])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown category `culture`")
                .and(predicate::str::contains("cultural_exception")),
        );
    // the error is the whole answer: no "0 findings in 0 files" that reads
    // as a clean draft
    treatyscan()
        .args(["check", "/no/such/agreement.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"))
        .stdout(predicate::str::is_empty());
    treatyscan().args(["check"]).assert().code(2);
    treatyscan()
        .args(["check", "--format", "xml", &draft("draft_en.txt")])
        .assert()
        .code(2);
}

#[test]
fn one_unreadable_file_among_good_ones_is_partial() {
    treatyscan()
        .args(["check", &draft("draft_en.txt"), "/no/such/agreement.txt"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains("draft_en.txt"));
}

#[test]
fn unreadable_files_are_named_in_json_and_sarif_reports() {
    // a tool reading the report, not standard error, must see the file it lacks
    let out = treatyscan()
        .args([
            "check",
            "--format",
            "json",
            &draft("draft_en.txt"),
            "/no/such/agreement.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
    assert_eq!(json["errors"][0]["path"], "/no/such/agreement.txt");
    assert_eq!(json["errors"][0]["message"], "no such file");
    let clean = json_of(&["check", "--format", "json", &draft("draft_en.txt")]);
    assert!(
        clean.get("errors").is_none(),
        "no errors key on a clean run"
    );
    let out = treatyscan()
        .args(["check", "--format", "sarif", "/no/such/agreement.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "/no/such/agreement.txt"
    );
}

#[test]
fn bad_rule_directory_exits_2_naming_file_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.toml"),
        "[[rule]]\ncode = \"BAD001\"\ncategory = \"cultural_exception\"\n",
    )
    .unwrap();
    treatyscan()
        .args([
            "check",
            "--rules",
            dir.path().to_str().unwrap(),
            &draft("draft_en.txt"),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.toml").and(predicate::str::contains("BAD001")));
}

#[test]
fn english_draft_findings_by_category() {
    let v = json_of(&["check", "--format", "json", &draft("draft_en.txt")]);
    let findings = v["files"][0]["findings"].as_array().unwrap();
    let of = |category: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f["category"] == category)
            .map(|f| {
                f["provision"]["number"]
                    .as_str()
                    .unwrap_or("preamble")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(of("convention_reference"), ["1.2"]);
    assert_eq!(of("ecommerce"), ["2.1", "2.2", "2.3"]);
    assert_eq!(of("ecommerce_duties"), ["2.2"]);
    assert_eq!(of("ecommerce_nondiscrimination"), ["2.3"]);
    assert_eq!(of("ecommerce_cultural"), ["2.1"]);
    // national treasures (3.1) and subsidies (3.2) are near misses
    assert_eq!(of("cultural_exception"), ["2.1", "3.3"]);
    assert_eq!(of("cultural_cooperation"), ["4.1"]);
    assert_eq!(of("cultural_specificity"), ["preamble"]);
    assert!(of("policy_space").contains(&"preamble".to_string()));
    // every finding carries the provision object with its source_id key
    assert!(findings.iter().all(|f| f["provision"]
        .as_object()
        .unwrap()
        .contains_key("source_id")));
}

#[test]
fn spanish_and_french_drafts_are_read_alike() {
    for name in ["draft_es.txt", "draft_fr.txt"] {
        let v = json_of(&["check", "--format", "json", &draft(name)]);
        let categories: Vec<&str> = v["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["category"].as_str().unwrap())
            .collect();
        for expected in [
            "ecommerce",
            "ecommerce_duties",
            "ecommerce_cultural",
            "cultural_exception",
        ] {
            assert!(
                categories.contains(&expected),
                "{name}: no {expected} in {categories:?}"
            );
        }
    }
    let fr = json_of(&["check", "--format", "json", &draft("draft_fr.txt")]);
    let text = fr.to_string();
    assert!(
        text.contains("convention_reference") && text.contains("policy_space"),
        "{text}"
    );
}

#[test]
fn category_filter_keeps_only_those_categories() {
    let v = json_of(&[
        "check",
        "--format",
        "json",
        "--category",
        "ecommerce_duties",
        &draft("draft_en.txt"),
    ]);
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["rules"][0], "EDU001");
    assert_eq!(findings[0]["line"], 41);
    assert_eq!(findings[0]["column"], 1);
}

#[test]
fn csv_has_one_row_per_finding_and_gap() {
    let json = json_of(&["check", "--format", "json", &draft("draft_en.txt")]);
    let n = json["files"][0]["findings"].as_array().unwrap().len()
        + json["files"][0]["gaps"].as_array().unwrap().len();
    let out = treatyscan()
        .args(["check", "--format", "csv", &draft("draft_en.txt")])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("path,line,column,page,category,"));
    assert_eq!(text.lines().count(), n + 1);
}

#[test]
fn human_output_has_no_colour_when_not_a_terminal() {
    treatyscan()
        .args(["check", &draft("draft_en.txt")])
        .assert()
        .stdout(
            predicate::str::contains("\x1b[")
                .not()
                .and(predicate::str::contains("«")),
        );
}

#[test]
fn rules_lists_and_explains() {
    treatyscan()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("CEX001").and(predicate::str::contains("EDU001")));
    treatyscan()
        .args(["rules", "explain", "cex002"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("national treasures"));
    treatyscan()
        .args(["rules", "explain", "ZZZ999"])
        .assert()
        .code(2);
}

#[test]
fn rules_show_the_words_they_are_looked_for_by() {
    treatyscan()
        .args(["rules", "explain", "END001"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Checked in articles containing")
                .and(predicate::str::contains("“digital product”")),
        );
    let out = treatyscan().args(["rules", "triggers"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"digital product") && lines.contains(&"productos digita"));
    let mut sorted = lines.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(lines, sorted, "sorted, each once");
    assert!(lines
        .iter()
        .all(|l| l.len() <= 20 && *l == l.to_lowercase()));
}

#[test]
fn gaps_travel_in_json_csv_and_sarif() {
    let json = json_of(&["check", "--format", "json", &draft("clean_en.txt")]);
    let gaps = json["files"][0]["gaps"].as_array().unwrap();
    assert!(gaps
        .iter()
        .any(|g| g["id"] == "missing_convention_reference" && g["level"] == "agreement"));
    assert!(gaps
        .iter()
        .all(|g| g["fingerprint"].as_str().is_some_and(|f| f.len() == 16)));
    let csv = treatyscan()
        .args(["check", "--format", "csv", &draft("clean_en.txt")])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&csv.stdout)
        .contains(",missing_policy_space,warning,missing_policy_space,agreement,"));
    let sarif = json_of(&["check", "--format", "sarif", &draft("clean_en.txt")]);
    let ids: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .collect();
    assert!(ids.contains(&"missing_dual_nature"), "{ids:?}");
    // a gap's message and its recommendation are two sentences
    let text = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "missing_convention_reference")
        .and_then(|r| r["message"]["text"].as_str())
        .unwrap();
    assert!(
        text.starts_with("No explicit reference to the 2005 UNESCO Convention")
            && text.contains("Cultural Expressions. Recommendation: Cite"),
        "{text}"
    );
}

/// `check --format json --baseline BASELINE FILE`.
fn json_with_baseline(baseline: &std::path::Path, file: &std::path::Path) -> serde_json::Value {
    json_of(&[
        "check",
        "--format",
        "json",
        "--baseline",
        baseline.to_str().unwrap(),
        file.to_str().unwrap(),
    ])
}

#[test]
fn a_baseline_hides_what_it_knew_even_after_reflowing() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let out = treatyscan()
        .args(["check", "--format", "json", &draft("draft_en.txt")])
        .output()
        .unwrap();
    std::fs::write(&baseline, &out.stdout).unwrap();
    // the same draft reflowed: lines wrapped differently and shifted down
    let original = std::fs::read_to_string(draft("draft_en.txt")).unwrap();
    let reflowed: String = format!("\n\n{}", original.replace(", ", ",\n"));
    let next = dir.path().join("draft_en_r2.txt");
    std::fs::write(&next, reflowed).unwrap();
    let json = json_with_baseline(&baseline, &next);
    assert_eq!(
        json["files"][0]["findings"].as_array().unwrap().len(),
        0,
        "{json}"
    );
    assert_eq!(json["files"][0]["gaps"].as_array().unwrap().len(), 0);
    treatyscan()
        .args([
            "check",
            "--baseline",
            baseline.to_str().unwrap(),
            next.to_str().unwrap(),
        ])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "already in the baseline, not shown: ",
        ))
        .stderr(predicates::str::contains("(s)").not());
    // a new clause is new
    let added = format!(
        "{}\nArticle 9.1: Culture\n\nThis Chapter does not apply to audiovisual services.\n",
        std::fs::read_to_string(&next).unwrap()
    );
    std::fs::write(&next, added).unwrap();
    let json = json_with_baseline(&baseline, &next);
    assert!(!json["files"][0]["findings"].as_array().unwrap().is_empty());
    // a file that is not a baseline is an error naming it
    std::fs::write(dir.path().join("bad.json"), "[1, 2]").unwrap();
    treatyscan()
        .args([
            "check",
            "--baseline",
            dir.path().join("bad.json").to_str().unwrap(),
            &draft("draft_en.txt"),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.json"));
}

/// `corpus/compare/round1.txt` with a chapter put in as Chapter 2: the
/// chapters after it, and their articles, are numbered one up, their text
/// unchanged; `extra` is added as the new chapter's second article.
fn with_a_chapter_put_in(extra: &str) -> String {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/compare/round1.txt"),
    )
    .unwrap();
    let bump = |n: &str| match n.parse::<u32>().unwrap() {
        1 => 1,
        n => n + 1,
    };
    let mut out = String::new();
    for line in text.lines() {
        let line = if let Some(n) = line.strip_prefix("CHAPTER ") {
            format!("CHAPTER {}", bump(n))
        } else if let Some((n, rest)) = line
            .strip_prefix("Article ")
            .and_then(|r| r.split_once('.'))
        {
            format!("Article {}.{rest}", bump(n))
        } else {
            line.to_string()
        };
        if line == "CHAPTER 3" {
            out.push_str("CHAPTER 2\nTRADE IN GOODS\n\nArticle 2.1: National Treatment\n");
            out.push_str(
                "Each Party shall accord national treatment to the goods of the other Party.\n\n",
            );
            out.push_str(extra);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn a_baseline_knows_the_findings_of_renumbered_articles() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("round1.json");
    let round1 = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/compare/round1.txt");
    let out = treatyscan()
        .args(["check", "--format", "json", round1.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::write(&baseline, &out.stdout).unwrap();
    let before: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = before["files"][0]["findings"].as_array().unwrap().len();
    assert!(count >= 6, "{before}");
    let check = |text: &str| {
        let next = dir.path().join("round2.txt");
        std::fs::write(&next, text).unwrap();
        json_with_baseline(&baseline, &next)
    };
    // every article after Chapter 1 renumbered, nothing else changed: nothing new
    let renumbered = with_a_chapter_put_in("");
    assert!(renumbered.contains("Article 5.2: Cultural Industries"));
    let json = check(&renumbered);
    assert_eq!(
        json["files"][0]["findings"],
        serde_json::json!([]),
        "{json}"
    );
    // the cultural exception's sentence again, in the new chapter (before the
    // renumbered one): that one is new, the renumbered one is still known
    let sentence = before["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["category"] == "cultural_exception")
        .and_then(|f| f["excerpt"].as_str())
        .unwrap()
        .to_string();
    let json = check(&with_a_chapter_put_in(&format!(
        "Article 2.2: Culture\n{sentence}\n\n"
    )));
    let shown = json["files"][0]["findings"].as_array().unwrap();
    assert_eq!(shown.len(), 1, "{json}");
    assert_eq!(shown[0]["category"], "cultural_exception");
    assert_eq!(shown[0]["provision"]["path"], "ch2/art2.2");
}

#[test]
fn a_party_the_file_names_can_be_called_developing_though_no_country_table_knows_it() {
    // the Parties of invented and training texts (Arcadia) are named as written
    let v = json_of(&[
        "check",
        "--format",
        "json",
        "--developing",
        "Arcadia",
        &draft("draft_en.txt"),
    ]);
    let file = &v["files"][0];
    // the report says the named Party was taken into account, and not that
    // the Parties are unknown (the undated draft has the date's note too)
    let notes = &file["notes"];
    assert!(
        notes
            .as_array()
            .is_some_and(|n| n.iter().any(|n| n == treatyscan::review::DEVELOPING_NAMED)),
        "{notes}"
    );
    assert!(
        !notes
            .to_string()
            .contains(treatyscan::review::PARTIES_UNKNOWN),
        "{notes}"
    );
    let gap = gap_of(file, "missing_preferential_treatment").expect("gap open for the named Party");
    assert_eq!(gap["evidence"], serde_json::json!(["Arcadia"]));
    // a name that neither a table nor the file knows is still refused
    treatyscan()
        .args(["check", "--developing", "Arcadia", &draft("clean_en.txt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown Party `Arcadia` (use an ISO 3166 alpha-3 code such as PER, or a country name); no file read names it either",
        ));
}

#[test]
fn an_unknown_developing_party_is_a_usage_error_with_a_suggestion() {
    treatyscan()
        .args(["check", "--developing", "Narnia", &draft("draft_en.txt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown Party `Narnia`"));
    treatyscan()
        .args(["check", "--developing", "Peruu", &draft("draft_en.txt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `Peru` (PER)"));
    let v = json_of(&[
        "check",
        "--format",
        "json",
        "--developing",
        "Peru",
        &draft("clean_en.txt"),
    ]);
    let gap = gap_of(&v["files"][0], "missing_preferential_treatment")
        .expect("gap open for a named developing Party");
    assert_eq!(gap["evidence"], serde_json::json!(["PER"]));
}

/// An agreement printed without its signature pages (AANZFTA's PDF) but
/// entering into force on a stated date before the 2017 guidelines was
/// signed before them: the guidelines gap does not concern it.
#[test]
fn a_text_in_force_before_the_2017_guidelines_is_not_asked_to_cite_them() {
    let dir = tempfile::tempdir().unwrap();
    let body = "FREE TRADE AGREEMENT BETWEEN ARCADIA AND BOREALIA\n\n\
                Article 1 Electronic Commerce\n\nNo Party shall impose customs duties on \
                electronic transmissions.\n\n\
                Article 2 Entry into Force\n\nThis Agreement shall enter into\n";
    let gaps_of = |tail: &str| {
        let path = dir.path().join("agreement.txt");
        std::fs::write(&path, format!("{body}{tail}")).unwrap();
        let v = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
        v["files"][0]["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let before = gaps_of("force on 1 July 2009 for any Party that has notified.\n");
    assert!(
        !before.contains(&"missing_guidelines_reference".to_string()),
        "{before:?}"
    );
    let after = gaps_of("force on 1 July 2021 for any Party that has notified.\n");
    assert!(
        after.contains(&"missing_guidelines_reference".to_string()),
        "{after:?}"
    );
}

#[test]
fn an_undated_text_says_the_guidelines_gap_assumes_a_recent_date() {
    // the 2017-guidelines gap opens on a text whose signing date is not
    // found, and the report says why: a signed agreement whose witness
    // clause gives no date (NAFTA's does not), and a text without final
    // clauses (a draft, or the AANZFTA First Protocol of 2014, whose
    // signature pages are images); a text dated before 2017 has neither
    let dir = tempfile::tempdir().unwrap();
    let body = "FREE TRADE AGREEMENT BETWEEN ARCADIA AND BOREALIA\n\n\
                Article 1 Objectives\n\nThe Parties establish a free trade area.\n\n\
                Article 2 Electronic Commerce\n\nNo Party shall impose customs duties on \
                electronic transmissions.\n\n";
    let write = |name: &str, closing: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{body}{closing}")).unwrap();
        path
    };
    let signed = write(
        "signed.txt",
        "IN WITNESS WHEREOF, the undersigned, being duly authorized, have signed this Agreement.\n",
    );
    let draft = write("draft.txt", "");
    let dated = write(
        "dated.txt",
        "IN WITNESS WHEREOF, the undersigned, being duly authorized, have signed this Agreement.\n\n\
         DONE at Arcadia City, this twenty-sixth day of August, 2014.\n",
    );
    // the guidelines gap's presence, and the file's notes
    let review = |path: &std::path::Path| {
        let v = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
        let file = &v["files"][0];
        let gap = file["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["id"] == "missing_guidelines_reference");
        let noted = file["notes"]
            .as_array()
            .is_some_and(|n| n.iter().any(|n| n == treatyscan::review::DATE_UNKNOWN));
        (gap, noted, file["notes"].clone())
    };
    for path in [&signed, &draft] {
        let (gap, noted, notes) = review(path);
        assert!(gap && noted, "{}: {notes}", path.display());
    }
    let (gap, noted, notes) = review(&dated);
    assert!(!gap && !noted, "{notes}");
}

/// A text with no heading and no word of a treaty (a shopping list, a
/// letter) gets no confident gaps: one line, exit 2, as `corpus` refuses it
/// too; a lone clause or a schedule entry is still reviewed, and a schedule
/// without headings is coded by `corpus`.
#[test]
fn a_text_that_is_no_agreement_is_refused_and_a_schedule_without_headings_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    std::fs::write(&list, "Shopping list\n\nmilk, eggs, bread, apples\n").unwrap();
    let out = treatyscan().arg("check").arg(&list).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("list.txt") && stderr.contains("not an agreement?"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let clause = dir.path().join("clause.txt");
    std::fs::write(
        &clause,
        "This Chapter does not apply to audiovisual services.\n",
    )
    .unwrap();
    let out = treatyscan().arg("check").arg(&clause).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // corpus: the list is refused with the same words, the schedule coded
    std::fs::write(
        dir.path().join("schedule.txt"),
        "Sector: Recreational, cultural and sporting services\nObligations concerned: National Treatment\nDescription: Arcadia reserves the right to adopt or maintain any measure with respect to cultural industries.\n",
    )
    .unwrap();
    std::fs::remove_file(&clause).unwrap();
    let (_, csv, stderr) = common::corpus_csv(dir.path());
    assert!(
        csv.contains("schedule.txt") && !csv.contains("list.txt"),
        "{csv}"
    );
    assert!(
        stderr.contains("list.txt") && stderr.contains("not an agreement?"),
        "{stderr}"
    );
}

/// A report written to a file is not a silent run: standard error says
/// where it went and what it holds, the same counts as the report (the JSON
/// report is rendered file by file, and each file then keeps only its most
/// severe finding: the line counts them before).
#[test]
fn a_report_written_to_a_file_says_where_and_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = [draft("draft_en.txt"), draft("draft_fr.txt")];
    let check = |args: &[&str]| {
        treatyscan()
            .arg("check")
            .args(args)
            .args(&drafts)
            .output()
            .unwrap()
    };
    let report = dir.path().join("report.json");
    let out = check(&["--format", "json", "--out", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let count = |key: &str| -> usize {
        json["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f[key].as_array().unwrap().len())
            .sum()
    };
    let (findings, gaps) = (count("findings"), count("gaps"));
    assert!(findings > 1 && gaps > 0, "{json}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        format!(
            "report written to {}: {findings} findings and {gaps} gaps in 2 files",
            report.display()
        )
    );
    // the same line for every format, in the language asked for
    let human = dir.path().join("report.txt");
    let out = check(&["--lang", "es", "--out", human.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("informe guardado en {}: ", human.display()))
            && stderr.contains(&format!("{findings} hallazgos")),
        "{stderr}"
    );
    // standard output: the report says it all, nothing more
    let out = check(&["--format", "json", "--out", "-"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Realworld case 01 (a Markdown draft in sections, no signing formula):
/// its SARIF messages cite the section an article lies in,
/// while each logical location keeps the article's own name; its report
/// says the signing date was not found beside the 2017-guidelines gap.
#[test]
fn shared_case_01_cites_its_section_in_sarif_and_notes_its_unknown_date() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let case = shared.join("cases/realworld/01-markdown-headings-ignored.txt");
    if !case.is_file() {
        println!("SKIPPED: {} not found", case.display());
        return;
    }
    let case = case.to_str().unwrap();
    let sarif = json_of(&["check", "--format", "sarif", case]);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let in_chapter: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| {
            r["message"]["text"]
                .as_str()
                .unwrap()
                .contains("(Section A (OPENNESS AND ELECTRONIC COMMERCE) › Article 11 (")
        })
        .collect();
    assert!(!in_chapter.is_empty(), "{sarif}");
    for r in in_chapter {
        let name = r["locations"][0]["logicalLocations"][0]["name"]
            .as_str()
            .unwrap();
        assert!(name.starts_with("Article 11 ("), "{name}");
    }
    let json = json_of(&["check", "--format", "json", case]);
    let file = &json["files"][0];
    assert!(
        file["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["id"] == "missing_guidelines_reference"),
        "{file}"
    );
    assert!(
        file["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == treatyscan::review::DATE_UNKNOWN),
        "{file}"
    );
}

/// A text whose Parties are not named in its title or preamble ("The
/// Parties to this Agreement") but whose recital provides "special and
/// differential treatment, especially for Cambodia, Lao PDR and Myanmar":
/// those countries are weighed as developing Parties, and the note says so;
/// a donor named before the words of the clause is not one of them.
#[test]
fn countries_the_text_names_for_special_and_differential_treatment_count_as_developing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regional.txt");
    std::fs::write(
        &path,
        "REGIONAL TRADE AGREEMENT\n\nThe Parties to this Agreement,\n\n\
         TAKING ACCOUNT OF the different levels of development among the Parties, including \
         provision for special and differential treatment, especially for Cambodia, Lao PDR \
         and Myanmar;\n\n\
         HAVE AGREED as follows:\n\n\
         Article 1\nObjectives\nThe objectives of this Agreement are to liberalise trade in goods.\n\n\
         Article 2\nTechnical Cooperation\nJapan shall provide technical assistance to least \
         developed country Parties.\n\n\
         Article 3\nEntry into Force\nThis Agreement shall enter into force sixty days after \
         its signature.\n",
    )
    .unwrap();
    let v = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
    let file = &v["files"][0];
    let notes = file["notes"].to_string();
    assert!(
        notes.contains(treatyscan::review::DEVELOPING_READ),
        "{notes}"
    );
    assert!(
        !notes.contains(treatyscan::review::PARTIES_UNKNOWN),
        "{notes}"
    );
    let gap =
        gap_of(file, "missing_preferential_treatment").expect("gap open for the countries named");
    assert_eq!(gap["evidence"], serde_json::json!(["KHM", "LAO", "MMR"]));
    // the Spanish report names them in Spanish
    let out = treatyscan()
        .args(["check", "--lang", "es", path.to_str().unwrap()])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("trato especial y diferenciado"), "{report}");
}

/// RCEP names no Party in its title or preamble, but gives special and
/// differential treatment "especially for Cambodia, Lao PDR, Myanmar, and
/// Viet Nam": its preferential-treatment gap is weighed for them.
#[test]
fn shared_rcep_developing_parties_are_read_from_its_preamble() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let path = shared.join("corpus/pdf-real/rcep-2020.pdf");
    let v = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
    let gap = gap_of(&v["files"][0], "missing_preferential_treatment")
        .expect("gap open for RCEP's developing Parties");
    assert_eq!(
        gap["evidence"],
        serde_json::json!(["KHM", "LAO", "MMR", "VNM"])
    );
}

/// A clause that grants preferential treatment, in those words, to a
/// developing Party's artists and cultural goods and services (Article 16 of
/// the Convention written into the agreement) is a preferential-treatment
/// finding, and closes the gap that its absence opens.
#[test]
fn preferential_treatment_granted_in_so_many_words_closes_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let base = "AGREEMENT BETWEEN THE REPUBLIC OF SENEGAL AND THE KINGDOM OF MOROCCO\n\n\
        CHAPTER 1\nGENERAL PROVISIONS\n\n\
        Article 1\nObjective\nThe Parties establish a free trade area.\n\n\
        Article 2\nServices\nEach Party shall accord national treatment to services of the other Party.\n";
    let clause =
        "\nArticle 3\nCultural Cooperation\nThe Kingdom of Morocco shall grant preferential \
        treatment to artists and other cultural professionals of Senegal, as well as to Senegalese \
        cultural goods and services.\n";
    let gap_open = |text: &str, name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let v = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
        let file = &v["files"][0];
        let prf004 = file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rules"].to_string().contains("PRF004"));
        let gap = gap_of(file, "missing_preferential_treatment").is_some();
        (prf004, gap)
    };
    assert_eq!(gap_open(base, "without.txt"), (false, true));
    assert_eq!(
        gap_open(&format!("{base}{clause}"), "with.txt"),
        (true, false)
    );
}
