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

/// A line that is only an entry's label, with its number: "Entry 2",
/// "Reservation 3:", "Entrada 1", "Ficha 4", "Entrée 5", "Réserve 6".
static ENTRY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:entry|reservation|entrada|reserva|ficha|entr[ée]e|r[ée]serve)\s+(?:no\.?\s*)?([0-9]{1,4}(?:[.-][0-9A-Za-z]{1,4})?)\s*[:.]?\s*$")
        .expect("valid pattern")
});

/// Words that make an annex or appendix a schedule or a list of
/// reservations, in its title or its opening lines.
static SCHEDULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)schedule|reservations|non-conforming measures|specific commitments|commitments in conformity|lista de|reservas|medidas disconformes|compromisos espec[ií]ficos|liste d|r[ée]serves|mesures non conformes|engagements sp[ée]cifiques")
        .expect("valid pattern")
});

/// A table's header row over a schedule's entries, its cells read in a line
/// or one a line: "Sector | Obligations concerned | Description", "Sector" /
/// "Sub-Sector" / "Measures", "Secteur | Description" (see `header_row_end`).
static HEADER_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*(?:sub-?\s?)?(?:sector(?:es)?|secteurs?|sous-secteurs?)\b(?:[^.:;\n]*\n){0,5}[^.:;\n]*\b(?:description|descripci[oó]n|obligations?|obligaciones|measures?|medidas|mesures)\b[^.:;\n]*$")
        .expect("valid pattern")
});

/// Where the header row of a table ends in `block` (a run of non-blank
/// lines), if it has one: at the block's head (a printed table, its rows
/// parted by blank lines), or on a line of cells parted by tabs (a Word
/// table's row) anywhere in it.
fn header_row_end(block: &str) -> Option<usize> {
    HEADER_ROW
        .find_iter(block)
        .find(|m| {
            m.start() == 0
                || block[m.range()]
                    .lines()
                    .next()
                    .is_some_and(|l| l.contains('\t'))
        })
        .map(|m| m.end())
}

/// Where the header row of a table ends (an offset in `text`), when one
/// opens a block that starts in the first `SCHEDULE_OPENING` bytes of `body`
/// (an annex's text below its heading): what makes the annex a schedule read
/// row by row, and where its entries begin.
fn table_head(text: &str, body: Range<usize>) -> Option<usize> {
    let opening = body.start + SCHEDULE_OPENING;
    blocks(text, body)
        .into_iter()
        .take_while(|b| b.start < opening)
        .find_map(|b| header_row_end(&text[b.clone()]).map(|end| b.start + end))
}

/// How much of an annex's body (bytes) may say it is a schedule.
const SCHEDULE_OPENING: usize = 400;

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

/// Whether `text` holds the formula that ends an agreement's preamble and
/// opens its articles ("Have agreed as follows:", "Han convenido lo
/// siguiente", "Sont convenues de ce qui suit"): a whole agreement has one,
/// a chapter or title published on its own has none.
pub fn has_enacting_formula(text: &str) -> bool {
    AGREED.is_match(text)
}

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
        for annex in roots.iter_mut().filter(|p| is_schedule(text, p)) {
            schedule_entries(text, annex);
        }
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
    nodes.extend(entry_nodes(
        text,
        &entries,
        preamble_span.end,
        &mut footnotes,
    ));
    roots.splice(at..=at, nodes);
}

/// The entries starting at `entries` (each runs to the next one, the last
/// to `end`), numbered, with the footnotes inside them (taken from
/// `footnotes`).
fn entry_nodes(
    text: &LocatedText,
    entries: &[Range<usize>],
    end: usize,
    footnotes: &mut Vec<Provision>,
) -> Vec<Provision> {
    let starts = entries.iter().map(|e| e.start);
    let ends = starts.clone().skip(1).chain(std::iter::once(end));
    starts
        .zip(ends)
        .enumerate()
        .map(|(i, (start, end))| {
            let number = Some(entry_number(&text.text, start, i));
            provision(text, Kind::Entry, number, start..end, footnotes)
        })
        .collect()
}

/// An entry's number: its own label's ("Entry 2"), else its place (`index`
/// from 0) among the entries.
fn entry_number(text: &str, start: usize, index: usize) -> String {
    let first = text[start..].lines().next().unwrap_or("");
    ENTRY_LABEL
        .captures(first)
        .map_or_else(|| (index + 1).to_string(), |c| c[1].to_string())
}

