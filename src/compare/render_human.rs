//! The terminal report: the summary, the category delta, then each changed
//! article with its words diffed inline. Provisions in a category (cultural,
//! e-commerce…) come first, because that is what the reader came for.

use super::diff::{Op, Segment};
use super::{Change, ChangeKind, Comparison, Level, ProvisionInfo, Side};
use std::fmt::Write;

/// How the terminal report is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Paint with ANSI colours (the CLI does on a terminal without `NO_COLOR`).
    pub color: bool,
    /// Column at which diffed text wraps, in visible characters (100 for `compare`).
    pub width: usize,
}

const CONTEXT_WORDS: usize = 8;

/// The terminal report: both sides, the summary, the category delta, then each changed
/// article with its words diffed inline, wrapped at `style.width`.
pub fn render(c: &Comparison, style: Style) -> String {
    let mut out = String::new();
    let p = Painter(style.color);
    let _ = writeln!(out, "{} {}", p.bold("A:"), side_line(&c.a));
    let _ = writeln!(out, "{} {}", p.bold("B:"), side_line(&c.b));
    let _ = writeln!(out);
    let _ = writeln!(out, "{} {}", p.bold("Summary:"), summary_line(c));
    if let Some(note) = &c.summary.note {
        let _ = writeln!(out, "{} {note}", p.paint("33", "Note:"));
    }
    let _ = writeln!(out);
    write_delta(&mut out, c, &p);
    if let Some(r) = &c.negotiation {
        out.push_str(&super::negotiation::render_human(r));
        out.push('\n');
    }
    write_changes(&mut out, c, &p, style.width);
    out
}

fn side_line(s: &Side) -> String {
    let mut line = s.file.clone();
    if let Some(n) = &s.name {
        let _ = write!(line, " ({n})");
    }
    if let Some(l) = &s.language {
        let _ = write!(line, " [{l}]");
    }
    line
}

