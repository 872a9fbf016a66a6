//! Glyphs with positions in, lines in reading order out.
//!
//! Producers draw headers last, tables cell by cell and headings in the same
//! text block as the body, and split words into strings in their own ways, so
//! the order of drawing says little. Every glyph is placed by its position
//! instead: glyphs are
//! grouped into lines by baseline, lines are sorted top to bottom, and words
//! are split by the gaps between glyphs.

/// One glyph in the frame of its text direction: `u` runs along the line,
/// `v` runs down the page (so larger `v` is lower), both in points.
#[derive(Debug, Clone)]
pub struct Glyph {
    u: f64,
    v: f64,
    end: f64,
    size: f64,
    /// Text direction in quarter turns; rotated text (landscape tables, margin
    /// notes) is read in its own frame.
    turn: u8,
    text: String,
}

/// One line of a page as a reader sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLine {
    pub text: String,
    /// Baseline position down the page, in points.
    pub v: f64,
    /// Largest font size on the line, in points.
    pub size: f64,
    /// Where the line starts and ends along it (its first glyph's left edge,
    /// its last glyph's right edge), in points: how far it reaches toward
    /// the margin tells a line that wrapped from one that ended.
    pub start: f64,
    /// See `start`.
    pub end: f64,
    /// The line opens a row of a table drawn with borders: a paragraph starts
    /// here though no gap parts it from the row above.
    pub opens_row: bool,
}

/// A line drawn on the page (a table's border, a rule under a heading), in
/// the frame of upright text, in points: `Across` from `u0` to `u1` at `v`
/// down the page, `Down` from `v0` to `v1` at `u`. Tables drawn with borders
/// part their rows and columns with them where no gap between words does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    Across { u0: f64, u1: f64, v: f64 },
    Down { v0: f64, v1: f64, u: f64 },
}

/// A drawn segment shorter than this (points) is no rule: a bullet, a tick,
/// a glyph drawn as a path.
const MIN_RULE_LENGTH: f64 = 4.0;

impl Rule {
    /// The segment from `a` to `b` (page space, `y` up, in points) as a rule,
    /// when it is level or upright (off by no more than half a point) and at
    /// least `MIN_RULE_LENGTH` long; `None` for others and for coordinates
    /// that are not finite.
    pub fn between(a: (f64, f64), b: (f64, f64)) -> Option<Rule> {
        if ![a.0, a.1, b.0, b.1].iter().all(|c| c.is_finite()) {
            return None;
        }
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        if y1 - y0 <= 0.5 && x1 - x0 >= MIN_RULE_LENGTH {
            Some(Rule::Across {
                u0: x0,
                u1: x1,
                v: -(y0 + y1) / 2.0,
            })
        } else if x1 - x0 <= 0.5 && y1 - y0 >= MIN_RULE_LENGTH {
            Some(Rule::Down {
                v0: -y1,
                v1: -y0,
                u: (x0 + x1) / 2.0,
            })
        } else {
            None
        }
    }
}

/// A rule as (where it is, from, to): `v`, `u0`, `u1` for one across the page,
/// `u`, `v0`, `v1` for one down it.
type Stretch = (f64, f64, f64);

/// The page's rules across and down it, each with the pieces of one line
/// (at one place within a point, touching: a table's border is often drawn
/// cell by cell) joined, in order of place.
fn joined_rules(rules: Vec<Rule>) -> Rules {
    let (mut across, mut down) = (Vec::new(), Vec::new());
    for r in rules {
        match r {
            Rule::Across { u0, u1, v } => across.push((v, u0, u1)),
            Rule::Down { v0, v1, u } => down.push((u, v0, v1)),
        }
    }
    Rules {
        across: join(across),
        down: join(down),
    }
}

/// `stretches` sorted by place, the pieces of one line (at one place within
/// a point) that touch (within two points) joined into one.
fn join(mut stretches: Vec<Stretch>) -> Vec<Stretch> {
    stretches.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut joined: Vec<Stretch> = Vec::with_capacity(stretches.len());
    let mut line_start = 0;
    for s in stretches {
        if joined.last().is_some_and(|l| s.0 - l.0 > 1.0) {
            line_start = joined.len();
        }
        match joined[line_start..]
            .iter_mut()
            .find(|j| (s.0 - j.0).abs() <= 1.0 && s.1 <= j.2 + 2.0)
        {
            Some(j) => j.2 = j.2.max(s.2),
            None => joined.push(s),
        }
    }
    joined
}

/// A page's rules, joined (see `joined_rules`).
#[derive(Default)]
struct Rules {
    across: Vec<Stretch>,
    down: Vec<Stretch>,
}

/// Puts a glyph in the frame of its text direction. `trm` is the text
/// rendering matrix (font size, text and page matrices combined), `w0` the
/// glyph's advance in text space (a fraction of the font size). Returns
/// `None` for glyphs nobody can see (zero size, degenerate matrices).
pub fn place(trm: &[f64; 6], w0: f64, text: &str) -> Option<Glyph> {
    let [a, b, c, d, x, y] = *trm;
    // The matrix scales the font size; its determinant gives the scale whatever
    // the rotation (a plain x*y product goes negative for rotated text).
    let size = (a * d - b * c).abs().sqrt();
    if !(size.is_finite() && size > 0.5 && x.is_finite() && y.is_finite()) {
        return None;
    }
    let turn = quarter_turns(a, b);
    // direction along the line and "down the page" for that direction
    let (dx, dy) = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)][turn as usize];
    let u = x * dx + y * dy;
    let v = x * dy - y * dx;
    let advance = w0 * (a * dx + b * dy);
    Some(Glyph {
        u,
        v,
        end: u + advance.max(0.0),
        size,
        turn,
        text: text.to_string(),
    })
}

fn quarter_turns(cos: f64, sin: f64) -> u8 {
    let angle = sin.atan2(cos).to_degrees();
    (((angle + 45.0).rem_euclid(360.0)) / 90.0) as u8 % 4
}

/// Groups glyphs into lines. The most common text direction is read first;
/// other directions follow, each top to bottom. `rules` are the lines the
/// page draws across and down it (table borders), read with upright text
/// only.
pub fn lines_from_glyphs(glyphs: Vec<Glyph>, rules: Vec<Rule>) -> Vec<PageLine> {
    let mut counts = [0usize; 4];
    for g in &glyphs {
        counts[g.turn as usize] += 1;
    }
    let main = (0..4).max_by_key(|&t| (counts[t], 4 - t)).unwrap_or(0) as u8;
    let (main_glyphs, others): (Vec<Glyph>, Vec<Glyph>) =
        glyphs.into_iter().partition(|g| g.turn == main);
    let rules = if main == 0 {
        joined_rules(rules)
    } else {
        Rules::default()
    };
    let mut lines = match find_gutter(&main_glyphs) {
        Some(gutter) if !ruled_across(&main_glyphs, &rules, gutter) => {
            column_lines(main_glyphs, gutter)
        }
        _ => lines_reading_tables(main_glyphs, &rules),
    };
    lines.extend(group_lines(others));
    lines
}

/// Whether three rules or more cross the gutter `(lo, hi)` between the
/// page's first and last baselines: the borders between the rows of a table,
/// whose column gap is no gutter between two columns of running text (read
/// as columns, a reservation's description was parted from its sector).
fn ruled_across(glyphs: &[Glyph], rules: &Rules, (lo, hi): (f64, f64)) -> bool {
    let (top, bottom) = glyphs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(t, b), g| {
            (t.min(g.v), b.max(g.v))
        });
    rules
        .across
        .iter()
        .filter(|&&(v, u0, u1)| u0 < lo && u1 > hi && v > top && v < bottom)
        .count()
        >= 3
}

