//! `treatyscan corpus`: a folder in, a matrix out; bad files reported, the run
//! carried on, and the same output whatever the thread count.

mod common;

use predicates::prelude::*;
use std::path::Path;

use common::treatyscan;

/// `treatyscan corpus ARGS DIR`, run to the end.
fn corpus(args: &[&str], dir: &Path) -> std::process::Output {
    treatyscan()
        .arg("corpus")
        .args(args)
        .arg(dir)
        .output()
        .unwrap()
}

/// Good agreements in three languages among bad and irrelevant files.
fn mixed_folder(dir: &Path) {
    for name in [
        "en-digital-partnership-draft.txt",
        "es-acuerdo-comercio-cultura.txt",
        "fr-accord-partenariat.txt",
    ] {
        std::fs::copy(common::corpus_file(name), dir.join(name)).unwrap();
    }
    std::fs::create_dir(dir.join("drafts")).unwrap();
    std::fs::copy(
        common::corpus_file("gaps/en-base-draft.txt"),
        dir.join("drafts/round3.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("photo.pdf"), b"%PDF-1.4\n\x00\x01garbage").unwrap();
    std::fs::write(
        dir.join("notes.txt"),
        "Buy milk, call the ministry, book the hall.\n",
    )
    .unwrap();
    std::fs::write(dir.join("minutes.rst"), "not an agreement, not picked").unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("dangling.txt")).unwrap();
}

#[test]
fn a_mixed_folder_is_coded_and_the_failures_named() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = corpus(&["--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(3), "partial run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for bad in ["empty.txt", "photo.pdf", "notes.txt", "dangling.txt"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error:") && l.contains(bad)),
            "{bad} reported: {stderr}"
        );
    }
    assert!(
        stderr.contains("coded 4 agreements, 4 failed, 1 skipped"),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("skipped:")
                && l.contains("minutes.rst: unsupported extension .rst")),
        "the skipped file named with its reason: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4, "four agreements: {csv}");
    let row = rows.iter().find(|r| r[0].contains("en-digital")).unwrap();
    assert_eq!(&row[col("ecommerce_duties")], "1");
    assert_eq!(&row[col("convention_reference")], "1");
    assert_eq!(&row[col("ecommerce_duties_first")], "3.2");
    let draft = rows.iter().find(|r| r[0].contains("round3")).unwrap();
    assert_eq!(&draft[col("gap_ecommerce_without_cultural_carveout")], "1");
}

/// A named pipe in the folder (opening one blocks until someone writes to
/// it) is named as left out, not read, and not passed over in silence.
#[cfg(unix)]
#[test]
fn a_pipe_in_the_folder_is_named_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::corpus_file("gaps/en-base-draft.txt"),
        dir.path().join("draft.txt"),
    )
    .unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("stuck.txt"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let out = corpus(&["--format", "csv", "--timeout", "5"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("skipped:") && l.contains("stuck.txt: not a regular file")),
        "{stderr}"
    );
    assert!(
        stderr.contains("coded 1 agreement, 0 failed, 1 skipped"),
        "{stderr}"
    );
}

/// `--lang es` / `--lang fr`: what corpus tells people (skipped files,
/// failures and why, the closing count, the table's headings) in the
/// language asked for; the CSV keys stay as they are.
#[test]
fn corpus_speaks_spanish_and_french_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = corpus(&["--format", "csv", "--lang", "es"], dir.path());
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for said in [
        "4 acuerdos codificados, 4 con error, 1 omitidos",
        "minutes.rst: extensión .rst no admitida",
        "empty.txt: el archivo está vacío",
    ] {
        assert!(stderr.contains(said), "{said}: {stderr}");
    }
    assert!(
        !stderr.contains("coded") && !stderr.contains("unsupported"),
        "{stderr}"
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("\"file\",") || csv.starts_with("file,"),
        "{csv}"
    );
    let out = corpus(&["--format", "table", "--lang", "fr"], dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.starts_with("accord "), "{stdout}");
    assert!(stdout.contains("colonnes : "), "{stdout}");
    assert!(
        stderr.contains("4 accords codés, 4 en échec, 1 ignorés"),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("erreur : ") && l.contains("notes.txt")),
        "{stderr}"
    );
}

/// An agreement whose cultural exception is Article 15.10 (as in many FTAs),
/// its e-commerce duties Article 15.2.
fn article_15_10(dir: &Path) {
    std::fs::write(
        dir.join("fifteen.txt"),
        "AGREEMENT BETWEEN ARCADIA AND BOREALIS\n\nCHAPTER 15\nEXCEPTIONS AND ELECTRONIC COMMERCE\n\n\
Article 15.1: Scope\nThis Chapter applies to measures of a Party.\n\n\
Article 15.2: Customs Duties\nNeither Party shall impose customs duties on electronic transmissions.\n\n\
Article 15.10: Cultural Industries\nNothing in this Agreement shall apply to measures adopted or maintained by a Party with respect to cultural industries.\n",
    )
    .unwrap();
}

