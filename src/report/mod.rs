//! Report formats over one findings model: human (compiler-style), JSON, SARIF
//! 2.1.0 and CSV. Renderers are pure functions from findings to text.

mod csv;
mod human;
mod sarif;

pub use csv::render_csv;
pub use human::{render_human, summary, Style};
pub use sarif::render_sarif;

use crate::model::FileFindings;

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
