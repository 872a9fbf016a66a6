//! Matching one rule inside one provision: the text is folded once, cut into
//! units (sentences or paragraphs), and a rule holds when, inside one unit,
//! every `all` pattern and one `any` pattern match and no `not` pattern does.

use super::model::Within;
use super::{Pattern, Rule};
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
    /// The sentences, then each list item read with its chapeau.
    sentence_units: OnceLock<Vec<Unit>>,
    /// Whether a chapeau can introduce a list here (asked by many rules).
    may_have_lists: OnceLock<bool>,
    /// The folded text without full stops and colons (see `undotted`).
    undotted: OnceLock<String>,
    paragraphs: OnceLock<Vec<Range<usize>>>,
    /// The prefilter's row for the folded text (`Presence::row`), when the
    /// one pass ran over it: a pattern none of whose literals occurs there
    /// is not searched for ([`Pattern::may_occur`]).
    present: Option<&'a [u64]>,
}

/// A stretch of folded text a rule is matched in: a sentence, paragraph or
/// article, or one item of a list read together with the chapeau that
/// introduces it ("… shall not apply to the following sectors:" + "- cultural
/// services;"), so that a carve-out's verb and its object are one unit
/// whichever item names the object.
#[derive(Debug, Clone, PartialEq)]
struct Unit {
    /// The chapeau, without its closing colon or full stop.
    chapeau: Option<Range<usize>>,
    /// The text itself (for a list item: after its marker).
    body: Range<usize>,
    /// For a list item, its chapeau and the list up to the item's end: a near
    /// miss (`not`) written there still rules the item out ("… other than:
    /// (i) … phonogram; (ii) …"); one in a later item does not ("(2)
    /// cultural products; … (15) military equipment").
    context: Option<Range<usize>>,
}

