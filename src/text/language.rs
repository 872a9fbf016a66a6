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
    (!mixed(text, true)).then_some(found)
}

/// Bytes in each stretch of a long text that [`foreign_part`] reads.
const STRETCH_BYTES: usize = 2048;

/// Stretches [`foreign_part`] reads, at most, spread over the whole text.
const STRETCHES: usize = 32;

/// A text shorter than this is judged whole (see [`not_analysed`]).
const FOREIGN_PART_MIN_BYTES: usize = 16 * 1024;

/// Where a long text that is mostly English, Spanish or French goes on in a
/// language treatyscan does not analyse (an agreement followed by its Dutch
/// translation, as a treaty database prints them): the language and the
/// byte offset of the first such stretch, when at least a fifth of the
/// stretches read (and two at least) are in it, the detector sure of each.
/// `None` for a text judged whole: shorter than 16 KB, or foreign from the
/// start (`not_analysed` says so).
pub fn foreign_part(text: &str) -> Option<(Detected, usize)> {
    if text.len() < FOREIGN_PART_MIN_BYTES {
        return None;
    }
    let count = (text.len() / STRETCH_BYTES).clamp(2, STRETCHES);
    let mut foreign: Vec<(Detected, usize)> = Vec::new();
    for k in 0..count {
        let mut start = text.len() * k / count;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let rest = &text[start..];
        let stretch = &rest[..floor_boundary(rest, STRETCH_BYTES)];
        // a stretch of names with English glosses (a schedule's entities)
        // is mixed, as a whole text of them is (see `not_analysed`)
        let found = identify(stretch).filter(|d| d.reliable && !d.is_analysed());
        if let Some(d) = found.filter(|_| !mixed(stretch, false)) {
            foreign.push((d, start));
        }
    }
    let first = *foreign.first()?;
    let same = foreign
        .iter()
        .filter(|(d, _)| d.code == first.0.code)
        .count();
    (same >= 2 && same * 5 >= count).then_some(first)
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut end = at.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Whether enough of a sample's letters are in lines read as English,
/// Spanish or French for it to count as mixed rather than foreign. With no
/// line long enough to judge, `judged_none` is the answer.
fn mixed(text: &str, judged_none: bool) -> bool {
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
    if letters_all == 0 {
        return judged_none;
    }
    letters_analysed * 100 >= letters_all * MIXED_PERCENT
}

/// Why a text is not analysed: what `check` and `corpus` say of it instead
/// of giving it findings and gaps that would be wrong.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Refused {
    /// Written in a language the rules are not written for (the detector
    /// is sure of it).
    Language(Detected),
    /// Most of its letters are in a script other than Latin (Cyrillic,
    /// Arabic, Han…): whatever its language, not English, Spanish or French.
    /// Said even of a short text, which the language detector leaves alone.
    /// The script's name in English ("Cyrillic", "Chinese", "Japanese").
    Script(&'static str),
    /// Its letters are mostly accented Latin letters with few plain ones
    /// ("Ä¿¡ ¹ØÓ Úº"): the bytes of another encoding read as Latin-1, as
    /// from a PDF font with no Unicode map. Nothing in it can be read.
    Garbled,
}

/// Why a text is refused, when it is; never when the source gives its
/// language (`metadata_language`: ToTA's metadata), which is then analysed.
pub fn refused(metadata_language: Option<&str>, text: &str) -> Option<Refused> {
    if metadata_language.is_some() {
        return None;
    }
    if let Some(lang) = not_analysed(text) {
        return Some(Refused::Language(lang));
    }
    let sample = sample(text);
    let script = whatlang::detect_script(sample)?;
    if script != whatlang::Script::Latin {
        // Japanese writes most words in Han characters, its kana between them
        let kana = |c: char| ('\u{3040}'..='\u{30ff}').contains(&c);
        let name = if script == whatlang::Script::Mandarin && sample.chars().any(kana) {
            "Japanese"
        } else {
            script_name(script)
        };
        return (!mixed(sample, false)).then_some(Refused::Script(name));
    }
    garbled(sample).then_some(Refused::Garbled)
}

/// The scripts of the languages agreements are written in, with the name
/// `Refused::Script` carries for each (any other script is "non-Latin").
/// Reports word each name in their language (`error-script` in
/// `locales/*/treatyscan.ftl`).
pub const SCRIPTS: &[(whatlang::Script, &str)] = {
    use whatlang::Script as S;
    &[
        (S::Mandarin, "Chinese"),
        (S::Hiragana, "Japanese"),
        (S::Katakana, "Japanese"),
        (S::Hangul, "Korean"),
        (S::Cyrillic, "Cyrillic"),
        (S::Arabic, "Arabic"),
        (S::Hebrew, "Hebrew"),
        (S::Greek, "Greek"),
        (S::Thai, "Thai"),
        (S::Devanagari, "Devanagari"),
        (S::Georgian, "Georgian"),
        (S::Armenian, "Armenian"),
        (S::Ethiopic, "Ethiopic"),
        (S::Khmer, "Khmer"),
        (S::Myanmar, "Myanmar"),
        (S::Bengali, "Bengali"),
        (S::Tamil, "Tamil"),
    ]
};

/// A script's name as `Refused::Script` carries it (`SCRIPTS`).
fn script_name(script: whatlang::Script) -> &'static str {
    SCRIPTS
        .iter()
        .find(|(s, _)| *s == script)
        .map_or("non-Latin", |(_, name)| name)
}

