//! Scoring the rules against article-level gold labels (ToTA `article_identifier`
//! = a provision's `source_id`): precision, recall and F1 per category. Every
//! article of a listed agreement without a gold line is a negative.

use crate::rules::RuleSet;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Debug, Deserialize)]
struct GoldLine {
    tota_id: u32,
    article_id: String,
    labels: Vec<String>,
}

/// Counts for one category, over articles (or over agreements in `agreement_scores`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// The category scored (`cultural_exception`, `ecommerce`…).
    pub category: String,
    /// Units the gold labels put in the category.
    pub gold: usize,
    /// Units both the rules and the gold put in the category.
    pub true_positives: usize,
    /// Units the rules put in the category and the gold does not.
    pub false_positives: usize,
    /// Units the gold puts in the category and the rules miss.
    pub false_negatives: usize,
}

impl Score {
    /// TP / (TP + FP); 1.0 when the rules flagged nothing.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    /// TP / (TP + FN); 1.0 when the gold has nothing in the category.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    /// Harmonic mean of precision and recall; 0.0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// One article where rules and gold disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// ToTA id of the agreement (`pta_<id>.xml`).
    pub tota_id: u32,
    /// The article's ToTA `article_identifier`.
    pub source_id: String,
    /// The category they disagree on.
    pub category: String,
    /// "false_positive" or "false_negative".
    pub kind: &'static str,
    /// The article as a reader would cite it ("Article 14.2 (Scope)").
    pub article: String,
}

/// The result of [`evaluate`]: scores per category, and every disagreement to read.
#[derive(Debug, Default, Serialize)]
pub struct Evaluation {
    /// Agreements scored (every id of the agreements list).
    pub agreements: usize,
    /// Articles scored: provisions with a ToTA `article_identifier`, each id once.
    pub articles: usize,
    /// Article-level scores, one per catalogue category, in catalogue order.
    pub scores: Vec<Score>,
    /// The same, one unit per agreement: positive when any of its articles is
    /// (what a corpus matrix row says).
    pub agreement_scores: Vec<Score>,
    /// Every article and category where rules and gold disagree, agreement by agreement.
    pub disagreements: Vec<Disagreement>,
}

type Labels = BTreeMap<String, BTreeSet<String>>;

/// One agreement's predictions and its articles (`source_id`, label).
type Predicted = (u32, Labels, Vec<(String, String)>);

/// Scores `rules` on the agreements listed in `agreements_tsv` (first column:
/// ToTA id), read from `corpus/pta_<id>.xml`.
pub fn evaluate(
    rules: &RuleSet,
    gold: &Path,
    agreements_tsv: &Path,
    corpus: &Path,
) -> anyhow::Result<Evaluation> {
    let categories: Vec<String> = rules
        .catalogue()
        .categories()
        .iter()
        .map(|c| c.category.to_string())
        .collect();
    let gold_labels = read_gold(gold, &categories)?;
    let ids = read_agreement_ids(agreements_tsv)?;
    let per_agreement: Vec<Predicted> = ids
        .par_iter()
        .map(|&id| predict(rules, &corpus.join(format!("pta_{id}.xml"))).map(|(p, t)| (id, p, t)))
        .collect::<anyhow::Result<_>>()?;
    let blank_scores = || -> Vec<Score> {
        categories
            .iter()
            .map(|c| Score {
                category: c.to_string(),
                ..Score::default()
            })
            .collect()
    };
    let mut eval = Evaluation {
        agreements: per_agreement.len(),
        scores: blank_scores(),
        agreement_scores: blank_scores(),
        ..Evaluation::default()
    };
    for (id, predicted, articles) in per_agreement {
        eval.articles += articles.len();
        let empty = Labels::new();
        let gold = gold_labels.get(&id).unwrap_or(&empty);
        for score in &mut eval.agreement_scores {
            let c = &score.category;
            let want = gold.values().any(|l| l.contains(c));
            let got = predicted.values().any(|l| l.contains(c));
            score.gold += usize::from(want);
            score.true_positives += usize::from(want && got);
            score.false_positives += usize::from(!want && got);
            score.false_negatives += usize::from(want && !got);
        }
        for (source_id, label) in &articles {
            let no_labels = BTreeSet::new();
            let want = gold.get(source_id).unwrap_or(&no_labels);
            let got = predicted.get(source_id).unwrap_or(&no_labels);
            for score in &mut eval.scores {
                let c = &score.category;
                let kind = match (want.contains(c), got.contains(c)) {
                    (true, true) => {
                        score.true_positives += 1;
                        None
                    }
                    (false, true) => {
                        score.false_positives += 1;
                        Some("false_positive")
                    }
                    (true, false) => {
                        score.false_negatives += 1;
                        Some("false_negative")
                    }
                    (false, false) => None,
                };
                score.gold += usize::from(want.contains(c));
                if let Some(kind) = kind {
                    eval.disagreements.push(Disagreement {
                        tota_id: id,
                        source_id: source_id.clone(),
                        category: c.clone(),
                        kind,
                        article: label.clone(),
                    });
                }
            }
        }
    }
    Ok(eval)
}

