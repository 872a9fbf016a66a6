//! The provision tree: what an agreement is made of, with where each piece sits
//! in the source. Every later stage (rules, gaps, compare, corpus) reads this.

mod excerpt;
mod outline;
pub mod parties;
mod paths;
pub mod signed;

pub use excerpt::{amends_another_agreement, is_annex_alone, is_excerpt, reads_as_agreement};
pub use outline::{render_outline, render_outline_in, OutlineWords};
pub use paths::{assign_paths, normalize_number, number_key};

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a provision is: its level in the agreement's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The recitals before the first article or chapter.
    Preamble,
    /// A part ("Part", "Parte", "Partie"): a division above titles and chapters.
    Part,
    /// A title ("Title", "Título", "Titre"): the EU's division between parts
    /// and chapters.
    Title,
    /// A chapter, such as "Chapter 14: Electronic Commerce".
    Chapter,
    /// A section, inside a chapter or part.
    Section,
    /// A subsection, inside a section.
    Subsection,
    /// An article: the unit rules, reports and comparisons cite.
    Article,
    /// A numbered paragraph of an article ("1.", "2.").
    Paragraph,
    /// A lettered or numbered item inside a paragraph ("(a)", "(i)").
    Subparagraph,
    /// An entry of a document whose structure was not found (no article,
    /// chapter or annex heading: a flattened schedule, a clause on its own):
    /// a block between blank lines, a `Sector:` entry or a numbered entry.
    /// Findings attach to entries as they do to articles.
    Entry,
    /// A footnote's text: a line opening with `[3]` or `3/`.
    Footnote,
    /// An annex, such as a Party's schedule of reservations.
    Annex,
    /// An appendix, to the agreement or to an annex.
    Appendix,
    /// A protocol attached to the agreement.
    Protocol,
    /// A side letter exchanged between the Parties.
    SideLetter,
    /// The closing formula, from "In witness whereof" or "Done at" on (signatures, authentic
    /// texts).
    FinalClause,
}

impl Kind {
    /// Lowercase snake_case name, as in JSON and outlines ("side_letter").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Preamble => "preamble",
            Kind::Part => "part",
            Kind::Title => "title",
            Kind::Chapter => "chapter",
            Kind::Section => "section",
            Kind::Subsection => "subsection",
            Kind::Article => "article",
            Kind::Paragraph => "paragraph",
            Kind::Subparagraph => "subparagraph",
            Kind::Entry => "entry",
            Kind::Footnote => "footnote",
            Kind::Annex => "annex",
            Kind::Appendix => "appendix",
            Kind::Protocol => "protocol",
            Kind::SideLetter => "side_letter",
            Kind::FinalClause => "final_clause",
        }
    }

    /// Containers that group articles (the levels above an article).
    pub fn is_division(self) -> bool {
        matches!(
            self,
            Kind::Part | Kind::Title | Kind::Chapter | Kind::Section | Kind::Subsection
        ) || self.is_instrument()
    }

    /// Stand-alone instruments attached to the agreement.
    pub fn is_instrument(self) -> bool {
        matches!(
            self,
            Kind::Annex | Kind::Appendix | Kind::Protocol | Kind::SideLetter
        )
    }
}

/// One node of the provision tree: an article, a chapter, a paragraph…, with its children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    /// Its level: article, paragraph, chapter, annex…
    pub kind: Kind,
    /// As written, without its keyword: "14.2", "1-01", "XXIV", "premier", "b".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The heading's title ("Scope"), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The provision's own text: from its heading to its first child.
    pub text: String,
    /// 1-based line of the heading in the text as read.
    pub line: usize,
    /// 1-based PDF page of the heading; `None` for other sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The identifier the source gives it (ToTA `article_identifier`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Stable address such as `ch14/art14.2/p3/b`.
    pub path: String,
    /// Byte range in the document text, heading through last child.
    #[serde(skip)]
    pub span: Range<usize>,
    /// Byte range of its heading in the document text: the heading line and
    /// a title line below it ("Article 2" / "Scope"), or an article's first
    /// line when it repeats the heading the source gives (ToTA XML), each
    /// through its newline. Empty
    /// (`span.start..span.start`) when the text has no heading line; the
    /// provision's body starts at `heading.end`.
    #[serde(skip)]
    pub heading: Range<usize>,
    /// Provisions inside this one, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<Provision>,
}

