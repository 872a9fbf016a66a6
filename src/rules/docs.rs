//! Rule and gap pages, written from the rule files: `treatyscan rules explain
//! CODE` (or a gap id) prints one, and `docs/rules.md` is all of them (a test
//! keeps it in step). Each page comes in English, Spanish or French: the
//! headings from the Fluent resources (`docs-*` messages), the rule and gap
//! wording from the rule files' `es.*` / `fr.*` keys.

use super::{GapDecl, Rule, RuleSet};
use crate::locale::{Lang, Locale};
use std::fmt::Write;

/// One rule's page, in Markdown, in English.
pub fn explain(rule: &Rule) -> String {
    explain_in(rule, Locale::of(Lang::En))
}

/// One rule's page, in Markdown, in the locale's language.
pub fn explain_in(rule: &Rule, l: &Locale) -> String {
    let s = &rule.spec;
    let lang = l.lang();
    let mut out = String::new();
    let _ = writeln!(out, "## {} — {}\n", s.code, rule.info.title_in(lang));
    let within = l.t(&format!(
        "docs-within-{}",
        format!("{:?}", s.within).to_lowercase()
    ));
    let _ = writeln!(
        out,
        "- {}: `{}`\n- {}: {}\n- {}: {}\n- {}: {}\n- {}\n",
        l.t("docs-category"),
        s.category,
        l.t("docs-severity"),
        s.severity.name(),
        l.t("docs-guideline-paragraphs"),
        s.guideline.join(", "),
        l.t("docs-languages"),
        s.languages.join(", "),
        l.tr(
            "docs-scope",
            &[
                ("scopes", s.scope.join(", ").into()),
                ("within", within.into())
            ]
        ),
    );
    let _ = writeln!(
        out,
        "**{}:** {}\n",
        l.t("docs-message"),
        rule.info.message_in(lang)
    );
    let _ = writeln!(out, "{}\n", rule.info.explanation_in(lang).trim());
    out.push_str(&cited(
        &rule.info.guideline,
        rule.info.guideline_summaries_in(lang),
        &rule.info.convention_article,
        l,
    ));
    let list = |title: &str, items: &[String], out: &mut String| {
        if !items.is_empty() {
            let _ = writeln!(out, "**{title}**\n");
            for item in items {
                quoted_item(out, "", item);
            }
            out.push('\n');
        }
    };
    list(&l.t("docs-matches"), &s.examples.should_match, &mut out);
    list(&l.t("docs-no-match"), &s.examples.no_match, &mut out);
    out
}

/// A list item quoting `text` after `label`: the lines after the first are
/// indented under the item, so that a list inside an example ("the following
/// sectors: - audiovisual services; - mining.") stays inside its quotation
/// rather than becoming items of the list of examples.
fn quoted_item(out: &mut String, label: &str, text: &str) {
    let lines: Vec<&str> = text.trim().lines().map(str::trim_end).collect();
    let _ = writeln!(out, "- {label}“{}”", lines.join("\n  "));
}

/// The guideline paragraphs cited, each with its summary, and the articles
/// of the Convention.
fn cited(paragraphs: &[String], summaries: &[String], articles: &[String], l: &Locale) -> String {
    let mut out = format!("**{}** (DCE/17/6.CP/11)\n\n", l.t("docs-cited"));
    for (id, summary) in paragraphs.iter().zip(summaries) {
        let _ = writeln!(out, "- {id}: {summary}");
    }
    for article in articles {
        let _ = writeln!(
            out,
            "- {}",
            l.tr(
                "docs-convention-article",
                &[("article", article.as_str().into())]
            )
        );
    }
    out.push('\n');
    out
}

/// One gap's page, in Markdown, in English: what it means, when it is open,
/// what closes it, the clause it suggests per language, and its examples.
pub fn explain_gap(gap: &GapDecl, rules: &RuleSet) -> String {
    explain_gap_in(gap, rules, Locale::of(Lang::En))
}

