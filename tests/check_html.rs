//! `check --format html` and `--out`, and the human report's locations and
//! summary: the page of every example draft carries every finding's rule
//! code, every gap and its recommendation, the matched words in `<mark>`, and
//! nothing from outside; agreement text is inert; PDFs are located by page;
//! a filter or baseline does not make the summary unsay what the file holds.
//! A ToTA agreement and a real PDF from `../shared` when it is there, and a
//! screenshot in headless Chromium when `chromium` is installed.

mod common;
#[path = "support/pdf_writer.rs"]
mod pdf_writer;

#[path = "support/docx_writer.rs"]
mod docx_writer;

use common::{chromium, corpus_file, run_chromium, treatyscan};
use std::path::{Path, PathBuf};

/// As maud escapes text and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn check(args: &[&str], files: &[&Path]) -> std::process::Output {
    treatyscan()
        .arg("check")
        .args(args)
        .args(files)
        .output()
        .unwrap()
}

fn html_of(args: &[&str], files: &[&Path]) -> String {
    let out = check(&[&["--format", "html"], args].concat(), files);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_of(args: &[&str], files: &[&Path]) -> serde_json::Value {
    let out = check(&[&["--format", "json"], args].concat(), files);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The marked words of a JSON finding: `marks` are byte ranges of `excerpt`.
fn marked_words(finding: &serde_json::Value) -> Vec<String> {
    common::marked_and_after(finding)
        .into_iter()
        .map(|(word, _)| word)
        .collect()
}

/// Everything the page must show of what JSON reports: every finding's rule
/// codes and marked words (in `<mark>`), every gap's message and
/// recommendation; and nothing it loads from elsewhere.
fn assert_page_shows_the_report(html: &str, json: &serde_json::Value, what: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{what}");
    assert_eq!(html.matches("<html").count(), 1, "{what}: one page");
    let mut findings = 0;
    for file in json["files"].as_array().unwrap() {
        for f in file["findings"].as_array().unwrap() {
            findings += 1;
            let codes: Vec<&str> = f["rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            assert!(
                html.contains(&format!(
                    "<code class=\"codes\">{}</code>",
                    codes.join(", ")
                )),
                "{what}: rule codes {codes:?}"
            );
            for word in marked_words(f) {
                assert!(
                    html.contains(&format!("<mark>{}</mark>", esc(&word))),
                    "{what}: «{word}» not in <mark>"
                );
            }
        }
        for g in file["gaps"].as_array().unwrap() {
            for key in ["message", "recommendation", "suggested_clause"] {
                let text = g[key].as_str().unwrap();
                assert!(html.contains(&esc(text)), "{what}: gap {key} «{text}»");
            }
        }
    }
    assert_eq!(
        html.matches("class=\"finding ").count(),
        findings,
        "{what}: one block per finding"
    );
    assert_no_external_reference(html, what);
}

fn assert_no_external_reference(html: &str, what: &str) {
    // agreement text has every `<` escaped: each one left opens a real tag
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name = tag.split_whitespace().next().unwrap_or("").to_lowercase();
        assert!(
            !["link", "img", "iframe", "object", "embed", "base", "frame", "audio", "video"]
                .contains(&name.as_str()),
            "{what}: <{tag}>"
        );
        assert!(!tag.contains(" src="), "{what}: <{tag}>");
        for (i, _) in tag.match_indices("href=\"") {
            assert!(
                tag[i + 6..].starts_with('#'),
                "{what}: link out of the page: <{tag}>"
            );
        }
    }
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{what}"
    );
}

fn example_drafts() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["", "gaps", "formats", "compare"] {
        for e in std::fs::read_dir(corpus_file(dir)).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
            if matches!(ext, "txt" | "md" | "html" | "htm") && !p.ends_with("README.md") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn html_of_every_example_draft_shows_codes_gaps_and_marked_words() {
    let drafts = example_drafts();
    assert!(drafts.len() >= 12, "{drafts:?}");
    let mut marks = 0;
    for draft in &drafts {
        let what = draft.display().to_string();
        let html = html_of(&[], &[draft]);
        let json = json_of(&[], &[draft]);
        assert_page_shows_the_report(&html, &json, &what);
        // the invented drafts hold no address: nothing points out of the page
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "{what}"
        );
        marks += html.matches("<mark>").count();
    }
    assert!(marks > 50, "the drafts' matched words are marked: {marks}");
}

