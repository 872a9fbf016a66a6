//! Hostile PDFs through the command line: decompression bombs behind several
//! filter layers and inside fonts, absurd CMap ranges and predictor rows,
//! 20,000 pages, loops, deep nesting, damaged files and the rarer text
//! operators. Each run must end within 30 s, under 1 GiB of memory (measured
//! with `/usr/bin/time -v` where it is installed), without a panic, with exit
//! code 0 or 2 and at most one line on stderr; files with text must give it.
//!
//! The traps are written here with lopdf and flate2 and always run; the
//! shared corpus of hostile PDFs from other tools' bug reports runs when
//! `../shared` is there and is scored against pdftotext's word counts.

mod common;

use lopdf::{dictionary, Dictionary, Document, Object, Stream};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIME_LIMIT: Duration = Duration::from_secs(30);
const MEMORY_LIMIT_KB: u64 = 1 << 20;

/// What one run of `treatyscan parse FILE --format json` did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    seconds: f64,
    max_rss_kb: Option<u64>,
}

fn run_parse(file: &Path) -> Run {
    let bin = env!("CARGO_BIN_EXE_treatyscan");
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.arg("parse").arg(file).args(["--format", "json"]);
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("runs treatyscan");
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let seconds = start.elapsed().as_secs_f64();
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let raw_err = std::fs::read_to_string(&err_path).unwrap_or_default();
    // /usr/bin/time -v appends its report after the program's own stderr
    let (stderr, report) = match raw_err.find("\tCommand being timed:") {
        Some(i) => (raw_err[..i].to_string(), &raw_err[i..]),
        None => (raw_err.clone(), ""),
    };
    // and says so when the program exits non-zero
    let stderr: String = stderr
        .lines()
        .filter(|l| !l.starts_with("Command exited with non-zero status"))
        .map(|l| format!("{l}\n"))
        .collect();
    let max_rss_kb = report
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok());
    Run {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        seconds,
        max_rss_kb,
    }
}

/// The rules every run keeps, whatever the file.
fn assert_contained(name: &str, r: &Run) {
    assert!(
        r.seconds < TIME_LIMIT.as_secs_f64(),
        "{name}: ran {:.1} s",
        r.seconds
    );
    assert!(
        matches!(r.code, Some(0) | Some(2)),
        "{name}: exit {:?}\n{}",
        r.code,
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{name}: {}", r.stderr);
    assert!(
        r.stderr.trim().lines().count() <= 1,
        "{name}: more than one line on stderr:\n{}",
        r.stderr
    );
    if let Some(kb) = r.max_rss_kb {
        assert!(kb < MEMORY_LIMIT_KB, "{name}: {kb} KB of memory");
    }
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// zlib data that inflates to `mb` MB of spaces, written a MB at a time.
fn zlib_of_spaces(mb: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..mb {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap()
}

const TEXT: &[u8] = b"BT /F1 12 Tf 72 720 Td (Article 1 Cultural cooperation) Tj ET";

fn helvetica() -> Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    }
}

/// A PDF of `pages` pages, each drawing `content` (a stream with `filter`
/// entries) with the font `font`.
fn pdf_with(pages: usize, content: Stream, font: Dictionary) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(font);
    let content_id = doc.add_object(content);
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn plain(content: &[u8]) -> Stream {
    Stream::new(dictionary! {}, content.to_vec())
}

fn bytes_of(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A Type0 font whose ToUnicode map is `cmap` (already encoded with
/// `filter`, when given).
fn type0(doc: &mut Document, cmap: Vec<u8>, filter: Option<&str>) -> Dictionary {
    let mut dict = dictionary! {};
    if let Some(f) = filter {
        dict.set("Filter", f);
    }
    let to_unicode = doc.add_object(Stream::new(dict, cmap));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "Test",
        "DW" => 500,
    });
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "Test",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    }
}

/// A way of encrypting a test document (`common::encrypt_*`).
type Encrypt = fn(&mut Document);

