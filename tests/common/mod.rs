//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the project: present on developer machines and in CI,
/// absent on a fresh clone, where corpus tests say so and pass.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus/tota").is_dir() {
        Some(dir)
    } else {
        say_skipped("../shared/corpus/tota not found (fresh clone); corpus checks run in CI");
        None
    }
}

/// The ToTA agreements of `shared`, in file-name order.
pub fn tota_files(shared: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/tota"))
        .expect("../shared/corpus/tota lists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    files
}

/// The `*.expected.json` article lists in `dir` (the shared printed PDFs and
/// their Word originals), in file-name order.
pub fn expected_article_lists(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the expected article lists' folder lists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    files
}

/// The article numbers an `*.expected.json` lists, in order.
pub fn expected_article_numbers(path: &std::path::Path) -> Vec<String> {
    let exp: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    exp["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["number"].as_str().unwrap().to_string())
        .collect()
}

/// Debug builds check a deterministic sample; optimised ones (`cargo test
/// --profile bench`, as CI runs them) check all.
pub fn sample_step() -> usize {
    if cfg!(debug_assertions) {
        9
    } else {
        1
    }
}

pub fn corpus_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// Longest common subsequence length under `eq`.
pub fn lcs<A, B>(a: &[A], b: &[B], eq: impl Fn(&A, &B) -> bool) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if eq(x, y) {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn f1(matched: usize, predicted: usize, expected: usize) -> (f64, f64, f64) {
    let p = matched as f64 / predicted.max(1) as f64;
    let r = matched as f64 / expected.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// Says a corpus test was skipped where the user sees it: the test harness
/// captures `println!`, not direct writes to stderr.
pub fn say_skipped(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {message}");
}

/// Encrypts `doc` (RC4 40-bit) with a user password nobody knows: /U is not
/// the empty password's hash, so no reader can open it without one.
pub fn encrypt_with_unknown_password(doc: &mut lopdf::Document) {
    let encrypt = unknown_password_dictionary();
    let encrypt = doc.add_object(encrypt);
    doc.trailer.set("Encrypt", encrypt);
    set_id(doc);
}

/// As `encrypt_with_unknown_password`, with the encryption dictionary written
/// in the trailer itself rather than as an object of its own (as pdfminer's
/// `rc4-40.pdf` and `aes-128.pdf` samples have it).
pub fn encrypt_inline_with_unknown_password(doc: &mut lopdf::Document) {
    doc.trailer.set("Encrypt", unknown_password_dictionary());
    set_id(doc);
}

fn unknown_password_dictionary() -> lopdf::Dictionary {
    use lopdf::{dictionary, Object};
    dictionary! {
        "Filter" => "Standard",
        "V" => 1,
        "R" => 2,
        "Length" => 40,
        "P" => -44,
        "O" => Object::string_literal(vec![7u8; 32]),
        "U" => Object::string_literal(vec![9u8; 32]),
    }
}

fn set_id(doc: &mut lopdf::Document) {
    use lopdf::Object;
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(vec![1u8; 16]),
            Object::string_literal(vec![1u8; 16]),
        ],
    );
}

/// The `treatyscan` binary of this build, with colour off (`NO_COLOR`), as
/// the CLI tests run it.
/// `treatyscan corpus --format csv DIR`: its exit code, the CSV and standard
/// error.
pub fn corpus_csv(dir: &std::path::Path) -> (Option<i32>, String, String) {
    let out = treatyscan()
        .args(["corpus", "--format", "csv"])
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn treatyscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("treatyscan").unwrap();
    cmd.env("NO_COLOR", "1");
    // English unless a test asks for a language: the output language
    // defaults from these (see `Lang::from_env`)
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The lines of a report with the agreement's own words blanked out (`own`,
/// longest first) and the lines `skip` says are quoted text left out: what
/// is left is treatyscan's own wording, for the localisation tests.
#[allow(dead_code)]
pub fn own_wording(report: &str, own: &[String], skip: impl Fn(&str) -> bool) -> String {
    let mut kept = String::new();
    for line in report.lines() {
        if skip(line) {
            continue;
        }
        let mut line = line.to_string();
        for s in own {
            line = line.replace(s.as_str(), " ");
        }
        kept.push_str(&line);
        kept.push('\n');
    }
    kept
}

/// Each line of `text` holding one of `words` (lowercase, padded with
/// spaces: " the "), as `"word" in: line`; `lowered` prepares a lowercased
/// line (punctuation as spaces, say) before it is padded.
#[allow(dead_code)]
pub fn lines_with_words(
    text: &str,
    words: &[&str],
    lowered: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let padded = format!(" {} ", lowered(&line.to_lowercase()));
        for w in words {
            if padded.contains(w) {
                found.push(format!("{w:?} in: {line}"));
            }
        }
    }
    found
}

/// The words a JSON finding marks, each with the text that follows it in the excerpt.
pub fn marked_and_after(finding: &serde_json::Value) -> Vec<(String, String)> {
    let excerpt = finding["excerpt"].as_str().unwrap();
    finding["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            (excerpt[s..e].to_string(), excerpt[e..].to_string())
        })
        .collect()
}

/// The headless Chromium command, when installed (Debian package `chromium`).
pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok()
    })
}

/// Runs headless Chromium on `page` with its own profile under `dir` (a
/// browser already open elsewhere would take the command otherwise), at
/// most 120 s; returns its standard output.
pub fn run_chromium(
    chromium: &str,
    dir: &std::path::Path,
    args: &[String],
    page: &std::path::Path,
) -> Vec<u8> {
    let stdout = dir.join("chromium.out");
    let mut child = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::fs::read(&stdout).unwrap()
}

/// (provision path, category) of every finding of a `check --format json`
/// run's first file.
pub fn findings(json: &serde_json::Value) -> Vec<(String, String)> {
    json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["provision"]["path"].as_str().unwrap().to_string(),
                f["category"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The gap ids of a `check --format json` run's first file, in report order.
pub fn gap_ids(json: &serde_json::Value) -> Vec<&str> {
    json["files"][0]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["id"].as_str())
        .collect()
}
