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

/// Neither file readable: each is named on a line of its own, in the order
/// given, and the run exits 2 (a user fixing the first would otherwise meet
/// the second only on the next run).
#[test]
fn two_unreadable_files_are_both_named() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = treatyscan()
        .args(["compare", "no/such/file.txt", empty.to_str().unwrap()])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.trim_end().lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("error: no/such/file.txt"), "{stderr}");
    assert!(
        lines[1].starts_with("error: ") && lines[1].contains("empty.txt"),
        "{stderr}"
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

/// A gap B cannot have is no difference: B does not close A's
/// preferential-treatment gap by naming no Party it can tell is developing,
/// nor by being signed before the guidelines a gap concerns.
#[test]
fn a_gap_that_does_not_apply_to_one_side_is_not_closed_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let body = "\n\nArticle 1\nObjectives\n\nThe Parties shall liberalise trade in goods.\n\nArticle 2\nServices\n\nEach Party shall accord to services of the other Party national treatment.\n";
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, format!("FREE TRADE AGREEMENT BETWEEN THE EUROPEAN UNION AND THE SOCIALIST REPUBLIC OF VIET NAM{body}")).unwrap();
    std::fs::write(
        &b,
        format!("FREE TRADE AGREEMENT BETWEEN ARCADIA AND BOREALIA{body}"),
    )
    .unwrap();
    let delta = |x: &std::path::Path, y: &std::path::Path| -> Vec<(String, String)> {
        let out = treatyscan()
            .args(["compare", "--format", "json"])
            .arg(x)
            .arg(y)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["delta"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["category"].as_str().unwrap().into(),
                    d["status"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    assert!(
        !delta(&a, &b)
            .iter()
            .any(|(c, _)| c == "missing_preferential_treatment"),
        "{:?}",
        delta(&a, &b)
    );
    assert!(!delta(&b, &a)
        .iter()
        .any(|(c, _)| c == "missing_preferential_treatment"));
    // B with Parties it can tell are developed still has no such gap to close
    std::fs::write(
        &b,
        format!("FREE TRADE AGREEMENT BETWEEN CANADA AND JAPAN{body}"),
    )
    .unwrap();
    assert!(!delta(&a, &b)
        .iter()
        .any(|(c, _)| c == "missing_preferential_treatment"));
    // and where B can have it, a difference in it is reported
    std::fs::write(&b, format!("FREE TRADE AGREEMENT BETWEEN THE EUROPEAN UNION AND THE SOCIALIST REPUBLIC OF VIET NAM{body}\nArticle 3\nCultural Cooperation\n\nThe European Union shall accord preferential treatment to artists and cultural professionals of Viet Nam, facilitating their entry and temporary stay.\n")).unwrap();
    let d = delta(&a, &b);
    if !d
        .iter()
        .any(|(c, s)| c == "missing_preferential_treatment" && s == "gap_closed")
    {
        panic!("expected B to close the gap: {d:?}");
    }
}
