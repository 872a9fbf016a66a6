//! The PDF source adapter on PDFs these tests write themselves (with lopdf):
//! reading order, pages, running headers and page numbers, hyphenation, and
//! every way a PDF can be unreadable. The shared real-world PDFs are used when
//! `../shared` is there.

mod common;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Stream};
use std::path::{Path, PathBuf};
use treatyscan::provision::{Agreement, Kind, Provision};
use treatyscan::source::{load_bytes, SourceError};

#[path = "support/pdf_writer.rs"]
mod pdf_writer;

use pdf_writer::write_pdf;

/// A line of text to draw (see `pdf_writer::Line`), with a static text.
type Line = pdf_writer::Line<'static>;

const HEADER: &str = "Draft Agreement on Cultural Cooperation";

/// Body lines from the top of the page down, 14 points apart, with an extra
/// gap before headings, plus the running header and a page number.
fn page(number: &'static str, body: &[&'static str]) -> Vec<Line> {
    let mut lines = vec![(72.0, 800.0, 9.0, HEADER)];
    let mut y = 760.0;
    for &text in body {
        let heading = text.starts_with("Article") || text.starts_with("CHAPTER");
        if heading {
            y -= 10.0;
        }
        lines.push((72.0, y, 11.0, text));
        y -= 14.0;
    }
    // the footer is drawn first: reading order must come from positions
    lines.insert(0, (290.0, 40.0, 9.0, number));
    lines
}

/// Page 2 of the sample has a footnote: a raised, smaller reference mark on
/// its second line and the note in small print at the foot of the page.
fn with_footnote(mut lines: Vec<Line>) -> Vec<Line> {
    let (_, y, _, _) = lines[3];
    lines.push((320.0, y + 4.0, 7.0, "1"));
    lines.push((
        72.0,
        80.0,
        8.0,
        "1 For greater certainty, this includes audiovisual services.",
    ));
    lines
}

fn sample_pdf() -> Vec<u8> {
    write_pdf(&[
        page(
            "- 1 -",
            &[
                "CHAPTER 1",
                "GENERAL PROVISIONS",
                "Article 1.1: Objectives",
                "1. The Parties shall promote their cul-",
                "tural industries and e-",
                "commerce in cultural services.",
                "Article 1.2: Definitions",
                "For the purposes of this Chapter, a measure",
                "includes any law or regulation.",
            ],
        ),
        with_footnote(page(
            "- 2 -",
            &[
                "Article 1.3: Scope",
                "This Chapter applies to measures affecting",
                "trade between the Parties, as provided in",
                "Article 1.1 of this Chapter.",
            ],
        )),
        page(
            "- 3 -",
            &[
                "CHAPTER 2",
                "ELECTRONIC COMMERCE",
                "Article 2.1: Customs Duties",
                "No Party shall impose customs duties on",
                "electronic transmissions.",
            ],
        ),
    ])
}

fn load(bytes: &[u8]) -> Result<Agreement, SourceError> {
    load_bytes(Path::new("synthetic.pdf"), bytes)
}

fn articles(a: &Agreement) -> Vec<(String, Option<u32>)> {
    a.articles()
        .map(|p| (p.number.clone().unwrap_or_default(), p.page))
        .collect()
}

#[test]
fn reads_pages_articles_and_page_numbers() {
    let a = load(&sample_pdf()).expect("the sample PDF reads");
    let expected = [("1.1", 1), ("1.2", 1), ("1.3", 2), ("2.1", 3)];
    let expected: Vec<(String, Option<u32>)> = expected
        .iter()
        .map(|&(n, p)| (n.to_string(), Some(p)))
        .collect();
    // "Article 1.1 of this Chapter." after "as provided in" is a cross-reference
    assert_eq!(articles(&a), expected);
    let chapters: Vec<_> = a.walk().filter(|p| p.kind == Kind::Chapter).collect();
    assert_eq!(chapters.len(), 2);
    assert_eq!(chapters[1].page, Some(3));
}

