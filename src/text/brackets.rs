//! Negotiating brackets: the square-bracketed text of a consolidated draft,
//! with the Parties that propose it, oppose it or are still considering it.
//!
//! Read on the text with its location map, after a source adapter has
//! produced it, so brackets are found the same way in text, Markdown, HTML,
//! Word and PDF drafts. Conventions understood (English, Spanish, French):
//!
//! - a span `[ … ]`, nested or not, across lines, paragraphs and articles;
//! - party tags at its start (`[ARC propose: …]`, `[ARC/COL: …]`,
//!   `[Proposed by ARC: …]`, `[Propuesta de ARC: …]`, `[Proposé par ARC : …]`),
//!   at its end (`[… (ARC)]`, `[… ARC proposes]`), just before it on its line
//!   or the line above (`ARC propose: […]`), or on their own next to it
//!   (`[BOR oppose]`, `[BOR se opone]`, `[BOR s'oppose]`);
//! - alternatives (`[Alt 1: …]`, `[Option A: …]`, `[Alternative: …]`,
//!   `[Opción B: …]`, `[Variante 2 : …]`);
//! - notes (`Note: BOR is considering its position`), in the span, beside it,
//!   or in a footnote whose marker follows the span (`]¹`, `][3]`).
//!
//! Square brackets that are not negotiating brackets are told apart: footnote
//! markers and numbers (`[1]`, `[2019] OJ`), placeholders (`Article [X]`,
//! `[date]`, `[●]`), omissions (`[…]`, `[...]`), editorial alterations
//! (`[t]he`), and short bracketed names or labels in a text that has no
//! negotiating bracket at all. A text is read as a negotiating text only when
//! it has a tagged or labelled bracket, or at least two bracketed passages of
//! running text; otherwise [`Negotiation::read`] finds nothing and every
//! report stays as it is for an agreed text.

use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// A Party to the negotiation: the code tags use (`ARC`) and, when the draft
/// or `--party CODE=Name` declares it, its name (`Arcadia`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// The code as tags write it: 2 to 4 capital letters (`ARC`, `EU`), or a
    /// name when tags use names only.
    pub code: String,
    /// Its name as declared, when declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Party {
    /// Reads a `--party` value: `CODE=Name` or `CODE`. Errors name the problem
    /// in one line (empty code).
    pub fn parse(value: &str) -> Result<Party, String> {
        let (code, name) = match value.split_once('=') {
            Some((c, n)) => (c.trim(), Some(n.trim()).filter(|n| !n.is_empty())),
            None => (value.trim(), None),
        };
        if code.is_empty() || code.chars().any(char::is_whitespace) {
            return Err(format!(
                "--party `{value}`: expected CODE=Name (e.g. ARC=Arcadia), with a code of one word"
            ));
        }
        Ok(Party {
            code: code.to_string(),
            name: name.map(str::to_string),
        })
    }
}

/// What the Parties say about one bracketed span.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    /// Parties that propose (or support) the text, by code, in the order tagged.
    pub proposed_by: Vec<String>,
    /// Parties that oppose it (or ask for its deletion).
    pub opposed_by: Vec<String>,
    /// Parties a note says are still considering their position.
    pub considering: Vec<String>,
    /// The alternative's label as written (`Alt 1`, `Option A`, `Alternative`).
    pub alternative: Option<String>,
    /// Notes on the span, as written, one line each (`Note: BOR is considering its position`).
    pub notes: Vec<String>,
}

impl Positions {
    fn merge(&mut self, other: Positions) {
        for (mine, theirs) in [
            (&mut self.proposed_by, other.proposed_by),
            (&mut self.opposed_by, other.opposed_by),
            (&mut self.considering, other.considering),
            (&mut self.notes, other.notes),
        ] {
            for x in theirs {
                if !mine.contains(&x) {
                    mine.push(x);
                }
            }
        }
        if self.alternative.is_none() {
            self.alternative = other.alternative;
        }
    }

    fn is_empty(&self) -> bool {
        self.proposed_by.is_empty()
            && self.opposed_by.is_empty()
            && self.considering.is_empty()
            && self.alternative.is_none()
            && self.notes.is_empty()
    }

    fn has_parties(&self) -> bool {
        !(self.proposed_by.is_empty() && self.opposed_by.is_empty() && self.considering.is_empty())
    }
}

/// One negotiating bracket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bracket {
    /// Byte range in the text from its `[` through its `]`.
    pub range: Range<usize>,
    /// Byte range of the proposed words: inside the brackets, without the
    /// tags, labels and notes at either end.
    pub content: Range<usize>,
    /// Who proposes and who opposes it; a nested bracket without tags of its
    /// own takes those of the bracket around it.
    pub positions: Positions,
    /// Index (in [`Negotiation::brackets`]) of the negotiating bracket around
    /// this one, if nested.
    pub parent: Option<usize>,
}

/// The negotiating brackets of a text, in the order their `[` occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Negotiation {
    /// The Parties: those given with `--party`, those the draft declares in a
    /// list of Parties or abbreviations, then any other code its tags use.
    pub parties: Vec<Party>,
    /// The brackets, sorted by start; empty for a text without negotiating brackets.
    pub brackets: Vec<Bracket>,
    /// Byte ranges that are negotiating markup rather than treaty text: the
    /// bracket characters, tags, labels, notes, and footnotes that only carry
    /// positions. Hidden in every reading.
    pub markup: Vec<Range<usize>>,
}

/// How far from a span's end its closing tags are looked for, in bytes.
const TAIL: usize = 240;

/// Codes that look like Party codes but are not.
const NOT_CODES: &[&str] = &[
    "ALT", "OPT", "NB", "NOTE", "TBD", "TBC", "ART", "ARTS", "SEC", "PARA", "AND", "THE", "FOR",
    "NOT", "ALL", "ANY", "OR", "OF", "TO", "DE", "LA", "LE", "LES", "DEL", "LAS", "LOS", "ET",
    "OU", "NOTA", "GATT", "GATS", "WTO", "OMC", "MFN", "NMF", "NPF", "ISDS", "SPS", "TBT", "ICT",
    "TIC", "FTA", "TLC", "ALE", "EEZ", "OK", "SI", "SÍ", "OUI", "NON", "YES", "IP", "PI", "PDF",
    "URL", "USD", "EUR", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV",
    "XV", "XX", "XXX", "XL", "LX", "CX", "DC", "DL", "LII", "XVI", "XIX", "XXI", "XXV",
];

/// Lowercase words that, alone in brackets, are placeholders.
const PLACEHOLDER_WORDS: &[&str] = &[
    "date",
    "venue",
    "place",
    "name",
    "number",
    "year",
    "month",
    "day",
    "signed",
    "signature",
    "insert",
    "tbd",
    "tbc",
    "reserved",
    "deleted",
    "omitted",
    "sic",
    "emphasis",
    "added",
    "x",
    "xx",
    "fecha",
    "lugar",
    "nombre",
    "número",
    "numero",
    "año",
    "firma",
    "firmado",
    "lieu",
    "nom",
    "numéro",
    "année",
    "signé",
    "intentionally",
    "blank",
    "placeholder",
    "title",
    "text",
    "página",
    "page",
];

