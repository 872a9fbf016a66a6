//! Content streams to positioned glyphs. A small lexer (no recursion, so
//! nesting costs a counter, not stack) feeds the text operators — `Tj`,
//! `TJ`, `'`, `"`, the text state and matrices, `cm`, `q`/`Q` and Form
//! XObjects — and every glyph is placed by the text rendering matrix, so words
//! come from positions whatever way a producer splits its strings.

use super::decode::{decode, hex_bytes, DecodeError};
use super::font::{deref, Font, FontCache, FontContext};
use super::layout::{place, Glyph, Rule};
use super::limits::{Budget, OverLimit, PdfLimits};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

/// Why a page's reading stopped.
#[derive(Debug)]
pub enum PageStop {
    /// A budget of the file was exceeded: the file is refused.
    Limit(OverLimit),
    /// This page cannot be read further (the reason is shown in its place).
    Problem(String),
}

impl From<OverLimit> for PageStop {
    fn from(e: OverLimit) -> Self {
        PageStop::Limit(e)
    }
}

/// A 2D affine matrix `[a b c d e f]` as PDF writes them (row vectors).
type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f64, ty: f64, m: &Matrix) -> Matrix {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

/// The parts of the graphics state that place text.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    char_spacing: f64,
    word_spacing: f64,
    /// `Tz` / 100
    horizontal_scale: f64,
    leading: f64,
    font: Option<Arc<Font>>,
    size: f64,
    rise: f64,
}

