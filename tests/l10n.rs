//! Output language: `--lang es|fr` (or the locale of the environment) puts
//! every sentence of the human report into that language, while JSON and
//! SARIF keep their ids and keys; the three Fluent files stay in step.

mod common;

use common::treatyscan;
use std::path::PathBuf;
use treatyscan::locale::{message_ids, syntax_errors, Lang, RESOURCES};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every agreement draft the project ships in corpus/ (text, Markdown, HTML).
fn drafts() -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root().join("corpus"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| {
            [".txt", ".md", ".html", ".htm"]
                .iter()
                .any(|x| p.ends_with(x))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "corpus/ drafts: {files:?}");
    files
}

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = treatyscan().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

fn check(lang: &str, format: &str, files: &[String]) -> String {
    let mut args = vec!["check", "--lang", lang, "--format", format];
    args.extend(files.iter().map(String::as_str));
    let (out, err, code) = run(&args);
    assert!(matches!(code, Some(0 | 1)), "exit {code:?}: {err}");
    out
}

/// The human report with the agreement's own words taken out: excerpt
/// lines, suggested clauses (quoted), provision titles and agreement names
/// (from the JSON of the same run). What is left is the program's wording.
fn program_wording(human: &str, json: &serde_json::Value) -> String {
    let mut own: Vec<String> = Vec::new();
    for file in json["files"].as_array().unwrap() {
        for key in ["name", "title"] {
            if let Some(s) = file["agreement"][key].as_str() {
                own.push(s.to_string());
            }
        }
        own.push(file["path"].as_str().unwrap().to_string());
        for f in file["findings"].as_array().unwrap() {
            // the headings of the provision and its divisions, as written
            let divisions = f["divisions"].as_array().into_iter().flatten();
            for heading in divisions.chain([&f["provision"]]) {
                if let Some(t) = heading["title"].as_str() {
                    own.push(format!("({t})"));
                }
            }
        }
        for g in file["gaps"].as_array().unwrap() {
            // in the agreement's language, quoted in the report's
            own.push(g["suggested_clause"].as_str().unwrap().to_string());
        }
    }
    // longest first, so a title inside a longer one goes with it
    own.sort_by_key(|s| std::cmp::Reverse(s.len()));
    common::own_wording(human, &own, |line| line.starts_with("   | "))
}

/// English function words and labels that would give away an untranslated
/// sentence (matched on lowercase text padded with spaces).
const ENGLISH: &[&str] = &[
    " the ",
    " of the ",
    " shall ",
    " is not ",
    " and ",
    " with ",
    " which ",
    " that ",
    " for ",
    " from ",
    " no cultural ",
    " finding",
    " gaps ",
    "gap[",
    " note:",
    "recommendation:",
    "for example:",
    "agreement level",
    "why it matters",
];

fn english_in(text: &str, lang: &str) -> Vec<String> {
    let mut words: Vec<&str> = ENGLISH.to_vec();
    // heading keywords: "Article" is French too
    words.extend([" chapter ", " annex ", " preamble "]);
    if lang == "es" {
        words.extend([" article ", " section "]);
    }
    common::lines_with_words(text, &words, str::to_string)
}

#[test]
fn spanish_and_french_reports_have_no_english_sentence() {
    let files = drafts();
    for lang in ["es", "fr"] {
        let human = check(lang, "human", &files);
        let json: serde_json::Value = serde_json::from_str(&check(lang, "json", &files)).unwrap();
        let wording = program_wording(&human, &json);
        let english = english_in(&wording, lang);
        assert!(
            english.is_empty(),
            "--lang {lang}: English left in the report:\n{}",
            english.join("\n")
        );
        // and the check itself sees English where there is some
        let en = check("en", "human", &files);
        let en_json: serde_json::Value =
            serde_json::from_str(&check("en", "json", &files)).unwrap();
        assert!(!english_in(&program_wording(&en, &en_json), lang).is_empty());
    }
}

/// The human `check` report of a file of `corpus/` in `lang`.
fn human_check(lang: &str, file: &str) -> String {
    let path = root().join("corpus").join(file);
    run(&["check", "--lang", lang, path.to_str().unwrap()]).0
}

