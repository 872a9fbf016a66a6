//! The findings model: what a review says about an agreement, in the shape
//! every report reads. It sits below the rule engine, the gap reasoning and
//! the reports, so that each of them depends on it and none on another:
//! a [`Finding`] carries its rules' titles, help and guideline paragraphs,
//! a [`Gap`] its wording, and a report needs nothing else.

mod ids;
pub mod negotiation;

pub use ids::{Category, GapId};

use crate::locale::{Lang, Locale};
use crate::provision::{Kind, Metadata, Provision};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How much a finding or gap matters, as a rule or gap file declares it.
/// `--fail-on` compares against it; SARIF maps it to note / warning / error.
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
    /// Worth knowing (most categories: the agreement has such a clause).
    Info,
    /// Worth a negotiator's attention (binding e-commerce commitments, gaps).
    Warning,
    /// Must be acted on.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`, as in the rule files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a report needs to know of a rule: read from its rule file once, and
/// shared (`Arc`) by every finding the rule makes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleInfo {
    /// The rule's code, e.g. `CEX001`.
    pub code: String,
    /// The category it flags.
    pub category: Category,
    /// Whether that category is one of guideline 19.4's cultural clauses.
    pub cultural_clause: bool,
    /// Whether the rule finds a definition only (`definition = true` in its
    /// file): gap reasoning does not count its findings as the clause.
    pub definition: bool,
    /// One line: what the rule looks for.
    pub title: String,
    /// Declared severity.
    pub severity: Severity,
    /// The finding's message.
    pub message: String,
    /// Why it matters (Markdown-free prose, paragraphs split by blank lines).
    pub explanation: String,
    /// Guideline paragraphs served (DCE/17/6.CP/11: "19.4", "19.5", …).
    pub guideline: Vec<String>,
    /// The one-line summary of each of those paragraphs, in the same order
    /// (from `rules/guidelines.toml`).
    pub guideline_summaries: Vec<String>,
    /// Articles of the Convention itself served ("16").
    pub convention_article: Vec<String>,
    /// Languages its patterns are written for (`en`, `es`, `fr`).
    pub languages: Vec<String>,
    /// Its wording in the other output languages (`es`, `fr`), from the rule
    /// file's `es.*` / `fr.*` keys and `guidelines.toml`; a field the files
    /// leave out holds the English. The fields above are the English.
    #[serde(skip)]
    pub translations: BTreeMap<Lang, RuleText>,
    /// The label of the rule's category in each language ("exception ou
    /// réserve culturelle"), from `categories.toml`: what a report in that
    /// language calls the category.
    #[serde(skip)]
    pub category_labels: BTreeMap<Lang, String>,
}

/// A rule's wording in one output language other than English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleText {
    /// See [`RuleInfo::title`].
    pub title: String,
    /// See [`RuleInfo::message`].
    pub message: String,
    /// See [`RuleInfo::explanation`].
    pub explanation: String,
    /// See [`RuleInfo::guideline_summaries`].
    pub guideline_summaries: Vec<String>,
}

impl RuleInfo {
    /// The explanation's first paragraph, on one line: the note under a finding.
    pub fn note(&self) -> String {
        first_paragraph(&self.explanation)
    }

    /// [`RuleInfo::note`] in `lang` (English where the rule file has none).
    pub fn note_in(&self, lang: Lang) -> String {
        first_paragraph(self.explanation_in(lang))
    }

    /// The title in `lang`, English where the rule file has none.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.translations
            .get(&lang)
            .map_or(&self.title, |t| &t.title)
    }

    /// The message in `lang`, English where the rule file has none.
    pub fn message_in(&self, lang: Lang) -> &str {
        self.translations
            .get(&lang)
            .map_or(&self.message, |t| &t.message)
    }

    /// The explanation in `lang`, English where the rule file has none.
    pub fn explanation_in(&self, lang: Lang) -> &str {
        self.translations
            .get(&lang)
            .map_or(&self.explanation, |t| &t.explanation)
    }

    /// The guideline summaries in `lang`, English where `guidelines.toml` has none.
    pub fn guideline_summaries_in(&self, lang: Lang) -> &[String] {
        self.translations
            .get(&lang)
            .map_or(&self.guideline_summaries, |t| &t.guideline_summaries)
    }
}

