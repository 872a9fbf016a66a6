//! A document whose structure was not found (no article, chapter, annex or
//! other heading: a flattened schedule, a list of reservations pasted from a
//! table, a clause sent on its own) would otherwise be one preamble, and a
//! rule that reads a whole provision would join words of unrelated entries.
//! Here it is cut into entries: blocks between blank lines, a line opening a
//! schedule entry (`Sector:`), a numbered entry that no chapeau introduces,
//! or a line that opens a sentence after a line that ended one.
//! A title and recitals at the head stay the preamble; a chapeau stays with
//! the list under it, so that "may adopt or maintain any measure … listed
//! below:" is read with its items.

use crate::provision::{Kind, Provision};
use crate::text::LocatedText;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A line that opens a schedule entry: `Sector:`, `Secteur :`, `Sector —`.
static ENTRY_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:sector|secteur|sectores|secteurs)\s*[:—–-]")
        .expect("valid pattern")
});

/// A line that opens a list item under a chapeau.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{1,3}[.)]|\(?[a-z]{1,4}\)|[-–—•*])\s+\S").expect("valid pattern")
});

/// Words that announce a list: a chapeau's "listed below", "the following".
static CHAPEAU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?::\s*$|listed below|set out below|the following|a continuaci[oó]n|siguientes\s*:|ci-(?:apr[eè]s|dessous)|suivant(?:e?s)?\s*:)",
    )
    .expect("valid pattern")
});

/// The first word of a recital: "Recognising", "Reconociendo", "Rappelant"…
static RECITAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:recogni[sz]ing|recalling|reaffirming|affirming|desiring|desirous|considering|noting|acknowledging|determined|convinced|conscious|mindful|emphasi[sz]ing|stressing|welcoming|resolved|bearing in mind|reconociendo|recordando|reafirmando|afirmando|deseando|deseosos?|considerando|tomando nota|conscientes?|convencidos?|decididos?|subrayando|destacando|reconnaissant|rappelant|r[ée]affirmant|affirmant|d[ée]sireux|d[ée]sirant|consid[ée]rant|notant|prenant acte|convaincus?|d[ée]termin[ée]s?|soulignant|ayant [aà] l'esprit)\b",
    )
    .expect("valid pattern")
});

/// The formula that ends a preamble: "Have agreed as follows:".
static AGREED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)agreed? as follows|(?:han|hemos) (?:convenido|acordado)|acuerdan lo siguiente|convenu(?:e?s)? de ce qui suit|sont convenu(?:e?s)?",
    )
    .expect("valid pattern")
});

/// Whether the tree has no heading of its own: nothing but a preamble, a
/// final clause, and the numbered paragraphs and footnotes inside them.
fn structure_not_found(roots: &[Provision]) -> bool {
    roots.iter().all(|p| {
        p.walk().all(|c| {
            matches!(
                c.kind,
                Kind::Preamble
                    | Kind::FinalClause
                    | Kind::Paragraph
                    | Kind::Subparagraph
                    | Kind::Footnote
            )
        })
    })
}

/// The footnotes among `nodes` and inside them (numbered paragraphs opened
/// outside any article are read again as entries and their items).
fn footnotes_of(nodes: Vec<Provision>, out: &mut Vec<Provision>) {
    for mut p in nodes {
        if p.kind == Kind::Footnote {
            out.push(p);
        } else {
            footnotes_of(std::mem::take(&mut p.children), out);
        }
    }
}

