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
