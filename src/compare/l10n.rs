//! The compare reports' own wording in the output language: every label and
//! sentence the human and HTML reports print goes through Fluent
//! (`compare-*` messages in `locales/`). The comparison itself keeps its
//! English messages and labels, as JSON shows them; the renderers rebuild
//! them here from the structured fields, so English reads exactly as the
//! stored text and Spanish or French name provisions with their own
//! keywords ("Artículo 3", "Chapitre 2") and categories with their labels.

use super::delta::{DeltaEntry, DeltaRef, DeltaStatus};
use super::substance::{SubstanceChange, SubstanceKind};
use super::{Change, ChangeKind, Comparison, ProvisionInfo};
use crate::locale::{Lang, Locale, Value};
use crate::model::{kind_label, ProvisionRef};

/// A provision and the division it sits in, to cite it in any language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Place {
    /// The provision.
    pub provision: Option<ProvisionRef>,
    /// Its chapter (or other division), when it has one.
    pub division: Option<ProvisionRef>,
}

impl Place {
    /// "Capítulo 3, Artículo 3.2 (Título)": as `Unit::place_label`, with the
    /// heading keywords in the locale's language.
    pub fn label_in(&self, locale: &Locale) -> Option<String> {
        let p = self.provision.as_ref()?;
        let label = p.label_in(locale);
        Some(match &self.division {
            None => label,
            Some(d) => {
                let division = match &d.number {
                    Some(n) => kind_label(d.kind, Some(n.as_str()), None, locale),
                    None => d.label_in(locale),
                };
                format!("{division}, {label}")
            }
        })
    }
}

impl Place {
    /// The provision as a sentence names it: "l'article 4.2 « Cultural
    /// Industries » du chapitre 4", "el artículo 4.2 «Cultural Industries»
    /// del capítulo 4" (`phrase-*` messages: the keyword with its article,
    /// the title in the language's quotation marks, no parentheses to nest).
    /// English keeps the label ("Chapter 4, Article 4.2 (Cultural
    /// Industries)"), which reads in a sentence as it is.
    pub fn phrase_in(&self, locale: &Locale) -> Option<String> {
        if locale.lang() == Lang::En {
            return self.label_in(locale);
        }
        let p = self.provision.as_ref()?;
        let mut s = locale.tr("phrase-kind", &[("kind", p.kind.name().into())]);
        if let Some(n) = &p.number {
            s.push(' ');
            s.push_str(n);
        }
        if let Some(t) = &p.title {
            s.push(' ');
            s.push_str(&locale.tr("phrase-title", &[("title", t.as_str().into())]));
        }
        if let Some(d) = &self.division {
            let of = locale.tr("phrase-of-division", &[("kind", d.kind.name().into())]);
            match (&d.number, &d.title) {
                (Some(n), _) => s.push_str(&format!(" {of} {n}")),
                (None, Some(t)) => s.push_str(&format!(
                    " {of} {}",
                    locale.tr("phrase-title", &[("title", t.as_str().into())])
                )),
                (None, None) => {}
            }
        }
        Some(s)
    }
}

/// `items` as one list in a sentence: "a, b and c"; after a negation
/// (`negative`) "a, b or c", "a, b ni c", "ni a, ni b, ni c" (`list-*`
/// messages).
fn list_in(items: &[String], negative: bool, locale: &Locale) -> String {
    // one item takes no conjunction: "ne couvre plus le cinéma"
    if items.len() < 2 {
        return items.first().cloned().unwrap_or_default();
    }
    let items: Vec<String> = if negative {
        items
            .iter()
            .map(|i| locale.tr("list-nor-item", &[("item", i.as_str().into())]))
            .collect()
    } else {
        items.to_vec()
    };
    let (last, head) = items.split_last().expect("two items or more");
    locale.tr(
        if negative { "list-nor" } else { "list-and" },
        &[
            ("head", head.join(", ").into()),
            ("last", last.as_str().into()),
        ],
    )
}

