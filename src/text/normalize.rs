//! Folding for matching: rules are written once in plain lowercase ASCII-ish
//! words and must still hit "CULTURAL", "culturales", "Côté", "ﬁlm" or
//! “Convention”. The folded text keeps a map back to the original so that
//! excerpts and columns show the words exactly as the agreement prints them.

use unicode_normalization::char::decompose_canonical;

/// Text folded for matching, with a map from each folded byte back to the original.
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    /// The folded text: lowercase, no accents, ASCII quotes and dashes, one space per whitespace
    /// run.
    pub folded: String,
    /// The map back, stretch by stretch in folded order: where a run of
    /// ASCII bytes kept byte for byte begins, or the bytes one other char
    /// folded to (most of a text is the first kind, so the map is a few
    /// entries per line rather than one per byte).
    stretches: Vec<Stretch>,
    original_len: usize,
}

/// A stretch of the folded text from byte `folded` on: byte for byte from
/// the original's `start` (when `end` is 0), or every byte from the one
/// original char at `start..end`.
#[derive(Debug, Clone, Copy)]
struct Stretch {
    folded: u32,
    start: u32,
    end: u32,
}

impl FoldedText {
    /// The byte range of the original char a folded byte came from; None past the end.
    fn origin(&self, folded_offset: usize) -> Option<(usize, usize)> {
        if folded_offset >= self.folded.len() {
            return None;
        }
        let at = self
            .stretches
            .partition_point(|s| s.folded as usize <= folded_offset);
        let s = self.stretches[at.checked_sub(1)?];
        Some(if s.end == 0 {
            let o = s.start as usize + (folded_offset - s.folded as usize);
            (o, o + 1)
        } else {
            (s.start as usize, s.end as usize)
        })
    }

    /// The first folded byte whose original char starts at `original` or
    /// later (the folded length when none does): the map runs forward, so a
    /// search over its stretches finds it.
    pub fn first_from(&self, original: usize) -> usize {
        let len = self.folded.len();
        let end_of = |j: usize| {
            self.stretches
                .get(j + 1)
                .map_or(len, |next| next.folded as usize)
        };
        // the first stretch whose last byte's char starts at `original` or
        // later, by bisection (stretches run forward in both texts)
        let ends_before = |j: usize| {
            let s = self.stretches[j];
            let last_start = if s.end == 0 {
                s.start as usize + (end_of(j) - s.folded as usize) - 1
            } else {
                s.start as usize
            };
            last_start < original
        };
        let (mut lo, mut hi) = (0, self.stretches.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if ends_before(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        match self.stretches.get(lo) {
            None => len,
            Some(s) if s.end == 0 => s.folded as usize + original.saturating_sub(s.start as usize),
            Some(s) => s.folded as usize,
        }
    }

    /// Byte offset in the original text for a byte offset in the folded text.
    pub fn original_offset(&self, folded_offset: usize) -> usize {
        match self.origin(folded_offset) {
            Some((start, _)) => start,
            None => self.original_len,
        }
    }

    /// Original byte range for a folded byte range (end is exclusive).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.original_offset(start);
        let e = match end.checked_sub(1).and_then(|last| self.origin(last)) {
            Some((_, char_end)) => char_end,
            None => self.original_len,
        };
        (s, e.max(s))
    }
}

/// Folds `original` for matching: lowercase, no accents, ASCII quotes and dashes,
/// ligatures expanded, any whitespace run (including line breaks) as one space.
/// ASCII bytes and the accented letters of Latin-1 are folded by table, the
/// rest char by char (`fold_char`): the same text as `fold_into`.
pub fn fold_for_matching(original: &str) -> FoldedText {
    let bytes = original.as_bytes();
    let mut folded = Vec::with_capacity(original.len());
    let mut stretches: Vec<Stretch> = Vec::new();
    // the original offset the next folded byte has if the current stretch
    // runs on byte for byte (none after a char of its own)
    let mut next_in_run: Option<usize> = None;
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if last_space && is_ascii_space(b) {
                i += 1; // a space after a space goes
                continue;
            }
            // the stretch kept byte for byte: up to a space after a space,
            // or the first byte that is not ASCII; folded in one go rather
            // than byte by byte (finding a finding's place in its text was
            // a fortieth of a ToTA check)
            let end = kept_run_end(bytes, i);
            if next_in_run != Some(i) {
                stretches.push(Stretch {
                    folded: folded.len() as u32,
                    start: i as u32,
                    end: 0,
                });
            }
            folded.extend(bytes[i..end].iter().map(|&b| fold_ascii_byte(b)));
            last_space = is_ascii_space(bytes[end - 1]);
            next_in_run = Some(end);
            i = end;
            continue;
        }
        next_in_run = None;
        if let Some(letter) = latin1_letter(&bytes[i..]) {
            stretches.push(Stretch {
                folded: folded.len() as u32,
                start: i as u32,
                end: i as u32 + 2,
            });
            folded.push(letter);
            last_space = false;
            i += 2;
            continue;
        }
        let ch = original[i..].chars().next().expect("char boundary");
        let stretch = Stretch {
            folded: folded.len() as u32,
            start: i as u32,
            end: (i + ch.len_utf8()) as u32,
        };
        fold_char(ch, &mut last_space, |c| {
            let mut buf = [0; 4];
            folded.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        });
        if folded.len() > stretch.folded as usize {
            stretches.push(stretch);
        }
        i += ch.len_utf8();
    }
    FoldedText {
        folded: String::from_utf8(folded).expect("folding keeps UTF-8"),
        stretches,
        original_len: original.len(),
    }
}

