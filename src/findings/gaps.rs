//! Gaps: what an agreement lacks against guidelines 19.4 and 19.5. Article
//! findings say what is there; gaps reason over the whole tree to say what is
//! not, and where a carve-out does or does not reach the e-commerce provisions.

use crate::provision::{Agreement, Kind, Provision};
use crate::text::fold_text;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// One article-level finding, as gap reasoning needs it.
#[derive(Debug, Clone, Copy)]
pub struct Flag<'a> {
    pub category: &'a str,
    pub path: &'a str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub id: &'static str,
    pub level: &'static str,
    pub guideline: Vec<&'static str>,
    pub message: String,
    pub recommendation: String,
    /// A clause that would close the gap, in the agreement's language.
    pub suggested_clause: &'static str,
    /// Provisions the reasoning rests on (paths), e.g. the binding e-commerce articles.
    pub evidence: Vec<String>,
    pub fingerprint: String,
}

pub const GAP_IDS: &[&str] = &[
    "missing_convention_reference",
    "ecommerce_without_cultural_carveout",
    "missing_cultural_exception",
    "missing_policy_space",
    "missing_dual_nature",
    "missing_preferential_treatment",
];

/// Parties the UN M49 classification long listed as developed (Europe, Northern
/// America, Japan, Australia, New Zealand, Israel). Everything else counts as
/// developing unless the user says otherwise with `--developing`.
const DEVELOPED: &[&str] = &[
    "USA", "CAN", "BMU", "GRL", "JPN", "AUS", "NZL", "ISR", "ALB", "AND", "AUT", "BEL", "BGR",
    "BIH", "BLR", "CHE", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HRV",
    "HUN", "IRL", "ISL", "ITA", "LIE", "LTU", "LUX", "LVA", "MCO", "MDA", "MKD", "MLT", "MNE",
    "NLD", "NOR", "POL", "PRT", "ROU", "RUS", "SMR", "SRB", "SVK", "SVN", "SWE", "UKR", "EU",
    "EUR", "FRO",
];

pub struct GapInput<'a> {
    pub agreement: &'a Agreement,
    pub flags: &'a [Flag<'a>],
    /// Parties the user names as developing, added to those metadata implies.
    pub developing: &'a [String],
}

pub fn find_gaps(input: &GapInput) -> Vec<Gap> {
    let lang = language(input.agreement);
    let has = |c: &str| input.flags.iter().any(|f| f.category == c);
    let mut gaps = Vec::new();
    if !has("convention_reference") {
        gaps.push(gap("missing_convention_reference", &["19.5"], lang, vec![]));
    }
    let bound = ecommerce_obligations(input.flags);
    if !bound.is_empty() && !has("ecommerce_cultural") && !carveout_reaches_ecommerce(input) {
        gaps.push(gap(
            "ecommerce_without_cultural_carveout",
            &["19.4"],
            lang,
            bound,
        ));
    }
    let liberalised = liberalising_divisions(input.agreement, input.flags);
    if !liberalised.is_empty() && !has("cultural_exception") {
        gaps.push(gap(
            "missing_cultural_exception",
            &["19.4"],
            lang,
            liberalised,
        ));
    }
    if !has("policy_space") {
        gaps.push(gap("missing_policy_space", &["19.5"], lang, vec![]));
    }
    if !has("cultural_specificity") {
        gaps.push(gap("missing_dual_nature", &["19.4"], lang, vec![]));
    }
    let developing = developing_parties(input);
    if !developing.is_empty() && !has("preferential_treatment") {
        gaps.push(gap(
            "missing_preferential_treatment",
            &["19.4", "16"],
            lang,
            developing,
        ));
    }
    gaps
}

fn language(a: &Agreement) -> &'static str {
    match a.metadata.language.as_deref() {
        Some("es") => "es",
        Some("fr") => "fr",
        Some(_) => "en",
        None => crate::text::language::analysed_language(&a.text.text),
    }
}

fn ecommerce_obligations(flags: &[Flag]) -> Vec<String> {
    let mut v: Vec<String> = flags
        .iter()
        .filter(|f| {
            matches!(
                f.category,
                "ecommerce_duties" | "ecommerce_nondiscrimination"
            )
        })
        .map(|f| f.path.to_string())
        .collect();
    v.dedup();
    v
}