#[test]
fn the_heading_keyword_follows_the_language() {
    let es = "es-acuerdo-comercio-cultura.txt";
    // an article is located after its divisions ("Capítulo PRIMERO (…) › Artículo 1-02")
    let out = human_check("es", es);
    assert!(
        out.contains("› Artículo ") && out.contains("  Capítulo "),
        "{out}"
    );
    assert!(
        !out.contains("› Article ") && !out.contains("  Chapter "),
        "{out}"
    );
    let out = human_check("en", es);
    assert!(
        out.contains("› Article ") && out.contains("  Chapter "),
        "{out}"
    );
    let out = human_check("fr", "fr-accord-partenariat.txt");
    assert!(
        out.contains("Article ") && out.contains("Préambule"),
        "{out}"
    );
}

#[test]
fn categories_are_named_in_the_report_language() {
    // each language shows the category's label, in the headline of a finding
    // and in the totals
    let es = "es-acuerdo-comercio-cultura.txt";
    let out = human_check("es", es);
    assert!(out.contains("]: excepción o reserva cultural — "), "{out}");
    assert!(!out.contains("cultural_exception"), "{out}");
    let totals = out
        .lines()
        .rev()
        .find(|l| l.contains("hallazgos"))
        .unwrap_or("");
    assert!(totals.contains("excepción o reserva cultural "), "{totals}");
    let out = human_check("fr", "fr-accord-partenariat.txt");
    assert!(
        out.contains("]: exception ou réserve culturelle — "),
        "{out}"
    );
    assert!(!out.contains("cultural_exception"), "{out}");
    // English names it too, rather than showing the id (`cultural_exception`)
    let out = human_check("en", es);
    assert!(
        out.contains("]: cultural exception or reservation — "),
        "{out}"
    );
    assert!(!out.contains("cultural_exception"), "{out}");
}

/// JSON with its human-language values blanked: what must not change with --lang.
fn shape(json: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    for file in v["files"].as_array_mut().unwrap() {
        for f in file["findings"].as_array_mut().unwrap() {
            f["message"] = serde_json::Value::Null;
        }
        for g in file["gaps"].as_array_mut().unwrap() {
            g["message"] = serde_json::Value::Null;
            g["recommendation"] = serde_json::Value::Null;
        }
        if let Some(notes) = file.get_mut("notes") {
            *notes = serde_json::Value::Null;
        }
        // a negotiating draft's gap readings: their wording follows --lang
        if let Some(gaps) = file
            .get_mut("negotiation")
            .and_then(|n| n.get_mut("gaps"))
            .and_then(|g| g.as_array_mut())
        {
            for g in gaps {
                g["message"] = serde_json::Value::Null;
                g["summary"] = serde_json::Value::Null;
            }
        }
    }
    if let Some(notes) = v.get_mut("notes") {
        *notes = serde_json::Value::Null;
    }
    v
}

#[test]
fn json_keeps_ids_and_keys_and_translates_messages() {
    let files = drafts();
    let en = check("en", "json", &files);
    for lang in ["es", "fr"] {
        let other = check(lang, "json", &files);
        assert_eq!(shape(&en), shape(&other), "--lang {lang} changed the JSON");
        assert_ne!(en, other, "--lang {lang} left every message in English");
    }
    let es: serde_json::Value = serde_json::from_str(&check("es", "json", &files)).unwrap();
    let messages: Vec<&str> = es["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["gaps"].as_array().unwrap())
        .map(|g| g["recommendation"].as_str().unwrap())
        .collect();
    assert!(!messages.is_empty());
    for m in messages {
        assert!(!m.contains(" the "), "English recommendation: {m}");
    }
}

#[test]
fn sarif_keeps_rule_ids_levels_and_fingerprints() {
    let files = drafts();
    let key = |sarif: &str| {
        let v: serde_json::Value = serde_json::from_str(sarif).unwrap();
        let results: Vec<String> = v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r["ruleId"], r["ruleIndex"], r["level"], r["partialFingerprints"]
                )
            })
            .collect();
        let rules: Vec<String> = v["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].to_string())
            .collect();
        (results, rules)
    };
    let en = check("en", "sarif", &files);
    let fr = check("fr", "sarif", &files);
    assert_eq!(key(&en), key(&fr));
    assert!(
        fr.contains("Recommandation : "),
        "SARIF messages stay English"
    );
    assert!(
        fr.contains("Pourquoi c'est important"),
        "SARIF help stays English"
    );
}

