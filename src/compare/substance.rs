//! Changes of substance inside a provision that is in the same category on
//! both sides. The category delta alone says "no difference" when a cultural
//! exception that covered "cultural industries, including … film" comes back
//! covering "books and broadcasting": both are cultural exceptions. What a
//! negotiator needs to hear is what the provision now covers, whether it still
//! binds, and whether it still refers to the 2005 Convention, with the words of
//! both texts.
//!
//! Three readings, each in English, Spanish and French, over folded text (no
//! case, no accents):
//!
//! - **coverage**: the cultural sectors and goods a provision names (cultural
//!   industries, books, newspapers and periodicals, film, video, music and sound
//!   recordings, broadcasting, audiovisual, performing arts, visual arts,
//!   heritage, video games, cultural goods and services);
//! - **binding**: whether it obliges ("shall", "shall not", "must"; "deberá",
//!   "no impondrá"; "doit", "s'engagent", "aucune Partie n'impose") or only
//!   permits, encourages or recognises ("may", "shall endeavour", "recognise
//!   the practice"; "podrá", "procurará", "reconocen"; "peut", "s'efforcent",
//!   "reconnaissent");
//! - **Convention reference**: whether one side refers to the 2005 Convention
//!   and the other not (as the rule engine's `convention_reference` category
//!   says, passed in by the caller).

use crate::text::fold_text;
use regex::Regex;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What kind of substance changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubstanceKind {
    /// The sectors or goods the provision covers.
    Coverage,
    /// Whether the provision obliges or only permits, encourages or recognises.
    Binding,
    /// A reference to the 2005 Convention added or dropped.
    ConventionReference,
}

/// One change of substance in a pair of provisions, with both texts' words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubstanceChange {
    /// Which reading changed.
    pub kind: SubstanceKind,
    /// Coverage: sectors A names and B does not; binding: A's level ("binding",
    /// "non-binding"); Convention: `["2005 Convention"]` when A has it alone.
    pub in_a_only: Vec<String>,
    /// The same for B.
    pub in_b_only: Vec<String>,
    /// A's words: the sentence that carries the change (at most about 400 characters).
    pub a_words: String,
    /// B's words, the same way.
    pub b_words: String,
}

/// A cultural sector or good, as reports name it, and the folded stems that name it in
/// English, Spanish and French (matched at a word start).
const SECTORS: &[(&str, &[&str])] = &[
    (
        "cultural industries",
        &[
            "cultural industr",
            "industrias culturales",
            "industries culturelles",
        ],
    ),
    (
        "cultural goods and services",
        &[
            "cultural goods",
            "cultural services",
            "bienes culturales",
            "servicios culturales",
            "biens culturels",
            "services culturels",
        ],
    ),
    (
        "books and publishing",
        &[
            "book",
            "publishing",
            "publication of",
            "libro",
            "publicacion de",
            "edicion de",
            "livre",
            "edition de",
            "publication de",
        ],
    ),
    (
        "newspapers and periodicals",
        &[
            "newspaper",
            "periodical",
            "magazine",
            "periodico",
            "revista",
            "journaux",
            "journal",
            "periodique",
            "magazine",
        ],
    ),
    ("film", &["film", "cine", "motion picture", "pelicula"]),
    ("video", &["video"]),
    (
        "music and sound recordings",
        &[
            "music",
            "sound recording",
            "audio recording",
            "musica",
            "grabaciones sonoras",
            "fonograma",
            "musique",
            "enregistrements sonores",
            "phonogramme",
        ],
    ),
    (
        "broadcasting",
        &[
            "broadcast",
            "radio",
            "television",
            "radiodifusion",
            "radiodiffusion",
            "televisio",
        ],
    ),
    ("audiovisual", &["audiovisual", "audiovisuel"]),
    (
        "performing arts",
        &[
            "performing art",
            "artes escenicas",
            "arts du spectacle",
            "arts de la scene",
        ],
    ),
    (
        "visual arts",
        &["visual art", "artes visuales", "arts visuels"],
    ),
    (
        "cultural heritage",
        &[
            "heritage",
            "museum",
            "patrimonio",
            "museo",
            "patrimoine",
            "musee",
        ],
    ),
    (
        "video games",
        &["video game", "videojuego", "jeux video", "jeu video"],
    ),
];

/// The sectors a folded text names, in `SECTORS` order.
pub fn sectors(folded: &str) -> Vec<&'static str> {
    SECTORS
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| at_word_start(folded, s)))
        .map(|(name, _)| *name)
        .collect()
}

