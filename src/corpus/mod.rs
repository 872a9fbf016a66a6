//! Corpus coding: a folder of agreements in, one row per agreement out (the
//! provision matrix researchers build by hand in DESTA or TAPED), computed in
//! parallel, file by file, with failures reported and the run carried on.

mod by_year;
mod output;

pub use by_year::{by_year, write_by_year_csv, write_by_year_svg, YearRow};
pub use output::{write_csv, write_jsonl, write_table};

use crate::provision::Agreement;
use globset::GlobMatcher;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the coder says about one agreement: per category, the flagged articles
/// (paths and numbers, in document order), the gap ids, and the findings as
/// they would appear in `check --format json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coding {
    pub categories: BTreeMap<String, Vec<ArticleRef>>,
    pub gaps: Vec<String>,
    pub findings: serde_json::Value,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub path: String,
    pub number: Option<String>,
}

/// One agreement's row of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub file: String,
    pub name: Option<String>,
    pub date_signed: Option<String>,
    pub parties: Vec<String>,
    pub language: Option<String>,
    pub articles: usize,
    #[serde(flatten)]
    pub coding: Coding,
}

#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub file: String,
    pub reason: String,
}

pub struct Outcome {
    pub rows: Vec<Row>,
    pub failures: Vec<Failure>,
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{0}: no such folder")]
    NotFound(PathBuf),
    #[error("{0}: not a folder (use `treatyscan check` for one file)")]
    NotADirectory(PathBuf),
    #[error("{path}: cannot list: {reason}")]
    Unlistable { path: PathBuf, reason: String },
}

/// Agreement files under `dir`, recursively, in a stable order. Without a glob,
/// files are taken by their extension (text, PDF, XML).
pub fn discover(dir: &Path, glob: Option<&GlobMatcher>) -> Result<Vec<PathBuf>, CorpusError> {
    if !dir.exists() {
        return Err(CorpusError::NotFound(dir.into()));
    }
    if !dir.is_dir() {
        return Err(CorpusError::NotADirectory(dir.into()));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let entry = match entry {
            Ok(e) => e,
            // a dangling link or an unlistable sub-folder: keep its path so the
            // run reports it as a failed file instead of aborting
            Err(e) => match e.path() {
                Some(p) if p != dir => {
                    files.push(p.to_path_buf());
                    continue;
                }
                _ => {
                    return Err(CorpusError::Unlistable {
                        path: dir.into(),
                        reason: e.to_string(),
                    })
                }
            },
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let selected = match glob {
            Some(g) => g.is_match(rel) || path.file_name().is_some_and(|n| g.is_match(n)),
            None => has_agreement_extension(path),
        };
        if selected {
            files.push(path.to_path_buf());
        }
    }
    files.sort();
    Ok(files)
}

fn has_agreement_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "pdf" | "xml"
        )
    })
}

/// Codes every file in parallel; the order of rows is the order of `files`,
/// whatever the thread count. `tick` is called once per file (progress bar).
/// Reading one file may take at most `budget` (none when `None`): a file over
/// it, or whose reader fails in any way, is a failure and the run goes on.
pub fn code_files<F>(
    files: &[PathBuf],
    coder: &F,
    tick: &(dyn Fn() + Sync),
    budget: Option<std::time::Duration>,
) -> Outcome
where
    F: Fn(&Agreement) -> Coding + Sync,
{
    let results: Vec<Result<Row, Failure>> = files
        .par_iter()
        .map(|path| {
            let r = code_one(path, coder, budget);
            tick();
            r
        })
        .collect();
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(row) => rows.push(row),
            Err(f) => failures.push(f),
        }
    }
    Outcome { rows, failures }
}

fn code_one<F>(path: &Path, coder: &F, budget: Option<std::time::Duration>) -> Result<Row, Failure>
where
    F: Fn(&Agreement) -> Coding + Sync,
{
    let file = path.display().to_string();
    let agreement =
        crate::source::load_within(path, crate::provision::Paragraphs::Deferred, budget).map_err(
            |e| Failure {
                file: file.clone(),
                reason: strip_path(&e.to_string(), &file),
            },
        )?;
    let articles = agreement.articles().count();
    if articles == 0 && !agreement.walk().any(|p| p.kind.is_division()) {
        return Err(Failure {
            file,
            reason: "no articles or chapters found: not an agreement?".into(),
        });
    }
    let coding =
        crate::source::budget::catch_panic(|| coder(&agreement)).map_err(|message| Failure {
            file: file.clone(),
            reason: crate::source::budget::checking_failed(&message),
        })?;
    let m = agreement.metadata;
    Ok(Row {
        file,
        name: m.name,
        date_signed: m.date_signed,
        parties: m.parties,
        language: m.language,
        articles,
        coding,
    })
}

/// Source errors start with the path; the failure row names it already.
fn strip_path(message: &str, file: &str) -> String {
    message
        .strip_prefix(file)
        .map(|m| m.trim_start_matches(':').trim().to_string())
        .unwrap_or_else(|| message.to_string())
}