/// A number as the language writes a decimal ("0.87", "0,87").
fn decimal(value: f32, locale: &Locale) -> String {
    let s = format!("{value:.2}");
    match locale.lang() {
        Lang::En => s,
        _ => s.replace('.', ","),
    }
}

/// A provision's label with its chapter, rebuilt with the locale's keywords
/// (and numbers: "Title 1" for "TITRE PREMIER" in English), else the stored
/// English one.
pub fn info_label(info: &ProvisionInfo, locale: &Locale) -> String {
    info.place
        .label_in(locale)
        .unwrap_or_else(|| info.label.clone())
}

/// The division a provision sits in, in full ("Capítulo 14 (Comercio electrónico)").
pub fn division_label(info: &ProvisionInfo, locale: &Locale) -> Option<String> {
    match &info.place.division {
        Some(d) => Some(d.label_in(locale)),
        None => info.division.clone(),
    }
}

/// A provision of the delta as a sentence names it (see `Place::phrase_in`).
fn ref_label(r: &DeltaRef, locale: &Locale) -> String {
    r.place.phrase_in(locale).unwrap_or_else(|| r.label.clone())
}

fn counterpart_label(r: &DeltaRef, locale: &Locale) -> Option<String> {
    r.counterpart_place
        .phrase_in(locale)
        .or_else(|| r.counterpart.clone())
}

/// A category as a heading names it: its label in the rule catalogue, in
/// the report's language (its id when the catalogue has none).
pub fn category_name(c: &Comparison, name: &str, locale: &Locale) -> String {
    c.category_labels
        .get(&(name.to_string(), locale.lang()))
        .cloned()
        .unwrap_or_else(|| name.to_string())
}

/// What a line of the category delta is about: the category's label, or for
/// a gap its message (the line says whether B opens or closes it).
pub fn delta_head(c: &Comparison, d: &DeltaEntry, locale: &Locale) -> String {
    match (&d.status, &d.gap) {
        (DeltaStatus::GapOpened | DeltaStatus::GapClosed, Some((english, info))) => {
            match locale.lang() {
                Lang::En => english.clone(),
                lang => info.message_in(lang).to_string(),
            }
        }
        _ => category_name(c, &d.category, locale),
    }
}

/// Where the categories come from ("the rule engine").
pub fn source(c: &Comparison, locale: &Locale) -> String {
    if c.summary.categories_from == "the rule engine" {
        locale.t("compare-source-rules")
    } else {
        c.summary.categories_from.clone()
    }
}

/// The one-line summary ("12 provisions in A, 13 in B; 11 matched pairs (9
/// unchanged, 2 changed: 2 text changed, 1 retitled), 1 added"). A pair
/// can change in several ways at once, so the kinds of change are counted
/// inside the number of pairs changed, which they need not add up to.
pub fn summary_line(c: &Comparison, locale: &Locale) -> String {
    let s = &c.summary;
    let count = |n: usize, id: &str| (n > 0).then(|| locale.tr(id, &[("count", n.into())]));
    let kinds: Vec<String> = [
        (s.text_changed, "compare-count-text-changed"),
        (s.renumbered, "compare-count-renumbered"),
        (s.retitled, "compare-count-retitled"),
        (s.moved, "compare-count-moved"),
        (s.split, "compare-count-split"),
        (s.merged, "compare-count-merged"),
    ]
    .into_iter()
    .filter_map(|(n, id)| count(n, id))
    .collect();
    let mut parts = Vec::new();
    let paired = if s.same_language {
        let kinds = if kinds.is_empty() {
            String::new()
        } else {
            locale.labelled("", &kinds.join(", "))
        };
        locale.tr(
            "compare-summary-matched",
            &[
                ("matched", s.matched.into()),
                ("unchanged", s.unchanged.into()),
                ("changed", s.matched.saturating_sub(s.unchanged).into()),
                ("kinds", kinds.into()),
            ],
        )
    } else {
        // pairs by number only: their words are not compared
        parts.extend(kinds);
        locale.tr("compare-summary-paired", &[("matched", s.matched.into())])
    };
    parts.insert(
        0,
        locale.tr(
            "compare-summary-provisions",
            &[
                ("a", s.provisions_a.into()),
                ("b", s.provisions_b.into()),
                ("paired", paired.into()),
            ],
        ),
    );
    parts.extend(count(s.added, "compare-count-added"));
    parts.extend(count(s.removed, "compare-count-removed"));
    parts.join(", ")
}

