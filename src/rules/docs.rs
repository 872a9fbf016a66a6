//! Rule pages, written from the rule files: `treatyscan rules explain CODE`
//! prints one, and `docs/rules.md` is all of them (a test keeps it in step).

use super::{Rule, RuleSet, CATEGORIES};
use std::fmt::Write;

/// One rule's page, in Markdown.
pub fn explain(rule: &Rule) -> String {
    let s = &rule.spec;
    let mut out = String::new();
    let _ = writeln!(out, "## {} — {}\n", s.code, s.title);
    let _ = writeln!(
        out,
        "- category: `{}`\n- severity: {}\n- guideline paragraphs: {}\n- languages: {}\n- scope: {} (conditions hold within one {})\n",
        s.category,
        s.severity.name(),
        s.guideline.join(", "),
        s.languages.join(", "),
        s.scope.join(", "),
        format!("{:?}", s.within).to_lowercase(),
    );
    let _ = writeln!(out, "**Message:** {}\n", s.message);
    let _ = writeln!(out, "{}\n", s.explanation.trim());
    let list = |title: &str, items: &[String], out: &mut String| {
        if !items.is_empty() {
            let _ = writeln!(out, "**{title}**\n");
            for item in items {
                let _ = writeln!(out, "- “{}”", item.trim());
            }
            out.push('\n');
        }
    };
    list("Matches", &s.examples.should_match, &mut out);
    list("Does not match", &s.examples.no_match, &mut out);
    out
}

/// How the prefilter finds a rule: the literal groups an article must contain
/// (one literal of each) before the rule's patterns are run on it.
pub fn trigger(groups: &[Vec<String>]) -> String {
    let mut out = String::from("**Checked in articles containing**\n\n");
    if groups.is_empty() {
        out.push_str(
            "- every article in scope (no pattern gives a telling literal; a title condition is checked first)\n",
        );
    }
    for group in groups {
        // the shortest say most about what the group covers
        let mut sorted: Vec<&String> = group.iter().collect();
        sorted.sort_by_key(|l| (l.len(), l.as_str()));
        let shown: Vec<String> = sorted.iter().take(8).map(|l| format!("“{l}”")).collect();
        let more = group.len().saturating_sub(shown.len());
        let _ = write!(out, "- one of {}", shown.join(", "));
        if more > 0 {
            let _ = write!(out, " and {more} more");
        }
        out.push('\n');
    }
    out.push_str("\n(`treatyscan rules triggers` lists every literal of every rule.)\n");
    out
}

/// The rule reference: every rule, grouped by category.
pub fn reference(rules: &RuleSet) -> String {
    let mut out = String::from(
        "# Rule reference\n\n\
         Generated from `rules/*.toml` by `treatyscan rules --markdown`; do not edit by hand\n\
         (`cargo test` fails when this file and the rules differ; regenerate with\n\
         `cargo run -- rules --markdown > docs/rules.md`).\n\n",
    );
    let _ = writeln!(
        out,
        "| code | category | severity | title |\n|---|---|---|---|"
    );
    for r in rules.rules() {
        let s = &r.spec;
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            s.code,
            s.category,
            s.severity.name(),
            s.title
        );
    }
    out.push('\n');
    for category in CATEGORIES {
        let in_category: Vec<&Rule> = rules
            .rules()
            .iter()
            .filter(|r| r.spec.category == *category)
            .collect();
        if in_category.is_empty() {
            continue;
        }
        let _ = writeln!(out, "# `{category}`\n");
        for r in in_category {
            out.push_str(&explain(r));
        }
    }
    out
}

/// `treatyscan rules`: one line per rule.
pub fn listing(rules: &RuleSet) -> String {
    let mut out = String::new();
    for r in rules.rules() {
        let s = &r.spec;
        let _ = writeln!(
            out,
            "{:<7} {:<28} {:<8} {:<22} {}",
            s.code,
            s.category,
            s.severity.name(),
            s.scope.join(","),
            s.title
        );
    }
    out
}
