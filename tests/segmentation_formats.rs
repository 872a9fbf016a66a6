//! Article segmentation measured through the Word and HTML readers: the
//! word-processor originals of the shared PDFs (`corpus/pdf/*.docx`) against
//! their article lists, and ToTA agreements rendered here as web pages (three
//! layouts: headings, official-journal classes, `<br>`-wrapped legacy pages),
//! as Word documents whose article numbers come from list numbering (three
//! schemes), and as plain text whose headings run into the text (three
//! layouts, with their findings). Target: F1 >= 0.97 for each.

mod common;
#[path = "support/docx_writer.rs"]
mod docx_writer;

use docx_writer::{esc, Docx};
use std::path::{Path, PathBuf};
use treatyscan::provision::{Agreement, Kind, Provision};

fn norm(n: &str) -> String {
    n.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '–' | '-'))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

/// Matched, predicted, expected: article numbers in order (LCS).
fn score(found: &Agreement, want: &[String]) -> [usize; 3] {
    let got: Vec<String> = found
        .articles()
        .map(|a| norm(a.number.as_deref().unwrap_or("")))
        .collect();
    let want: Vec<String> = want.iter().map(|w| norm(w)).collect();
    [
        common::lcs(&got, &want, |a, b| a == b),
        got.len(),
        want.len(),
    ]
}

fn report(what: &str, t: [usize; 3]) -> f64 {
    let (p, r, f) = common::f1(t[0], t[1], t[2]);
    println!(
        "{what}: precision {p:.4} recall {r:.4} F1 {f:.4} ({} articles)",
        t[2]
    );
    f
}

fn add(total: &mut [usize; 3], t: [usize; 3]) {
    for k in 0..3 {
        total[k] += t[k];
    }
}

#[test]
fn article_segmentation_on_word_originals() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut total = [0; 3];
    for exp_path in common::expected_article_lists(&shared.join("corpus/pdf")) {
        let docx = PathBuf::from(
            exp_path
                .to_string_lossy()
                .replace(".expected.json", ".docx"),
        );
        let want = common::expected_article_numbers(&exp_path);
        let a = treatyscan::source::load(&docx).unwrap_or_else(|e| panic!("{e}"));
        let t = score(&a, &want);
        println!(
            "{}: {} of {} expected, {} found",
            docx.display(),
            t[0],
            t[2],
            t[1]
        );
        add(&mut total, t);
    }
    let f = report("DOCX (word-processor originals)", total);
    assert!(f >= 0.97, "DOCX segmentation F1 {f:.4} below 0.97");
}

/// (chapter number and title, articles) of a ToTA agreement, in order.
type Outline<'a> = Vec<(Option<String>, Vec<&'a Provision>)>;

fn outline(a: &Agreement) -> Outline<'_> {
    let mut out: Outline = Vec::new();
    for top in &a.provisions {
        if top.kind == Kind::Chapter {
            out.push((top.title.clone(), top.children.iter().collect()));
        } else {
            out.push((None, vec![top]));
        }
    }
    out
}

fn body_lines<'a>(a: &'a Agreement, p: &'a Provision) -> impl Iterator<Item = &'a str> {
    a.full_text(p)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// A ToTA agreement as a web page in layout `style`; the article numbers expected.
fn render_html(a: &Agreement, style: usize) -> (String, Vec<String>) {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html><head><title>Agreement</title></head><body>\n\
         <nav class=\"main-nav\"><a href=\"/\">Home</a> | <a href=\"/agreements\">Agreements</a></nav>\n\
         <div id=\"content\">\n",
    );
    let mut want = Vec::new();
    let mut chapter = 0;
    for (title, articles) in outline(a) {
        if let Some(t) = title {
            chapter += 1;
            let t = esc(&t);
            html.push_str(&match style {
                0 => format!("<h2>Chapter {chapter}</h2>\n<h2>{t}</h2>\n"),
                1 => format!("<p class=\"ti-section-1\">CHAPTER {chapter}</p>\n<p class=\"ti-section-2\">{}</p>\n", t.to_uppercase()),
                _ => format!("CHAPTER {chapter}<br>\n{}<br>\n<br>\n", t.to_uppercase()),
            });
        }
        for art in articles {
            if let (Kind::Article, Some(n)) = (art.kind, &art.number) {
                want.push(n.clone());
                let t = esc(art.title.as_deref().unwrap_or(""));
                let n = esc(n);
                html.push_str(&match (style, t.is_empty()) {
                    (0, true) => format!("<h3>Article {n}</h3>\n"),
                    (0, false) => format!("<h3>Article {n}: {t}</h3>\n"),
                    (1, _) => format!(
                        "<p class=\"ti-art\">Article {n}</p>\n<p class=\"sti-art\">{t}</p>\n"
                    ),
                    (_, _) => format!("<br>\nArticle {n}<br>\n{t}<br>\n<br>\n"),
                });
            }
            for line in body_lines(a, art) {
                let line = esc(line);
                if style == 2 {
                    html.push_str(&format!("{line}<br>\n"));
                } else {
                    html.push_str(&format!("<p class=\"normal\">{line}</p>\n"));
                }
            }
            if style == 2 {
                html.push_str("<br>\n");
            }
        }
    }
    html.push_str("</div>\n<footer>Date modified: 2026-01-01</footer>\n</body></html>\n");
    (html, want)
}