/// How a trap must end: read, with this word in the output, or refused,
/// with this in its one line.
enum Expect {
    Reads(&'static str),
    Refused(&'static str),
}

fn traps() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let mut traps = Vec::new();

    // a flate bomb behind a second flate layer: 100 MB of spaces
    let bomb = zlib(&zlib_of_spaces(100));
    let content = Stream::new(
        dictionary! { "Filter" => vec!["FlateDecode".into(), "FlateDecode".into()] },
        bomb,
    );
    traps.push((
        "flate bomb behind two filter layers",
        bytes_of(pdf_with(1, content, helvetica())),
        Expect::Refused("MB"),
    ));

    // a bomb as a font's ToUnicode map
    let mut doc = pdf_with(
        1,
        plain(b"BT /F1 12 Tf 72 720 Td <0041> Tj ET"),
        helvetica(),
    );
    let font = type0(&mut doc, zlib_of_spaces(100), Some("FlateDecode"));
    let font_id = doc.add_object(font);
    set_font(&mut doc, font_id);
    traps.push(("ToUnicode bomb", bytes_of(doc), Expect::Refused("MB")));

    // a ToUnicode range over the whole 32-bit code space
    let mut doc = pdf_with(
        1,
        plain(b"BT /F1 12 Tf 72 720 Td <004100420043004400450046> Tj ET"),
        helvetica(),
    );
    let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
        1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange
        1 beginbfrange <0000> <FFFF> <0000> endbfrange"
        .to_vec();
    let font = type0(&mut doc, cmap, None);
    let font_id = doc.add_object(font);
    set_font(&mut doc, font_id);
    traps.push((
        "ToUnicode range over the 32-bit code space",
        bytes_of(doc),
        Expect::Reads("ABCDEF"),
    ));

    // a composite font with neither a ToUnicode map nor a known encoding:
    // three lines of glyphs whose text no reader can tell, which is not a scan
    let shown: String = (0..120).map(|i| format!("{:04X}", 0x0100 + i)).collect();
    let content = format!("BT /F1 12 Tf 72 720 Td <{shown}> Tj ET");
    let mut doc = pdf_with(1, plain(content.as_bytes()), helvetica());
    let descendant = dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "Test",
        "DW" => 500,
    };
    set_unmapped_type0(&mut doc, descendant, "Identity-H");
    traps.push((
        "composite font without a Unicode map",
        bytes_of(doc),
        Expect::Refused("no Unicode map (120 glyphs"),
    ));

