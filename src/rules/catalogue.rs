//! What the rule files declare besides rules: the categories
//! (`rules/categories.toml`) and the gaps with the vocabulary their reasoning
//! uses (`rules/gaps.toml`), checked and compiled once with the rules, so that
//! `--rules DIR` changes rules, scopes and gaps together.

use super::model::{GapExamples, GuidelineParagraph, PartiesSpec};
use crate::model::{Category, GapId, GapInfo};
use crate::provision::Kind;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The file that declares the categories.
pub const CATEGORIES_FILE: &str = "categories.toml";
/// The file that declares the gaps.
pub const GAPS_FILE: &str = "gaps.toml";
/// The file that lists the guideline paragraphs rules and gaps may cite.
pub const GUIDELINES_FILE: &str = "guidelines.toml";

/// The categories and gaps of a rule set.
#[derive(Debug)]
pub struct Catalogue {
    pub(super) categories: Vec<CategoryDecl>,
    pub(super) gaps: Vec<GapDecl>,
    pub(super) reach: Reach,
    pub(super) parties: PartiesSpec,
    pub(super) guidelines: Vec<GuidelineParagraph>,
}

/// A declared category.
#[derive(Debug, Clone)]
pub struct CategoryDecl {
    /// Its typed name.
    pub category: Category,
    /// A few words for people.
    pub label: String,
    /// The label in the other output languages (`es.label`, `fr.label`),
    /// where `categories.toml` gives one.
    pub labels: BTreeMap<crate::locale::Lang, String>,
    /// Counted among the cultural clauses (guideline 19.4) in a summary.
    pub cultural_clause: bool,
}

impl CategoryDecl {
    /// The label in `lang`, English when `categories.toml` has none.
    pub fn label_in(&self, lang: crate::locale::Lang) -> &str {
        self.labels.get(&lang).unwrap_or(&self.label)
    }
}

/// A declared gap, compiled.
#[derive(Debug)]
pub struct GapDecl {
    /// Its wording, shared with every gap it opens.
    pub info: Arc<GapInfo>,
    /// The clause that closes it, per language (`en`, `es`, `fr`).
    pub clauses: BTreeMap<String, String>,
    /// When it is open.
    pub when: When,
    /// A draft it is open on and the clause that closes it.
    pub examples: GapExamples,
    /// The file it was declared in.
    pub file: String,
}

impl GapDecl {
    /// The closing clause in `lang`, or in English when that language has none.
    pub fn clause(&self, lang: &str) -> &str {
        self.clauses
            .get(lang)
            .or_else(|| self.clauses.get("en"))
            .map_or("", String::as_str)
    }
}

/// The conditions of a gap, compiled (see the head of `rules/gaps.toml`).
#[derive(Debug, Default)]
pub struct When {
    /// No provision is flagged with any of these.
    pub absent: Vec<Category>,
    /// Some provision is flagged with one of these (the evidence).
    pub present: Vec<Category>,
    /// Liberalising divisions exist.
    pub liberalised: Option<Liberalised>,
    /// No provision of a category reaches given divisions.
    pub not_reached_by: Option<NotReached>,
    /// Some Party counts as developing.
    pub developing_party: bool,
    /// Undated, or signed on or after this date (`YYYY-MM-DD`); the signature
    /// date is the metadata's, or the one the text's closing formula gives
    /// (`provision::signed`).
    pub undated_or_signed_from: Option<String>,
}

/// Divisions of some kinds whose folded title matches, and provisions flagged
/// with some categories: what liberalises.
#[derive(Debug)]
pub struct Liberalised {
    /// Kinds of division that count.
    pub kinds: Vec<Kind>,
    /// Their folded title.
    pub title: Regex,
    /// Provisions flagged with these count too (an e-commerce duty ban).
    pub or_present: Vec<Category>,
}

/// The divisions a category's provisions must reach.
#[derive(Debug)]
pub struct NotReached {
    /// The category whose provisions can reach.
    pub category: Category,
    /// The divisions they must reach, by folded title.
    pub divisions_titled: Regex,
    /// With no such division, the provisions flagged with these.
    pub or_flagged: Vec<Category>,
    /// A carve-out whose own sentence matches this keeps those provisions
    /// in ("… audiovisual services, except as regards electronic
    /// transmissions"): it does not reach them. Folded text.
    pub kept_in: Option<Regex>,
    /// A provision of the carve-out whose text matches this brings those
    /// provisions back ("Notwithstanding paragraph 1, Chapter 2 (Electronic
    /// Commerce) shall apply to measures relating to cultural industries"):
    /// the carve-out does not reach them. Folded text.
    pub brought_back: Option<Regex>,
}

/// How an exception reaches other provisions (patterns over folded text).
#[derive(Debug)]
pub struct Reach {
    /// The exception speaks of the whole agreement.
    pub agreement_wide: Regex,
    /// "Chapters 8 and 12": group `list`.
    pub names_division: Regex,
    /// "Chapter 22": groups `article` (when an article) and `number`.
    pub cross_reference: Regex,
    /// What makes a cross-reference apply.
    pub applies: Regex,
    /// "this Chapter": the division a text stands in (see
    /// `ReachSpec::this_division`).
    pub this_division: Option<Regex>,
    /// "Articles 2.1 and 2.2": group `list` (see `ReachSpec::names_article`).
    pub names_article: Option<Regex>,
    /// "Nothing in Article 8.2 shall …": group `subject` (see
    /// `ReachSpec::saving_subject`).
    pub saving_subject: Option<Regex>,
    /// Titles of divisions whose carve-outs speak for the whole agreement
    /// (see `ReachSpec::exceptions_division`).
    pub exceptions_division: Option<Regex>,
}

