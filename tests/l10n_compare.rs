//! `compare --lang es|fr`: the human and HTML compare reports speak the
//! reader's language, once the agreements' own words (excerpts, titles,
//! diffed text) are taken out; `--lang en` is the default English report.

mod common;

use common::treatyscan;

/// Pairs of texts that exercise the summary, the category delta (changes of
/// substance, gaps), every change kind and the negotiation rounds.
const PAIRS: &[(&str, &str)] = &[
    (
        "corpus/compare/substance/en-round1.txt",
        "corpus/compare/substance/en-round2.txt",
    ),
    (
        "corpus/compare/substance/es-round1.txt",
        "corpus/compare/substance/es-round2.txt",
    ),
    (
        "corpus/compare/substance/fr-round1.txt",
        "corpus/compare/substance/fr-round2.txt",
    ),
    ("corpus/compare/round1.txt", "corpus/compare/round2.txt"),
    ("corpus/compare/round1.txt", "corpus/compare/round1_es.txt"),
    (
        "corpus/negotiation/en-consolidated-round4.txt",
        "corpus/negotiation/en-consolidated-round5.txt",
    ),
];

fn compare(lang: Option<&str>, format: &str, a: &str, b: &str) -> String {
    let mut cmd = treatyscan();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .args(["compare", "--format", format]);
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    let out = cmd.args([a, b]).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "compare {a} {b}: exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The agreements' own words, from the JSON of the same comparison: names,
/// files, titles, excerpts, bracketed words and Parties.
fn own_words(json: &serde_json::Value) -> Vec<String> {
    let mut own = Vec::new();
    let mut push = |s: Option<&str>| {
        if let Some(s) = s.filter(|s| !s.trim().is_empty()) {
            own.push(s.to_string());
        }
    };
    for side in ["a", "b"] {
        push(json[side]["file"].as_str());
        push(json[side]["name"].as_str());
    }
    for ch in json["changes"].as_array().unwrap() {
        for side in ["a", "b"] {
            push(ch[side]["title"].as_str());
        }
    }
    for d in json["delta"].as_array().unwrap() {
        for s in d["substance"].as_array().into_iter().flatten() {
            push(s["a_words"].as_str());
            push(s["b_words"].as_str());
        }
    }
    if let Some(n) = json.get("negotiation") {
        for c in n["changes"].as_array().unwrap() {
            push(c["words"].as_str());
            for side in ["a", "b"] {
                push(c[side]["alternative"].as_str());
                for p in c[side]["proposed_by"]
                    .as_array()
                    .into_iter()
                    .chain(c[side]["opposed_by"].as_array())
                    .flatten()
                {
                    push(p.as_str());
                }
            }
        }
    }
    own.sort_by_key(|s| std::cmp::Reverse(s.len()));
    own.dedup();
    own
}

/// A report with the agreements' words and the HTML markup taken out: the
/// diffed text (human lines indented by four spaces, the text of an HTML
/// cell after its heading), then names, titles and excerpts.
fn program_wording(report: &str, own: &[String]) -> String {
    let style = regex::Regex::new(r"(?s)<style>.*?</style>").unwrap();
    let cell_text = regex::Regex::new(r"(?s)</div>.*?</td>").unwrap();
    let tag = regex::Regex::new(r"<[^>]*>").unwrap();
    let text = style.replace_all(report, " ");
    let text = cell_text.replace_all(&text, " ");
    let text = tag.replace_all(&text, " ");
    let text = text.replace("&quot;", "\"").replace("&amp;", "&");
    common::own_wording(&text, own, |line| {
        line.starts_with("    ") && !line.trim_start().starts_with('<')
    })
}

/// English words of treatyscan's own compare wording (matched on lowercase
/// text, punctuation made spaces, padded with spaces).
const ENGLISH: &[&str] = &[
    " the ",
    " of ",
    " and ",
    " with ",
    " from ",
    " by number ",
    " summary ",
    " note ",
    " warning ",
    " provisions ",
    " provision ",
    " matched ",
    " unchanged ",
    " text changed ",
    " renumbered ",
    " retitled ",
    " moved ",
    " split ",
    " merged ",
    " added ",
    " removed ",
    " similarity ",
    " overlap ",
    " category delta ",
    " categories from ",
    " no category ",
    " changes ",
    " drops ",
    " loses ",
    " adds ",
    " covers ",
    " binding ",
    " refers ",
    " gap ",
    " brackets ",
    " proposed by ",
    " opposed by ",
    " no party ",
    " agreed ",
    " dropped ",
    " reworded ",
    " reopened ",
    " changed hands ",
    " compare ",
    " not in ",
    " top level ",
    " words unchanged ",
    " chapter ",
    " annex ",
];

fn english_in(text: &str, lang: &str) -> Vec<String> {
    let mut words: Vec<&str> = ENGLISH.to_vec();
    if lang == "es" {
        // "Article" is French too
        words.extend([" article ", " articles ", " section "]);
    }
    common::lines_with_words(text, &words, |line| {
        line.replace(
            [
                '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '«', '»', '"', '“', '”', '·',
                '\'',
            ],
            " ",
        )
    })
}

#[test]
fn spanish_and_french_compare_reports_have_no_english_sentence() {
    let mut problems = Vec::new();
    for (a, b) in PAIRS {
        let json: serde_json::Value = serde_json::from_str(&compare(None, "json", a, b)).unwrap();
        let own = own_words(&json);
        for format in ["human", "html"] {
            for lang in ["es", "fr"] {
                let report = compare(Some(lang), format, a, b);
                for e in english_in(&program_wording(&report, &own), lang) {
                    problems.push(format!("--lang {lang} --format {format} {a} {b}: {e}"));
                }
            }
            // and the check itself sees English where there is some
            let en = compare(Some("en"), format, a, b);
            assert!(
                !english_in(&program_wording(&en, &own), "es").is_empty(),
                "{format} {a} {b}: the English report reads as not English"
            );
        }
    }
    assert!(
        problems.is_empty(),
        "English left in the compare reports:\n{}",
        problems.join("\n")
    );
}

#[test]
fn lang_en_is_the_default_english_report() {
    for (a, b) in PAIRS {
        for format in ["human", "html", "json"] {
            assert_eq!(
                compare(Some("en"), format, a, b),
                compare(None, format, a, b),
                "{format} {a} {b}"
            );
        }
    }
}

#[test]
fn json_keeps_english_messages_whatever_the_language() {
    let (a, b) = PAIRS[1];
    let en = compare(Some("en"), "json", a, b);
    for lang in ["es", "fr"] {
        assert_eq!(compare(Some(lang), "json", a, b), en, "--lang {lang}");
    }
}

#[test]
fn the_html_page_says_its_language() {
    let (a, b) = PAIRS[2];
    assert!(compare(Some("fr"), "html", a, b).contains("<html lang=\"fr\">"));
    assert!(compare(Some("es"), "html", a, b).contains("<html lang=\"es\">"));
    assert!(compare(Some("en"), "html", a, b).contains("<html lang=\"en\">"));
}

#[test]
fn french_puts_a_space_before_the_colon_of_a_side() {
    let (a, b) = PAIRS[3];
    let fr = compare(Some("fr"), "human", a, b);
    assert!(fr.starts_with("A : ") && fr.contains("\nB : "), "{fr}");
    // the words of both sides under a change of substance too, in the
    // language's quotation marks
    assert!(fr.contains("\n      A : \u{ab}\u{a0}"), "{fr}");
    let es = compare(Some("es"), "human", a, b);
    assert!(
        es.starts_with("A: ") && es.contains("\n      B: \u{ab}"),
        "{es}"
    );
    let en = compare(Some("en"), "human", a, b);
    assert!(en.contains("\n      B: \u{201c}"), "{en}");
}

#[test]
fn the_category_delta_names_categories_and_gaps_in_words() {
    // ids such as `cultural_exception` or `missing_convention_reference` are
    // for programs (the JSON keeps them); a reader gets the catalogue's labels
    for lang in ["en", "es", "fr"] {
        for (a, b) in PAIRS {
            let report = compare(Some(lang), "human", a, b);
            let delta: Vec<&str> = report
                .lines()
                .filter(|l| l.trim_start().starts_with("! "))
                .collect();
            for line in delta {
                assert!(
                    !line.split_whitespace().any(|w| w.contains('_')),
                    "{lang} {a}: {line}"
                );
            }
        }
    }
    let json = compare(None, "json", PAIRS[3].0, PAIRS[3].1);
    assert!(json.contains("\"missing_convention_reference\""));
}

#[test]
fn sectors_a_provision_stops_covering_read_as_french_and_spanish() {
    // "ne couvre plus industries culturelles" lacked its articles, and
    // "ne couvre plus les industries culturelles, le cinéma, la vidéo" its "ni"
    let (a, b) = ("corpus/compare/round1.txt", "corpus/compare/round2.txt");
    let fr = compare(Some("fr"), "human", a, b);
    assert!(
        fr.contains("ne couvre plus ni les industries culturelles, ni le cinéma, ni la vidéo"),
        "{fr}"
    );
    let es = compare(Some("es"), "human", a, b);
    assert!(
        es.contains("ya no abarca las industrias culturales, el cine ni el vídeo"),
        "{es}"
    );
    let en = compare(Some("en"), "human", a, b);
    assert!(
        en.contains("no longer covers cultural industries, film or video"),
        "{en}"
    );
}

#[test]
fn french_and_spanish_name_provisions_in_a_sentence_with_their_article() {
    // "B en modifie la teneur dans Chapitre 4, Article 4.2 (Cultural
    // Industries) de A (Chapitre 3, Article 3.4 (Books and Broadcasting) de
    // B)": no article, capitals mid-sentence, parentheses inside parentheses
    let (a, b) = ("corpus/compare/round1.txt", "corpus/compare/round2.txt");
    let fr = compare(Some("fr"), "human", a, b);
    assert!(
        fr.contains(
            "B en modifie la teneur dans l'article 4.2 \u{ab}\u{a0}Cultural Industries\u{a0}\u{bb} \
             du chapitre 4 de A (dans B : l'article 3.4 \u{ab}\u{a0}Books and Broadcasting\u{a0}\u{bb} \
             du chapitre 3)"
        ),
        "{fr}"
    );
    assert!(
        fr.contains(
            "dans B, l'article 2.5 \u{ab}\u{a0}Non-Discrimination of Digital Products\u{a0}\u{bb} \
             du chapitre 2 en relève et n'a pas d'équivalent dans A"
        ),
        "{fr}"
    );
    let es = compare(Some("es"), "human", a, b);
    assert!(
        es.contains(
            "B modifica su contenido en el artículo 4.2 \u{ab}Cultural Industries\u{bb} del capítulo 4 \
             de A (en B: el artículo 3.4 \u{ab}Books and Broadcasting\u{bb} del capítulo 3)"
        ),
        "{es}"
    );
    let en = compare(Some("en"), "human", a, b);
    assert!(
        en.contains(
            "A's Chapter 4, Article 4.2 (Cultural Industries), which is B's Chapter 3, Article 3.4"
        ),
        "{en}"
    );
    // no line of the French or Spanish delta nests parentheses
    for report in [&fr, &es] {
        for line in report.lines().filter(|l| l.trim_start().starts_with("! ")) {
            let mut depth = 0i32;
            for c in line.chars() {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                assert!(depth <= 1, "{line}");
            }
        }
    }
}

#[test]
fn the_french_summary_and_gap_lines_read_as_french() {
    // "8 au texte modifié" and "B ouvre cette lacune ; A ne l'a pas" were
    // English word order in French words, and "B ouvre cette lacune, absente
    // de A" a calque of "opens this gap"
    let (a, b) = ("corpus/compare/round1.txt", "corpus/compare/round2.txt");
    let fr = compare(Some("fr"), "human", a, b);
    assert!(fr.contains("8 dont le texte a changé"), "{fr}");
    assert!(fr.contains("4 dont l'intitulé a changé"), "{fr}");
    assert!(
        fr.contains("B présente cette lacune, que A n'avait pas"),
        "{fr}"
    );
    let es = compare(Some("es"), "human", a, b);
    assert!(
        es.contains("B presenta esta laguna, que A no tenía"),
        "{es}"
    );
}