/// The one-line summary ("12 provisions in A, 13 in B; 11 matched (9 unchanged), 2 text changed…").
pub fn summary_line(c: &Comparison) -> String {
    let s = &c.summary;
    let paired = if s.same_language {
        format!("{} matched ({} unchanged)", s.matched, s.unchanged)
    } else {
        format!("{} paired by number", s.matched)
    };
    let mut parts = vec![format!(
        "{} provision{} in A, {} in B; {paired}",
        s.provisions_a,
        if s.provisions_a == 1 { "" } else { "s" },
        s.provisions_b,
    )];
    for (n, what) in [
        (s.text_changed, "text changed"),
        (s.renumbered, "renumbered"),
        (s.retitled, "retitled"),
        (s.moved, "moved"),
        (s.split, "split"),
        (s.merged, "merged"),
        (s.added, "added"),
        (s.removed, "removed"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    parts.join(", ")
}

/// "similarity 0.87" for a pair; for a part of a split or merge, how much of
/// it the other side holds ("overlap 1.00"). Two decimals, but a changed text
/// never reads "similarity 1.00".
pub fn similarity_label(ch: &Change) -> Option<String> {
    let s = ch.similarity.filter(|_| ch.kind == ChangeKind::Matched)?;
    Some(if ch.split || ch.merged {
        format!("overlap {s:.2}")
    } else if ch.text_changed {
        format!("similarity {:.2}", s.min(0.99))
    } else {
        format!("similarity {s:.2}")
    })
}

fn write_delta(out: &mut String, c: &Comparison, p: &Painter) {
    let _ = writeln!(
        out,
        "{} (categories from {})",
        p.bold("Category delta"),
        c.summary.categories_from
    );
    if c.delta.is_empty() {
        let _ = writeln!(out, "  no category differences");
    }
    for d in &c.delta {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            p.paint("1;35", "!"),
            d.category,
            d.message
        );
    }
    let _ = writeln!(out);
}

fn write_changes(out: &mut String, c: &Comparison, p: &Painter, width: usize) {
    let mut changes: Vec<&Change> = c
        .changes
        .iter()
        .filter(|ch| ch.level == Level::Article && ch.is_interesting())
        .collect();
    // stable: category-tagged changes first, then document order
    changes.sort_by_key(|ch| ch.categories.is_empty());
    let _ = writeln!(out, "{} ({})", p.bold("Changes"), changes.len());
    let mut rest = changes.as_slice();
    while let Some(ch) = rest.first() {
        let run = rest.iter().take_while(|c| only_renumbered(c)).count();
        let _ = writeln!(out);
        if run >= RENUMBER_RUN {
            let _ = writeln!(out, "{}", renumbered_run(&rest[..run], p));
            rest = &rest[run..];
            continue;
        }
        let _ = writeln!(out, "{}", headline(ch, p));
        if !ch.diff.is_empty() && (ch.kind != ChangeKind::Matched || ch.text_changed) {
            out.push_str(&inline_diff(&ch.diff, ch.kind, p, width));
        }
        rest = &rest[1..];
    }
}

/// A renumbered chapter is one line, not one per article.
const RENUMBER_RUN: usize = 3;

fn only_renumbered(ch: &Change) -> bool {
    ch.kind == ChangeKind::Matched
        && ch.renumbered
        && !(ch.text_changed || ch.moved || ch.retitled || ch.split || ch.merged)
}

fn renumbered_run(run: &[&Change], p: &Painter) -> String {
    let number = |x: &Option<ProvisionInfo>| {
        x.as_ref()
            .and_then(|i| i.number.clone())
            .unwrap_or_default()
    };
    let (first, last) = (run[0], run[run.len() - 1]);
    format!(
        "{} Articles {}–{} → {}–{}  [renumbered, {} articles, text unchanged]",
        p.paint("33", "~"),
        number(&first.a),
        number(&last.a),
        number(&first.b),
        number(&last.b),
        run.len()
    )
}

fn headline(ch: &Change, p: &Painter) -> String {
    let label = |x: &Option<ProvisionInfo>| x.as_ref().map(|i| i.label.clone()).unwrap_or_default();
    let mut line = match ch.kind {
        ChangeKind::Added => format!("{} {}  added", p.paint("32", "+"), label(&ch.b)),
        ChangeKind::Removed => format!("{} {}  removed", p.paint("31", "-"), label(&ch.a)),
        ChangeKind::Matched
            if ch.a.as_ref().map(|x| &x.label) == ch.b.as_ref().map(|x| &x.label) =>
        {
            format!("{} {}", p.paint("33", "~"), label(&ch.a))
        }
        ChangeKind::Matched => {
            format!("{} {} → {}", p.paint("33", "~"), label(&ch.a), label(&ch.b))
        }
    };
    let mut flags = Vec::new();
    if ch.moved {
        let from =
            ch.a.as_ref()
                .and_then(|x| x.division.clone())
                .unwrap_or_default();
        let to =
            ch.b.as_ref()
                .and_then(|x| x.division.clone())
                .unwrap_or_default();
        flags.push(format!("moved: {from} → {to}"));
    }
    flags.extend(ch.change_names().into_iter().map(String::from));
    if let Some(s) = similarity_label(ch) {
        flags.push(s);
    }
    if !flags.is_empty() {
        let _ = write!(line, "  [{}]", flags.join(", "));
    }
    if !ch.categories.is_empty() {
        let _ = write!(
            line,
            "  {}",
            p.paint("35", &format!("{{{}}}", ch.categories.join(", ")))
        );
    }
    line
}

/// Words of the diff with their style, long unchanged stretches cut to a few
/// words of context either side of a change.
fn inline_diff(segments: &[Segment], kind: ChangeKind, p: &Painter, width: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let last = segments.len().saturating_sub(1);
    for (k, s) in segments.iter().enumerate() {
        let mut ws: Vec<&str> = s.text.split_whitespace().collect();
        if kind != ChangeKind::Matched {
            ws = opening(ws);
        } else if s.op == Op::Equal {
            ws = elide(ws, k == 0, k == last);
        }
        let n = ws.len();
        // A run that starts without a space ("." after a word) sticks to that word.
        let glued = !s.text.starts_with(char::is_whitespace) && !words.is_empty();
        for (w_i, w) in ws.into_iter().enumerate() {
            let styled = p.word(s.op, w, w_i == 0, w_i + 1 == n);
            match words.last_mut() {
                Some(prev) if w_i == 0 && glued => prev.push_str(&styled),
                _ => words.push(styled),
            }
        }
    }
    wrap(&words, width, p)
}

/// An added or removed article is shown by its opening words.
fn opening(mut words: Vec<&str>) -> Vec<&str> {
    if words.len() > 3 * CONTEXT_WORDS {
        words.truncate(3 * CONTEXT_WORDS);
        words.push("…");
    }
    words
}

fn elide(words: Vec<&str>, first: bool, last: bool) -> Vec<&str> {
    let keep_head = if first { 0 } else { CONTEXT_WORDS };
    let keep_tail = if last { 0 } else { CONTEXT_WORDS };
    if words.len() <= keep_head + keep_tail + 3 {
        return words;
    }
    let mut out = words[..keep_head].to_vec();
    out.push("…");
    out.extend_from_slice(&words[words.len() - keep_tail..]);
    out
}

fn wrap(words: &[String], width: usize, p: &Painter) -> String {
    let indent = "    ";
    let mut out = String::new();
    let mut line = String::from(indent);
    let mut visible = indent.len();
    for w in words {
        let len = p.visible_len(w);
        if visible + len + 1 > width && visible > indent.len() {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
            visible = indent.len();
        }
        if visible > indent.len() {
            line.push(' ');
            visible += 1;
        }
        line.push_str(w);
        visible += len;
    }
    if visible > indent.len() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

struct Painter(bool);

impl Painter {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    /// Without colour, runs are bracketed as in wdiff: [-deleted-] {+inserted+}.
    fn word(&self, op: Op, w: &str, first: bool, last: bool) -> String {
        match (op, self.0) {
            (Op::Equal, _) => w.to_string(),
            (Op::Delete, true) => self.paint("9;31", w),
            (Op::Insert, true) => self.paint("4;32", w),
            (Op::Delete, false) => bracket(w, "[-", "-]", first, last),
            (Op::Insert, false) => bracket(w, "{+", "+}", first, last),
        }
    }

    fn visible_len(&self, s: &str) -> usize {
        if !self.0 {
            return s.chars().count();
        }
        let mut n = 0;
        let mut in_escape = false;
        for c in s.chars() {
            match (in_escape, c) {
                (false, '\x1b') => in_escape = true,
                (true, 'm') => in_escape = false,
                (true, _) => {}
                (false, _) => n += 1,
            }
        }
        n
    }
}

fn bracket(w: &str, open: &str, close: &str, first: bool, last: bool) -> String {
    let mut s = String::new();
    if first {
        s.push_str(open);
    }
    s.push_str(w);
    if last {
        s.push_str(close);
    }
    s
}
