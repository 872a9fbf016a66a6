//! The rule file format as written in `rules/*.toml`. Every field a reviewer
//! relies on is required; unknown fields are rejected so that a typo never
//! silently disables a condition.

use serde::{Deserialize, Serialize};

/// One `rules/<category>.toml` file: every rule of one category, so the rules
/// and their near misses are reviewed together.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleSpec>,
}

/// Shared vocabulary (`rules/terms.toml`): named regex fragments that patterns
/// use as `{name}`, so one concept is spelled once for en, es and fr.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsFile {
    #[serde(default)]
    pub terms: std::collections::BTreeMap<String, String>,
    /// How the tree decides a provision's scope: `[scopes.<name>]`.
    #[serde(default)]
    pub scopes: std::collections::BTreeMap<String, ScopeSpec>,
}

/// A scope is recognised from a division's or article's title, or from the text
/// of the first articles of a chapter (its scope or definitions article).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeSpec {
    pub title: String,
    #[serde(default)]
    pub opening_text: Option<String>,
    /// A pattern on the agreement's own title (metadata name, or the title
    /// page of a text): when it matches, the whole agreement is in the scope
    /// ("Agreement on Electronic Commerce"), preamble and final clauses aside.
    #[serde(default)]
    pub agreement_title: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub code: String,
    pub category: String,
    pub title: String,
    pub languages: Vec<String>,
    pub severity: Severity,
    pub guideline: Vec<String>,
    pub scope: Vec<String>,
    /// Where all conditions must hold together.
    pub within: Within,
    /// Terms the provision must contain somewhere (anywhere in it, not marked):
    /// the cheap, rare words that decide whether the rule is tried at all.
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub all: Vec<String>,
    #[serde(default)]
    pub any: Vec<String>,
    #[serde(default)]
    pub not: Vec<String>,
    /// Patterns that must match the provision's title (or its chapter's) instead of its text.
    #[serde(default)]
    pub title_any: Vec<String>,
    pub message: String,
    pub explanation: String,
    pub examples: Examples,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(rename = "match")]
    pub should_match: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Within {
    Sentence,
    Paragraph,
    Article,
}

/// The categories of `CATEGORIES.md`, by their exact names.
pub const CATEGORIES: &[&str] = &[
    "cultural_exception",
    "cultural_specificity",
    "preferential_treatment",
    "cultural_cooperation",
    "convention_reference",
    "guidelines_reference",
    "ecommerce",
    "ecommerce_duties",
    "ecommerce_nondiscrimination",
    "ecommerce_cultural",
    "policy_space",
];

pub const LANGUAGES: &[&str] = &["en", "es", "fr"];
