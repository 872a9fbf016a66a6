use super::exit;
use crate::corpus::{self, Coding, ProvisionRef};
use crate::model::FileFindings;
use crate::review::{review, ReviewOptions};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  treatyscan corpus corpus
  treatyscan corpus --format jsonl --out matrix.jsonl corpus
  treatyscan corpus --format table --glob '*.txt' corpus

Exit codes: 0 every file coded; 3 some could not be; 2 none could be, or the folder or
--out is unusable. Guide: docs/corpus.md.")]
pub struct Args {
    /// Folder of agreements (text, Markdown, HTML, Word .docx, PDF, ToTA XML), walked recursively.
    dir: PathBuf,
    /// Only files whose path (relative to DIR) or name matches, e.g. `pta_4*.xml`.
    #[arg(long)]
    glob: Option<String>,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// Write here instead of standard output (`-`: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Spread over time: instead of the matrix, a table by period signed (in --format:
    /// csv, jsonl or table) and an SVG chart of it (see --plot).
    #[arg(long)]
    by_year: bool,
    /// With --by-year: years per period (1 for one row per year); periods of fewer than 5
    /// agreements are merged into the next.
    #[arg(long, value_name = "YEARS", default_value_t = 5, value_parser = clap::value_parser!(i32).range(1..=50))]
    period: i32,
    /// Where --by-year draws its chart (default: beside --out, or by-year.svg).
    #[arg(long)]
    plot: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Treat this Party (ISO 3166 alpha-3 code or name) as a developing country.
    #[arg(long = "developing", value_name = "PARTY")]
    developing: Vec<String>,
    /// Use the rules of this directory instead of the built-in ones.
    #[arg(long)]
    rules: Option<PathBuf>,
    #[command(flatten)]
    timeout: super::Timeout,
    #[command(flatten)]
    lang: super::LangArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Csv,
    Jsonl,
    Table,
}

/// How many files left out for one reason are named one per line; more are
/// summed up in one line (a corpus folder with an answer file beside each
/// agreement would otherwise print one line per agreement).
const SKIPPED_ONE_BY_ONE: usize = 3;

/// How many of the agreements `--by-year` leaves out (undated) are named.
const UNDATED_NAMED: usize = 5;

/// The lines that tell which files were left out and why: one per file, or,
/// for a reason shared by more than `SKIPPED_ONE_BY_ONE` files, one line
/// with their count and the first names ("skipped 12 files: unsupported
/// extension .json (a.json, b.json, c.json and 9 more)"). Reasons keep the
/// order in which they first occur.
fn skipped_lines(
    skipped: &[(std::path::PathBuf, corpus::Skip)],
    locale: &crate::locale::Locale,
) -> Vec<String> {
    let mut reasons: Vec<(String, Vec<&std::path::Path>)> = Vec::new();
    for (path, skip) in skipped {
        let reason = skip.message(locale);
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, paths)) => paths.push(path),
            None => reasons.push((reason, vec![path])),
        }
    }
    let mut lines = Vec::new();
    for (reason, paths) in reasons {
        if paths.len() <= SKIPPED_ONE_BY_ONE {
            lines.extend(paths.iter().map(|p| {
                locale.tr(
                    "corpus-skipped",
                    &[
                        ("file", p.display().to_string().into()),
                        ("reason", reason.clone().into()),
                    ],
                )
            }));
            continue;
        }
        let names: Vec<String> = paths
            .iter()
            .take(SKIPPED_ONE_BY_ONE)
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect();
        let folder = paths[0]
            .parent()
            .filter(|f| paths.iter().all(|p| p.parent() == Some(f)));
        let mut args: Vec<(&str, crate::locale::Value)> = vec![
            ("count", paths.len().into()),
            ("reason", reason.clone().into()),
            ("names", names.join(", ").into()),
            ("more", (paths.len() - SKIPPED_ONE_BY_ONE).into()),
        ];
        let id = match folder {
            Some(f) => {
                args.push(("folder", f.display().to_string().into()));
                "corpus-skipped-many-in"
            }
            None => "corpus-skipped-many",
        };
        lines.push(locale.tr(id, &args));
    }
    lines
}

