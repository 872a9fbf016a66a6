//! Report formats over one findings model: human (compiler-style), JSON, SARIF
//! 2.1.0 and CSV. Renderers are pure functions from findings to text.

mod csv;
mod human;
mod negotiation;
mod sarif;

pub use csv::render_csv;
pub use human::{render_human, render_human_run, summary, Style};
pub use sarif::render_sarif;

use crate::model::FileFindings;
use crate::review::Combined;

/// What a `check` run reports beyond its files: the gaps of an agreement
/// given as several files (`--combine`), and notes on the whole run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Run<'a> {
    /// The gaps of the files read as one agreement (`check --combine`).
    pub combined: Option<&'a Combined>,
    /// Sentences about the whole run ("gaps were computed per file …").
    pub notes: &'a [String],
}

/// `{"files": [{"path", "agreement", "findings"}]}`, in the order of the files given.
pub fn render_json(files: &[FileFindings]) -> String {
    let mut out = Vec::new();
    write_json(files, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `render_json` written straight to `out`: a corpus's report is megabytes,
/// which need not be held in memory first.
pub fn write_json(files: &[FileFindings], mut out: impl std::io::Write) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        files: &'a [FileFindings],
    }
    serde_json::to_writer_pretty(&mut out, &Report { files })?;
    out.write_all(b"\n")
}

/// `write_json` with what the run adds: `{"files": […], "combined_files": N,
/// "gaps": […], "notes": […]}`; `gaps` and `combined_files` only for a
/// combined agreement, `notes` only when there are some.
pub fn write_json_run(
    files: &[FileFindings],
    run: &Run,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        files: &'a [FileFindings],
        #[serde(skip_serializing_if = "Option::is_none")]
        combined_files: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        gaps: Option<&'a [crate::model::Gap]>,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        notes: &'a [String],
    }
    let mut notes: Vec<String> = run.notes.to_vec();
    if let Some(c) = run.combined {
        notes.extend(c.notes.iter().cloned());
    }
    let report = Report {
        files,
        combined_files: run.combined.map(|c| c.files),
        gaps: run.combined.map(|c| c.gaps.as_slice()),
        notes: &notes,
    };
    serde_json::to_writer_pretty(&mut out, &report)?;
    out.write_all(b"\n")
}
