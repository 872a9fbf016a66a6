//! `check --format html`: one self-contained page a negotiator can open,
//! print or mail. Styles and the small category filter are inline and the
//! page loads nothing (a Content-Security-Policy forbids it); with scripts
//! off every finding shows. Per file: the summary, the gaps with their
//! recommendation and suggested clause, then the findings article by
//! article, each with its excerpt (matched words in `<mark>`), rules,
//! category, severity, guideline paragraphs and their summaries, page or
//! line, and tracked change; the article's whole text with the same words
//! marked folds out below. A table of contents lists chapters and articles.
//!
//! Every piece of agreement or rule text goes through maud's escaping: the
//! markup is written with `html!`, where only `PreEscaped` (the constant
//! style sheet and script) is taken as is.
//!
//! Every visible word of the page comes from [`label`] and [`counted`]:
//! Fluent messages (`html-*` in `locales/*/treatyscan.ftl`) in `--lang`.

use super::{Convention, Ecommerce, Run, Standing};
use crate::locale::{Lang, Locale};
use crate::model::{Category, FileFindings, Finding, Gap, Severity};
use crate::provision::{Agreement, Kind, SourceFormat};
use crate::text::{Marks, RevisionKind};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The page's fixed words, by key: the Fluent message `html-KEY` in the
/// language the page is being rendered in (`Context::lang`); `lang` gives
/// that language's code for `<html lang>`. An unknown key shows as its id
/// rather than panicking (a test checks every key the page uses exists).
pub fn label(key: &str) -> String {
    let lang = PAGE_LANG.with(|l| l.get());
    if key == "lang" {
        return lang.code().to_string();
    }
    Locale::of(lang).t(&format!("html-{key}"))
}

/// `label(key)` with the page language's colon ("Recommandation :").
fn colon(key: &str) -> String {
    Locale::of(page_lang()).colon(&label(key))
}

/// Parties or other gap evidence for the page: each code with its name in
/// the page's language, separated by semicolons when a name holds a comma.
fn party_list(items: &[String]) -> String {
    super::evidence_list(items, page_lang())
}

/// What follows a label run into its text: ": ", French " : ".
fn colon_gap() -> String {
    format!("{} ", Locale::of(page_lang()).colon(""))
}

/// Counted phrases ("3 findings") by key (`findings`, `gaps`, `files`,
/// `clauses`, `articles`), in the language of [`label`].
pub fn counted(key: &str, n: usize) -> String {
    let locale = Locale::of(PAGE_LANG.with(|l| l.get()));
    let id = match key {
        "findings" => "count-findings",
        "gaps" => "count-gaps",
        "files" => "count-files",
        "clauses" => "summary-clauses",
        _ => "html-count-provisions",
    };
    locale.tr(id, &[("count", n.into())])
}

/// A negotiating text's section: its brackets and Parties, each gap in the
/// agreed text and the proposals that would close or open it, and the
/// Parties' positions per category.
fn negotiation(n: &crate::model::negotiation::NegotiationReport) -> Markup {
    let l = Locale::of(page_lang());
    let parties: Vec<String> = n.parties.iter().map(|p| p.label()).collect();
    let list = |v: &[String]| {
        if v.is_empty() {
            "–".to_string()
        } else {
            v.join(", ")
        }
    };
    html! {
        section.negotiation {
            h2 { (label("negotiation-heading")) }
            p { (l.tr("neg-header", &[("count", n.brackets.into()), ("parties", list(&parties).into())])) }
            @if !n.gaps.is_empty() {
                h3 { (l.t("neg-gaps-heading")) }
                p.note { (label("negotiation-gaps-note")) }
                ul.readings {
                    @for g in &n.gaps {
                        li { code { (g.gap.as_str()) } " " (g.message) (colon_gap()) (g.describe_in(l)) }
                    }
                }
            }
            @if !n.positions.is_empty() {
                h3 { (l.t("neg-positions-heading")) }
                table.positions {
                    tr {
                        th { (l.t("neg-col-category")) } th { (l.t("neg-col-propose")) }
                        th { (l.t("neg-col-oppose")) } th { (l.t("neg-col-no-position")) }
                    }
                    @for p in &n.positions {
                        tr {
                            td { (p.category.as_str()) }
                            td { (list(&p.propose)) }
                            td { (list(&p.oppose)) }
                            td { (list(&p.no_position)) }
                        }
                    }
                }
            }
        }
    }
}

/// The language of the page being rendered.
fn page_lang() -> Lang {
    PAGE_LANG.with(|l| l.get())
}

/// "Artículo 12.1 (Ámbito de aplicación)" in the page's language.
fn provision_label(p: &crate::model::ProvisionRef) -> String {
    p.label_in(Locale::of(PAGE_LANG.with(|l| l.get())))
}

/// A division's label in the page's language.
fn division_label((kind, number, title): &(Kind, Option<String>, Option<String>)) -> String {
    crate::model::kind_label(
        *kind,
        number.as_deref(),
        title.as_deref(),
        Locale::of(PAGE_LANG.with(|l| l.get())),
    )
}

