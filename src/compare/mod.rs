//! `treatyscan compare A B`: what changed between two agreements (a new draft
//! and the last round, or one Party's template and another's).
//!
//! Two phases, because `similar` knows no moves: `align` pairs the articles of
//! A and B (through renumbering, moves between chapters, splits and merges),
//! then `diff` compares the words inside each pair. `delta` lifts the result to
//! categories (cultural exception, e-commerce duties…) for the headline, and the
//! renderers (`render_human`, `render_html`; JSON is the model itself) present it.

pub mod align;
pub mod delta;
pub mod diff;
pub mod divisions;
pub mod furniture;
pub mod l10n;
pub mod language;
pub mod negotiation;
pub mod render_html;
pub mod render_human;
pub mod substance;
pub mod tokens;
pub mod units;

use crate::provision::{Agreement, Kind, Provision};
use align::{Alignment, Relation};
use delta::{CategoryProvider, DeltaEntry};
use diff::{whole, word_diff, Op, Segment};
use furniture::Furniture;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use units::{article_units_with, Unit};

/// What changed from agreement A to agreement B: the result of [`compare`], and the JSON of
/// `compare --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The earlier agreement (the first argument).
    pub a: Side,
    /// The later agreement (the second argument).
    pub b: Side,
    /// Counts over the article-level changes.
    pub summary: Summary,
    /// Category and gap delta, sorted by status then category: the headline.
    pub delta: Vec<DeltaEntry>,
    /// Chapters (and other divisions) put in, taken out, renumbered or
    /// retitled as wholes, in B's reading order; omitted when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<divisions::DivisionChange>,
    /// One entry per article pair, added or removed article, in B's reading order, each
    /// changed article followed by its changed paragraphs.
    pub changes: Vec<Change>,
    /// Negotiating brackets agreed, dropped, added or changing hands between the
    /// rounds; omitted when neither text has negotiating brackets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negotiation: Option<negotiation::Rounds>,
    /// Each category's label in Spanish and French (`--lang`), from the rule
    /// catalogue; not in JSON, which keeps the category ids.
    #[serde(skip)]
    pub category_labels: std::collections::BTreeMap<(String, crate::locale::Lang), String>,
}

/// One agreement of a comparison, as the reports name it.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The file it was read from, as given on the command line.
    pub file: String,
    /// The agreement's name: from ToTA `<meta>`, else its title page
    /// (`Agreement::name`), when either gives one.
    pub name: Option<String>,
    /// Language code: the metadata's (lowercased), else an ISO 639-1 guess from the text;
    /// `None` when neither tells.
    pub language: Option<String>,
}

/// The headline counts of a comparison, over article-level changes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Articles and stand-alone provisions (preamble, final clause, annexes without articles).
    pub provisions_a: usize,
    /// The same count for B.
    pub provisions_b: usize,
    /// Article-level pairs (paired by number only when the languages differ).
    pub matched: usize,
    /// Matched articles with no change at all; 0 between two languages.
    pub unchanged: usize,
    /// Matched articles whose words changed.
    pub text_changed: usize,
    /// Matched articles in another chapter than the one most of their chapter's articles went to.
    pub moved: usize,
    /// Matched articles whose number changed.
    pub renumbered: usize,
    /// Matched articles whose title changed (same language only).
    pub retitled: usize,
    /// B articles carved out of one A article.
    pub split: usize,
    /// B articles that fold several A articles together (counted once per A part).
    pub merged: usize,
    /// Articles only in B.
    pub added: usize,
    /// Articles only in A.
    pub removed: usize,
    /// False when metadata or the text say A and B are in different languages.
    pub same_language: bool,
    /// Where the category delta came from.
    pub categories_from: String,
    /// Why the words were not compared (two languages), when they were not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Matched articles whose words are at least half the same (similarity ≥ 0.5, or part of a
    /// split or merge); 0 between two languages, where words are not compared.
    pub corresponding: usize,
    /// Set when too few provisions correspond for A and B to be versions of one agreement
    /// (same language only): `2 × corresponding / (provisions_a + provisions_b)` below 0.5. The
    /// comparison is then of two different agreements, and its changes are not edits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// The Parties of A and of B (ISO 3166 alpha-3 codes, `EU`), when both
    /// name theirs and they are not the same: two agreements, perhaps
    /// written on one model (US–Australia and US–Singapore, Canada–Chile and
    /// NAFTA), whose differences are not edits; `warning` then says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parties_differ: Option<(Vec<String>, Vec<String>)>,
}