impl Unit {
    fn plain(body: Range<usize>) -> Self {
        Unit {
            chapeau: None,
            body,
            context: None,
        }
    }
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
/// Footnote marks printed after the stop belong to the sentence they close
/// ("… of national value.¹ 4. …", "… electronic commerce.⁷, ⁸ 2. …"), in
/// superscript or, after a word's stop, in plain digits as ToTA and copied
/// texts give them ("… television programming.9-1 3. …"; a number's own
/// stop, "Article 9.1 applies", ends nothing: see `split_sentences`).
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"[.?!]["')\]]?(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:, ?[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*|[0-9]{1,3}(?:-[0-9]{1,3})?(?:, ?[0-9]{1,3}(?:-[0-9]{1,3})?)*)? |; -"#,
    )
    .expect("valid")
});

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
            sentence_units: OnceLock::new(),
            may_have_lists: OnceLock::new(),
            undotted: OnceLock::new(),
            paragraphs: OnceLock::new(),
            present: None,
        }
    }

    /// The subject of a folded text whose prefilter row is `present` (the
    /// row of exactly this text).
    pub fn with_presence(mut self, present: &'a [u64]) -> Self {
        self.present = Some(present);
        self
    }

    /// Whether `re` can match in this text or a stretch of it (see
    /// [`Pattern::may_occur`]); true when no prefilter ran over the text.
    pub fn may_occur(&self, re: &Pattern) -> bool {
        re.may_occur(self.present)
    }

    /// Whether `re` matches in `haystack`, this text or a stretch of it:
    /// searched only where its gate lets it match.
    pub fn matches(&self, re: &Pattern, haystack: &[u8]) -> bool {
        self.may_occur(re) && re.is_match(haystack)
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

    /// The sentences, and each list item with its chapeau, in text order.
    fn sentence_units(&self) -> &[Unit] {
        self.sentence_units.get_or_init(|| {
            let sentences = self.sentences();
            let items = if self.may_have_lists() {
                self.list_items()
            } else {
                Vec::new()
            };
            let mut units: Vec<Unit> = sentences.iter().cloned().map(Unit::plain).collect();
            units.extend(list_units(&self.folded, sentences, &items));
            units.sort_by_key(|u| (u.body.start, u.chapeau.is_some()));
            units
        })
    }

    /// The folded text with its full stops and colons as spaces: a pattern
    /// that fails here cannot hold on a list item read after its chapeau,
    /// joined without them (a cheap test before the list is cut).
    fn undotted(&self) -> &str {
        self.undotted.get_or_init(|| {
            // byte by byte (a loop the compiler vectorises): both marks are
            // ASCII, so no other char is touched
            let bytes = self.folded.bytes().map(|b| match b {
                b'.' | b':' => b' ',
                b => b,
            });
            String::from_utf8(bytes.collect()).expect("ASCII for ASCII keeps UTF-8")
        })
    }

    /// Whether one of the rule's `any` patterns matches the text without its
    /// full stops and colons.
    fn any_matches_undotted(&self, rule: &Rule) -> bool {
        let undotted = self.undotted().as_bytes();
        rule.any.iter().any(|re| self.matches(re, undotted))
    }

    /// Whether a chapeau can introduce a list here: a colon before a list
    /// marker, or a list cue (most articles have neither, and their text is
    /// not mapped for list items).
    fn may_have_lists(&self) -> bool {
        *self
            .may_have_lists
            .get_or_init(|| LIST_OPENING.is_match(&self.folded) || LIST_CUE.is_match(&self.folded))
    }

    /// Where the list items of the text begin and where their text begins
    /// (after the marker), in folded offsets: lines that open with a marker
    /// (`-`, `–`, `•`, `(a)`, `a)`, `1.`, `(iv)`), and dashes after a colon or
    /// semicolon in text whose lines were joined.
    fn list_items(&self) -> Vec<(usize, usize)> {
        let mut items: Vec<(usize, usize)> = Vec::new();
        if LINE_ITEM.is_match(self.original) {
            let mapped = self.mapped();
            items.extend(LINE_ITEM.find_iter(self.original).map(|m| {
                let marker = m.as_str().trim_start();
                let start = m.end() - marker.len();
                (folded_offset(mapped, start), folded_offset(mapped, m.end()))
            }));
        }
        items.extend(
            INLINE_DASH_ITEM
                .find_iter(&self.folded)
                .map(|m| (m.start() + 2, m.end())),
        );
        items.sort_unstable();
        items.dedup_by_key(|i| i.0);
        items
    }

    fn units(&self, within: Within) -> Vec<Unit> {
        match within {
            Within::Sentence => self.sentence_units().to_vec(),
            Within::Paragraph => self
                .paragraphs
                .get_or_init(|| {
                    let children = match self.agreement {
                        Some(a) => crate::structure::paragraphs_of(a, self.provision),
                        None => std::borrow::Cow::Borrowed(self.provision.children.as_slice()),
                    };
                    split_paragraphs(self.mapped(), &children, self.span_start)
                })
                .iter()
                .cloned()
                .map(Unit::plain)
                .collect(),
            Within::Article => vec![Unit::plain(0..self.folded.len())],
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
        let all_whole = rule.all.iter().all(|re| self.matches(re, whole));
        // the text without its full stops holds every match a sentence or a
        // list item can have: one pass there rules out both at once
        let undotted_any = rule.undot_monotone && all_whole;
        if undotted_any && !self.any_matches_undotted(rule) {
            return None;
        }
        let possible =
            all_whole && (rule.any.is_empty() || rule.any.iter().any(|re| self.matches(re, whole)));
        if possible && rule.spec.within != Within::Sentence {
            return self
                .units(rule.spec.within)
                .into_iter()
                .find_map(|unit| unit_hit(rule, self, unit));
        }
        if possible {
            // sentences first: list items are cut only when no sentence holds
            let hit = self
                .sentences()
                .iter()
                .find_map(|s| unit_hit(rule, self, Unit::plain(s.clone())));
            if hit.is_some() || !self.may_have_lists() {
                return hit;
            }
        }
        // a list item read after its chapeau is not a stretch of the text: a
        // pattern can hold there ("… any measure … : - cultural services")
        // and not in the text as written
        if !possible
            && (!all_whole
                || rule.spec.within != Within::Sentence
                || !self.may_have_lists()
                || !(undotted_any || self.any_matches_undotted(rule)))
        {
            return None;
        }
        self.sentence_units()
            .iter()
            .filter(|u| u.chapeau.is_some())
            .find_map(|unit| unit_hit(rule, self, unit.clone()))
    }
}

/// The match of `re` in `text` that goes with `near` (the matches of a
/// rule's `all` patterns): one on a word of them; else the last one before
/// the first of them (in English, Spanish and French the word that
/// recognises, promotes or excludes comes before its object); else the first
/// one after it. With `near` empty, the first match. In "the protection of
/// society … and the promotion and protection of cultural diversity" the
/// rule holds on the second "protection", not the first; in "reconocen la
/// importancia de la diversidad cultural y se comprometen a promover la
/// cooperación" on "reconocen", not on the nearer "promover".
fn match_with(re: &Pattern, text: &[u8], near: &[Range<usize>]) -> Option<regex_automata::Match> {
    let Some(object) = near.iter().map(|w| w.start).min() else {
        return re.find(text);
    };
    let mut before = None;
    for m in re.find_iter(text) {
        if near.iter().any(|w| m.start() < w.end && w.start < m.end()) {
            return Some(m);
        }
        if m.end() <= object {
            before = Some(m);
        } else {
            return before.or(Some(m));
        }
    }
    before
}

/// A chapeau with the dots inside its numbers as spaces ("Article 13.1" as
/// "Article 13 1"), of the same length: a pattern that stays within a
/// sentence (`[^.]*`) reads on from the chapeau's verb into the item it
/// introduces ("… may adopt or maintain any measure … referred to in
/// Article 13.1 …" + "cultural products").
fn without_number_dots(chapeau: &str) -> Cow<'_, str> {
    let bytes = chapeau.as_bytes();
    let inside_number = |i: usize| {
        i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..bytes.len()).any(|i| bytes[i] == b'.' && inside_number(i)) {
        return Cow::Borrowed(chapeau);
    }
    let spaced: Vec<u8> = (0..bytes.len())
        .map(|i| {
            if bytes[i] == b'.' && inside_number(i) {
                b' '
            } else {
                bytes[i]
            }
        })
        .collect();
    Cow::Owned(String::from_utf8(spaced).expect("an ASCII dot for an ASCII space keeps UTF-8"))
}

