//! CSV: one row per finding, then per gap, then per file not assessed (for
//! spreadsheets and corpus studies).

use crate::model::{FileError, FileFindings};

const HEADER: &[&str] = &[
    "path",
    "line",
    "column",
    "page",
    "category",
    "severity",
    "rules",
    "kind",
    "number",
    "title",
    "provision_path",
    "source_id",
    "guideline",
    "message",
    "excerpt",
];

/// What the category column says of a file that was not read or not
/// analysed (`render_csv_run`).
pub const NOT_ASSESSED: &str = "not_assessed";

/// CSV with a header row: one row per finding, then one per gap (gaps have no line,
/// column or provision: their id stands in the category and rules columns, their
/// recommendation in the excerpt column).
pub fn render_csv(files: &[FileFindings]) -> String {
    render_csv_run(files, &[])
}

/// `render_csv`, then one row per file of the run that was not read or not
/// analysed (`errors`): kind `file`, category [`NOT_ASSESSED`], severity
/// `error`, and why in the message column; a table of a corpus then says
/// which of its files it does not cover, rather than leaving them out.
pub fn render_csv_run(files: &[FileFindings], errors: &[FileError]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for file in files {
        for f in &file.findings {
            let p = &f.provision;
            let _ = w.write_record([
                file.path.as_str(),
                &f.line.to_string(),
                &f.column.to_string(),
                &f.page.map(|p| p.to_string()).unwrap_or_default(),
                f.category.as_str(),
                f.severity.name(),
                &f.rule_codes().join(" "),
                p.kind.name(),
                p.number.as_deref().unwrap_or_default(),
                p.title.as_deref().unwrap_or_default(),
                &p.path,
                p.source_id.as_deref().unwrap_or_default(),
                &f.guideline.join(" "),
                &f.message,
                &f.excerpt,
            ]);
        }
        // gaps concern the agreement: no line, no provision
        for g in &file.gaps {
            let _ = w.write_record([
                file.path.as_str(),
                "",
                "",
                "",
                g.id.as_str(),
                g.severity.name(),
                g.id.as_str(),
                g.level,
                "",
                "",
                "",
                "",
                &g.guideline.join(" "),
                &g.message,
                &g.recommendation,
            ]);
        }
    }
    for e in errors {
        let _ = w.write_record([
            e.path.as_str(),
            "",
            "",
            "",
            NOT_ASSESSED,
            crate::model::Severity::Error.name(),
            "",
            "file",
            "",
            "",
            "",
            "",
            "",
            &e.message,
            "",
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}
