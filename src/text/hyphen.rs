//! Words broken by a hyphen at a line end ("cul-" / "tural", "audio-" /
//! "visual"), joined again for matching. One implementation for every source:
//! PDF extraction joins what a word processor hyphenated; plain text joins only
//! where the document or the known compounds say the two pieces are one word.
//! The continuation moves up to the first line, so line counts never change.

use std::collections::HashSet;

/// Hyphenated prefixes that stay hyphenated when a line break falls after them
/// and the document gives no other evidence ("cross-\nborder", "e-\ncommerce").
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "self", "cross", "co", "ex", "well", "quasi", "audio",
];

/// Compounds of the field, written with a hyphen, that a line break often
/// splits: joined even when the document spells them nowhere else.
const KNOWN_COMPOUNDS: &[&str] = &[
    "audio-visual",
    "co-production",
    "co-productions",
    "co-producción",
    "co-producciones",
    "co-operation",
    "e-commerce",
    "e-books",
    "e-book",
    "cross-border",
    "non-discrimination",
    "non-discriminatory",
    "non-conforming",
    "sub-sector",
    "sub-sectors",
    "multi-media",
    "audio-visuel",
    "audio-visuels",
    "audio-visuelle",
    "audio-visuelles",
    "co-développement",
];

/// How strict a join is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Every hyphen at a line end before a lowercase continuation is a broken
    /// word (word-processor hyphenation in PDFs).
    Hyphenation,
    /// Only where the joined word is known: the document's own spelling of it,
    /// a known compound, or a usual prefix (typed plain text, where a hyphen
    /// at a line end is mostly the drafter's).
    KnownWord,
}

/// The words a document writes whole, lower-cased, from its lines in order.
/// The pieces of words broken at a line end ("cul-", and "tural" at the start
/// of the next line) are left out: they are what is being decided.
pub fn vocabulary<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut words = HashSet::new();
    let mut after_break = false;
    for line in lines {
        let mut tokens = line.split_whitespace().peekable();
        if after_break {
            tokens.next();
        }
        while let Some(w) = tokens.next() {
            if tokens.peek().is_none() && w.ends_with('-') {
                break;
            }
            words.insert(
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            );
        }
        after_break = line.ends_with('-');
    }
    words
}

/// The two lines after joining, or `None` when `first` does not end in a
/// hyphenated word that `next` completes (or, under `Evidence::KnownWord`,
/// when nothing says the joined word is one).
pub fn join_hyphenated(
    first: &str,
    next: &str,
    vocabulary: &HashSet<String>,
    evidence: Evidence,
) -> Option<(String, String)> {
    let (stem, hyphen) = first
        .strip_suffix('-')
        .map(|s| (s, '-'))
        .or_else(|| first.strip_suffix('\u{ad}').map(|s| (s, '\u{ad}')))
        .or_else(|| first.strip_suffix('\u{2010}').map(|s| (s, '\u{2010}')))?;
    let fragment: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if fragment.is_empty() || !next.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let (word, rest) = next.split_once(' ').unwrap_or((next, ""));
    if evidence == Evidence::KnownWord && hyphen != '\u{ad}' && !known(&fragment, word, vocabulary)
    {
        return None;
    }
    let keep = hyphen != '\u{ad}' && keeps_hyphen(&fragment, word, vocabulary);
    let joined = if keep {
        format!("{stem}-{word}")
    } else {
        format!("{stem}{word}")
    };
    Some((joined, rest.to_string()))
}

