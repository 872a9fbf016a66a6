//! The provision tree: what an agreement is made of, with where each piece sits
//! in the source. Every later stage (rules, gaps, compare, corpus) reads this.

mod outline;
mod paths;

pub use outline::render_outline;
pub use paths::{assign_paths, normalize_number};

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Preamble,
    Part,
    Chapter,
    Section,
    Subsection,
    Article,
    Paragraph,
    Subparagraph,
    Footnote,
    Annex,
    Appendix,
    Protocol,
    SideLetter,
    FinalClause,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Preamble => "preamble",
            Kind::Part => "part",
            Kind::Chapter => "chapter",
            Kind::Section => "section",
            Kind::Subsection => "subsection",
            Kind::Article => "article",
            Kind::Paragraph => "paragraph",
            Kind::Subparagraph => "subparagraph",
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
            Kind::Part | Kind::Chapter | Kind::Section | Kind::Subsection
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    pub kind: Kind,
    /// As written, without its keyword: "14.2", "1-01", "XXIV", "premier", "b".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The provision's own text: from its heading to its first child.
    pub text: String,
    /// 1-based line of the heading in the text as read.
    pub line: usize,
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
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<Provision>,
}

impl Provision {
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
            span,
            children: Vec::new(),
        }
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
            s.push_str(n);
        }
        if let Some(t) = &self.title {
            s.push_str(" (");
            s.push_str(t);
            s.push(')');
        }
        s
    }
}

/// What the source says about the agreement (ToTA `<meta>`; empty for most text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parties: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_signed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_into_force: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wto_rta_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tota_id: Option<String>,
}

/// A parsed agreement: its metadata, its provisions, and the text they point into.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub file: String,
    pub format: SourceFormat,
    pub metadata: Metadata,
    pub provisions: Vec<Provision>,
    #[serde(skip)]
    pub text: crate::text::LocatedText,
    /// Whether the articles' paragraphs are in the tree or left for later.
    #[serde(skip)]
    pub paragraphs: Paragraphs,
}

/// How deep a source was read. Paragraph parsing is most of the cost of
/// reading ToTA XML, and `check` needs paragraphs only for the few articles a
/// paragraph-wide rule looks into: `Deferred` leaves them to be parsed then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paragraphs {
    #[default]
    Parsed,
    Deferred,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Text,
    TotaXml,
    Pdf,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// A web page (`.html`, `.htm`, or a saved page under another name).
    Html,
    /// Markdown (`.md`, `.markdown`, or a `.txt` written in it).
    Markdown,
}

impl Agreement {
    pub fn walk(&self) -> impl Iterator<Item = &Provision> {
        self.provisions.iter().flat_map(|p| p.walk())
    }

    pub fn articles(&self) -> impl Iterator<Item = &Provision> {
        self.walk().filter(|p| p.kind == Kind::Article)
    }

    /// The paragraphs of an article: from the tree, or parsed now when they were
    /// deferred. Parsed now, they carry spans but no paths.
    pub fn paragraphs_of<'a>(&self, article: &'a Provision) -> Cow<'a, [Provision]> {
        let deferred = self.paragraphs == Paragraphs::Deferred
            && article.kind == Kind::Article
            && article.children.is_empty();
        if deferred {
            Cow::Owned(crate::structure::parse_body(&self.text, article.span.clone()).1)
        } else {
            Cow::Borrowed(&article.children)
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
