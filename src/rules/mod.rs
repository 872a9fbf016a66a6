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

pub mod catalogue;
pub mod docs;
mod load;
mod matching;
pub mod model;
mod pattern;
mod prefilter;
mod scope;

pub use catalogue::{Catalogue, CategoryDecl, GapDecl};
pub use load::{RuleError, TERMS_FILE};
pub use model::{RuleSpec, Within};
pub use scope::ScopeFilter;

use crate::model::{Finding, ProvisionRef, RuleInfo, Severity};
use crate::provision::Agreement;
use crate::text::Marks;
use matching::{Hit, Subject};
use pattern::Pattern;
use scope::{ScopeDefs, Target};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// A compiled rule.
pub struct Rule {
    /// The rule as written.
    pub spec: RuleSpec,
    /// What findings and reports need of it, shared by its findings.
    pub info: Arc<RuleInfo>,
    /// The file it was read from.
    pub file: String,
    requires: Vec<Pattern>,
    all: Vec<Pattern>,
    any: Vec<Pattern>,
    not: Vec<Pattern>,
    title_any: Vec<Pattern>,
    scope: ScopeFilter,
    /// Whether the rule's `any` patterns can only gain matches when full
    /// stops and colons become spaces (`load::undot_monotone`), for a rule
    /// held sentence by sentence: then a text where none of them matches
    /// without its full stops holds the rule in no sentence and no list item.
    undot_monotone: bool,
}

impl Rule {
    /// The rule's code as written in its file (`CEX001`).
    pub fn code(&self) -> &str {
        &self.spec.code
    }

    /// Does the rule hold on this text, taken as one provision in its scope?
    /// This is what `examples` are checked with.
    pub fn matches_text(&self, text: &str) -> bool {
        self.matches_text_in(text, None)
    }

    /// `matches_text`, its patterns gated by the prefilter row `present` of
    /// the folded text when given (see `Pattern::may_occur`).
    fn matches_text_in(&self, text: &str, present: Option<&[u64]>) -> bool {
        let provision = crate::provision::Provision::new(
            crate::provision::Kind::Article,
            None,
            1,
            0..text.len(),
        );
        let mut subject = Subject::new(text, None, &provision, 0);
        if let Some(row) = present {
            subject = subject.with_presence(row);
        }
        let haystack = subject.folded().as_bytes();
        self.requires.iter().all(|re| subject.matches(re, haystack))
            && subject.text_hit(self).is_some()
    }
}

/// Every rule compiled, with the prefilter over their triggers, the scopes of `terms.toml`
/// and the catalogue of categories and gaps; `Send + Sync`, built once per run.
pub struct RuleSet {
    rules: Vec<Rule>,
    /// Per rule, the prefilter groups that must all occur for it to hold;
    /// none when no pattern of the rule has usable literals (then scope and
    /// title decide alone).
    triggers: Vec<Vec<usize>>,
    prefilter: prefilter::Prefilter,
    /// Each rule's triggers as `Presence` bits.
    trigger_bits: Vec<Vec<u64>>,
    /// For each prefilter group, the rules whose first trigger group it is,
    /// as bits (rule `r` is bit `r % 64` of word `r / 64`); with the
    /// triggerless rules' bits, what a target's row can make a candidate
    /// (see [`RuleSet::candidates`]).
    rules_by_trigger: Vec<Vec<u64>>,
    /// The rules without a trigger (their patterns have no usable literals,
    /// or a heading alone decides them), as bits of the same layout: the only
    /// rules that can hold on a target where no trigger occurs.
    triggerless_bits: Vec<u64>,
    /// The rules' title patterns as one cue (see [`TitleCue`]).
    titles: TitleCue,
    scopes: ScopeDefs,
    catalogue: Catalogue,
}

/// Every rule's `title_any` patterns as one cue, made from the compiled rules
/// while the triggers' automaton is built (see [`load::compile`]).
struct TitleCue {
    /// The patterns as one: a target whose title it does not match holds no
    /// rule that needs one, and one search says so (`None` when no rule has
    /// one, or when together they outgrow the size limit). Asked of the
    /// 41,000 ToTA targets' titles, the patterns one by one took 47 million
    /// instructions; with the cue first, a check of the corpus takes 15
    /// million fewer.
    pattern: Option<Pattern>,
    /// The cue's necessary literals: a title holding none of them is not
    /// searched (41,000 ToTA titles, nearly all without).
    literals: Option<prefilter::LiteralCue>,
}

impl TitleCue {
    /// The cue of `rules`' title patterns.
    fn of(rules: &[Rule]) -> TitleCue {
        let title_patterns: Vec<String> = rules
            .iter()
            .flat_map(|r| &r.title_any)
            .map(|p| format!("(?:{})", p.source()))
            .collect();
        let pattern = (!title_patterns.is_empty())
            .then(|| Pattern::new(&title_patterns.join("|"), load::PATTERN_SIZE_LIMIT).ok())
            .flatten();
        let literals = pattern
            .as_ref()
            .and_then(|cue| prefilter::LiteralCue::new(&cue.literals()?));
        TitleCue { pattern, literals }
    }

    /// Whether some rule's `title_any` can match `title` (the cue says so,
    /// after its literals).
    fn may_hold(&self, title: &[u8]) -> bool {
        self.literals
            .as_ref()
            .is_none_or(|literals| literals.occurs_in(title))
            && self.pattern.as_ref().is_none_or(|c| c.is_match(title))
    }
}

/// Makes the rules' patterns with the same syntax tree share one regex
/// ([`Pattern::share`]), and returns their title cue: the compiled rules'
/// work that does not need their triggers.
fn share_and_title(rules: &mut [Rule]) -> TitleCue {
    let mut shared = pattern::SharedRegexes::default();
    for rule in rules.iter_mut() {
        for p in rule
            .requires
            .iter_mut()
            .chain(&mut rule.all)
            .chain(&mut rule.any)
            .chain(&mut rule.not)
            .chain(&mut rule.title_any)
        {
            p.share(&mut shared);
        }
    }
    TitleCue::of(rules)
}

