//! The human report of one invented draft, reviewed and kept as a snapshot.

use std::path::Path;
use treatyscan::report::{render_human, Style};
use treatyscan::review::{review, ReviewOptions};
use treatyscan::rules::RuleSet;

#[test]
fn human_report_of_english_draft() {
    let rules = RuleSet::builtin().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let agreement = treatyscan::source::load(&root.join("corpus/rules/draft_en.txt")).unwrap();
    let files = [review(
        &rules,
        &agreement,
        "corpus/rules/draft_en.txt",
        &ReviewOptions::default(),
    )];
    insta::assert_snapshot!(render_human(&files, Style::Plain));
}

/// `check --format json` renders each file's entry on the thread that
/// reviewed it: the report put together from those entries is the one
/// serde writes from the files, with none, one or several files, with and
/// without run notes and unreadable files.
#[test]
fn json_report_from_rendered_entries_is_the_serialised_report() {
    use treatyscan::model::FileError;
    use treatyscan::report::{json_file_entry, write_json_run, write_json_run_rendered, Run};
    let rules = RuleSet::builtin().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<_> = [
        "corpus/rules/draft_en.txt",
        "corpus/es-acuerdo-comercio-cultura.txt",
        "tests/fixtures/drafts/chapter-alone-en.txt",
    ]
    .iter()
    .map(|p| {
        let agreement = treatyscan::source::load(&root.join(p)).unwrap();
        review(&rules, &agreement, p, &ReviewOptions::default())
    })
    .collect();
    let notes = ["gaps were computed per file".to_string()];
    let errors = [FileError::new("x.pdf", "x.pdf: encrypted")];
    for n in 0..=files.len() {
        for (notes, errors) in [(&notes[..0], &errors[..0]), (&notes[..], &errors[..])] {
            let run = Run {
                combined: None,
                notes,
                errors,
            };
            let mut serialised = Vec::new();
            write_json_run(&files[..n], &run, &mut serialised).unwrap();
            let entries: Vec<String> = files[..n].iter().map(json_file_entry).collect();
            let mut rendered = Vec::new();
            write_json_run_rendered(&entries, &run, &mut rendered).unwrap();
            assert_eq!(
                String::from_utf8(rendered).unwrap(),
                String::from_utf8(serialised).unwrap(),
                "{n} files, {} notes",
                notes.len()
            );
        }
    }
}