#[test]
fn drops_running_headers_and_page_numbers() {
    let a = load(&sample_pdf()).unwrap();
    let text = &a.text.text;
    assert!(!text.contains(HEADER), "running header left in:\n{text}");
    for n in ["- 1 -", "- 2 -", "- 3 -"] {
        assert!(
            !text.lines().any(|l| l.trim() == n),
            "page number {n} left in"
        );
    }
    // reading order follows positions, not drawing order (the footer is drawn first)
    assert!(text.trim_start().starts_with("CHAPTER 1"), "{text}");
}

#[test]
fn joins_words_hyphenated_at_line_ends() {
    let a = load(&sample_pdf()).unwrap();
    let text = &a.text.text;
    assert!(text.contains("promote their cultural"), "{text}");
    assert!(!text.contains("cul-"), "{text}");
    // the document itself writes "e-commerce"… only here, so the short prefix keeps its hyphen
    assert!(text.contains("industries and e-commerce\n"), "{text}");
}

#[test]
fn footnotes_become_footnotes_and_marks_stay_off_the_words() {
    let a = load(&sample_pdf()).unwrap();
    let text = &a.text.text;
    assert!(text.contains("affecting \u{b9}"), "{text}");
    let note = a
        .walk()
        .find(|p| p.kind == Kind::Footnote)
        .expect("a footnote");
    assert_eq!(note.number.as_deref(), Some("1"));
    assert_eq!(note.page, Some(2));
}

/// A note whose mark is in one article, printed at the foot of a page where
/// the next article has begun, is read with the article of its mark (as
/// AANZFTA's "creative arts" note to its general exceptions, printed below
/// the start of its security exceptions).
#[test]
fn a_footnote_goes_with_the_article_of_its_mark_not_the_one_above_it() {
    let mut lines = page(
        "- 1 -",
        &[
            "Article 1: General Exceptions",
            "1. Nothing shall prevent measures to support",
            "creative arts of national value.",
            "2. This Article applies to goods.",
            "Article 2: Security Exceptions",
            "1. Nothing shall require a Party to furnish",
            "information on its security interests.",
        ],
    );
    let (_, y, _, _) = lines[4]; // "creative arts of national value."
    lines.push((260.0, y + 4.0, 7.0, "1"));
    lines.push((
        72.0,
        80.0,
        8.0,
        "1 Creative arts include film, music and audiovisual works.",
    ));
    let a = load(&write_pdf(&[lines])).unwrap();
    let note = a
        .walk()
        .find(|p| p.kind == Kind::Footnote)
        .expect("a footnote");
    assert_eq!(note.number.as_deref(), Some("1"));
    let parent = |path: &str| a.walk().find(|p| p.path == path).unwrap();
    assert!(
        note.path.starts_with("art1/"),
        "the note is under {}:\n{}",
        note.path,
        a.text.text
    );
    let article2 = parent("art2");
    let text2 = &a.text.text[article2.span.clone()];
    assert!(!text2.contains("Creative arts"), "{text2}");
}

/// A footnote printed in the body's own size (pandoc's Word files saved as
/// PDF by LibreOffice), told by its raised number below a gap, goes with the
/// article of its mark and not into the article printed last on the page.
#[test]
fn a_note_in_the_body_size_is_told_by_its_raised_number() {
    let mut lines = page(
        "- 1 -",
        &[
            "Article 14.3: Non-Discriminatory Treatment",
            "1. No Party shall accord less favourable treatment",
            "to digital products of another Party.",
            "Article 14.4: Final",
            "This Chapter enters into force.",
        ],
    );
    let (_, y, _, _) = lines[4]; // "to digital products of another Party."
    lines.push((290.0, y + 4.0, 7.0, "1"));
    // the note's raised number, then its text in the body's size
    lines.push((72.0, 124.0, 7.0, "1"));
    lines.push((
        78.0,
        120.0,
        11.0,
        "For greater certainty, this Article does not apply to",
    ));
    lines.push((72.0, 106.0, 11.0, "audiovisual services."));
    let a = load(&write_pdf(&[lines])).unwrap();
    let note = a
        .walk()
        .find(|p| p.kind == Kind::Footnote)
        .unwrap_or_else(|| panic!("no footnote in:\n{}", a.text.text));
    assert_eq!(note.number.as_deref(), Some("1"));
    assert!(note.path.starts_with("art14.3/"), "{}", note.path);
    let last = a.walk().find(|p| p.path == "art14.4").unwrap();
    assert!(!a.text.text[last.span.clone()].contains("audiovisual"));
}

