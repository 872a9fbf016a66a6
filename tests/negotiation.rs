//! Negotiating texts: the consolidated drafts of `corpus/negotiation/` (English,
//! Spanish, French), each finding's status and Parties, each gap's readings,
//! the positions table and two rounds compared, kept as snapshots; brackets
//! read from every source; and texts without negotiating brackets reported
//! exactly as before (no `negotiation` anywhere).

mod common;
#[path = "support/docx_writer.rs"]
mod docx_writer;
#[path = "support/pdf_writer.rs"]
mod pdf_writer;

use common::treatyscan;
use serde_json::Value;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use treatyscan::review::{review, ReviewOptions};
use treatyscan::rules::RuleSet;
use treatyscan::text::brackets::{mask, Negotiation, Party};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().unwrap())
}

fn check_json(args: &[&str]) -> Value {
    let out = treatyscan()
        .current_dir(root())
        .args(["check", "--format", "json", "--exit-zero"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Each finding as `line category → negotiation`, then the negotiation part.
fn digest(file: &Value) -> String {
    let mut s = String::new();
    for f in file["findings"].as_array().unwrap() {
        let _ = writeln!(
            s,
            "{}:{} {} [{}] -> {}",
            f["line"],
            f["column"],
            f["category"].as_str().unwrap(),
            f["provision"]["path"].as_str().unwrap(),
            f["negotiation"]
        );
    }
    let _ = writeln!(s, "gaps (agreed text):");
    for g in file["gaps"].as_array().unwrap() {
        let _ = writeln!(s, "  {}", g["id"].as_str().unwrap());
    }
    let n = &file["negotiation"];
    let _ = writeln!(s, "parties: {}", n["parties"]);
    let _ = writeln!(s, "brackets: {}", n["brackets"]);
    let _ = writeln!(s, "readings:");
    for g in n["gaps"].as_array().unwrap() {
        let parties: Vec<String> = g["parties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}={}",
                    p["party"].as_str().unwrap(),
                    p["state"].as_str().unwrap()
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "  {}: {} [{}]",
            g["gap"].as_str().unwrap(),
            g["summary"].as_str().unwrap(),
            parties.join(" ")
        );
    }
    let _ = writeln!(s, "positions:");
    for p in n["positions"].as_array().unwrap() {
        let _ = writeln!(
            s,
            "  {}: propose {} oppose {} none {} considering {}",
            p["category"].as_str().unwrap(),
            p["propose"],
            p["oppose"],
            p["no_position"],
            p.get("considering").cloned().unwrap_or(Value::Null)
        );
    }
    s
}

fn draft(name: &str) -> String {
    format!("corpus/negotiation/{name}")
}

#[test]
fn english_consolidated_draft() {
    let json = check_json(&[&draft("en-consolidated-round4.txt")]);
    insta::assert_snapshot!(digest(&json["files"][0]));
}

#[test]
fn spanish_consolidated_draft() {
    let json = check_json(&[&draft("es-texto-consolidado-ronda3.txt")]);
    insta::assert_snapshot!(digest(&json["files"][0]));
}

#[test]
fn french_consolidated_draft() {
    let json = check_json(&[&draft("fr-texte-consolide-cycle2.txt")]);
    insta::assert_snapshot!(digest(&json["files"][0]));
}

#[test]
fn human_report_shows_status_readings_and_positions() {
    let out = treatyscan()
        .current_dir(root())
        .args(["check", &draft("en-consolidated-round4.txt")])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("   = bracketed: proposed by ARC, opposed by BOR\n"),
        "{text}"
    );
    assert!(text.contains("   = agreed text\n"));
    let section = &text[text
        .find("==> negotiating text")
        .expect("negotiation section")..];
    insta::assert_snapshot!(section);
}

#[test]
fn two_rounds_compared() {
    let out = treatyscan()
        .current_dir(root())
        .args([
            "compare",
            "--format",
            "json",
            &draft("en-consolidated-round4.txt"),
            &draft("en-consolidated-round5.txt"),
        ])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut s = String::new();
    let n = &json["negotiation"];
    let _ = writeln!(s, "brackets {} -> {}", n["brackets_a"], n["brackets_b"]);
    for c in n["changes"].as_array().unwrap() {
        let side = |k: &str| {
            let p = &c[k];
            if p.is_null() {
                "-".to_string()
            } else {
                format!(
                    "{} +{} -{}",
                    p["provision"].as_str().unwrap(),
                    p["proposed_by"],
                    p["opposed_by"]
                )
            }
        };
        let _ = writeln!(
            s,
            "{}: {} | A {} | B {}",
            c["change"].as_str().unwrap(),
            c["words"].as_str().unwrap(),
            side("a"),
            side("b")
        );
    }
    insta::assert_snapshot!(s);
    let human = treatyscan()
        .current_dir(root())
        .args([
            "compare",
            &draft("en-consolidated-round4.txt"),
            &draft("en-consolidated-round5.txt"),
        ])
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(
        human.contains("Negotiating brackets: 7 in A, 5 in B"),
        "{human}"
    );
    assert!(human.contains("  changed hands: Article [X]"));
}

/// The agreed reading is the draft with every bracket taken out, and a
/// Party's reading the draft with its proposals kept: the gaps must be those
/// of such texts written out and checked as plain drafts.
#[test]
fn readings_are_the_texts_they_stand_for() {
    for name in [
        "en-consolidated-round4.txt",
        "es-texto-consolidado-ronda3.txt",
        "fr-texte-consolide-cycle2.txt",
    ] {
        let path = root().join(draft(name));
        let text = std::fs::read_to_string(&path).unwrap();
        let neg = Negotiation::read(&text, &[]);
        assert!(!neg.is_empty());
        // the reading written out as a plain draft and checked as one
        let reviewed = |t: String| {
            let agreement = treatyscan::structure::parse_text(
                "reading.txt".into(),
                treatyscan::provision::SourceFormat::Text,
                treatyscan::text::LocatedText::plain(t),
            );
            let file = review(
                rules(),
                &agreement,
                "reading.txt",
                &ReviewOptions::default(),
            );
            assert!(file.negotiation.is_none());
            let mut gaps: Vec<String> = file.gaps.iter().map(|g| g.id.to_string()).collect();
            gaps.sort();
            gaps
        };
        let agreement = treatyscan::source::load(&path).unwrap();
        let file = review(rules(), &agreement, name, &ReviewOptions::default());
        let mut agreed: Vec<String> = file.gaps.iter().map(|g| g.id.to_string()).collect();
        agreed.sort();
        assert_eq!(
            agreed,
            reviewed(mask(&text, &neg.hidden(|_| false))),
            "{name}"
        );
        let report = file.negotiation.as_ref().unwrap();
        for party in &report.parties {
            let kept = mask(
                &text,
                &neg.hidden(|i| neg.brackets[i].positions.proposed_by.contains(&party.code)),
            );
            let mut open: Vec<String> = report
                .gaps
                .iter()
                .filter(|g| {
                    g.parties.iter().any(|r| {
                        r.party == party.code
                            && r.state == treatyscan::model::negotiation::GapState::Open
                    })
                })
                .map(|g| g.gap.to_string())
                .collect();
            open.sort();
            assert_eq!(open, reviewed(kept), "{name}, {}'s reading", party.code);
        }
    }
}

/// The project's drafts and agreements without negotiating brackets (some
/// with footnote markers, placeholders and omissions in square brackets):
/// no `negotiation` in the report, no finding marked.
#[test]
fn texts_without_negotiating_brackets_are_reported_as_before() {
    let mut files: Vec<String> = Vec::new();
    for dir in [
        "corpus",
        "corpus/rules",
        "corpus/gaps",
        "corpus/formats",
        "corpus/compare",
    ] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                files.push(p.strip_prefix(root()).unwrap().display().to_string());
            }
        }
    }
    files.sort();
    assert!(files.len() >= 15);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let json = check_json(&args);
    for f in json["files"].as_array().unwrap() {
        assert!(f.get("negotiation").is_none(), "{}", f["path"]);
        for finding in f["findings"].as_array().unwrap() {
            assert!(finding.get("negotiation").is_none(), "{}", f["path"]);
        }
    }
    let human = treatyscan()
        .current_dir(root())
        .args(["check", "corpus/en-digital-partnership-draft.txt"])
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(!human.contains("negotiating text") && !human.contains("= agreed text"));
}