/// The divisions (or articles) that hold the e-commerce provisions.
fn ecommerce_units<'a>(a: &'a Agreement, flags: &[Flag]) -> Vec<&'a Provision> {
    let mut units: Vec<&Provision> = a
        .walk()
        .filter(|p| p.kind.is_division() && titled_ecommerce(p))
        .collect();
    if units.is_empty() {
        // no e-commerce chapter: the articles flagged as e-commerce stand alone
        let paths: Vec<&str> = flags
            .iter()
            .filter(|f| f.category.starts_with("ecommerce"))
            .map(|f| f.path)
            .collect();
        units = a
            .walk()
            .filter(|p| paths.contains(&p.path.as_str()))
            .collect();
    }
    units
}

fn titled_ecommerce(p: &Provision) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"electronic commerce|e-commerce|digital trade|digital economy|comercio electronico|commerce electronique|commerce numerique").unwrap()
    });
    p.title
        .as_deref()
        .is_some_and(|t| re.is_match(&fold_text(t)))
}

/// Does some cultural exception reach the e-commerce provisions? It does when
/// it is agreement-wide, names the e-commerce chapter, sits inside it, or sits
/// in an exceptions chapter that the e-commerce chapter makes applicable.
fn carveout_reaches_ecommerce(input: &GapInput) -> bool {
    let a = input.agreement;
    let units = ecommerce_units(a, input.flags);
    let exceptions: Vec<&Provision> = input
        .flags
        .iter()
        .filter(|f| f.category == "cultural_exception")
        .filter_map(|f| a.walk().find(|p| p.path == f.path))
        .collect();
    exceptions.iter().any(|exc| {
        let text = fold_text(a.full_text(exc));
        let inside = units.iter().any(|u| exc.path.starts_with(&u.path));
        let names_unit = units.iter().any(|u| names_division(&text, u));
        let made_applicable = units.iter().any(|u| applies_to(a, u, exc));
        inside || agreement_wide(&text) || names_unit || made_applicable
    })
}

fn agreement_wide(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(this|the) agreement\b|\b(este|el presente) (acuerdo|tratado)\b|\b(le )?present (accord|traite)\b|\bcet accord\b").unwrap()
    })
    .is_match(folded)
}

/// "Chapters 8 and 12", "Chapter 14 (Electronic Commerce)": the text names the division.
fn names_division(folded: &str, unit: &Provision) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b(?:chapters?|capitulos?|chapitres?|sections?)\b([^.;]{0,40})").unwrap()
    });
    let Some(number) = unit.number.as_deref().map(str::to_lowercase) else {
        return false;
    };
    re.captures_iter(folded)
        .any(|c| words(&c[1]).any(|w| w == number))
}

/// The tokens of a run of text, numbers kept whole ("14.2", "22-a").
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|w| w.trim_matches(['.', '-']))
        .filter(|w| !w.is_empty())
}

/// The e-commerce chapter says that the chapter or article holding the
/// exception applies to it: "Chapter 22 (Exceptions) applies to this Chapter".
fn applies_to(a: &Agreement, unit: &Provision, exception: &Provision) -> bool {
    static REFERENCE: OnceLock<Regex> = OnceLock::new();
    static APPLIES: OnceLock<Regex> = OnceLock::new();
    let reference = REFERENCE.get_or_init(|| {
        Regex::new(r"\b(article|articulo|chapter|capitulo|chapitre)s?\s+([\w.-]*\w)").unwrap()
    });
    let applies = APPLIES.get_or_init(|| {
        Regex::new(r"^[^.;]{0,80}?\b(?:appl|se aplica|s'appliqu|incorporat)").unwrap()
    });
    let text = fold_text(a.full_text(unit));
    let container = a
        .walk()
        .filter(|p| p.kind.is_division() && exception.path.starts_with(&format!("{}/", p.path)))
        .last();
    let article = exception.number.as_deref().map(str::to_lowercase);
    let chapter = container
        .and_then(|c| c.number.as_deref())
        .map(str::to_lowercase);
    reference.captures_iter(&text).any(|c| {
        let named = Some(c[2].to_string());
        let target = match &c[1] {
            "article" | "articulo" => &article,
            _ => &chapter,
        };
        let end = c.get(0).map_or(0, |m| m.end());
        named == *target && applies.is_match(&text[end..])
    })
}