fn at_word_start(text: &str, stem: &str) -> bool {
    text.match_indices(stem).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Words that take what follows them out of a provision, to the end of
/// their sentence or clause (folded: no accents).
static EXCEPTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:except|excepting|excluding|other\s+than|with\s+the\s+exception\s+of
           |(?:does|do|shall|will)\s+not\s+(?:apply|cover|include|extend)\s+to
           |excepto|salvo|excluyendo|con\s+excepcion\s+de|distint[oa]s?\s+de
           |no\s+se\s+aplica(?:ra|n|ran)?\s+a|no\s+(?:incluye|incluira|comprende)
           |sauf|excepte|a\s+l'exception\s+de|autres?\s+que
           |ne\s+s'applique(?:nt|ra|ront)?\s+pas|n'(?:inclut|englobe|couvre)\s+pas)\b
        [^.;]*",
    )
    .expect("excepting words pattern")
});

/// `folded` without what its exception clauses take out.
fn without_exceptions(folded: &str) -> std::borrow::Cow<'_, str> {
    EXCEPTING.replace_all(folded, " ")
}

/// How strongly a provision's words oblige.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Binding {
    /// No modal word either way.
    Neutral,
    /// Permits, encourages, recognises or commits to effort only.
    NonBinding,
    /// Obliges or forbids.
    Binding,
}

impl Binding {
    fn name(self) -> &'static str {
        match self {
            Binding::Neutral => "neutral",
            Binding::NonBinding => "non-binding",
            Binding::Binding => "binding",
        }
    }
}

/// A prohibition written with "may": "Neither Party may impose …", "a Party
/// may not …" forbid as "shall not" does, and are read as it before soft
/// wording (whose "may" permits) is set aside.
static MAY_NOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:neither|no)\s+part(?:y|ies)\s+may\b|\bmay\s+not\b")
        .expect("prohibition pattern")
});

/// Soft wording, removed before binding words are looked for ("shall
/// endeavour" is not "shall"; "shall take into account", like "shall
/// consider", binds to no result).
static SOFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \bshall\s+(?:endeavou?r|seek|strive|make\s+(?:every|best)\s+efforts?|consider|aim|take\s+into\s+account)\b
        | \b(?:endeavou?rs?|may|should|recogni[sz]es?|recogni[sz]ing|encourages?|strives?)\b
        | \bbest\s+efforts?\b | \bto\s+the\s+extent\s+(?:possible|practicable)\b
        | \b(?:procuraran?|se\s+esforzaran?|reconocen|reconoce|alentaran?|deberian?)\b
        | (?:^|[^o]\s)\bpodran?\b
        | \ben\s+la\s+medida\s+de\s+lo\s+posible\b
        | \bs['’]\s?efforcen?t?\b | \b(?:reconnaissent|reconnait|encouragent|devraient|devrait)\b
        | (?:^|[^e]\s)\bpeu(?:ven)?t\b
        | \bdans\s+la\s+mesure\s+du\s+possible\b",
    )
    .expect("soft wording pattern")
});

static BINDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:shall|must)\b | \bagrees?\s+(?:not\s+)?(?:to|that)\b | \bundertakes?\b
        | \b(?:deberan?|se\s+comprometen?|no\s+podran?|ninguna\s+parte)\b
        | \b(?:otorgaran?|aplicaran?|impondran?|adoptaran?|mantendran?|aseguraran?|concederan?)\b
        | \b(?:doi(?:ven)?t|s['’]\s?engagen?t?|(?:est|sont)\s+tenue?s?|ne\s+peu(?:ven)?t|aucune\s+partie)\b
        | \bchaque\s+partie\s+(?:accorde|applique|adopte|maintient|veille|assure|prend)\b",
    )
    .expect("binding wording pattern")
});

/// How strongly a folded text obliges: binding when any obligation remains
/// once soft wording is set aside, non-binding when only soft wording is there.
pub fn binding(folded: &str) -> Binding {
    let folded = MAY_NOT.replace_all(folded, " shall not ");
    let soft = SOFT.is_match(&folded);
    let rest = SOFT.replace_all(&folded, " ");
    if BINDING.is_match(&rest) {
        Binding::Binding
    } else if soft {
        Binding::NonBinding
    } else {
        Binding::Neutral
    }
}