const PROPOSE: &str = r"propos(?:e|es|ed|al|als|ent|ition|itions)|propon(?:e|en)|propuest[oa]s?|suggests?|suggested|supports?|supported|apoya(?:n|do)?|soutien(?:t|nent)?|requests?|requested";
const OPPOSE: &str = r"oppos(?:e|es|ed|ent)|s['’]\s?oppos(?:e|ent)|se\s+opon(?:e|en)|objects?|objected|rejects?|rejected|rechaza(?:n|do)?|rejett?e(?:nt)?|delete|deletion|suprim(?:e|en|ir)|supresi[oó]n|supprim(?:e|er|ent)|suppression|cannot\s+accept|does\s+not\s+accept|do\s+not\s+accept|asks?\s+for\s+(?:its\s+)?deletion|pide(?:n)?\s+(?:la\s+)?supresi[oó]n|demande(?:nt)?\s+(?:la\s+)?suppression|no\s+acepta(?:n)?|n['’]accepte(?:nt)?\s+pas";
const CONSIDER: &str = r"consider(?:ing|s)?\s+(?:its|their)\s+position|considering|reviewing|reserv(?:es?|ing)\s+(?:its|their)\s+position|under\s+(?:consideration|review)|to\s+confirm|consulting|est[áa]n?\s+(?:considerando|examinando|estudiando|evaluando|analizando|consultando)(?:\s+su\s+posici[oó]n)?|reserva(?:n)?\s+su\s+posici[oó]n|en\s+consulta|por\s+confirmar|en\s+(?:consideraci[oó]n|estudio|examen|revisi[oó]n)|considera(?:n)?\s+su\s+posici[oó]n|examine(?:nt)?\s+sa\s+position|[ée]tudie(?:nt)?|r[ée]serve(?:nt)?\s+sa\s+position|r[ée]fl[ée]chi(?:t|ssent)|en\s+cours\s+d['’]examen|[àa]\s+l['’](?:examen|[ée]tude)|consid[èe]re(?:nt)?\s+sa\s+position|r[ée]serve\s+d['’]examen|[àa]\s+confirmer|en\s+consultation";
const BY_PROPOSE: &str = r"proposed\s+by|proposal\s+(?:by|of|from)|supported\s+by|propuest[oa]\s+(?:por|de)|propuesta\s+de|proposici[oó]n\s+de|apoyad[oa]\s+por|propos[ée]e?\s+par|proposition\s+(?:de\s+(?:l['’]\s?|la\s+|le\s+)?|d['’]\s?)|soutenue?\s+par|texte\s+propos[ée]\s+par";
const BY_OPPOSE: &str = r"opposed\s+by|objected\s+to\s+by|rejected\s+by|oposici[oó]n\s+de|opuest[oa]\s+por|rechazad[oa]\s+por|objetad[oa]\s+por|oppos[ée]e?\s+par|objection\s+(?:de\s+|d['’]\s?)|rejet[ée]e?\s+par";
const ALT: &str = r"(?:alt(?:ernative|ernativa|\.)?|option|opci[oó]n|variante?)(?:\s*(?:[A-Z0-9]{1,3}|[ivx]{1,4})\b)?";
const NOTE: &str = r"(?:note|nota|n\.\s?b\.|nb)";
const SEP: &str = r"(?:\s*[:：]\s*|\s+[–—-]\s+|\s*$)";

/// The words that name Parties: declared names (longest first), then codes.
struct Lexicon {
    leading: Vec<(Regex, Form)>,
    trailing: Vec<(Regex, Form)>,
    parties_re: Regex,
    propose_re: Regex,
    oppose_re: Regex,
    consider_re: Regex,
    /// Party codes or names alone: `ARC/COL`.
    bare_re: Regex,
    /// `(ARC)`, `(BOR oppose)` after a closing bracket.
    paren_re: Regex,
    /// name (lowercase) → code
    aliases: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    /// `PARTIES verb? :`
    Parties,
    /// `Proposed by PARTIES`
    ByPropose,
    /// `Opposed by PARTIES`
    ByOppose,
    /// `Alt 1 (PARTIES)? :`
    Alt,
    /// `Note: …`
    Note,
}

