use super::exit;
use crate::model::{FileError, FileFindings, Severity};
use crate::provision::Agreement;
use crate::report;
use crate::review::{apply_baseline, review, review_combined, Baseline, Combined, ReviewOptions};
use crate::rules::RuleSet;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
treatyscan check corpus/en-digital-partnership-draft.txt\n  \
treatyscan check --category cultural_exception,ecommerce_duties corpus/fr-accord-partenariat.txt\n  \
treatyscan check --developing PER --format json corpus/es-acuerdo-comercio-cultura.txt\n  \
treatyscan check --combine tests/fixtures/drafts/split-en-part1.txt tests/fixtures/drafts/split-en-part2.txt\n\n\
Exit codes: 0 no finding at or above --fail-on; 1 findings; \
2 usage error, bad rule file or no readable input; 3 a partial run: some inputs \
unreadable, or an input read but not analysed (a language treatyscan does not read).\n\
Rules: `treatyscan rules`, `treatyscan rules explain CODE_OR_GAP`; guide: docs/check.md.")]
pub struct Args {
    /// Agreement files: plain text, Markdown, HTML, Word .docx, PDF or ToTA XML.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// human: compiler-style diagnostics; json, sarif, csv: for tools; html:
    /// one self-contained page to open, print or send.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Write the report to this file instead of standard output (`-`: standard output).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Only these categories (repeat or separate with commas).
    #[arg(long = "category", value_delimiter = ',')]
    categories: Vec<String>,
    /// Exit 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value = "info")]
    fail_on: FailOn,
    /// Use the rules of this directory instead of the built-in ones.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Treat this Party as a developing country: an ISO 3166 alpha-3 code, a
    /// country name, or a Party's name as a file being checked writes it.
    #[arg(long = "developing", value_name = "PARTY")]
    developing: Vec<String>,
    /// A Party to a negotiating draft, as its bracket tags name it: `CODE=Name`
    /// (repeat for each Party); drafts may also declare their Parties.
    #[arg(long = "party", value_name = "CODE=Name", value_parser = parse_party)]
    parties: Vec<crate::text::brackets::Party>,
    /// A previous `check --format json` output: report only what is new since.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Exit 0 even when there are findings (input errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    #[command(flatten)]
    timeout: super::Timeout,
    /// The files are parts of one agreement: findings per file, gaps once
    /// over all of them.
    #[arg(long)]
    combine: bool,
    /// Word drafts with tracked changes read as proposed (changes accepted)
    /// or as they stood before the changes.
    #[arg(long, value_enum, default_value = "proposed")]
    revisions: super::RevisionsArg,
    #[command(flatten)]
    lang: super::LangArg,
}

