//! `treatyscan compare` from the outside: exit codes, bad input, output formats.

use assert_cmd::Command;
use std::collections::HashSet;

const ROUND1: &str = "corpus/compare/round1.txt";
const ROUND2: &str = "corpus/compare/round2.txt";

fn treatyscan() -> Command {
    let mut cmd = Command::cargo_bin("treatyscan").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

#[test]
fn the_same_agreement_twice_exits_clean() {
    let out = treatyscan()
        .args(["compare", ROUND1, ROUND1])
        .assert()
        .code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("15 matched pairs (15 unchanged)"),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn differences_exit_with_findings() {
    treatyscan()
        .args(["compare", ROUND1, ROUND2])
        .assert()
        .code(1);
}

fn fails_naming(args: &[&str], name: &str) {
    let out = treatyscan().args(args).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(name), "names {name}: {stderr}");
}

#[test]
fn bad_input_is_one_line_naming_the_file_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let corrupt = dir.path().join("broken.xml");
    std::fs::write(
        &corrupt,
        "<?xml version=\"1.0\"?>\n<treaty><body><chapter><article>text",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    fails_naming(&["compare", ROUND1, "no/such/file.txt"], "no/such/file.txt");
    fails_naming(&["compare", d, ROUND1], d);
    fails_naming(&["compare", ROUND1, empty.to_str().unwrap()], "empty.txt");
    fails_naming(
        &["compare", corrupt.to_str().unwrap(), ROUND1],
        "broken.xml",
    );
}

#[test]
fn json_has_the_change_model() {
    let out = treatyscan()
        .args(["compare", "--format", "json", ROUND1, ROUND2])
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    for key in ["a", "b", "summary", "delta", "changes"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let first = &v["changes"][0];
    for key in [
        "kind",
        "a",
        "b",
        "text_changed",
        "moved",
        "renumbered",
        "similarity",
        "diff",
    ] {
        assert!(first.get(key).is_some(), "change lacks {key}: {first}");
    }
    assert_eq!(v["a"]["file"], ROUND1);
}

#[test]
fn html_is_one_self_contained_file_with_working_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    treatyscan()
        .args([
            "compare",
            "--format",
            "html",
            "--out",
            path.to_str().unwrap(),
            ROUND1,
            ROUND2,
        ])
        .assert()
        .code(1)
        .stdout("");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for forbidden in ["<script", "<link", "src=", "url("] {
        assert!(
            !html.contains(forbidden),
            "external or active content: {forbidden}"
        );
    }
    for tag in [
        "table", "tr", "td", "del", "ins", "div", "ul", "ol", "li", "details",
    ] {
        let opened =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let closed = html.matches(&format!("</{tag}>")).count();
        assert_eq!(opened, closed, "<{tag}> balanced");
    }
    assert!(html.contains("<del>") && html.contains("<ins>"));
    assert!(html.contains("moved-mark"), "moved article marked");
    let ids: HashSet<&str> = html
        .split("id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let links: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert!(links.iter().any(|l| l.starts_with("b-")) && links.iter().any(|l| l.starts_with("a-")));
    for l in links {
        assert!(ids.contains(l), "link #{l} has no target");
    }
}
