//! PDF reading speed, as ratios to poppler's `pdftotext` measured in the same
//! run (wall time, one run each).
//!
//!   cargo bench --bench pdf
//!
//! - `treatyscan check FILE --format json` (reading and analysis) on the real
//!   government PDFs of ../shared/corpus/pdf-real, vs `pdftotext FILE`.
//!   Target: ratio <= 1 on RCEP (510 pages).
//! - Page handling: PDFs of 500 to 20,000 one-line pages written here with
//!   lopdf; `treatyscan parse` time per page must stay flat (linear in pages).
//!
//! Prints SKIPPED for what it cannot run (no pdftotext, no ../shared).

use lopdf::{dictionary, Document, Object, Stream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let bin = env!("CARGO_BIN_EXE_treatyscan");
    let has_pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !has_pdftotext {
        println!("SKIPPED pdftotext ratios: pdftotext not installed (poppler-utils)");
    }
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pdf-real");
    if real.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&real)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        files.sort();
        for f in files {
            let ours = wall(
                Command::new(bin)
                    .arg("check")
                    .arg(&f)
                    .args(["--format", "json"]),
            );
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            report(&name, "check", ours, has_pdftotext.then(|| poppler(&f)));
        }
    } else {
        println!("SKIPPED real PDFs: ../shared/corpus/pdf-real not found");
    }
    let dir = tempfile_dir();
    let mut per_page = Vec::new();
    for pages in [500usize, 2_000, 5_000, 20_000] {
        let file = dir.join(format!("pages-{pages}.pdf"));
        std::fs::write(&file, pages_pdf(pages)).unwrap();
        let ours = wall(
            Command::new(bin)
                .arg("parse")
                .arg(&file)
                .args(["--format", "json"]),
        );
        report(
            &format!("{pages} pages"),
            "parse",
            ours,
            has_pdftotext.then(|| poppler(&file)),
        );
        per_page.push((pages, ours / pages as f64 * 1e6));
    }
    let first = per_page[0].1;
    for (pages, us) in &per_page {
        println!(
            "pdf pages {pages}: {us:.1} µs per page ({:.2}x the 500-page figure)",
            us / first
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("treatyscan-pdf-bench-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn report(name: &str, what: &str, ours: f64, theirs: Option<f64>) {
    match theirs {
        Some(t) => println!(
            "pdf {name}: {what} {ours:.3} s, pdftotext {t:.3} s, ratio {:.2}",
            ours / t
        ),
        None => println!("pdf {name}: {what} {ours:.3} s"),
    }
}

fn poppler(file: &Path) -> f64 {
    wall(Command::new("pdftotext").arg(file).arg("-"))
}

/// Wall time of one run, output discarded.
fn wall(cmd: &mut Command) -> f64 {
    let start = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command runs");
    let t = start.elapsed().as_secs_f64();
    // check exits 1 when it reports gaps; anything else is a failed run
    assert!(
        matches!(status.code(), Some(0) | Some(1)),
        "{cmd:?}: {status}"
    );
    t
}

/// `pages` pages, each with a heading line and a sentence of its own.
fn pages_pdf(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let kids: Vec<Object> = (0..pages)
        .map(|i| {
            let text = format!(
                "BT /F1 12 Tf 72 720 Td (Article {}) Tj 0 -20 Td (The Parties shall cooperate on matter {i}.) Tj ET",
                i + 1
            );
            let content = doc.add_object(Stream::new(dictionary! {}, text.into_bytes()));
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