impl Lexicon {
    fn new(parties: &[Party]) -> Lexicon {
        // a declared name, and its last word ("Kingdom of Borealia", "Borealia")
        let mut aliases: Vec<(String, String)> = Vec::new();
        for p in parties {
            if let Some(n) = p.name.as_deref() {
                aliases.push((n.to_lowercase(), p.code.clone()));
                if let Some(last) = n.split_whitespace().last().filter(|w| {
                    w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase)
                }) {
                    aliases.push((last.to_lowercase(), p.code.clone()));
                }
            }
        }
        let mut names: Vec<String> = Vec::new();
        for p in parties {
            if let Some(n) = p.name.as_deref() {
                names.push(n.to_string());
                if let Some(last) = n.split_whitespace().last().filter(|w| {
                    w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase)
                }) {
                    names.push(last.to_string());
                }
            }
        }
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.extend(
            parties
                .iter()
                .map(|p| p.code.as_str())
                .filter(|c| !is_code(c)),
        );
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let mut party = String::from(r"(?:");
        for n in &names {
            party.push_str(&regex::escape(n));
            party.push('|');
        }
        party.push_str(r"[A-Z]{2,4})\b");
        let plist = format!(r"{party}(?:\s*(?:/|,|&|\+)\s*{party}|\s+(?:and|y|e|et)\s+{party})*");
        // a capitalised name (Latin letters: Party names in EN/ES/FR drafts)
        let by_name = r"(?:the\s+|la\s+|le\s+|l['’]\s?)?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]+(?:\s+(?:of|de|du|del)\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]+)?";
        let by_parties = format!(
            r"(?:{plist}|{by_name})(?:\s*(?:/|,|&)\s*(?:{plist}|{by_name})|\s+(?:and|y|e|et)\s+(?:{plist}|{by_name}))*"
        );
        let re = |s: String| Regex::new(&s).expect("negotiation tag pattern");
        let leading = vec![
            (
                re(format!(r"^\s*(?i:{NOTE})\s*[:：.]\s*(?P<note>[^\n]*)")),
                Form::Note,
            ),
            (
                re(format!(
                    r"^\s*(?P<alt>(?i:{ALT}))\s*(?:\(\s*(?P<p>{plist})(?:\s+(?i:{PROPOSE}))?\s*\)\s*)?(?:[:：.]\s*|\s+[–—-]\s+|\s*$)"
                )),
                Form::Alt,
            ),
            (
                re(format!(
                    r"^\s*(?i:{BY_PROPOSE})\s*(?P<p>{by_parties})\s*(?:[:：.]\s*|\s+[–—-]\s+|\s*$)"
                )),
                Form::ByPropose,
            ),
            (
                re(format!(
                    r"^\s*(?i:{BY_OPPOSE})\s*(?P<p>{by_parties})\s*(?:[:：.]\s*|\s+[–—-]\s+|\s*$)"
                )),
                Form::ByOppose,
            ),
            (
                re(format!(
                    r"^\s*(?P<p>{plist})\s*(?:(?:is\s+|are\s+)?(?P<v>(?i:{CONSIDER}|{PROPOSE}|{OPPOSE}))\b(?:\s*[:：.;,]\s*|\s+[–—-]\s+|\s*$|\s+)|{SEP})"
                )),
                Form::Parties,
            ),
        ];
        let trailing = vec![
            (
                re(format!(
                    r"(?:^|\s)(?i:{NOTE})\s*[:：]\s*(?P<note>[^\n\[\]]*?)\s*$"
                )),
                Form::Note,
            ),
            (
                re(format!(
                    r"\(\s*(?i:{BY_PROPOSE})\s*(?P<p>{by_parties})\s*\)\s*[.;]?\s*$"
                )),
                Form::ByPropose,
            ),
            (
                re(format!(
                    r"\(\s*(?P<p>{plist})(?:\s+(?P<v>(?i:{PROPOSE}|{OPPOSE})))?\s*\)\s*[.;]?\s*$"
                )),
                Form::Parties,
            ),
            (
                re(format!(
                    r"(?:^|[.;:,]\s*|\s[–—-]\s*)(?P<p>{plist})\s+(?P<v>(?i:{PROPOSE}|{OPPOSE}))\s*[.;]?\s*$"
                )),
                Form::Parties,
            ),
            (
                re(format!(
                    r"(?:^|[.;:,]\s*|\s[–—-]\s*|\s)(?i:{BY_PROPOSE})\s*(?P<p>{by_parties})\s*[.;]?\s*$"
                )),
                Form::ByPropose,
            ),
            (
                re(format!(
                    r"(?:^|[.;:,]\s*|\s[–—-]\s*|\s)(?i:{BY_OPPOSE})\s*(?P<p>{by_parties})\s*[.;]?\s*$"
                )),
                Form::ByOppose,
            ),
        ];
        let list = format!(r"{party}(?:\s*(?:/|,|&|\+)\s*{party}|\s+(?:and|y|e|et)\s+{party})*");
        Lexicon {
            bare_re: re(format!(r"^\s*{list}\s*$")),
            paren_re: re(format!(
                r"^\s*\(\s*(?P<p>{list})(?:\s+(?P<v>(?i:{PROPOSE}|{OPPOSE})))?\s*\)\s*[.;]?\s*$"
            )),
            parties_re: re(by_parties.clone()),
            propose_re: re(format!(
                r"(?i)^\s*(?:is\s+|are\s+|has\s+|have\s+)?(?:{PROPOSE})\b"
            )),
            oppose_re: re(format!(
                r"(?i)^\s*(?:is\s+|are\s+|has\s+|have\s+)?(?:{OPPOSE})\b"
            )),
            consider_re: re(format!(r"(?i)^[^.;]{{0,40}}?(?:{CONSIDER})")),
            leading,
            trailing,
            aliases,
        }
    }

    /// The codes of a run of Party names or codes (`ARC/COL`, `Arcadia and Borealia`).
    fn codes(&self, run: &str) -> Vec<String> {
        static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\s*(?:/|,|&|\+)\s*|\s+(?:and|y|e|et)\s+").expect("split")
        });
        let mut out = Vec::new();
        for piece in SPLIT.split(run.trim()) {
            let piece = piece
                .trim()
                .trim_start_matches("the ")
                .trim_start_matches("la ")
                .trim_start_matches("le ")
                .trim_start_matches("l'")
                .trim_start_matches("l’")
                .trim();
            if piece.is_empty() {
                continue;
            }
            let lower = piece.to_lowercase();
            let code = self
                .aliases
                .iter()
                .find(|(n, _)| *n == lower)
                .map_or_else(|| piece.to_string(), |(_, c)| c.clone());
            if !out.contains(&code) {
                out.push(code);
            }
        }
        out
    }

    /// Are these all Party words (no stop-listed code)?
    fn valid(&self, codes: &[String]) -> bool {
        !codes.is_empty() && codes.iter().all(|c| !NOT_CODES.contains(&c.as_str()))
    }

    /// Tags at the start of `s`: the positions they state and how many bytes they take.
    fn leading(&self, s: &str) -> (Positions, usize) {
        let mut pos = Positions::default();
        let mut at = 0;
        // tags at the start are short: look at the first few hundred bytes
        let mut head = s.len().min(at + TAIL);
        while !s.is_char_boundary(head) {
            head += 1;
        }
        for _ in 0..4 {
            if at >= head {
                break;
            }
            let rest = &s[at..head];
            let mut found = false;
            let mut consume_all = false;
            let mut note_end = None;
            for (re, form) in &self.leading {
                let Some(c) = re.captures(rest) else { continue };
                let whole = c.get(0).expect("match");
                if whole.end() == 0 {
                    continue;
                }
                let mut p = Positions::default();
                let cut = head < s.len();
                if cut && *form != Form::Note && whole.end() == rest.len() {
                    continue; // an end of text that is only the window's end
                }
                match form {
                    Form::Note => {
                        // the note runs to its line's end, past the window
                        let from = at + c.name("note").map_or(whole.end(), |m| m.start());
                        let to = s[from..].find('\n').map_or(s.len(), |n| from + n);
                        self.note(&s[from..to], &mut p);
                        note_end = Some(to);
                    }
                    Form::Alt => {
                        let label = c.name("alt").map_or("", |m| m.as_str()).trim();
                        p.alternative = Some(label.trim_end_matches('.').to_string());
                        if let Some(m) = c.name("p") {
                            let codes = self.codes(m.as_str());
                            if !self.valid(&codes) {
                                continue;
                            }
                            p.proposed_by = codes;
                        }
                    }
                    Form::ByPropose | Form::ByOppose | Form::Parties => {
                        let codes = self.codes(c.name("p").map_or("", |m| m.as_str()));
                        if !self.valid(&codes) {
                            continue;
                        }
                        let mut verb = c.name("v").map(|v| v.as_str());
                        let tail = &rest[whole.end()..];
                        if *form == Form::Parties && verb.is_none() {
                            // `BOR: opposes`, `BOR: se opone`: the verb after the colon
                            let bare = tail.trim().trim_end_matches(['.', ';']);
                            let fully =
                                |re: &Regex| re.find(bare).is_some_and(|m| m.end() == bare.len());
                            if !bare.is_empty()
                                && !cut
                                && (fully(&self.oppose_re)
                                    || fully(&self.propose_re)
                                    || fully(&self.consider_re))
                            {
                                verb = Some(bare);
                                consume_all = true;
                            }
                        }
                        let consider = verb.is_some_and(|v| self.consider_re.is_match(v));
                        let oppose = !consider
                            && (*form == Form::ByOppose
                                || verb.is_some_and(|v| self.oppose_re.is_match(v)));
                        if *form == Form::Parties && verb.is_none() {
                            // `ARC/COL:` needs its colon or dash; a bare
                            // code at the end of a span is a tag only alone
                            let sep = &rest[c.name("p").expect("p").end()..whole.end()];
                            if !sep.contains([':', '：', '–', '—', '-'])
                                && !rest[whole.end()..].trim().is_empty()
                            {
                                continue;
                            }
                        }
                        if consider {
                            p.considering = codes;
                        } else if oppose {
                            p.opposed_by = codes;
                        } else {
                            p.proposed_by = codes;
                        }
                    }
                }
                pos.merge(p);
                at += whole.end();
                if let Some(e) = note_end {
                    at = e;
                }
                if consume_all {
                    at = s.len();
                }
                found = true;
                break;
            }
            if !found || at >= s.len() {
                break;
            }
        }
        (pos, at)
    }

    /// Tags at the end of `s`: the positions they state and where they start.
    fn trailing(&self, s: &str) -> (Positions, usize) {
        let mut pos = Positions::default();
        let mut end = s.len();
        // tags at the end are short: look at the last few hundred bytes only
        let mut from = s.len().saturating_sub(TAIL);
        while !s.is_char_boundary(from) {
            from -= 1;
        }
        for _ in 0..3 {
            if end < from {
                break;
            }
            let rest = &s[from..end];
            let mut found = false;
            for (re, form) in &self.trailing {
                let Some(c) = re.captures(rest) else { continue };
                let whole = c.get(0).expect("match");
                let mut p = Positions::default();
                if *form == Form::Note {
                    self.note(c.name("note").map_or("", |m| m.as_str()), &mut p);
                } else {
                    let codes = self.codes(c.name("p").map_or("", |m| m.as_str()));
                    if !self.valid(&codes) {
                        continue;
                    }
                    let oppose = *form == Form::ByOppose
                        || c.name("v")
                            .is_some_and(|v| self.oppose_re.is_match(v.as_str()));
                    if oppose {
                        p.opposed_by = codes;
                    } else {
                        p.proposed_by = codes;
                    }
                }
                pos.merge(p);
                // keep the sentence's own full stop in the content
                let start = from
                    + whole.start()
                    + whole
                        .as_str()
                        .find(|ch: char| !matches!(ch, '.' | ';' | ':' | ',' | ' ' | '\n'))
                        .unwrap_or(0);
                end = start;
                found = true;
                break;
            }
            if !found || end == 0 {
                break;
            }
        }
        (pos, end)
    }

    /// A note's text: kept as written; the Parties it names take the position
    /// its verb says (considering, proposing, opposing).
    fn note(&self, text: &str, p: &mut Positions) {
        let text = text.trim();
        let mut line = String::from("Note: ");
        line.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        p.notes.push(line);
        for m in self.parties_re.find_iter(text) {
            let codes = self.codes(m.as_str());
            let codes: Vec<String> = codes
                .into_iter()
                .filter(|c| is_code(c) || self.aliases.iter().any(|(_, a)| a == c))
                .filter(|c| !NOT_CODES.contains(&c.as_str()))
                .collect();
            if codes.is_empty() {
                continue;
            }
            let after = &text[m.end()..];
            let target = if self.consider_re.is_match(after) {
                &mut p.considering
            } else if self.oppose_re.is_match(after) {
                &mut p.opposed_by
            } else if self.propose_re.is_match(after) {
                &mut p.proposed_by
            } else {
                continue;
            };
            for c in codes {
                if !target.contains(&c) {
                    target.push(c);
                }
            }
        }
    }

    /// Is the whole of `s` tags (a bracket such as `[BOR oppose]`)? Bare codes
    /// (`[ARC]`) count only when `known` holds them.
    fn only_tags(&self, s: &str, known: &[String]) -> Option<Positions> {
        let (p, used) = self.leading(s);
        if used > 0 && s[used..].trim().is_empty() && !p.is_empty() {
            if p.alternative.is_some() && !p.has_parties() {
                return None; // `[Alt 2]` alone labels nothing
            }
            return Some(p);
        }
        if self.bare_re.is_match(s) {
            let codes = self.codes(s);
            if self.valid(&codes) && codes.iter().all(|c| known.contains(c)) {
                return Some(Positions {
                    proposed_by: codes,
                    ..Positions::default()
                });
            }
        }
        None
    }
}