/// [`explain_gap`] in the locale's language.
pub fn explain_gap_in(gap: &GapDecl, rules: &RuleSet, l: &Locale) -> String {
    let info = &gap.info;
    let lang = l.lang();
    let w = &gap.when;
    let mut out = String::new();
    let _ = writeln!(out, "## {} ({})\n", info.id, l.t("docs-gap"));
    let _ = writeln!(
        out,
        "- {}: {}\n- {}: {}\n- {}\n",
        l.t("docs-severity"),
        info.severity.name(),
        l.t("docs-guideline-paragraphs"),
        info.guideline.join(", "),
        l.t("docs-level-agreement"),
    );
    let _ = writeln!(
        out,
        "**{}:** {}\n",
        l.t("docs-message"),
        info.message_in(lang)
    );
    let _ = writeln!(out, "{}\n", info.explanation_in(lang).trim());
    out.push_str(&cited(
        &info.guideline,
        info.guideline_summaries_in(lang),
        &info.convention_article,
        l,
    ));
    let names = |cs: &[crate::model::Category]| {
        cs.iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "**{}**\n", l.t("docs-open-when"));
    if !w.absent.is_empty() {
        let _ = writeln!(
            out,
            "- {}",
            l.tr(
                "docs-when-absent",
                &[("categories", names(&w.absent).into())]
            )
        );
    }
    if !w.present.is_empty() {
        let _ = writeln!(
            out,
            "- {}",
            l.tr(
                "docs-when-present",
                &[("categories", names(&w.present).into())]
            )
        );
    }
    if let Some(n) = &w.not_reached_by {
        let _ = writeln!(
            out,
            "- {}",
            l.tr(
                "docs-when-not-reached",
                &[
                    ("category", n.category.as_str().into()),
                    ("titles", n.divisions_titled.as_str().into()),
                    ("categories", names(&n.or_flagged).into()),
                ]
            )
        );
        if let Some(kept) = &n.kept_in {
            let _ = writeln!(
                out,
                "- {}",
                l.tr("docs-when-kept-in", &[("pattern", kept.as_str().into())])
            );
        }
        if let Some(back) = &n.brought_back {
            let _ = writeln!(
                out,
                "- {}",
                l.tr(
                    "docs-when-brought-back",
                    &[("pattern", back.as_str().into())]
                )
            );
        }
    }
    if let Some(lib) = &w.liberalised {
        let kinds: Vec<String> = lib
            .kinds
            .iter()
            .map(|k| l.t(&format!("kind-{}", k.name())).to_lowercase())
            .collect();
        let _ = writeln!(
            out,
            "- {}",
            l.tr(
                "docs-when-liberalised",
                &[
                    ("kinds", kinds.join(&l.t("docs-or")).into()),
                    ("title", lib.title.as_str().into()),
                    ("categories", names(&lib.or_present).into()),
                ]
            )
        );
    }
    if w.developing_party {
        let parties = rules.catalogue().parties();
        let _ = writeln!(
            out,
            "- {}",
            l.tr(
                "docs-when-developing",
                &[
                    ("source", parties.source.as_str().into()),
                    ("asof", parties.as_of.as_str().into()),
                ]
            )
        );
    }
    if let Some(date) = &w.undated_or_signed_from {
        let _ = writeln!(
            out,
            "- {}",
            l.tr("docs-when-dated", &[("date", date.as_str().into())])
        );
    }
    let _ = writeln!(
        out,
        "\n**{}:** {}\n",
        l.t("docs-recommendation"),
        info.recommendation_in(lang)
    );
    let _ = writeln!(out, "**{}**\n", l.t("docs-suggested-clause"));
    for (lang, clause) in &gap.clauses {
        quoted_item(&mut out, &format!("{lang}: "), clause);
    }
    let _ = writeln!(
        out,
        "\n**{}:** {}\n\n```text\n{}\n```\n\n{}\n\n```text\n{}\n```\n",
        l.t("docs-example"),
        l.t("docs-open-on"),
        gap.examples.opens.trim(),
        l.t("docs-closed-by"),
        gap.examples.closes.trim()
    );
    out
}