#[test]
fn the_page_has_summary_first_then_gaps_then_findings_and_a_contents() {
    let draft = corpus_file("en-digital-partnership-draft.txt");
    let html = html_of(&[], &[&draft]);
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not in page"));
    assert!(at("id=\"file0-summary\"") < at("id=\"file0-gaps\""));
    assert!(at("id=\"file0-gaps\"") < at("id=\"file0-findings\""));
    // the summary counts the draft's 8 provisions with cultural clauses (as the human one does)
    let summary = &html[at("id=\"file0-summary\"")..at("id=\"file0-gaps\"")];
    assert!(
        summary.contains("Provisions with cultural clauses: </b>8"),
        "summary: {summary}"
    );
    // contents by chapter and article, each entry a link to its article
    let toc = &html[at("<nav")..at("</nav>")];
    assert!(toc.contains("Chapter 3 (ELECTRONIC COMMERCE)"), "{toc}");
    for (i, _) in toc.match_indices("href=\"#file0-p") {
        let id = &toc[i + 7..i + 7 + toc[i + 7..].find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "contents link #{id}"
        );
    }
    assert!(toc.contains("Article 3.2 (Customs Duties)"));
    // a guideline paragraph's one-line summary, the rule's note
    assert!(html.contains("Guideline 19.4</b>: Consider cultural clauses"));
    // the article's whole text folds out with the words marked there too
    let article = &html[at("Article 4.2 (Cultural Industries)")..];
    let text = &article[article.find("<details class=\"article-text\">").unwrap()..];
    let text = &text[..text.find("</details>").unwrap()];
    assert!(text.contains("<mark>"), "{text}");
    // the filter is shown by its script; without scripts nothing is hidden
    assert!(html.contains("<fieldset class=\"filter\" id=\"filter\" hidden>"));
    assert!(html.contains("data-category=\"ecommerce_duties\""));
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(
        html.matches(" hidden").count(),
        1,
        "only the filter is hidden"
    );
    assert!(html.contains("@media print"));
}

#[test]
fn agreement_text_is_inert_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let hostile = "AGREEMENT <script>alert(1)</script> BETWEEN \"><img src=x onerror=alert(2)>\n\n\
        Article 1 <b onmouseover=alert(3)>Scope</b>\n\n\
        1. This Agreement shall not apply to cultural industries <script>alert(4)</script> \"><img src=y onerror=alert(5)> & co.\n\n\
        Article 2 Customs Duties\n\n\
        Neither Party shall impose customs duties on electronic transmissions \"><iframe src=z>.\n";
    std::fs::write(&path, hostile).unwrap();
    let html = html_of(&[], &[&path]);
    let json = json_of(&[], &[&path]);
    assert!(
        !json["files"][0]["findings"].as_array().unwrap().is_empty(),
        "the hostile text has findings, so its words are on the page"
    );
    assert_eq!(html.matches("<script").count(), 1, "only the filter script");
    for bad in ["<img", "<iframe", "<b onmouseover", "alert(1)</script>"] {
        assert!(!html.contains(bad), "`{bad}` came out live");
    }
    assert!(html.contains("&lt;script&gt;alert(4)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=y onerror=alert(5)&gt; &amp; co."));
    assert_no_external_reference(&html, "hostile");
}

#[test]
fn several_files_give_one_page_with_a_section_each_and_combine_gives_the_gaps_once() {
    let a = corpus_file("gaps/en-base-draft.txt");
    let b = corpus_file("en-digital-partnership-draft.txt");
    let html = html_of(&[], &[&a, &b]);
    assert_eq!(html.matches("<!DOCTYPE").count(), 1);
    assert!(html.contains("<section class=\"file\" id=\"file0\">"));
    assert!(html.contains("<section class=\"file\" id=\"file1\">"));
    assert!(html.contains("gaps were computed per file"));
    let json = json_of(&[], &[&a, &b]);
    assert_page_shows_the_report(&html, &json, "two files");

    let html = html_of(&["--combine"], &[&a, &b]);
    let json = json_of(&["--combine"], &[&a, &b]);
    let gaps = json["gaps"].as_array().unwrap();
    assert!(!gaps.is_empty());
    assert!(html.contains("id=\"combined\""));
    assert!(!html.contains("id=\"file0-gaps\"") && !html.contains("id=\"file1-gaps\""));
    for g in gaps {
        let message = esc(g["message"].as_str().unwrap());
        assert_eq!(html.matches(&format!("<h3>{message}</h3>")).count(), 1);
        assert!(html.contains(&esc(g["recommendation"].as_str().unwrap())));
    }
}