/// A ToTA agreement as a Word document whose chapter and article numbers
/// Word draws from its list numbering (scheme `style`): "Article 3.2:" with
/// the chapter's number; "Article 12" counting on across chapters; "ARTICLE
/// XII" in roman with the title on the next paragraph. Articles are
/// renumbered by the list, as a drafter's template does.
fn render_docx(a: &Agreement, style: usize) -> (Vec<u8>, Vec<String>) {
    let numbering = format!(
        "{}{}",
        match style {
            0 =>
                r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Chapter %1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1.%2:"/><w:suff w:val="space"/></w:lvl></w:abstractNum>"#,
            1 =>
                r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="CHAPTER %1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %2"/><w:lvlRestart w:val="0"/></w:lvl></w:abstractNum>"#,
            _ =>
                r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="PART %1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="ARTICLE %2"/><w:lvlRestart w:val="0"/></w:lvl></w:abstractNum>"#,
        },
        r#"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
    );
    let styles = r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
    let mut body = String::new();
    let mut want = Vec::new();
    let (mut chapter, mut article) = (0, 0);
    for (title, articles) in outline(a) {
        if let Some(t) = title {
            chapter += 1;
            if style == 0 {
                article = 0;
            }
            body.push_str(&docx_writer::styled("Heading1", ""));
            body.push_str(&docx_writer::p(&t.to_uppercase()));
        }
        for art in articles {
            if let (Kind::Article, Some(_)) = (art.kind, &art.number) {
                article += 1;
                want.push(match style {
                    0 => format!("{}.{article}", chapter.max(1)),
                    1 => article.to_string(),
                    _ => treatyscan::source::word_list_number(article as i64, "upperRoman"),
                });
                let t = art.title.as_deref().unwrap_or("");
                if style == 0 {
                    body.push_str(&docx_writer::styled("Heading2", t));
                } else {
                    body.push_str(&docx_writer::styled("Heading2", ""));
                    if !t.is_empty() {
                        body.push_str(&docx_writer::p(t));
                    }
                }
            }
            for line in body_lines(a, art) {
                body.push_str(&docx_writer::p(line));
            }
        }
    }
    let docx = Docx {
        body,
        numbering: Some(numbering),
        styles: Some(styles.into()),
        ..Docx::default()
    };
    (docx.to_bytes(), want)
}

/// A ToTA agreement as plain text whose headings run into the text, in
/// layout `style`: the article's first line after its title ("Article 3:
/// Scope This Chapter applies …"); the same in capitals ("ARTICLE 3: SCOPE
/// This Chapter …"); and each chapter on one line, as a web page saved
/// without its line breaks. The article numbers expected.
fn render_run_in(a: &Agreement, style: usize) -> (Vec<u8>, Vec<String>) {
    let mut text = String::from("AGREEMENT\n\n");
    let mut want = Vec::new();
    let mut chapter = 0;
    let end_of_line = if style == 2 { " " } else { "\n" };
    for (title, articles) in outline(a) {
        if let Some(t) = title {
            chapter += 1;
            text.push_str(&format!(
                "\nCHAPTER {chapter}: {}{end_of_line}",
                t.to_uppercase()
            ));
        }
        for art in articles {
            let mut lines = body_lines(a, art);
            if let (Kind::Article, Some(n)) = (art.kind, &art.number) {
                want.push(n.clone());
                let t = art.title.as_deref().unwrap_or("");
                let heading = match style {
                    1 => format!("ARTICLE {n}: {}", t.to_uppercase()),
                    _ if t.is_empty() => format!("Article {n}"),
                    _ => format!("Article {n}: {t}"),
                };
                text.push_str(&heading);
                text.push(' ');
                text.push_str(lines.next().unwrap_or(""));
                text.push_str(end_of_line);
            }
            for line in lines {
                text.push_str(line);
                text.push_str(end_of_line);
            }
        }
        if style == 2 {
            text.push('\n');
        }
    }
    (text.into_bytes(), want)
}

