//! When an agreement was signed, read from its closing formula when no
//! metadata says so: "Done at Brussels on 30 June 2019", "DONE at Cha-am …
//! this Twenty-Seventh Day of February in the Year Two Thousand and Nine",
//! "Hecho en Bruselas, el seis de octubre de dos mil diez", "Fait à
//! N'Djaména, le 16 Mars 1994".
//!
//! Only a formula that opens a line with a capital ("Done at", "DONE in",
//! "Hecho en", "Fait à") counts: the same words in lower case cite another treaty ("the
//! Paris Convention, done at Paris on 20 March 1883") and may open a line
//! only because the text was wrapped there. The first such formula is the
//! agreement's own (protocols and letters after it close with theirs).

use regex::Regex;
use std::sync::LazyLock;

/// The signature date the closing formula of `text` gives (or, when there is
/// none, its witness clause: "En foi de quoi, … le 29 janvier 2003"), as `YYYY-MM-DD`
/// (`YYYY-MM` when the day is not read, `YYYY` when the formula gives only
/// the year: "DONE at , this day of 2014"); `None`
/// when the text has no closing formula with a date (a chapter, a draft with
/// "[date]") or the date is not one this reader knows how to spell.
pub fn signed_date(text: &str) -> Option<String> {
    match OPENING.find(text) {
        Some(at) => date_after(text, at.end()),
        None => WITNESS
            .find(text)
            .and_then(|witness| date_after(text, witness.end())),
    }
    .or_else(|| dated_by_clause(text))
}

/// The date an article gives the agreement when no formula dates it: "The
/// date of this Agreement shall be 30 October 1947" (the GATT 1947, whose
/// text ends on its annexes and schedules), "La fecha del presente Acuerdo
/// será …", "La date du présent Accord est …".
fn dated_by_clause(text: &str) -> Option<String> {
    // spelled out in Spanish or French too ("el 30 de octubre de 1947")
    full_date(&text[DATE_CLAUSE.find(text)?.end()..], 2 * DATE_CHARS)
}

static DATE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bthe\s+date\s+of\s+this\s+agreement\s+shall\s+be\b|\bla\s+fecha\s+(?:de\s+este|del\s+presente)\s+(?:acuerdo|tratado)\s+ser[áa]\b|\bla\s+date\s+du\s+pr[ée]sent\s+(?:accord|trait[ée])\s+(?:est|sera)\b",
    )
    .expect("date clause")
});

/// The date the agreement says it enters into force on, when it names one
/// ("This Agreement shall enter into force on 1 July 2009", "entrará en
/// vigor el 1 de enero de 2005", "entre en vigueur le 1er mars 2010"), as
/// `signed_date` gives dates. It comes after the signature: a text whose
/// signing date is lost (signature pages printed as images, as in the
/// AANZFTA PDF) was signed before it.
pub fn entry_into_force_date(text: &str) -> Option<String> {
    ENTRY_INTO_FORCE
        .find_iter(text)
        .find_map(|m| full_date(&text[m.end()..], DATE_CHARS))
}

/// The full date, with its day ("1 July 2009", not "in 2009"), in the first
/// `chars` characters of `text` and before a sentence ends there: the date
/// a phrase gives, not a later one.
fn full_date(text: &str, chars: usize) -> Option<String> {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    let text = &text[..end];
    let text = text.split_once(['.', ';']).map_or(text, |(date, _)| date);
    let date = read_date(&crate::text::fold_text(text))?;
    (date.len() == 10).then_some(date)
}

/// "enter into force on", "entrará en vigor el", "entrera en vigueur le",
/// across a line break.
static ENTRY_INTO_FORCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\benter\s+into\s+force\s+on\b|\bentrar[áa]\s+en\s+vigor\s+el\b|\bentrera\s+en\s+vigueur\s+le\b")
        .expect("entry into force")
});

/// How far after "enter into force on" the date is looked for: the date
/// itself, not a later one in the same sentence.
const DATE_CHARS: usize = 24;