fn unit_hit(rule: &Rule, subject: &Subject, unit: Unit) -> Option<Hit> {
    let folded: &str = &subject.folded;
    // a stretch of the text holds only literals the text holds; a list item
    // read after its chapeau is not a stretch (the two are joined, and the
    // chapeau's number dots made spaces), so there every pattern is searched
    let may_occur = |re: &Pattern| unit.chapeau.is_some() || subject.may_occur(re);
    // a list item is read after its chapeau, joined by one space
    let (text, chapeau) = match &unit.chapeau {
        None => (Cow::Borrowed(&folded[unit.body.clone()]), None),
        Some(c) => (
            Cow::Owned(format!(
                "{} {}",
                without_number_dots(&folded[c.clone()]),
                &folded[unit.body.clone()]
            )),
            Some(c.clone()),
        ),
    };
    let text = text.as_bytes();
    // a range of the joined text back in the folded text: words across the
    // join are cut at the chapeau's end
    let place = |from: usize, to: usize| -> (Range<usize>, Option<Range<usize>>) {
        match &chapeau {
            None => (unit.body.start + from..unit.body.start + to, None),
            Some(c) => {
                let at = |o: usize| {
                    if o <= c.len() {
                        c.start + o
                    } else {
                        unit.body.start + o - c.len() - 1
                    }
                };
                if from < c.len() && to > c.len() + 1 {
                    (at(from)..c.end, Some(unit.body.start..at(to)))
                } else {
                    (at(from)..at(to), None)
                }
            }
        }
    };
    let mut words = Vec::new();
    let mut all_matches = Vec::new();
    for re in &rule.all {
        if !may_occur(re) {
            return None;
        }
        let m = re.find(text)?;
        let (first, rest) = place(m.start(), m.end());
        words.push(first);
        words.extend(rest);
        all_matches.push(m.range());
    }
    let mut anchor = words.first().map_or(unit.body.start, |w| w.start);
    if !rule.any.is_empty() {
        let m = rule
            .any
            .iter()
            .filter(|re| may_occur(re))
            .find_map(|re| match_with(re, text, &all_matches))?;
        let (first, rest) = place(m.start(), m.end());
        anchor = first.start;
        words.push(first);
        words.extend(rest);
    }
    let context = unit.context.as_ref().map(|c| folded[c.clone()].as_bytes());
    if rule
        .not
        .iter()
        .any(|re| re.is_match(text) || context.is_some_and(|c| re.is_match(c)))
    {
        return None;
    }
    words.sort_by_key(|r| r.start);
    let start = chapeau.map_or(unit.body.start, |c| c.start);
    Some(Hit {
        unit: start..unit.body.end,
        words,
        anchor,
    })
}