/// `s` in lower case with each run of digits as one `#`: a line or a passage
/// whatever its numbers ("Page 12 of 40" and "Page 3 of 40" alike, an
/// article's text before and after renumbering).
pub fn mask_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The folded text alone, appended to `out`: what a search needs when no
/// position has to be mapped back (prefilters, scope tests). Same bytes as
/// `fold_for_matching(original).folded`, several times faster on ASCII.
pub fn fold_into(original: &str, out: &mut Vec<u8>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512vbmi2")
        && std::arch::is_x86_feature_detected!("avx512bw")
        && std::arch::is_x86_feature_detected!("popcnt")
    {
        // SAFETY: the processor has AVX-512 BW and VBMI2 and POPCNT, checked
        // just above (once per text, not once per stretch of ASCII).
        return unsafe { simd::fold_into_512(original, out) };
    }
    fold_into_with(original, out, fold_ascii);
}

/// `fold_into`, its ASCII stretches folded by `fold_ascii`.
#[inline(always)]
fn fold_into_with(
    original: &str,
    out: &mut Vec<u8>,
    fold_ascii: impl Fn(&[u8], &mut Vec<u8>, &mut bool) -> usize,
) {
    out.reserve(original.len());
    let bytes = original.as_bytes();
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        i += fold_ascii(&bytes[i..], out, &mut last_space);
        if i == bytes.len() {
            break;
        }
        if let Some(letter) = latin1_letter(&bytes[i..]) {
            out.push(letter);
            last_space = false;
            i += 2;
            continue;
        }
        let ch = original[i..].chars().next().expect("char boundary");
        fold_char(ch, &mut last_space, |c| {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        });
        i += ch.len_utf8();
    }
}

/// The ASCII letter an accented letter of Latin-1 (U+00C0 to U+00FF, two
/// bytes in UTF-8: C3 80 to C3 BF) folds to, when it folds to one letter.
/// Spanish and French texts have one every few words: looked up here, they
/// fold three times faster than through Unicode decomposition.
fn latin1_letter(bytes: &[u8]) -> Option<u8> {
    static LETTERS: std::sync::LazyLock<[u8; 64]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            let ch = char::from_u32(0xC0 + i as u32).expect("Latin-1 letter");
            let mut folded = Vec::new();
            fold_char(ch, &mut false, |c| folded.push(c));
            match folded.as_slice() {
                [c] if c.is_ascii_alphabetic() => *c as u8,
                _ => 0, // ß, æ, ð, ×, ø, þ: left to `fold_char`
            }
        })
    });
    match bytes {
        [0xC3, second @ 0x80..=0xBF, ..] => {
            Some(LETTERS[usize::from(second - 0x80)]).filter(|&l| l != 0)
        }
        _ => None,
    }
}