/// A title that opens several pages (its article's number ends the page
/// before) is the article's title, not a running header, though it repeats
/// at the top of the pages as headers do; the header above it still goes.
#[test]
fn a_title_opening_three_pages_below_its_number_is_no_running_header() {
    let pages: Vec<Vec<Line>> = [
        (
            "- 1 -",
            &[
                "Article 5.10: Review",
                "The Parties shall review this Chapter.",
                "Article 5.11",
            ][..],
        ),
        (
            "- 2 -",
            &[
                "Dispute Settlement",
                "Neither Party shall have recourse to dispute",
                "settlement for any matter under this Section.",
                "Article 8.18",
            ],
        ),
        (
            "- 3 -",
            &[
                "Dispute Settlement",
                "Nothing in this Chapter shall apply to measures",
                "affecting cultural industries.",
                "Article 14.9",
            ],
        ),
        (
            "- 4 -",
            &[
                "Dispute Settlement",
                "Neither Party shall have recourse to dispute",
                "settlement for any matter under this Chapter.",
            ],
        ),
    ]
    .into_iter()
    .map(|(number, body)| {
        let mut lines = page(number, body);
        // the title stands apart from its text, as a header does
        for line in lines.iter_mut().filter(|l| l.3 == "Dispute Settlement") {
            line.1 += 10.0;
        }
        lines
    })
    .collect();
    let a = load(&write_pdf(&pages)).unwrap();
    let titles: Vec<_> = a
        .articles()
        .map(|p| (p.number.clone().unwrap_or_default(), p.title.clone()))
        .collect();
    let dispute = Some("Dispute Settlement".to_string());
    assert_eq!(
        titles,
        [
            ("5.10".to_string(), Some("Review".to_string())),
            ("5.11".to_string(), dispute.clone()),
            ("8.18".to_string(), dispute.clone()),
            ("14.9".to_string(), dispute),
        ],
        "{}",
        a.text.text
    );
    assert!(!a.text.text.contains(HEADER), "{}", a.text.text);
}

/// A heading set larger than the text, its title wrapped onto a second line
/// with no gap before the text: the size says where the title ends.
#[test]
fn a_title_in_heading_print_wrapped_onto_a_second_line_is_whole() {
    let lines: Vec<Line> = vec![
        (
            72.0,
            760.0,
            14.0,
            "Article 14.3: Non-Discriminatory Treatment of Digital",
        ),
        (72.0, 744.0, 14.0, "Products"),
        (
            72.0,
            728.0,
            11.0,
            "1. No Party shall accord less favourable treatment to",
        ),
        (72.0, 714.0, 11.0, "digital products of another Party."),
        (72.0, 690.0, 14.0, "Article 14.4: Final"),
        (72.0, 674.0, 11.0, "This Chapter enters into force."),
    ];
    let a = load(&write_pdf(&[lines])).unwrap();
    let titles: Vec<_> = a
        .articles()
        .map(|p| p.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        titles,
        ["Non-Discriminatory Treatment of Digital Products", "Final"],
        "{}",
        a.text.text
    );
}

