//! The Parties named in an agreement's title or first lines ("Agreement
//! between the European Union and the Socialist Republic of Viet Nam", "entre
//! la República de Chile y …", "entre le Canada et …"), as ISO 3166 alpha-3
//! codes (the European Union as `EU`, as ToTA writes it). Country names, in
//! English, Spanish and French, come from the `keshvar` crate (ISO short and
//! long names, translations, usual names); the European Union and a few
//! treaty forms it lacks are listed here. Works on any parsed agreement,
//! whatever its source.

use super::{Agreement, Kind};
use crate::text::fold_text;
use crate::text::marks::floor;
use keshvar::{Alpha2, Alpha3, CountryIterator};
use std::collections::HashMap;
use std::sync::LazyLock;

/// How much of the text after the title is searched (the preamble's opening).
const OPENING_CHARS: usize = 1500;

/// The Parties the title or the opening of the preamble names ("between …
/// and …", "… hereinafter"), or else those its preamble declares one by one
/// ("The Government of …, the Government of …"), in order of mention; empty
/// unless at least two are recognised (a bilateral agreement has two, and one
/// name alone is as likely a place named in passing).
pub fn infer(agreement: &Agreement) -> Vec<String> {
    let preamble = agreement
        .provisions
        .first()
        .filter(|p| p.kind == Kind::Preamble)
        .map_or("", |p| opening(&p.text, OPENING_CHARS));
    let text = &agreement.text.text;
    let fold = |s: &str| fold_text(&unglued(&s.replace('\n', " ")));
    let title = fold(&agreement.title());
    let preamble = fold(preamble);
    // the opening of the text too, for a preamble not read as such (a PDF
    // whose declarations fell into a chapter)
    // a list past its commas only in the title, or where a text opens on
    // its title (a PDF whose first line is a running head): further in,
    // "between the European Union, Iceland, Liechtenstein and Norway on …"
    // cites another agreement more often than it names the Parties
    for (source, lists) in [
        (&title, usize::MAX),
        (&preamble, LISTS_WITHIN),
        (&fold(opening(text, OPENING_CHARS)), LISTS_WITHIN),
    ] {
        for phrase in party_phrases(source, lists) {
            let parties = parties_in(phrase);
            if parties.len() >= 2 {
                return parties;
            }
        }
    }
    // a preamble that declares the Parties one by one ("The Government of
    // Canada, the Government of the United Mexican States and …"; "Le
    // Gouvernement de la République du Cameroun; Le Gouvernement de …"; "The
    // Republic of Colombia (hereinafter …) on one part, and …"): the Parties
    // of all its declarations together, read past a table of contents
    for source in [&title, &preamble, &fold(opening(text, DECLARATIONS_WITHIN))] {
        let mut parties: Vec<String> = Vec::new();
        for phrase in declarations(source) {
            for party in parties_in(phrase) {
                if !parties.contains(&party) {
                    parties.push(party);
                }
            }
        }
        if parties.len() >= 2 {
            return parties;
        }
    }
    Vec::new()
}

/// Words that single out developing or least developed Parties in a clause
/// (folded): "special and differential treatment", "least developed
/// country", in English, Spanish and French. ("Developing countries" alone
/// is too common a phrase, in general statements, to be read on.)
static DEVELOPING_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"special and differential treatment|least[- ]developed countr|trato especial y diferenciado|menor desarrollo relativo|paises menos adelantados|traitement special et differencie|pays les moins avances",
    )
    .expect("valid")
});

/// How far into the preamble (or a text without one) its developing Parties
/// are looked for, in bytes.
const DEVELOPING_WITHIN: usize = 20_000;

/// How far after its cue a clause is read for the names of Parties.
const CUE_CLAUSE_CHARS: usize = 300;

/// The countries a text names as developing or least developed: those named
/// after a cue of `DEVELOPING_CUE` in the rest of its clause (up to the next
/// full stop or semicolon, at most `CUE_CLAUSE_CHARS`), in order of mention.
/// The Regional Comprehensive Economic Partnership names no Party in its
/// title or preamble, but provides "for special and differential treatment,
/// especially for Cambodia, Lao PDR, Myanmar, and Viet Nam". Names before
/// the cue are not read ("Japan shall provide technical assistance to least
/// developed country Parties" names a donor). Read in the first
/// `DEVELOPING_WITHIN` bytes of the preamble (or of a text without
/// one), where an agreement says whom it singles out: the operative
/// articles speak of developing countries in general, and reading whole
/// texts cost a twentieth of a ToTA check.
pub fn named_as_developing(agreement: &Agreement) -> Vec<String> {
    let text = match agreement.provisions.first() {
        Some(p) if p.kind == Kind::Preamble => &p.text,
        _ => &agreement.text.text,
    };
    let within = &text[..floor(text, DEVELOPING_WITHIN)];
    let folded = fold_text(&within.replace('\n', " "));
    let mut out: Vec<String> = Vec::new();
    for cue in DEVELOPING_CUE.find_iter(&folded) {
        let rest = &folded[cue.end()..];
        let clause = rest[..floor(rest, CUE_CLAUSE_CHARS)]
            .split(['.', ';'])
            .next()
            .unwrap_or("");
        for party in parties_in(clause) {
            if !out.contains(&party) {
                out.push(party);
            }
        }
    }
    out
}

