//! The Word, HTML and Markdown readers: each turns its format into the lines
//! the structure parser reads, so trees and findings come out as they do for
//! the same agreement in plain text. Word drafts are generated here (their
//! XML parts zipped by `support/docx_writer.rs`); web pages and Markdown are
//! in `corpus/formats/`, in English, Spanish and French.

mod common;
#[path = "support/docx_writer.rs"]
mod docx_writer;

use docx_writer::*;
use std::path::{Path, PathBuf};
use treatyscan::provision::{Agreement, Kind, SourceFormat};
use treatyscan::source::{ReadOptions, Revisions};

use common::treatyscan;

/// `check --format json` on one file, with `args` before it.
fn check_json(args: &[&str], path: &Path) -> serde_json::Value {
    let out = treatyscan()
        .args(["check", "--format", "json"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn formats_file(name: &str) -> PathBuf {
    common::corpus_file(&format!("formats/{name}"))
}

/// (kind, number) of every article and division, in document order.
fn outline(a: &Agreement) -> Vec<(Kind, String)> {
    a.walk()
        .filter(|p| p.kind == Kind::Article || p.kind.is_division())
        .map(|p| (p.kind, p.number.clone().unwrap_or_default()))
        .collect()
}

/// Categories found per article number.
fn findings_by_article(a: &Agreement) -> Vec<(String, String)> {
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    let mut v: Vec<(String, String)> = rules
        .check(a)
        .into_iter()
        .map(|f| {
            (
                f.provision.number.unwrap_or_default(),
                f.category.to_string(),
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn load_bytes(name: &str, bytes: &[u8], revisions: Revisions) -> Agreement {
    treatyscan::source::load_bytes_opts(
        Path::new(name),
        bytes,
        ReadOptions {
            revisions,
            ..ReadOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------- Word

const BOREALIA: &str = "Borealia delegation";
const AUSTRINIA: &str = "Austrinia delegation";
const MARCH_2: &str = "2026-03-02T09:30:00Z";
const MARCH_9: &str = "2026-03-09T16:00:00Z";

/// A negotiating draft as Word writes it: chapter and article headings
/// numbered by list styles (the numbers are in numbering.xml, not in the
/// text), paragraphs numbered "1.", "(a)" with a restart per article, tracked
/// changes by two delegations, a footnote, a table, a text box, a field and
/// a comment.
fn draft() -> Docx {
    let numbering = [
        // `isLgl`: the chapter's number shown as a decimal in "Article 1.2"
        r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="CHAPTER %1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1.%2"/><w:suff w:val="space"/></w:lvl></w:abstractNum>"#.to_string(),
        list(2, &[("%1.", "decimal"), ("(%2)", "lowerLetter")]),
        num(1, 1, None),
        num(2, 2, None),
        num(3, 2, Some(1)),
        num(4, 2, Some(1)),
    ]
    .concat();
    let styles = r#"<w:style w:type="paragraph" w:styleId="Chapter"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ArticleBase"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Article"><w:basedOn w:val="ArticleBase"/></w:style>"#;
    let body = [
        p("AGREEMENT ON DIGITAL TRADE BETWEEN BOREALIA AND AUSTRINIA"),
        p("The Parties have agreed as follows:"),
        styled("Chapter", ""),
        p("DIGITAL TRADE"),
        styled("Article", ""),
        p("Definitions"),
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>{}<w:r><w:footnoteReference w:id="2"/></w:r>{}</w:p>"#,
            run("For the purposes of this Chapter, digital product means a computer programme, text, video, image or sound recording that is digitally encoded."),
            run("")
        ),
        numbered(2, 0, "Electronic transmission means a transmission made using any electromagnetic means."),
        styled("Article", ""),
        p("Customs Duties"),
        numbered(3, 0, "No Party shall impose customs duties on electronic transmissions between a person of one Party and a person of the other Party."),
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>{}{}{}{}</w:p>"#,
            run("Paragraph 1 shall not apply to "),
            ins(BOREALIA, MARCH_2, "audiovisual services or "),
            run("measures relating to the cultural industries"),
            del(AUSTRINIA, MARCH_9, ", including broadcasting,"),
            ) + &p("in the territory of a Party."),
        numbered(3, 1, "for greater certainty, the film and music sectors;"),
        numbered(3, 1, "the publishing sector."),
        styled("Article", ""),
        p("Cooperation"),
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:moveFrom w:id="5" w:author="{AUSTRINIA}" w:date="{MARCH_9}">{}</w:moveFrom>{}</w:p>"#,
            run("Old place. "),
            run("The Parties shall cooperate on electronic commerce."),
        ),
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:moveTo w:id="6" w:author="{AUSTRINIA}" w:date="{MARCH_9}">{}</w:moveTo></w:p>"#,
            run("New place."),
        ),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sector</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Measure</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Audiovisual</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Quota</w:t></w:r></w:p><w:p><w:r><w:t>on screen time</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
        r#"<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#
        .to_string(),
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box note.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Text box note.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box.</w:t></w:r></w:p>"#.to_string(),
        styled("Chapter", ""),
        p("FINAL PROVISIONS"),
        styled("Article", ""),
        p("Entry into Force"),
        p("This Agreement shall enter into force on the date of the last notification."),
    ]
    .concat();
    let footnotes = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A digital product does not include a financial instrument.</w:t></w:r></w:p></w:footnote>"#;
    Docx {
        body,
        numbering: Some(numbering),
        styles: Some(styles.into()),
        footnotes: Some(footnotes.into()),
        extra: vec![(
            "word/comments.xml".into(),
            format!(
                r#"<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="X"><w:p><w:r><w:t>DROP THIS COMMENT</w:t></w:r></w:p></w:comment></w:comments>"#
            ),
        )],
        ..Docx::default()
    }
}

fn draft_text(revisions: Revisions) -> String {
    treatyscan::source::source_text(Path::new("draft.docx"), &draft().to_bytes(), revisions)
        .unwrap()
        .text
}

#[test]
fn word_list_numbers_are_prepended_and_restart() {
    let text = draft_text(Revisions::Proposed);
    let lines: Vec<&str> = text.lines().collect();
    for want in [
        "CHAPTER I",
        "Article 1.1",
        "1. For the purposes of this Chapter",
        "2. Electronic transmission means",
        "Article 1.2",
        "1. No Party shall impose",
        "2. Paragraph 1 shall not apply to audiovisual services or measures relating to the cultural industries",
        "(a) for greater certainty",
        "(b) the publishing sector.",
        "Article 1.3",
        "1. The Parties shall cooperate",
        "2. New place.",
        "CHAPTER II",
        "Article 2.1",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(want)),
            "no line starting {want:?} in:\n{text}"
        );
    }
}

#[test]
fn word_notes_tables_boxes_and_fields() {
    let text = draft_text(Revisions::Proposed);
    let lines: Vec<&str> = text.lines().collect();
    let note = lines
        .iter()
        .position(|l| *l == "[1] A digital product does not include a financial instrument.")
        .unwrap_or_else(|| panic!("footnote line in:\n{text}"));
    assert!(
        lines[note - 1].starts_with("1. For the purposes"),
        "after the citing paragraph"
    );
    assert!(lines.contains(&"Sector\tMeasure"));
    assert!(lines.contains(&"Audiovisual\tQuota on screen time"));
    assert!(
        lines.contains(&"Page 7"),
        "field result, not its code:\n{text}"
    );
    assert_eq!(
        text.matches("Text box note.").count(),
        1,
        "the fallback copy is skipped"
    );
    assert!(lines.contains(&"After the box."));
    for absent in [
        "PAGE",
        "DROP THIS COMMENT",
        "Old place",
        "including broadcasting",
    ] {
        assert!(
            !text.contains(absent),
            "{absent:?} read as proposed:\n{text}"
        );
    }
}

#[test]
fn word_draft_parses_into_chapters_and_articles() {
    let a = load_bytes("draft.docx", &draft().to_bytes(), Revisions::Proposed);
    assert_eq!(a.format, SourceFormat::Docx);
    let want: Vec<(Kind, String)> = vec![
        (Kind::Chapter, "I".into()),
        (Kind::Article, "1.1".into()),
        (Kind::Article, "1.2".into()),
        (Kind::Article, "1.3".into()),
        (Kind::Chapter, "II".into()),
        (Kind::Article, "2.1".into()),
    ];
    assert_eq!(outline(&a), want);
    let art = a
        .articles()
        .find(|p| p.number.as_deref() == Some("1.1"))
        .unwrap();
    assert!(
        art.walk().any(|p| p.kind == Kind::Footnote),
        "the footnote sits in its article"
    );
}

#[test]
fn findings_in_tracked_text_carry_the_revision() {
    let a = load_bytes("draft.docx", &draft().to_bytes(), Revisions::Proposed);
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    let findings = rules.check(&a);
    let carve_out = findings
        .iter()
        .find(|f| f.category == "cultural_exception")
        .expect("the carve-out is found");
    let rev = carve_out
        .revision
        .as_ref()
        .expect("matched words are tracked");
    assert_eq!(rev.kind, treatyscan::text::RevisionKind::Insertion);
    assert_eq!(rev.author, BOREALIA);
    assert_eq!(rev.date.as_deref(), Some(MARCH_2));
    let duties = findings
        .iter()
        .find(|f| f.category == "ecommerce_duties")
        .expect("the duty ban is found");
    assert_eq!(duties.revision, None, "untracked text has no revision");
}

/// Whether a paragraph is there at all is told by its paragraph mark: the
/// paragraphs a draft inserts, empty ones too, are not there as the text
/// stood before (the lines below keep the numbers they had), and a paragraph
/// whose text alone was deleted stays, empty, as Word shows it.
#[test]
fn a_tracked_paragraph_mark_decides_whether_its_paragraph_is_there() {
    let inserted = |text: &str| {
        let runs = if text.is_empty() {
            String::new()
        } else {
            ins(BOREALIA, MARCH_2, text)
        };
        format!(
            r#"<w:p><w:pPr><w:rPr><w:ins w:id="9" w:author="{BOREALIA}" w:date="{MARCH_2}"/></w:rPr></w:pPr>{runs}</w:p>"#
        )
    };
    let body = [
        p("Article 1"),
        inserted("Article 1.5"),
        inserted(""),
        inserted("Nothing shall prevent measures on cultural diversity."),
        inserted(""),
        p("Article 2"),
        format!(
            "<w:p>{}</w:p>",
            del(AUSTRINIA, MARCH_9, "A sentence struck.")
        ),
        p("Article 3"),
    ]
    .concat();
    let bytes = Docx::new(body).to_bytes();
    let read = |revisions| {
        treatyscan::source::source_text(Path::new("d.docx"), &bytes, revisions)
            .unwrap()
            .text
    };
    let original = read(Revisions::Original);
    assert_eq!(
        original.lines().collect::<Vec<_>>(),
        ["Article 1", "Article 2", "A sentence struck.", "Article 3"]
    );
    let proposed = read(Revisions::Proposed);
    assert_eq!(
        proposed.lines().collect::<Vec<_>>(),
        [
            "Article 1",
            "Article 1.5",
            "",
            "Nothing shall prevent measures on cultural diversity.",
            "",
            "Article 2",
            "",
            "Article 3"
        ]
    );
}

#[test]
fn the_original_reading_keeps_deletions_and_drops_insertions() {
    let text = draft_text(Revisions::Original);
    assert!(text.contains(
        "2. Paragraph 1 shall not apply to measures relating to the cultural industries, including broadcasting,"
    ), "{text}");
    assert!(!text.contains("audiovisual services or"));
    assert!(text.contains("Old place. The Parties shall cooperate"));
    assert!(!text.contains("New place"));
    let a = load_bytes("draft.docx", &draft().to_bytes(), Revisions::Original);
    let spans = a.text.revisions();
    assert!(spans
        .iter()
        .all(|s| s.revision.kind != treatyscan::text::RevisionKind::Insertion));
    let deleted = spans
        .iter()
        .find(|s| s.revision.kind == treatyscan::text::RevisionKind::Deletion)
        .unwrap();
    assert_eq!(
        &a.text.text[deleted.range.clone()],
        ", including broadcasting,"
    );
    assert_eq!(deleted.revision.author, AUSTRINIA);
}

#[test]
fn check_reports_the_revision_in_json_and_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.docx");
    std::fs::write(&path, draft().to_bytes()).unwrap();
    let json = check_json(&[], &path);
    let findings = json["files"][0]["findings"].as_array().unwrap();
    let tracked: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f.get("revision").is_some())
        .collect();
    assert!(!tracked.is_empty());
    assert_eq!(
        tracked[0]["revision"],
        serde_json::json!({"kind": "insertion", "author": BOREALIA, "date": MARCH_2})
    );
    assert!(findings.iter().any(|f| f.get("revision").is_none()));
    let human = treatyscan().arg("check").arg(&path).output().unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("proposed by Borealia delegation, 2 March 2026"),
        "{human}"
    );
    // read as it stood: the deleted words are there, marked as deleted
    let json = check_json(&["--revisions", "original"], &path);
    let kinds: Vec<&str> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["revision"]["kind"].as_str())
        .collect();
    assert!(kinds.iter().all(|k| *k != "insertion"), "{kinds:?}");
}