fn is_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// How a pair of brackets reads, before the document is judged.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Not a negotiating bracket (marker, placeholder, omission, alteration).
    Other,
    /// Only tags: `[BOR oppose]`.
    Tags(Positions),
    /// Only codes not yet known as Parties: `[US, JP, SG]` after a
    /// bracket; tags only in a negotiating text.
    BareTags(Positions),
    /// Text, with tags or a label of its own: negotiating for sure.
    Tagged,
    /// Running text of some length, untagged.
    Substantive,
    /// A few words, untagged: negotiating only in a negotiating text.
    Weak,
}

struct Pair {
    open: usize,
    close: usize,
    kind: Kind,
    content: Range<usize>,
    positions: Positions,
    /// Markup inside the pair (tags at either end).
    tag_ranges: Vec<Range<usize>>,
}

impl Negotiation {
    /// Reads the negotiating brackets of `text`. `given` are the Parties of
    /// `--party`, first in the list; the draft's own list of Parties or
    /// abbreviations is read too. A text without negotiating brackets gives
    /// an empty `brackets` (and then nothing else is reported).
    pub fn read(text: &str, given: &[Party]) -> Negotiation {
        // most agreements have no bracket at all: found with SIMD (`str::contains`
        // looked byte by byte through the whole text)
        if memchr::memchr(b'[', text.as_bytes()).is_none() {
            return Negotiation::default();
        }
        let mut pairs = match_pairs(text);
        // tags, labels and running text all have letters: brackets without
        // one (`[1]`, `[...]`, `[2020]`, footnote numbers in most agreements)
        // make no negotiating text, and its list of Parties need not be read
        if !pairs
            .iter()
            .any(|p| text[p.open + 1..p.close].chars().any(char::is_alphabetic))
        {
            return Negotiation::default();
        }
        let mut parties: Vec<Party> = given.to_vec();
        for p in declared_parties(text) {
            match parties.iter_mut().find(|q| q.code == p.code) {
                Some(q) => {
                    if q.name.is_none() {
                        q.name = p.name;
                    }
                }
                None => parties.push(p),
            }
        }
        let own;
        let lex: &Lexicon = if parties.is_empty() {
            &PLAIN
        } else {
            own = Lexicon::new(&parties);
            &own
        };
        // first pass: read every pair; codes seen in explicit tags make bare
        // `[ARC]` tags in the second
        for pair in &mut pairs {
            classify(text, pair, lex, &[]);
        }
        let mut known: Vec<String> = parties.iter().map(|p| p.code.clone()).collect();
        for pair in &pairs {
            let p = match &pair.kind {
                Kind::Tags(p) => p,
                _ => &pair.positions,
            };
            for c in p.proposed_by.iter().chain(&p.opposed_by) {
                if !known.contains(c) {
                    known.push(c.clone());
                }
            }
        }
        for pair in &mut pairs {
            if matches!(pair.kind, Kind::Weak | Kind::Other | Kind::BareTags(_)) {
                classify(text, pair, lex, &known);
            }
        }
        // a Party or an alternative label makes a negotiating text; a note
        // alone ("Negotiators' note: to be decided during legal scrubbing")
        // does not
        let tagged = pairs.iter().any(|p| {
            matches!(p.kind, Kind::Tagged)
                && (p.positions.has_parties() || p.positions.alternative.is_some())
        });
        let tags = pairs.iter().any(|p| match &p.kind {
            Kind::Tags(t) | Kind::BareTags(t) => t.has_parties(),
            _ => false,
        });
        let substantive = pairs
            .iter()
            .filter(|p| matches!(p.kind, Kind::Substantive))
            .count();
        if !(tagged || substantive >= 2 || (tags && substantive >= 1)) {
            return Negotiation::default();
        }
        let mut neg = Negotiation::default();
        let mut tag_pairs = Vec::new();
        for pair in pairs {
            match pair.kind {
                Kind::Tagged | Kind::Substantive | Kind::Weak => {
                    neg.markup.push(pair.open..pair.open + 1);
                    neg.markup.push(pair.close..pair.close + 1);
                    neg.markup.extend(pair.tag_ranges);
                    neg.brackets.push(Bracket {
                        range: pair.open..pair.close + 1,
                        content: pair.content,
                        positions: pair.positions,
                        parent: None,
                    });
                }
                Kind::Tags(p) | Kind::BareTags(p) => {
                    neg.markup.push(pair.open..pair.close + 1);
                    tag_pairs.push((pair.open..pair.close + 1, p));
                }
                Kind::Other => {}
            }
        }
        neg.brackets.sort_by_key(|b| b.range.start);
        // parents: the innermost bracket around each one
        for i in 0..neg.brackets.len() {
            let r = neg.brackets[i].range.clone();
            neg.brackets[i].parent = (0..i).rev().find(|&j| {
                neg.brackets[j].range.end >= r.end && neg.brackets[j].range.start < r.start
            });
        }
        let tag_ranges: Vec<Range<usize>> = tag_pairs.iter().map(|(r, _)| r.clone()).collect();
        for (range, p) in tag_pairs {
            if let Some(i) = neg.attach_target(text, &range, &tag_ranges) {
                neg.brackets[i].positions.merge(p);
            }
        }
        neg.outside_tags(text, lex, &known);
        neg.footnote_notes(text, lex);
        // nested brackets without tags of their own speak for the same Parties
        for i in 0..neg.brackets.len() {
            if let Some(parent) = neg.brackets[i].parent {
                let (pp, own) = (
                    neg.brackets[parent].positions.clone(),
                    &mut neg.brackets[i].positions,
                );
                if own.proposed_by.is_empty() && own.opposed_by.is_empty() {
                    own.proposed_by = pp.proposed_by;
                    own.opposed_by = pp.opposed_by;
                    for c in pp.considering {
                        if !own.considering.contains(&c) {
                            own.considering.push(c);
                        }
                    }
                }
            }
        }
        // every Party a tag names, declared or not
        for b in &neg.brackets {
            let p = &b.positions;
            for c in p
                .proposed_by
                .iter()
                .chain(&p.opposed_by)
                .chain(&p.considering)
            {
                if !parties.iter().any(|q| &q.code == c) {
                    parties.push(Party {
                        code: c.clone(),
                        name: None,
                    });
                }
            }
        }
        neg.parties = parties;
        neg.markup.sort_by_key(|r| r.start);
        neg
    }