    // the same with a few glyphs of a Japanese character collection: the
    // text is in a script treatyscan does not analyse, not in a scan
    let mut doc = pdf_with(
        1,
        plain(b"BT /F1 12 Tf 72 720 Td <0C8A0C8B0C8C0C8D0C8E> Tj ET"),
        helvetica(),
    );
    let descendant = dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "TestMincho",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Japan1"),
            "Supplement" => 4,
        },
    };
    set_unmapped_type0(&mut doc, descendant, "Identity-V");
    traps.push((
        "five glyphs of a Japanese font without a Unicode map",
        bytes_of(doc),
        Expect::Refused("text in Japanese script is not analysed"),
    ));

    // a content stream with no /Length: read up to `endstream`, as other
    // readers do (its length blanked out, so every offset stays right)
    let mut bytes = bytes_of(pdf_with(1, plain(TEXT), helvetica()));
    let at = bytes.windows(8).position(|w| w == b"/Length ").unwrap();
    let end = at
        + 8
        + bytes[at + 8..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    bytes[at..end].fill(b' ');
    traps.push((
        "content stream without a length",
        bytes,
        Expect::Reads("Cultural"),
    ));

    // a stream said to be deflated that is not: an error, not an empty page
    // (a zlib header, then a block of the reserved type: random bytes, or
    // bytes still encrypted)
    let content = Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        vec![0x78, 0x9c, 0xff, 0xff, 0x00, 0x01, 0x02, 0x03],
    );
    traps.push((
        "flate stream that is not deflated",
        bytes_of(pdf_with(1, content, helvetica())),
        Expect::Refused("could not be inflated"),
    ));

    // a PNG predictor row of 2^31 colours
    let content = Stream::new(
        dictionary! {
            "Filter" => "FlateDecode",
            "DecodeParms" => dictionary! { "Predictor" => 12, "Colors" => 1i64 << 31, "Columns" => 1 },
        },
        zlib(TEXT),
    );
    traps.push((
        "predictor of 2^31 colours",
        bytes_of(pdf_with(1, content, helvetica())),
        Expect::Refused("predictor"),
    ));

    // 20,000 pages
    traps.push((
        "20,000 pages",
        bytes_of(pdf_with(20_000, plain(TEXT), helvetica())),
        Expect::Reads("Cultural"),
    ));

    // a page that is its own parent
    let mut doc = pdf_with(1, plain(TEXT), helvetica());
    let page = doc.page_iter().next().unwrap();
    doc.get_dictionary_mut(page).unwrap().set("Parent", page);
    traps.push((
        "self-parented page",
        bytes_of(doc),
        Expect::Reads("Cultural"),
    ));

    // arrays nested 100,000 deep in the content, then text
    let mut deep = b"[".repeat(100_000);
    deep.extend(b"] Tj\n");
    deep.extend(TEXT);
    traps.push((
        "content nested 100,000 deep",
        bytes_of(pdf_with(2, plain(&deep), helvetica())),
        Expect::Refused("nests"),
    ));

    // the ' and " operators, and a comment before an indented line
    let quotes = b"BT /F1 12 Tf 14 TL 72 720 Td (Article 1) Tj (Cultural) ' 1 0 (cooperation) \" ET
        % a comment
           BT /F1 12 Tf 72 600 Td (Indented) Tj ET";
    traps.push((
        "quote operators and a comment before an indented line",
        bytes_of(pdf_with(1, plain(quotes), helvetica())),
        Expect::Reads("Indented"),
    ));

    // encrypted with a user password (its /U is no empty password's hash);
    // then the same with its encryption dictionary written inside the
    // trailer: lopdf then loads no object at all, and the pages read as empty
    let encryptions: [(&str, Encrypt); 2] = [
        (
            "encrypted with a user password",
            common::encrypt_with_unknown_password,
        ),
        (
            "encrypted with a user password, dictionary in the trailer",
            common::encrypt_inline_with_unknown_password,
        ),
    ];
    for (name, encrypt) in encryptions {
        let mut doc = pdf_with(1, plain(TEXT), helvetica());
        encrypt(&mut doc);
        traps.push((name, bytes_of(doc), Expect::Refused("password-protected")));
    }

    // junk before the header
    let mut junk = b"Content-Type: application/pdf\r\n\r\n".to_vec();
    junk.extend(bytes_of(pdf_with(1, plain(TEXT), helvetica())));
    traps.push(("junk before the header", junk, Expect::Reads("Cultural")));

    // a cross-reference table cut off in the middle, no trailer
    let whole = bytes_of(pdf_with(1, plain(TEXT), helvetica()));
    let last_object = whole.windows(6).rposition(|w| w == b"endobj").unwrap();
    let cut = whole[..last_object + 12].to_vec();
    traps.push(("truncated xref", cut, Expect::Reads("Cultural")));

    traps
}

/// Sets as the page font a composite font without a ToUnicode map over the
/// CIDFont `descendant`, its codes in `encoding` ("Identity-H").
fn set_unmapped_type0(doc: &mut Document, descendant: Dictionary, encoding: &str) {
    let base = descendant.get(b"BaseFont").unwrap().clone();
    let descendant = doc.add_object(descendant);
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => base,
        "Encoding" => Object::Name(encoding.as_bytes().to_vec()),
        "DescendantFonts" => vec![descendant.into()],
    });
    set_font(doc, font_id);
}

fn set_font(doc: &mut Document, font: lopdf::ObjectId) {
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let pages = doc.get_dictionary_mut(root).unwrap();
    pages.set(
        "Resources",
        dictionary! { "Font" => dictionary! { "F1" => font } },
    );
}

#[test]
fn hand_made_traps_are_contained() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, expect) in traps() {
        let file = dir.path().join("trap.pdf");
        std::fs::write(&file, &bytes).unwrap();
        let r = run_parse(&file);
        eprintln!(
            "trap {name}: exit {:?}, {:.2} s, {} KB, {}",
            r.code,
            r.seconds,
            r.max_rss_kb.map_or("?".into(), |k| k.to_string()),
            r.stderr.trim()
        );
        assert_contained(name, &r);
        match expect {
            Expect::Reads(word) => {
                assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
                assert!(r.stdout.contains(word), "{name}: {word} not read");
            }
            Expect::Refused(why) => {
                assert_eq!(r.code, Some(2), "{name}: read");
                assert!(r.stderr.contains("trap.pdf"), "{name}: {}", r.stderr);
                assert!(r.stderr.contains(why), "{name}: {}", r.stderr);
            }
        }
    }
}

