//! The command line: argument parsing and exit codes over the library. Each
//! subcommand is a few lines that call one library function and one renderer.

mod check;
mod compare;
mod corpus;
mod eval;
mod parse;
mod rules;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit codes are part of the interface CI jobs rely on.
pub mod exit {
    /// Success, nothing to report (`check` below `--fail-on`, `compare` equal, every corpus file
    /// coded).
    pub const CLEAN: u8 = 0;
    /// Something to report: findings at the `--fail-on` level (`check`), differences (`compare`).
    pub const FINDINGS: u8 = 1;
    /// An error: bad arguments or rules, or no input could be read.
    pub const ERROR: u8 = 2;
    /// Some inputs could not be read; the others were reported.
    pub const PARTIAL: u8 = 3;
}

/// `--revisions`: which reading of a Word draft with tracked changes.
#[derive(Clone, Copy, Default, clap::ValueEnum)]
pub enum RevisionsArg {
    /// As proposed: every tracked change accepted.
    #[default]
    Proposed,
    /// As the text stood before the tracked changes.
    Original,
}

impl From<RevisionsArg> for crate::source::Revisions {
    fn from(r: RevisionsArg) -> Self {
        match r {
            RevisionsArg::Proposed => crate::source::Revisions::Proposed,
            RevisionsArg::Original => crate::source::Revisions::Original,
        }
    }
}

/// Help after the command list: examples that run as written from the project
/// folder (a test runs every `  treatyscan …` line of every help), then the
/// exit codes every command shares.
const TOP_HELP: &str = "\
Examples:
  treatyscan check corpus/en-digital-partnership-draft.txt
  treatyscan check --format json corpus/es-acuerdo-comercio-cultura.txt
  treatyscan compare corpus/compare/round1.txt corpus/compare/round2.txt
  treatyscan rules explain CEX001
  treatyscan parse corpus/fr-accord-partenariat.txt

Exit codes:
  0  nothing to report: no finding at or above --fail-on (check), the same
     text (compare), every file coded (corpus)
  1  something to report: findings (check), differences (compare)
  2  usage error, bad rule file, or no input could be read (one line on
     standard error naming the file and the problem)
  3  a partial run: some inputs could not be read, or an input was read but
     not analysed (a language treatyscan does not read)

`treatyscan COMMAND --help` for each command; guides in docs/ (check.md,
compare.md, corpus.md, rules.md).";

#[derive(Parser)]
#[command(
    name = "treatyscan",
    version,
    about = "Where a trade agreement stands on culture (UNESCO 2005 Convention, digital guidelines 19.4-19.5)",
    after_help = TOP_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read an agreement (text, Markdown, HTML, Word .docx, PDF or ToTA XML) into its provision tree.
    Parse(parse::Args),
    /// Compare two agreements article by article: alignment across renumbering
    /// and moves, word diffs, and the category delta first.
    Compare(compare::Args),
    /// Report the cultural clauses, e-commerce treatment and Convention references, article by article.
    Check(check::Args),
    /// List the rules and gaps, or explain one: `rules explain` takes a rule code
    /// (`CEX001`) or a gap id (`missing_cultural_exception`).
    Rules(rules::Args),
    /// Score the rules against gold article labels (precision / recall / F1 per category).
    Eval(eval::Args),
    /// Code a whole folder of agreements into a provision matrix (one row per agreement).
    Corpus(corpus::Args),
}

/// Runs the command line: parses the arguments, runs the subcommand, prints any error
/// to standard error and returns the exit code (see [`exit`]).
pub fn main() -> ExitCode {
    let cli = match command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::ERROR
            } else {
                exit::CLEAN
            });
        }
    };
    let result = match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Check(args) => check::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Corpus(args) => corpus::run(args),
    };
    match result {
        // like ripgrep: a reader that stops early (`| head`) ends the run
        // quietly, with status 0
        _ if PIPE_CLOSED.load(std::sync::atomic::Ordering::Relaxed) => ExitCode::from(exit::CLEAN),
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::CLEAN),
        Err(e) => {
            print_error(&e);
            ExitCode::from(exit::ERROR)
        }
    }
}

/// The command line as clap reads it, with the help of `check --category`
/// listing the built-in categories (from `rules/categories.toml`).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let categories = crate::rules::builtin_category_names().join(", ");
    Cli::command().mut_subcommand("check", |check| {
        check.mut_arg("categories", |arg| {
            arg.help(format!(
                "Only these categories (repeat or separate with commas): {categories}"
            ))
        })
    })
}

/// Set once a write to standard output found the pipe closed; wrappers such
/// as the CSV writer hide the I/O error's kind, this flag does not.
static PIPE_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Standard output for every command: writes as `std::io::stdout()` does, and
/// notes a closed pipe so that `main` exits quietly on it.
pub struct Stdout(std::io::StdoutLock<'static>);

/// Where `--out` sends a report: the file it names, or `None` for standard
/// output, both when `--out` is not given and when it is `-` (as in most
/// command-line tools: `corpus --out -` in a CI script had written a file
/// named "-").
pub fn out_file(out: Option<std::path::PathBuf>) -> Option<std::path::PathBuf> {
    out.filter(|path| path.as_os_str() != "-")
}

/// Standard output, locked (see `Stdout`).
pub fn stdout() -> Stdout {
    Stdout(std::io::stdout().lock())
}

impl Stdout {
    fn noted<T>(result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                PIPE_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        result
    }
}

impl std::io::Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Self::noted(self.0.write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        Self::noted(self.0.write_all(buf))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Self::noted(self.0.flush())
    }
}

