//! The rule engine: rules are data (`rules/*.toml`, embedded in the binary),
//! compiled once into a `RuleSet` that is `Send + Sync`, so one set serves a
//! whole corpus run in parallel.
//!
//! The agreement is folded once (lowercase, no accents, one space for any
//! whitespace) and one Aho-Corasick pass over it finds, per provision, the
//! triggers present (see `prefilter`); a rule is then checked only where its
//! trigger occurs, and positions are mapped back to the original text only for
//! the rules that hold. Cost grows with the text, and only slowly with the
//! number of rules.

pub mod docs;
mod load;
mod matching;
pub mod model;
mod prefilter;
mod scope;

pub use load::{RuleError, TERMS_FILE};
pub use model::{RuleSpec, Severity, Within, CATEGORIES};
pub use scope::ScopeFilter;

use crate::findings::{Finding, ProvisionRef};
use crate::provision::Agreement;
use matching::{Hit, Subject};
use rayon::prelude::*;
use regex::bytes::Regex;
use scope::{ScopeDefs, Target};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// A compiled rule.
pub struct Rule {
    pub spec: RuleSpec,
    /// The file it was read from.
    pub file: String,
    requires: Vec<Regex>,
    all: Vec<Regex>,
    any: Vec<Regex>,
    not: Vec<Regex>,
    title_any: Vec<Regex>,
    scope: ScopeFilter,
}

impl Rule {
    pub fn code(&self) -> &str {
        &self.spec.code
    }

    /// Does the rule hold on this text, taken as one provision in its scope?
    /// This is what `examples` are checked with.
    pub fn matches_text(&self, text: &str) -> bool {
        let provision = crate::provision::Provision::new(
            crate::provision::Kind::Article,
            None,
            1,
            0..text.len(),
        );
        let subject = Subject::new(text, None, &provision, 0);
        let haystack = subject.folded().as_bytes();
        self.requires.iter().all(|re| re.is_match(haystack)) && subject.text_hit(self).is_some()
    }
}

pub struct RuleSet {
    rules: Vec<Rule>,
    /// Per rule, the prefilter groups that must all occur for it to hold;
    /// none when no pattern of the rule has usable literals (then scope and
    /// title decide alone).
    triggers: Vec<Vec<usize>>,
    prefilter: prefilter::Prefilter,
    /// Each rule's triggers as `Presence` bits.
    trigger_bits: Vec<Vec<u64>>,
    /// Whether some rule has no trigger (its patterns have no usable
    /// literals): then every target has to be looked at.
    has_triggerless_rule: bool,
    scopes: ScopeDefs,
}

