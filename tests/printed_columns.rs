//! Agreements printed from a web page in CSS columns by headless Chromium,
//! with the browser's header and footer (date and title above, address and
//! page counter below): each column is read whole, each article keeps its
//! own text and findings, and the header and footer are no provision's text.
//! English, Spanish and French (`tests/fixtures/printed/`); the French page
//! has a left-column line long enough to reach into the gutter, which once
//! cut the columns into bands there and moved Article 3's carve-out into the
//! first article. Skipped when `chromium` is not installed.

mod common;

use common::{chromium, findings, run_chromium, treatyscan};
use std::path::{Path, PathBuf};

/// Prints `tests/fixtures/printed/<name>` to a PDF in `dir`, header and
/// footer on (Chromium's default).
fn print(chromium: &str, dir: &Path, name: &str) -> PathBuf {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/printed")
        .join(name);
    let pdf = dir.join(name).with_extension("pdf");
    run_chromium(
        chromium,
        dir,
        &[format!("--print-to-pdf={}", pdf.display())],
        &page,
    );
    assert!(pdf.is_file(), "chromium printed {name}");
    pdf
}

fn json(args: &[&str], pdf: &Path) -> serde_json::Value {
    let out = treatyscan()
        .args(args)
        .arg(pdf)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

/// (number, text) of every provision of a `parse --format json` tree, depth first.
fn provisions(node: &serde_json::Value, out: &mut Vec<(String, String)>) {
    for p in node.as_array().into_iter().flatten() {
        out.push((
            p["number"].as_str().unwrap_or("").to_string(),
            p["text"].as_str().unwrap_or("").to_string(),
        ));
        provisions(&p["children"], out);
    }
}

#[test]
fn css_columns_printed_by_chromium_keep_each_article_s_text_and_findings() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium not installed (Debian package `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // (page, first article's number, Article 3's carve-out, its last words)
    let cases = [
        (
            "fr-two-columns.html",
            "premier",
            "industries culturelles",
            "diversité des expressions culturelles.",
        ),
        (
            "en-two-columns.html",
            "1",
            "cultural industries",
            "diversity of cultural expressions.",
        ),
        (
            "es-two-columns.html",
            "1",
            "industrias culturales",
            "diversidad de las expresiones culturales.",
        ),
    ];
    for (name, first, carve_out, article_3_ends) in cases {
        let pdf = print(chromium, dir.path(), name);
        let tree = json(&["parse"], &pdf);
        let mut all = Vec::new();
        provisions(&tree["provisions"], &mut all);
        let numbers: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            numbers,
            ["", "1", first, "2", "3", "4", "5", "6", "7"],
            "{name}"
        );
        // the words as a reader sees them, whatever the line breaks
        for (_, text) in all.iter_mut() {
            *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        let text = |n: &str| &all.iter().find(|(m, _)| m == n).unwrap().1;
        let article_3 = text("3");
        assert!(
            article_3.contains(carve_out) && article_3.ends_with(article_3_ends),
            "{name}: Article 3 reads {article_3:?}"
        );
        for (number, text) in &all {
            if number != "3" {
                assert!(
                    !text.contains(carve_out),
                    "{name}: {number} holds the carve-out: {text:?}"
                );
            }
            // the browser's header and footer
            assert!(
                !text.contains("file://") && !text.ends_with("1/1") && !text.contains(" AM "),
                "{name}: {number} holds the print's header or footer: {text:?}"
            );
        }
        let report = json(&["check", "--fail-on", "never"], &pdf);
        let findings = findings(&report);
        // a path names a numbered article "art3", a worded one "art-premier"
        let art = |n: &str| match n.chars().all(|c| c.is_ascii_digit()) {
            true => format!("ch1/art{n}"),
            false => format!("ch1/art-{n}"),
        };
        for (path, category) in [
            (art(first), "cultural_specificity"),
            (art("3"), "cultural_exception"),
            (art("5"), "ecommerce_duties"),
            (art("6"), "cultural_cooperation"),
        ] {
            assert!(
                findings.contains(&(path.clone(), category.to_string())),
                "{name}: no {category} in {path}: {findings:?}"
            );
        }
        assert!(
            !findings
                .iter()
                .any(|(p, c)| p == &art(first) && c == "cultural_exception"),
            "{name}: the carve-out was read into the first article: {findings:?}"
        );
    }
}

/// A reservation list set as a table (Sector, Obligations concerned,
/// Description) in a page LibreOffice prints: its cells wrap over several
/// lines, set in the middle of their rows. Read line by line, the cells'
/// lines interleaved ("National Treatment maintain any measure that affords
/// preferential") and the cultural reservation's carve-out and reserved right
/// were lost, with a false "missing policy space" gap; each row is read cell
/// by cell now, and is an entry of the schedule. Skipped when LibreOffice is
/// not installed.
#[test]
fn a_reservation_table_printed_by_libreoffice_keeps_its_cultural_reservation() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        println!("SKIPPED: LibreOffice not installed (Debian package `libreoffice-writer`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // (page, the carve-out's words in the description)
    let cases = [
        ("en-reservation-table.html", "with respect to cultural industries, including audiovisual co-production agreements"),
        ("es-reservation-table.html", "respecto de las industrias culturales, incluidos los acuerdos de coproducción audiovisual"),
        ("fr-reservation-table.html", "relatif aux industries culturelles, y compris les accords de coproduction audiovisuelle"),
    ];
    for (name, words) in cases {
        let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/printed")
            .join(name);
        let status = std::process::Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.path().join("profile").display()
            ))
            .args([
                "--headless",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
            ])
            .arg(dir.path())
            .arg(&page)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        let pdf = dir.path().join(name).with_extension("pdf");
        assert!(
            status.success() && pdf.is_file(),
            "LibreOffice printed {name}"
        );
        let tree = json(&["parse"], &pdf);
        let mut all = Vec::new();
        provisions(&tree["provisions"], &mut all);
        let flat: Vec<String> = all
            .iter()
            .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        // the description reads as written, in the entry of its row
        assert!(
            flat.iter().any(|t| t.contains(words)),
            "{name}: the description is cut up: {flat:#?}"
        );
        let report = json(&["check", "--fail-on", "never"], &pdf);
        let file = &report["files"][0];
        let found = findings(&report);
        let has = |category: &str| found.iter().any(|(_, c)| c == category);
        assert!(
            has("cultural_exception") && has("policy_space"),
            "{name}: {found:?}"
        );
        let gaps: Vec<&str> = file["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap())
            .collect();
        assert!(!gaps.contains(&"missing_policy_space"), "{name}: {gaps:?}");
    }
}