/// Below this share of both sides' provisions corresponding (`2 × corresponding /
/// (provisions_a + provisions_b)`), two texts are not taken for versions of one
/// agreement. Versions of one agreement measure 0.96 and more (ToTA siblings, the drafts in
/// `corpus/compare/`); TPP against NAFTA 0.02; two unrelated example drafts 0.38 and 0.48.
pub const RELATED_SHARE: f32 = 0.5;

impl Summary {
    /// Anything a reader would want to look at (exit code 1).
    pub fn has_differences(&self) -> bool {
        self.text_changed + self.moved + self.renumbered + self.retitled + self.added + self.removed
            > 0
            || !self.same_language
    }
}

/// Whether a change pairs two provisions or has only one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A provision of A paired with one of B (changed or not).
    Matched,
    /// A provision only in B.
    Added,
    /// A provision only in A.
    Removed,
}

impl ChangeKind {
    /// The mark reports head a change with: `+` added, `-` removed, `~`
    /// paired (and changed).
    pub fn mark(self) -> &'static str {
        match self {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "-",
            ChangeKind::Matched => "~",
        }
    }
}

/// The depth of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// An article, or a stand-alone provision (preamble, final clause, annex without articles).
    Article,
    /// A paragraph inside a changed article.
    Paragraph,
}

/// One side of a change: which provision, and where it sits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionInfo {
    /// Which provision: kind, number, title, path, source id (the model's
    /// provision reference, its fields inline in JSON).
    #[serde(flatten)]
    pub provision: crate::model::ProvisionRef,
    /// "Chapter 14 (Electronic Commerce)": where it sits, for "moved" messages.
    pub division: Option<String>,
    /// Human label with its chapter ("Chapter 14, Article 14.2 (Scope)") for the renderers;
    /// not in JSON.
    #[serde(skip)]
    pub label: String,
    /// The provision and its division, to label it in another language; not in JSON.
    #[serde(skip)]
    pub place: l10n::Place,
}

/// One article or paragraph entry of a comparison: its two sides and what changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Paired, added or removed.
    pub kind: ChangeKind,
    /// Article or paragraph.
    pub level: Level,
    /// The provision in A; `None` when added.
    pub a: Option<ProvisionInfo>,
    /// The provision in B; `None` when removed.
    pub b: Option<ProvisionInfo>,
    /// The words differ (paired provisions only; never set across two languages).
    pub text_changed: bool,
    /// The article sits in another chapter than the one its old chapter went to (articles only).
    pub moved: bool,
    /// The number differs.
    pub renumbered: bool,
    /// The title differs (same language only; a title printed as the text's first line does not
    /// count).
    pub retitled: bool,
    /// Part of a split: one of several B provisions carved out of one A provision.
    pub split: bool,
    /// Part of a merge: one of several A provisions folded into one B provision.
    pub merged: bool,
    /// Word similarity 0..=1; null when the texts are in different languages.
    pub similarity: Option<f32>,
    /// Categories either side's provision is in (cultural changes sort first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Word diff: runs whose `equal` + `delete` rebuild A's text and `equal` + `insert` B's;
    /// empty when the texts are in different languages.
    pub diff: Vec<Segment>,
    /// Both texts as they read, when the words are not compared (two
    /// languages): the side-by-side view still shows them; JSON does not.
    #[serde(skip)]
    pub parallel_text: Option<(Vec<Segment>, Vec<Segment>)>,
}

