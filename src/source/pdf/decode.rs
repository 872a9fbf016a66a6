//! Stream filters under budget: every layer of a filter chain is decoded with
//! a ceiling on its output, and every byte it produces is counted against
//! the file's budget, so a decompression bomb behind any number of layers
//! stops at the limit instead of exhausting memory. Image filters (DCT, JPX,
//! CCITT, JBIG2) are never decoded: text does not live there.

use super::font::deref;
use super::limits::{Budget, OverLimit, PdfLimits};
use lopdf::{Dictionary, Document, Object, Stream};

/// Why a stream could not be decoded.
#[derive(Debug)]
pub enum DecodeError {
    /// Past a budget: the file is refused, with this reason.
    Limit(OverLimit),
    /// A filter this reader does not decode, or data it cannot make sense
    /// of: the stream is skipped.
    Unreadable(String),
}

impl From<OverLimit> for DecodeError {
    fn from(e: OverLimit) -> Self {
        DecodeError::Limit(e)
    }
}

/// Decodes `stream` through all its filters, in order (`doc` resolves
/// filters and parameters given by reference).
pub fn decode(
    stream: &Stream,
    doc: &Document,
    limits: &PdfLimits,
    budget: &Budget,
) -> Result<Vec<u8>, DecodeError> {
    let filters = names_of(doc, deref(doc, stream.dict.get(b"Filter").ok()));
    let params = params_of(
        doc,
        deref(doc, stream.dict.get(b"DecodeParms").ok()),
        filters.len(),
    );
    let mut data = stream.content.clone();
    for (filter, param) in filters.iter().zip(params) {
        data = decode_one(filter, param, &data, limits)?;
        budget.spend(data.len() as u64)?;
    }
    Ok(data)
}

fn names_of(doc: &Document, o: Option<&Object>) -> Vec<Vec<u8>> {
    match o {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| deref(doc, Some(o)))
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    }
}

fn params_of<'a>(
    doc: &'a Document,
    o: Option<&'a Object>,
    n: usize,
) -> Vec<Option<&'a Dictionary>> {
    let mut out: Vec<Option<&Dictionary>> = match o {
        Some(Object::Dictionary(d)) => vec![Some(d)],
        Some(Object::Array(a)) => a
            .iter()
            .map(|o| deref(doc, Some(o)).and_then(|o| o.as_dict().ok()))
            .collect(),
        _ => Vec::new(),
    };
    out.resize(n, None);
    out
}

fn decode_one(
    filter: &[u8],
    params: Option<&Dictionary>,
    data: &[u8],
    limits: &PdfLimits,
) -> Result<Vec<u8>, DecodeError> {
    let max = limits.max_stream_bytes;
    let out = match filter {
        b"FlateDecode" | b"Fl" => inflate(data, max)?,
        b"LZWDecode" | b"LZW" => lzw(data, params, max)?,
        b"ASCIIHexDecode" | b"AHx" => ascii_hex(data),
        b"ASCII85Decode" | b"A85" => ascii85(data)?,
        b"RunLengthDecode" | b"RL" => run_length(data, max)?,
        b"Crypt" => data.to_vec(),
        other => {
            return Err(DecodeError::Unreadable(format!(
                "stream filter {} is not read",
                String::from_utf8_lossy(other)
            )))
        }
    };
    if out.len() as u64 > max {
        return Err(too_big(max));
    }
    match filter {
        b"FlateDecode" | b"Fl" | b"LZWDecode" | b"LZW" => unpredict(out, params, limits),
        _ => Ok(out),
    }
}

fn too_big(max: u64) -> DecodeError {
    DecodeError::Limit(OverLimit(format!(
        "a stream decodes to more than {} (the limit for one stream)",
        super::limits::size(max)
    )))
}