fn expect_refusal(name: &str, bytes: &[u8], says: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = treatyscan().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{name}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(lines[0].contains(name), "names the file: {stderr}");
    assert!(lines[0].contains(says), "{name}: says {says:?}: {stderr}");
    assert!(!stderr.contains("panicked"));
}

/// An OLE compound file's header and a directory entry name (UTF-16LE).
fn ole(stream: &str) -> Vec<u8> {
    let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    b.resize(512, 0);
    b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
    b.resize(2048, 0);
    b
}

#[test]
fn bad_word_files_get_one_clear_line() {
    expect_refusal(
        "notzip.docx",
        b"this is not a zip at all",
        "not a zip archive",
    );
    let mut broken = draft().to_bytes();
    broken.truncate(broken.len() / 2);
    expect_refusal("broken.docx", &broken, "broken zip archive");
    let other = zip_parts(&[("hello.txt".into(), "hi".into())]);
    expect_refusal("other.docx", &other, "without word/document.xml");
    expect_refusal(
        "locked.docx",
        &ole("EncryptedPackage"),
        "password-protected",
    );
    expect_refusal("old.doc", &ole("WordDocument"), "save it as .docx or PDF");
    let bad_xml = zip_parts(&[(
        "word/document.xml".into(),
        "<w:document><w:body><w:p>".into(),
    )]);
    expect_refusal("truncated.docx", &bad_xml, "malformed XML");
    let empty = Docx::new(p("")).to_bytes();
    expect_refusal("blank.docx", &empty, "no text");
}

