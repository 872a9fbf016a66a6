//! ToUnicode CMaps: character codes to text. A range is stored as one entry
//! whatever its width, so a range over the whole 32-bit code space costs
//! what a range of two codes costs; the number of entries is capped.

use super::limits::OverLimit;
use std::collections::HashMap;

/// Where a range of codes maps to.
#[derive(Debug, Clone)]
enum Target {
    /// The first code's text; later codes add their distance to its last
    /// UTF-16 unit.
    Base(Vec<u16>),
    /// One text per code, in order.
    List(Vec<String>),
}

/// A parsed ToUnicode CMap.
#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    chars: HashMap<(u32, u8), String>,
    /// (first code, last code, code length in bytes, target), sorted by first code.
    ranges: Vec<(u32, u32, u8, Target)>,
    /// Code lengths in bytes declared by `begincodespacerange`.
    pub code_lengths: Vec<u8>,
}

impl ToUnicode {
    /// Parses CMap text; errors only past `max_entries` mappings. Syntax it
    /// cannot read is skipped, as other readers do.
    pub fn parse(data: &[u8], max_entries: usize) -> Result<Self, OverLimit> {
        let tokens = tokens(data);
        let mut map = ToUnicode::default();
        let mut entries = 0usize;
        let mut count = |n: usize| {
            entries += n;
            if entries > max_entries {
                Err(OverLimit(format!(
                    "a font's ToUnicode map has more than {max_entries} entries (the limit)"
                )))
            } else {
                Ok(())
            }
        };
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Tok::Word(w) if w == b"begincodespacerange" => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(_))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let n = lo.len().clamp(1, 4) as u8;
                        if !map.code_lengths.contains(&n) {
                            map.code_lengths.push(n);
                        }
                        i += 2;
                    }
                }
                Tok::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while let (Some(Tok::Hex(src)), Some(dst)) = (tokens.get(i), tokens.get(i + 1))
                    {
                        count(1)?;
                        if let (Some(code), Tok::Hex(dst)) = (code_of(src), dst) {
                            map.chars.insert(code, utf16_text(dst));
                        }
                        i += 2;
                    }
                }
                Tok::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        count(1)?;
                        if let (Some((lo, len)), Some((hi, _))) = (code_of(lo), code_of(hi)) {
                            let target = match dst {
                                Tok::Hex(d) => Some(Target::Base(units(d))),
                                Tok::Array(items) => {
                                    count(items.len())?;
                                    Some(Target::List(
                                        items.iter().map(|d| utf16_text(d)).collect(),
                                    ))
                                }
                                Tok::Word(_) => None,
                            };
                            if let Some(t) = target.filter(|_| lo <= hi) {
                                map.ranges.push((lo, hi, len, t));
                            }
                        }
                        i += 3;
                    }
                }
                _ => i += 1,
            }
        }
        map.ranges.sort_by_key(|r| r.0);
        Ok(map)
    }

    /// The text of `code` (`len` bytes long), if the map has it.
    pub fn get(&self, code: u32, len: u8) -> Option<String> {
        if let Some(s) = self.chars.get(&(code, len)) {
            return Some(s.clone());
        }
        let end = self.ranges.partition_point(|r| r.0 <= code);
        self.ranges[..end]
            .iter()
            .rev()
            .take(8)
            .find(|r| r.2 == len && code <= r.1)
            .and_then(|(lo, _, _, t)| {
                let k = code - lo;
                match t {
                    Target::List(l) => l.get(k as usize).cloned(),
                    Target::Base(b) => {
                        let mut b = b.clone();
                        let last = b.last_mut()?;
                        *last = last.wrapping_add(k as u16);
                        Some(String::from_utf16_lossy(&b))
                    }
                }
            })
    }

    /// Whether any mapping uses codes of `len` bytes.
    pub fn has_length(&self, len: u8) -> bool {
        self.chars.keys().any(|k| k.1 == len) || self.ranges.iter().any(|r| r.2 == len)
    }
}

fn code_of(hex: &[u8]) -> Option<(u32, u8)> {
    (1..=4).contains(&hex.len()).then(|| {
        (
            hex.iter().fold(0u32, |a, &b| a << 8 | u32::from(b)),
            hex.len() as u8,
        )
    })
}

fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from(c[0]) << 8 | u16::from(c.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&units(bytes))
}

#[derive(Debug)]
enum Tok {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Word(Vec<u8>),
}

/// The tokens a ToUnicode CMap needs: hex strings, arrays of hex strings,
/// and bare words (operators, names and numbers alike). Comments and
/// literal strings are skipped.
fn tokens(data: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut array: Option<Vec<Vec<u8>>> = None;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' => i += 1,
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let hex = super::decode::hex_bytes(&data[i + 1..end]);
                match array.as_mut() {
                    Some(a) => a.push(hex),
                    None => out.push(Tok::Hex(hex)),
                }
                i = end + 1;
            }
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                if let Some(a) = array.take() {
                    out.push(Tok::Array(a));
                }
                i += 1;
            }
            b'(' => {
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                i += 1;
                while i < data.len() && !b" \t\r\n\x0c\0<>[]()/%".contains(&data[i]) {
                    i += 1;
                }
                if array.is_none() {
                    out.push(Tok::Word(data[start..i].to_vec()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_ranges_and_arrays() {
        let m = ToUnicode::parse(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange
              2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
              % a comment
              2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0078> <0079>] endbfrange",
            100,
        )
        .unwrap();
        assert_eq!(m.code_lengths, [2]);
        assert_eq!(m.get(3, 2).as_deref(), Some(" "));
        assert_eq!(m.get(0x11, 2).as_deref(), Some("fi"));
        assert_eq!(m.get(0x25, 2).as_deref(), Some("B"));
        assert_eq!(m.get(0x31, 2).as_deref(), Some("y"));
        assert_eq!(m.get(0x27, 2), None);
        assert_eq!(m.get(0x25, 1), None);
    }

    #[test]
    fn a_range_over_the_whole_32_bit_space_is_one_entry() {
        let m = ToUnicode::parse(
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange",
            10,
        )
        .unwrap();
        assert_eq!(m.get(1, 4).as_deref(), Some("B"));
        assert_eq!(m.ranges.len(), 1);
    }

    #[test]
    fn too_many_entries_are_refused() {
        let mut s = b"3 beginbfchar ".to_vec();
        for i in 0..3 {
            s.extend(format!("<{i:02x}> <0041> ").into_bytes());
        }
        assert!(ToUnicode::parse(&s, 2).is_err());
        assert!(ToUnicode::parse(&s, 3).is_ok());
    }
}