/// A web page set with `line-height: 1.5` (pandoc's default) printed by a
/// browser: its lines are 1.5 sizes apart and a little more where positions
/// round (36.5 points at 24), past the paragraph gap test's 1.5, and the
/// title over four lines was cut into paragraphs (the agreement then named
/// by its first line alone).
#[test]
fn lines_set_one_and_a_half_sizes_apart_are_no_paragraph_gaps() {
    let mut lines: Vec<Line> = vec![
        (72.0, 760.0, 24.0, "ACUERDO DE ASOCIACION"),
        (72.0, 723.5, 24.0, "ECONOMICA ENTRE LA REPUBLICA"),
        (72.0, 687.0, 24.0, "DE COSTALINA Y LA REPUBLICA DE"),
        (72.0, 650.5, 24.0, "MONTEVERA"),
    ];
    // Helvetica in WinAnsi: the words are written without accents
    let body = [
        "Articulo 1: Objeto",
        "Las Partes establecen una zona de libre comercio de",
        "conformidad con el presente Acuerdo.",
        "Articulo 2: Definiciones",
        "Para los efectos del presente Acuerdo, los terminos",
        "tienen el sentido que se les da en este articulo.",
    ];
    let mut y = 610.0;
    for text in body {
        if text.starts_with("Articulo") {
            y -= 12.0; // a paragraph's margin
        }
        lines.push((72.0, y, 12.0, text));
        y -= 18.25;
    }
    let a = load(&write_pdf(&[lines])).unwrap();
    assert_eq!(
        a.name().as_deref(),
        Some("ACUERDO DE ASOCIACION ECONOMICA ENTRE LA REPUBLICA DE COSTALINA Y LA REPUBLICA DE MONTEVERA"),
        "{}",
        a.text.text
    );
    assert_eq!(a.articles().count(), 2, "{}", a.text.text);
}

/// A page whose footer prints a number other than its place in the file
/// ("3-2" on the file's second page, as RCEP numbers pages by chapter) is
/// cited by that number, with the file's page beside it; a page whose
/// footer prints its place ("- 2 -") is cited by it alone.
#[test]
fn a_finding_is_cited_by_the_page_number_printed_on_its_page() {
    let pdf = write_pdf(&[
        page(
            "3-1",
            &[
                "CHAPTER 3",
                "TRADE IN SERVICES",
                "Article 3.1: Scope",
                "This Chapter applies to services.",
            ],
        ),
        page(
            "3-2",
            &[
                "Article 3.2: Exceptions",
                "This Chapter shall not apply to audiovisual",
                "services or cultural industries.",
            ],
        ),
    ]);
    let a = load(&pdf).unwrap();
    assert_eq!(a.text.page_label(1), Some("3-1"));
    assert_eq!(a.text.page_label(2), Some("3-2"));
    let sample = load(&sample_pdf()).unwrap();
    assert_eq!(sample.text.page_label(2), None, "\"- 2 -\" on page 2");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chapter3.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = common::treatyscan()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &json["files"][0]["findings"][0];
    assert_eq!(finding["page"], 2, "{json}");
    assert_eq!(finding["page_label"], "3-2", "{json}");
    let out = common::treatyscan()
        .args(["check", "--lang", "fr"])
        .arg(&path)
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("chapter3.pdf, page 3-2 (page 2 du PDF)"),
        "{human}"
    );
}

/// A number alone at a page's edge is a page number only if it agrees with
/// the numbering of the pages around it: a table cell "40" at the top of the
/// third page, between pages printed 2 and 4, stays in the text (it was
/// dropped as a page number from pta_22's tariff-rate quota table), while
/// the footers go.
#[test]
fn a_number_at_a_page_edge_that_breaks_the_numbering_is_text() {
    let mut third = vec![
        (290.0, 40.0, 9.0, "3"),
        (72.0, 800.0, 9.0, HEADER),
        (300.0, 770.0, 11.0, "40"),
    ];
    let mut y = 740.0;
    for text in [
        "Article 3",
        "The quota for pork sausages is 40 tonnes a year.",
    ] {
        third.push((72.0, y, 11.0, text));
        y -= 14.0;
    }
    let pdf = write_pdf(&[
        page("1", &["Article 1", "Quotas are set out below."]),
        page("2", &["Article 2", "Each quota grows by 5% a year."]),
        third,
        page(
            "4",
            &["Article 4", "The quotas apply from entry into force."],
        ),
    ]);
    let a = load(&pdf).unwrap();
    let lines: Vec<&str> = a.text.text.lines().map(str::trim).collect();
    assert!(lines.contains(&"40"), "{lines:?}");
    for footer in ["1", "2", "3", "4"] {
        assert!(!lines.contains(&footer), "{footer} in {lines:?}");
    }
    assert!(!a.text.text.contains(HEADER), "{lines:?}");
}

