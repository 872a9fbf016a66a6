//! The terminal report: the summary, the category delta, then each changed
//! article with its words diffed inline. Provisions in a category (cultural,
//! e-commerce…) come first, because that is what the reader came for.

use super::diff::{Op, Segment};
use super::{l10n, Change, ChangeKind, Comparison, Level, ProvisionInfo, Side};
use crate::locale::{Lang, Locale};
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
    render_in(c, style, Locale::of(Lang::En))
}

/// [`render`] with treatyscan's own wording in the locale's language
/// (`compare --lang`); the agreements' words stay as written.
pub fn render_in(c: &Comparison, style: Style, locale: &Locale) -> String {
    let mut out = String::new();
    let p = Painter(style.color);
    let _ = writeln!(out, "{} {}", p.bold(&locale.colon("A")), side_line(&c.a));
    let _ = writeln!(out, "{} {}", p.bold(&locale.colon("B")), side_line(&c.b));
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{} {}",
        p.bold(&locale.t("compare-summary-label")),
        l10n::summary_line(c, locale)
    );
    if let Some(note) = l10n::note(c, locale) {
        let _ = writeln!(
            out,
            "{} {note}",
            p.paint("33", &locale.t("compare-note-label"))
        );
    }
    if let Some(warning) = l10n::warning(c, locale) {
        let _ = writeln!(
            out,
            "{} {warning}",
            p.paint("1;31", &locale.t("compare-warning-label"))
        );
    }
    let _ = writeln!(out);
    write_delta(&mut out, c, &p, locale);
    if let Some(r) = &c.negotiation {
        out.push_str(&super::negotiation::render_human_in(r, locale));
        out.push('\n');
    }
    write_divisions(&mut out, c, &p, locale);
    write_changes(&mut out, c, &p, style.width, locale);
    out
}

/// Chapters put in, taken out, renumbered or retitled as wholes, an entry
/// of `divisions::entries` a line.
fn write_divisions(out: &mut String, c: &Comparison, p: &Painter, locale: &Locale) {
    if c.divisions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{} ({})",
        p.bold(&locale.t("compare-divisions")),
        c.divisions.len()
    );
    for entry in super::divisions::entries(&c.divisions) {
        let colour = match entry[0].kind {
            ChangeKind::Added => "32",
            ChangeKind::Removed => "31",
            ChangeKind::Matched => "33",
        };
        let _ = writeln!(
            out,
            "\n{} {}",
            p.paint(colour, entry[0].kind.mark()),
            l10n::division_entry(entry, locale)
        );
    }
    let _ = writeln!(out);
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

/// The one-line summary ("12 provisions in A, 13 in B; 11 matched pairs (9 unchanged, 2 changed: 2 text changed), 1 added").
pub fn summary_line(c: &Comparison) -> String {
    l10n::summary_line(c, Locale::of(Lang::En))
}

/// "similarity 0.87" for a pair; for a part of a split or merge, how much of
/// it the other side holds ("overlap 1.00"). Two decimals, but a changed text
/// never reads "similarity 1.00".
pub fn similarity_label(ch: &Change) -> Option<String> {
    l10n::similarity_label(ch, Locale::of(Lang::En))
}

fn write_delta(out: &mut String, c: &Comparison, p: &Painter, locale: &Locale) {
    let _ = writeln!(
        out,
        "{} {}",
        p.bold(&locale.t("compare-delta-heading")),
        locale.tr(
            "compare-delta-source",
            &[("source", l10n::source(c, locale).into())]
        )
    );
    if c.delta.is_empty() {
        let _ = writeln!(out, "  {}", locale.t("compare-no-delta"));
    }
    for d in &c.delta {
        let line = locale.labelled(
            &l10n::delta_head(c, d, locale),
            &l10n::delta_message(d, locale),
        );
        let _ = writeln!(out, "  {} {line}", p.paint("1;35", "!"));
        for s in &d.substance {
            let quoted = |w: &str| locale.tr("compare-quoted", &[("words", w.into())]);
            let _ = writeln!(out, "      {} {}", locale.colon("A"), quoted(&s.a_words));
            let _ = writeln!(out, "      {} {}", locale.colon("B"), quoted(&s.b_words));
        }
    }
    let _ = writeln!(out);
}