/// Cuts the preamble of a document without structure into a preamble (title
/// and recitals) and entries; does nothing when `roots` has headings, or when
/// the preamble is all title and recitals. Entries get their line, page, own
/// text and the footnotes inside them; paths are assigned afterwards.
pub fn fall_back_to_entries(text: &LocatedText, roots: &mut Vec<Provision>) {
    if !structure_not_found(roots) {
        return;
    }
    let Some(at) = roots.iter().position(|p| p.kind == Kind::Preamble) else {
        return;
    };
    let preamble_span = roots[at].span.clone();
    let blocks = blocks(&text.text, preamble_span.clone());
    let head = preamble_end(&text.text, &blocks).max(preamble_span.start);
    let entries = group_entries(&text.text, head..preamble_span.end);
    if entries.is_empty() {
        return;
    }
    let mut footnotes = Vec::new();
    footnotes_of(std::mem::take(&mut roots[at].children), &mut footnotes);
    let mut nodes = Vec::with_capacity(entries.len() + 1);
    if entries[0].start > preamble_span.start {
        let span = preamble_span.start..entries[0].start;
        let mut preamble = provision(text, Kind::Preamble, None, span, &mut footnotes);
        preamble.line = roots[at].line;
        preamble.page = roots[at].page;
        nodes.push(preamble);
    }
    let last = entries.len() - 1;
    for (i, span) in entries.iter().enumerate() {
        // an entry runs to the next one (or to the preamble's end)
        let end = if i == last {
            preamble_span.end
        } else {
            entries[i + 1].start
        };
        let number = Some((i + 1).to_string());
        nodes.push(provision(
            text,
            Kind::Entry,
            number,
            span.start..end,
            &mut footnotes,
        ));
    }
    roots.splice(at..=at, nodes);
}

fn provision(
    text: &LocatedText,
    kind: Kind,
    number: Option<String>,
    span: Range<usize>,
    footnotes: &mut Vec<Provision>,
) -> Provision {
    let mut p = Provision::new(kind, number, 0, span.clone());
    let loc = text.locate(span.start);
    p.line = loc.line;
    p.page = loc.page;
    let (inside, rest): (Vec<Provision>, Vec<Provision>) = std::mem::take(footnotes)
        .into_iter()
        .partition(|f| span.contains(&f.span.start));
    *footnotes = rest;
    p.children = inside;
    let own_end = p.children.first().map_or(span.end, |c| c.span.start);
    p.text = text.text[span.start..own_end].trim().to_string();
    p
}

/// The blocks of `range`: runs of non-blank lines, as byte ranges of their
/// text (from the first line's start to the last line's end).
fn blocks(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut offset = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let end = offset + line.trim_end().len();
        if line.trim().is_empty() {
            out.extend(open.take());
        } else {
            match open.as_mut() {
                Some(b) => b.end = end,
                None => open = Some(offset..end),
            }
        }
        offset += line.len();
    }
    out.extend(open);
    out
}

/// Where the preamble ends: after the block with "Have agreed as follows"
/// when the text has it; otherwise after the leading recitals and title
/// blocks, and the title lines that open the first other block.
fn preamble_end(text: &str, blocks: &[Range<usize>]) -> usize {
    if let Some(b) = blocks.iter().find(|b| AGREED.is_match(&text[(*b).clone()])) {
        return b.end;
    }
    let head = blocks
        .iter()
        .take_while(|b| {
            let block = &text[(*b).clone()];
            RECITAL.is_match(block) || is_title(block)
        })
        .count();
    let Some(next) = blocks.get(head) else {
        return blocks.last().map_or(0, |b| b.end);
    };
    // "EU Party – Schedule of commitments" / "(Establishment)" above the
    // first numbered paragraph, with no blank line between
    let mut end = if head > 0 {
        blocks[head - 1].end
    } else {
        next.start
    };
    let mut offset = next.start;
    for line in text[next.clone()].split_inclusive('\n').take(8) {
        if !is_title(line) {
            break;
        }
        end = offset + line.trim_end().len();
        offset += line.len();
    }
    end
}

/// A title line or a few: no sentence end, nothing that opens an entry.
fn is_title(block: &str) -> bool {
    let trimmed = block.trim_end();
    block.lines().count() <= 3
        && trimmed.len() <= 300
        && !trimmed.ends_with(['.', ';', ':'])
        && !ENTRY_FIELD.is_match(block)
        && !LIST_ITEM.is_match(block)
}

/// The family of a list marker: numbers, letters (and roman numerals) or dashes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Number,
    Letter,
    Dash,
}

fn family(line: &str) -> Option<Family> {
    let t = line.trim_start();
    if !LIST_ITEM.is_match(line) {
        return None;
    }
    Some(match t.chars().next()? {
        c if c.is_ascii_digit() => Family::Number,
        '-' | '–' | '—' | '•' | '*' => Family::Dash,
        _ => Family::Letter,
    })
}