/// An annex or appendix that is a schedule or a list of reservations (so its
/// title or opening lines say), holds no article or division, and labels its
/// entries or is a flattened table: its entries are read one by one, as in a
/// schedule published alone.
fn is_schedule(text: &LocatedText, p: &Provision) -> bool {
    let flat = p.children.iter().all(|c| {
        c.walk().all(|d| {
            matches!(
                d.kind,
                Kind::Paragraph | Kind::Subparagraph | Kind::Footnote
            )
        })
    });
    if !matches!(p.kind, Kind::Annex | Kind::Appendix) || !flat {
        return false;
    }
    let body = text.text.get(p.heading.end..p.span.end).unwrap_or("");
    let mut opening = SCHEDULE_OPENING.min(body.len());
    while !body.is_char_boundary(opening) {
        opening -= 1;
    }
    let says_schedule = p.title.as_deref().is_some_and(|t| SCHEDULE.is_match(t))
        || SCHEDULE.is_match(&body[..opening]);
    // entries it labels ("Entry 2", "Sector:"), or numbered lists that start
    // over and over (a flattened table); one list under a chapeau ("… listed
    // below: 1. … 2. …") keeps its items
    let labelled = entry_opener(body).is_some();
    let restarts = p
        .children
        .iter()
        .filter(|c| c.kind == Kind::Paragraph && c.number.as_deref() == Some("1"))
        .count()
        >= 2;
    // or a table whose header row names its columns, each row an entry
    let table = table_head(&text.text, p.heading.end.min(p.span.end)..p.span.end).is_some();
    says_schedule && (labelled || restarts || table)
}

/// Cuts a schedule annex's body into entries, its children; the lines
/// above the first entry stay the annex's own text.
fn schedule_entries(text: &LocatedText, annex: &mut Provision) {
    let body = annex.heading.end.min(annex.span.end)..annex.span.end;
    let blocks = blocks(&text.text, body.clone());
    // the entries are a table's rows below its header row, or what follows
    // the schedule's title and chapeau
    let head = match table_head(&text.text, body.clone()) {
        Some(end) => end,
        None => preamble_end(&text.text, &blocks).max(body.start),
    };
    let entries = group_entries(&text.text, head..body.end);
    if entries.len() < 2 {
        return;
    }
    let mut footnotes = Vec::new();
    footnotes_of(std::mem::take(&mut annex.children), &mut footnotes);
    let children = entry_nodes(text, &entries, body.end, &mut footnotes);
    // footnotes above the first entry stay the annex's
    footnotes.extend(children);
    footnotes.sort_by_key(|c| c.span.start);
    annex.children = footnotes;
    annex.text = text.text[body.start..entries[0].start].trim().to_string();
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
        && !block
            .lines()
            .next()
            .is_some_and(|l| ENTRY_LABEL.is_match(l))
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
/// The lines a schedule's entries open with, when it marks them: its labels
/// ("Entry 2") when it has any, else its sectors ("Sector:") when it has two
/// or more.
fn entry_opener(text: &str) -> Option<&'static Regex> {
    if text.lines().any(|l| ENTRY_LABEL.is_match(l)) {
        Some(&ENTRY_LABEL)
    } else if text.lines().filter(|l| ENTRY_FIELD.is_match(l)).count() >= 2 {
        Some(&ENTRY_FIELD)
    } else {
        None
    }
}