/// The start of an OpenDocument file: a zip whose first entry, stored, is
/// `mimetype` holding the document's media type.
fn opendocument(media_type: &str) -> Vec<u8> {
    let mut b = b"PK\x03\x04".to_vec();
    b.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, stored, time, date
    b.extend([0; 4]); // CRC-32 (not checked before the refusal)
    let size = (media_type.len() as u32).to_le_bytes();
    b.extend(size);
    b.extend(size);
    b.extend(8u16.to_le_bytes());
    b.extend(0u16.to_le_bytes());
    b.extend(b"mimetype");
    b.extend(media_type.as_bytes());
    b.resize(600, 0);
    b
}

#[test]
fn formats_not_read_are_refused_by_name() {
    // RTF was read as plain text: its control words became the agreement
    expect_refusal(
        "accord.rtf",
        b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Article 1\\par Les Parties conviennent.\\par}",
        "RTF files are not supported",
    );
    // and under another name too
    expect_refusal(
        "draft.txt",
        b"{\\rtf1\\ansi Article 1\\par The Parties agree.\\par}",
        "RTF files are not supported",
    );
    // an OpenDocument text was "an unreadable Word document"
    expect_refusal(
        "draft.odt",
        &opendocument("application/vnd.oasis.opendocument.text"),
        "OpenDocument (.odt) files are not supported",
    );
}