/// The rules' triggers and the one automaton that finds them all (see
/// [`prefilter`]), made as soon as the rules are compiled: building the
/// automaton is a fifth of start-up, and it runs while the gaps compile.
struct Triggers {
    /// Per rule, the indexes of its trigger groups.
    groups: Vec<Vec<usize>>,
    /// Per rule, the group of each of its gated patterns (see [`trigger`]).
    gates: Vec<Vec<Option<usize>>>,
    prefilter: prefilter::Prefilter,
    bits: Vec<Vec<u64>>,
}

impl Triggers {
    /// The triggers of the rules whose trigger literals, in rule order, are
    /// `per_rule` (each rule's [`trigger`]).
    fn of(per_rule: Vec<RuleLiterals>) -> Triggers {
        let mut literals = Vec::new();
        let (triggers, gates): (Vec<_>, Vec<_>) =
            per_rule.into_iter().map(|r| (r.trigger, r.gates)).unzip();
        let groups: Vec<Vec<usize>> = triggers
            .into_iter()
            .map(|rule_groups| {
                rule_groups
                    .into_iter()
                    .map(|group| {
                        literals.push(group);
                        literals.len() - 1
                    })
                    .collect()
            })
            .collect();
        // a gate with the words of a group already looked for is that group
        let mut seen: HashMap<prefilter::Literals, usize> = literals
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        let gates = gates
            .into_iter()
            .map(|rule_gates| {
                rule_gates
                    .into_iter()
                    .map(|gate| {
                        // words as common as a weak second trigger's rule
                        // out too little to pay for looking for them
                        let gate = gate.filter(|g| prefilter::score(g) >= SECOND_TRIGGER_SCORE)?;
                        Some(*seen.entry(gate.clone()).or_insert_with(|| {
                            literals.push(gate);
                            literals.len() - 1
                        }))
                    })
                    .collect()
            })
            .collect();
        let bits = groups
            .iter()
            .map(|t| prefilter::trigger_bits(t, literals.len()))
            .collect();
        Triggers {
            prefilter: prefilter::Prefilter::new(&literals),
            groups,
            gates,
            bits,
        }
    }
}

/// The category names of the built-in `rules/categories.toml`, in its order (what `check
/// --category` takes without `--rules`); empty if the file does not parse, which the
/// loader's own tests rule out.
pub fn builtin_category_names() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct File {
        category: Vec<Named>,
    }
    #[derive(serde::Deserialize)]
    struct Named {
        name: String,
    }
    builtin::FILES
        .iter()
        .find(|(name, _)| *name == "categories.toml")
        .and_then(|(_, text)| toml::from_str::<File>(text).ok())
        .map(|f| f.category.into_iter().map(|c| c.name).collect())
        .unwrap_or_default()
}