/// Groups glyphs into lines top to bottom (by direction, for mixed ones).
fn group_lines(glyphs: Vec<Glyph>) -> Vec<PageLine> {
    group_rows(glyphs)
        .into_iter()
        .filter_map(line_text)
        .collect()
}

/// The glyphs of each line, lines top to bottom (by direction, for mixed ones).
fn group_rows(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    // stable sort: glyphs at the same place keep drawing order
    glyphs.sort_by(|a, b| a.turn.cmp(&b.turn).then(a.v.total_cmp(&b.v)));
    let mut lines = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    // the line's dominant glyph (its largest, the last of equals), kept as
    // glyphs come: finding it again for each glyph made a long line quadratic
    let mut main = 0;
    for g in glyphs {
        if current
            .first()
            .is_some_and(|f| f.turn != g.turn || !same_line(&current[main], &g))
        {
            lines.push(std::mem::take(&mut current));
            main = 0;
        }
        current.push(g);
        let last = current.len() - 1;
        if current[last].size.total_cmp(&current[main].size).is_ge() {
            main = last;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

// ------------------------------------------------------------------ tables

/// A page's lines top to bottom, where a table row whose cells wrap is read
/// cell by cell, left to right. Read line by line, such a row interleaves its
/// cells' lines ("National Treatment maintain any measure that affords" /
/// "(Article 9.3) Most- treatment to persons…"), and a reservation's
/// description is no longer a sentence a rule can read.
///
/// A table is three lines or more (each no more than three font sizes below
/// the one before) that share a river: a band at least 0.5 of the font size
/// wide that none of their words cover, with words on both sides; the
/// rivers' middles part the columns. Its rows are parted by gaps wider than
/// 1.6 font sizes between lines (cell padding, paragraph spacing). A row is
/// read cell by cell when two of its cells run over two lines or more, or a
/// cell starts lower than the row (cells set in the middle of their row),
/// and when each column is one cell (its lines follow one another from the
/// row's top or about its middle, and all but its last fill half the
/// column's width) and no two columns of several lines hold the same lines.
/// Otherwise the row is read line by line as before: a label beside its
/// wrapped value ("Description:" and its text), a tariff line whose
/// description wraps, and a dense table's rows of one line each that no gap
/// parts (parting them at each first-column cell read RCEP's
/// product-specific rules cell by cell: codes, then descriptions, then
/// rules).
fn lines_reading_tables(glyphs: Vec<Glyph>, rules: &Rules) -> Vec<PageLine> {
    let rows = group_rows(glyphs);
    let runs: Vec<Vec<(f64, f64)>> = rows.iter().map(|r| runs_of(r)).collect();
    let mut plan: Vec<(usize, usize, Vec<f64>)> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        match table_at(&rows, &runs, i) {
            Some((len, bounds)) => {
                let bounds = with_drawn_columns(bounds, &rows[i..i + len], &rules.down);
                plan.push((i, len, bounds));
                i += len;
            }
            None => i += 1,
        }
    }
    let mut lines = Vec::new();
    let mut rows = rows.into_iter().enumerate().peekable();
    for (start, len, bounds) in plan {
        while let Some((_, row)) = rows.next_if(|(k, _)| *k < start) {
            lines.extend(line_text(row));
        }
        let table: Vec<Vec<Glyph>> = (0..len).filter_map(|_| rows.next()).map(|r| r.1).collect();
        lines.extend(table_lines(table, &bounds, &rules.across));
    }
    lines.extend(rows.filter_map(|(_, row)| line_text(row)));
    lines
}

/// A line's inked glyphs as runs (start, end) of words, left to right: glyphs
/// no wider apart than 0.5 of the font size, or, on a line of three word
/// spaces or more, than twice its middle word space (a justified line's
/// spaces are all alike, and can be wider than a table's gap between cells).
fn runs_of(row: &[Glyph]) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64, f64)> = row
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| (g.u, g.end, g.size))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    // the line's size once: asked for each gap, it made a long line quadratic
    let word_gap = 0.15 * largest_size(&spans);
    let mut spaces: Vec<f64> = spans
        .windows(2)
        .map(|w| w[1].0 - w[0].1)
        .filter(|&gap| gap > word_gap)
        .collect();
    spaces.sort_by(f64::total_cmp);
    let wide = match spaces.len() {
        0..=2 => 0.0,
        n => 2.0 * spaces[n / 2],
    };
    let mut runs: Vec<(f64, f64)> = Vec::new();
    for (u, end, size) in spans {
        match runs.last_mut() {
            Some(run) if u - run.1 <= (0.5 * size).max(wide) => run.1 = run.1.max(end),
            _ => runs.push((u, end)),
        }
    }
    runs
}

/// The largest size among spans (start, end, size), in points.
fn largest_size(spans: &[(f64, f64, f64)]) -> f64 {
    spans.iter().map(|s| s.2).fold(0.0, f64::max)
}

/// The largest font size of a line, in points.
fn size_of(row: &[Glyph]) -> f64 {
    row.iter().map(|g| g.size).fold(0.0, f64::max)
}

/// The baseline of a line: its largest glyph's.
fn v_of(row: &[Glyph]) -> f64 {
    dominant(row).v
}

/// The table that starts at line `i`, if any: its number of lines and the
/// boundaries between its columns (the middles of its rivers), left to right.
fn table_at(rows: &[Vec<Glyph>], runs: &[Vec<(f64, f64)>], i: usize) -> Option<(usize, Vec<f64>)> {
    // the union of the block's runs, as disjoint spans left to right
    let mut covered: Vec<(f64, f64)> = Vec::new();
    let mut found = None;
    let mut size: f64 = 0.0;
    for k in i..rows.len() {
        // a line of many runs is no table row (and would make this slow)
        if runs[k].is_empty() || runs[k].len() > 64 {
            break;
        }
        if k > i
            && (v_of(&rows[k]) - v_of(&rows[k - 1])).abs()
                > 3.0 * size_of(&rows[k]).max(size_of(&rows[k - 1]))
        {
            break;
        }
        let mut next = covered.clone();
        next.extend(runs[k].iter().copied());
        next.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f64, f64)> = Vec::with_capacity(next.len());
        for (u, end) in next {
            match merged.last_mut() {
                Some(m) if u <= m.1 => m.1 = m.1.max(end),
                _ => merged.push((u, end)),
            }
        }
        size = size.max(size_of(&rows[k]));
        let rivers: Vec<f64> = merged
            .windows(2)
            .filter(|w| w[1].0 - w[0].1 >= 0.5 * size)
            .map(|w| (w[0].1 + w[1].0) / 2.0)
            .collect();
        // the first line may be one cell (a heading cell over two lines)
        if rivers.is_empty() && k > i {
            break;
        }
        covered = merged;
        if k >= i + 2 {
            found = Some((k - i + 1, rivers));
        }
    }
    found
}

/// A table's column boundaries `bounds` (its rivers) with the borders drawn
/// down it between its words: a rule down the page inside the table's text,
/// along half its height or more. Two columns whose words come closer than
/// a river's width ("Local Presence (Article" beside "co-production") are
/// parted by the border drawn between them.
fn with_drawn_columns(mut bounds: Vec<f64>, table: &[Vec<Glyph>], down: &[Stretch]) -> Vec<f64> {
    let inked = || table.iter().flatten().filter(|g| !g.text.trim().is_empty());
    let left = inked().map(|g| g.u).fold(f64::INFINITY, f64::min);
    let right = inked().map(|g| g.end).fold(f64::NEG_INFINITY, f64::max);
    let (Some(first), Some(last)) = (table.first(), table.last()) else {
        return bounds;
    };
    let top = v_of(first) - size_of(first);
    let bottom = v_of(last);
    let inside: Vec<f64> = down
        .iter()
        .filter(|&&(u, v0, v1)| {
            u > left + 2.0
                && u < right - 2.0
                && v1.min(bottom) - v0.max(top) >= 0.5 * (bottom - top)
        })
        .map(|&(u, _, _)| u)
        .collect();
    // a table has a few columns; a page hatched with thousands of upright
    // lines is no table's borders (and each is tested against every word)
    if inside.len() > MAX_DRAWN_COLUMNS {
        return bounds;
    }
    for u in inside {
        // no word crosses it, and a word starts between it and each river
        // (else the two part the same columns)
        if !inked().any(|g| g.u < u && g.end > u)
            && bounds
                .iter()
                .all(|&b| inked().any(|g| g.u > b.min(u) && g.u < b.max(u)))
        {
            bounds.push(u);
        }
    }
    bounds.sort_by(f64::total_cmp);
    bounds
}