/// Joins the hyphenated line ends of a plain text (see `Evidence::KnownWord`);
/// `None` when there is nothing to join. Lines keep their number: the rest of
/// a continuation line stays where it was.
pub fn rejoin_lines(text: &str) -> Option<String> {
    let ends_hyphen = |l: &str| l.trim_end().ends_with(['-', '\u{ad}', '\u{2010}']);
    if !text.lines().any(ends_hyphen) {
        return None;
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let vocabulary = vocabulary(lines.iter().map(|l| l.trim_end()));
    let mut changed = false;
    for i in 0..lines.len().saturating_sub(1) {
        let first = lines[i].trim_end();
        if !ends_hyphen(first) {
            continue;
        }
        let next = lines[i + 1].trim_start();
        let indent = lines[i + 1].len() - next.len();
        if let Some((joined, rest)) =
            join_hyphenated(first, next.trim_end(), &vocabulary, Evidence::KnownWord)
        {
            lines[i + 1] = format!("{}{rest}", &lines[i + 1][..indent]);
            lines[i] = joined;
            changed = true;
        }
    }
    changed.then(|| lines.join("\n"))
}

fn known(fragment: &str, word: &str, vocabulary: &HashSet<String>) -> bool {
    let tail: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    let (f, t) = (fragment.to_lowercase(), tail.to_lowercase());
    let hyphenated = format!("{f}-{t}");
    vocabulary.contains(&format!("{f}{t}"))
        || vocabulary.contains(&hyphenated)
        || KNOWN_COMPOUNDS.contains(&hyphenated.as_str())
        || HYPHEN_PREFIXES.contains(&f.as_str())
}

/// Whether "frag-" + "tail" is a compound (keep the hyphen) rather than one
/// word broken by hyphenation. Evidence, strongest first: the document's own
/// spelling of the whole word; a known compound; a tail that goes on with
/// another hyphen ("back-" + "to-back"); both halves being words the document
/// uses alone ("government-" + "supported"; "cul" and "tural" are not); a
/// short or usual prefix ("e-", "non-").
fn keeps_hyphen(fragment: &str, word: &str, vocabulary: &HashSet<String>) -> bool {
    let tail: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    let (f, t) = (fragment.to_lowercase(), tail.to_lowercase());
    if vocabulary.contains(&format!("{f}{t}")) {
        return false;
    }
    let hyphenated = format!("{f}-{t}");
    if vocabulary.contains(&hyphenated)
        || KNOWN_COMPOUNDS.contains(&hyphenated.as_str())
        || word[tail.len()..].starts_with('-')
    {
        return true;
    }
    (vocabulary.contains(&f) && vocabulary.contains(&t))
        || f.chars().count() <= 2
        || HYPHEN_PREFIXES.contains(&f.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hyphenated_words_by_the_documents_spelling() {
        let vocab: HashSet<String> = ["e-commerce", "cooperation"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let j = |a: &str, b: &str| join_hyphenated(a, b, &vocab, Evidence::Hyphenation);
        assert_eq!(
            j("the cul-", "tural sector"),
            Some(("the cultural".into(), "sector".into()))
        );
        assert_eq!(
            j("on e-", "commerce and"),
            Some(("on e-commerce".into(), "and".into()))
        );
        assert_eq!(
            j("co-", "operation."),
            Some(("cooperation.".into(), String::new()))
        );
        assert_eq!(j("Asia-", "Pacific"), None);
        assert_eq!(
            j("back-", "to-back loans"),
            Some(("back-to-back".into(), "loans".into()))
        );
        assert_eq!(j("items 1 -", "and"), None);
    }

    #[test]
    fn plain_text_joins_known_compounds_and_keeps_its_lines() {
        let text = "the exception of audio-\nvisual services and the cul-\ntural sector\n(other than co-\nproduction)\n";
        let joined = rejoin_lines(text).expect("joined");
        assert_eq!(
            joined,
            "the exception of audio-visual\nservices and the cul-\ntural sector\n(other than co-production)\n\n"
        );
        assert_eq!(joined.lines().count(), text.lines().count());
    }

    #[test]
    fn plain_text_joins_words_the_document_spells_whole() {
        let text = "cultural industries\nthe cul-\ntural sector";
        assert_eq!(
            rejoin_lines(text).as_deref(),
            Some("cultural industries\nthe cultural\nsector")
        );
        assert_eq!(rejoin_lines("no hyphen here\nat all"), None);
        assert_eq!(rejoin_lines("a list -\nand more"), None);
    }
}