impl Reach {
    /// Whether `folded` names some division by its number ("Title I",
    /// "Chapters 8 and 12", "Section B", "Titre premier"): the first word
    /// after the keyword is a number (in digits or words), a Roman numeral
    /// or a letter.
    pub fn names_numbered_division(&self, folded: &str) -> bool {
        // i to xxxix: "civil" is no numeral
        let roman = |w: &str| {
            let units = w.trim_start_matches('x');
            w.len() - units.len() <= 3
                && !w.is_empty()
                && matches!(
                    units,
                    "" | "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix"
                )
        };
        let numbered = |w: &str| {
            crate::provision::number_key(w).starts_with(|c: char| c.is_ascii_digit())
                || roman(w)
                || (w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase()))
        };
        self.names_division.captures_iter(folded).any(|c| {
            c.name("list")
                .and_then(|l| division_words(l.as_str()).next())
                .is_some_and(numbered)
        })
    }

    /// Whether `folded` names the division numbered `number` (lower case):
    /// "Chapters 8 and 12" names 8 and 12.
    pub fn names_division_numbered(&self, folded: &str, number: &str) -> bool {
        self.names_division.captures_iter(folded).any(|c| {
            c.name("list")
                .is_some_and(|l| division_words(l.as_str()).any(|w| w == number))
        })
    }

    /// The article numbers `folded` names, lower case: "Articles 2.1 and
    /// 2.2" names 2.1 and 2.2 (and the words between, which match no
    /// number). Empty without a `names_article` pattern.
    pub fn named_articles<'t>(&self, folded: &'t str) -> Vec<&'t str> {
        self.names_article.as_ref().map_or_else(Vec::new, |re| {
            re.captures_iter(folded)
                .filter_map(|c| c.name("list"))
                .flat_map(|l| division_words(l.as_str()))
                .collect()
        })
    }

    /// What the saving clause of `folded` carves out of ("article 8.2" in
    /// "nothing in article 8.2 shall apply to …"), or "".
    pub fn saving_subject<'t>(&self, folded: &'t str) -> &'t str {
        self.saving_subject
            .as_ref()
            .and_then(|re| re.captures(folded))
            .and_then(|c| c.name("subject"))
            .map_or("", |m| m.as_str())
    }

    /// Whether `folded` speaks of articles outside a division: it names
    /// articles by number ("Article 8.2", "Articles 2.1 and 2.2"), `is_own`
    /// holds for none of those numbers (lower case), and it does not say
    /// "this Chapter".
    pub fn names_only_other_articles(&self, folded: &str, is_own: impl Fn(&str) -> bool) -> bool {
        let numbers: Vec<&str> = self
            .named_articles(folded)
            .into_iter()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        !numbers.is_empty()
            && !numbers.iter().any(|n| is_own(n))
            && !self
                .this_division
                .as_ref()
                .is_some_and(|r| r.is_match(folded))
    }

    /// Whether `folded` speaks of other divisions than `own` (the numbers,
    /// lower case, of the divisions a provision stands in): it names some by
    /// number, none of `own`, and does not say "this Chapter".
    pub fn names_only_other_divisions(&self, folded: &str, own: &[String]) -> bool {
        self.names_numbered_division(folded)
            && !own.iter().any(|n| self.names_division_numbered(folded, n))
            && !self
                .this_division
                .as_ref()
                .is_some_and(|r| r.is_match(folded))
    }
}

/// The tokens of a run of text, numbers kept whole ("14.2", "22-a").
pub fn division_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|w| w.trim_matches(['.', '-']))
        .filter(|w| !w.is_empty())
}

impl Catalogue {
    /// The declared categories, in report order.
    pub fn categories(&self) -> &[CategoryDecl] {
        &self.categories
    }

    /// The category of that name, if declared.
    pub fn category(&self, name: &str) -> Option<Category> {
        self.categories
            .iter()
            .find(|c| c.category == name)
            .map(|c| c.category)
    }

    /// Where a category stands in report order (declared ones first).
    pub fn order(&self, category: Category) -> usize {
        self.categories
            .iter()
            .position(|c| c.category == category)
            .unwrap_or(usize::MAX)
    }

    /// Is the category one of guideline 19.4's cultural clauses?
    pub fn is_cultural_clause(&self, category: Category) -> bool {
        self.categories
            .iter()
            .any(|c| c.category == category && c.cultural_clause)
    }

    /// The declared gaps, in report order.
    pub fn gaps(&self) -> &[GapDecl] {
        &self.gaps
    }

    /// The gap of that id (any case), if declared.
    pub fn gap(&self, id: &str) -> Option<&GapDecl> {
        self.gaps
            .iter()
            .find(|g| g.info.id.as_str().eq_ignore_ascii_case(id))
    }

    /// Every gap id, in report order.
    pub fn gap_ids(&self) -> Vec<GapId> {
        self.gaps.iter().map(|g| g.info.id).collect()
    }

    /// How exceptions reach other provisions.
    pub fn reach(&self) -> &Reach {
        &self.reach
    }

    /// The guideline paragraphs rules and gaps may cite, with their summaries.
    pub fn guidelines(&self) -> &[GuidelineParagraph] {
        &self.guidelines
    }

    /// The summary of guideline paragraph `id`, if listed.
    pub fn guideline_summary(&self, id: &str) -> Option<&str> {
        self.guidelines
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.summary.as_str())
    }

    /// The summary of guideline paragraph `id` in `lang` (English where
    /// `guidelines.toml` has none), if listed.
    pub fn guideline_summary_in(&self, id: &str, lang: crate::locale::Lang) -> Option<&str> {
        self.guidelines
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.summary_in(lang))
    }

    /// The developed-country list and its source.
    pub fn parties(&self) -> &PartiesSpec {
        &self.parties
    }
}
