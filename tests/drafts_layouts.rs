//! Drafts and odd layouts, as negotiators circulate them: placeholder article
//! numbers, chapter text without articles, agreements split over files, words
//! hyphenated at a line end, Parties named only in the title, texts in a
//! language treatyscan does not analyse, stand-alone e-commerce agreements,
//! untitled contents lists, footnotes, and headings run into the text (a page
//! saved on one line, titles followed by their text). Invented fixtures in three languages
//! (`tests/fixtures/drafts/`), then the shared real-world cases when present.

mod common;

use std::path::{Path, PathBuf};
use treatyscan::provision::{Agreement, Kind};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/drafts")
        .join(name)
        .display()
        .to_string()
}

use common::{findings, treatyscan};

/// `check --format json` of the files, with its exit code.
fn check(args: &[&str]) -> (serde_json::Value, i32) {
    let out = treatyscan()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (json, out.status.code().unwrap_or(-1))
}

/// Asserts that each (provision path, category) is a finding of the run's first file.
fn assert_has_all(json: &serde_json::Value, wanted: &[(&str, &str)]) {
    for (article, category) in wanted {
        assert!(
            has(json, article, category),
            "{article} {category}: {:?}",
            findings(json)
        );
    }
}

fn has(json: &serde_json::Value, path: &str, category: &str) -> bool {
    findings(json)
        .iter()
        .any(|(p, c)| p == path && c == category)
}

/// The ids of the gaps that call for action (warning and above): the
/// info-level guidelines-reference gap, open on every undated draft that does
/// not name the 2017 guidelines, is tested on its own.
fn gap_ids(gaps: &serde_json::Value) -> Vec<String> {
    gaps.as_array()
        .unwrap()
        .iter()
        .filter(|g| g["severity"] != "info")
        .map(|g| g["id"].as_str().unwrap().to_string())
        .collect()
}

fn load(path: &str) -> Agreement {
    treatyscan::source::load(Path::new(path)).unwrap()
}

fn article_paths(a: &Agreement) -> Vec<(String, String)> {
    a.articles()
        .map(|p| (p.number.clone().unwrap_or_default(), p.path.clone()))
        .collect()
}

/// A chapter saved from the web on one line: each heading in it starts an
/// article, the findings are those of its articles, and their places are on
/// the source's one line, at the columns of their matched words.
#[test]
fn a_chapter_saved_on_one_line_keeps_its_articles_and_their_findings() {
    let path = fixture("page-une-ligne-fr.txt");
    let a = load(&path);
    assert_eq!(
        article_paths(&a),
        [
            ("7.1".to_string(), "ch7/art7.1".to_string()),
            ("7.2".to_string(), "ch7/art7.2".to_string()),
            ("7.3".to_string(), "ch7/art7.3".to_string()),
        ]
    );
    let (json, _) = check(&[&path]);
    assert_has_all(
        &json,
        &[
            ("ch7/art7.1", "ecommerce"),
            ("ch7/art7.1", "ecommerce_duties"),
            ("ch7/art7.2", "cultural_exception"),
            ("ch7/art7.2", "ecommerce_cultural"),
        ],
    );
    let source = std::fs::read_to_string(&path).unwrap();
    for f in json["files"][0]["findings"].as_array().unwrap() {
        assert_eq!(f["line"], 1);
        let column = f["column"].as_u64().unwrap() as usize;
        let at: String = source.chars().skip(column - 1).take(12).collect();
        let excerpt = f["excerpt"].as_str().unwrap();
        assert!(
            excerpt.contains(&at),
            "column {column} reads {at:?}, excerpt {excerpt:?}"
        );
    }
}

/// An unnumbered title on its own line before an article ("Servicios
/// audiovisuales" / "Artículo 15-03"), and a section heading that closes the
/// last paragraph of the article before it ("… tribunales. Sección C -
/// Observancia"), as Word drafts have them: every article is found, and the
/// cultural exception is cited under its own article, not the one before.
#[test]
fn unnumbered_titles_and_closing_headings_leave_every_article_its_place() {
    let path = fixture("titulos-sin-numero-es.txt");
    let numbers: Vec<String> = article_paths(&load(&path))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(numbers, ["15-01", "15-02", "15-03", "15-04"]);
    let (json, _) = check(&[&path]);
    assert_has_all(&json, &[("ch15/sec-b/art15-03", "cultural_exception")]);
    assert!(!has(&json, "ch15/sec-b/art15-02", "cultural_exception"));
}

/// Titles followed by their article's text on the heading's line, in
/// capitals or not, with or without a first paragraph's marker: the title is
/// the title, and the text is checked.
#[test]
fn a_title_followed_by_its_text_leaves_the_text_to_the_article() {
    let path = fixture("run-in-titles-en.txt");
    let a = load(&path);
    let titles: Vec<Option<String>> = a.articles().map(|p| p.title.clone()).collect();
    assert_eq!(
        titles,
        [
            "Scope",
            "DEFINITIONS",
            "Customs Duties",
            "Right to Regulate"
        ]
        .map(|t| Some(t.to_string()))
    );
    let (json, _) = check(&[&path]);
    assert_has_all(
        &json,
        &[
            ("art1", "cultural_exception"),
            ("art3", "ecommerce_duties"),
            ("art4", "policy_space"),
        ],
    );
}