/// How many bytes at the start of `bytes` are ASCII, found a block at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let mut n = 0;
    while n + BLOCK <= bytes.len() && bytes[n..n + BLOCK].is_ascii() {
        n += BLOCK;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// Folds the ASCII bytes `bytes` starts with onto `out` (lowercase,
/// whitespace as a space, a run of spaces as one); returns how many it read
/// (up to the first non-ASCII byte). ToTA texts have a run of whitespace
/// every 25 bytes or so, so the fold works on blocks of bytes and drops the
/// doubled spaces of a block at once, with no branch per run: 32 bytes at a
/// time with AVX2, 8 at a time otherwise (64 at a time with AVX-512, chosen
/// once per text by `fold_into`). Byte by byte, and then searching
/// for each run, folding was the slowest step of `check`.
fn fold_ascii(bytes: &[u8], out: &mut Vec<u8>, last_space: &mut bool) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("bmi2")
        && std::arch::is_x86_feature_detected!("popcnt")
    {
        // SAFETY: the processor has AVX2, BMI2 and POPCNT, checked just above.
        return unsafe { simd::fold_ascii(bytes, out, last_space) };
    }
    fold_ascii_portable(bytes, out, last_space)
}

/// `fold_ascii` eight bytes at a time, on any processor.
fn fold_ascii_portable(bytes: &[u8], out: &mut Vec<u8>, last_space: &mut bool) -> usize {
    let run = ascii_prefix(bytes);
    fold_words(&bytes[..run], out, last_space, compact);
    run
}

/// A fold of the ASCII bytes a text starts with (`fold_ascii`).
#[cfg(test)]
type AsciiFold = fn(&[u8], &mut Vec<u8>, &mut bool) -> usize;

/// Each way of folding ASCII this processor has, by name: portable, AVX2,
/// AVX-512 (for tests that hold them all to the char-by-char fold).
#[cfg(test)]
fn ascii_folds() -> Vec<(&'static str, AsciiFold)> {
    #[cfg_attr(not(target_arch = "x86_64"), allow(unused_mut))]
    let mut folds: Vec<(&'static str, AsciiFold)> = vec![("portable", fold_ascii_portable)];
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        if has!("avx2") && has!("bmi2") && has!("popcnt") {
            // SAFETY: the processor has AVX2, BMI2 and POPCNT.
            folds.push(("avx2", |b, o, s| unsafe { simd::fold_ascii(b, o, s) }));
        }
        if has!("avx512vbmi2") && has!("avx512bw") && has!("popcnt") {
            // SAFETY: the processor has AVX-512 BW and VBMI2 and POPCNT.
            folds.push(("avx512", |b, o, s| unsafe { simd::fold_ascii_512(b, o, s) }));
        }
    }
    folds
}

