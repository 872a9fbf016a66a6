//! CSV: one row per finding, for spreadsheets and corpus studies.

use crate::findings::FileFindings;

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

pub fn render_csv(files: &[FileFindings]) -> String {
    let mut out = HEADER.join(",") + "\n";
    for file in files {
        for f in &file.findings {
            let p = &f.provision;
            let row = [
                file.path.clone(),
                f.line.to_string(),
                f.column.to_string(),
                f.page.map(|p| p.to_string()).unwrap_or_default(),
                f.category.clone(),
                f.severity.name().to_string(),
                f.rules.join(" "),
                p.kind.name().to_string(),
                p.number.clone().unwrap_or_default(),
                p.title.clone().unwrap_or_default(),
                p.path.clone(),
                p.source_id.clone().unwrap_or_default(),
                f.guideline.join(" "),
                f.message.clone(),
                f.excerpt.clone(),
            ];
            let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        for g in &file.gaps {
            let row = [
                file.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                g.id.to_string(),
                "warning".to_string(),
                g.id.to_string(),
                g.level.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                g.guideline.join(" "),
                g.message.clone(),
                g.recommendation.clone(),
            ];
            let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    out
}

/// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}
