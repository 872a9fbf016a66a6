use super::exit;
use crate::compare::{compare, delta::RuleCategories, render_html, render_human};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  treatyscan compare corpus/compare/round1.txt corpus/compare/round2.txt
  treatyscan compare --format json corpus/compare/substance/fr-round1.txt corpus/compare/substance/fr-round2.txt
  treatyscan compare --format html --out rounds.html corpus/compare/substance/es-round1.txt corpus/compare/substance/es-round2.txt
  treatyscan compare --lang fr corpus/compare/substance/fr-round1.txt corpus/compare/substance/fr-round2.txt

Exit codes: 0 the two say the same; 1 they differ; 2 an input could not be read.
Guide: docs/compare.md.")]
pub struct Args {
    /// The earlier text (last round, or the template compared against).
    a: PathBuf,
    /// The later text (new draft, or the other Party's agreement).
    b: PathBuf,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Write the report here instead of standard output (`-`: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Use the rules of this directory instead of the built-in ones (category delta).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Treat this Party as a developing country: an ISO 3166 alpha-3 code, a
    /// country name, or a Party's name as either file writes it.
    #[arg(long = "developing", value_name = "PARTY")]
    developing: Vec<String>,
    #[command(flatten)]
    timeout: super::Timeout,
    #[command(flatten)]
    lang: super::LangArg,
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Html,
}

/// Exit code as for diff(1): 0 when the agreements say the same, 1 when they differ.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let args = Args {
        out: super::out_file(args.out),
        ..args
    };
    let read = |path| {
        crate::source::load_within(
            path,
            crate::source::ReadOptions {
                pdf: args.timeout.pdf(),
                ..Default::default()
            },
            args.timeout.budget(),
        )
    };
    // both files are read, and both named when neither can be: one line
    // each, as `check` names every file it cannot read
    let (a, b) = match (read(&args.a), read(&args.b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => return Err(e.into()),
        (Err(first), Err(second)) => {
            super::print_error(&first.into());
            return Err(second.into());
        }
    };
    let categories = RuleCategories {
        rules: super::check::rule_set(args.rules.as_deref())?,
        developing: super::developing_parties_in(
            &args.developing,
            &[a.text.text.as_str(), b.text.text.as_str()],
        )?,
    };
    let comparison = compare(&a, &b, &categories);
    let locale = crate::locale::Locale::of(args.lang.lang());
    let report = match args.format {
        Format::Json => serde_json::to_string_pretty(&comparison)? + "\n",
        Format::Html => render_html::render_in(&comparison, locale),
        Format::Human => {
            render_human::render_in(&comparison, human_style(args.out.is_none()), locale)
        }
    };
    match &args.out {
        Some(path) => std::fs::write(path, report)
            .map_err(|e| anyhow::anyhow!("{}: cannot write report: {e}", path.display()))?,
        None => super::stdout().write_all(report.as_bytes())?,
    }
    Ok(if comparison.has_differences() {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}

/// Colour only for a person at a terminal, and never when NO_COLOR is set.
fn human_style(to_stdout: bool) -> render_human::Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    render_human::Style {
        color: to_stdout && !no_color && std::io::stdout().is_terminal(),
        width: 100,
    }
}
