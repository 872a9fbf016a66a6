//! The category delta: for every category (and every gap, a category one side
//! has no provision for at all), what A has that B lacks and the reverse. This
//! is the headline a negotiator reads first ("B drops the cultural industries
//! exception of A's Article 22.5").
//!
//! Categories come from a `CategoryProvider`: `RuleCategories` runs the rule
//! engine (the same findings as `check`); tests plug in closures.

use super::align::Alignment;
use super::l10n::Place;
use super::substance::{self, SubstanceChange, SubstanceKind};
use super::tokens::join;
use super::units::Unit;
use crate::gaps::{find_gaps, Flag, GapInput};
use crate::model::{Category, Gap};
use crate::provision::Agreement;
use crate::rules::{Catalogue, RuleSet};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A provision a category was found in (any depth: a paragraph counts for
/// the article that holds it): the model's one provision reference.
pub use crate::model::ProvisionRef;

/// Per category name, the provisions it was found in.
pub type CategoryMap = BTreeMap<String, Vec<ProvisionRef>>;

/// Where a comparison gets each side's categories and gaps from.
pub trait CategoryProvider {
    /// Where the categories come from, shown in the output ("keywords", "rules").
    fn source(&self) -> &str;
    /// Per category, the provisions of `agreement` in it.
    fn categories(&self, agreement: &Agreement) -> CategoryMap;
    /// Agreement-level gaps (guidelines 19.4-19.5) given the categories found.
    fn gaps(&self, _agreement: &Agreement, _categories: &CategoryMap) -> Vec<Gap> {
        Vec::new()
    }
    /// A category's label in another language, for the reports (`--lang`).
    fn category_label(&self, _name: &str, _lang: crate::locale::Lang) -> Option<String> {
        None
    }
    /// The gaps that can be weighed on `agreement` at all
    /// (`gaps::applicable`); `None` when every gap can.
    fn applicable_gaps(&self, _agreement: &Agreement) -> Option<Vec<crate::model::GapId>> {
        None
    }
}

/// Gaps as `check` reasons them, from categories as article flags.
pub fn gaps_from_categories(
    catalogue: &Catalogue,
    agreement: &Agreement,
    categories: &CategoryMap,
    developing: &[String],
) -> Vec<Gap> {
    let flags: Vec<Flag> = categories
        .iter()
        .filter_map(|(c, refs)| catalogue.category(c).map(|c| (c, refs)))
        .flat_map(|(category, refs): (Category, _)| {
            refs.iter().map(move |r| Flag {
                category,
                path: &r.path,
                at: None,
            })
        })
        .collect();
    find_gaps(
        catalogue,
        &GapInput {
            agreement,
            flags: &flags,
            developing,
        },
    )
}

/// A closure is a provider: how tests plug in their own categories (named by the `&str`).
pub struct FnProvider<F>(pub &'static str, pub F);

impl<F: Fn(&Agreement) -> CategoryMap> CategoryProvider for FnProvider<F> {
    fn source(&self) -> &str {
        self.0
    }
    fn categories(&self, agreement: &Agreement) -> CategoryMap {
        (self.1)(agreement)
    }
}

/// What one side has that the other lacks; the order is the report's (what B loses first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeltaStatus {
    /// A has the category, B has no provision for it.
    OnlyInA,
    /// B has an agreement-level gap that A has not.
    GapOpened,
    /// Both have it in corresponding provisions, but B's words change its substance: what it
    /// covers, whether it binds, whether it refers to the 2005 Convention.
    Changed,
    /// B has the category, A has none.
    OnlyInB,
    /// A has an agreement-level gap that B closes.
    GapClosed,
    /// Both have it, but not in corresponding provisions.
    Differs,
}

/// One provision of a delta entry, on the side that has the category or gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeltaRef {
    /// Stable path of the provision.
    pub path: String,
    /// Human label with its chapter ("Chapter 22, Article 22.5 (Cultural Industries)").
    pub label: String,
    /// The aligned provision on the other side, when there is one.
    pub counterpart: Option<String>,
    /// The provision, to label it in another language; not in JSON.
    #[serde(skip)]
    pub place: Place,
    /// The counterpart, the same way.
    #[serde(skip)]
    pub counterpart_place: Place,
}

/// One line of the category delta.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeltaEntry {
    /// A category, or for the gap statuses a gap id (`missing_cultural_exception`).
    pub category: String,
    /// Which way the two sides differ.
    pub status: DeltaStatus,
    /// One sentence for the reader ("B drops the cultural exception of A's Article 22.5…").
    pub message: String,
    /// A's provisions in the category whose B counterpart (if any) is not; for a closed gap, A's
    /// evidence.
    pub a_only: Vec<DeltaRef>,
    /// B's provisions in the category whose A counterpart (if any) is not; for an opened gap, B's
    /// evidence.
    pub b_only: Vec<DeltaRef>,
    /// For `changed`: the changes of substance, with both texts' words; absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub substance: Vec<SubstanceChange>,
    /// For a gap: its English message as given and its wording in every
    /// language, for the reports (`--lang`); not in JSON.
    #[serde(skip)]
    pub gap: Option<(String, std::sync::Arc<crate::model::GapInfo>)>,
}

