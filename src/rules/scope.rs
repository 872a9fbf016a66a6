//! Where a provision sits, decided from the tree: the preamble, the final
//! clauses, or a scope defined in `rules/terms.toml` (e-commerce, services,
//! exceptions) recognised from a chapter's or article's title, or from the
//! opening article of a chapter. Also picks the provisions findings attach to.

use super::model::TermsFile;
use crate::provision::{Agreement, Kind, Provision};
use crate::text::fold_text;
use regex::bytes::{RegexSet, RegexSetBuilder};

/// Scopes every rule set has; data scopes follow them.
pub const BUILTIN_SCOPES: &[&str] = &["anywhere", "preamble", "final"];
const ANYWHERE: u32 = 1;
const PREAMBLE: u32 = 2;
const FINAL: u32 = 4;
/// How much of a chapter's opening article says what the chapter is about.
const OPENING_CHARS: usize = 400;

struct ScopeDef {
    name: String,
    opening_text: Option<super::Pattern>,
    /// Literals one of which occurs wherever `opening_text` matches (see
    /// `prefilter::literals`): `opening_text` is anchored, so the regex
    /// engine walks each opening with no prefilter of its own, and most
    /// openings hold none of these words.
    opening_cue: Option<super::prefilter::LiteralCue>,
    /// On the agreement's title: the whole agreement is in the scope.
    agreement_title: Option<super::Pattern>,
}

/// The scopes of `terms.toml`, compiled: what recognises them from titles and opening articles.
pub struct ScopeDefs {
    defs: Vec<ScopeDef>,
    /// Every scope's `title` at once: one search tells all the scopes a
    /// heading names (each heading of a corpus is asked). Built at load
    /// ([`Build::Now`](super::load::Build)) or at its first search.
    titles: std::sync::OnceLock<RegexSet>,
    /// The expanded `title` patterns, in scope order, that `titles` is
    /// built from.
    title_patterns: Vec<String>,
    /// Literals one of which occurs in every title that names a scope
    /// (`prefilter::literals` of each scope's `title`), when every title
    /// pattern has some: most headings ("Definitions", "Objectives") hold
    /// none, and a walk of their few bytes says so several times quicker
    /// than the set's search, prefilter and all.
    title_literals: Option<super::prefilter::LiteralCue>,
}

/// The literals of every scope title pattern as one cue (`title_literals`);
/// `None` when some pattern has no usable literals or does not parse.
fn title_literals_of(titles: &[String]) -> Option<super::prefilter::LiteralCue> {
    let mut literals = Vec::new();
    for title in titles {
        literals.extend(super::prefilter::literals(title)?);
    }
    super::prefilter::LiteralCue::new(&literals)
}

/// Which scopes a rule accepts (any of) and refuses (`~name`).
#[derive(Debug, Clone, Copy, Default)]
pub struct ScopeFilter {
    /// Bits of the scopes accepted (one bit per scope, in `RuleSet::scope_names` order); `anywhere`
    /// when none named.
    pub accept: u32,
    /// Bits of the scopes refused (`~name`).
    pub refuse: u32,
}

impl ScopeFilter {
    /// Whether a target with these scope bits is in the rule's scope: in any accepted one, in no
    /// refused one.
    pub fn admits(&self, scopes: u32) -> bool {
        scopes & self.accept != 0 && scopes & self.refuse == 0
    }
}

/// A provision that findings attach to (article, preamble, final clause, or an
/// instrument without articles), with its scopes.
pub struct Target<'a> {
    /// The provision findings attach to.
    pub provision: &'a Provision,
    /// Bits of the scopes it is in (`anywhere` always, plus preamble, final or data scopes).
    pub scopes: u32,
    /// The text the target is judged on: its full span, or only its own text
    /// when articles sit inside it (a preamble that swallowed the body).
    pub span: std::ops::Range<usize>,
    /// Its title folded for matching ("" when it has none): folded once here
    /// for scopes, candidate rules and their `title_any`.
    pub title: String,
}

