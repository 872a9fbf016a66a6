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
    pub const CLEAN: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const ERROR: u8 = 2;
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

#[derive(Parser)]
#[command(
    name = "treatyscan",
    version,
    about = "Where a trade agreement stands on culture (UNESCO 2005 Convention, digital guidelines 19.4-19.5)"
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
    /// List the rules, or explain one (`rules explain CUL001`).
    Rules(rules::Args),
    /// Score the rules against gold article labels (precision / recall / F1 per category).
    Eval(eval::Args),
    /// Code a whole folder of agreements into a provision matrix (one row per agreement).
    Corpus(corpus::Args),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::CLEAN),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// `treatyscan parse big.xml | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