/// How the prefilter finds a rule: the literal groups an article must contain
/// (one literal of each) before the rule's patterns are run on it. In English.
pub fn trigger(groups: &[Vec<String>]) -> String {
    trigger_in(groups, Locale::of(Lang::En))
}

/// [`trigger`] in the locale's language.
pub fn trigger_in(groups: &[Vec<String>], l: &Locale) -> String {
    let mut out = format!("**{}**\n\n", l.t("docs-checked-in"));
    if groups.is_empty() {
        let _ = writeln!(out, "- {}", l.t("docs-every-article"));
    }
    for group in groups {
        // the shortest say most about what the group covers
        let mut sorted: Vec<&String> = group.iter().collect();
        sorted.sort_by_key(|l| (l.len(), l.as_str()));
        let shown: Vec<String> = sorted.iter().take(8).map(|l| format!("“{l}”")).collect();
        let more = group.len().saturating_sub(shown.len());
        let _ = write!(
            out,
            "- {}",
            l.tr("docs-one-of", &[("literals", shown.join(", ").into())])
        );
        if more > 0 {
            let _ = write!(out, " {}", l.tr("docs-and-more", &[("count", more.into())]));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n{}", l.t("docs-triggers-hint"));
    out
}

/// The rule reference: every rule, grouped by category, in English.
pub fn reference(rules: &RuleSet) -> String {
    reference_in(rules, Locale::of(Lang::En))
}

/// [`reference`] in the locale's language (`docs/rules.md`, `docs/rules.es.md`,
/// `docs/rules.fr.md`).
pub fn reference_in(rules: &RuleSet, l: &Locale) -> String {
    let lang = l.lang();
    let command = match lang {
        Lang::En => "cargo run -- rules --markdown > docs/rules.md".to_string(),
        other => format!("cargo run -- rules --markdown --lang {other} > docs/rules.{other}.md"),
    };
    let mut out = format!(
        "# {}\n\n{}\n\n",
        l.t("docs-reference-title"),
        l.tr("docs-reference-intro", &[("command", command.into())])
    );
    let _ = writeln!(out, "{}\n|---|---|---|---|", l.t("docs-rules-table-head"));
    for r in rules.rules() {
        let s = &r.spec;
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            s.code,
            s.category,
            s.severity.name(),
            r.info.title_in(lang)
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}\n\n{}\n|---|---|---|",
        l.t("docs-gaps-intro"),
        l.t("docs-gaps-table-head")
    );
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
        if lang != Lang::En {
            let _ = writeln!(out, "{}\n", decl.label_in(lang));
        }
        for r in in_category {
            out.push_str(&explain_in(r, l));
        }
    }
    let _ = writeln!(out, "# {}\n", l.t("docs-gaps-heading"));
    for g in rules.catalogue().gaps() {
        out.push_str(&explain_gap_in(g, rules, l));
    }
    out
}

/// `treatyscan rules`: one line per rule, in English.
pub fn listing(rules: &RuleSet) -> String {
    listing_in(rules, Locale::of(Lang::En))
}

/// [`listing`] in the locale's language.
pub fn listing_in(rules: &RuleSet, l: &Locale) -> String {
    let lang = l.lang();
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
            r.info.title_in(lang)
        );
    }
    let _ = writeln!(out, "\n{}", l.t("docs-listing-gaps"));
    for g in rules.catalogue().gaps() {
        let _ = writeln!(
            out,
            "{:<37} {:<8} {}",
            g.info.id,
            g.info.severity.name(),
            g.info.message_in(lang)
        );
    }
    out
}