    /// Does the text have negotiating brackets?
    pub fn is_empty(&self) -> bool {
        self.brackets.is_empty()
    }

    /// The innermost bracket holding the start of `range` (byte offsets in
    /// the text), or failing that the first bracket overlapping it.
    pub fn bracket_at(&self, range: Range<usize>) -> Option<usize> {
        let at = range.start;
        let holding = self
            .brackets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.range.start <= at && at < b.range.end)
            .max_by_key(|(_, b)| b.range.start)
            .map(|(i, _)| i);
        holding.or_else(|| {
            let end = range.end.max(range.start + 1);
            self.brackets
                .iter()
                .position(|b| b.range.start < end && range.start < b.range.end)
        })
    }

    /// Is `range` inside negotiating markup only (a tag or a note)?
    pub fn in_markup(&self, range: Range<usize>) -> bool {
        self.markup
            .iter()
            .any(|m| m.start <= range.start && range.end <= m.end && m.len() > 1)
    }

    /// The byte ranges to hide for a reading that accepts the brackets for
    /// which `accepted(i)` holds (a bracket is kept only when every bracket
    /// around it is kept too): every other bracket whole, and all markup.
    pub fn hidden(&self, accepted: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
        let mut kept = vec![false; self.brackets.len()];
        for i in 0..self.brackets.len() {
            kept[i] = accepted(i) && self.brackets[i].parent.is_none_or(|p| kept[p]);
        }
        let mut out: Vec<Range<usize>> = self.markup.clone();
        out.extend(
            self.brackets
                .iter()
                .zip(&kept)
                .filter(|(_, k)| !**k)
                .map(|(b, _)| b.range.clone()),
        );
        out.sort_by_key(|r| r.start);
        out
    }

    /// The bracket a standalone tag speaks of: the one just before it (only
    /// spaces, punctuation or footnote markers between), else the one just
    /// after it, else the one around it.
    fn attach_target(
        &self,
        text: &str,
        tag: &Range<usize>,
        tags: &[Range<usize>],
    ) -> Option<usize> {
        // between a bracket and its tag: spaces, punctuation, markers and other tags
        let filler = |range: Range<usize>| {
            if range.len() > 2000 {
                return false;
            }
            let s: String = text[range.clone()]
                .char_indices()
                .filter(|(k, _)| {
                    !tags
                        .iter()
                        .any(|t| t.start <= range.start + k && range.start + k < t.end)
                })
                .map(|(_, c)| c)
                .collect();
            s.len() <= 200
                && s.chars().all(|c| {
                    c.is_whitespace()
                        || matches!(c, '.' | ',' | ';' | ':' | '[' | ']' | '*' | '†')
                        || c.is_ascii_digit()
                        || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)
                })
        };
        let before = self
            .brackets
            .iter()
            .enumerate()
            .filter(|(_, b)| b.range.end <= tag.start)
            .max_by_key(|(_, b)| (b.range.end, std::cmp::Reverse(b.range.start)))
            .map(|(i, _)| i)
            .filter(|&i| filler(self.brackets[i].range.end..tag.start));
        // of brackets ending at the same place, the outermost
        let before = before.map(|i| {
            let mut i = i;
            while let Some(p) = self.brackets[i].parent {
                if self.brackets[p].range.end == self.brackets[i].range.end {
                    i = p;
                } else {
                    break;
                }
            }
            i
        });
        before
            .or_else(|| {
                self.brackets
                    .iter()
                    .position(|b| b.range.start >= tag.end)
                    .filter(|&i| filler(tag.end..self.brackets[i].range.start))
            })
            .or_else(|| {
                self.brackets
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.range.start < tag.start && tag.end <= b.range.end)
                    .max_by_key(|(_, b)| b.range.start)
                    .map(|(i, _)| i)
            })
    }

    /// Tags written outside the brackets: `ARC propose: [ … ]` (on the
    /// bracket's line or alone on the line above), `[ … ] (ARC)` and
    /// `[ … ] – BOR oppose` (the rest of the closing line).
    fn outside_tags(&mut self, text: &str, lex: &Lexicon, known: &[String]) {
        let starts: Vec<usize> = self.brackets.iter().map(|b| b.range.start).collect();
        for (i, open) in starts.into_iter().enumerate() {
            let line_start = text[..open].rfind('\n').map_or(0, |n| n + 1);
            let prefix = &text[line_start..open];
            let prefix_at = prefix.rfind(']').map_or(line_start, |k| line_start + k + 1);
            let prefix = &text[prefix_at..open];
            let mut candidates = Vec::new();
            if !prefix.trim().is_empty() {
                candidates.push(prefix_at..open);
            } else if line_start > 0 {
                // the line above, when it is a tag alone ending with a colon
                let prev_end = line_start - 1;
                let prev_start = text[..prev_end].rfind('\n').map_or(0, |n| n + 1);
                let prev = &text[prev_start..prev_end];
                if prev.trim_end().ends_with([':', '：']) {
                    candidates.push(prev_start..prev_end);
                }
            }
            for r in candidates {
                let s = &text[r.clone()];
                let (p, used) = lex.leading(s);
                if used > 0 && s[used..].trim().is_empty() && !p.is_empty() {
                    self.brackets[i].positions.merge(p);
                    self.markup.push(r);
                }
            }
        }
        for i in 0..self.brackets.len() {
            let close = self.brackets[i].range.end;
            let line_end = text[close..].find('\n').map_or(text.len(), |n| close + n);
            let rest = &text[close..line_end];
            // footnote markers first
            let skip = rest.len()
                - rest
                    .trim_start_matches(|c: char| "¹²³⁴⁵⁶⁷⁸⁹⁰*†".contains(c))
                    .len();
            let rest_at = close + skip;
            let rest = &text[rest_at..line_end];
            if rest.trim().is_empty() {
                // a note or tag alone on the next line: `Note: BOR is considering its position`
                let mut at = line_end + 1;
                let mut blank = 0;
                while at < text.len() && blank <= 1 {
                    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
                    let line = text[at..end].trim();
                    if line.is_empty() {
                        blank += 1;
                        at = end + 1;
                        continue;
                    }
                    if !line.contains('[') && !line.ends_with([':', '：']) {
                        let bare = line
                            .trim_start_matches(['–', '—', '-', '('])
                            .trim_end_matches(')');
                        if let Some(p) = lex.only_tags(bare, known).filter(|p| p.has_parties()) {
                            self.brackets[i].positions.merge(p);
                            self.markup.push(at..end);
                        }
                    }
                    break;
                }
                continue;
            }
            if rest.trim_start().starts_with('[') {
                continue;
            }
            // an opener on the rest of the line means it belongs to the next bracket
            if rest.contains('[') {
                continue;
            }
            let trimmed = rest.trim().trim_start_matches(['–', '—', '-']).trim();
            if let Some(p) = lex.only_tags(trimmed, known) {
                self.brackets[i].positions.merge(p);
                self.markup.push(rest_at..line_end);
            } else if let Some(c) = lex.paren_re.captures(rest) {
                let codes = lex.codes(c.name("p").map_or("", |m| m.as_str()));
                if lex.valid(&codes) {
                    let oppose = c
                        .name("v")
                        .is_some_and(|v| lex.oppose_re.is_match(v.as_str()));
                    let p = if oppose {
                        Positions {
                            opposed_by: codes,
                            ..Positions::default()
                        }
                    } else {
                        Positions {
                            proposed_by: codes,
                            ..Positions::default()
                        }
                    };
                    self.brackets[i].positions.merge(p);
                    self.markup.push(rest_at..line_end);
                }
            }
        }
    }

    /// A footnote whose marker follows a bracket (`]¹`, `][2]`, `]3/`) and
    /// whose text carries a note or a tag: its positions go to the bracket,
    /// its line is markup.
    fn footnote_notes(&mut self, text: &str, lex: &Lexicon) {
        static MARK: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^(?:(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\[(?P<br>\d{1,3})\]|(?P<sl>\d{1,3})/|(?P<st>\*{1,3}))",
            )
            .expect("marker")
        });
        for i in 0..self.brackets.len() {
            let close = self.brackets[i].range.end;
            let Some(c) = MARK.captures(&text[close..]) else {
                continue;
            };
            let (line_re, after) = if let Some(m) = c.name("sup") {
                (
                    format!(
                        r"(?m)^[ \t]*{}[ \t]*(?P<t>[^\n]+)$",
                        regex::escape(m.as_str())
                    ),
                    close,
                )
            } else if let Some(m) = c.name("br") {
                (
                    format!(r"(?m)^[ \t]*\[{}\][ \t]*(?P<t>[^\n]+)$", m.as_str()),
                    close,
                )
            } else if let Some(m) = c.name("sl") {
                (
                    format!(r"(?m)^[ \t]*{}/[ \t]*(?P<t>[^\n]+)$", m.as_str()),
                    close,
                )
            } else {
                let m = c.name("st").expect("star");
                (
                    format!(
                        r"(?m)^[ \t]*{}[ \t]*(?P<t>[^\n]+)$",
                        regex::escape(m.as_str())
                    ),
                    close,
                )
            };
            let Ok(re) = Regex::new(&line_re) else {
                continue;
            };
            let Some(f) = re.captures(&text[after..]) else {
                continue;
            };
            let body = f.name("t").expect("t").as_str();
            let (mut p, used) = lex.leading(body);
            if used == 0 || p.is_empty() {
                // a note without its "Note:" label: "BOR is considering its position."
                let mut q = Positions::default();
                lex.note(body, &mut q);
                if !q.has_parties() {
                    continue;
                }
                p = q;
            }
            let whole = f.get(0).expect("line");
            self.brackets[i].positions.merge(p);
            self.markup.push(after + whole.start()..after + whole.end());
        }
        // footnotes whose marker is inside a bracket, or lost (a Word
        // footnote, a PDF's superscript): a footnote line carrying positions
        // goes to the bracket holding its marker, else the last bracket before it
        static NOTE_LINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?m)^[ \t]*(?P<m>\[\d{1,3}\]|\d{1,3}/|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|\d{1,2}(?:[ \t]))[ \t]*(?P<t>[^\n]+)$")
                .expect("note line")
        });
        for c in NOTE_LINE.captures_iter(text) {
            let whole = c.get(0).expect("line");
            if self
                .markup
                .iter()
                .any(|m| m.start <= whole.start() && whole.end() <= m.end)
            {
                continue;
            }
            if self
                .brackets
                .iter()
                .any(|b| b.range.start <= whole.start() && whole.start() < b.range.end)
            {
                continue; // a line inside a bracket is its text
            }
            let body = c.name("t").expect("t").as_str();
            let mut p = Positions::default();
            let (q, used) = lex.leading(body);
            if used > 0 && q.has_parties() {
                p = q;
            } else {
                lex.note(body, &mut p);
            }
            if !p.has_parties() {
                continue;
            }
            let marker = c.name("m").expect("m").as_str().trim();
            let holder = text[..whole.start()]
                .match_indices(marker)
                .filter_map(|(k, _)| {
                    self.brackets
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| b.range.start < k && k <= b.range.end)
                        .max_by_key(|(_, b)| b.range.start)
                        .map(|(i, _)| i)
                })
                .last();
            let target = holder.or_else(|| {
                self.brackets
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.range.end <= whole.start())
                    .max_by_key(|(_, b)| b.range.end)
                    .map(|(i, _)| i)
            });
            if let Some(i) = target {
                self.brackets[i].positions.merge(p);
                self.markup.push(whole.start()..whole.end());
            }
        }
    }
}