/// `text` with a space where a word runs into a capitalised heading, as
/// PDFs join a title's last line to the next heading ("… Guatemala y
/// HondurasPREAMBULO Los Estados …"): a small letter followed by two
/// capitals. ("McDonald" has one.)
fn unglued(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let glued = |i: usize| {
        chars[i - 1].is_lowercase()
            && chars[i].is_uppercase()
            && chars.get(i + 1).is_some_and(|c| c.is_uppercase())
    };
    if !(1..chars.len()).any(glued) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && glued(i) {
            out.push(' ');
        }
        out.push(c);
    }
    out.into()
}

/// The first `chars` characters of `text`.
fn opening(text: &str, chars: usize) -> &str {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// How much of the text the Parties' declarations are looked for in
/// (characters): past a table of contents, which puts the preamble of a
/// government PDF some 3,000 characters in.
const DECLARATIONS_WITHIN: usize = 8000;

/// The openings of one Party's declaration in a preamble: the government or
/// head of state of a country, in English, Spanish and French (folded).
const DECLARERS: &[&str] = &[
    "government of ",
    "president of ",
    "gobierno de ",
    "gobierno del ",
    "presidente de ",
    "gouvernement de ",
    "gouvernement du ",
    "president de ",
    "president du ",
];

/// The openings of a declaration that lists several Parties ("The
/// Governments of Brunei Darussalam, the Kingdom of Cambodia, …").
const LIST_DECLARERS: &[&str] = &[
    "governments of ",
    "gobiernos de ",
    "gouvernements de ",
    "gouvernements du ",
];

/// How far a declaration is read, in bytes: a list of a dozen Parties with
/// their long forms and short names runs to about 600.
const MAX_DECLARATION: usize = 1000;

/// The markers that close a Party's declaration: "(hereinafter referred to
/// as …)", "(\"the Parties\")", "of the one part", and their Spanish and
/// French forms (folded, straight quotes).
const DECLARATION_ENDS: &[&str] = &[
    "(hereinafter",
    "(\"the parties\")",
    "(the \"parties\")",
    "(en lo sucesivo",
    "(en adelante",
    "(\"las partes\")",
    "(las \"partes\")",
    "(ci-apres",
    "(\"les parties\")",
    "(les \"parties\")",
    ", of the one part",
    ", of the other part",
    " on one part",
    " on the other part",
    ", por una parte",
    ", por otra parte",
    ", d'une part",
    ", d'autre part",
];

/// Runs of a preamble's opening that declare a Party: after a declarer
/// ("the Government of …", to the end of the clause; a plural
/// "Governments of …" to the end of its list) and before a closing marker
/// (back to the previous clause).
fn declarations(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    // one declaration ends with its clause; a list runs on past its commas
    // and the short names it gives in brackets ("the Kingdom of Cambodia
    // (Cambodia), the Republic of …")
    let one: &[char] = &[',', ';', ':', '.', '('];
    let list: &[char] = &[';', ':', '.'];
    let openings = DECLARERS
        .iter()
        .map(|kw| (kw, one))
        .chain(LIST_DECLARERS.iter().map(|kw| (kw, list)));
    for (kw, stops) in openings {
        for (i, _) in folded.match_indices(kw) {
            let rest = &folded[i + kw.len()..];
            let end = rest.find(stops).unwrap_or(rest.len()).min(MAX_DECLARATION);
            let end = (0..=end)
                .rev()
                .find(|&e| rest.is_char_boundary(e))
                .unwrap_or(0);
            out.push(&rest[..end]);
        }
    }
    for kw in DECLARATION_ENDS {
        for (i, _) in folded.match_indices(kw) {
            out.push(clause_before(folded, i, &['.', ';', ':', ')']));
        }
    }
    out
}

/// The longest list of a group's members in brackets after its name, in bytes.
const MEMBERS_CHARS: usize = 120;

/// Words that may come before a Party's name in a list: connectives,
/// articles and state forms (folded).
const BEFORE_A_NAME: &[&str] = &[
    "and",
    "y",
    "e",
    "et",
    "the",
    "la",
    "las",
    "el",
    "los",
    "le",
    "les",
    "of",
    "de",
    "del",
    "du",
    "des",
    "republic",
    "republics",
    "republica",
    "republicas",
    "republique",
    "republiques",
    "kingdom",
    "reino",
    "royaume",
    "state",
    "states",
    "estado",
    "estados",
    "etat",
    "etats",
    "government",
    "governments",
    "gobierno",
    "gobiernos",
    "gouvernement",
    "gouvernements",
];

/// Whether a stretch of a list ends on a country's name ("… y las
/// Repúblicas de El Salvador", not "… signed in Bali").
fn ends_with_a_name(stretch: &str) -> bool {
    let words = words_of(stretch);
    (words.len().saturating_sub(MAX_NAME_WORDS)..words.len()).any(|i| lookup(&words[i..]).is_some())
}

/// Whether a stretch of text opens on a country's name, once connectives,
/// articles and state forms are passed over.
fn opens_on_a_party(stretch: &str) -> bool {
    let words = words_of(stretch);
    let lead = words
        .iter()
        .take_while(|w| BEFORE_A_NAME.contains(w))
        .count();
    name_at(&words, lead).is_some()
}

/// The words of a folded text: runs of letters, digits, apostrophes and
/// hyphens.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The longest country name that starts at word `i` (up to
/// `MAX_NAME_WORDS` words): its code, and the word after it.
fn name_at(words: &[&str], i: usize) -> Option<(String, usize)> {
    (i + 1..=(i + MAX_NAME_WORDS).min(words.len()))
        .rev()
        .find_map(|end| lookup(&words[i..end]).map(|code| (code, end)))
}

/// Whether a stretch of a list, between its commas, names Parties and
/// nothing else ("guatemala y honduras", "the republic of peru"): each word
/// is a connective, an article, a state form or part of a country's name.
fn names_parties_only(segment: &str) -> bool {
    let words = words_of(segment);
    let mut named = false;
    let mut i = 0;
    while i < words.len() {
        if let Some((_, end)) = name_at(&words, i) {
            named = true;
            i = end;
        } else if BEFORE_A_NAME.contains(&words[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    named
}

/// How far into a preamble or a text's opening a list of Parties is read
/// past its commas, in bytes: the title a text opens on.
const LISTS_WITHIN: usize = 400;

/// Where a phrase of Parties after "between"/"entre" ends (folded): its
/// clause's end, what follows the names ("hereinafter", "on", "relating
/// to"), or the preamble's heading a PDF ran the title into.
const PHRASE_ENDS: &[&str] = &[
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
    " preamble",
    " preambulo",
    " preambule",
];

/// Runs of text that list Parties: after "between"/"entre" (to the end of the
/// clause), and before "hereinafter" / "en lo sucesivo" / "ci-après".
fn party_phrases(folded: &str, lists_within: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for kw in ["between ", "entre "] {
        let mut from = 0;
        while let Some(i) = folded[from..].find(kw) {
            let start = from + i + kw.len();
            let rest = &folded[start..];
            let clause_end = |text: &str| {
                PHRASE_ENDS
                    .iter()
                    .filter_map(|stop| text.find(stop))
                    .min()
                    .unwrap_or(text.len().min(300))
            };
            let mut end = clause_end(rest);
            // a list of Parties runs on past its commas ("entre los Estados
            // Unidos Mexicanos y las Repúblicas de El Salvador, Guatemala y
            // Honduras") while each stretch names Parties and nothing else
            // ("signed in Bali, Indonesia on 8 October" names a place)
            let first_end = end;
            let mut segment_start = 0;
            while start <= lists_within
                && rest[end..].starts_with(',')
                && ends_with_a_name(&rest[segment_start..end])
            {
                segment_start = end + 1;
                let next = &rest[end + 1..];
                let len = clause_end(next);
                if len <= MEMBERS_CHARS && names_parties_only(&next[..len]) {
                    end += 1 + len;
                } else {
                    // a stretch that opens on a name but runs into other
                    // words is a list garbled (a name run into the next
                    // heading): none of it is read
                    if opens_on_a_party(&next[..len.min(MEMBERS_CHARS)]) {
                        end = first_end;
                    }
                    break;
                }
            }
            // a group's members, listed in brackets after it, are Parties:
            // "between Canada and the States of the European Free Trade
            // Association (Iceland, Liechtenstein, Norway and Switzerland)"
            let end = match rest[end..].strip_prefix('(').and_then(|r| r.find(')')) {
                Some(close) if close <= MEMBERS_CHARS => end + 1 + close,
                _ => end,
            };
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
            out.push(clause_before(folded, i, &['.', ';', ':', '\u{a0}']));
        }
    }
    out
}

/// The clause of `folded` that ends at byte `end`: back to the last of
/// `stops` before it (or the start).
fn clause_before<'a>(folded: &'a str, end: usize, stops: &[char]) -> &'a str {
    let before = &folded[..end];
    let start = before.rfind(stops).map_or(0, |j| j + 1);
    &before[start..]
}

/// Hong Kong and Macao by their long forms, which also name China, in the
/// three languages (folded), and the name they stand for.
const REGION_LONG_FORMS: &[(&str, &str)] = &[
    (
        "hong kong special administrative region of the people's republic of china",
        "hong kong",
    ),
    (
        "region administrativa especial de hong kong de la republica popular china",
        "hong kong",
    ),
    (
        "region administrative speciale de hong kong de la republique populaire de chine",
        "hong kong",
    ),
    (
        "macao special administrative region of the people's republic of china",
        "macao",
    ),
    (
        "region administrativa especial de macao de la republica popular china",
        "macao",
    ),
    (
        "region administrative speciale de macao de la republique populaire de chine",
        "macao",
    ),
];

/// The Parties a phrase lists, in order: at each word the longest run of
/// words (up to `MAX_NAME_WORDS`) that names a country, so that names holding
/// "and" ("Trinidad and Tobago") or a state form ("Republic of Korea") are
/// read whole, and articles or "the Government of" are passed over.
fn parties_in(phrase: &str) -> Vec<String> {
    // Hong Kong and Macao by their long forms are not China as well
    let mut phrase = std::borrow::Cow::Borrowed(phrase);
    for (long, short) in REGION_LONG_FORMS {
        if phrase.contains(long) {
            phrase = std::borrow::Cow::Owned(phrase.replace(long, short));
        }
    }
    let words = words_of(&phrase);
    let longest_at = |i: usize| name_at(&words, i);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let longest = longest_at(i);
        // a name of several words is not the name when the one that starts
        // a word later, inside it, reaches further ("the United Kingdom" is
        // a name, but in "the United Kingdom of Great Britain and Northern
        // Ireland" it would leave "Ireland")
        if let Some((_, end)) = &longest {
            let further = longest_at(i + 1).is_some_and(|(_, later)| later > *end);
            if *end > i + 1 && further {
                i += 1;
                continue;
            }
        }
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

/// The longest country name, in words ("reino unido de gran bretaña e
/// irlanda del norte").
const MAX_NAME_WORDS: usize = 10;

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
    let joined = name_key(spaced);
    if joined.len() < 4 {
        return None;
    }
    COUNTRY_NAMES.get(&joined).cloned()
}

/// A name as `COUNTRY_NAMES` keys it: folded, letters and digits only
/// ("Côte d'Ivoire" → "cotedivoire").
fn name_key(name: &str) -> String {
    fold_text(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The name of the Party with ISO 3166 alpha-3 code `code` (or `EU`) in
/// language `lang` ("en", "es" or "fr"), for a reader: "Viet Nam", "République de Corée",
/// "Union européenne". `None` for a code no country table knows (a Party
/// named as written).
pub fn party_name(code: &str, lang: &str) -> Option<String> {
    if code == "EU" {
        return Some(
            match lang {
                "es" => "Unión Europea",
                "fr" => "Union européenne",
                _ => "European Union",
            }
            .to_string(),
        );
    }
    if let Some((_, en, es, fr)) = UN_NAMES.iter().find(|(c, ..)| *c == code) {
        return Some(
            match lang {
                "es" => es,
                "fr" => fr,
                _ => en,
            }
            .to_string(),
        );
    }
    keshvar_name(code, lang).map(str::to_string)
}

/// The name `keshvar` gives the country with alpha-3 code `code` in `lang`:
/// its usual name in the language ("Taiwan", "Chine"), or else the ISO short
/// name. `keshvar` builds a country's whole record, translations into a
/// hundred languages included, at each look-up, and a report names the same
/// Parties again and again (a ToTA `check` looked up thousands, a hundredth
/// of its time), so each name is looked up once per process.
fn keshvar_name(code: &str, lang: &str) -> Option<&'static str> {
    /// Names by (alpha-3 code, language); `None` for a code keshvar lacks.
    type Names = HashMap<(String, String), Option<&'static str>>;
    static NAMES: LazyLock<std::sync::Mutex<Names>> = LazyLock::new(Default::default);
    let key = (code.to_string(), lang.to_string());
    if let Some(known) = NAMES.lock().ok().and_then(|n| n.get(&key).copied()) {
        return known;
    }
    let name = Alpha3::try_from(code).ok().map(|a| {
        let country = a.to_country();
        country
            .translations()
            .get(lang)
            .copied()
            .unwrap_or(country.iso_short_name())
    });
    if let Ok(mut names) = NAMES.lock() {
        names.insert(key, name);
    }
    name
}

/// States whose name in treaties is not the one `keshvar` gives: the short
/// names of the UN Terminology Database (UNTERM), in English, Spanish and
/// French, which treaties use ("Viet Nam", "Republic of Korea") where
/// `keshvar` has a usual name ("Vietnam", "South Korea", "Birmanie") or an
/// ISO form turned round at a comma ("Corea, República de", "Russie,
/// Fédération de"). They name a Party in reports and are read as its name.
const UN_NAMES: &[(&str, &str, &str, &str)] = &[
    (
        "BOL",
        "Bolivia (Plurinational State of)",
        "Bolivia (Estado Plurinacional de)",
        "Bolivie (État plurinational de)",
    ),
    (
        "COD",
        "Democratic Republic of the Congo",
        "República Democrática del Congo",
        "République démocratique du Congo",
    ),
    ("COG", "Congo", "Congo", "Congo"),
    ("CIV", "Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire"),
    ("COM", "Comoros", "Comoras", "Comores"),
    (
        "FSM",
        "Micronesia (Federated States of)",
        "Micronesia (Estados Federados de)",
        "Micronésie (États fédérés de)",
    ),
    (
        "IRN",
        "Iran (Islamic Republic of)",
        "Irán (República Islámica del)",
        "Iran (République islamique d')",
    ),
    (
        "KOR",
        "Republic of Korea",
        "República de Corea",
        "République de Corée",
    ),
    (
        "LAO",
        "Lao People's Democratic Republic",
        "República Democrática Popular Lao",
        "République démocratique populaire lao",
    ),
    (
        "MDA",
        "Republic of Moldova",
        "República de Moldova",
        "République de Moldova",
    ),
    ("MMR", "Myanmar", "Myanmar", "Myanmar"),
    (
        "PRK",
        "Democratic People's Republic of Korea",
        "República Popular Democrática de Corea",
        "République populaire démocratique de Corée",
    ),
    (
        "PSE",
        "State of Palestine",
        "Estado de Palestina",
        "État de Palestine",
    ),
    (
        "RUS",
        "Russian Federation",
        "Federación de Rusia",
        "Fédération de Russie",
    ),
    ("SLB", "Solomon Islands", "Islas Salomón", "Îles Salomon"),
    (
        "SYR",
        "Syrian Arab Republic",
        "República Árabe Siria",
        "République arabe syrienne",
    ),
    (
        "TZA",
        "United Republic of Tanzania",
        "República Unida de Tanzanía",
        "République-Unie de Tanzanie",
    ),
    (
        "VEN",
        "Venezuela (Bolivarian Republic of)",
        "Venezuela (República Bolivariana de)",
        "Venezuela (République bolivarienne du)",
    ),
    ("VNM", "Viet Nam", "Viet Nam", "Viet Nam"),
];

/// Every name `keshvar` gives a country in English, Spanish and French, to
/// its alpha-3 code: ISO short names and English names first, so that they
/// win over a long form or another language's name that two countries share
/// ("Congo"); then ISO long names without their article ("Republic of
/// Cameroon"), Spanish and French names ("République centrafricaine",
/// "Estados Unidos"), and usual names ("Ivory Coast").
static COUNTRY_NAMES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let countries: Vec<_> = CountryIterator::new().collect();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut add = |name: &str, code: String| {
        names.entry(name_key(name)).or_insert(code);
    };
    for c in &countries {
        add(c.iso_short_name(), c.alpha3().to_string());
        if let Some(en) = c.translations().get("en") {
            add(en, c.alpha3().to_string());
        }
    }
    for c in &countries {
        let long = c.iso_long_name();
        add(
            long.strip_prefix("The ").unwrap_or(long),
            c.alpha3().to_string(),
        );
    }
    for lang in ["es", "fr"] {
        for c in &countries {
            if let Some(name) = c.translations().get(lang) {
                add(name, c.alpha3().to_string());
            }
        }
    }
    for c in &countries {
        for name in c.unofficial_name_list() {
            add(name, c.alpha3().to_string());
        }
    }
    for (code, en, es, fr) in UN_NAMES {
        for name in [en, es, fr] {
            add(name, code.to_string());
        }
    }
    names
});

/// Names `keshvar` does not know (folded): the European Union and its
/// earlier Communities, treaty long forms, and usual short names.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("european union", "EU"),
    ("union europea", "EU"),
    ("union europeenne", "EU"),
    ("european community", "EU"),
    ("european communities", "EU"),
    ("comunidad europea", "EU"),
    ("comunidades europeas", "EU"),
    ("communaute europeenne", "EU"),
    ("communautes europeennes", "EU"),
    ("european economic community", "EU"),
    ("comunidad economica europea", "EU"),
    ("communaute economique europeenne", "EU"),
    ("korea", "KOR"),
    ("corea", "KOR"),
    ("coree", "KOR"),
    ("estados unidos de america", "USA"),
    ("etats-unis d'amerique", "USA"),
    ("estados unidos mexicanos", "MEX"),
    ("nueva zelandia", "NZL"),
    // ASEAN texts' short form ("Cambodia, Lao PDR, Myanmar, and Viet Nam")
    ("lao pdr", "LAO"),
    ("rdp lao", "LAO"),
    // French state names written with an adjective ("République
    // Gabonaise"), as West and Central African and Maghreb treaties name
    // their Parties
    ("republique gabonaise", "GAB"),
    ("republique togolaise", "TGO"),
    ("republique tunisienne", "TUN"),
    ("republique libanaise", "LBN"),
    ("republique malgache", "MDG"),
    ("republique rwandaise", "RWA"),
    ("republique algerienne democratique et populaire", "DZA"),
    ("republique arabe d'egypte", "EGY"),
    ("republique islamique de mauritanie", "MRT"),
    ("royaume hachemite de jordanie", "JOR"),
    ("republique arabe syrienne", "SYR"),
    // the same in Spanish, and the formal names with an adjective that
    // French and Spanish titles give other States ("entre la République
    // française et …", "entre la República Italiana y …"); English titles
    // use the ISO long forms, which keshvar has ("the French Republic")
    ("republica gabonesa", "GAB"),
    ("republica togolesa", "TGO"),
    ("republica tunecina", "TUN"),
    ("republica libanesa", "LBN"),
    ("republica malgache", "MDG"),
    ("republica rwandesa", "RWA"),
    ("republica argelina democratica y popular", "DZA"),
    ("republica arabe de egipto", "EGY"),
    ("republica islamica de mauritania", "MRT"),
    ("reino hachemita de jordania", "JOR"),
    ("republica arabe siria", "SYR"),
    ("republique francaise", "FRA"),
    ("republica francesa", "FRA"),
    ("republique italienne", "ITA"),
    ("republica italiana", "ITA"),
    ("republique portugaise", "PRT"),
    ("republica portuguesa", "PRT"),
    ("republique hellenique", "GRC"),
    ("republica helenica", "GRC"),
    ("republique tcheque", "CZE"),
    ("republica checa", "CZE"),
    ("republique slovaque", "SVK"),
    ("republica eslovaca", "SVK"),
    ("republique argentine", "ARG"),
    ("republique federative du bresil", "BRA"),
    ("republica federativa del brasil", "BRA"),
    ("republique islamique d'iran", "IRN"),
    ("republica islamica del iran", "IRN"),
    ("republique islamique du pakistan", "PAK"),
    ("republica islamica del pakistan", "PAK"),
    ("republique socialiste du viet nam", "VNM"),
    ("republica socialista de viet nam", "VNM"),
    ("republique federale democratique d'ethiopie", "ETH"),
    ("republica democratica federal de etiopia", "ETH"),
    ("republique kirghize", "KGZ"),
    ("republica kirguisa", "KGZ"),
    ("republique cooperative du guyana", "GUY"),
    ("republica cooperativa de guyana", "GUY"),
    // the United Kingdom's long form, whose "Irlanda del Norte" is not Ireland
    ("reino unido de gran bretana e irlanda del norte", "GBR"),
    ("royaume-uni de grande-bretagne et d'irlande du nord", "GBR"),
    ("confederacion suiza", "CHE"),
    ("confederation suisse", "CHE"),
    // names of 1947 in the GATT's list of its first contracting parties
    ("united states of brazil", "BRA"),
    ("ceylon", "LKA"),
    // the Republic of China is Taiwan in treaty usage (the People's Republic
    // is named as such), and "Hong Kong, China" is Hong Kong alone
    ("republic of china", "TWN"),
    ("republic of china taiwan", "TWN"),
    ("republica de china", "TWN"),
    ("republica de china taiwan", "TWN"),
    ("republique de chine", "TWN"),
    ("republica popular china", "CHN"),
    ("republique populaire de chine", "CHN"),
    ("hong kong china", "HKG"),
    ("macao china", "MAC"),
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
    fn parties_are_named_as_treaties_name_them_never_turned_round_at_a_comma() {
        assert_eq!(party_name("VNM", "en").unwrap(), "Viet Nam");
        assert_eq!(party_name("KOR", "es").unwrap(), "República de Corea");
        assert_eq!(party_name("RUS", "fr").unwrap(), "Fédération de Russie");
        assert_eq!(party_name("MMR", "fr").unwrap(), "Myanmar");
        assert_eq!(party_name("PER", "es").unwrap(), "Perú");
        // every State of the UN list, in the three languages: no ISO form
        // turned round ("Corea, República de")
        for c in keshvar::CountryIterator::new() {
            let code = c.alpha3().to_string();
            if !c.un_member() && !UN_NAMES.iter().any(|(k, ..)| *k == code) {
                continue;
            }
            for lang in ["en", "es", "fr"] {
                let name = party_name(&code, lang).unwrap();
                assert!(!name.contains(", "), "{code} {lang}: {name}");
            }
        }
        // and each of these names is read as the Party
        for (code, en, es, fr) in UN_NAMES {
            for name in [en, es, fr] {
                assert_eq!(resolve(name).as_deref(), Ok(*code), "{name}");
            }
        }
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
    fn formal_names_with_an_adjective_in_french_and_spanish_titles() {
        for (title, want) in [
            (
                "ACCORD ENTRE LA RÉPUBLIQUE FRANÇAISE ET LA RÉPUBLIQUE DU SÉNÉGAL",
                ["FRA", "SEN"],
            ),
            (
                "ACUERDO ENTRE LA REPÚBLICA FRANCESA Y LA REPÚBLICA DEL PERÚ",
                ["FRA", "PER"],
            ),
            (
                "ACCORD ENTRE LA RÉPUBLIQUE ITALIENNE ET LE ROYAUME DU MAROC",
                ["ITA", "MAR"],
            ),
            (
                "ACUERDO ENTRE LA REPÚBLICA SOCIALISTA DE VIET NAM Y LA REPÚBLICA DE CHILE",
                ["VNM", "CHL"],
            ),
            // Northern Ireland in the United Kingdom's name is not Ireland,
            // in English either, after "the" (itself "the United Kingdom")
            (
                "AGREEMENT BETWEEN THE UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND AND THE REPUBLIC OF CHILE",
                ["GBR", "CHL"],
            ),
            (
                "ACUERDO ENTRE EL REINO UNIDO DE GRAN BRETAÑA E IRLANDA DEL NORTE Y LA REPÚBLICA ORIENTAL DEL URUGUAY",
                ["GBR", "URY"],
            ),
            (
                "ACCORD ENTRE LE ROYAUME-UNI DE GRANDE-BRETAGNE ET D'IRLANDE DU NORD ET LA RÉPUBLIQUE DU SÉNÉGAL",
                ["GBR", "SEN"],
            ),
        ] {
            assert_eq!(
                parties(&format!("{title}\n\nArticle 1\nTexte.\n")),
                want,
                "{title}"
            );
        }
    }

    #[test]
    fn a_long_list_of_parties_with_names_of_their_day() {
        // the GATT 1947's opening: each name whole, single-word names one
        // after another, the United Kingdom with Northern Ireland
        let gatt = "GENERAL AGREEMENT ON TARIFFS AND TRADE\n\nThe Governments of the Commonwealth of Australia, the Kingdom of Belgium, the United States of Brazil, Burma, Canada, Ceylon, the Republic of Chile, India, the United Kingdom of Great Britain and Northern Ireland, and the United States of America: Recognizing that trade should expand; Have through their Representatives agreed as follows:\n\nArticle I\nText.\n";
        assert_eq!(
            parties(gatt),
            ["AUS", "BEL", "BRA", "MMR", "CAN", "LKA", "CHL", "IND", "GBR", "USA"]
        );
    }

    #[test]
    fn parties_declared_one_by_one_in_the_preamble() {
        // the governments listed without "between" or "hereinafter"
        assert_eq!(
            parties("AGREEMENT\n\nPREAMBLE\nThe Government of Canada, the Government of the United Mexican States and the Government of the United States of America, resolved to:\n\nArticle 1\nText.\n"),
            ["CAN", "MEX", "USA"]
        );
        // closed by ("the Parties"), typographic quotes
        assert_eq!(
            parties("AGREEMENT\n\nThe Government of the United States and the Government of the Republic of Singapore (\u{201c}the Parties\u{201d}),\nRecognizing their friendship;\n\nArticle 1\nText.\n"),
            ["USA", "SGP"]
        );
        // one declaration per line, in French
        assert_eq!(
            parties("TRAITÉ\n\nLe Gouvernement de la République du Cameroun;\nLe Gouvernement de la République du Congo;\nConscients de la nécessité de coopérer,\n\nArticle premier\nTexte.\n"),
            ["CMR", "COG"]
        );
        // a plural list runs past the short names in brackets
        assert_eq!(
            parties("PROTOCOL\n\nPREAMBLE\nThe Governments of Brunei Darussalam, the Kingdom of Cambodia (Cambodia), the Republic of Indonesia (Indonesia), Malaysia, and Australia and New Zealand;\nRECALLING the Agreement;\n\nArticle 1\nText.\n"),
            ["BRN", "KHM", "IDN", "MYS", "AUS", "NZL"]
        );
        // each side declared with its own marker
        assert_eq!(
            parties("AGREEMENT\n\nPREAMBLE\nThe Republic of Colombia (hereinafter referred to as \"Colombia\") on one part, and the Kingdom of Norway and the Swiss Confederation (hereinafter referred to as \"the States\") on the other part,\n\nArticle 1\nText.\n"),
            ["COL", "NOR", "CHE"]
        );
    }

    #[test]
    fn french_and_spanish_country_names() {
        assert_eq!(
            parties("TRAITÉ\n\nLe Gouvernement de la République Centrafricaine;\nLe Gouvernement de la République du Tchad;\nLe Gouvernement de la République de Guinée Équatoriale;\nConscients de la nécessité de coopérer,\n\nArticle premier\nTexte.\n"),
            ["CAF", "TCD", "GNQ"]
        );
        // adjective forms keshvar lacks
        assert_eq!(
            parties("TRAITÉ\n\nLe Gouvernement de la République Gabonaise;\nLe Gouvernement de la République Togolaise;\n\nArticle premier\nTexte.\n"),
            ["GAB", "TGO"]
        );
        assert_eq!(
            parties("TRATADO\n\nLos Gobiernos de la República Argentina, de la República Federativa del Brasil y de los Estados Unidos Mexicanos:\n\nArtículo 1\nTexto.\n"),
            ["ARG", "BRA", "MEX"]
        );
    }

    #[test]
    fn hong_kong_and_taiwan_by_their_long_forms() {
        assert_eq!(
            parties("AGREEMENT\n\nPREAMBLE\nThe Governments of the Hong Kong Special Administrative Region of the People\u{2019}s Republic of China and the Republic of Chile, hereinafter the Parties:\n\nArticle 1\nText.\n"),
            ["HKG", "CHL"]
        );
        assert_eq!(
            parties("AGREEMENT\n\nPREAMBLE\nThe Government of the Republic of China and the Government of the Republic of Panama (\"the Parties\"),\n\nArticle 1\nText.\n"),
            ["TWN", "PAN"]
        );
    }

    #[test]
    fn a_title_lists_parties_past_its_commas() {
        // "las Repúblicas de El Salvador, Guatemala y Honduras"
        assert_eq!(
            parties("TRATADO DE LIBRE COMERCIO ENTRE LOS ESTADOS UNIDOS MEXICANOS Y LAS REPÚBLICAS DE EL SALVADOR, GUATEMALA Y HONDURAS\n\nArtículo 1\nTexto.\n"),
            ["MEX", "SLV", "GTM", "HND"]
        );
        // a PDF that ran the title into the next heading
        assert_eq!(
            parties("MEXICO - NORTHERN TRIANGLE\nTratado de Libre Comercio entre los Estados Unidos Mexicanos y las Repúblicas de El Salvador,\nGuatemala y HondurasPREAMBULO Los Estados Unidos Mexicanos, la República de El\nSalvador, la República de Guatemala y la República de Honduras. DECIDIDOS A: fortalecer.\n\nCAPÍTULO 1\nArtículo 1-01\nTexto.\n"),
            ["MEX", "SLV", "GTM", "HND"]
        );
        // a place is not a Party, and a list garbled by a heading run into
        // it is not read (the Parties come from elsewhere)
        assert_eq!(
            parties("AGREEMENT\n\nPREAMBLE\nJapan and the Republic of Chile, recalling the Framework between Japan and Chile signed in Santiago, Peru on 8 October 2003;\n\nArticle 1\nText.\n"),
            ["JPN", "CHL"]
        );
        assert_eq!(
            parties("FREE TRADE AGREEMENT BETWEEN UKRAINE, BELARUS, KAZAKHSTAN AND RUSSIAN FEDERATIONAGREEMENTon the Zone\n\nThe Government of Ukraine, the Government of the Republic of Belarus, the Government of the Republic of Kazakhstan and the Government of the Russian Federation, hereinafter the Parties:\n\nArticle 1\nText.\n"),
            ["UKR", "BLR", "KAZ", "RUS"]
        );
    }

    #[test]
    fn invented_or_missing_names_give_no_parties() {
        assert!(parties("AGREEMENT BETWEEN THE REPUBLIC OF ARCADIA AND THE KINGDOM OF BOREALIA\n\nArticle 1\nText.\n").is_empty());
        assert!(parties("Article 1\nThe Parties shall cooperate.\n").is_empty());
    }
}

/// A Party as the user names it (`--developing`): an ISO 3166 alpha-3 or
/// alpha-2 code (any case), `EU`, or a country name in English, Spanish or
/// French, as its alpha-3 code.
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
        3 => Alpha3::try_from(trimmed).ok().map(|a| a.to_country()),
        2 => Alpha2::try_from(trimmed).ok().map(|a| a.to_country()),
        _ => None,
    };
    if let Some(c) = by_code {
        return Ok(c.alpha3().to_string());
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
    let candidates = CountryIterator::new().flat_map(|c| {
        let code = c.alpha3().to_string();
        [
            (c.iso_short_name().to_string(), code.clone()),
            (code.clone(), code),
        ]
    });
    let (distance, name, code) = candidates
        .map(|(name, code)| {
            let d = strsim::levenshtein(folded, &fold_text(&name));
            (d, name, code)
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
