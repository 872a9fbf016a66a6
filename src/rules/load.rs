//! Reading rule files: TOML in, compiled rules out, or an error naming the file,
//! the rule code and the reason. Nothing half-loaded is ever used.

use super::catalogue::{
    Catalogue, CategoryDecl, GapDecl, Liberalised, NotReached, Reach, When, CATEGORIES_FILE,
    GAPS_FILE, GUIDELINES_FILE,
};
use super::model::{
    CategoriesFile, GapsFile, GuidelineParagraph, GuidelinesFile, RuleSpec, TermsFile, Within,
    LANGUAGES,
};
use super::scope::{ScopeDefs, BUILTIN_SCOPES};
use super::{Rule, RuleSet};
use crate::locale::Lang;
use crate::model::{Category, GapId, GapInfo, GapText, RuleInfo, RuleText};
use rayon::prelude::*;
use regex::{Regex, RegexBuilder};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// `{name}` in a pattern: a shared term. (`{2,5}` is a repetition and stays.)
static TERM_REFERENCE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\{([a-z_][a-z0-9_]*)\}").expect("valid"));

/// The file that holds shared terms and scope definitions.
pub const TERMS_FILE: &str = "terms.toml";

/// Why a rule directory could not be loaded: the file, where in it (1-based
/// line and column, counted in characters, when the fault has a place), the
/// rule or gap concerned, and the reason.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The directory could not be listed or a file in it read.
    #[error("{dir}: cannot read rule directory: {source}")]
    Directory {
        /// The directory or file.
        dir: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// No `*.toml` in the directory.
    #[error("{dir}: no rule files (*.toml) in this directory")]
    Empty {
        /// The directory.
        dir: String,
    },
    /// A file is not valid TOML, or not of its file's shape.
    #[error("{file}:{line}:{column}: {reason}")]
    Toml {
        /// The file.
        file: String,
        /// Where the fault is.
        line: usize,
        /// Where the fault is.
        column: usize,
        /// What is wrong.
        reason: String,
        /// The parser's error.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A rule is wrong (a field, a pattern, an unknown category or scope).
    #[error("{file}:{line}:{column}: rule {code}: {reason}")]
    Rule {
        /// The file.
        file: String,
        /// Where the rule (or the faulty field) is.
        line: usize,
        /// Where the rule (or the faulty field) is.
        column: usize,
        /// The rule's code (or its position when it has none).
        code: String,
        /// What is wrong.
        reason: String,
    },
    /// A gap is wrong (a condition, a pattern, an unknown category).
    #[error("{file}:{line}:{column}: gap {id}: {reason}")]
    Gap {
        /// The file.
        file: String,
        /// Where the gap is.
        line: usize,
        /// Where the gap is.
        column: usize,
        /// The gap's id.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// The shared terms or scopes are wrong.
    #[error("{file}: {reason}")]
    Terms {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
}

/// (file name, contents) pairs, sorted by name, as found in a rules directory.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, RuleError> {
    let dir_error = |at: &Path, source: std::io::Error| RuleError::Directory {
        dir: at.display().to_string(),
        source,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| dir_error(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| dir_error(dir, e))?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).map_err(|e| dir_error(&path, e))?;
            files.push((path.display().to_string(), text));
        }
    }
    if files.is_empty() {
        return Err(RuleError::Empty {
            dir: dir.display().to_string(),
        });
    }
    files.sort();
    Ok(files)
}