/// Whether `text` closes as a signed agreement does: a "Done at" formula or
/// a witness clause ("IN WITNESS WHEREOF", "En foi de quoi"), dated or not.
/// A draft or a chapter published alone has neither.
pub fn has_closing_formula(text: &str) -> bool {
    OPENING.is_match(text) || WITNESS.is_match(text)
}

/// Words of an agreement's final provisions on its entry into force, dated
/// or not ("This Agreement shall enter into force …", "El presente Acuerdo
/// entrará en vigor", "Le présent accord entre en vigueur"), which every
/// whole agreement provides for (`ENTRY_INTO_FORCE` is the dated form),
/// across a line break as a PDF or a wrapped text sets them.
static ENTRY_INTO_FORCE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:enter(?:s|ed)?\s+into\s+force|entry\s+into\s+force|entrar[aá]n?\s+en\s+vigor|entrada\s+en\s+vigor|entr(?:e|ent|era|eront)\s+en\s+vigueur|entr[ée]e\s+en\s+vigueur)\b",
    )
    .expect("entry into force words")
});

/// Whether `text` holds an agreement's final provisions: a closing formula
/// (`has_closing_formula`) or words on its entry into force. A text without
/// them is a draft whose final clauses are not written yet, or the opening
/// part of an agreement published without the rest.
pub fn has_final_provisions(text: &str) -> bool {
    has_closing_formula(text) || ENTRY_INTO_FORCE_WORDS.is_match(text)
}

/// The opening of a "Done at" formula ("Done at Hanoi", "Hecho en", "Fait à").
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:Done|DONE|Hecho|HECHO|Fait|FAIT)\b[^\n]{0,20}?\b(?:at|AT|in|IN|en|EN|à|À|a)\b").expect("opening")
});

/// The witness clause, when it carries the date itself ("En foi de quoi, …
/// ont apposé leur signature au bas du présent Traité, le 29 janvier 2003"):
/// read only when no "Done at" formula is found.
static WITNESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:IN WITNESS WHEREOF|In witness whereof|EN FOI DE QUOI|En foi de quoi|EN FE DE LO CUAL|En fe de lo cual)\b").expect("witness")
});

/// The date of the formula that starts at byte `from`. The formula runs on a
/// line or two ("Done at Hanoi, this thirtieth day of June in the year two
/// thousand and nineteen, in duplicate"); a blank line ends it (a signature
/// block or an annex follows).
fn date_after(text: &str, from: usize) -> Option<String> {
    let rest = &text[from..];
    let end = rest
        .char_indices()
        .nth(FORMULA_CHARS)
        .map_or(rest.len(), |(i, _)| i);
    let rest = &rest[..end];
    let rest = match BLANK_LINE.find(rest) {
        Some(blank) => &rest[..blank.start()],
        None => rest,
    };
    let formula = crate::text::fold_text(rest);
    read_date(&formula)
}

/// How far after "Done at" the date is looked for.
const FORMULA_CHARS: usize = 200;

static BLANK_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\n[ \t]*\n").expect("blank line"));

