//! Matching one rule inside one provision: the text is folded once, cut into
//! units (sentences or paragraphs), and a rule holds when, inside one unit,
//! every `all` pattern and one `any` pattern match and no `not` pattern does.

use super::model::Within;
use super::Rule;
use crate::provision::{Agreement, Provision};
use crate::text::FoldedText;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// A provision's text, folded once; its units are cut only when a candidate
/// rule needs them (most provisions have none).
pub struct Subject<'a> {
    pub original: &'a str,
    /// The folded text: a slice of the agreement folded once for the
    /// prefilter, or folded here.
    folded: Cow<'a, str>,
    /// The folded text with its map back to the original: built only when a
    /// rule holds (or paragraphs are cut), as most candidates come to nothing.
    mapped: OnceLock<FoldedText>,
    /// The agreement the provision belongs to, for its deferred paragraphs.
    agreement: Option<&'a Agreement>,
    pub title: String,
    provision: &'a Provision,
    span_start: usize,
    sentences: OnceLock<Vec<Range<usize>>>,
    paragraphs: OnceLock<Vec<Range<usize>>>,
}

/// Where a rule held: the unit and the folded ranges of the words that made it hold.
pub struct Hit {
    pub unit: Range<usize>,
    pub words: Vec<Range<usize>>,
    /// Where the most telling word starts (the `any` match): excerpts centre on it.
    pub anchor: usize,
}

/// A sentence ends at `.`, `?` or `!` (optionally closed by a quote or bracket)
/// followed by a space; numbers like "14.2" never end one. Semicolons do not:
/// "shall not apply to: (a) …; (b) cultural industries" is one sentence; but a
/// dashed list ("; - the need to …", as in many preambles) is one item per sentence.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.?!]["')\]]? |; -"#).expect("valid"));

impl<'a> Subject<'a> {
    pub fn new(
        original: &'a str,
        title: Option<&str>,
        provision: &'a Provision,
        span_start: usize,
    ) -> Self {
        Self::prefolded(
            original,
            Cow::Owned(crate::text::fold_text(original)),
            title.map(crate::text::fold_text).unwrap_or_default(),
            provision,
            span_start,
        )
    }

    /// A subject whose folded text and title are known (`fold_text`).
    pub fn prefolded(
        original: &'a str,
        folded: Cow<'a, str>,
        folded_title: String,
        provision: &'a Provision,
        span_start: usize,
    ) -> Self {
        Subject {
            original,
            agreement: None,
            folded,
            mapped: OnceLock::new(),
            title: folded_title,
            provision,
            span_start,
            sentences: OnceLock::new(),
            paragraphs: OnceLock::new(),
        }
    }

    /// A provision of `agreement`, whose deferred paragraphs can be parsed.
    pub fn within(mut self, agreement: &'a Agreement) -> Self {
        self.agreement = Some(agreement);
        self
    }

    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The folded text with its map back to the original.
    pub fn mapped(&self) -> &FoldedText {
        self.mapped
            .get_or_init(|| crate::text::fold_for_matching(self.original))
    }

    fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| split_sentences(&self.folded))
    }

    fn units(&self, within: Within) -> Vec<Range<usize>> {
        match within {
            Within::Sentence => self.sentences().to_vec(),
            Within::Paragraph => self
                .paragraphs
                .get_or_init(|| {
                    let children = match self.agreement {
                        Some(a) => crate::structure::paragraphs_of(a, self.provision),
                        None => std::borrow::Cow::Borrowed(self.provision.children.as_slice()),
                    };
                    split_paragraphs(self.mapped(), &children, self.span_start)
                })
                .to_vec(),
            Within::Article => std::iter::once(0..self.folded.len()).collect(),
        }
    }

    pub fn first_sentence(&self) -> Range<usize> {
        self.sentences()
            .first()
            .cloned()
            .unwrap_or(0..self.folded.len())
    }

    /// The first unit where `rule` holds.
    pub fn hit(&self, rule: &Rule) -> Option<Hit> {
        if !rule.title_any.is_empty()
            && !rule
                .title_any
                .iter()
                .any(|r| r.is_match(self.title.as_bytes()))
        {
            return None;
        }
        self.text_hit(rule)
    }

    /// The first unit where the rule's text conditions hold (title not considered).
    pub fn text_hit(&self, rule: &Rule) -> Option<Hit> {
        if rule.all.is_empty() && rule.any.is_empty() {
            let unit = self.first_sentence();
            let anchor = unit.start;
            return Some(Hit {
                unit,
                words: Vec::new(),
                anchor,
            });
        }
        // a unit can only hold what the whole text holds: one pass over the
        // text rules out most candidates before the text is cut into units
        let whole = self.folded.as_bytes();
        let possible = rule.all.iter().all(|re| re.is_match(whole))
            && (rule.any.is_empty() || rule.any.iter().any(|re| re.is_match(whole)));
        if !possible {
            return None;
        }
        self.units(rule.spec.within)
            .into_iter()
            .find_map(|unit| unit_hit(rule, &self.folded, unit))
    }
}