/// A line that opens with a list marker: a dash or bullet, `(a)`, `a)`, `a.`,
/// `1.`, `1)`, `(iv)`; group 0 runs to the item's first word.
static LINE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^[ \t]*(?:[-\u{2013}\u{2014}\u{2022}\u{25aa}*]|\(?[0-9]{1,3}[.)]|\([a-z]{1,2}\)|[a-z][.)]|\(?[ivx]{1,5}[.)])[ \t]+")
        .expect("valid")
});

/// A dash item in text whose lines were joined: "sectors: - audiovisual services; - …".
static INLINE_DASH_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[:;] - ").expect("valid"));

/// A colon followed by a list marker, in folded text (lines are joined).
static LIST_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[:;] (?:[-*\u{2022}\u{25aa}]|\(?[0-9a-z]{1,4}[.)]) ").expect("valid")
});

/// What announces a list that follows a full stop ("in the sectors listed below, … .").
static LIST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries: the text is folded, and a Unicode `\b` stops
    // the fast engine at the first byte that is not ASCII
    Regex::new(r"(?-u:\b)(?:listed|set out|specified|mentioned) below|the following|as follows|siguientes|a continuacion|suivant(?:e|s|es)?(?-u:\b)|ci-(?:apres|dessous)").expect("valid")
});

/// The kind of a list marker: items of one list share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    /// `-`, `–`, `•`, `*`.
    Bullet,
    /// `1.`, `(2)`, `3)`.
    Number,
    /// `(iv)`, `ii.`.
    Roman,
    /// `(a)`, `b)`, `c.`.
    Letter,
}

impl MarkerKind {
    /// The kind of a folded marker ("(b) ", "- ", "12. ").
    fn of(marker: &str) -> Self {
        let core = marker.trim().trim_matches(|c| "().".contains(c));
        match core.chars().next() {
            Some(c) if c.is_ascii_digit() => MarkerKind::Number,
            Some(c) if c.is_ascii_alphabetic() => {
                if core.chars().all(|c| "ivxl".contains(c)) && core != "l" {
                    MarkerKind::Roman
                } else {
                    MarkerKind::Letter
                }
            }
            _ => MarkerKind::Bullet,
        }
    }
}