/// Compiles a rule set from (file name, contents) pairs: rule files, the
/// shared terms and scopes, and the categories and gaps. Each of the last
/// three is the built-in one when the files lack it, so a directory of extra
/// rules still has the shipped vocabulary, categories and gaps.
pub fn compile(files: &[(String, String)], build: Build) -> Result<RuleSet, RuleError> {
    fn named(name: &str, wanted: &str) -> bool {
        Path::new(name).file_name().is_some_and(|f| f == wanted)
    }
    let special = |name: &str| {
        [TERMS_FILE, CATEGORIES_FILE, GAPS_FILE, GUIDELINES_FILE]
            .iter()
            .any(|f| named(name, f))
    };
    let find = |wanted: &str| -> (String, String) {
        files
            .iter()
            .find(|(name, _)| named(name, wanted))
            .cloned()
            .or_else(|| {
                super::builtin::FILES
                    .iter()
                    .find(|(name, _)| *name == wanted)
                    .map(|(name, text)| (format!("rules/{name}"), text.to_string()))
            })
            .unwrap_or_else(|| (wanted.to_string(), String::new()))
    };
    // the rule files parse while the terms and the other special files do
    // (parsing the TOML is a third of start-up, before any file is checked)
    let (special_files, rule_files) = rayon::join(
        || -> Result<_, RuleError> {
            let terms = {
                let (name, text) = find(TERMS_FILE);
                let file = parse::<TermsFile>(&name, &text)?;
                (name, file)
            };
            let scopes = ScopeDefs::compile(&terms.1, build, |reason| RuleError::Terms {
                file: terms.0.clone(),
                reason,
            })?;
            let (categories_name, categories_text) = find(CATEGORIES_FILE);
            let categories = declare_categories(&categories_name, &categories_text)?;
            let (guidelines_name, guidelines_text) = find(GUIDELINES_FILE);
            let guidelines =
                parse::<GuidelinesFile>(&guidelines_name, &guidelines_text)?.paragraphs;
            Ok((terms, scopes, categories, guidelines))
        },
        || -> Vec<Result<Vec<Spanned<RuleSpec>>, RuleError>> {
            files
                .par_iter()
                .filter(|(name, _)| !special(name))
                .map(|(name, text)| rule_specs(name, text))
                .collect()
        },
    );
    let (terms, scopes, categories, guidelines) = special_files?;
    // a rule file's error waits for the gaps file's (see below)
    let specs: Result<Vec<_>, RuleError> = files
        .iter()
        .filter(|(name, _)| !special(name))
        .zip(rule_files)
        .map(|((name, text), parsed)| Ok(parsed?.into_iter().map(move |s| (name, text, s))))
        .collect::<Result<Vec<_>, RuleError>>()
        .map(|per_file| per_file.into_iter().flatten().collect());
    let (gaps_name, gaps_text) = find(GAPS_FILE);
    let shared = Shared {
        terms: &terms.1,
        scopes: &scopes,
        categories: &categories,
        guidelines: &guidelines,
        build,
    };
    // compiling the regexes and finding each rule's trigger literals is most
    // of a run's start-up: spread over the cores, while the gaps (their TOML
    // and regexes) compile, which need only the special files
    let compile_rules = || -> Result<(Vec<Rule>, Vec<super::RuleLiterals>), RuleError> {
        let compiled: Vec<Result<(Rule, super::RuleLiterals), RuleError>> = specs?
            .into_par_iter()
            .map(|(name, text, spec)| {
                compile_rule(name, text, spec, &shared).map(|rule| {
                    let trigger = super::trigger(&rule);
                    (rule, trigger)
                })
            })
            .collect();
        let mut rules: Vec<Rule> = Vec::new();
        let mut literals = Vec::new();
        for compiled in compiled {
            let (rule, trigger) = compiled?;
            if rules.iter().any(|r| r.spec.code == rule.spec.code) {
                return Err(RuleError::Rule {
                    file: rule.file.clone(),
                    line: 1,
                    column: 1,
                    code: rule.spec.code.clone(),
                    reason: "duplicate rule code".into(),
                });
            }
            rules.push(rule);
            literals.push(trigger);
        }
        Ok((rules, literals))
    };
    let (catalogue, compiled) = rayon::join(
        || {
            compile_gaps(
                &gaps_name,
                &gaps_text,
                categories.clone(),
                guidelines.clone(),
                &terms.1,
            )
        },
        compile_rules,
    );
    // errors are reported as a serial load would: the special files' first,
    // then the gaps file's, then the rule files' in file order
    let catalogue = catalogue?;
    let (mut rules, literals) = compiled?;
    // the rules' regexes are shared and their title cue made while the
    // triggers' automaton, one thread's work, is built
    let (titles, triggers) = rayon::join(
        || super::share_and_title(&mut rules),
        || super::Triggers::of(literals),
    );
    RuleSet::new(rules, triggers, titles, scopes, catalogue)
}

