//! The few shapes of an Office Open XML part the Word reader needs: elements
//! by local name (prefixes dropped, as producers choose their own), their
//! attributes, and text, in document order.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One element or piece of text; an empty element is an `Open` then a `Close`.
#[derive(Debug)]
pub enum Ev {
    Open(El),
    Close(String),
    Text(String),
}

#[derive(Debug)]
pub struct El {
    /// Local name: `p` for `w:p`, `Fallback` for `mc:Fallback`.
    pub name: String,
    /// Attributes by local name (`val` for `w:val`), values unescaped.
    pub attrs: Vec<(String, String)>,
}

impl El {
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }
}

fn element(e: &BytesStart) -> El {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = a
                .unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (key, value)
        })
        .collect();
    El { name, attrs }
}

/// Every event of `xml`, or the parse error with its byte position.
pub fn events(xml: &str) -> Result<Vec<Ev>, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} (at byte {})", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                out.push(Ev::Open(element(&e)));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                out.push(Ev::Close(
                    String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
                ));
            }
            Event::Text(t) => {
                let text = t.xml_content().map_err(|e| e.to_string())?;
                out.push(Ev::Text(text.into_owned()));
            }
            Event::CData(t) => out.push(Ev::Text(String::from_utf8_lossy(&t).into_owned())),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let text = super::super::tota::resolve_entity(&name)
                    .ok_or_else(|| format!("unknown entity &{name};"))?;
                out.push(Ev::Text(text));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err("the part ends inside an element (truncated?)".into());
    }
    Ok(out)
}