/// More borders drawn down a table than this are not read as its columns.
const MAX_DRAWN_COLUMNS: usize = 64;

/// The lines of a table: rows with wrapping cells cell by cell (see
/// `lines_reading_tables`), the others line by line.
fn table_lines(table: Vec<Vec<Glyph>>, bounds: &[f64], across: &[Stretch]) -> Vec<PageLine> {
    let column = |g: &Glyph| bounds.iter().filter(|&&b| b < g.u).count();
    // the columns each line has text in
    let filled: Vec<Vec<bool>> = table
        .iter()
        .map(|row| {
            let mut cols = vec![false; bounds.len() + 1];
            for g in row.iter().filter(|g| !g.text.trim().is_empty()) {
                cols[column(g)] = true;
            }
            cols
        })
        .collect();
    // the width of each line's text in each column, and each column's widest
    let widths: Vec<Vec<f64>> = table
        .iter()
        .map(|row| {
            let mut span = vec![(f64::INFINITY, f64::NEG_INFINITY); bounds.len() + 1];
            for g in row.iter().filter(|g| !g.text.trim().is_empty()) {
                let s = &mut span[column(g)];
                *s = (s.0.min(g.u), s.1.max(g.end));
            }
            span.iter().map(|s| (s.1 - s.0).max(0.0)).collect()
        })
        .collect();
    let widest: Vec<f64> = (0..=bounds.len())
        .map(|c| widths.iter().map(|w| w[c]).fold(0.0, f64::max))
        .collect();
    // the table's borders between lines: rules that cross a column boundary
    // (a word's underline stays in its cell)
    let borders: Vec<f64> = across
        .iter()
        .filter(|&&(_, u0, u1)| bounds.iter().any(|&b| u0 < b && u1 > b))
        .map(|&(v, _, _)| v)
        .collect();
    let between = |above: &[Glyph], here: &[Glyph]| {
        let (a, h) = (v_of(above), v_of(here));
        borders.iter().any(|&v| v > a.min(h) && v < a.max(h))
    };
    // a table whose rows are parted by borders, two or more (one rule among
    // the lines is a fraction's bar, a line to sign on): a row is what lies
    // between two, and two columns that wrap on the same lines are one row's
    // cells
    let ruled = table.windows(2).filter(|w| between(&w[0], &w[1])).count() >= 2;
    let border_between = |above: &[Glyph], here: &[Glyph]| ruled && between(above, here);
    // where each row of the table starts: below a border or a gap between
    // lines (the rows below a border are told to the paragraphs)
    let mut starts = vec![0];
    let mut bordered = vec![false];
    for k in 1..table.len() {
        let (above, here) = (&table[k - 1], &table[k]);
        let border = border_between(above, here);
        if border || (v_of(here) - v_of(above)).abs() > 1.6 * size_of(here).max(size_of(above)) {
            starts.push(k);
            bordered.push(border);
        }
    }
    starts.push(table.len());
    let mut lines = Vec::new();
    let mut rows = table.into_iter();
    for ((from, to), &border) in starts.windows(2).map(|w| (w[0], w[1])).zip(&bordered) {
        let row: Vec<Vec<Glyph>> = rows.by_ref().take(to - from).collect();
        let opened = lines.len();
        let filled = &filled[from..to];
        let widths = &widths[from..to];
        let columns = bounds.len() + 1;
        let lines_in = |c: usize| filled.iter().filter(|f| f[c]).count();
        let wrapping: Vec<usize> = (0..columns).filter(|&c| lines_in(c) >= 2).collect();
        let set_lower = (0..columns).any(|c| lines_in(c) > 0 && !filled[0][c]);
        // each column one cell: its lines follow one another, from the
        // row's top (set at the top of the row) or about its middle (set in
        // the middle); a column that starts lower and ends at the bottom is
        // rows of a dense table that no gap parted
        let baselines = |c: usize| -> Vec<(f64, f64)> {
            row.iter()
                .zip(filled)
                .filter(|(_, f)| f[c])
                .map(|(r, _)| (v_of(r), size_of(r)))
                .collect()
        };
        let top = row.first().map_or(0.0, |r| v_of(r));
        let bottom = row.last().map_or(0.0, |r| v_of(r));
        let one_cell = |c: usize| {
            let vs = baselines(c);
            let (Some(first), Some(last)) = (vs.first(), vs.last()) else {
                return true;
            };
            let placed = first.0 - top <= 0.5 * first.1
                || ((first.0 + last.0) / 2.0 - (top + bottom) / 2.0).abs() <= first.1;
            placed
                && vs
                    .windows(2)
                    .all(|w| (w[1].0 - w[0].0).abs() <= 1.6 * w[0].1.max(w[1].1))
        };
        // two wrapping columns on the same lines (baselines within half a
        // font size: a cell may sit a little off its row's baseline) are
        // rows of one line each (a dense table whose rows no gap parted)
        // a row with a border just above and just below is one row
        let enclosed = {
            let (first, last) = (&row[0], &row[row.len() - 1]);
            let (top, bottom) = (v_of(first), v_of(last));
            let size = size_of(first).max(size_of(last));
            borders.iter().any(|&v| v < top && v > top - 2.5 * size)
                && borders
                    .iter()
                    .any(|&v| v > bottom && v < bottom + 2.0 * size)
        };
        let bordered_row = ruled || enclosed;
        let same_lines = !bordered_row
            && wrapping.iter().enumerate().any(|(n, &a)| {
                wrapping[n + 1..].iter().any(|&b| {
                    let (va, vb) = (baselines(a), baselines(b));
                    va.len() == vb.len()
                        && va
                            .iter()
                            .zip(&vb)
                            .all(|(x, y)| (x.0 - y.0).abs() <= 0.5 * x.1.max(y.1))
                })
            });
        // a wrapped cell's lines, but its last, fill half its column or more;
        // a column of short codes ("CC", "WO") one a line is rows
        let wraps = |c: &usize| {
            let w: Vec<f64> = widths.iter().map(|w| w[*c]).filter(|&w| w > 0.0).collect();
            w[..w.len() - 1].iter().all(|&w| w >= 0.5 * widest[*c])
        };
        // between borders, one cell that wraps beside cells of one line is
        // read cell by cell too ("Obligations" / "concerned" in a header)
        if (wrapping.len() >= 2 || set_lower || (bordered_row && !wrapping.is_empty()))
            && (0..columns).all(one_cell)
            && !same_lines
            && (enclosed || wrapping.iter().all(wraps))
        {
            let mut cells: Vec<Vec<Glyph>> = vec![Vec::new(); columns];
            for g in row.into_iter().flatten() {
                cells[column(&g)].push(g);
            }
            lines.extend(cells.into_iter().flat_map(group_lines));
        } else {
            lines.extend(row.into_iter().filter_map(line_text));
        }
        if let Some(first) = lines.get_mut(opened).filter(|_| border) {
            first.opens_row = true;
        }
    }
    lines
}