/// `YYYY-MM-DD`.
fn iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Parses a whole file into its typed shape, or says where it is wrong.
fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, RuleError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        RuleError::Toml {
            file: name.to_string(),
            line,
            column,
            reason: e.message().to_string(),
            source: Box::new(e),
        }
    })
}

/// A rule file's rules, each with where it stands. A fault inside one rule
/// is reported against that rule's code.
fn rule_specs(name: &str, text: &str) -> Result<Vec<Spanned<RuleSpec>>, RuleError> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RuleFile {
        #[serde(default)]
        rule: Vec<Spanned<RuleSpec>>,
    }
    #[derive(serde::Deserialize)]
    struct Loose {
        #[serde(default)]
        rule: Vec<Spanned<toml::Table>>,
    }
    match toml::from_str::<RuleFile>(text) {
        Ok(file) => Ok(file.rule),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let (line, column) = line_column(text, at);
            // name the rule the fault sits in, when the file parses loosely
            let code = toml::from_str::<Loose>(text).ok().and_then(|loose| {
                loose.rule.iter().enumerate().find_map(|(i, t)| {
                    t.span().contains(&at).then(|| {
                        t.get_ref()
                            .get("code")
                            .and_then(|c| c.as_str())
                            .map_or_else(|| format!("#{} (no code)", i + 1), String::from)
                    })
                })
            });
            Err(match code {
                Some(code) => RuleError::Rule {
                    file: name.to_string(),
                    line,
                    column,
                    code,
                    reason: e.message().to_string(),
                },
                None => RuleError::Toml {
                    file: name.to_string(),
                    line,
                    column,
                    reason: e.message().to_string(),
                    source: Box::new(e),
                },
            })
        }
    }
}

fn declare_categories(name: &str, text: &str) -> Result<Vec<CategoryDecl>, RuleError> {
    let file: CategoriesFile = parse(name, text)?;
    let mut out: Vec<CategoryDecl> = Vec::new();
    for c in file.categories {
        if out.iter().any(|d| d.category == c.name.as_str()) {
            return Err(RuleError::Terms {
                file: name.to_string(),
                reason: format!("category `{}` declared twice", c.name),
            });
        }
        let mut labels = BTreeMap::new();
        for (lang, wording) in [(Lang::Es, c.es), (Lang::Fr, c.fr)] {
            if let Some(w) = wording {
                labels.insert(lang, w.label);
            }
        }
        out.push(CategoryDecl {
            category: Category::declared(&c.name),
            label: c.label,
            labels,
            cultural_clause: c.cultural_clause,
        });
    }
    Ok(out)
}

/// The typed category of a name, or a message listing the declared ones.
fn known_category(categories: &[CategoryDecl], name: &str) -> Result<Category, String> {
    categories
        .iter()
        .find(|c| c.category == name)
        .map(|c| c.category)
        .ok_or_else(|| {
            let names: Vec<&str> = categories.iter().map(|c| c.category.as_str()).collect();
            format!(
                "unknown category `{name}` (expected one of: {}; declared in {CATEGORIES_FILE})",
                names.join(", ")
            )
        })
}

/// The summaries of the paragraphs cited, or a message naming one that
/// `guidelines.toml` does not list.
fn summaries(guidelines: &[GuidelineParagraph], cited: &[String]) -> Result<Vec<String>, String> {
    cited
        .iter()
        .map(|id| {
            guidelines
                .iter()
                .find(|p| p.id == *id)
                .map(|p| p.summary.clone())
                .ok_or_else(|| {
                    format!(
                        "cites guideline paragraph {id}, which {GUIDELINES_FILE} does not list (a Convention article goes in `convention_article`)"
                    )
                })
        })
        .collect()
}

