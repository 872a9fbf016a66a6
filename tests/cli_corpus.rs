//! `treatyscan corpus`: a folder in, a matrix out; bad files reported, the run
//! carried on, and the same output whatever the thread count.

mod common;

use predicates::prelude::*;
use std::path::Path;

use common::treatyscan;

/// Good agreements in three languages among bad and irrelevant files.
fn mixed_folder(dir: &Path) {
    for name in [
        "en-digital-partnership-draft.txt",
        "es-acuerdo-comercio-cultura.txt",
        "fr-accord-partenariat.txt",
    ] {
        std::fs::copy(common::corpus_file(name), dir.join(name)).unwrap();
    }
    std::fs::create_dir(dir.join("drafts")).unwrap();
    std::fs::copy(
        common::corpus_file("gaps/en-base-draft.txt"),
        dir.join("drafts/round3.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("photo.pdf"), b"%PDF-1.4\n\x00\x01garbage").unwrap();
    std::fs::write(
        dir.join("notes.txt"),
        "Buy milk, call the ministry, book the hall.\n",
    )
    .unwrap();
    std::fs::write(dir.join("minutes.rst"), "not an agreement, not picked").unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("dangling.txt")).unwrap();
}

#[test]
fn a_mixed_folder_is_coded_and_the_failures_named() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = treatyscan()
        .args(["corpus", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "partial run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for bad in ["empty.txt", "photo.pdf", "notes.txt", "dangling.txt"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error:") && l.contains(bad)),
            "{bad} reported: {stderr}"
        );
    }
    assert!(
        stderr.contains("coded 4 agreement(s), 4 failed, 1 skipped"),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("skipped:")
                && l.contains("minutes.rst: unsupported extension .rst")),
        "the skipped file named with its reason: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5, "header and four agreements: {csv}");
    let header: Vec<&str> = lines[0].split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row: Vec<&str> = lines
        .iter()
        .find(|l| l.contains("en-digital"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(row[col("ecommerce_duties")], "1");
    assert_eq!(row[col("convention_reference")], "1");
    assert_eq!(row[col("ecommerce_duties_first")], "3.2");
    let draft: Vec<&str> = lines
        .iter()
        .find(|l| l.contains("round3"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(draft[col("gap_ecommerce_without_cultural_carveout")], "1");
}

#[test]
fn one_thread_and_all_threads_give_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let run = |threads: &str| {
        let out = treatyscan()
            .args(["corpus", "--format", "jsonl", "--threads", threads])
            .arg(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let one = run("1");
    assert!(one.lines().count() >= 8);
    assert_eq!(one, run("4"));
}

#[test]
fn missing_folder_and_unwritable_output_exit_2() {
    treatyscan()
        .args(["corpus", "/no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/folder: no such folder"));
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    treatyscan()
        .args(["corpus", "--out", "/no/such/dir/matrix.csv"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("matrix.csv: cannot write"));
    treatyscan()
        .args(["corpus"])
        .arg(common::corpus_file("fr-accord-partenariat.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a folder"));
}

#[test]
fn by_year_on_real_agreements_writes_a_csv_and_a_chart() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("years.csv");
    treatyscan()
        .args(["corpus", "--by-year", "--glob", "pta_4*.xml", "--out"])
        .arg(&out)
        .arg(shared.join("corpus/tota"))
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("year,agreements,with_cultural_clause"));
    let total: usize = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(
        total, 62,
        "pta_4, pta_40..49 and pta_400..450 all have a date"
    );
    let svg = std::fs::read_to_string(dir.path().join("years.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("year signed"));
}