fn unit_hit(rule: &Rule, folded: &str, unit: Range<usize>) -> Option<Hit> {
    let text = folded[unit.clone()].as_bytes();
    let mut words = Vec::new();
    for re in &rule.all {
        let m = re.find(text)?;
        words.push(unit.start + m.start()..unit.start + m.end());
    }
    let mut anchor = words.first().map_or(unit.start, |w| w.start);
    if !rule.any.is_empty() {
        let m = rule.any.iter().find_map(|re| re.find(text))?;
        anchor = unit.start + m.start();
        words.push(anchor..unit.start + m.end());
    }
    if rule.not.iter().any(|re| re.is_match(text)) {
        return None;
    }
    words.sort_by_key(|r| r.start);
    Some(Hit {
        unit,
        words,
        anchor,
    })
}

fn split_sentences(folded: &str) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(folded) {
        if is_enumerator(&folded[start..m.start()]) {
            continue; // "1. ", "(b). ", "iv. " number a paragraph, they end nothing
        }
        let cut = if m.as_str().ends_with('-') {
            m.end() - 1
        } else {
            m.end()
        };
        units.push(start..cut);
        start = cut;
    }
    if start < folded.len() || units.is_empty() {
        units.push(start..folded.len());
    }
    units
}

/// Paragraph units come from the tree: the provision's own text before its
/// first child, then each child with everything inside it.
fn split_paragraphs(
    folded: &FoldedText,
    children: &[Provision],
    span_start: usize,
) -> Vec<Range<usize>> {
    let len = folded.folded.len();
    let mut cuts: Vec<usize> = children
        .iter()
        .map(|c| folded_offset(folded, c.span.start.saturating_sub(span_start)))
        .filter(|&c| c > 0 && c < len)
        .collect();
    cuts.dedup();
    let mut units = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        if cut > start {
            units.push(start..cut);
            start = cut;
        }
    }
    units.push(start..len);
    units
}

/// The folded offset of an original offset (the map is monotonic).
fn folded_offset(folded: &FoldedText, original: usize) -> usize {
    let len = folded.folded.len();
    let mut lo = 0;
    let mut hi = len;
    while lo < hi {
        let mid = (lo + hi) / 2;
        if folded.original_offset(mid) < original {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    while lo < len && !folded.folded.is_char_boundary(lo) {
        lo += 1;
    }
    lo
}

/// Is the sentence so far only a paragraph or list number ("1", "(b)", "iv")?
/// Then its full stop numbers a paragraph and ends nothing; "… in paragraph 1."
/// or "… Annex A." still end their sentence.
fn is_enumerator(sentence_so_far: &str) -> bool {
    let word = sentence_so_far
        .trim()
        .trim_matches(|c| c == '(' || c == ')');
    let numeral = word.len() <= 4
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || "ivxlc".contains(c));
    let letter = word.len() == 1 && word.chars().all(|c| c.is_ascii_lowercase());
    !word.is_empty() && (numeral || letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| text[r].trim())
            .collect()
    }

    #[test]
    fn sentences_end_at_full_stops_not_at_numbers_or_semicolons() {
        assert_eq!(
            sentences(
                "1. this chapter shall not apply to: (a) x; (b) y. article 14.2 applies. (c) z"
            ),
            [
                "1. this chapter shall not apply to: (a) x; (b) y.",
                "article 14.2 applies.",
                "(c) z"
            ]
        );
    }

    #[test]
    fn dashed_preamble_items_are_sentences() {
        assert_eq!(
            sentences("considering: - the links; - the ties"),
            ["considering: - the links;", "- the ties"]
        );
    }

    #[test]
    fn paragraph_and_list_numbers_are_enumerators() {
        assert!(is_enumerator(" 1"));
        assert!(is_enumerator("(iv)"));
        assert!(is_enumerator("b"));
        assert!(!is_enumerator("referred to in paragraph 1"));
        assert!(!is_enumerator("the parties"));
    }
}
