use super::exit;
use crate::rules::docs;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Print the whole rule reference in Markdown (docs/rules.md).
    #[arg(long)]
    markdown: bool,
    /// Use the rules of this directory instead of the built-in ones.
    #[arg(long, global = true)]
    rules: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Print one rule's page: what it finds, why, its examples, and the words
    /// an article must contain for the rule to be checked there.
    Explain { code: String },
    /// Print every prefilter literal of every rule, one per line (folded
    /// text): the vocabulary the rules look for, e.g. for a grep baseline.
    Triggers,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let rules = super::check::rule_set(args.rules.as_deref())?;
    let out = match args.command {
        Some(Command::Explain { code }) => match rules.rule(&code) {
            Some(rule) => {
                docs::explain(rule) + &docs::trigger(&rules.trigger_literals(rule.code()))
            }
            None => anyhow::bail!("no rule `{code}` (see `treatyscan rules`)"),
        },
        Some(Command::Triggers) => {
            let mut all: Vec<String> = rules
                .rules()
                .iter()
                .flat_map(|r| rules.trigger_literals(r.code()))
                .flatten()
                .collect();
            all.sort();
            all.dedup();
            all.iter().map(|l| format!("{l}\n")).collect()
        }
        None if args.markdown => docs::reference(&rules),
        None => docs::listing(&rules),
    };
    super::stdout().write_all(out.as_bytes())?;
    Ok(exit::CLEAN)
}