impl RuleSet {
    /// The rules shipped in `rules/`, compiled into the binary.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let files: Vec<(String, String)> = builtin::FILES
            .iter()
            .map(|(name, text)| (format!("rules/{name}"), text.to_string()))
            .collect();
        load::compile(&files, load::Build::AtFirstSearch)
    }

    /// Every `*.toml` of a directory (with its `terms.toml`).
    pub fn load_dir(dir: &Path) -> Result<RuleSet, RuleError> {
        load::compile(&load::read_dir(dir)?, load::Build::Now)
    }

    /// Rules from (file name, TOML text) pairs, as `load_dir` reads them from
    /// a directory; `terms.toml`, `categories.toml`, `guidelines.toml` and
    /// `gaps.toml` are the built-in ones unless given. Errors name the file
    /// and rule, as for `load_dir`.
    pub fn from_files(files: &[(String, String)]) -> Result<RuleSet, RuleError> {
        load::compile(files, load::Build::Now)
    }

    /// The rule set of compiled `rules` (their regexes shared and their
    /// title cue made by [`share_and_title`]) and their `triggers`.
    fn new(
        mut rules: Vec<Rule>,
        triggers: Triggers,
        titles: TitleCue,
        scopes: ScopeDefs,
        catalogue: Catalogue,
    ) -> Result<RuleSet, RuleError> {
        for (rule, gates) in rules.iter_mut().zip(&triggers.gates) {
            // in the order of `gated`, which `trigger` made the gates in (the
            // rule examples test fails if a gate lands on another pattern)
            let gated = rule
                .requires
                .iter_mut()
                .chain(&mut rule.all)
                .chain(&mut rule.any);
            for (p, gate) in gated.zip(gates) {
                if let Some(g) = gate {
                    p.set_gate(*g);
                }
            }
        }
        let rule_words = rules.len().div_ceil(64);
        let mut rules_by_trigger = vec![vec![0u64; rule_words]; triggers.prefilter.groups()];
        let mut triggerless_bits = vec![0u64; rule_words];
        for (r, groups) in triggers.groups.iter().enumerate() {
            let bits = match groups.first() {
                Some(&g) => &mut rules_by_trigger[g],
                None => &mut triggerless_bits,
            };
            prefilter::set_bit(bits, r);
        }
        Ok(RuleSet {
            rules_by_trigger,
            triggerless_bits,
            titles,
            prefilter: triggers.prefilter,
            rules,
            trigger_bits: triggers.bits,
            triggers: triggers.groups,
            scopes,
            catalogue,
        })
    }

    /// The categories and gaps declared beside the rules.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// Every rule, in the order of their files (by name) and of the rules within each file.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this code, compared ignoring ASCII case (`cex001` finds `CEX001`).
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

    /// Does the prefilter let rule `code` hold on `text`: does the text hold
    /// the rule's trigger, and does the rule still match it when each of its
    /// patterns is searched for only where its gate's literals occur (as
    /// `check` searches)? Every text the rule matches must pass, or the
    /// prefilter would hide findings: the rule examples test checks this for
    /// every `examples.match`. False for an unknown code.
    pub fn prefilter_admits(&self, code: &str, text: &str) -> bool {
        let Some(i) = self.index_of(code) else {
            return false;
        };
        let mut doc = Vec::new();
        crate::text::fold_into(text, &mut doc);
        let whole = std::iter::once(0..doc.len()).collect::<Vec<_>>();
        let presence = self.prefilter.presence(&doc, &whole);
        let row = presence.row(0);
        prefilter::holds_all(row, &self.trigger_bits[i])
            && self.rules[i].matches_text_in(text, Some(row))
    }

    /// Every scope a rule may name: the built-in ones (`anywhere`, `preamble`, `final`),
    /// then those of `terms.toml`.
    pub fn scope_names(&self) -> Vec<&str> {
        self.scopes.names()
    }

    /// Findings for every provision of the agreement, in document order; inside
    /// a provision in text order, then by category in the catalogue's order
    /// (`categories.toml`).
    pub fn check(&self, agreement: &Agreement) -> Vec<Finding> {
        let targets = self.scopes.targets(agreement);
        // the whole agreement folded once, target after target, for one
        // prefilter pass; only targets with a candidate rule are looked at again
        let mut doc = Vec::with_capacity(agreement.text.text.len() + targets.len());
        let units: Vec<_> = targets
            .iter()
            .map(|t| {
                let start = doc.len();
                crate::text::fold_into(&judged_text(agreement, t).0, &mut doc);
                let unit = start..doc.len();
                doc.push(0);
                unit
            })
            .collect();
        let presence = self.prefilter.presence(&doc, &units);
        let triggerless = self.triggerless_bits.iter().any(|&w| w != 0);
        targets
            .iter()
            .enumerate()
            // where no trigger occurs, only rules without one can hold
            .filter(|&(i, _)| triggerless || presence.any(i))
            .flat_map(|(i, t)| {
                self.check_target(agreement, t, &doc[units[i].clone()], presence.row(i))
            })
            .collect()
    }

    /// The rules that can hold on a target: in scope, trigger present, title
    /// matching when they need one. Where no trigger occurs (most targets),
    /// only the rules without one are looked at, not every rule.
    fn candidates(&self, target: &Target, present: &[u64]) -> Vec<&Rule> {
        let title = target.title.as_bytes();
        // searched for at most once, and only when a rule needs its title
        let cue = std::cell::OnceCell::new();
        let may_hold = |rule: &Rule, trigger: &[u64]| {
            rule.scope.admits(target.scopes)
                && prefilter::holds_all(present, trigger)
                && (rule.title_any.is_empty()
                    || (*cue.get_or_init(|| self.titles.may_hold(title))
                        && rule.title_any.iter().any(|r| r.is_match(title))))
        };
        // where no trigger occurs (most targets), only the triggerless rules
        self.rules_triggered_by(present)
            .into_iter()
            .filter(|&r| may_hold(&self.rules[r], &self.trigger_bits[r]))
            .map(|r| &self.rules[r])
            .collect()
    }

    /// The rules, in order, whose first trigger group occurs in `present` (a
    /// target's row), and those without a trigger: every rule whose
    /// triggers all occur is among them. A row holds a few of the hundreds
    /// of groups: asking every rule instead, for each of the 44,000 ToTA
    /// targets, was about 1% of a check.
    fn rules_triggered_by(&self, present: &[u64]) -> Vec<usize> {
        let mut rules = self.triggerless_bits.clone();
        for g in prefilter::set_bits(present) {
            if let Some(by) = self.rules_by_trigger.get(g) {
                rules.iter_mut().zip(by).for_each(|(r, b)| *r |= b);
            }
        }
        prefilter::set_bits(&rules).collect()
    }

    fn check_target(
        &self,
        agreement: &Agreement,
        target: &Target,
        folded: &[u8],
        present: &[u64],
    ) -> Vec<Finding> {
        let candidates = self.candidates(target, present);
        if candidates.is_empty() {
            return Vec::new();
        }
        // checked only here: most targets have no candidate rule
        let folded = simdutf8::basic::from_utf8(folded).expect("folded text is UTF-8");
        let p = target.provision;
        let (original, span_start) = judged_text(agreement, target);
        let subject = Subject::prefolded(
            &original,
            Cow::Borrowed(folded),
            target.title.clone(),
            p,
            span_start,
        )
        .within(agreement)
        .with_presence(present);
        let haystack = subject.folded().as_bytes();
        let mut by_category: BTreeMap<usize, (Vec<&Rule>, Hit)> = BTreeMap::new();
        for rule in candidates {
            if !rule.requires.iter().all(|re| subject.matches(re, haystack)) {
                continue;
            }
            if let Some(hit) = subject.hit(rule) {
                if rule.spec.own_division
                    && self.speaks_of_other_divisions(agreement, p, &subject, &hit)
                {
                    continue;
                }
                let order = self.catalogue.order(rule.info.category);
                by_category
                    .entry(order)
                    .and_modify(|(rules, _)| rules.push(rule))
                    .or_insert((vec![rule], hit));
            }
        }
        let mut findings: Vec<Finding> = by_category
            .into_values()
            .map(|(rules, hit)| finding(agreement, target, &subject, span_start, &rules, &hit))
            .collect();
        // in text order, as a reader meets them; categories in order at one place
        findings.sort_by_key(|f| (f.line, f.column));
        findings
    }
}