/// pdftotext's word count per file, from the corpus README's table.
fn pdftotext_words(readme: &str) -> Vec<(String, usize)> {
    readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells.get(1)?.trim_matches('`').to_string();
            let words = cells.get(cells.len().checked_sub(2)?)?.parse().ok()?;
            Some((name, words))
        })
        .collect()
}

#[test]
fn shared_hostile_corpus_is_read_or_refused_cleanly() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("corpus/hostile-pdf");
    let Ok(readme) = std::fs::read_to_string(dir.join("README.md")) else {
        eprintln!("SKIPPED hostile PDFs: ../shared/corpus/hostile-pdf not found");
        return;
    };
    let mut short = Vec::new();
    let expected = pdftotext_words(&readme);
    assert!(expected.len() >= 50, "README table read");
    for (name, words) in &expected {
        let file = dir.join(name);
        let r = run_parse(&file);
        assert_contained(name, &r);
        // "AES-128 with user password foo": refused for what it is, not as a scan
        let row = readme.lines().find(|l| l.contains(&format!("`{name}`")));
        if row.is_some_and(|l| l.contains("with user password")) {
            assert!(
                r.code == Some(2) && r.stderr.contains("password-protected"),
                "{name}: {}",
                r.stderr
            );
        }
        let read = if r.code == Some(0) {
            let bytes = std::fs::read(&file).unwrap();
            treatyscan::source::pdf_text(&file, &bytes)
                .map(|t| t.text.split_whitespace().count())
                .unwrap_or(0)
        } else {
            0
        };
        eprintln!(
            "hostile {name}: exit {:?}, {read} words (pdftotext {words}), {:.2} s, {} KB {}",
            r.code,
            r.seconds,
            r.max_rss_kb.map_or("?".into(), |k| k.to_string()),
            r.stderr.trim()
        );
        if *words >= 50 && read * 2 < *words {
            short.push(format!("{name} ({read} of {words})"));
        }
    }
    eprintln!(
        "hostile PDFs refused or read at under half where pdftotext reads 50+ words: {short:?}"
    );
    assert!(short.len() <= 5, "{short:?}");
}

/// The limits are options: tighter ones refuse what the defaults read, with
/// the file and the limit named.
#[test]
fn limits_are_options() {
    use treatyscan::source::{pdf_text_with, PdfLimits};
    let bytes = bytes_of(pdf_with(3, plain(TEXT), helvetica()));
    let file = Path::new("three-pages.pdf");
    let text = pdf_text_with(file, &bytes, &PdfLimits::default()).unwrap();
    assert!(text.text.contains("Cultural cooperation"));
    let tight = PdfLimits {
        max_pages: 2,
        ..PdfLimits::default()
    };
    let e = pdf_text_with(file, &bytes, &tight).unwrap_err().to_string();
    assert!(
        e.contains("three-pages.pdf") && e.contains("more than 2 pages"),
        "{e}"
    );
    let tight = PdfLimits {
        max_nesting: 1,
        ..PdfLimits::default()
    };
    let nested = bytes_of(pdf_with(1, plain(b"[[1]] TJ"), helvetica()));
    let e = pdf_text_with(file, &nested, &tight)
        .unwrap_err()
        .to_string();
    assert!(e.contains("deeper than 1 levels"), "{e}");
}

/// The shared corpus of hostile PDFs, or `None` (said SKIPPED) without it.
fn shared_hostile_dir() -> Option<std::path::PathBuf> {
    let dir = common::shared_dir()?.join("corpus/hostile-pdf");
    if !dir.is_dir() {
        eprintln!("SKIPPED hostile PDFs: ../shared/corpus/hostile-pdf not found");
        return None;
    }
    Some(dir)
}

