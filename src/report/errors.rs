//! Why a file could not be read or analysed, in the report's language: the
//! one line `check` prints on standard error and lists in its JSON, SARIF
//! and HTML reports. The messages are Fluent's `error-*` in
//! `locales/*/treatyscan.ftl`; English gives `SourceError`'s own wording.
//! What a library said (a PDF or XML parser's reason) is passed on as it came.

use crate::locale::{Locale, Value};
use crate::source::SourceError;
use crate::text::language::{Detected, Refused};

/// The message of `e` without its file ("file is empty"), in `locale`'s
/// language.
pub fn source_error(e: &SourceError, locale: &Locale) -> String {
    let text = |s: &str| Value::from(s.to_string());
    let (id, args): (&str, Vec<(&str, Value)>) = match e {
        SourceError::NotFound { .. } => ("error-not-found", vec![]),
        SourceError::IsDirectory { .. } => ("error-is-directory", vec![]),
        SourceError::Unreadable { reason, .. } => {
            ("error-unreadable", vec![("reason", text(reason))])
        }
        SourceError::Empty { .. } => ("error-empty", vec![]),
        SourceError::TooLarge {
            size_mb, limit_mb, ..
        } => (
            "error-too-large",
            vec![
                ("size", text(&size_mb.to_string())),
                ("limit", text(&limit_mb.to_string())),
            ],
        ),
        SourceError::Binary { detail, .. } => ("error-binary", vec![("detail", text(detail))]),
        SourceError::NotPdf { detail, .. } => ("error-not-pdf", vec![("detail", text(detail))]),
        SourceError::Xml { reason, .. } => ("error-xml", vec![("reason", text(reason))]),
        SourceError::Pdf { reason, .. } => ("error-pdf", vec![("reason", text(reason))]),
        SourceError::PdfEncrypted { .. } => ("error-pdf-encrypted", vec![]),
        SourceError::PdfNeedsOcr { .. } => ("error-pdf-needs-ocr", vec![]),
        SourceError::PdfScript { script, .. } => {
            return refused(&Refused::Script(script), locale);
        }
        SourceError::PdfFontsUnmapped { glyphs, .. } => (
            "error-pdf-fonts-unmapped",
            vec![("glyphs", text(&glyphs.to_string()))],
        ),
        SourceError::NoText { .. } => ("error-no-text", vec![]),
        SourceError::TimedOut { seconds, .. } => (
            "error-timed-out",
            vec![("seconds", text(&seconds.to_string()))],
        ),
        SourceError::Internal { detail, .. } => ("error-internal", vec![("detail", text(detail))]),
        SourceError::Docx { reason, .. } => ("error-docx", vec![("reason", text(reason))]),
        SourceError::DocxEncrypted { .. } => ("error-docx-encrypted", vec![]),
        SourceError::LegacyDoc { .. } => ("error-legacy-doc", vec![]),
        SourceError::Unsupported { format, .. } => {
            ("error-unsupported-format", vec![("format", text(format))])
        }
        SourceError::NoBodyText { format, what, .. } => (
            "error-no-body-text",
            // the kind of file and what it holds, as select keys
            vec![("format", text(format)), ("what", text(what))],
        ),
    };
    locale.tr(id, &args)
}

/// Why a text is not analysed (`language::refused`), without its file, in
/// `locale`'s language: its language, its script, or its garbled letters.
pub fn refused(why: &Refused, locale: &Locale) -> String {
    match why {
        Refused::Language(lang) => language_not_analysed(lang, locale),
        Refused::Script(script) => locale.tr(
            "error-script",
            &[("script", Value::from(script.to_string()))],
        ),
        Refused::Garbled => locale.t("error-garbled"),
    }
}

/// The message for a text in a language treatyscan does not analyse,
/// without its file: the language's code, and its name in English for an
/// English report, in itself for the others ("nl (Nederlands)").
pub fn language_not_analysed(lang: &Detected, locale: &Locale) -> String {
    let name = match locale.lang() {
        crate::locale::Lang::En => lang.name,
        _ => lang.native_name,
    };
    locale.tr(
        "error-language",
        &[
            ("code", Value::from(lang.code)),
            ("name", Value::from(name)),
        ],
    )
}