/// The lexicon of a text that declares no Party and is given none: its
/// patterns are compiled once, not for every text with a `[` (most ToTA
/// agreements have footnote markers).
static PLAIN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[]));

/// The line inside a bracket that opens it, less the bracket, its tags and a
/// closing bracket at its end: `[ARC propose: Article 14.5: Cultural
/// Cooperation]` → `Article 14.5: Cultural Cooperation`, for the structure
/// parser to read bracketed headings. `None` when the line does not open
/// with `[`.
pub fn bracketed_heading(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('[')?;
    let (_, used) = PLAIN.leading(rest);
    let rest = rest[used..].trim_end();
    let rest = rest.strip_suffix(']').unwrap_or(rest).trim();
    (!rest.is_empty() && !rest.contains('[')).then_some(rest)
}

/// `text` with the bytes of `hidden` blanked: each character becomes as many
/// spaces as it has bytes, newlines stay, so every byte offset, line and
/// column of the text is the same in the result. `hidden` may overlap.
pub fn mask(text: &str, hidden: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for r in hidden {
        let (start, end) = (r.start.min(bytes.len()), r.end.min(bytes.len()));
        for b in &mut bytes[start..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // a range cutting a character leaves its other bytes: blank them too
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let mut bytes = e.into_bytes();
            let mut i = 0;
            while i < bytes.len() {
                match std::str::from_utf8(&bytes[i..]) {
                    Ok(_) => break,
                    Err(err) => {
                        let bad = i + err.valid_up_to();
                        let len = err.error_len().unwrap_or(bytes.len() - bad);
                        for b in &mut bytes[bad..bad + len] {
                            *b = b' ';
                        }
                        i = bad + len;
                    }
                }
            }
            String::from_utf8(bytes).expect("blanked to ASCII")
        }
    }
}

