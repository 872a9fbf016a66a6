//! The matrix as CSV, JSON Lines or an aligned table.

use super::{Failure, Row};
use std::io::{self, Write};

/// Columns: file, name, date signed, parties, language, article count, then per
/// category the number of flagged articles, the gaps, and per category the first
/// flagged article's number as evidence.
pub fn write_csv(
    out: &mut dyn Write,
    rows: &[Row],
    categories: &[String],
    gap_ids: &[&str],
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "file",
        "name",
        "date_signed",
        "parties",
        "language",
        "articles",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(categories.iter().cloned());
    header.extend(gap_ids.iter().map(|g| format!("gap_{g}")));
    header.extend(categories.iter().map(|c| format!("{c}_first")));
    w.write_record(&header)?;
    for r in rows {
        let mut fields = vec![
            r.file.clone(),
            r.name.clone().unwrap_or_default(),
            r.date_signed.clone().unwrap_or_default(),
            r.parties.join(";"),
            r.language.clone().unwrap_or_default(),
            r.articles.to_string(),
        ];
        let flagged = |c: &String| r.coding.categories.get(c);
        fields.extend(
            categories
                .iter()
                .map(|c| flagged(c).map_or(0, |v| v.len()).to_string()),
        );
        fields.extend(
            gap_ids
                .iter()
                .map(|g| u8::from(r.coding.gaps.iter().any(|x| x == g)).to_string()),
        );
        fields.extend(categories.iter().map(|c| {
            flagged(c)
                .and_then(|v| v.first())
                .map(|a| a.number.clone().unwrap_or_else(|| a.path.clone()))
                .unwrap_or_default()
        }));
        w.write_record(&fields)?;
    }
    w.flush()
}

/// Writes JSON Lines: one object per row, then one `{"file", "error"}` object per failure.
pub fn write_jsonl(out: &mut dyn Write, rows: &[Row], failures: &[Failure]) -> io::Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
    }
    for f in failures {
        serde_json::to_writer(
            &mut *out,
            &serde_json::json!({"file": f.file, "error": f.reason}),
        )?;
        writeln!(out)?;
    }
    Ok(())
}

/// A terminal table: one line per agreement, flagged-article counts per category.
pub fn write_table(out: &mut dyn Write, rows: &[Row], categories: &[String]) -> io::Result<()> {
    let short = |c: &str| {
        c.split('_')
            .map(|w| w.char_indices().nth(4).map_or(w, |(i, _)| &w[..i]))
            .collect::<Vec<_>>()
            .join("_")
    };
    let name_width = rows
        .iter()
        .map(|r| display_name(r).chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    write!(
        out,
        "{:<name_width$} {:>5} {:>4}",
        "agreement", "year", "arts"
    )?;
    for c in categories {
        write!(out, " {:>9}", short(c))?;
    }
    writeln!(out, " gaps")?;
    for r in rows {
        let name: String = display_name(r).chars().take(name_width).collect();
        let year = r
            .date_signed
            .as_deref()
            .and_then(|d| d.get(..4))
            .unwrap_or("");
        write!(out, "{name:<name_width$} {year:>5} {:>4}", r.articles)?;
        for c in categories {
            write!(
                out,
                " {:>9}",
                r.coding.categories.get(c).map_or(0, |v| v.len())
            )?;
        }
        writeln!(out, " {}", r.coding.gaps.len())?;
    }
    Ok(())
}

fn display_name(r: &Row) -> String {
    r.name.clone().unwrap_or_else(|| {
        std::path::Path::new(&r.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    })
}
