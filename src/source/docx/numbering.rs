//! Word's list numbering: the numbers Word draws before numbered paragraphs
//! ("Article 3", "1.2", "(b)") are not in the paragraph's text but computed
//! from `word/numbering.xml` (abstract numberings, their levels, and the
//! numbering instances paragraphs point to) and `word/styles.xml` (styles that
//! carry a numbering, inherited along `basedOn`). This replays that count.

use super::xml::{events, Ev};
use std::collections::{HashMap, HashSet};

/// One level of an abstract numbering (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    /// `decimal`, `upperRoman`, `lowerLetter`, `bullet`, `none`, …
    format: String,
    /// `Article %1`, `%1.%2`, `(%3)`.
    text: Option<String>,
    /// `w:lvlRestart`: 0 = never restarts; n = restarts after level n (1-based).
    restart: Option<i64>,
    /// `w:isLgl`: the numbers of higher levels shown as decimals.
    legal: bool,
    /// `w:suff`: what follows the number (`tab`, `space`, `nothing`).
    nothing_after: bool,
}

/// A numbering instance (`w:num`): an abstract numbering and its overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// Level → `w:startOverride`.
    start_overrides: HashMap<usize, i64>,
    /// Level → a whole `w:lvl` given in `w:lvlOverride`.
    level_overrides: HashMap<usize, Level>,
}

/// A style's base and numbering as written: (basedOn, numId, ilvl).
type StyleNumbering = (Option<String>, Option<String>, Option<usize>);