/// Every balanced pair of square brackets, by position of `[` and `]`.
fn match_pairs(text: &str) -> Vec<Pair> {
    let mut stack: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    let bytes = text.as_bytes();
    for i in memchr::memchr2_iter(b'[', b']', bytes) {
        match bytes[i] {
            b'[' if stack.len() < 32 => stack.push(i),
            b']' => {
                if let Some(open) = stack.pop() {
                    pairs.push(Pair {
                        open,
                        close: i,
                        kind: Kind::Other,
                        content: open + 1..i,
                        positions: Positions::default(),
                        tag_ranges: Vec::new(),
                    });
                }
            }
            _ => {}
        }
    }
    pairs.sort_by_key(|p| p.open);
    pairs
}

fn classify(text: &str, pair: &mut Pair, lex: &Lexicon, known: &[String]) {
    let inner = &text[pair.open + 1..pair.close];
    let trimmed = inner.trim();
    pair.kind = Kind::Other;
    if trimmed.is_empty()
        || trimmed
            .chars()
            .all(|c| matches!(c, '.' | '…' | '·' | ' ' | '\u{a0}'))
    {
        return;
    }
    if let Some(p) = lex.only_tags(trimmed, known) {
        pair.kind = Kind::Tags(p);
        return;
    }
    if lex.bare_re.is_match(trimmed) {
        let codes = lex.codes(trimmed);
        if lex.valid(&codes) && codes.iter().all(|c| is_code(c)) {
            pair.kind = Kind::BareTags(Positions {
                proposed_by: codes,
                ..Positions::default()
            });
            return;
        }
    }
    if is_marker(trimmed) {
        return;
    }
    // the text inside, less the nested brackets' own words, decides
    let (lead, used) = lex.leading(inner);
    let body = &inner[used..];
    let (trail, end) = lex.trailing(body);
    let mut positions = lead;
    positions.merge(trail);
    let content_start = pair.open + 1 + used;
    let content_end = content_start + end;
    pair.tag_ranges.clear();
    if used > 0 {
        pair.tag_ranges.push(pair.open + 1..content_start);
    }
    if end < body.len() {
        pair.tag_ranges.push(content_end..pair.close);
    }
    let content = &text[content_start..content_end];
    let s = content_start + (content.len() - content.trim_start().len());
    let e = (content_end - (content.len() - content.trim_end().len())).max(s);
    pair.content = s..e;
    pair.positions = positions.clone();
    if !positions.is_empty() {
        pair.kind = Kind::Tagged;
        return;
    }
    // a placeholder number after a heading keyword: `Article [X]`
    let before: String = text[..pair.open]
        .chars()
        .rev()
        .take(14)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    static HEADING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:article|art[íi]culo|chapter|cap[íi]tulo|chapitre|section|secci[óo]n|annex|anexo|annexe|paragraph|p[áa]rrafo|paragraphe|art\.)\s*$").expect("heading")
    });
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let lower_words = words
        .iter()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.chars().count() >= 2
                && w.chars().next().is_some_and(char::is_lowercase)
                && !PLACEHOLDER_WORDS.contains(&w)
        })
        .count();
    if HEADING_BEFORE.is_match(&before) && words.len() <= 2 {
        return;
    }
    // a bracketed heading: `[Article 1.2 - Exception culturelle]`
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:article|art[íi]culo|chapter|cap[íi]tulo|chapitre|section|secci[óo]n)\s+[\dIVXLC][\w.\-]*\s*(?:[:.\-–—]\s*)?\p{Lu}").expect("heading")
    });
    if HEADING.is_match(trimmed) && !trimmed.contains('\n') {
        pair.kind = Kind::Weak;
        return;
    }
    // a formula (`[(FOB - value of materials) / FOB]`) is not a proposal
    let operators = trimmed
        .chars()
        .filter(|c| matches!(c, '+' | '/' | '=' | '×' | '%' | '<' | '>'))
        .count();
    if operators >= 1 && trimmed.starts_with('(') || operators >= 2 {
        return;
    }
    // running treaty text: a clause with its verb (an editorial note or a
    // bracketed cross-reference has none)
    static CLAUSE_VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:shall|may|will|should|must|agrees?|recogni[sz]es?|recogni[sz]ing|undertakes?|reaffirms?|reaffirming|appl(?:y|ies)|nothing|deber[áa]n?|podr[áa]n?|se\s+aplica|aplicar[áa]|reconocen|reconociendo|reafirman|reafirmando|se\s+comprometen|nada|doi(?:t|vent)|peu(?:t|vent)|s['’]applique|reconnaissent|reconnaissant|r[ée]affirment|r[ée]affirmant|s['’]engagent|veillent|aucune?\s+disposition)\b").expect("verbs")
    });
    if lower_words >= 3
        && (words.len() >= 5 || trimmed.contains('\n'))
        && CLAUSE_VERB.is_match(trimmed)
    {
        pair.kind = Kind::Substantive;
    } else if lower_words >= 1 {
        // a few lowercase words (`[shall]`, `[audiovisual services]`):
        // negotiating only in a negotiating text
        pair.kind = Kind::Weak;
    }
}