/// Inflates zlib data (or raw deflate, which some producers write), keeping
/// what came out before a damaged end, as other readers do: the input is
/// fed a little at a time so that an error loses only the last piece. Data
/// from which nothing inflates is `Unreadable` (not deflated at all, or
/// still encrypted), not an empty stream.
fn inflate(data: &[u8], max: u64) -> Result<Vec<u8>, DecodeError> {
    use flate2::{Decompress, FlushDecompress, Status};
    let zlib = data.len() >= 2 && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    let mut d = Decompress::new(zlib);
    let mut out: Vec<u8> = Vec::new();
    let mut input = data;
    loop {
        if out.capacity() - out.len() < 16 * 1024 {
            out.reserve(64 * 1024);
        }
        let (in_before, out_before) = (d.total_in(), d.total_out());
        let piece = &input[..input.len().min(1024)];
        let status = d.decompress_vec(piece, &mut out, FlushDecompress::None);
        let consumed = (d.total_in() - in_before) as usize;
        input = &input[consumed..];
        if out.len() as u64 > max {
            return Err(too_big(max));
        }
        match status {
            // nothing came out: the data is not deflated (or still encrypted)
            Err(_) if out.is_empty() => {
                return Err(DecodeError::Unreadable(
                    "a compressed stream could not be inflated".into(),
                ))
            }
            Ok(Status::StreamEnd) | Err(_) => break,
            Ok(_) if consumed == 0 && d.total_out() == out_before => break,
            Ok(_) => {}
        }
    }
    Ok(out)
}

fn lzw(data: &[u8], params: Option<&Dictionary>, max: u64) -> Result<Vec<u8>, DecodeError> {
    let early = params
        .and_then(|p| p.get(b"EarlyChange").ok())
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(1);
    let mut decoder = if early == 0 {
        weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
    } else {
        weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
    };
    let mut out = Vec::new();
    let mut input = data;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let r = decoder.decode_bytes(input, &mut buf);
        out.extend_from_slice(&buf[..r.consumed_out]);
        if out.len() as u64 > max {
            return Err(too_big(max));
        }
        input = &input[r.consumed_in..];
        match r.status {
            Ok(weezl::LzwStatus::Ok) if r.consumed_in + r.consumed_out > 0 => continue,
            _ => break,
        }
    }
    Ok(out)
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let end = data.iter().position(|&c| c == b'>').unwrap_or(data.len());
    hex_bytes(&data[..end])
}

/// Bytes from hex digits, whitespace and other bytes ignored; an odd last
/// digit is padded with 0 (as in PDF hex strings).
pub fn hex_bytes(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn ascii85(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
                    if v > u64::from(u32::MAX) {
                        return Err(DecodeError::Unreadable("bad ASCII85 data".into()));
                    }
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    Ok(out)
}

fn run_length(data: &[u8], max: u64) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let len = data[i];
        i += 1;
        match len {
            128 => break,
            0..=127 => {
                let end = (i + len as usize + 1).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            _ => {
                if let Some(&b) = data.get(i) {
                    out.extend(std::iter::repeat_n(b, 257 - len as usize));
                }
                i += 1;
            }
        }
        if out.len() as u64 > max {
            return Err(too_big(max));
        }
    }
    Ok(out)
}