impl RuleSet {
    /// Whether the unit of `hit`, before its first marked word, names
    /// divisions by number, none of those `p` stands in, and not "this
    /// Chapter" (`RuleSpec::own_division`).
    fn speaks_of_other_divisions(
        &self,
        agreement: &Agreement,
        p: &crate::provision::Provision,
        subject: &Subject,
        hit: &Hit,
    ) -> bool {
        // the unit up to its first marked word: the subject of a carve-out
        // ("Title I" in "Title I shall not apply to …"), not what it refers
        // to ("… in accordance with its reservations to Chapters Ten and
        // Eleven")
        let end = hit.words.first().map_or(hit.unit.end, |w| w.start);
        let Some(unit) = subject
            .folded()
            .get(hit.unit.start..end.max(hit.unit.start))
        else {
            return false;
        };
        // and what a saving clause carves out of ("Nothing in Article 8.2
        // shall apply to …", where the carve-out's own words hold the subject)
        let reach = &self.catalogue.reach;
        let whole = subject.folded().get(hit.unit.clone()).unwrap_or("");
        let unit = format!("{unit} {}", reach.saving_subject(whole));
        let divisions: Vec<&crate::provision::Provision> = divisions_of(agreement, p).collect();
        let own: Vec<String> = divisions
            .iter()
            .filter_map(|d| d.number.as_deref().map(str::to_lowercase))
            .collect();
        let own_article = |n: &str| divisions.last().is_some_and(|d| d.holds_article(n));
        reach.names_only_other_divisions(&unit, &own)
            || (!divisions.is_empty() && reach.names_only_other_articles(&unit, own_article))
    }
}

/// The divisions `p` sits in, outermost first: down the tree from the top,
/// the provisions whose path is a prefix of its own (paths are unique), the
/// divisions among them (an article that a preamble swallowed sits in no
/// division for it). Looked up for a finding rather than carried by every
/// target: a check over ToTA has 41,000 targets and 1,000 findings.
fn divisions_of<'a>(
    agreement: &'a Agreement,
    p: &'a crate::provision::Provision,
) -> impl Iterator<Item = &'a crate::provision::Provision> {
    let path = p.path.as_str();
    let mut level: &'a [crate::provision::Provision] = &agreement.provisions;
    std::iter::from_fn(move || {
        let next = level.iter().find(|c| {
            path.strip_prefix(c.path.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })?;
        level = &next.children;
        Some(next)
    })
    .filter(|d| d.kind.is_division())
}

/// The text a target is judged on and where it starts in the agreement. The
/// lines of a table of contents in it (`Agreement::contents`: "Article 2:
/// Right to Regulate" before the preamble) are blanked, byte for byte, so
/// that what they name is not read as said there and offsets stay those of
/// the agreement's text.
fn judged_text<'a>(agreement: &'a Agreement, target: &Target<'a>) -> (Cow<'a, str>, usize) {
    let span = target.span.clone();
    let Some(text) = agreement.text.text.get(span.clone()) else {
        return (Cow::Borrowed(target.provision.text.as_str()), 0);
    };
    let mut inside = agreement
        .contents
        .iter()
        .filter(|r| r.start >= span.start && r.end <= span.end)
        .peekable();
    if inside.peek().is_none() {
        return (Cow::Borrowed(text), span.start);
    }
    let mut blanked = text.as_bytes().to_vec();
    for r in inside {
        blanked[r.start - span.start..r.end - span.start].fill(b' ');
    }
    // whole lines of the text were blanked: what is left is UTF-8
    let blanked = String::from_utf8(blanked).expect("contents lines are whole lines");
    (Cow::Owned(blanked), span.start)
}

/// A rule's trigger: the literal groups of its two rarest necessary conditions
/// (each of its `requires` and `all` patterns, and its `any` patterns
/// together), the second only when it is telling enough to be worth looking
/// for. Two together rule out far more than either: "cooperation" is common,
/// "cooperation" in an article that also says "film" or "broadcast" is not.
///
/// With it, the gates: the necessary literals of each of the rule's
/// `requires`, `all` and `any` patterns, in that order (`None` for a pattern
/// without usable literals), which the one pass looks for too so that a
/// pattern is not searched for in a text that holds none of them
/// ([`Pattern::may_occur`]).
pub(super) fn trigger(rule: &Rule) -> RuleLiterals {
    let gates: Vec<Option<prefilter::Literals>> = gated(rule).map(|re| re.literals()).collect();
    let (own, any) = gates.split_at(rule.requires.len() + rule.all.len());
    let any = || -> Option<prefilter::Literals> {
        if any.is_empty() {
            return None;
        }
        let mut all = Vec::new();
        for literals in any {
            all.extend(literals.clone()?);
        }
        Some(prefilter::minimal(all))
    };
    let mut groups: Vec<prefilter::Literals> = own.iter().flatten().cloned().chain(any()).collect();
    groups.sort_by_key(|g| std::cmp::Reverse(prefilter::score(g)));
    groups.dedup();
    groups.truncate(2);
    if groups.len() == 2 && prefilter::score(&groups[1]) < SECOND_TRIGGER_SCORE {
        groups.pop();
    }
    RuleLiterals {
        trigger: groups,
        gates,
    }
}

/// A rule's patterns that have gates, in the order of `RuleLiterals::gates`.
fn gated(rule: &Rule) -> impl Iterator<Item = &Pattern> {
    rule.requires.iter().chain(&rule.all).chain(&rule.any)
}

