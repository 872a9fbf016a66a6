//! SARIF 2.1.0, for code-scanning dashboards: one result per finding and per
//! gap, each with a physical location and region and a `partialFingerprints`
//! entry (the finding's or gap's fingerprint), so that a dashboard follows a
//! result from one run to the next; the rules and gaps that produced them
//! are the driver's rules. Built from typed structs: a field out of the
//! schema is a compile error, not a dashboard's.

use crate::locale::{Lang, Locale};
use crate::model::{FileFindings, Finding, Gap, GapInfo, RuleInfo, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of our fingerprints in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "treatyscan/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Present when a file could not be read: the run did not succeed, and
    /// each file is a notification (SARIF 2.1.0 §3.20).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: OwnedText,
    locations: [NotificationLocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: FileOnly,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileOnly {
    artifact_location: ArtifactLocation,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    default_configuration: Configuration,
    properties: DescriptorProperties<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DescriptorProperties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    guideline: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    languages: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: OwnedText,
    locations: [Location<'a>; 1],
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<PageProperty>,
}

#[derive(Serialize)]
struct PageProperty {
    page: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    name: String,
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase", untagged)]
enum ResultProperties<'a> {
    Finding {
        category: &'a str,
        rules: Vec<&'a str>,
        guideline: &'a [String],
        #[serde(rename = "sourceId")]
        source_id: Option<&'a str>,
    },
    Gap {
        level: &'static str,
        guideline: &'a [String],
        evidence: &'a [String],
        #[serde(rename = "suggestedClause")]
        suggested_clause: &'a str,
    },
}

/// The SARIF log of a review: pretty-printed JSON, with a final newline.
pub fn render_sarif(files: &[FileFindings]) -> String {
    render_sarif_in(files, Locale::of(Lang::En))
}

/// [`render_sarif`] with its human-language texts (rule and gap
/// descriptions, help, result messages, provision labels) in the locale's
/// language; ids, levels, keys and fingerprints are the same in every
/// language. Result messages read the findings' messages as given: run
/// [`super::localise`] first.
pub fn render_sarif_in(files: &[FileFindings], locale: &Locale) -> String {
    render_sarif_run(files, &[], locale)
}

/// [`render_sarif_in`] for a run in which some files could not be read:
/// the log's invocation is then unsuccessful, with one error notification
/// per file (what `check` printed on standard error), so that a
/// code-scanning tool does not take a missing file for a clean one.
pub fn render_sarif_run(
    files: &[FileFindings],
    errors: &[crate::model::FileError],
    locale: &Locale,
) -> String {
    let lang = locale.lang();
    let mut rules: Vec<&RuleInfo> = files
        .iter()
        .flat_map(|f| &f.findings)
        .flat_map(|f| f.rules.iter().map(|r| &**r))
        .collect();
    rules.sort_by(|a, b| a.code.cmp(&b.code));
    rules.dedup_by(|a, b| a.code == b.code);
    let mut gaps: Vec<&GapInfo> = files
        .iter()
        .flat_map(|f| &f.gaps)
        .map(|g| &*g.info)
        .collect();
    gaps.sort_by_key(|g| g.id.as_str());
    gaps.dedup_by_key(|g| g.id);
    let mut descriptors: Vec<Descriptor> = rules.iter().map(|r| rule_descriptor(r, lang)).collect();
    descriptors.extend(gaps.iter().map(|g| gap_descriptor(g, lang)));
    let index = |id: &str| descriptors.iter().position(|d| d.id == id).unwrap_or(0);
    let mut results = Vec::new();
    for file in files {
        for f in &file.findings {
            results.push(finding_result(&file.path, f, index(&f.rule().code), locale));
        }
    }
    for file in files {
        for g in &file.gaps {
            results.push(gap_result(&file.path, g, index(g.id.as_str()), locale));
        }
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "treatyscan",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://en.unesco.org/creativity/convention",
                    rules: descriptors,
                },
            },
            invocations: if errors.is_empty() {
                Vec::new()
            } else {
                vec![Invocation {
                    execution_successful: false,
                    tool_execution_notifications: errors
                        .iter()
                        .map(|e| Notification {
                            level: "error",
                            message: OwnedText {
                                text: e.message.clone(),
                            },
                            locations: [NotificationLocation {
                                physical_location: FileOnly {
                                    artifact_location: ArtifactLocation { uri: uri(&e.path) },
                                },
                            }],
                        })
                        .collect(),
                }]
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_string_pretty(&log).expect("SARIF serializes") + "\n"
}

fn rule_descriptor(rule: &RuleInfo, lang: Lang) -> Descriptor<'_> {
    let help = rule.explanation_in(lang).trim();
    Descriptor {
        id: &rule.code,
        name: rule.title_in(lang),
        short_description: Text {
            text: rule.title_in(lang),
        },
        full_description: Text {
            text: rule.message_in(lang),
        },
        help: Help {
            text: help,
            markdown: help,
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: DescriptorProperties {
            category: Some(rule.category.as_str()),
            guideline: &rule.guideline,
            languages: Some(&rule.languages),
            level: None,
            tags: vec![rule.category.as_str()],
        },
    }
}

fn gap_descriptor(gap: &GapInfo, lang: Lang) -> Descriptor<'_> {
    Descriptor {
        id: gap.id.as_str(),
        name: gap.id.as_str(),
        short_description: Text {
            text: gap.message_in(lang),
        },
        full_description: Text {
            text: gap.explanation_in(lang).trim(),
        },
        help: Help {
            text: gap.recommendation_in(lang),
            markdown: gap.recommendation_in(lang),
        },
        default_configuration: Configuration {
            level: level(gap.severity),
        },
        properties: DescriptorProperties {
            category: None,
            guideline: &gap.guideline,
            languages: None,
            level: Some("agreement"),
            tags: vec!["gap"],
        },
    }
}

fn finding_result<'a>(
    path: &str,
    f: &'a Finding,
    rule_index: usize,
    locale: &Locale,
) -> SarifResult<'a> {
    // the message cites the divisions too; the logical location's name is
    // the provision's own, its qualified name the path
    let cited = super::cited_provision(f, locale);
    let label = f.provision.label_in(locale);
    SarifResult {
        rule_id: &f.rule().code,
        rule_index,
        level: level(f.severity),
        message: OwnedText {
            text: format!("{}: {} ({cited})", f.category, f.message),
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(path) },
                region: Region {
                    start_line: f.line,
                    start_column: Some(f.column),
                    end_line: Some(f.end_line),
                    end_column: Some(f.end_column.max(if f.end_line == f.line {
                        f.column
                    } else {
                        1
                    })),
                    snippet: Some(Text { text: &f.excerpt }),
                    properties: f.page.map(|page| PageProperty { page }),
                },
            },
            logical_locations: vec![LogicalLocation {
                name: label,
                fully_qualified_name: &f.provision.path,
                kind: f.provision.kind.name(),
            }],
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, f.fingerprint.as_str())]),
        properties: ResultProperties::Finding {
            category: f.category.as_str(),
            rules: f.rule_codes(),
            guideline: &f.guideline,
            source_id: f.provision.source_id.as_deref(),
        },
    }
}

/// A gap's message (a phrase: "no explicit reference to …") as a sentence,
/// capitalised and closed, so that the recommendation after it reads as
/// the next one.
fn as_sentence(message: &str) -> String {
    let message = message.trim();
    let mut chars = message.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Gaps concern the whole agreement: the location is the file's first line.
fn gap_result<'a>(path: &str, g: &'a Gap, rule_index: usize, locale: &Locale) -> SarifResult<'a> {
    SarifResult {
        rule_id: g.id.as_str(),
        rule_index,
        level: level(g.severity),
        message: OwnedText {
            text: format!(
                "{} {}",
                as_sentence(&g.message),
                locale.tr(
                    "sarif-recommendation",
                    &[("text", g.recommendation.as_str().into())]
                )
            ),
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(path) },
                region: Region {
                    start_line: 1,
                    start_column: None,
                    end_line: None,
                    end_column: None,
                    snippet: None,
                    properties: None,
                },
            },
            logical_locations: Vec::new(),
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, g.fingerprint.as_str())]),
        properties: ResultProperties::Gap {
            level: "agreement",
            guideline: &g.guideline,
            evidence: &g.evidence,
            suggested_clause: &g.suggested_clause,
        },
    }
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
