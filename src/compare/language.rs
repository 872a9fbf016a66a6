//! Is this the same language? Two translations of one agreement align by number
//! but differ in every word; saying "everything changed" would be wrong. The
//! source's metadata decides when both sides have it; otherwise the crate's
//! language detector (`text::language`) on the first words of the articles.

use super::units::Unit;

/// How many words of the articles the detector is given.
const SAMPLE_WORDS: usize = 4000;

/// ISO 639-1 code of the likeliest language, or None when the detector is
/// not sure (too little text).
pub fn guess(units: &[Unit]) -> Option<&'static str> {
    let mut sample = String::new();
    let words = units
        .iter()
        .flat_map(|u| &u.tokens)
        .filter(|t| t.is_word)
        .take(SAMPLE_WORDS);
    for t in words {
        sample.push_str(&t.text);
        sample.push(' ');
    }
    crate::text::language::identify(&sample)
        .filter(|d| d.reliable)
        .map(|d| d.code)
}

/// Metadata first ("en", "es", "fr" in ToTA), then the guess.
pub fn language_of(metadata: Option<&str>, units: &[Unit]) -> Option<String> {
    metadata
        .map(|m| m.trim().to_lowercase())
        .filter(|m| !m.is_empty())
        .or_else(|| guess(units).map(String::from))
}