#[test]
fn outline_of_the_sample_pdf() {
    let a = load(&sample_pdf()).unwrap();
    insta::assert_snapshot!(treatyscan::provision::render_outline(&a));
}

#[test]
fn truncated_pdf_is_a_pdf_error() {
    let bytes = sample_pdf();
    for cut in [bytes.len() / 2, bytes.len() / 5, 40] {
        match load(&bytes[..cut]) {
            Err(SourceError::Pdf { reason, .. }) => assert!(!reason.is_empty()),
            other => panic!("cut at {cut}: expected a PDF error, got {other:?}"),
        }
    }
}

#[test]
fn garbage_after_a_pdf_header_is_a_pdf_error() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    let err = load(&bytes).unwrap_err();
    assert!(matches!(err, SourceError::Pdf { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with("synthetic.pdf: unreadable PDF"), "{msg}");
    assert!(!msg.contains('\n'), "one line: {msg}");
}

#[test]
fn encrypted_pdf_is_reported_as_encrypted() {
    let mut doc = Document::load_mem(&sample_pdf()).unwrap();
    common::encrypt_with_unknown_password(&mut doc);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = load(&bytes).unwrap_err();
    assert!(matches!(err, SourceError::PdfEncrypted { .. }), "{err:?}");
    assert!(err.to_string().contains("password-protected"));
}

#[test]
fn pdf_without_text_needs_ocr() {
    // a typed cover page, then pages that only paint a grey rectangle, as a
    // scan paints its image
    let cover = vec![
        (72.0, 700.0, 14.0, "AGREEMENT ON CULTURAL COOPERATION"),
        (72.0, 680.0, 14.0, "BETWEEN THE REPUBLIC OF ATLANTIS"),
        (72.0, 660.0, 14.0, "AND THE KINGDOM OF ELDORADO"),
        (72.0, 640.0, 14.0, "DONE AT GENEVA IN TWO ORIGINAL COPIES"),
    ];
    let mut pages = vec![cover];
    pages.extend(std::iter::repeat_n(vec![], 10));
    let mut doc = Document::load_mem(&write_pdf(&pages)).unwrap();
    let ops = vec![
        Operation::new("g", vec![0.5.into()]),
        Operation::new("re", vec![50.into(), 50.into(), 400.into(), 600.into()]),
        Operation::new("f", vec![]),
    ];
    for (_, page) in doc.get_pages().into_iter().skip(1) {
        let content = Content {
            operations: ops.clone(),
        };
        doc.change_page_content(page, content.encode().unwrap())
            .unwrap();
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = load(&bytes).unwrap_err();
    assert!(matches!(err, SourceError::PdfNeedsOcr { .. }), "{err:?}");
    assert!(err.to_string().contains("OCR"));
}

/// A form that draws itself would recurse until the stack overflows, which
/// aborts the process (no panic to catch): it is drawn once, the rest read.
#[test]
fn self_drawing_form_costs_its_page_not_the_run() {
    let mut doc = Document::load_mem(&sample_pdf()).unwrap();
    let form = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] },
        b"/X1 Do".to_vec(),
    ));
    let page2 = doc.get_pages()[&2];
    let page = doc.get_dictionary_mut(page2).unwrap();
    page.set(
        "Resources",
        dictionary! { "XObject" => dictionary! { "X1" => form } },
    );
    let contents = page.get(b"Contents").unwrap().as_reference().unwrap();
    doc.get_object_mut(contents)
        .unwrap()
        .as_stream_mut()
        .unwrap()
        .set_plain_content(b"/X1 Do".to_vec());
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let a = load(&bytes).expect("pages 1 and 3 still read");
    let found: Vec<String> = articles(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(found, ["1.1", "1.2", "2.1"]);
}