#[test]
fn placeholder_article_numbers_are_headings_in_three_languages() {
    let es = load(&fixture("placeholder-es.txt"));
    assert_eq!(
        article_paths(&es),
        [
            ("(…)".to_string(), "ch-i/art-x".to_string()),
            ("(…)".to_string(), "ch-i/art-x~2".to_string()),
            ("[X]".to_string(), "ch-vi/art-x".to_string()),
        ]
    );
    assert_eq!(
        es.articles().next().unwrap().title.as_deref(),
        Some("Objetivos")
    );
    let (json, _) = check(&[&fixture("placeholder-es.txt")]);
    assert!(has(&json, "ch-i/art-x", "policy_space"), "{json}");
    assert!(has(&json, "ch-vi/art-x", "ecommerce_duties"));

    let (json, _) = check(&[&fixture("placeholder-fr.txt")]);
    assert!(has(&json, "ch-iii/art-x", "cultural_exception"), "{json}");
    assert!(has(&json, "ch-vi/art8.51", "ecommerce_duties"));

    let (json, _) = check(&[&fixture("placeholder-en.txt")]);
    assert!(has(&json, "ch8/art-x", "cultural_exception"), "{json}");
    assert!(has(&json, "ch9/art-x", "ecommerce_duties"));
    assert!(
        gap_ids(&json["files"][0]["gaps"]).contains(&"ecommerce_without_cultural_carveout".into())
    );
}

#[test]
fn chapter_text_without_articles_is_checked_after_a_preamble() {
    let (json, _) = check(&[&fixture("chapter-text-fr.txt")]);
    assert!(has(&json, "ch1", "ecommerce_duties"), "{json}");
    assert!(has(&json, "ch2", "cultural_cooperation"), "{json}");
    // the chapter's title line is its title, not its text
    let ch1 = findings(&json)
        .into_iter()
        .filter(|(p, _)| p == "ch1")
        .count();
    assert_eq!(ch1, 2, "{json}");
}

#[test]
fn combined_files_get_their_gaps_once() {
    let (p1, p2) = (fixture("split-en-part1.txt"), fixture("split-en-part2.txt"));
    let (apart, code) = check(&[&p1, &p2]);
    assert_eq!(code, 1);
    assert!(!gap_ids(&apart["files"][1]["gaps"]).is_empty());
    assert!(apart["notes"][0]
        .as_str()
        .unwrap()
        .contains("gaps were computed per file"));
    let (whole, _) = check(&["--combine", &p1, &p2]);
    assert_eq!(whole["combined_files"], 2);
    // the Convention and the agreement-wide exception in part 1 close what part 2 opened
    assert_eq!(gap_ids(&whole["gaps"]), Vec::<String>::new(), "{whole}");
    for file in whole["files"].as_array().unwrap() {
        assert_eq!(gap_ids(&file["gaps"]), Vec::<String>::new());
    }
    assert_eq!(whole["files"][1]["findings"].as_array().unwrap().len(), 2);
    let human = treatyscan()
        .args(["check", "--combine", &p1, &p2])
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(
        human.contains("gaps for the combined agreement (2 files)"),
        "{human}"
    );
}

#[test]
fn hyphenated_compound_across_a_line_end_keeps_line_numbers() {
    let path = fixture("hyphen-en.txt");
    let (json, _) = check(&[&path]);
    assert!(has(&json, "art3", "cultural_exception"), "{json}");
    let a = load(&path);
    let lines: Vec<usize> = a.articles().map(|p| p.line).collect();
    assert_eq!(lines, [1, 7]);
    assert!(a.text.text.contains("audio-visual\nservices"));
    assert_eq!(
        a.text.line_count(),
        std::fs::read_to_string(&path).unwrap().split('\n').count()
    );
}

#[test]
fn parties_from_the_title_open_the_preferential_treatment_gap() {
    let (json, _) = check(&[&fixture("parties-es.txt")]);
    assert_eq!(
        json["files"][0]["agreement"]["parties"],
        serde_json::json!(["CHL", "PER"])
    );
    let gap = json["files"][0]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "missing_preferential_treatment")
        .expect("gap");
    assert_eq!(gap["evidence"], serde_json::json!(["CHL", "PER"]));
    // the Parties are known: no note says they are not (an undated text
    // still has the date's)
    let notes = json["files"][0]["notes"].to_string();
    assert!(
        !notes.contains(treatyscan::review::PARTIES_UNKNOWN),
        "{notes}"
    );

    let (json, _) = check(&[&fixture("parties-fr.txt")]);
    assert_eq!(
        json["files"][0]["agreement"]["parties"],
        serde_json::json!(["CAN", "HND"])
    );

    // invented Parties stay unknown, and the report says what that leaves out
    let (json, _) = check(&[&fixture("chapter-text-fr.txt")]);
    assert_eq!(
        json["files"][0]["notes"][0],
        "preferential treatment not assessed: no Party was recognised as a country, so whether one is a developing country is unknown (name it with --developing PARTY)"
    );
    // named with --developing: the note says the named Party was counted
    let (json, _) = check(&["--developing", "PER", &fixture("chapter-text-fr.txt")]);
    assert_eq!(
        json["files"][0]["notes"][0],
        treatyscan::review::DEVELOPING_NAMED
    );
}