impl Provision {
    /// A provision of `kind` whose heading is on 1-based `line` and which spans the byte
    /// range `span` of the document text; no title, text or path yet.
    pub fn new(kind: Kind, number: Option<String>, line: usize, span: Range<usize>) -> Self {
        Provision {
            kind,
            number,
            title: None,
            text: String::new(),
            line,
            page: None,
            source_id: None,
            path: String::new(),
            heading: span.start..span.start,
            span,
            children: Vec::new(),
        }
    }

    /// Whether an article numbered `number` (lower case: "8.2", "xx") is this
    /// provision or stands inside it.
    pub fn holds_article(&self, number: &str) -> bool {
        self.walk().any(|p| {
            p.kind == Kind::Article
                && p.number
                    .as_deref()
                    .is_some_and(|m| m.to_lowercase() == number)
        })
    }

    /// Whether this provision lies inside `outer` (a chapter holding this
    /// article, an article holding this paragraph), told by their paths:
    /// "ch10/art10.2" lies inside "ch10", not inside "ch1" nor itself.
    pub fn is_inside(&self, outer: &Provision) -> bool {
        self.path
            .strip_prefix(outer.path.as_str())
            .is_some_and(|rest| rest.starts_with('/'))
    }

    /// Depth-first walk over this provision and everything inside it.
    pub fn walk(&self) -> impl Iterator<Item = &Provision> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(next.children.iter().rev());
            Some(next)
        })
    }

    /// "Article 14.2 (Scope)" as a reader would cite it.
    pub fn label(&self) -> String {
        let kind = match self.kind {
            Kind::Paragraph => "paragraph",
            Kind::Subparagraph => "subparagraph",
            Kind::FinalClause => "final clause",
            Kind::SideLetter => "side letter",
            k => k.name(),
        };
        let mut s = String::new();
        let mut chars = kind.chars();
        if let Some(c) = chars.next() {
            s.extend(c.to_uppercase());
            s.push_str(chars.as_str());
        }
        if let Some(n) = &self.number {
            s.push(' ');
            s.push_str(&number_as_cited(n));
        }
        if let Some(t) = &self.title {
            s.push_str(" (");
            s.push_str(t);
            s.push(')');
        }
        s
    }
}

/// A provision's number as a label cites it: a number in words that a
/// heading wrote in capitals ("TITRE PREMIER", "CHAPTER ONE") in lower case
/// ("Titre premier", "Chapter one"), as a reader cites it after the
/// keyword; Roman numerals, letters and digits as written ("Title IV",
/// "Section B", "Article 2.1").
pub fn number_as_cited(number: &str) -> std::borrow::Cow<'_, str> {
    let roman = number.chars().all(|c| "IVXLCDM".contains(c));
    let shouted = number.chars().count() > 1
        && number.chars().all(|c| c.is_alphabetic() || c == '-')
        && number.chars().any(char::is_uppercase)
        && !number.chars().any(char::is_lowercase);
    if shouted && !roman {
        std::borrow::Cow::Owned(number.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(number)
    }
}

/// What the source says about the agreement (ToTA `<meta>`; empty for most text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The agreement's name (`<name>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ISO 3166 alpha-3 codes of the Parties (`<partyisocode>` under `<parties>`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parties: Vec<String>,
    /// Date of signature as the source writes it (`<date_signed>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_signed: Option<String>,
    /// Date of entry into force as the source writes it (`<date_into_force>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_into_force: Option<String>,
    /// Language code of the text (`<language>`: "en", "es", "fr").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The WTO RTA database identifier (`<wto_rta_id>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wto_rta_id: Option<String>,
    /// Type of agreement as ToTA records it (`<type>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_type: Option<String>,
    /// ToTA's own identifier of the treaty (`<treaty_identifier>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tota_id: Option<String>,
}

