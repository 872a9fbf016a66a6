//! Corpus coding: a folder of agreements in, one row per agreement out (the
//! provision matrix researchers build by hand in DESTA or TAPED), computed in
//! parallel, file by file, with failures reported and the run carried on.

mod by_year;
mod output;

pub use by_year::{
    by_year, periods, write_by_year_svg, write_periods_csv, write_periods_jsonl,
    write_periods_table, Period, YearRow, MIN_AGREEMENTS,
};
pub use output::{quoted, write_csv, write_jsonl, write_table};

use crate::provision::Agreement;
use globset::GlobMatcher;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the coder says about one agreement: per category, the flagged articles
/// (paths and numbers, in document order), the gap ids, and the findings as
/// they would appear in `check --format json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coding {
    /// Per category with a finding, the articles flagged, each once, in document order.
    pub categories: BTreeMap<String, Vec<ProvisionRef>>,
    /// Ids of the agreement-level gaps found (`missing_cultural_exception`…).
    pub gaps: Vec<String>,
    /// The findings as `check --format json` gives them (kept for JSON Lines only; empty
    /// otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<crate::model::Finding>,
    /// The gaps in full, as `check --format json` gives them (JSON Lines only; empty
    /// otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gap_details: Vec<crate::model::Gap>,
}

/// An article a category was found in: the model's one provision reference.
pub use crate::model::ProvisionRef;

/// One agreement's row of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The path the agreement was read from, as found under the folder.
    pub file: String,
    /// The agreement's name: from ToTA `<meta>`, or the first line of another
    /// source's title page (`Agreement::name`).
    pub name: Option<String>,
    /// Date of signature as ToTA writes it (`YYYY-MM-DD`), or as read from the
    /// closing formula of another source ("Done at …, this sixth day of
    /// October …": `YYYY-MM-DD`, or `YYYY-MM` without a day, or `YYYY` from
    /// a formula left blank but for its year; see
    /// `provision::signed`); `--by-year` reads its first four characters.
    pub date_signed: Option<String>,
    /// ISO 3166 alpha-3 codes of the Parties: from ToTA `<meta>`, or read from
    /// the title and preamble of another source.
    pub parties: Vec<String>,
    /// Language code of the text: from ToTA `<meta>`, or the one of English,
    /// Spanish and French the text is read as (`None` when too short to tell).
    pub language: Option<String>,
    /// Number of articles found, at any depth.
    pub articles: usize,
    /// What the coder found; its fields are the row's columns (flattened in JSON).
    #[serde(flatten)]
    pub coding: Coding,
}

impl Row {
    /// Year of signature: the first four characters of `date_signed`, when they are a number.
    pub fn year(&self) -> Option<i32> {
        self.date_signed
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
    }
}

/// A file that could not be coded; the run goes on without it.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The path of the file, as found under the folder.
    pub file: String,
    /// Why: the source error without its leading path, or "no articles or chapters found".
    pub reason: String,
}

/// What [`code_files`] returns: the coded rows and the failed files, each in `files` order.
pub struct Outcome {
    /// One row per coded agreement.
    pub rows: Vec<Row>,
    /// One entry per file that could not be read or held no article or chapter.
    pub failures: Vec<Failure>,
}

/// Why a corpus folder cannot be walked at all (a single bad file is a [`Failure`] instead).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The folder does not exist.
    #[error("{0}: no such folder")]
    NotFound(PathBuf),
    /// The path is a file, not a folder.
    #[error("{0}: not a folder (use `treatyscan check` for one file)")]
    NotADirectory(PathBuf),
    /// The folder itself could not be listed.
    #[error("{path}: cannot list: {reason}")]
    Unlistable {
        /// The folder given.
        path: PathBuf,
        /// The file system's error message.
        reason: String,
    },
}

/// Agreement files under `dir`, recursively, in a stable order. Without a glob,
/// files are taken by their extension (text, Markdown, HTML, Word, PDF, XML),
/// or, without a known one, when their content is a PDF, a web page or XML.
pub fn discover(dir: &Path, glob: Option<&GlobMatcher>) -> Result<Vec<PathBuf>, CorpusError> {
    discover_all(dir, glob).map(|d| d.files)
}

/// What a walk of a corpus folder found: the files to code, and the files it
/// left out with the reason (each named on stderr by `treatyscan corpus`).
#[derive(Debug, Default)]
pub struct Discovery {
    /// Agreement files to code, in a stable order.
    pub files: Vec<PathBuf>,
    /// Files left out, each with the reason.
    pub skipped: Vec<(PathBuf, Skip)>,
}