/// The ToTA files measured (every one in release builds), numbered in the
/// sample so that layouts take turns.
fn sampled_tota(shared: &Path) -> Vec<(usize, PathBuf)> {
    common::tota_files(shared)
        .into_iter()
        .step_by(common::sample_step())
        .enumerate()
        .collect()
}

/// Renders every sampled ToTA agreement with `render` in three layouts
/// taking turns, reads it back as a file named `*.{ext}`, and returns F1.
fn measure_rendered(
    what: &str,
    ext: &str,
    render: impl Fn(&Agreement, usize) -> (Vec<u8>, Vec<String>),
) -> Option<f64> {
    let shared = common::shared_dir()?;
    let mut total = [0; 3];
    let mut by_layout = [[0; 3]; 3];
    for (i, path) in sampled_tota(&shared) {
        let a = treatyscan::source::load(&path).unwrap();
        let layout = i % 3;
        let (bytes, want) = render(&a, layout);
        let name = path.with_extension(ext);
        let parsed =
            treatyscan::source::load_bytes(&name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let t = score(&parsed, &want);
        add(&mut total, t);
        add(&mut by_layout[layout], t);
    }
    for (l, t) in by_layout.iter().enumerate() {
        report(&format!("{what}, layout {l}"), *t);
    }
    Some(report(what, total))
}

#[test]
fn article_segmentation_on_tota_rendered_as_web_pages() {
    let render = |a: &Agreement, layout| {
        let (html, want) = render_html(a, layout);
        (html.into_bytes(), want)
    };
    if let Some(f) = measure_rendered("HTML (ToTA rendered as web pages)", "html", render) {
        assert!(f >= 0.97, "HTML segmentation F1 {f:.4} below 0.97");
    }
}

#[test]
fn article_segmentation_on_tota_rendered_with_word_list_numbering() {
    let what = "DOCX (ToTA with Word list numbering)";
    if let Some(f) = measure_rendered(what, "docx", render_docx) {
        assert!(
            f >= 0.97,
            "DOCX list-numbering segmentation F1 {f:.4} below 0.97"
        );
    }
}

#[test]
fn article_segmentation_on_tota_rendered_with_headings_run_into_the_text() {
    let what = "TXT (ToTA with headings run into the text)";
    if let Some(f) = measure_rendered(what, "txt", render_run_in) {
        assert!(
            f >= 0.97,
            "run-in heading segmentation F1 {f:.4} below 0.97"
        );
    }
}

/// (article number, category) of every finding on an article.
fn article_findings(rules: &treatyscan::rules::RuleSet, a: &Agreement) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = rules
        .check(a)
        .into_iter()
        .filter(|f| f.provision.kind == Kind::Article)
        .map(|f| {
            (
                norm(f.provision.number.as_deref().unwrap_or("")),
                f.category.to_string(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The findings of ToTA agreements survive their headings running into the
/// text (the three layouts of `render_run_in`): each article's categories,
/// found on the rendered text as on the ToTA original. A heading read as one
/// line with its text left the article without text, and its findings were
/// lost with no warning.
#[test]
fn findings_survive_headings_run_into_the_text() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    let mut by_layout = [[0usize; 3]; 3];
    for (i, path) in sampled_tota(&shared) {
        let a = treatyscan::source::load(&path).unwrap();
        let want = article_findings(&rules, &a);
        if want.is_empty() {
            continue;
        }
        let layout = i % 3;
        let (bytes, _) = render_run_in(&a, layout);
        let parsed = treatyscan::source::load_bytes(&path.with_extension("txt"), &bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        let got = article_findings(&rules, &parsed);
        let matched = want.iter().filter(|w| got.contains(w)).count();
        add(&mut by_layout[layout], [matched, got.len(), want.len()]);
    }
    let mut total = [0; 3];
    for (l, t) in by_layout.iter().enumerate() {
        let (p, r, f) = common::f1(t[0], t[1], t[2]);
        println!("findings with headings run in, layout {l}: precision {p:.4} recall {r:.4} F1 {f:.4} ({} article findings)", t[2]);
        add(&mut total, *t);
    }
    let (p, r, f) = common::f1(total[0], total[1], total[2]);
    println!("findings with headings run in: precision {p:.4} recall {r:.4} F1 {f:.4}");
    assert!(
        r >= 0.95,
        "findings recall {r:.4} below 0.95 with headings run into the text"
    );
}