/// `1`, `12a`, `2019`, `*`, `iv`, `X`, `●`, `14.5`, `A`: markers and placeholders.
fn is_marker(s: &str) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,4}[a-z]?|[*†‡]+|(?i:[ivxlc]{1,6})|[A-Z]|[●•◼■_ ]+|[\d.\-–X x]+|\p{Lu}[\p{Lu}\d .\-/()]*)$")
            .expect("marker")
    });
    MARKER.is_match(s)
}

/// Parties a draft declares: a list headed "Parties", "Abbreviations",
/// "Delegations" (or `Partes`, `Abreviaturas`, `Siglas`, `Délégations`,
/// `Sigles`…), written `Arcadia (ARC)`, `ARC: Arcadia`, `ARC – Arcadia` or
/// `ARC = Arcadia`, inline or one a line until a blank line.
pub fn declared_parties(text: &str) -> Vec<Party> {
    static PAREN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|de|del|la|le|du|des|the|and|y|et|\p{Lu}[\p{L}'’.-]*))*)\s*\(\s*["“«]?\s*(?P<code>[A-Z]{2,4})\s*["”»]?\s*\)"#).expect("paren")
    });
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*[-•*]?[ \t]*(?P<code>[A-Z]{2,4})[ \t]*(?:[:：=–—-]|\t)[ \t]*(?P<name>\p{Lu}[^\n;,]*?)[ \t]*[.;,]?[ \t]*$").expect("line")
    });
    let mut out: Vec<Party> = Vec::new();
    let push = |out: &mut Vec<Party>, code: &str, name: &str| {
        let name = name.trim().trim_end_matches(['.', ';', ',']).trim();
        if NOT_CODES.contains(&code) || out.iter().any(|p| p.code == code) {
            return;
        }
        out.push(Party {
            code: code.to_string(),
            name: Some(name.to_string()).filter(|n| !n.is_empty()),
        });
    };
    for (whole, inline) in party_headings(text) {
        if let Some(inline) = inline.and_then(|r| text.get(r)) {
            for c in PAREN.captures_iter(inline) {
                push(&mut out, &c["code"], &c["name"]);
            }
            // `ARC – Arcadia; BOR – Borealia`
            for piece in inline.split([';', ',']) {
                if let Some(c) = LINE.captures(piece.trim()) {
                    push(&mut out, &c["code"], &c["name"]);
                }
            }
        }
        for line in text[whole.end..].lines().skip(1).take(12) {
            if line.trim().is_empty() {
                if out.is_empty() {
                    continue;
                }
                break;
            }
            // a table row: `| ARC | Arcadia |`
            let row;
            let table = line.trim_start().starts_with('|');
            let line = if table {
                row = line.trim().trim_matches('|').replacen('|', ":", 1);
                if row.trim_start().starts_with('-') {
                    continue; // the rule under a table's header
                }
                row.as_str()
            } else {
                line
            };
            if let Some(c) = LINE.captures(line) {
                push(&mut out, &c["code"], &c["name"]);
            } else {
                let before = out.len();
                for c in PAREN.captures_iter(line) {
                    push(&mut out, &c["code"], &c["name"]);
                }
                if out.len() == before && !table {
                    break;
                }
            }
        }
    }
    out
}

/// The headings that open a list of Parties ("Parties:", "Abréviations",
/// "Delegaciones: ARC – Arcadia; …"), each with the rest of its line after a
/// colon or dash (the list given inline). A heading starts a line, so only
/// lines whose first letter can start one are read, each with the heading
/// pattern anchored there: one pattern over a whole agreement, read for every
/// text with a bracket, was a tenth of a corpus run.
fn party_headings(text: &str) -> Vec<(Range<usize>, Option<Range<usize>>)> {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\A(?im)[ \t]*(?:negotiating\s+)?(?:parties(?:\s+to\s+the\s+negotiations?)?|abbreviations|acronyms|delegations|partes(?:\s+negociadoras)?|abreviaturas|siglas|delegaciones|abr[ée]viations|sigles|d[ée]l[ée]gations|parties\s+n[ée]gociatrices|parties\s+[àa]\s+la\s+n[ée]gociation)[ \t]*(?:[:：.–—-][ \t]*(?P<inline>[^\n]*))?$").expect("head")
    });
    let mut out = Vec::new();
    let mut next = 0; // where the last heading ended: headings do not overlap
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    for start in starts {
        if start < next || start > text.len() {
            continue;
        }
        let rest = &text[start..];
        if !may_open_heading(rest.trim_start_matches([' ', '\t'])) {
            continue;
        }
        if let Some(c) = HEAD.captures(rest) {
            let whole = c.get(0).expect("whole match");
            out.push((
                start + whole.start()..start + whole.end(),
                c.name("inline").map(|m| start + m.start()..start + m.end()),
            ));
            next = start + whole.end();
        }
    }
    out
}

/// Whether a line (its leading spaces and tabs removed) can open with a
/// heading word of `party_headings`: its first four letters, folded as the
/// heading pattern folds case (`ſ` is an `s`), start one of them. Most lines
/// are ruled out by their first byte.
fn may_open_heading(line: &str) -> bool {
    const STARTS: [&str; 11] = [
        "nego", "part", "abbr", "abre", "abré", "acro", "dele", "delé", "déle", "délé", "sigl",
    ];
    // `ſ` starts with the byte C5
    if !matches!(
        line.as_bytes().first(),
        Some(b'n' | b'p' | b'a' | b'd' | b's' | b'N' | b'P' | b'A' | b'D' | b'S' | 0xC5)
    ) {
        return false;
    }
    let word: String = line
        .chars()
        .take(4)
        .map(|c| match c {
            'ſ' => 's',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect();
    STARTS.contains(&word.as_str())
}

#[cfg(test)]
mod tests;