/// A parsed agreement: its metadata, its provisions, and the text they point into.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    /// The path the agreement was read from, as given.
    pub file: String,
    /// What kind of source it was read from.
    pub format: SourceFormat,
    /// What the source says about the agreement (ToTA `<meta>`; empty for other sources).
    pub metadata: Metadata,
    /// The top-level provisions, in document order.
    pub provisions: Vec<Provision>,
    /// The whole document text, which `span`s index, with its line (and page) map.
    #[serde(skip)]
    pub text: crate::text::LocatedText,
    /// Whether the articles' paragraphs are in the tree or left for later.
    #[serde(skip)]
    pub paragraphs: Paragraphs,
    /// The lines of a table of contents that name headings ("Article 2:
    /// Right to Regulate"), as byte ranges of `text`, sorted: they are kept
    /// as text of the provision around them (the preamble, mostly) but say
    /// nothing, and rules do not read them. Found by the structure parser;
    /// empty for ToTA XML.
    #[serde(skip)]
    pub contents: Vec<std::ops::Range<usize>>,
}

/// How deep a source was read. Paragraph parsing is most of the cost of
/// reading ToTA XML, and `check` needs paragraphs only for the few articles a
/// paragraph-wide rule looks into: `Deferred` leaves them to be parsed then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paragraphs {
    /// Paragraphs are in the tree.
    #[default]
    Parsed,
    /// Articles hold their text only; paragraphs are parsed when a rule needs them.
    Deferred,
}

/// The kind of file an agreement was read from, judged by content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text (a draft, or text extracted beforehand).
    #[default]
    Text,
    /// ToTA XML (the Texts of Trade Agreements corpus).
    TotaXml,
    /// PDF, its text extracted by treatyscan.
    Pdf,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// A web page (`.html`, `.htm`, or a saved page under another name).
    Html,
    /// Markdown (`.md`, `.markdown`, or a `.txt` written in it).
    Markdown,
}

impl Agreement {
    /// Depth-first walk over every provision of the agreement, in document order.
    pub fn walk(&self) -> impl Iterator<Item = &Provision> {
        self.provisions.iter().flat_map(|p| p.walk())
    }

    /// Every article, at any depth, in document order.
    pub fn articles(&self) -> impl Iterator<Item = &Provision> {
        self.walk().filter(|p| p.kind == Kind::Article)
    }