fn parse_party(value: &str) -> Result<crate::text::brackets::Party, String> {
    crate::text::brackets::Party::parse(value)
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Csv,
    Html,
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

/// `treatyscan check`: reviews each file, prints the report, and returns the
/// exit code (0 clean, 1 findings, 2 no readable input, 3 partial).
pub fn run(args: Args) -> anyhow::Result<u8> {
    let args = Args {
        out: super::out_file(args.out),
        ..args
    };
    let budget = args.timeout.budget();
    let lang = args.lang.lang();
    let locale = crate::locale::Locale::of(lang);
    let read_options = crate::source::ReadOptions {
        revisions: args.revisions.into(),
        pdf: args.timeout.pdf(),
        ..crate::source::ReadOptions::deferred()
    };
    let html = matches!(args.format, Format::Html);
    let pool = crate::source::worker_pool(None)?;
    // compiled on the threads that then read the files, which reuse the
    // memory compiling frees
    let rules = pool.install(|| rule_set(args.rules.as_deref()))?;
    let rules = std::sync::Arc::new(rules);
    let catalogue = rules.catalogue();
    if let Some(bad) = args
        .categories
        .iter()
        .find(|c| catalogue.category(c).is_none())
    {
        let names: Vec<&str> = catalogue
            .categories()
            .iter()
            .map(|c| c.category.as_str())
            .collect();
        anyhow::bail!(
            "unknown category `{bad}` (categories: {})",
            names.join(", ")
        );
    }
    // a report that cannot be written is said before any work is done
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(
            |e| anyhow::anyhow!("{}: cannot write the report: {e}", p.display()),
        )?)),
        None => Box::new(super::stdout()),
    };
    let style = if args.out.is_some() {
        report::Style::Plain
    } else {
        report::Style::detect()
    };
    let known = match &args.baseline {
        Some(path) => Some(read_baseline(path)?),
        None => None,
    };
    // Each file is reviewed as soon as it is read and its agreement dropped,
    // so that memory stays flat over any number of files, unless the
    // agreements are needed once all are read: combined, outlined in the
    // HTML report, or searched for a developing Party no table knows.
    let reviewing = match super::developing_parties(&args.developing) {
        Ok(developing) if !args.combine && !html => Some(ReviewOptions {
            categories: args.categories.clone(),
            developing,
            parties: args.parties.clone(),
        }),
        _ => None,
    };
    // a JSON report that nothing changes once all files are reviewed (no
    // baseline hides findings, each file reviewed as it is read) is rendered
    // file by file as each is reviewed
    let render_json = matches!(args.format, Format::Json) && known.is_none() && reviewing.is_some();
    let reading = crate::source::ReadEach::new(&args.files, read_options, budget);
    let outcomes = reading.process(&pool, {
        let rules = std::sync::Arc::clone(&rules);
        let reviewing = reviewing.clone();
        move |path, read| match analysed(read, locale) {
            Err(refusal) => Outcome::Refused(refusal),
            Ok(a) => match &reviewing {
                Some(options) => {
                    let mut reviewed = check_read(&rules, &a, &path.display().to_string(), options);
                    let entry = match &mut reviewed {
                        Ok(file) if render_json => {
                            report::localise(std::slice::from_mut(file), None, lang);
                            let entry = report::json_file_entry(file);
                            let counts = (file.findings.len(), file.gaps.len());
                            keep_most_severe(file);
                            Some((entry, counts))
                        }
                        _ => None,
                    };
                    Outcome::Reviewed(reviewed, entry)
                }
                None => Outcome::Kept(a),
            },
        }
    });
    // the files that could not be read or reviewed: on standard error, in
    // the order of the files, and in the JSON and SARIF reports
    let mut errors: Vec<FileError> = Vec::new();
    let mut fail = |path: &str, e: &str| {
        let message = super::one_line(e);
        eprintln!("{}", report::error_line(path, &message, locale));
        errors.push(FileError::new(path, &message));
    };
    let mut read = Vec::new();
    let mut files = Vec::new();
    // the JSON entries of the reviewed files, when each was rendered, and
    // their findings and gaps, counted before the entries were rendered
    let mut entries: Vec<String> = Vec::new();
    let mut rendered_counts = (0, 0);
    // files read but not analysed (a language treatyscan does not read)
    let mut not_analysed = 0;
    for (path, outcome) in args.files.iter().zip(outcomes) {
        let name = path.display().to_string();
        match outcome {
            Outcome::Kept(a) => read.push((name, a)),
            Outcome::Reviewed(Ok(f), entry) => {
                files.push(f);
                if let Some((entry, (findings, gaps))) = entry {
                    entries.push(entry);
                    rendered_counts.0 += findings;
                    rendered_counts.1 += gaps;
                }
            }
            Outcome::Reviewed(Err(e), _) | Outcome::Refused(Refusal::Unreadable(e)) => {
                fail(&name, &e)
            }
            Outcome::Refused(Refusal::NotAnalysed(e)) => {
                not_analysed += 1;
                fail(&name, &e)
            }
        }
    }
    // the combined review takes the agreements: their outlines are made first
    let combined_outlines: Vec<(String, report::Outline)> = if html && args.combine {
        read.iter()
            .map(|(p, a)| (p.clone(), report::Outline::of(a, None)))
            .collect()
    } else {
        Vec::new()
    };
    let mut combined: Option<Combined> = None;
    if reviewing.is_none() {
        // a Party no country table knows is taken as written when a file names it
        let texts: Vec<&str> = read.iter().map(|(_, a)| a.text.text.as_str()).collect();
        let options = ReviewOptions {
            categories: args.categories.clone(),
            developing: super::developing_parties_in(&args.developing, &texts)?,
            parties: args.parties.clone(),
        };
        if args.combine {
            if !read.is_empty() {
                let (reviewed, c) = review_combined(&rules, std::mem::take(&mut read), &options);
                files = reviewed;
                combined = Some(c);
            }
        } else {
            let reviewed: Vec<Result<FileFindings, String>> = read
                .par_iter()
                .map(|(path, a)| check_read(&rules, a, path, &options))
                .collect();
            for ((path, _), result) in read.iter().zip(reviewed) {
                match result {
                    Ok(f) => files.push(f),
                    Err(e) => fail(path, &e),
                }
            }
        }
    }
    let failures = errors.len();
    // findings and gaps the baseline knew, for the run's line on standard error
    let mut known_count = (0, 0);
    if let Some(known) = &known {
        apply_baseline(&mut files, known);
        for f in &files {
            known_count.0 += f.hidden.by_baseline.len();
            known_count.1 += f.hidden.gaps_by_baseline.len();
        }
        if let Some(c) = &mut combined {
            let before = c.gaps.len();
            c.gaps.retain(|g| !known.knows_gap(&g.fingerprint));
            known_count.1 += before - c.gaps.len();
        }
    }
    // files whose entries were rendered were localised on their reader
    if !render_json {
        report::localise(&mut files, combined.as_mut(), lang);
    }
    let run_notes: Vec<String> = if !args.combine && files.len() > 1 && args.categories.is_empty() {
        vec![locale.t("note-gaps-per-file")]
    } else {
        Vec::new()
    };
    let run = report::Run {
        combined: combined.as_ref(),
        notes: &run_notes,
        errors: &errors,
    };
    if known.is_some() {
        eprintln!(
            "{}",
            locale.tr(
                "summary-hidden-baseline",
                &[(
                    "what",
                    report::findings_and_gaps(known_count.0, known_count.1, locale).into()
                )]
            )
        );
    }
    match args.format {
        // no file could be read: the errors above say it all (exit 2), and a
        // summary of "0 findings in 0 files" would read as a clean draft
        Format::Human if files.is_empty() && failures > 0 && not_analysed == 0 => {}
        // files read but not analysed (their language): the report says that
        // nothing was analysed, rather than nothing at all
        Format::Human if files.is_empty() && failures > 0 => writeln!(
            out,
            "{}{}",
            report::render_not_reviewed(&errors, style, locale),
            locale.tr("totals-none-reviewed", &[("count", errors.len().into())])
        )?,
        Format::Human => {
            out.write_all(report::render_human_in(&files, &run, style, locale).as_bytes())?
        }
        Format::Json => {
            // in writes of a megabyte: with the default 8 KB, the ToTA
            // corpus's 2.9 MB report took 713 writes, at the end of the run
            let mut out = std::io::BufWriter::with_capacity(1 << 20, &mut out);
            if render_json {
                report::write_json_run_rendered(&entries, &run, &mut out)?;
            } else {
                report::write_json_run(&files, &run, &mut out)?;
            }
            out.flush()?
        }
        // SARIF and CSV have no place for a run-level gap: the combined
        // agreement's gaps are reported on its first file
        Format::Sarif => out.write_all(
            report::render_sarif_run(&with_combined(&files, &combined), &errors, locale).as_bytes(),
        )?,
        Format::Csv => out.write_all(
            report::render_csv_run(&with_combined(&files, &combined), &errors).as_bytes(),
        )?,
        Format::Html => {
            let mut outlines = combined_outlines;
            let context = report::HtmlContext {
                outlines: files
                    .iter()
                    .map(|f| {
                        if let Some(i) = outlines.iter().position(|(p, _)| *p == f.path) {
                            return outlines.swap_remove(i).1;
                        }
                        let wanted = f
                            .findings
                            .iter()
                            .map(|f| f.provision.path.as_str())
                            .collect();
                        read.iter()
                            .find(|(p, _)| *p == f.path)
                            .map(|(_, a)| report::Outline::of(a, Some(&wanted)))
                            .unwrap_or_default()
                    })
                    .collect(),
                category_labels: catalogue
                    .categories()
                    .iter()
                    .map(|c| (c.category, c.label_in(lang).to_string()))
                    .collect(),
                lang,
            };
            out.write_all(report::render_html(&files, &run, &context).as_bytes())?
        }
    }
    out.flush()?;
    if let Some(path) = &args.out {
        // a report written to a file: where it went and what it holds, so
        // that a run is not silent (findings of the files rendered one by
        // one were counted before they were trimmed)
        let (findings, gaps) = if render_json {
            rendered_counts
        } else {
            files.iter().fold((0, 0), |(f, g), file| {
                (f + file.findings.len(), g + file.gaps.len())
            })
        };
        let gaps = gaps + combined.as_ref().map_or(0, |c| c.gaps.len());
        eprintln!(
            "{}",
            locale.tr(
                "check-report-written",
                &[
                    ("path", path.display().to_string().into()),
                    (
                        "totals",
                        report::totals(findings, gaps, files.len(), locale).into()
                    ),
                ]
            )
        );
    }
    let code = exit_code(
        &with_combined(&files, &combined),
        failures,
        not_analysed,
        args.fail_on,
    );
    // the process ends here: its memory goes back whole, where freeing the
    // agreements, findings and compiled rules one allocation at a time took
    // 1-2% of a check over the ToTA corpus, after the report was written
    std::mem::forget((read, files, combined, rules));
    Ok(if args.exit_zero && code == exit::FINDINGS {
        exit::CLEAN
    } else {
        code
    })
}

