//! Is this the same language? Two translations of one agreement align by number
//! but differ in every word; saying "everything changed" would be wrong. The
//! source's metadata decides when both sides have it; otherwise a cheap count
//! of function words, which in treaty prose settles the question in a few
//! hundred words.

use super::units::Unit;
use crate::text::fold_text;

const STOP_WORDS: [(&str, &[&str]); 4] = [
    (
        "en",
        &[
            "the", "of", "and", "to", "shall", "in", "any", "or", "be", "this", "with", "by",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "que", "del", "por", "con", "una", "se", "sus", "para",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "et", "des", "du", "une", "aux", "est", "par", "sur", "au", "dans",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "e", "do", "da", "dos", "das", "em", "uma", "ao", "pelo", "sua",
        ],
    ),
];

const SAMPLE_WORDS: usize = 4000;

/// ISO 639-1 code of the likeliest language, or None when too little text.
pub fn guess(units: &[Unit]) -> Option<&'static str> {
    let mut counts = [0usize; STOP_WORDS.len()];
    let mut seen = 0;
    for t in units.iter().flat_map(|u| &u.tokens).filter(|t| t.is_word) {
        if seen == SAMPLE_WORDS {
            break;
        }
        seen += 1;
        let w = fold_text(&t.text);
        for (k, (_, words)) in STOP_WORDS.iter().enumerate() {
            counts[k] += usize::from(words.contains(&w.as_str()));
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    // Fewer than one function word in twenty: too little to go on.
    (n * 20 >= seen && n >= 5).then_some(STOP_WORDS[best].0)
}

/// Metadata first ("en", "es", "fr" in ToTA), then the guess.
pub fn language_of(metadata: Option<&str>, units: &[Unit]) -> Option<String> {
    metadata
        .map(|m| m.trim().to_lowercase())
        .filter(|m| !m.is_empty())
        .or_else(|| guess(units).map(String::from))
}