/// Undoes a PNG (10-15) or TIFF (2) predictor, after checking that its row
/// shape is within the limits (a row of 2³¹ colours is refused before any
/// allocation).
fn unpredict(
    data: Vec<u8>,
    params: Option<&Dictionary>,
    limits: &PdfLimits,
) -> Result<Vec<u8>, DecodeError> {
    let get = |k: &[u8], d: i64| {
        params
            .and_then(|p| p.get(k).ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(d)
    };
    let predictor = get(b"Predictor", 1);
    if predictor < 2 {
        return Ok(data);
    }
    let (colors, bpc, columns) = (
        get(b"Colors", 1),
        get(b"BitsPerComponent", 8),
        get(b"Columns", 1),
    );
    if colors < 1 || bpc < 1 || columns < 1 || bpc > 16 {
        return Err(DecodeError::Unreadable("bad predictor parameters".into()));
    }
    let (colors, bpc, columns) = (colors as u64, bpc as u64, columns as u64);
    if colors > limits.max_predictor_colors {
        return Err(DecodeError::Limit(OverLimit(format!(
            "a stream's predictor has {colors} colours (the limit is {})",
            limits.max_predictor_colors
        ))));
    }
    let row = columns
        .checked_mul(colors * bpc)
        .map(|bits| bits.div_ceil(8))
        .filter(|&r| r <= limits.max_predictor_row)
        .ok_or_else(|| {
            DecodeError::Limit(OverLimit(format!(
                "a stream's predictor rows are wider than {} bytes (the limit)",
                limits.max_predictor_row
            )))
        })? as usize;
    let pixel = (colors * bpc).div_ceil(8) as usize;
    if predictor == 2 {
        // TIFF: only whole-byte components are undone; others are kept as is
        let mut data = data;
        if bpc == 8 {
            for line in data.chunks_mut(row) {
                for i in pixel..line.len() {
                    line[i] = line[i].wrapping_add(line[i - pixel]);
                }
            }
        }
        return Ok(data);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = (chunk[0], &chunk[1..]);
        let mut cur = line.to_vec();
        cur.resize(row, 0);
        for i in 0..row {
            let a = if i >= pixel { cur[i - pixel] } else { 0 };
            let b = prev[i];
            let c = if i >= pixel { prev[i - pixel] } else { 0 };
            cur[i] = cur[i].wrapping_add(match kind {
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                _ => 0,
            });
        }
        out.extend_from_slice(&cur[..line.len().min(row)]);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn a_bomb_behind_two_filter_layers_stops_at_the_stream_limit() {
        let limits = PdfLimits {
            max_stream_bytes: 1 << 20,
            ..PdfLimits::default()
        };
        let inner = zlib(&vec![b' '; 4 << 20]);
        let outer = ascii_hex_encode(&inner);
        let s = Stream::new(
            dictionary! { "Filter" => vec!["ASCIIHexDecode".into(), "FlateDecode".into()] },
            outer,
        );
        let r = decode(&s, &Document::new(), &limits, &Budget::new(u64::MAX));
        assert!(matches!(r, Err(DecodeError::Limit(_))), "{r:?}");
    }

    #[test]
    fn the_file_budget_counts_every_layer_of_every_stream() {
        let limits = PdfLimits::default();
        let budget = Budget::new(2500);
        let s = Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            zlib(&[b'x'; 1000]),
        );
        assert_eq!(
            decode(&s, &Document::new(), &limits, &budget)
                .unwrap()
                .len(),
            1000
        );
        assert!(decode(&s, &Document::new(), &limits, &budget).is_ok());
        assert!(matches!(
            decode(&s, &Document::new(), &limits, &budget),
            Err(DecodeError::Limit(_))
        ));
    }

    #[test]
    fn a_predictor_of_two_billion_colours_is_refused_before_allocating() {
        let s = Stream::new(
            dictionary! {
                "Filter" => "FlateDecode",
                "DecodeParms" => dictionary! { "Predictor" => 12, "Colors" => 1i64 << 31, "Columns" => 1 },
            },
            zlib(b"\x02abc"),
        );
        let r = decode(
            &s,
            &Document::new(),
            &PdfLimits::default(),
            &Budget::new(u64::MAX),
        );
        assert!(matches!(r, Err(DecodeError::Limit(_))), "{r:?}");
    }

    #[test]
    fn png_up_predictor_is_undone() {
        let s = Stream::new(
            dictionary! {
                "Filter" => "FlateDecode",
                "DecodeParms" => dictionary! { "Predictor" => 12, "Columns" => 3 },
            },
            zlib(b"\x02abc\x02\x01\x01\x01"),
        );
        let out = decode(
            &s,
            &Document::new(),
            &PdfLimits::default(),
            &Budget::new(u64::MAX),
        )
        .unwrap();
        assert_eq!(out, b"abcbcd");
    }

    #[test]
    fn ascii85_and_run_length() {
        assert_eq!(ascii85(b"<~87cURD]i,\"Ebo80~>").unwrap(), b"Hello World!");
        assert_eq!(run_length(b"\x02abc\xfdz\x80", 100).unwrap(), b"abczzzz");
    }

    fn ascii_hex_encode(data: &[u8]) -> Vec<u8> {
        let mut s: Vec<u8> = data
            .iter()
            .flat_map(|b| format!("{b:02x}").into_bytes())
            .collect();
        s.push(b'>');
        s
    }
}
