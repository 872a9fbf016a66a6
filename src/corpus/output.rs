//! The matrix as CSV, JSON Lines or an aligned table.

use super::{Failure, Row};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// A CSV field quoted as text: in double quotes, inner quotes doubled. Every
/// text column is written so, numbers never are: a reader that types quoted
/// fields as text (Python's `csv.QUOTE_NONNUMERIC`, LibreOffice's "quoted field
/// as text") keeps an article number such as `15.10` as written instead of
/// reading the number 15.1.
pub fn quoted(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

/// Columns: file, name, date signed, parties, language, article count, then per
/// category the number of flagged articles, the gaps, per category the first
/// flagged article's number as evidence (`_first`), and per category that
/// article's path (`_first_path`: "ch15/art1", "annex3/art1", which tells
/// apart the many an "Article 1" of an agreement that numbers its articles per
/// chapter or annex, and is the `provision.path` of `check --format json`).
/// Text columns (file, name, date, parties, language, the `_first` numbers and
/// paths) are always quoted; counts never.
pub fn write_csv(
    out: &mut dyn Write,
    rows: &[Row],
    categories: &[String],
    gap_ids: &[&str],
) -> io::Result<()> {
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
    // after every older column, so that a reader by position still reads them
    header.extend(categories.iter().map(|c| format!("{c}_first_path")));
    writeln!(out, "{}", header.join(","))?;
    for r in rows {
        let mut fields = vec![
            quoted(&r.file),
            quoted(r.name.as_deref().unwrap_or_default()),
            quoted(r.date_signed.as_deref().unwrap_or_default()),
            quoted(&r.parties.join(";")),
            quoted(r.language.as_deref().unwrap_or_default()),
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
        let first = |c: &String| flagged(c).and_then(|v| v.first());
        fields.extend(
            categories
                .iter()
                .map(|c| quoted(first(c).map_or("", |a| a.number.as_deref().unwrap_or(&a.path)))),
        );
        fields.extend(
            categories
                .iter()
                .map(|c| quoted(first(c).map_or("", |a| &a.path))),
        );
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

/// One line of `corpus --format jsonl`: flat fields, each documented in
/// docs/corpus.md. Findings and gaps are lists of the objects `check --format
/// json` gives; nothing repeats at two levels.
#[derive(Serialize)]
struct JsonlRow<'r> {
    file: &'r str,
    name: Option<&'r str>,
    date_signed: Option<&'r str>,
    year: Option<i32>,
    parties: &'r [String],
    language: Option<&'r str>,
    articles: usize,
    /// Per category with a finding, the number of articles flagged.
    category_counts: BTreeMap<&'r str, usize>,
    /// Per category with a finding, the flagged articles' numbers as written (the path when an
    /// article has no number), in document order.
    category_articles: BTreeMap<&'r str, Vec<&'r str>>,
    /// Per category with a finding, the flagged articles' paths ("ch15/art1"), in the order
    /// of `category_articles`: what tells two articles of the same number apart.
    category_paths: BTreeMap<&'r str, Vec<&'r str>>,
    /// Ids of the open gaps.
    gap_ids: &'r [String],
    findings: &'r [crate::model::Finding],
    gaps: &'r [crate::model::Gap],
}

/// Writes JSON Lines: one flat object per row (see `JsonlRow` and docs/corpus.md), then one
/// `{"file", "error"}` object per failure.
pub fn write_jsonl(out: &mut dyn Write, rows: &[Row], failures: &[Failure]) -> io::Result<()> {
    for r in rows {
        let c = &r.coding;
        let line = JsonlRow {
            file: &r.file,
            name: r.name.as_deref(),
            date_signed: r.date_signed.as_deref(),
            year: r.year(),
            parties: &r.parties,
            language: r.language.as_deref(),
            articles: r.articles,
            category_counts: c
                .categories
                .iter()
                .map(|(k, v)| (k.as_str(), v.len()))
                .collect(),
            category_articles: c
                .categories
                .iter()
                .map(|(k, v)| {
                    let numbers = v
                        .iter()
                        .map(|a| a.number.as_deref().unwrap_or(&a.path))
                        .collect();
                    (k.as_str(), numbers)
                })
                .collect(),
            category_paths: c
                .categories
                .iter()
                .map(|(k, v)| (k.as_str(), v.iter().map(|a| a.path.as_str()).collect()))
                .collect(),
            gap_ids: &c.gaps,
            findings: &c.findings,
            gaps: &c.gap_details,
        };
        serde_json::to_writer(&mut *out, &line)?;
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

/// A terminal table: one line per agreement, flagged-article counts per
/// category (columns named by category id), headed in `locale`'s language.
pub fn write_table(
    out: &mut dyn Write,
    rows: &[Row],
    categories: &[String],
    locale: &crate::locale::Locale,
) -> io::Result<()> {
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
        locale.t("corpus-table-agreement"),
        locale.t("corpus-table-year"),
        locale.t("corpus-table-articles")
    )?;
    for c in categories {
        write!(out, " {:>9}", short(c))?;
    }
    writeln!(out, " {}", locale.t("corpus-table-gaps"))?;
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
    // the columns are cut to fit: say which category each one is
    let legend: Vec<String> = categories
        .iter()
        .filter(|c| short(c) != c.as_str())
        .map(|c| format!("{} = {c}", short(c)))
        .collect();
    if !legend.is_empty() {
        let columns = locale.labelled(&locale.t("corpus-table-columns"), &legend.join(", "));
        writeln!(out, "\n{columns}")?;
    }
    Ok(())
}

/// A ToTA record by its name (its file name, `pta_12.xml`, says nothing); any
/// other file by its file name, which the reader chose: the name read from its
/// title page can be a chapter's heading ("ELECTRONIC COMMERCE").
fn display_name(r: &Row) -> String {
    let file = std::path::Path::new(&r.file);
    let xml = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    match &r.name {
        Some(name) if xml => name.clone(),
        _ => file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}