/// A date in folded (lowercase, unaccented) text: "30 june 2019",
/// "june 30, 2019", "the sixth day of october in the year two thousand and
/// ten", "el seis de octubre de dos mil diez", "le 16 mars 1994".
fn read_date(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(month_at) = words.iter().position(|w| month(w).is_some()) else {
        // a formula whose day and month were left blank for the signing
        // ("DONE at , this day of 2014") still gives its year
        return words
            .iter()
            .find_map(|w| figure_year(w))
            .map(|y| format!("{y:04}"));
    };
    let month_number = month(words[month_at])?;
    // the year: the first number after the month, in figures or in words
    let after = &words[month_at + 1..];
    // a Thai formula gives the Buddhist Era year first ("in the two thousand
    // five hundred and thirty fourth year of the Buddhist Era, corresponding
    // to the one thousand nine hundred ninety one"): the year after it counts
    let buddhist = after.iter().take(16).position(|w| *w == "buddhist");
    let (year, year_start) = after
        .iter()
        .enumerate()
        .take(24)
        .skip(buddhist.map_or(0, |b| b + 1))
        .take(8)
        .find_map(|(i, w)| {
            figure_year(w)
                .or_else(|| year_in_words(&after[i..]))
                .map(|y| (y, i))
        })?;
    // the day: just before the month ("30 june", "sixth day of october",
    // "el seis de octubre"), or just after it ("june 30, 2019")
    let before = &words[..month_at];
    let day = (month_at.saturating_sub(4)..month_at)
        .rev()
        .find_map(|k| {
            let d = day(before[k])?;
            // "twenty eighth", "treinta y uno", "vingt et un"
            // "twenty- fourth": a hyphen left where a line was wrapped
            let tens =
                |w: &str| number_word(w.trim_end_matches('-')).filter(|t| *t == 20 || *t == 30);
            let joined = match before.get(k.saturating_sub(2)..k) {
                Some([t, and]) if ["y", "et"].contains(and) => tens(t),
                _ => k.checked_sub(1).and_then(|j| tens(before[j])),
            };
            Some(match joined {
                Some(t) if d < 10 => t + d,
                _ => d,
            })
        })
        .or_else(|| after[..year_start].iter().take(3).find_map(|w| day(w)));
    Some(match day {
        Some(d) => format!("{year:04}-{month_number:02}-{d:02}"),
        None => format!("{year:04}-{month_number:02}"),
    })
}

fn month(word: &str) -> Option<u32> {
    const MONTHS: [[&str; 3]; 12] = [
        ["january", "enero", "janvier"],
        ["february", "febrero", "fevrier"],
        ["march", "marzo", "mars"],
        ["april", "abril", "avril"],
        ["may", "mayo", "mai"],
        ["june", "junio", "juin"],
        ["july", "julio", "juillet"],
        ["august", "agosto", "aout"],
        ["september", "septiembre", "septembre"],
        ["october", "octubre", "octobre"],
        ["november", "noviembre", "novembre"],
        ["december", "diciembre", "decembre"],
    ];
    // "setiembre" is how several Latin American texts spell it
    if word == "setiembre" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

/// A year in figures, 1900 to 2099.
fn figure_year(word: &str) -> Option<u32> {
    let y: u32 = word.parse().ok()?;
    (word.len() == 4 && (1900..2100).contains(&y)).then_some(y)
}

/// A day of the month in figures ("30", "1st", "1er") or in words, cardinal
/// or ordinal ("sixth", "twenty-seventh", "seis", "veintinueve", "premier").
fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.len() <= 2 {
        if let Ok(d) = digits.parse::<u32>() {
            let suffix = &word[digits.len()..];
            if (1..=31).contains(&d) && ["", "st", "nd", "rd", "th", "er", "o"].contains(&suffix) {
                return Some(d);
            }
        }
    }
    number_word(word).filter(|d| (1..=31).contains(d))
}

/// Number words by language: English cardinal and ordinal, Spanish, French
/// cardinal and ordinal (`UNITS`); English cardinal and ordinal, Spanish,
/// French (`TEENS`); the tens, English, Spanish, French (`TENS`).
const UNITS: [[&str; 5]; 10] = [
    ["", "", "", "", ""],
    ["one", "first", "uno", "un", "premier"],
    ["two", "second", "dos", "deux", "deuxieme"],
    ["three", "third", "tres", "trois", "troisieme"],
    ["four", "fourth", "cuatro", "quatre", "quatrieme"],
    ["five", "fifth", "cinco", "cinq", "cinquieme"],
    ["six", "sixth", "seis", "six", "sixieme"],
    ["seven", "seventh", "siete", "sept", "septieme"],
    ["eight", "eighth", "ocho", "huit", "huitieme"],
    ["nine", "ninth", "nueve", "neuf", "neuvieme"],
];
const TEENS: [[&str; 4]; 10] = [
    ["ten", "tenth", "diez", "dix"],
    ["eleven", "eleventh", "once", "onze"],
    ["twelve", "twelfth", "doce", "douze"],
    ["thirteen", "thirteenth", "trece", "treize"],
    ["fourteen", "fourteenth", "catorce", "quatorze"],
    ["fifteen", "fifteenth", "quince", "quinze"],
    ["sixteen", "sixteenth", "dieciseis", "seize"],
    ["seventeen", "seventeenth", "diecisiete", "dix-sept"],
    ["eighteen", "eighteenth", "dieciocho", "dix-huit"],
    ["nineteen", "nineteenth", "diecinueve", "dix-neuf"],
];
// Spanish ordinals ("el primero de julio", "Artículo primero") and the
// feminine forms of the first
const ORDINALS_ES: [&str; 10] = [
    "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "septimo", "octavo", "noveno",
    "decimo",
];
const TENS: [(u32, [&str; 3]); 2] = [
    (20, ["twenty", "veinte", "vingt"]),
    (30, ["thirty", "treinta", "trente"]),
];