/// Which gaps can be weighed on each side (`CategoryProvider::applicable_gaps`):
/// `None` for every gap.
pub struct Applicable<'x> {
    /// On A.
    pub a: Option<&'x [crate::model::GapId]>,
    /// On B.
    pub b: Option<&'x [crate::model::GapId]>,
}

/// Gaps one side has and the other not, evidence (the provisions the
/// reasoning rests on) listed on the side that has the gap. A gap the other
/// side could not have (signed before the date it concerns, or no developing
/// Party known: `applicable`) is no difference: B does not close the
/// preferential-treatment gap of A by naming no Party.
pub fn gap_delta(
    a: &Agreement,
    b: &Agreement,
    gaps_a: &[Gap],
    gaps_b: &[Gap],
    applicable: &Applicable,
) -> Vec<DeltaEntry> {
    let applies =
        |side: Option<&[crate::model::GapId]>, g: &Gap| side.is_none_or(|ids| ids.contains(&g.id));
    let refs = |ag: &Agreement, g: &Gap| -> Vec<DeltaRef> {
        g.evidence
            .iter()
            .map(|path| DeltaRef {
                path: path.clone(),
                label: ag
                    .walk()
                    .find(|p| &p.path == path)
                    .map_or_else(|| path.clone(), |p| p.label()),
                counterpart: None,
                place: Place::default(),
                counterpart_place: Place::default(),
            })
            .collect()
    };
    let opened = gaps_b
        .iter()
        .filter(|g| !gaps_a.iter().any(|x| x.id == g.id) && applies(applicable.a, g))
        .map(|g| DeltaEntry {
            category: g.id.to_string(),
            status: DeltaStatus::GapOpened,
            message: format!("B opens a gap A does not have: {}", g.message),
            a_only: Vec::new(),
            b_only: refs(b, g),
            substance: Vec::new(),
            gap: Some((g.message.clone(), g.info.clone())),
        });
    let closed = gaps_a
        .iter()
        .filter(|g| !gaps_b.iter().any(|x| x.id == g.id) && applies(applicable.b, g))
        .map(|g| DeltaEntry {
            category: g.id.to_string(),
            status: DeltaStatus::GapClosed,
            message: format!("B closes a gap of A: {}", g.message),
            a_only: refs(a, g),
            b_only: Vec::new(),
            substance: Vec::new(),
            gap: Some((g.message.clone(), g.info.clone())),
        });
    opened.chain(closed).collect()
}

/// Which unit holds a path: the unit's own path or its nearest ancestor's.
pub(crate) fn unit_index<'x>(units: &'x [Unit]) -> HashMap<&'x str, usize> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.provision.path.as_str(), i))
        .collect()
}

pub(crate) fn holder(index: &HashMap<&str, usize>, path: &str) -> Option<usize> {
    let mut p = path;
    loop {
        if let Some(&i) = index.get(p) {
            return Some(i);
        }
        p = &p[..p.rfind('/')?];
    }
}

/// Both sides' units and their alignment, as [`category_delta`] reads them.
pub struct Sides<'x, 'a> {
    /// A's units, as aligned.
    pub a: &'x [Unit<'a>],
    /// B's units, as aligned.
    pub b: &'x [Unit<'a>],
    /// Which unit of B is which unit of A.
    pub alignment: &'x Alignment,
    /// A and B are in one language: binding force is read only then (the
    /// sectors a provision names are read across languages).
    pub same_language: bool,
}