impl Change {
    /// The names of the changes besides a move, in the order reports show them.
    pub fn change_names(&self) -> Vec<&'static str> {
        [
            (self.renumbered, "renumbered"),
            (self.retitled, "retitled"),
            (self.split, "split"),
            (self.merged, "merged"),
            (self.text_changed, "text changed"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect()
    }

    /// Whether a reader should see this entry: added, removed, or any change flag set.
    pub fn is_interesting(&self) -> bool {
        self.kind != ChangeKind::Matched
            || self.text_changed
            || self.moved
            || self.renumbered
            || self.retitled
            || self.split
            || self.merged
    }
}

/// Compares two agreements: aligns their articles (by number only when their languages
/// differ), diffs the words of each pair, and computes the category and gap delta with
/// `categories` (the rule engine for `compare`, closures in tests).
pub fn compare(a: &Agreement, b: &Agreement, categories: &dyn CategoryProvider) -> Comparison {
    let furniture = (Furniture::of(a), Furniture::of(b));
    let units_a = article_units_with(a, &furniture.0);
    let units_b = article_units_with(b, &furniture.1);
    let lang_a = language::language_of(a.metadata.language.as_deref(), &units_a);
    let lang_b = language::language_of(b.metadata.language.as_deref(), &units_b);
    let same_language = match (&lang_a, &lang_b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let alignment = if same_language {
        align::align(&units_a, &units_b)
    } else {
        align_by_number(&units_a, &units_b)
    };
    let (cats_a, cats_b) = (categories.categories(a), categories.categories(b));
    let sides = delta::Sides {
        a: &units_a,
        b: &units_b,
        alignment: &alignment,
        same_language,
    };
    let delta_names: Vec<String> = cats_a.keys().chain(cats_b.keys()).cloned().collect();
    let mut delta = delta::category_delta(&sides, &cats_a, &cats_b);
    let (gaps_a, gaps_b) = (categories.gaps(a, &cats_a), categories.gaps(b, &cats_b));
    let (applicable_a, applicable_b) =
        (categories.applicable_gaps(a), categories.applicable_gaps(b));
    let applicable = delta::Applicable {
        a: applicable_a.as_deref(),
        b: applicable_b.as_deref(),
    };
    delta.extend(delta::gap_delta(a, b, &gaps_a, &gaps_b, &applicable));
    delta.sort_by(|x, y| x.status.cmp(&y.status).then(x.category.cmp(&y.category)));
    let tags = CategoryTags::new(&units_a, &units_b, &cats_a, &cats_b);
    let changes = article_changes(a, b, &sides, same_language, &tags, &furniture);
    let mut summary = summarise(&units_a, &units_b, &changes, same_language);
    summary.categories_from = categories.source().to_string();
    let total = summary.provisions_a + summary.provisions_b;
    let share = 2.0 * summary.corresponding as f32 / total.max(1) as f32;
    if same_language && total > 0 && share < RELATED_SHARE {
        summary.warning = Some(format!(
            "only {} of {} provisions in A and {} in B correspond (at least half their words the same): A and B read as two different agreements, not versions of one, and their differences are not edits",
            summary.corresponding, summary.provisions_a, summary.provisions_b
        ));
    }
    let parties = |a: &Agreement| {
        let mut p = a.metadata.parties.clone();
        p.sort();
        p.dedup();
        p
    };
    let (parties_a, parties_b) = (parties(a), parties(b));
    if summary.warning.is_none()
        && !parties_a.is_empty()
        && !parties_b.is_empty()
        && parties_a != parties_b
    {
        summary.warning = Some(format!(
            "A is an agreement between {} and B one between {}: two agreements, perhaps written on one model, not versions of one, and their differences are not edits",
            a.metadata.parties.join(", "),
            b.metadata.parties.join(", ")
        ));
        summary.parties_differ = Some((a.metadata.parties.clone(), b.metadata.parties.clone()));
    }
    if !same_language {
        summary.note = Some(format!(
            "A is in {} and B in {}: articles are paired by number only and their words are not compared, so treatyscan cannot tell whether they are versions of one agreement; read the changes below as such only if they are",
            lang_a.as_deref().unwrap_or("?"),
            lang_b.as_deref().unwrap_or("?")
        ));
    }
    // two different agreements: their chapters are not put in or taken
    // out, and the article changes already list them
    let divisions = match summary.warning {
        None => divisions::division_changes(&units_a, &units_b, &alignment, same_language),
        Some(_) => Vec::new(),
    };
    Comparison {
        a: side(a, lang_a),
        b: side(b, lang_b),
        summary,
        delta,
        divisions,
        changes,
        negotiation: negotiation::rounds(a, b),
        category_labels: category_labels(categories, &delta_names),
    }
}

impl Comparison {
    /// Anything a reader would want to look at (exit code 1): an article
    /// changed, put in or taken out (`Summary::has_differences`), or a
    /// chapter renumbered or retitled as a whole.
    pub fn has_differences(&self) -> bool {
        self.summary.has_differences() || !self.divisions.is_empty()
    }
}

/// The labels of the categories either side is in, in every output language.
fn category_labels(
    categories: &dyn CategoryProvider,
    names: &[String],
) -> std::collections::BTreeMap<(String, crate::locale::Lang), String> {
    let mut out = std::collections::BTreeMap::new();
    for name in names {
        for lang in [
            crate::locale::Lang::En,
            crate::locale::Lang::Es,
            crate::locale::Lang::Fr,
        ] {
            if let Some(label) = categories.category_label(name, lang) {
                out.insert((name.clone(), lang), label);
            }
        }
    }
    out
}

fn side(agreement: &Agreement, language: Option<String>) -> Side {
    Side {
        file: agreement.file.clone(),
        // a text without metadata is named by its title page, as `check` names it
        name: agreement.metadata.name.clone().or_else(|| agreement.name()),
        language,
    }
}

/// Translations: the same number is the same article; nothing else is evidence.
fn align_by_number(a: &[Unit], b: &[Unit]) -> Alignment {
    let mut by_number: HashMap<(&str, Kind), Vec<usize>> = HashMap::new();
    for (j, u) in b.iter().enumerate().rev() {
        by_number
            .entry((&u.number_key, u.provision.kind))
            .or_default()
            .push(j);
    }
    let mut alignment = Alignment::default();
    let mut b_taken = vec![false; b.len()];
    for (i, u) in a.iter().enumerate() {
        match by_number
            .get_mut(&(u.number_key.as_str(), u.provision.kind))
            .and_then(|v| v.pop())
        {
            Some(j) => {
                b_taken[j] = true;
                alignment.pairs.push(align::Pair {
                    a: i,
                    b: j,
                    similarity: 0.0,
                    relation: Relation::OneToOne,
                });
            }
            None => alignment.removed.push(i),
        }
    }
    alignment.added = (0..b.len()).filter(|&j| !b_taken[j]).collect();
    alignment.division_map = align::division_map(a, b, &alignment.pairs);
    alignment
}

/// Which categories each unit is in, to tag changes.
struct CategoryTags {
    a: HashMap<usize, BTreeSet<String>>,
    b: HashMap<usize, BTreeSet<String>>,
}

impl CategoryTags {
    fn new(ua: &[Unit], ub: &[Unit], ca: &delta::CategoryMap, cb: &delta::CategoryMap) -> Self {
        CategoryTags {
            a: tag_units(ua, ca),
            b: tag_units(ub, cb),
        }
    }

    fn of(&self, a: Option<usize>, b: Option<usize>) -> Vec<String> {
        let mut set = BTreeSet::new();
        for (map, i) in [(&self.a, a), (&self.b, b)] {
            if let Some(s) = i.and_then(|i| map.get(&i)) {
                set.extend(s.iter().cloned());
            }
        }
        set.into_iter().collect()
    }
}

fn tag_units(units: &[Unit], cats: &delta::CategoryMap) -> HashMap<usize, BTreeSet<String>> {
    let index = delta::unit_index(units);
    let mut out: HashMap<usize, BTreeSet<String>> = HashMap::new();
    for (name, refs) in cats {
        for i in refs.iter().filter_map(|r| delta::holder(&index, &r.path)) {
            out.entry(i).or_default().insert(name.clone());
        }
    }
    out
}

/// One entry per article pair, added or removed article, in B's reading order
/// (removed articles where they stood, after their predecessor's counterpart);
/// changed articles are followed by their changed paragraphs.
fn article_changes(
    a: &Agreement,
    b: &Agreement,
    sides: &delta::Sides,
    same_language: bool,
    tags: &CategoryTags,
    furniture: &(Furniture, Furniture),
) -> Vec<Change> {
    let al = sides.alignment;
    let items = reading_order(al);
    let relation: HashMap<(usize, usize), &align::Pair> =
        al.pairs.iter().map(|p| ((p.a, p.b), p)).collect();
    let per_item: Vec<Vec<Change>> = items
        .par_iter()
        .map(|&Slot { a: i, b: j, .. }| {
            let pair = i.zip(j).and_then(|k| relation.get(&k).copied());
            let ctx = PairContext {
                a,
                b,
                sides,
                same_language,
                furniture,
            };
            let mut change = ctx.article_change(i, j, pair);
            change.categories = tags.of(i, j);
            let mut out = vec![change];
            if out[0].text_changed {
                out.extend(ctx.paragraph_changes(i, j));
            }
            out
        })
        .collect();
    per_item.into_iter().flatten().collect()
}

/// Where an entry goes: B's units in order, each removed A unit right after the
/// counterpart of the A unit before it (or first, when nothing before it survived).
#[derive(Clone, Copy)]
struct Slot {
    order: (usize, u8, usize),
    a: Option<usize>,
    b: Option<usize>,
}

fn reading_order(al: &Alignment) -> Vec<Slot> {
    let mut slots: Vec<Slot> = Vec::new();
    let mut a_to_b: HashMap<usize, usize> = HashMap::new();
    for p in &al.pairs {
        a_to_b.entry(p.a).or_insert(p.b);
        let order = (p.b + 1, 0, p.a);
        slots.push(Slot {
            order,
            a: Some(p.a),
            b: Some(p.b),
        });
    }
    for &j in &al.added {
        slots.push(Slot {
            order: (j + 1, 0, 0),
            a: None,
            b: Some(j),
        });
    }
    for &i in &al.removed {
        let before = (0..i).rev().find_map(|k| a_to_b.get(&k).copied());
        let order = before.map_or((0, 0, i), |j| (j + 1, 1, i));
        slots.push(Slot {
            order,
            a: Some(i),
            b: None,
        });
    }
    slots.sort_by_key(|s| s.order);
    slots
}

struct PairContext<'x, 'a> {
    a: &'a Agreement,
    b: &'a Agreement,
    sides: &'x delta::Sides<'x, 'a>,
    same_language: bool,
    furniture: &'x (Furniture, Furniture),
}

impl PairContext<'_, '_> {
    fn article_change(
        &self,
        i: Option<usize>,
        j: Option<usize>,
        pair: Option<&align::Pair>,
    ) -> Change {
        let ua = i.map(|i| &self.sides.a[i]);
        let ub = j.map(|j| &self.sides.b[j]);
        let mut change = unit_change(ua, ub, self.same_language, Level::Article);
        if let (Some(ua), Some(ub), Some(pair)) = (ua, ub, pair) {
            let expected = self.sides.alignment.division_map.get(ua.division_path());
            // a provision outside every division on both sides (a
            // preamble, final clauses) stayed where it was
            let outside = ua.division_path().is_empty() && ub.division_path().is_empty();
            change.moved = !outside && expected.is_some_and(|d| d != ub.division_path());
            change.split = pair.relation == Relation::Split;
            change.merged = pair.relation == Relation::Merged;
            if change.split || change.merged {
                change.similarity = Some(change.similarity.unwrap_or(0.0).max(pair.similarity));
            }
        }
        change
    }

    /// Paragraph-level entries inside a changed article: only those that changed.
    fn paragraph_changes(&self, i: Option<usize>, j: Option<usize>) -> Vec<Change> {
        let (Some(i), Some(j)) = (i, j) else {
            return Vec::new();
        };
        let pa = paragraph_units(self.a, &self.furniture.0, self.sides.a[i].provision);
        let pb = paragraph_units(self.b, &self.furniture.1, self.sides.b[j].provision);
        if pa.len() < 2 || pb.len() < 2 {
            return Vec::new();
        }
        let al = align::align(&pa, &pb);
        let mut out: Vec<Change> = al
            .pairs
            .iter()
            .map(|p| unit_change(Some(&pa[p.a]), Some(&pb[p.b]), true, Level::Paragraph))
            .chain(
                al.removed
                    .iter()
                    .map(|&k| unit_change(Some(&pa[k]), None, true, Level::Paragraph)),
            )
            .chain(
                al.added
                    .iter()
                    .map(|&k| unit_change(None, Some(&pb[k]), true, Level::Paragraph)),
            )
            .filter(Change::is_interesting)
            .collect();
        out.sort_by_key(|c| {
            (
                c.b.as_ref().map(|p| p.provision.path.clone()),
                c.a.as_ref().map(|p| p.provision.path.clone()),
            )
        });
        out
    }
}

fn paragraph_units<'a>(
    agreement: &'a Agreement,
    furniture: &Furniture,
    article: &'a Provision,
) -> Vec<Unit<'a>> {
    article
        .children
        .iter()
        .filter(|c| c.kind == Kind::Paragraph)
        .map(|c| Unit::new(c, None, &units::compared_text(agreement, furniture, c)))
        .collect()
}

