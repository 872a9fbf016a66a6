//! The Parties named in an agreement's title or first lines ("Agreement
//! between the European Union and the Socialist Republic of Viet Nam", "entre
//! la República de Chile y …", "entre le Canada et …"), as ISO 3166 alpha-3
//! codes (the European Union as `EU`, as ToTA writes it). Country names come
//! from the `celes` crate; long state forms ("Socialist Republic of"),
//! articles and the Spanish and French names of usual treaty partners are
//! handled here. Works on any parsed agreement, whatever its source.

use super::{Agreement, Kind};
use crate::text::fold_text;
use celes::Country;

/// How much of the text after the title is searched (the preamble's opening).
const OPENING_CHARS: usize = 1500;

/// The Parties the title or the opening of the preamble names, in order of
/// mention; empty unless at least two are recognised (a bilateral agreement
/// has two, and one name alone is as likely a place named in passing).
pub fn infer(agreement: &Agreement) -> Vec<String> {
    let mut sources = vec![agreement.title()];
    if let Some(first) = agreement
        .provisions
        .first()
        .filter(|p| p.kind == Kind::Preamble)
    {
        let end = first
            .text
            .char_indices()
            .nth(OPENING_CHARS)
            .map_or(first.text.len(), |(i, _)| i);
        sources.push(first.text[..end].to_string());
    }
    for source in sources {
        let folded = fold_text(&source.replace('\n', " "));
        for phrase in party_phrases(&folded) {
            let parties = parties_in(phrase);
            if parties.len() >= 2 {
                return parties;
            }
        }
    }
    Vec::new()
}

/// Runs of text that list Parties: after "between"/"entre" (to the end of the
/// clause), and before "hereinafter" / "en lo sucesivo" / "ci-après".
fn party_phrases(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for kw in ["between ", "entre "] {
        let mut from = 0;
        while let Some(i) = folded[from..].find(kw) {
            let start = from + i + kw.len();
            let rest = &folded[start..];
            let end = [
                ",",
                ";",
                ":",
                ".",
                "(",
                " hereinafter",
                " en lo sucesivo",
                " ci-apres",
                " on ",
                " for ",
                " sobre ",
                " relatif",
                " relativo",
                " concerning",
                " establishing",
                " estableciendo",
                " instituant",
                " pour ",
                " para ",
                " to ",
            ]
            .iter()
            .filter_map(|stop| rest.find(stop))
            .min()
            .unwrap_or(rest.len().min(300));
            out.push(&rest[..end]);
            from = start;
        }
    }
    for kw in [
        ", hereinafter",
        " hereinafter",
        ", en lo sucesivo",
        ", ci-apres",
    ] {
        if let Some(i) = folded.find(kw) {
            let before = &folded[..i];
            let start = before.rfind(['.', ';', ':', '\u{a0}']).map_or(0, |j| j + 1);
            out.push(&before[start..]);
        }
    }
    out
}