/// `check FILE` on a draft that is read but not analysed: a partial run
/// (exit 3), not a usage error; one line on stderr names the file and says
/// `said`, and the report says nothing was analysed and asserts no gap.
fn assert_not_analysed(file: &str, said: &str) {
    let out = treatyscan()
        .args(["check", &fixture(file)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{file}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(file) && err.contains(said), "{err}");
    // the report names the file and why too: it is often kept without stderr
    let report = String::from_utf8(out.stdout).unwrap();
    let first = report.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("==> ")
            && first.contains(file)
            && first.contains(said)
            && first.ends_with("(findings and gaps not assessed)"),
        "{report}"
    );
    assert!(
        report.contains("\nNo file was analysed: the file was not read or not analysed")
            && !report.contains("gap["),
        "{report}"
    );
    // a table of the run has the file's row, not only a header
    let out = treatyscan()
        .args(["check", "--format", "csv", &fixture(file)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{file}");
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert!(row["path"].ends_with(file), "{row:?}");
    assert_eq!(
        (
            row["category"].as_str(),
            row["kind"].as_str(),
            row["severity"].as_str()
        ),
        ("not_assessed", "file", "error"),
        "{row:?}"
    );
    assert!(row["message"].contains(said), "{row:?}");
}

/// The rows of a CSV report, each by column name.
fn csv_rows(csv: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn a_short_text_in_another_script_is_refused_and_garbled_letters_are_unreadable() {
    // two-line clauses: too short for the language detector, but their
    // script alone says they are not English, Spanish or French (they used
    // to get every gap of an English draft)
    for (file, script) in [
        ("unsupported-script-ru.txt", "Cyrillic"),
        ("unsupported-script-ar.txt", "Arabic"),
    ] {
        assert_not_analysed(file, &format!("text in {script} script is not analysed"));
        // in the report's language
        let out = treatyscan()
            .args(["check", "--lang", "es", &fixture(file)])
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("un texto en escritura") && !err.contains("no latina"),
            "{err}"
        );
    }
    // Chinese read in the wrong encoding: a reading that failed (exit 2
    // when it is the only file), not a language
    let file = "garbled-gbk-read-as-latin1.txt";
    let out = treatyscan()
        .args(["check", "--format", "json", &fixture(file)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"], serde_json::json!([]));
    assert!(json["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("the text reads as garbled letters")));
    // drafts in the three languages are read as before
    for file in [
        "placeholder-en.txt",
        "placeholder-es.txt",
        "chapter-text-fr.txt",
    ] {
        let out = treatyscan()
            .args(["check", &fixture(file)])
            .output()
            .unwrap();
        assert!(String::from_utf8(out.stderr).unwrap().is_empty(), "{file}");
    }
}

#[test]
fn a_language_not_analysed_is_refused_with_one_line() {
    for (file, code, name) in [
        ("unsupported-nl.txt", "nl", "Dutch"),
        ("unsupported-de.txt", "de", "German"),
        ("unsupported-pt.txt", "pt", "Portuguese"),
    ] {
        assert_not_analysed(file, &format!("language {code} ({name}) is not analysed"));
    }
    // with a file that is read, the run is partial
    let (json, code) = check(&[
        &fixture("unsupported-nl.txt"),
        &fixture("placeholder-en.txt"),
    ]);
    assert_eq!(code, 3);
    // and its table has the rows of the file read and one for the other
    let out = treatyscan()
        .args([
            "check",
            "--format",
            "csv",
            &fixture("unsupported-nl.txt"),
            &fixture("placeholder-en.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let rows = csv_rows(&out.stdout);
    let of = |name: &str| rows.iter().filter(|r| r["path"].ends_with(name)).count();
    assert!(of("placeholder-en.txt") > 0, "{rows:?}");
    assert_eq!(of("unsupported-nl.txt"), 1, "{rows:?}");
    assert_eq!(
        rows.last().map(|r| (
            r["path"].ends_with("unsupported-nl.txt"),
            r["category"].as_str()
        )),
        Some((true, "not_assessed")),
        "the rows of files not assessed come last: {rows:?}"
    );
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
    // a file that cannot be read at all is an input error; with one that was
    // read but not analysed beside it, the run is partial
    let (_, code) = check(&["no-such-draft.txt"]);
    assert_eq!(code, 2);
    let (_, code) = check(&["no-such-draft.txt", &fixture("unsupported-nl.txt")]);
    assert_eq!(code, 3);
    // the totals of a partial run say that they leave files out
    let out = treatyscan()
        .args([
            "check",
            &fixture("unsupported-nl.txt"),
            &fixture("placeholder-en.txt"),
        ])
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human
            .trim_end()
            .ends_with("1 file not read or not analysed (its error line is on standard error)"),
        "{human}"
    );
}

#[test]
fn every_invented_draft_is_analysed() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for dir in [
        "corpus",
        "corpus/gaps",
        "corpus/rules",
        "corpus/compare",
        "tests/fixtures/drafts",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.extension().is_none_or(|e| e != "txt") || name.starts_with("unsupported-") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                treatyscan::text::language::not_analysed(&text),
                None,
                "{name}"
            );
            seen += 1;
        }
    }
    assert!(seen >= 20, "{seen}");
}

#[test]
fn standalone_ecommerce_agreement_is_ecommerce_throughout() {
    let (json, _) = check(&[&fixture("ecommerce-agreement-es.txt")]);
    assert!(has(&json, "sec-a/art1", "ecommerce"), "{json}");
    assert!(has(&json, "sec-b/art2", "ecommerce"));
    let (json, _) = check(&[&fixture("ecommerce-agreement-fr.txt")]);
    assert!(has(&json, "sec-a/art1", "ecommerce"), "{json}");
    // the preamble stays out of the scope
    assert!(!findings(&json)
        .iter()
        .any(|(p, c)| p == "preamble" && c == "ecommerce"));
}

/// The paths of an agreement's chapters, in order.
fn chapter_paths(a: &treatyscan::provision::Agreement) -> Vec<&str> {
    a.walk()
        .filter(|p| p.kind == Kind::Chapter)
        .map(|p| p.path.as_str())
        .collect()
}

#[test]
fn untitled_contents_list_is_not_chapters() {
    let a = load(&fixture("toc-fr.txt"));
    let chapters = chapter_paths(&a);
    assert_eq!(chapters, ["ch-i", "ch-iii"]);
    assert_eq!(article_paths(&a)[1].1, "ch-iii/art9");
}

#[test]
fn a_page_number_line_after_a_contents_list_leaves_no_phantom_chapter() {
    // a text converted from PDF: "Página 1 de 40" between the contents and
    // the first chapter made the last entry a chapter with that line as text
    let a = load(&fixture("toc-page-line-es.txt"));
    let chapters = chapter_paths(&a);
    assert_eq!(chapters, ["ch-i", "ch-ii", "ch-iii"]);
    assert_eq!(article_paths(&a)[2].1, "ch-iii/art9");
}

#[test]
fn footnotes_end_where_body_text_resumes() {
    let a = load(&fixture("footnotes-en.txt"));
    let notes: Vec<&str> = a
        .walk()
        .filter(|p| p.kind == Kind::Footnote)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(notes.len(), 2);
    assert!(notes[0].ends_with("the production of films."), "{notes:?}");
    assert!(
        notes[1].ends_with("a second line that continues it."),
        "{notes:?}"
    );
    // the sentences after the first footnote stay in paragraph 1
    let p1 = a
        .walk()
        .find(|p| p.kind == Kind::Paragraph && p.number.as_deref() == Some("1"))
        .unwrap();
    assert!(a.full_text(p1).contains("The Parties shall consult"));
    let outside: usize = a
        .articles()
        .map(|art| {
            let total = a.full_text(art).split_whitespace().count();
            let in_notes: usize = art
                .walk()
                .filter(|p| p.kind == Kind::Footnote)
                .map(|p| p.text.split_whitespace().count())
                .sum();
            total - in_notes
        })
        .sum();
    assert_eq!(
        outside, 69,
        "body words of the article outside its footnotes"
    );
}

/// An annex published on its own cites the articles of the agreement around
/// it: its gaps judge only that part, and the report says so, in the
/// report's language; a whole agreement gets no such note.
#[test]
fn an_annex_on_its_own_is_said_to_be_part_of_an_agreement() {
    for (name, lang, words) in [
        ("annex-alone-en.txt", "en", "part of an agreement"),
        ("annexo-solo-es.txt", "es", "parte de un acuerdo"),
    ] {
        let (json, _) = check(&[&fixture(name), "--lang", lang]);
        let file = &json["files"][0];
        assert!(
            has(&json, "annex7", "cultural_exception"),
            "{name}: {:?}",
            findings(&json)
        );
        assert!(!file["gaps"].as_array().unwrap().is_empty(), "{name}");
        let notes = file["notes"].to_string();
        assert!(notes.contains(words), "{name}: {notes}");
        // and the report's first line says so, before the gaps are read
        let human = treatyscan()
            .args(["check", &fixture(name), "--lang", lang])
            .output()
            .unwrap();
        let first = String::from_utf8_lossy(&human.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        assert!(first.contains(words), "{name}: {first}");
    }
    // the same clause inside a whole agreement's articles: no note
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.txt");
    std::fs::write(
        &whole,
        "Agreement on Trade between Arcadia and Borealia\n\nArticle 1\nScope\n\nThis Agreement applies subject to Article 2 and Article 3.\n\nArticle 2\nCultural Industries\n\nNothing in this Agreement shall be construed to apply to measures adopted or maintained by a Party with respect to cultural industries, except as provided in Article 3.\n\nArticle 3\nFinal Provisions\n\nThis Agreement enters into force on signature.\n",
    )
    .unwrap();
    let (json, _) = check(&[whole.to_str().unwrap()]);
    assert!(
        has(&json, "art2", "cultural_exception"),
        "{:?}",
        findings(&json)
    );
    assert!(
        !json["files"][0]["notes"]
            .to_string()
            .contains("part of an agreement"),
        "{}",
        json["files"][0]["notes"]
    );
}

/// A chapter published on its own, its articles numbered in the chapter
/// (14.1, 14.2) and citing none outside it, still says what it is: "this
/// Chapter" of "this Agreement". Its gaps judge that chapter only, and the
/// report says so in en, es and fr; the EU-Viet Nam chapters and the
/// Spanish chapter page of the shared texts are read the same way.
#[test]
fn a_chapter_on_its_own_is_said_to_be_part_of_an_agreement() {
    for (name, lang, words) in [
        (
            "chapter-alone-en.txt",
            "en",
            "one chapter or title of the agreement",
        ),
        (
            "capitulo-solo-es.txt",
            "es",
            "un capítulo o título del acuerdo",
        ),
        (
            "chapitre-seul-fr.txt",
            "fr",
            "un chapitre ou un titre de l'accord",
        ),
    ] {
        let (json, _) = check(&[&fixture(name), "--lang", lang]);
        let file = &json["files"][0];
        assert!(!file["gaps"].as_array().unwrap().is_empty(), "{name}");
        let notes = file["notes"].to_string();
        assert!(notes.contains(words), "{name}: {notes}");
    }
    let Some(shared) = common::shared_dir() else {
        common::say_skipped("lone chapters of the shared texts: no ../shared");
        return;
    };
    let texts = shared.join("corpus/realworld-texts");
    // a text's notes, as JSON text
    let notes_of = |name: &str| {
        let (json, _) = check(&[texts.join(name).to_str().unwrap()]);
        json["files"][0]["notes"].to_string()
    };
    for name in [
        "es-capitulo-13-comercio-electronico-page.txt",
        // a Title of seven chapters, "this Title" throughout
        "evfta-2016-ch08-services-investment-ecommerce.md",
        "evfta-2016-ch12-intellectual-property.md",
        "evfta-2016-ch15-trade-sustainable-development.md",
        "evfta-2016-ch16-cooperation.md",
    ] {
        let notes = notes_of(name);
        assert!(notes.contains("part of an agreement"), "{name}: {notes}");
    }
    // the agreement's opening (its title, preamble and first chapter) is not
    // one chapter of it, but its opening alone, without final provisions
    let notes = notes_of("evfta-2016-ch01-preamble-general.md");
    assert!(!notes.contains("one chapter or title"), "{notes}");
    assert!(notes.contains("the text opens an agreement"), "{notes}");
    // the WTO agreement is a whole text
    let notes = notes_of("wto-jsi-ecommerce-agreement-2024-INF-ECOM-87.md");
    assert!(!notes.contains("part of an agreement"), "{notes}");
}

/// A text converted from PDF prints a page's footnotes where the page ends,
/// in the middle of a sentence ("… between" / "12 For greater certainty …" /
/// "Page 14 of 30" / "them, in particular …"). The note is read as a
/// footnote (its number was printed as a mark on the page), a finding on the
/// sentence quotes the sentence as it reads, and a finding in the note
/// quotes the note.
#[test]
fn a_footnote_at_the_foot_of_a_page_stays_out_of_the_sentence_it_interrupts() {
    let (json, _) = check(&[&fixture("page-foot-note-en.txt")]);
    let excerpt = |category: &str| -> String {
        json["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["provision"]["path"] == "ch3/art3.1" && f["category"] == category)
            .map(|f| f["excerpt"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{category}: {:?}", findings(&json)))
    };
    assert_eq!(
        excerpt("ecommerce"),
        "The Parties, recognising that electronic commerce increases trade opportunities12, agree to promote the development of electronic commerce between them, in particular by co-operating on the issues raised by electronic commerce."
    );
    // the carve-out in the note still counts, quoted from the note
    assert_eq!(
        excerpt("cultural_exception"),
        "12 For greater certainty, this Chapter shall not apply to measures affecting audiovisual services."
    );
    let tree = treatyscan()
        .args(["parse", &fixture("page-foot-note-en.txt")])
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&tree.stdout);
    assert!(
        tree.contains("footnote 12 · For greater certainty"),
        "{tree}"
    );
    let Some(shared) = common::shared_dir() else {
        common::say_skipped("the EU-Viet Nam chapter's footnote 60: no ../shared");
        return;
    };
    let chapter =
        shared.join("corpus/realworld-texts/evfta-2016-ch08-services-investment-ecommerce.md");
    let (json, _) = check(&[chapter.to_str().unwrap()]);
    let objective = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["provision"]["path"] == "ch-vi/art-x" && f["category"] == "ecommerce")
        .map(|f| f["excerpt"].as_str().unwrap().to_string())
        .unwrap_or_default();
    assert!(
        objective.ends_with("electronic commerce between them, in particular by co-operating on the issues raised by electronic commerce under the provisions of this Title."),
        "{objective}"
    );
}

/// A stand-alone e-commerce agreement: each of its articles belongs to its
/// e-commerce provisions, but its institutional and final provisions (entry
/// into force, deposit, registration) do not (the WTO agreement on
/// electronic commerce had ECO001 on its Registration article).
#[test]
fn a_digital_trade_agreements_final_provisions_are_not_its_ecommerce_provisions() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "dea-en.txt",
            "Digital Economy Agreement between Arcadia and Borealia\n\nSection A\nGeneral Provisions\n\nArticle 1\nScope\n\nThis Agreement applies to measures affecting trade by electronic means.\n\nArticle 2\nPaperless Trading\n\nEach Party shall accept electronic trade administration documents.\n\nSection B\nInstitutional Arrangements and Final Provisions\n\nArticle 3\nEntry into Force\n\nThis Agreement shall enter into force sixty days after the later notification.\n\nArticle 4\nRegistration\n\nThis Agreement shall be registered with the Secretariat of the United Nations.\n",
        ),
        (
            "acuerdo-es.txt",
            "Acuerdo de Comercio Digital entre Arcadia y Borealia\n\nSección A\nDisposiciones generales\n\nArtículo 1\nÁmbito\n\nEl presente Acuerdo se aplica a las medidas que afectan al comercio por medios electrónicos.\n\nArtículo 2\nComercio sin papel\n\nCada Parte aceptará los documentos electrónicos de administración comercial.\n\nSección B\nDisposiciones finales\n\nArtículo 3\nEntrada en vigor\n\nEl presente Acuerdo entrará en vigor sesenta días después de la última notificación.\n\nArtículo 4\nRegistro\n\nEl presente Acuerdo será registrado ante la Secretaría de las Naciones Unidas.\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (json, _) = check(&[path.to_str().unwrap()]);
        let ecommerce: Vec<String> = findings(&json)
            .into_iter()
            .filter(|(_, c)| c == "ecommerce")
            .map(|(p, _)| p)
            .collect();
        assert_eq!(ecommerce, ["sec-a/art1", "sec-a/art2"], "{name}");
    }
}

// ------------------------------------------------------------ shared cases

fn case(shared: &Path, name: &str) -> String {
    shared
        .join("cases/realworld")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn shared_cases_mark_the_word_before_its_object() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    // 02, 04 and 13 each say "the promotion and protection of cultural
    // diversity" (02 after "the protection of society"): CSP001 marks the
    // "protection" that governs cultural diversity
    for name in [
        "02-placeholder-article-numbers.txt",
        "04-split-agreement-files.txt",
        "13-developing-party-not-inferred.txt",
    ] {
        let (json, _) = check(&[&case(&shared, name)]);
        let finding = json["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rules"][0] == "CSP001")
            .unwrap_or_else(|| panic!("{name}: no CSP001 finding"));
        let marks = common::marked_and_after(finding);
        assert_eq!(marks.len(), 2, "{name}: {marks:?}");
        assert_eq!(marks[0].0, "protection", "{name}: {marks:?}");
        assert!(
            marks[0].1.starts_with(" of cultural diversity"),
            "{name}: {marks:?}"
        );
        assert_eq!(marks[1].0, "cultural diversity", "{name}: {marks:?}");
    }
}

#[test]
fn shared_cases_of_drafts_and_layouts() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    // 02: placeholder numbers
    let (json, _) = check(&[&case(&shared, "02-placeholder-article-numbers.txt")]);
    assert!(
        has(&json, "ch-i/art-x", "policy_space")
            && has(&json, "ch-i/art-x", "cultural_specificity"),
        "{json}"
    );
    assert!(has(&json, "ch-iii/art-x", "cultural_exception"));
    assert!(
        has(&json, "ch-vi/art-x", "ecommerce") && has(&json, "ch-vi/art-x", "ecommerce_duties")
    );
    assert_eq!(
        gap_ids(&json["files"][0]["gaps"]),
        [
            "missing_convention_reference",
            "ecommerce_without_cultural_carveout"
        ]
    );
    // 03: chapter text after a preamble
    let (json, _) = check(&[&case(
        &shared,
        "03-chapter-text-unchecked-after-preamble.txt",
    )]);
    assert!(
        has(&json, "ch1", "ecommerce") && has(&json, "ch1", "ecommerce_duties"),
        "{json}"
    );
    assert!(has(&json, "ch2", "cultural_cooperation"));
    assert!(
        gap_ids(&json["files"][0]["gaps"]).contains(&"ecommerce_without_cultural_carveout".into())
    );
    // 04: one agreement in two files
    let parts = [
        case(&shared, "04-split-agreement-files.txt"),
        case(&shared, "04-split-agreement-files-part2.txt"),
    ];
    let (json, _) = check(&["--combine", &parts[0], &parts[1]]);
    assert_eq!(gap_ids(&json["gaps"]), Vec::<String>::new(), "{json}");
    let (json, _) = check(&[&parts[0], &parts[1]]);
    assert!(json["notes"][0].as_str().unwrap().contains("per file"));
    // its title page is not read into the preamble's excerpt
    let preamble: Vec<&str> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["provision"]["path"] == "preamble")
        .map(|f| f["excerpt"].as_str().unwrap())
        .collect();
    assert!(!preamble.is_empty());
    assert!(
        preamble
            .iter()
            .all(|e| !e.contains("FREE TRADE AGREEMENT") && !e.contains("PREAMBLE")),
        "{preamble:?}"
    );
    // 10: audio- / visual
    let (json, _) = check(&[&case(&shared, "10-hyphenated-audio-visual-linebreak.txt")]);
    assert!(has(&json, "art2", "cultural_exception"), "{json}");
    assert!(has(&json, "annex8-a", "cultural_exception"), "{json}");
    // 13: Parties from the title
    let (json, _) = check(&[&case(&shared, "13-developing-party-not-inferred.txt")]);
    assert_eq!(
        json["files"][0]["agreement"]["parties"],
        serde_json::json!(["EU", "VNM"])
    );
    assert!(gap_ids(&json["files"][0]["gaps"]).contains(&"missing_preferential_treatment".into()));
    // 14: Dutch
    let out = treatyscan()
        .args([
            "check",
            &case(&shared, "14-unsupported-language-confident-gaps.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "input not analysable");
    assert!(String::from_utf8_lossy(&out.stderr).contains("language nl (Dutch) is not analysed"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no reference to the 2005 Convention"));
    // the human report itself names the file and why, kept without stderr
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "14-unsupported-language-confident-gaps.txt: language nl (Dutch) is not analysed; treatyscan reads English, Spanish and French (findings and gaps not assessed)"
    ));
    // ... and the report a tool reads says so too, with no findings or gaps
    let (json, _) = check(&[&case(&shared, "14-unsupported-language-confident-gaps.txt")]);
    assert_eq!(json["files"], serde_json::json!([]));
    assert!(json["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("language nl (Dutch) is not analysed")));
    // 17: stand-alone e-commerce agreement
    let (json, _) = check(&[&case(
        &shared,
        "17-standalone-ecommerce-agreement-scope.txt",
    )]);
    assert!(
        has(&json, "sec-a/art1", "ecommerce") && has(&json, "sec-b/art2", "ecommerce"),
        "{json}"
    );
    // 18: untitled contents list
    let (json, _) = check(&[&case(&shared, "18-toc-lines-become-chapters.txt")]);
    assert!(has(&json, "ch-iii/art9", "ecommerce_duties"), "{json}");
    assert!(!findings(&json).iter().any(|(p, _)| p.contains('~')));
    let tree = load(&case(&shared, "18-toc-lines-become-chapters.txt"));
    let chapters = tree.walk().filter(|p| p.kind == Kind::Chapter).count();
    assert_eq!(chapters, 2);
}

#[test]
fn no_shared_text_is_refused_for_its_language_but_the_dutch_one() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    // every ToTA agreement, read as text without its metadata's language
    let mut refused = Vec::new();
    let files = common::tota_files(&shared);
    for path in &files {
        let a = treatyscan::source::load_with(path, treatyscan::provision::Paragraphs::Deferred)
            .unwrap();
        if let Some(d) = treatyscan::text::language::not_analysed(&a.text.text) {
            refused.push(format!("{}: {}", path.display(), d.code));
        }
    }
    println!(
        "language: {} of {} ToTA agreements refused",
        refused.len(),
        files.len()
    );
    assert!(refused.is_empty(), "{refused:?}");
    let texts = shared.join("corpus/realworld-texts");
    for entry in std::fs::read_dir(&texts).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "README.md" {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let refused = treatyscan::text::language::not_analysed(&text).map(|d| d.code);
        let expected = name.contains("-nl-with-").then_some("nl");
        assert_eq!(refused, expected, "{name}");
    }
}

/// `corpus` refuses a text in a language it does not analyse, as `check`
/// does, naming it, and codes the others (exit 3: partial).
#[test]
fn corpus_names_a_text_in_a_language_it_does_not_analyse() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["unsupported-nl.txt", "placeholder-en.txt"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let (code, csv, stderr) = common::corpus_csv(dir.path());
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains("unsupported-nl.txt") && stderr.contains("language nl"),
        "{stderr}"
    );
    assert!(csv.contains("placeholder-en.txt") && !csv.contains("unsupported-nl.txt"));
}

/// The Spanish e-commerce chapter saved from a web page on one line
/// (realworld-texts): its three articles, each with its findings, where it
/// was one chapter without articles.
#[test]
fn the_shared_spanish_page_on_one_line_has_its_articles() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let path = shared.join("corpus/realworld-texts/es-capitulo-13-comercio-electronico-page.txt");
    let path = path.display().to_string();
    let a = load(&path);
    let numbers: Vec<String> = article_paths(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(numbers, ["13.1", "13.2", "13.3"]);
    let (json, _) = check(&[&path]);
    assert_has_all(
        &json,
        &[
            ("ch13/art13.1", "ecommerce"),
            ("ch13/art13.1", "ecommerce_duties"),
            ("ch13/art13.2", "ecommerce"),
        ],
    );
}

/// The GATT 1947 page of a treaty database (realworld-texts) writes its
/// titles as `####<sup> 3) [Red: …] </sup>General Most-Favoured-Nation
/// Treatment`: no space after the marks, an editor's note before the title.
/// Every one of its 39 articles had no title; each has its own now. Its
/// Parts I-III were titled by the status note printed under every heading
/// ("Wordt voorlopig toegepast per 01-01-1948"); they have no title now.
#[test]
fn the_shared_treaty_database_page_keeps_its_article_titles() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let path = shared.join("corpus/realworld-texts/gatt-1947-en-nl-treaty-db.md");
    let a = load(&path.display().to_string());
    let titles: Vec<(String, Option<String>)> = a
        .walk()
        .filter(|p| p.kind == Kind::Article)
        .map(|p| (p.number.clone().unwrap_or_default(), p.title.clone()))
        .collect();
    assert_eq!(titles.len(), 39);
    let untitled: Vec<&String> = titles
        .iter()
        .filter(|(_, t)| t.is_none())
        .map(|(n, _)| n)
        .collect();
    assert!(
        untitled.is_empty(),
        "articles without a title: {untitled:?}"
    );
    let title = |n: &str| {
        titles
            .iter()
            .find(|(m, _)| m == n)
            .and_then(|(_, t)| t.clone())
    };
    assert_eq!(
        title("I").as_deref(),
        Some("General Most-Favoured-Nation Treatment")
    );
    assert_eq!(
        title("IV").as_deref(),
        Some("Special Provisions relating to Cinematograph Films")
    );
    // the database's status note under every heading titles no Part
    let parts: Vec<Option<String>> = a
        .walk()
        .filter(|p| p.kind == Kind::Part)
        .map(|p| p.title.clone())
        .collect();
    assert_eq!(
        parts,
        [None, None, None, Some("Trade and Development".into())]
    );
}

/// Texts that are not whole agreements say so beside their gaps: the
/// AANZFTA First Protocol of 2014 amends the agreement and shows no date
/// (its signature pages are images); the EU's establishment schedule of the
/// EU-Viet Nam FTA holds only its appendix; the same FTA's "Preamble and
/// Chapter 1" file opens the agreement without the rest; AANZFTA itself is
/// whole and dated.
#[test]
fn shared_parts_and_amending_instruments_are_noted() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    use treatyscan::review::{
        AMENDING_INSTRUMENT, DATE_UNKNOWN, PART_OF_AGREEMENT, PART_OF_AGREEMENT_ANNEX,
        PART_OF_AGREEMENT_DIVISION, PART_OF_AGREEMENT_OPENING,
    };
    let notes_of = |file: &str| -> Vec<String> {
        let path = shared.join("corpus").join(file).display().to_string();
        let (json, _) = check(&[&path]);
        json["files"][0]["notes"]
            .as_array()
            .map(|n| n.iter().map(|n| n.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    let protocol = notes_of("pdf-real/aanzfta-first-protocol-2014.pdf");
    for note in [AMENDING_INSTRUMENT, DATE_UNKNOWN] {
        assert!(protocol.iter().any(|n| n == note), "{protocol:?}");
    }
    let schedule = notes_of("realworld-texts/evfta-2016-app08a-eu-establishment-schedule.md");
    assert!(
        schedule.iter().any(|n| n == PART_OF_AGREEMENT_ANNEX),
        "{schedule:?}"
    );
    let opening = notes_of("realworld-texts/evfta-2016-ch01-preamble-general.md");
    assert!(
        opening.iter().any(|n| n == PART_OF_AGREEMENT_OPENING),
        "{opening:?}"
    );
    let whole = notes_of("pdf-real/aanzfta-2009.pdf");
    for note in [
        AMENDING_INSTRUMENT,
        DATE_UNKNOWN,
        PART_OF_AGREEMENT,
        PART_OF_AGREEMENT_ANNEX,
        PART_OF_AGREEMENT_DIVISION,
        PART_OF_AGREEMENT_OPENING,
    ] {
        assert!(!whole.iter().any(|n| n == note), "{whole:?}");
    }
}

/// The opening of an agreement published alone (its preamble, the enacting
/// formula and chapter one, no final provisions) is noted as a part; the same
/// text with an article on entry into force, or with several chapters, is not.
#[test]
fn the_opening_of_an_agreement_alone_is_noted_as_a_part() {
    use treatyscan::review::PART_OF_AGREEMENT_OPENING;
    let opening_en = "FREE TRADE AGREEMENT BETWEEN ARCADIA AND BOREALIS\n\n\
        The Republic of Arcadia and the Kingdom of Borealis,\n\n\
        RECOGNISING their longstanding partnership;\n\n\
        HAVE AGREED as follows:\n\n\
        CHAPTER ONE\nOBJECTIVES AND GENERAL DEFINITIONS\n\n\
        Article 1.1\nEstablishment of a Free Trade Area\n\
        The Parties hereby establish a free trade area.\n\n\
        Article 1.2\nDefinitions\n\
        For the purposes of this Agreement, \"day\" means a calendar day.\n";
    let opening_es = "TRATADO DE LIBRE COMERCIO ENTRE ARCADIA Y BOREALIS\n\n\
        La República de Arcadia y el Reino de Borealis,\n\n\
        RECONOCIENDO su larga amistad;\n\n\
        HAN CONVENIDO lo siguiente:\n\n\
        CAPÍTULO 1\nDISPOSICIONES INICIALES\n\n\
        Artículo 1.1\nEstablecimiento de la zona de libre comercio\n\
        Las Partes establecen una zona de libre comercio.\n";
    let in_force = format!(
        "{opening_en}\nArticle 1.3\nEntry into Force\n\
         This Agreement shall enter into force on the first day of the second month after \
         the Parties exchange written notifications.\n"
    );
    let two_chapters = format!(
        "{opening_en}\nCHAPTER TWO\nTRADE IN GOODS\n\n\
         Article 2.1\nScope\nThis Chapter applies to trade in goods between the Parties.\n"
    );
    let dir = tempfile::tempdir().unwrap();
    for (name, text, noted) in [
        ("opening-en.txt", opening_en.to_string(), true),
        ("opening-es.txt", opening_es.to_string(), true),
        ("in-force.txt", in_force, false),
        ("two-chapters.txt", two_chapters, false),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (json, _) = check(&[path.to_str().unwrap()]);
        let notes: Vec<&str> = json["files"][0]["notes"]
            .as_array()
            .map(|n| n.iter().filter_map(|n| n.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            notes.contains(&PART_OF_AGREEMENT_OPENING),
            noted,
            "{name}: {notes:?}"
        );
    }
}

/// Realworld case 04: an agreement published as two files. Read apart, the
/// first (its preamble, enacting formula and first chapter, without final
/// provisions) is noted as the opening of an agreement, so that its gaps
/// are read as judging a part; read together with `--combine`, the
/// agreement is whole and no such note is given.
#[test]
fn shared_case_04_first_file_is_noted_as_an_opening_unless_combined() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("cases/realworld");
    let first = dir.join("04-split-agreement-files.txt");
    let second = dir.join("04-split-agreement-files-part2.txt");
    if !first.is_file() || !second.is_file() {
        println!("SKIPPED: realworld case 04 not found");
        return;
    }
    let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());
    let (apart, _) = check(&[first, second]);
    let notes = &apart["files"][0]["notes"];
    assert!(notes_an_opening(notes), "{notes}");
    let (together, _) = check(&["--combine", first, second]);
    assert!(
        !notes_an_opening(&together["notes"]),
        "{}",
        together["notes"]
    );
    assert!(together["gaps"].is_array(), "{together}");
}

/// Realworld cases 01, 06, 13, 17 and 19 are excerpts of agreements: each
/// opens as an agreement does ("The Parties have agreed as follows",
/// "Hereby agree as follows") and holds at most one chapter and no final
/// provisions, so its gaps judge a part and its notes say so. What each
/// case was filed for is tested on its own elsewhere.
#[test]
fn shared_realworld_excerpts_are_noted_as_the_opening_of_an_agreement() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("cases/realworld");
    for name in [
        "01-markdown-headings-ignored.txt",
        "06-reservation-list-cultural-sectors.txt",
        "13-developing-party-not-inferred.txt",
        "17-standalone-ecommerce-agreement-scope.txt",
        "19-corpus-skips-markdown.txt",
    ] {
        let path = dir.join(name);
        if !path.is_file() {
            println!("SKIPPED: realworld case {name} not found");
            continue;
        }
        let (json, _) = check(&[path.to_str().unwrap()]);
        let notes = &json["files"][0]["notes"];
        assert!(notes_an_opening(notes), "{name}: {notes}");
    }
}

/// Whether a JSON list of notes says the text is the opening of an
/// agreement.
fn notes_an_opening(notes: &serde_json::Value) -> bool {
    notes.as_array().is_some_and(|n| {
        n.iter()
            .any(|n| n == treatyscan::review::PART_OF_AGREEMENT_OPENING)
    })
}