#[test]
fn tota_xml_in_utf16_or_a_declared_latin_encoding_is_read() {
    let xml = |encoding: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<treaty><meta><name>Aldoria - Belmare</name>\
             <language>en</language></meta><body><chapter name=\"Électronique\" chapter_identifier=\"1\">\
             <article article_identifier=\"1\">Article 1 No Party shall impose customs duties on \
             electronic transmissions.</article></chapter></body></treaty>\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(xml("UTF-16").encode_utf16().flat_map(u16::to_le_bytes));
    let latin1: Vec<u8> = xml("ISO-8859-1").chars().map(|c| c as u8).collect();
    for (name, bytes) in [("utf16.xml", utf16), ("latin1.xml", latin1)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = treatyscan()
            .args(["parse", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["format"], "tota_xml", "{name}");
        assert_eq!(v["metadata"]["name"], "Aldoria - Belmare", "{name}");
        assert_eq!(v["provisions"][0]["title"], "Électronique", "{name}");
    }
}

// ---------------------------------------------------------------- HTML and Markdown

/// Every fixture: its articles and the findings per article.
#[test]
fn web_pages_and_markdown_in_three_languages() {
    let cases: &[(&str, SourceFormat, &[&str])] = &[
        (
            "en-digital-chapter.html",
            SourceFormat::Html,
            &["3.1", "3.2", "4.1"],
        ),
        (
            "es-capitulo-comercio-digital.html",
            SourceFormat::Html,
            &["2.1", "2.2"],
        ),
        (
            "fr-chapitre-legacy.htm",
            SourceFormat::Html,
            &["5.1", "5.2"],
        ),
        (
            "en-digital-chapter.md",
            SourceFormat::Markdown,
            &["3.1", "3.2", "4.1"],
        ),
        (
            "es-capitulo-comercio-digital.md",
            SourceFormat::Markdown,
            &["2.1", "2.2"],
        ),
        (
            "fr-chapitre-numerique.md",
            SourceFormat::Markdown,
            &["5.1", "5.2"],
        ),
    ];
    for (name, format, articles) in cases {
        let a = treatyscan::source::load(&formats_file(name)).unwrap();
        assert_eq!(a.format, *format, "{name}");
        let found: Vec<String> = a.articles().filter_map(|p| p.number.clone()).collect();
        assert_eq!(found, *articles, "{name}");
        // the duty ban and the audiovisual carve-out sit in the same article
        let f = findings_by_article(&a);
        let first = articles[1 - usize::from(articles.len() == 2)];
        for cat in ["ecommerce_duties", "cultural_exception"] {
            assert!(
                f.contains(&(first.to_string(), cat.to_string())),
                "{name}: {cat} in {first}: {f:?}"
            );
        }
    }
}

#[test]
fn web_page_furniture_is_not_read() {
    let a = treatyscan::source::load(&formats_file("en-digital-chapter.html")).unwrap();
    for furniture in [
        "Ministry of Trade",
        "Home",
        "cookies",
        "Date modified",
        "Related agreements",
        "analytics",
        "font-family",
    ] {
        assert!(!a.text.text.contains(furniture), "{furniture:?} read");
    }
    // lines point back to the page source
    let art = a
        .articles()
        .find(|p| p.number.as_deref() == Some("3.2"))
        .unwrap();
    let source = std::fs::read_to_string(formats_file("en-digital-chapter.html")).unwrap();
    let line = source.lines().nth(art.line - 1).unwrap();
    assert!(line.contains("Article 3.2"), "line {}: {line}", art.line);
}

#[test]
fn markdown_lines_point_back_and_footnotes_attach() {
    let path = formats_file("en-digital-chapter.md");
    let a = treatyscan::source::load(&path).unwrap();
    let source = std::fs::read_to_string(&path).unwrap();
    let art = a
        .articles()
        .find(|p| p.number.as_deref() == Some("3.2"))
        .unwrap();
    assert!(source
        .lines()
        .nth(art.line - 1)
        .unwrap()
        .contains("Article 3.2"));
    let def = a
        .articles()
        .find(|p| p.number.as_deref() == Some("3.1"))
        .unwrap();
    let note = def
        .walk()
        .find(|p| p.kind == Kind::Footnote)
        .expect("footnote in 3.1");
    assert!(note.text.contains("financial instrument"));
}

#[test]
fn pages_without_body_text_are_refused() {
    expect_refusal(
        "headings.md",
        b"# Chapter 1\n\n## Article 1\n\n## Article 2\n",
        "Markdown has no body text, only headings",
    );
    expect_refusal(
        "empty.html",
        b"<!DOCTYPE html><html><head><title>x</title><script>1</script></head><body><nav>Home</nav></body></html>",
        "HTML page has no body text",
    );
}

#[test]
fn corpus_reads_every_format_and_names_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["en-digital-chapter.html", "fr-chapitre-numerique.md"] {
        std::fs::copy(formats_file(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("draft.docx"), draft().to_bytes()).unwrap();
    std::fs::write(
        dir.path().join("saved-page"),
        std::fs::read(formats_file("es-capitulo-comercio-digital.html")).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join("data.json"), "{}").unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        "# Corpus\n\nAgreements as circulated.\n",
    )
    .unwrap();
    let (code, csv, stderr) = common::corpus_csv(dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("coded 4 agreements, 0 failed, 2 skipped"),
        "{stderr}"
    );
    assert!(
        stderr.lines().any(|l| l.starts_with("skipped:")
            && l.contains("data.json")
            && l.contains("unsupported extension .json")),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("skipped:") && l.contains("README.md: README file")),
        "{stderr}"
    );
    for name in [
        "en-digital-chapter.html",
        "fr-chapitre-numerique.md",
        "draft.docx",
        "saved-page",
    ] {
        assert!(csv.contains(name), "{name} coded: {csv}");
    }
}