/// Whether `word` (folded: "dix-sept", "twenty-one", "veintiuno") is written
/// in the language whose code is `code` ("en", "es", "fr"): each of its parts
/// is one of that language's number words that `number_word` reads.
pub fn number_words_of(word: &str, code: &str) -> bool {
    let (units, teens, tens, joiner): (&[usize], usize, usize, &str) = match code {
        "en" => (&[0, 1], 0, 0, "and"),
        "es" => (&[2], 2, 1, "y"),
        "fr" => (&[3, 4], 3, 2, "et"),
        _ => return false,
    };
    let known = |part: &str| {
        part == joiner
            || UNITS
                .iter()
                .skip(1)
                .any(|n| units.iter().any(|&c| n[c] == part))
            || TEENS
                .iter()
                .any(|n| n[teens] == part || (code == "en" && n[1] == part))
            || TENS.iter().any(|(_, names)| names[tens] == part)
            || match code {
                "es" => {
                    ORDINALS_ES.contains(&part) || part == "primera" || part.starts_with("veinti")
                }
                "fr" => part == "premiere",
                _ => ["twentieth", "thirtieth"].contains(&part),
            }
    };
    // a French teen is one word with a hyphen ("dix-sept"): whole first
    word.split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| known(w) || w.split('-').filter(|p| !p.is_empty()).all(known))
}

/// One word of a number, English, Spanish or French, cardinal or ordinal,
/// up to thirty-one: what days and the ends of years are written with.
fn number_word(word: &str) -> Option<u32> {
    if let Some(u) = UNITS.iter().skip(1).position(|n| n.contains(&word)) {
        return Some(u as u32 + 1);
    }
    if let Some(t) = TEENS.iter().position(|n| n.contains(&word)) {
        return Some(t as u32 + 10);
    }
    if let Some(o) = ORDINALS_ES.iter().position(|n| *n == word) {
        return Some(o as u32 + 1);
    }
    if ["primera", "premiere"].contains(&word) {
        return Some(1);
    }
    // twenty, thirty and what follows them
    for (tens, names) in TENS {
        if names.contains(&word)
            || (tens == 20 && word == "twentieth")
            || (tens == 30 && word == "thirtieth")
        {
            return Some(tens);
        }
        for name in [names[0], names[2]] {
            if let Some(rest) = word
                .strip_prefix(name)
                .map(|r| r.trim_start_matches(['-', ' ']))
            {
                let rest = rest.strip_prefix("et-").unwrap_or(rest);
                if let Some(u) = UNITS.iter().skip(1).position(|n| n.contains(&rest)) {
                    return Some(tens + u as u32 + 1);
                }
            }
        }
    }
    // Spanish writes 21 to 29 as one word: veintiuno, veintinueve
    if let Some(rest) = word.strip_prefix("veinti") {
        let rest = match rest {
            "un" | "uno" | "primero" => "uno",
            "dos" => "dos",
            "tres" => "tres",
            "seis" => "seis",
            r => r,
        };
        if let Some(u) = UNITS.iter().skip(1).position(|n| n[2] == rest) {
            return Some(20 + u as u32 + 1);
        }
    }
    if word == "treintaiuno" {
        return Some(31);
    }
    None
}

