//! Writes small Word documents for the tests: the XML parts a word processor
//! would write, zipped with the `zip` crate, so every fixture is reviewable
//! source rather than a binary blob.
#![allow(dead_code)]

use std::io::Write;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The parts of a document: `word/document.xml`'s body, and optional
/// numbering, styles, footnotes and endnotes (their inner XML).
#[derive(Default)]
pub struct Docx {
    pub body: String,
    pub numbering: Option<String>,
    pub styles: Option<String>,
    pub footnotes: Option<String>,
    pub endnotes: Option<String>,
    /// Extra parts as (name, content), e.g. a comments part.
    pub extra: Vec<(String, String)>,
}

fn wrap(root: &str, inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">{inner}</w:{root}>"#
    )
}

impl Docx {
    pub fn new(body: impl Into<String>) -> Self {
        Docx {
            body: body.into(),
            ..Docx::default()
        }
    }

    /// The document as the bytes of a .docx file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut parts: Vec<(String, String)> = vec![
            (
                "[Content_Types].xml".into(),
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.into(),
            ),
            (
                "_rels/.rels".into(),
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into(),
            ),
            (
                "word/document.xml".into(),
                wrap("document", &format!("<w:body>{}</w:body>", self.body)),
            ),
        ];
        if let Some(n) = &self.numbering {
            parts.push(("word/numbering.xml".into(), wrap("numbering", n)));
        }
        if let Some(s) = &self.styles {
            parts.push(("word/styles.xml".into(), wrap("styles", s)));
        }
        if let Some(f) = &self.footnotes {
            parts.push(("word/footnotes.xml".into(), wrap("footnotes", f)));
        }
        if let Some(e) = &self.endnotes {
            parts.push(("word/endnotes.xml".into(), wrap("endnotes", e)));
        }
        parts.extend(self.extra.iter().cloned());
        zip_parts(&parts)
    }
}

/// A zip of the given (name, content) entries, deflated.
pub fn zip_parts(parts: &[(String, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// XML-escaped text.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A plain paragraph.
pub fn p(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// A paragraph numbered by list `num_id` at level `ilvl`.
pub fn numbered(num_id: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// A paragraph in style `style`.
pub fn styled(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// A run of text.
pub fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

/// A tracked insertion by `author` on `date`.
pub fn ins(author: &str, date: &str, text: &str) -> String {
    format!(
        r#"<w:ins w:id="1" w:author="{author}" w:date="{date}">{}</w:ins>"#,
        run(text)
    )
}

/// A tracked deletion by `author` on `date`.
pub fn del(author: &str, date: &str, text: &str) -> String {
    format!(
        r#"<w:del w:id="2" w:author="{author}" w:date="{date}"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>"#,
        esc(text)
    )
}

/// An abstract numbering with one level per `(lvlText, numFmt)`, and a list
/// instance `num_id` of it, optionally restarting level 0 at `restart`.
pub fn list(abstract_id: u32, levels: &[(&str, &str)]) -> String {
    let lvls: String = levels
        .iter()
        .enumerate()
        .map(|(i, (text, fmt))| {
            format!(
                r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>"#
            )
        })
        .collect();
    format!(r#"<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>"#)
}

/// A list instance of an abstract numbering, optionally restarting level 0.
pub fn num(num_id: u32, abstract_id: u32, restart: Option<u32>) -> String {
    let over = restart
        .map(|s| {
            format!(r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{s}"/></w:lvlOverride>"#)
        })
        .unwrap_or_default();
    format!(r#"<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>"#)
}