/// The substance changes between two texts of one provision in one category.
/// `convention` says whether each side refers to the 2005 Convention;
/// `exception` whether the category is one of exceptions (a cultural
/// exception, a cultural carve-out), whose provisions cover what they take
/// out. In any other provision a sector named after "except", "other than"
/// or "does not apply to" is taken out of it, not covered: "no customs
/// duties …, except on audiovisual content" does not cover audiovisual.
pub fn changes(
    a: &str,
    b: &str,
    convention: (bool, bool),
    exception: bool,
) -> Vec<SubstanceChange> {
    let (fa, fb) = (fold_text(a), fold_text(b));
    let mut out = Vec::new();
    let covered = |folded: &str| -> Vec<&'static str> {
        if exception {
            sectors(folded)
        } else {
            sectors(&without_exceptions(folded))
        }
    };
    let (sa, sb) = (covered(&fa), covered(&fb));
    // the sentences that changed: binding force is read there, and they are
    // quoted when a side names no sector (rather than the text's start)
    let (only_a, only_b) = changed_sentences(a, b);
    if sa != sb {
        let only = |x: &[&str], y: &[&str]| -> Vec<String> {
            x.iter()
                .filter(|s| !y.contains(s))
                .map(|s| s.to_string())
                .collect()
        };
        let find = |text: &str, changed: &[&str]| {
            let score = |f: &str| {
                sa.iter()
                    .chain(&sb)
                    .filter(|s| covered(f).contains(s))
                    .count()
            };
            let names = sentences(text).iter().any(|s| score(&fold_text(s)) > 0);
            if names || changed.is_empty() {
                sentence(text, score)
            } else {
                sentence(&changed.join(" "), |_| 1)
            }
        };
        out.push(SubstanceChange {
            kind: SubstanceKind::Coverage,
            in_a_only: only(&sa, &sb),
            in_b_only: only(&sb, &sa),
            a_words: find(a, &only_a),
            b_words: find(b, &only_b),
        });
    }
    // binding force is read on the sentences that changed: in an article of
    // several paragraphs, one that still obliges hid a duty ban turned into
    // "shall endeavour" in another
    let whole = only_a.is_empty() || only_b.is_empty();
    let (ta, tb): (Cow<str>, Cow<str>) = if whole {
        (a.into(), b.into())
    } else {
        (only_a.join(" ").into(), only_b.join(" ").into())
    };
    // the whole texts are folded already
    let (ba, bb) = if whole {
        (binding(&fa), binding(&fb))
    } else {
        (binding(&fold_text(&ta)), binding(&fold_text(&tb)))
    };
    if ba != bb && ba != Binding::Neutral && bb != Binding::Neutral {
        // each side's words are a sentence with the force it is said to have:
        // the one that obliges, or one that only permits or encourages
        let find =
            |text: &str, force: Binding| sentence(text, |f| usize::from(binding(f) == force));
        out.push(SubstanceChange {
            kind: SubstanceKind::Binding,
            in_a_only: vec![ba.name().to_string()],
            in_b_only: vec![bb.name().to_string()],
            a_words: find(&ta, ba),
            b_words: find(&tb, bb),
        });
    }
    if convention.0 != convention.1 {
        let find = |text: &str| sentence(text, |f| usize::from(f.contains("conven")));
        let tag = |on: bool| {
            if on {
                vec!["2005 Convention".to_string()]
            } else {
                Vec::new()
            }
        };
        out.push(SubstanceChange {
            kind: SubstanceKind::ConventionReference,
            in_a_only: tag(convention.0),
            in_b_only: tag(convention.1),
            a_words: find(a),
            b_words: find(b),
        });
    }
    out
}

/// The sentences of `a` that `b` does not have, and those of `b` that `a`
/// does not have (compared folded), each in its text's order.
fn changed_sentences<'t>(a: &'t str, b: &'t str) -> (Vec<&'t str>, Vec<&'t str>) {
    let (sa, sb) = (sentences(a), sentences(b));
    let folded = |v: &[&str]| -> Vec<String> { v.iter().map(|s| fold_text(s)).collect() };
    let (fa, fb) = (folded(&sa), folded(&sb));
    let only = |s: &[&'t str], f: &[String], other: &[String]| -> Vec<&'t str> {
        s.iter()
            .zip(f)
            .filter(|(_, f)| !other.contains(f))
            .map(|(s, _)| *s)
            .collect()
    };
    (only(&sa, &fa, &fb), only(&sb, &fb, &fa))
}