/// The category entries: per category, the provisions of either side whose aligned
/// counterpart is not in it (`OnlyInA`, `OnlyInB`, `Differs`); sorted by status, then
/// category. Gaps are [`gap_delta`]'s.
pub fn category_delta(
    sides: &Sides,
    cats_a: &CategoryMap,
    cats_b: &CategoryMap,
) -> Vec<DeltaEntry> {
    let (index_a, index_b) = (unit_index(sides.a), unit_index(sides.b));
    let mut a_to_b: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut b_to_a: HashMap<usize, Vec<usize>> = HashMap::new();
    for p in &sides.alignment.pairs {
        a_to_b.entry(p.a).or_default().push(p.b);
        b_to_a.entry(p.b).or_default().push(p.a);
    }
    let empty = Vec::new();
    let names: BTreeSet<&String> = cats_a.keys().chain(cats_b.keys()).collect();
    let holders = |cats: &CategoryMap, index: &HashMap<&str, usize>, name: &str| {
        cats.get(name)
            .unwrap_or(&empty)
            .iter()
            .filter_map(|r| holder(index, &r.path))
            .collect::<BTreeSet<usize>>()
    };
    let convention = (
        holders(cats_a, &index_a, CONVENTION),
        holders(cats_b, &index_b, CONVENTION),
    );
    let mut out: Vec<DeltaEntry> = Vec::new();
    let mut both: Vec<(&String, BTreeSet<usize>, BTreeSet<usize>)> = Vec::new();
    for name in names {
        let in_a = holders(cats_a, &index_a, name);
        let in_b = holders(cats_b, &index_b, name);
        let a_only = one_sided(&in_a, &in_b, &a_to_b, sides.a, sides.b);
        let b_only = one_sided(&in_b, &in_a, &b_to_a, sides.b, sides.a);
        out.extend(entry(
            name,
            in_a.is_empty(),
            in_b.is_empty(),
            a_only,
            b_only,
        ));
        both.push((name, in_a, in_b));
    }
    // a change of substance is told once, under the narrowest category that
    // holds the pair (customs duties rather than e-commerce at large)
    both.sort_by_key(|(name, a, b)| (a.len() + b.len(), name.as_str()));
    let mut reported: BTreeSet<(usize, usize, SubstanceKind)> = BTreeSet::new();
    for (name, in_a, in_b) in &both {
        for p in &sides.alignment.pairs {
            if !(in_a.contains(&p.a) && in_b.contains(&p.b)) {
                continue;
            }
            let (ua, ub) = (&sides.a[p.a], &sides.b[p.b]);
            if ua.fold_hash == ub.fold_hash {
                continue;
            }
            let refers = if *name == CONVENTION || *name == GUIDELINES {
                (false, false)
            } else {
                (convention.0.contains(&p.a), convention.1.contains(&p.b))
            };
            let changes: Vec<SubstanceChange> = substance::changes(
                &join(&ua.tokens),
                &join(&ub.tokens),
                refers,
                EXCEPTIONS.contains(&name.as_str()),
            )
            .into_iter()
            .filter(|c| sides.same_language || c.kind != SubstanceKind::Binding)
            .filter(|c| reported.insert((p.a, p.b, c.kind)))
            .collect();
            if !changes.is_empty() {
                out.push(changed_entry(name, ua, ub, changes));
            }
        }
    }
    out.sort_by(|x, y| x.status.cmp(&y.status).then(x.category.cmp(&y.category)));
    out
}

/// The categories whose provisions take things out of an agreement or an
/// obligation: what they name is what they cover (see `substance::changes`).
const EXCEPTIONS: [&str; 2] = ["cultural_exception", "ecommerce_cultural"];

/// The category the rule engine gives a reference to the 2005 Convention.
const CONVENTION: &str = "convention_reference";
/// The category of a reference to the Convention's operational guidelines.
const GUIDELINES: &str = "guidelines_reference";

/// "a, b and c" (or "a, b or c" after a negation), as the English message
/// lists sectors.
fn english_list(items: &[String], conjunction: &str) -> String {
    match items.split_last() {
        Some((last, head)) if !head.is_empty() => {
            format!("{} {conjunction} {last}", head.join(", "))
        }
        _ => items.join(""),
    }
}

/// A `changed` entry: one pair of provisions in the category on both sides, and what changed
/// in its substance.
fn changed_entry(name: &str, a: &Unit, b: &Unit, changes: Vec<SubstanceChange>) -> DeltaEntry {
    let what = name.replace('_', " ");
    let (la, lb) = (a.place_label(), b.place_label());
    let place = if la == lb {
        format!("A's and B's {la}")
    } else {
        format!("A's {la}, which is B's {lb}")
    };
    let parts: Vec<String> = changes
        .iter()
        .map(|c| match c.kind {
            SubstanceKind::Coverage => {
                let mut p = Vec::new();
                if !c.in_a_only.is_empty() {
                    p.push(format!("no longer covers {}", english_list(&c.in_a_only, "or")));
                }
                if !c.in_b_only.is_empty() {
                    p.push(format!("now covers {}", english_list(&c.in_b_only, "and")));
                }
                format!("it {}", p.join(" and "))
            }
            SubstanceKind::Binding => {
                if c.in_b_only.first().map(String::as_str) == Some("binding") {
                    "it becomes binding (A's words only permit, encourage or recognise; B's oblige)"
                        .to_string()
                } else {
                    "it is no longer binding (A's words oblige; B's only permit, encourage or recognise)"
                        .to_string()
                }
            }
            SubstanceKind::ConventionReference => {
                if c.in_a_only.is_empty() {
                    "it now refers to the 2005 Convention".to_string()
                } else {
                    "it no longer refers to the 2005 Convention".to_string()
                }
            }
        })
        .collect();
    let message = format!("B changes the {what} of {place}: {}", parts.join("; "));
    let reference = |u: &Unit, other: &Unit| DeltaRef {
        path: u.provision.path.clone(),
        label: u.place_label(),
        counterpart: Some(other.place_label()),
        place: u.place(),
        counterpart_place: other.place(),
    };
    DeltaEntry {
        category: name.to_string(),
        status: DeltaStatus::Changed,
        message,
        a_only: vec![reference(a, b)],
        b_only: vec![reference(b, a)],
        substance: changes,
        gap: None,
    }
}

