//! What a review says about a negotiating text (a consolidated draft with
//! square-bracketed proposals): whether each finding is agreed or bracketed
//! and by whom, which Parties propose or oppose the bracketed provisions of
//! each category, and what each proposal does to the gaps.
//!
//! Present only for a text with negotiating brackets (see
//! `text::brackets`): for any other text these are `None` and every report
//! is what it was.

use super::{Category, GapId};
use crate::locale::{Lang, Locale};
use serde::Serialize;

/// Agreed text, or bracketed (on the table, not agreed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Outside every negotiating bracket.
    Agreed,
    /// Inside a negotiating bracket (or a negotiating note).
    Bracketed,
}

/// Where a finding's matched words stand in the negotiation. JSON:
/// `{"status": "agreed"}` or `{"status": "bracketed", "proposed_by": […],
/// "opposed_by": […], "alternative": "…", "notes": […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingNegotiation {
    /// Agreed or bracketed.
    pub status: Status,
    /// Parties (codes) that propose the bracketed words; `None` when agreed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<Vec<String>>,
    /// Parties that oppose them; `None` when agreed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opposed_by: Option<Vec<String>>,
    /// Parties a note says are considering their position; omitted when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub considering: Vec<String>,
    /// The alternative's label (`Alt 1`, `Option A`), when the span is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<String>,
    /// Notes on the span, as written; omitted when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl FindingNegotiation {
    /// A finding in agreed text.
    pub fn agreed() -> Self {
        FindingNegotiation {
            status: Status::Agreed,
            proposed_by: None,
            opposed_by: None,
            considering: Vec::new(),
            alternative: None,
            notes: Vec::new(),
        }
    }

    /// "bracketed (Alt 1): proposed by ARC, opposed by BOR; COL considering",
    /// or "agreed text", for the human report.
    pub fn describe(&self) -> String {
        self.describe_in(Locale::of(Lang::En))
    }

    /// [`Negotiation::describe`] in the locale's language.
    pub fn describe_in(&self, l: &Locale) -> String {
        if self.status == Status::Agreed {
            return l.t("neg-agreed");
        }
        let mut s = match &self.alternative {
            Some(a) => l.tr("neg-bracketed-alt", &[("alt", a.as_str().into())]),
            None => l.t("neg-bracketed"),
        };
        let mut parts = Vec::new();
        let proposed = self.proposed_by.as_deref().unwrap_or_default();
        let opposed = self.opposed_by.as_deref().unwrap_or_default();
        if !proposed.is_empty() {
            parts.push(l.tr(
                "neg-proposed-by",
                &[("parties", proposed.join(", ").into())],
            ));
        }
        if !opposed.is_empty() {
            parts.push(l.tr("neg-opposed-by", &[("parties", opposed.join(", ").into())]));
        }
        if parts.is_empty() {
            parts.push(l.t("neg-no-party"));
        }
        s.push_str(": ");
        s.push_str(&parts.join(", "));
        if !self.considering.is_empty() {
            s.push_str("; ");
            s.push_str(&l.tr(
                "neg-considering",
                &[("parties", self.considering.join(", ").into())],
            ));
        }
        s
    }
}

/// A Party to the negotiation, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyRef {
    /// The code tags use (`ARC`).
    pub code: String,
    /// The declared name, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl PartyRef {
    /// "ARC (Republic of Arcadia)", or the code alone when no name is known.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{} ({name})", self.code),
            None => self.code.clone(),
        }
    }
}

/// One bracketed proposal as a report cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// The provision it sits in, as a reader cites it ("Article 14.4 (Cultural Industries)").
    pub provision: String,
    /// That provision's path (`ch14/art14.4`).
    pub path: String,
    /// Its kind, number and title, to cite it in another language (not serialised).
    #[serde(skip)]
    pub cited: Option<(crate::provision::Kind, Option<String>, Option<String>)>,
    /// 1-based line of its opening bracket.
    pub line: usize,
    /// Who proposes it (may be empty: an untagged bracket).
    pub proposed_by: Vec<String>,
    /// Who opposes it.
    pub opposed_by: Vec<String>,
    /// Its alternative label, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<String>,
}

impl Proposal {
    /// "ARC's proposal in Article 14.4, which BOR opposes".
    pub fn describe(&self) -> String {
        self.describe_in(Locale::of(Lang::En))
    }

    /// [`Proposal::describe`] in the locale's language ("la propuesta de
    /// ARC en el Artículo 14.4, a la que se opone BOR"). The provision is
    /// cited as the report read it.
    pub fn describe_in(&self, l: &Locale) -> String {
        let whose = match self.proposed_by.as_slice() {
            [] => l.t("neg-proposal-unattributed"),
            [one] => l.tr("neg-proposal-of-one", &[("party", one.as_str().into())]),
            many => l.tr(
                "neg-proposal-of-many",
                &[("parties", join_and(many, l).into())],
            ),
        };
        let alt = self
            .alternative
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        let mut s = l.tr(
            "neg-proposal-in",
            &[
                ("whose", format!("{whose}{alt}").into()),
                ("provision", self.cited_in(l).into()),
            ],
        );
        if !self.opposed_by.is_empty() {
            s.push_str(&l.tr(
                "neg-which-opposes",
                &[
                    ("parties", join_and(&self.opposed_by, l).into()),
                    ("count", self.opposed_by.len().into()),
                ],
            ));
        }
        s
    }
}