/// What `check --format json` says of `file`, which it must refuse with
/// exit `code`: its error's message (and no reviewed file).
fn refused_by_check(file: &Path, code: i32) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_treatyscan"))
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .unwrap();
    let name = file.display();
    assert_eq!(out.status.code(), Some(code), "{name}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"], serde_json::json!([]), "{name}");
    json["errors"][0]["message"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// Hostile PDFs whose text `check` must refuse rather than review: in
/// another script than Latin (too short for the language detector), or
/// read as garbled letters (a font without a Unicode map), which used to
/// get every gap of an English agreement; or shown in fonts that map their
/// glyphs to no text, which used to be called scans (those of a Chinese or
/// Japanese character collection are that script's text).
#[test]
fn shared_pdfs_in_other_scripts_or_garbled_are_refused_by_check() {
    let Some(dir) = shared_hostile_dir() else {
        return;
    };
    for (name, code, said) in [
        (
            "poppler-test__russian.pdf",
            3,
            "text in Cyrillic script is not analysed",
        ),
        (
            "pdfjs__ArabicCIDTrueType.pdf",
            3,
            "text in Arabic script is not analysed",
        ),
        (
            "pdfjs__issue11656.pdf",
            3,
            "text in Hebrew script is not analysed",
        ),
        (
            "pdfium__hebrew_mirrored.pdf",
            3,
            "text in Hebrew script is not analysed",
        ),
        (
            "pdfjs__XiaoBiaoSong.pdf",
            2,
            "the text reads as garbled letters",
        ),
        // Japanese and Chinese in composite fonts without a Unicode map, named
        // by their fonts' character collections: not scans
        (
            "pdfminer__kampo.pdf",
            3,
            "text in Japanese script is not analysed",
        ),
        (
            "pdfjs__vertical.pdf",
            3,
            "text in Japanese script is not analysed",
        ),
        (
            "pdfjs__issue3521.pdf",
            3,
            "text in Chinese script is not analysed",
        ),
        // Arabic in a composite font without a Unicode map: not a scan
        (
            "pdfjs__ThuluthFeatures.pdf",
            2,
            "PDF's text is in fonts with no Unicode map",
        ),
    ] {
        let message = refused_by_check(&dir.join(name), code);
        assert!(message.starts_with(said), "{name}: {message}");
    }
}

/// PDFs that are not agreements (research papers, a tax form, a flyer, an
/// insurance form, a sample document, a summary of a statute) are refused by
/// `check` and `corpus` as "not an agreement?" rather than given every gap;
/// a clause of a few lines still reads as one. They used to get findings
/// and gaps because one word such as "treaty", "articles" or "schedule"
/// appeared somewhere in them.
#[test]
fn shared_pdfs_that_are_not_agreements_get_no_gaps() {
    let Some(dir) = shared_hostile_dir() else {
        return;
    };
    let not_agreements = [
        "pdfjs__TAMReview.pdf",
        "pdfjs__tracemonkey.pdf",
        "pdfminer__naacl06-shinyama.pdf",
        "pdfminer__f1040nr.pdf",
        "pdfjs__issue1350.pdf",
        "pdfjs__issue7454.pdf",
        "qpdf__issue-202.pdf",
        "pdfminer__dmca.pdf",
    ];
    let bin = env!("CARGO_BIN_EXE_treatyscan");
    for name in not_agreements {
        let message = refused_by_check(&dir.join(name), 2);
        assert!(message.ends_with("not an agreement?"), "{name}: {message}");
    }
    // corpus codes none of them, and says why for each
    let folder = tempfile::tempdir().unwrap();
    for name in not_agreements {
        std::fs::copy(dir.join(name), folder.path().join(name)).unwrap();
    }
    let out = Command::new(bin)
        .args(["corpus", "--out", "-"])
        .arg(folder.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
    assert_eq!(
        stderr.matches("not an agreement?").count(),
        not_agreements.len(),
        "{stderr}"
    );
    // a page of a contract's clause is still read as one
    let out = Command::new(bin)
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(dir.join("pdfjs__issue14415.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// Two damaged PDFs whose text pdftotext reads were called scans: a content
/// stream without a length (now read up to `endstream`), and pages encrypted
/// with a crypt filter lopdf does not find (now said to be encrypted and
/// unreadable, not a scan).
#[test]
fn shared_damaged_pdfs_with_text_are_not_called_scans() {
    let Some(dir) = shared_hostile_dir() else {
        return;
    };
    let r = run_parse(&dir.join("pdfium__parser_rebuildxref_correct.pdf"));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("Hello, world!"), "{}", r.stdout);
    let r = run_parse(&dir.join("pdfjs__issue7665.pdf"));
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("it is encrypted") && !r.stderr.contains("scan"),
        "{}",
        r.stderr
    );
}