/// What a report needs to know of a gap: read from `rules/gaps.toml` once and
/// shared by every gap of that id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapInfo {
    /// The gap's id, e.g. `missing_convention_reference`.
    pub id: GapId,
    /// Declared severity.
    pub severity: Severity,
    /// Guideline paragraphs it rests on.
    pub guideline: Vec<String>,
    /// The one-line summary of each of those paragraphs, in the same order.
    pub guideline_summaries: Vec<String>,
    /// Articles of the Convention it rests on ("16").
    pub convention_article: Vec<String>,
    /// What is missing, in one sentence.
    pub message: String,
    /// Why it matters.
    pub explanation: String,
    /// What closes it.
    pub recommendation: String,
    /// Its wording in the other output languages (`es`, `fr`), from the
    /// gap's `es.*` / `fr.*` keys and `guidelines.toml`; a field the files
    /// leave out holds the English. The fields above are the English.
    #[serde(skip)]
    pub translations: BTreeMap<Lang, GapText>,
}

/// A gap's wording in one output language other than English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapText {
    /// See [`GapInfo::message`].
    pub message: String,
    /// See [`GapInfo::explanation`].
    pub explanation: String,
    /// See [`GapInfo::recommendation`].
    pub recommendation: String,
    /// See [`GapInfo::guideline_summaries`].
    pub guideline_summaries: Vec<String>,
}

impl GapInfo {
    /// The message in `lang`, English where the gap file has none.
    pub fn message_in(&self, lang: Lang) -> &str {
        self.translations
            .get(&lang)
            .map_or(&self.message, |t| &t.message)
    }

    /// The explanation in `lang`, English where the gap file has none.
    pub fn explanation_in(&self, lang: Lang) -> &str {
        self.translations
            .get(&lang)
            .map_or(&self.explanation, |t| &t.explanation)
    }

    /// The recommendation in `lang`, English where the gap file has none.
    pub fn recommendation_in(&self, lang: Lang) -> &str {
        self.translations
            .get(&lang)
            .map_or(&self.recommendation, |t| &t.recommendation)
    }

    /// The guideline summaries in `lang`, English where `guidelines.toml` has none.
    pub fn guideline_summaries_in(&self, lang: Lang) -> &[String] {
        self.translations
            .get(&lang)
            .map_or(&self.guideline_summaries, |t| &t.guideline_summaries)
    }
}

/// Which provision a finding is about, as a reader would cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionRef {
    /// Article, chapter, annex, …
    pub kind: Kind,
    /// As written, without its keyword ("14.2").
    pub number: Option<String>,
    /// The heading's title, when it has one.
    pub title: Option<String>,
    /// Stable path in the provision tree (`ch14/art14.2`).
    pub path: String,
    /// The identifier the source gives it (ToTA `article_identifier`).
    pub source_id: Option<String>,
}

impl ProvisionRef {
    /// The reference to a provision of the tree.
    pub fn of(p: &Provision) -> Self {
        ProvisionRef {
            kind: p.kind,
            number: p.number.clone(),
            title: p.title.clone(),
            path: p.path.clone(),
            source_id: p.source_id.clone(),
        }
    }

    /// "Article 14.2 (Scope)".
    pub fn label(&self) -> String {
        let mut p = Provision::new(self.kind, self.number.clone(), 0, 0..0);
        p.title = self.title.clone();
        p.label()
    }

    /// [`ProvisionRef::label`] with the heading keyword in the locale's
    /// language: "Artículo 12.1 (Ámbito de Aplicación)" in Spanish,
    /// "Chapitre 3" in French. The title stays as the agreement writes it,
    /// and so does the number, but for a number in words written in capitals
    /// ("Chapitre premier" for "CHAPITRE PREMIER").
    pub fn label_in(&self, locale: &Locale) -> String {
        kind_label(
            self.kind,
            self.number.as_deref(),
            self.title.as_deref(),
            locale,
        )
    }
}

