use super::exit;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  treatyscan parse corpus/fr-accord-partenariat.txt
  treatyscan parse --lang fr corpus/fr-accord-partenariat.txt
  treatyscan parse --format json corpus/formats/es-capitulo-comercio-digital.md

Exit codes: 0 the file reads; 2 it cannot be read. Guide: docs/structure.md.")]
pub struct Args {
    /// Agreement file: plain text, Markdown, HTML, Word .docx, PDF or ToTA XML.
    file: PathBuf,
    #[arg(long, value_enum, default_value = "tree")]
    format: Format,
    #[command(flatten)]
    timeout: super::Timeout,
    /// A Word draft with tracked changes read as proposed or as it stood before them.
    #[arg(long, value_enum, default_value = "proposed")]
    revisions: super::RevisionsArg,
    #[command(flatten)]
    lang: super::LangArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Tree,
    Json,
}

/// `treatyscan parse`: prints the agreement's provision tree as an outline or JSON; 0 when it
/// reads.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let options = crate::source::ReadOptions {
        revisions: args.revisions.into(),
        pdf: args.timeout.pdf(),
        ..Default::default()
    };
    let agreement = crate::source::load_within(&args.file, options, args.timeout.budget())?;
    let out = match args.format {
        Format::Tree => match args.lang.lang() {
            crate::locale::Lang::En => crate::provision::render_outline(&agreement),
            lang => {
                let locale = crate::locale::Locale::of(lang);
                let words = crate::provision::OutlineWords {
                    line: locale.t("outline-line"),
                    page: locale.t("outline-page"),
                    kind: Box::new(move |k| locale.t(&format!("kind-{}", k.name())).to_lowercase()),
                };
                crate::provision::render_outline_in(&agreement, &words)
            }
        },
        Format::Json => serde_json::to_string_pretty(&agreement)? + "\n",
    };
    super::stdout().write_all(out.as_bytes())?;
    Ok(exit::CLEAN)
}
