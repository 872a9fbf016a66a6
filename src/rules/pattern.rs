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
use std::sync::{Arc, Mutex, OnceLock};

/// One compiled pattern: the leftmost-first semantics, byte classes and
/// error messages of `regex::bytes::Regex` (patterns are written for folded
/// text, so `\w` and `\b` are ASCII).
pub struct Pattern {
    /// The regex and its shared cache: built by [`Pattern::new`], or at the
    /// first search of a pattern made with [`Pattern::parsed`]; one for all
    /// the patterns of a rule set with the same syntax tree (see
    /// [`Pattern::share`]).
    compiled: Arc<OnceLock<Compiled>>,
    /// The pattern as a head and a tail, when it is `head[^.]*tail`: whether
    /// it matches is asked of them (see [`Window`]).
    window: Option<Window>,
    size_limit: usize,
    /// The syntax tree the regex is built from.
    hir: regex_syntax::hir::Hir,
    source: String,
    /// The prefilter group of this pattern's necessary literals (see
    /// [`Pattern::may_occur`]), when the rule set looks for them.
    gate: Option<usize>,
}

struct Compiled {
    regex: meta::Regex,
    shared: Mutex<meta::Cache>,
}

impl Compiled {
    /// Whether the regex matches in `input`, with the shared cache when it is
    /// free, else with one of the regex's own.
    fn is_match(&self, input: &Input<'_>) -> bool {
        match self.shared.try_lock() {
            Ok(mut cache) => self.regex.search_half_with(&mut cache, input).is_some(),
            Err(_) => self.regex.is_match(input.clone()),
        }
    }

    /// The leftmost-first match in `input`.
    fn find(&self, input: &Input<'_>) -> Option<Match> {
        match self.shared.try_lock() {
            Ok(mut cache) => self.regex.search_with(&mut cache, input),
            Err(_) => self.regex.search(input),
        }
    }

    /// Where the first match in `input` ends, for the earliest end.
    fn earliest_end(&self, input: &Input<'_>) -> Option<usize> {
        let found = match self.shared.try_lock() {
            Ok(mut cache) => self.regex.search_half_with(&mut cache, input),
            Err(_) => self.regex.search_half(input),
        };
        found.map(|m| m.offset())
    }

