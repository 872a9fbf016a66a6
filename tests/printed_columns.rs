//! Agreements printed from a web page in CSS columns by headless Chromium,
//! with the browser's header and footer (date and title above, address and
//! page counter below): each column is read whole, each article keeps its
//! own text and findings, and the header and footer are no provision's text.
//! English, Spanish and French (`tests/fixtures/printed/`); the French page
//! has a left-column line long enough to reach into the gutter, which once
//! cut the columns into bands there and moved Article 3's carve-out into the
//! first article. Skipped when `chromium` is not installed.
//!
//! Reservation lists set as tables: with gaps between rows (LibreOffice),
//! and with borders and no gaps (`*-ruled-table.html`, read as a web page,
//! printed by Chromium, printed and saved as Word by LibreOffice), each row
//! an entry of the schedule.
//!
//! Notes printed together at the end of a page, with no links: each goes to
//! the article citing it, in the page and in its print.

mod common;

use common::{chromium, findings, gap_ids, run_chromium, treatyscan};
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

/// (kind, number, text) of every provision of a `parse --format json` tree,
/// depth first.
fn provisions(node: &serde_json::Value, out: &mut Vec<(String, String, String)>) {
    for p in node.as_array().into_iter().flatten() {
        out.push((
            p["kind"].as_str().unwrap_or("").to_string(),
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
        let numbers: Vec<&str> = all.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(
            numbers,
            ["", "1", first, "2", "3", "4", "5", "6", "7"],
            "{name}"
        );
        // the words as a reader sees them, whatever the line breaks
        for (_, _, text) in all.iter_mut() {
            *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        let text = |n: &str| &all.iter().find(|(_, m, _)| m == n).unwrap().2;
        let article_3 = text("3");
        assert!(
            article_3.contains(carve_out) && article_3.ends_with(article_3_ends),
            "{name}: Article 3 reads {article_3:?}"
        );
        for (_, number, text) in &all {
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
    let Some(soffice) = libreoffice() else {
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
        let pdf = convert(soffice, dir.path(), name, "pdf:writer_pdf_Export", "pdf");
        let tree = json(&["parse"], &pdf);
        let mut all = Vec::new();
        provisions(&tree["provisions"], &mut all);
        let flat: Vec<String> = all
            .iter()
            .map(|(_, _, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// LibreOffice's command, when it is installed.
fn libreoffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Converts `tests/fixtures/printed/<name>` with LibreOffice (`filter`, as
/// `--convert-to` takes it) into `dir`; returns the file it made, named
/// `<name>` with `extension`.
fn convert(soffice: &str, dir: &Path, name: &str, filter: &str, extension: &str) -> PathBuf {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/printed")
        .join(name);
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(dir)
        .arg(&page)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    let out = dir.join(name).with_extension(extension);
    assert!(
        status.success() && out.is_file(),
        "LibreOffice made {out:?}"
    );
    out
}

/// A reservation list set as a table with borders and no padding (four
/// rows; Sector, Obligations concerned, Description), in English, Spanish and
/// French, with the words of the cultural row's carve-out.
const RULED_TABLES: [(&str, &str); 3] = [
    (
        "en-ruled-table.html",
        "with respect to cultural industries, including audiovisual co-production agreements",
    ),
    (
        "es-ruled-table.html",
        "respecto de las industrias culturales, incluidos los acuerdos de coproducción audiovisual",
    ),
    (
        "fr-ruled-table.html",
        "relatif aux industries culturelles, y compris les accords de coproduction audiovisuelle",
    ),
];

/// What a negotiator needs of the ruled reservation table, whatever made the
/// file: each row an entry of the schedule, the cultural row (the second)
/// whole with its carve-out, the carve-out and the reserved right found in
/// that entry, and no false "missing policy space" gap.
fn assert_rows_are_entries(file: &Path, words: &str) {
    let tree = json(&["parse"], file);
    let mut every = Vec::new();
    provisions(&tree["provisions"], &mut every);
    let all: Vec<String> = every
        .into_iter()
        .filter(|(kind, _, _)| kind == "entry")
        .map(|(_, _, text)| text)
        .collect();
    assert_eq!(all.len(), 4, "{file:?}: {all:#?}");
    let cultural = all[1].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        cultural.contains(words),
        "{file:?}: the cultural row is cut up: {all:#?}"
    );
    let report = json(&["check", "--fail-on", "never"], file);
    let found = findings(&report);
    for category in ["cultural_exception", "policy_space"] {
        assert!(
            found
                .iter()
                .any(|(path, c)| c == category && path.ends_with("entry2")),
            "{file:?}: no {category} in the cultural row: {found:?}"
        );
    }
    let gaps = report["files"][0]["gaps"].as_array().unwrap();
    assert!(
        gaps.iter().all(|g| g["id"] != "missing_policy_space"),
        "{file:?}: {gaps:?}"
    );
}

/// The ruled table as a web page: its header row over its entries.
#[test]
fn a_ruled_reservation_table_is_read_row_by_row_in_a_web_page() {
    for (name, words) in RULED_TABLES {
        let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/printed")
            .join(name);
        assert_rows_are_entries(&page, words);
    }
}

/// The ruled table printed by Chromium: no gap parts its rows, and the gap
/// between its second and third columns looked like the gutter of a page in
/// two columns (the descriptions were read after all the sectors, and no row
/// was an entry); the borders drawn between the rows and columns part them.
/// Skipped when `chromium` is not installed.
#[test]
fn a_ruled_reservation_table_printed_by_chromium_is_read_row_by_row() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium not installed (Debian package `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, words) in RULED_TABLES {
        assert_rows_are_entries(&print(chromium, dir.path(), name), words);
    }
}

/// The ruled table printed and saved as a Word file by LibreOffice: in the
/// PDF the cells' lines interleaved (the cultural carve-out was lost, with a
/// false "missing policy space" gap); in the Word file the rows were one
/// block under the schedule's title. Skipped when LibreOffice is not
/// installed.
#[test]
fn a_ruled_reservation_table_from_libreoffice_is_read_row_by_row() {
    let Some(soffice) = libreoffice() else {
        println!("SKIPPED: LibreOffice not installed (Debian package `libreoffice-writer`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (name, words) in RULED_TABLES {
        let pdf = convert(soffice, dir.path(), name, "pdf:writer_pdf_Export", "pdf");
        assert_rows_are_entries(&pdf, words);
        let docx = convert(soffice, dir.path(), name, "docx:MS Word 2007 XML", "docx");
        assert_rows_are_entries(&docx, words);
    }
}

/// The footnote numbers each provision of a `parse --format json` tree has
/// among its children, by the provision's path ("ch1/art1.2" -> ["1"]).
fn notes_by_provision(
    node: &serde_json::Value,
    out: &mut std::collections::BTreeMap<String, Vec<String>>,
) {
    for p in node.as_array().into_iter().flatten() {
        for c in p["children"].as_array().into_iter().flatten() {
            if c["kind"] == "footnote" {
                out.entry(p["path"].as_str().unwrap_or("").to_string())
                    .or_default()
                    .push(c["number"].as_str().unwrap_or("").to_string());
            }
        }
        notes_by_provision(&p["children"], out);
    }
}

/// A web page whose notes are printed together at its end, under their own
/// title ("Notes", "Notas") and without links, read as a page and as
/// Chromium prints it (the marks on pages 1 and 2, the notes on page 3,
/// after the last annex): each note belongs to the article whose mark cites
/// it, not to the annex, and the title is no annex text. Article 3.2's note
/// takes audiovisual services out of the e-commerce chapter, so the
/// e-commerce carve-out is found there and its gap stays closed; the page
/// and its print compare as the same agreement.
#[test]
fn notes_printed_at_the_end_of_a_page_belong_to_the_articles_citing_them() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium not installed (Debian package `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // (page, words of note 3, the notes' title)
    let cases = [
        ("en-end-notes.html", "audiovisual services", "Notes"),
        ("es-end-notes.html", "servicios audiovisuales", "Notas"),
        ("fr-end-notes.html", "services audiovisuels", "Notes"),
    ];
    for (name, note_3, title) in cases {
        let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/printed")
            .join(name);
        let pdf = print(chromium, dir.path(), name);
        for file in [&page, &pdf] {
            let what = format!("{name} as {}", file.display());
            let tree = json(&["parse"], file);
            let mut notes = Default::default();
            notes_by_provision(&tree["provisions"], &mut notes);
            let expected: std::collections::BTreeMap<String, Vec<String>> = [
                ("ch1/art1.2", "1"),
                ("ch2/art2.2", "2"),
                ("ch3/art3.2", "3"),
            ]
            .into_iter()
            .map(|(p, n)| (p.to_string(), vec![n.to_string()]))
            .collect();
            assert_eq!(notes, expected, "{what}");
            let mut all = Vec::new();
            provisions(&tree["provisions"], &mut all);
            let (_, _, annex) = all.iter().find(|(k, _, _)| k == "annex").unwrap();
            assert!(
                !annex.contains(note_3) && !annex.trim_end().ends_with(title),
                "{what}: the annex holds the notes or their title: {annex:?}"
            );
            let report = json(&["check", "--fail-on", "never"], file);
            let found = findings(&report);
            assert!(
                found.contains(&("ch3/art3.2".to_string(), "ecommerce_cultural".to_string())),
                "{what}: no e-commerce carve-out in Article 3.2: {found:?}"
            );
            let gaps = gap_ids(&report);
            assert!(
                !gaps.contains(&"ecommerce_without_cultural_carveout"),
                "{what}: {gaps:?}"
            );
        }
        let compared = treatyscan()
            .args(["compare", "--format", "json"])
            .arg(&page)
            .arg(&pdf)
            .output()
            .unwrap();
        let summary: serde_json::Value = serde_json::from_slice(&compared.stdout).unwrap();
        assert_eq!(
            (compared.status.code(), &summary["summary"]["text_changed"]),
            (Some(0), &serde_json::json!(0)),
            "{name}: the page and its print differ: {}",
            summary["changes"]
        );
    }
}

/// Chapter and article titles long enough to wrap onto a second line when
/// Chromium prints the page, in the headings' larger type: each is read
/// whole from the print, as from the page (the second line was read as the
/// provision's first words, and the title cut short), and the page and its
/// print compare as the same text. Skipped when `chromium` is not installed.
#[test]
fn titles_that_wrap_in_print_are_read_whole() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium not installed (Debian package `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let name = "en-long-titles.html";
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/printed")
        .join(name);
    let pdf = print(chromium, dir.path(), name);
    let titles = |file: &Path| -> Vec<(String, String)> {
        let tree = json(&["parse"], file);
        let mut all = Vec::new();
        collect_titles(&tree["provisions"], &mut all);
        all
    };
    let expected: Vec<(String, String)> = [
        ("ch-one", "General Provisions, Initial Definitions and Institutional Arrangements of the Parties"),
        ("ch-one/art1.1", "Duty-Free Entry of Certain Commercial Samples and Printed Advertising Materials"),
        ("ch-one/art1.2", "Definitions"),
        ("ch-two", "Cross-Border Trade in Services, Investment and Electronic Commerce Between the Parties"),
        ("ch-two/art2.1", "Scope"),
        ("ch-two/art2.2", "Exclusion of Cultural Industries from the Obligations of this Chapter and of Chapter One"),
    ]
    .iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    assert_eq!(titles(&page), expected, "the page");
    assert_eq!(titles(&pdf), expected, "its print");
    // a title's second line is no text of the provision
    let report = json(&["check", "--fail-on", "never"], &pdf);
    let found = findings(&report);
    assert!(
        found.contains(&(
            "ch-two/art2.2".to_string(),
            "cultural_exception".to_string()
        )),
        "{found:?}"
    );
    let out = treatyscan()
        .args(["compare", "--format", "json"])
        .arg(&page)
        .arg(&pdf)
        .output()
        .unwrap();
    let compared: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &compared["summary"];
    assert_eq!(summary["retitled"], 0, "{summary}");
    assert_eq!(summary["unchanged"], summary["matched"], "{summary}");
}

/// (path, title) of every provision with a title, depth first.
fn collect_titles(node: &serde_json::Value, out: &mut Vec<(String, String)>) {
    for p in node.as_array().into_iter().flatten() {
        if let (Some(path), Some(title)) = (p["path"].as_str(), p["title"].as_str()) {
            out.push((path.to_string(), title.to_string()));
        }
        collect_titles(&p["children"], out);
    }
}