/// A heading's number as a report in `lang` cites it: as written
/// (`provision::number_as_cited`), but a number written in words of another
/// language as its value: "Title 1" in an English report for "TITRE
/// PREMIER", "Titre premier" in a French one; "Artículo 1" for "Article
/// premier".
pub fn number_in(number: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    // most numbers have digits: they are cited as written, with no lookup
    if !number.chars().any(|c| c.is_ascii_digit()) {
        let value = crate::provision::number_key(number);
        let in_words = !value.is_empty() && value.chars().all(|c| c.is_ascii_digit());
        let folded = crate::text::fold_text(number);
        if in_words && !crate::provision::signed::number_words_of(&folded, lang.code()) {
            return std::borrow::Cow::Owned(value);
        }
    }
    crate::provision::number_as_cited(number)
}

/// "Artículo 12.1 (Ámbito de Aplicación)": a provision's keyword (Fluent
/// message `kind-<name>`, e.g. `kind-article`) in the locale's language,
/// then its number (as the report's language cites it: `number_in`) and
/// its title as written.
pub fn kind_label(
    kind: Kind,
    number: Option<&str>,
    title: Option<&str>,
    locale: &Locale,
) -> String {
    let mut s = locale.t(&format!("kind-{}", kind.name()));
    if let Some(n) = number {
        s.push(' ');
        s.push_str(&number_in(n, locale.lang()));
    }
    if let Some(t) = title {
        s.push_str(" (");
        s.push_str(t);
        s.push(')');
    }
    s
}

/// What the rule engine says about one provision and category: one finding
/// per provision and category, listing every rule that matched, so that
/// counts per category are counts of provisions (what lawyers and the gold
/// labels count). Lines and columns are 1-based; columns count characters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The category flagged.
    pub category: Category,
    /// Every rule that matched, in rule order (JSON: their codes).
    #[serde(serialize_with = "rule_codes")]
    pub rules: Vec<Arc<RuleInfo>>,
    /// The highest severity of those rules.
    pub severity: Severity,
    /// The provision flagged.
    pub provision: ProvisionRef,
    /// The divisions the provision sits in, outermost first (part, chapter,
    /// section, annex); empty at the top of the tree. "Article 3" of an
    /// annex, or of a chapter that numbers its articles from 1, is cited
    /// with them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<ProvisionRef>,
    /// Where the matched words start, in the text as read.
    pub line: usize,
    /// Column of the first matched word.
    pub column: usize,
    /// Where the matched words end.
    pub end_line: usize,
    /// Column after the last matched word.
    pub end_column: usize,
    /// The page (PDF, or text with form feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The page number printed on that page, when it is not the page's
    /// place in the file ("3-12", "iv", "196" on the 200th page): what a
    /// reader of the printed agreement cites (`LocatedText::page_label`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_label: Option<String>,
    /// The sentence (or paragraph) that matched, as printed in the agreement.
    pub excerpt: String,
    /// Byte ranges of the matched words inside `excerpt`: whole words, on
    /// char boundaries, in text order (see `Marks`).
    pub marks: crate::text::Marks,
    /// The first rule's message.
    pub message: String,
    /// Guideline paragraphs served (DCE/17/6.CP/11: 19.4, 19.5, …), in the
    /// order the matching rules cite them (the main paragraph first).
    pub guideline: Vec<String>,
    /// Articles of the Convention served ("16"); omitted when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub convention_article: Vec<String>,
    /// Stable across reflowing and renumbered lines: category, provision path
    /// and the matched words, so a baseline keeps matching a reworked draft
    /// (a renumbered provision is known by its passage: `passage_key`).
    pub fingerprint: String,
    /// The tracked change (Word revision mark) the matched words lie in, when
    /// the source has them: a proposal, not yet agreed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<crate::text::Revision>,
    /// In a negotiating text (one with negotiating brackets): whether the
    /// matched words are agreed or bracketed, and by whom; `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negotiation: Option<negotiation::FindingNegotiation>,
    /// Byte range in the agreement's text from the first matched word to the
    /// end of the last (not serialised).
    #[serde(skip)]
    pub matched: std::ops::Range<usize>,
}

