//! The units that get aligned: articles (and stand-alone pieces such as the
//! preamble, final clause, or an annex without articles), each with its text
//! reduced to tokens, a hash and word shingles. The heading line is not part
//! of the compared text: "Article 14.2: Scope" → "Article 15.2: Scope" is a
//! renumbering, reported as such, not a word change.

use super::furniture::Furniture;
use super::tokens::{drop_footnote_markers, tokenize, Token};
use crate::provision::{Agreement, Kind, Provision};
use crate::structure::{classify, Line};
use crate::text::fold_text;
use std::hash::{DefaultHasher, Hash, Hasher};

/// An article or stand-alone provision (or a paragraph of a changed article) prepared for
/// alignment: its tokens, hashes and keys.
pub struct Unit<'a> {
    /// The provision in its agreement's tree.
    pub provision: &'a Provision,
    /// The chapter it sits in (or the nearest part/section/annex when there are no chapters).
    pub division: Option<&'a Provision>,
    /// The compared text, heading line left out, as tokens.
    pub tokens: Vec<Token>,
    /// Hash of the folded token sequence: equal means the same text up to layout and case.
    pub fold_hash: u64,
    /// Sorted, deduplicated hashes of 3-word shingles (single words for very short texts).
    pub shingles: Vec<u64>,
    /// The title folded and trimmed ("" without one): what "same title" and "retitled" compare.
    pub title_key: String,
    /// The number normalised for paths ("14.2", "xxiv"; "" without one): what "renumbered"
    /// compares.
    pub number_key: String,
    /// Article index within the agreement's structural order (for stable output).
    pub order: usize,
}

impl<'a> Unit<'a> {
    /// A unit of `provision` (in `division`) whose compared text is `body`; `order` is left at 0.
    pub fn new(provision: &'a Provision, division: Option<&'a Provision>, body: &str) -> Self {
        let tokens = drop_footnote_markers(tokenize(body));
        let mut h = DefaultHasher::new();
        for t in &tokens {
            t.fold.hash(&mut h);
        }
        Unit {
            provision,
            division,
            fold_hash: h.finish(),
            shingles: shingles(&tokens),
            title_key: provision
                .title
                .as_deref()
                .map(|t| fold_text(t).trim().to_string())
                .unwrap_or_default(),
            number_key: provision
                .number
                .as_deref()
                .map(crate::provision::number_key)
                .unwrap_or_default(),
            tokens,
            order: 0,
        }
    }

    /// Number of word tokens (punctuation not counted).
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_word).count()
    }

    /// The provision's label with the chapter it sits in, so that two
    /// "Article 2 (Definitions)" of different chapters read apart: "Chapter 3,
    /// Article 2 (Definitions)". Outside any division, the label alone.
    pub fn place_label(&self) -> String {
        let label = self.provision.label();
        let Some(d) = self.division else {
            return label;
        };
        let full = d.label();
        // "Chapter 3" out of "Chapter 3 (Trade in Services)"; a division
        // without a number keeps its title
        let division = match &d.number {
            Some(_) => full.split(" (").next().unwrap_or(&full),
            None => &full,
        };
        format!("{division}, {label}")
    }

    /// The provision and its division, to label it in any language.
    pub fn place(&self) -> super::l10n::Place {
        super::l10n::Place {
            provision: Some(crate::model::ProvisionRef::of(self.provision)),
            division: self.division.map(crate::model::ProvisionRef::of),
        }
    }

    /// Chapter identity as a key ("" outside any division).
    pub fn division_path(&self) -> &str {
        self.division.map_or("", |d| d.path.as_str())
    }
}

/// Articles and other stand-alone provisions, in document order, with the
/// agreement's page furniture (page numbers, running headers) left out.
pub fn article_units(agreement: &Agreement) -> Vec<Unit<'_>> {
    article_units_with(agreement, &Furniture::of(agreement))
}

/// [`article_units`] with the page furniture already found.
pub fn article_units_with<'a>(agreement: &'a Agreement, furniture: &Furniture) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    collect(agreement, furniture, &agreement.provisions, None, &mut out);
    for (i, u) in out.iter_mut().enumerate() {
        u.order = i;
    }
    out
}

fn contains_articles(p: &Provision) -> bool {
    p.walk().skip(1).any(|c| c.kind == Kind::Article)
}

/// The compared text of a provision: its text in the agreement without page
/// furniture and without its heading (see [`body`]).
pub fn compared_text(agreement: &Agreement, furniture: &Furniture, p: &Provision) -> String {
    match agreement.text.text.get(p.span.clone()) {
        Some(full) => body(&furniture.strip(full, p.span.start), p),
        None => body(&p.text, p),
    }
}