/// Two columns of running text: the left column is read before the right one.
/// Lines that cross the gutter (a title over both columns) split the page into
/// bands, read in order, each band left column first. The page's first and
/// last rows, when set apart from the rest and not a line of prose in each
/// column (a running header or footer, a browser's print date and address),
/// are kept whole as lines over both columns: split, their parts were read
/// into the columns and no longer looked like page furniture.
fn column_lines(glyphs: Vec<Glyph>, (lo, hi): (f64, f64)) -> Vec<PageLine> {
    let mut lines = Vec::new();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let rows: Vec<Vec<Glyph>> = rows_of(glyphs).into_values().collect();
    let last = rows.len().saturating_sub(1);
    let apart = |a: &[Glyph], b: &[Glyph]| {
        let reach = |r: &[Glyph]| r.iter().map(|g| g.size).fold(0.0, f64::max);
        let gap = (b[0].v - a[0].v).abs();
        gap > 1.4 * reach(a).max(reach(b))
    };
    let edge: Vec<bool> = (0..rows.len())
        .map(|i| {
            (i == 0 && rows.len() > 1 && apart(&rows[0], &rows[1]))
                || (i == last && i > 0 && apart(&rows[i - 1], &rows[i]))
        })
        .collect();
    // where the left column's lines start: the body's left margin
    let margin = rows
        .iter()
        .zip(&edge)
        .filter(|(_, edge)| !**edge)
        .flat_map(|(row, _)| row.iter())
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| g.u)
        .fold(f64::INFINITY, f64::min);
    for (row, edge) in rows.into_iter().zip(edge) {
        let inked = |side: &[Glyph]| side.iter().filter(|g| !g.text.trim().is_empty()).count();
        let split = match split_row(row, (lo, hi), margin) {
            // the same measure of a line of prose as the gutter's (`prose`)
            Ok((l, r)) if edge && (inked(&l) < 20 || inked(&r) < 20) => {
                Err(l.into_iter().chain(r).collect())
            }
            split => split,
        };
        match split {
            Ok((l, r)) => {
                left.extend(l);
                right.extend(r);
            }
            Err(row) => {
                lines.extend(group_lines(std::mem::take(&mut left)));
                lines.extend(group_lines(std::mem::take(&mut right)));
                lines.extend(group_lines(row));
            }
        }
    }
    lines.extend(group_lines(left));
    lines.extend(group_lines(right));
    lines
}

/// A row's glyphs split into the left and right columns' parts, or `Err`
/// with the row when it runs across the gutter `(lo, hi)`: a title over both
/// columns, a table's row, or something set in the gutter itself (a centred
/// number).
///
/// The row is cut into runs of glyphs no wider apart than a word space (0.6
/// of the font size); a row crosses when a run reaches into the gutter. But a
/// run that starts at the left column's `margin` (within three font sizes,
/// for an indent) and stops inside the gutter is a left-column line: the
/// gutter is the widest band that few rows cross, so it can take in the end
/// of a long line of ragged-right text (a browser's CSS columns), and reading
/// that line as a title over both columns cut the columns into bands there,
/// the right column's top read into the middle of the left one. Each run
/// goes whole to the side it starts on, so no word is cut at the middle.
fn split_row(
    row: Vec<Glyph>,
    (lo, hi): (f64, f64),
    margin: f64,
) -> Result<(Vec<Glyph>, Vec<Glyph>), Vec<Glyph>> {
    let mut order: Vec<usize> = (0..row.len()).collect();
    order.sort_by(|&a, &b| row[a].u.total_cmp(&row[b].u));
    // (start, end, first glyph's size) of each run; each glyph's run
    let mut runs: Vec<(f64, f64, f64)> = Vec::new();
    let mut run_of = vec![0; row.len()];
    for &i in &order {
        let g = &row[i];
        if g.text.trim().is_empty() {
            // blank glyphs join the run before them
            run_of[i] = runs.len().saturating_sub(1);
            continue;
        }
        match runs.last_mut() {
            Some(run) if g.u - run.1 <= 0.6 * g.size => run.1 = run.1.max(g.end),
            _ => runs.push((g.u, g.end, g.size)),
        }
        run_of[i] = runs.len() - 1;
    }
    let crosses = runs.iter().any(|&(u, end, size)| {
        let left_line = u <= margin + 3.0 * size && end < hi;
        u < hi && end > lo && !left_line
    });
    if crosses {
        return Err(row);
    }
    let mid = (lo + hi) / 2.0;
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (g, run) in row.into_iter().zip(run_of) {
        let start = runs.get(run).map_or(g.u, |r| r.0);
        if start < mid {
            left.push(g)
        } else {
            right.push(g)
        }
    }
    Ok((left, right))
}

/// Glyphs bucketed by baseline (2-point rows), top to bottom.
fn rows_of(glyphs: Vec<Glyph>) -> std::collections::BTreeMap<i64, Vec<Glyph>> {
    let mut rows: std::collections::BTreeMap<i64, Vec<Glyph>> = Default::default();
    for g in glyphs {
        rows.entry((g.v / 2.0).round() as i64).or_default().push(g);
    }
    rows
}

/// The gutter of a two-column page: a band in the middle of the text block
/// that (almost) no row of glyphs crosses, with running text on both sides of
/// it on most rows. Tables also have such bands; they are told apart by their
/// short cells (columns of prose carry 20 characters or more a line).
fn find_gutter(glyphs: &[Glyph]) -> Option<(f64, f64)> {
    let rows: Vec<Vec<(f64, f64)>> = rows_of(
        glyphs
            .iter()
            .filter(|g| !g.text.trim().is_empty())
            .cloned()
            .collect(),
    )
    .into_values()
    .map(|r| r.iter().map(|g| (g.u, g.end)).collect())
    .collect();
    if rows.len() < 8 {
        return None;
    }
    let lo = rows
        .iter()
        .flatten()
        .map(|s| s.0)
        .fold(f64::INFINITY, f64::min);
    let hi = rows
        .iter()
        .flatten()
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let width = hi - lo;
    if width.is_nan() || width <= 200.0 {
        return None;
    }
    let (start, end) = widest_empty_band(&rows, lo + 0.3 * width, lo + 0.7 * width)?;
    let two_sided = rows
        .iter()
        .filter(|r| prose(r, |s| s.1 <= start) && prose(r, |s| s.0 >= end))
        .count();
    // columns whose lines do not share baselines (a browser's CSS columns,
    // where a heading's spacing shifts one column's lines against the
    // other's) have prose on each side on rows of their own; each side is
    // then one column of prose, not several cells of a table
    let one_column = |side: &dyn Fn(&(f64, f64)) -> bool| {
        let spans: Vec<Vec<(f64, f64)>> = rows
            .iter()
            .map(|r| r.iter().copied().filter(|s| side(s)).collect::<Vec<_>>())
            .filter(|r| !r.is_empty())
            .collect();
        let (from, to) = spans
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), s| {
                (a.min(s.0), b.max(s.1))
            });
        let width = to - from;
        spans.iter().filter(|r| prose(r, side)).count() * 10 >= rows.len() * 3
            && widest_empty_band(&spans, from + 0.15 * width, from + 0.85 * width).is_none()
    };
    let columns =
        two_sided * 2 >= rows.len() || one_column(&|s| s.1 <= start) && one_column(&|s| s.0 >= end);
    columns.then_some((start, end))
}

/// Whether the glyphs of a row on one side of the gutter are a line of prose.
fn prose(row: &[(f64, f64)], side: impl Fn(&(f64, f64)) -> bool) -> bool {
    row.iter().filter(|s| side(s)).count() >= 20
}

