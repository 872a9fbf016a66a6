//! Prints the text treatyscan reads from a PDF, with a marker at each page
//! start: `cargo run --example pdf_text -- FILE.pdf`.

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            std::process::exit(2);
        }
    };
    match treatyscan::source::pdf_text(&path, &bytes) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            let mut page = None;
            for (i, line) in text.text.lines().enumerate() {
                let here = text.locate(text.line_start(i)).page;
                if here != page {
                    page = here;
                    if writeln!(out, "==== page {}", here.unwrap_or(0)).is_err() {
                        return; // reader went away (| head)
                    }
                }
                if writeln!(out, "{line}").is_err() {
                    return;
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