/// The numbering definitions of a document and the counters as paragraphs
/// are numbered in document order.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// Style id → (numId, level) after `basedOn`, for paragraphs whose
    /// numbering comes from their style.
    styles: HashMap<String, (String, Option<usize>)>,
    /// Abstract numbering → style → level (`w:lvl/w:pStyle`).
    style_levels: HashMap<String, usize>,
    /// Current value per abstract numbering and level.
    counters: HashMap<String, [Option<i64>; 9]>,
    /// Instances whose start overrides have been applied (on first use).
    started: HashSet<String>,
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be absent).
    pub fn parse(numbering: Option<&str>, styles: Option<&str>) -> Result<Self, String> {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml)?;
        }
        if let Some(xml) = styles {
            n.read_styles(xml)?;
        }
        Ok(n)
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), String> {
        let mut abstract_id: Option<String> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        for ev in events(xml)? {
            match ev {
                Ev::Open(e) => match e.name.as_str() {
                    "abstractNum" => abstract_id = e.attr("abstractNumId").map(String::from),
                    "num" => num = e.attr("numId").map(|id| (id.to_string(), Num::default())),
                    "abstractNumId" => {
                        if let (Some((_, n)), Some(v)) = (&mut num, e.attr("val")) {
                            n.abstract_id = v.to_string();
                        }
                    }
                    "lvlOverride" => override_level = e.attr("ilvl").and_then(|v| v.parse().ok()),
                    "startOverride" => {
                        if let (Some((_, n)), Some(l), Some(v)) = (
                            &mut num,
                            override_level,
                            e.attr("val").and_then(|v| v.parse().ok()),
                        ) {
                            n.start_overrides.insert(l, v);
                        }
                    }
                    "lvl" => {
                        let ilvl = e.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                ..Level::default()
                            },
                        ));
                    }
                    name => {
                        if let Some((ilvl, l)) = &mut level {
                            let val = e.attr("val");
                            match name {
                                "start" => l.start = val.and_then(|v| v.parse().ok()).unwrap_or(1),
                                "numFmt" => l.format = val.unwrap_or("decimal").to_string(),
                                "lvlText" => l.text = val.map(String::from),
                                "lvlRestart" => l.restart = val.and_then(|v| v.parse().ok()),
                                "isLgl" => l.legal = val.is_none_or(|v| v != "0" && v != "false"),
                                "suff" => l.nothing_after = val == Some("nothing"),
                                "pStyle" => {
                                    if let (Some(style), Some(_)) = (val, &abstract_id) {
                                        self.style_levels.insert(style.to_string(), *ilvl);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                },
                Ev::Close(name) => match name.as_str() {
                    "lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            if ilvl < 9 {
                                if let Some((_, n)) = &mut num {
                                    n.level_overrides.insert(ilvl, l);
                                } else if let Some(a) = &abstract_id {
                                    let levels = self.abstracts.entry(a.clone()).or_default();
                                    if levels.len() <= ilvl {
                                        levels.resize(ilvl + 1, Level::default());
                                    }
                                    levels[ilvl] = l;
                                }
                            }
                        }
                    }
                    "lvlOverride" => override_level = None,
                    "abstractNum" => abstract_id = None,
                    "num" => {
                        if let Some((id, n)) = num.take() {
                            self.nums.insert(id, n);
                        }
                    }
                    _ => {}
                },
                Ev::Text(_) => {}
            }
        }
        Ok(())
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), String> {
        let mut raw: HashMap<String, StyleNumbering> = HashMap::new();
        let mut current: Option<String> = None;
        let mut skip = 0usize;
        for ev in events(xml)? {
            match ev {
                Ev::Open(e) => {
                    if skip > 0 || e.name == "pPrChange" || e.name == "rPrChange" {
                        skip += 1;
                        continue;
                    }
                    match e.name.as_str() {
                        "style" => {
                            current = e.attr("styleId").map(String::from);
                            if let Some(id) = &current {
                                raw.entry(id.clone()).or_default();
                            }
                        }
                        "basedOn" | "numId" | "ilvl" => {
                            if let Some(entry) = current.as_ref().and_then(|c| raw.get_mut(c)) {
                                let val = e.attr("val").map(String::from);
                                match e.name.as_str() {
                                    "basedOn" => entry.0 = val,
                                    "numId" => entry.1 = val,
                                    _ => entry.2 = val.and_then(|v| v.parse().ok()),
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Ev::Close(name) => {
                    if skip > 0 {
                        skip -= 1;
                    } else if name == "style" {
                        current = None;
                    }
                }
                Ev::Text(_) => {}
            }
        }
        for id in raw.keys() {
            // walk basedOn until a style with a numbering (a cycle ends the walk)
            let mut at = id.as_str();
            let mut ilvl = None;
            for _ in 0..16 {
                let Some((based, num, lvl)) = raw.get(at) else {
                    break;
                };
                ilvl = ilvl.or(*lvl);
                if let Some(num) = num {
                    self.styles.insert(id.clone(), (num.clone(), ilvl));
                    break;
                }
                match based {
                    Some(b) => at = b,
                    None => break,
                }
            }
        }
        Ok(())
    }

    /// The numbering of a paragraph: its own `w:numPr` (numId, ilvl), else
    /// the one its style carries. `None` for unnumbered paragraphs.
    pub fn resolve(
        &self,
        num_id: Option<&str>,
        ilvl: Option<usize>,
        style: Option<&str>,
    ) -> Option<(String, usize)> {
        let from_style = style.and_then(|s| self.styles.get(s));
        let num = num_id
            .map(String::from)
            .or_else(|| from_style.map(|(n, _)| n.clone()))?;
        if num == "0" {
            return None; // numbering switched off
        }
        let level = ilvl
            .or_else(|| from_style.and_then(|(_, l)| *l))
            .or_else(|| style.and_then(|s| self.style_levels.get(s).copied()))
            .unwrap_or(0)
            .min(8);
        Some((num, level))
    }

    /// Counts one numbered paragraph and returns the label Word draws before
    /// it, with the space that follows ("Article 3 ", "(b) "); `None` when
    /// the instance is unknown, a bullet, or draws nothing.
    pub fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let num = self.nums.get(num_id)?.clone();
        let mut levels = self.abstracts.get(&num.abstract_id)?.clone();
        for (&l, lvl) in &num.level_overrides {
            if levels.len() <= l {
                levels.resize(l + 1, Level::default());
            }
            levels[l] = lvl.clone();
        }
        let level = levels.get(ilvl)?.clone();
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if self.started.insert(num_id.to_string()) {
            for (&l, &start) in &num.start_overrides {
                if l < 9 {
                    counters[l] = Some(start - 1);
                    for c in counters.iter_mut().skip(l + 1) {
                        *c = None;
                    }
                }
            }
        }
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |c| c + 1));
        for (deeper, c) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels.get(deeper).and_then(|l| l.restart);
            // lvlRestart n: restarts after a level above n is numbered; 0: never
            if restart.is_none_or(|r| r > 0 && (ilvl as i64) < r) {
                *c = None;
            }
        }
        if level.format == "bullet" {
            let t = level.text.as_deref().unwrap_or("").trim();
            return matches!(t, "-" | "–" | "—").then(|| format!("{t} "));
        }
        let template = level.text.as_deref()?;
        let mut label = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let lvl = levels.get(l).cloned().unwrap_or_default();
                    let value = counters[l].unwrap_or(lvl.start);
                    let format = if level.legal && l < ilvl {
                        "decimal"
                    } else {
                        lvl.format.as_str()
                    };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_string();
        if label.is_empty() {
            return None;
        }
        Some(if level.nothing_after {
            label
        } else {
            label + " "
        })
    }
}

