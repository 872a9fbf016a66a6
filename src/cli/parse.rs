use super::exit;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Agreement file: plain text, PDF or ToTA XML.
    file: PathBuf,
    #[arg(long, value_enum, default_value = "tree")]
    format: Format,
    #[command(flatten)]
    timeout: super::Timeout,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Tree,
    Json,
}

/// `treatyscan parse`: prints the agreement's provision tree as an outline or JSON; 0 when it
/// reads.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let agreement = crate::source::load_within(
        &args.file,
        crate::provision::Paragraphs::Parsed,
        args.timeout.budget(),
    )?;
    let out = match args.format {
        Format::Tree => crate::provision::render_outline(&agreement),
        Format::Json => serde_json::to_string_pretty(&agreement)? + "\n",
    };
    super::stdout().write_all(out.as_bytes())?;
    Ok(exit::CLEAN)
}
