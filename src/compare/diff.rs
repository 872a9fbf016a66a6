//! The word diff inside one aligned pair, on case-sensitive token keys: layout
//! never shows up as a change (see `tokens`), a changed word always does.

use super::tokens::Token;
use serde::Serialize;
use similar::{capture_diff_slices_deadline, diff_ratio, Algorithm, DiffOp};
use std::time::{Duration, Instant};

/// What a run of words is in the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in A (struck through in reports).
    Delete,
    /// Only in B (underlined in reports).
    Insert,
}

/// A run of words. Concatenating the `equal` and `delete` runs gives A's text,
/// the `equal` and `insert` runs B's, each with a single space for any
/// whitespace, or a newline where a paragraph starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Whether the run is in both texts, only A's or only B's.
    pub op: Op,
    /// The words as printed, each with the space or newline before it (none before the text's
    /// first).
    pub text: String,
}

/// The word diff of one pair.
pub struct WordDiff {
    /// Runs in text order; adjacent runs never share an op.
    pub segments: Vec<Segment>,
    /// Some token differs (case counts, layout does not).
    pub changed: bool,
    /// `similar`'s ratio over the token keys, 0..=1 (1.0 when unchanged).
    pub ratio: f32,
}

/// Long articles that are mostly rewritten must not stall the whole comparison:
/// past this, `similar` returns a coarser (still correct) diff.
const DEADLINE: Duration = Duration::from_millis(50);

/// Diffs two token lists on their case-sensitive keys (histogram algorithm, coarser past
/// a 50 ms deadline).
pub fn word_diff(old: &[Token], new: &[Token]) -> WordDiff {
    let x: Vec<u64> = old.iter().map(|t| t.key).collect();
    let y: Vec<u64> = new.iter().map(|t| t.key).collect();
    if x == y {
        return WordDiff {
            segments: whole(Op::Equal, old),
            changed: false,
            ratio: 1.0,
        };
    }
    let ops = capture_diff_slices_deadline(
        Algorithm::Histogram,
        &x,
        &y,
        Some(Instant::now() + DEADLINE),
    );
    let mut segments = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal { old_index, len, .. } => {
                push(&mut segments, Op::Equal, old, old_index, len)
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(&mut segments, Op::Delete, old, old_index, old_len),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(&mut segments, Op::Insert, new, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(&mut segments, Op::Delete, old, old_index, old_len);
                push(&mut segments, Op::Insert, new, new_index, new_len);
            }
        }
    }
    WordDiff {
        segments,
        changed: true,
        ratio: diff_ratio(&ops, x.len(), y.len()),
    }
}

/// The whole text as one run: an added or removed provision, or an unchanged one.
pub fn whole(op: Op, tokens: &[Token]) -> Vec<Segment> {
    let mut out = Vec::new();
    push(&mut out, op, tokens, 0, tokens.len());
    out
}

fn push(segments: &mut Vec<Segment>, op: Op, tokens: &[Token], start: usize, len: usize) {
    if len == 0 {
        return;
    }
    let mut text = String::new();
    for (k, t) in tokens[start..start + len].iter().enumerate() {
        // The space before a run belongs to the run, so runs concatenate back
        // into readable text; the very first word of a text has none.
        if t.break_before && (start + k > 0) {
            text.push('\n');
        } else if t.space_before && (start + k > 0) {
            text.push(' ');
        }
        text.push_str(&t.text);
    }
    match segments.last_mut() {
        Some(last) if last.op == op => last.text.push_str(&text),
        _ => segments.push(Segment { op, text }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tokens::tokenize;

    fn diff(a: &str, b: &str) -> WordDiff {
        word_diff(&tokenize(a), &tokenize(b))
    }

    #[test]
    fn reflowed_text_is_unchanged() {
        let d = diff(
            "Nothing in this Agree-\nment shall apply to cultural\n\n industries.",
            "Nothing in this Agreement shall apply to cultural industries.",
        );
        assert!(!d.changed);
        assert_eq!(d.ratio, 1.0);
    }

    #[test]
    fn changed_words_are_runs_that_rebuild_both_texts() {
        let d = diff(
            "Each Party shall endeavour to accept documents.",
            "Each Party shall accept electronic documents.",
        );
        assert!(d.changed);
        let side = |keep: Op| -> String {
            d.segments
                .iter()
                .filter(|s| s.op == Op::Equal || s.op == keep)
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(
            side(Op::Delete),
            "Each Party shall endeavour to accept documents."
        );
        assert_eq!(
            side(Op::Insert),
            "Each Party shall accept electronic documents."
        );
        assert!(d
            .segments
            .iter()
            .any(|s| s.op == Op::Delete && s.text.contains("endeavour")));
    }
}