/// A counter value in one of Word's number formats (`w:numFmt`); unknown
/// formats are drawn as decimals, as Word falls back to.
pub fn format_number(n: i64, format: &str) -> String {
    match format {
        "none" => String::new(),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letter(n),
        "lowerLetter" => letter(n).to_lowercase(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "ordinal" => format!("{n}{}", ordinal_suffix(n)),
        "cardinalText" => words(n, false),
        "ordinalText" => words(n, true),
        "decimalEnclosedParen" => format!("({n})"),
        _ => n.to_string(),
    }
}

fn roman(mut n: i64) -> String {
    if n <= 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated).
fn letter(n: i64) -> String {
    if n <= 0 {
        return n.to_string();
    }
    let c = (b'A' + ((n - 1) % 26) as u8) as char;
    c.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// English number words up to 99 (Word's `cardinalText` / `ordinalText` in an
/// English document); larger numbers as decimals.
fn words(n: i64, ordinal: bool) -> String {
    const ONES: [&str; 20] = [
        "Zero",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
    ];
    const ONES_TH: [&str; 20] = [
        "Zeroth",
        "First",
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "Sixth",
        "Seventh",
        "Eighth",
        "Ninth",
        "Tenth",
        "Eleventh",
        "Twelfth",
        "Thirteenth",
        "Fourteenth",
        "Fifteenth",
        "Sixteenth",
        "Seventeenth",
        "Eighteenth",
        "Nineteenth",
    ];
    const TENS: [&str; 10] = [
        "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
    ];
    const TENS_TH: [&str; 10] = [
        "",
        "",
        "Twentieth",
        "Thirtieth",
        "Fortieth",
        "Fiftieth",
        "Sixtieth",
        "Seventieth",
        "Eightieth",
        "Ninetieth",
    ];
    if !(0..100).contains(&n) {
        return n.to_string();
    }
    let n = n as usize;
    if n < 20 {
        return if ordinal { ONES_TH[n] } else { ONES[n] }.to_string();
    }
    let (t, o) = (n / 10, n % 10);
    if o == 0 {
        return if ordinal { TENS_TH[t] } else { TENS[t] }.to_string();
    }
    let last = if ordinal { ONES_TH[o] } else { ONES[o] };
    format!("{}-{}", TENS[t], last.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="CHAPTER %1"/><w:pStyle w:val="ChapterHead"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:styleId="ChapterHead"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="ChapterHead2"><w:basedOn w:val="ChapterHead"/></w:style>
    </w:styles>"#;

    #[test]
    fn levels_count_restart_and_override() {
        let mut n = Numbering::parse(Some(NUMBERING), Some(STYLES)).unwrap();
        let mut next = |id: &str, l| n.next_label(id, l).unwrap_or_default();
        assert_eq!(next("1", 0), "Article 1 ");
        assert_eq!(next("1", 1), "1.1 ");
        assert_eq!(next("1", 2), "(a) ");
        assert_eq!(next("1", 2), "(b) ");
        assert_eq!(next("1", 1), "1.2 ");
        assert_eq!(next("1", 2), "(a) ", "a deeper level restarts");
        assert_eq!(next("1", 0), "Article 2 ");
        assert_eq!(next("1", 1), "2.1 ");
        // another instance of the same list restarting at 10
        assert_eq!(next("2", 0), "Article 10 ");
        assert_eq!(next("2", 0), "Article 11 ");
    }

    #[test]
    fn numbering_from_the_style_and_its_base() {
        let mut n = Numbering::parse(Some(NUMBERING), Some(STYLES)).unwrap();
        let (id, l) = n.resolve(None, None, Some("ChapterHead2")).unwrap();
        assert_eq!(n.next_label(&id, l).as_deref(), Some("CHAPTER I "));
        let (id, l) = n.resolve(None, None, Some("ChapterHead")).unwrap();
        assert_eq!(n.next_label(&id, l).as_deref(), Some("CHAPTER II "));
        assert_eq!(n.resolve(Some("0"), None, Some("ChapterHead")), None);
        assert_eq!(n.resolve(None, None, Some("Normal")), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(3, "ordinal"), "3rd");
        assert_eq!(format_number(21, "cardinalText"), "Twenty-one");
        assert_eq!(format_number(1, "ordinalText"), "First");
        assert_eq!(format_number(7, "decimalZero"), "07");
    }
}