/// Reviews one agreement read; a panic inside the review is that file's
/// one-line error, not the run's end.
fn check_read(
    rules: &RuleSet,
    agreement: &Agreement,
    name: &str,
    options: &ReviewOptions,
) -> Result<FileFindings, String> {
    crate::source::budget::catch_panic(|| review(rules, agreement, name, options))
        .map_err(|message| crate::source::budget::checking_failed(&message))
}

/// Once a file's JSON entry is rendered, the file keeps only what the run
/// still reads of it, its most severe finding and gap (for the exit code):
/// the rest, held beside its entry until every file is reviewed, took a check
/// of the ToTA corpus given three times over from 92 to 106 MB.
fn keep_most_severe(file: &mut FileFindings) {
    fn keep<T>(items: &mut Vec<T>, severity: impl Fn(&T) -> crate::model::Severity) {
        if let Some(most) = (0..items.len()).max_by_key(|&i| severity(&items[i])) {
            items.swap(0, most);
            items.truncate(1);
            items.shrink_to_fit();
        }
    }
    keep(&mut file.findings, |f| f.severity);
    keep(&mut file.gaps, |g| g.severity);
    file.notes = Vec::new();
    file.hidden = Default::default();
    file.negotiation = None;
}

/// What became of one file given to `check`.
enum Outcome {
    /// Reviewed as soon as it was read; `Err` when the review failed. With
    /// the file's JSON entry, and its numbers of findings and gaps, when the
    /// report is rendered file by file (the file then keeps only its most
    /// severe finding and gap).
    Reviewed(
        Result<FileFindings, String>,
        Option<(String, (usize, usize))>,
    ),
    /// Read and kept, to be reviewed once all files are read.
    Kept(Agreement),
    /// Neither read nor reviewed.
    Refused(Refusal),
}

