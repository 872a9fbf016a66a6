//! The fuzz targets run once over their seeds and a few hostile inputs, so
//! that they keep building and their checks keep holding between fuzzing
//! runs (`fuzz/run.sh`). Inputs a fuzzer found faults with belong here.

#[path = "../examples/fuzz_loop/targets.rs"]
mod targets;

use std::path::Path;

fn files(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    walk(&root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Inputs of the kinds that break readers: empty, NULs, cut characters,
/// UTF-16 without a byte-order mark, deep or unclosed XML, lone headings.
fn hostile() -> Vec<Vec<u8>> {
    let utf16: Vec<u8> = "Article 1\nThe cultural industries «œuvres»."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    vec![
        Vec::new(),
        vec![0; 64],
        b"Article 1\n\xC3".to_vec(),
        "Article 1 …\nThis Chapter does not apply to audiovisual services …".into(),
        utf16,
        format!(
            "<?xml version=\"1.0\"?><treaty><body>{}<article>é</article>",
            "<chapter>".repeat(10_000)
        )
        .into_bytes(),
        b"<?xml version=\"1.0\"?><treaty><body><chapter><article>Article 1\n(a)\n(i)\n1.".to_vec(),
        "CHAPTER 1\nArticle 1\n\nArticle 1\nARTICLE 1\n(a)\n[1]\n1/\nIN WITNESS WHEREOF".into(),
        b"[[rule]]\ncode = \"\xC3\x89\xC3\x8901\"".to_vec(),
        "[[rule]]\ncode = \"ÉÉ01\"\ncategory = \"cultural_exception\"".into(),
    ]
}

/// Runs target `name` (as `fuzz/run.sh` names it) on every input.
fn run<'a>(name: &str, inputs: impl IntoIterator<Item = &'a Vec<u8>>) {
    let (_, target): &(&str, targets::Target) = targets::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a target of that name");
    for input in inputs {
        target(input);
    }
}

#[test]
fn the_text_target_holds_on_its_seeds_and_hostile_input() {
    run("structure", files("corpus", "txt").iter().chain(&hostile()));
}

#[test]
fn the_tota_target_holds_on_its_seeds_and_hostile_input() {
    run("tota", files("fuzz/seeds", "xml").iter().chain(&hostile()));
}

#[test]
fn the_rules_target_holds_on_the_rule_files_and_hostile_input() {
    let rules = files("rules", "toml");
    assert!(rules.len() > 5);
    run("rules", rules.iter().chain(&hostile()));
}