/// Two chapters that each number their articles from 1, the cultural
/// exception in the second chapter's Article 1.
fn two_articles_one(dir: &Path) {
    std::fs::write(
        dir.join("two-ones.txt"),
        "AGREEMENT BETWEEN ARCADIA AND BOREALIS\n\nCHAPTER 1\nGENERAL PROVISIONS\n\n\
Article 1: Objectives\nThe Parties shall liberalise trade in goods and services.\n\n\
CHAPTER 2\nEXCEPTIONS\n\n\
Article 1: Cultural Industries\nNothing in this Agreement shall apply to measures adopted or maintained by a Party with respect to cultural industries.\n",
    )
    .unwrap();
}

/// `_first` gives the number as written, which two articles of an agreement
/// can share; `_first_path` and `category_paths` tell which one it is.
#[test]
fn the_flagged_article_is_told_apart_from_another_of_its_number_by_its_path() {
    let dir = tempfile::tempdir().unwrap();
    two_articles_one(dir.path());
    let out = corpus(&["--format", "csv"], dir.path());
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[col("cultural_exception_first")], "1", "{csv}");
    assert_eq!(
        &row[col("cultural_exception_first_path")],
        "ch2/art1",
        "{csv}"
    );
    // the new columns come after every older one
    assert!(col("policy_space_first") < col("cultural_exception_first_path"));
    assert!(
        csv.lines().nth(1).unwrap().contains(",\"ch2/art1\""),
        "quoted: {csv}"
    );
    let out = corpus(&["--format", "jsonl"], dir.path());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["category_articles"]["cultural_exception"][0], "1");
    assert_eq!(line["category_paths"]["cultural_exception"][0], "ch2/art1");
}

#[test]
fn the_table_says_which_category_each_cut_column_is() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = corpus(&["--format", "table"], dir.path());
    let table = String::from_utf8_lossy(&out.stdout);
    let header = table.lines().next().unwrap_or_default();
    assert!(header.contains("cult_exce"), "{table}");
    let legend = table
        .lines()
        .find(|l| l.starts_with("columns: "))
        .unwrap_or_else(|| panic!("a legend under the table: {table}"));
    for name in ["cult_exce = cultural_exception", "poli_spac = policy_space"] {
        assert!(legend.contains(name), "{legend}");
    }
}

#[test]
fn article_numbers_are_quoted_text_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    article_15_10(dir.path());
    let out = corpus(&[], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let line = csv.lines().nth(1).unwrap();
    // quoted, so that a reader typing quoted fields as text (Python's
    // csv.QUOTE_NONNUMERIC, LibreOffice) keeps 15.10 rather than 15.1
    assert!(line.contains(",\"15.10\""), "{line}");
    assert!(line.contains(",\"15.2\""), "{line}");
    // counts stay numbers: every unquoted field parses as one
    for field in line.split(',').filter(|f| !f.starts_with('"')) {
        assert!(
            field.parse::<f64>().is_ok(),
            "unquoted non-number {field}: {line}"
        );
    }
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let first = header
        .iter()
        .position(|h| h == "cultural_exception_first")
        .unwrap();
    assert_eq!(&row[first], "15.10");
}

#[test]
fn json_lines_have_flat_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    article_15_10(dir.path());
    let out = corpus(&["--format", "jsonl"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let rows: Vec<&serde_json::Value> = lines.iter().filter(|l| l.get("error").is_none()).collect();
    assert_eq!(rows.len(), 5, "{text}");
    // the fields docs/corpus.md documents, and no other
    let documented = [
        "file",
        "name",
        "date_signed",
        "year",
        "parties",
        "language",
        "articles",
        "category_counts",
        "category_articles",
        "category_paths",
        "gap_ids",
        "findings",
        "gaps",
    ];
    for row in &rows {
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys.len(), documented.len(), "{keys:?}");
        for k in keys {
            assert!(documented.contains(&k), "undocumented field {k}");
        }
        // findings and gaps are lists of objects, not an object holding lists
        assert!(row["findings"].is_array() && row["gaps"].is_array());
        assert!(row["gap_ids"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g.is_string()));
        let ids: Vec<&serde_json::Value> = row["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| &g["id"])
            .collect();
        assert_eq!(ids.len(), row["gap_ids"].as_array().unwrap().len());
        for (cat, n) in row["category_counts"].as_object().unwrap() {
            for list in ["category_articles", "category_paths"] {
                assert_eq!(
                    row[list][cat].as_array().unwrap().len() as u64,
                    n.as_u64().unwrap(),
                    "{list}"
                );
            }
        }
    }
    let fifteen = rows
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("fifteen.txt"))
        .unwrap();
    assert_eq!(
        fifteen["category_articles"]["cultural_exception"][0],
        "15.10"
    );
    let errors: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 4);
    assert!(errors.iter().all(|e| e.as_object().unwrap().len() == 2));
}

