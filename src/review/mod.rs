//! A review of one agreement, the pipeline `check` and `corpus` run: the rule
//! engine's article findings, then the gaps reasoned from them, then what a
//! filter or a baseline leaves out.

use crate::gaps::{find_gaps, Flag, GapInput};
use crate::model::FileFindings;
use crate::provision::Agreement;
use crate::rules::RuleSet;
use std::collections::HashSet;

/// What a review reports beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// Report only these categories (and then no gaps, which need them all).
    pub categories: Vec<String>,
    /// Parties to treat as developing countries, beyond what metadata says.
    pub developing: Vec<String>,
}

/// Reviews one agreement: findings per provision, then gaps.
pub fn review(
    rules: &RuleSet,
    agreement: &Agreement,
    path: &str,
    options: &ReviewOptions,
) -> FileFindings {
    let mut findings = rules.check(agreement);
    let gaps = if options.categories.is_empty() {
        let flags = Flag::of(&findings);
        find_gaps(
            rules.catalogue(),
            &GapInput {
                agreement,
                flags: &flags,
                developing: &options.developing,
            },
        )
    } else {
        Vec::new()
    };
    if !options.categories.is_empty() {
        findings.retain(|f| options.categories.iter().any(|c| f.category == c.as_str()));
    }
    FileFindings {
        path: path.to_string(),
        agreement: agreement.metadata.clone(),
        findings,
        gaps,
    }
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
