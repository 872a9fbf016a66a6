//! Findings: what the rule engine says about one provision. One finding per
//! provision and category, listing every rule that matched, so that counts per
//! category are counts of provisions (what lawyers and the gold labels count).

pub mod gaps;
mod review;

pub use gaps::Gap;

/// The categories guideline 19.4 calls cultural clauses (references to the
/// Convention, 19.5, are counted on their own).
pub const CULTURAL_CLAUSES: &[&str] = &[
    "cultural_exception",
    "cultural_specificity",
    "preferential_treatment",
    "cultural_cooperation",
    "ecommerce_cultural",
];
pub use review::{apply_baseline, baseline_fingerprints, review, summary, ReviewOptions};

use crate::provision::{Kind, Provision};
use crate::rules::model::Severity;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub category: String,
    /// Codes of every rule that matched, in rule order.
    pub rules: Vec<String>,
    pub severity: Severity,
    pub provision: ProvisionRef,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The sentence (or paragraph) that matched, as printed in the agreement.
    pub excerpt: String,
    /// Byte ranges of the matched words inside `excerpt`.
    pub marks: Vec<(usize, usize)>,
    pub message: String,
    /// Guideline paragraphs served (DCE/17/6.CP/11: 19.4, 19.5, 16.x …).
    pub guideline: Vec<String>,
    /// Stable across reflowing and renumbered lines: category, provision path
    /// and the matched words, so a baseline keeps matching a reworked draft.
    pub fingerprint: String,
    /// The tracked change (Word revision mark) the matched words lie in, when
    /// the source has them: a proposal, not yet agreed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<crate::text::Revision>,
}

/// Which provision a finding is about, as a reader would cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionRef {
    pub kind: Kind,
    pub number: Option<String>,
    pub title: Option<String>,
    pub path: String,
    pub source_id: Option<String>,
}

impl ProvisionRef {
    pub fn of(p: &Provision) -> Self {
        ProvisionRef {
            kind: p.kind,
            number: p.number.clone(),
            title: p.title.clone(),
            path: p.path.clone(),
            source_id: p.source_id.clone(),
        }
    }

    /// "Article 14.2 (Scope)".
    pub fn label(&self) -> String {
        let mut p = Provision::new(self.kind, self.number.clone(), 0, 0..0);
        p.title = self.title.clone();
        p.label()
    }
}

/// Findings of one agreement file, as every report format shows them.
#[derive(Debug, Clone, Serialize)]
pub struct FileFindings {
    pub path: String,
    pub agreement: crate::provision::Metadata,
    pub findings: Vec<Finding>,
    /// Agreement-level findings: what the agreement lacks (guidelines 19.4-19.5).
    pub gaps: Vec<Gap>,
}

/// A short stable hash (FNV-1a, 64 bits) of normalised parts: fingerprints must
/// not change between Rust versions or runs, which rules out `DefaultHasher`.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in crate::text::fold_text(part).bytes().chain([0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
