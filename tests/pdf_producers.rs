//! Article segmentation on PDFs from every PDF producer installed: ToTA
//! agreements rendered as text with known headings, printed by Chromium,
//! LibreOffice, groff, pdfTeX, Ghostscript and enscript
//! (`benches/pdf_producers.sh`), read back and scored with the shared
//! `seg_eval.py`. Target: F1 >= 0.95 for every producer, >= 0.97 overall.
//!
//! Needs ../shared and python3; a producer that is not installed is
//! reported SKIPPED by the script. Debug builds render two agreements,
//! release builds eight.

mod common;

use std::path::Path;
use std::process::Command;

/// Matched, predicted and expected articles summed over a seg_eval report's
/// per-language lines, and its F1 line.
fn scores(report: &str) -> ([usize; 3], Option<f64>) {
    let mut sum = [0usize; 3];
    for line in report.lines() {
        let Some(rest) = line.split("(matched ").nth(1) else {
            continue;
        };
        let nums: Vec<usize> = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|t| t.parse().ok())
            .collect();
        if let [m, p, e, ..] = nums[..] {
            sum[0] += m;
            sum[1] += p;
            sum[2] += e;
        }
    }
    let f1 = report
        .lines()
        .find_map(|l| l.strip_prefix("segmentation F1 "))
        .and_then(|v| v.trim().parse().ok());
    (sum, f1)
}

fn f1([m, p, e]: [usize; 3]) -> f64 {
    let (precision, recall) = (m as f64 / p.max(1) as f64, m as f64 / e.max(1) as f64);
    2.0 * precision * recall / (precision + recall).max(1e-9)
}

#[test]
fn segmentation_holds_for_every_pdf_producer() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED PDF producers: python3 not found");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let ids: &[&str] = if cfg!(debug_assertions) {
        &["100", "123"]
    } else {
        &["100", "103", "106", "165", "123", "321", "86", "88"]
    };
    let render = Command::new("bash")
        .arg(root.join("benches/pdf_producers.sh"))
        .arg(out.path())
        .args(ids)
        .env("SHARED", &shared)
        .output()
        .expect("runs the producer script");
    let said = String::from_utf8_lossy(&render.stdout);
    eprint!("{said}");
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let eval = shared.join("tools/seg_eval.py");
    let mut total = [0usize; 3];
    let mut producers = 0;
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        if name == "text" || !dir.is_dir() {
            continue;
        }
        let report = Command::new("python3")
            .arg(&eval)
            .arg(env!("CARGO_BIN_EXE_treatyscan"))
            .arg(&dir)
            .arg("--pdf")
            .output()
            .expect("runs seg_eval.py");
        let report = String::from_utf8_lossy(&report.stdout);
        let (sum, f) = scores(&report);
        let f = f.unwrap_or_else(|| panic!("{name}: no F1 in\n{report}"));
        eprintln!(
            "producer {name}: segmentation F1 {f:.4} ({} of {} articles)",
            sum[0], sum[2]
        );
        assert!(f >= 0.95, "{name}: F1 {f:.4}\n{report}");
        for k in 0..3 {
            total[k] += sum[k];
        }
        producers += 1;
    }
    if producers == 0 {
        eprintln!("SKIPPED PDF producers: none installed");
        return;
    }
    let overall = f1(total);
    eprintln!("PDF producers: {producers}, overall segmentation F1 {overall:.4}");
    assert!(overall >= 0.97, "overall F1 {overall:.4}");
}