thread_local! {
    /// The language of the page [`render_html`] is rendering on this thread.
    static PAGE_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// What the page shows beyond the model: the headings of the chapters (and
/// parts, sections, annexes) for the table of contents, and the whole text
/// of each provision for the findings' context. Built from the agreement
/// as read ([`Outline::of`]); an empty outline gives a page without them.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Division path (`part-ii/ch3`) → its kind, number and title, labelled
    /// in the page's language when shown ("Capítulo 3 (Comercio electrónico)").
    pub divisions: HashMap<String, (Kind, Option<String>, Option<String>)>,
    /// Provision path → its whole text as printed (an article with its
    /// paragraphs; a chapter's own text), for provisions up to
    /// [`Outline::MAX_TEXT`] bytes.
    pub texts: HashMap<String, String>,
    /// The agreement's title when its metadata gives no name: its title
    /// page, without a "Table of contents" that follows it.
    pub title: Option<String>,
}

impl Outline {
    /// Provisions longer than this (bytes; a schedule of reservations) show
    /// their excerpts only.
    pub const MAX_TEXT: usize = 40_000;

    /// The outline of an agreement as read. `wanted` limits the texts kept to
    /// those provision paths (the ones with findings), when given.
    pub fn of(agreement: &Agreement, wanted: Option<&HashSet<&str>>) -> Outline {
        let mut outline = Outline {
            // a text that opens on a sentence ("The Parties have agreed as
            // follows:") has no title page: the report names its file
            title: Some(title_page(&agreement.title()))
                .filter(|t| !t.is_empty() && !crate::provision::is_sentence(t)),
            ..Outline::default()
        };
        for p in agreement.walk() {
            if is_division(p.kind) {
                outline
                    .divisions
                    .insert(p.path.clone(), (p.kind, p.number.clone(), p.title.clone()));
            }
            if wanted.is_some_and(|w| !w.contains(p.path.as_str())) {
                continue;
            }
            let text = if is_division(p.kind) {
                p.text.as_str()
            } else {
                agreement.full_text(p)
            };
            if text.len() <= Self::MAX_TEXT {
                outline
                    .texts
                    .insert(p.path.clone(), text.trim().to_string());
            }
        }
        outline
    }
}

/// A title page's words without the contents heading a printed agreement
/// puts under them ("… AGREEMENT TABLE OF CONTENTS").
fn title_page(title: &str) -> String {
    let mut t = title.trim();
    for tail in [
        "table of contents",
        "contents",
        "índice",
        "table des matières",
        "sommaire",
    ] {
        let lower = t.to_lowercase();
        if lower.ends_with(tail) && lower.len() > tail.len() {
            t = t[..t.len() - tail.len()].trim_end();
            break;
        }
    }
    t.to_string()
}

/// The divisions the outline shows as headings: every division but a side
/// letter, which reads as a document of its own.
fn is_division(kind: Kind) -> bool {
    kind.is_division() && kind != Kind::SideLetter
}

/// What the page is rendered with besides the findings: one [`Outline`] per
/// file (same order; missing ones are empty), and each category's label
/// ("cultural exception or reservation", from `rules/categories.toml`).
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The files' outlines, in the order of the files.
    pub outlines: Vec<Outline>,
    /// Category → label; a category without one shows its name.
    pub category_labels: Vec<(Category, String)>,
    /// The language of the page's own words (`--lang`).
    pub lang: Lang,
}

/// The whole report as one HTML page (UTF-8): the run's notes and the
/// combined agreement's gaps (`--combine`) first, then a section per file.
pub fn render_html(files: &[FileFindings], run: &Run, context: &Context) -> String {
    let before = PAGE_LANG.with(|l| l.replace(context.lang));
    let page = Page {
        context,
        empty: Outline::default(),
        combined: run.combined.is_some(),
    };
    let html = page.render(files, run).into_string();
    PAGE_LANG.with(|l| l.set(before));
    html
}

struct Page<'a> {
    context: &'a Context,
    /// The outline of a file the context has none for.
    empty: Outline,
    /// The files are one agreement (`--combine`): its gaps are reported once.
    combined: bool,
}

/// One article (or other provision) and its findings, in document order.
struct Group<'f> {
    anchor: String,
    findings: Vec<&'f Finding>,
}