#[test]
fn a_file_that_could_not_be_read_is_named_on_the_page_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let draft = corpus_file("gaps/en-base-draft.txt");
    let expected = format!(
        "<li><code>{}</code>: file is empty</li>",
        esc(&empty.display().to_string())
    );
    // the only file refused: the page says why rather than showing nothing
    let out = check(&["--format", "html"], &[&empty]);
    assert_eq!(out.status.code(), Some(2));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("Files not read or not analysed (1)"),
        "{html}"
    );
    assert!(html.contains(&expected), "{html}");
    assert!(html.contains("href=\"#not-reviewed\""));
    // beside a file that was read (exit 3: partial), in the page's language
    let out = check(&["--format", "html", "--lang", "fr"], &[&empty, &draft]);
    assert_eq!(out.status.code(), Some(3));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("Fichiers non lus ou non analysés (1)"));
    assert!(html.contains(&format!(
        "<li><code>{}</code> : le fichier est vide</li>",
        esc(&empty.display().to_string())
    )));
    // and the line on standard error too
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "erreur : {} : le fichier est vide",
            empty.display()
        )),
        "{stderr}"
    );
    assert!(html.contains("id=\"file0\"") || html.contains("id=\"file0-summary\""));
}

#[test]
fn out_writes_any_format_to_the_file_and_a_bad_one_is_one_line() {
    let draft = corpus_file("en-digital-partnership-draft.txt");
    let dir = tempfile::tempdir().unwrap();
    for format in ["human", "json", "sarif", "csv", "html"] {
        let path = dir.path().join(format!("report.{format}"));
        let out = check(
            &["--format", format, "--out", path.to_str().unwrap()],
            &[&draft],
        );
        assert_eq!(out.status.code(), Some(1), "{format}: findings exit 1");
        assert!(out.stdout.is_empty(), "{format}: nothing on stdout");
        let written = std::fs::read_to_string(&path).unwrap();
        let stdout = check(&["--format", format], &[&draft]).stdout;
        assert_eq!(written.as_bytes(), stdout, "{format}: same report");
    }
    let bad = dir.path().join("no/such/dir/report.html");
    let out = check(
        &["--format", "html", "--out", bad.to_str().unwrap()],
        &[&draft],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("report.html") && err.contains("cannot write"),
        "{err}"
    );
}

/// A two-page PDF whose second page holds a cultural exception.
fn small_pdf() -> Vec<u8> {
    let pages: [&[&str]; 2] = [
        &[
            "AGREEMENT ON DIGITAL TRADE BETWEEN BOREALIA AND AUSTRINIA",
            "The Parties have agreed as follows:",
            "Article 1 Scope",
            "This Agreement applies to measures affecting trade by electronic means.",
        ],
        &[
            "Article 2 Cultural Industries",
            "Nothing in this Agreement shall apply to measures relating to the",
            "cultural industries of either Party.",
        ],
    ];
    pdf_writer::pages_of_lines(&pages, 20.0)
}

#[test]
fn a_pdf_finding_is_located_by_its_page_a_text_one_by_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // no .pdf extension: a PDF is known by its content
    let pdf = dir.path().join("draft-agreement");
    std::fs::write(&pdf, small_pdf()).unwrap();
    let json = json_of(&[], &[&pdf]);
    let exception = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["category"] == "cultural_exception")
        .expect("the PDF's cultural exception is found")
        .clone();
    assert_eq!(exception["page"], 2);
    let human = String::from_utf8(check(&[], &[&pdf]).stdout).unwrap();
    let name = pdf.display().to_string();
    assert!(
        human.contains(&format!("--> {name}, page 2  Article 2")),
        "{human}"
    );
    let line_col = format!("{name}:{}:{}", exception["line"], exception["column"]);
    assert!(
        !human.contains(&line_col),
        "no line of the extracted text: {human}"
    );
    let html = html_of(&[], &[&pdf]);
    assert!(
        html.contains("<span class=\"where\">page 2</span>"),
        "{html}"
    );

    // a plain-text draft keeps line:column
    let draft = corpus_file("en-digital-partnership-draft.txt");
    let human = String::from_utf8(check(&[], &[&draft]).stdout).unwrap();
    assert!(
        human.contains(
            "en-digital-partnership-draft.txt:37:5  Part I (GENERAL PROVISIONS) › \
             Chapter 1 (INITIAL PROVISIONS AND DEFINITIONS) › Article 1.2"
        ),
        "{human}"
    );
}