fn group_entries(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // a schedule that labels its entries ("Entry 2") or opens each with its
    // sector ("Sector:") is cut there only: its fields ("Description: …")
    // stand in blocks of their own and belong to the entry above them
    let lines = || text[range.clone()].split_inclusive('\n');
    if let Some(opener) = entry_opener(&text[range.clone()]) {
        let mut entries: Vec<Range<usize>> = Vec::new();
        let mut offset = range.start;
        for line in lines() {
            let content = line.trim_end();
            if opener.is_match(content) {
                entries.push(offset..offset + content.len());
            } else if let Some(e) = entries.last_mut().filter(|_| !content.trim().is_empty()) {
                e.end = offset + content.len();
            }
            offset += line.len();
        }
        return entries;
    }
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

    fn parsed(text: &str) -> crate::provision::Agreement {
        crate::structure::parse_text(
            "t.txt".into(),
            crate::provision::SourceFormat::Text,
            LocatedText::plain(text.to_string()),
        )
    }

    fn entries(text: &str) -> Vec<(Kind, String)> {
        let a = parsed(text);
        a.provisions
            .iter()
            .map(|p| (p.kind, p.text.lines().next().unwrap_or("").to_string()))
            .collect()
    }

    /// (kind, number, first line) of the tree, depth first.
    fn tree(text: &str) -> Vec<(Kind, Option<String>, String)> {
        let a = parsed(text);
        a.provisions
            .iter()
            .flat_map(|p| p.walk())
            .map(|p| {
                let first = a.text.text[p.span.clone()].lines().next().unwrap_or("");
                (p.kind, p.number.clone(), first.to_string())
            })
            .collect()
    }

    const LABELLED: &str = "Entry 1\n\nSector: Business services\n\nDescription: Arcadia may require residence.\n\n\
        Entry 2\n\nSector: Recreational, cultural and sporting services\n\nObligations Concerned: National Treatment\n\n\
        Description: Arcadia may adopt or maintain any measure with respect to the cultural industries.\n";

    #[test]
    fn labelled_entries_keep_their_numbers_and_their_fields() {
        let got = tree(LABELLED);
        assert_eq!(
            got.iter()
                .map(|(k, n, _)| (*k, n.clone()))
                .collect::<Vec<_>>(),
            [
                (Kind::Entry, Some("1".to_string())),
                (Kind::Entry, Some("2".to_string())),
            ]
        );
    }

    #[test]
    fn a_schedule_annex_is_read_entry_by_entry() {
        let text = format!(
            "AGREEMENT BETWEEN ARCADIA AND BOREALIS\n\nArticle 1\nScope\nThis Agreement applies to services.\n\n\
             ANNEX II\nSCHEDULE OF ARCADIA\n\n{LABELLED}"
        );
        let got = tree(&text);
        let entries: Vec<(Option<String>, String)> = got
            .iter()
            .filter(|(k, _, _)| *k == Kind::Entry)
            .map(|(_, n, first)| (n.clone(), first.clone()))
            .collect();
        assert_eq!(
            entries,
            [
                (Some("1".to_string()), "Entry 1".to_string()),
                (Some("2".to_string()), "Entry 2".to_string()),
            ]
        );
        // an annex that is no schedule keeps its paragraphs
        let plain = "Article 1\nScope\nThis Agreement applies to services.\n\nANNEX 10-A\nCUSTOMARY INTERNATIONAL LAW\n\n\
            1. The Parties confirm their shared understanding.\n\n2. The minimum standard refers to all principles.\n";
        assert!(tree(plain).iter().all(|(k, _, _)| *k != Kind::Entry));
    }

    #[test]
    fn a_schedule_set_as_a_table_is_read_row_by_row_below_its_header() {
        let entries_of = |body: &str| -> Vec<String> {
            let text = format!(
                "Article 1\nScope\nThis Agreement applies to services.\n\n\
                 ANNEX II\nSCHEDULE OF ARCADIA\n\nReservations for future measures\n\n{body}"
            );
            tree(&text)
                .into_iter()
                .filter(|(k, _, _)| *k == Kind::Entry)
                .map(|(_, _, first)| first)
                .collect()
        };
        // a printed table read cell by cell, a blank line between rows; the
        // header's cells one a line
        let printed = "Sector\nObligations\nconcerned\nDescription\n\n\
            Fisheries\nNational Treatment\nArcadia reserves the right to adopt any measure\non fishing.\n\n\
            Cultural\nindustries\nNational Treatment\nArcadia reserves the right to adopt any measure\non cultural industries.\n";
        assert_eq!(entries_of(printed), ["Fisheries", "Cultural"]);
        // a Word table: a row a line, its cells parted by tabs
        let word = "Sector\tObligations concerned\tDescription\n\
            Fisheries\tNational Treatment\tArcadia reserves the right to adopt any measure on fishing.\n\
            Cultural industries\tNational Treatment\tArcadia reserves the right to adopt any measure on cultural industries.\n";
        assert_eq!(
            entries_of(word),
            [
                "Fisheries\tNational Treatment\tArcadia reserves the right to adopt any measure on fishing.",
                "Cultural industries\tNational Treatment\tArcadia reserves the right to adopt any measure on cultural industries."
            ]
        );
        // a sentence about sectors and measures is no header row
        let prose = "The sectors and measures below are reserved\nfor future measures of Arcadia.\n\nFisheries and aquaculture.\n";
        assert!(entries_of(prose).is_empty());
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