/// Adds `n` to the count of `script` in `counts` (a few scripts at most).
pub fn count_by_script(counts: &mut Vec<(&'static str, usize)>, script: &'static str, n: usize) {
    match counts.iter_mut().find(|(s, _)| *s == script) {
        Some((_, m)) => *m += n,
        None => counts.push((script, n)),
    }
}

/// Reads one page's glyphs.
pub struct PageReader<'a> {
    pub doc: &'a Document,
    pub limits: &'a PdfLimits,
    pub budget: &'a Budget,
    pub fonts: &'a FontCache,
    pub deadline: Instant,
    pub glyphs: Vec<Glyph>,
    /// Character codes shown whose font gives them no text (a composite
    /// font without a ToUnicode map, say): what tells unreadable fonts from a
    /// scan when a page has no letters.
    pub unmapped: usize,
    /// Of `unmapped`, those shown in fonts of a CJK character collection,
    /// by script (`Font::script`).
    pub unmapped_by_script: Vec<(&'static str, usize)>,
    /// The page stopped at the glyph limit (it keeps what it has).
    pub full: bool,
    /// Level and upright lines drawn on the page (table borders, rules under
    /// a heading), at most `MAX_RULES`: what parts a table's rows and columns
    /// when no gap does (see `layout::Rule`).
    pub rules: Vec<Rule>,
    forms: HashSet<ObjectId>,
    ops: usize,
}

impl<'a> PageReader<'a> {
    pub fn new(
        doc: &'a Document,
        limits: &'a PdfLimits,
        budget: &'a Budget,
        fonts: &'a FontCache,
        deadline: Instant,
    ) -> Self {
        PageReader {
            doc,
            limits,
            budget,
            fonts,
            deadline,
            glyphs: Vec::new(),
            unmapped: 0,
            unmapped_by_script: Vec::new(),
            full: false,
            rules: Vec::new(),
            forms: HashSet::new(),
            ops: 0,
        }
    }

    /// Reads the page's content streams, in order, as one.
    pub fn read_page(
        &mut self,
        page: &Dictionary,
        resources: Option<&Dictionary>,
    ) -> Result<(), PageStop> {
        let mut content = Vec::new();
        let streams: Vec<&Object> = match deref(self.doc, page.get(b"Contents").ok()) {
            Some(Object::Array(a)) => a.iter().collect(),
            Some(o) => vec![o],
            None => Vec::new(),
        };
        let mut problem = None;
        for s in streams {
            if let Some(Object::Stream(s)) = deref(self.doc, Some(s)) {
                match decode(s, self.doc, self.limits, self.budget) {
                    Ok(data) => {
                        content.extend_from_slice(&data);
                        content.push(b'\n');
                    }
                    Err(DecodeError::Limit(e)) => return Err(PageStop::Limit(e)),
                    Err(DecodeError::Unreadable(e)) => problem = Some(e),
                }
            }
        }
        let state = State {
            ctm: IDENTITY,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            font: None,
            size: 0.0,
            rise: 0.0,
        };
        self.run(&content, resources, state, 0)?;
        match problem {
            Some(p) if self.glyphs.is_empty() => Err(PageStop::Problem(p)),
            _ => Ok(()),
        }
    }

    /// Interprets one content stream with `resources`, from `state`.
    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&Dictionary>,
        mut gs: State,
        depth: usize,
    ) -> Result<(), PageStop> {
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut lexer = Lexer::new(data, self.limits.max_nesting);
        let mut operands: Vec<Operand> = Vec::new();
        let mut path = Path::default();
        while let Some(token) = lexer.next() {
            let op = match token {
                Token::Operand(o) => {
                    if operands.len() < 64 {
                        operands.push(o);
                    }
                    continue;
                }
                Token::TooDeep => {
                    return Err(PageStop::Problem(format!(
                    "its content nests arrays or dictionaries deeper than {} levels (the limit)",
                    self.limits.max_nesting
                )))
                }
                Token::Operator(op) => op,
            };
            self.ops += 1;
            if self.ops.is_multiple_of(8192) && Instant::now() > self.deadline {
                return Err(PageStop::Problem("time limit reached".into()));
            }
            let num = |i: usize| operands.get(i).and_then(Operand::number).unwrap_or(0.0);
            match op {
                b"q" if stack.len() < 4096 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" if operands.len() >= 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"m" => path.move_to(num(0), num(1)),
                b"l" => path.line_to(num(0), num(1)),
                b"h" => path.close(),
                b"re" => path.rectangle(num(0), num(1), num(2), num(3)),
                b"S" | b"s" => {
                    path.stroke(&gs.ctm, &mut self.rules);
                    path = Path::default();
                }
                b"f" | b"F" | b"f*" => {
                    path.fill(&gs.ctm, &mut self.rules);
                    path = Path::default();
                }
                b"B" | b"B*" | b"b" | b"b*" => {
                    path.fill(&gs.ctm, &mut self.rules);
                    path.stroke(&gs.ctm, &mut self.rules);
                    path = Path::default();
                }
                b"n" => path = Path::default(),
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tc" => gs.char_spacing = num(0),
                b"Tw" => gs.word_spacing = num(0),
                b"Tz" => gs.horizontal_scale = num(0) / 100.0,
                b"TL" => gs.leading = num(0),
                b"Ts" => gs.rise = num(0),
                b"Tf" => {
                    gs.size = num(1);
                    gs.font = match operands.first() {
                        Some(Operand::Name(n)) => self.font(resources, n)?,
                        _ => None,
                    };
                }
                b"Td" => {
                    tlm = translate(num(0), num(1), &tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -num(1);
                    tlm = translate(num(0), num(1), &tlm);
                    tm = tlm;
                }
                b"Tm" if operands.len() >= 6 => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = translate(0.0, -gs.leading, &tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(Operand::Str(s)) = operands.first() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"'" => {
                    tlm = translate(0.0, -gs.leading, &tlm);
                    tm = tlm;
                    if let Some(Operand::Str(s)) = operands.first() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"\"" => {
                    gs.word_spacing = num(0);
                    gs.char_spacing = num(1);
                    tlm = translate(0.0, -gs.leading, &tlm);
                    tm = tlm;
                    if let Some(Operand::Str(s)) = operands.get(2) {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Operand::Str(s) => self.show(s, &gs, &mut tm),
                                Operand::Number(n) => {
                                    let tx = -n / 1000.0 * gs.size * gs.horizontal_scale;
                                    tm = translate(tx, 0.0, &tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(n)) = operands.first() {
                        self.form(resources, n, &gs, depth)?;
                    }
                }
                _ => {}
            }
            operands.clear();
            if self.full {
                break;
            }
        }
        Ok(())
    }

    /// Places the glyphs of one shown string and advances the text matrix.
    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix) {
        let Some(font) = gs.font.clone() else { return };
        let th = gs.horizontal_scale;
        for code in font.codes(bytes) {
            let text = font.text(code);
            let w0 = font.width(code, &text) * font.scale;
            let trm = mul(
                &mul(&[gs.size * th, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            );
            if text.is_empty() {
                self.unmapped += 1;
                if let Some(script) = font.script {
                    count_by_script(&mut self.unmapped_by_script, script, 1);
                }
            } else {
                if self.glyphs.len() >= self.limits.max_glyphs_per_page {
                    self.full = true;
                    return;
                }
                if let Some(g) = place(&trm, w0, &text) {
                    self.glyphs.push(g);
                }
            }
            let space = if font.one_byte() && code == 32 {
                gs.word_spacing
            } else {
                0.0
            };
            let tx = (w0 * gs.size + gs.char_spacing + space) * th;
            *tm = translate(tx, 0.0, tm);
        }
    }

    fn font(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
    ) -> Result<Option<Arc<Font>>, PageStop> {
        let Some(fonts) = resources.and_then(|r| dict_of(self.doc, r.get(b"Font").ok())) else {
            return Ok(None);
        };
        let cx = FontContext {
            doc: self.doc,
            limits: self.limits,
            budget: self.budget,
        };
        match fonts.get(name).ok() {
            Some(Object::Reference(id)) => {
                if let Some(f) = lock(self.fonts).get(id) {
                    return Ok(Some(f.clone()));
                }
                let Ok(Object::Dictionary(d)) = self.doc.get_object(*id) else {
                    return Ok(None);
                };
                let font = Arc::new(Font::load(&cx, d)?);
                lock(self.fonts).insert(*id, font.clone());
                Ok(Some(font))
            }
            Some(Object::Dictionary(d)) => Ok(Some(Arc::new(Font::load(&cx, d)?))),
            _ => Ok(None),
        }
    }

    /// Draws a Form XObject (images and others are not text).
    fn form(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &State,
        depth: usize,
    ) -> Result<(), PageStop> {
        let Some(xobjects) = resources.and_then(|r| dict_of(self.doc, r.get(b"XObject").ok()))
        else {
            return Ok(());
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return Ok(());
        };
        let Ok(Object::Stream(form)) = self.doc.get_object(*id) else {
            return Ok(());
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        if depth >= 32 || !self.forms.insert(*id) {
            // a form that draws itself, or forms nested past any real use
            return Ok(());
        }
        let data = match decode(form, self.doc, self.limits, self.budget) {
            Ok(d) => d,
            Err(DecodeError::Limit(e)) => return Err(PageStop::Limit(e)),
            Err(DecodeError::Unreadable(_)) => {
                self.forms.remove(id);
                return Ok(());
            }
        };
        let mut inner = gs.clone();
        if let Some(Object::Array(m)) = deref(self.doc, form.dict.get(b"Matrix").ok()) {
            let v: Vec<f64> = m
                .iter()
                .filter_map(|o| super::font::number(self.doc, Some(o)))
                .collect();
            if let [a, b, c, d, e, f] = v[..] {
                inner.ctm = mul(&[a, b, c, d, e, f], &gs.ctm);
            }
        }
        let own = dict_of(self.doc, form.dict.get(b"Resources").ok());
        let r = self.run(&data, own.or(resources), inner, depth + 1);
        self.forms.remove(id);
        r
    }
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn dict_of<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match deref(doc, o)? {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// At most this many rules are kept from a page, and a path keeps at most
/// this many segments: a page of ruled tables draws a few hundred, a hostile
/// one may draw millions.
const MAX_RULES: usize = 10_000;

/// The path being built (`m`, `l`, `re`, `h`) until it is painted: only what
/// can draw a rule is kept, as straight segments and rectangles in user space
/// (curves are left out).
#[derive(Default)]
struct Path {
    /// Straight segments (x0, y0, x1, y1).
    segments: Vec<[f64; 4]>,
    /// Rectangles (x, y, width, height).
    rectangles: Vec<[f64; 4]>,
    /// The current point and the subpath's start.
    current: Option<(f64, f64)>,
    start: Option<(f64, f64)>,
}

impl Path {
    fn full(&self) -> bool {
        self.segments.len() + self.rectangles.len() >= MAX_RULES
    }

    fn move_to(&mut self, x: f64, y: f64) {
        self.current = Some((x, y));
        self.start = Some((x, y));
    }

    fn line_to(&mut self, x: f64, y: f64) {
        if let Some((x0, y0)) = self.current {
            if !self.full() {
                self.segments.push([x0, y0, x, y]);
            }
        }
        self.current = Some((x, y));
    }

    fn close(&mut self) {
        if let (Some(start), Some(_)) = (self.start, self.current) {
            self.line_to(start.0, start.1);
        }
    }

    fn rectangle(&mut self, x: f64, y: f64, w: f64, h: f64) {
        if !self.full() {
            self.rectangles.push([x, y, w, h]);
        }
        self.move_to(x, y);
    }

    /// A stroked path: its segments and the top and bottom edges of its
    /// rectangles (a cell's border drawn as a box); `Rule::between` keeps
    /// the level and upright ones.
    fn stroke(&self, ctm: &Matrix, rules: &mut Vec<Rule>) {
        let edges = self
            .rectangles
            .iter()
            .flat_map(|&[x, y, w, h]| [[x, y, x + w, y], [x, y + h, x + w, y + h]]);
        for [x0, y0, x1, y1] in self.segments.iter().copied().chain(edges) {
            push_rule(rules, device(ctm, x0, y0), device(ctm, x1, y1));
        }
    }

    /// A filled path: its thin rectangles, drawn as rules (a table border
    /// drawn as a box one point high or wide). A filled area's edges are not
    /// rules: a cell's shading or a highlight behind words would part lines.
    fn fill(&self, ctm: &Matrix, rules: &mut Vec<Rule>) {
        for &[x, y, w, h] in &self.rectangles {
            let (a, b) = (device(ctm, x, y), device(ctm, x + w, y + h));
            if (a.1 - b.1).abs() <= MAX_RULE_WEIGHT {
                let v = (a.1 + b.1) / 2.0;
                push_rule(rules, (a.0, v), (b.0, v));
            } else if (a.0 - b.0).abs() <= MAX_RULE_WEIGHT {
                let u = (a.0 + b.0) / 2.0;
                push_rule(rules, (u, a.1), (u, b.1));
            }
        }
    }
}

/// A filled box no higher or no wider than this (in points) is a rule.
const MAX_RULE_WEIGHT: f64 = 3.0;

/// A point of user space on the page.
fn device(ctm: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (
        ctm[0] * x + ctm[2] * y + ctm[4],
        ctm[1] * x + ctm[3] * y + ctm[5],
    )
}

/// Keeps the segment from `a` to `b` (page space) when it is a rule.
fn push_rule(rules: &mut Vec<Rule>, a: (f64, f64), b: (f64, f64)) {
    if rules.len() < MAX_RULES {
        rules.extend(Rule::between(a, b));
    }
}

/// An operand as the text operators need it.
#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Number(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    /// An array's strings and numbers (what `TJ` takes); nested arrays and
    /// dictionaries inside it are skipped.
    Array(Vec<Operand>),
    Other,
}

impl Operand {
    fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Operand(Operand),
    Operator(&'a [u8]),
    /// Arrays or dictionaries nest deeper than the limit.
    TooDeep,
}

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Whether `c` starts an operator or keyword (not a number, string, name
/// or delimiter).
fn starts_word(c: u8) -> bool {
    !(is_delimiter(c) || c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.'))
}

/// Content-stream tokens. Comments run to the end of their line and are
/// skipped wherever they are; inline image data is skipped whole.
struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    max_nesting: usize,
}

impl<'a> Lexer<'a> {
    fn new(data: &'a [u8], max_nesting: usize) -> Self {
        Lexer {
            data,
            pos: 0,
            max_nesting,
        }
    }

    fn skip_space(&mut self) {
        while let Some(&c) = self.data.get(self.pos) {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\r' | b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            self.skip_space();
            let c = *self.data.get(self.pos)?;
            match c {
                b'[' => {
                    return Some(match self.array() {
                        Some(a) => Token::Operand(Operand::Array(a)),
                        None => Token::TooDeep,
                    })
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    return Some(if self.skip_dictionary() {
                        Token::Operand(Operand::Other)
                    } else {
                        Token::TooDeep
                    })
                }
                b']' | b'>' | b')' | b'{' | b'}' => self.pos += 1,
                _ if starts_word(c) => {
                    let word = self.word();
                    if word == b"BI" {
                        self.skip_inline_image();
                        continue;
                    }
                    return Some(match word {
                        b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
                        _ => Token::Operator(word),
                    });
                }
                _ => return Some(Token::Operand(self.simple()?)),
            }
        }
    }

    /// A number, string or name (the caller has skipped white space).
    fn simple(&mut self) -> Option<Operand> {
        let c = *self.data.get(self.pos)?;
        Some(match c {
            b'(' => Operand::Str(self.literal()),
            b'<' => {
                let start = self.pos + 1;
                let end = self.data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(self.data.len(), |p| start + p);
                self.pos = (end + 1).min(self.data.len());
                Operand::Str(hex_bytes(&self.data[start..end]))
            }
            b'/' => {
                self.pos += 1;
                Operand::Name(name_bytes(self.word()))
            }
            _ => {
                let w = self.word();
                std::str::from_utf8(w)
                    .ok()
                    .and_then(|s| s.parse::<f64>().ok().or_else(|| lenient_number(s)))
                    .filter(|n| n.is_finite())
                    .map_or(Operand::Other, Operand::Number)
            }
        })
    }

    /// A run of regular characters (at least one, so the lexer always moves).
    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        self.pos += 1;
        while let Some(&c) = self.data.get(self.pos) {
            if is_white(c) || is_delimiter(c) {
                break;
            }
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        self.pos += 1;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else {
                        break;
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// An array's direct strings and numbers; `None` past the nesting limit.
    fn array(&mut self) -> Option<Vec<Operand>> {
        self.pos += 1;
        let mut items = Vec::new();
        let mut depth = 1usize;
        loop {
            self.skip_space();
            let Some(&c) = self.data.get(self.pos) else {
                return Some(items);
            };
            match c {
                b'[' => {
                    depth += 1;
                    self.pos += 1;
                    if depth > self.max_nesting {
                        return None;
                    }
                }
                b']' => {
                    depth -= 1;
                    self.pos += 1;
                    if depth == 0 {
                        return Some(items);
                    }
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    if !self.skip_dictionary() {
                        return None;
                    }
                }
                b'>' | b')' | b'{' | b'}' => self.pos += 1,
                _ if starts_word(c) => {
                    // an operator inside an array: the array was never closed
                    return Some(items);
                }
                _ => {
                    let o = self.simple()?;
                    if depth == 1 && items.len() < 1 << 16 {
                        items.push(o);
                    }
                }
            }
        }
    }

    /// Skips a dictionary (marked-content properties); false past the
    /// nesting limit.
    fn skip_dictionary(&mut self) -> bool {
        let mut depth = 0usize;
        while self.pos < self.data.len() {
            self.skip_space();
            let rest = &self.data[self.pos..];
            if rest.starts_with(b"<<") {
                depth += 1;
                self.pos += 2;
                if depth > self.max_nesting {
                    return false;
                }
            } else if rest.starts_with(b">>") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return true;
                }
            } else if rest.first() == Some(&b'[') {
                depth += 1;
                self.pos += 1;
                if depth > self.max_nesting {
                    return false;
                }
            } else if rest.first() == Some(&b']') {
                depth = depth.saturating_sub(1).max(1);
                self.pos += 1;
            } else if matches!(rest.first(), Some(b'(' | b'<' | b'/')) {
                self.simple();
            } else {
                self.word();
            }
        }
        true
    }

    /// Skips `… ID <data> EI` after `BI`: the data ends at `EI` standing alone.
    fn skip_inline_image(&mut self) {
        let Some(id) = find_word(self.data, self.pos, b"ID") else {
            self.pos = self.data.len();
            return;
        };
        self.pos = find_word(self.data, id + 3, b"EI").map_or(self.data.len(), |p| p + 2);
    }
}

/// The next `word` at or after `from` that stands alone between white space
/// (or the ends of the data).
fn find_word(data: &[u8], from: usize, word: &[u8]) -> Option<usize> {
    let mut i = from;
    while i + word.len() <= data.len() {
        let p = memchr::memmem::find(&data[i..], word)? + i;
        let before = p == 0 || is_white(data[p - 1]);
        let after = data.get(p + word.len()).is_none_or(|&c| is_white(c));
        if before && after {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// A name with its `#xx` escapes decoded.
fn name_bytes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() + 1 && raw.len() >= i + 3 {
            if let Ok(v) = u8::from_str_radix(&String::from_utf8_lossy(&raw[i + 1..i + 3]), 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// Numbers as broken producers write them: `--5`, `5.3.1`, `-.`.
fn lenient_number(s: &str) -> Option<f64> {
    let neg = s.starts_with('-');
    let t = s.trim_start_matches(['-', '+']);
    let end = t
        .char_indices()
        .scan(false, |dot, (i, c)| match c {
            '0'..='9' => Some(i + 1),
            '.' if !*dot => {
                *dot = true;
                Some(i + 1)
            }
            _ => None,
        })
        .last()
        .unwrap_or(0);
    let v: f64 = t[..end].parse().unwrap_or(0.0);
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(data: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(data, 16);
        std::iter::from_fn(|| l.next()).collect()
    }

    #[test]
    fn quote_operators_and_comments_before_indented_lines() {
        let t = tokens(b"BT % a comment\n   (a\\)b) ' 1 2 (c) \" ET");
        assert_eq!(
            t,
            [
                Token::Operator(b"BT"),
                Token::Operand(Operand::Str(b"a)b".to_vec())),
                Token::Operator(b"'"),
                Token::Operand(Operand::Number(1.0)),
                Token::Operand(Operand::Number(2.0)),
                Token::Operand(Operand::Str(b"c".to_vec())),
                Token::Operator(b"\""),
                Token::Operator(b"ET"),
            ]
        );
    }

    #[test]
    fn tj_arrays_and_inline_images() {
        let t = tokens(b"[(A)-250<0042>] TJ BI /W 1 ID \x00EI\xff EI Q");
        assert_eq!(
            t,
            [
                Token::Operand(Operand::Array(vec![
                    Operand::Str(b"A".to_vec()),
                    Operand::Number(-250.0),
                    Operand::Str(vec![0, b'B']),
                ])),
                Token::Operator(b"TJ"),
                Token::Operator(b"Q"),
            ]
        );
    }

    #[test]
    fn deep_nesting_is_a_token_not_a_stack_overflow() {
        let mut data = vec![b'['; 100_000];
        data.extend(b" (x) Tj");
        assert_eq!(tokens(&data)[0], Token::TooDeep);
        let mut dict = b"<<".repeat(100_000);
        dict.extend(b" BDC");
        assert_eq!(tokens(&dict)[0], Token::TooDeep);
    }

    #[test]
    fn matrices_compose_like_pdf() {
        let m = mul(
            &[2.0, 0.0, 0.0, 2.0, 10.0, 0.0],
            &[1.0, 0.0, 0.0, 1.0, 5.0, 7.0],
        );
        assert_eq!(m, [2.0, 0.0, 0.0, 2.0, 15.0, 7.0]);
        assert_eq!(lenient_number("--5"), Some(-5.0));
    }
}