/// The bytes of `word` whose high bit is set in `keep`, gathered at its low
/// end (what `pext` does in one instruction).
fn compact(word: u64, keep: u64) -> u64 {
    let mut kept = [0u8; 8];
    let mut n = 0;
    for (b, k) in word.to_le_bytes().into_iter().zip(keep.to_le_bytes()) {
        kept[n] = b;
        n += usize::from(k != 0);
    }
    u64::from_le_bytes(kept)
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use std::arch::x86_64::*;

    /// `super::fold_ascii` with AVX2, 32 bytes at a time: each block is
    /// folded in registers and written straight into `out`'s spare capacity
    /// (whole, or its kept bytes gathered eight at a time by `pext`), up to
    /// the block's first non-ASCII byte. The last, short block is read from a
    /// copy padded with non-ASCII bytes. Writing through `extend_from_slice`
    /// and `truncate`, and folding the ends of ASCII runs eight bytes at a
    /// time after a second scan for their length, took a third more
    /// instructions on the ToTA corpus (callgrind: 191.6 against 143.2
    /// million).
    #[target_feature(enable = "avx2,bmi2,popcnt")]
    pub(super) fn fold_ascii(bytes: &[u8], out: &mut Vec<u8>, last_space: &mut bool) -> usize {
        // a block writes up to 32 bytes from the end of what was kept so far,
        // and keeps no more bytes than it reads
        out.reserve(bytes.len() + 32);
        let mut len = out.len();
        let dst = out.as_mut_ptr();
        let mut read = 0;
        let mut prev_space = u32::from(*last_space);
        let a_minus_1 = _mm256_set1_epi8((b'A' - 1) as i8);
        let z_plus_1 = _mm256_set1_epi8((b'Z' + 1) as i8);
        let tab_minus_1 = _mm256_set1_epi8((b'\t' - 1) as i8);
        let cr_plus_1 = _mm256_set1_epi8((b'\r' + 1) as i8);
        let space = _mm256_set1_epi8(b' ' as i8);
        while read < bytes.len() {
            let v = match bytes.get(read..read + 32) {
                // SAFETY: `chunk` is 32 readable bytes; the load is unaligned.
                Some(chunk) => unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) },
                None => {
                    let mut padded = [0x80u8; 32];
                    padded[..bytes.len() - read].copy_from_slice(&bytes[read..]);
                    // SAFETY: `padded` is 32 readable bytes; the load is unaligned.
                    unsafe { _mm256_loadu_si256(padded.as_ptr().cast()) }
                }
            };
            let high = _mm256_movemask_epi8(v) as u32;
            // ASCII bytes compare correctly as signed bytes; the others are
            // negative, so neither capitals nor whitespace
            let upper = _mm256_and_si256(
                _mm256_cmpgt_epi8(v, a_minus_1),
                _mm256_cmpgt_epi8(z_plus_1, v),
            );
            let control = _mm256_and_si256(
                _mm256_cmpgt_epi8(v, tab_minus_1),
                _mm256_cmpgt_epi8(cr_plus_1, v),
            );
            let spaces = _mm256_or_si256(control, _mm256_cmpeq_epi8(v, space));
            let lowered = _mm256_or_si256(v, _mm256_and_si256(upper, space));
            let folded = _mm256_blendv_epi8(lowered, space, spaces);
            let is_space = _mm256_movemask_epi8(spaces) as u32;
            // the block's ASCII bytes: those before its first non-ASCII one
            let ascii = high.trailing_zeros();
            let in_run = if ascii == 32 {
                u32::MAX
            } else {
                (1 << ascii) - 1
            };
            // a space right after a space (in the block, or after the last one) goes
            let keep = !(is_space & ((is_space << 1) | prev_space)) & in_run;
            if keep == u32::MAX {
                // SAFETY: `len + 32` is within the capacity reserved above.
                unsafe { _mm256_storeu_si256(dst.add(len).cast(), folded) };
                len += 32;
            } else {
                let mut lanes = [0u8; 32];
                // SAFETY: `lanes` is 32 writable bytes; the store is unaligned.
                unsafe { _mm256_storeu_si256(lanes.as_mut_ptr().cast(), folded) };
                for (k, word) in lanes.chunks_exact(8).enumerate() {
                    let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                    let kept = (keep >> (8 * k)) & 0xFF;
                    let mask = _pdep_u64(u64::from(kept), 0x0101_0101_0101_0101) * 0xFF;
                    // SAFETY: `len + 8` is within the capacity reserved above
                    // (`len` grows by at most the bytes read); unaligned write.
                    unsafe {
                        dst.add(len)
                            .cast::<u64>()
                            .write_unaligned(_pext_u64(word, mask))
                    };
                    len += kept.count_ones() as usize;
                }
            }
            let mut last = u64::from(prev_space);
            let stop = after_block(ascii, 32, u64::from(is_space), &mut last, &mut read);
            prev_space = last as u32;
            if stop {
                break;
            }
        }
        finish(out, len, last_space, prev_space != 0, read.min(bytes.len()))
    }

    /// After a block of `width` bytes whose first `ascii` are ASCII (`spaces`
    /// their whitespace, a bit each): moves `read` on past them and sets
    /// `prev_space` to whether the last of them is whitespace; true when the
    /// block ended at a non-ASCII byte, where the fold stops.
    #[inline(always)]
    fn after_block(
        ascii: u32,
        width: u32,
        spaces: u64,
        prev_space: &mut u64,
        read: &mut usize,
    ) -> bool {
        let taken = ascii.min(width);
        if taken > 0 {
            *prev_space = (spaces >> (taken - 1)) & 1;
        }
        *read += taken as usize;
        ascii < width
    }

    /// Sets `out`'s length to `len` (every byte up to it written by a
    /// fold) and `last_space`; returns `read`.
    #[inline(always)]
    fn finish(
        out: &mut Vec<u8>,
        len: usize,
        last_space: &mut bool,
        space: bool,
        read: usize,
    ) -> usize {
        // SAFETY: every byte up to `len` was written by the fold, or was
        // already there; the fold reserved the capacity.
        unsafe { out.set_len(len) };
        *last_space = space;
        read
    }

    /// `super::fold_into` with AVX-512 (see `fold_ascii_512`).
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt")]
    pub(super) fn fold_into_512(original: &str, out: &mut Vec<u8>) {
        // the closure has this function's target features
        super::fold_into_with(original, out, |bytes, out, last_space| {
            fold_ascii_512(bytes, out, last_space)
        });
    }

    /// `fold_ascii` with AVX-512, 64 bytes at a time: the bytes a block
    /// keeps are gathered by one `vpcompressb` (VBMI2) and written whole;
    /// the last, short block is a masked load whose missing bytes read as
    /// non-ASCII. Folding the texts of the 450 ToTA agreements on one
    /// thread took 5.9 ms against 12.1 ms with the AVX2 fold (best of 30
    /// rounds; callgrind cannot run AVX-512, so this was timed).
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi2,popcnt")]
    pub(super) fn fold_ascii_512(bytes: &[u8], out: &mut Vec<u8>, last_space: &mut bool) -> usize {
        // a block writes 64 bytes from the end of what was kept so far, and
        // keeps no more bytes than it reads
        out.reserve(bytes.len() + 64);
        let mut len = out.len();
        let dst = out.as_mut_ptr();
        let mut read = 0;
        let mut prev_space = u64::from(*last_space);
        let non_ascii = _mm512_set1_epi8(0x80u8 as i8);
        let a = _mm512_set1_epi8(b'A' as i8);
        let tab = _mm512_set1_epi8(b'\t' as i8);
        let letters = _mm512_set1_epi8(26);
        let controls = _mm512_set1_epi8(5); // \t \n \x0b \x0c \r
        let space = _mm512_set1_epi8(b' ' as i8);
        while read < bytes.len() {
            let rest = bytes.len() - read;
            let present = if rest >= 64 {
                u64::MAX
            } else {
                (1u64 << rest) - 1
            };
            // SAFETY: the mask loads only the `rest.min(64)` bytes that are
            // there; the others read as 0x80.
            let v = unsafe {
                _mm512_mask_loadu_epi8(non_ascii, present, bytes.as_ptr().add(read).cast())
            };
            let high = _mm512_movepi8_mask(v);
            let upper = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, a), letters);
            let spaces = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, tab), controls)
                | _mm512_cmpeq_epi8_mask(v, space);
            // a capital plus 0x20 is its small letter
            let lowered = _mm512_mask_add_epi8(v, upper, v, space);
            let folded = _mm512_mask_mov_epi8(lowered, spaces, space);
            // the block's ASCII bytes: those before its first non-ASCII one
            let ascii = high.trailing_zeros();
            let in_run = if ascii == 64 {
                u64::MAX
            } else {
                (1 << ascii) - 1
            };
            // a space right after a space (in the block, or after the last one) goes
            let keep = !(spaces & ((spaces << 1) | prev_space)) & in_run;
            let kept = _mm512_maskz_compress_epi8(keep, folded);
            // SAFETY: `len + 64` is within the capacity reserved above (`len`
            // grows by at most the bytes read); the store is unaligned.
            unsafe { _mm512_storeu_si512(dst.add(len).cast(), kept) };
            len += keep.count_ones() as usize;
            if after_block(ascii, 64, spaces, &mut prev_space, &mut read) {
                break;
            }
        }
        finish(out, len, last_space, prev_space != 0, read.min(bytes.len()))
    }
}