/// Longest excerpt shown, in characters.
const MAX_WORDS_CHARS: usize = 400;

/// The sentence of `text` that scores highest (ties: the first), cut to
/// about 400 characters; the whole text's start when no sentence scores.
fn sentence(text: &str, score: impl Fn(&str) -> usize) -> String {
    let mut best: Option<(usize, &str)> = None;
    for s in sentences(text) {
        let n = score(&fold_text(s));
        if n > 0 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, s));
        }
    }
    let chosen = best.map_or(text, |(_, s)| s);
    let one_line = chosen.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_WORDS_CHARS {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX_WORDS_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Sentences and list items: split after ". ", "; " and ": " and at line breaks
/// between paragraphs.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let end_mark = matches!(c, b'.' | b';')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
            // "Article 4.2." or "i.e." are not sentence ends: a digit or a
            // single letter before the mark
            && !text[..i]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .is_some_and(|w| w.chars().count() <= 1 || w.ends_with(|ch: char| ch.is_ascii_digit()));
        let blank_line = c == b'\n' && bytes.get(i + 1) == Some(&b'\n');
        if end_mark || blank_line {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectors_are_read_in_three_languages() {
        let en = fold_text("cultural industries, including the publication of books, the production of film and video recordings, and broadcasting");
        assert_eq!(
            sectors(&en),
            [
                "cultural industries",
                "books and publishing",
                "film",
                "video",
                "broadcasting"
            ]
        );
        let es = fold_text(
            "las industrias culturales, incluida la publicación de libros y la radiodifusión",
        );
        assert_eq!(
            sectors(&es),
            [
                "cultural industries",
                "books and publishing",
                "broadcasting"
            ]
        );
        let fr = fold_text("les industries culturelles, y compris l'édition de livres, le cinéma et la radiodiffusion");
        assert_eq!(
            sectors(&fr),
            [
                "cultural industries",
                "books and publishing",
                "film",
                "broadcasting"
            ]
        );
        assert!(
            sectors("the refilm of a bookcase").len() == 1,
            "word starts only"
        );
    }

    /// The changes of binding force among `found`.
    fn of_force(found: &[SubstanceChange]) -> Vec<&SubstanceChange> {
        found
            .iter()
            .filter(|c| c.kind == SubstanceKind::Binding)
            .collect()
    }

    #[test]
    fn binding_force_is_read_where_the_text_changed() {
        // paragraph 2 still obliges; paragraph 3's ban becomes best effort
        let a = "1. The Parties shall cooperate on electronic commerce. 2. The Parties agree that \
                 its development must be compatible with data protection. 3. The Parties agree not \
                 to impose customs duties on deliveries by electronic means.";
        let b = a.replace("agree not to impose", "shall endeavour not to impose");
        let found = changes(a, &b, (false, false), false);
        let binding = of_force(&found);
        assert_eq!(binding.len(), 1, "{found:?}");
        assert_eq!(binding[0].in_a_only, ["binding"]);
        assert_eq!(binding[0].in_b_only, ["non-binding"]);
        assert!(
            binding[0]
                .b_words
                .starts_with("3. The Parties shall endeavour"),
            "{:?}",
            binding[0]
        );
        // a change elsewhere leaves the binding sentences as they were
        let c = a.replace("data protection", "the protection of personal data");
        assert!(changes(a, &c, (false, false), false)
            .iter()
            .all(|c| c.kind != SubstanceKind::Binding));
    }

    #[test]
    fn a_sector_taken_out_of_a_provision_is_not_covered_by_it() {
        let a = "1. The Parties shall cooperate on electronic commerce. 2. The Parties agree not \
                 to impose customs duties on deliveries by electronic means.";
        let b = a.replace(
            "electronic means.",
            "electronic means, except on audiovisual content.",
        );
        // a duty ban that excepts audiovisual does not cover it
        assert!(changes(a, &b, (false, false), false).is_empty());
        // a cultural exception covers what it takes out, and A's words are
        // the sentence that changed, not the article's start
        let found = changes(a, &b, (false, false), true);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].in_b_only, ["audiovisual"]);
        assert!(
            found[0].a_words.starts_with("2. The Parties agree not"),
            "{:?}",
            found[0]
        );
        assert_eq!(
            sectors(&without_exceptions(&fold_text(
                "Este Capítulo no se aplica a los servicios audiovisuales; cubre la música."
            ))),
            ["music and sound recordings"]
        );
    }

    #[test]
    fn binding_and_soft_wording() {
        let b = |s: &str| binding(&fold_text(s));
        assert_eq!(
            b("Neither Party shall impose customs duties on electronic transmissions."),
            Binding::Binding
        );
        assert_eq!(
            b("The Parties recognise the practice of not imposing customs duties on electronic transmissions."),
            Binding::NonBinding
        );
        assert_eq!(
            b("Each Party shall endeavour to accept documents."),
            Binding::NonBinding
        );
        assert_eq!(b("A Party may adopt measures."), Binding::NonBinding);
        assert_eq!(
            b("Ninguna Parte impondrá derechos aduaneros a las transmisiones electrónicas."),
            Binding::Binding
        );
        assert_eq!(
            b("Las Partes procurarán no imponer derechos aduaneros."),
            Binding::NonBinding
        );
        assert_eq!(
            b("Aucune Partie n'impose de droits de douane sur les transmissions électroniques."),
            Binding::Binding
        );
        assert_eq!(
            b("Les Parties s'efforcent de ne pas imposer de droits de douane."),
            Binding::NonBinding
        );
        assert_eq!(
            b("Une Partie ne peut imposer de droits de douane."),
            Binding::Binding
        );
        assert_eq!(b("The Parties affirm their rights."), Binding::Neutral);
        // "may" in a prohibition forbids
        for ban in [
            "Neither Party may impose customs duties on electronic transmissions.",
            "No Party may accord less favourable treatment to digital products.",
            "A Party may not require the transfer of source code.",
        ] {
            assert_eq!(b(ban), Binding::Binding, "{ban}");
        }
        assert_eq!(
            b("Each Party shall take into account the methods agreed by international organisations."),
            Binding::NonBinding
        );
    }

    #[test]
    fn a_ban_written_with_may_is_no_softer_than_one_with_shall() {
        let a = "Neither Party may impose customs duties, fees, or other charges on digital products transmitted electronically.";
        let b = "Neither Party shall impose customs duties on electronic transmissions between the Parties.";
        let found = changes(a, b, (false, false), false);
        assert!(of_force(&found).is_empty(), "{found:?}");
    }

    #[test]
    fn the_words_quoted_for_a_change_of_force_carry_that_force() {
        // paragraph 1 changes but stays an effort; paragraph 3, new, obliges
        let a = "1. Each Party shall endeavour to make all documents available. 2. Each Party shall endeavour to accept documents.";
        let b = "1. Each Party shall endeavour to make documents available. 2. Each Party shall endeavour to accept electronic documents. 3. Each Party shall publish its methods.";
        let found = changes(a, b, (false, false), false);
        let force = of_force(&found);
        assert_eq!(force.len(), 1, "{found:?}");
        assert_eq!(force[0].in_b_only, ["binding"]);
        assert_eq!(force[0].b_words, "3. Each Party shall publish its methods.");
        assert!(
            force[0].a_words.contains("shall endeavour"),
            "{:?}",
            force[0]
        );
    }

    #[test]
    fn a_narrowed_exception_gives_both_texts_words() {
        let a = "Nothing in this Agreement shall apply to measures with respect to cultural industries, including the publication of books, the production of film and video recordings, and broadcasting.";
        let b = "Nothing in this Agreement shall apply to measures with respect to the publication of books and broadcasting.";
        let c = changes(a, b, (false, false), true);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].kind, SubstanceKind::Coverage);
        assert_eq!(c[0].in_a_only, ["cultural industries", "film", "video"]);
        assert!(c[0].in_b_only.is_empty());
        assert_eq!(c[0].a_words, a);
        assert_eq!(c[0].b_words, b);
    }

    #[test]
    fn a_softened_ban_and_a_dropped_reference() {
        let a = "1. Neither Party shall impose customs duties on electronic transmissions. 2. This Article is consistent with the 2005 Convention.";
        let b = "1. The Parties recognise the practice of not imposing customs duties on electronic transmissions.";
        let c = changes(a, b, (true, false), false);
        let kinds: Vec<SubstanceKind> = c.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [SubstanceKind::Binding, SubstanceKind::ConventionReference]
        );
        assert_eq!(c[0].in_a_only, ["binding"]);
        assert_eq!(c[0].in_b_only, ["non-binding"]);
        assert!(
            c[0].a_words.starts_with("1. Neither Party shall impose"),
            "{}",
            c[0].a_words
        );
        assert!(c[1].a_words.contains("2005 Convention"), "{}", c[1].a_words);
    }
}