/// The widest band of 2-point bins between `from` and `to` that at most one
/// row in twenty crosses; at least 6 points wide. A text block wider than a
/// real page (a hostile file's coordinates can span 10¹²) is searched in at
/// most `MAX_BINS` wider bins, so the search stays bounded; so far from the
/// origin that a 2-point step no longer moves a coordinate (10¹⁷ points, where
/// doubles are 16 apart), there is no band (the search used to spin there).
///
/// Each row's spans are turned into runs of bins and counted once per bin, so
/// that the search is linear in spans and bins (asking every bin of every row
/// was four fifths of the instructions `lines_from_glyphs` spent itself on
/// AANZFTA's 249 pages: 158 million, 31 million now).
fn widest_empty_band(rows: &[Vec<(f64, f64)>], from: f64, to: f64) -> Option<(f64, f64)> {
    const MAX_BINS: f64 = 2000.0;
    let step = ((to - from) / MAX_BINS).max(2.0);
    if !step.is_finite() {
        return None;
    }
    // the bins' left edges, stepped from `from`; `past` is where the bin after
    // the last would start
    let mut lefts: Vec<f64> = Vec::new();
    let mut past = from;
    while past <= to {
        let next = past + step;
        if next <= past || lefts.len() > 2 * MAX_BINS as usize {
            return None;
        }
        lefts.push(past);
        past = next;
    }
    // how many rows cross each bin, as changes from one bin to the next
    let mut change = vec![0isize; lefts.len() + 1];
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for row in rows {
        runs.clear();
        // the bins each span crosses (starts before the bin's right edge, ends
        // after its left edge): both edges rise from bin to bin; a span with
        // a NaN edge crosses none, as no comparison with NaN holds
        runs.extend(row.iter().filter(|s| !s.0.is_nan()).filter_map(|s| {
            let first = lefts.partition_point(|&left| left + step <= s.0);
            let end = lefts.partition_point(|&left| s.1 > left);
            (first < end).then_some((first, end))
        }));
        runs.sort_unstable();
        // a bin that several spans of the row cross counts the row once
        let mut open: Option<(usize, usize)> = None;
        for &(first, end) in &runs {
            match &mut open {
                Some((_, open_end)) if first <= *open_end => *open_end = (*open_end).max(end),
                _ => {
                    if let Some((a, b)) = open.replace((first, end)) {
                        change[a] += 1;
                        change[b] -= 1;
                    }
                }
            }
        }
        if let Some((a, b)) = open {
            change[a] += 1;
            change[b] -= 1;
        }
    }
    let allowed = rows.len() / 20;
    let mut best: Option<(f64, f64)> = None;
    let mut run_start: Option<f64> = None;
    let mut crossing = 0isize;
    for (&left, change) in lefts.iter().zip(&change) {
        crossing += change;
        if crossing <= allowed as isize {
            run_start.get_or_insert(left);
        } else if let Some(s) = run_start.take() {
            best = wider(best, (s, left));
        }
    }
    if let Some(s) = run_start {
        best = wider(best, (s, past));
    }
    best.filter(|b| b.1 - b.0 >= 6.0)
}

fn wider(best: Option<(f64, f64)>, band: (f64, f64)) -> Option<(f64, f64)> {
    match best {
        Some(b) if b.1 - b.0 >= band.1 - band.0 => Some(b),
        _ => Some(band),
    }
}

/// A glyph belongs to the line when their vertical extents mostly overlap:
/// superscript footnote marks (smaller, raised) stay on their line, while the
/// next line (a full line height lower) does not.
/// Whether `g` lies on the line whose dominant glyph is `main`.
fn same_line(main: &Glyph, g: &Glyph) -> bool {
    let (top, bottom) = extent(main);
    let (gt, gb) = extent(g);
    let overlap = bottom.min(gb) - top.max(gt);
    overlap >= 0.5 * (bottom - top).min(gb - gt)
}

fn dominant(line: &[Glyph]) -> &Glyph {
    line.iter()
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .expect("lines are never empty")
}

/// Vertical extent of a glyph: ascenders above the baseline, descenders below.
fn extent(g: &Glyph) -> (f64, f64) {
    (g.v - 0.75 * g.size, g.v + 0.2 * g.size)
}

/// Joins a line's glyphs left to right, with a space wherever the gap between
/// two glyphs is wider than a narrow letter gap.
fn line_text(mut line: Vec<Glyph>) -> Option<PageLine> {
    line.sort_by(|a, b| a.u.total_cmp(&b.u));
    attach_accents(&mut line);
    let main = dominant(&line);
    let (v, size) = (main.v, main.size);
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in &line {
        if let Some(p) = prev {
            if is_overprint(p, g) {
                continue;
            }
            let gap = g.u - p.end;
            if gap > 0.15 * g.size.min(p.size) && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        if is_reference_mark(g, main) {
            text.extend(g.text.chars().map(superscript_digit));
        } else {
            push_glyph_text(&mut text, &g.text);
        }
        prev = Some(g);
    }
    let text = text.trim().to_string();
    let start = line.first().map_or(0.0, |g| g.u);
    let end = line.iter().map(|g| g.end).fold(start, f64::max);
    (!text.is_empty()).then_some(PageLine {
        text,
        v,
        size,
        start,
        end,
        opens_row: false,
    })
}

/// Accents drawn as glyphs of their own over a letter (TeX and other
/// typesetters do this for letters their font lacks: "´" over "ı") become
/// combining marks on that letter, composed later ("í").
fn attach_accents(line: &mut Vec<Glyph>) {
    if !line.iter().any(|g| combining_accent(&g.text).is_some()) {
        return;
    }
    // one pass, building the line anew: removing accents in place made a
    // line of many accents quadratic
    let mut out: Vec<Glyph> = Vec::with_capacity(line.len());
    let mut rest = std::mem::take(line).into_iter().peekable();
    while let Some(g) = rest.next() {
        let Some(mark) = combining_accent(&g.text) else {
            out.push(g);
            continue;
        };
        let centre = (g.u + g.end) / 2.0;
        let over = |b: &Glyph| {
            b.text.chars().next().is_some_and(char::is_alphabetic)
                && b.u <= centre
                && centre <= b.end
                && b.end > b.u
        };
        let with_mark = |b: &Glyph| {
            let letter = match b.text.as_str() {
                "\u{131}" => "i",
                "\u{237}" => "j",
                t => t,
            };
            format!("{letter}{mark}")
        };
        // the letter before it, else the one after it
        if let Some(before) = out.last_mut().filter(|b| over(b)) {
            before.text = with_mark(before);
        } else if let Some(after) = rest.peek_mut().filter(|b| over(b)) {
            after.text = with_mark(after);
        } else {
            out.push(g);
        }
    }
    *line = out;
}

/// The combining mark for a spacing accent glyph.
fn combining_accent(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '\u{b4}' | '\u{2ca}' => '\u{301}',
        '`' | '\u{2cb}' => '\u{300}',
        '^' | '\u{2c6}' => '\u{302}',
        '\u{a8}' => '\u{308}',
        '~' | '\u{2dc}' => '\u{303}',
        '\u{b8}' => '\u{327}',
        '\u{2c7}' => '\u{30c}',
        '\u{2d8}' => '\u{306}',
        '\u{2da}' => '\u{30a}',
        '\u{2dd}' => '\u{30b}',
        '\u{af}' | '\u{2c9}' => '\u{304}',
        '\u{2d9}' => '\u{307}',
        '\u{2db}' => '\u{328}',
        _ => return None,
    })
}

