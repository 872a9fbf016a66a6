use super::exit;
use crate::findings::FileFindings;
use crate::report;
use crate::rules::{RuleSet, Severity, CATEGORIES};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(
    after_help = "Exit codes: 0 no finding at or above --fail-on; 1 findings; \
2 usage error, bad rule file or no readable input; 3 some inputs unreadable.\n\
Rules: `treatyscan rules`, `treatyscan rules explain CODE`; guide: docs/check.md."
)]
pub struct Args {
    /// Agreement files: plain text, PDF or ToTA XML.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Only these categories (repeat or separate with commas).
    #[arg(long = "category", value_delimiter = ',')]
    categories: Vec<String>,
    /// Exit 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value = "info")]
    fail_on: FailOn,
    /// Use the rules of this directory instead of the built-in ones.
    #[arg(long)]
    rules: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Csv,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}

/// The rule set a command uses: `--rules DIR`, or the built-in one.
pub fn rule_set(dir: Option<&Path>) -> anyhow::Result<RuleSet> {
    Ok(match dir {
        Some(dir) => RuleSet::load_dir(dir)?,
        None => RuleSet::builtin()?,
    })
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    if let Some(bad) = args
        .categories
        .iter()
        .find(|c| !CATEGORIES.contains(&c.as_str()))
    {
        anyhow::bail!(
            "unknown category `{bad}` (categories: {})",
            CATEGORIES.join(", ")
        );
    }
    let rules = rule_set(args.rules.as_deref())?;
    let results: Vec<Result<FileFindings, String>> = args
        .files
        .par_iter()
        .map(|path| check_file(&rules, path, &args.categories))
        .collect();
    let mut files = Vec::new();
    let mut failures = 0;
    for result in results {
        match result {
            Ok(f) => files.push(f),
            Err(e) => {
                eprintln!("error: {e}");
                failures += 1;
            }
        }
    }
    let out = match args.format {
        Format::Human => report::render_human(&files, &rules, report::Style::detect()),
        Format::Json => report::render_json(&files),
        Format::Sarif => report::render_sarif(&files, &rules),
        Format::Csv => report::render_csv(&files),
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(exit_code(&files, failures, args.fail_on))
}

fn check_file(rules: &RuleSet, path: &Path, categories: &[String]) -> Result<FileFindings, String> {
    let agreement = crate::source::load(path).map_err(|e| e.to_string())?;
    let mut findings = rules.check(&agreement);
    if !categories.is_empty() {
        findings.retain(|f| categories.contains(&f.category));
    }
    Ok(FileFindings {
        path: path.display().to_string(),
        agreement: agreement.metadata,
        findings,
    })
}

/// 2 when no file could be read; 3 when some could not; else 1 or 0 by `--fail-on`.
fn exit_code(files: &[FileFindings], failures: usize, fail_on: FailOn) -> u8 {
    if failures > 0 {
        return if files.is_empty() {
            exit::ERROR
        } else {
            exit::PARTIAL
        };
    }
    let failing = fail_on.threshold().is_some_and(|t| {
        files
            .iter()
            .flat_map(|f| &f.findings)
            .any(|f| f.severity >= t)
    });
    if failing {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}
