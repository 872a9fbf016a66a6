//! Parse speed and memory, as ratios to baselines measured in the same run.
//!
//!   cargo bench --bench parse
//!
//! - ToTA XML: all files of ../shared/corpus/tota parsed to provision trees, vs a
//!   bare quick-xml event scan of the same bytes (the floor for any XML reader);
//!   also read to articles only, paragraphs deferred, as `check` reads them.
//! - Plain text: the article texts of the largest agreements laid out as text,
//!   parsed, vs a regex line scan for headings over the same text (what a grep
//!   would do). Target: >= 50 MB/s.
//! - Memory: peak resident set vs the largest input (files are read one by one).

use std::path::PathBuf;
use std::time::Instant;
use treatyscan::provision::SourceFormat;
use treatyscan::text::LocatedText;

fn main() {
    let tota = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/tota");
    if !tota.is_dir() {
        println!("SKIPPED: ../shared/corpus/tota not found");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&tota)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    let inputs: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let total_bytes: usize = inputs.iter().map(|b| b.len()).sum();
    let largest = inputs.iter().map(|b| b.len()).max().unwrap_or(0);

    let scan = best_of(3, || {
        for b in &inputs {
            let mut r = quick_xml::Reader::from_reader(&b[..]);
            let mut buf = Vec::new();
            while !matches!(
                r.read_event_into(&mut buf),
                Ok(quick_xml::events::Event::Eof) | Err(_)
            ) {
                buf.clear();
            }
        }
    });
    let mut articles = 0;
    let parse = best_of(3, || {
        articles = 0;
        for (f, b) in files.iter().zip(&inputs) {
            articles += treatyscan::source::load_bytes(f, b)
                .unwrap()
                .articles()
                .count();
        }
    });
    // what check and corpus do: articles now, paragraphs where a rule asks
    let deferred = best_of(3, || {
        for (f, b) in files.iter().zip(&inputs) {
            let a = treatyscan::source::load_bytes_with(
                f,
                b,
                treatyscan::provision::Paragraphs::Deferred,
            );
            std::hint::black_box(a.unwrap());
        }
    });
    println!(
        "ToTA XML: {} files, {:.1} MB, {articles} articles",
        files.len(),
        total_bytes as f64 / 1e6
    );
    println!(
        "  parse {parse:.3} s ({:.1} MB/s); quick-xml scan {scan:.3} s; ratio {:.2}x",
        mb_per_s(total_bytes, parse),
        parse / scan
    );
    println!(
        "  articles only (paragraphs deferred, as check reads) {deferred:.3} s ({:.1} MB/s); ratio to scan {:.2}x",
        mb_per_s(total_bytes, deferred),
        deferred / scan
    );

    // plain text: the text of every agreement, as the structure parser sees it
    let texts: Vec<String> = files
        .iter()
        .zip(&inputs)
        .map(|(f, b)| as_text(f, b))
        .collect();
    let text_bytes: usize = texts.iter().map(|t| t.len()).sum();
    let heading = regex::Regex::new(
        r"(?mi)^\s*(article|chapter|art[ií]culo|cap[ií]tulo|chapitre|annex|part|section)\s+\S+",
    )
    .unwrap();
    let mut hits = 0;
    let grep = best_of(3, || {
        hits = texts.iter().map(|t| heading.find_iter(t).count()).sum();
    });
    let text_parse = best_of(3, || {
        for t in &texts {
            let a = treatyscan::structure::parse_text(
                String::new(),
                SourceFormat::Text,
                LocatedText::plain(t.clone()),
            );
            std::hint::black_box(a);
        }
    });
    println!(
        "plain text: {:.1} MB, {hits} heading-like lines",
        text_bytes as f64 / 1e6
    );
    println!("  parse {text_parse:.3} s ({:.1} MB/s); regex heading scan {grep:.3} s ({:.1} MB/s); ratio {:.2}x", mb_per_s(text_bytes, text_parse), mb_per_s(text_bytes, grep), text_parse / grep);

    drop(texts);
    drop(inputs);
    if let Some(peak) = peak_rss_kb() {
        println!("memory: peak RSS {:.1} MB (inputs held in memory for timing: {:.1} MB; largest file {:.1} MB)", peak as f64 / 1024.0, total_bytes as f64 / 1e6 * 2.0, largest as f64 / 1e6);
    }
}

fn as_text(f: &std::path::Path, b: &[u8]) -> String {
    let a = treatyscan::source::load_bytes(f, b).unwrap();
    let mut out = String::new();
    for p in a
        .walk()
        .filter(|p| p.kind == treatyscan::provision::Kind::Article)
    {
        out.push_str(&format!("Article {}\n", p.number.as_deref().unwrap_or("")));
        out.push_str(a.full_text(p));
        out.push_str("\n\n");
    }
    out
}

fn best_of(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