    /// The agreement's title: its metadata name, or the title page of a text
    /// (the first lines before any heading, up to a blank line; at most about
    /// 300 characters). Empty when the text opens on a heading.
    pub fn title(&self) -> String {
        if let Some(name) = &self.metadata.name {
            return name.clone();
        }
        let Some(page) = self.title_page() else {
            return String::new();
        };
        let mut title = String::new();
        for line in page.lines().map(str::trim) {
            if line.is_empty() {
                if title.is_empty() {
                    continue;
                }
                break;
            }
            if title.len() > 300 {
                break;
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(line);
        }
        self.title_below_cover(&title).unwrap_or(title)
    }

    /// The agreement's name for a list of agreements: its metadata name, or
    /// the first line of its title page (`title`), without Markdown heading
    /// marks and cut at a word near 200 characters. `None` when the text opens
    /// on a heading.
    pub fn name(&self) -> Option<String> {
        if let Some(name) = &self.metadata.name {
            return Some(name.clone());
        }
        let mut lines = self
            .title_page()?
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .skip_while(|l| l.is_empty() || is_breadcrumb(l));
        let mut line = lines.next()?.to_string();
        // a line of a word processor or a web page is a paragraph, set apart
        // by the author: a title goes on into the next one only across a
        // connecting word ("AGREEMENT BETWEEN" / "CANADA AND CHILE"), so
        // that a cover label ("US - SINGAPORE") is not run into the title
        // below it, as a PDF's gap between them keeps them apart too
        let paragraphs = matches!(self.format, SourceFormat::Docx | SourceFormat::Html);
        // a title set over several lines ("AGREEMENT ESTABLISHING THE
        // ASEAN-AUSTRALIA-" / "NEW ZEALAND FREE TRADE AREA") is one name
        for next in lines {
            if next.is_empty()
                || !continues_title(&line, next)
                || (paragraphs && !connected(&line, next))
            {
                break;
            }
            if !line.ends_with('-') {
                line.push(' ');
            }
            line.push_str(next);
        }
        if let Some(below) = self.title_below_cover(&line) {
            line = below;
        }
        if is_sentence(&line) {
            return None;
        }
        const NAME_CHARS: usize = 200;
        Some(match line.char_indices().nth(NAME_CHARS) {
            None => line,
            Some((cut, _)) => {
                let cut = line[..cut].rfind(' ').unwrap_or(cut);
                format!("{}…", &line[..cut])
            }
        })
    }

    /// The agreement's own title further down a title page whose opening
    /// (`opening`) names no agreement: a cover that opens on an organisation
    /// or a document's label ("World Trade Organization", "INF/ECOM/87")
    /// and names the agreement in a paragraph of its own ("AGREEMENT ON
    /// ELECTRONIC COMMERCE"), within its first `TITLE_PAGE_LINES` lines: a
    /// paragraph of up to `TITLE_LINES` lines between blank lines, or any line
    /// of a Word file or web page, whose lines are paragraphs.
    fn title_below_cover(&self, opening: &str) -> Option<String> {
        if names_an_agreement(opening) {
            return None;
        }
        let preamble = self
            .provisions
            .first()
            .filter(|p| p.kind == Kind::Preamble)?;
        let page: Vec<&str> = self
            .full_text(preamble)
            .lines()
            .take(TITLE_PAGE_LINES)
            .map(|l| {
                l.trim()
                    .trim_start_matches('#')
                    .trim()
                    .trim_matches(['*', '_'])
                    .trim()
            })
            .collect();
        // a line of a word processor or a web page is a paragraph already; in
        // a text a paragraph stands between blank lines, a title over up to
        // `TITLE_LINES` of them ("TRAITE MODIFIE DE L'UNION ECONOMIQUE ET
        // MONETAIRE OUEST AFRICAINE" / "(UEMOA)")
        let paragraphs: Vec<Option<String>> =
            if matches!(self.format, SourceFormat::Docx | SourceFormat::Html) {
                page.iter()
                    .filter(|l| !l.is_empty())
                    .map(|l| Some(l.to_string()))
                    .collect()
            } else {
                page.split(|l| l.is_empty())
                    .filter(|block| !block.is_empty())
                    .map(|block| (block.len() <= TITLE_LINES).then(|| block.join(" ")))
                    .collect()
            };
        // the first paragraph is the opening itself
        paragraphs
            .into_iter()
            .skip(1)
            .flatten()
            .find(|p| is_agreement_title(p))
    }

    /// The text a title page is read from: the opening provision when it is
    /// the preamble (the lines before the first heading); `None` when the
    /// text opens on a heading.
    fn title_page(&self) -> Option<&str> {
        self.provisions
            .first()
            .filter(|p| p.kind == Kind::Preamble)
            .map(|p| p.text.as_str())
    }

    /// One agreement published as several files, read as one: the texts one
    /// after the other, each file's provisions under its own name
    /// (`part2.txt:ch14/art14.1`, so that paths stay unique), the Parties of
    /// all. `parts` pairs each file's short name with its agreement.
    pub fn combine(parts: Vec<(String, Agreement)>) -> Agreement {
        let mut text = String::new();
        let mut provisions = Vec::new();
        let mut metadata = Metadata::default();
        let mut paragraphs = Paragraphs::Parsed;
        let mut file = Vec::new();
        let mut contents = Vec::new();
        for (name, a) in parts {
            let shift = text.len();
            contents.extend(a.contents.iter().map(|r| r.start + shift..r.end + shift));
            text.push_str(&a.text.text);
            text.push('\n');
            for mut p in a.provisions {
                rebase(&mut p, shift, &name);
                provisions.push(p);
            }
            for party in a.metadata.parties {
                if !metadata.parties.contains(&party) {
                    metadata.parties.push(party);
                }
            }
            if metadata.language.is_none() {
                metadata.language = a.metadata.language;
            }
            if a.paragraphs == Paragraphs::Deferred {
                paragraphs = Paragraphs::Deferred;
            }
            file.push(name);
        }
        Agreement {
            file: file.join(" + "),
            format: SourceFormat::Text,
            metadata,
            provisions,
            text: crate::text::LocatedText::plain(text),
            paragraphs,
            contents,
        }
    }

    /// The article text with everything inside it, as printed.
    pub fn full_text<'a>(&'a self, provision: &'a Provision) -> &'a str {
        self.text
            .text
            .get(provision.span.clone())
            .unwrap_or(&provision.text)
    }
}

/// How many lines of a text a title below a cover may take.
const TITLE_LINES: usize = 3;

/// How far down a title page the agreement's own title is looked for when
/// its first line is a cover label: lines, the empty ones counted.
const TITLE_PAGE_LINES: usize = 80;

/// The words that name an agreement, in its title.
const AGREEMENT_WORDS: &[&str] = &[
    "agreement",
    "treaty",
    "convention",
    "protocol",
    "acuerdo",
    "tratado",
    "convenio",
    "protocolo",
    "accord",
    "traité",
    "traite",
    "protocole",
];

/// Whether a line is a web site's breadcrumb trail rather than a title: it
/// says where the page is ("You are here: …", "Usted está en: …", "Vous
/// êtes ici : …") or runs through two steps or more ("Home > Agreements >
/// …").
fn is_breadcrumb(line: &str) -> bool {
    const HERE: &[&str] = &[
        "you are here",
        "usted está en",
        "está usted en",
        "vous êtes ici",
    ];
    let lower = line.to_lowercase();
    HERE.iter().any(|h| lower.starts_with(h))
        || [" > ", " › ", " » "]
            .iter()
            .any(|sep| line.matches(sep).count() >= 2)
}

/// Whether a line has a word that names an agreement.
fn names_an_agreement(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic())
        .any(|w| AGREEMENT_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether a line of a title page is an agreement's title: a short line, not
/// a sentence, whose words up to a word naming an agreement are capitalised
/// ("AGREEMENT ON ELECTRONIC COMMERCE", "Free Trade Agreement between Canada
/// and …", "EU-Viet Nam Free Trade Agreement"); "We reaffirm … the Agreement
/// on Electronic Commerce" is not.
/// Whether a line that opens a text is a sentence, not a title ("The
/// Parties have agreed as follows:", "The Parties,"): it ends on a colon,
/// semicolon, comma or full stop. Names of agreements never do.
pub fn is_sentence(line: &str) -> bool {
    line.trim_end().ends_with([':', ';', ',', '.'])
}

fn is_agreement_title(line: &str) -> bool {
    const MAX_CHARS: usize = 200;
    const MAX_WORDS_BEFORE: usize = 6;
    if line.chars().count() > MAX_CHARS || is_sentence(line) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .take(MAX_WORDS_BEFORE + 1)
        .position(|w| names_an_agreement(w))
    else {
        return false;
    };
    words[..=at].iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    })
}