impl RuleSet {
    /// The rules shipped in `rules/`, compiled into the binary.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let files: Vec<(String, String)> = builtin::FILES
            .iter()
            .map(|(name, text)| (format!("rules/{name}"), text.to_string()))
            .collect();
        load::compile(&files)
    }

    /// Every `*.toml` of a directory (with its `terms.toml`).
    pub fn load_dir(dir: &Path) -> Result<RuleSet, RuleError> {
        load::compile(&load::read_dir(dir)?)
    }

    fn new(rules: Vec<Rule>, scopes: ScopeDefs) -> Result<RuleSet, RuleError> {
        let per_rule: Vec<Vec<prefilter::Literals>> = rules.par_iter().map(trigger).collect();
        let mut groups = Vec::new();
        let triggers: Vec<Vec<usize>> = per_rule
            .into_iter()
            .map(|rule_groups| {
                rule_groups
                    .into_iter()
                    .map(|group| {
                        groups.push(group);
                        groups.len() - 1
                    })
                    .collect()
            })
            .collect();
        let has_triggerless_rule = triggers.iter().any(Vec::is_empty);
        let trigger_bits = triggers
            .iter()
            .map(|t| prefilter::trigger_bits(t, groups.len()))
            .collect();
        Ok(RuleSet {
            prefilter: prefilter::Prefilter::new(&groups),
            rules,
            trigger_bits,
            has_triggerless_rule,
            triggers,
            scopes,
        })
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn rule(&self, code: &str) -> Option<&Rule> {
        self.index_of(code).map(|i| &self.rules[i])
    }

    /// Where rule `code` (any case) stands in the set.
    fn index_of(&self, code: &str) -> Option<usize> {
        self.rules
            .iter()
            .position(|r| r.spec.code.eq_ignore_ascii_case(code))
    }

    /// The literal groups rule `code` is looked for by (all must occur in an
    /// article, one literal of each), as folded text: what `rules explain`
    /// shows a rule author.
    pub fn trigger_literals(&self, code: &str) -> Vec<Vec<String>> {
        let Some(i) = self.index_of(code) else {
            return Vec::new();
        };
        self.triggers[i]
            .iter()
            .map(|&g| self.prefilter.group(g))
            .collect()
    }

    /// Does `text` hold the prefilter trigger of rule `code`? Every text the
    /// rule matches must, or the prefilter would hide findings: the rule
    /// examples test checks this for every `examples.match`.
    pub fn trigger_holds(&self, code: &str, text: &str) -> bool {
        let Some(i) = self.index_of(code) else {
            return false;
        };
        let mut doc = Vec::new();
        crate::text::fold_into(text, &mut doc);
        let whole = std::iter::once(0..doc.len()).collect::<Vec<_>>();
        let presence = self.prefilter.presence(&doc, &whole);
        prefilter::holds_all(presence.row(0), &self.trigger_bits[i])
    }

    pub fn scope_names(&self) -> Vec<&str> {
        self.scopes.names()
    }

    /// Findings for every provision of the agreement, in document order, then
    /// by category in the order of `CATEGORIES`.
    pub fn check(&self, agreement: &Agreement) -> Vec<Finding> {
        let targets = self.scopes.targets(agreement);
        // the whole agreement folded once, target after target, for one
        // prefilter pass; only targets with a candidate rule are looked at again
        let mut doc = Vec::with_capacity(agreement.text.text.len() + targets.len());
        let units: Vec<_> = targets
            .iter()
            .map(|t| {
                let start = doc.len();
                crate::text::fold_into(judged_text(agreement, t).0, &mut doc);
                let unit = start..doc.len();
                doc.push(0);
                unit
            })
            .collect();
        let presence = self.prefilter.presence(&doc, &units);
        targets
            .iter()
            .enumerate()
            // where no trigger occurs, only rules without one can hold
            .filter(|&(i, _)| presence.any(i) || self.has_triggerless_rule)
            .flat_map(|(i, t)| {
                let folded = std::str::from_utf8(&doc[units[i].clone()]).expect("folded UTF-8");
                self.check_target(agreement, t, folded, presence.row(i))
            })
            .collect()
    }

    /// The rules that can hold on a target: in scope, trigger present, title
    /// matching when they need one.
    fn candidates(&self, target: &Target, present: &[u64]) -> Vec<&Rule> {
        self.rules
            .iter()
            .zip(&self.trigger_bits)
            .filter(|(rule, trigger)| {
                rule.scope.admits(target.scopes)
                    && prefilter::holds_all(present, trigger)
                    && (rule.title_any.is_empty()
                        || rule
                            .title_any
                            .iter()
                            .any(|r| r.is_match(target.title.as_bytes())))
            })
            .map(|(rule, _)| rule)
            .collect()
    }

    fn check_target(
        &self,
        agreement: &Agreement,
        target: &Target,
        folded: &str,
        present: &[u64],
    ) -> Vec<Finding> {
        let candidates = self.candidates(target, present);
        if candidates.is_empty() {
            return Vec::new();
        }
        let p = target.provision;
        let (original, span_start) = judged_text(agreement, target);
        let subject = Subject::prefolded(
            original,
            Cow::Borrowed(folded),
            target.title.clone(),
            p,
            span_start,
        )
        .within(agreement);
        let haystack = subject.folded().as_bytes();
        let mut by_category: BTreeMap<usize, (Vec<&Rule>, Hit)> = BTreeMap::new();
        for rule in candidates {
            if !rule.requires.iter().all(|re| re.is_match(haystack)) {
                continue;
            }
            if let Some(hit) = subject.hit(rule) {
                let order = CATEGORIES
                    .iter()
                    .position(|c| *c == rule.spec.category)
                    .unwrap_or(usize::MAX);
                by_category
                    .entry(order)
                    .and_modify(|(rules, _)| rules.push(rule))
                    .or_insert((vec![rule], hit));
            }
        }
        by_category
            .into_values()
            .map(|(rules, hit)| finding(agreement, target, &subject, span_start, &rules, &hit))
            .collect()
    }
}

/// The text a target is judged on and where it starts in the agreement.
fn judged_text<'a>(agreement: &'a Agreement, target: &Target<'a>) -> (&'a str, usize) {
    match agreement.text.text.get(target.span.clone()) {
        Some(text) => (text, target.span.start),
        None => (target.provision.text.as_str(), 0),
    }
}

/// A rule's trigger: the literal groups of its two rarest necessary conditions
/// (each of its `requires` and `all` patterns, and its `any` patterns
/// together), the second only when it is telling enough to be worth looking
/// for. Two together rule out far more than either: "cooperation" is common,
/// "cooperation" in an article that also says "film" or "broadcast" is not.
fn trigger(rule: &Rule) -> Vec<prefilter::Literals> {
    let any = || -> Option<prefilter::Literals> {
        if rule.any.is_empty() {
            return None;
        }
        let mut all = Vec::new();
        for re in &rule.any {
            all.extend(prefilter::literals(re.as_str())?);
        }
        Some(prefilter::minimal(all))
    };
    let mut groups: Vec<prefilter::Literals> = rule
        .requires
        .iter()
        .chain(&rule.all)
        .filter_map(|re| prefilter::literals(re.as_str()))
        .chain(any())
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(prefilter::score(g)));
    groups.dedup();
    groups.truncate(2);
    if groups.len() == 2 && prefilter::score(&groups[1]) < SECOND_TRIGGER_SCORE {
        groups.pop();
    }
    groups
}