/// `--lang`: the language of what a command prints for people.
#[derive(clap::Args, Clone, Copy)]
pub struct LangArg {
    /// Output language of messages, explanations, notes, recommendations and
    /// summaries (JSON and SARIF keep their ids and keys). Default: from
    /// LC_ALL, LC_MESSAGES or LANG (es_ES.UTF-8 → es), else English.
    #[arg(long = "lang", value_enum, value_name = "LANG", global = true)]
    pub lang: Option<crate::locale::Lang>,
}

impl LangArg {
    /// The language asked for, or the environment's (see `Lang::from_env`).
    pub fn lang(self) -> crate::locale::Lang {
        self.lang.unwrap_or_else(crate::locale::Lang::from_env)
    }
}

/// `--timeout SECONDS`: the wall-clock budget for reading one file, and for
/// `check` and `corpus` reviewing it (0 for none), and `--pdf-limit NAME=VALUE`: the budgets of an untrusted PDF.
#[derive(clap::Args, Clone)]
pub struct Timeout {
    /// Give up reading a file after this many seconds (0: no limit; `check`
    /// and `corpus` count its review too); in a run over several files, that
    /// file is reported as failed and the run goes on.
    #[arg(long = "timeout", value_name = "SECONDS", default_value_t = crate::source::DEFAULT_TIMEOUT.as_secs_f64(), value_parser = seconds)]
    pub seconds: f64,
    /// Raise or lower one of the limits a PDF is read within (repeatable):
    /// decoded, stream, predictor-row (bytes; K, M, G suffixes),
    /// predictor-colors, cmap-entries, nesting, objects, pages, glyphs,
    /// seconds. Defaults and what each limits: docs/pdf.md.
    #[arg(long = "pdf-limit", value_name = "NAME=VALUE", value_parser = pdf_limit)]
    pub pdf_limits: Vec<String>,
}

impl Timeout {
    /// The budget, `None` for no limit.
    pub fn budget(&self) -> Option<std::time::Duration> {
        (self.seconds > 0.0).then(|| std::time::Duration::from_secs_f64(self.seconds))
    }

    /// The PDF limits: the defaults with each `--pdf-limit` applied.
    pub fn pdf(&self) -> crate::source::PdfLimits {
        let mut limits = crate::source::PdfLimits::default();
        for setting in &self.pdf_limits {
            // each setting was checked by `pdf_limit` when parsed
            let _ = limits.set(setting);
        }
        limits
    }
}

fn pdf_limit(text: &str) -> Result<String, String> {
    crate::source::PdfLimits::default().set(text)?;
    Ok(text.to_string())
}

fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=1e9).contains(&s) => Ok(s),
        _ => Err(format!(
            "`{text}` is not a number of seconds (0 for no limit)"
        )),
    }
}

/// Prints a command's error on standard error: one line, `error: ` and the
/// error with its causes.
fn print_error(e: &anyhow::Error) {
    eprintln!("error: {}", one_line(&format!("{e:#}")));
}

/// An error message on one line: library errors (XML, PDF, CSV) may carry line
/// breaks, which would split the one line a file's error gets.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `treatyscan parse big.xml | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The Parties named with `--developing`, as ISO 3166 alpha-3 codes (or
/// `EU`); an unknown name or code is a usage error with a suggestion.
pub fn developing_parties(named: &[String]) -> anyhow::Result<Vec<String>> {
    developing_parties_in(named, &[])
}

/// [`developing_parties`] for the agreements whose texts are `texts`: a name
/// no country table knows is kept as written when one of the texts names it
/// ("the Republic of Aldoria"), so that a Party of a training or invented
/// text can be named too. Errors: a name neither known nor in any text, with
/// the nearest country when it looks like a typo.
pub fn developing_parties_in(named: &[String], texts: &[&str]) -> anyhow::Result<Vec<String>> {
    let mut folded_texts: Vec<String> = Vec::new();
    named
        .iter()
        .map(|p| match crate::provision::parties::resolve(p) {
            Ok(code) => Ok(code),
            Err(e) => {
                if folded_texts.is_empty() {
                    folded_texts = texts.iter().map(|t| crate::text::fold_text(t)).collect();
                }
                let name = p.trim();
                if folded_texts
                    .iter()
                    .any(|t| names_word(t, &crate::text::fold_text(name)))
                {
                    Ok(name.to_string())
                } else if texts.is_empty() {
                    Err(anyhow::anyhow!("--developing: {e}"))
                } else {
                    Err(anyhow::anyhow!(
                        "--developing: {e}; no file read names it either"
                    ))
                }
            }
        })
        .collect()
}

/// Does folded `text` hold folded `words` as whole words?
fn names_word(text: &str, words: &str) -> bool {
    let words = words.trim();
    !words.is_empty()
        && text.match_indices(words).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + words.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}