/// The entries (byte ranges from their first line to their last), cut from
/// `range` (the text after the preamble). A new entry opens at a `Sector:`
/// line; after a blank line; at a numbered line that is not an item of a
/// chapeau's list; and at a line that opens a sentence after one that ended
/// one ("… in its territory." / "Arcadia may …"), unless a list is going
/// on. A chapeau's list items (of one marker family, other than the
/// entry's own number's) stay in the chapeau's entry.
fn group_entries(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut entries: Vec<Range<usize>> = Vec::new();
    // the family of the open entry's own marker ("1." of "1. The list …")
    let mut own: Option<Family> = None;
    // a chapeau's list: `Some(None)` until its first item sets the family
    let mut list: Option<Option<Family>> = None;
    let mut prev = "";
    let mut after_blank = true;
    let mut offset = range.start;
    for line in text[range].split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let content = line.trim_end();
        if content.trim().is_empty() {
            after_blank = true;
            continue;
        }
        let marker = family(content);
        let item = match (list, marker) {
            (Some(None), Some(f)) => own != Some(f),
            (Some(Some(lf)), Some(f)) => f == lf,
            _ => false,
        };
        let sentence_ended = prev.ends_with(['.', '!', '?']);
        let opens = if ENTRY_FIELD.is_match(content) {
            true
        } else if item {
            false
        } else if marker == Some(Family::Number) {
            true
        } else if marker.is_some() {
            after_blank
        } else {
            after_blank || sentence_ended && content.starts_with(|c: char| c.is_uppercase())
        };
        if opens || entries.is_empty() {
            entries.push(at..at + content.len());
            own = marker;
            list = None;
        } else if let Some(e) = entries.last_mut() {
            e.end = at + content.len();
            if item {
                list = Some(marker);
            }
        }
        if CHAPEAU.is_match(content) {
            list = Some(None);
        }
        prev = content;
        after_blank = false;
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str) -> Vec<(Kind, String)> {
        let a = crate::structure::parse_text(
            "t.txt".into(),
            crate::provision::SourceFormat::Text,
            LocatedText::plain(text.to_string()),
        );
        a.provisions
            .iter()
            .map(|p| (p.kind, p.text.lines().next().unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn a_flattened_schedule_is_cut_at_each_sector() {
        let got = entries(
            "Schedule of Arcadia\n\nSector: Business services\nDescription: Arcadia may require residence.\nSector: Recreational, cultural and sporting services\nDescription: Arcadia may adopt or maintain any measure.\n",
        );
        assert_eq!(
            got,
            vec![
                (Kind::Preamble, "Schedule of Arcadia".into()),
                (Kind::Entry, "Sector: Business services".into()),
                (
                    Kind::Entry,
                    "Sector: Recreational, cultural and sporting services".into()
                ),
            ]
        );
    }

    #[test]
    fn a_chapeau_keeps_its_list_items_and_recitals_stay_the_preamble() {
        let got = entries(
            "Recognising the importance of culture;\n\nArcadia may adopt or maintain any measure in the sectors listed below:\n\n1. Broadcasting\n\n2. Publishing\n\nEach Party shall not impose customs duties on electronic transmissions.\n",
        );
        assert_eq!(
            got,
            vec![
                (
                    Kind::Preamble,
                    "Recognising the importance of culture;".into()
                ),
                (
                    Kind::Entry,
                    "Arcadia may adopt or maintain any measure in the sectors listed below:".into()
                ),
                (
                    Kind::Entry,
                    "Each Party shall not impose customs duties on electronic transmissions."
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn numbered_entries_without_a_chapeau_are_entries_each() {
        let got = entries(
            "1. Arcadia reserves the right to adopt any measure on broadcasting.\n2. Borealia shall not impose customs duties on electronic transmissions.\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(k, _)| *k == Kind::Entry));
    }

    #[test]
    fn a_text_with_headings_or_only_recitals_is_left_alone() {
        let got = entries("Article 1\nScope\nThis Agreement applies to trade.\n");
        assert_eq!(got[0].0, Kind::Article);
        let got = entries(
            "Recognising the dual nature of cultural goods;\n\nRecalling the Convention;\n",
        );
        assert_eq!(
            got,
            vec![(
                Kind::Preamble,
                "Recognising the dual nature of cultural goods;".into()
            )]
        );
    }
}
