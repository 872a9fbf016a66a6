//! Rule and gap pages, written from the rule files: `treatyscan rules explain
//! CODE` (or a gap id) prints one, and `docs/rules.md` is all of them (a test
//! keeps it in step).

use super::{GapDecl, Rule, RuleSet};
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
    out.push_str(&cited(
        &rule.info.guideline,
        &rule.info.guideline_summaries,
        &rule.info.convention_article,
    ));
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

/// The guideline paragraphs cited, each with its summary, and the articles
/// of the Convention.
fn cited(paragraphs: &[String], summaries: &[String], articles: &[String]) -> String {
    let mut out = String::from("**Guideline paragraphs cited** (DCE/17/6.CP/11)\n\n");
    for (id, summary) in paragraphs.iter().zip(summaries) {
        let _ = writeln!(out, "- {id}: {summary}");
    }
    for article in articles {
        let _ = writeln!(out, "- Convention, Article {article}");
    }
    out.push('\n');
    out
}

/// One gap's page, in Markdown: what it means, when it is open, what closes
/// it, the clause it suggests per language, and its examples.
pub fn explain_gap(gap: &GapDecl, rules: &RuleSet) -> String {
    let info = &gap.info;
    let w = &gap.when;
    let mut out = String::new();
    let _ = writeln!(out, "## {} (gap)\n", info.id);
    let _ = writeln!(
        out,
        "- severity: {}\n- guideline paragraphs: {}\n- level: the agreement as a whole\n",
        info.severity.name(),
        info.guideline.join(", "),
    );
    let _ = writeln!(out, "**Message:** {}\n", info.message);
    let _ = writeln!(out, "{}\n", info.explanation.trim());
    out.push_str(&cited(
        &info.guideline,
        &info.guideline_summaries,
        &info.convention_article,
    ));
    let names = |cs: &[crate::model::Category]| {
        cs.iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str("**Open when**\n\n");
    if !w.absent.is_empty() {
        let _ = writeln!(out, "- no provision is flagged {}", names(&w.absent));
    }
    if !w.present.is_empty() {
        let _ = writeln!(
            out,
            "- some provision is flagged {} (the evidence)",
            names(&w.present)
        );
    }
    if let Some(n) = &w.not_reached_by {
        let _ = writeln!(
            out,
            "- no `{}` provision reaches the divisions titled /{}/ (or, without such a division, the provisions flagged {}): it reaches them when it sits inside them, speaks of the whole agreement, names them, or is made applicable to them by a cross-reference",
            n.category,
            n.divisions_titled.as_str(),
            names(&n.or_flagged)
        );
    }
    if let Some(l) = &w.liberalised {
        let kinds: Vec<&str> = l.kinds.iter().map(|k| k.name()).collect();
        let _ = writeln!(
            out,
            "- a {} is titled /{}/ (or, without one, a provision is flagged {}); they are the evidence",
            kinds.join(" or "),
            l.title.as_str(),
            names(&l.or_present)
        );
    }
    if w.developing_party {
        let parties = rules.catalogue().parties();
        let _ = writeln!(
            out,
            "- a Party counts as a developing country: one not in the developed list ({}, {}), or one named with `--developing`",
            parties.source, parties.as_of
        );
    }
    let _ = writeln!(out, "\n**Recommendation:** {}\n", info.recommendation);
    out.push_str("**Suggested clause**\n\n");
    for (lang, clause) in &gap.clauses {
        let _ = writeln!(out, "- {lang}: “{clause}”");
    }
    let _ = writeln!(
        out,
        "\n**Example:** open on\n\n```text\n{}\n```\n\nand closed by adding\n\n```text\n{}\n```\n",
        gap.examples.opens.trim(),
        gap.examples.closes.trim()
    );
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
    out.push_str("Gaps (agreement level, from `rules/gaps.toml`):\n\n| gap | severity | guideline |\n|---|---|---|\n");
    for g in rules.catalogue().gaps() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            g.info.id,
            g.info.severity.name(),
            g.info.guideline.join(", ")
        );
    }
    out.push('\n');
    for decl in rules.catalogue().categories() {
        let category = decl.category;
        let in_category: Vec<&Rule> = rules
            .rules()
            .iter()
            .filter(|r| r.info.category == category)
            .collect();
        if in_category.is_empty() {
            continue;
        }
        let _ = writeln!(out, "# `{category}`\n");
        for r in in_category {
            out.push_str(&explain(r));
        }
    }
    out.push_str("# Gaps\n\n");
    for g in rules.catalogue().gaps() {
        out.push_str(&explain_gap(g, rules));
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
    out.push_str("\ngaps (agreement level; `treatyscan rules explain GAP_ID`):\n");
    for g in rules.catalogue().gaps() {
        let _ = writeln!(
            out,
            "{:<37} {:<8} {}",
            g.info.id,
            g.info.severity.name(),
            g.info.message
        );
    }
    out
}
