//! The output language: English, Spanish or French, for every sentence a
//! report prints. It sits below every other stage and imports none of them,
//! so that the model, the rule loader, the reports and the CLI all speak of
//! the same [`Lang`].
//!
//! Two kinds of wording are localised:
//! - the program's own strings (headings, labels, notes, summaries) are
//!   Fluent messages in `locales/{en,es,fr}/treatyscan.ftl`, compiled into
//!   the binary and looked up with [`Locale::tr`] / [`Locale::t`];
//! - the domain wording that lives as data beside the rules (rule titles,
//!   messages and explanations, gap wording, guideline summaries, category
//!   labels) carries its `es.*` / `fr.*` versions in `rules/*.toml`, and the
//!   model picks them with the same [`Lang`] (`RuleInfo::message_in`, …).
//!
//! # Using it from a renderer
//! ```ignore
//! use treatyscan::locale::{Lang, Locale};
//! let l = Locale::of(Lang::Es);
//! l.t("label-recommendation");                     // "recomendación"
//! l.tr("count-findings", &[("count", 3.into())]);  // "3 hallazgos"
//! ```
//! Heading keywords are the messages `kind-<name>` (`kind-article` →
//! "Artículo"); `model::ProvisionRef::label_in` and `model::kind_label`
//! build a whole label with them. `Lang::from_env` gives the language of
//! `LC_ALL` / `LC_MESSAGES` / `LANG`, and `--lang` (cli `LangArg`) overrides it.
//! An id missing from a language's file falls back to English, and an id
//! missing from English is returned as is (a test keeps the three files in
//! step, and another checks that every id the code names exists).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue as Value;

/// An output language.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default, and the fallback of every other language).
    #[default]
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
}

/// The Fluent resources, by language, as shipped in `locales/`.
pub const RESOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../locales/en/treatyscan.ftl")),
    (Lang::Es, include_str!("../../locales/es/treatyscan.ftl")),
    (Lang::Fr, include_str!("../../locales/fr/treatyscan.ftl")),
];

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Fr];

    /// The ISO 639-1 code: `en`, `es` or `fr` (as `--lang` and the rule
    /// files' `es.*` / `fr.*` keys spell it).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
        }
    }

    /// The language of a code (`"es"`), `None` for any other.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a POSIX locale name: `es_ES.UTF-8` → Spanish,
    /// `fr_CA` → French, `en_GB` → English; `C`, `POSIX`, empty and any
    /// other language → `None`.
    pub fn from_locale_name(name: &str) -> Option<Lang> {
        let lang = name
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::from_code(&lang)
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (as POSIX
    /// orders them); a locale of another language, `C` or none gives English.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any variable lookup (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_locale_name(&v))
            .unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The program's strings in one language: a Fluent bundle over that
/// language's resource, with English behind it for any id it lacks.
/// `Send + Sync`; get one with [`Locale::of`].
pub struct Locale {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    english: Option<&'static Locale>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("lang", &self.lang).finish()
    }
}

impl Locale {
    /// The shared locale of a language, built once per run (the resources
    /// are compiled in; a syntax error in one is caught by the test suite,
    /// and here only drops the broken entries).
    pub fn of(lang: Lang) -> &'static Locale {
        static LOCALES: [OnceLock<Locale>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        LOCALES[i].get_or_init(|| {
            let english = (lang != Lang::En).then(|| Locale::of(Lang::En));
            Locale::build(lang, english)
        })
    }

    fn build(lang: Lang, english: Option<&'static Locale>) -> Locale {
        let source = RESOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, s)| *s);
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let id: unic_langid::LanguageIdentifier = lang
            .code()
            .parse()
            .expect("en, es and fr are language tags");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // plain text for terminals, JSON and HTML: no Unicode isolation marks
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        Locale {
            lang,
            bundle,
            english,
        }
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// `label` and the language's colon ("A:", French "A :"), for a label
    /// whose text follows elsewhere (an HTML cell, a bold heading).
    pub fn colon(&self, label: &str) -> String {
        self.tr("label-colon", &[("label", label.into())])
    }

    /// "label: text" with the language's colon ("recommandation : …").
    pub fn labelled(&self, label: &str, text: &str) -> String {
        format!("{} {text}", self.colon(label))
    }

    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.tr(id, &[])
    }

    /// The message `id` with its arguments (`$name` in the .ftl file), e.g.
    /// `tr("totals-files", &[("count", 2.into())])`. Numbers select plural
    /// forms by the language's rules. An id this language lacks comes from
    /// English; one English lacks too comes back as the id itself.
    pub fn tr(&self, id: &str, args: &[(&str, Value)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match self.english {
                Some(en) => en.tr(id, args),
                None => id.to_string(),
            };
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Does this language's own resource define `id` (without falling back)?
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// The message ids a Fluent resource defines, in file order (terms, `-name`,
/// left out): what the test that keeps the three files in step compares.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The syntax errors of a Fluent resource, one line each (empty when it parses).
pub fn syntax_errors(source: &str) -> Vec<String> {
    match FluentResource::try_new(source.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_map_to_languages() {
        assert_eq!(Lang::from_locale_name("es_ES.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::from_locale_name("fr_CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_locale_name("en_GB.utf8"), Some(Lang::En));
        assert_eq!(Lang::from_locale_name("C"), None);
        assert_eq!(Lang::from_locale_name("de_DE.UTF-8"), None);
    }

    #[test]
    fn the_first_set_variable_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(
            Lang::from_vars(env(&[("LC_MESSAGES", "es_MX"), ("LANG", "fr_FR")])),
            Lang::Es
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "C"), ("LANG", "fr_FR")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", ""), ("LANG", "es_ES")])),
            Lang::Es
        );
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let en = Locale::of(Lang::En);
        assert_eq!(en.tr("count-findings", &[("count", 1.into())]), "1 finding");
        assert_eq!(
            en.tr("count-findings", &[("count", 2.into())]),
            "2 findings"
        );
        let es = Locale::of(Lang::Es);
        assert_eq!(
            es.tr("count-findings", &[("count", 1.into())]),
            "1 hallazgo"
        );
        assert_eq!(
            es.tr("count-findings", &[("count", 2.into())]),
            "2 hallazgos"
        );
        let fr = Locale::of(Lang::Fr);
        assert_eq!(fr.tr("count-findings", &[("count", 0.into())]), "0 constat");
        assert_eq!(
            fr.tr("count-findings", &[("count", 3.into())]),
            "3 constats"
        );
    }

    #[test]
    fn an_unknown_id_falls_back() {
        assert_eq!(Locale::of(Lang::Fr).t("no-such-id"), "no-such-id");
    }
}