/// How telling a second trigger group must be (see `prefilter::score`).
const SECOND_TRIGGER_SCORE: usize = 7;

fn finding(
    agreement: &Agreement,
    target: &Target,
    subject: &Subject,
    span_start: usize,
    rules: &[&Rule],
    hit: &Hit,
) -> Finding {
    let mapped = subject.mapped();
    let (unit_start, unit_end) = mapped.original_range(hit.unit.start, hit.unit.end);
    // a unit can open on the blank line after a heading: point at its first word
    let unit_start = unit_start + leading_whitespace(&subject.original[unit_start..unit_end]);
    let marks: Vec<(usize, usize)> = hit
        .words
        .iter()
        .map(|w| mapped.original_range(w.start, w.end))
        .collect();
    let (from, to) = marks.first().map_or((unit_start, unit_start), |&(s, _)| {
        (s, marks.iter().map(|m| m.1).max().unwrap_or(s))
    });
    let anchor = mapped.original_offset(hit.anchor).max(unit_start);
    let start = agreement.text.locate(span_start + from);
    let end = agreement.text.locate(span_start + to.max(from));
    let (excerpt, excerpt_marks) = excerpt(subject.original, unit_start..unit_end, anchor, &marks);
    let first = rules[0];
    let matched: Vec<&str> = excerpt_marks
        .iter()
        .filter_map(|&(s, e)| excerpt.get(s..e))
        .collect();
    let fingerprint = crate::findings::fingerprint(&[
        &first.spec.category,
        &target.provision.path,
        &matched.join(" "),
    ]);
    let mut guideline: Vec<String> = rules
        .iter()
        .flat_map(|r| r.spec.guideline.clone())
        .collect();
    guideline.sort();
    guideline.dedup();
    Finding {
        category: first.spec.category.clone(),
        rules: rules.iter().map(|r| r.spec.code.clone()).collect(),
        severity: rules
            .iter()
            .map(|r| r.spec.severity)
            .max()
            .unwrap_or(Severity::Info),
        provision: ProvisionRef::of(target.provision),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        page: start.page,
        excerpt,
        marks: excerpt_marks,
        message: first.spec.message.clone(),
        guideline,
        fingerprint,
        revision: agreement
            .text
            .revision_in(span_start + from..span_start + to.max(from))
            .cloned(),
    }
}

/// How much of a long sentence an excerpt shows around the matched words.
const EXCERPT_BEFORE: usize = 120;
const EXCERPT_AFTER: usize = 280;

/// The matched unit as printed, whitespace runs as one space, cut around the
/// matched words when long; marks are byte ranges in the excerpt.
fn excerpt(
    original: &str,
    unit: std::ops::Range<usize>,
    anchor: usize,
    marks: &[(usize, usize)],
) -> (String, Vec<(usize, usize)>) {
    let mut from = anchor.saturating_sub(EXCERPT_BEFORE).max(unit.start);
    let mut to = (anchor + EXCERPT_AFTER).min(unit.end);
    while !original.is_char_boundary(from) {
        from -= 1;
    }
    while !original.is_char_boundary(to) {
        to += 1;
    }
    let mut out = String::new();
    let mut out_marks = Vec::new();
    if from > unit.start {
        out.push('…');
    }
    let mut open: Option<usize> = None;
    let mut last_space = true;
    for (i, ch) in original[from..to].char_indices() {
        let at = from + i;
        if open.is_none() && marks.iter().any(|m| m.0 == at) {
            open = Some(out.len());
        }
        if ch.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(ch);
            last_space = false;
        }
        let next = at + ch.len_utf8();
        if let Some(s) = open {
            if marks.iter().any(|m| m.1 == next) {
                out_marks.push((s, out.len()));
                open = None;
            }
        }
    }
    if let Some(s) = open {
        out_marks.push((s, out.len()));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if to < unit.end {
        out.push('…');
    }
    out_marks.retain(|&(s, e)| e <= out.len() && s < e);
    (out, out_marks)
}

fn leading_whitespace(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_collapses_whitespace_and_keeps_marks_on_the_words() {
        let text = "This  Chapter\n  does not apply to broadcasting.";
        let start = text.find("broadcasting").unwrap();
        let (out, marks) = excerpt(
            text,
            0..text.len(),
            start,
            &[(start, start + "broadcasting".len())],
        );
        assert_eq!(out, "This Chapter does not apply to broadcasting.");
        assert_eq!(&out[marks[0].0..marks[0].1], "broadcasting");
    }

    #[test]
    fn long_units_are_cut_around_the_anchor() {
        let text = format!(
            "{} cultural industries {}",
            "a ".repeat(200),
            "b ".repeat(200)
        );
        let start = text.find("cultural").unwrap();
        let (out, marks) = excerpt(&text, 0..text.len(), start, &[(start, start + 8)]);
        assert!(out.starts_with('…') && out.ends_with('…'));
        assert_eq!(&out[marks[0].0..marks[0].1], "cultural");
    }

    #[test]
    fn rule_set_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<RuleSet>();
    }
}