/// ToTA agreements with square brackets (footnote numbers, signatures,
/// formulas): not negotiating texts.
#[test]
fn tota_agreements_with_square_brackets_are_not_negotiating_texts() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut checked = 0;
    for path in common::tota_files(&shared) {
        let bytes = std::fs::read(&path).unwrap();
        if !bytes.contains(&b'[') {
            continue;
        }
        let agreement = treatyscan::source::load(&path).unwrap();
        let file = review(rules(), &agreement, "a.xml", &ReviewOptions::default());
        assert!(file.negotiation.is_none(), "{}", path.display());
        assert!(file.findings.iter().all(|f| f.negotiation.is_none()));
        // ToTA XML is never read for negotiating brackets; its text, read
        // as a draft's would be, is not one either
        let read = treatyscan::text::brackets::Negotiation::read(&agreement.text.text, &[]);
        assert!(read.is_empty(), "{}", path.display());
        checked += 1;
    }
    assert!(checked > 10, "only {checked} ToTA files with brackets");
}

#[test]
fn parties_given_with_party_name_the_tags() {
    let dir = tempdir();
    let path = dir.join("names.txt");
    std::fs::write(
        &path,
        "Article 1: Culture\n\n[Xanadu propose: This Agreement shall not apply to audiovisual services.]\n[Yonder oppose]\n",
    )
    .unwrap();
    let json = check_json(&[
        path.to_str().unwrap(),
        "--party",
        "XAN=Xanadu",
        "--party",
        "YON=Yonder",
    ]);
    let f = &json["files"][0]["findings"][0]["negotiation"];
    assert_eq!(f["proposed_by"], serde_json::json!(["XAN"]));
    assert_eq!(f["opposed_by"], serde_json::json!(["YON"]));
    let bad = treatyscan()
        .args(["check", path.to_str().unwrap(), "--party", "=Xanadu"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(err.contains("--party"), "{err}");
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "treatyscan-negotiation-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SAMPLE: [&str; 6] = [
    "CHAPTER 2 ELECTRONIC COMMERCE",
    "Article 2.1: Customs Duties",
    "Neither Party shall impose customs duties on electronic transmissions.",
    "Article 2.2: Cultural Industries",
    "[ARC propose: This Chapter shall not apply to audiovisual services.]",
    "[BOR oppose]",
];

/// The carve-out's finding, from a file of any format.
fn carve_out_status(path: &Path, bytes: &[u8]) -> Value {
    let agreement = treatyscan::source::load_bytes(path, bytes).unwrap();
    let file = review(rules(), &agreement, "x", &ReviewOptions::default());
    let f = file
        .findings
        .iter()
        .find(|f| f.category == "cultural_exception")
        .unwrap_or_else(|| panic!("no carve-out found in {}", path.display()));
    serde_json::to_value(f.negotiation.as_ref().unwrap()).unwrap()
}

#[test]
fn brackets_are_read_in_every_source() {
    let expected =
        serde_json::json!({"status": "bracketed", "proposed_by": ["ARC"], "opposed_by": ["BOR"]});
    let text = SAMPLE.join("\n\n");
    assert_eq!(
        carve_out_status(Path::new("d.txt"), text.as_bytes()),
        expected
    );
    let md = SAMPLE
        .iter()
        .map(|l| {
            if l.starts_with("Article") || l.starts_with("CHAPTER") {
                format!("## {l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(carve_out_status(Path::new("d.md"), md.as_bytes()), expected);
    let html = format!(
        "<!DOCTYPE html><html><head><title>Draft</title></head><body>{}</body></html>",
        SAMPLE
            .iter()
            .map(|l| format!("<p>{}</p>", l))
            .collect::<String>()
    );
    assert_eq!(
        carve_out_status(Path::new("d.html"), html.as_bytes()),
        expected
    );
    let body: String = SAMPLE.iter().map(|l| docx_writer::p(l)).collect();
    let docx = docx_writer::Docx::new(body).to_bytes();
    assert_eq!(carve_out_status(Path::new("d.docx"), &docx), expected);
    assert_eq!(
        carve_out_status(Path::new("d.pdf"), &pdf(&SAMPLE)),
        expected
    );
}

/// ToTA holds concluded agreements: even a bracket that names a Party, in a
/// ToTA XML file, is the editors' and not a proposal.
#[test]
fn tota_xml_is_never_a_negotiating_text() {
    let articles: String = SAMPLE[1..]
        .chunks(2)
        .enumerate()
        .map(|(i, a)| {
            format!(
                "<article number=\"Article {}\" article_identifier=\"{}\">{}</article>",
                i + 1,
                i + 1,
                a.join("\n")
            )
        })
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\"?><treaty><meta><name>Test</name><language>en</language></meta>\
         <body><chapter name=\"Electronic Commerce\">{articles}</chapter></body></treaty>"
    );
    let agreement = treatyscan::source::load_bytes(Path::new("t.xml"), xml.as_bytes()).unwrap();
    assert_eq!(
        agreement.format,
        treatyscan::provision::SourceFormat::TotaXml
    );
    let file = review(rules(), &agreement, "t.xml", &ReviewOptions::default());
    assert!(file.negotiation.is_none());
    assert!(file.findings.iter().all(|f| f.negotiation.is_none()));
    // the same text as a draft is one
    assert!(!treatyscan::text::brackets::Negotiation::read(&agreement.text.text, &[]).is_empty());
}

/// A one-page PDF, one Helvetica line per string.
fn pdf(lines: &[&str]) -> Vec<u8> {
    pdf_writer::pages_of_lines(&[lines], 28.0)
}

#[test]
fn party_option_parses() {
    let p = Party::parse("ARC=Republic of Arcadia").unwrap();
    assert_eq!(
        (p.code.as_str(), p.name.as_deref()),
        ("ARC", Some("Republic of Arcadia"))
    );
}

#[test]
fn brackets_naming_parties_in_words_say_how_to_declare_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.txt");
    std::fs::write(
        &path,
        "Article 14.3: Customs Duties\n\n1. No Party shall impose customs duties on electronic transmissions.\n\n\
         [United States oppose; Canada propose: 2. This Chapter shall not apply to audiovisual services.]\n\n\
         [Canada propose: 3. The Parties reaffirm their commitments under the UNESCO Convention on the \
         Protection and Promotion of the Diversity of Cultural Expressions.]\n",
    )
    .unwrap();
    let human = |extra: &[&str]| {
        let out = treatyscan()
            .args(["check", "--fail-on", "never"])
            .args(extra)
            .arg(&path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let undeclared = human(&[]);
    assert!(
        undeclared.contains("Parties: none named (brackets that name Parties in words are read once they are declared: --party US=\"United States\")"),
        "{undeclared}"
    );
    let declared = human(&["--party", "US=United States", "--party", "CA=Canada"]);
    assert!(
        declared.contains("bracketed: proposed by CA, opposed by US"),
        "{declared}"
    );
}

/// A consolidated text whose only citation of the 2005 Convention is a
/// Party's bracketed proposal: its gaps judge the agreed text, where the
/// citation is missing, and the one-line summary says the Convention is
/// cited only in brackets rather than that the text cites it.
#[test]
fn a_convention_cited_only_in_brackets_is_summarised_as_proposed() {
    for (file, lang, proposed, cited) in [
        (
            "negotiation/en-consolidated-round4.txt",
            "en",
            "cites the 2005 Convention only in bracketed text",
            "; cites the 2005 Convention;",
        ),
        (
            "negotiation/es-texto-consolidado-ronda3.txt",
            "es",
            "cita la Convención de 2005 solo en texto entre corchetes",
            "; cita la Convención de 2005;",
        ),
    ] {
        let out = treatyscan()
            .args(["check", "--lang", lang])
            .arg(common::corpus_file(file))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        let summary = report.lines().next().unwrap_or_default();
        assert!(summary.contains(proposed), "{file}: {summary}");
        assert!(!summary.contains(cited), "{file}: {summary}");
        assert!(
            report.contains("[missing_convention_reference]"),
            "{file}: the gap is open on the agreed text"
        );
    }
}