#[test]
fn one_thread_and_all_threads_give_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let run = |threads: &str| {
        let out = treatyscan()
            .args(["corpus", "--format", "jsonl", "--threads", threads])
            .arg(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let one = run("1");
    assert!(one.lines().count() >= 8);
    assert_eq!(one, run("4"));
}

#[test]
fn missing_folder_and_unwritable_output_exit_2() {
    treatyscan()
        .args(["corpus", "/no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/folder: no such folder"));
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    treatyscan()
        .args(["corpus", "--out", "/no/such/dir/matrix.csv"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("matrix.csv: cannot write"));
    treatyscan()
        .args(["corpus"])
        .arg(common::corpus_file("fr-accord-partenariat.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a folder"));
}

#[test]
fn by_year_on_real_agreements_writes_the_chosen_format_and_a_chart() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let run = |format: &str, out: &Path| {
        treatyscan()
            .args([
                "corpus",
                "--by-year",
                "--glob",
                "pta_4*.xml",
                "--format",
                format,
                "--out",
            ])
            .arg(out)
            .arg(shared.join("corpus/tota"))
            .assert()
            .success();
        std::fs::read_to_string(out).unwrap()
    };
    let csv = run("csv", &dir.path().join("periods.csv"));
    assert!(csv.starts_with("period,start,end,agreements,"), "{csv}");
    let total: usize = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(3).unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(
        total, 62,
        "pta_4, pta_40..49 and pta_400..450 all have a date"
    );
    let svg = std::fs::read_to_string(dir.path().join("periods.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("n = ") && svg.contains("100 %"));
    // JSON Lines is JSON Lines, not CSV
    let jsonl = run("jsonl", &dir.path().join("periods.jsonl"));
    let periods: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(periods.len(), csv.lines().count() - 1);
    assert_eq!(
        periods
            .iter()
            .map(|p| p["agreements"].as_u64().unwrap())
            .sum::<u64>(),
        62
    );
    assert!(periods
        .iter()
        .all(|p| p["period"].is_string() && p["pct_ecommerce"].is_number()));
    let table = run("table", &dir.path().join("periods.txt"));
    assert!(table.starts_with("period "), "{table}");
    assert_eq!(
        table.lines().filter(|l| l.contains('%')).count(),
        periods.len()
    );
}

#[test]
fn a_text_without_metadata_gets_its_name_date_and_language_from_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("accord.txt"),
        "ACCORD DE PARTENARIAT CULTUREL ENTRE L'ARCADIE ET LA BORÉALIE\n\n\
         Article 1 Objet\n\n\
         Les Parties coopèrent dans le domaine de l'audiovisuel et des industries \
         culturelles, dans le respect de la Convention de l'UNESCO de 2005.\n\n\
         Article 2 Entrée en vigueur\n\n\
         Le présent accord entre en vigueur le premier jour du deuxième mois suivant \
         sa signature, conformément à l'accord signé le 3 mai 1999.\n\n\
         Fait à Paris, le vingt et un mai deux mille vingt-trois, en deux exemplaires.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("chapter.txt"),
        "ELECTRONIC COMMERCE\n\nArticle 1 Scope\n\nThis Chapter applies to trade by \
         electronic means, done at any time.\n\nArticle 2 Customs Duties\n\nNo Party \
         shall impose customs duties on electronic transmissions.\n",
    )
    .unwrap();
    // a title set over two lines, broken at a hyphen, then the preamble
    std::fs::write(
        dir.path().join("wrapped.txt"),
        "AGREEMENT ESTABLISHING THE ARCADIA-\nBOREALIA FREE TRADE AREA\nPREAMBLE\n\n\
         The Parties agree as follows.\n\nArticle 1 Scope\n\nThis Agreement applies \
         to trade in goods.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sentence.txt"),
        "The Parties have agreed as follows:\n\nArticle 1 Scope\n\nThis Agreement applies \
         to trade in goods.\n",
    )
    .unwrap();
    let out = corpus(&["--format", "jsonl"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} in {text}"))
    };
    let accord = row("accord.txt");
    assert_eq!(
        accord["name"],
        "ACCORD DE PARTENARIAT CULTUREL ENTRE L'ARCADIE ET LA BORÉALIE"
    );
    // the closing formula, not the date an article cites
    assert_eq!(accord["date_signed"], "2023-05-21");
    assert_eq!(accord["year"], 2023);
    assert_eq!(accord["language"], "fr");
    // a chapter published alone: no formula, so no date
    let chapter = row("chapter.txt");
    assert_eq!(chapter["name"], "ELECTRONIC COMMERCE");
    assert_eq!(
        row("wrapped.txt")["name"],
        "AGREEMENT ESTABLISHING THE ARCADIA-BOREALIA FREE TRADE AREA"
    );
    // a text that opens on a sentence has no name
    assert!(row("sentence.txt")["name"].is_null());
    assert!(chapter["date_signed"].is_null(), "{chapter}");
    assert_eq!(chapter["language"], "en");
}