/// The chapeau a text introduces a list with, without its closing mark: it
/// ends with a colon, or ends with a full stop and announces a list
/// ("listed below", "the following").
fn chapeau_of(folded: &str, range: Range<usize>) -> Option<Range<usize>> {
    let text = folded[range.clone()].trim_end();
    let body = text
        .strip_suffix(':')
        .or_else(|| text.strip_suffix('.').filter(|t| LIST_CUE.is_match(t)))?;
    let body = body.trim_end();
    let lead = body.len() - body.trim_start().len();
    (body.len() > lead).then(|| range.start + lead..range.start + body.len())
}

/// How many sentences back from a list its chapeau may stand, when the
/// sentences between qualify it ("… in the sectors listed below, Viet Nam
/// may adopt or maintain any measure … . Viet Nam may not, under any
/// measure adopted after …, require … . 1. Newspapers …").
const CHAPEAU_SENTENCES_BACK: usize = 2;

/// The chapeau among the last `CHAPEAU_SENTENCES_BACK` of `sentences` (the
/// ones before a list, none before `from`, where the last list ended) that
/// ends with a full stop and announces a list ("listed below", "the
/// following").
fn announced_before(folded: &str, sentences: &[Range<usize>], from: usize) -> Option<Range<usize>> {
    sentences
        .iter()
        .rev()
        .take(CHAPEAU_SENTENCES_BACK)
        .take_while(|s| s.start >= from)
        .find_map(|s| {
            let text = folded[s.clone()].trim_end();
            text.ends_with('.')
                .then(|| chapeau_of(folded, s.clone()))
                .flatten()
        })
}

/// Each list item read with the chapeau that introduces its list: the
/// sentence before the first item, or an item that itself ends with a colon
/// ("2. Paragraph 1 shall not apply to the following sectors:"). An item runs
/// to the next item or to the end of its sentence; a run of items breaks at
/// any other text.
fn list_units(folded: &str, sentences: &[Range<usize>], items: &[(usize, usize)]) -> Vec<Unit> {
    let len = folded.len();
    let sentence_end = |at: usize| {
        let i = sentences.partition_point(|s| s.end <= at);
        sentences.get(i).map_or(len, |s| s.end)
    };
    let mut units: Vec<Unit> = Vec::new();
    // the chapeaux in force, innermost last, each with the marker kind of
    // the item it is (none for a sentence): an item of that kind ends it
    let mut chapeaux: Vec<(Option<MarkerKind>, Range<usize>)> = Vec::new();
    let mut previous_end: Option<usize> = None;
    // the units of the current list, whose context runs from the chapeau to
    // the item's end
    let mut list_first = 0;
    let close_list = |units: &mut [Unit], end: Option<usize>| {
        for u in units.iter_mut() {
            if let (Some(c), Some(end)) = (&u.chapeau, end) {
                u.context = Some(c.start..u.body.end.min(end.max(u.body.end)));
            }
        }
    };
    for (k, &(start, text_start)) in items.iter().enumerate() {
        if start >= len || text_start > len {
            break;
        }
        let next = items.get(k + 1).map_or(len, |i| i.0);
        let end = next.min(sentence_end(text_start)).max(text_start);
        let kind = MarkerKind::of(&folded[start..text_start]);
        let continues =
            previous_end.is_some_and(|p| p <= start && folded[p..start].trim().is_empty());
        if continues {
            // "(b)" after "(a) … the following: (i) …" ends the inner list
            if let Some(at) = chapeaux.iter().position(|(k, _)| *k == Some(kind)) {
                chapeaux.truncate(at);
            }
        } else {
            close_list(&mut units[list_first..], previous_end);
            list_first = units.len();
            chapeaux.clear();
            // a new list: the sentence before it may introduce it
            let before = (start > 0)
                .then(|| {
                    let i = sentences.partition_point(|s| s.end < start);
                    let s = sentences.get(i)?;
                    chapeau_of(folded, s.start..start.max(s.start)).or_else(|| {
                        announced_before(folded, &sentences[..i], previous_end.unwrap_or(0))
                    })
                })
                .flatten();
            chapeaux.extend(before.map(|c| (None, c)));
        }
        if let Some((_, c)) = chapeaux.last() {
            if text_start < end {
                units.push(Unit {
                    chapeau: Some(c.clone()),
                    body: text_start..end,
                    context: None,
                });
            }
        }
        if let Some(c) = chapeau_of(folded, start..end) {
            chapeaux.push((Some(kind), c));
        }
        previous_end = Some(end);
    }
    close_list(&mut units[list_first..], previous_end);
    units
}