/// Services, investment or e-commerce divisions (or e-commerce articles).
fn liberalising_divisions(a: &Agreement, flags: &[Flag]) -> Vec<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\bservices?\b|\bservicios\b|investment|inversion|investissement|establishment|establecimiento|etablissement|electronic commerce|e-commerce|digital trade|comercio electronico|commerce electronique").unwrap()
    });
    let mut v: Vec<String> = a
        .walk()
        .filter(|p| matches!(p.kind, Kind::Part | Kind::Chapter | Kind::Section))
        .filter(|p| {
            p.title
                .as_deref()
                .is_some_and(|t| re.is_match(&fold_text(t)))
        })
        .map(|p| p.path.clone())
        .collect();
    if v.is_empty() {
        v = ecommerce_obligations(flags);
    }
    v
}

fn developing_parties(input: &GapInput) -> Vec<String> {
    let mut v: Vec<String> = input
        .agreement
        .metadata
        .parties
        .iter()
        .filter(|p| !DEVELOPED.contains(&p.as_str()))
        .cloned()
        .collect();
    v.extend(input.developing.iter().cloned());
    v.sort();
    v.dedup();
    v
}

fn gap(id: &'static str, guideline: &[&'static str], lang: &str, evidence: Vec<String>) -> Gap {
    let (message, recommendation) = texts(id);
    Gap {
        id,
        level: "agreement",
        guideline: guideline.to_vec(),
        message: message.into(),
        recommendation: recommendation.into(),
        suggested_clause: clause(id, lang),
        evidence,
        fingerprint: super::fingerprint(&["gap", id]),
    }
}

/// What a gap means and what closes it (for rule listings and SARIF).
pub fn describe(id: &str) -> (&'static str, &'static str) {
    texts(id)
}

fn texts(id: &str) -> (&'static str, &'static str) {
    match id {
        "missing_convention_reference" => (
            "no explicit reference to the 2005 UNESCO Convention on the Diversity of Cultural Expressions",
            "Cite the Convention by name in the preamble or the exceptions, as guideline 19.5 asks, so that panels read the agreement in its light.",
        ),
        "ecommerce_without_cultural_carveout" => (
            "e-commerce obligations (no duties on electronic transmissions, non-discrimination of digital products) bind cultural content and no cultural carve-out reaches them",
            "Exclude cultural industries or audiovisual services from the e-commerce chapter, or make the cultural exception apply to it expressly (guideline 19.4: the status of e-commerce shall recognise the specificity of cultural goods and services).",
        ),
        "missing_cultural_exception" => (
            "services, investment or e-commerce are liberalised and no cultural exception or reservation exists anywhere",
            "Add an exception for measures relating to cultural industries, or reserve the right to adopt or maintain measures for audiovisual and cultural services (guideline 19.4).",
        ),
        "missing_policy_space" => (
            "nothing preserves the Parties' capacity to adopt new cultural or public policies",
            "Add a right-to-regulate clause that keeps room for new measures, including for cultural diversity (guideline 19.5).",
        ),
        "missing_dual_nature" => (
            "the dual, cultural and economic, nature of cultural goods and services is not recognised",
            "Recognise in the preamble or objectives that cultural goods and services carry identity, values and meaning as well as economic value (guideline 19.4).",
        ),
        _ => (
            "a Party is a developing country and nothing gives its cultural goods, services or professionals preferential treatment",
            "Add preferential treatment for the developing Party's artists and cultural professionals (temporary entry), co-productions and cultural goods and services, as Article 16 of the Convention and guideline 19.4 ask.",
        ),
    }
}