/// The warning that A and B are two agreements, in the locale's language.
pub fn warning(c: &Comparison, locale: &Locale) -> Option<String> {
    let s = &c.summary;
    s.warning.as_ref()?;
    if let Some((a, b)) = &s.parties_differ {
        // "Canada (CAN), Chile (CHL)", as a gap's evidence names Parties
        let named = |codes: &[String]| crate::report::evidence_list(codes, locale.lang());
        return Some(locale.tr(
            "compare-warning-parties",
            &[("a", named(a).into()), ("b", named(b).into())],
        ));
    }
    Some(locale.tr(
        "compare-warning-unrelated",
        &[
            ("corresponding", s.corresponding.into()),
            ("a", s.provisions_a.into()),
            ("b", s.provisions_b.into()),
        ],
    ))
}

/// The note that A and B are in two languages, in the locale's language.
pub fn note(c: &Comparison, locale: &Locale) -> Option<String> {
    c.summary.note.as_ref()?;
    // English names the languages by code, as the stored note does
    let lang = |l: &Option<String>| match l.as_deref() {
        Some(code) if locale.lang() != Lang::En && Lang::from_code(code).is_some() => {
            locale.t(&format!("compare-language-{code}"))
        }
        Some(code) => code.to_string(),
        None => "?".to_string(),
    };
    Some(locale.tr(
        "compare-note-languages",
        &[
            ("a", lang(&c.a.language).into()),
            ("b", lang(&c.b.language).into()),
        ],
    ))
}

/// "similarity 0.87" for a pair; for a part of a split or merge, how much of
/// it the other side holds ("overlap 1.00"). Two decimals, but a changed text
/// never reads "similarity 1.00".
pub fn similarity_label(ch: &Change, locale: &Locale) -> Option<String> {
    let s = ch.similarity.filter(|_| ch.kind == ChangeKind::Matched)?;
    let (id, value) = if ch.split || ch.merged {
        ("compare-overlap", s)
    } else if ch.text_changed {
        ("compare-similarity", s.min(0.99))
    } else {
        ("compare-similarity", s)
    };
    Some(locale.tr(id, &[("value", decimal(value, locale).into())]))
}

/// One chapter's line in the report's language, after its mark: "Chapter 2
/// (Trade in Goods)  added, 1 article", "Chapter 2 (Trade in Services) →
/// Chapter 3  [renumbered, 3 articles]".
pub fn division_line(d: &super::divisions::DivisionChange, locale: &Locale) -> String {
    let label = |r: &Option<ProvisionRef>, titled: bool| {
        r.as_ref().map_or_else(String::new, |r| {
            kind_label(
                r.kind,
                r.number.as_deref(),
                r.title.as_deref().filter(|_| titled),
                locale,
            )
        })
    };
    let articles = locale.tr("compare-division-articles", &[("count", d.articles.into())]);
    match d.kind {
        ChangeKind::Added => locale.tr(
            "compare-division-added",
            &[
                ("label", label(&d.b, true).into()),
                ("articles", articles.into()),
            ],
        ),
        ChangeKind::Removed => locale.tr(
            "compare-division-removed",
            &[
                ("label", label(&d.a, true).into()),
                ("articles", articles.into()),
            ],
        ),
        ChangeKind::Matched => {
            let mut flags: Vec<String> = [
                (d.renumbered, "compare-flag-renumbered"),
                (d.retitled, "compare-flag-retitled"),
                (d.merged, "compare-flag-merged"),
                (d.split, "compare-flag-split"),
            ]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, id)| locale.t(id))
            .collect();
            flags.push(articles);
            format!(
                "{} → {}  [{}]",
                label(&d.a, true),
                label(&d.b, d.retitled || d.merged || d.split),
                flags.join(", ")
            )
        }
    }
}