fn unit_change(ua: Option<&Unit>, ub: Option<&Unit>, same_language: bool, level: Level) -> Change {
    let (kind, diff, text_changed, similarity) = match (ua, ub) {
        (Some(x), Some(y)) if same_language => {
            let d = pair_diff(x, y);
            (ChangeKind::Matched, d.segments, d.changed, Some(d.ratio))
        }
        (Some(_), Some(_)) => (ChangeKind::Matched, Vec::new(), false, None),
        (Some(x), None) => (
            ChangeKind::Removed,
            whole(Op::Delete, &x.tokens),
            true,
            Some(0.0),
        ),
        (None, Some(y)) => (
            ChangeKind::Added,
            whole(Op::Insert, &y.tokens),
            true,
            Some(0.0),
        ),
        (None, None) => unreachable!("a change has at least one side"),
    };
    let renumbered = matches!((ua, ub), (Some(x), Some(y)) if x.number_key != y.number_key);
    // Titles of translations differ by nature: only a same-language retitling counts.
    let retitled = same_language
        && matches!((ua, ub), (Some(x), Some(y)) if x.title_key != y.title_key
            && units::printed_title_len(x, y) == 0
            && units::printed_title_len(y, x) == 0);
    let parallel_text = match (ua, ub) {
        (Some(x), Some(y)) if !same_language => {
            Some((whole(Op::Equal, &x.tokens), whole(Op::Equal, &y.tokens)))
        }
        _ => None,
    };
    Change {
        parallel_text,
        kind,
        level,
        a: ua.map(info),
        b: ub.map(info),
        text_changed: kind == ChangeKind::Matched && text_changed,
        moved: false,
        renumbered,
        retitled,
        split: false,
        merged: false,
        similarity,
        categories: Vec::new(),
        diff,
    }
}

