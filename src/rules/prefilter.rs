//! Which patterns can match a provision at all, found in one pass: the literal
//! prefixes of every prefilter pattern (extracted from its syntax tree) go into
//! one Aho-Corasick automaton. A pattern whose literal occurs is a candidate; a
//! pattern without usable literals is tested with its regex. Literal presence is
//! a necessary condition only: rules still check their patterns afterwards.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::bytes::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

pub struct Prefilter {
    automaton: AhoCorasick,
    /// For each literal of the automaton, the pattern it stands for.
    owner: Vec<usize>,
    /// Patterns with no usable literal, checked by their regex.
    unfiltered: Vec<(usize, Regex)>,
    patterns: usize,
}

/// Literals shorter than this would make nearly every provision a candidate.
const MIN_LITERAL: usize = 3;

impl Prefilter {
    pub fn new(patterns: &[Regex]) -> Prefilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut unfiltered = Vec::new();
        for (i, re) in patterns.iter().enumerate() {
            match prefix_literals(re.as_str()) {
                Some(lits) => {
                    owner.extend(std::iter::repeat_n(i, lits.len()));
                    literals.extend(lits);
                }
                None => unfiltered.push((i, re.clone())),
            }
        }
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .expect("literal automaton builds");
        Prefilter {
            automaton,
            owner,
            unfiltered,
            patterns: patterns.len(),
        }
    }

    /// For each pattern: can it match somewhere in `haystack`?
    pub fn candidates(&self, haystack: &[u8]) -> Vec<bool> {
        let mut present = vec![false; self.patterns];
        for m in self.automaton.find_overlapping_iter(haystack) {
            present[self.owner[m.pattern().as_usize()]] = true;
        }
        for (i, re) in &self.unfiltered {
            present[*i] = re.is_match(haystack);
        }
        present
    }
}

/// Every match of `pattern` starts with one of these byte strings, or None
/// when that cannot be said with a small finite set of long enough literals.
fn prefix_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()?;
    let mut extractor = Extractor::new();
    extractor
        .kind(ExtractKind::Prefix)
        .limit_total(1000)
        .limit_class(4);
    let mut seq = extractor.extract(&hir);
    seq.optimize_for_prefix_by_preference();
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().len() < MIN_LITERAL) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_of_alternations_and_word_stems() {
        let lits = prefix_literals(r"\bcultural industr(?:y|ies)|audio[- ]?visual").unwrap();
        assert!(lits.iter().any(|l| l.starts_with(b"cultural industr")));
        assert!(lits.iter().any(|l| l.starts_with(b"audio")));
        assert!(prefix_literals(r"[a-z]+ right").is_none());
    }

    #[test]
    fn candidates_are_a_superset_of_matches() {
        let patterns: Vec<Regex> = [
            r"\bcultural industr\w*",
            r"(?:[a-z]+ ){0,3}to regulate",
            r"broadcast\w*",
        ]
        .iter()
        .map(|p| {
            regex::bytes::RegexBuilder::new(p)
                .unicode(false)
                .build()
                .unwrap()
        })
        .collect();
        let pre = Prefilter::new(&patterns);
        let text = b"the right to regulate the cultural industries";
        assert_eq!(pre.candidates(text), vec![true, true, false]);
    }
}
