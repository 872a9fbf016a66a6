//! The human report of one invented draft, reviewed and kept as a snapshot.

use std::path::Path;
use treatyscan::findings::FileFindings;
use treatyscan::report::{render_human, Style};
use treatyscan::rules::RuleSet;

#[test]
fn human_report_of_english_draft() {
    let rules = RuleSet::builtin().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let agreement = treatyscan::source::load(&root.join("corpus/rules/draft_en.txt")).unwrap();
    let files = [FileFindings {
        path: "corpus/rules/draft_en.txt".into(),
        agreement: agreement.metadata.clone(),
        findings: rules.check(&agreement),
    }];
    insta::assert_snapshot!(render_human(&files, &rules, Style::Plain));
}