impl ScopeDefs {
    /// Compiles the scopes of `terms.toml`, their regexes built as `build`
    /// says; an error (through `fail`) for a built-in name, a bad pattern,
    /// or more than 29 scopes.
    pub fn compile(
        terms: &TermsFile,
        build: super::load::Build,
        fail: impl Fn(String) -> super::RuleError,
    ) -> Result<Self, super::RuleError> {
        let mut defs = Vec::new();
        let mut titles = Vec::new();
        for (name, spec) in &terms.scopes {
            if BUILTIN_SCOPES.contains(&name.as_str()) {
                return Err(fail(format!(
                    "scope `{name}` is built in; choose another name"
                )));
            }
            let failed = |e: String| fail(format!("scope `{name}`: {e}"));
            // titles are compiled together below
            titles.push(super::load::expand_pattern(&spec.title, terms).map_err(failed)?);
            let opening_text = spec
                .opening_text
                .as_deref()
                .map(|p| super::load::pattern(p, terms, build).map_err(failed));
            let agreement_title = spec
                .agreement_title
                .as_deref()
                .map(|p| super::load::pattern(p, terms, build).map_err(failed));
            let opening_text = opening_text.transpose()?;
            let opening_cue = opening_text
                .as_ref()
                .and_then(|re| super::prefilter::LiteralCue::new(&re.literals()?));
            defs.push(ScopeDef {
                name: name.clone(),
                opening_text,
                opening_cue,
                agreement_title: agreement_title.transpose()?,
            });
        }
        if BUILTIN_SCOPES.len() + defs.len() > 32 {
            return Err(fail("at most 29 scopes".into()));
        }
        let title_literals = title_literals_of(&titles);
        let defs = ScopeDefs {
            defs,
            titles: std::sync::OnceLock::new(),
            title_patterns: titles,
            title_literals,
        };
        if build == super::load::Build::Now {
            let titles = defs
                .build_titles()
                .map_err(|e| fail(format!("scope titles together: {e}")))?;
            let _ = defs.titles.set(titles);
        }
        Ok(defs)
    }

    fn build_titles(&self) -> Result<RegexSet, regex::Error> {
        RegexSetBuilder::new(&self.title_patterns)
            .unicode(false)
            .size_limit(super::load::PATTERN_SIZE_LIMIT)
            .build()
    }

    /// The scope titles' set, built at its first search when the load
    /// left it (the built-in rules, whose titles the tests build).
    fn titles(&self) -> &RegexSet {
        self.titles.get_or_init(|| {
            self.build_titles()
                .unwrap_or_else(|e| panic!("scope titles together: {e}"))
        })
    }