#[test]
fn a_category_filter_or_a_baseline_does_not_unsay_what_the_draft_holds() {
    let draft = corpus_file("en-digital-partnership-draft.txt");
    let first_line = |args: &[&str]| {
        let out = String::from_utf8(check(args, &[&draft]).stdout).unwrap();
        out.lines().next().unwrap().to_string()
    };
    let full = first_line(&[]);
    assert!(
        full.contains("cultural clauses in 8 provisions; "),
        "{full}"
    );
    assert!(!full.contains("not shown"), "{full}");

    let filtered = first_line(&["--category", "ecommerce_duties"]);
    assert!(
        filtered.contains("cultural clauses in 8 provisions; "),
        "{filtered}"
    );
    assert!(filtered.contains("cites the 2005 Convention"), "{filtered}");
    assert!(
        filtered.contains("not shown (--category): 16 findings and 1 gap"),
        "{filtered}"
    );

    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("before.json");
    std::fs::write(&baseline, check(&["--format", "json"], &[&draft]).stdout).unwrap();
    let known = first_line(&["--baseline", baseline.to_str().unwrap()]);
    assert!(
        known.contains("cultural clauses in 8 provisions; "),
        "{known}"
    );
    assert!(
        known.contains("already in the baseline, not shown: 17 findings and 1 gap"),
        "{known}"
    );
    // the page says it too, and still counts the clauses
    let html = html_of(&["--category", "ecommerce_duties"], &[&draft]);
    assert!(html.contains("Provisions with cultural clauses: </b>8"));
    assert!(html.contains("Not shown (--category): </b>16 findings, 1 gap"));
    // JSON keeps its keys: what is hidden is not serialised
    let json = json_of(&["--category", "ecommerce_duties"], &[&draft]);
    assert!(json["files"][0].get("hidden").is_none());
    assert_eq!(json["files"][0]["gaps"].as_array().unwrap().len(), 0);
}