/// The line of `corpus --by-year`'s standard error that names the
/// agreements left out for want of a date.
fn undated_note(out: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .find(|l| l.contains("no signature date"))
        .unwrap_or_else(|| panic!("the undated are said: {stderr}"))
        .to_string()
}

/// `--by-year` counts agreements by the year they were signed: one without a
/// date (a draft, a chapter published alone) is said to be left out, not
/// dropped in silence, and a folder of them alone is an error before any
/// table is written.
#[test]
fn by_year_names_the_undated_agreements_and_refuses_a_folder_of_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "en-digital-partnership-draft.txt",
        "fr-accord-partenariat.txt",
    ] {
        std::fs::copy(common::corpus_file(name), dir.path().join(name)).unwrap();
    }
    let plot = dir.path().join("chart.svg");
    let plot_arg = plot.to_str().unwrap();
    let out = corpus(&["--by-year", "--plot", plot_arg], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no table: {:?}", out.stdout);
    assert!(!plot.exists(), "no chart");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: ")
            && stderr.contains(&dir.path().display().to_string())
            && stderr.contains("none of the 2 coded agreements have a signature date"),
        "{stderr}"
    );
    // one agreement signed in 2023 among the drafts: counted, the drafts named
    std::fs::write(
        dir.path().join("accord.txt"),
        "ACCORD DE PARTENARIAT CULTUREL ENTRE L'ARCADIE ET LA BORÉALIE\n\n\
         Article 1 Objet\n\nLes Parties coopèrent dans le domaine de l'audiovisuel.\n\n\
         Fait à Paris, le vingt et un mai deux mille vingt-trois, en deux exemplaires.\n",
    )
    .unwrap();
    let out = corpus(&["--by-year", "--plot", plot_arg], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout.clone()).unwrap();
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 1, "{table}");
    let column = |name: &str| rows[0][header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(column("agreements"), "1", "one agreement counted: {table}");
    assert_eq!(column("start"), "2020", "{table}");
    let note = undated_note(&out);
    assert!(note.starts_with("2 of 3 agreements"), "{note}");
    assert!(
        note.contains("en-digital-partnership-draft.txt")
            && note.contains("fr-accord-partenariat.txt"),
        "{note}"
    );
    assert!(plot.exists());
    // past five, the rest are counted, not named
    for i in 0..5 {
        std::fs::copy(
            common::corpus_file("en-digital-partnership-draft.txt"),
            dir.path().join(format!("copy{i}.txt")),
        )
        .unwrap();
    }
    let out = corpus(&["--by-year", "--plot", plot_arg], dir.path());
    let note = undated_note(&out);
    assert!(
        note.starts_with("7 of 8 agreements") && note.ends_with(" and 2 more"),
        "{note}"
    );
}

/// `--out -` is standard output, as in most command-line tools, for every
/// command that takes `--out`: a CI script's `corpus --out -` had written a
/// file named "-".
#[test]
fn out_dash_writes_to_standard_output_not_a_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("texts");
    std::fs::create_dir(&folder).unwrap();
    let draft = common::corpus_file("fr-accord-partenariat.txt");
    std::fs::copy(&draft, folder.join("fr.txt")).unwrap();
    let run = |args: &[&str]| {
        let out = treatyscan()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            !dir.path().join("-").exists(),
            "{args:?} wrote a file named -"
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let folder = folder.to_str().unwrap();
    let draft = draft.to_str().unwrap();
    let matrix = run(&["corpus", "--out", "-", folder]);
    assert!(matrix.starts_with("file,name,"), "{matrix}");
    assert!(matrix.contains("fr.txt"), "{matrix}");
    let report = run(&["check", "--format", "json", "--out", "-", draft]);
    assert!(report.contains("\"files\""), "{report}");
    let comparison = run(&["compare", "--format", "json", "--out", "-", draft, draft]);
    assert!(comparison.trim_start().starts_with('{'), "{comparison}");
}