/// What the one pass looks for on behalf of a rule (see [`trigger`]).
pub(super) struct RuleLiterals {
    /// The literal groups that must all occur for the rule to hold.
    trigger: Vec<prefilter::Literals>,
    /// Each gated pattern's necessary literals.
    gates: Vec<Option<prefilter::Literals>>,
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
    let notes =
        page_notes(agreement, target.provision, span_start, subject.original).unwrap_or_default();
    let furniture = furniture_in(&notes, subject.original, anchor);
    let mut shown = unit_start..read_on_over(subject.original, unit_end, &furniture);
    // matched in a footnote: the excerpt is the note's, not the text it interrupts
    if let Some(note) = notes.iter().find(|r| r.contains(&anchor)) {
        let start = shown.start.max(note.start);
        shown = start..shown.end.min(note.end).max(start);
    }
    let (excerpt, excerpt_marks) = excerpt(subject.original, shown, anchor, &marks, &furniture);
    let first = rules[0];
    let matched = fingerprint_words(subject.original, unit_start..unit_end, anchor, &marks);
    let fingerprint = crate::model::fingerprint(&[
        first.info.category.as_str(),
        &target.provision.path,
        &matched.join(" "),
    ]);
    // cited in the rules' order, the main paragraph first, each once
    let mut guideline: Vec<String> = Vec::new();
    let mut convention_article: Vec<String> = Vec::new();
    for r in rules {
        for g in &r.spec.guideline {
            if !guideline.contains(g) {
                guideline.push(g.clone());
            }
        }
        for a in &r.spec.convention_article {
            if !convention_article.contains(a) {
                convention_article.push(a.clone());
            }
        }
    }
    Finding {
        category: first.info.category,
        rules: rules.iter().map(|r| Arc::clone(&r.info)).collect(),
        severity: rules
            .iter()
            .map(|r| r.spec.severity)
            .max()
            .unwrap_or(Severity::Info),
        provision: ProvisionRef::of(target.provision),
        divisions: divisions_of(agreement, target.provision)
            .map(ProvisionRef::of)
            .collect(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        page: start.page,
        page_label: start
            .page
            .and_then(|p| agreement.text.page_label(p))
            .map(str::to_string),
        excerpt,
        marks: excerpt_marks,
        message: first.spec.message.clone(),
        guideline,
        convention_article,
        fingerprint,
        revision: agreement
            .text
            .revision_in(span_start + from..span_start + to.max(from))
            .cloned(),
        negotiation: None,
        matched: span_start + from..span_start + to.max(from),
    }
}

/// How much of a long sentence an excerpt shows around the matched words.
const EXCERPT_BEFORE: usize = 120;
const EXCERPT_AFTER: usize = 280;
/// How much an excerpt shows before and after matched words that lie beyond
/// its window, in a second window of their own.
const EXCERPT_GAP_BEFORE: usize = 60;
const EXCERPT_GAP_AFTER: usize = 60;

/// The footnotes of `provision` as ranges of `original` (its text from
/// `span_start` on), when they are page text: `None` for a ToTA article,
/// which holds its notes after its text, not at the foot of a page (and
/// whose paragraphs, notes included, may not be read yet), or when
/// `original` is not a slice of the agreement's text the spans index.
fn page_notes(
    agreement: &Agreement,
    provision: &crate::provision::Provision,
    span_start: usize,
    original: &str,
) -> Option<Vec<std::ops::Range<usize>>> {
    let end = span_start + original.len();
    if agreement.format == crate::provision::SourceFormat::TotaXml
        || agreement.text.text.get(span_start..end) != Some(original)
    {
        return None;
    }
    Some(
        provision
            .walk()
            .filter(|p| p.kind == crate::provision::Kind::Footnote)
            .filter(|p| p.span.start >= span_start && p.span.end <= end)
            .map(|p| p.span.start - span_start..p.span.end - span_start)
            .filter(|r| !r.is_empty())
            .collect(),
    )
}

/// What an excerpt leaves out (byte ranges of `original`, in order): the
/// `notes` other than the one the matched words are in (at `anchor`), and
/// page-number lines ("Page 88 of 90"). A sentence cut by a page break in a
/// text converted from PDF runs on over the footnotes printed at the foot of
/// the page; the excerpt shows the sentence as it reads.
fn furniture_in(
    notes: &[std::ops::Range<usize>],
    original: &str,
    anchor: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = notes
        .iter()
        .filter(|r| !r.contains(&anchor))
        .cloned()
        .collect();
    if out.is_empty() {
        // a page number alone interrupts nothing worth the walk over lines
        return out;
    }
    let mut at = 0;
    for line in original.split_inclusive('\n') {
        if crate::text::page_numbers::is_page_number(line.trim()) {
            out.push(at..at + line.len());
        }
        at += line.len();
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Where a unit ending at `end` ends as it reads: a sentence that the foot
/// of a page interrupted ("… between" / footnotes / "Page 88 of 90" / "them,
/// in particular …") goes on after the `furniture`, up to its full stop.
fn read_on_over(original: &str, end: usize, furniture: &[std::ops::Range<usize>]) -> usize {
    // the furniture the unit ran into, and the text before it
    let Some(first) = furniture.iter().position(|r| r.start < end && end <= r.end) else {
        return end;
    };
    let before = original[..furniture[first].start].trim_end();
    if before.ends_with(['.', ';', ':', '!', '?']) {
        return end;
    }
    // over the run of furniture, blank space between included
    let mut resume = furniture[first].end;
    for r in &furniture[first + 1..] {
        if original
            .get(resume..r.start)
            .is_some_and(|gap| gap.trim().is_empty())
        {
            resume = resume.max(r.end);
        } else {
            break;
        }
    }
    let rest = &original[resume..];
    let stop = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | ';' | '!' | '?')
                && rest[i + 1..].starts_with(|n: char| n.is_whitespace())
        })
        .map_or(rest.len(), |(i, _)| i + 1);
    resume + stop
}