    /// Every scope name, bit order: the built-in ones, then those of `terms.toml`.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = BUILTIN_SCOPES.to_vec();
        names.extend(self.defs.iter().map(|d| d.name.as_str()));
        names
    }

    fn bit(&self, name: &str) -> Option<u32> {
        self.names().iter().position(|n| *n == name).map(|i| 1 << i)
    }

    /// A rule's `scope` list as a filter; an error names an unknown scope and lists the known ones.
    pub fn filter(&self, scopes: &[String]) -> Result<ScopeFilter, String> {
        let mut filter = ScopeFilter::default();
        for s in scopes {
            let (negated, name) = match s.strip_prefix('~') {
                Some(n) => (true, n),
                None => (false, s.as_str()),
            };
            let bit = self.bit(name).ok_or_else(|| {
                format!(
                    "unknown scope `{name}` (scopes: {})",
                    self.names().join(", ")
                )
            })?;
            if negated {
                filter.refuse |= bit;
            } else {
                filter.accept |= bit;
            }
        }
        if filter.accept == 0 {
            filter.accept = ANYWHERE;
        }
        Ok(filter)
    }

    fn title_bits(&self, title: Option<&str>) -> u32 {
        title.map_or(0, |t| self.folded_title_bits(&fold_text(t)))
    }

    /// The scopes a folded title names.
    fn folded_title_bits(&self, folded: &str) -> u32 {
        let bytes = folded.as_bytes();
        // most titles name no scope, and telling so is much quicker than
        // asking which scopes a title names; of the ToTA titles that hold
        // one of the literals, 98% name a scope (2,942 of 3,008 of 45,000
        // titles), so those go straight to the question
        match &self.title_literals {
            Some(cue) if !cue.occurs_in(bytes) => return 0,
            Some(_) => {}
            None if !self.titles().is_match(bytes) => return 0,
            None => {}
        }
        self.titles()
            .matches(bytes)
            .iter()
            .fold(0, |acc, i| acc | self.data_bit(i))
    }

    /// The scope an article's folded title names, when it names exactly one
    /// ("Committee on Trade in Services and Electronic Commerce" names two).
    fn sole_title_bits(&self, folded_title: &str) -> u32 {
        let bits = self.folded_title_bits(folded_title);
        if bits.count_ones() == 1 {
            bits
        } else {
            0
        }
    }

    fn data_bit(&self, index: usize) -> u32 {
        1 << (BUILTIN_SCOPES.len() + index)
    }

    /// Scopes an article opens with: its first sentence matches a scope's
    /// `opening_text` and names no other scope ("establishment, trade in
    /// services and electronic commerce" is a chapter's general scope).
    fn opening_bits(&self, agreement: &Agreement, article: &Provision) -> u32 {
        // below the heading and its title: "Article 13.1: Scope" would end
        // the first sentence at "13." ("[^.]{0,120}")
        let end = article.span.end;
        let start = after_title(agreement, article, article.heading.end.min(end), end);
        let text = agreement
            .text
            .text
            .get(start..end)
            .unwrap_or_else(|| agreement.full_text(article));
        let folded = fold_text(char_prefix(text, OPENING_CHARS));
        let opening = self
            .defs
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.opening_text.as_ref().is_some_and(|re| {
                    d.opening_cue
                        .as_ref()
                        .is_none_or(|cue| cue.occurs_in(folded.as_bytes()))
                        && re.is_match(folded.as_bytes())
                })
            })
            .fold(0, |acc, (i, _)| acc | self.data_bit(i));
        if opening == 0 {
            return 0; // most chapters: no need to ask which scopes the text names
        }
        let named = self.folded_title_bits(&folded);
        (0..self.defs.len())
            .map(|i| self.data_bit(i))
            .filter(|bit| opening & bit != 0 && named & !bit == 0)
            .fold(0, |acc, bit| acc | bit)
    }

    /// The scopes whose pattern (`pattern` of the definition) matches `folded`.
    fn pattern_bits(
        &self,
        folded: &str,
        pattern: impl Fn(&ScopeDef) -> Option<&super::Pattern>,
    ) -> u32 {
        self.defs
            .iter()
            .enumerate()
            .filter(|(_, d)| pattern(d).is_some_and(|r| r.is_match(folded.as_bytes())))
            .fold(0, |acc, (i, _)| acc | self.data_bit(i))
    }

    /// The scopes the agreement's own title puts the whole agreement in (an
    /// "Agreement on Electronic Commerce" is e-commerce from its scope article on).
    fn agreement_bits(&self, agreement: &Agreement) -> u32 {
        if self.defs.iter().all(|d| d.agreement_title.is_none()) {
            return 0;
        }
        let title = fold_text(&agreement.title());
        self.pattern_bits(&title, |d| d.agreement_title.as_ref())
    }

    /// Every target of the agreement with its scopes, in document order.
    pub fn targets<'a>(&self, agreement: &'a Agreement) -> Vec<Target<'a>> {
        let mut out = Vec::new();
        self.collect(agreement, &agreement.provisions, None, 0, &mut out);
        let whole = self.agreement_bits(agreement);
        if whole != 0 {
            // a division whose title names another scope keeps it: the
            // telecommunications section of a digital trade agreement is
            // about telecommunications, not e-commerce
            let builtin = (1u32 << BUILTIN_SCOPES.len()) - 1;
            let foreign: Vec<&Provision> = agreement
                .walk()
                .filter(|d| d.kind.is_division() && d.title.is_some())
                .filter(|d| {
                    let bits = self.division_bits(agreement, d) & !builtin;
                    bits != 0 && bits & whole == 0
                })
                .collect();
            for t in out.iter_mut().filter(|t| {
                !matches!(t.provision.kind, Kind::Preamble | Kind::FinalClause)
                    && !foreign.iter().any(|d| t.provision.is_inside(d))
            }) {
                t.scopes |= whole;
            }
        }
        if out.is_empty() {
            // a draft without articles: its top-level provisions carry the findings
            out.extend(agreement.provisions.iter().map(|p| Target {
                provision: p,
                scopes: ANYWHERE | self.kind_bits(p.kind),
                span: p.span.clone(),
                title: p.title.as_deref().map(fold_text).unwrap_or_default(),
            }));
        }
        out
    }

    fn kind_bits(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Preamble => PREAMBLE,
            Kind::FinalClause => FINAL,
            _ => 0,
        }
    }

    fn collect<'a>(
        &self,
        agreement: &'a Agreement,
        provisions: &'a [Provision],
        division: Option<&'a Provision>,
        inherited: u32,
        out: &mut Vec<Target<'a>>,
    ) {
        let siblings_are_articles = provisions.iter().any(is_target_kind);
        let runs = if siblings_are_articles {
            self.runs(agreement, provisions, division)
        } else {
            vec![0; provisions.len()]
        };
        for (p, run_bits) in provisions.iter().zip(runs) {
            let nested = has_targets(p);
            if is_target_kind(p) || (p.kind.is_instrument() && !nested) {
                let title = p.title.as_deref().map(fold_text).unwrap_or_default();
                let scopes = ANYWHERE
                    | inherited
                    | run_bits
                    | self.kind_bits(p.kind)
                    | self.sole_title_bits(&title);
                let end = match p.children.first() {
                    Some(first) if nested => first.span.start.max(p.span.start),
                    _ => p.span.end,
                };
                let span = p.heading.end.min(end)..end;
                out.push(Target {
                    provision: p,
                    scopes,
                    span,
                    title,
                });
                if nested {
                    // the structure put the body inside the preamble: read on
                    self.collect(agreement, &p.children, division, inherited, out);
                }
            } else if p.kind.is_division() {
                let bits = inherited | self.division_bits(agreement, p);
                if let Some(span) = own_text(agreement, p) {
                    // text under the heading before (or instead of) articles
                    out.push(Target {
                        provision: p,
                        scopes: ANYWHERE | bits,
                        span,
                        title: p.title.as_deref().map(fold_text).unwrap_or_default(),
                    });
                }
                self.collect(agreement, &p.children, Some(p), bits, out);
            }
        }
    }

    /// A division is wholly in a scope when its title names that scope and no
    /// other ("Electronic Commerce"), or when its opening article says so.
    fn division_bits(&self, agreement: &Agreement, division: &Provision) -> u32 {
        let title = self.title_bits(division.title.as_deref());
        if title.count_ones() == 1 {
            return title;
        }
        if title != 0 {
            return 0; // mixed title: left to runs of articles
        }
        match division.children.iter().find(|c| is_target_kind(c)) {
            Some(first) => self.opening_bits(agreement, first),
            None => 0,
        }
    }

    /// Inside a division whose title names several subjects ("Services,
    /// Establishment and Electronic Commerce"), a scope covers the run of
    /// articles from the first one that opens with it to the next article whose
    /// title names another scope (its exceptions, say).
    fn runs(
        &self,
        agreement: &Agreement,
        articles: &[Provision],
        division: Option<&Provision>,
    ) -> Vec<u32> {
        let mixed = division.map_or(0, |d| self.title_bits(d.title.as_deref()));
        let mut bits = vec![0; articles.len()];
        if mixed.count_ones() < 2 {
            return bits;
        }
        for def_bit in (0..self.defs.len()).map(|i| self.data_bit(i)) {
            if mixed & def_bit == 0 {
                continue;
            }
            let mut open = false;
            for (a, slot) in articles.iter().zip(bits.iter_mut()) {
                let title = self.title_bits(a.title.as_deref());
                if title & !def_bit != 0 {
                    open = false;
                } else if title & def_bit != 0 || self.opening_bits(agreement, a) & def_bit != 0 {
                    open = true;
                }
                if open {
                    *slot |= def_bit;
                }
            }
        }
        bits
    }
}