/// Units of `mine` in the category whose counterpart on the other side is not.
fn one_sided(
    mine: &BTreeSet<usize>,
    theirs: &BTreeSet<usize>,
    counterparts: &HashMap<usize, Vec<usize>>,
    my_units: &[Unit],
    their_units: &[Unit],
) -> Vec<DeltaRef> {
    mine.iter()
        .filter(|i| {
            !counterparts
                .get(i)
                .is_some_and(|cs| cs.iter().any(|c| theirs.contains(c)))
        })
        .map(|&i| DeltaRef {
            path: my_units[i].provision.path.clone(),
            label: my_units[i].place_label(),
            counterpart: counterparts
                .get(&i)
                .and_then(|cs| cs.first())
                .map(|&c| their_units[c].place_label()),
            place: my_units[i].place(),
            counterpart_place: counterparts
                .get(&i)
                .and_then(|cs| cs.first())
                .map(|&c| their_units[c].place())
                .unwrap_or_default(),
        })
        .collect()
}

fn entry(
    name: &str,
    none_in_a: bool,
    none_in_b: bool,
    a_only: Vec<DeltaRef>,
    b_only: Vec<DeltaRef>,
) -> Option<DeltaEntry> {
    let what = name.replace('_', " ");
    let labels = |refs: &[DeltaRef]| {
        refs.iter()
            .map(|r| r.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (status, message) = if none_in_b && !a_only.is_empty() {
        let m = format!(
            "B drops the {what} of A's {}; B has no such provision",
            labels(&a_only)
        );
        (DeltaStatus::OnlyInA, m)
    } else if none_in_a && !b_only.is_empty() {
        let m = format!(
            "B adds {what} in {}; A has no such provision",
            labels(&b_only)
        );
        (DeltaStatus::OnlyInB, m)
    } else if !a_only.is_empty() || !b_only.is_empty() {
        (
            DeltaStatus::Differs,
            differs_message(&what, &a_only, &b_only),
        )
    } else {
        return None;
    };
    Some(DeltaEntry {
        category: name.to_string(),
        status,
        message,
        a_only,
        b_only,
        substance: Vec::new(),
        gap: None,
    })
}

fn differs_message(what: &str, a_only: &[DeltaRef], b_only: &[DeltaRef]) -> String {
    let side = |refs: &[DeltaRef], verb: &str, other: &str| {
        refs.iter()
            .map(|r| match &r.counterpart {
                Some(c) => format!("{} ({other}: {c}, without it)", r.label),
                None => format!("{} (no counterpart in {other})", r.label),
            })
            .map(|s| format!("{verb} {what} in {s}"))
            .collect::<Vec<_>>()
    };
    let mut parts = side(a_only, "B loses", "B");
    parts.extend(side(b_only, "B adds", "A"));
    parts.join("; ")
}

/// Categories from the rule engine: a provision is in a category when `check`
/// would report a finding of that category on it; gaps as `check` reasons them.
pub struct RuleCategories {
    /// The compiled rules whose findings give the categories and gaps.
    pub rules: RuleSet,
    /// Parties the user names as developing (`--developing`), as for `check`.
    pub developing: Vec<String>,
}

impl CategoryProvider for RuleCategories {
    fn source(&self) -> &str {
        "the rule engine"
    }

    fn categories(&self, agreement: &Agreement) -> CategoryMap {
        let mut out = CategoryMap::new();
        for f in self.rules.check(agreement) {
            out.entry(f.category.to_string())
                .or_default()
                .push(f.provision);
        }
        out
    }

    fn category_label(&self, name: &str, lang: crate::locale::Lang) -> Option<String> {
        self.rules
            .catalogue()
            .categories()
            .iter()
            .find(|c| c.category == name)
            .map(|c| c.label_in(lang).to_string())
    }

    fn applicable_gaps(&self, agreement: &Agreement) -> Option<Vec<crate::model::GapId>> {
        Some(crate::gaps::applicable(
            self.rules.catalogue(),
            agreement,
            &self.developing,
        ))
    }

    fn gaps(&self, agreement: &Agreement, categories: &CategoryMap) -> Vec<Gap> {
        gaps_from_categories(
            self.rules.catalogue(),
            agreement,
            categories,
            &self.developing,
        )
    }
}