fn write_changes(out: &mut String, c: &Comparison, p: &Painter, width: usize, locale: &Locale) {
    // each with its place in document order
    // an article renumbered with its chapter is told by the chapter's line
    let (mut changes, told) = super::divisions::untold(
        c.changes
            .iter()
            .filter(|ch| ch.level == Level::Article && ch.is_interesting())
            .enumerate(),
        &c.divisions,
    );
    // stable: category-tagged changes first, then document order
    changes.sort_by_key(|(_, ch)| ch.categories.is_empty());
    let _ = writeln!(
        out,
        "{} ({})",
        p.bold(&locale.t("compare-changes")),
        changes.len()
    );
    if told > 0 {
        let _ = writeln!(
            out,
            "  {}",
            locale.tr("compare-told-by-divisions", &[("count", told.into())])
        );
    }
    let mut rest = changes.as_slice();
    while let Some(&(_, ch)) = rest.first() {
        // a run is renumbered articles that follow one another in the text:
        // the sort above can put a tagged article before an untagged one
        // that precedes it ("Articles 3–2")
        let run = rest
            .iter()
            .enumerate()
            .take_while(|&(k, &(at, c))| only_renumbered(c) && (k == 0 || at == rest[k - 1].0 + 1))
            .count();
        let _ = writeln!(out);
        if run >= RENUMBER_RUN {
            let changes: Vec<&Change> = rest[..run].iter().map(|&(_, c)| c).collect();
            let _ = writeln!(out, "{}", renumbered_run(&changes, p, locale));
            rest = &rest[run..];
            continue;
        }
        let _ = writeln!(out, "{}", headline(c, ch, p, locale));
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

fn renumbered_run(run: &[&Change], p: &Painter, locale: &Locale) -> String {
    let number = |x: &Option<ProvisionInfo>| {
        x.as_ref()
            .and_then(|i| i.provision.number.clone())
            .unwrap_or_default()
    };
    let (first, last) = (run[0], run[run.len() - 1]);
    format!(
        "{} {}",
        p.paint("33", "~"),
        locale.tr(
            "compare-renumbered-run",
            &[
                (
                    "a",
                    format!("{}–{}", number(&first.a), number(&last.a)).into()
                ),
                (
                    "b",
                    format!("{}–{}", number(&first.b), number(&last.b)).into()
                ),
                ("count", run.len().into()),
            ]
        )
    )
}

fn headline(c: &Comparison, ch: &Change, p: &Painter, locale: &Locale) -> String {
    let label = |x: &Option<ProvisionInfo>| {
        x.as_ref()
            .map(|i| l10n::info_label(i, locale))
            .unwrap_or_default()
    };
    let mut line = match ch.kind {
        ChangeKind::Added => format!(
            "{} {}  {}",
            p.paint("32", "+"),
            label(&ch.b),
            locale.t("compare-flag-added")
        ),
        ChangeKind::Removed => format!(
            "{} {}  {}",
            p.paint("31", "-"),
            label(&ch.a),
            locale.t("compare-flag-removed")
        ),
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
        // a provision outside every division is at the top level, as the
        // HTML report says ("moved:  → " named neither side)
        let division = |x: &Option<ProvisionInfo>| {
            x.as_ref()
                .and_then(|i| l10n::division_label(i, locale))
                .unwrap_or_else(|| locale.t("compare-html-top-level"))
        };
        flags.push(locale.tr(
            "compare-moved",
            &[
                ("from", division(&ch.a).into()),
                ("to", division(&ch.b).into()),
            ],
        ));
    }
    flags.extend(l10n::change_names(ch, locale));
    if let Some(s) = l10n::similarity_label(ch, locale) {
        flags.push(s);
    }
    if !flags.is_empty() {
        let _ = write!(line, "  [{}]", flags.join(", "));
    }
    if !ch.categories.is_empty() {
        let _ = write!(
            line,
            "  {}",
            p.paint("35", &format!("{{{}}}", l10n::categories(c, ch, locale)))
        );
    }
    line
}

/// Words of the diff with their style, long unchanged stretches cut to a few
/// words of context either side of a change. Markup is whole words, as in
/// wdiff: a word changed in part ("law2" → "law", "[1]" → "1") is shown as
/// the old word deleted and the new one inserted, never a mark inside a word,
/// and no mark is ever empty.
fn inline_diff(segments: &[Segment], kind: ChangeKind, p: &Painter, width: usize) -> String {
    let runs = word_runs(segments);
    let mut words: Vec<String> = Vec::new();
    let last = runs.len().saturating_sub(1);
    for (k, (op, run)) in runs.iter().enumerate() {
        let mut ws: Vec<&str> = run.iter().map(String::as_str).collect();
        if kind != ChangeKind::Matched {
            ws = opening(ws);
        } else if *op == Op::Equal {
            ws = elide(ws, k == 0, k == last);
        }
        let n = ws.len();
        for (w_i, w) in ws.into_iter().enumerate() {
            words.push(p.word(*op, w, w_i == 0, w_i + 1 == n));
        }
    }
    wrap(&words, width, p)
}

/// The diff as runs of whole words (split at whitespace), each run one op. A
/// stretch of words that changed in whole or in part is one deleted run (A's
/// words there) then one inserted run (B's); either is left out when empty.
pub fn word_runs(segments: &[Segment]) -> Vec<(Op, Vec<String>)> {
    // each whitespace-separated word as pieces: (op, space before, text)
    let mut groups: Vec<Vec<(Op, bool, &str)>> = Vec::new();
    // the group of the last piece each side shows: an unspaced piece sticks to
    // the word before it in its own text ("procurement," in B after "or" in A)
    let (mut last_a, mut last_b): (Option<usize>, Option<usize>) = (None, None);
    for s in segments {
        let mut rest = s.text.as_str();
        loop {
            let trimmed = rest.trim_start();
            let spaced = trimmed.len() < rest.len();
            rest = trimmed;
            if rest.is_empty() {
                break;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (piece, after) = rest.split_at(end);
            let glue_to = match s.op {
                Op::Delete => last_a,
                Op::Insert => last_b,
                // glued to different words in A and B ("Expressions." and
                // "Agreement."): everything from the earlier one is one stretch
                Op::Equal => match (last_a, last_b) {
                    (Some(x), Some(y)) if x != y && !spaced => {
                        let from = x.min(y);
                        let tail: Vec<_> = groups.drain(from + 1..).flatten().collect();
                        groups[from].extend(tail);
                        Some(from)
                    }
                    (x, y) => x.max(y),
                },
            };
            let g = match glue_to {
                Some(g) if !spaced => {
                    groups[g].push((s.op, false, piece));
                    g
                }
                _ => {
                    groups.push(vec![(s.op, true, piece)]);
                    groups.len() - 1
                }
            };
            if s.op != Op::Insert {
                last_a = Some(g);
            }
            if s.op != Op::Delete {
                last_b = Some(g);
            }
            rest = after;
        }
    }
    let mut runs: Vec<(Op, Vec<String>)> = Vec::new();
    let mut push = |op: Op, words: Vec<String>| {
        if words.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some((o, ws)) if *o == op => ws.extend(words),
            _ => runs.push((op, words)),
        }
    };
    let mut k = 0;
    while k < groups.len() {
        if groups[k].iter().all(|(op, _, _)| *op == Op::Equal) {
            push(Op::Equal, vec![groups[k].iter().map(|p| p.2).collect()]);
            k += 1;
            continue;
        }
        let end = (k..groups.len())
            .find(|&e| groups[e].iter().all(|(op, _, _)| *op == Op::Equal))
            .unwrap_or(groups.len());
        let side = |keep: Op| -> Vec<String> {
            let mut text = String::new();
            // the space before a run the other side has not ("would [1]")
            // falls to the word after it on this side ("would 1")
            let mut pending_space = false;
            for (op, spaced, piece) in groups[k..end].iter().flatten() {
                if *op == Op::Equal || *op == keep {
                    let word = piece.starts_with(char::is_alphanumeric);
                    if (*spaced || (pending_space && word)) && !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(piece);
                    pending_space = false;
                } else if *spaced {
                    pending_space = true;
                }
            }
            text.split_whitespace().map(String::from).collect()
        };
        push(Op::Delete, side(Op::Delete));
        push(Op::Insert, side(Op::Insert));
        k = end;
    }
    runs
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

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(op: Op, text: &str) -> Segment {
        Segment {
            op,
            text: text.to_string(),
        }
    }

    fn plain(segments: &[Segment]) -> String {
        inline_diff(segments, ChangeKind::Matched, &Painter(false), 200)
    }

    #[test]
    fn a_word_changed_in_part_is_deleted_and_inserted_whole() {
        // "[1]" in A, "1" in B: the diff runs are "[", "1", "]"
        let out = plain(&[
            seg(Op::Equal, "would"),
            seg(Op::Delete, " ["),
            seg(Op::Equal, "1"),
            seg(Op::Delete, "]"),
            seg(Op::Equal, " constitute"),
        ]);
        assert_eq!(out.trim(), "[-would [1]-] {+would 1+} constitute");
        let out = plain(&[
            seg(Op::Equal, "granted by a Party"),
            seg(Op::Insert, ", or to services"),
            seg(Op::Equal, "."),
        ]);
        assert_eq!(
            out.trim(),
            "granted by a [-Party.-] {+Party, or to services.+}"
        );
        let out = plain(&[
            seg(Op::Equal, "under the WTO Agreement"),
            seg(Op::Delete, " and under the Convention"),
            seg(Op::Equal, "."),
        ]);
        assert_eq!(
            out.trim(),
            "under the WTO [-Agreement and under the Convention.-] {+Agreement.+}"
        );
    }

    #[test]
    fn no_mark_is_empty() {
        let out = plain(&[
            seg(Op::Equal, "Certification"),
            seg(Op::Insert, "\n"),
            seg(Op::Delete, " Procedures"),
            seg(Op::Equal, " Appendix"),
        ]);
        assert!(!out.contains("{++}") && !out.contains("[--]"), "{out}");
        assert_eq!(out.trim(), "Certification [-Procedures-] Appendix");
    }
}