    fn build(hir: &regex_syntax::hir::Hir, size_limit: usize) -> Result<Compiled, String> {
        let regex = meta::Builder::new()
            .configure(
                meta::Config::new()
                    .match_kind(MatchKind::LeftmostFirst)
                    .utf8_empty(false)
                    // a rule's regex is asked where a match is, never for its
                    // groups: without their capture states the automata
                    // build faster (a ToTA check, 21 interleaved runs: CPU
                    // median 270.6 against 271.9 ms, wall 140.2 against
                    // 142.1 ms; one small file, 40 runs: 19.9 against 21.0 ms)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
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

/// The regexes of a rule set's patterns by syntax tree, for
/// [`Pattern::share`].
#[derive(Default)]
pub struct SharedRegexes {
    regexes: Vec<(regex_syntax::hir::Hir, usize, Arc<OnceLock<Compiled>>)>,
}

impl SharedRegexes {
    fn share(
        &mut self,
        hir: &regex_syntax::hir::Hir,
        size_limit: usize,
        cell: &mut Arc<OnceLock<Compiled>>,
    ) {
        // only regexes not built yet: a built one keeps its own
        if cell.get().is_some() {
            return;
        }
        let props = hir.properties();
        let same = self.regexes.iter().find(|(h, limit, _)| {
            *limit == size_limit
                && h.properties().minimum_len() == props.minimum_len()
                && h.properties().maximum_len() == props.maximum_len()
                && h == hir
        });
        match same {
            Some((_, _, shared)) => *cell = Arc::clone(shared),
            None => self
                .regexes
                .push((hir.clone(), size_limit, Arc::clone(cell))),
        }
    }
}

/// A pattern `head[^.]*tail` (a carve-out's words, then anything up to a
/// full stop, then a cultural sector), whose head and tail match no full
/// stop, searched as its two halves: head, then tail within the rest of the
/// head's sentence. The whole pattern's lazy DFA pairs each state of the head
/// with each of the tail and built thousands of states over the ToTA corpus
/// (the carve-out rule's regex was a fifth of all regex time, most of it
/// spent building states); the halves build far fewer.
struct Window {
    head_hir: regex_syntax::hir::Hir,
    tail_hir: regex_syntax::hir::Hir,
    head: Arc<OnceLock<Compiled>>,
    tail: Arc<OnceLock<Compiled>>,
}

impl Window {
    /// The halves of `hir` around its first top-level `[^.]*`, if neither
    /// can match a full stop (or `None`).
    fn of(hir: &regex_syntax::hir::Hir) -> Option<Window> {
        use regex_syntax::hir::{Hir, HirKind};
        let HirKind::Concat(parts) = hir.kind() else {
            return None;
        };
        let gap = parts.iter().position(is_any_but_full_stops)?;
        let (head, tail) = (&parts[..gap], &parts[gap + 1..]);
        if head.is_empty() || tail.is_empty() || head.iter().chain(tail).any(can_match_full_stop) {
            return None;
        }
        Some(Window {
            head_hir: Hir::concat(head.to_vec()),
            tail_hir: Hir::concat(tail.to_vec()),
            head: Arc::default(),
            tail: Arc::default(),
        })
    }
}

/// Where the stretch from `from` ends: at the next full stop, or the end of
/// `haystack` (what `[^.]*` can cover).
fn sentence_end(haystack: &[u8], from: usize) -> usize {
    memchr::memchr(b'.', &haystack[from..]).map_or(haystack.len(), |i| from + i)
}

/// Where the stretch up to `to` starts: after the last full stop before it,
/// or at the start of `haystack`.
fn sentence_start(haystack: &[u8], to: usize) -> usize {
    memchr::memrchr(b'.', &haystack[..to]).map_or(0, |i| i + 1)
}

/// Is `hir` `[^.]*`: any number of bytes but a full stop, unbounded?
fn is_any_but_full_stops(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    let HirKind::Repetition(rep) = hir.kind() else {
        return false;
    };
    let HirKind::Class(Class::Bytes(class)) = rep.sub.kind() else {
        return false;
    };
    let ranges: Vec<(u8, u8)> = class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    rep.min == 0 && rep.max.is_none() && ranges == [(0, b'.' - 1), (b'.' + 1, 0xFF)]
}

/// Can a match of `hir` hold a full stop?
fn can_match_full_stop(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => lit.0.contains(&b'.'),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&b'.')),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&'.')),
        HirKind::Repetition(rep) => can_match_full_stop(&rep.sub),
        HirKind::Capture(cap) => can_match_full_stop(&cap.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().any(can_match_full_stop)
        }
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
            compiled: Arc::default(),
            window: Window::of(&hir),
            size_limit,
            hir,
            source: pattern.to_string(),
            gate: None,
        })
    }

    /// Makes this pattern, and each half of its window, use the regex of an
    /// earlier pattern of `seen` with the same syntax tree (and size limit),
    /// and adds those not seen yet. A regex built once is built, and its
    /// lazy DFA's states determinized, once for all the rules that use it:
    /// the built-in rules wrote the cultural sectors' term into four
    /// patterns, and the same carve-out words into several.
    pub fn share(&mut self, seen: &mut SharedRegexes) {
        seen.share(&self.hir, self.size_limit, &mut self.compiled);
        if let Some(w) = &mut self.window {
            seen.share(&w.head_hir, self.size_limit, &mut w.head);
            seen.share(&w.tail_hir, self.size_limit, &mut w.tail);
        }
    }

    fn compiled(&self) -> &Compiled {
        self.built(&self.compiled, &self.hir)
    }

    /// `cell`'s regex, built from `hir` at its first use.
    fn built<'c>(
        &self,
        cell: &'c OnceLock<Compiled>,
        hir: &regex_syntax::hir::Hir,
    ) -> &'c Compiled {
        cell.get_or_init(|| {
            Compiled::build(hir, self.size_limit).unwrap_or_else(|e| {
                panic!(
                    "built-in rule pattern {:?} does not compile: {e}",
                    self.source
                )
            })
        })
    }

    /// Makes `group` of the rule set's prefilter this pattern's gate: the
    /// group of its necessary literals ([`Pattern::literals`]).
    pub(super) fn set_gate(&mut self, group: usize) {
        self.gate = Some(group);
    }

    /// Whether the pattern can match in a text whose prefilter row is
    /// `present` (`Presence::row`): false when none of its necessary
    /// literals occurs there, so that the regex need not look. Most
    /// searches of a check are of that kind: over the ToTA corpus, 74,000 of
    /// 90,000 searches were of texts that hold none of the pattern's
    /// literals, and took half the time of all searches.
    pub fn may_occur(&self, present: Option<&[u64]>) -> bool {
        match (self.gate, present) {
            (Some(g), Some(row)) => super::prefilter::has_bit(row, g),
            _ => true,
        }
    }

    /// The pattern as compiled (its terms expanded).
    pub fn source(&self) -> &str {
        &self.source
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
        match &self.window {
            Some(window) => self.window_matches(window, haystack),
            None => self
                .compiled()
                .is_match(&Input::new(haystack).earliest(true)),
        }
    }

    /// Whether `head[^.]*tail` matches (see [`Pattern::window_stretch`]).
    fn window_matches(&self, window: &Window, haystack: &[u8]) -> bool {
        self.window_stretch(window, haystack, 0).is_some()
    }

    /// The first stretch between full stops, from `from` on, where
    /// `head[^.]*tail` matches: one that holds a tail after the first
    /// head's end (a later head leaves the tail less room). The stretches
    /// are found by their tails: a carve-out's words (the head) stand in
    /// most sentences of an exceptions article, the cultural sector it names
    /// (the tail) in few, and looking for the head first took a search per
    /// sentence.
    fn window_stretch(
        &self,
        window: &Window,
        haystack: &[u8],
        from: usize,
    ) -> Option<std::ops::Range<usize>> {
        let head = self.built(&window.head, &window.head_hir);
        let tail = self.built(&window.tail, &window.tail_hir);
        let mut from = from;
        while from <= haystack.len() {
            // any point of the first tail names its stretch (a tail holds no
            // full stop): its earliest end, which needs no reverse search
            // for where the tail starts
            let tail_at = tail.earliest_end(&Input::new(haystack).range(from..).earliest(true))?;
            let start = sentence_start(haystack, tail_at).max(from);
            let stop = sentence_end(haystack, tail_at);
            let first_head =
                head.earliest_end(&Input::new(haystack).range(start..stop).earliest(true));
            if let Some(end) = first_head {
                if tail.is_match(&Input::new(haystack).range(end..stop).earliest(true)) {
                    return Some(start..stop);
                }
            }
            from = stop + 1;
        }
        None
    }

    /// The leftmost-first match in `haystack`: its start and end in bytes.
    pub fn find(&self, haystack: &[u8]) -> Option<Match> {
        self.find_from(haystack, 0)
    }

    /// The leftmost-first match in `haystack` that starts at `from` or
    /// later (the text before it still counts for `\b`).
    fn find_from(&self, haystack: &[u8], from: usize) -> Option<Match> {
        match &self.window {
            Some(window) => self.window_find(window, haystack, from),
            None => self.compiled().find(&Input::new(haystack).range(from..)),
        }
    }

    /// Every match in `haystack`, one after the other, as the regex crate's
    /// `find_iter` gives them.
    pub fn find_iter<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = Match> + 'h {
        let mut from = 0;
        let mut last_end = None;
        std::iter::from_fn(move || loop {
            if from > haystack.len() {
                return None;
            }
            let m = self.find_from(haystack, from)?;
            // an empty match right where the last match ended is skipped,
            // and after an empty match the search moves on a byte
            from = if m.is_empty() { m.end() + 1 } else { m.end() };
            if m.is_empty() && last_end == Some(m.end()) {
                continue;
            }
            last_end = Some(m.end());
            return Some(m);
        })
    }

    /// The leftmost-first match of `head[^.]*tail`: it starts at the first
    /// head, in the first stretch where the pattern matches, whose earliest
    /// end the tail follows before the stretch's end; from there the whole
    /// pattern, anchored, chooses as it would have unanchored (its automaton
    /// walks only that match, not the text).
    fn window_find(&self, window: &Window, haystack: &[u8], from: usize) -> Option<Match> {
        let head = self.built(&window.head, &window.head_hir);
        let tail = self.built(&window.tail, &window.tail_hir);
        let mut from = from;
        while from <= haystack.len() {
            let stretch = self.window_stretch(window, haystack, from)?;
            let mut at = stretch.start;
            while let Some(head_at) = head.find(&Input::new(haystack).range(at..stretch.end)) {
                let start = head_at.start();
                let anchored = Input::new(haystack)
                    .range(start..)
                    .anchored(regex_automata::Anchored::Yes);
                let end = head.earliest_end(&anchored.clone().earliest(true))?;
                let after = Input::new(haystack).range(end..stretch.end).earliest(true);
                if tail.is_match(&after) {
                    return self.compiled().find(&anchored);
                }
                at = start + 1;
            }
            from = stretch.end + 1;
        }
        None
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
    fn a_gated_pattern_is_searched_only_where_its_literals_occur() {
        let mut p = Pattern::parsed(r"\bcultural industr\w*", 1 << 20).unwrap();
        // no gate, or no prefilter row: always searched
        assert!(p.may_occur(Some(&[0])));
        p.set_gate(65);
        assert!(p.may_occur(None));
        assert!(
            p.may_occur(Some(&[0, 1 << 1])),
            "group 65 is bit 1 of word 1"
        );
        assert!(!p.may_occur(Some(&[u64::MAX, !(1 << 1)])));
    }

    #[test]
    fn patterns_with_one_syntax_tree_share_one_regex() {
        let limit = 1 << 20;
        let sectors = r"\bfilms?\b|broadcast\w*";
        let carve_out = format!(r"does not apply[^.]*(?:{sectors})");
        let mut first = Pattern::parsed(&carve_out, limit).unwrap();
        let mut again = Pattern::parsed(&carve_out, limit).unwrap();
        // the same words as a whole pattern and as the tail of a window
        let mut tail = Pattern::parsed(&format!("(?:{sectors})"), limit).unwrap();
        let mut other = Pattern::parsed(r"\bmusic\b", limit).unwrap();
        let mut seen = SharedRegexes::default();
        for p in [&mut first, &mut again, &mut tail, &mut other] {
            p.share(&mut seen);
        }
        assert!(Arc::ptr_eq(&first.compiled, &again.compiled));
        let (w1, w2) = (
            first.window.as_ref().unwrap(),
            again.window.as_ref().unwrap(),
        );
        assert!(Arc::ptr_eq(&w1.head, &w2.head) && Arc::ptr_eq(&w1.tail, &w2.tail));
        assert!(Arc::ptr_eq(&w1.tail, &tail.compiled));
        assert!(!Arc::ptr_eq(&other.compiled, &tail.compiled));
        // built once, by whichever searches first, and searched the same
        let text = b"this chapter does not apply to broadcasting. films";
        assert!(again.is_match(text));
        assert!(w1.head.get().is_some() && tail.compiled.get().is_some());
        assert_eq!(first.find(text).map(|m| m.range()), Some(13..43));
        assert_eq!(tail.find(text).map(|m| m.range()), Some(31..43));
        assert!(!other.is_match(text));
    }

    /// `pattern` compiled here and by the regex crate.
    fn both(pattern: &str) -> (Pattern, regex::bytes::Regex) {
        let theirs = regex::bytes::RegexBuilder::new(pattern)
            .unicode(false)
            .build()
            .unwrap();
        (Pattern::new(pattern, 1 << 20).unwrap(), theirs)
    }

    /// Does `ours` match `text` where and when the regex crate does?
    fn assert_same_matches(ours: &Pattern, theirs: &regex::bytes::Regex, text: &[u8]) {
        let shown = String::from_utf8_lossy(text);
        assert_eq!(
            ours.is_match(text),
            theirs.is_match(text),
            "{ours:?} in {shown:?}"
        );
        assert_eq!(
            ours.find(text).map(|m| m.range()),
            theirs.find(text).map(|m| m.range()),
            "{ours:?} in {shown:?}"
        );
        assert_eq!(
            ours.find_iter(text).map(|m| m.range()).collect::<Vec<_>>(),
            theirs
                .find_iter(text)
                .map(|m| m.range())
                .collect::<Vec<_>>(),
            "every match of {ours:?} in {shown:?}"
        );
    }

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
            let (ours, theirs) = both(p);
            for t in texts {
                assert_same_matches(&ours, &theirs, t);
                // again, from the cache the first search filled
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{p} in {t:?}");
            }
        }
    }

    #[test]
    fn a_pattern_split_at_its_window_matches_as_the_whole_does() {
        let patterns = [
            r"(?:does not apply|other than|except)[^.]*(?:\baudiovisual|broadcast\w*)",
            r"(?:does|shall) not apply to (?:any )?(?:measure|subsid)\w*[^.]*$",
            r"\bcultur\w*[^.]*(?:are|is) excluded",
            r"except[^.]*(?:\bart\b|arts?)[^.]*films?",
        ];
        let texts: [&[u8]; 9] = [
            b"this chapter does not apply. to audiovisual services",
            b"other than tariffs. except for the cultural audiovisual sector",
            b"except. except. other than broadcasting",
            b"it does not apply to audiovisual",
            b"does not apply to measures",
            b"does not apply to measures. nor to subsidies",
            b"cultural industries. cultural goods are excluded",
            b"except art, except arts and films. except the cart of films",
            b"except the cart and film",
        ];
        for p in patterns {
            let (ours, theirs) = both(p);
            assert!(ours.window.is_some(), "{p} is split");
            for t in texts {
                assert_same_matches(&ours, &theirs, t);
            }
        }
        // and on texts made of the patterns' words in every order: a linear
        // congruential sequence picks 3000 texts of up to 12 words
        let words: [&[u8]; 14] = [
            b"except",
            b"other than",
            b"does not apply to",
            b"measures",
            b"subsidies",
            b"art",
            b"arts",
            b"cart",
            b"films",
            b"film",
            b"broadcasting",
            b"audiovisual",
            b".",
            b"cultural",
        ];
        let mut seed: u64 = 2005;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let compiled: Vec<_> = patterns.iter().map(|p| both(p)).collect();
        for _ in 0..3000 {
            let text = (0..next(13))
                .map(|_| words[next(words.len())])
                .collect::<Vec<_>>()
                .join(&b" "[..]);
            for (ours, theirs) in &compiled {
                assert_same_matches(ours, theirs, &text);
            }
        }
        // a head or tail that can hold a full stop keeps the pattern whole
        for p in [
            r"art\.[^.]*film",
            r"art[^.]*(?:film|e\.g)",
            r"art[^.]{0,20}film",
            r"[^.]*film",
        ] {
            assert!(Pattern::new(p, 1 << 20).unwrap().window.is_none(), "{p}");
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