#[test]
fn a_tracked_change_shows_its_author_and_date_on_the_page() {
    use docx_writer::{ins, p, run, Docx};
    let body = [
        p("AGREEMENT ON DIGITAL TRADE BETWEEN BOREALIA AND AUSTRINIA"),
        p("Article 1 Scope"),
        format!(
            "<w:p>{}{}{}</w:p>",
            run("This Agreement shall not apply to "),
            ins(
                "Borealia delegation",
                "2026-03-02T09:30:00Z",
                "measures relating to the cultural industries"
            ),
            run("."),
        ),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.docx");
    std::fs::write(&path, Docx::new(body).to_bytes()).unwrap();
    let json = json_of(&[], &[&path]);
    assert!(
        json["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.get("revision").is_some()),
        "{json}"
    );
    let html = html_of(&[], &[&path]);
    assert!(
        html.contains("Tracked change: </b>proposed by Borealia delegation, 2026-03-02"),
        "{html}"
    );
}

#[test]
fn html_of_a_tota_agreement_and_a_real_pdf() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let tota = shared.join("corpus/tota/pta_10.xml");
    let pdf = shared.join("corpus/pdf-real/rcep-2020.pdf");
    for path in [tota, pdf] {
        if !path.is_file() {
            println!("SKIPPED: {} not found", path.display());
            continue;
        }
        let what = path.display().to_string();
        let html = html_of(&[], &[&path]);
        let json = json_of(&[], &[&path]);
        assert!(!json["files"][0]["findings"].as_array().unwrap().is_empty());
        assert_page_shows_the_report(&html, &json, &what);
        if what.ends_with(".pdf") {
            // a page that prints a number of its own is cited by it
            for f in json["files"][0]["findings"].as_array().unwrap() {
                let page = f["page"].as_u64().unwrap();
                let shown = match f["page_label"].as_str() {
                    Some(printed) => format!("page {printed} (PDF page {page})"),
                    None => format!("page {page}"),
                };
                assert!(
                    html.contains(&format!("<span class=\"where\">{shown}</span>")),
                    "{shown}"
                );
            }
            let human = String::from_utf8(check(&[], &[&path]).stdout).unwrap();
            assert!(
                human.contains(
                    "rcep-2020.pdf, page 12-8 (PDF page 428)  \
                     Chapter 12 (ELECTRONIC COMMERCE) › Section C (CREATING A CONDUCIVE \
                     ENVIRONMENT FOR ELECTRONIC COMMERCE) › Article 12.11"
                ),
                "{human}"
            );
        }
    }
}

/// Renders the page in headless Chromium and checks the screenshot is a PNG
/// of the window's size with something drawn (not a blank page).
#[test]
fn the_page_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium not installed (Debian package `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let shot = dir.path().join("report.png");
    let draft = corpus_file("en-digital-partnership-draft.txt");
    let out = check(
        &["--format", "html", "--out", page.to_str().unwrap()],
        &[&draft],
    );
    assert_eq!(out.status.code(), Some(1));
    run_chromium(
        chromium,
        dir.path(),
        &[
            "--window-size=1280,2000".to_string(),
            format!("--screenshot={}", shot.display()),
        ],
        &page,
    );
    let png = std::fs::read(&shot).expect("chromium wrote a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 2000));
    // a blank 1280x2000 page compresses to a few KB; text, marks and boxes do not
    assert!(png.len() > 100_000, "screenshot of {} bytes", png.len());
}

/// The page of every agreement of the shared ToTA corpus (every ninth in a
/// debug build), through the library: every finding's codes and marked
/// words, every gap, nothing external, and the article texts with marks.
#[test]
fn html_of_the_shared_corpus_shows_every_finding_and_loads_nothing() {
    use rayon::prelude::*;
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    let files: Vec<PathBuf> = common::tota_files(&shared)
        .into_iter()
        .step_by(common::sample_step())
        .collect();
    let context_labels: Vec<_> = rules
        .catalogue()
        .categories()
        .iter()
        .map(|c| (c.category, c.label.clone()))
        .collect();
    let started = std::time::Instant::now();
    let sizes: Vec<(usize, usize)> = files
        .par_iter()
        .map(|path| {
            let agreement = treatyscan::source::load(path).unwrap();
            let name = path.display().to_string();
            let file = treatyscan::review::review(
                &rules,
                &agreement,
                &name,
                &treatyscan::review::ReviewOptions::default(),
            );
            let context = treatyscan::report::HtmlContext {
                outlines: vec![treatyscan::report::Outline::of(&agreement, None)],
                category_labels: context_labels.clone(),
                lang: treatyscan::locale::Lang::En,
            };
            let files = [file];
            let html = treatyscan::report::render_html(
                &files,
                &treatyscan::report::Run::default(),
                &context,
            );
            let json: serde_json::Value =
                serde_json::from_str(&treatyscan::report::render_json(&files)).unwrap();
            assert_page_shows_the_report(&html, &json, &name);
            (files[0].findings.len(), html.len())
        })
        .collect();
    let findings: usize = sizes.iter().map(|s| s.0).sum();
    let bytes: usize = sizes.iter().map(|s| s.1).sum();
    eprintln!(
        "html: {} agreements, {findings} findings, {} KB of pages in {:.1} s",
        files.len(),
        bytes / 1024,
        started.elapsed().as_secs_f64()
    );
    assert!(findings > 0);
}

/// The category filter, run by Chromium on a page whose boxes are all
/// unticked but one: what remains visible is that category's findings,
/// their articles and their contents entries.
#[test]
fn the_category_filter_hides_the_other_categories_in_chromium() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: chromium not installed (Debian package `chromium`)");
        return;
    };
    let draft = corpus_file("en-digital-partnership-draft.txt");
    let html = html_of(&[], &[&draft]);
    let only = "ecommerce_duties";
    let unticked = html.replace(" checked value=", " value=").replace(
        &format!(" value=\"{only}\""),
        &format!(" checked value=\"{only}\""),
    );
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, unticked).unwrap();
    let out = run_chromium(chromium, dir.path(), &["--dump-dom".to_string()], &page);
    let dom = String::from_utf8_lossy(&out);
    assert!(
        dom.contains("<fieldset class=\"filter\" id=\"filter\">"),
        "the script shows the filter"
    );
    let mut shown = 0;
    let mut hidden = 0;
    for (i, _) in dom.match_indices("data-category=\"") {
        let rest = &dom[i + 15..];
        let category = &rest[..rest.find('"').unwrap()];
        let tag_end = rest.find('>').unwrap();
        let is_hidden = rest[..tag_end].contains("hidden");
        assert_eq!(is_hidden, category != only, "{category}");
        if is_hidden {
            hidden += 1;
        } else {
            shown += 1;
        }
    }
    assert_eq!(shown, 1, "the one ecommerce_duties finding");
    assert_eq!(hidden, 16);
    // the article holding it stays; an article of cultural clauses only goes
    let article = |name: &str| {
        let at = dom.find(&format!("<h4>{name}")).unwrap();
        let open = dom[..at].rfind("<article").unwrap();
        dom[open..at].contains("hidden")
    };
    assert!(!article("Article 3.2 (Customs Duties)"));
    assert!(article("Article 4.2 (Cultural Industries)"));
}

/// `--lang es` and `--lang fr` give the page's own words, the rules' notes
/// and explanations and the guideline summaries in that language: none of
/// their English wording is left on the page (agreement excerpts stay in
/// the agreement's language, so the drafts in `corpus/` are checked in
/// their own language and in the other one).
#[test]
fn the_page_follows_lang() {
    let english =
        |id: &str| -> String { treatyscan::locale::Locale::of(treatyscan::locale::Lang::En).t(id) };
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    let catalogue = rules.catalogue();
    // English sentences a Spanish or French page must not show
    let mut sentences: Vec<String> = [
        "html-gaps",
        "html-findings",
        "html-recommendation",
        "html-no-finding",
    ]
    .iter()
    .map(|id| english(id))
    .collect();
    for g in ["19.4", "19.5", "8.2"] {
        if let Some(s) = catalogue.guideline_summary_in(g, treatyscan::locale::Lang::En) {
            sentences.push(s.to_string());
        }
    }
    sentences.extend(rules.rules().iter().map(|r| r.info.note()));
    for draft in [
        "es-acuerdo-comercio-cultura.txt",
        "fr-accord-partenariat.txt",
    ] {
        for lang in ["es", "fr"] {
            let html = html_of(&["--lang", lang], &[&corpus_file(draft)]);
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{draft} {lang}"
            );
            for s in &sentences {
                assert!(
                    !html.contains(&esc(s)),
                    "{draft} --lang {lang}: English left: {s}"
                );
            }
        }
    }
}

/// A text that opens on a sentence has no title page: the page is headed by
/// its file, as the terminal report names it, not by "The Parties have
/// agreed as follows:" (a reservation list sent with its article, realworld
/// case 06). A title page names the agreement.
#[test]
fn a_text_that_opens_on_a_sentence_is_headed_by_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Article 3\nNational Treatment\nEach Party shall accord to investors of the other Party treatment no less favourable than it accords to its own investors.\n";
    let sentence = dir.path().join("reservations.txt");
    let file_name = esc(&sentence.display().to_string());
    for (file, opening, heading) in [
        (
            &sentence,
            "The Parties have agreed as follows:",
            file_name.as_str(),
        ),
        (
            &dir.path().join("titled.txt"),
            "AGREEMENT BETWEEN ARCADIA AND BOREALIA",
            "AGREEMENT BETWEEN ARCADIA AND BOREALIA",
        ),
    ] {
        std::fs::write(file, format!("{opening}\n\n{body}")).unwrap();
        let html = html_of(&[], &[file]);
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{html}");
    }
}

/// Realworld case 06 opens on "The Parties have agreed as follows:": its
/// page is headed by its file, and still shows its findings.
#[test]
fn shared_case_06_is_headed_by_its_file() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let case = shared.join("cases/realworld/06-reservation-list-cultural-sectors.txt");
    if !case.is_file() {
        println!("SKIPPED: {} not found", case.display());
        return;
    }
    let html = html_of(&[], &[&case]);
    let heading = format!("<h1>{}</h1>", esc(&case.display().to_string()));
    assert!(html.contains(&heading), "{html}");
    assert!(!html.contains("<h1>The Parties have agreed"), "{html}");
    assert!(html.contains("CEX001") && html.contains("PSP004"), "{html}");
}