/// The matched unit as printed, whitespace runs as one space, cut around the
/// matched words when long (at word ends), what `skip` covers left out (see
/// `furniture_in`); marks are the matched words inside the excerpt, clipped to
/// what it shows (see `Marks`).
fn excerpt(
    original: &str,
    unit: std::ops::Range<usize>,
    anchor: usize,
    marks: &[(usize, usize)],
    skip: &[std::ops::Range<usize>],
) -> (String, Marks) {
    use crate::text::marks::{ceil, floor, word_end, word_start};
    let unit = crate::text::marks::char_range(original, unit);
    let anchor = anchor.clamp(unit.start, unit.end);
    // what is left out inside the window does not count against it
    let mut after = anchor + EXCERPT_AFTER;
    for r in skip.iter().filter(|r| r.start >= anchor) {
        if r.start < after {
            after += r.len();
        }
    }
    let mut before = anchor.saturating_sub(EXCERPT_BEFORE);
    for r in skip.iter().rev().filter(|r| r.end <= anchor) {
        if r.end > before {
            before = before.saturating_sub(r.len());
        }
    }
    // the window never cuts a word: its ends move out to the word's ends
    let from = word_start(original, floor(original, before.max(unit.start))).max(unit.start);
    let to = word_end(original, ceil(original, after.min(unit.end))).min(unit.end);
    // matched words beyond the window (a list item read after a long
    // chapeau: the reservation's sector) get windows of their own, and so
    // do matched words before it (the cultural term of a list item above the
    // clause the anchor is in: "(xii) tourist and cultural industries" read
    // with "(j) … industrial development" twenty lines on), so that the
    // excerpt shows every word the finding rests on, and the words its line
    // and column point at
    let outside = |keep: &dyn Fn(&(usize, usize)) -> bool| -> Vec<(usize, usize)> {
        marks.iter().copied().filter(|m| keep(m)).collect()
    };
    let mut ahead = side_windows(original, outside(&|m| m.1 <= from), unit.start, from);
    // a window that runs up to the main one is part of it
    let from = match ahead.last() {
        Some(r) if r.end >= from => ahead.pop().map_or(from, |r| r.start),
        _ => from,
    };
    let beyond = side_windows(original, outside(&|m| m.0 >= to), to, unit.end);
    let windows: Vec<std::ops::Range<usize>> = ahead
        .into_iter()
        .chain(std::iter::once(from..to))
        .chain(beyond)
        .collect();
    let mut out = String::new();
    let mut out_marks = Vec::new();
    if windows[0].start > unit.start {
        out.push('…');
    }
    // a run of marked chars (whitespace inside a mark included) is one mark
    let mut open: Option<usize> = None;
    let mut last_space = true;
    let mut shown_to = windows[0].end;
    for (w, window) in windows.into_iter().enumerate() {
        if w > 0 {
            if let Some(s) = open.take() {
                out_marks.push((s, out.trim_end().len()));
            }
            if window.start > shown_to {
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                out.push_str(" …");
                last_space = false;
            }
            push_collapsed(&mut out, ' ', &mut last_space);
        }
        shown_to = window.end;
        for (i, ch) in original[window.clone()].char_indices() {
            let at = window.start + i;
            if skip.iter().any(|r| r.contains(&at)) {
                push_collapsed(&mut out, ' ', &mut last_space);
                continue;
            }
            let inside = marks.iter().any(|&(s, e)| s <= at && at < e);
            match (inside, open) {
                (true, None) => open = Some(out.len()),
                (false, Some(s)) => {
                    out_marks.push((s, out.len()));
                    open = None;
                }
                _ => {}
            }
            push_collapsed(&mut out, ch, &mut last_space);
        }
    }
    if let Some(s) = open {
        out_marks.push((s, out.len()));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let marks = Marks::snap(
        &out,
        out_marks.into_iter().map(|(s, e)| (s, e.min(trimmed))),
    );
    if shown_to < unit.end {
        out.push('…');
    }
    (out, marks)
}

/// Windows of their own for matched words (`words`, byte ranges) that lie
/// outside an excerpt's main window, within `lo..hi`: one per run of words
/// less than `EXCERPT_GAP_BEFORE + EXCERPT_GAP_AFTER` bytes apart, from
/// `EXCERPT_GAP_BEFORE` before its first word to `EXCERPT_GAP_AFTER` after its
/// last (at most `EXCERPT_AFTER` long), at word ends, in order and not
/// overlapping (windows that meet are one).
fn side_windows(
    original: &str,
    mut words: Vec<(usize, usize)>,
    lo: usize,
    hi: usize,
) -> Vec<std::ops::Range<usize>> {
    use crate::text::marks::{ceil, floor, word_end, word_start};
    words.sort_unstable();
    let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, mut e) = words[i];
        i += 1;
        while i < words.len() && words[i].0 <= e + EXCERPT_GAP_BEFORE + EXCERPT_GAP_AFTER {
            e = e.max(words[i].1);
            i += 1;
        }
        let start = word_start(
            original,
            floor(original, s.saturating_sub(EXCERPT_GAP_BEFORE).max(lo)),
        )
        .max(lo);
        let end = (e + EXCERPT_GAP_AFTER).min(start + EXCERPT_AFTER).min(hi);
        let end = word_end(original, ceil(original, end)).min(hi);
        match windows.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ if start < end => windows.push(start..end),
            _ => {}
        }
    }
    windows
}

/// The matched words a fingerprint is made of, exactly as fingerprints have
/// always been made, so that earlier baselines keep matching: the words as
/// the rules found them (not widened to whole words), in the excerpt window of
/// `EXCERPT_BEFORE` / `EXCERPT_AFTER` bytes around the anchor, whitespace
/// collapsed, a word left open at the window's end kept only when no trailing
/// space was trimmed there.
fn fingerprint_words(
    original: &str,
    unit: std::ops::Range<usize>,
    anchor: usize,
    marks: &[(usize, usize)],
) -> Vec<String> {
    use crate::text::marks::{ceil, floor};
    let from = floor(
        original,
        anchor.saturating_sub(EXCERPT_BEFORE).max(unit.start),
    );
    let to = ceil(original, (anchor + EXCERPT_AFTER).min(unit.end));
    let mut out = String::new();
    let mut words = Vec::new();
    let mut open: Option<usize> = None;
    let mut last_space = true;
    for (i, ch) in original[from..to].char_indices() {
        let at = from + i;
        if open.is_none() && marks.iter().any(|m| m.0 == at) {
            open = Some(out.len());
        }
        push_collapsed(&mut out, ch, &mut last_space);
        let next = at + ch.len_utf8();
        if let Some(s) = open {
            if marks.iter().any(|m| m.1 == next) {
                words.push(s..out.len());
                open = None;
            }
        }
    }
    let trimmed = out.trim_end().len();
    if let Some(s) = open.filter(|_| trimmed == out.len()) {
        words.push(s..out.len());
    }
    words
        .into_iter()
        .filter(|w| w.end <= trimmed && w.start < w.end)
        .filter_map(|w| out.get(w).map(str::to_string))
        .collect()
}