/// Whether `next`, the line below `title` on a title page, goes on with the
/// same title: the title breaks off on a hyphen ("ASEAN-AUSTRALIA-"), the
/// line goes on in lower case, or both are set in capitals ("REGIONAL
/// COMPREHENSIVE ECONOMIC PARTNERSHIP" / "AGREEMENT"). A line that opens the
/// text ("PREAMBLE", "TABLE OF CONTENTS", "CHAPTER 1") is not part of the title,
/// nor is anything after a closed short form ("… (NAFTA)").
fn continues_title(title: &str, next: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "preamble",
        "preambulo",
        "préambule",
        "préambulo",
        "preámbulo",
        "preambule",
        "table of contents",
        "contents",
        "table des matières",
        "table des matieres",
        "sommaire",
        "índice",
        "indice",
    ];
    const HEADINGS: &[&str] = &[
        "chapter ",
        "article ",
        "annex ",
        "part ",
        "section ",
        "capítulo ",
        "capitulo ",
        "artículo ",
        "articulo ",
        "anexo ",
        "parte ",
        "sección ",
        "seccion ",
        "chapitre ",
        "annexe ",
        "partie ",
        "titre ",
        "title ",
    ];
    let lower = next.to_lowercase();
    if OPENINGS.contains(&lower.as_str())
        || HEADINGS.iter().any(|h| lower.starts_with(h))
        || title.ends_with(')')
    {
        return false;
    }
    let capitals =
        |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    title.ends_with('-')
        || next.starts_with(char::is_lowercase)
        || (capitals(title) && capitals(next))
}