/// The first `chars` chars of `text` (all of it when shorter).
fn char_prefix(text: &str, chars: usize) -> &str {
    if text.len() <= chars {
        return text; // no more chars than bytes
    }
    // a char starts at every byte that is not a UTF-8 continuation byte
    let end = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| (b as i8) >= -0x40)
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The own text of a division (chapter, section, annex…): from below its
/// heading and title to its first article or sub-division, when there is
/// any. Paragraphs directly under the division are part of it.
fn own_text(agreement: &Agreement, p: &Provision) -> Option<std::ops::Range<usize>> {
    let end = p
        .children
        .iter()
        .find(|c| is_target_kind(c) || c.kind.is_division())
        .map_or(p.span.end, |c| c.span.start.max(p.span.start));
    let start = after_title(agreement, p, p.heading.end.min(end), end);
    let text = agreement.text.text.get(start..end)?;
    text.chars()
        .any(char::is_alphanumeric)
        .then_some(start..end)
}

/// Skips a title written on the lines below the heading ("CHAPTER 1" /
/// "ELECTRONIC COMMERCE"): its words are matched as a title, not as text.
fn after_title(agreement: &Agreement, p: &Provision, from: usize, end: usize) -> usize {
    let Some(title) = p.title.as_deref() else {
        return from;
    };
    let want: Vec<&str> = title.split_whitespace().collect();
    let Some(text) = agreement.text.text.get(from..end) else {
        return from;
    };
    let mut got: Vec<&str> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        pos += line.len();
        // one word more than the title is enough to tell it is not the
        // title: a ToTA article is often one long line, all of whose words
        // were gathered to be compared with a title of three
        got.extend(line.split_whitespace().take(want.len() + 1 - got.len()));
        if got.is_empty() {
            continue;
        }
        if got == want {
            return from + pos;
        }
        if got.len() >= want.len() || !want.starts_with(&got) {
            return from;
        }
    }
    from
}