/// The eight-bytes-at-a-time fold of ASCII `bytes`: a word is lowercased and
/// its whitespace made spaces with a few integer operations; `compact(word,
/// keep)` gathers at its low end the bytes whose high bit is set in `keep`
/// (every byte but a space right after a space).
#[inline(always)]
fn fold_words(
    bytes: &[u8],
    out: &mut Vec<u8>,
    last_space: &mut bool,
    compact: impl Fn(u64, u64) -> u64,
) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // per byte, the high bit set where `lo <= b < hi` (b, lo and hi below 0x80)
    let in_range = |w: u64, lo: u8, hi: u8| {
        (w.wrapping_add(ONES * u64::from(0x80 - lo)) & !w.wrapping_add(ONES * u64::from(0x80 - hi)))
            & HIGH
    };
    let mut prev_space = u64::from(*last_space) << 7;
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let upper = in_range(w, b'A', b'Z' + 1);
        let t = w ^ (ONES * u64::from(b' '));
        let is_space = !(((t & !HIGH).wrapping_add(!HIGH)) | t) & HIGH;
        let space = is_space | in_range(w, b'\t', b'\r' + 1);
        let space_bytes = (space >> 7) * 0xFF;
        let folded = ((w | (upper >> 2)) & !space_bytes) | (space_bytes & (ONES * u64::from(b' ')));
        let keep = !(space & ((space << 8) | prev_space)) & HIGH;
        // the whole word is written, then what it does not keep cut off
        let n = out.len() + keep.count_ones() as usize;
        out.extend_from_slice(&compact(folded, keep).to_le_bytes());
        out.truncate(n);
        prev_space = space >> 56;
    }
    let mut prev_space = prev_space != 0;
    for &b in words.remainder() {
        let f = fold_ascii_byte(b);
        let is = f == b' ';
        if !(is && prev_space) {
            out.push(f);
        }
        prev_space = is;
    }
    *last_space = prev_space;
}