impl Proposal {
    /// "Artículo 14.4": the provision cited by kind and number in the
    /// locale's language, or as the review labelled it.
    pub fn cited_in(&self, l: &Locale) -> String {
        match &self.cited {
            Some((kind, number, _)) => super::kind_label(*kind, number.as_deref(), None, l),
            None => short_label(&self.provision).to_string(),
        }
    }

    /// "Artículo 14.4 (Cultural Industries)": as [`Proposal::cited_in`], with
    /// the provision's title as written.
    pub fn labelled_in(&self, l: &Locale) -> String {
        match &self.cited {
            Some((kind, number, title)) => {
                super::kind_label(*kind, number.as_deref(), title.as_deref(), l)
            }
            None => self.provision.clone(),
        }
    }
}

/// "Article 14.4 (Cultural Industries)" → "Article 14.4".
fn short_label(label: &str) -> &str {
    label.split(" (").next().unwrap_or(label)
}

fn join_and(items: &[String], l: &Locale) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), l.t("neg-and")),
    }
}

/// Open or closed, in one reading of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapState {
    /// The gap is open in that reading.
    Open,
    /// It is not.
    Closed,
}

/// A gap in the readings of a negotiating text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReading {
    /// The gap.
    pub gap: GapId,
    /// On the agreed text alone (every bracket left out).
    pub agreed: GapState,
    /// The gap's message.
    pub message: String,
    /// The gap's declaration, for its wording in another language (not serialised).
    #[serde(skip)]
    pub info: Option<std::sync::Arc<super::GapInfo>>,
    /// For each Party (in the order of the report's `parties`), with that
    /// Party's proposals accepted on top of the agreed text.
    pub parties: Vec<PartyReading>,
    /// The proposals that would close it, each accepted alone on the agreed text.
    pub closed_by: Vec<Proposal>,
    /// The proposals that would open it, each accepted alone.
    pub opened_by: Vec<Proposal>,
    /// All of it in a sentence ([`GapReading::describe`]): "open on agreed
    /// text; closed by ARC's proposal in Article 14.4, which BOR opposes".
    pub summary: String,
}

impl GapReading {
    /// "open on agreed text; closed by ARC's proposal in Article 14.4, which
    /// BOR opposes; open in the readings of BOR, COL".
    pub fn describe(&self) -> String {
        self.describe_in(Locale::of(Lang::En))
    }

    /// [`GapReading::describe`] in the locale's language.
    pub fn describe_in(&self, l: &Locale) -> String {
        let mut parts = Vec::new();
        parts.push(match self.agreed {
            GapState::Open => l.t("neg-gap-open-agreed"),
            GapState::Closed => l.t("neg-gap-closed-agreed"),
        });
        let proposals = |ps: &[Proposal]| {
            ps.iter()
                .map(|p| p.describe_in(l))
                .collect::<Vec<_>>()
                .join(&l.t("neg-or-by"))
        };
        if !self.closed_by.is_empty() {
            parts.push(l.tr(
                "neg-closed-by",
                &[("proposals", proposals(&self.closed_by).into())],
            ));
        }
        if !self.opened_by.is_empty() {
            parts.push(l.tr(
                "neg-opened-by",
                &[("proposals", proposals(&self.opened_by).into())],
            ));
        }
        let flipped: Vec<&str> = self
            .parties
            .iter()
            .filter(|r| r.state != self.agreed)
            .map(|r| r.party.as_str())
            .collect();
        let singles = match self.agreed {
            GapState::Open => &self.closed_by,
            GapState::Closed => &self.opened_by,
        };
        if singles.is_empty() {
            if flipped.is_empty() {
                parts.push(match self.agreed {
                    GapState::Open => l.t("neg-no-proposal-closes"),
                    GapState::Closed => l.t("neg-no-proposal-opens"),
                });
            } else {
                // no one proposal does it, a Party's proposals together do
                let id = match self.agreed {
                    GapState::Open => "neg-closed-together",
                    GapState::Closed => "neg-opened-together",
                };
                parts.push(l.tr(id, &[("parties", flipped.join(", ").into())]));
            }
        }
        parts.join("; ")
    }
}

/// A gap's state in one Party's reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyReading {
    /// The Party's code.
    pub party: String,
    /// Open or closed with its proposals accepted.
    pub state: GapState,
}

/// Where the Parties stand on the bracketed provisions of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryPositions {
    /// The category.
    pub category: Category,
    /// The provisions holding its bracketed words (labels, in document order).
    pub provisions: Vec<String>,
    /// The same provisions as cited proposals, to name them in another
    /// language (not serialised).
    #[serde(skip)]
    pub cited: Vec<Proposal>,
    /// Parties proposing some of them.
    pub propose: Vec<String>,
    /// Parties opposing some of them.
    pub oppose: Vec<String>,
    /// Parties that neither propose nor oppose any (those a note says are
    /// considering included).
    pub no_position: Vec<String>,
    /// Of those, the ones a note says are considering their position.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub considering: Vec<String>,
}

/// The negotiation part of a file's report (JSON `negotiation`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NegotiationReport {
    /// The Parties: `--party`, those the draft declares, those its tags name.
    pub parties: Vec<PartyRef>,
    /// How many negotiating brackets the text has.
    pub brackets: usize,
    /// Per category with bracketed provisions, who proposes, opposes or has
    /// not taken a position.
    pub positions: Vec<CategoryPositions>,
    /// Per gap open in some reading: agreed text, each Party's reading, the
    /// proposals that close or open it. Empty under `--category`.
    pub gaps: Vec<GapReading>,
}
