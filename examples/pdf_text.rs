//! Prints the text treatyscan reads from a PDF, with a marker at each page
//! start: `cargo run --example pdf_text -- FILE.pdf`.

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
            let mut page = None;
            for (i, line) in text.text.lines().enumerate() {
                let offset = text.line_start(i);
                let here = text.locate(offset).page;
                if here != page {
                    println!("==== page {}", here.unwrap_or(0));
                    page = here;
                }
                println!("{line}");
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