/// Whitespace `fold_ascii_byte` makes a space.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || b.wrapping_sub(b'\t') < 5 // \t \n \x0b \x0c \r
}

/// Where the run of ASCII bytes from `from` (an ASCII byte) that folding
/// keeps byte for byte ends: before the first byte that is not ASCII, or
/// before a space that follows a space.
fn kept_run_end(bytes: &[u8], from: usize) -> usize {
    let mut after_space = false;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        let space = is_ascii_space(b);
        if !b.is_ascii() || (space && after_space) {
            return k;
        }
        after_space = space;
    }
    bytes.len()
}

/// An ASCII byte lowercased, and whitespace as a space.
fn fold_ascii_byte(b: u8) -> u8 {
    let upper = b.wrapping_sub(b'A') < 26;
    if is_ascii_space(b) {
        b' '
    } else {
        b | ((upper as u8) << 5)
    }
}

/// `fold_into` as a `String`.
pub fn fold_text(original: &str) -> String {
    let mut out = Vec::new();
    fold_into(original, &mut out);
    String::from_utf8(out).expect("folding keeps UTF-8")
}

/// One char folded, emitted as zero or more chars; `last_space` collapses runs
/// of whitespace into one space.
fn fold_char(ch: char, last_space: &mut bool, mut emit: impl FnMut(char)) {
    if ch.is_whitespace() {
        if !*last_space {
            emit(' ');
            *last_space = true;
        }
        return;
    }
    *last_space = false;
    if ch.is_ascii() {
        emit(ch.to_ascii_lowercase());
        return;
    }
    let expansion: &str = match ch {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '\u{b4}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{153}' | '\u{152}' => "oe",
        '\u{e6}' | '\u{c6}' => "ae",
        '\u{df}' => "ss",
        _ => {
            let mut base = None;
            decompose_canonical(ch, |c| {
                if base.is_none() {
                    base = Some(c);
                }
            });
            base.unwrap_or(ch).to_lowercase().for_each(emit);
            return;
        }
    };
    expansion.chars().for_each(emit);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` pieces drawn by a xorshift generator from `seed` (advanced).
    fn random_text(seed: &mut u64, pieces: &[&str], count: usize) -> String {
        let mut text = String::new();
        for _ in 0..count {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            text.push_str(pieces[(*seed % pieces.len() as u64) as usize]);
        }
        text
    }

    #[test]
    fn the_stretch_map_gives_each_folded_byte_its_original_char() {
        let pieces = [
            "A", "b", " ", "  ", "\n", "\t\r", "é", "\u{a0}", "“", "ﬁ", "ß", "\u{301}", "x9",
            "Œuvre", "—", "日本",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for len in 0..400 {
            let text = random_text(&mut seed, &pieces, len % 60);
            let f = fold_for_matching(&text);
            let want: Vec<(usize, usize)> = fold_by_char(&text)
                .1
                .into_iter()
                .map(|(a, b)| (a as usize, b as usize))
                .collect();
            assert_eq!(f.folded.len(), want.len(), "{text:?}");
            for original in 0..=text.len() + 1 {
                let first = (0..want.len())
                    .find(|&k| want[k].0 >= original)
                    .unwrap_or(want.len());
                assert_eq!(f.first_from(original), first, "{text:?} from {original}");
            }
            for k in 0..=want.len() + 1 {
                let start = want.get(k).map_or(text.len(), |o| o.0);
                assert_eq!(f.original_offset(k), start, "{text:?} at {k}");
                for end in k..=want.len() {
                    let e = end
                        .checked_sub(1)
                        .and_then(|l| want.get(l))
                        .map_or(text.len(), |o| o.1);
                    assert_eq!(
                        f.original_range(k, end),
                        (start, e.max(start)),
                        "{text:?} {k}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn folds_case_accents_quotes_and_ligatures() {
        let f = fold_for_matching("CULTURALES “Diversité”\n de la ﬁlm");
        assert_eq!(f.folded, "culturales \"diversite\" de la film");
    }

    #[test]
    fn the_fast_fold_gives_the_same_text() {
        for text in [
            "CULTURALES “Diversité”\n de la ﬁlm",
            "  Article 3\t\r\n  Œuvres – ‘audiovisuelles’\u{a0}ÉTÉ ß ",
            "",
            "a \n\n b  c\t\td   ",
            "   Élan  \n  vital  ",
            "ad.\u{a0}  his\u{a0} \u{a0}x",
            "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
            "Política cultural: coopération, façon, Straße, Æsop, año ÿ",
        ] {
            assert_eq!(fold_text(text), fold_for_matching(text).folded, "{text:?}");
        }
    }

    #[test]
    fn the_block_folds_agree_with_the_byte_fold_at_every_alignment() {
        // texts dense in whitespace runs, capitals and accents, so that runs
        // cross the blocks of 8 and 32 bytes and the ASCII stretches at every
        // offset; the second set is ASCII only, for whole blocks of 32
        let mixed = [
            "A", "b", " ", "  ", "\n", "\t\r", "Z", "é", "\u{a0}", "“", "x9", "@[`{",
        ];
        let ascii = [
            "A", "b", " ", "  ", "\n", "\t\r", "Z", "x9", "@[`{", "\x0b\x0c", "word ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for pieces in [&mixed[..], &ascii[..]] {
            for len in 0..600 {
                let text = random_text(&mut seed, pieces, len % 150);
                let want = fold_for_matching(&text).folded;
                assert_eq!(fold_text(&text), want, "{text:?}");
                for (name, fold) in ascii_folds() {
                    let mut out = Vec::new();
                    fold_into_with(&text, &mut out, fold);
                    assert_eq!(String::from_utf8(out).unwrap(), want, "{name}: {text:?}");
                }
                if text.is_ascii() {
                    // the portable path, whatever this processor has
                    for last_space in [false, true] {
                        let mut out = Vec::new();
                        let mut space = last_space;
                        fold_words(text.as_bytes(), &mut out, &mut space, compact);
                        let mut want = want.clone();
                        if last_space
                            && text
                                .bytes()
                                .next()
                                .is_some_and(|b| fold_ascii_byte(b) == b' ')
                        {
                            want.remove(0);
                        }
                        assert_eq!(String::from_utf8(out).unwrap(), want, "{text:?}");
                    }
                }
            }
        }
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(fold_text(&all), fold_for_matching(&all).folded);
    }

    /// Char by char, as `fold_for_matching` folded before its table path.
    fn fold_by_char(original: &str) -> (String, Vec<(u32, u32)>) {
        let mut folded = String::new();
        let mut origin = Vec::new();
        let mut last_space = false;
        for (i, ch) in original.char_indices() {
            let span = (i as u32, (i + ch.len_utf8()) as u32);
            fold_char(ch, &mut last_space, |c| {
                folded.push(c);
                origin.extend(std::iter::repeat_n(span, c.len_utf8()));
            });
        }
        (folded, origin)
    }

    #[test]
    fn the_table_fold_maps_every_byte_as_the_char_fold_does() {
        for text in [
            "CULTURALES “Diversité”\n de la ﬁlm",
            "  Article 3\t\r\n  Œuvres – ‘audiovisuelles’\u{a0}ÉTÉ ß ",
            "",
            "a \n\n b  c\t\td   ",
            "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
            "Política cultural: coopération, façon, Straße, Æsop, año ÿ \u{85}x\u{2003} y",
        ] {
            let f = fold_for_matching(text);
            let (folded, origin) = fold_by_char(text);
            assert_eq!(f.folded, folded, "{text:?}");
            let mapped: Vec<(u32, u32)> = (0..f.folded.len())
                .map(|k| f.origin(k).map(|(a, b)| (a as u32, b as u32)).unwrap())
                .collect();
            assert_eq!(mapped, origin, "{text:?}");
            assert_eq!(f.origin(f.folded.len()), None);
        }
    }

    #[test]
    fn maps_folded_ranges_back_to_original_words() {
        let original = "la Diversité  culturelle";
        let f = fold_for_matching(original);
        let start = f.folded.find("diversite").unwrap();
        let (s, e) = f.original_range(start, start + "diversite".len());
        assert_eq!(&original[s..e], "Diversité");
    }
}