/// Whether two paragraphs of a title are joined by a word that cannot end
/// or open a title: "… BETWEEN" / "CANADA …", "… CANADA" / "AND CHILE", or
/// a hyphen.
fn connected(title: &str, next: &str) -> bool {
    const LINKS: &[&str] = &[
        "and",
        "between",
        "of",
        "the",
        "on",
        "for",
        "to",
        "among",
        "establishing",
        "y",
        "entre",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "sobre",
        "et",
        "du",
        "des",
        "le",
        "les",
        "sur",
    ];
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    let first = next.split_whitespace().next().unwrap_or("").to_lowercase();
    title.ends_with(['-', '–']) || LINKS.contains(&last.as_str()) || LINKS.contains(&first.as_str())
}

/// Moves a provision (and everything in it) `shift` bytes on and puts its
/// path under `file:`.
fn rebase(p: &mut Provision, shift: usize, file: &str) {
    p.span = p.span.start + shift..p.span.end + shift;
    p.path = format!("{file}:{}", p.path);
    for c in &mut p.children {
        rebase(c, shift, file);
    }
}

#[cfg(test)]
mod tests {
    use super::{continues_title, number_as_cited, Kind, Provision};

    #[test]
    fn numbers_in_words_written_in_capitals_are_cited_in_lower_case() {
        let mut p = Provision::new(Kind::Chapter, Some("PREMIER".into()), 1, 0..0);
        p.title = Some("DROITS DE DOUANE".into());
        assert_eq!(p.label(), "Chapter premier (DROITS DE DOUANE)");
        for (written, cited) in [
            ("PREMIER", "premier"),
            ("ONE", "one"),
            ("PRIMERO", "primero"),
            ("TWENTY-ONE", "twenty-one"),
            ("premier", "premier"),
            ("IV", "IV"),
            ("XII", "XII"),
            ("B", "B"),
            ("14.2", "14.2"),
            ("3 bis", "3 bis"),
            ("1er", "1er"),
        ] {
            assert_eq!(number_as_cited(written), cited, "{written}");
        }
    }

    #[test]
    fn a_title_goes_on_in_capitals_after_a_hyphen_or_in_lower_case() {
        assert!(continues_title(
            "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP",
            "AGREEMENT"
        ));
        assert!(continues_title(
            "THE ASEAN-AUSTRALIA-",
            "New Zealand Free Trade Area"
        ));
        assert!(continues_title(
            "Agreement between the European Union",
            "and Japan"
        ));
        // what opens the text, or follows a closed short form, is not the title
        assert!(!continues_title(
            "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT",
            "TABLE OF CONTENTS"
        ));
        assert!(!continues_title("ACCORD DE PARTENARIAT", "PRÉAMBULE"));
        assert!(!continues_title("TRADE AGREEMENT", "CHAPTER 1"));
        assert!(!continues_title(
            "NORTH AMERICAN FREE TRADE AGREEMENT (NAFTA)",
            "PREAMBLE TO THE AGREEMENT"
        ));
        // a line in its own case after a title in mixed case is the text
        assert!(!continues_title(
            "Free Trade Agreement",
            "The Parties to this Agreement,"
        ));
    }
}
