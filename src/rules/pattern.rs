//! A compiled rule pattern whose lazy DFA is shared by the threads that
//! review agreements.
//!
//! A `regex::bytes::Regex` keeps one search cache per thread, and the lazy DFA
//! in it builds its states as a text first needs them: with two threads
//! reviewing, every state was built twice, once per thread, and building them
//! was a tenth of a `check` over ToTA (callgrind: 289 million instructions on
//! two threads, 176 million on one). Here a pattern keeps one cache behind a
//! lock. A thread that finds it taken searches with a cache of its own (the
//! regex's pool) rather than wait, so a search never blocks; the two give the
//! same matches.

use regex_automata::{meta, Input, Match, MatchKind};
use std::sync::{Mutex, OnceLock};

/// One compiled pattern: the leftmost-first semantics, byte classes and
/// error messages of `regex::bytes::Regex` (patterns are written for folded
/// text, so `\w` and `\b` are ASCII).
pub struct Pattern {
    /// The regex and its shared cache: built by [`Pattern::new`], or at the
    /// first search of a pattern made with [`Pattern::parsed`].
    compiled: OnceLock<Compiled>,
    size_limit: usize,
    /// The syntax tree the regex is built from.
    hir: regex_syntax::hir::Hir,
    source: String,
}

struct Compiled {
    regex: meta::Regex,
    shared: Mutex<meta::Cache>,
}

impl Compiled {
    fn build(hir: &regex_syntax::hir::Hir, size_limit: usize) -> Result<Compiled, String> {
        let regex = meta::Builder::new()
            .configure(
                meta::Config::new()
                    .match_kind(MatchKind::LeftmostFirst)
                    .utf8_empty(false)
                    .nfa_size_limit(Some(size_limit)),
            )
            .build_from_hir(hir)
            .map_err(|e| match e.size_limit() {
                Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
                None => e.to_string(),
            })?;
        Ok(Compiled {
            shared: Mutex::new(regex.create_cache()),
            regex,
        })
    }
}

impl Pattern {
    /// Compiles `pattern` without Unicode classes, its NFA at most
    /// `size_limit` bytes. Errors: the `regex` crate's message (a syntax
    /// error, or "Compiled regex exceeds size limit of N bytes.").
    pub fn new(pattern: &str, size_limit: usize) -> Result<Pattern, String> {
        let parsed = Pattern::parsed(pattern, size_limit)?;
        let compiled = Compiled::build(&parsed.hir, size_limit)?;
        let _ = parsed.compiled.set(compiled);
        Ok(parsed)
    }

    /// `pattern` parsed (syntax errors are said here), its regex built at
    /// its first search: a check of one draft searches with a third of the
    /// built-in patterns, and building them all was most of its start-up.
    /// Only for patterns known to build (the built-in rules, which the tests
    /// compile with [`Pattern::new`]): a search with a pattern over
    /// `size_limit` panics.
    pub fn parsed(pattern: &str, size_limit: usize) -> Result<Pattern, String> {
        // parsed once, here, for both the regex and its prefilter literals
        // (parsing each pattern twice was a tenth of start-up: 37 million
        // instructions of 343 million)
        let hir = super::prefilter::parse(pattern)?;
        Ok(Pattern {
            compiled: OnceLock::new(),
            size_limit,
            hir,
            source: pattern.to_string(),
        })
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            Compiled::build(&self.hir, self.size_limit).unwrap_or_else(|e| {
                panic!(
                    "built-in rule pattern {:?} does not compile: {e}",
                    self.source
                )
            })
        })
    }

    /// Literals one of which occurs in every match (`prefilter::literals`).
    pub fn literals(&self) -> Option<super::prefilter::Literals> {
        super::prefilter::literals_of(&self.hir)
    }

    /// Whether every match in a folded text is one in the text with its full
    /// stops and colons as spaces (`load::undot_monotone`).
    pub fn undot_monotone(&self) -> bool {
        super::load::undot_monotone_hir(&self.hir)
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &[u8]) -> bool {
        let input = Input::new(haystack).earliest(true);
        let c = self.compiled();
        match c.shared.try_lock() {
            Ok(mut cache) => c.regex.search_half_with(&mut cache, &input).is_some(),
            Err(_) => c.regex.is_match(input),
        }
    }

    /// The leftmost-first match in `haystack`: its start and end in bytes.
    pub fn find(&self, haystack: &[u8]) -> Option<Match> {
        let input = Input::new(haystack);
        let c = self.compiled();
        match c.shared.try_lock() {
            Ok(mut cache) => c.regex.search_with(&mut cache, &input),
            Err(_) => c.regex.search(&input),
        }
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_as_the_regex_crate_does() {
        let patterns = [
            r"\bcultural industr\w*",
            r"(?:shall|does) not apply[^.]*(?:audiovisual|broadcast\w*)",
            r"a|ab",
            r"\b",
            r"x*",
        ];
        let texts: [&[u8]; 5] = [
            b"the cultural industries. this chapter shall not apply to broadcasting",
            b"does not apply. to audiovisual",
            b"ab cultural industry",
            b"",
            b"\xff\xfe not utf-8 shall not apply to audiovisual \xff",
        ];
        for p in patterns {
            let ours = Pattern::new(p, 1 << 20).unwrap();
            let theirs = regex::bytes::RegexBuilder::new(p)
                .unicode(false)
                .build()
                .unwrap();
            for t in texts {
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{p} in {t:?}");
                assert_eq!(
                    ours.find(t).map(|m| m.range()),
                    theirs.find(t).map(|m| m.range()),
                    "{p} in {t:?}"
                );
                // again, from the cache the first search filled
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{p} in {t:?}");
            }
        }
    }

    #[test]
    fn errors_read_as_the_regex_crate_words_them() {
        for (p, limit) in [("(unclosed", 1 << 20), ("[a-z]{1000}{1000}", 1 << 10)] {
            let ours = Pattern::new(p, limit).unwrap_err();
            let theirs = regex::bytes::RegexBuilder::new(p)
                .unicode(false)
                .size_limit(limit)
                .build()
                .unwrap_err()
                .to_string();
            assert_eq!(ours, theirs, "{p}");
        }
    }

    #[test]
    fn a_search_while_another_thread_holds_the_cache_finds_the_same() {
        let p = Pattern::new(r"\bbroadcast\w*", 1 << 20).unwrap();
        let held = p.compiled().shared.lock().unwrap();
        assert!(p.is_match(b"radio broadcasting"));
        assert_eq!(
            p.find(b"radio broadcasting").map(|m| m.range()),
            Some(6..18)
        );
        drop(held);
        assert_eq!(
            p.find(b"radio broadcasting").map(|m| m.range()),
            Some(6..18)
        );
    }
}
