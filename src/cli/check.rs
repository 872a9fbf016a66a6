use super::exit;
use crate::findings::{apply_baseline, baseline_fingerprints, review, FileFindings, ReviewOptions};
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
    /// Agreement files: plain text, Markdown, HTML, Word .docx, PDF or ToTA XML.
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
    /// Treat this Party (ISO 3166 alpha-3 code or name) as a developing country.
    #[arg(long = "developing", value_name = "PARTY")]
    developing: Vec<String>,
    /// A previous `check --format json` output: report only what is new since.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Exit 0 even when there are findings (input errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Word drafts with tracked changes read as proposed (changes accepted)
    /// or as they stood before the changes.
    #[arg(long, value_enum, default_value = "proposed")]
    revisions: super::RevisionsArg,
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
    let known = match &args.baseline {
        Some(path) => Some(read_baseline(path)?),
        None => None,
    };
    let options = ReviewOptions {
        categories: args.categories.clone(),
        developing: args.developing.clone(),
    };
    let results: Vec<Result<FileFindings, String>> = args
        .files
        .par_iter()
        .map(|path| check_file(&rules, path, &options, args.revisions.into()))
        .collect();
    let mut files = Vec::new();
    let mut failures = 0;
    let mut known_count = 0;
    for result in results {
        match result {
            Ok(mut f) => {
                if let Some(known) = &known {
                    known_count += apply_baseline(&mut f, known);
                }
                files.push(f)
            }
            Err(e) => {
                eprintln!("error: {e}");
                failures += 1;
            }
        }
    }
    if known.is_some() {
        eprintln!("{known_count} finding(s) already in the baseline not shown");
    }
    let mut stdout = std::io::stdout().lock();
    match args.format {
        Format::Human => stdout
            .write_all(report::render_human(&files, &rules, report::Style::detect()).as_bytes())?,
        Format::Json => {
            let mut out = std::io::BufWriter::new(&mut stdout);
            report::write_json(&files, &mut out)?;
            out.flush()?
        }
        Format::Sarif => stdout.write_all(report::render_sarif(&files, &rules).as_bytes())?,
        Format::Csv => stdout.write_all(report::render_csv(&files).as_bytes())?,
    }
    let code = exit_code(&files, failures, args.fail_on);
    Ok(if args.exit_zero && code == exit::FINDINGS {
        exit::CLEAN
    } else {
        code
    })
}

fn check_file(
    rules: &RuleSet,
    path: &Path,
    options: &ReviewOptions,
    revisions: crate::source::Revisions,
) -> Result<FileFindings, String> {
    let read = crate::source::ReadOptions {
        paragraphs: crate::provision::Paragraphs::Deferred,
        revisions,
    };
    let agreement = crate::source::load_opts(path, read).map_err(|e| e.to_string())?;
    Ok(review(
        rules,
        &agreement,
        &path.display().to_string(),
        options,
    ))
}

fn read_baseline(path: &Path) -> anyhow::Result<std::collections::HashSet<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read baseline: {e}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}: not a `check --format json` output: {e}",
            path.display()
        )
    })?;
    if !json["files"].is_array() {
        anyhow::bail!(
            "{}: not a `check --format json` output (no \"files\")",
            path.display()
        );
    }
    Ok(baseline_fingerprints(&json))
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
    // a gap is a warning: a missing protection, not an error in the text
    let failing = fail_on.threshold().is_some_and(|t| {
        files.iter().any(|file| {
            file.findings.iter().any(|f| f.severity >= t)
                || (!file.gaps.is_empty() && Severity::Warning >= t)
        })
    });
    if failing {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}