fn collect<'a>(
    agreement: &'a Agreement,
    furniture: &Furniture,
    provisions: &'a [Provision],
    division: Option<&'a Provision>,
    out: &mut Vec<Unit<'a>>,
) {
    for p in provisions {
        if p.kind == Kind::Article {
            out.push(Unit::new(
                p,
                division,
                &compared_text(agreement, furniture, p),
            ));
            continue;
        }
        let inner_division = enclosing_division(p, division);
        if contains_articles(p) {
            // A container that also carries text of its own (a preamble the
            // structure parser wrapped around the chapters) keeps that text as a unit.
            if !p.kind.is_division() && !body(&p.text, p).trim().is_empty() {
                out.push(Unit::new(p, division, &body(&p.text, p)));
            }
            collect(agreement, furniture, &p.children, inner_division, out);
        } else if p.kind.is_division() && p.children.iter().any(|c| c.kind.is_division()) {
            collect(agreement, furniture, &p.children, inner_division, out);
        } else {
            out.push(Unit::new(
                p,
                division,
                &compared_text(agreement, furniture, p),
            ));
        }
    }
}

/// Sections inside a chapter stay "in that chapter": a move is a change of chapter.
fn enclosing_division<'a>(
    p: &'a Provision,
    current: Option<&'a Provision>,
) -> Option<&'a Provision> {
    if !p.kind.is_division() {
        return current;
    }
    match current {
        Some(c)
            if c.kind == Kind::Chapter && matches!(p.kind, Kind::Section | Kind::Subsection) =>
        {
            Some(c)
        }
        _ => Some(p),
    }
}

/// The text without its heading: the keyword-and-number line, the title when
/// it stands on the next line, or a leading paragraph marker ("2.", "(b)").
pub fn body(text: &str, p: &Provision) -> String {
    let mut rest = text.trim_start();
    let title = p.title.as_deref().map(fold_text);
    let first = first_line(rest);
    match classify(first) {
        Line::Heading(_) | Line::PreambleHeading => {
            rest = rest[first.len()..].trim_start();
            let next = first_line(rest);
            if title.as_deref() == Some(fold_text(next).trim()) {
                rest = rest[next.len()..].trim_start();
            }
        }
        // A paragraph renumbered from 2 to 3 has the same words: its marker is
        // its number, not its text. (An article starting "1." keeps it.)
        Line::Marker(m) if matches!(p.kind, Kind::Paragraph | Kind::Subparagraph) => {
            if let Some(after) = rest.trim_start_matches('(').strip_prefix(m.token.as_str()) {
                rest = after.trim_start_matches(['.', ')']).trim_start();
            }
        }
        _ if title.as_deref() == Some(fold_text(first).trim()) => {
            rest = rest[first.len()..].trim_start();
        }
        _ => {}
    }
    without_next_division_heading(rest).to_string()
}

/// The text without the heading of the next division when it closes it
/// ("… señaladas en el anexo 3-03. Sección C - Aranceles"): ToTA keeps such
/// a heading in the text of the article before it, a PDF reader gives it to
/// the division. Where a heading stands is layout, not text.
fn without_next_division_heading(text: &str) -> &str {
    let trimmed = text.trim_end();
    let cut = trimmed.rfind(['\n', '.', ';', ':']).map_or(0, |i| i + 1);
    let tail = trimmed[cut..].trim();
    let division = match classify(tail) {
        Line::Heading(h) => h.title.is_some() && h.kind.is_division() && !h.kind.is_instrument(),
        _ => false,
    };
    if division && cut > 0 {
        trimmed[..cut].trim_end()
    } else {
        text
    }
}

/// How many tokens at the start of `unit` are `other`'s title, when `unit` has
/// no title of its own: a PDF often prints the title as the first line of the
/// text where ToTA XML has it as an attribute. Zero otherwise.
pub fn printed_title_len(unit: &Unit, other: &Unit) -> usize {
    if !unit.title_key.is_empty() {
        return 0;
    }
    let Some(title) = other.provision.title.as_deref() else {
        return 0;
    };
    let wanted: Vec<u64> = drop_footnote_markers(tokenize(title))
        .iter()
        .map(|t| t.fold)
        .collect();
    let starts_with_title = !wanted.is_empty()
        && unit.tokens.len() >= wanted.len()
        && unit.tokens.iter().zip(&wanted).all(|(t, w)| t.fold == *w);
    if starts_with_title {
        wanted.len()
    } else {
        0
    }
}

fn first_line(s: &str) -> &str {
    s.split('\n').next().unwrap_or("")
}

fn shingles(tokens: &[Token]) -> Vec<u64> {
    let words: Vec<u64> = tokens
        .iter()
        .filter(|t| t.is_word)
        .map(|t| t.fold)
        .collect();
    let mut out: Vec<u64> = if words.len() < 3 {
        words
    } else {
        words
            .windows(3)
            .map(|w| {
                let mut h = DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Size of the intersection of two sorted lists (linear merge); with repeated
/// items it is the multiset intersection.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient over shingles: a cheap, linear similarity used to rank candidates.
pub fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared(a, b) as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::without_next_division_heading as cut;

    #[test]
    fn a_division_heading_closing_an_article_is_left_out() {
        assert_eq!(
            cut("… señaladas en el anexo 3-03. Sección C - Aranceles"),
            "… señaladas en el anexo 3-03."
        );
        assert_eq!(
            cut("Each Party shall apply it.\nSECTION B – INVESTMENT\n"),
            "Each Party shall apply it."
        );
        for kept in [
            "Each Party shall apply Article 5. Article 6 applies too.",
            "The Parties shall cooperate. Chapter 3 shall not apply.",
            "Sección C - Aranceles",
        ] {
            assert_eq!(cut(kept), kept);
        }
    }
}
