//! A damaged or missing cross-reference table rebuilt the way other readers
//! do it: by scanning the file for `N G obj` and taking the last definition
//! of each object, with the catalog found by its type. The rebuilt table and
//! trailer are appended, so the original bytes are read unchanged.

use regex::bytes::Regex;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// The file with a fresh cross-reference table and trailer appended, or
/// `None` when no catalog object can be found.
pub fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    static OBJ: OnceLock<Regex> = OnceLock::new();
    static CATALOG: OnceLock<Regex> = OnceLock::new();
    let obj = OBJ.get_or_init(|| {
        Regex::new(r"(?m)(?:^|[\r\n\s])(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b")
            .expect("valid regex")
    });
    let catalog = CATALOG.get_or_init(|| Regex::new(r"/Type\s*/Catalog\b").expect("valid regex"));
    let mut objects: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    let mut root = None;
    let found: Vec<_> = obj.captures_iter(bytes).collect();
    for (i, c) in found.iter().enumerate() {
        let (Some(n), Some(g)) = (number(&c[1]), number(&c[2])) else {
            continue;
        };
        let Ok(g) = u16::try_from(g) else { continue };
        let at = c.get(1).map_or(0, |m| m.start());
        objects.insert(n, (at, g));
        let end = found
            .get(i + 1)
            .and_then(|n| n.get(1))
            .map_or(bytes.len(), |m| m.start());
        let body = &bytes[at..end];
        let body = &body[..memchr::memmem::find(body, b"endobj").unwrap_or(body.len())];
        if catalog.is_match(body) {
            root = Some((n, g));
        }
    }
    let (root_n, root_g) = root?;
    let size = objects.keys().next_back().map_or(1, |&n| n + 1);
    let mut table = String::new();
    let _ = write!(table, "\nxref\n0 {size}\n");
    for n in 0..size {
        match objects.get(&n) {
            Some((at, g)) => {
                let _ = write!(table, "{at:010} {g:05} n\r\n");
            }
            None => table.push_str("0000000000 65535 f\r\n"),
        }
    }
    // an encrypted file keeps its encryption dictionary and identifier
    static KEEP: OnceLock<Regex> = OnceLock::new();
    let keep = KEEP.get_or_init(|| {
        Regex::new(r"/Encrypt\s+\d+\s+\d+\s+R|/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")
            .expect("valid regex")
    });
    let mut extra = String::new();
    for key in [&b"/Encrypt"[..], b"/ID"] {
        if let Some(m) = keep
            .find_iter(bytes)
            .filter(|m| m.as_bytes().starts_with(key))
            .last()
        {
            extra.push(' ');
            extra.push_str(&String::from_utf8_lossy(m.as_bytes()));
        }
    }
    let mut out = bytes.to_vec();
    let xref_at = out.len() + 1;
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {size} /Root {root_n} {root_g} R{extra} >>\nstartxref\n{xref_at}\n%%EOF\n"
        )
        .as_bytes(),
    );
    Some(out)
}

fn number(b: &[u8]) -> Option<u32> {
    std::str::from_utf8(b).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_objects_and_the_catalog() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\ngarbage";
        let out = String::from_utf8(rebuild_xref(pdf).unwrap()).unwrap();
        assert!(out.contains("0000000009 00000 n"), "{out}");
        assert!(out.contains("/Root 1 0 R"), "{out}");
        assert!(rebuild_xref(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj").is_none());
    }
}