/// A year in words at the start of `words`: "two thousand and ten", "dos mil
/// diez", "deux mille dix", "nineteen hundred and ninety-four".
fn year_in_words(words: &[&str]) -> Option<u32> {
    let (base, mut i) = match words {
        [w, t, ..]
            if ["two", "dos", "deux"].contains(w) && ["thousand", "mil", "mille"].contains(t) =>
        {
            (2000, 2)
        }
        // "dosmil", and the "dosmile ocho" of a published text
        [w, ..] if w.starts_with("dosmil") => (2000, 1),
        [w, t, ..]
            if ["nineteen", "mil", "mille"].contains(w)
                && ["hundred", "novecientos", "neuf-cent", "neuf-cents"].contains(t) =>
        {
            (1900, 2)
        }
        // "mil neuf cent", "mille neuf cents"
        [w, n, h, ..]
            if ["mil", "mille"].contains(w) && *n == "neuf" && ["cent", "cents"].contains(h) =>
        {
            (1900, 3)
        }
        // "one thousand nine hundred and …"
        [w, t, n, h, ..]
            if ["one", "un"].contains(w)
                && ["thousand", "mille"].contains(t)
                && ["nine", "neuf"].contains(n)
                && ["hundred", "cent", "cents"].contains(h) =>
        {
            (1900, 4)
        }
        _ => return None,
    };
    if words.get(i).is_some_and(|w| ["and", "y", "et"].contains(w)) {
        i += 1;
    }
    // the rest: up to three words ("ninety-four", "noventa y cuatro")
    let rest = words
        .get(i)
        .and_then(|w| tens_and_units(w, words.get(i + 1..(i + 3).min(words.len()))));
    // "one thousand nine hundred" alone is a formula this reader lost the
    // end of ("nineteen hundred" then a blank line, then "and seventy-five")
    match rest {
        Some(n) => Some(base + n),
        None if base == 2000 => Some(base),
        None => None,
    }
}

/// A number written in words, English, Spanish or French, folded, up to 99:
/// "twenty-one", "premier", "decimo", "quatre-vingt-dix" (`tens_and_units`
/// on one word). Heading numbers are read with it too (`paths::number_key`).
pub(super) fn number_in_words(word: &str) -> Option<u32> {
    tens_and_units(word, None)
}

