//! Untrusted input and early-closed output, from the outside: every command
//! piped into a reader that stops (`| head`), the wall-clock budget per file,
//! rule codes that are not ASCII, UTF-16 without a byte-order mark. Each ends
//! in one line and a clear exit code, never a panic.

mod common;
#[path = "support/pdf_writer.rs"]
mod pdf_writer;

use predicates::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::treatyscan;

fn draft(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/rules")
        .join(name)
        .display()
        .to_string()
}

/// Runs treatyscan with its standard output closed before it writes (what
/// `| head -1` does to a long report): status and standard error.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("treatyscan"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["draft_en.txt", "draft_es.txt", "draft_fr.txt"] {
        std::fs::copy(draft(name), dir.path().join(name)).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let (en, es) = (draft("draft_en.txt"), draft("draft_es.txt"));
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &en],
        vec!["check", "--format", "json", &en],
        vec!["check", "--format", "csv", &en],
        vec!["check", "--format", "sarif", &en],
        vec!["parse", &en],
        vec!["parse", "--format", "json", &en],
        vec!["compare", &en, &es],
        vec!["compare", "--format", "html", &en, &es],
        vec!["rules"],
        vec!["rules", "triggers"],
        vec!["corpus", folder],
        vec!["corpus", "--format", "jsonl", folder],
        vec!["corpus", "--format", "table", folder],
    ];
    for args in runs {
        let (code, stderr) = with_closed_stdout(&args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("error") && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
}

fn one_line_error(out: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "one error line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    errors[0].to_string()
}

#[test]
fn a_file_over_the_time_budget_is_named_with_the_limit() {
    let en = draft("draft_en.txt");
    for command in ["check", "parse"] {
        let out = treatyscan()
            .args([command, "--timeout", "0.000001", &en])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let line = one_line_error(&out);
        assert!(
            line.contains("draft_en.txt") && line.contains("limit of 0.000001 s"),
            "{command}: {line}"
        );
    }
    // with a budget to spare, or none, the same file reads
    treatyscan()
        .args(["check", "--timeout", "30", &en])
        .assert()
        .code(1);
    treatyscan()
        .args(["parse", "--timeout", "0", &en])
        .assert()
        .success();
    treatyscan()
        .args(["check", "--timeout", "soon", &en])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a number of seconds"));
}

#[test]
fn corpus_reports_files_over_budget_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["draft_en.txt", "draft_es.txt"] {
        std::fs::copy(draft(name), dir.path().join(name)).unwrap();
    }
    let out = treatyscan()
        .args(["corpus", "--timeout", "0.000001"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "every file failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["draft_en.txt", "draft_es.txt"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error:") && l.contains(name) && l.contains("--timeout")),
            "{stderr}"
        );
    }
    assert!(stderr.contains("coded 0 agreements, 2 failed"), "{stderr}");
}

/// A rule directory: the shipped terms, and the Convention rules edited by
/// `edit` as `name`.
fn rule_dir(name: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    std::fs::copy(rules.join("terms.toml"), dir.path().join("terms.toml")).unwrap();
    let rule = std::fs::read_to_string(rules.join("convention_reference.toml")).unwrap();
    std::fs::write(dir.path().join(name), edit(&rule)).unwrap();
    dir
}

#[test]
fn a_rule_code_with_accents_is_refused_not_sliced() {
    let dir = rule_dir("accented.toml", |rule| {
        let first_code = rule.find("code = \"").unwrap() + "code = \"".len();
        format!("{}ÉÉ01{}", &rule[..first_code], &rule[first_code + 6..])
    });
    for args in [
        vec![
            "check",
            "--rules",
            dir.path().to_str().unwrap(),
            &draft("draft_en.txt"),
        ],
        vec!["rules", "--rules", dir.path().to_str().unwrap()],
    ] {
        let out = treatyscan().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let line = one_line_error(&out);
        assert!(
            line.contains("accented.toml")
                && line.contains("ÉÉ01")
                && line.contains("three capitals"),
            "{line}"
        );
    }
}

#[test]
fn a_rule_with_a_bad_regex_is_one_line() {
    let dir = rule_dir("broken.toml", |rule| {
        let broken = rule.replacen("\"convention|convencion\"", "\"(convention\"", 1);
        assert_ne!(broken, rule);
        broken
    });
    let out = treatyscan()
        .args([
            "check",
            "--rules",
            dir.path().to_str().unwrap(),
            &draft("draft_en.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let line = one_line_error(&out);
    assert!(
        line.contains("broken.toml") && line.contains("UNE001"),
        "{line}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "CAPÍTULO 1\r\n\r\nArtículo 1 - Objeto\r\n\r\nLas Partes reafirman su derecho.\r\n";
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        treatyscan()
            .arg("parse")
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains("Objeto"));
    }
}

/// The ToTA agreements whose human report used to panic on a mark inside a
/// character: every format now renders them (SKIPPED without `../shared`).
#[test]
fn agreements_whose_report_panicked_render_in_every_format() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let path = shared.join("corpus/tota/pta_392.xml");
    for format in ["human", "json", "csv", "sarif"] {
        let out = treatyscan()
            .args(["check", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "{format}");
    }
}

/// `--pdf-limit NAME=VALUE` changes a PDF limit for `check` and `parse`: a
/// two-page PDF is refused with `pages=1`, on one line naming the file and
/// the limit, and read without it; an unknown limit or a bad value is a
/// usage error that names it.
#[test]
fn pdf_limits_are_options() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("two-pages.pdf");
    std::fs::write(&pdf, two_page_pdf()).unwrap();
    let pdf = pdf.display().to_string();
    for command in ["check", "parse"] {
        treatyscan()
            .args([command, &pdf])
            .assert()
            .code(predicate::in_iter([0, 1]));
        treatyscan()
            .args([command, "--pdf-limit", "pages=1", &pdf])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("two-pages.pdf"))
            .stderr(predicate::str::contains("more than 1 pages (the limit)"))
            .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    }
    treatyscan()
        .args(["check", "--pdf-limit", "objects=3", &pdf])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("more than 3 objects"));
    for (bad, says) in [
        ("pagez=1", "unknown PDF limit `pagez`"),
        ("decoded=1X", "`1X`"),
    ] {
        treatyscan()
            .args(["check", "--pdf-limit", bad, &pdf])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

/// A PDF of two pages, one article each, drawn with Helvetica.
fn two_page_pdf() -> Vec<u8> {
    pdf_writer::pages_of_lines(
        &[
            &["Article 1 This Agreement shall not apply to cultural industries."],
            &["Article 2 The Parties shall cooperate on trade in services."],
        ],
        14.0,
    )
}
