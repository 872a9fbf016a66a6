use super::exit;
use crate::rules::docs;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  treatyscan rules
  treatyscan rules explain CEX001
  treatyscan rules explain missing_convention_reference
  treatyscan rules triggers
  treatyscan rules --markdown")]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Print the whole rule reference in Markdown (docs/rules.md).
    #[arg(long)]
    markdown: bool,
    /// Use the rules of this directory instead of the built-in ones.
    #[arg(long, global = true)]
    rules: Option<PathBuf>,
    #[command(flatten)]
    lang: super::LangArg,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Print one rule's or gap's page: what it finds, why, its examples, and
    /// (for a rule) the words an article must contain for it to be checked
    /// there. Takes a rule code (`CEX001`) or a gap id
    /// (`missing_convention_reference`), as `treatyscan rules` lists them.
    #[command(after_help = "\
Examples:
  treatyscan rules explain CEX001
  treatyscan rules explain missing_convention_reference")]
    Explain {
        /// A rule code (`CEX001`, `UNE001`…) or a gap id (`missing_cultural_exception`…), as
        /// `treatyscan rules` lists them.
        #[arg(value_name = "CODE_OR_GAP")]
        code: String,
    },
    /// Print every trigger literal of every rule, one per line (folded
    /// text): the words an article must hold for a rule to be checked there,
    /// the vocabulary the rules look for, e.g. for a grep baseline. Each is
    /// printed as the one pass looks for it: its first 16 bytes ("cultural
    /// organi" for "cultural organization"), which is enough to tell.
    #[command(after_help = "\
Examples:
  treatyscan rules triggers")]
    Triggers,
}

/// `treatyscan rules`: lists the rules, explains one rule or gap, prints their triggers
/// or the Markdown reference; 0, or an error for an unknown code.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let rules = super::check::rule_set(args.rules.as_deref())?;
    let locale = crate::locale::Locale::of(args.lang.lang());
    let out = match args.command {
        Some(Command::Explain { code }) => {
            match (rules.rule(&code), rules.catalogue().gap(&code)) {
                (Some(rule), _) => {
                    docs::explain_in(rule, locale)
                        + &docs::trigger_in(&rules.trigger_literals(rule.code()), locale)
                }
                (None, Some(gap)) => docs::explain_gap_in(gap, &rules, locale),
                (None, None) => anyhow::bail!(
                    "no rule or gap `{code}` (`treatyscan rules` lists the rule codes and gap ids)"
                ),
            }
        }
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
        None if args.markdown => docs::reference_in(&rules, locale),
        None => docs::listing_in(&rules, locale),
    };
    super::stdout().write_all(out.as_bytes())?;
    Ok(exit::CLEAN)
}