/// [`summaries`] in `lang` (the English of a paragraph with no translation);
/// the ids were checked by `summaries`.
fn summaries_in(guidelines: &[GuidelineParagraph], cited: &[String], lang: Lang) -> Vec<String> {
    cited
        .iter()
        .filter_map(|id| guidelines.iter().find(|p| p.id == *id))
        .map(|p| p.summary_in(lang).to_string())
        .collect()
}

fn compile_gaps(
    name: &str,
    text: &str,
    categories: Vec<CategoryDecl>,
    guidelines: Vec<GuidelineParagraph>,
    terms: &TermsFile,
) -> Result<Catalogue, RuleError> {
    let file: GapsFile = parse(name, text)?;
    let pattern = |p: &str| -> Result<Regex, String> {
        let expanded = expand_terms(p, terms, 0)?;
        RegexBuilder::new(&expanded)
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map_err(|e| format!("pattern {p:?}: {e}"))
    };
    let reach_fail = |reason: String| RuleError::Terms {
        file: name.to_string(),
        reason: format!("[reach] {reason}"),
    };
    let r = &file.reach;
    let reach = Reach {
        agreement_wide: pattern(&r.agreement_wide).map_err(reach_fail)?,
        names_division: pattern(&r.names_division).map_err(reach_fail)?,
        cross_reference: pattern(&r.cross_reference).map_err(reach_fail)?,
        applies: pattern(&r.applies).map_err(reach_fail)?,
        this_division: r
            .this_division
            .as_deref()
            .map(&pattern)
            .transpose()
            .map_err(reach_fail)?,
        names_article: r
            .names_article
            .as_deref()
            .map(&pattern)
            .transpose()
            .map_err(reach_fail)?,
        saving_subject: r
            .saving_subject
            .as_deref()
            .map(&pattern)
            .transpose()
            .map_err(reach_fail)?,
        exceptions_division: r
            .exceptions_division
            .as_deref()
            .map(&pattern)
            .transpose()
            .map_err(reach_fail)?,
    };
    for (re, group) in [
        (Some(&reach.names_division), "list"),
        (Some(&reach.cross_reference), "article"),
        (Some(&reach.cross_reference), "number"),
        (reach.names_article.as_ref(), "list"),
        (reach.saving_subject.as_ref(), "subject"),
    ] {
        let Some(re) = re else { continue };
        if !re.capture_names().flatten().any(|n| n == group) {
            return Err(reach_fail(format!(
                "pattern {:?} needs a group named `{group}`",
                re.as_str()
            )));
        }
    }
    let mut gaps: Vec<GapDecl> = Vec::new();
    for spec in file.gaps {
        let (line, column) = line_column(text, spec.span().start);
        let spec = spec.into_inner();
        let fail = |reason: String| RuleError::Gap {
            file: name.to_string(),
            line,
            column,
            id: spec.id.clone(),
            reason,
        };
        if gaps.iter().any(|g| g.info.id == spec.id.as_str()) {
            return Err(fail("duplicate gap id".into()));
        }
        let cats = |names: &[String]| -> Result<Vec<Category>, RuleError> {
            names
                .iter()
                .map(|n| known_category(&categories, n).map_err(fail))
                .collect()
        };
        let w = &spec.when;
        let when = When {
            absent: cats(&w.absent)?,
            present: cats(&w.present)?,
            liberalised: match &w.liberalised {
                Some(l) => Some(Liberalised {
                    kinds: l.kinds.clone(),
                    title: pattern(&l.title).map_err(fail)?,
                    or_present: cats(&l.or_present)?,
                }),
                None => None,
            },
            not_reached_by: match &w.not_reached_by {
                Some(n) => Some(NotReached {
                    category: known_category(&categories, &n.category).map_err(fail)?,
                    divisions_titled: pattern(&n.divisions_titled).map_err(fail)?,
                    or_flagged: cats(&n.or_flagged)?,
                    kept_in: n
                        .kept_in
                        .as_deref()
                        .map(&pattern)
                        .transpose()
                        .map_err(fail)?,
                    brought_back: n
                        .brought_back
                        .as_deref()
                        .map(&pattern)
                        .transpose()
                        .map_err(fail)?,
                }),
                None => None,
            },
            developing_party: w.developing_party,
            undated_or_signed_from: match &w.undated_or_signed_from {
                Some(d) if iso_date(d) => Some(d.clone()),
                Some(d) => {
                    return Err(fail(format!(
                        "`undated_or_signed_from` = {d:?} is not a date (YYYY-MM-DD)"
                    )))
                }
                None => None,
            },
        };
        let no_condition = when.absent.is_empty()
            && when.present.is_empty()
            && when.liberalised.is_none()
            && when.not_reached_by.is_none()
            && !when.developing_party
            && when.undated_or_signed_from.is_none();
        if no_condition {
            return Err(fail(
                "`when` has no condition: the gap would always be open".into(),
            ));
        }
        if let Some(l) = spec
            .clause
            .keys()
            .find(|l| !LANGUAGES.contains(&l.as_str()))
        {
            return Err(fail(format!(
                "clause in unknown language `{l}` (expected en, es or fr)"
            )));
        }
        if !spec.clause.contains_key("en") {
            return Err(fail("`clause.en` is required (the fallback clause)".into()));
        }
        if spec.guideline.is_empty() {
            return Err(fail("`guideline` must name at least one paragraph".into()));
        }
        let guideline_summaries = summaries(&guidelines, &spec.guideline).map_err(fail)?;
        let mut translations = BTreeMap::new();
        for (lang, wording) in [(Lang::Es, &spec.es), (Lang::Fr, &spec.fr)] {
            let w = wording.clone().unwrap_or_default();
            translations.insert(
                lang,
                GapText {
                    message: w.message.unwrap_or_else(|| spec.message.clone()),
                    explanation: w.explanation.unwrap_or_else(|| spec.explanation.clone()),
                    recommendation: w
                        .recommendation
                        .unwrap_or_else(|| spec.recommendation.clone()),
                    guideline_summaries: summaries_in(&guidelines, &spec.guideline, lang),
                },
            );
        }
        gaps.push(GapDecl {
            info: Arc::new(GapInfo {
                id: GapId::declared(&spec.id),
                severity: spec.severity,
                guideline: spec.guideline,
                guideline_summaries,
                convention_article: spec.convention_article,
                message: spec.message,
                explanation: spec.explanation,
                recommendation: spec.recommendation,
                translations,
            }),
            clauses: spec.clause,
            when,
            examples: spec.examples,
            file: name.to_string(),
        });
    }
    Ok(Catalogue {
        categories,
        gaps,
        reach,
        parties: file.parties,
        guidelines,
    })
}

