//! Every `--help` says what it takes and its examples run as written (issue 15).

mod common;

use common::treatyscan;
use std::path::{Path, PathBuf};

fn help(args: &[&str]) -> String {
    let out = treatyscan().args(args).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?} --help");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands a help's "Commands:" section lists (without `help`).
fn subcommands(text: &str) -> Vec<String> {
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect()
}

/// Every help text: the top level, each command, each command's commands.
fn all_helps() -> Vec<(String, String)> {
    let top = help(&[]);
    let mut out = vec![(String::new(), top.clone())];
    for cmd in subcommands(&top) {
        let text = help(&[&cmd]);
        for sub in subcommands(&text) {
            out.push((format!("{cmd} {sub}"), help(&[&cmd, &sub])));
        }
        out.push((cmd, text));
    }
    out
}

/// The `  treatyscan …` lines of a help's "Examples:" section.
fn examples(text: &str) -> Vec<String> {
    text.lines()
        .skip_while(|l| l.trim_end() != "Examples:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("  treatyscan "))
        .map(String::from)
        .collect()
}

#[test]
fn every_example_in_every_help_runs() {
    let bin = assert_cmd::cargo::cargo_bin("treatyscan");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut ran = 0;
    for (cmd, text) in all_helps() {
        let list = examples(&text);
        if !["", "eval"].contains(&cmd.as_str()) && !cmd.is_empty() {
            assert!(!list.is_empty(), "`{cmd} --help` has no example:\n{text}");
        }
        for example in list {
            // a scratch folder that sees the project's sample files, so that
            // an example writing a file (--out) writes it there
            let dir = tempfile::tempdir().unwrap();
            for linked in ["corpus", "tests"] {
                std::os::unix::fs::symlink(root.join(linked), dir.path().join(linked)).unwrap();
            }
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("'{}' {example}", bin.display()))
                .current_dir(dir.path())
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "`treatyscan {example}` (from `{cmd} --help`) exited {:?}: {stderr}",
                out.status.code()
            );
            assert!(
                !stderr.contains("error:"),
                "`treatyscan {example}`: {stderr}"
            );
            let wrote_file = std::fs::read_dir(dir.path()).unwrap().count() > 2;
            assert!(
                !out.stdout.is_empty() || wrote_file,
                "`treatyscan {example}` printed nothing"
            );
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} examples");
}

#[test]
fn the_top_level_help_gives_the_exit_codes() {
    let top = help(&[]);
    let codes: Vec<&str> = top
        .lines()
        .skip_while(|l| l.trim_end() != "Exit codes:")
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(codes, ["0", "1", "2", "3"], "{top}");
}

#[test]
fn the_category_option_lists_the_categories_of_the_rules() {
    #[derive(serde::Deserialize)]
    struct File {
        category: Vec<toml::Table>,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/categories.toml");
    let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let check = help(&["check"]);
    let option: String = check
        .split("--category <CATEGORIES>")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    assert!(file.category.len() >= 10);
    for c in &file.category {
        let name = c["name"].as_str().unwrap();
        assert!(option.contains(name), "{name} not listed: {option}");
    }
}

#[test]
fn rules_explain_says_what_it_takes_and_no_help_shows_a_code_that_fails() {
    let rules = help(&["rules"]);
    assert!(
        rules.contains("rule code") && rules.contains("gap id"),
        "{rules}"
    );
    let explain = help(&["rules", "explain"]);
    assert!(explain.contains("<CODE_OR_GAP>"), "{explain}");
    assert!(
        explain.contains("rule code") && explain.contains("gap id"),
        "{explain}"
    );
    // every `rules explain X` any help shows is a rule or gap that exists
    for (cmd, text) in all_helps() {
        for code in text.split("rules explain ").skip(1) {
            let code: String = code
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if code.is_empty() || code == "CODE_OR_GAP" {
                continue;
            }
            treatyscan()
                .args(["rules", "explain", &code])
                .assert()
                .code(0);
            assert_ne!(code, "CUL001", "in `{cmd} --help`");
        }
    }
    treatyscan()
        .args(["rules", "explain", "CUL001"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no rule or gap `CUL001`"));
}

#[test]
fn an_unknown_developing_party_is_refused_with_a_suggestion_by_every_command() {
    let draft = "corpus/compare/round1.txt";
    for args in [
        vec!["check", "--developing", "Narnia", draft],
        vec!["compare", "--developing", "Narnia", draft, draft],
        vec!["corpus", "--developing", "Narnia", "corpus/compare"],
    ] {
        treatyscan()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("unknown Party `Narnia`"));
    }
    treatyscan()
        .args(["compare", "--developing", "Peruu", draft, draft])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `Peru` (PER)"));
}