/// A footnote reference: a digit set smaller and raised above the line. Kept
/// as a superscript digit ("transmissions³") so that it neither glues a number
/// onto the word ("transmissions3") nor reads as a paragraph number. Word
/// processors set marks at two thirds of the text's size or less, raised by a
/// fifth of it or more; a browser prints `<sup>` at five sixths of the size,
/// raised by a third or more (Chromium: 0.83 and 0.40). A digit at nine
/// tenths, raised a little, is a form's or a chart's label, not a mark.
fn is_reference_mark(g: &Glyph, main: &Glyph) -> bool {
    let raised = main.v - g.v;
    g.text.chars().all(|c| c.is_ascii_digit())
        && ((g.size < 0.8 * main.size && raised > 0.2 * main.size)
            || (g.size < 0.86 * main.size && raised > 0.33 * main.size))
}

fn superscript_digit(c: char) -> char {
    match c {
        '0' => '\u{2070}',
        '1' => '\u{b9}',
        '2' => '\u{b2}',
        '3' => '\u{b3}',
        '4'..='9' => char::from_u32(0x2070 + (c as u32 - '0' as u32)).unwrap_or(c),
        _ => c,
    }
}

/// Fake bold: some producers draw a glyph twice, a fraction of a point apart.
fn is_overprint(prev: &Glyph, g: &Glyph) -> bool {
    prev.text == g.text
        && !g.text.trim().is_empty()
        && (g.u - prev.u).abs() < 0.1 * g.size
        && (g.v - prev.v).abs() < 0.1 * g.size
}

