//! A review of one agreement: article findings, then the gaps reasoned from
//! them, then what a baseline already knew removed.

use super::gaps::{find_gaps, Flag, GapInput};
use super::FileFindings;
use crate::provision::Agreement;
use crate::rules::RuleSet;
use std::collections::HashSet;

#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Report only these categories (and then no gaps, which need them all).
    pub categories: Vec<String>,
    /// Parties to treat as developing countries, beyond what metadata says.
    pub developing: Vec<String>,
}

pub fn review(
    rules: &RuleSet,
    agreement: &Agreement,
    path: &str,
    options: &ReviewOptions,
) -> FileFindings {
    let mut findings = rules.check(agreement);
    let flags: Vec<Flag> = findings
        .iter()
        .map(|f| Flag {
            category: &f.category,
            path: &f.provision.path,
        })
        .collect();
    let gaps = if options.categories.is_empty() {
        find_gaps(&GapInput {
            agreement,
            flags: &flags,
            developing: &options.developing,
        })
    } else {
        Vec::new()
    };
    if !options.categories.is_empty() {
        findings.retain(|f| options.categories.contains(&f.category));
    }
    let notes = if options.categories.is_empty() {
        notes(agreement, options)
    } else {
        Vec::new()
    };
    FileFindings {
        path: path.to_string(),
        agreement: agreement.metadata.clone(),
        findings,
        gaps,
        notes,
    }
}

/// Said when the preferential-treatment gap could not be weighed.
pub const PARTIES_UNKNOWN: &str =
    "preferential treatment not assessed: Parties unknown (use --developing)";

fn notes(agreement: &Agreement, options: &ReviewOptions) -> Vec<String> {
    let mut notes = Vec::new();
    if agreement.metadata.parties.is_empty() && options.developing.is_empty() {
        notes.push(PARTIES_UNKNOWN.to_string());
    }
    notes
}

/// Gaps of one agreement published as several files: the files' own reviews
/// (findings per file, no gaps), and the gaps once over all of them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Combined {
    /// How many files make the agreement.
    pub files: usize,
    pub gaps: Vec<super::Gap>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Reviews the files of one agreement: each file's findings, with its gaps
/// and notes moved to the combined agreement (`Agreement::combine`), whose
/// gaps are reasoned over the findings of all files. `parts` pairs each
/// file's report path with its agreement.
pub fn review_combined(
    rules: &RuleSet,
    parts: Vec<(String, Agreement)>,
    options: &ReviewOptions,
) -> (Vec<FileFindings>, Combined) {
    let mut files = Vec::new();
    let mut named = Vec::new();
    let mut flags_owned: Vec<(String, String)> = Vec::new();
    let options_no_filter = ReviewOptions {
        categories: Vec::new(),
        developing: options.developing.clone(),
    };
    for (path, agreement) in parts {
        let mut file = review(rules, &agreement, &path, &options_no_filter);
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        flags_owned.extend(
            file.findings
                .iter()
                .map(|f| (f.category.clone(), format!("{name}:{}", f.provision.path))),
        );
        if !options.categories.is_empty() {
            file.findings
                .retain(|f| options.categories.contains(&f.category));
        }
        file.gaps.clear();
        file.notes.clear();
        files.push(file);
        named.push((name, agreement));
    }
    let count = named.len();
    let whole = Agreement::combine(named);
    let flags: Vec<Flag> = flags_owned
        .iter()
        .map(|(category, path)| Flag { category, path })
        .collect();
    let (gaps, notes) = if options.categories.is_empty() {
        let gaps = find_gaps(&GapInput {
            agreement: &whole,
            flags: &flags,
            developing: &options.developing,
        });
        (gaps, notes(&whole, options))
    } else {
        (Vec::new(), Vec::new())
    };
    (
        files,
        Combined {
            files: count,
            gaps,
            notes,
        },
    )
}

/// Every fingerprint in a previous `check --format json` output.
pub fn baseline_fingerprints(json: &serde_json::Value) -> HashSet<String> {
    let mut out = HashSet::new();
    for file in json["files"].as_array().into_iter().flatten() {
        for key in ["findings", "gaps"] {
            for item in file[key].as_array().into_iter().flatten() {
                if let Some(fp) = item["fingerprint"].as_str() {
                    out.insert(fp.to_string());
                }
            }
        }
    }
    out
}

/// Drops what the baseline already reported; returns how many were dropped.
pub fn apply_baseline(file: &mut FileFindings, known: &HashSet<String>) -> usize {
    let before = file.findings.len() + file.gaps.len();
    file.findings.retain(|f| !known.contains(&f.fingerprint));
    file.gaps.retain(|g| !known.contains(&g.fingerprint));
    before - file.findings.len() - file.gaps.len()
}

/// "4 cultural clauses; e-commerce chapter with no cultural carve-out; no
/// reference to the 2005 Convention": the line a negotiator reads first.
pub fn summary(file: &FileFindings) -> String {
    let clauses: HashSet<&str> = file
        .findings
        .iter()
        .filter(|f| super::CULTURAL_CLAUSES.contains(&f.category.as_str()))
        .map(|f| f.provision.path.as_str())
        .collect();
    let mut parts = vec![match clauses.len() {
        0 => "no cultural clause".to_string(),
        1 => "1 cultural clause".to_string(),
        n => format!("{n} cultural clauses"),
    }];
    let has = |c: &str| file.findings.iter().any(|f| f.category == c);
    let gap = |id: &str| file.gaps.iter().any(|g| g.id == id);
    if gap("ecommerce_without_cultural_carveout") {
        parts.push("e-commerce commitments with no cultural carve-out".into());
    } else if has("ecommerce_cultural") {
        parts.push("e-commerce provisions with a cultural carve-out".into());
    } else if has("ecommerce") {
        parts.push("e-commerce provisions".into());
    }
    if has("convention_reference") {
        parts.push("cites the 2005 Convention".into());
    } else if gap("missing_convention_reference") {
        parts.push("no reference to the 2005 Convention".into());
    }
    let other_gaps = file
        .gaps
        .iter()
        .filter(|g| {
            !matches!(
                g.id,
                "ecommerce_without_cultural_carveout" | "missing_convention_reference"
            )
        })
        .count();
    if other_gaps > 0 {
        parts.push(format!(
            "{other_gaps} other gap{}",
            if other_gaps == 1 { "" } else { "s" }
        ));
    }
    parts.join("; ")
}
