//! One self-contained HTML file a lawyer can open or mail: inline CSS, no
//! scripts or external assets. It opens on what changed: the summary (and a
//! warning when A and B are not versions of one agreement), the category delta
//! with both texts' words for each change of substance, and a list of changes;
//! below, A and B side by side, changed articles only, with deleted words
//! struck through in A, inserted words underlined in B, long unchanged
//! stretches inside them cut to a few words of context, moved articles marked
//! (double underline, as legislation sites mark relocated text), and each
//! article heading linking to its counterpart in the other column. Unchanged
//! provisions are folded (`<details>`) into one line per run, by label only:
//! two 1 MB agreements do not make a 1 MB page.

use super::diff::{Op, Segment};
use super::l10n;
use super::{Change, ChangeKind, Comparison, Level, ProvisionInfo, Side};
use crate::locale::{Lang, Locale};
use std::fmt::Write;

const CSS: &str = r#"
body{font-family:Georgia,'Times New Roman',serif;margin:0;color:#222;background:#fafafa}
header{padding:1em 2em;background:#fff;border-bottom:1px solid #ccc}
h1{font-size:1.3em;margin:.2em 0}
.files{display:grid;grid-template-columns:1fr 1fr;gap:1em;font-family:sans-serif;font-size:.9em}
.summary{font-family:sans-serif;margin:.6em 0}
.note{background:#fff3cd;border:1px solid #e0c36a;padding:.4em .8em;font-family:sans-serif}
.delta li{margin:.2em 0}
.delta .only_in_a,.delta .gap_opened{color:#a40000}.delta .changed{color:#8a4b00}.delta .only_in_b,.delta .gap_closed{color:#006400}
details.changes{font-family:sans-serif;font-size:.9em}details.changes .told{color:#555;margin:.3em 0 0 2.5em}
.divisions{font-family:sans-serif;font-size:.9em}.divisions li{margin:.2em 0}
.divisions .added{color:#006400}.divisions .removed{color:#a40000}.divisions .matched{color:#8a4b00}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th{position:sticky;top:0;background:#eee;font-family:sans-serif;padding:.4em;border-bottom:1px solid #999}
td{vertical-align:top;padding:.5em 1em;border-bottom:1px solid #ddd;line-height:1.45;white-space:pre-line}
.head{white-space:normal}
tr.changed td{background:#fffef2}tr.added td.b,tr.removed td.a{background:#f4f8ff}
tr.moved td{border-left:4px double #7a4bbf}
.head{font-family:sans-serif;font-size:.85em;font-weight:bold;margin-bottom:.3em}
.head a{color:#234;text-decoration:none}.head a:hover{text-decoration:underline}
.flags{font-weight:normal;color:#555}.cat{color:#7a2a8a}
.moved-mark{text-decoration:underline double;color:#7a4bbf}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:underline}
.empty{color:#999;font-style:italic;font-family:sans-serif;font-size:.85em}
.warning{background:#fde2e1;border:1px solid #c9302c;padding:.4em .8em;font-family:sans-serif}
.words{margin:.2em 0 .5em 1.5em;font-size:.95em}.words p{margin:.15em 0}
tr.same td{background:#f3f3f3;font-family:sans-serif;font-size:.85em;color:#555;white-space:normal}
tr.same summary{cursor:pointer}tr.same ol{columns:2;margin:.3em 0}
.cut{color:#888;font-family:sans-serif;font-size:.85em}
@media print{th{position:static}details{display:block}}
"#;

/// The whole comparison as one self-contained HTML page (inline CSS, no scripts).
pub fn render(c: &Comparison) -> String {
    render_in(c, Locale::of(Lang::En))
}

/// [`render`] with treatyscan's own wording in the locale's language
/// (`compare --lang`); the agreements' words stay as written.
pub fn render_in(c: &Comparison, l: &Locale) -> String {
    let mut out = String::with_capacity(1 << 16);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        l.lang().code()
    );
    let _ = writeln!(out, "<title>{}</title>", esc(&title(c, l)));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    write_header(&mut out, c, l);
    write_table(&mut out, c, l);
    out.push_str("</body>\n</html>\n");
    out
}

fn title(c: &Comparison, l: &Locale) -> String {
    let name = |s: &Side| s.name.clone().unwrap_or_else(|| s.file.clone());
    l.tr(
        "compare-html-title",
        &[("a", name(&c.a).into()), ("b", name(&c.b).into())],
    )
}

fn write_header(out: &mut String, c: &Comparison, l: &Locale) {
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title(c, l)));
    let _ = writeln!(
        out,
        "<div class=\"files\"><div><b>A</b> {}</div><div><b>B</b> {}</div></div>",
        esc(&side_text(&c.a)),
        esc(&side_text(&c.b))
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        esc(&l10n::summary_line(c, l))
    );
    if let Some(warning) = l10n::warning(c, l) {
        let _ = writeln!(
            out,
            "<p class=\"warning\"><b>{}</b> {}</p>",
            esc(&l.t("compare-warning-label")),
            esc(&warning)
        );
    }
    if let Some(note) = l10n::note(c, l) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(&note));
    }
    let _ = writeln!(
        out,
        "<h2 id=\"delta\">{}</h2>\n<p class=\"summary\">{}</p>\n<ul class=\"delta\">",
        esc(&l.t("compare-delta-heading")),
        esc(&l.tr(
            "compare-html-categories-from",
            &[("source", l10n::source(c, l).into())]
        ))
    );
    if c.delta.is_empty() {
        let _ = writeln!(out, "<li>{}</li>", esc(&l.t("compare-html-no-delta")));
    }
    for d in &c.delta {
        let status = serde_json::to_value(d.status).ok();
        let class = status.as_ref().and_then(|v| v.as_str()).unwrap_or("");
        let _ = write!(
            out,
            "<li class=\"{class}\"><b>{}</b> {}",
            esc(&l.colon(&l10n::delta_head(c, d, l))),
            esc(&l10n::delta_message(d, l))
        );
        for s in &d.substance {
            let _ = write!(
                out,
                "<div class=\"words\"><p><b>{}</b> <q>{}</q></p><p><b>{}</b> <q>{}</q></p></div>",
                esc(&l.colon("A")),
                esc(&s.a_words),
                esc(&l.colon("B")),
                esc(&s.b_words)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    write_divisions(out, c, l);
    write_change_list(out, c, l);
    out.push_str("</header>\n");
}

fn side_text(s: &Side) -> String {
    let mut t = s.file.clone();
    if let Some(n) = &s.name {
        t.push_str(&format!(" ({n})"));
    }
    if let Some(l) = &s.language {
        t.push_str(&format!(" [{l}]"));
    }
    t
}

/// Chapters put in, taken out, renumbered or retitled as wholes, an entry
/// of `divisions::entries` an item (the terminal's lines).
fn write_divisions(out: &mut String, c: &Comparison, l: &Locale) {
    if c.divisions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h2 id=\"divisions\">{}</h2>\n<ul class=\"divisions\">",
        esc(&l.t("compare-divisions"))
    );
    for entry in super::divisions::entries(&c.divisions) {
        let mark = entry[0].kind.mark();
        let class = serde_json::to_value(entry[0].kind).ok();
        let class = class.as_ref().and_then(|v| v.as_str()).unwrap_or("");
        let _ = writeln!(
            out,
            "<li class=\"{class}\">{mark} {}</li>",
            esc(&l10n::division_entry(entry, l))
        );
    }
    out.push_str("</ul>\n");
}

fn write_change_list(out: &mut String, c: &Comparison, l: &Locale) {
    // as in the terminal: an article renumbered with its chapter is told by
    // the chapter's item
    let (mut listed, told) = super::divisions::untold(
        article_rows(c).filter(|(_, ch)| ch.is_interesting()),
        &c.divisions,
    );
    // cultural and e-commerce provisions (any category) first, as in the terminal
    listed.sort_by_key(|(_, ch)| ch.categories.is_empty());
    let open = if listed.len() <= 40 { " open" } else { "" };
    let _ = writeln!(
        out,
        "<details class=\"changes\"{open}><summary>{}</summary>",
        esc(&l.tr(
            "compare-html-changed-articles",
            &[("count", listed.len().into())]
        ))
    );
    if told > 0 {
        let _ = writeln!(
            out,
            "<p class=\"told\">{}</p>",
            esc(&l.tr("compare-told-by-divisions", &[("count", told.into())]))
        );
    }
    out.push_str("<ol>\n");
    for (row, ch) in listed {
        let class = if ch.categories.is_empty() {
            ""
        } else {
            " class=\"cat\""
        };
        let _ = writeln!(
            out,
            "<li{class}><a href=\"#r{row}\">{}</a> <span class=\"flags\">{}</span></li>",
            esc(&pair_label(ch, l)),
            esc(&flags(c, ch, l))
        );
    }
    out.push_str("</ol></details>\n");
}

fn article_rows(c: &Comparison) -> impl Iterator<Item = (usize, &Change)> {
    c.changes
        .iter()
        .filter(|ch| ch.level == Level::Article)
        .enumerate()
}

fn pair_label(ch: &Change, locale: &Locale) -> String {
    let l = |x: &Option<ProvisionInfo>| x.as_ref().map(|i| l10n::info_label(i, locale));
    match (l(&ch.a), l(&ch.b)) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => String::new(),
    }
}

fn flags(c: &Comparison, ch: &Change, l: &Locale) -> String {
    let mut f: Vec<String> = Vec::new();
    match ch.kind {
        ChangeKind::Added => f.push(l.t("compare-flag-added")),
        ChangeKind::Removed => f.push(l.t("compare-flag-removed")),
        ChangeKind::Matched => {}
    }
    if ch.moved {
        f.push(l.t("compare-flag-moved"));
    }
    f.extend(l10n::change_names(ch, l));
    if let Some(s) = l10n::similarity_label(ch, l).filter(|_| ch.text_changed) {
        f.push(s);
    }
    if !ch.categories.is_empty() {
        f.push(l10n::categories(c, ch, l));
    }
    f.join(" · ")
}

fn write_table(out: &mut String, c: &Comparison, l: &Locale) {
    out.push_str("<table>\n<colgroup><col><col></colgroup>\n");
    let _ = writeln!(
        out,
        "<thead><tr><th>{} {}</th><th>{} {}</th></tr></thead>\n<tbody>",
        esc(&l.colon("A")),
        esc(c.a.name.as_deref().unwrap_or(&c.a.file)),
        esc(&l.colon("B")),
        esc(c.b.name.as_deref().unwrap_or(&c.b.file))
    );
    let rows: Vec<(usize, &Change)> = article_rows(c).collect();
    let mut rest = rows.as_slice();
    // between two languages nothing is known to be unchanged: the provisions
    // in a category (cultural, e-commerce) are shown side by side, the rest folded
    let shown = |ch: &Change| {
        ch.is_interesting() || (ch.parallel_text.is_some() && !ch.categories.is_empty())
    };
    while let Some(&(row, ch)) = rest.first() {
        if shown(ch) {
            write_row(out, row, c, ch, l);
            rest = &rest[1..];
            continue;
        }
        let run = rest.iter().take_while(|(_, c)| !shown(c)).count();
        write_unchanged(out, &rest[..run], l);
        rest = &rest[run..];
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A run of unchanged provisions: one folded row, labels only.
fn write_unchanged(out: &mut String, run: &[(usize, &Change)], l: &Locale) {
    let label = |ch: &Change| pair_label(ch, l);
    let (first, last) = (label(run[0].1), label(run[run.len() - 1].1));
    let span = if run.len() == 1 {
        first
    } else {
        format!("{first} … {last}")
    };
    let _ = write!(
        out,
        "<tr class=\"same\"><td colspan=\"2\"><details><summary>{}</summary><ol>",
        esc(&l.tr(
            "compare-html-unchanged",
            &[("count", run.len().into()), ("span", span.into())]
        ))
    );
    for (_, ch) in run {
        let _ = write!(out, "<li>{}</li>", esc(&label(ch)));
    }
    out.push_str("</ol></details></td></tr>\n");
}

fn row_class(ch: &Change) -> String {
    let mut classes = vec![match ch.kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Matched if ch.is_interesting() => "changed",
        ChangeKind::Matched => "same",
    }];
    if ch.moved {
        classes.push("moved");
    }
    classes.join(" ")
}

fn write_row(out: &mut String, row: usize, c: &Comparison, ch: &Change, l: &Locale) {
    let _ = writeln!(out, "<tr id=\"r{row}\" class=\"{}\">", row_class(ch));
    write_cell(out, c, ch, Column::A, l);
    write_cell(out, c, ch, Column::B, l);
    out.push_str("</tr>\n");
}

#[derive(Clone, Copy, PartialEq)]
enum Column {
    A,
    B,
}

fn write_cell(out: &mut String, c: &Comparison, ch: &Change, col: Column, l: &Locale) {
    let (mine, theirs, me, them, hidden) = match col {
        Column::A => (&ch.a, &ch.b, "a", "b", Op::Insert),
        Column::B => (&ch.b, &ch.a, "b", "a", Op::Delete),
    };
    let _ = write!(out, "<td class=\"{me}\">");
    let Some(info) = mine else {
        let _ = writeln!(
            out,
            "<span class=\"empty\">{}</span></td>",
            esc(&l.tr("compare-html-not-in", &[("side", me.to_uppercase().into())]))
        );
        return;
    };
    let _ = write!(
        out,
        "<div class=\"head\" id=\"{me}-{}\">",
        esc_attr(&info.provision.path)
    );
    match theirs {
        Some(other) => {
            let _ = write!(
                out,
                "<a href=\"#{them}-{}\">{}</a>",
                esc_attr(&other.provision.path),
                esc(&l10n::info_label(info, l))
            );
        }
        None => out.push_str(&esc(&l10n::info_label(info, l))),
    }
    if ch.moved {
        let division =
            l10n::division_label(info, l).unwrap_or_else(|| l.t("compare-html-top-level"));
        let id = if col == Column::A {
            "compare-html-moved-from"
        } else {
            "compare-html-moved-to"
        };
        let _ = write!(
            out,
            " <span class=\"moved-mark\">{}</span>",
            esc(&l.tr(id, &[("division", division.into())]))
        );
    }
    if col == Column::B || ch.kind == ChangeKind::Removed {
        let _ = write!(
            out,
            " <span class=\"flags\">{}</span>",
            esc(&flags(c, ch, l))
        );
    }
    out.push_str("</div>");
    let shown = match (&ch.parallel_text, col) {
        (Some((a, _)), Column::A) => a,
        (Some((_, b)), Column::B) => b,
        (None, _) => &ch.diff,
    };
    let visible: Vec<&Segment> = shown.iter().filter(|s| s.op != hidden).collect();
    let last = visible.len().saturating_sub(1);
    for (k, s) in visible.iter().enumerate() {
        match s.op {
            // a long unchanged stretch of a changed article: a few words of
            // context either side (the whole text of a paired translation)
            Op::Equal if ch.parallel_text.is_none() => {
                out.push_str(&context(&s.text, k == 0, k == last, l))
            }
            Op::Equal => out.push_str(&esc(&s.text)),
            // the space before a run stays outside the highlight
            Op::Delete | Op::Insert => {
                let tag = if s.op == Op::Delete { "del" } else { "ins" };
                let text = s.text.trim_start();
                out.push_str(&s.text[..s.text.len() - text.len()]);
                let _ = write!(out, "<{tag}>{}</{tag}>", esc(text));
            }
        }
    }
    out.push_str("</td>\n");
}

/// Words of context kept either side of a change.
const CONTEXT_WORDS: usize = 25;

/// An unchanged stretch, escaped, cut to its first and last words when it is
/// long: the start of a text keeps only its end, the end only its start.
fn context(text: &str, first: bool, last: bool, l: &Locale) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    // a text that is one unchanged run (renumbered, moved) keeps its opening
    let head = match (first, last) {
        (true, true) => 2 * CONTEXT_WORDS,
        (true, false) => 0,
        _ => CONTEXT_WORDS,
    };
    let tail = if last { 0 } else { CONTEXT_WORDS };
    if words.len() <= head + tail + 10 {
        return esc(text);
    }
    let cut = words.len() - head - tail;
    let mut out = esc(&words[..head].join(" "));
    let _ = write!(
        out,
        " <span class=\"cut\" title=\"{}\">[…]</span> ",
        esc(&l.tr("compare-html-words-unchanged", &[("count", cut.into())]))
    );
    out.push_str(&esc(&words[words.len() - tail..].join(" ")));
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Paths are ASCII-ish (`ch14/art14.2~2`); ids keep them readable but safe.
fn esc_attr(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.~/".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}