/// One entry of the chapters' list (`divisions::entries`), after its mark:
/// a chapter's line, or chapters renumbered one after another as one.
pub fn division_entry(entry: &[super::divisions::DivisionChange], locale: &Locale) -> String {
    match entry {
        [one] => division_line(one, locale),
        run => division_run(run, locale),
    }
}

/// Chapters renumbered one after another, as one line: "Chapters 2–4 → 3–5
/// [renumbered, 3 chapters, 10 articles]".
fn division_run(run: &[super::divisions::DivisionChange], locale: &Locale) -> String {
    let number = |r: &Option<ProvisionRef>| -> String {
        r.as_ref()
            .and_then(|r| r.number.as_deref())
            .map(|n| crate::model::number_in(n, locale.lang()).into_owned())
            .unwrap_or_default()
    };
    let (first, last) = (&run[0], &run[run.len() - 1]);
    let kind = first
        .b
        .as_ref()
        .filter(|_| {
            run.iter()
                .all(|d| d.b.as_ref().map(|r| r.kind) == first.b.as_ref().map(|r| r.kind))
        })
        .map_or("other", |r| r.kind.name());
    locale.tr(
        "compare-division-renumbered-run",
        &[
            ("kind", kind.into()),
            (
                "a",
                format!("{}–{}", number(&first.a), number(&last.a)).into(),
            ),
            (
                "b",
                format!("{}–{}", number(&first.b), number(&last.b)).into(),
            ),
            ("count", run.len().into()),
            (
                "articles",
                locale
                    .tr(
                        "compare-division-articles",
                        &[(
                            "count",
                            run.iter().map(|d| d.articles).sum::<usize>().into(),
                        )],
                    )
                    .into(),
            ),
        ],
    )
}

/// The names of the changes besides a move, in the order reports show them.
pub fn change_names(ch: &Change, locale: &Locale) -> Vec<String> {
    ch.change_names()
        .into_iter()
        .map(|name| locale.t(&format!("compare-flag-{}", name.replace(' ', "-"))))
        .collect()
}

/// A provision's categories, as a heading lists them.
pub fn categories(c: &Comparison, ch: &Change, locale: &Locale) -> String {
    ch.categories
        .iter()
        .map(|name| category_name(c, name, locale))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sentence of one line of the category delta.
pub fn delta_message(d: &DeltaEntry, locale: &Locale) -> String {
    let labels = |refs: &[DeltaRef]| {
        refs.iter()
            .map(|r| ref_label(r, locale))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match d.status {
        DeltaStatus::OnlyInA => locale.tr(
            "compare-delta-only-in-a",
            &[("where", labels(&d.a_only).into())],
        ),
        DeltaStatus::OnlyInB => locale.tr(
            "compare-delta-only-in-b",
            &[("where", labels(&d.b_only).into())],
        ),
        DeltaStatus::Differs => {
            let side = |refs: &[DeltaRef], with: &str, alone: &str| {
                refs.iter()
                    .map(|r| {
                        let mut args: Vec<(&str, Value)> =
                            vec![("label", ref_label(r, locale).into())];
                        match counterpart_label(r, locale) {
                            Some(other) => {
                                args.push(("counterpart", other.into()));
                                locale.tr(with, &args)
                            }
                            None => locale.tr(alone, &args),
                        }
                    })
                    .collect::<Vec<_>>()
            };
            let mut parts = side(
                &d.a_only,
                "compare-delta-loses",
                "compare-delta-loses-alone",
            );
            parts.extend(side(
                &d.b_only,
                "compare-delta-gains",
                "compare-delta-gains-alone",
            ));
            parts.join("; ")
        }
        DeltaStatus::Changed => changed_message(d, locale),
        DeltaStatus::GapOpened if d.gap.is_some() => locale.t("compare-gap-opened"),
        DeltaStatus::GapClosed if d.gap.is_some() => locale.t("compare-gap-closed"),
        DeltaStatus::GapOpened | DeltaStatus::GapClosed => d.message.clone(),
    }
}

fn changed_message(d: &DeltaEntry, locale: &Locale) -> String {
    let (Some(a), Some(b)) = (d.a_only.first(), d.b_only.first()) else {
        return d.message.clone();
    };
    let (la, lb) = (ref_label(a, locale), ref_label(b, locale));
    let place = if a.label == b.label {
        locale.tr("compare-place-both", &[("label", la.into())])
    } else {
        locale.tr("compare-place-each", &[("a", la.into()), ("b", lb.into())])
    };
    let parts: Vec<String> = d
        .substance
        .iter()
        .map(|s| substance_part(s, locale))
        .collect();
    locale.tr(
        "compare-delta-changed",
        &[("place", place.into()), ("parts", parts.join("; ").into())],
    )
}

/// Sectors as the object of "covers": with their articles where the
/// language wants them, joined as one list (`negative`: after "no longer").
fn sectors(names: &[String], negative: bool, locale: &Locale) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| {
            let id = format!("compare-sector-{}", n.replace(' ', "-"));
            if locale.has(&id) || Locale::of(Lang::En).has(&id) {
                locale.t(&id)
            } else {
                n.clone()
            }
        })
        .collect();
    list_in(&names, negative, locale)
}