impl Page<'_> {
    fn outline(&self, i: usize) -> &Outline {
        self.context.outlines.get(i).unwrap_or(&self.empty)
    }

    /// What a reader calls the agreement: its name, its title page, or the file.
    fn name<'f>(&'f self, i: usize, file: &'f FileFindings) -> &'f str {
        file.agreement
            .name
            .as_deref()
            .or(self.outline(i).title.as_deref())
            .unwrap_or(&file.path)
    }

    fn category(&self, c: Category) -> String {
        self.context
            .category_labels
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| c.as_str().replace('_', " "))
    }

    fn render(&self, files: &[FileFindings], run: &Run) -> Markup {
        let title = match files {
            [one] => self.name(0, one).to_string(),
            _ if run.combined.is_some() => label("page-title").to_string(),
            _ => label("page-title-several").to_string(),
        };
        let groups: Vec<Vec<Group>> = files
            .iter()
            .enumerate()
            .map(|(i, f)| groups(i, f))
            .collect();
        let mut categories: Vec<Category> = files
            .iter()
            .flat_map(|f| f.findings.iter().map(|f| f.category))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let order: Vec<Category> = self.context.category_labels.iter().map(|c| c.0).collect();
        categories.sort_by_key(|c| (order.iter().position(|o| o == c), c.as_str()));
        html! {
            (DOCTYPE)
            html lang=(label("lang")) {
                head {
                    meta charset="utf-8";
                    meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) }
                    style { (PreEscaped(CSS)) }
                }
                body {
                    header {
                        p.by { (label("generated-by")) " · " (label("page-title")) }
                        h1 { (title) }
                    }
                    div.layout {
                        nav.toc aria-label=(label("contents")) {
                            @if !categories.is_empty() {
                                fieldset #filter .filter hidden {
                                    legend { (label("filter")) }
                                    @for c in &categories {
                                        label {
                                            input type="checkbox" checked value=(c.as_str());
                                            " " (self.category(*c))
                                        }
                                    }
                                    button type="button" data-all="1" { (label("filter-all")) }
                                    button type="button" data-all="0" { (label("filter-none")) }
                                }
                            }
                            h2 { (label("contents")) }
                            (self.toc(files, &groups, run))
                        }
                        main {
                            @for note in run.notes { p.note.run-note { b { (colon("note")) " " } (note) } }
                            @if let Some(c) = run.combined {
                                section.file #combined {
                                    h2 { (label("combined-gaps")) " (" (counted("files", c.files)) ")" }
                                    (gap_list(&c.gaps, "combined", &targets(files.iter().zip(&groups).flat_map(|(f, gs)| {
                                        let name = short_name(&f.path);
                                        gs.iter().map(move |g| (g, format!("{name}:{}", g.findings[0].provision.path)))
                                    }))))
                                    @for note in &c.notes { p.note { b { (colon("note")) " " } (note) } }
                                }
                            }
                            @if !run.errors.is_empty() {
                                section.file.not-reviewed #not-reviewed {
                                    h2 { (label("not-reviewed")) " (" (run.errors.len()) ")" }
                                    ul {
                                        @for e in run.errors {
                                            li { code { (e.path) } (colon_gap()) (e.message) }
                                        }
                                    }
                                }
                            }
                            @for (i, file) in files.iter().enumerate() {
                                (self.file(i, file, &groups[i], files.len() > 1))
                            }
                            footer { p { (label("guideline-source")) } }
                        }
                    }
                    script { (PreEscaped(SCRIPT)) }
                }
            }
        }
    }

    fn toc(&self, files: &[FileFindings], groups: &[Vec<Group>], run: &Run) -> Markup {
        html! {
            ol {
                @if let Some(c) = run.combined {
                    li { a href="#combined" { (label("combined-gaps")) " (" (c.gaps.len()) ")" } }
                }
                @if !run.errors.is_empty() {
                    li { a href="#not-reviewed" { (label("not-reviewed")) " (" (run.errors.len()) ")" } }
                }
                @for (i, file) in files.iter().enumerate() {
                    li {
                        @if files.len() > 1 { a href={"#file" (i)} { (self.name(i, file)) } }
                        ol {
                            li { a href={"#file" (i) "-summary"} { (label("summary")) } }
                            @if !file.gaps.is_empty() {
                                li { a href={"#file" (i) "-gaps"} { (label("gaps")) " (" (file.gaps.len()) ")" } }
                            }
                            li {
                                a href={"#file" (i) "-findings"} { (label("findings")) " (" (file.findings.len()) ")" }
                                (self.toc_chapters(i, &groups[i]))
                            }
                        }
                    }
                }
            }
        }
    }

    fn toc_chapters(&self, i: usize, groups: &[Group]) -> Markup {
        let outline = self.outline(i);
        let mut chapters: Vec<(String, Vec<&Group>)> = Vec::new();
        for g in groups {
            let chapter = chapter_label(outline, &g.findings[0].provision.path);
            match chapters.last_mut() {
                Some((c, list)) if *c == chapter => list.push(g),
                _ => chapters.push((chapter, vec![g])),
            }
        }
        html! {
            ol.chapters {
                @for (chapter, list) in &chapters {
                    li {
                        @if !chapter.is_empty() { span.chapter { (chapter) } }
                        ol {
                            @for g in list {
                                li data-categories=(categories_of(g)) {
                                    a href={"#" (g.anchor)} { (provision_label(&g.findings[0].provision)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn file(&self, i: usize, file: &FileFindings, groups: &[Group], several: bool) -> Markup {
        let outline = self.outline(i);
        // each group with the chapter heading it opens, if it opens one
        let mut chapter: Option<String> = None;
        let headed: Vec<(Option<String>, &Group)> = groups
            .iter()
            .map(|g| {
                let this = chapter_label(outline, &g.findings[0].provision.path);
                let opens = (chapter.as_ref() != Some(&this)).then(|| this.clone());
                chapter = Some(this);
                (opens, g)
            })
            .collect();
        html! {
            section.file id={"file" (i)} lang=[file.agreement.language.as_deref()] {
                @if several { h2.filename { (self.name(i, file)) } }
                (self.summary(i, file))
                @if let Some(n) = &file.negotiation { (negotiation(n)) }
                @if !file.gaps.is_empty() {
                    section.gaps id={"file" (i) "-gaps"} {
                        h2 { (label("gaps")) }
                        (gap_list(&file.gaps, &format!("file{i}"), &targets(groups.iter().map(|g| (g, g.findings[0].provision.path.clone())))))
                    }
                }
                section.findings id={"file" (i) "-findings"} {
                    h2 { (label("findings")) }
                    @if groups.is_empty() { p { (label("no-finding")) } }
                    @for (heading, g) in &headed {
                        @if let Some(h) = heading.as_ref().filter(|h| !h.is_empty()) {
                            h3.chapter { (h) }
                        }
                        (self.group(file, outline, g))
                    }
                }
            }
        }
    }

    fn summary(&self, i: usize, file: &FileFindings) -> Markup {
        let standing = Standing::of(file);
        let (ecommerce, ecommerce_bad) = match standing.ecommerce {
            Some(Ecommerce::NoCarveOut) => (label("ecommerce-no-carveout"), true),
            Some(Ecommerce::CarveOut) => (label("ecommerce-carveout"), false),
            Some(Ecommerce::Plain) => (label("ecommerce-plain"), false),
            None => (label("ecommerce-none"), false),
        };
        let (convention, convention_bad) = match standing.convention {
            Some(Convention::Cited) => (label("convention-cited"), false),
            Some(Convention::Proposed) => (label("convention-proposed"), true),
            Some(Convention::Missing) => (label("convention-missing"), true),
            None if self.combined => (label("convention-not-in-file"), false),
            None => (label("convention-none"), false),
        };
        let mut per_category: BTreeMap<(usize, Category), (usize, Severity)> = BTreeMap::new();
        let order: Vec<Category> = self.context.category_labels.iter().map(|c| c.0).collect();
        for f in &file.findings {
            let key = (
                order
                    .iter()
                    .position(|c| *c == f.category)
                    .unwrap_or(usize::MAX),
                f.category,
            );
            let e = per_category.entry(key).or_insert((0, f.severity));
            e.0 += 1;
            e.1 = e.1.max(f.severity);
        }
        let m = &file.agreement;
        let hidden = &file.hidden;
        let by_category = (hidden.by_category.len(), hidden.gaps_by_category.len());
        let by_baseline = (hidden.by_baseline.len(), hidden.gaps_by_baseline.len());
        html! {
            section.summary id={"file" (i) "-summary"} {
                h2 { (label("summary")) }
                dl.meta {
                    @if let Some(name) = m.name.as_deref().or(self.outline(i).title.as_deref()) { dt { (label("agreement")) } dd { (name) } }
                    dt { (label("file")) } dd.path { (file.path) }
                    @if !m.parties.is_empty() { dt { (label("parties")) } dd { (party_list(&m.parties)) } }
                    @if let Some(d) = &m.date_signed { dt { (label("signed")) } dd { (d) } }
                    @if let Some(d) = &m.date_into_force { dt { (label("in-force")) } dd { (d) } }
                    @if let Some(l) = &m.language { dt { (label("language")) } dd { (l) } }
                }
                ul.headline {
                    li.bad[standing.clauses == 0] { b { (colon("cultural-clauses")) " " } (standing.clauses) }
                    li.bad[ecommerce_bad] { b { (colon("e-commerce")) " " } (ecommerce) }
                    li.bad[convention_bad] { b { (colon("convention")) " " } (convention) }
                    @if self.combined {
                        li { b { (colon("gaps")) " " } a href="#combined" { (label("see-combined")) } }
                    } @else {
                        li.bad[!file.gaps.is_empty()] { b { (colon("gaps")) " " } (file.gaps.len()) }
                    }
                }
                @if by_category.0 + by_category.1 > 0 {
                    p.hidden-note { b { (colon("not-shown-category")) " " } (both(by_category)) }
                }
                @if by_baseline.0 + by_baseline.1 > 0 {
                    p.hidden-note { b { (colon("not-shown-baseline")) " " } (both(by_baseline)) }
                }
                @if !per_category.is_empty() {
                    table.categories {
                        caption { (label("by-category")) }
                        thead { tr { th { (label("category")) } th { (label("provisions")) } th { (label("severity")) } } }
                        tbody {
                            @for ((_, c), (n, s)) in &per_category {
                                tr data-categories=(c.as_str()) {
                                    td { (self.category(*c)) " " code { (c.as_str()) } }
                                    td.n { (n) }
                                    td { span class={"sev " (s.name())} { (label(s.name())) } }
                                }
                            }
                        }
                    }
                }
                @for note in &file.notes { p.note { b { (colon("note")) " " } (note) } }
            }
        }
    }

    fn group(&self, file: &FileFindings, outline: &Outline, g: &Group) -> Markup {
        let first = g.findings[0];
        let p = &first.provision;
        let text = outline.texts.get(&p.path);
        html! {
            article.provision id=(g.anchor) data-categories=(categories_of(g)) {
                h4 {
                    (provision_label(p))
                    " " span.path { (p.path) @if let Some(id) = &p.source_id { " · " (label("id")) " " (id) } }
                }
                @for f in &g.findings { (self.finding(file, f)) }
                @if let Some(text) = text {
                    details.article-text {
                        summary { (label("article-text")) }
                        div.text { (marked(&reflow(text), &article_marks(text, g.findings.iter().map(|f| (f.excerpt.as_str(), &f.marks))))) }
                    }
                }
            }
        }
    }

    fn finding(&self, file: &FileFindings, f: &Finding) -> Markup {
        let mut paragraphs: Vec<(&str, &str)> = Vec::new();
        for rule in &f.rules {
            for (i, para) in rule.guideline.iter().enumerate() {
                if !paragraphs.iter().any(|(p, _)| p == para) {
                    let summary = rule
                        .guideline_summaries_in(page_lang())
                        .get(i)
                        .map_or("", String::as_str);
                    paragraphs.push((para, summary));
                }
            }
        }
        paragraphs.sort_by_key(|(p, _)| f.guideline.iter().position(|g| g == p));
        html! {
            div class={"finding " (f.severity.name())} data-category=(f.category.as_str()) {
                p.head {
                    span class={"sev " (f.severity.name())} { (label(f.severity.name())) }
                    " " span.cat { (self.category(f.category)) }
                    " " code.codes { (f.rule_codes().join(", ")) }
                    " " span.where { (location(file, f)) }
                }
                p.message { (f.message) }
                blockquote.excerpt { (marked(&f.excerpt, &f.marks)) }
                @if let Some(r) = &f.revision {
                    p.revision {
                        b { (colon("tracked-change")) " " }
                        (label(match r.kind {
                            RevisionKind::Insertion => "proposed-by",
                            RevisionKind::Deletion => "deleted-by",
                            RevisionKind::Move => "moved-by",
                        }))
                        " "
                        @if r.author.is_empty() { (label("unnamed-author")) } @else { (r.author) }
                        @if let Some(d) = &r.date { ", " (d.split('T').next().unwrap_or(d)) }
                    }
                }
                @if let Some(n) = &f.negotiation {
                    p.negotiation.bracketed[n.status != crate::model::negotiation::Status::Agreed] {
                        b { (colon("negotiation")) " " } (n.describe_in(Locale::of(page_lang())))
                    }
                    @for note in &n.notes { blockquote.excerpt { (note) } }
                }
                p.note { (f.rule().note_in(page_lang())) }
                // the paragraphs' summaries repeat from finding to finding:
                // their numbers show, their text opens on demand
                details.guidelines {
                    summary {
                        b { (label("guideline")) } " " (paragraphs.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", "))
                        @if !f.convention_article.is_empty() {
                            " · " b { (label("convention-article")) } " " (f.convention_article.join(", "))
                        }
                    }
                    ul.guidelines {
                        @for (para, summary) in &paragraphs {
                            li { b { (label("guideline")) " " (para) } @if !summary.is_empty() { (colon_gap()) (summary) } }
                        }
                    }
                }
                details.rules {
                    summary { (colon("rules")) " " (f.rule_codes().join(", ")) }
                    @for rule in &f.rules {
                        p { code { (rule.code) } " " b { (rule.title_in(page_lang())) } }
                        @for para in rule.explanation_in(page_lang()).split("\n\n") { p { (para) } }
                    }
                }
            }
        }
    }
}

/// Provision path (as gap evidence names it) → the anchor and label of its
/// findings on the page.
type Targets = HashMap<String, (String, String)>;

fn targets<'f>(groups: impl IntoIterator<Item = (&'f Group<'f>, String)>) -> Targets {
    groups
        .into_iter()
        .map(|(g, key)| {
            (
                key,
                (g.anchor.clone(), provision_label(&g.findings[0].provision)),
            )
        })
        .collect()
}

fn gap_list(gaps: &[Gap], prefix: &str, targets: &Targets) -> Markup {
    html! {
        @if gaps.is_empty() { p { (label("no-gap")) } }
        @for (n, g) in gaps.iter().enumerate() {
            div class={"gap " (g.severity.name())} id={(prefix) "-gap" (n)} {
                h3 { (g.message) }
                p.head {
                    span class={"sev " (g.severity.name())} { (label(g.severity.name())) }
                    " " code { (g.id.as_str()) }
                }
                @if !g.evidence.is_empty() {
                    p {
                        b { (colon("concerns")) " " }
                        @let labels: Vec<String> = g.evidence.iter().map(|e| super::evidence_label(e, page_lang())).collect();
                        @let separator = super::evidence_separator(&labels);
                        @for (k, e) in g.evidence.iter().enumerate() {
                            @if k > 0 { (separator) }
                            @if let Some((anchor, name)) = targets.get(e) {
                                a href={"#" (anchor)} { (name) } " " span.path { (e) }
                            } @else { (labels[k]) }
                        }
                    }
                }
                p.recommendation { b { (colon("recommendation")) " " } (g.recommendation) }
                p { b { (label("suggested-clause")) ":" } }
                @if let Some(k) = super::same_clause_as(gaps, n) {
                    p.clause-ref { a href={"#" (prefix) "-gap" (k)} { (Locale::of(page_lang()).tr("gap-same-clause", &[("gap", gaps[k].id.as_str().into())])) } }
                } @else {
                    blockquote.clause { (g.suggested_clause) }
                }
                ul.guidelines {
                    @for (i, para) in g.guideline.iter().enumerate() {
                        li {
                            b { (label("guideline")) " " (para) }
                            @if let Some(s) = g.info.guideline_summaries_in(page_lang()).get(i).filter(|s| !s.is_empty() && g.info.guideline.get(i) == Some(para)) { (colon_gap()) (s) }
                        }
                    }
                    @if !g.convention_article.is_empty() {
                        li { b { (label("convention-article")) " " (g.convention_article.join(", ")) } }
                    }
                }
                @if !g.info.explanation_in(page_lang()).is_empty() {
                    details { summary { (label("why")) } @for para in g.info.explanation_in(page_lang()).split("\n\n") { p { (para) } } }
                }
            }
        }
    }
}

/// The findings of a file by provision, in document order, each group with
/// an anchor unique in the page.
fn groups(i: usize, file: &FileFindings) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for f in &file.findings {
        match at.get(f.provision.path.as_str()) {
            Some(&k) => out[k].findings.push(f),
            None => {
                at.insert(&f.provision.path, out.len());
                out.push(Group {
                    anchor: format!("file{i}-p{}", out.len()),
                    findings: vec![f],
                });
            }
        }
    }
    out
}

fn categories_of(g: &Group) -> String {
    let mut cats: Vec<&str> = g.findings.iter().map(|f| f.category.as_str()).collect();
    cats.dedup();
    cats.join(" ")
}

/// "Part II › Chapter 3 (Electronic Commerce)": the divisions a provision
/// path lies in, as the outline names them; empty when none is known.
fn chapter_label(outline: &Outline, path: &str) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut labels = Vec::new();
    for n in 1..segments.len() {
        if let Some(l) = outline.divisions.get(&segments[..n].join("/")) {
            labels.push(division_label(l));
        }
    }
    labels.join(" › ")
}

/// The file name a combined agreement's paths are prefixed with.
fn short_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// "page 428" for a PDF, "page 3-12 (PDF page 428)" when the page prints a
/// number of its own; "line 12, column 5" for other sources.
fn location(file: &FileFindings, f: &Finding) -> String {
    match f.page {
        Some(page) if file.format == SourceFormat::Pdf => match &f.page_label {
            Some(printed) => {
                let pdf_page =
                    Locale::of(page_lang()).tr("html-pdf-page", &[("page", page.into())]);
                format!("{} {printed} ({pdf_page})", label("page"))
            }
            None => format!("{} {page}", label("page")),
        },
        _ => format!(
            "{} {}, {} {}",
            label("line"),
            f.line,
            label("column"),
            f.column
        ),
    }
}

fn both((findings, gaps): (usize, usize)) -> String {
    match (findings, gaps) {
        (f, 0) => counted("findings", f),
        (0, g) => counted("gaps", g),
        (f, g) => format!("{}, {}", counted("findings", f), counted("gaps", g)),
    }
}

/// A provision's text as printed, with the line breaks of a narrow page
/// (a PDF column, a hard-wrapped draft) inside a sentence read as spaces: a
/// single line break before a lowercase word, or before a capitalised one
/// after a lowercase letter or a comma. The heading's line, paragraph breaks
/// and lines that open with a number or a bracket stay. Byte offsets are
/// unchanged (`\n` and a space are one byte each), so marks still fit.
fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = '\n';
    let mut heading = true;
    for (i, ch) in text.char_indices() {
        let mut joins = false;
        if ch == '\n' {
            let next = text[i + 1..].trim_start_matches([' ', '\t']).chars().next();
            joins = !heading
                && prev != '\n'
                && next.is_some_and(|n| {
                    n.is_lowercase() || (n.is_uppercase() && (prev.is_lowercase() || prev == ','))
                });
            heading = false;
        }
        out.push(if joins { ' ' } else { ch });
        if !(ch == ' ' || ch == '\t') {
            prev = ch;
        }
    }
    out
}

/// `text` with the marked runs in `<mark>`, every piece escaped.
fn marked(text: &str, marks: &Marks) -> Markup {
    html! {
        @for (piece, is_mark) in marks.pieces(text) {
            @if is_mark { mark { (piece) } } @else { (piece) }
        }
    }
}

/// The findings' matched words in the provision's whole text: each excerpt
/// (without its `…`) is looked for in the text with whitespace runs read as
/// one space, as excerpts are written, and its marks carried over. An
/// excerpt not found adds no mark.
fn article_marks<'f>(text: &str, excerpts: impl Iterator<Item = (&'f str, &'f Marks)>) -> Marks {
    let mut collapsed = String::with_capacity(text.len());
    // for each byte of `collapsed`, the byte of `text` it stands for
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    let mut last_space = true;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if !last_space {
                collapsed.push(' ');
                origin.push(i);
                last_space = true;
            }
        } else {
            collapsed.push(ch);
            origin.extend(i..i + ch.len_utf8());
            last_space = false;
        }
    }
    let mut raw = Vec::new();
    for (excerpt, marks) in excerpts {
        let start = if excerpt.starts_with('…') {
            '…'.len_utf8()
        } else {
            0
        };
        let end = excerpt.len()
            - if excerpt.ends_with('…') && excerpt.len() > start {
                '…'.len_utf8()
            } else {
                0
            };
        let Some(core) = excerpt.get(start..end).filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        let Some(at) = collapsed.find(core) else {
            continue;
        };
        for &(s, e) in marks.ranges() {
            if s < start || e > end || s >= e {
                continue;
            }
            let (cs, ce) = (at + s - start, at + e - start);
            raw.push((origin[cs], origin[ce - 1] + 1));
        }
    }
    Marks::snap(text, raw)
}

const CSS: &str = r#"
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--accent:#0b4f8a}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 Georgia,'Times New Roman',serif;color:var(--ink);background:#fff}
header{padding:1rem 2rem .6rem;border-bottom:3px solid var(--accent);background:var(--bg)}
header h1{margin:.1rem 0;font-size:1.5rem;line-height:1.25}
.by{margin:0;font:600 .8rem/1.2 system-ui,sans-serif;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.layout{display:flex;align-items:flex-start}
nav.toc{position:sticky;top:0;width:19rem;flex:none;max-height:100vh;overflow:auto;padding:1rem 1rem 2rem 1.4rem;border-right:1px solid var(--line);font:.85rem/1.4 system-ui,sans-serif;background:#fcfcfd}
nav.toc h2{font-size:.95rem;margin:.2rem 0 .5rem}
nav.toc ol{list-style:none;padding-left:.8rem;margin:.15rem 0}
nav.toc>ol{padding-left:0}
nav.toc a{color:var(--accent);text-decoration:none}nav.toc a:hover{text-decoration:underline}
nav.toc .chapter{display:block;font-weight:600;color:var(--muted);margin-top:.35rem}
main{flex:1;min-width:0;max-width:60rem;padding:.5rem 2rem 3rem}
h2{font:600 1.25rem/1.3 system-ui,sans-serif;margin:1.6rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h2.filename{font-size:1.4rem;border-bottom:3px double var(--line)}
h3{font:600 1.05rem/1.35 system-ui,sans-serif;margin:.2rem 0 .4rem}
h3.chapter{margin:1.4rem 0 .5rem;color:var(--accent)}
h4{font:600 1rem/1.35 system-ui,sans-serif;margin:0 0 .5rem}
.path{font:400 .8rem ui-monospace,monospace;color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0 .8rem;font-size:.95rem}
dl.meta dt{font-weight:600;font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted)}dl.meta dd{margin:0}
ul.headline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0}
ul.headline li{border:1px solid var(--line);border-left:5px solid #2da44e;border-radius:4px;padding:.35rem .7rem;font-family:system-ui,sans-serif;font-size:.9rem;background:#fff}
ul.headline li.bad{border-left-color:#cf222e}
.hidden-note{font-family:system-ui,sans-serif;font-size:.9rem;background:#fff8c5;border:1px solid #d4a72c;padding:.3rem .6rem;border-radius:4px}
table.categories{border-collapse:collapse;margin:.8rem 0;font-family:system-ui,sans-serif;font-size:.88rem}
table.categories caption{text-align:left;font-weight:600;padding-bottom:.3rem}
table.categories th,table.categories td{border-bottom:1px solid var(--line);padding:.25rem .8rem .25rem 0;text-align:left}
td.n{text-align:right}
code{font:.82em ui-monospace,monospace;background:var(--bg);padding:0 .25em;border-radius:3px}
.sev{display:inline-block;font:600 .72rem/1.4 system-ui,sans-serif;text-transform:uppercase;padding:0 .4em;border-radius:3px;color:#fff;background:#0969da}
.sev.warning{background:#9a6700}.sev.error{background:#cf222e}
.gap{border:1px solid var(--line);border-left:5px solid #9a6700;border-radius:4px;padding:.7rem 1rem;margin:.8rem 0;background:#fffdf5;break-inside:avoid}
.gap.error{border-left-color:#cf222e}
blockquote{margin:.4rem 0;padding:.5rem .9rem;border-left:3px solid var(--line);background:var(--bg)}
blockquote.clause{font-style:italic;border-left-color:#2da44e;background:#f0fff4}
.recommendation{margin:.4rem 0}
article.provision{border:1px solid var(--line);border-radius:6px;padding:.7rem 1rem;margin:.8rem 0;break-inside:avoid-page}
.finding{border-top:1px dashed var(--line);padding:.5rem 0 .3rem}
.finding:first-of-type{border-top:0;padding-top:0}
.finding .head{margin:0;font-family:system-ui,sans-serif;font-size:.88rem}
.cat{font-weight:600}.codes{font-weight:600}.where{color:var(--muted)}
.message{margin:.25rem 0;font-weight:600}
.note{color:#333;margin:.3rem 0}
.run-note{margin-top:1.2rem;background:#ddf4ff;border:1px solid #54aeff;padding:.4rem .7rem;border-radius:4px}
.not-reviewed{border-left:4px solid #cf222e;padding-left:.8rem}.not-reviewed li{margin:.2rem 0}
p.note b{font-family:system-ui,sans-serif}
.revision{background:#ddf4ff;border:1px solid #54aeff;padding:.2rem .5rem;border-radius:4px;font-size:.92rem}
.negotiation{background:#eefbea;border:1px solid #4ac26b;padding:.2rem .5rem;border-radius:4px;font-size:.92rem}
.negotiation.bracketed{background:#fff1e5;border-color:#e16f24}
section.negotiation{margin:1rem 0;padding:.5rem 1rem;font-size:1rem}
table.positions td,table.positions th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #ddd}
ul.guidelines{margin:.3rem 0;padding-left:1.2rem;font-size:.9rem;color:#333}
details.guidelines{font-size:.9rem;color:#333;margin:.3rem 0}details.guidelines>summary{cursor:pointer}
details{margin:.3rem 0}
details>summary{cursor:pointer;font-family:system-ui,sans-serif;font-size:.85rem;color:var(--accent)}
details.article-text .text{white-space:pre-wrap;font-size:.92rem;padding:.5rem .8rem;background:var(--bg);border-radius:4px;max-height:32rem;overflow:auto}
details.rules p{font-size:.9rem}
mark{background:#ffe066;color:inherit;padding:0 .1em;border-bottom:2px solid #b08800;-webkit-print-color-adjust:exact;print-color-adjust:exact}
fieldset.filter{border:1px solid var(--line);border-radius:6px;margin:.2rem 0 1rem;padding:.4rem .6rem .6rem;font:.8rem/1.3 system-ui,sans-serif;background:#fff}
fieldset.filter legend{font-weight:600}
fieldset.filter label{display:block;margin:.2rem 0}
fieldset.filter button{font:inherit;margin-right:.4rem}
footer{margin-top:2.5rem;border-top:1px solid var(--line);font-size:.82rem;color:var(--muted)}
[hidden]{display:none!important}
@media (max-width:900px){.layout{display:block}nav.toc{position:static;width:auto;max-height:none;border-right:0;border-bottom:1px solid var(--line)}}
@media print{
 body{font-size:10.5pt}
 header{background:none;border-bottom:2px solid #000;padding:0 0 .4rem}
 .layout{display:block}
 nav.toc,fieldset.filter{display:none!important}
 main{max-width:none;padding:0}
 details>summary{display:none}
 article.provision,.gap{break-inside:avoid}
 h2,h3,h4{break-after:avoid}
 a{color:inherit;text-decoration:none}
 .sev{color:#000;background:none;border:1px solid #000}
 [data-category][hidden],[data-categories][hidden]{display:none!important}
}
"#;

/// The category filter: shows the fieldset (hidden for readers without
/// scripts, who see everything) and hides findings, articles and contents
/// entries of unticked categories, at once for boxes a browser restored on
/// reload and on every change. Reads no agreement text.
const SCRIPT: &str = r#"
(function(){
var box=document.getElementById('filter');if(!box)return;box.hidden=false;
var inputs=[].slice.call(box.querySelectorAll('input[type=checkbox]'));
function apply(){
 var on={};inputs.forEach(function(i){if(i.checked)on[i.value]=true;});
 document.querySelectorAll('[data-category]').forEach(function(e){e.hidden=!on[e.getAttribute('data-category')];});
 document.querySelectorAll('[data-categories]').forEach(function(e){
  e.hidden=!e.getAttribute('data-categories').split(' ').some(function(c){return on[c];});});
}
inputs.forEach(function(i){i.addEventListener('change',apply);});
apply();
[].slice.call(box.querySelectorAll('button')).forEach(function(b){b.addEventListener('click',function(){
 var v=b.getAttribute('data-all')==='1';inputs.forEach(function(i){i.checked=v;});apply();});});
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_an_excerpt_land_on_the_same_words_of_the_article_text() {
        let text = "1.  This Chapter\n   does not apply to  the cultural\nindustries of a Party;\n2. Élan vital.";
        let excerpt = "…does not apply to the cultural industries of a Party;…";
        let at = excerpt.find("cultural industries").unwrap();
        let marks = Marks::snap(excerpt, [(at, at + "cultural industries".len())]);
        let found = article_marks(text, [(excerpt, &marks)].into_iter());
        assert_eq!(found.words(text), ["cultural\nindustries"]);
        // an excerpt of other words marks nothing
        let other = Marks::snap("Élan mortel", [(0, 5)]);
        assert!(article_marks(text, [("Élan mortel", &other)].into_iter()).is_empty());
    }

    #[test]
    fn reflow_joins_lines_inside_a_sentence_only() {
        let text = "Article 4\nCultural Industries\n1. Each Party may adjust its practice\nwith respect to the\nWTO Decision.\nThe Parties\n(a) shall,\nReview it.\n\n2. Done";
        let out = reflow(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(
            out,
            "Article 4\nCultural Industries\n1. Each Party may adjust its practice with respect to the WTO Decision.\nThe Parties\n(a) shall, Review it.\n\n2. Done"
        );
    }

    #[test]
    fn every_label_the_page_uses_is_a_message_in_every_language() {
        use crate::locale::{Lang, Locale};
        let source = include_str!("html.rs");
        let mut missing = Vec::new();
        for (i, _) in source.match_indices("label(\"") {
            let key = &source[i + 7..];
            let key = &key[..key.find('"').unwrap()];
            for lang in [Lang::En, Lang::Es, Lang::Fr] {
                if key != "lang" && !Locale::of(lang).has(&format!("html-{key}")) {
                    missing.push(format!("{}: {key}", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "labels without a message: {missing:?}");
    }
}
