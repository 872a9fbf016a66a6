//! Makes agreement B from a real ToTA agreement A with known edits, by editing
//! the XML text itself: B then goes through the same reader and structure
//! parser as any user file, and ToTA's `article_identifier` survives every edit,
//! so it is the ground truth for which article of B is which article of A.
//!
//! Edits: delete one article, insert an invented one, move one to the end of
//! another chapter, renumber a whole chapter (chapter and article numbers,
//! and the number where the article text repeats it), change words in three.

use regex::Regex;
use std::collections::BTreeSet;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// splitmix64: deterministic, no dependency.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }
}

struct Chapter {
    numbered: bool,
    open_tag: std::ops::Range<usize>,
    close: usize,
    articles: Vec<Article>,
}

#[derive(Clone)]
struct Article {
    id: String,
    element: std::ops::Range<usize>,
    open_tag: std::ops::Range<usize>,
    text: std::ops::Range<usize>,
}

/// What B should look like to a correct comparison, by ToTA article id.
#[derive(Debug, Default)]
pub struct Expected {
    pub removed: BTreeSet<String>,
    pub added: BTreeSet<String>,
    pub moved: BTreeSet<String>,
    pub renumbered: BTreeSet<String>,
    pub text_changed: BTreeSet<String>,
    /// The renumbered chapter's `name` attribute, when it has one: the
    /// comparison's chapter changes should name it.
    pub renumbered_chapter: Option<String>,
}

impl Expected {
    pub fn edit_count(&self) -> usize {
        // a renumbered chapter is one edit, whatever its size
        self.removed.len() + self.added.len() + self.moved.len() + 1 + self.text_changed.len()
    }
}

pub const INSERTED_ID: &str = "999999";

pub fn edit(xml: &str, rng: &mut Rng) -> Option<(String, Expected)> {
    let chapters = scan(xml);
    let eligible: Vec<usize> = (0..chapters.len())
        .filter(|&c| chapters[c].numbered && chapters[c].articles.len() >= 2)
        .collect();
    if eligible.len() < 4 {
        return None;
    }
    let mut order = eligible.clone();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let (renumber, delete_from, move_from, move_to) = (order[0], order[1], order[2], order[3]);
    let mut exp = Expected::default();
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();

    let victim =
        chapters[delete_from].articles[rng.below(chapters[delete_from].articles.len())].clone();
    exp.removed.insert(victim.id.clone());
    edits.push((victim.element.clone(), String::new()));

    let moving = chapters[move_from].articles.last()?.clone();
    exp.moved.insert(moving.id.clone());
    edits.push((moving.element.clone(), String::new()));
    edits.push((
        chapters[move_to].close..chapters[move_to].close,
        xml[moving.element.clone()].to_string(),
    ));

    let host = rng.pick(&eligible)?;
    exp.added.insert(INSERTED_ID.into());
    edits.push((
        chapters[host].close..chapters[host].close,
        invented_article(rng),
    ));

    renumber_chapter(xml, &chapters[renumber], &mut edits, &mut exp);

    let taken: BTreeSet<&str> = [&victim.id, &moving.id]
        .into_iter()
        .map(String::as_str)
        .collect();
    let wordy: Vec<&Article> = eligible
        .iter()
        .filter(|&&c| c != renumber)
        .flat_map(|&c| &chapters[c].articles)
        .filter(|a| !taken.contains(a.id.as_str()) && long_words(xml, a).len() >= 12)
        .collect();
    let mut changed = BTreeSet::new();
    for _ in 0..10 {
        if changed.len() == 3 {
            break;
        }
        let Some(a) = rng.pick(&wordy) else { break };
        if changed.insert(a.id.clone()) {
            change_words(xml, a, rng, &mut edits);
            exp.text_changed.insert(a.id.clone());
        }
    }
    Some((apply(xml, edits), exp))
}

