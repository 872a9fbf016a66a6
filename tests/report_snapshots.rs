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