/// What every rule of a set is compiled against.
struct Shared<'a> {
    terms: &'a TermsFile,
    scopes: &'a ScopeDefs,
    categories: &'a [CategoryDecl],
    guidelines: &'a [GuidelineParagraph],
    build: Build,
}

fn compile_rule(
    file: &str,
    text: &str,
    spec: Spanned<RuleSpec>,
    shared: &Shared,
) -> Result<Rule, RuleError> {
    let Shared {
        terms,
        scopes,
        categories,
        guidelines,
        build,
    } = *shared;
    let (line, column) = line_column(text, spec.span().start);
    let spec = spec.into_inner();
    let fail = |reason: String| RuleError::Rule {
        file: file.to_string(),
        line,
        column,
        code: spec.code.clone(),
        reason,
    };
    check_spec(&spec).map_err(fail)?;
    let category = known_category(categories, &spec.category).map_err(fail)?;
    let cultural_clause = categories
        .iter()
        .any(|c| c.category == category && c.cultural_clause);
    let category_labels = categories
        .iter()
        .find(|c| c.category == category)
        .map(|c| {
            [Lang::En, Lang::Es, Lang::Fr]
                .into_iter()
                .map(|lang| (lang, c.label_in(lang).to_string()))
                .collect()
        })
        .unwrap_or_default();
    let scope = scopes.filter(&spec.scope).map_err(fail)?;
    let guideline_summaries = summaries(guidelines, &spec.guideline).map_err(fail)?;
    let translations = [Lang::Es, Lang::Fr]
        .into_iter()
        .map(|lang| {
            let w = spec.wording(lang).cloned().unwrap_or_default();
            let text = RuleText {
                title: w.title.unwrap_or_else(|| spec.title.clone()),
                message: w.message.unwrap_or_else(|| spec.message.clone()),
                explanation: w.explanation.unwrap_or_else(|| spec.explanation.clone()),
                guideline_summaries: summaries_in(guidelines, &spec.guideline, lang),
            };
            (lang, text)
        })
        .collect();
    let compile_all = |patterns: &[String],
                       field: &str|
     -> Result<Vec<super::Pattern>, RuleError> {
        patterns
            .iter()
            .map(|p| {
                pattern(p, terms, build).map_err(|e| fail(format!("`{field}` pattern {p:?}: {e}")))
            })
            .collect()
    };
    let any = compile_all(&spec.any, "any")?;
    let undot_monotone = spec.within == Within::Sentence
        && !any.is_empty()
        && any.iter().all(|re| re.undot_monotone());
    Ok(Rule {
        undot_monotone,
        requires: compile_all(&spec.requires, "requires")?,
        all: compile_all(&spec.all, "all")?,
        any,
        not: compile_all(&spec.not, "not")?,
        title_any: compile_all(&spec.title_any, "title_any")?,
        scope,
        file: file.to_string(),
        info: Arc::new(RuleInfo {
            code: spec.code.clone(),
            category,
            cultural_clause,
            definition: spec.definition,
            title: spec.title.clone(),
            severity: spec.severity,
            message: spec.message.clone(),
            explanation: spec.explanation.clone(),
            guideline: spec.guideline.clone(),
            guideline_summaries,
            convention_article: spec.convention_article.clone(),
            languages: spec.languages.clone(),
            translations,
            category_labels,
        }),
        spec,
    })
}