impl Finding {
    /// The first (lowest-numbered) rule that matched: the one a report cites.
    pub fn rule(&self) -> &RuleInfo {
        &self.rules[0]
    }

    /// The codes of the rules that matched.
    pub fn rule_codes(&self) -> Vec<&str> {
        self.rules.iter().map(|r| r.code.as_str()).collect()
    }
}

fn rule_codes<S: Serializer>(rules: &[Arc<RuleInfo>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(rules.iter().map(|r| r.code.as_str()))
}

/// What an agreement lacks against guidelines 19.4 and 19.5, reasoned over the
/// whole tree by the gap engine from the conditions in `rules/gaps.toml`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The gap's id.
    pub id: GapId,
    /// Always `agreement`: a gap concerns the agreement as a whole.
    pub level: &'static str,
    /// Declared severity.
    pub severity: Severity,
    /// Guideline paragraphs it rests on.
    pub guideline: Vec<String>,
    /// Articles of the Convention it rests on; omitted when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub convention_article: Vec<String>,
    /// What is missing.
    pub message: String,
    /// What closes it.
    pub recommendation: String,
    /// A clause that would close the gap, in the agreement's language.
    pub suggested_clause: String,
    /// Provisions (paths) or Parties the reasoning rests on, e.g. the binding
    /// e-commerce articles, or the developing Parties.
    pub evidence: Vec<String>,
    /// Stable across runs: the gap id.
    pub fingerprint: String,
    /// The gap's declaration, for reports (not serialised).
    #[serde(skip)]
    pub info: Arc<GapInfo>,
}

/// A file a run could not read or review: it has no findings, and a report
/// for tools says so (JSON `errors`, SARIF tool notifications) rather than
/// leaving a silent gap where the file would be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileError {
    /// The file as given on the command line.
    pub path: String,
    /// Why it could not be read or reviewed, in one line, in the report's
    /// language ("no such file", "fichier introuvable",
    /// "language nl (Dutch) is not analysed; …").
    pub message: String,
}

impl FileError {
    /// The error for `path` from a one-line message that may start with the
    /// path itself ("corpus/x.txt: no such file").
    pub fn new(path: &str, message: &str) -> Self {
        let message = message
            .strip_prefix(path)
            .and_then(|m| m.strip_prefix(": "))
            .unwrap_or(message);
        FileError {
            path: path.to_string(),
            message: message.to_string(),
        }
    }
}

/// Findings of one agreement file, as every report format shows them.
#[derive(Debug, Clone, Serialize)]
pub struct FileFindings {
    /// The file as given on the command line.
    pub path: String,
    /// What the source says about the agreement.
    pub agreement: Metadata,
    /// Article findings, in document order.
    pub findings: Vec<Finding>,
    /// Agreement-level findings: what the agreement lacks (guidelines 19.4-19.5).
    pub gaps: Vec<Gap>,
    /// What the review could not assess, in a sentence each (Parties unknown).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub notes: Vec<String>,
    /// The kind of file it was read from: a PDF's findings are located by
    /// page, a text's by line and column (not serialised).
    #[serde(skip)]
    pub format: crate::provision::SourceFormat,
    /// What `--category` or `--baseline` left out of `findings` and `gaps`,
    /// kept so that a summary counts what the file holds (not serialised).
    #[serde(skip)]
    pub hidden: Hidden,
    /// For a negotiating text: the Parties, their positions per category and
    /// the gaps in each reading; `None` for a text without negotiating brackets.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub negotiation: Option<negotiation::NegotiationReport>,
}

impl FileFindings {
    /// Every finding the file holds: those reported, then those a filter or
    /// baseline hid.
    pub fn held_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .chain(&self.hidden.by_category)
            .chain(&self.hidden.by_baseline)
    }

    /// Every gap the file has: those reported, then those a filter or
    /// baseline hid.
    pub fn held_gaps(&self) -> impl Iterator<Item = &Gap> {
        self.gaps
            .iter()
            .chain(&self.hidden.gaps_by_category)
            .chain(&self.hidden.gaps_by_baseline)
    }
}

