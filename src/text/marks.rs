//! Marked words inside an excerpt: the one place where byte ranges meet the
//! text they point into. A `Marks` is built only through [`Marks::snap`],
//! which moves every range onto char boundaries and out to whole words, so
//! that no renderer can slice inside a character ("…") or show half a word
//! ("ré«affirment»", "servicios «audiovisual»es").

use serde::Serialize;
use std::ops::Range;

/// Byte ranges of marked words in one text: each on char boundaries, covering
/// whole words, non-empty, sorted and not overlapping (touching or overlapping
/// ranges are merged). Serialised as a list of `[start, end]` byte pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks(Vec<(usize, usize)>);

impl Marks {
    /// Marks for `text` from raw byte ranges, whatever they are: ranges past
    /// the end are clipped, ranges inside a character or a word are widened to
    /// the whole word (letters and digits on either side are taken in), empty
    /// ranges are dropped, overlapping ones merged.
    pub fn snap(text: &str, raw: impl IntoIterator<Item = (usize, usize)>) -> Marks {
        let mut ranges: Vec<(usize, usize)> = raw
            .into_iter()
            .filter_map(|(s, e)| {
                let e = e.min(text.len());
                let s = s.min(e);
                // a match that takes the space before or after its words
                // ("(?:^| )cultural industries means") marks the words only
                let (s, e) = (floor(text, s), ceil(text, e));
                let s = s + text[s..e].len() - text[s..e].trim_start().len();
                let e = s + text[s..e].trim_end().len();
                if s >= e {
                    return None;
                }
                let (s, e) = (
                    word_start(text, floor(text, s)),
                    word_end(text, ceil(text, e)),
                );
                (s < e).then_some((s, e))
            })
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Marks(merged)
    }

    /// The ranges, in text order.
    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.0
    }

    /// Whether no word is marked.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `text` cut into runs, each with whether it is marked, in order; the runs
    /// joined give `text` back. Ranges that do not fit `text` (marks made for
    /// another text) are skipped rather than sliced.
    pub fn pieces<'t>(&self, text: &'t str) -> Vec<(&'t str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for &(s, e) in &self.0 {
            let (Some(before), Some(marked)) = (text.get(at..s), text.get(s..e)) else {
                continue;
            };
            if !before.is_empty() {
                out.push((before, false));
            }
            out.push((marked, true));
            at = e;
        }
        if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
            out.push((rest, false));
        }
        out
    }

    /// The marked words themselves.
    pub fn words<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.0.iter().filter_map(|&(s, e)| text.get(s..e)).collect()
    }
}

impl Serialize for Marks {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The char boundary at or before `i`.
pub fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
pub fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `range` moved onto char boundaries (start down, end up) inside `text`.
pub fn char_range(text: &str, range: Range<usize>) -> Range<usize> {
    let end = ceil(text, range.end);
    floor(text, range.start.min(end))..end
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Where the word holding the char boundary `i` starts (`i` itself when the
/// char before it is not a letter or digit). `i` must be a char boundary.
pub fn word_start(text: &str, i: usize) -> usize {
    let before = &text[..i];
    match before.char_indices().rev().find(|&(_, c)| !is_word_char(c)) {
        Some((j, c)) => j + c.len_utf8(),
        None => 0,
    }
}

/// Where the word holding the char boundary `i` ends (`i` itself when the
/// char at it is not a letter or digit). `i` must be a char boundary.
pub fn word_end(text: &str, i: usize) -> usize {
    let after = &text[i..];
    match after.char_indices().find(|&(_, c)| !is_word_char(c)) {
        Some((j, _)) => i + j,
        None => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_widen_to_whole_words() {
        let text = "Les Parties réaffirment les servicios audiovisuales.";
        let s = text.find("affirment").unwrap();
        let a = text.find("audiovisual").unwrap();
        let m = Marks::snap(text, [(a, a + "audiovisual".len()), (s, s + 9)]);
        assert_eq!(m.words(text), ["réaffirment", "audiovisuales"]);
    }

    #[test]
    fn the_spaces_a_match_takes_are_not_marked() {
        // a definition rule's match takes the space before its words
        let text = "a) industrias culturales significa las personas";
        let s = text.find(" industrias").unwrap();
        let e = text.find(" las").unwrap() + 1;
        let m = Marks::snap(text, [(s, e)]);
        assert_eq!(m.words(text), ["industrias culturales significa"]);
        assert!(
            Marks::snap(text, [(2, 3)]).is_empty(),
            "a space alone marks nothing"
        );
    }

    #[test]
    fn ranges_inside_a_char_or_past_the_end_are_mended() {
        let text = "culture …";
        let ellipsis = text.find('…').unwrap();
        // the end of a range inside the three bytes of '…'
        let m = Marks::snap(text, [(0, ellipsis + 1), (50, 60), (3, 3)]);
        for &(s, e) in m.ranges() {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
        assert_eq!(m.words(text), ["culture …"]);
    }

    #[test]
    fn overlapping_ranges_merge_and_sort() {
        let text = "cultural industries and services";
        let m = Marks::snap(text, [(24, 32), (0, 8), (4, 19)]);
        assert_eq!(m.words(text), ["cultural industries", "services"]);
    }

    #[test]
    fn pieces_give_the_text_back() {
        let text = "ré affirment «x» é";
        for raw in [vec![(1, 2)], vec![(0, 40)], vec![(5, 7), (2, 3)], vec![]] {
            let m = Marks::snap(text, raw);
            let joined: String = m.pieces(text).iter().map(|p| p.0).collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn every_byte_range_snaps_to_boundaries() {
        let text = "Artículo 5 – ﬁlm «œuvres» 日本 ...";
        for s in 0..=text.len() + 2 {
            for e in 0..=text.len() + 2 {
                let m = Marks::snap(text, [(s, e)]);
                for &(a, b) in m.ranges() {
                    assert!(a < b && b <= text.len());
                    assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                }
            }
        }
    }
}