fn clause(id: &str, lang: &str) -> &'static str {
    match (id, lang) {
        ("missing_convention_reference", "es") => "Reafirmando sus compromisos en virtud de la Convención de la UNESCO sobre la Protección y la Promoción de la Diversidad de las Expresiones Culturales (2005) y de sus directrices operativas sobre el entorno digital;",
        ("missing_convention_reference", "fr") => "Réaffirmant leurs engagements au titre de la Convention de l'UNESCO sur la protection et la promotion de la diversité des expressions culturelles (2005) et de ses directives opérationnelles sur le numérique ;",
        ("missing_convention_reference", _) => "Reaffirming their commitments under the UNESCO Convention on the Protection and Promotion of the Diversity of Cultural Expressions (2005) and its operational guidelines on the digital environment;",
        ("ecommerce_without_cultural_carveout", "es") => "Este Capítulo no se aplica a las medidas relativas a las industrias culturales, incluidos los servicios audiovisuales, cualquiera que sea el medio de transmisión.",
        ("ecommerce_without_cultural_carveout", "fr") => "Le présent chapitre ne s'applique pas aux mesures relatives aux industries culturelles, y compris les services audiovisuels, quel que soit le mode de transmission.",
        ("ecommerce_without_cultural_carveout", _) => "This Chapter does not apply to measures relating to cultural industries, including audiovisual services, whatever the means of transmission.",
        ("missing_cultural_exception", "es") => "Nada de lo dispuesto en este Acuerdo se interpretará en el sentido de impedir que una Parte adopte o mantenga medidas relativas a las industrias culturales.",
        ("missing_cultural_exception", "fr") => "Aucune disposition du présent accord n'empêche une Partie d'adopter ou de maintenir des mesures relatives aux industries culturelles.",
        ("missing_cultural_exception", _) => "Nothing in this Agreement shall be construed to prevent a Party from adopting or maintaining measures with respect to cultural industries.",
        ("missing_policy_space", "es") => "Las Partes reafirman su derecho a regular y a introducir nuevas medidas para alcanzar objetivos legítimos de política pública, incluida la promoción de la diversidad cultural.",
        ("missing_policy_space", "fr") => "Les Parties réaffirment leur droit de réglementer et d'adopter de nouvelles mesures pour atteindre des objectifs légitimes de politique publique, y compris la promotion de la diversité culturelle.",
        ("missing_policy_space", _) => "The Parties reaffirm their right to regulate and to introduce new measures to achieve legitimate policy objectives, including the promotion of cultural diversity.",
        ("missing_dual_nature", "es") => "Reconociendo que los bienes y servicios culturales tienen una doble naturaleza, económica y cultural, como portadores de identidades, valores y significados;",
        ("missing_dual_nature", "fr") => "Reconnaissant la double nature, économique et culturelle, des biens et services culturels, porteurs d'identités, de valeurs et de sens ;",
        ("missing_dual_nature", _) => "Recognising that cultural goods and services have a dual nature, economic and cultural, as vehicles of identities, values and meanings;",
        (_, "es") => "Cada Parte facilitará la entrada temporal de artistas y profesionales de la cultura de la Parte que sea un país en desarrollo y otorgará un trato preferente a sus bienes y servicios culturales.",
        (_, "fr") => "Chaque Partie facilite l'entrée temporaire des artistes et professionnels de la culture de la Partie qui est un pays en développement et accorde un traitement préférentiel à ses biens et services culturels.",
        _ => "Each Party shall facilitate the temporary entry of artists and cultural professionals of the Party that is a developing country and accord preferential treatment to its cultural goods and services.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provision::SourceFormat;
    use crate::text::LocatedText;

    const ECOMMERCE: &str = "CHAPTER 3\nELECTRONIC COMMERCE\n\nArticle 3.1: Customs Duties\n\nNeither Party shall impose customs duties on electronic transmissions.\n\n";

    fn agreement(text: &str) -> Agreement {
        crate::structure::parse_text(
            "draft.txt".into(),
            SourceFormat::Text,
            LocatedText::plain(text.into()),
        )
    }

    fn ids(text: &str, flags: &[(&str, &str)]) -> Vec<&'static str> {
        let a = agreement(text);
        let flags: Vec<Flag> = flags
            .iter()
            .map(|&(category, path)| Flag { category, path })
            .collect();
        find_gaps(&GapInput {
            agreement: &a,
            flags: &flags,
            developing: &[],
        })
        .into_iter()
        .map(|g| g.id)
        .collect()
    }

    fn carveout_gap(text: &str, exception_path: &str) -> bool {
        ids(
            text,
            &[
                ("ecommerce_duties", "ch3/art3.1"),
                ("cultural_exception", exception_path),
            ],
        )
        .contains(&"ecommerce_without_cultural_carveout")
    }

    #[test]
    fn agreement_wide_cultural_exception_reaches_ecommerce() {
        let text = format!("{ECOMMERCE}CHAPTER 4\nEXCEPTIONS\n\nArticle 4.1: Culture\n\nNothing in this Agreement applies to measures on cultural industries.\n");
        assert!(!carveout_gap(&text, "ch4/art4.1"));
    }

    #[test]
    fn audiovisual_exclusion_limited_to_services_does_not() {
        let text = format!("CHAPTER 2\nTRADE IN SERVICES\n\nArticle 2.1: Scope\n\nThis Chapter does not apply to audiovisual services.\n\n{ECOMMERCE}");
        assert!(carveout_gap(&text, "ch2/art2.1"));
    }

    #[test]
    fn exceptions_chapter_made_applicable_by_cross_reference_does() {
        let exceptions = "CHAPTER 22\nEXCEPTIONS\n\nArticle 22.5: Cultural Industries\n\nFor the purposes of the Chapters listed in it, measures on cultural industries are excluded.\n";
        let without = format!("{ECOMMERCE}{exceptions}");
        assert!(carveout_gap(&without, "ch22/art22.5"));
        let with = format!("{}Article 3.2: Exceptions\n\nChapter 22 (Exceptions) applies to this Chapter.\n\n{exceptions}", ECOMMERCE);
        assert!(!carveout_gap(&with, "ch22/art22.5"));
    }

    #[test]
    fn exception_naming_the_ecommerce_chapter_does() {
        let text = format!("{ECOMMERCE}CHAPTER 4\nEXCEPTIONS\n\nArticle 4.1: Culture\n\nChapters 2 and 3 do not apply to cultural industries.\n");
        assert!(!carveout_gap(&text, "ch4/art4.1"));
    }

    #[test]
    fn each_gap_closes_when_its_category_is_present() {
        let text = format!(
            "CHAPTER 2\nTRADE IN SERVICES\n\nArticle 2.1: Scope\n\nServices.\n\n{ECOMMERCE}"
        );
        let open = ids(&text, &[("ecommerce_duties", "ch3/art3.1")]);
        for id in [
            "missing_convention_reference",
            "ecommerce_without_cultural_carveout",
            "missing_cultural_exception",
            "missing_policy_space",
            "missing_dual_nature",
        ] {
            assert!(open.contains(&id), "{id} in {open:?}");
        }
        let closed = ids(
            &text,
            &[
                ("ecommerce_duties", "ch3/art3.1"),
                ("ecommerce_cultural", "ch3/art3.1"),
                ("cultural_exception", "ch2/art2.1"),
                ("convention_reference", "ch2/art2.1"),
                ("policy_space", "ch2/art2.1"),
                ("cultural_specificity", "ch2/art2.1"),
            ],
        );
        assert!(closed.is_empty(), "{closed:?}");
    }

    #[test]
    fn preferential_treatment_needs_a_developing_party() {
        let mut a = agreement("Article 1\n\nText.\n");
        a.metadata.parties = vec!["FRA".into(), "DEU".into()];
        let g = find_gaps(&GapInput {
            agreement: &a,
            flags: &[],
            developing: &[],
        });
        assert!(!g.iter().any(|g| g.id == "missing_preferential_treatment"));
        a.metadata.parties.push("PER".into());
        let g = find_gaps(&GapInput {
            agreement: &a,
            flags: &[],
            developing: &[],
        });
        let gap = g
            .iter()
            .find(|g| g.id == "missing_preferential_treatment")
            .expect("gap");
        assert_eq!(gap.evidence, ["PER"]);
    }

    #[test]
    fn suggested_clause_speaks_the_agreement_language() {
        let a = agreement(
            "Artículo 1\n\nLas Partes del presente Acuerdo y los servicios de la Parte.\n",
        );
        let g = find_gaps(&GapInput {
            agreement: &a,
            flags: &[],
            developing: &[],
        });
        assert!(g[0].suggested_clause.starts_with("Reafirmando"));
    }
}
