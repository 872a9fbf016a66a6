//! The rule file format as written in `rules/*.toml`. Every field a reviewer
//! relies on is required; unknown fields are rejected so that a typo never
//! silently disables a condition.

use crate::model::Severity;
use crate::provision::Kind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One `rules/<category>.toml` file: every rule of one category, so the rules
/// and their near misses are reviewed together.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The file's `[[rule]]` tables, in order.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleSpec>,
}

/// Shared vocabulary (`rules/terms.toml`): named regex fragments that patterns
/// use as `{name}`, so one concept is spelled once for en, es and fr.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsFile {
    /// Named fragments by name: `{name}` in a pattern expands to the fragment.
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
    /// Pattern (folded, with `{term}` references) a division's or article's title must match.
    pub title: String,
    /// Pattern that, found in the first 400 characters of a chapter's opening article,
    /// gives the chapter this scope when its title does not.
    #[serde(default)]
    pub opening_text: Option<String>,
    /// A pattern on the agreement's own title (metadata name, or the title
    /// page of a text): when it matches, the whole agreement is in the scope
    /// ("Agreement on Electronic Commerce"), preamble and final clauses aside.
    #[serde(default)]
    pub agreement_title: Option<String>,
}

/// One `[[rule]]` table as written: what a provision must say for a finding of its category.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Three capitals and digits, unique in the set (`CEX001`).
    pub code: String,
    /// The category its findings are in; must be declared in `categories.toml`.
    pub category: String,
    /// One line for people, shown in listings and reports.
    pub title: String,
    /// Languages its patterns are written for (`en`, `es`, `fr`).
    pub languages: Vec<String>,
    /// Severity of its findings.
    pub severity: Severity,
    /// Guideline paragraphs it rests on ("19.4", "19.5"); at least one, each listed in `guidelines.toml`.
    pub guideline: Vec<String>,
    /// Articles of the Convention itself the rule serves ("16", "21"): kept
    /// apart from the guideline paragraphs.
    #[serde(default)]
    pub convention_article: Vec<String>,
    /// Scopes it looks in (`anywhere`, `preamble`, `final` or a `terms.toml` scope; `~name`
    /// refuses one); never empty.
    pub scope: Vec<String>,
    /// Where all conditions must hold together.
    pub within: Within,
    /// Terms the provision must contain somewhere (anywhere in it, not marked):
    /// the cheap, rare words that decide whether the rule is tried at all.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Patterns that must all match in the same unit (see `within`).
    #[serde(default)]
    pub all: Vec<String>,
    /// Patterns one of which must match in that unit, when any are given.
    #[serde(default)]
    pub any: Vec<String>,
    /// Patterns none of which may match in that unit: near misses ruled out.
    #[serde(default)]
    pub not: Vec<String>,
    /// Patterns that must match the provision's title (or its chapter's) instead of its text.
    #[serde(default)]
    pub title_any: Vec<String>,
    /// The unit must speak of the divisions the provision stands in: one
    /// whose words before its first mark (the subject of a carve-out) name
    /// divisions by number, none of them its own, and not "this Chapter",
    /// does not hold ("Title I shall not apply to …" placed in Title II
    /// speaks of Title I). Read with the gaps file's `[reach]`
    /// patterns `names_division` and `this_division`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_division: bool,
    /// The rule finds a definition written for its category's clauses
    /// ("'cultural industries' means …"): its findings show the category in
    /// the agreement, but a definition excludes or reserves nothing, so the
    /// gaps (`absent`, `not_reached_by`) do not count a finding that only
    /// such rules hold. Defaults to false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub definition: bool,
    /// What a finding says, in one line.
    pub message: String,
    /// Why it matters and what does not count (Markdown, shown by `rules explain`).
    pub explanation: String,
    /// Texts it must and must not match, checked by `cargo test`.
    pub examples: Examples,
    /// Its wording in Spanish (`es.title`, `es.message`, `es.explanation`);
    /// whatever is left out is shown in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<RuleWording>,
    /// Its wording in French (`fr.title`, …), as for `es`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<RuleWording>,
}

impl RuleSpec {
    /// Its wording in `lang` as written (`None` for English, or a language
    /// the file does not translate it into).
    pub fn wording(&self, lang: crate::locale::Lang) -> Option<&RuleWording> {
        match lang {
            crate::locale::Lang::En => None,
            crate::locale::Lang::Es => self.es.as_ref(),
            crate::locale::Lang::Fr => self.fr.as_ref(),
        }
    }
}