/// Why a file given to `check` has no review: one line each.
enum Refusal {
    /// It could not be read (missing, empty, corrupt, encrypted…).
    Unreadable(String),
    /// It was read, in a language treatyscan does not analyse.
    NotAnalysed(String),
}

/// Reads one agreement for checking, within the time budget; a text in a
/// language treatyscan does not analyse is refused here, with its language
/// named, rather than given findings and gaps that would be wrong.
/// A file's reading, refused when its language is not one the rules are
/// written for.
fn analysed(
    read: Result<Agreement, crate::source::SourceError>,
    locale: &crate::locale::Locale,
) -> Result<Agreement, Refusal> {
    let agreement = read.map_err(|e| {
        let line = report::source_error(&e, locale);
        // a PDF in a CJK font with no Unicode map is a script, not a fault
        match e {
            crate::source::SourceError::PdfScript { .. } => Refusal::NotAnalysed(line),
            _ => Refusal::Unreadable(line),
        }
    })?;
    let language = agreement.metadata.language.as_deref();
    use crate::text::language::Refused;
    match crate::text::language::refused(language, &agreement.text.text) {
        // garbled letters are a reading that failed, not a language
        Some(why @ Refused::Garbled) => Err(Refusal::Unreadable(report::refused(&why, locale))),
        Some(why) => Err(Refusal::NotAnalysed(report::refused(&why, locale))),
        // no heading and no word of a treaty: gaps would be confident nonsense
        None if !crate::provision::reads_as_agreement(&agreement) => {
            Err(Refusal::Unreadable(locale.t("error-not-an-agreement")))
        }
        None => Ok(agreement),
    }
}

/// The files with the combined agreement's gaps and notes on the first one
/// (the files themselves when nothing was combined).
fn with_combined<'a>(
    files: &'a [FileFindings],
    combined: &Option<Combined>,
) -> std::borrow::Cow<'a, [FileFindings]> {
    let Some(c) = combined else {
        return std::borrow::Cow::Borrowed(files);
    };
    let mut files = files.to_vec();
    if let Some(first) = files.first_mut() {
        first.gaps.extend(c.gaps.iter().cloned());
        first.notes.extend(c.notes.iter().cloned());
    }
    std::borrow::Cow::Owned(files)
}
fn read_baseline(path: &Path) -> anyhow::Result<Baseline> {
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
    Ok(Baseline::from_json(&json))
}

/// 2 when no file could be read; 3 when some could not, or a file was read
/// but not analysed (`not_analysed` of the `failures`: its language); else 1
/// or 0 by `--fail-on`.
fn exit_code(files: &[FileFindings], failures: usize, not_analysed: usize, fail_on: FailOn) -> u8 {
    if failures > 0 {
        return if files.is_empty() && not_analysed == 0 {
            exit::ERROR
        } else {
            exit::PARTIAL
        };
    }
    let failing = fail_on.threshold().is_some_and(|t| {
        files.iter().any(|file| {
            file.findings.iter().any(|f| f.severity >= t)
                || file.gaps.iter().any(|g| g.severity >= t)
        })
    });
    if failing {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}