fn is_target_kind(p: &Provision) -> bool {
    matches!(
        p.kind,
        Kind::Article | Kind::Entry | Kind::Preamble | Kind::FinalClause
    )
}

fn has_targets(p: &Provision) -> bool {
    p.children
        .iter()
        .any(|c| is_target_kind(c) || has_targets(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provision::Kind;

    /// `after_title` for a chapter titled `title` whose text after its
    /// heading is `text`: how many bytes of the text it skips.
    fn skipped(title: &str, text: &str) -> usize {
        let agreement = crate::structure::parse_text(
            "t.txt".into(),
            crate::provision::SourceFormat::Text,
            crate::text::LocatedText::plain(text.into()),
        );
        let mut chapter = Provision::new(Kind::Chapter, Some("5".into()), 1, 0..text.len());
        chapter.title = Some(title.into());
        after_title(&agreement, &chapter, 0, text.len())
    }

    #[test]
    fn a_heading_without_the_title_literals_names_no_scope() {
        let rules = super::super::RuleSet::builtin().unwrap();
        let defs = &rules.scopes;
        let literals = defs
            .title_literals
            .as_ref()
            .expect("every built-in scope title has literals");
        let headings = [
            "definitions",
            "objectives",
            "national treatment",
            "trade in services",
            "cross-border trade in services",
            "right of establishment",
            "electronic commerce",
            "comercio electronico",
            "commerce electronique",
            "telecommunications",
            "general exceptions",
            "exceptions",
            "excepciones generales",
            "final provisions",
            "cultural co-operation",
            "protocol on cultural cooperation",
            "co-productions",
        ];
        for heading in headings {
            let named = defs.titles().is_match(heading.as_bytes());
            let held = literals.occurs_in(heading.as_bytes());
            assert!(held || !named, "{heading} names a scope");
            assert_eq!(defs.folded_title_bits(heading) != 0, named, "{heading}");
        }
        assert!(!literals.occurs_in(b"definitions"));
        assert!(literals.occurs_in(b"trade in services"));
        assert_eq!(
            headings
                .iter()
                .filter(|h| defs.folded_title_bits(h) != 0)
                .count(),
            14
        );
    }

    #[test]
    fn a_title_on_the_lines_below_the_heading_is_skipped_and_a_sentence_is_not() {
        let title = "Electronic Commerce";
        let below = "Electronic\nCommerce\nThis Chapter applies to measures.";
        assert_eq!(skipped(title, below), "Electronic\nCommerce\n".len());
        let blank_first = "\nElectronic Commerce\nText.";
        assert_eq!(skipped(title, blank_first), "\nElectronic Commerce\n".len());
        // a first line that starts with the title's words and goes on, as a
        // ToTA article's one long line does, is text
        let long = "Electronic Commerce shall mean the production, distribution, \
            marketing, sale or delivery of goods and services by electronic means.\n";
        assert_eq!(skipped(title, long), 0);
        assert_eq!(skipped(title, "Electronic Commerce and Services\nText."), 0);
        assert_eq!(skipped(title, "Customs Duties\nText."), 0);
    }
}
