//! Small PDFs written for tests with lopdf: Helvetica text lines at given
//! positions, one page per slice. Shared by the test files that need a PDF
//! of known words (`#[path = "support/pdf_writer.rs"] mod pdf_writer;`).
#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, ObjectId, Stream};

/// One line of text to draw: x, y (from the page bottom), font size, text.
pub type Line<'a> = (f64, f64, f64, &'a str);

/// Writes a PDF with one Helvetica text line per `Line`, one page per slice.
pub fn write_pdf(pages: &[Vec<Line>]) -> Vec<u8> {
    write_pdf_pages(pages.iter().map(|lines| draw_lines(lines)).collect())
}

/// Writes a PDF of these content streams, one page each, with Helvetica as
/// font `F1` (for pages `Line`s cannot draw, such as operands that are not
/// `f32` reals).
pub fn write_pdf_pages(pages: Vec<Content>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let kids: Vec<Object> = pages
        .into_iter()
        .map(|content| add_page(&mut doc, pages_id, content).into())
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("writing a PDF to memory");
    bytes
}

fn add_page(doc: &mut Document, parent: ObjectId, content: Content) -> ObjectId {
    let stream = Stream::new(dictionary! {}, content.encode().expect("encoding content"));
    let content_id = doc.add_object(stream);
    doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => parent,
        "Contents" => content_id,
    })
}

/// Each line in its own text object, drawn in the given order (which need
/// not be reading order).
pub fn draw_lines(lines: &[Line]) -> Content {
    let mut operations = Vec::new();
    for &(x, y, size, text) in lines {
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), size.into()]),
            Operation::new("Td", vec![x.into(), y.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ]);
    }
    Content { operations }
}

/// Pages of lines drawn from the top down, `spacing` points apart, at the
/// left margin in 11-point Helvetica.
pub fn pages_of_lines(pages: &[&[&str]], spacing: f64) -> Vec<u8> {
    let pages: Vec<Vec<Line>> = pages
        .iter()
        .map(|lines| {
            lines
                .iter()
                .enumerate()
                .map(|(n, text)| (72.0, 760.0 - spacing * n as f64, 11.0, *text))
                .collect()
        })
        .collect();
    write_pdf(&pages)
}