/// The Parties a phrase lists, in order: at each word the longest run of
/// words (up to `MAX_NAME_WORDS`) that names a country, so that names holding
/// "and" ("Trinidad and Tobago") or a state form ("Republic of Korea") are
/// read whole, and articles or "the Government of" are passed over.
fn parties_in(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let longest = (i + 1..=(i + MAX_NAME_WORDS).min(words.len()))
            .rev()
            .find_map(|end| lookup(&words[i..end]).map(|code| (code, end)));
        match longest {
            Some((code, end)) => {
                if !out.contains(&code) {
                    out.push(code);
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The longest country name, in words ("united kingdom of great britain and
/// northern ireland").
const MAX_NAME_WORDS: usize = 8;

fn lookup(words: &[&str]) -> Option<String> {
    let spaced = words.join(" ");
    let spaced = spaced.trim_start_matches("l'").trim_start_matches("d'");
    if let Some(code) = OTHER_NAMES
        .iter()
        .find(|(name, _)| *name == spaced)
        .map(|(_, code)| code.to_string())
    {
        return Some(code);
    }
    let joined: String = spaced.chars().filter(|c| c.is_alphanumeric()).collect();
    if joined.len() < 4 {
        return None;
    }
    Country::from_name(&joined)
        .or_else(|_| Country::from_alias(&joined))
        .ok()
        .map(|c| c.alpha3.to_string())
}

/// Names `celes` does not know: the European Union, usual English long forms,
/// and the Spanish and French names of frequent treaty partners (folded).
const OTHER_NAMES: &[(&str, &str)] = &[
    ("european union", "EU"),
    ("european community", "EU"),
    ("european communities", "EU"),
    ("union europea", "EU"),
    ("comunidad europea", "EU"),
    ("comunidades europeas", "EU"),
    ("union europeenne", "EU"),
    ("communaute europeenne", "EU"),
    ("communautes europeennes", "EU"),
    ("viet nam", "VNM"),
    ("korea", "KOR"),
    ("republic of korea", "KOR"),
    ("united states", "USA"),
    ("united states of america", "USA"),
    ("united mexican states", "MEX"),
    ("united kingdom", "GBR"),
    (
        "united kingdom of great britain and northern ireland",
        "GBR",
    ),
    ("russian federation", "RUS"),
    ("estados unidos", "USA"),
    ("estados unidos de america", "USA"),
    ("estados unidos mexicanos", "MEX"),
    ("etats-unis", "USA"),
    ("etats-unis d'amerique", "USA"),
    ("reino unido", "GBR"),
    ("royaume-uni", "GBR"),
    ("japon", "JPN"),
    ("corea", "KOR"),
    ("coree", "KOR"),
    ("alemania", "DEU"),
    ("allemagne", "DEU"),
    ("espana", "ESP"),
    ("espagne", "ESP"),
    ("francia", "FRA"),
    ("italia", "ITA"),
    ("italie", "ITA"),
    ("brasil", "BRA"),
    ("bresil", "BRA"),
    ("chine", "CHN"),
    ("mexique", "MEX"),
    ("perou", "PER"),
    ("chili", "CHL"),
    ("colombie", "COL"),
    ("argentine", "ARG"),
    ("equateur", "ECU"),
    ("bolivie", "BOL"),
    ("bolivia", "BOL"),
    ("republica dominicana", "DOM"),
    ("republique dominicaine", "DOM"),
    ("nueva zelandia", "NZL"),
    ("nueva zelanda", "NZL"),
    ("nouvelle-zelande", "NZL"),
    ("australie", "AUS"),
    ("singapur", "SGP"),
    ("singapour", "SGP"),
    ("noruega", "NOR"),
    ("norvege", "NOR"),
    ("islandia", "ISL"),
    ("islande", "ISL"),
    ("marruecos", "MAR"),
    ("maroc", "MAR"),
    ("tunez", "TUN"),
    ("tunisie", "TUN"),
    ("argelia", "DZA"),
    ("algerie", "DZA"),
    ("egipto", "EGY"),
    ("egypte", "EGY"),
    ("jordania", "JOR"),
    ("jordanie", "JOR"),
    ("liban", "LBN"),
    ("libano", "LBN"),
    ("turquia", "TUR"),
    ("turquie", "TUR"),
    ("ucrania", "UKR"),
    ("georgie", "GEO"),
    ("moldavie", "MDA"),
    ("moldova", "MDA"),
    ("indonesie", "IDN"),
    ("malasia", "MYS"),
    ("malaisie", "MYS"),
    ("filipinas", "PHL"),
    ("tailandia", "THA"),
    ("thailande", "THA"),
    ("inde", "IND"),
    ("sudafrica", "ZAF"),
    ("afrique du sud", "ZAF"),
    ("rusia", "RUS"),
    ("russie", "RUS"),
    ("cameroun", "CMR"),
    ("camerun", "CMR"),
    ("cote d'ivoire", "CIV"),
    ("costa de marfil", "CIV"),
    ("panama", "PAN"),
    ("haiti", "HTI"),
    ("belgique", "BEL"),
    ("belgica", "BEL"),
    ("pays-bas", "NLD"),
    ("paises bajos", "NLD"),
    ("grece", "GRC"),
    ("grecia", "GRC"),
    ("vietnam", "VNM"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provision::SourceFormat;
    use crate::text::LocatedText;

    fn parties(text: &str) -> Vec<String> {
        let a = crate::structure::parse_text(
            "t.txt".into(),
            SourceFormat::Text,
            LocatedText::plain(text.into()),
        );
        infer(&a)
    }

    #[test]
    fn parties_from_an_english_title_with_long_state_forms() {
        assert_eq!(
            parties("FREE TRADE AGREEMENT BETWEEN THE EUROPEAN UNION AND THE SOCIALIST REPUBLIC OF VIET NAM\n\nThe Parties,\n"),
            ["EU", "VNM"]
        );
        assert_eq!(
            parties("Agreement between Canada and the Republic of Korea\n\nArticle 1\nText.\n"),
            ["CAN", "KOR"]
        );
        assert_eq!(
            parties("AGREEMENT BETWEEN JAPAN AND THE REPUBLIC OF TRINIDAD AND TOBAGO\n\nArticle 1\nText.\n"),
            ["JPN", "TTO"]
        );
    }

    #[test]
    fn parties_in_spanish_and_french_and_from_the_preamble() {
        assert_eq!(
            parties("TRATADO DE LIBRE COMERCIO ENTRE LA REPÚBLICA DE CHILE Y LA REPÚBLICA DEL PERÚ\n\nArtículo 1\nTexto.\n"),
            ["CHL", "PER"]
        );
        assert_eq!(
            parties("ACCORD DE LIBRE-ÉCHANGE ENTRE LE CANADA ET LA RÉPUBLIQUE DU HONDURAS\n\nArticle premier\nTexte.\n"),
            ["CAN", "HND"]
        );
        assert_eq!(
            parties("FREE TRADE AGREEMENT\n\nThe Government of Australia and the Government of Malaysia, hereinafter referred to as \"the Parties\",\n\nArticle 1\nText.\n"),
            ["AUS", "MYS"]
        );
    }

    #[test]
    fn invented_or_missing_names_give_no_parties() {
        assert!(parties("AGREEMENT BETWEEN THE REPUBLIC OF ARCADIA AND THE KINGDOM OF BOREALIA\n\nArticle 1\nText.\n").is_empty());
        assert!(parties("Article 1\nThe Parties shall cooperate.\n").is_empty());
    }
}

/// A Party as the user names it (`--developing`): an ISO 3166 alpha-3 or
/// alpha-2 code (any case), `EU`, or a country name in English (or one of the
/// Spanish and French names above), as its alpha-3 code.
///
/// # Errors
/// A name or code no table knows, with the closest known name or code when
/// one is near enough to be a typo ("did you mean `Peru` (PER)?").
pub fn resolve(party: &str) -> Result<String, String> {
    let trimmed = party.trim();
    let upper = trimmed.to_ascii_uppercase();
    if upper == "EU" || upper == "EUR" {
        return Ok("EU".into());
    }
    let by_code = match trimmed.len() {
        3 => Country::from_alpha3(trimmed).ok(),
        2 => Country::from_alpha2(trimmed).ok(),
        _ => None,
    };
    if let Some(c) = by_code {
        return Ok(c.alpha3.to_string());
    }
    let folded = fold_text(trimmed);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if let Some(code) = (!words.is_empty()).then(|| lookup(&words)).flatten() {
        return Ok(code);
    }
    Err(format!(
        "unknown Party `{trimmed}`{} (use an ISO 3166 alpha-3 code such as PER, or a country name)",
        suggestion(&folded)
            .map(|(name, code)| format!("; did you mean `{name}` ({code})?"))
            .unwrap_or_default()
    ))
}

/// The known name or code nearest to a folded input, when it is a likely typo.
fn suggestion(folded: &str) -> Option<(String, String)> {
    let candidates = Country::get_countries().into_iter().flat_map(|c| {
        [
            (c.long_name.to_string(), c.alpha3),
            (c.alpha3.to_string(), c.alpha3),
        ]
    });
    let (distance, name, code) = candidates
        .map(|(name, code)| {
            let d = strsim::levenshtein(folded, &fold_text(&name));
            (d, name, code.to_string())
        })
        .min_by_key(|(d, _, _)| *d)?;
    let tolerance = (folded.chars().count() / 4).max(1);
    (distance <= tolerance).then_some((name, code))
}

#[cfg(test)]
mod resolve_tests {
    use super::resolve;

    #[test]
    fn codes_and_names_resolve_to_alpha3() {
        assert_eq!(resolve("per").unwrap(), "PER");
        assert_eq!(resolve("VN").unwrap(), "VNM");
        assert_eq!(resolve("Peru").unwrap(), "PER");
        assert_eq!(resolve("Viet Nam").unwrap(), "VNM");
        assert_eq!(resolve("European Union").unwrap(), "EU");
    }

    #[test]
    fn an_unknown_party_is_refused_with_a_suggestion_for_a_typo() {
        let e = resolve("Narnia").unwrap_err();
        assert!(e.contains("unknown Party `Narnia`"), "{e}");
        let e = resolve("Peruu").unwrap_err();
        assert!(e.contains("did you mean `Peru` (PER)"), "{e}");
    }
}