/// `treatyscan corpus`: codes every agreement of the folder, writes the matrix (or the
/// `--by-year` CSV and chart), and returns 0, 2 when no file could be coded, 3 when some failed.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let args = Args {
        out: super::out_file(args.out),
        ..args
    };
    let glob = match &args.glob {
        Some(g) => Some(
            globset::Glob::new(g)
                .map_err(|e| anyhow::anyhow!("--glob {g}: {e}"))?
                .compile_matcher(),
        ),
        None => None,
    };
    let locale = crate::locale::Locale::of(args.lang.lang());
    let corpus::Discovery { files, skipped } = corpus::discover_all(&args.dir, glob.as_ref())?;
    for line in skipped_lines(&skipped, locale) {
        eprintln!("{line}");
    }
    if files.is_empty() {
        anyhow::bail!(locale.tr(
            "corpus-no-files",
            &[("dir", args.dir.display().to_string().into())]
        ));
    }
    let read_options = crate::source::ReadOptions {
        pdf: args.timeout.pdf(),
        ..crate::source::ReadOptions::deferred()
    };
    // its threads compile the rules, then each reads and codes file after
    // file (`source::ReadEach`)
    let pool = crate::source::worker_pool(args.threads)?;
    let rules = pool.install(|| super::check::rule_set(args.rules.as_deref()))?;
    let reading = corpus::Reading::new(&files, read_options, args.timeout.budget());
    let rules = std::sync::Arc::new(rules);
    // open the output first: a run of minutes must not end on "cannot write"
    let mut out = open_output(args.out.as_deref())?;
    let options = ReviewOptions {
        categories: vec![],
        developing: super::developing_parties(&args.developing)?,
        parties: Vec::new(),
    };
    // only JSON Lines prints the findings: other formats do not keep them, so a
    // large corpus does not hold every excerpt and gap text until the end
    let with_findings = matches!(args.format, Format::Jsonl) && !args.by_year;
    let coder = {
        let rules = std::sync::Arc::clone(&rules);
        move |a: &crate::provision::Agreement| {
            coding(&review(&rules, a, &a.file, &options), with_findings)
        }
    };
    let progress = progress_bar(files.len());
    let tick = {
        let progress = progress.clone();
        move || progress.inc(1)
    };
    let outcome = reading.code_in(&pool, coder, tick, locale);
    progress.finish_and_clear();

    let catalogue = rules.catalogue();
    let categories: Vec<String> = catalogue
        .categories()
        .iter()
        .map(|c| c.category.to_string())
        .collect();
    let cultural_clauses: Vec<&str> = catalogue
        .categories()
        .iter()
        .filter(|c| c.cultural_clause)
        .map(|c| c.category.as_str())
        .collect();
    let gap_ids: Vec<&str> = catalogue.gap_ids().iter().map(|g| g.as_str()).collect();
    if args.by_year {
        // an agreement without a signature date has no period: said, not
        // dropped silently, and a folder of undated drafts is an error
        // before any table is written
        let undated: Vec<&str> = outcome
            .rows
            .iter()
            .filter(|r| r.year().is_none())
            .map(|r| r.file.as_str())
            .collect();
        if !outcome.rows.is_empty() && undated.len() == outcome.rows.len() {
            anyhow::bail!(locale.tr(
                "corpus-by-year-no-dates",
                &[
                    ("dir", args.dir.display().to_string().into()),
                    ("count", undated.len().into())
                ]
            ));
        }
        if !undated.is_empty() {
            eprintln!(
                "{}",
                locale.tr(
                    "corpus-by-year-undated",
                    &[
                        ("count", undated.len().into()),
                        ("coded", outcome.rows.len().into()),
                        (
                            "names",
                            undated[..undated.len().min(UNDATED_NAMED)]
                                .join(", ")
                                .into()
                        ),
                        ("more", undated.len().saturating_sub(UNDATED_NAMED).into()),
                    ]
                )
            );
        }
        let years = corpus::by_year(&outcome.rows, &cultural_clauses);
        let periods = corpus::periods(&years, args.period);
        match args.format {
            Format::Csv => corpus::write_periods_csv(&mut out, &periods)?,
            Format::Jsonl => corpus::write_periods_jsonl(&mut out, &periods)?,
            Format::Table => corpus::write_periods_table(&mut out, &periods, locale)?,
        }
        let plot = args
            .plot
            .clone()
            .unwrap_or_else(|| default_plot(args.out.as_deref()));
        corpus::write_by_year_svg(&plot, &periods, locale).map_err(|e| {
            anyhow::anyhow!(locale.tr(
                "corpus-chart-failed",
                &[
                    ("path", plot.display().to_string().into()),
                    ("reason", e.into()),
                ]
            ))
        })?;
        eprintln!(
            "{}",
            locale.tr(
                "corpus-chart-written",
                &[("path", plot.display().to_string().into())]
            )
        );
    } else {
        match args.format {
            Format::Csv => corpus::write_csv(&mut out, &outcome.rows, &categories, &gap_ids)?,
            Format::Jsonl => corpus::write_jsonl(&mut out, &outcome.rows, &outcome.failures)?,
            Format::Table => corpus::write_table(&mut out, &outcome.rows, &categories, locale)?,
        }
    }
    out.flush()?;
    for f in &outcome.failures {
        eprintln!(
            "{}",
            crate::report::error_line(&f.file, &super::one_line(&f.reason), locale)
        );
    }
    let coded = outcome.rows.len();
    // the process ends soon: the compiled rules need not be freed one by one
    std::mem::forget(rules);
    eprintln!(
        "{}",
        locale.tr(
            "corpus-coded",
            &[
                ("coded", coded.into()),
                ("failed", outcome.failures.len().into()),
                ("skipped", skipped.len().into()),
            ]
        )
    );
    Ok(
        match (outcome.rows.is_empty(), outcome.failures.is_empty()) {
            (_, true) => exit::CLEAN,
            (true, false) => exit::ERROR,
            (false, false) => exit::PARTIAL,
        },
    )
}

