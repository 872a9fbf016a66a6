//! The fuzz targets, shared by the libFuzzer targets in `fuzz/` and the
//! stable-Rust loop beside this file. Each takes any bytes and must neither
//! panic nor hang; what they check beyond that is asserted here.

use std::path::Path;
use std::sync::LazyLock;
use treatyscan::model::FileFindings;
use treatyscan::provision::{Paragraphs, SourceFormat};
use treatyscan::report;
use treatyscan::review::{review, ReviewOptions};
use treatyscan::rules::RuleSet;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

/// A target: any bytes in, nothing out; a panic is a fault found.
pub type Target = fn(&[u8]);

/// The targets by name, for the loop and `fuzz/run.sh`.
pub const TARGETS: &[(&str, Target)] = &[
    ("structure", structure),
    ("tota", tota),
    ("rules", rules),
    ("pdf", pdf),
    ("docx", docx),
    ("web", web),
];

/// Any bytes as a plain-text agreement: decoding, the structure parser, the
/// rules, the outline and every `check` format.
pub fn structure(bytes: &[u8]) {
    // sniffing would send XML and PDF elsewhere: this target is the text reader
    if treatyscan::source::sniff(bytes) != SourceFormat::Text {
        return;
    }
    if let Ok(agreement) = treatyscan::source::load_bytes(Path::new("fuzz.txt"), bytes) {
        let _ = treatyscan::provision::render_outline(&agreement);
        render_every_format(&review(
            &RULES,
            &agreement,
            "fuzz.txt",
            &ReviewOptions::default(),
        ));
    }
}

/// Any bytes as ToTA XML: the XML reader, its articles' paragraphs (deferred
/// and parsed), the rules, the reports and the outline.
pub fn tota(bytes: &[u8]) {
    if treatyscan::source::sniff(bytes) != SourceFormat::TotaXml {
        return;
    }
    let path = Path::new("fuzz.xml");
    for paragraphs in [Paragraphs::Deferred, Paragraphs::Parsed] {
        if let Ok(agreement) = treatyscan::source::load_bytes_with(path, bytes, paragraphs) {
            let _ = treatyscan::provision::render_outline(&agreement);
            render_every_format(&review(
                &RULES,
                &agreement,
                "fuzz.xml",
                &ReviewOptions::default(),
            ));
        }
    }
}

/// Any bytes as a PDF, within small limits (a fuzz input must not take
/// long): the content-stream reader, fonts, CMaps, filters, the structure,
/// the rules and every format. A refusal is fine; a panic is not.
pub fn pdf(bytes: &[u8]) {
    if treatyscan::source::sniff(bytes) != SourceFormat::Pdf {
        return;
    }
    let mut options = treatyscan::source::ReadOptions::default();
    options.pdf.time = std::time::Duration::from_secs(5);
    options.pdf.max_pages = 200;
    options.pdf.max_decoded_bytes = 64 << 20;
    options.pdf.max_stream_bytes = 16 << 20;
    read_and_report(Path::new("fuzz.pdf"), bytes, options);
}

/// Any bytes as a Word file (any zip or OLE file goes there): the zip and
/// XML readers, list numbering, tracked changes read both ways, footnotes.
pub fn docx(bytes: &[u8]) {
    if treatyscan::source::sniff(bytes) != SourceFormat::Docx {
        return;
    }
    for revisions in [
        treatyscan::source::Revisions::Proposed,
        treatyscan::source::Revisions::Original,
    ] {
        let options = treatyscan::source::ReadOptions {
            revisions,
            ..Default::default()
        };
        read_and_report(Path::new("fuzz.docx"), bytes, options);
    }
}

/// Any bytes as a web page or Markdown: html5ever and pulldown-cmark, the
/// furniture dropped, the structure, the rules and every format.
pub fn web(bytes: &[u8]) {
    let path = match treatyscan::source::sniff(bytes) {
        SourceFormat::Html => Path::new("fuzz.html"),
        SourceFormat::Markdown => Path::new("fuzz.md"),
        _ => return,
    };
    read_and_report(path, bytes, treatyscan::source::ReadOptions::default());
}

fn read_and_report(path: &Path, bytes: &[u8], options: treatyscan::source::ReadOptions) {
    if let Ok(agreement) = treatyscan::source::load_bytes_opts(path, bytes, options) {
        let _ = treatyscan::provision::render_outline(&agreement);
        let name = path.display().to_string();
        render_every_format(&review(
            &RULES,
            &agreement,
            &name,
            &ReviewOptions::default(),
        ));
    }
}

const TERMS: &str = include_str!("../../rules/terms.toml");
const DRAFT_TEXT: &str = include_str!("../../corpus/en-digital-partnership-draft.txt");

static DRAFT: LazyLock<treatyscan::provision::Agreement> = LazyLock::new(|| {
    treatyscan::source::load_bytes(Path::new("draft.txt"), DRAFT_TEXT.as_bytes())
        .expect("the draft reads")
});

/// Any text as a rule file beside the shipped `terms.toml`: an error names the
/// file; rules that load are run over a draft and explained.
pub fn rules(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let files = vec![
        ("rules/fuzz.toml".to_string(), text.to_string()),
        ("rules/terms.toml".to_string(), TERMS.to_string()),
    ];
    match RuleSet::from_files(&files) {
        Ok(rules) => {
            let _ = rules.check(&DRAFT);
            for rule in rules.rules() {
                let _ = treatyscan::rules::docs::explain(rule);
                let _ = rules.trigger_literals(rule.code());
            }
            let _ = treatyscan::rules::docs::listing(&rules);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("rules/"), "{message}");
        }
    }
}

/// Every `check` format, and the marks each report slices by.
fn render_every_format(file: &FileFindings) {
    let files = std::slice::from_ref(file);
    let _ = report::render_human(files, report::Style::Plain);
    let _ = report::render_json(files);
    let _ = report::render_csv(files);
    let _ = report::render_sarif(files);
    for f in &file.findings {
        for &(s, e) in f.marks.ranges() {
            assert!(f.excerpt.is_char_boundary(s) && f.excerpt.is_char_boundary(e));
        }
    }
}