/// The word diff of a pair, without a title that one side prints as the first
/// line of its text and the other carries as a title (PDF against XML).
fn pair_diff(x: &Unit, y: &Unit) -> diff::WordDiff {
    let skip_x = units::printed_title_len(x, y);
    let skip_y = units::printed_title_len(y, x);
    word_diff(&x.tokens[skip_x..], &y.tokens[skip_y..])
}

fn info(u: &Unit) -> ProvisionInfo {
    let p = u.provision;
    ProvisionInfo {
        provision: crate::model::ProvisionRef::of(p),
        division: u.division.map(Provision::label),
        label: u.place_label(),
        place: u.place(),
    }
}

fn summarise(a: &[Unit], b: &[Unit], changes: &[Change], same_language: bool) -> Summary {
    let articles: Vec<&Change> = changes
        .iter()
        .filter(|c| c.level == Level::Article)
        .collect();
    let count = |f: &dyn Fn(&Change) -> bool| articles.iter().filter(|c| f(c)).count();
    let matched = |c: &Change| c.kind == ChangeKind::Matched;
    Summary {
        provisions_a: a.len(),
        provisions_b: b.len(),
        matched: count(&matched),
        // between two languages nothing is known to be unchanged
        unchanged: count(&|c| same_language && matched(c) && !c.is_interesting()),
        text_changed: count(&|c| c.text_changed),
        moved: count(&|c| c.moved),
        renumbered: count(&|c| c.renumbered),
        retitled: count(&|c| c.retitled),
        split: count(&|c| c.split),
        merged: count(&|c| c.merged),
        added: count(&|c| c.kind == ChangeKind::Added),
        removed: count(&|c| c.kind == ChangeKind::Removed),
        same_language,
        categories_from: String::new(),
        note: None,
        corresponding: count(&|c| {
            same_language
                && matched(c)
                && (c.split || c.merged || c.similarity.is_some_and(|s| s >= 0.5))
        }),
        warning: None,
        parties_differ: None,
    }
}

#[cfg(test)]
mod tests;
