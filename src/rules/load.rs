//! Reading rule files: TOML in, compiled rules out, or an error naming the file,
//! the rule code and the reason. Nothing half-loaded is ever used.

use super::model::{RuleSpec, TermsFile, CATEGORIES, LANGUAGES};
use super::scope::{ScopeDefs, BUILTIN_SCOPES};
use super::{Rule, RuleSet};
use rayon::prelude::*;
use regex::bytes::{Regex, RegexBuilder};
use std::path::Path;

/// `{name}` in a pattern: a shared term. (`{2,5}` is a repetition and stays.)
static TERM_REFERENCE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\{([a-z_][a-z0-9_]*)\}").expect("valid"));

/// The file that holds shared terms and scope definitions.
pub const TERMS_FILE: &str = "terms.toml";

#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{dir}: cannot read rule directory: {reason}")]
    Directory { dir: String, reason: String },
    #[error("{dir}: no rule files (*.toml) in this directory")]
    Empty { dir: String },
    #[error("{file}: invalid TOML: {reason}")]
    Toml { file: String, reason: String },
    #[error("{file}: rule {code}: {reason}")]
    Rule {
        file: String,
        code: String,
        reason: String,
    },
    #[error("{file}: {reason}")]
    Terms { file: String, reason: String },
}

/// (file name, contents) pairs, sorted by name, as found in a rules directory.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, RuleError> {
    let dir_error = |reason: String| RuleError::Directory {
        dir: dir.display().to_string(),
        reason,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| dir_error(e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| dir_error(e.to_string()))?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).map_err(|e| dir_error(e.to_string()))?;
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

pub fn compile(files: &[(String, String)]) -> Result<RuleSet, RuleError> {
    let is_terms = |name: &str| Path::new(name).file_name().is_some_and(|f| f == TERMS_FILE);
    let terms = match files.iter().find(|(name, _)| is_terms(name)) {
        Some((name, text)) => parse_terms(name, text)?,
        None => (String::from(TERMS_FILE), TermsFile::default()),
    };
    let scopes = ScopeDefs::compile(&terms.1, |reason| RuleError::Terms {
        file: terms.0.clone(),
        reason,
    })?;
    let mut tables = Vec::new();
    for (name, text) in files.iter().filter(|(name, _)| !is_terms(name)) {
        tables.extend(rule_tables(name, text)?.into_iter().map(|t| (name, t)));
    }
    // compiling the regexes is most of a run's start-up: spread it over the
    // cores, then report the first failure in file order, as a serial load would
    let compiled: Vec<Result<Rule, RuleError>> = tables
        .into_par_iter()
        .map(|(name, (code, table))| compile_rule(name, &code, table, &terms.1, &scopes))
        .collect();
    let mut rules: Vec<Rule> = Vec::new();
    for rule in compiled {
        let rule = rule?;
        if rules.iter().any(|r| r.spec.code == rule.spec.code) {
            return Err(rule_error(
                &rule.file,
                &rule.spec.code,
                "duplicate rule code".into(),
            ));
        }
        rules.push(rule);
    }
    RuleSet::new(rules, scopes)
}

fn parse_terms(name: &str, text: &str) -> Result<(String, TermsFile), RuleError> {
    let terms: TermsFile = toml::from_str(text).map_err(|e| RuleError::Toml {
        file: name.to_string(),
        reason: e.message().to_string(),
    })?;
    Ok((name.to_string(), terms))
}

/// Splits a rule file into its rule tables, each with its code, so that a
/// missing field can be reported against the rule that lacks it.
fn rule_tables(name: &str, text: &str) -> Result<Vec<(String, toml::Value)>, RuleError> {
    let toml_error = |reason: String| RuleError::Toml {
        file: name.to_string(),
        reason,
    };
    let doc: toml::Table = toml::from_str(text).map_err(|e| toml_error(e.message().into()))?;
    if let Some(key) = doc.keys().find(|k| *k != "rule") {
        return Err(toml_error(format!(
            "unknown top-level key `{key}` (expected [[rule]] tables)"
        )));
    }
    let Some(list) = doc.get("rule") else {
        return Ok(Vec::new());
    };
    let list = list
        .as_array()
        .ok_or_else(|| toml_error("`rule` must be an array of tables ([[rule]])".into()))?;
    Ok(list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let code = v
                .get("code")
                .and_then(|c| c.as_str())
                .map_or_else(|| format!("#{} (no code)", i + 1), String::from);
            (code, v.clone())
        })
        .collect())
}

fn rule_error(file: &str, code: &str, reason: String) -> RuleError {
    RuleError::Rule {
        file: file.to_string(),
        code: code.to_string(),
        reason,
    }
}

fn compile_rule(
    file: &str,
    code: &str,
    table: toml::Value,
    terms: &TermsFile,
    scopes: &ScopeDefs,
) -> Result<Rule, RuleError> {
    let fail = |reason: String| rule_error(file, code, reason);
    let spec: RuleSpec = table
        .try_into()
        .map_err(|e: toml::de::Error| fail(e.message().into()))?;
    check_spec(&spec).map_err(fail)?;
    let scope = scopes.filter(&spec.scope).map_err(fail)?;
    let compile_all = |patterns: &[String], field: &str| -> Result<Vec<Regex>, RuleError> {
        patterns
            .iter()
            .map(|p| {
                compile_pattern(p, terms).map_err(|e| fail(format!("`{field}` pattern {p:?}: {e}")))
            })
            .collect()
    };
    Ok(Rule {
        requires: compile_all(&spec.requires, "requires")?,
        all: compile_all(&spec.all, "all")?,
        any: compile_all(&spec.any, "any")?,
        not: compile_all(&spec.not, "not")?,
        title_any: compile_all(&spec.title_any, "title_any")?,
        scope,
        file: file.to_string(),
        spec,
    })
}

fn check_spec(spec: &RuleSpec) -> Result<(), String> {
    if !CATEGORIES.contains(&spec.category.as_str()) {
        return Err(format!(
            "unknown category `{}` (expected one of: {})",
            spec.category,
            CATEGORIES.join(", ")
        ));
    }
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
        return Err("code must be three capitals and digits, like CUL001".into());
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

/// Expands `{term}` references and compiles one pattern. Matching runs on
/// folded text (lowercase, no accents), so patterns are written that way too,
/// and compiled without Unicode classes: `\w` and `\b` are ASCII, which keeps
/// every pattern inside the fast DFA engines.
pub fn compile_pattern(pattern: &str, terms: &TermsFile) -> Result<Regex, String> {
    let expanded = expand_terms(pattern, terms, 0)?;
    RegexBuilder::new(&expanded)
        .unicode(false)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

/// Expands `{term}` references and checks the pattern's syntax, for patterns
/// compiled together (a `RegexSet`) rather than one by one.
pub fn expand_pattern(pattern: &str, terms: &TermsFile) -> Result<String, String> {
    let expanded = expand_terms(pattern, terms, 0)?;
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(&expanded)
        .map_err(|e| e.to_string())?;
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