/// Findings and gaps of a file that the report does not show: the categories
/// `--category` left out (and every gap, since gaps need every category), and
/// what the `--baseline` already reported. Empty without those options.
#[derive(Debug, Clone, Default)]
pub struct Hidden {
    /// Findings of categories other than the `--category` ones.
    pub by_category: Vec<Finding>,
    /// Gaps, not reported under `--category`.
    pub gaps_by_category: Vec<Gap>,
    /// Findings whose fingerprint is in the baseline.
    pub by_baseline: Vec<Finding>,
    /// Gaps whose fingerprint is in the baseline.
    pub gaps_by_baseline: Vec<Gap>,
}

/// A short stable hash (FNV-1a, 64 bits) of normalised parts: fingerprints must
/// not change between Rust versions or runs, which rules out `DefaultHasher`.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in crate::text::fold_text(part).bytes().chain([0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The key of a finding by what it says rather than where it stands: its
/// category, its excerpt and (when given) its provision's title, every run
/// of digits as `#` (a renumbered article, and the cross-references it
/// makes, keep it). `check --baseline` reads it from an earlier run's JSON
/// (`category`, `excerpt`, `provision.title`), so that a finding whose
/// provision was renumbered or moved is still known.
pub fn passage_key(category: &str, title: Option<&str>, excerpt: &str) -> String {
    use crate::text::mask_digits;
    match title {
        Some(title) => fingerprint(&[
            "passage",
            category,
            &mask_digits(title),
            &mask_digits(excerpt),
        ]),
        None => fingerprint(&["passage", category, &mask_digits(excerpt)]),
    }
}

/// A text's first paragraph, on one line.
pub fn first_paragraph(text: &str) -> String {
    let para = text.trim().split("\n\n").next().unwrap_or("");
    let mut line = String::with_capacity(para.len());
    for word in para.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_words_is_cited_as_written_only_in_its_own_language() {
        let cited = |n, lang| number_in(n, lang).into_owned();
        for (written, lang, want) in [
            ("PREMIER", Lang::Fr, "premier"),
            ("premier", Lang::En, "1"),
            ("premier", Lang::Es, "1"),
            ("primero", Lang::Es, "primero"),
            ("Primero", Lang::Fr, "1"),
            ("ONE", Lang::En, "one"),
            ("TWENTY-ONE", Lang::Fr, "21"),
            ("dix-sept", Lang::Fr, "dix-sept"),
            ("veintiuno", Lang::Es, "veintiuno"),
            // a word two languages share stays in both
            ("six", Lang::En, "six"),
            ("six", Lang::Fr, "six"),
        ] {
            assert_eq!(cited(written, lang), want, "{written} in {lang:?}");
        }
        // digits, roman numbers, letters and the rest as written
        for n in ["14.2", "1er", "XXIV", "b", "12 bis", "unique", "(…)"] {
            for lang in [Lang::En, Lang::Es, Lang::Fr] {
                assert_eq!(cited(n, lang), crate::provision::number_as_cited(n), "{n}");
            }
        }
    }

    #[test]
    fn a_passage_keeps_its_key_when_numbers_change_and_not_when_words_do() {
        let key = |title, excerpt| passage_key("cultural_exception", title, excerpt);
        let exception = "Chapter 10 shall not apply to cultural industries.";
        let renumbered = "Chapter 11 shall  not apply to Cultural Industries.";
        assert_eq!(key(None, exception), key(None, renumbered));
        assert_eq!(
            key(Some("Article 4"), exception),
            key(Some("Article 5"), renumbered)
        );
        // a run of digits is one mark: "10" and "1" are both numbers
        assert_eq!(
            key(None, exception),
            key(None, "Chapter 1 shall not apply to cultural industries.")
        );
        // other words, another title or another category: another key
        assert_ne!(
            key(None, exception),
            key(None, "Chapter 10 shall apply to cultural industries.")
        );
        assert_ne!(
            key(Some("Culture"), exception),
            key(Some("Exceptions"), exception)
        );
        assert_ne!(key(None, exception), key(Some(""), exception));
        assert_ne!(
            key(None, exception),
            passage_key("ecommerce", None, exception)
        );
    }
}