/// A rule's `title`, `message` and `explanation` in another language
/// (`es.title = "…"`); each is optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleWording {
    /// The title.
    #[serde(default)]
    pub title: Option<String>,
    /// The message.
    #[serde(default)]
    pub message: Option<String>,
    /// The explanation.
    #[serde(default)]
    pub explanation: Option<String>,
}

/// A rule's examples: provision texts it is tested on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts the rule must match (`match`); at least one.
    #[serde(rename = "match")]
    pub should_match: Vec<String>,
    /// Texts the rule must not match: its near misses.
    #[serde(default)]
    pub no_match: Vec<String>,
}

/// The unit of text inside which a rule's `all`, `any` and `not` conditions must hold together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Within {
    /// One sentence.
    Sentence,
    /// One paragraph of an article.
    Paragraph,
    /// The whole article (or other provision findings attach to).
    Article,
}

/// The languages rules are written for.
pub const LANGUAGES: &[&str] = &["en", "es", "fr"];

/// `rules/categories.toml`: the categories rules and gaps may name, in the
/// order findings of one provision are reported in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoriesFile {
    /// One `[[category]]` table each.
    #[serde(rename = "category")]
    pub categories: Vec<CategorySpec>,
}

/// One declared category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySpec {
    /// The name rules, gaps, gold labels and JSON use (`cultural_exception`).
    pub name: String,
    /// A few words for people ("cultural exception or reservation").
    pub label: String,
    /// Counted among the cultural clauses of guideline 19.4 in a summary.
    #[serde(default)]
    pub cultural_clause: bool,
    /// The label in Spanish (`es.label`); English when left out.
    #[serde(default)]
    pub es: Option<LabelWording>,
    /// The label in French (`fr.label`); English when left out.
    #[serde(default)]
    pub fr: Option<LabelWording>,
}

/// A category's label in another language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelWording {
    /// The label.
    pub label: String,
}

/// `rules/guidelines.toml`: the guideline paragraphs rules and gaps may cite.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelinesFile {
    /// One `[[paragraph]]` table each.
    #[serde(rename = "paragraph")]
    pub paragraphs: Vec<GuidelineParagraph>,
}

/// A guideline paragraph and its one-line summary.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineParagraph {
    /// Its number in DCE/17/6.CP/11 ("19.4", "2").
    pub id: String,
    /// What it says, in one line (our words).
    pub summary: String,
    /// The summary in Spanish (`es.summary`); English when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<SummaryWording>,
    /// The summary in French (`fr.summary`); English when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<SummaryWording>,
}

impl GuidelineParagraph {
    /// The summary in `lang`, English when the file has none.
    pub fn summary_in(&self, lang: crate::locale::Lang) -> &str {
        let wording = match lang {
            crate::locale::Lang::En => None,
            crate::locale::Lang::Es => self.es.as_ref(),
            crate::locale::Lang::Fr => self.fr.as_ref(),
        };
        wording.map_or(&self.summary, |w| &w.summary)
    }
}

/// A guideline paragraph's summary in another language.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryWording {
    /// The summary.
    pub summary: String,
}

/// `rules/gaps.toml`: the gaps, with the vocabulary their reasoning uses.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapsFile {
    /// How a cultural exception reaches other provisions.
    pub reach: ReachSpec,
    /// Which Parties count as developed.
    pub parties: PartiesSpec,
    /// One `[[gap]]` table each, in report order, with where it stands in
    /// the file (for errors that name its line).
    #[serde(rename = "gap")]
    pub gaps: Vec<toml::Spanned<GapSpec>>,
}

/// Patterns (over folded text) that tell whether an exception reaches a division.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReachSpec {
    /// The exception speaks of the whole agreement.
    pub agreement_wide: String,
    /// "Chapters 8 and 12": numbers in group `list`.
    pub names_division: String,
    /// "Chapter 22", "Article 29.5": group `article` for articles, `number`.
    pub cross_reference: String,
    /// What follows a cross-reference that makes it apply.
    pub applies: String,
    /// "this Chapter", "el presente título": the division the text stands
    /// in. A carve-out that names other divisions by number and not this one
    /// ("Title I shall not apply to …") reaches those, not its own. Without
    /// it, a carve-out always reaches the division it stands in.
    #[serde(default)]
    pub this_division: Option<String>,
    /// "Articles 2.1 and 2.2": article numbers in group `list`. A carve-out
    /// whose subject names an article of a division reaches that division.
    /// Without it, naming articles reaches nothing.
    #[serde(default)]
    pub names_article: Option<String>,
    /// What a saving clause carves out of, in group `subject`: "Nothing in
    /// Article 8.2 shall apply to …" carves out of Article 8.2. Read with
    /// the words before the carve-out's own: a carve-out whose subject names
    /// only articles or divisions elsewhere reaches those, not the division
    /// it stands in. Without it, only the words before the carve-out count.
    #[serde(default)]
    pub saving_subject: Option<String>,
    /// The title of a division whose provisions speak for the whole
    /// agreement ("Exceptions"): a carve-out there whose sentence speaks of
    /// no division (`names_division` does not match it) reaches every
    /// division. Without it, only the wording of the
    /// carve-out's sentence makes it agreement-wide.
    #[serde(default)]
    pub exceptions_division: Option<String>,
}