fn substance_part(c: &SubstanceChange, locale: &Locale) -> String {
    match c.kind {
        SubstanceKind::Coverage => {
            let lost = (!c.in_a_only.is_empty()).then(|| {
                locale.tr(
                    "compare-coverage-lost",
                    &[("sectors", sectors(&c.in_a_only, true, locale).into())],
                )
            });
            let gained = (!c.in_b_only.is_empty()).then(|| {
                locale.tr(
                    "compare-coverage-gained",
                    &[("sectors", sectors(&c.in_b_only, false, locale).into())],
                )
            });
            match (lost, gained) {
                (Some(l), Some(g)) => locale.tr(
                    "compare-coverage-both",
                    &[("lost", l.into()), ("gained", g.into())],
                ),
                (Some(one), None) | (None, Some(one)) => {
                    locale.tr("compare-coverage-one", &[("change", one.into())])
                }
                (None, None) => locale.tr("compare-coverage-one", &[("change", "".into())]),
            }
        }
        SubstanceKind::Binding => {
            if c.in_b_only.first().map(String::as_str) == Some("binding") {
                locale.t("compare-binding-gained")
            } else {
                locale.t("compare-binding-lost")
            }
        }
        SubstanceKind::ConventionReference => {
            if c.in_a_only.is_empty() {
                locale.t("compare-convention-gained")
            } else {
                locale.t("compare-convention-lost")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_take_the_conjunction_of_their_language_and_polarity() {
        let items = |n: usize| -> Vec<String> {
            ["le cinéma", "la vidéo", "la radiodiffusion"][..n]
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        let fr = Locale::of(Lang::Fr);
        assert_eq!(list_in(&items(1), true, fr), "le cinéma");
        assert_eq!(list_in(&items(2), true, fr), "ni le cinéma, ni la vidéo");
        assert_eq!(
            list_in(&items(3), true, fr),
            "ni le cinéma, ni la vidéo, ni la radiodiffusion"
        );
        assert_eq!(
            list_in(&items(3), false, fr),
            "le cinéma, la vidéo et la radiodiffusion"
        );
        let es = Locale::of(Lang::Es);
        let words: Vec<String> = ["el cine", "el vídeo", "la radiodifusión"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            list_in(&words, true, es),
            "el cine, el vídeo ni la radiodifusión"
        );
        assert_eq!(
            list_in(&words, false, es),
            "el cine, el vídeo y la radiodifusión"
        );
        let en = Locale::of(Lang::En);
        let words: Vec<String> = ["film", "video"].iter().map(|s| s.to_string()).collect();
        assert_eq!(list_in(&words, true, en), "film or video");
        assert_eq!(list_in(&words, false, en), "film and video");
        assert_eq!(list_in(&[], true, en), "");
    }
}