/// Letters from which a sample can be judged garbled.
const GARBLED_LETTERS: usize = 20;

/// Whether a sample's Latin letters are mostly accented ones: Spanish and
/// French accent one letter in twenty or so, while text read in the wrong
/// encoding (GBK or Shift-JIS bytes as Latin-1) has more accented letters
/// than plain ones.
fn garbled(sample: &str) -> bool {
    let (mut plain, mut accented) = (0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii() {
            plain += 1;
        } else if ('\u{c0}'..='\u{24f}').contains(&c) {
            accented += 1;
        }
    }
    plain + accented >= GARBLED_LETTERS && accented > plain
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
    &text[..floor_boundary(text, SAMPLE_BYTES)]
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
    fn a_non_latin_script_is_refused_whatever_the_length() {
        assert_eq!(
            refused(None, "Статья 5. Таможенные пошлины"),
            Some(Refused::Script("Cyrillic"))
        );
        assert_eq!(
            refused(None, "第五条 关税"),
            Some(Refused::Script("Chinese"))
        );
        assert_eq!(
            refused(None, "第五条 関税はかけない"),
            Some(Refused::Script("Japanese"))
        );
        // the source's own language stands
        assert_eq!(refused(Some("ru"), "Статья 5. Таможенные пошлины"), None);
        // an English text with a line in another script is English
        let with_arabic = format!("{EN}\nالمادة 5 الرسوم الجمركية");
        assert_eq!(refused(None, &with_arabic), None);
        // a bilingual text, its other script longer, is analysed for its English lines
        let bilingual = format!(
            "{}\n{EN}",
            "لا يجوز لأي طرف فرض رسوم جمركية على الإرسالات الإلكترونية. ".repeat(8)
        );
        assert_eq!(refused(None, &bilingual), None);
        assert_eq!(refused(None, "Ελληνικά"), Some(Refused::Script("Greek")));
    }

    #[test]
    fn garbled_letters_are_told_from_accented_text() {
        // GBK bytes read as Latin-1: accented letters, few plain ones
        let garbled_text = "µÚÎåÌõ ¹ØË° ÈÎºÎµÞÔ¼·½²»µÃ¶ÔÒ»µÞÔ¼·½µÄÈËÓëÁíÒ»µÞÔ¼·½µÄÈË";
        assert_eq!(refused(None, garbled_text), Some(Refused::Garbled));
        for text in [ES, FR, "Été à Évian, où l'œuvre française a été créée"] {
            assert_eq!(refused(None, text), None, "{text}");
        }
        // too few letters to judge
        assert_eq!(refused(None, "Ä¿¡ ¹ØÓ"), None);
    }

    #[test]
    fn a_long_text_that_goes_on_in_dutch_is_told() {
        let english = "Article 1\nThe Parties shall accord to each other treatment no less favourable \
            than that accorded to any third country in respect of customs duties and charges of any \
            kind imposed on importation or exportation, and shall publish their trade regulations.\n";
        let dutch =
            "Artikel 1\nDe partijen verlenen elkaar een behandeling die niet minder gunstig is \
            dan die welke aan enig derde land wordt verleend met betrekking tot douanerechten en \
            heffingen van welke aard ook, en zij maken hun handelsvoorschriften bekend.\n";
        let whole_english = english.repeat(120);
        assert_eq!(foreign_part(&whole_english), None);
        let half = format!("{}{}", english.repeat(60), dutch.repeat(60));
        let (found, at) = foreign_part(&half).expect("the Dutch half is told");
        assert_eq!(found.code, "nl");
        assert!(at >= english.len() * 60 - STRETCH_BYTES, "{at}");
        // a short text is judged whole, and one Dutch stretch is no part
        assert_eq!(foreign_part(&format!("{english}{dutch}")), None);
        let one = format!("{}{}", english.repeat(200), dutch.repeat(4));
        assert_eq!(foreign_part(&one), None);
    }

    #[test]
    fn short_texts_are_not_refused() {
        assert_eq!(not_analysed("Artikel 7.4 Toepassingsgebied"), None);
        assert_eq!(analysed_language("x"), "en");
    }
}