/// The developed-country list, with where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartiesSpec {
    /// The classification the list follows.
    pub source: String,
    /// The year or date of that classification.
    pub as_of: String,
    /// ISO 3166 alpha-3 codes (and `EU`) of the Parties counted as developed.
    pub developed: Vec<String>,
}

/// One gap as written in `rules/gaps.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapSpec {
    /// Its id (`missing_convention_reference`).
    pub id: String,
    /// How much it matters.
    pub severity: Severity,
    /// Guideline paragraphs it rests on.
    pub guideline: Vec<String>,
    /// Articles of the Convention it rests on ("16").
    #[serde(default)]
    pub convention_article: Vec<String>,
    /// What is missing, in one sentence.
    pub message: String,
    /// Why it matters.
    pub explanation: String,
    /// What closes it.
    pub recommendation: String,
    /// When the gap is open: every condition given must hold.
    pub when: WhenSpec,
    /// A clause that closes it, per language (`en`, `es`, `fr`).
    pub clause: BTreeMap<String, String>,
    /// A draft it is open on and the clause that closes it.
    pub examples: GapExamples,
    /// Its wording in Spanish (`es.message`, `es.explanation`,
    /// `es.recommendation`); whatever is left out is shown in English.
    #[serde(default)]
    pub es: Option<GapWording>,
    /// Its wording in French, as for `es`.
    #[serde(default)]
    pub fr: Option<GapWording>,
}

/// A gap's `message`, `explanation` and `recommendation` in another
/// language; each is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapWording {
    /// The message.
    #[serde(default)]
    pub message: Option<String>,
    /// The explanation.
    #[serde(default)]
    pub explanation: Option<String>,
    /// The recommendation.
    #[serde(default)]
    pub recommendation: Option<String>,
}

/// The conditions of a gap (see the head of `rules/gaps.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhenSpec {
    /// No provision is flagged with any of these categories.
    #[serde(default)]
    pub absent: Vec<String>,
    /// Some provision is flagged with one of these; they are the evidence.
    #[serde(default)]
    pub present: Vec<String>,
    /// Services, investment or e-commerce divisions exist.
    #[serde(default)]
    pub liberalised: Option<LiberalisedSpec>,
    /// No provision of a category reaches given divisions.
    #[serde(default)]
    pub not_reached_by: Option<NotReachedSpec>,
    /// Some Party counts as developing.
    #[serde(default)]
    pub developing_party: bool,
    /// The agreement is undated (a draft) or was signed on or after this
    /// date (`YYYY-MM-DD`).
    #[serde(default)]
    pub undated_or_signed_from: Option<String>,
}

/// Divisions of some kinds whose title matches, and flagged provisions: what
/// liberalises.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiberalisedSpec {
    /// Which kinds of division count.
    pub kinds: Vec<Kind>,
    /// Their title, folded.
    pub title: String,
    /// Provisions flagged with these count too.
    #[serde(default)]
    pub or_present: Vec<String>,
}

/// The provisions a category must reach.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotReachedSpec {
    /// The category whose provisions can reach (`cultural_exception`).
    pub category: String,
    /// Divisions they must reach, by title (folded).
    pub divisions_titled: String,
    /// With no such division: the provisions flagged with these.
    #[serde(default)]
    pub or_flagged: Vec<String>,
    /// A carve-out whose own sentence matches this keeps them in and does
    /// not reach them (a pattern over folded text, terms expanded).
    #[serde(default)]
    pub kept_in: Option<String>,
    /// A carve-out whose provision matches this (anywhere in it) brings them
    /// back and does not reach them (a pattern over folded text, terms
    /// expanded).
    #[serde(default)]
    pub brought_back: Option<String>,
}

/// A gap's examples, run by `cargo test`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapExamples {
    /// A draft the gap is open on.
    pub opens: String,
    /// The clause that, added to `opens`, closes it.
    pub closes: String,
    /// Parties to treat as developing for both.
    #[serde(default)]
    pub developing: Vec<String>,
}