fn check_spec(spec: &RuleSpec) -> Result<(), String> {
    if let Some(l) = spec
        .languages
        .iter()
        .find(|l| !LANGUAGES.contains(&l.as_str()))
    {
        return Err(format!("unknown language `{l}` (expected en, es or fr)"));
    }
    // by chars: a code such as `ÉÉ01` is refused, not sliced inside a letter
    let valid_code = spec.code.chars().count() >= 4
        && spec.code.chars().take(3).all(|c| c.is_ascii_uppercase())
        && spec.code.chars().skip(3).all(|c| c.is_ascii_digit());
    if !valid_code {
        return Err("code must be three capitals and digits, like CEX001".into());
    }
    if spec.guideline.is_empty() {
        return Err("`guideline` must name at least one paragraph".into());
    }
    if spec.examples.should_match.is_empty() {
        return Err("`examples.match` needs at least one example".into());
    }
    if spec.scope.is_empty() {
        return Err(format!(
            "`scope` is empty (use [\"anywhere\"]; scopes: {})",
            BUILTIN_SCOPES.join(", ")
        ));
    }
    Ok(())
}

/// How big a compiled pattern may grow (the `regex` default is too small for
/// the alternations that shared terms expand to).
pub const PATTERN_SIZE_LIMIT: usize = 1 << 24;

/// When a rule set's patterns are built into regexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// At load, so that a pattern over the size limit is a load error naming
    /// its file and rule (rule directories given by users).
    Now,
    /// At each pattern's first search (the built-in rules, which the tests
    /// build in full): a check of one draft needs a third of them.
    AtFirstSearch,
}