/// Damaged copies of a valid PDF (bytes overwritten at spread-out places)
/// give a result or an error, never a panic.
#[test]
fn damaged_pdfs_never_panic() {
    let good = sample_pdf();
    let mut seed = 0x2545_f491_u64;
    for _ in 0..40 {
        let mut bytes = good.clone();
        for _ in 0..8 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let at = (seed >> 33) as usize % bytes.len();
            bytes[at] = (seed >> 17) as u8;
        }
        let _ = load(&bytes);
    }
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        say_skipped(&format!(
            "{} is not there (no ../shared next to the project)",
            p.display()
        ));
        None
    }
}

#[test]
fn rcep_outline_has_its_chapters_in_order() {
    let Some(path) = shared("corpus/pdf-real/rcep-2020.pdf") else {
        return;
    };
    let a = treatyscan::source::load(&path).expect("RCEP reads");
    // the agreement's chapters, not the tariff-schedule chapters of Annex 3A
    let mut chapters = Vec::new();
    agreement_chapters(&a.provisions, &mut chapters);
    let want: Vec<String> = (1..=20).map(|n| n.to_string()).collect();
    assert_eq!(chapters, want);
    let ch12 = a
        .walk()
        .find(|p| {
            p.kind == Kind::Chapter && p.number.as_deref() == Some("12") && p.page > Some(400)
        })
        .expect("chapter 12");
    assert!(ch12
        .walk()
        .any(|p| p.kind == Kind::Article && p.number.as_deref() == Some("12.11")));
    let toc_duplicates = a
        .articles()
        .filter(|p| p.number.as_deref() == Some("12.11"))
        .count();
    assert_eq!(toc_duplicates, 1);
}

#[test]
fn rcep_titles_are_whole_and_without_footnote_marks() {
    let Some(path) = shared("corpus/pdf-real/rcep-2020.pdf") else {
        return;
    };
    let a = treatyscan::source::load(&path).expect("RCEP reads");
    let title = |number: &str| {
        a.articles()
            .find(|p| p.number.as_deref() == Some(number))
            .and_then(|p| p.title.clone())
            .unwrap_or_default()
    };
    // printed over two lines in the government PDF
    assert_eq!(
        title("11.12"),
        "Protection of Broadcasting Organisations and Encrypted Programme-Carrying Satellite Signals"
    );
    assert_eq!(
        title("12.15"),
        "Cross-border Transfer of Information by Electronic Means"
    );
    assert_eq!(
        title("1.1"),
        "Establishment of the Regional Comprehensive Economic Partnership as a Free Trade Area"
    );
    // a footnote mark printed after the title
    assert_eq!(title("12.3"), "Scope");
    assert_eq!(title("10.4"), "Most-Favoured-Nation Treatment");
    // the title's second line is not the article's first words
    let a1215 = a
        .articles()
        .find(|p| p.number.as_deref() == Some("12.15"))
        .expect("article 12.15");
    assert!(a.text.text[a1215.heading.end..a1215.span.end]
        .trim_start()
        .starts_with("1. The Parties recognise"));
}

fn agreement_chapters(nodes: &[Provision], out: &mut Vec<String>) {
    for n in nodes.iter().filter(|n| !n.kind.is_instrument()) {
        if n.kind == Kind::Chapter {
            out.push(n.number.clone().unwrap_or_default());
        }
        agreement_chapters(&n.children, out);
    }
}

#[test]
fn long_protocol_with_tables_reads_without_panic() {
    let Some(path) = shared("corpus/pdf-real/aanzfta-first-protocol-2014.pdf") else {
        return;
    };
    let a = treatyscan::source::load(&path).expect("the protocol reads");
    assert!(a.articles().count() >= 6);
    let last_page = a.walk().filter_map(|p| p.page).max().unwrap_or(0);
    assert!(last_page > 600, "pages reach {last_page}");
}