/// A corpus row counts articles per category and names the gaps; with
/// `with_findings` it carries the findings too.
fn coding(file: &FileFindings, with_findings: bool) -> Coding {
    let mut c = Coding::default();
    for f in &file.findings {
        let list = c.categories.entry(f.category.to_string()).or_default();
        if !list
            .iter()
            .any(|a: &ProvisionRef| a.path == f.provision.path)
        {
            list.push(f.provision.clone());
        }
    }
    c.gaps = file.gaps.iter().map(|g| g.id.to_string()).collect();
    if with_findings {
        c.findings = file.findings.clone();
        c.gap_details = file.gaps.clone();
    }
    c
}

fn open_output(path: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(super::stdout())),
    })
}

fn default_plot(out: Option<&Path>) -> PathBuf {
    out.map(|o| o.with_extension("svg"))
        .unwrap_or_else(|| PathBuf::from("by-year.svg"))
}

/// A bar on a terminal; nothing at all when stderr is a pipe or a CI log.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} agreements {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn files_skipped_for_one_reason_are_summed_up_past_three() {
        let json = || corpus::Skip::Extension("json".into());
        let mut skipped: Vec<(PathBuf, corpus::Skip)> = (1..=5)
            .map(|i| (PathBuf::from(format!("d/a{i}.json")), json()))
            .collect();
        skipped.insert(
            1,
            (
                PathBuf::from("d/README"),
                corpus::Skip::FolderDocument("README".into()),
            ),
        );
        skipped.push((PathBuf::from("e/x.json"), json()));
        let en = crate::locale::Locale::of(crate::locale::Lang::En);
        assert_eq!(
            skipped_lines(&skipped, en),
            [
                "skipped 6 files: unsupported extension .json (a1.json, a2.json, a3.json and 3 more)",
                "skipped: d/README: README file: documents the folder, not an agreement",
            ]
        );
        skipped.pop();
        assert_eq!(
            skipped_lines(&skipped, en)[0],
            "skipped 5 files in d: unsupported extension .json (a1.json, a2.json, a3.json and 2 more)"
        );
        let few = &skipped[..3];
        assert_eq!(
            skipped_lines(few, en),
            [
                "skipped: d/a1.json: unsupported extension .json",
                "skipped: d/a2.json: unsupported extension .json",
                "skipped: d/README: README file: documents the folder, not an agreement",
            ]
        );
        let fr = crate::locale::Locale::of(crate::locale::Lang::Fr);
        assert_eq!(
            skipped_lines(&skipped, fr)[0],
            "5 fichiers ignorés dans d : extension .json non prise en charge (a1.json, a2.json, a3.json et 2 autres)"
        );
    }
}