/// Why a walk of a corpus folder leaves a file out.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// A folder's own documentation (README, LICENSE…): its name, in capitals.
    FolderDocument(String),
    /// An extension no reader takes, and content none tells (lower case, no dot).
    Extension(String),
    /// No extension, and content that is no PDF, web page or XML.
    NoExtension,
    /// Not a regular file: a named pipe, a socket or a device, which a
    /// reader could wait on for ever.
    NotAFile,
}

impl Skip {
    /// The reason in `locale`'s language ("unsupported extension .json").
    pub fn message(&self, locale: &crate::locale::Locale) -> String {
        match self {
            Skip::FolderDocument(stem) => locale.tr(
                "corpus-skip-folder-document",
                &[("stem", stem.clone().into())],
            ),
            Skip::Extension(ext) => {
                locale.tr("corpus-skip-extension", &[("ext", ext.clone().into())])
            }
            Skip::NoExtension => locale.t("corpus-skip-no-extension"),
            Skip::NotAFile => locale.t("corpus-skip-not-a-file"),
        }
    }
}

/// `discover`, also listing the files left out and why (a glob's misses are
/// not listed: the user chose them out).
pub fn discover_all(dir: &Path, glob: Option<&GlobMatcher>) -> Result<Discovery, CorpusError> {
    if !dir.exists() {
        return Err(CorpusError::NotFound(dir.into()));
    }
    if !dir.is_dir() {
        return Err(CorpusError::NotADirectory(dir.into()));
    }
    let mut found = Discovery::default();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let entry = match entry {
            Ok(e) => e,
            // a dangling link or an unlistable sub-folder: keep its path so the
            // run reports it as a failed file instead of aborting
            Err(e) => match e.path() {
                Some(p) if p != dir => {
                    found.files.push(p.to_path_buf());
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
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        if !entry.file_type().is_file() {
            // a pipe, socket or device: named, as the files left out are
            found.skipped.push((path.to_path_buf(), Skip::NotAFile));
            continue;
        }
        let rel = path.strip_prefix(dir).unwrap_or(path);
        match glob {
            Some(g) => {
                if g.is_match(rel) || path.file_name().is_some_and(|n| g.is_match(n)) {
                    found.files.push(path.to_path_buf());
                }
            }
            None => match why_not_agreement(path) {
                None => found.files.push(path.to_path_buf()),
                Some(reason) => found.skipped.push((path.to_path_buf(), reason)),
            },
        }
    }
    found.files.sort();
    found.skipped.sort();
    Ok(found)
}

/// Names (without extension) of files that document a folder.
const FOLDER_DOCUMENTS: &[&str] = &[
    "README",
    "LICENSE",
    "LICENCE",
    "CHANGELOG",
    "CONTRIBUTING",
    "NOTICE",
    "COPYING",
];

/// Extensions of the formats `check` reads.
const AGREEMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "pdf", "xml", "docx", "html", "htm", "xhtml", "md", "markdown",
];

/// `None` when `path` is an agreement file to code; else why it is left out.
fn why_not_agreement(path: &Path) -> Option<Skip> {
    // a folder's own documentation: corpora ship a README beside their texts
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(|s| s.to_ascii_uppercase());
    if let Some(stem) = stem.as_deref().filter(|s| FOLDER_DOCUMENTS.contains(s)) {
        return Some(Skip::FolderDocument(stem.to_string()));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    if ext
        .as_deref()
        .is_some_and(|e| AGREEMENT_EXTENSIONS.contains(&e))
    {
        return None;
    }
    // no known extension: taken when the content is a format told by content
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    use crate::provision::SourceFormat as F;
    match crate::source::sniff(&head[..n]) {
        F::Pdf | F::Html | F::TotaXml => None,
        _ => Some(match ext {
            Some(e) => Skip::Extension(e),
            None => Skip::NoExtension,
        }),
    }
}

/// Codes every file in parallel; the order of rows is the order of `files`,
/// whatever the thread count. `tick` is called once per file (progress bar).
/// Reading one file may take at most `budget` (none when `None`): a file over
/// it, or whose reader fails in any way, is a failure and the run goes on.
pub fn code_files<F>(
    files: &[PathBuf],
    coder: F,
    tick: impl Fn() + Send + Sync + 'static,
    budget: Option<std::time::Duration>,
) -> Outcome
where
    F: Fn(&Agreement) -> Coding + Send + Sync + 'static,
{
    code_files_with(
        files,
        coder,
        tick,
        budget,
        crate::source::ReadOptions::deferred(),
    )
}

/// [`code_files`], reading each file with `options` (its PDF limits).
pub fn code_files_with<F>(
    files: &[PathBuf],
    coder: F,
    tick: impl Fn() + Send + Sync + 'static,
    budget: Option<std::time::Duration>,
    options: crate::source::ReadOptions,
) -> Outcome
where
    F: Fn(&Agreement) -> Coding + Send + Sync + 'static,
{
    let pool = match crate::source::worker_pool(None) {
        Ok(pool) => pool,
        Err(e) => {
            let reason = format!("cannot start the threads that read: {e}");
            return Outcome {
                rows: Vec::new(),
                failures: files
                    .iter()
                    .map(|f| Failure {
                        file: f.display().to_string(),
                        reason: reason.clone(),
                    })
                    .collect(),
            };
        }
    };
    Reading::new(files, options, budget).code(&pool, coder, tick)
}

/// The files of a corpus run, each to be read and coded on one thread of a
/// pool ([`crate::source::ReadEach`]).
pub struct Reading<'a>(crate::source::ReadEach<'a>);

impl<'a> Reading<'a> {
    /// The files, each to be read with `options`, under `budget` (as for
    /// [`code_files`]).
    pub fn new(
        files: &'a [PathBuf],
        options: crate::source::ReadOptions,
        budget: Option<std::time::Duration>,
    ) -> Self {
        Reading(crate::source::ReadEach::new(files, options, budget))
    }

    /// Codes every file in parallel, as [`code_files`] does.
    pub fn code<F>(
        self,
        pool: &rayon::ThreadPool,
        coder: F,
        tick: impl Fn() + Send + Sync + 'static,
    ) -> Outcome
    where
        F: Fn(&Agreement) -> Coding + Send + Sync + 'static,
    {
        self.code_in(
            pool,
            coder,
            tick,
            crate::locale::Locale::of(crate::locale::Lang::En),
        )
    }

    /// [`Reading::code`], the failures' reasons in `locale`'s language. Each
    /// file is coded on the thread of `pool` that read it (see
    /// [`crate::source::ReadEach`]), so `coder` and `tick` are owned.
    pub fn code_in<F>(
        self,
        pool: &rayon::ThreadPool,
        coder: F,
        tick: impl Fn() + Send + Sync + 'static,
        locale: &'static crate::locale::Locale,
    ) -> Outcome
    where
        F: Fn(&Agreement) -> Coding + Send + Sync + 'static,
    {
        let coded = self.0.process(pool, move |path, agreement| {
            let r = code_one(path, agreement, &coder, locale);
            tick();
            r
        });
        let mut rows = Vec::new();
        let mut failures = Vec::new();
        for r in coded {
            match r {
                Ok(row) => rows.push(row),
                Err(f) => failures.push(f),
            }
        }
        Outcome { rows, failures }
    }
}

fn code_one<F>(
    path: &Path,
    agreement: Result<Agreement, crate::source::SourceError>,
    coder: &F,
    locale: &crate::locale::Locale,
) -> Result<Row, Failure>
where
    F: Fn(&Agreement) -> Coding + Sync,
{
    let file = path.display().to_string();
    let agreement = agreement.map_err(|e| Failure {
        file: file.clone(),
        reason: crate::report::source_error(&e, locale),
    })?;
    // as `check` does: a text in a language the rules are not written for
    // gets no coding rather than a row of confident gaps
    let language = agreement.metadata.language.as_deref();
    if let Some(why) = crate::text::language::refused(language, &agreement.text.text) {
        let reason = crate::report::refused(&why, locale);
        return Err(Failure { file, reason });
    }
    // as `check` does: a text with no heading and no word of a treaty is
    // not coded; a schedule read entry by entry is
    let articles = agreement.articles().count();
    if !crate::provision::reads_as_agreement(&agreement) {
        return Err(Failure {
            file,
            reason: locale.t("error-not-an-agreement"),
        });
    }
    let coding =
        crate::source::budget::catch_panic(|| coder(&agreement)).map_err(|message| Failure {
            file: file.clone(),
            reason: crate::source::budget::checking_failed(&message),
        })?;
    // a source without metadata says what it can of itself
    let name = agreement.name();
    let date_signed = agreement
        .metadata
        .date_signed
        .clone()
        .or_else(|| crate::provision::signed::signed_date(&agreement.text.text));
    let language = agreement.metadata.language.clone().or_else(|| {
        crate::text::language::analysed_or_none(&agreement.text.text).map(str::to_string)
    });
    let m = agreement.metadata;
    Ok(Row {
        file,
        name,
        date_signed,
        parties: m.parties,
        language,
        articles,
        coding,
    })
}
