//! Reservation lists, exclusion lists, schedules, cooperation chapters and
//! non-binding moratorium recitals, as `check` reports them: on small invented
//! fixtures (en, es, fr) that always run, and on the shared realworld cases
//! when `../shared` is there.

mod common;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(name)
}

/// The report of `check --format json ARGS FILE`.
fn check_json(path: &Path, args: &[&str]) -> serde_json::Value {
    let out = common::treatyscan()
        .args(["check", "--format", "json"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// `check --format json` of one file: (category, article number, line) per
/// finding, and the gap ids.
fn check(path: &Path) -> (Vec<(String, String, u64)>, Vec<String>) {
    let v = check_json(path, &[]);
    let file = &v["files"][0];
    let findings = file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["category"].as_str().unwrap().to_string(),
                f["provision"]["number"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let gaps = file["gaps"]
        .as_array()
        .map(|g| {
            g.iter()
                .map(|g| g["id"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    (findings, gaps)
}

fn articles_of(findings: &[(String, String, u64)], category: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.0 == category)
        .map(|f| f.1.clone())
        .collect()
}

#[test]
fn reservation_chapeau_is_read_with_its_lettered_items() {
    let (findings, gaps) = check(&fixture("reservation_list_en.txt"));
    assert_eq!(articles_of(&findings, "cultural_exception"), ["7-B"]);
    assert_eq!(articles_of(&findings, "policy_space"), ["7-B"]);
    assert!(
        !gaps.iter().any(|g| g == "missing_policy_space"),
        "{gaps:?}"
    );
}

/// A GATS-style schedule that leaves audiovisual services unbound in modes 1
/// to 3 keeps them out of its commitments; the entertainment entry, with
/// "None" in modes 2 and 3, commits the Party and is no carve-out.
#[test]
fn a_cultural_sector_left_unbound_in_a_schedule_of_commitments_counts() {
    for (name, line) in [
        ("schedule_unbound_en.txt", 10),
        ("schedule_unbound_es.txt", 10),
    ] {
        let (findings, _) = check(&fixture(name));
        let lines: Vec<u64> = findings
            .iter()
            .filter(|f| f.0 == "cultural_exception")
            .map(|f| f.2)
            .collect();
        assert_eq!(lines, [line], "{name}: {findings:?}");
    }
}

#[test]
fn exclusion_list_with_dashes_is_read_past_its_first_item() {
    let (findings, _) = check(&fixture("exclusion_list_es.txt"));
    assert_eq!(articles_of(&findings, "cultural_exception"), ["4"]);
}

#[test]
fn a_moratorium_recital_is_not_a_duty_ban() {
    let (findings, gaps) = check(&fixture("moratorium_recital_en.txt"));
    assert!(articles_of(&findings, "ecommerce_duties").is_empty());
    assert_eq!(articles_of(&findings, "ecommerce"), ["9.4"]);
    assert_eq!(articles_of(&findings, "policy_space"), ["9.4"]);
    assert!(!gaps
        .iter()
        .any(|g| g == "ecommerce_without_cultural_carveout"));
}

#[test]
fn the_binding_paragraph_is_cited_not_the_recital() {
    let (findings, gaps) = check(&fixture("moratorium_binding_en.txt"));
    let duties: Vec<_> = findings
        .iter()
        .filter(|f| f.0 == "ecommerce_duties")
        .collect();
    assert_eq!(duties.len(), 1);
    assert_eq!(duties[0].2, 9, "cites paragraph 2 (line 9)");
    assert!(gaps
        .iter()
        .any(|g| g == "ecommerce_without_cultural_carveout"));
}

/// The messages of `category`'s findings in `check --format json --lang LANG`.
fn messages(path: &Path, category: &str, lang: &str) -> Vec<String> {
    check_json(path, &["--lang", lang])["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == category)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// Case 12's reservation keeps a right "to adjust the practice": the finding
/// says so, and calls it no reservation of measures in a sector.
#[test]
fn a_right_to_adjust_a_practice_is_reported_as_such() {
    for (lang, want) in [
        ("en", "reserves a Party's right to adopt, maintain or change measures or practices"),
        ("es", "reserva el derecho de una Parte a adoptar, mantener o modificar medidas o prácticas"),
        ("fr", "réserve le droit d'une Partie d'adopter, de maintenir ou de modifier des mesures ou des pratiques"),
    ] {
        let got = messages(&fixture("moratorium_recital_en.txt"), "policy_space", lang);
        assert_eq!(got, [want], "{lang}");
    }
}

/// "Nothing in this Chapter applies to …", in the present tense, is a
/// carve-out as "shall apply" is: the exception is found, and no gap says
/// the agreement has none.
#[test]
fn a_carve_out_in_the_present_tense_is_an_exception() {
    for name in ["carve_out_present_en.txt", "carve_out_present_es.txt"] {
        let (findings, gaps) = check(&fixture(name));
        assert_eq!(
            articles_of(&findings, "cultural_exception"),
            ["8.1"],
            "{name}"
        );
        assert!(
            !gaps.iter().any(|g| g == "missing_cultural_exception"),
            "{name}: {gaps:?}"
        );
    }
}

#[test]
fn every_cooperation_article_of_a_coproduction_chapter_counts() {
    let (findings, _) = check(&fixture("coproduction_chapter_en.txt"));
    // definitions, approval and commission count; the cross-reference in 1.1
    // and the dispute-settlement article do not
    assert_eq!(
        articles_of(&findings, "cultural_cooperation"),
        ["5.1", "5.2", "5.3"]
    );
}

#[test]
fn a_french_cultural_cooperation_chapter_counts_without_its_final_clause() {
    let (findings, _) = check(&fixture("cooperation_culturelle_fr.txt"));
    assert_eq!(
        articles_of(&findings, "cultural_cooperation"),
        ["6.1", "6.2"]
    );
}

fn shared_case(name: &str) -> Option<PathBuf> {
    let dir = common::shared_dir()?.join("cases/realworld");
    let path = dir.join(name);
    if path.is_file() {
        Some(path)
    } else {
        println!("SKIPPED: {} not found", path.display());
        None
    }
}

#[test]
fn shared_case_06_reservation_list() {
    let Some(path) = shared_case("06-reservation-list-cultural-sectors.txt") else {
        return;
    };
    let (findings, gaps) = check(&path);
    assert!(!articles_of(&findings, "cultural_exception").is_empty());
    assert!(!articles_of(&findings, "policy_space").is_empty());
    assert!(
        !gaps.iter().any(|g| g == "missing_policy_space"),
        "{gaps:?}"
    );
}

#[test]
fn shared_case_08_dash_list() {
    let Some(path) = shared_case("08-dash-list-cultural-item-not-first.txt") else {
        return;
    };
    let (findings, _) = check(&path);
    assert_eq!(articles_of(&findings, "cultural_exception"), ["4"]);
}

#[test]
fn shared_case_12_moratorium_recital() {
    let Some(path) = shared_case("12-moratorium-recital-flagged-as-binding.txt") else {
        return;
    };
    let (findings, gaps) = check(&path);
    assert!(articles_of(&findings, "ecommerce_duties").is_empty());
    assert!(!articles_of(&findings, "ecommerce").is_empty());
    assert!(!articles_of(&findings, "policy_space").is_empty());
    // nothing in the chapter binds: it liberalises nothing either
    for gap in [
        "ecommerce_without_cultural_carveout",
        "missing_cultural_exception",
    ] {
        assert!(!gaps.iter().any(|g| g == gap), "{gap}: {gaps:?}");
    }
    assert_eq!(
        messages(&path, "policy_space", "en"),
        ["reserves a Party's right to adopt, maintain or change measures or practices"]
    );
}

/// `check --format json` notes of one file.
fn notes(path: &Path) -> Vec<String> {
    check_json(path, &[])["files"][0]["notes"]
        .as_array()
        .map(|n| {
            n.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// A schedule flattened to text, with no heading: each `Secteur :` /
/// `Sector:` entry is its own unit, so the audiovisual reservation is found
/// in its own entry and words of unrelated entries are not joined (the
/// temporary entry of one entry and the entertainment services of another
/// are not an entry of artists; the obligations of the legal services entry
/// are not the cultural sector's). The report says structure was not found.
#[test]
fn a_flattened_schedule_is_read_entry_by_entry() {
    for (name, cultural_entry, policy_entries) in [
        ("flattened_schedule_en.txt", "3", ["2", "3"]),
        ("flattened_schedule_fr.txt", "3", ["2", "3"]),
    ] {
        let (findings, _) = check(&fixture(name));
        assert_eq!(
            articles_of(&findings, "cultural_exception"),
            [cultural_entry],
            "{name}: {findings:?}"
        );
        assert_eq!(
            articles_of(&findings, "policy_space"),
            policy_entries,
            "{name}"
        );
        assert!(
            articles_of(&findings, "preferential_treatment").is_empty(),
            "{name}: {findings:?}"
        );
        let notes = notes(&fixture(name));
        assert!(
            notes.iter().any(|n| n.starts_with("structure not found")),
            "{name}: {notes:?}"
        );
    }
}

/// A document with headings says nothing about structure.
#[test]
fn a_structured_document_has_no_structure_note() {
    let notes = notes(&fixture("reservation_list_en.txt"));
    assert!(
        !notes.iter().any(|n| n.starts_with("structure not found")),
        "{notes:?}"
    );
}

/// A schedule published on its own under its annex heading ("ANNEX II" /
/// "SCHEDULE OF …", then `Sector:` entries) has its structure: the annex
/// holds the entries, and the report does not say structure was not found.
#[test]
fn a_schedule_under_its_annex_heading_has_no_structure_note() {
    let entries = "Sector: Cultural Industries\n\
        Obligations Concerned: National Treatment (Article 9.3)\n\
        Description: Costalina reserves the right to adopt or maintain any measure that affects cultural industries.\n\n\
        Sector: Fisheries\n\
        Obligations Concerned: National Treatment (Article 9.3)\n\
        Description: Costalina reserves the right to adopt or maintain any measure relating to fishing.\n";
    let notes_of = |text: &str| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.txt");
        std::fs::write(&path, text).unwrap();
        notes(&path)
    };
    let under_annex = notes_of(&format!("ANNEX II\nSCHEDULE OF COSTALINA\n\n{entries}"));
    assert!(
        !under_annex
            .iter()
            .any(|n| n.starts_with("structure not found")),
        "{under_annex:?}"
    );
    // the same entries with no heading: the note stays
    let bare = notes_of(entries);
    assert!(
        bare.iter().any(|n| n.starts_with("structure not found")),
        "{bare:?}"
    );
}

/// A reservation list whose chapeau ("in the sectors listed below, Arcadia
/// may adopt or maintain any measure … Article 8.1 …") is followed by a
/// sentence that qualifies it before the list: the items are read with it,
/// numbers with dots inside and all; a near miss in a later item
/// ("equipment") rules out only that item, not the cultural one before it.
#[test]
fn a_reservation_chapeau_qualified_by_a_further_sentence_still_introduces_its_list() {
    let (findings, _) = check(&fixture("reservation-chapeau-qualified-en.txt"));
    assert_eq!(
        articles_of(&findings, "cultural_exception"),
        ["1"],
        "{findings:?}"
    );
}

/// A reservation list for investment whose ratchet sentence names "this
/// Agreement" is a cultural exception, but it does not reach the e-commerce
/// chapter's duty ban: the carve-out gap stays open. (An exception that
/// itself says "Nothing in this Agreement …" reaches it.)
#[test]
fn a_reservation_with_a_ratchet_naming_this_agreement_does_not_reach_ecommerce() {
    let (findings, gaps) = check(&fixture("reservation-ratchet-ecommerce-en.txt"));
    assert!(
        findings.iter().any(|f| f.0 == "cultural_exception"),
        "{findings:?}"
    );
    assert!(
        gaps.iter()
            .any(|g| g == "ecommerce_without_cultural_carveout"),
        "{gaps:?}"
    );
}
