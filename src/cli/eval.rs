use super::exit;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "\
Exit codes: 0 scored; 2 the gold labels, the list or an agreement could not be read.")]
pub struct Args {
    /// Gold labels, one JSON object per article (dev.jsonl).
    #[arg(long)]
    gold: PathBuf,
    /// Folder of ToTA XML files (pta_<id>.xml).
    #[arg(long)]
    corpus: PathBuf,
    /// Agreements read in full (default: dev-agreements.tsv beside the gold file).
    #[arg(long)]
    agreements: Option<PathBuf>,
    /// Also list every article where rules and gold disagree.
    #[arg(long)]
    disagreements: bool,
    /// Use the rules of this directory instead of the built-in ones.
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// `treatyscan eval`: prints the score table (and, with `--disagreements`, every
/// disagreement) and returns 0; reading the gold, the list or an agreement may fail.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let rules = super::check::rule_set(args.rules.as_deref())?;
    let agreements = args
        .agreements
        .unwrap_or_else(|| args.gold.with_file_name("dev-agreements.tsv"));
    let eval = crate::eval::evaluate(&rules, &args.gold, &agreements, &args.corpus)?;
    let mut out = crate::eval::render_table(&eval);
    if args.disagreements {
        for d in &eval.disagreements {
            out.push_str(&format!(
                "{} {:<28} pta_{} {} {}\n",
                d.kind, d.category, d.tota_id, d.source_id, d.article
            ));
        }
    }
    super::stdout().write_all(out.as_bytes())?;
    Ok(exit::CLEAN)
}
