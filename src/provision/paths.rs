//! Stable paths (`ch14/art14.2/p3/b`): they survive reflowing and line shifts, so
//! baselines and comparisons key on them instead of line numbers.

use super::{Kind, Provision};
use std::borrow::Cow;
use std::collections::HashMap;

/// Sets `path` on every provision of the tree (`ch14/art14.2/p3/b`): kind prefix and
/// normalised number (or the ordinal among its kind); a repeated segment gets `~2`, `~3`.
pub fn assign_paths(provisions: &mut [Provision]) {
    assign_under("", provisions);
}

fn assign_under(parent: &str, provisions: &mut [Provision]) {
    // ordinals count provisions of each kind, by the kind's index
    let mut ordinal: Vec<usize> = Vec::new();
    let segments: Vec<String> = provisions
        .iter()
        .map(|p| {
            let kind = p.kind as usize;
            if ordinal.len() <= kind {
                ordinal.resize(kind + 1, 0);
            }
            ordinal[kind] += 1;
            segment(p, ordinal[kind])
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(segments.len());
    for (p, segment) in provisions.iter_mut().zip(&segments) {
        let count = seen.entry(segment).or_default();
        *count += 1;
        let segment = if *count > 1 {
            Cow::Owned(format!("{segment}~{count}"))
        } else {
            Cow::Borrowed(segment.as_str())
        };
        p.path = if parent.is_empty() {
            segment.into_owned()
        } else {
            let mut path = String::with_capacity(parent.len() + 1 + segment.len());
            path.push_str(parent);
            path.push('/');
            path.push_str(&segment);
            path
        };
        if !p.children.is_empty() {
            let path = std::mem::take(&mut p.path);
            assign_under(&path, &mut p.children);
            p.path = path;
        }
    }
}

fn segment(p: &Provision, ordinal: usize) -> String {
    let prefix = match p.kind {
        Kind::Preamble => return "preamble".into(),
        Kind::FinalClause => return "final".into(),
        Kind::Part => "part",
        Kind::Title => "title",
        Kind::Chapter => "ch",
        Kind::Section => "sec",
        Kind::Subsection => "subsec",
        Kind::Article => "art",
        Kind::Paragraph => "p",
        Kind::Subparagraph => "",
        Kind::Entry => "entry",
        Kind::Footnote => "fn",
        Kind::Annex => "annex",
        Kind::Appendix => "app",
        Kind::Protocol => "prot",
        Kind::SideLetter => "letter",
    };
    let number = p
        .number
        .as_deref()
        .map(normalize_number)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| ordinal.to_string());
    // "part-ii", "sec-a", "annex-i": a letter number glued to the prefix is unreadable
    let glue = if !prefix.is_empty() && number.starts_with(char::is_alphabetic) {
        "-"
    } else {
        ""
    };
    let mut segment = String::with_capacity(prefix.len() + glue.len() + number.len());
    segment.push_str(prefix);
    segment.push_str(glue);
    segment.push_str(&number);
    segment
}

/// "14.2", "1-01", "XXIV", "12 bis" → a path-safe lowercase form. A draft's
/// placeholder ("(…)", "[ ]", "[X]") becomes "x", as "Article X" does;
/// "[8.51]" keeps its digits. Siblings that end up alike are told apart by
/// `~2`, `~3` in document order.
pub fn normalize_number(number: &str) -> String {
    let mut out = String::with_capacity(number.len());
    let trimmed = number
        .trim()
        .trim_matches(['[', ']'])
        .trim()
        .trim_end_matches(['.', ':', ')', '\u{2026}']);
    for c in trimmed.chars() {
        match c {
            c if c.is_whitespace() => {
                if !out.ends_with('-') {
                    out.push('-')
                }
            }
            '/' => out.push('-'),
            '(' | ')' | '[' | ']' | '\u{2026}' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    let placeholder = !number.trim().is_empty() && !out.chars().any(char::is_alphanumeric);
    if placeholder {
        return "x".into();
    }
    out
}

/// The number as `normalize_number` writes it, with a number written as a
/// word or an ordinal as its value (`numeral_value`): the key on which two
/// versions of a text, or a citation and the article it cites, are matched.
/// Paths keep the number as written, so that a finding's path and
/// fingerprint stay what earlier runs and baselines have.
pub fn number_key(number: &str) -> String {
    let normalized = normalize_number(number);
    match numeral_value(&normalized) {
        Some(value) => value.to_string(),
        None => normalized,
    }
}

/// The value of a number written as a word or an ordinal, as headings write
/// them in the three languages: "one", "twenty-one", "premier", "première",
/// "primero", "décimo" (`signed::number_in_words`, which reads the days of
/// signing dates), or digits with an ordinal ending: "1er", "1re", "1ère",
/// "1º", "1°". So "Article premier" and "Article 1er" of two versions of a
/// text are one article, and "CHAPTER ONE" is chapter 1. None for anything
/// else (roman numbers and letters stay as written: "I" can be a letter).
fn numeral_value(number: &str) -> Option<u32> {
    let digits = number.trim_end_matches(|c: char| !c.is_ascii_digit());
    let ending = &number[digits.len()..];
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return ["er", "re", "ère", "º", "°"]
            .contains(&ending)
            .then(|| digits.parse().ok())
            .flatten();
    }
    super::signed::number_in_words(&crate::text::fold_text(number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(kind: Kind, number: Option<&str>, children: Vec<Provision>) -> Provision {
        let mut p = Provision::new(kind, number.map(String::from), 1, 0..0);
        p.children = children;
        p
    }

    #[test]
    fn paths_follow_kinds_and_numbers() {
        let mut tree = vec![p(
            Kind::Chapter,
            Some("14"),
            vec![p(
                Kind::Article,
                Some("14.2"),
                vec![p(
                    Kind::Paragraph,
                    Some("3"),
                    vec![p(Kind::Subparagraph, Some("b"), vec![])],
                )],
            )],
        )];
        assign_paths(&mut tree);
        let leaf = &tree[0].children[0].children[0].children[0];
        assert_eq!(leaf.path, "ch14/art14.2/p3/b");
    }

    #[test]
    fn numbers_written_as_words_or_ordinals_are_their_value() {
        for (written, path) in [
            ("premier", "1"),
            ("PREMIER", "1"),
            ("Première", "1"),
            ("1er", "1"),
            ("1re", "1"),
            ("1ère", "1"),
            ("primero", "1"),
            ("PRIMERA", "1"),
            ("Décimo", "10"),
            ("1º", "1"),
            ("2°", "2"),
            ("ONE", "1"),
            ("TWENTY-ONE", "21"),
            ("Thirty", "30"),
            // as written: roman numbers, letters, suffixes that are not ordinals
            ("XXIV", "xxiv"),
            ("I", "i"),
            ("12 bis", "12-bis"),
            ("4A", "4a"),
            ("unique", "unique"),
            ("twenty-eleven", "twenty-eleven"),
        ] {
            assert_eq!(number_key(written), path, "{written}");
        }
        // paths keep the number as written
        assert_eq!(normalize_number("premier"), "premier");
        assert_eq!(normalize_number("TWENTY-ONE"), "twenty-one");
    }

    #[test]
    fn duplicate_numbers_stay_distinct() {
        let mut tree = vec![
            p(Kind::Article, Some("1"), vec![]),
            p(Kind::Article, Some("1"), vec![]),
            p(Kind::Article, Some("12 bis"), vec![]),
        ];
        assign_paths(&mut tree);
        assert_eq!(tree[1].path, "art1~2");
        assert_eq!(tree[2].path, "art12-bis");
    }

    #[test]
    fn placeholder_numbers_get_stable_distinct_paths() {
        let mut tree = vec![p(
            Kind::Chapter,
            Some("I"),
            vec![
                p(Kind::Article, Some("(\u{2026})"), vec![]),
                p(Kind::Article, Some("(...)"), vec![]),
                p(Kind::Article, Some("[ ]"), vec![]),
                p(Kind::Article, Some("[8.51]"), vec![]),
            ],
        )];
        assign_paths(&mut tree);
        let paths: Vec<&str> = tree[0].children.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            ["ch-i/art-x", "ch-i/art-x~2", "ch-i/art-x~3", "ch-i/art8.51"]
        );
    }
}