fn split_sentences(folded: &str) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(folded) {
        // plain digits after a stop are a footnote mark only after a word:
        // "9.1 ", "annex ii.3 ", "section b.2 " number something
        if m.as_str().bytes().any(|b| b.is_ascii_digit()) && !ends_with_word(&folded[..m.start()]) {
            continue;
        }
        let so_far = &folded[start..m.start()];
        if is_enumerator(so_far) {
            continue; // "1. ", "(b). ", "iv. " number a paragraph, they end nothing
        }
        // not after a bracket's label in a negotiating text ("[ARC propose:
        // 2. …", "[Alt 1: 3. …"): the label is not part of the sentence
        if so_far
            .rsplit_once([':', ';'])
            .is_some_and(|(before, after)| {
                is_enumerator(after) && before.rfind('[') <= before.rfind(']')
            })
        {
            // "For the purposes of this Chapter: 1. ", "…; b. " open a
            // list's item
            continue;
        }
        if ends_with_abbreviation(so_far) {
            continue; // "art. 5", "para. 2" cite, they end nothing
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

/// The folded offset of an original offset: the first folded byte from
/// there on, at a char boundary.
fn folded_offset(folded: &FoldedText, original: usize) -> usize {
    let len = folded.folded.len();
    let mut at = folded.first_from(original);
    while at < len && !folded.folded.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Is the sentence so far only a paragraph or list number ("1", "(b)", "iv")?
/// Then its full stop numbers a paragraph and ends nothing; "… in paragraph 1."
/// or "… Annex A." still end their sentence.
/// Abbreviations legal texts write before a number or a name, whose full
/// stop ends no sentence (folded): "art. 5", "arts. 3 and 4", "para. 2",
/// "cf. article 3" ("no." may end a Spanish sentence: "… o no.").
const ABBREVIATIONS: &[&str] = &["art", "arts", "para", "paras", "cf", "pp"];

/// Whether the text before a full stop ends with one of `ABBREVIATIONS`,
/// as a word of its own.
fn ends_with_abbreviation(sentence_so_far: &str) -> bool {
    let word = sentence_so_far
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&word)
}

/// Whether the text ends with a word of three letters or more that is not
/// a roman numeral.
fn ends_with_word(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| !c.is_ascii_lowercase())
        .next()
        .unwrap_or("");
    word.len() >= 3 && !word.chars().all(|c| "ivxlcdm".contains(c))
}

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
    fn a_pattern_is_undot_monotone_when_full_stops_and_colons_only_widen_it() {
        use crate::rules::load::undot_monotone;
        for yes in [
            r"\bcultural industr\w*",
            r"shall not apply[^.]*audiovisual",
            r"(?:unesco)[^.]{0,40}convention",
            r"a.b",
            r"[^:]{0,20}x",
            r"\s+x",
        ] {
            assert!(undot_monotone(yes), "{yes}");
        }
        for no in [
            r"sectors? ?: audiovisual",
            r"art\. 5",
            r"[.,;] x",
            r"^protocol",
            r"broadcast$",
            r"\Bx",
            r"[^ ]+x",
            r"\S+x",
            r"(unclosed",
        ] {
            assert!(!undot_monotone(no), "{no}");
        }
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
    fn a_list_opened_after_a_colon_does_not_end_the_sentence_at_its_first_number() {
        assert_eq!(
            sentences("para efectos de este capitulo: 1. productos digitales significa x. 2. y."),
            [
                "para efectos de este capitulo: 1. productos digitales significa x.",
                "2. y."
            ]
        );
        assert_eq!(
            sentences("each party shall refrain from: a. imposing duties; b. other."),
            ["each party shall refrain from: a. imposing duties; b. other."]
        );
        // a bracket's label in a negotiating text is not the sentence's start
        assert_eq!(
            sentences("[bor oppose] [alt 1: 3. nothing shall prevent it.]"),
            ["[bor oppose] [alt 1: 3.", "nothing shall prevent it.]"]
        );
    }

    #[test]
    fn footnote_marks_after_a_full_stop_end_its_sentence() {
        assert_eq!(
            sentences("creative arts of national value.¹ 4. nothing in this chapter. personal information.⁷, ⁸ 2. each party"),
            [
                "creative arts of national value.¹",
                "4. nothing in this chapter.",
                "personal information.⁷, ⁸",
                "2. each party"
            ]
        );
    }

    #[test]
    fn plain_footnote_marks_after_a_word_end_its_sentence_and_numbers_do_not() {
        assert_eq!(
            sentences("relating to cable or broadcast distribution of radio or television programming.9-1 3. nothing in this chapter shall apply. by electronic transmission.14-1 2. each party. article 9.1 applies. see section 2.3, 4 and 5. annex ii.3 and section b.2 apply."),
            [
                "relating to cable or broadcast distribution of radio or television programming.9-1",
                "3. nothing in this chapter shall apply.",
                "by electronic transmission.14-1",
                "2. each party.",
                "article 9.1 applies.",
                "see section 2.3, 4 and 5.",
                "annex ii.3 and section b.2 apply."
            ]
        );
    }

    #[test]
    fn abbreviations_end_no_sentence() {
        assert_eq!(
            sentences(
                "as provided in art. 5 and para. 2 of annex i, cf. article 7. the parties agree."
            ),
            [
                "as provided in art. 5 and para. 2 of annex i, cf. article 7.",
                "the parties agree."
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

    fn list_bodies(text: &str, items: &[&str]) -> Vec<(String, String)> {
        let sentences = split_sentences(text);
        let at: Vec<(usize, usize)> = items
            .iter()
            .map(|i| {
                let s = text.find(i).expect("item in text");
                (s, s + i.len())
            })
            .collect();
        list_units(text, &sentences, &at)
            .into_iter()
            .map(|u| {
                (
                    text[u.chapeau.unwrap()].to_string(),
                    text[u.body].trim().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn list_items_are_read_with_their_chapeau() {
        let text = "2. paragraph 1 shall not apply to the following sectors: - fishery; - audiovisual services; - mining.";
        assert_eq!(
            list_bodies(text, &["2. ", "- f", "- a", "- m"])
                .iter()
                .map(|(c, b)| format!("{c} | {b}"))
                .collect::<Vec<_>>(),
            [
                "2. paragraph 1 shall not apply to the following sectors | ishery;",
                "2. paragraph 1 shall not apply to the following sectors | udiovisual services;",
                "2. paragraph 1 shall not apply to the following sectors | ining.",
            ]
        );
    }

    #[test]
    fn a_chapeau_ending_in_a_full_stop_needs_a_list_cue() {
        let cued =
            "in the sectors listed below, a party may adopt any measure. 1. fishery 2. culture";
        assert_eq!(list_bodies(cued, &["1. ", "2. "]).len(), 2);
        let plain = "a party may adopt any measure. 1. fishery 2. culture";
        assert!(list_bodies(plain, &["1. ", "2. "]).is_empty());
    }

    #[test]
    fn an_item_of_the_outer_kind_ends_an_inner_list() {
        let text = "4. for greater certainty: (a) x; (b) y. 5. the other chapter applies.";
        let bodies = list_bodies(text, &["4. ", "(a) ", "(b) ", "5. "]);
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        assert!(bodies.iter().all(|(c, _)| c == "4. for greater certainty"));
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
