//! Which language a text is written in: one detector for the whole crate
//! (trigram profiles from the `whatlang` crate), run on a bounded sample so
//! that it costs the same for a two-page draft and a 2 MB agreement. Callers
//! skip it when the source's metadata gives the language.

use whatlang::{Detector, Lang};

/// The languages treatyscan analyses (ISO 639-1).
pub const ANALYSED: &[&str] = &["en", "es", "fr"];

/// How much of a text (bytes, from its start) the detector reads.
const SAMPLE_BYTES: usize = 12 * 1024;

/// Fewer letters than this and a text is not judged at all: a title page or a
/// two-line clause says too little to refuse it.
const MIN_LETTERS: usize = 200;

/// A language as detected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code where there is one ("nl"), else ISO 639-3 ("fil").
    pub code: &'static str,
    /// Its English name ("Dutch").
    pub name: &'static str,
    /// Its name in itself ("Nederlands"), for reports in other languages
    /// than English.
    pub native_name: &'static str,
    /// Whether the detector is sure (its own reliability test).
    pub reliable: bool,
}

impl Detected {
    /// English, Spanish or French.
    pub fn is_analysed(&self) -> bool {
        ANALYSED.contains(&self.code)
    }
}

/// The language of a text, from a sample of its start; `None` when the text
/// has too few letters to tell.
pub fn detect(text: &str) -> Option<Detected> {
    let sample = sample(text);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    identify(sample)
}

/// The language of a sample of any length, as the detector sees it (check
/// `reliable` before trusting a short one).
pub fn identify(text: &str) -> Option<Detected> {
    let info = whatlang::detect(sample(text))?;
    Some(Detected {
        code: iso639_1(info.lang()),
        name: info.lang().eng_name(),
        native_name: info.lang().name(),
        reliable: info.is_reliable(),
    })
}

/// A text in a language treatyscan does not analyse, when the detector is
/// sure of it; `None` for English, Spanish, French, and for short, mixed or
/// uncertain texts (those are analysed).
pub fn not_analysed(text: &str) -> Option<Detected> {
    let found = detect(text).filter(|d| d.reliable && !d.is_analysed())?;
    // a mixed text (a schedule naming entities in their own language with
    // English glosses; English with editorial notes in Dutch) is analysed when
    // enough of its lines are English, Spanish or French
    let mut letters_analysed = 0;
    let mut letters_all = 0;
    for line in sample(text).lines() {
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        if letters < LINE_LETTERS {
            continue;
        }
        letters_all += letters;
        let analysed =
            whatlang::detect(line).is_some_and(|i| ANALYSED.contains(&iso639_1(i.lang())));
        if analysed {
            letters_analysed += letters;
        }
    }
    let mixed = letters_analysed * 100 >= letters_all * MIXED_PERCENT;
    (!mixed).then_some(found)
}

/// Why an agreement is not analysed, when its language is one the rules are
/// not written for (and its metadata gives none): "language nl (Dutch) is not
/// analysed; treatyscan reads English, Spanish and French". What `check` and
/// `corpus` both say of such a file (after its name).
pub fn refusal(metadata_language: Option<&str>, text: &str) -> Option<String> {
    let lang = refused_language(metadata_language, text)?;
    Some(format!(
        "language {} ({}) is not analysed; treatyscan reads English, Spanish and French",
        lang.code, lang.name
    ))
}

/// The language `refusal` refuses a text for, for a report to word the
/// refusal in its own language.
pub fn refused_language(metadata_language: Option<&str>, text: &str) -> Option<Detected> {
    if metadata_language.is_some() {
        return None;
    }
    not_analysed(text)
}

/// Lines with fewer letters than this are not judged one by one.
const LINE_LETTERS: usize = 20;

/// The share of a sample's letters, in lines read as English, Spanish or
/// French, from which a text counts as mixed rather than foreign.
const MIXED_PERCENT: usize = 15;

/// The likeliest of English, Spanish and French ("en" when the text says too
/// little): the language suggested clauses are written in.
pub fn analysed_language(text: &str) -> &'static str {
    analysed_or_none(text).unwrap_or("en")
}

/// The likeliest of English, Spanish and French, or `None` for a text too
/// short to tell.
pub fn analysed_or_none(text: &str) -> Option<&'static str> {
    let detector = Detector::with_allowlist(vec![Lang::Eng, Lang::Spa, Lang::Fra]);
    let sample = sample(text);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    detector.detect_lang(sample).map(iso639_1)
}

fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 for the languages that have a two-letter code and that
/// agreements are written in; the detector's ISO 639-3 code otherwise.
fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Nld => "nl",
        Lang::Deu => "de",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Ara => "ar",
        Lang::Pol => "pl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Fin => "fi",
        Lang::Ces => "cs",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Tur => "tr",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Ukr => "uk",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Cat => "ca",
        Lang::Tha => "th",
        Lang::Heb => "he",
        Lang::Hin => "hi",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NL: &str = "De partijen heffen geen douanerechten op elektronische transmissies tussen een persoon van de ene partij en een persoon van de andere partij. Deze afdeling is van toepassing op maatregelen van de partijen die van invloed zijn op de grensoverschrijdende dienstverlening in alle dienstensectoren, met uitzondering van audiovisuele diensten en nationale cabotage in het zeevervoer.";
    const EN: &str = "No Party shall impose customs duties on electronic transmissions between a person of one Party and a person of the other Party. This Chapter applies to measures of the Parties affecting the cross-border supply of all services sectors with the exception of audio-visual services and national maritime cabotage.";
    const ES: &str = "Ninguna Parte impondrá derechos aduaneros a las transmisiones electrónicas entre una persona de una Parte y una persona de la otra Parte. Este Capítulo se aplica a las medidas de las Partes que afecten al suministro transfronterizo de servicios, con excepción de los servicios audiovisuales.";
    const FR: &str = "Aucune Partie n'impose de droits de douane sur les transmissions électroniques entre une personne d'une Partie et une personne de l'autre Partie. Le présent chapitre s'applique aux mesures des Parties qui affectent la fourniture transfrontière de services, à l'exception des services audiovisuels.";

    #[test]
    fn tells_the_three_analysed_languages_and_others() {
        for (text, code) in [(EN, "en"), (ES, "es"), (FR, "fr"), (NL, "nl")] {
            let d = detect(text).expect("long enough");
            assert_eq!(d.code, code, "{text}");
        }
        assert_eq!(
            not_analysed(NL).map(|d| (d.code, d.name)),
            Some(("nl", "Dutch"))
        );
        for text in [EN, ES, FR] {
            assert_eq!(not_analysed(text), None);
            assert_eq!(analysed_language(text), detect(text).unwrap().code);
        }
    }

    #[test]
    fn short_texts_are_not_refused() {
        assert_eq!(not_analysed("Artikel 7.4 Toepassingsgebied"), None);
        assert_eq!(analysed_language("x"), "en");
    }
}
