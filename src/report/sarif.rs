//! SARIF 2.1.0, for code-scanning dashboards: every rule with its help text,
//! one result per finding with a physical location and region.

use crate::findings::FileFindings;
use crate::rules::{RuleSet, Severity};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render_sarif(files: &[FileFindings], rules: &RuleSet) -> String {
    let mut descriptors: Vec<Value> = rules.rules().iter().map(rule_descriptor).collect();
    let gap_base = descriptors.len();
    descriptors.extend(
        crate::findings::gaps::GAP_IDS
            .iter()
            .map(|id| gap_descriptor(id)),
    );
    let results: Vec<Value> = files
        .iter()
        .flat_map(|file| file.findings.iter().map(move |f| (file, f)))
        .map(|(file, f)| {
            let index = rules.rules().iter().position(|r| r.code() == f.rules[0]);
            let mut region = json!({
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column.max(if f.end_line == f.line { f.column } else { 1 }),
                "snippet": {"text": f.excerpt},
            });
            if let Some(page) = f.page {
                region["properties"] = json!({"page": page});
            }
            let mut result = json!({
                "ruleId": f.rules[0],
                "level": level(f.severity),
                "message": {"text": format!("{}: {} ({})", f.category, f.message, f.provision.label())},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&file.path)},
                        "region": region,
                    },
                    "logicalLocations": [{
                        "name": f.provision.label(),
                        "fullyQualifiedName": f.provision.path,
                        "kind": f.provision.kind.name(),
                    }],
                }],
                "properties": {
                    "category": f.category,
                    "rules": f.rules,
                    "guideline": f.guideline,
                    "sourceId": f.provision.source_id,
                },
            });
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            result
        })
        .chain(files.iter().flat_map(|file| file.gaps.iter().map(move |g| gap_result(&file.path, g, gap_base))))
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "treatyscan",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://en.unesco.org/creativity/convention",
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serializes") + "\n"
}

fn rule_descriptor(rule: &crate::rules::Rule) -> Value {
    let s = &rule.spec;
    json!({
        "id": s.code,
        "name": s.title,
        "shortDescription": {"text": s.title},
        "fullDescription": {"text": s.message},
        "help": {"text": s.explanation.trim(), "markdown": s.explanation.trim()},
        "defaultConfiguration": {"level": level(s.severity)},
        "properties": {
            "category": s.category,
            "guideline": s.guideline,
            "languages": s.languages,
            "tags": [s.category],
        },
    })
}

fn gap_descriptor(id: &str) -> Value {
    let (message, recommendation) = crate::findings::gaps::describe(id);
    json!({
        "id": id,
        "name": id,
        "shortDescription": {"text": message},
        "fullDescription": {"text": message},
        "help": {"text": recommendation, "markdown": recommendation},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"level": "agreement", "tags": ["gap"]},
    })
}

/// Gaps concern the whole agreement: the location is the file's first line.
fn gap_result(path: &str, g: &crate::findings::Gap, gap_base: usize) -> Value {
    let index = crate::findings::gaps::GAP_IDS
        .iter()
        .position(|id| *id == g.id)
        .map(|i| gap_base + i);
    let mut result = json!({
        "ruleId": g.id,
        "level": "warning",
        "message": {"text": format!("{} Recommendation: {}", g.message, g.recommendation)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri(path)},
                "region": {"startLine": 1},
            },
        }],
        "partialFingerprints": {"treatyscan/v1": g.fingerprint},
        "properties": {"level": "agreement", "guideline": g.guideline, "evidence": g.evidence, "suggestedClause": g.suggested_clause},
    });
    if let Some(i) = index {
        result["ruleIndex"] = json!(i);
    }
    result
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// A relative URI reference for a file path (spaces and `%` escaped, `\` as `/`).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}
