//! `treatyscan parse`: formats, exit codes, and one clear line for bad input.

mod common;

use predicates::prelude::*;
use std::io::Write;

use common::treatyscan;

fn bad_input(path: &std::path::Path, expected: &str) {
    let out = treatyscan()
        .arg("parse")
        .arg(path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(stderr.contains(expected), "says {expected:?}: {stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn json_keeps_the_documented_field_names() {
    let out = treatyscan()
        .args(["parse", "--format", "json"])
        .arg(common::corpus_file("en-digital-partnership-draft.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let chapter = &v["provisions"][2]["children"][1];
    assert_eq!(chapter["kind"], "chapter");
    assert_eq!(chapter["number"], "3");
    assert_eq!(chapter["title"], "ELECTRONIC COMMERCE");
    let article = &chapter["children"][1];
    assert_eq!(article["kind"], "article");
    assert_eq!(article["number"], "3.2");
    assert_eq!(article["line"], 92);
    assert_eq!(article["path"], "part-ii/ch3/art3.2");
    assert!(article["children"].is_array());
}

#[test]
fn tota_xml_carries_metadata_and_source_ids() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let out = treatyscan()
        .args(["parse", "--format", "json"])
        .arg(shared.join("corpus/tota/pta_145.xml"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["metadata"]["language"], "en");
    assert_eq!(v["metadata"]["date_signed"], "2010-10-06");
    assert!(v["metadata"]["parties"].as_array().unwrap().len() > 20);
    let first_chapter = &v["provisions"][1];
    assert_eq!(first_chapter["kind"], "chapter");
    assert_eq!(first_chapter["children"][0]["number"], "1.1");
    assert!(first_chapter["children"][0]["source_id"].is_string());
}

#[test]
fn reads_windows_1252_and_utf16_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let latin = dir.path().join("borrador.txt");
    std::fs::write(
        &latin,
        b"CAP\xcdTULO 1\r\nDISPOSICIONES\r\n\r\nArt\xedculo 1.1: Definiciones\r\n\r\nTexto.\r\n",
    )
    .unwrap();
    treatyscan()
        .arg("parse")
        .arg(&latin)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "article 1.1 — Definiciones  [line 4]",
        ));
    let utf16 = dir.path().join("projet.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "CHAPITRE 1\r\n\r\nArticle premier - Objet\r\n\r\nTexte.\r\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    treatyscan()
        .arg("parse")
        .arg(&utf16)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "article premier — Objet  [line 3]",
        ));
    // the outline in the reader's language: kinds and "line" translated,
    // numbers and titles as the text writes them
    treatyscan()
        .args(["parse", "--lang", "fr"])
        .arg(&utf16)
        .assert()
        .success()
        .stdout(predicate::str::contains("chapitre 1  [ligne 1]"))
        .stdout(predicate::str::contains(
            "article premier — Objet  [ligne 3]",
        ));
    treatyscan()
        .args(["parse", "--lang", "es"])
        .arg(&latin)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "artículo 1.1 — Definiciones  [línea 4]",
        ));
}

#[test]
fn bad_inputs_get_one_clear_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);

    bad_input(&p("missing.txt"), "no such file");
    bad_input(dir.path(), "is a directory");

    std::fs::write(p("empty.txt"), b"").unwrap();
    bad_input(&p("empty.txt"), "empty");

    std::fs::write(p("blank.txt"), b"  \n\n \t\n").unwrap();
    bad_input(&p("blank.txt"), "empty");

    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(p("garbage.bin"), &garbage).unwrap();
    bad_input(&p("garbage.bin"), "binary");
    // the same bytes named .pdf (a broken download): said to be no PDF, not
    // merely binary data
    std::fs::write(p("download.pdf"), &garbage).unwrap();
    bad_input(&p("download.pdf"), "not a PDF (no %PDF- header");

    std::fs::write(
        p("broken.xml"),
        b"<?xml version=\"1.0\"?><treaty><meta><name>X</name></meta><body><chapter><article>text",
    )
    .unwrap();
    bad_input(&p("broken.xml"), "malformed XML");

    std::fs::write(
        p("other.xml"),
        b"<?xml version=\"1.0\"?><html><body>hi</body></html>",
    )
    .unwrap();
    bad_input(&p("other.xml"), "not a ToTA agreement");

    std::fs::write(
        p("corrupt.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n",
    )
    .unwrap();
    bad_input(&p("corrupt.pdf"), "PDF");

    let big = std::fs::File::create(p("huge.txt")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap(); // sparse: costs no disk
    bad_input(&p("huge.txt"), "200 MB");
}

#[test]
fn usage_errors_exit_2() {
    treatyscan().args(["parse"]).assert().code(2);
    treatyscan()
        .args(["parse", "x.txt", "--format", "yaml"])
        .assert()
        .code(2);
    treatyscan().args(["frobnicate"]).assert().code(2);
}

#[test]
fn help_exits_0() {
    treatyscan()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("parse"));
}

#[test]
fn closed_pipe_is_not_an_error() {
    // a consumer that stops reading must not make us print an error
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_treatyscan"))
        .arg("parse")
        .arg(common::corpus_file("en-digital-partnership-draft.txt"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let _ = std::io::stderr().flush();
}
