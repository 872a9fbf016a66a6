//! A fuzz loop on stable Rust, for machines without a nightly toolchain (where
//! `fuzz/`, through libFuzzer, cannot be built): seed files are mutated at
//! random (bit flips, bytes and structure tokens inserted, ranges deleted,
//! duplicated or spliced from another seed) and fed to one target of
//! `targets.rs` for a set time. No coverage guidance: it finds the shallow
//! faults, libFuzzer the deep ones.
//!
//! `cargo run --release --example fuzz_loop -- TARGET SECONDS SEED...`
//! (SEED: files or folders). A panic saves its input under
//! `fuzz/artifacts/TARGET/` and the loop goes on; an input that runs over
//! 10 s is saved as a hang and ends the run. Prints executions and crashes;
//! exits 1 when it found any.

mod targets;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Words the parsers branch on, inserted whole so that mutations reach past
/// the first checks.
const TOKENS: &[&str] = &[
    "Article ",
    "ARTICLE 1",
    "Chapter ",
    "CHAPTER II",
    "Section A",
    "PART I",
    "Annex 1",
    "Artículo 1-01",
    "CAPÍTULO 3",
    "Article premier",
    "Article 1er",
    "PREAMBLE",
    "IN WITNESS WHEREOF",
    "(a) ",
    "(i) ",
    "1. ",
    "[1] ",
    "1/ ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\x0c",
    "\t",
    " ",
    "\u{a0}",
    "\u{feff}",
    "\u{2028}",
    "\0",
    "…",
    "é",
    "ﬁ",
    "Œ",
    "ß",
    "İ",
    "日本",
    "«",
    "»",
    "–",
    "\u{301}",
    "cultural industries",
    "audiovisual",
    "does not apply to",
    "electronic transmissions",
    "UNESCO Convention on the Protection and Promotion of the Diversity of Cultural Expressions",
    "<?xml version=\"1.0\"?>",
    "<treaty>",
    "</treaty>",
    "<meta>",
    "</meta>",
    "<body>",
    "</body>",
    "<chapter chapter_identifier=\"1\" name=\"Chapter 1\">",
    "</chapter>",
    "<article article_identifier=\"2\">",
    "</article>",
    "<name>",
    "</name>",
    "<language>es</language>",
    "&amp;",
    "&#xE9;",
    "&#0;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<!DOCTYPE x>",
    "[[rule]]",
    "code = \"CUL001\"",
    "category = \"cultural_exception\"",
    "any = [\"",
    "\"]",
    "{unesco}",
    "(?:",
    ")",
    "\\b",
    ".{0,60}",
    "[^.]",
    "within = \"paragraph\"",
    "scope = [\"",
    "severity = \"warning\"",
    "guideline = [\"19.4\"]",
    "languages = [\"en\"]",
    "\"\"\"",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(8) {
        let len = input.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(64)).min(len);
                input.drain(at..end);
            }
            4 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(256)).min(len);
                let copy = input[at..end].to_vec();
                let to = rng.below(len + 1);
                for _ in 0..1 + rng.below(3) {
                    input.splice(to..to, copy.iter().copied());
                }
            }
            5 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let at = rng.below(other.len());
                    let end = (at + 1 + rng.below(1024)).min(other.len());
                    let to = rng.below(len + 1);
                    input.splice(to..to, other[at..end].iter().copied());
                }
            }
            6 if len > 0 => input.truncate(rng.below(len)),
            7 => {
                let at = rng.below(len + 1);
                let byte = [
                    b'0', b'9', b'.', b'(', b')', b'<', b'>', b'"', 0xC3, 0xE2, 0x80, 0xFF,
                ][rng.below(12)];
                input.insert(at, byte);
            }
            _ => {}
        }
    }
    input.truncate(256 * 1024);
}

fn seed_files(args: &[String]) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            if let Ok(entries) = std::fs::read_dir(p) {
                paths.extend(
                    entries
                        .filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|p| p.is_file()),
                );
            }
        } else {
            paths.push(p.to_path_buf());
        }
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|mut b| {
            b.truncate(256 * 1024);
            b
        })
        .collect()
}

fn save(dir: &Path, kind: &str, input: &[u8]) -> PathBuf {
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = dir.join(format!("{kind}-{hash:016x}"));
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(&path, input);
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: fuzz_loop TARGET SECONDS SEED... (targets: structure, tota, rules)";
    let (Some(name), Some(seconds)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<f64>().ok()),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let Some(&(_, target)) = targets::TARGETS.iter().find(|(n, _)| n == name) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let seeds = seed_files(&args[2..]);
    if seeds.is_empty() {
        eprintln!("fuzz_loop: no seed files in {:?}", &args[2..]);
        std::process::exit(2);
    }
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/artifacts")
        .join(name);
    // panics are the findings: caught and counted, not printed one by one
    let quiet = Arc::new(AtomicBool::new(true));
    let hook_quiet = quiet.clone();
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !hook_quiet.load(Ordering::Relaxed) {
            default(info);
        }
    }));
    // a watchdog: an input running past 10 s is a hang
    let current: Arc<Mutex<Vec<u8>>> = Arc::default();
    let started_at = Arc::new(AtomicU64::new(0));
    let clock = Instant::now();
    {
        let (current, started_at, artifacts) =
            (current.clone(), started_at.clone(), artifacts.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let at = started_at.load(Ordering::Relaxed);
            if at > 0 && clock.elapsed().as_millis() as u64 - at > 10_000 {
                let input = current.lock().map(|c| c.clone()).unwrap_or_default();
                let path = save(&artifacts, "hang", &input);
                eprintln!("hang: an input ran over 10 s, saved as {}", path.display());
                std::process::exit(1);
            }
        });
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ std::process::id() as u64);
    let deadline = clock + Duration::from_secs_f64(seconds);
    let (mut executions, mut crashes) = (0u64, 0u64);
    let mut pool = seeds.clone();
    while Instant::now() < deadline {
        let mut input = pool[rng.below(pool.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        if let Ok(mut c) = current.lock() {
            c.clone_from(&input);
        }
        started_at.store(clock.elapsed().as_millis().max(1) as u64, Ordering::Relaxed);
        let outcome = std::panic::catch_unwind(|| target(&input));
        started_at.store(0, Ordering::Relaxed);
        executions += 1;
        if let Err(payload) = outcome {
            crashes += 1;
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let path = save(&artifacts, "crash", &input);
            eprintln!(
                "crash: {} ({})",
                path.display(),
                message.lines().next().unwrap_or("")
            );
        } else if pool.len() < 4096 && rng.below(16) == 0 {
            // keep some mutants as starting points: mutations pile up
            pool.push(input);
        }
    }
    quiet.store(false, Ordering::Relaxed);
    println!("{name}: {executions} executions in {seconds} s, {crashes} crashes");
    std::process::exit(i32::from(crashes > 0));
}