#[test]
fn cli_reports_a_damaged_pdf_in_one_line_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.pdf");
    let bytes = sample_pdf();
    std::fs::write(&file, &bytes[..bytes.len() / 3]).unwrap();
    let out = assert_cmd::Command::cargo_bin("treatyscan")
        .unwrap()
        .arg("parse")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("draft.pdf: unreadable PDF"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A page without a MediaBox (other PDF libraries panic there) is read like
/// any other: text does not need the page's size.
#[test]
fn cli_reads_a_page_without_a_media_box() {
    let mut doc = Document::load_mem(&sample_pdf()).unwrap();
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    doc.get_dictionary_mut(pages).unwrap().remove(b"MediaBox");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-mediabox.pdf");
    doc.save(&file).unwrap();
    let out = assert_cmd::Command::cargo_bin("treatyscan")
        .unwrap()
        .arg("parse")
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.trim().is_empty(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("article 2.1"));
}

/// Says a corpus test was skipped where the user sees it: the test harness
/// captures `println!`, not direct writes to stderr.
fn say_skipped(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {message}");
}

/// A PDF read from inside a run that keeps every thread of rayon's global
/// pool busy waiting for it (as `check` over many files does, and as the
/// corpus-wide tests do) still reads well within its time limit: its pages
/// must not queue behind the very threads that wait for them. Before its
/// pages had a pool of their own, this waited until the other threads gave
/// up, and the PDF ran past its limit (CI: the real PDFs "took longer than
/// 120 s").
#[test]
fn a_pdf_reads_while_every_global_pool_thread_waits_for_it() {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    let bytes = sample_pdf();
    let limits = treatyscan::source::PdfLimits {
        time: Duration::from_secs(10),
        ..Default::default()
    };
    let done = AtomicBool::new(false);
    let threads = rayon::current_num_threads().max(2);
    let outcomes: Vec<Option<Result<usize, String>>> = (0..threads)
        .into_par_iter()
        .map(|i| {
            if i == 0 {
                let read =
                    treatyscan::source::pdf_text_with(Path::new("sample.pdf"), &bytes, &limits);
                done.store(true, Ordering::SeqCst);
                Some(read.map(|t| t.text.len()).map_err(|e| e.to_string()))
            } else {
                // a caller waiting for its own file, not taking other work
                let started = Instant::now();
                while !done.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(20) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                None
            }
        })
        .collect();
    let read = outcomes
        .into_iter()
        .flatten()
        .next()
        .expect("the PDF was read");
    assert!(read.as_ref().is_ok_and(|&n| n > 0), "{read:?}");
}

/// Text drawn at coordinates no real page has (a fuzzed file put glyphs
/// 10¹¹ points apart) is read in moments: the search for a two-column
/// gutter stepped across the text block two points at a time, so such a
/// page took minutes (found by the `pdf` fuzz target).
#[test]
fn a_page_billions_of_points_wide_reads_quickly() {
    use std::time::Duration;
    let mut lines: Vec<Line> = Vec::new();
    for i in 0..12 {
        let y = 760.0 - 14.0 * i as f64;
        lines.push((
            72.0,
            y,
            11.0,
            "Article text on the left of the page, in a column of prose.",
        ));
        lines.push((
            1e11,
            y,
            11.0,
            "Article text far to the right, in a column of prose as well.",
        ));
    }
    let bytes = write_pdf(&[lines]);
    let limits = treatyscan::source::PdfLimits {
        time: Duration::from_secs(20),
        ..Default::default()
    };
    // before the fix this ran into the reader's own time limit
    let read = treatyscan::source::pdf_text_with(Path::new("wide.pdf"), &bytes, &limits);
    assert!(read.is_ok(), "{:?}", read.err());
}

/// Text so far from the origin that a 2-point step no longer moves a
/// coordinate (10¹⁷ points, where doubles are 16 apart) is read too: the
/// gutter search stepped across the text block two points at a time and,
/// there, never moved on, until the reader's time limit gave up on the file.
#[test]
fn a_page_drawn_where_two_points_make_no_difference_reads() {
    use lopdf::Object;
    use std::time::Duration;
    let mut operations = Vec::new();
    for i in 0..12i64 {
        for (x, text) in [
            (
                100_000_000_000_000_000i64,
                "Article text on the left, in a column of prose.",
            ),
            (
                100_000_000_000_000_400,
                "Article text on the right, a column of prose too.",
            ),
        ] {
            operations.extend([
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 11.into()]),
                Operation::new(
                    "Tm",
                    vec![
                        1.into(),
                        0.into(),
                        0.into(),
                        1.into(),
                        Object::Integer(x),
                        (760 - 14 * i).into(),
                    ],
                ),
                Operation::new("Tj", vec![Object::string_literal(text)]),
                Operation::new("ET", vec![]),
            ]);
        }
    }
    let bytes = pdf_writer::write_pdf_pages(vec![Content { operations }]);
    let limits = treatyscan::source::PdfLimits {
        time: Duration::from_secs(20),
        ..Default::default()
    };
    let read = treatyscan::source::pdf_text_with(Path::new("far.pdf"), &bytes, &limits)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(read.text.contains("column of prose"), "{}", read.text);
}

