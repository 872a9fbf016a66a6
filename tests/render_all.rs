//! Every output format over every agreement of the shared corpus (the 450 ToTA
//! agreements and the real government PDFs): `check` in human, JSON, CSV and
//! SARIF, `compare` of pairs in human, JSON and HTML. No renderer may panic,
//! every mark must sit on char boundaries and cover whole words, and findings
//! inside one provision come in text order. Through the library, in parallel;
//! SKIPPED without `../shared`; a debug build checks every ninth agreement and
//! no PDF, an optimised one (`cargo test --profile bench`, as CI runs it) all.

mod common;

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use treatyscan::compare::{compare, delta::RuleCategories, render_html, render_human};
use treatyscan::model::FileFindings;
use treatyscan::provision::Paragraphs;
use treatyscan::report;
use treatyscan::review::{review, ReviewOptions};
use treatyscan::rules::RuleSet;

/// What is wrong with the findings of one file, one line each.
fn mark_faults(file: &FileFindings) -> Vec<String> {
    let mut faults = Vec::new();
    for f in &file.findings {
        let text = &f.excerpt;
        let mut last = 0;
        for &(s, e) in f.marks.ranges() {
            let at = format!("{} {} {}", file.path, f.provision.path, f.category);
            if s < last || s >= e || e > text.len() {
                faults.push(format!("{at}: mark {s}..{e} out of order or range"));
                continue;
            }
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                faults.push(format!("{at}: mark {s}..{e} inside a character"));
                continue;
            }
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                faults.push(format!("{at}: mark `{}` cuts a word", &text[s..e]));
            }
            last = e;
        }
    }
    // inside one provision, findings in text order
    for pair in file.findings.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.provision.path == b.provision.path && (b.line, b.column) < (a.line, a.column) {
            faults.push(format!(
                "{} {}: {} at {}:{} listed before {} at {}:{}",
                file.path,
                a.provision.path,
                a.category,
                a.line,
                a.column,
                b.category,
                b.line,
                b.column
            ));
        }
    }
    faults
}

/// Renders `file` in every `check` format, panics caught and named.
fn render_check(file: &FileFindings) -> Vec<String> {
    let mut faults = Vec::new();
    let files = std::slice::from_ref(file);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let human = report::render_human(files, report::Style::Plain);
        let colour = report::render_human(files, report::Style::Color);
        let json = report::render_json(files);
        let sarif = report::render_sarif(files);
        let csv = report::render_csv(files);
        (human, colour, json, sarif, csv)
    }));
    let Ok((human, colour, json, sarif, csv)) = outcome else {
        return vec![format!("{}: a check renderer panicked", file.path)];
    };
    if human.is_empty() || colour.is_empty() {
        faults.push(format!("{}: empty human report", file.path));
    }
    for (name, text) in [("JSON", &json), ("SARIF", &sarif)] {
        if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
            faults.push(format!("{}: {name} does not parse: {e}", file.path));
        }
    }
    let rows: Result<Vec<csv::StringRecord>, _> =
        csv::Reader::from_reader(csv.as_bytes()).records().collect();
    match rows {
        Ok(rows) if rows.len() == file.findings.len() + file.gaps.len() => {}
        Ok(rows) => faults.push(format!("{}: {} CSV rows", file.path, rows.len())),
        Err(e) => faults.push(format!("{}: CSV does not parse: {e}", file.path)),
    }
    faults
}

fn agreements(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = common::tota_files(shared)
        .into_iter()
        .step_by(common::sample_step())
        .collect();
    if cfg!(debug_assertions) {
        // the real PDFs take minutes to read unoptimised: CI reads them in release
        return files;
    }
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/pdf-real"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    pdfs.retain(|p| p.extension().is_some_and(|x| x == "pdf"));
    pdfs.sort();
    files.extend(pdfs);
    files
}

#[test]
fn every_check_format_renders_every_agreement_with_marks_on_words() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let rules = RuleSet::builtin().unwrap();
    let files = agreements(&shared);
    let started = std::time::Instant::now();
    let results: Vec<(usize, Vec<String>)> = files
        .par_iter()
        .map(|path| {
            let agreement = match treatyscan::source::load_with(path, Paragraphs::Deferred) {
                Ok(a) => a,
                Err(e) => return (0, vec![format!("{e}")]),
            };
            let file = review(
                &rules,
                &agreement,
                &path.display().to_string(),
                &ReviewOptions::default(),
            );
            let mut faults = mark_faults(&file);
            faults.extend(render_check(&file));
            (file.findings.len(), faults)
        })
        .collect();
    let findings: usize = results.iter().map(|r| r.0).sum();
    let faults: Vec<&String> = results.iter().flat_map(|r| &r.1).collect();
    eprintln!(
        "check: {} files, {findings} findings rendered in 5 formats in {:.1} s, {} faults",
        files.len(),
        started.elapsed().as_secs_f64(),
        faults.len()
    );
    assert!(findings > 0);
    assert!(
        faults.is_empty(),
        "{}",
        faults
            .iter()
            .take(30)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_compare_format_renders_pairs_of_agreements() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let files = agreements(&shared);
    // neighbours in the corpus (often the same Parties, or the same language
    // versions), and each real PDF against the first ToTA agreement
    let mut pairs: Vec<(PathBuf, PathBuf)> = files
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect();
    for pdf in files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
    {
        pairs.push((files[0].clone(), pdf.clone()));
    }
    let categories = RuleCategories {
        rules: RuleSet::builtin().unwrap(),
        developing: Vec::new(),
    };
    let started = std::time::Instant::now();
    let faults: Vec<String> = pairs
        .par_iter()
        .filter_map(|(a, b)| {
            let (Ok(x), Ok(y)) = (treatyscan::source::load(a), treatyscan::source::load(b)) else {
                return Some(format!("{} / {}: does not read", a.display(), b.display()));
            };
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let c = compare(&x, &y, &categories);
                let json = serde_json::to_string_pretty(&c).expect("comparison serialises");
                let html = render_html::render(&c);
                let plain = render_human::render(
                    &c,
                    render_human::Style {
                        color: false,
                        width: 100,
                    },
                );
                let colour = render_human::render(
                    &c,
                    render_human::Style {
                        color: true,
                        width: 60,
                    },
                );
                (json, html, plain, colour)
            }));
            let name = format!("{} / {}", a.display(), b.display());
            match outcome {
                Err(_) => Some(format!("{name}: a compare renderer panicked")),
                Ok((json, html, plain, _)) => {
                    if serde_json::from_str::<serde_json::Value>(&json).is_err() {
                        Some(format!("{name}: JSON does not parse"))
                    } else if !html.trim_end().ends_with("</html>") || plain.is_empty() {
                        Some(format!("{name}: incomplete report"))
                    } else {
                        None
                    }
                }
            }
        })
        .collect();
    eprintln!(
        "compare: {} pairs in 3 formats in {:.1} s, {} faults",
        pairs.len(),
        started.elapsed().as_secs_f64(),
        faults.len()
    );
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