/// The part of a year after its thousands or hundreds: one word up to
/// thirty-one, or the tens ("ninety", "noventa", "quatre-vingt-dix") with
/// their units ("ninety-four", "noventa y cuatro"); `next` are the two words
/// after `word`.
fn tens_and_units(word: &str, next: Option<&[&str]>) -> Option<u32> {
    if let Some(n) = number_word(word) {
        return Some(n);
    }
    const TENS: [(u32, &[&str]); 6] = [
        (40, &["forty", "cuarenta", "quarante"]),
        (50, &["fifty", "cincuenta", "cinquante"]),
        (60, &["sixty", "sesenta", "soixante"]),
        (70, &["seventy", "setenta", "soixante-dix"]),
        (80, &["eighty", "ochenta", "quatre-vingt", "quatre-vingts"]),
        (90, &["ninety", "noventa", "quatre-vingt-dix"]),
    ];
    // French counts 70 to 79 and 90 to 99 on from sixty and eighty:
    // "soixante-quinze", "quatre-vingt-dix-huit", "soixante et onze"
    let below = |tens: u32| if tens == 60 || tens == 80 { 20 } else { 10 };
    for (tens, names) in TENS {
        if names.contains(&word) {
            match next {
                // "noventa y cuatro", "soixante et onze"
                Some([and, u]) if ["y", "et"].contains(and) => {
                    if let Some(n) = number_word(u).filter(|n| *n < below(tens)) {
                        return Some(tens + n);
                    }
                }
                // "ninety three"
                Some([u, ..]) => {
                    if let Some(n) = number_word(u).filter(|n| *n < 10) {
                        return Some(tens + n);
                    }
                }
                _ => {}
            }
            return Some(tens);
        }
        for name in names {
            if let Some(rest) = word.strip_prefix(name).and_then(|r| r.strip_prefix('-')) {
                let rest = rest.strip_prefix("et-").unwrap_or(rest);
                if let Some(n) = number_word(rest).filter(|n| *n < below(tens)) {
                    return Some(tens + n);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_of_entry_into_force_is_read_when_the_text_names_one() {
        let text = "Paragraph 1 shall enter into force on a date agreed to by the\nParties.\nThis Agreement shall enter into\nforce on 1 July 2009 for any Party";

        assert_eq!(entry_into_force_date(text).as_deref(), Some("2009-07-01"));
        assert_eq!(
            entry_into_force_date("El presente Acuerdo entrará en vigor el 1 de enero de 2005.")
                .as_deref(),
            Some("2005-01-01")
        );
        // a year alone is no date; nor a date later in the sentence
        assert_eq!(entry_into_force_date("shall enter into force on the date on which the last notification is received, and in any case not before 1 July 2009"), None);
    }

    #[test]
    fn closing_formulas_in_figures_and_in_words() {
        for (text, want) in [
            ("Article 30\n\nDone at Washington, D.C., in duplicate, this 18th day of May 2004.", "2004-05-18"),
            ("Done at Washington, in duplicate, this sixth day of May, 2003.", "2003-05-06"),
            ("Done at Brussels on the sixth day of October in the year two thousand and ten.", "2010-10-06"),
            ("DONE at Cha-am, Phetchaburi, Thailand, this Twenty-Seventh Day of February in the Year Two Thousand and Nine", "2009-02-27"),
            ("Hecho en Bruselas, el seis de octubre de dos mil diez.", "2010-10-06"),
            ("Hecho en la Ciudad de México, el veintinueve de junio de dos mil, en cuatro ejemplares", "2000-06-29"),
            ("Hecho en Bridgetown, Barbados, el quince de octubre de dosmile ocho.", "2008-10-15"),
            ("Fait à N'Djaména, le 16 Mars 1994", "1994-03-16"),
            ("En foi de quoi, les Chefs d'Etat ont apposé leur signature au bas du présent Traité, le 29 janvier 2003.", "2003-01-29"),
            ("Fait à Bruxelles, le premier juillet deux mille onze.", "2011-07-01"),
            ("Done at Ottawa, on June 26, 2008", "2008-06-26"),
            ("DONE in Santiago, on the 5th day of December, one thousand nine hundred ninety six, in", "1996-12-05"),
            ("Done at Geneva on 15 April 1994, in a single copy", "1994-04-15"),
            ("Done at Marrakesh, this fifteenth day of April nineteen hundred and ninety-four", "1994-04-15"),
            ("Hecho en Lima, el treinta y uno de marzo de mil novecientos noventa y nueve", "1999-03-31"),
            ("Done at Canberra, in the month of March two thousand and twenty", "2020-03"),
            ("Fait à Paris, le vingt et un mai deux mille vingt-trois", "2023-05-21"),
            ("Done at DHAKA this ELEVENTH day of APRIL One Thousand Nine Hundred Ninety Three", "1993-04-11"),
            ("Done in two originals at New Delhi on the Twenty Eighth Day of July Two Thousand Six", "2006-07-28"),
            ("DONE at Islamabad, in duplicate, the twenty- fourth day of November two thousand and six.", "2006-11-24"),
            ("DONE at Vladivostok, Russian Federation, in duplicate, this September 7th 2012, in the English language.", "2012-09-07"),
            ("Fait à Bruxelles, le vingt-huit avril mil neuf cent soixante-quinze.", "1975-04-28"),
            ("Fait à Lomé, le 28 février mille neuf cent quatre-vingt-dix-huit", "1998-02-28"),
            ("Done at Bangkok this twentieth day of June in the Two thousand Five hundred and thirty fourth year of the Buddhist Era, (corresponding to the One thousand Nine hundred and ninety-one)", "1991-06-20"),
        ] {
            assert_eq!(signed_date(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn an_article_that_dates_the_agreement_dates_it() {
        assert_eq!(
            signed_date("Article XXVI\n1. The date of this Agreement shall be 30 October 1947.\n2. Acceptance.\n").as_deref(),
            Some("1947-10-30")
        );
        assert_eq!(
            signed_date("1. La fecha del presente Acuerdo será el 30 de octubre de 1947.\n")
                .as_deref(),
            Some("1947-10-30")
        );
        assert_eq!(
            signed_date("1. La date du présent Accord est le 30 octobre 1947.\n").as_deref(),
            Some("1947-10-30")
        );
        // a formula's date wins; a clause with no full date gives none
        assert_eq!(
            signed_date("The date of this Agreement shall be 1 May 2001.\n\nDone at Geneva on 2 June 2002.\n").as_deref(),
            Some("2002-06-02")
        );
        assert_eq!(
            signed_date("The date of this Agreement shall be [date].\n"),
            None
        );
    }

    #[test]
    fn citations_drafts_and_chapters_give_no_date() {
        for text in [
            // a treaty cited, its line opening only because the text was wrapped
            "the Customs Co-operation Council,\n       done at Brussels on 14 June 1983, as may be amended,",
            "Article 5\n\nThe Berne Convention, done at Paris on 24 July 1971, applies.",
            // a draft: the date is left open
            "Done at Geneva this [date], in a single copy in the English, French, and Spanish languages",
            "Chapter 8\n\nArticle 8.1 Objective\n\nThe Parties shall cooperate.",
            // the year's end lost to a page break: "1900" would be wrong
            "Done at Brussels on the twenty-eighth day of April in the year one thousand nine hundred \n\n\nand seventy-five.",
        ] {
            assert_eq!(signed_date(text), None, "{text}");
        }
    }

    #[test]
    fn final_provisions_are_found_across_a_line_break() {
        for text in [
            "This Agreement shall enter into\nforce on the first day of the second month.",
            "El presente Acuerdo entrará en\nvigor sesenta días después.",
            "Le présent accord entre en\nvigueur à la date de sa signature.",
            "Done at Lima, on 1 March 2010.",
        ] {
            assert!(has_final_provisions(text), "{text}");
        }
        assert!(!has_final_provisions(
            "Article 1.1\nThe Parties establish a free trade area."
        ));
    }

    #[test]
    fn a_formula_left_blank_but_for_its_year_gives_the_year() {
        for (text, year) in [
            ("DONE at , this day of 2014, in duplicate.", "2014"),
            ("Hecho en , el día de de 2016, en dos ejemplares.", "2016"),
            ("Fait à , le 2019, en deux exemplaires.", "2019"),
        ] {
            assert_eq!(signed_date(text).as_deref(), Some(year), "{text}");
        }
        // and a year given after a blank line is none of the formula's
        assert_eq!(
            signed_date("Done at Geneva this [date].\n\nAnnex 2014"),
            None
        );
    }

    #[test]
    fn a_witness_clause_dates_the_text_only_without_a_done_at_formula() {
        let text = "IN WITNESS WHEREOF, the undersigned have signed this Agreement on 3 March 2001.\n\nDone at Lima, on 1 March 2010.";
        assert_eq!(signed_date(text).as_deref(), Some("2010-03-01"));
        // most witness clauses carry no date: nothing after the blank line lends one
        let text = "IN WITNESS WHEREOF, the undersigned have signed this Agreement.\n\nANNEX 1\n\nAdopted on 12 May 2020";
        assert_eq!(signed_date(text), None);
    }

    #[test]
    fn the_agreement_s_own_formula_wins_and_ends_at_a_blank_line() {
        let text = "Done at Lima, on 1 March 2010.\n\nPROTOCOL\n\nDone at Lima, on 2 April 2012.";
        assert_eq!(signed_date(text).as_deref(), Some("2010-03-01"));
        // no date in the formula: the annex after it does not lend it one
        let text = "Done at Geneva this [date].\n\nANNEX 1\n\nAdopted on 12 May 2020";
        assert_eq!(signed_date(text), None);
    }
}