#[test]
fn rcep_annex_4a_schedule_rows_are_not_articles() {
    let Some(path) = shared("corpus/pdf-real/rcep-2020.pdf") else {
        return;
    };
    let a = treatyscan::source::load(&path).expect("RCEP reads");
    // Annex 4A lists, Party by Party, when each customs article applies
    // ("Article 4.13 Trade Facilitation Measures for … 28 February 2022")
    let annex = a
        .walk()
        .find(|p| p.kind == Kind::Annex && p.number.as_deref() == Some("4A"))
        .expect("Annex 4A");
    let rows: Vec<_> = annex
        .walk()
        .filter(|p| p.kind == Kind::Article)
        .filter_map(|p| p.number.clone())
        .collect();
    assert!(rows.is_empty(), "schedule rows read as articles: {rows:?}");
    // the chapter's own Article 4.13 is still there, once
    let count = a
        .articles()
        .filter(|p| p.number.as_deref() == Some("4.13"))
        .count();
    assert_eq!(count, 1);
}

#[test]
fn word_processor_pdfs_name_the_parties_of_their_tota_record() {
    // a PDF has no metadata: its Parties come from its preamble ("The
    // Government of Canada, the Government of …", "Le Gouvernement de la
    // République du Cameroun; …"). Before they were read from declarations,
    // 6 of these 12 PDFs named none, and the preferential-treatment gap was
    // not assessed for them.
    let Some(dir) = shared("corpus/pdf") else {
        return;
    };
    let Some(tota) = shared("corpus/tota") else {
        return;
    };
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    let (mut named, mut listed) = (0, 0);
    for pdf in &pdfs {
        let xml = tota.join(pdf.with_extension("xml").file_name().unwrap());
        let (Ok(a), Ok(record)) = (
            treatyscan::source::load(pdf),
            treatyscan::source::load(&xml),
        ) else {
            continue;
        };
        let found = &a.metadata.parties;
        let want = &record.metadata.parties;
        if want.len() < 2 {
            continue;
        }
        listed += 1;
        if found.is_empty() {
            continue;
        }
        named += 1;
        // the Parties read are the record's (the EU stands for its member
        // states there), but for a signatory the record leaves out (Haiti
        // signed the CARIFORUM agreement; ToTA lists the Parties that apply it)
        let others: Vec<&String> = found
            .iter()
            .filter(|p| !want.contains(p) && *p != "EU")
            .collect();
        assert!(
            others.len() <= 1,
            "{}: {others:?} are not Parties of {want:?} (read {found:?})",
            pdf.display()
        );
    }
    assert!(listed >= 10, "{listed} PDFs with their ToTA record");
    // TPP's preamble names no Party ("The Parties to this Agreement")
    assert!(
        named + 1 >= listed,
        "{named} of {listed} PDFs name their Parties"
    );
}