/// The line for standard error: "error: FILE: message", with the language's
/// colons ("erreur : FILE : message").
pub fn error_line(path: &str, message: &str, locale: &Locale) -> String {
    format!(
        "{} {}",
        locale.colon(&locale.t("error-prefix")),
        locale.labelled(path, message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use std::path::PathBuf;

    /// English says what `SourceError` itself says, for every kind.
    #[test]
    fn english_is_the_errors_own_wording() {
        let path = PathBuf::from("a.pdf");
        let all = [
            SourceError::NotFound { path: path.clone() },
            SourceError::IsDirectory { path: path.clone() },
            SourceError::Unreadable {
                path: path.clone(),
                reason: "denied".into(),
            },
            SourceError::Empty { path: path.clone() },
            SourceError::TooLarge {
                path: path.clone(),
                size_mb: 200,
                limit_mb: 128,
            },
            SourceError::Binary {
                path: path.clone(),
                detail: "NUL bytes".into(),
            },
            SourceError::NotPdf {
                path: path.clone(),
                detail: "it contains NUL bytes".into(),
            },
            SourceError::Xml {
                path: path.clone(),
                reason: "bad tag".into(),
            },
            SourceError::Pdf {
                path: path.clone(),
                reason: "no trailer".into(),
            },
            SourceError::PdfEncrypted { path: path.clone() },
            SourceError::PdfNeedsOcr { path: path.clone() },
            SourceError::PdfScript {
                path: path.clone(),
                script: "Japanese",
            },
            SourceError::NoText { path: path.clone() },
            SourceError::TimedOut {
                path: path.clone(),
                seconds: 2.5,
            },
            SourceError::Internal {
                path: path.clone(),
                detail: "index out of bounds".into(),
            },
            SourceError::Docx {
                path: path.clone(),
                reason: "no word/document.xml".into(),
            },
            SourceError::DocxEncrypted { path: path.clone() },
            SourceError::LegacyDoc { path: path.clone() },
            SourceError::NoBodyText {
                path: path.clone(),
                format: "HTML page",
                what: "markup",
            },
            SourceError::NoBodyText {
                path: path.clone(),
                format: "Markdown",
                what: "headings",
            },
        ];
        let en = Locale::of(Lang::En);
        for e in &all {
            assert_eq!(format!("a.pdf: {}", source_error(e, en)), e.to_string());
            for lang in [Lang::Es, Lang::Fr] {
                let said = source_error(e, Locale::of(lang));
                assert!(!said.is_empty() && !said.starts_with("error-"), "{said}");
                assert_ne!(said, source_error(e, en), "{lang:?}: {said}");
            }
        }
    }

    #[test]
    fn the_line_takes_the_languages_colons() {
        let fr = Locale::of(Lang::Fr);
        let e = SourceError::Empty {
            path: PathBuf::from("x.txt"),
        };
        assert_eq!(
            error_line("x.txt", &source_error(&e, fr), fr),
            "erreur : x.txt : le fichier est vide"
        );
        let en = Locale::of(Lang::En);
        assert_eq!(
            error_line("x.txt", &source_error(&e, en), en),
            "error: x.txt: file is empty"
        );
        let dutch = Detected {
            code: "nl",
            name: "Dutch",
            native_name: "Nederlands",
            reliable: true,
        };
        assert_eq!(
            language_not_analysed(&dutch, en),
            "language nl (Dutch) is not analysed; treatyscan reads English, Spanish and French"
        );
        assert_eq!(
            refused(&Refused::Script("Cyrillic"), en),
            "text in Cyrillic script is not analysed; treatyscan reads English, Spanish and French"
        );
        assert_eq!(
            refused(&Refused::Script("Arabic"), fr),
            "un texte en écriture arabe n'est pas analysé ; treatyscan lit l'anglais, l'espagnol et le français"
        );
        let es = Locale::of(Lang::Es);
        assert_eq!(
            refused(&Refused::Script("Japanese"), es),
            "un texto en escritura japonesa no se analiza; treatyscan lee inglés, español y francés"
        );
        // every script name `Refused::Script` can carry has its own words,
        // not the fallback's
        let names = crate::text::language::SCRIPTS.iter().map(|(_, name)| *name);
        for script in names.chain(["non-Latin"]) {
            let other = script == "non-Latin";
            let en_said = refused(&Refused::Script(script), en);
            let named = if other { "a non-Latin script" } else { script };
            assert!(en_said.contains(named), "{en_said}");
            assert_eq!(
                refused(&Refused::Script(script), fr).contains("non latine"),
                other
            );
            assert_eq!(
                refused(&Refused::Script(script), es).contains("no latina"),
                other
            );
        }
        assert!(refused(&Refused::Garbled, es).starts_with("el texto"));
        // the code after the name: "el idioma de (Deutsch)" read as "the
        // language of (Deutsch)"
        assert_eq!(
            language_not_analysed(&dutch, es),
            "el idioma Nederlands (código nl) no se analiza; treatyscan lee inglés, español y francés"
        );
        assert_eq!(
            language_not_analysed(&dutch, fr),
            "la langue Nederlands (code nl) n'est pas analysée ; treatyscan lit l'anglais, l'espagnol et le français"
        );
    }
}
