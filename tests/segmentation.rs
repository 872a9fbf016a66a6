//! Article segmentation measured on real agreements: every ToTA agreement is
//! rendered as a plain-text treaty in one of several heading styles (more than
//! the shared tool's three), parsed back, and the articles found are compared
//! with ToTA's own (number and heading line). Target: F1 >= 0.98 overall and
//! per language.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use treatyscan::provision::{Agreement, Kind, Provision, SourceFormat};
use treatyscan::text::LocatedText;

struct Expected {
    number: String,
    line: usize,
}

fn keywords(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "es" => ("Artículo", "Capítulo"),
        "fr" => ("Article", "Chapitre"),
        _ => ("Article", "Chapter"),
    }
}

/// Heading lines for one article in style `style`.
fn article_heading(style: usize, kw: &str, number: &str, title: Option<&str>) -> Vec<String> {
    let t = title.unwrap_or("");
    let with_title = |a: String, b: String| if t.is_empty() { a } else { b };
    match style {
        0 => vec![with_title(
            format!("{kw} {number}"),
            format!("{kw} {number}: {t}"),
        )],
        1 => {
            let mut v = vec![format!("{} {number}", kw.to_uppercase()), String::new()];
            if !t.is_empty() {
                v.extend([t.to_string(), String::new()]);
            }
            v
        }
        2 => {
            let mut v = vec![format!("{kw} {number}")];
            if !t.is_empty() {
                v.push(t.to_string());
            }
            v
        }
        3 => vec![with_title(
            format!("Art. {number}"),
            format!("Art. {number} – {t}"),
        )],
        4 => vec![with_title(
            format!("{} {number}", kw.to_uppercase()),
            format!("{} {number} - {}", kw.to_uppercase(), t.to_uppercase()),
        )],
        _ => {
            let mut v = vec![format!("{kw} {number}."), String::new()];
            if !t.is_empty() {
                v.extend([t.to_string(), String::new()]);
            }
            v
        }
    }
}

fn chapter_heading(style: usize, kw: &str, k: usize, name: &str) -> Vec<String> {
    match style % 3 {
        0 => vec![format!("{kw} {k}: {name}"), String::new()],
        1 => vec![
            format!("{} {k}", kw.to_uppercase()),
            String::new(),
            name.to_uppercase(),
            String::new(),
        ],
        _ => vec![format!("{kw} {k}"), name.to_string(), String::new()],
    }
}

fn render(agreement: &Agreement, style: usize) -> (String, Vec<Expected>) {
    let lang = agreement.metadata.language.as_deref().unwrap_or("en");
    let (art_kw, ch_kw) = keywords(lang);
    let mut lines: Vec<String> = vec![
        agreement
            .metadata
            .name
            .clone()
            .unwrap_or_default()
            .to_uppercase(),
        String::new(),
    ];
    let mut expected = Vec::new();
    let mut chapter = 0;
    for top in &agreement.provisions {
        let articles: Vec<&Provision> = if top.kind == Kind::Chapter {
            chapter += 1;
            lines.extend(chapter_heading(
                style,
                ch_kw,
                chapter,
                top.title.as_deref().unwrap_or(""),
            ));
            top.children.iter().collect()
        } else {
            vec![top]
        };
        for a in articles {
            if let (Kind::Article, Some(n)) = (a.kind, &a.number) {
                expected.push(Expected {
                    number: n.clone(),
                    line: lines.len() + 1,
                });
                lines.extend(article_heading(style, art_kw, n, a.title.as_deref()));
            }
            let body = agreement.full_text(a);
            lines.extend(body.lines().map(|l| l.trim().to_string()));
            lines.push(String::new());
        }
    }
    (lines.join("\n") + "\n", expected)
}

fn norm(n: &str) -> String {
    let s: String = n
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_whitespace() || matches!(c, '.' | ':' | '–' | '-') {
                '.'
            } else {
                c
            }
        })
        .collect();
    s.split('.')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

#[test]
fn article_segmentation_on_rendered_tota() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let mut totals: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let files = common::tota_files(&shared);
    for (i, path) in files.iter().enumerate().step_by(common::sample_step()) {
        let agreement = treatyscan::source::load(path).expect("ToTA file loads");
        let style = i % 6;
        let (text, expected) = render(&agreement, style);
        let parsed = treatyscan::structure::parse_text(
            path.display().to_string(),
            SourceFormat::Text,
            LocatedText::plain(text),
        );
        let found: Vec<&Provision> = parsed.articles().collect();
        let matched = common::lcs(&found, &expected, |a, e| {
            a.number.as_deref().map(norm) == Some(norm(&e.number)) && a.line.abs_diff(e.line) <= 1
        });
        let lang = agreement
            .metadata
            .language
            .clone()
            .unwrap_or_else(|| "en".into());
        let t = totals.entry(lang).or_default();
        t[0] += matched;
        t[1] += found.len();
        t[2] += expected.len();
    }
    let mut all = [0usize; 3];
    for (lang, t) in &totals {
        let (p, r, f) = common::f1(t[0], t[1], t[2]);
        println!(
            "segmentation {lang}: precision {p:.4} recall {r:.4} F1 {f:.4} ({} articles)",
            t[2]
        );
        assert!(f >= 0.98, "{lang}: segmentation F1 {f:.4} below 0.98");
        for k in 0..3 {
            all[k] += t[k];
        }
    }
    let (p, r, f) = common::f1(all[0], all[1], all[2]);
    println!("segmentation overall: precision {p:.4} recall {r:.4} F1 {f:.4}");
    assert!(f >= 0.98);
}

/// Word-processor PDFs (running headers, page numbers, hyphenation) against the
/// article lists of their text renderings: F1 >= 0.95 on numbers in order.
#[test]
fn article_segmentation_on_printed_pdfs() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let expected_files = common::expected_article_lists(&shared.join("corpus/pdf"));
    let (mut matched, mut predicted, mut expected) = (0, 0, 0);
    for exp_path in expected_files.iter().step_by(common::sample_step().min(4)) {
        let pdf = PathBuf::from(exp_path.to_string_lossy().replace(".expected.json", ".pdf"));
        let want: Vec<String> = common::expected_article_numbers(exp_path)
            .iter()
            .map(|n| norm(n))
            .collect();
        let agreement = treatyscan::source::load(&pdf).unwrap_or_else(|e| panic!("{e}"));
        let found: Vec<String> = agreement
            .articles()
            .map(|a| norm(a.number.as_deref().unwrap_or("")))
            .collect();
        let m = common::lcs(&found, &want, |a, b| a == b);
        println!(
            "{}: {m} of {} expected, {} found",
            pdf.display(),
            want.len(),
            found.len()
        );
        matched += m;
        predicted += found.len();
        expected += want.len();
    }
    let (p, r, f) = common::f1(matched, predicted, expected);
    println!("PDF segmentation: precision {p:.4} recall {r:.4} F1 {f:.4}");
    assert!(f >= 0.95, "PDF segmentation F1 {f:.4} below 0.95");
}