fn scan(xml: &str) -> Vec<Chapter> {
    let chapter_re = Regex::new(r"<chapter\b[^>]*>").unwrap();
    let article_re = Regex::new(r"(?s)(<article\b[^>]*>)(.*?)</article>").unwrap();
    let id_re = Regex::new(r#"article_identifier="([^"]*)""#).unwrap();
    let mut chapters = Vec::new();
    for m in chapter_re.find_iter(xml) {
        let close = m.end() + xml[m.end()..].find("</chapter>").unwrap_or(0);
        let articles = article_re
            .captures_iter(&xml[m.end()..close])
            .map(|c| {
                let off = m.end();
                let (all, open, text) = (c.get(0).unwrap(), c.get(1).unwrap(), c.get(2).unwrap());
                Article {
                    id: id_re
                        .captures(open.as_str())
                        .map(|i| i[1].to_string())
                        .unwrap_or_default(),
                    element: off + all.start()..off + all.end(),
                    open_tag: off + open.start()..off + open.end(),
                    text: off + text.start()..off + text.end(),
                }
            })
            .collect();
        chapters.push(Chapter {
            numbered: m.as_str().contains(" number="),
            open_tag: m.start()..m.end(),
            close,
            articles,
        });
    }
    chapters
}

/// "ARTICLE 14.2" → "ARTICLE 64.2"; numbers without digits get " bis".
fn bump(number: &str) -> String {
    let digits = Regex::new(r"\d+").unwrap();
    match digits.find(number) {
        Some(m) => {
            let n: u64 = m.as_str().parse().unwrap_or(0);
            format!("{}{}{}", &number[..m.start()], n + 50, &number[m.end()..])
        }
        None => format!("{number} bis"),
    }
}

fn renumber_chapter(
    xml: &str,
    ch: &Chapter,
    edits: &mut Vec<(std::ops::Range<usize>, String)>,
    exp: &mut Expected,
) {
    let number_re = Regex::new(r#" number="([^"]*)""#).unwrap();
    let heading = Regex::new(r"(?i)^(article|art[íi]culo|art\.)\s*").unwrap();
    let retag = |tag: &str| {
        number_re
            .replace(tag, |c: &regex::Captures| {
                format!(r#" number="{}""#, bump(&c[1]))
            })
            .into_owned()
    };
    edits.push((ch.open_tag.clone(), retag(&xml[ch.open_tag.clone()])));
    exp.renumbered_chapter = Regex::new(r#" name="([^"]*)""#)
        .unwrap()
        .captures(&xml[ch.open_tag.clone()])
        .map(|c| c[1].to_string());
    for a in &ch.articles {
        let tag = &xml[a.open_tag.clone()];
        let Some(c) = number_re.captures(tag) else {
            continue;
        };
        edits.push((a.open_tag.clone(), retag(tag)));
        exp.renumbered.insert(a.id.clone());
        // the heading repeated at the top of the text ("Article 14.2: …")
        // carries the number too; elsewhere a number is a cross-reference
        // or a paragraph marker, which a renumbering leaves alone
        let bare = c[1].split_whitespace().last().unwrap_or("").to_string();
        let text = &xml[a.text.clone()];
        let lead = text.len() - text.trim_start().len();
        if let Some(m) = heading.find(&text[lead..]) {
            let at = a.text.start + lead + m.end();
            if xml[at..].starts_with(&bare) && bare.chars().any(|c| c.is_ascii_digit()) {
                edits.push((at..at + bare.len(), bump(&bare)));
            }
        }
    }
}

/// Plain lowercase words of five letters or more, well inside the text.
fn long_words(xml: &str, a: &Article) -> Vec<std::ops::Range<usize>> {
    let word_re = Regex::new(r"\b[a-z]{5,}\b").unwrap();
    let text = &xml[a.text.clone()];
    let skip = text.len() / 5;
    word_re
        .find_iter(text)
        .filter(|m| m.start() > skip)
        .map(|m| a.text.start + m.start()..a.text.start + m.end())
        .collect()
}

fn change_words(
    xml: &str,
    a: &Article,
    rng: &mut Rng,
    edits: &mut Vec<(std::ops::Range<usize>, String)>,
) {
    let words = long_words(xml, a);
    let mut chosen = BTreeSet::new();
    while chosen.len() < 2 {
        chosen.insert(rng.below(words.len()));
    }
    for k in chosen {
        edits.push((
            words[k].clone(),
            format!("{}ified", &xml[words[k].clone()][..3]),
        ));
    }
}

const VOCABULARY: [&str; 16] = [
    "quarterly",
    "observatory",
    "lighthouse",
    "orchestra",
    "glacier",
    "meridian",
    "lantern",
    "archipelago",
    "harvest",
    "telescope",
    "marathon",
    "chronicle",
    "velvet",
    "compass",
    "riverbank",
    "silhouette",
];

fn invented_article(rng: &mut Rng) -> String {
    let words: Vec<&str> = (0..40)
        .map(|_| VOCABULARY[rng.below(VOCABULARY.len())])
        .collect();
    format!(
        r#"<article number="ARTICLE 999.1" name="Inserted Provision" article_identifier="{INSERTED_ID}">The Parties shall {}.</article>"#,
        words.join(" ")
    )
}

fn apply(xml: &str, mut edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    // later positions first, so earlier ranges stay valid
    edits.sort_by(|x, y| y.0.start.cmp(&x.0.start).then(y.0.end.cmp(&x.0.end)));
    let mut out = xml.to_string();
    for (range, text) in edits {
        out.replace_range(range, &text);
    }
    out
}
