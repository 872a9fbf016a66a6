//! Where `check`'s time goes over a folder of ToTA files, on one thread:
//! reading, parsing, the rules, the rest of the review (negotiation reading,
//! gaps) and the JSON report, each the best of `ROUNDS` rounds.
//!
//!   cargo run --release --example phases -- ../shared/corpus/tota [ROUNDS]
use std::time::{Duration, Instant};
use treatyscan::review::{review, ReviewOptions};
use treatyscan::rules::RuleSet;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder of ToTA XML files");
    let rounds: usize = std::env::args()
        .nth(2)
        .map_or(5, |r| r.parse().expect("a number of rounds"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("a readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    let t = Instant::now();
    let rules = RuleSet::builtin().expect("built-in rules");
    let compile = t.elapsed();
    let options = ReviewOptions::default();
    let read_options = treatyscan::source::ReadOptions::deferred();
    let mut best = [Duration::MAX; 5];
    let mut neg = Duration::ZERO;
    for _ in 0..rounds {
        let mut round = [Duration::ZERO; 5];
        for f in &files {
            let t = Instant::now();
            let bytes = std::fs::read(f).expect("readable file");
            round[0] += t.elapsed();
            let t = Instant::now();
            let a = treatyscan::source::load_bytes_opts(f, &bytes, read_options)
                .expect("a ToTA agreement");
            round[1] += t.elapsed();
            let t = Instant::now();
            let r = review(&rules, &a, "x", &options);
            round[3] += t.elapsed();
            let t = Instant::now();
            let findings = rules.check(&a);
            round[2] += t.elapsed();
            assert_eq!(r.findings.len(), findings.len());
            let t = Instant::now();
            let n = treatyscan::text::brackets::Negotiation::read(&a.text.text, &[]);
            std::hint::black_box(&n);
            neg += t.elapsed();
            let t = Instant::now();
            let mut out = Vec::new();
            let run = treatyscan::report::Run {
                combined: None,
                notes: &[],
                errors: &[],
            };
            treatyscan::report::write_json_run(&[r], &run, &mut out).expect("JSON");
            round[4] += t.elapsed();
        }
        for (b, r) in best.iter_mut().zip(round) {
            *b = (*b).min(r);
        }
    }
    eprintln!("negotiation reading {:?}", neg / rounds as u32);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} files: compile {:.1} ms; best of {rounds}: read {:.1}, load {:.1}, review (rules, negotiation, gaps) {:.1}, rules again {:.1}, json {:.1} ms",
        files.len(),
        ms(compile),
        ms(best[0]),
        ms(best[1]),
        ms(best[3]),
        ms(best[2]),
        ms(best[4])
    );
}