fn push_glyph_text(text: &mut String, glyph: &str) {
    for c in glyph.chars() {
        if c.is_whitespace() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(s: &str, u: f64, v: f64, size: f64) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                let u = u + i as f64 * size * 0.5;
                Glyph {
                    u,
                    v,
                    end: u + size * 0.5,
                    size,
                    turn: 0,
                    text: c.to_string(),
                }
            })
            .collect()
    }

    fn texts(lines: &[PageLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    /// `widest_empty_band` as it was first written: every bin asks every span
    /// of every row (quadratic, and spinning where steps do not move).
    fn widest_empty_band_by_bins(
        rows: &[Vec<(f64, f64)>],
        from: f64,
        to: f64,
    ) -> Option<(f64, f64)> {
        let step = ((to - from) / 2000.0).max(2.0);
        if !step.is_finite() {
            return None;
        }
        let allowed = rows.len() / 20;
        let (mut best, mut run_start, mut x) = (None, None, from);
        while x <= to {
            let crossing = rows
                .iter()
                .filter(|r| r.iter().any(|s| s.0 < x + step && s.1 > x))
                .count();
            if crossing <= allowed {
                run_start.get_or_insert(x);
            } else if let Some(s) = run_start.take() {
                best = wider(best, (s, x));
            }
            x += step;
        }
        if let Some(s) = run_start {
            best = wider(best, (s, x));
        }
        best.filter(|b: &(f64, f64)| b.1 - b.0 >= 6.0)
    }

    #[test]
    fn the_band_search_finds_what_asking_every_bin_finds() {
        // rows of words with gaps at varied places, some crossing the middle,
        // spans unsorted and overlapping, some outside the searched stretch
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for case in 0..200 {
            let rows: Vec<Vec<(f64, f64)>> = (0..(8 + next(40)))
                .map(|_| {
                    let mut spans: Vec<(f64, f64)> = (0..(1 + next(12)))
                        .map(|_| {
                            let u = 40.0 + next(5000) as f64 / 10.0;
                            (u, u + 0.5 + next(600) as f64 / 10.0)
                        })
                        .collect();
                    if next(3) == 0 {
                        spans.push((250.0, 330.0)); // across the middle
                    }
                    spans
                })
                .collect();
            let (from, to) = match case % 3 {
                0 => (150.0, 450.0),
                1 => (200.5, 203.0),
                _ => (-1e4, 9e4), // wider than a page: wider bins
            };
            assert_eq!(
                widest_empty_band(&rows, from, to),
                widest_empty_band_by_bins(&rows, from, to),
                "case {case}"
            );
        }
        let gutter: Vec<Vec<(f64, f64)>> = (0..10)
            .map(|_| vec![(50.0, 280.0), (320.0, 550.0)])
            .collect();
        let band = widest_empty_band(&gutter, 200.0, 400.0).unwrap();
        assert!(band.0 >= 278.0 && band.1 <= 322.0, "{band:?}");
    }

    #[test]
    fn coordinates_where_a_step_does_not_move_find_no_band() {
        // 10^17 points from the origin doubles are 16 apart: a 2-point step
        // left the search where it was, for ever
        let far = 1e17;
        let rows: Vec<Vec<(f64, f64)>> = (0..10)
            .map(|_| vec![(far, far + 96.0), (far + 304.0, far + 400.0)])
            .collect();
        assert_eq!(widest_empty_band(&rows, far + 120.0, far + 280.0), None);
    }

    #[test]
    fn sorts_lines_top_to_bottom_whatever_the_drawing_order() {
        let mut all = glyphs("second", 72.0, 120.0, 10.0);
        all.extend(glyphs("first", 72.0, 100.0, 10.0));
        all.extend(glyphs("header", 72.0, 40.0, 8.0));
        assert_eq!(
            texts(&lines_from_glyphs(all, Vec::new())),
            ["header", "first", "second"]
        );
    }

    #[test]
    fn keeps_a_raised_footnote_mark_on_its_line() {
        let mut all = glyphs("word", 72.0, 100.0, 10.0);
        all.extend(glyphs("12", 92.0, 96.5, 6.5));
        all.extend(glyphs("next", 72.0, 112.0, 10.0));
        assert_eq!(
            texts(&lines_from_glyphs(all, Vec::new())),
            ["word\u{b9}\u{b2}", "next"]
        );
    }

    #[test]
    fn a_browser_s_superscript_is_a_mark_and_a_chart_s_label_is_not() {
        // Chromium prints <sup>3</sup> at 0.83 of the size, raised by 0.40
        let mut all = glyphs("Party.", 72.0, 100.0, 12.0);
        all.extend(glyphs("3", 104.0, 95.2, 10.0));
        // a form's figure at 0.9 of the size, raised by a tenth
        all.extend(glyphs("rate", 72.0, 130.0, 10.0));
        all.extend(glyphs("15", 100.0, 129.0, 9.0));
        assert_eq!(
            texts(&lines_from_glyphs(all, Vec::new())),
            ["Party.\u{b3}", "rate 15"]
        );
    }

    #[test]
    fn splits_words_at_gaps_and_drops_overprinted_glyphs() {
        let mut all = glyphs("Article", 72.0, 100.0, 10.0);
        all.extend(glyphs("Article", 72.2, 100.0, 10.0));
        all.extend(glyphs("5", 112.0, 100.0, 10.0));
        assert_eq!(texts(&lines_from_glyphs(all, Vec::new())), ["Article 5"]);
    }

    #[test]
    fn reads_two_columns_left_then_right_under_a_full_title() {
        let mut all = glyphs(
            "A TITLE THAT RUNS OVER BOTH OF THE COLUMNS",
            72.0,
            60.0,
            12.0,
        );
        for i in 0..10 {
            let v = 100.0 + 12.0 * i as f64;
            all.extend(glyphs("left column prose line here", 72.0, v, 10.0));
            all.extend(glyphs("right column prose text too", 320.0, v, 10.0));
        }
        let lines = lines_from_glyphs(all, Vec::new());
        let t = texts(&lines);
        assert_eq!(t[0], "A TITLE THAT RUNS OVER BOTH OF THE COLUMNS");
        assert!(t[1..11].iter().all(|l| l.starts_with("left")), "{t:?}");
        assert!(t[11..].iter().all(|l| l.starts_with("right")), "{t:?}");
    }

    #[test]
    fn reads_columns_whose_lines_do_not_share_baselines() {
        // a browser's CSS columns: the right column's lines sit 5 points
        // below the left's, so no row holds prose on both sides
        let mut all = Vec::new();
        for i in 0..10 {
            let v = 100.0 + 12.0 * i as f64;
            all.extend(glyphs("left column prose line here", 72.0, v, 10.0));
            all.extend(glyphs("right column prose text too", 320.0, v + 5.0, 10.0));
        }
        let t = texts(&lines_from_glyphs(all, Vec::new())).join("|");
        let expected = [
            ["left column prose line here"; 10],
            ["right column prose text too"; 10],
        ]
        .concat()
        .join("|");
        assert_eq!(t, expected);
    }

    #[test]
    fn a_column_line_reaching_into_the_gutter_is_no_title_over_both() {
        // CSS columns under a two-line title over both: one left line is
        // long enough to end inside the widest band few rows cross
        let mut all = glyphs(
            "A TITLE THAT RUNS OVER BOTH OF THE COLUMNS",
            72.0,
            40.0,
            14.0,
        );
        all.extend(glyphs(
            "OF THE PAGE, IN TWO LINES OF LARGER PRINT",
            72.0,
            58.0,
            14.0,
        ));
        for i in 0..40 {
            let v = 100.0 + 12.0 * i as f64;
            let left = if i == 3 {
                "left column prose line here, a longer"
            } else {
                "left column prose line here"
            };
            all.extend(glyphs(left, 72.0, v, 10.0));
            all.extend(glyphs("right column prose text too", 320.0, v + 5.0, 10.0));
        }
        // a title centred over both, narrower than either column's width
        all.extend(glyphs("CENTRED TITLE", 230.0, 600.0, 12.0));
        all.extend(glyphs("left column after the title", 72.0, 620.0, 10.0));
        all.extend(glyphs("right column after the title", 320.0, 620.0, 10.0));
        let lines = lines_from_glyphs(all, Vec::new());
        let t = texts(&lines);
        assert!(t[2..42].iter().all(|l| l.starts_with("left")), "{t:?}");
        assert!(t[42..82].iter().all(|l| l.starts_with("right")), "{t:?}");
        assert_eq!(
            t[82..],
            [
                "CENTRED TITLE",
                "left column after the title",
                "right column after the title"
            ]
        );
    }

    #[test]
    fn a_header_and_footer_over_two_columns_stay_whole_lines() {
        // a browser's print: date and title above, address and page
        // counter below, each part over one column
        let mut all = glyphs("12/3/26, 5:50 AM", 24.0, 24.0, 8.0);
        all.extend(glyphs("Partnership Agreement", 309.0, 24.0, 8.0));
        for i in 0..20 {
            let v = 100.0 + 12.0 * i as f64;
            all.extend(glyphs("left column prose line here", 72.0, v, 10.0));
            let right = "right column prose text that runs to the margin";
            all.extend(glyphs(right, 320.0, v + 5.0, 10.0));
        }
        all.extend(glyphs("file:///tmp/en.html", 24.0, 776.0, 8.0));
        all.extend(glyphs("1/1", 575.0, 776.0, 8.0));
        let lines = lines_from_glyphs(all, Vec::new());
        let t = texts(&lines);
        assert_eq!(t[0], "12/3/26, 5:50 AM Partnership Agreement");
        assert_eq!(t[t.len() - 1], "file:///tmp/en.html 1/1");
        assert!(t[1..21].iter().all(|l| l.starts_with("left")), "{t:?}");
        assert!(t[21..41].iter().all(|l| l.starts_with("right")), "{t:?}");
    }

    /// A rule across the page at `v` from `u0` to `u1`, drawn as PDF draws
    /// it (page space, `y` up).
    fn across(u0: f64, u1: f64, v: f64) -> Rule {
        Rule::between((u0, -v), (u1, -v)).expect("a level rule")
    }

    fn down(u: f64, v0: f64, v1: f64) -> Rule {
        Rule::between((u, -v0), (u, -v1)).expect("an upright rule")
    }

    /// A three-column reservation table set with borders and no padding:
    /// rows of wrapping cells follow each other a line apart, as Chromium and
    /// LibreOffice print `border-collapse` tables with `padding: 0`. `rows`
    /// gives each row's cells' lines; returns the glyphs, the borders drawn
    /// across under each row and down between the columns.
    fn ruled_table(rows: &[[&[&str]; 3]]) -> (Vec<Glyph>, Vec<Rule>) {
        let columns = [40.0, 140.0, 300.0];
        let mut all = Vec::new();
        let mut rules = vec![across(38.0, 560.0, 88.0)];
        let mut v = 100.0;
        for row in rows {
            let height = row.iter().map(|c| c.len()).max().unwrap_or(1);
            for (cell, u) in row.iter().zip(columns) {
                for (i, line) in cell.iter().enumerate() {
                    all.extend(glyphs(line, u, v + 12.0 * i as f64, 10.0));
                }
            }
            v += 12.0 * height as f64;
            rules.push(across(38.0, 560.0, v - 9.0));
        }
        for u in [38.0, 138.0, 298.0, 560.0] {
            rules.push(down(u, 88.0, v - 9.0));
        }
        (all, rules)
    }

    #[test]
    fn borders_part_the_rows_of_a_table_that_no_gap_parts() {
        let (all, rules) = ruled_table(&[
            [&["Sector"], &["Obligations", "concerned"], &["Description"]],
            [
                &["Fisheries"],
                &["National Treatment", "(Article 9.3)"],
                &[
                    "Arcadia reserves the right to adopt",
                    "any measure on fishing.",
                ],
            ],
            [
                &["Cultural", "industries"],
                &["National Treatment", "(Article 9.3)"],
                &[
                    "Arcadia reserves the right to adopt",
                    "any measure on cultural",
                    "industries.",
                ],
            ],
        ]);
        let lines = lines_from_glyphs(all, rules);
        assert_eq!(
            texts(&lines),
            [
                "Sector",
                "Obligations",
                "concerned",
                "Description",
                "Fisheries",
                "National Treatment",
                "(Article 9.3)",
                "Arcadia reserves the right to adopt",
                "any measure on fishing.",
                "Cultural",
                "industries",
                "National Treatment",
                "(Article 9.3)",
                "Arcadia reserves the right to adopt",
                "any measure on cultural",
                "industries."
            ]
        );
        // each row below a border opens a paragraph
        let opening: Vec<&str> = lines
            .iter()
            .filter(|l| l.opens_row)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(opening, ["Fisheries", "Cultural"]);
        // the same glyphs without their borders: the dense rows are read
        // line by line, as before (no gap tells the rows apart)
        let (all, _) = ruled_table(&[
            [
                &["Fisheries"],
                &["National Treatment", "(Article 9.3)"],
                &["Arcadia reserves", "any measure."],
            ],
            [
                &["Mining"],
                &["Market Access", "(Article 9.5)"],
                &["Arcadia reserves", "any measure."],
            ],
        ]);
        let plain = lines_from_glyphs(all, Vec::new());
        assert_eq!(
            texts(&plain)[0],
            "Fisheries National Treatment Arcadia reserves"
        );
        assert!(plain.iter().all(|l| !l.opens_row));
    }

    #[test]
    fn one_rule_among_a_table_s_lines_parts_no_row() {
        // a formula's fraction bar, a line to sign on: one rule crossing a
        // column boundary between two lines of a table is no border
        let mut all = glyphs("Value of materials", 40.0, 100.0, 10.0);
        all.extend(glyphs("x 100 %", 200.0, 106.0, 10.0));
        all.extend(glyphs("FOB", 60.0, 112.0, 10.0));
        all.extend(glyphs("where the value", 40.0, 124.0, 10.0));
        all.extend(glyphs("is the price", 200.0, 124.0, 10.0));
        let with = lines_from_glyphs(all.clone(), vec![across(38.0, 240.0, 103.0)]);
        let without = lines_from_glyphs(all, Vec::new());
        assert_eq!(texts(&with), texts(&without));
    }

    #[test]
    fn a_border_drawn_down_a_table_parts_columns_whose_words_come_close() {
        // the second column's long line comes within a word space of the
        // third's: no river parts them, the border drawn between them does
        let (mut all, mut rules) = ruled_table(&[
            [
                &["Cultural", "industries"],
                &["National Treatment", "Local Presence (Art"],
                &[
                    "Arcadia reserves the right",
                    "to adopt any measure on",
                    "cultural industries.",
                ],
            ],
            [
                &["Mining"],
                &["Market Access", "(Article 9.5)"],
                &["Arcadia reserves", "any measure."],
            ],
        ]);
        // the second line of the second column ends at 297: a border at
        // 298, the third column's words from 300
        all.retain(|g| !(g.v == 112.0 && g.u >= 140.0 && g.u < 300.0));
        let long = "Local Presence (Article 9.6), a";
        all.extend(glyphs(long, 142.0, 112.0, 10.0));
        rules.retain(|r| !matches!(r, Rule::Down { u, .. } if *u == 138.0));
        let lines = lines_from_glyphs(all, rules);
        let t = texts(&lines);
        assert!(t.contains(&"to adopt any measure on"), "{t:?}");
        assert!(t.contains(&long), "{t:?}");
        assert!(
            t.iter()
                .all(|l| !l.contains("Presence") || !l.contains("adopt")),
            "{t:?}"
        );
    }

    #[test]
    fn a_page_hatched_with_upright_lines_has_no_drawn_columns() {
        // a hundred lines down the table, a point apart: no table's borders
        let (all, _) = ruled_table(&[
            [
                &["Fisheries"],
                &["National Treatment"],
                &["Arcadia reserves"],
            ],
            [&["Mining"], &["Market Access"], &["Arcadia reserves"]],
            [&["Transport"], &["Market Access"], &["Arcadia reserves"]],
        ]);
        let hatched: Vec<Rule> = (0..100)
            .map(|i| down(150.0 + f64::from(i) * 1.5, 80.0, 200.0))
            .collect();
        assert_eq!(
            texts(&lines_from_glyphs(all.clone(), hatched)),
            texts(&lines_from_glyphs(all, Vec::new()))
        );
    }

    #[test]
    fn only_level_and_upright_segments_of_some_length_are_rules() {
        assert_eq!(
            Rule::between((10.0, 700.0), (200.0, 700.2)),
            Some(Rule::Across {
                u0: 10.0,
                u1: 200.0,
                v: -700.1
            })
        );
        assert_eq!(
            Rule::between((50.0, 700.0), (50.0, 600.0)),
            Some(Rule::Down {
                v0: -700.0,
                v1: -600.0,
                u: 50.0
            })
        );
        // slanted, too short, or not finite
        assert_eq!(Rule::between((10.0, 700.0), (200.0, 650.0)), None);
        assert_eq!(Rule::between((10.0, 700.0), (12.0, 700.0)), None);
        assert_eq!(Rule::between((f64::NAN, 700.0), (200.0, 700.0)), None);
        assert_eq!(Rule::between((0.0, 1e300), (f64::INFINITY, 1e300)), None);
    }

    #[test]
    fn a_table_row_whose_cells_wrap_is_read_cell_by_cell_and_dense_rows_line_by_line() {
        // a reservation: two cells of several lines beside a short one, then
        // after a row gap, a dense table of codes (one line a row)
        let mut all = glyphs("Cultural", 40.0, 100.0, 10.0);
        all.extend(glyphs("industries", 40.0, 112.0, 10.0));
        for (i, l) in [
            "National Treatment",
            "(Article 9.3) Most-",
            "Favoured-Nation",
        ]
        .iter()
        .enumerate()
        {
            all.extend(glyphs(l, 120.0, 100.0 + 12.0 * i as f64, 10.0));
        }
        for (i, l) in [
            "The Party reserves the right to",
            "adopt or maintain any measure on",
            "the cultural industries.",
            "None applies.",
        ]
        .iter()
        .enumerate()
        {
            all.extend(glyphs(l, 240.0, 100.0 + 12.0 * i as f64, 10.0));
        }
        for i in 0..4 {
            let v = 160.0 + 12.0 * i as f64;
            all.extend(glyphs(&format!("0101.{i}0"), 40.0, v, 10.0));
            all.extend(glyphs("Live animals", 120.0, v, 10.0));
            all.extend(glyphs("CC", 240.0, v, 10.0));
        }
        let lines = lines_from_glyphs(all, Vec::new());
        let t = texts(&lines);
        assert_eq!(
            t[..9],
            [
                "Cultural",
                "industries",
                "National Treatment",
                "(Article 9.3) Most-",
                "Favoured-Nation",
                "The Party reserves the right to",
                "adopt or maintain any measure on",
                "the cultural industries.",
                "None applies."
            ]
        );
        assert_eq!(
            t[9..],
            [
                "0101.00 Live animals CC",
                "0101.10 Live animals CC",
                "0101.20 Live animals CC",
                "0101.30 Live animals CC"
            ]
        );
    }

    #[test]
    fn a_table_of_several_prose_columns_is_read_row_by_row() {
        // a transition table: four cells a row, every other row's right
        // cells lower than its left ones, so each side is two cells wide
        let mut all = Vec::new();
        for i in 0..10 {
            let v = 100.0 + 12.0 * i as f64;
            let w = v + 5.0 * f64::from(i % 2 == 0);
            all.extend(glyphs("left cell of the table row", 40.0, v, 8.0));
            all.extend(glyphs("left cell of the table row", 170.0, v, 8.0));
            all.extend(glyphs("right cell of the table row", 330.0, w, 8.0));
            all.extend(glyphs("right cell of the table row", 460.0, w, 8.0));
        }
        let lines = lines_from_glyphs(all, Vec::new());
        let t = texts(&lines);
        // the first row's right cells come before the second row, not after
        // the whole left side
        assert!(
            t[0].starts_with("left") && t[1].starts_with("right"),
            "{t:?}"
        );
    }

    #[test]
    fn short_table_cells_are_not_columns() {
        let mut all = Vec::new();
        for i in 0..10 {
            let v = 100.0 + 12.0 * i as f64;
            all.extend(glyphs("17.01", 72.0, v, 10.0));
            all.extend(glyphs("Cane sugar", 320.0, v, 10.0));
        }
        let t = lines_from_glyphs(all, Vec::new());
        assert!(texts(&t).iter().all(|l| l.starts_with("17.01")), "{t:?}");
    }

    #[test]
    fn accents_drawn_over_letters_join_them() {
        let mut all = glyphs("Art", 72.0, 100.0, 10.0);
        all.extend(glyphs("\u{131}culo", 87.0, 100.0, 10.0));
        // the accent overprints the dotless i, as TeX draws it
        all.extend(glyphs("\u{b4}", 87.5, 100.0, 10.0));
        all.extend(glyphs("a ` b", 200.0, 100.0, 10.0));
        let t = lines_from_glyphs(all, Vec::new());
        assert_eq!(texts(&t), ["Arti\u{301}culo a ` b"]);
    }

    #[test]
    fn quarter_turns_of_directions() {
        assert_eq!(quarter_turns(1.0, 0.0), 0);
        assert_eq!(quarter_turns(0.0, 1.0), 1);
        assert_eq!(quarter_turns(-1.0, 0.0), 2);
        assert_eq!(quarter_turns(0.0, -1.0), 3);
    }
}
