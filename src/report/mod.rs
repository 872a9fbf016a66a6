//! Report formats over one findings model: human (compiler-style), JSON, SARIF
//! 2.1.0 and CSV. Renderers are pure functions from findings to text.

mod csv;
mod human;
mod sarif;

pub use csv::render_csv;
pub use human::{render_human, Style};
pub use sarif::render_sarif;

use crate::findings::FileFindings;

/// `{"files": [{"path", "agreement", "findings"}]}`, in the order of the files given.
pub fn render_json(files: &[FileFindings]) -> String {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        files: &'a [FileFindings],
    }
    serde_json::to_string_pretty(&Report { files }).expect("findings serialize") + "\n"
}