// ---------------------------------------------------------------- shared cases

fn case(name: &str) -> Option<PathBuf> {
    let shared = common::shared_dir()?;
    let path = shared.join("cases/realworld").join(name);
    if path.exists() {
        Some(path)
    } else {
        common::say_skipped(&format!("{name} not in ../shared"));
        None
    }
}

/// Case 01 (Markdown as .txt) and 05 (HTML as .txt): Section/Chapter ›
/// Article, the duty ban as e-commerce, the broadcasting exclusion as a
/// cultural exception, and the e-commerce gap open.
#[test]
fn shared_cases_markdown_and_html_saved_as_text() {
    for (name, articles, ecommerce_article, exception_article) in [
        (
            "01-markdown-headings-ignored.txt",
            vec!["11", "21"],
            "11",
            "21",
        ),
        (
            "05-html-markup-not-stripped.txt",
            vec!["14.3", "15.2"],
            "14.3",
            "15.2",
        ),
    ] {
        let Some(path) = case(name) else { return };
        let a = treatyscan::source::load(&path).unwrap();
        let found: Vec<String> = a.articles().filter_map(|p| p.number.clone()).collect();
        assert_eq!(found, articles, "{name}");
        assert!(
            a.walk().filter(|p| p.kind.is_division()).count() >= 2,
            "{name}"
        );
        let f = findings_by_article(&a);
        for (art, cat) in [
            (ecommerce_article, "ecommerce"),
            (ecommerce_article, "ecommerce_duties"),
            (exception_article, "cultural_exception"),
        ] {
            assert!(
                f.contains(&(art.into(), cat.into())),
                "{name}: {cat} in {art}: {f:?}"
            );
        }
        let json = check_json(&[], &path);
        let gaps = common::gap_ids(&json);
        assert!(
            gaps.contains(&"ecommerce_without_cultural_carveout"),
            "{name}: {gaps:?}"
        );
    }
}

/// Case 19: `corpus` codes the `.md` beside the `.txt`.
#[test]
fn shared_case_corpus_codes_markdown() {
    let (Some(md), Some(other)) = (
        case("19-corpus-skips-markdown.txt"),
        case("17-standalone-ecommerce-agreement-scope.txt"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(md, dir.path().join("agreement.md")).unwrap();
    std::fs::copy(other, dir.path().join("other.txt")).unwrap();
    let out = treatyscan()
        .args(["corpus", "--format", "table"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("coded 2 agreements, 0 failed"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("agreement.md"));
}

/// Case 20: a minimal Word document is read, not refused as binary.
#[test]
fn shared_case_docx_is_read() {
    let Some(path) = case("20-docx-input.docx") else {
        return;
    };
    let a = treatyscan::source::load(&path).unwrap();
    let found: Vec<String> = a.articles().filter_map(|p| p.number.clone()).collect();
    assert_eq!(found, ["14.3", "14.4"]);
    let f = findings_by_article(&a);
    assert!(
        f.contains(&("14.3".into(), "ecommerce_duties".into())),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(art, cat)| art == "14.4" && cat == "cultural_exception"),
        "{f:?}"
    );
}