/// Appends `ch` to an excerpt, a run of whitespace as one space.
fn push_collapsed(out: &mut String, ch: char, last_space: &mut bool) {
    if !ch.is_whitespace() {
        out.push(ch);
        *last_space = false;
    } else if !*last_space {
        out.push(' ');
        *last_space = true;
    }
}

fn leading_whitespace(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_a_row_triggers_are_every_rule_whose_triggers_occur() {
        let rules = RuleSet::builtin().unwrap();
        let groups = rules.prefilter.groups();
        let words = groups.div_ceil(64);
        let mut seed = 0x2005_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..2000 {
            // rows with a few groups set, as targets have, and some dense
            let mut row = vec![0u64; words];
            for _ in 0..(if round % 10 == 0 {
                groups
            } else {
                next() as usize % 12
            }) {
                let g = next() as usize % groups;
                row[g / 64] |= 1 << (g % 64);
            }
            let got = rules.rules_triggered_by(&row);
            assert!(got.windows(2).all(|w| w[0] < w[1]), "in rule order");
            for r in 0..rules.rules.len() {
                let triggered = !rules.triggers[r].is_empty()
                    && prefilter::holds_all(&row, &rules.trigger_bits[r]);
                if triggered || rules.triggers[r].is_empty() {
                    assert!(got.contains(&r), "rule {r} on round {round}");
                }
            }
        }
    }

    #[test]
    fn every_builtin_pattern_builds_within_the_size_limit() {
        // the built-in set builds its patterns at their first search, where a
        // failure could only panic: built all at once here, as a rule
        // directory is, any failure is a load error naming the rule
        let files: Vec<(String, String)> = builtin::FILES
            .iter()
            .map(|(name, text)| (format!("rules/{name}"), text.to_string()))
            .collect();
        let eager = RuleSet::from_files(&files).expect("the built-in rules build");
        let lazy = RuleSet::builtin().unwrap();
        assert_eq!(eager.rules().len(), lazy.rules().len());
        let text = b"this chapter shall not apply to audiovisual services";
        for (e, l) in eager.rules().iter().zip(lazy.rules()) {
            for (pe, pl) in e.any.iter().zip(&l.any) {
                assert_eq!(pe.is_match(text), pl.is_match(text), "{}", e.spec.code);
            }
        }
    }

    #[test]
    fn a_rule_decided_by_its_heading_holds_where_no_trigger_occurs() {
        // PSP006 has no trigger: its article's text says none of the rules'
        // words, and only the triggerless rules are looked at there
        let rules = RuleSet::builtin().unwrap();
        assert!(rules.triggerless_bits.iter().any(|&w| w != 0));
        let text = "Article 1: Right to Regulate\n\nEach Party may adopt measures it \
            considers appropriate.\n\nArticle 2: Definitions\n\nFor the purposes of \
            this Agreement, a person means a natural person.\n";
        let agreement = crate::structure::parse_text(
            "t.txt".into(),
            crate::provision::SourceFormat::Text,
            crate::text::LocatedText::plain(text.into()),
        );
        let findings = rules.check(&agreement);
        let codes: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (f.rule().code.as_str(), f.provision.path.as_str()))
            .collect();
        assert_eq!(codes, [("PSP006", "art1")]);
    }

    /// `excerpt` of a whole text with nothing left out.
    fn excerpt_of(text: &str, anchor: usize, words: &[(usize, usize)]) -> (String, Marks) {
        excerpt(text, 0..text.len(), anchor, words, &[])
    }

    /// The words a finding marks in its excerpt.
    fn marked(f: &Finding) -> Vec<&str> {
        f.marks
            .ranges()
            .iter()
            .map(|&(s, e)| &f.excerpt[s..e])
            .collect()
    }

    #[test]
    fn the_marked_verb_is_the_one_before_its_object() {
        let rules = RuleSet::builtin().unwrap();
        let text =
            "Article 1\n\nEach Party retains the right to adopt measures to pursue legitimate \
            policy objectives such as the protection of society, the environment and public \
            health, and the promotion and protection of cultural diversity.\n\nArticle 2\n\n\
            Las Partes reconocen la protección de los consumidores y se comprometen a \
            fomentar la diversidad cultural.\n\nArticle 3\n\nLas Partes reconocen la importancia \
            de la diversidad cultural y se comprometen a promover la cooperación.\n";
        let agreement = crate::structure::parse_text(
            "t.txt".into(),
            crate::provision::SourceFormat::Text,
            crate::text::LocatedText::plain(text.into()),
        );
        let findings = rules.check(&agreement);
        let found: Vec<Vec<&str>> = findings
            .iter()
            .filter(|f| f.category.as_str() == "cultural_specificity")
            .map(marked)
            .collect();
        assert_eq!(
            found,
            [
                vec!["protection", "cultural diversity"],
                vec!["fomentar", "diversidad cultural"],
                // the verb before its object, not the nearer one after it
                vec!["reconocen", "diversidad cultural"],
            ]
        );
        // the second "protection", not the one of society
        let first = findings
            .iter()
            .find(|f| f.category.as_str() == "cultural_specificity")
            .unwrap();
        let (_, end) = first.marks.ranges()[0];
        assert!(
            first.excerpt[end..].starts_with(" of cultural diversity"),
            "{first:?}"
        );
    }

    #[test]
    fn excerpt_collapses_whitespace_and_keeps_marks_on_the_words() {
        let text = "This  Chapter\n  does not apply to broadcasting.";
        let start = text.find("broadcasting").unwrap();
        let (out, marks) = excerpt_of(text, start, &[(start, start + "broadcasting".len())]);
        assert_eq!(out, "This Chapter does not apply to broadcasting.");
        assert_eq!(marks.words(&out), ["broadcasting"]);
    }

    #[test]
    fn long_units_are_cut_around_the_anchor() {
        let text = format!(
            "{} cultural industries {}",
            "a ".repeat(200),
            "b ".repeat(200)
        );
        let start = text.find("cultural").unwrap();
        let (out, marks) = excerpt_of(&text, start, &[(start, start + 8)]);
        assert!(out.starts_with('…') && out.ends_with('…'));
        assert_eq!(marks.words(&out), ["cultural"]);
    }

    #[test]
    fn a_mark_running_past_the_cut_ends_before_the_ellipsis() {
        // a long matched run (a list of sectors) that the window cuts: its
        // mark used to end inside the '…' appended after the cut
        let text = format!("{} cultural {}", "a ".repeat(50), "industries ".repeat(60));
        let start = text.find("cultural").unwrap();
        let (out, marks) = excerpt_of(&text, start, &[(start, text.len())]);
        assert!(out.ends_with('…'));
        let &(s, e) = marks.ranges().last().unwrap();
        assert!(out.is_char_boundary(s) && out.is_char_boundary(e));
        assert!(out[s..e].starts_with("cultural industries") && !out[s..e].contains('…'));
    }

    #[test]
    fn excerpts_cut_at_word_ends_and_marks_cover_whole_words() {
        let text = format!(
            "{}réaffirment les servicios audiovisuales {}",
            "économie ".repeat(30),
            "créatifs ".repeat(60)
        );
        let re = text.find("affirment").unwrap();
        let av = text.find("audiovisual").unwrap();
        let (out, marks) = excerpt_of(
            &text,
            av,
            &[(re, re + "affirment".len()), (av, av + "audiovisual".len())],
        );
        assert_eq!(marks.words(&out), ["réaffirment", "audiovisuales"]);
        let body = out.trim_start_matches('…').trim_end_matches('…');
        assert!(
            body.split(' ').all(|w| [
                "économie",
                "créatifs",
                "réaffirment",
                "les",
                "servicios",
                "audiovisuales"
            ]
            .contains(&w)),
            "{out}"
        );
    }

    #[test]
    fn matched_words_beyond_the_window_get_a_window_of_their_own() {
        // a reservation's long chapeau, then the item with the sector
        let text = format!(
            "Viet Nam may adopt or maintain any measure with respect to {} investment. 1. Newspapers, radio and television broadcasting, in any form 2. Geodesy",
            "the operation, management and sale of an ".repeat(12)
        );
        let start = text.find("may adopt").unwrap();
        let sector = text.find("broadcasting").unwrap();
        let (out, marks) = excerpt_of(
            &text,
            start,
            &[(start, start + 9), (sector, sector + "broadcasting".len())],
        );
        assert_eq!(marks.words(&out), ["may adopt", "broadcasting"]);
        assert!(out.contains(" … "), "{out}");
        assert!(
            out.contains("radio and television broadcasting, in any form"),
            "{out}"
        );
        assert!(out.len() < text.len(), "{out}");
    }

    #[test]
    fn matched_words_before_the_window_are_shown_each_in_a_window_of_their_own() {
        // three matched words far apart: a cultural term in a list item, a
        // "capacities" further down, and the anchor's word at the end
        let filler = "(x) a long list item on other subjects of industry and trade; ".repeat(6);
        let text = format!(
            "(a) develop the following industries: (i) tourist and cultural industries. {filler}(b) \
             raise the absorptive capacities of the Parties. {filler}(c) support industrial \
             development at the regional level."
        );
        let word = |w: &str| {
            let s = text.find(w).unwrap();
            (s, s + w.len())
        };
        let words = [
            word("cultural industries"),
            word("capacities"),
            word("development at"),
        ];
        let anchor = words[2].0;
        let (out, marks) = excerpt_of(&text, anchor, &words);
        assert_eq!(
            marks.words(&out),
            ["cultural industries", "capacities", "development at"],
            "{out}"
        );
        // each in its own window, the gaps between them left out
        assert_eq!(out.matches(" … ").count(), 2, "{out}");
        assert!(
            out.starts_with("(a) develop the following industries"),
            "{out}"
        );
        assert!(out.len() < text.len(), "{out}");
        // words that lie close together share one window
        let (out, marks) = excerpt_of(&text, anchor, &[words[0], word("(x) a long"), words[2]]);
        assert_eq!(marks.words(&out).len(), 3, "{out}");
        assert_eq!(out.matches(" … ").count(), 1, "{out}");
    }

    #[test]
    fn an_excerpt_leaves_out_the_footnotes_and_page_number_a_sentence_runs_over() {
        let text = "The Parties agree to promote electronic commerce between\n60 For greater certainty, an authorization is an administrative procedure.\nPage 88 of 90\nthem, in particular by co-operating.";
        let note = text.find("60 For").unwrap()..text.find("Page").unwrap();
        let page = text.find("Page").unwrap()..text.find("them").unwrap();
        let start = text.find("electronic").unwrap();
        let (out, marks) = excerpt(
            text,
            0..text.len(),
            start,
            &[(start, start + "electronic commerce".len())],
            &[note, page],
        );
        assert_eq!(
            out,
            "The Parties agree to promote electronic commerce between them, in particular by co-operating."
        );
        assert_eq!(marks.words(&out), ["electronic commerce"]);
    }

    #[test]
    fn a_sentence_interrupted_by_the_foot_of_a_page_reads_on_after_it() {
        let text = "agree to promote it between\n60 For greater certainty. More.\nPage 88 of 90\nthem, in particular. Next sentence.";
        let note = text.find("60 For").unwrap()..text.find("Page").unwrap();
        let page = text.find("Page").unwrap()..text.find("them").unwrap();
        let cut = text.find("certainty.").unwrap() + "certainty.".len();
        let end = read_on_over(text, cut, &[note.clone(), page.clone()]);
        assert_eq!(&text[..end], "agree to promote it between\n60 For greater certainty. More.\nPage 88 of 90\nthem, in particular.");
        // a sentence that had ended before the footnote stays as it was
        let ended = "It ends here.\n60 For greater certainty.\nNext.";
        let note = ended.find("60").unwrap()..ended.find("Next").unwrap();
        let cut = ended.find("certainty.").unwrap() + 10;
        assert_eq!(read_on_over(ended, cut, &[note]), cut);
    }

    #[test]
    fn rule_set_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<RuleSet>();
    }
}