/// Expands `{term}` references and compiles one pattern. Matching runs on
/// folded text (lowercase, no accents), so patterns are written that way too,
/// and compiled without Unicode classes: `\w` and `\b` are ASCII, which keeps
/// every pattern inside the fast DFA engines.
pub fn compile_pattern(pattern: &str, terms: &TermsFile) -> Result<super::Pattern, String> {
    let expanded = expand_terms(pattern, terms, 0)?;
    super::Pattern::new(&expanded, PATTERN_SIZE_LIMIT)
}

/// Expands `{term}` references in one pattern and parses it, its regex
/// built now ([`compile_pattern`]) or at its first search, as `build` says.
pub fn pattern(pattern: &str, terms: &TermsFile, build: Build) -> Result<super::Pattern, String> {
    match build {
        Build::Now => compile_pattern(pattern, terms),
        Build::AtFirstSearch => expand_terms(pattern, terms, 0)
            .and_then(|e| super::Pattern::parsed(&e, PATTERN_SIZE_LIMIT)),
    }
}

/// Whether every match `pattern` has in a folded text it also has once the
/// text's full stops and colons are spaces (`Subject::undotted`): no literal
/// `.` or `:`, no class that holds either without the space, and no
/// assertion but word boundaries (the three are all non-word bytes, so a
/// boundary stays where it was). A match in one sentence is then a match in
/// the whole text too: an anchor would see a sentence's edge as the text's.
/// A pattern that does not parse is not.
#[cfg(test)]
pub fn undot_monotone(pattern: &str) -> bool {
    super::prefilter::parse(pattern).is_ok_and(|hir| undot_monotone_hir(&hir))
}

/// `undot_monotone` of a pattern already parsed.
pub fn undot_monotone_hir(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, Hir, HirKind, Look};
    fn class_ok(has: impl Fn(u8) -> bool) -> bool {
        has(b' ') || !(has(b'.') || has(b':'))
    }
    fn ok(hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Empty => true,
            HirKind::Literal(l) => !l.0.iter().any(|&b| b == b'.' || b == b':'),
            HirKind::Class(Class::Bytes(c)) => {
                class_ok(|b| c.ranges().iter().any(|r| r.start() <= b && b <= r.end()))
            }
            HirKind::Class(Class::Unicode(c)) => class_ok(|b| {
                let ch = char::from(b);
                c.ranges().iter().any(|r| r.start() <= ch && ch <= r.end())
            }),
            // `\\b` and its start and end forms; not `\\B`, which a sentence's
            // last space holds as a text of its own and not within the text
            HirKind::Look(look) => matches!(
                look,
                Look::WordAscii | Look::WordStartAscii | Look::WordEndAscii
            ),
            HirKind::Repetition(r) => ok(&r.sub),
            HirKind::Capture(c) => ok(&c.sub),
            HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().all(ok),
        }
    }
    ok(hir)
}

/// Expands `{term}` references and checks the pattern's syntax, for patterns
/// compiled together (a `RegexSet`) rather than one by one.
pub fn expand_pattern(pattern: &str, terms: &TermsFile) -> Result<String, String> {
    let expanded = expand_terms(pattern, terms, 0)?;
    super::prefilter::parse(&expanded)?;
    Ok(expanded)
}

fn expand_terms(pattern: &str, terms: &TermsFile, depth: usize) -> Result<String, String> {
    if depth > 4 {
        return Err("terms nest more than 4 deep (a cycle?)".into());
    }
    let mut out = String::with_capacity(pattern.len());
    let mut last = 0;
    for caps in TERM_REFERENCE.captures_iter(pattern) {
        let whole = caps.get(0).expect("group 0");
        let name = &caps[1];
        let term = terms
            .terms
            .get(name)
            .ok_or_else(|| format!("unknown term `{{{name}}}` (define it in {TERMS_FILE})"))?;
        out.push_str(&pattern[last..whole.start()]);
        out.push_str("(?:");
        out.push_str(&expand_terms(term, terms, depth + 1)?);
        out.push(')');
        last = whole.end();
    }
    out.push_str(&pattern[last..]);
    Ok(out)
}