/// Categories found per `source_id`, and every provision with a `source_id` (with its label).
fn predict(rules: &RuleSet, path: &Path) -> anyhow::Result<(Labels, Vec<(String, String)>)> {
    let agreement = crate::source::load_with(path, crate::provision::Paragraphs::Deferred)?;
    let mut labels = Labels::new();
    for f in rules.check(&agreement) {
        if let Some(id) = f.provision.source_id.clone() {
            labels.entry(id).or_default().insert(f.category.to_string());
        }
    }
    // a ToTA article may come out as several provisions; it is scored once
    let mut seen = BTreeSet::new();
    let articles = agreement
        .walk()
        .filter_map(|p| Some((p.source_id.clone()?, p.label())))
        .filter(|(id, _)| seen.insert(id.clone()))
        .collect();
    Ok((labels, articles))
}

fn read_gold(path: &Path, categories: &[String]) -> anyhow::Result<BTreeMap<u32, Labels>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut gold: BTreeMap<u32, Labels> = BTreeMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let g: GoldLine = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), n + 1))?;
        for l in &g.labels {
            if !categories.contains(l) {
                anyhow::bail!("{}:{}: unknown category `{l}`", path.display(), n + 1);
            }
        }
        gold.entry(g.tota_id)
            .or_default()
            .entry(g.article_id)
            .or_default()
            .extend(g.labels);
    }
    Ok(gold)
}

fn read_agreement_ids(path: &Path) -> anyhow::Result<Vec<u32>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split('\t').next()?.trim().parse().ok())
        .collect())
}

/// The tables printed by `treatyscan eval`: per article, then per agreement.
pub fn render_table(eval: &Evaluation) -> String {
    let mut out = format!(
        "{} agreements, {} articles\n",
        eval.agreements, eval.articles
    );
    out.push_str("\nper article\n");
    out.push_str(&score_table(&eval.scores));
    out.push_str("\nper agreement (positive when any article is)\n");
    out.push_str(&score_table(&eval.agreement_scores));
    out
}

fn score_table(scores: &[Score]) -> String {
    let mut out = format!(
        "{:<28} {:>5} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}\n",
        "category", "gold", "tp", "fp", "fn", "P", "R", "F1"
    );
    // a ratio over nothing is not a score: "n/a", not the 1.000 that the
    // figures default to (a category with no gold label and no finding)
    let value = |v: f64, over: usize| {
        if over == 0 {
            "n/a".to_string()
        } else {
            format!("{v:.3}")
        }
    };
    let mut unscored = false;
    for s in scores {
        let flagged = s.true_positives + s.false_positives;
        let labelled = s.true_positives + s.false_negatives;
        unscored |= flagged == 0 && labelled == 0;
        out.push_str(&format!(
            "{:<28} {:>5} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}\n",
            s.category,
            s.gold,
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            value(s.precision(), flagged),
            value(s.recall(), labelled),
            value(s.f1(), flagged + labelled)
        ));
    }
    if unscored {
        out.push_str("n/a: no gold label and no finding in the category, nothing to score\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(category: &str, tp: usize, fp: usize, fn_: usize) -> Score {
        Score {
            category: category.into(),
            gold: tp + fn_,
            true_positives: tp,
            false_positives: fp,
            false_negatives: fn_,
        }
    }

    /// A category with no gold label and no finding has nothing to score:
    /// the table says so rather than printing a perfect 1.000.
    #[test]
    fn a_ratio_over_nothing_is_not_a_score() {
        let table = score_table(&[
            score("guidelines_reference", 0, 0, 0),
            score("cultural_exception", 62, 3, 1),
            score("ecommerce_cultural", 0, 2, 0),
        ]);
        let line = |c: &str| {
            table
                .lines()
                .find(|l| l.starts_with(c))
                .unwrap()
                .to_string()
        };
        let unscored = line("guidelines_reference");
        assert!(unscored.ends_with("   n/a    n/a    n/a"), "{unscored}");
        assert!(
            line("cultural_exception").ends_with(" 0.954  0.984  0.969"),
            "{table}"
        );
        // findings with no gold label: precision 0, recall over nothing
        assert!(
            line("ecommerce_cultural").ends_with(" 0.000    n/a  0.000"),
            "{table}"
        );
        assert!(
            table.contains("n/a: no gold label and no finding"),
            "{table}"
        );
    }
}