/// `check` of the Spanish draft with the environment given, `--lang` unset.
fn human_with_env(env: &[(&str, &str)], extra: &[&str]) -> String {
    let draft = root().join("corpus/es-acuerdo-comercio-cultura.txt");
    let mut cmd = treatyscan();
    cmd.arg("check").args(extra).arg(draft);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn language_of(report: &str) -> &'static str {
    let first = report.lines().next().unwrap_or("");
    if first.contains("cláusula") {
        "es"
    } else if first.contains("clause culturelle") || first.contains("clauses culturelles") {
        "fr"
    } else if first.contains("cultural clause") {
        "en"
    } else {
        panic!("no summary line: {report}")
    }
}

#[test]
fn the_language_defaults_from_the_environment() {
    assert_eq!(language_of(&human_with_env(&[], &[])), "en");
    assert_eq!(
        language_of(&human_with_env(&[("LANG", "es_ES.UTF-8")], &[])),
        "es"
    );
    assert_eq!(
        language_of(&human_with_env(&[("LANG", "fr_CA")], &[])),
        "fr"
    );
    assert_eq!(
        language_of(&human_with_env(
            &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "es_ES.UTF-8")],
            &[]
        )),
        "fr"
    );
    assert_eq!(
        language_of(&human_with_env(
            &[("LC_MESSAGES", "es_MX.UTF-8"), ("LANG", "fr_FR.UTF-8")],
            &[]
        )),
        "es"
    );
    assert_eq!(
        language_of(&human_with_env(
            &[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")],
            &[]
        )),
        "en"
    );
    assert_eq!(
        language_of(&human_with_env(&[("LANG", "de_DE.UTF-8")], &[])),
        "en"
    );
    // --lang wins over the environment
    assert_eq!(
        language_of(&human_with_env(
            &[("LANG", "fr_FR.UTF-8")],
            &["--lang", "en"]
        )),
        "en"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_naming_the_allowed_ones() {
    let draft = root().join("corpus/en-digital-partnership-draft.txt");
    let (out, err, code) = run(&["check", "--lang", "de", draft.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("'de'") && err.contains("en") && err.contains("es") && err.contains("fr"),
        "{err}"
    );
    let (_, err, code) = run(&["rules", "--lang", "it"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("[possible values: en, es, fr]"), "{err}");
}

#[test]
fn rules_explain_and_the_listing_follow_the_language() {
    let (out, _, code) = run(&["rules", "explain", "CEX001", "--lang", "fr"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Pourquoi c'est important"), "{out}");
    assert!(
        out.contains("**Paragraphes des directives cités**"),
        "{out}"
    );
    assert!(!out.contains("Why it matters"), "{out}");
    let (out, _, _) = run(&["rules", "--lang", "es", "explain", "missing_policy_space"]);
    assert!(
        out.contains("**Recomendación:** Añada una cláusula"),
        "{out}"
    );
    assert!(out.contains("**Se abre cuando**"), "{out}");
    let (out, _, _) = run(&["rules", "--lang", "es"]);
    assert!(out.contains("Cooperación en cultura"), "{out}");
    assert!(out.contains("lagunas (nivel del acuerdo"), "{out}");
    let (out, _, _) = run(&["rules"]);
    assert!(out.contains("Cooperation in culture"), "{out}");
}

#[test]
fn a_tracked_change_is_described_in_the_language() {
    use treatyscan::locale::Locale;
    use treatyscan::text::{Revision, RevisionKind};
    let revision = Revision {
        kind: RevisionKind::Insertion,
        author: "Borealia".into(),
        date: Some("2026-03-02T10:00:00Z".into()),
    };
    let say = |lang| treatyscan::report::describe_revision(&revision, Locale::of(lang));
    assert_eq!(say(Lang::En), "proposed by Borealia, 2 March 2026");
    assert_eq!(say(Lang::Es), "propuesto por Borealia, 2 de marzo de 2026");
    assert_eq!(say(Lang::Fr), "proposé par Borealia, 2 mars 2026");
}

#[test]
fn every_message_id_is_in_all_three_languages() {
    let ids: Vec<(Lang, Vec<String>)> = RESOURCES
        .iter()
        .map(|(lang, source)| {
            let errors = syntax_errors(source);
            assert!(errors.is_empty(), "locales/{lang}: {errors:?}");
            (*lang, message_ids(source))
        })
        .collect();
    let all: std::collections::BTreeSet<&String> = ids.iter().flat_map(|(_, v)| v).collect();
    assert!(all.len() > 50, "{all:?}");
    for (lang, mine) in &ids {
        let missing: Vec<&&String> = all.iter().filter(|id| !mine.contains(id)).collect();
        assert!(
            missing.is_empty(),
            "locales/{lang}/treatyscan.ftl lacks {missing:?}"
        );
        let mut sorted = mine.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            mine.len(),
            "locales/{lang}: an id given twice"
        );
    }
}

/// Every id the code looks up (`.t("id")`, `.tr("id", …)`), every heading
/// keyword and every severity exists in English (and so, by the test above,
/// in all three).
#[test]
fn every_id_the_code_names_exists() {
    let english = message_ids(RESOURCES[0].1);
    let id = regex::Regex::new(r#"\.tr?\(\s*"([a-z0-9_-]+)""#).unwrap();
    let mut named = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for c in id.captures_iter(&text) {
                named.push((entry.path().to_path_buf(), c[1].to_string()));
            }
        }
    }
    assert!(named.len() > 40, "{named:?}");
    for (path, id) in named.iter().filter(|(_, id)| id != "no-such-id") {
        assert!(
            english.contains(id),
            "{}: no message `{id}`",
            path.display()
        );
    }
    use treatyscan::provision::Kind;
    let kinds = [
        Kind::Preamble,
        Kind::Part,
        Kind::Chapter,
        Kind::Section,
        Kind::Subsection,
        Kind::Article,
        Kind::Paragraph,
        Kind::Subparagraph,
        Kind::Footnote,
        Kind::Annex,
        Kind::Appendix,
        Kind::Protocol,
        Kind::SideLetter,
        Kind::FinalClause,
    ];
    for k in kinds {
        let id = format!("kind-{}", k.name());
        assert!(english.contains(&id), "no message `{id}`");
    }
    for s in ["info", "warning", "error"] {
        assert!(english.contains(&format!("severity-{s}")));
    }
    for m in 1..=12 {
        assert!(english.contains(&format!("month-{m}")));
    }
    for w in ["sentence", "paragraph", "article"] {
        assert!(english.contains(&format!("docs-within-{w}")));
    }
}

#[test]
fn french_labels_take_a_space_before_their_colon() {
    let files = drafts();
    let fr = check("fr", "human", &files);
    assert!(fr.contains("   = recommandation : "), "{fr}");
    assert!(fr.contains("   = par exemple : « "), "{fr}");
    assert!(
        !fr.contains("recommandation:") && !fr.contains("remarque:"),
        "{fr}"
    );
    let es = check("es", "human", &files);
    assert!(es.contains("   = recomendación: "), "{es}");
}

/// A file that cannot be read is named in the report's language; the
/// reader's own reason, which only the libraries' English words, is set
/// apart as a technical detail in English rather than run into the sentence.
#[test]
fn an_unreadable_file_is_said_in_the_language_with_its_technical_detail_set_apart() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, b"\x00\x01binary\x00").unwrap();
    let pdf = dir.path().join("broken.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n",
    )
    .unwrap();
    for (lang, words) in [
        (
            "es",
            [
                "datos binarios",
                "PDF ilegible",
                "detalle técnico, en inglés",
            ],
        ),
        (
            "fr",
            [
                "données binaires",
                "PDF illisible",
                "détail technique, en anglais",
            ],
        ),
    ] {
        for file in [&binary, &pdf] {
            let (_, stderr, code) = run(&["check", "--lang", lang, file.to_str().unwrap()]);
            assert_eq!(code, Some(2), "{stderr}");
            assert!(stderr.contains(words[2]), "--lang {lang}: {stderr}");
            assert!(
                stderr.contains(words[0]) || stderr.contains(words[1]),
                "--lang {lang}: {stderr}"
            );
        }
    }
}
