//! How cultural clauses, e-commerce chapters, Convention references and gaps
//! spread over time: a CSV and an SVG line chart for a paper.

use super::Row;
use plotters::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// The corpus counts for one year of signature: one line of the `--by-year` CSV.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct YearRow {
    /// Year of signature, from the first four characters of `date_signed`.
    pub year: i32,
    /// Agreements signed that year.
    pub agreements: usize,
    /// Those with a finding in any cultural-clause category (the catalogue's `cultural_clause`
    /// ones).
    pub with_cultural_clause: usize,
    /// Those with a finding in the `ecommerce` category.
    pub with_ecommerce: usize,
    /// Those with a finding in the `convention_reference` category (UNESCO 2005 Convention).
    pub with_convention_reference: usize,
    /// Those with the `ecommerce_without_cultural_carveout` gap.
    pub with_ecommerce_carveout_gap: usize,
    /// Mean number of gaps per agreement that year.
    pub mean_gaps: f64,
}

/// Counts the rows by year of signature, in ascending years; rows without a readable year
/// are left out. `cultural_clauses` names the categories that count as a cultural clause.
pub fn by_year(rows: &[Row], cultural_clauses: &[&str]) -> Vec<YearRow> {
    let mut years: BTreeMap<i32, (YearRow, usize)> = BTreeMap::new();
    for r in rows {
        let Some(year) = r
            .date_signed
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
        else {
            continue;
        };
        let (y, gaps) = years.entry(year).or_insert_with(|| {
            (
                YearRow {
                    year,
                    ..Default::default()
                },
                0,
            )
        });
        let has = |c: &str| r.coding.categories.get(c).is_some_and(|v| !v.is_empty());
        y.agreements += 1;
        y.with_cultural_clause += usize::from(cultural_clauses.iter().any(|c| has(c)));
        y.with_ecommerce += usize::from(has("ecommerce"));
        y.with_convention_reference += usize::from(has("convention_reference"));
        y.with_ecommerce_carveout_gap += usize::from(
            r.coding
                .gaps
                .iter()
                .any(|g| g == "ecommerce_without_cultural_carveout"),
        );
        *gaps += r.coding.gaps.len();
    }
    years
        .into_values()
        .map(|(mut y, gaps)| {
            y.mean_gaps = gaps as f64 / y.agreements.max(1) as f64;
            y
        })
        .collect()
}

/// Writes the years as CSV, a header line first; `mean_gaps` with two decimals.
pub fn write_by_year_csv(out: &mut dyn Write, years: &[YearRow]) -> io::Result<()> {
    writeln!(out, "year,agreements,with_cultural_clause,with_ecommerce,with_convention_reference,with_ecommerce_carveout_gap,mean_gaps")?;
    for y in years {
        writeln!(
            out,
            "{},{},{},{},{},{},{:.2}",
            y.year,
            y.agreements,
            y.with_cultural_clause,
            y.with_ecommerce,
            y.with_convention_reference,
            y.with_ecommerce_carveout_gap,
            y.mean_gaps
        )?;
    }
    Ok(())
}

/// A plotted line: its legend, colour, and the count it shows.
type Series = (&'static str, RGBColor, fn(&YearRow) -> usize);

/// Years with one or two agreements make a yearly share jump between 0 and
/// 100%; the chart pools five-year periods so that the trend reads.
const PERIOD: i32 = 5;

fn pooled(years: &[YearRow]) -> Vec<YearRow> {
    let mut out: Vec<YearRow> = Vec::new();
    for y in years {
        let start = y.year - y.year.rem_euclid(PERIOD);
        if out.last().is_none_or(|p| p.year != start) {
            out.push(YearRow {
                year: start,
                ..Default::default()
            });
        }
        let p = out.last_mut().expect("pushed above");
        p.agreements += y.agreements;
        p.with_cultural_clause += y.with_cultural_clause;
        p.with_ecommerce += y.with_ecommerce;
        p.with_convention_reference += y.with_convention_reference;
        p.with_ecommerce_carveout_gap += y.with_ecommerce_carveout_gap;
    }
    out
}

/// Share of each five-year period's agreements with each feature, one line per
/// feature, points at the period's middle year.
pub fn write_by_year_svg(path: &Path, years: &[YearRow]) -> Result<(), String> {
    let periods = pooled(years);
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return Err("no agreement has a signature date: nothing to plot".into());
    };
    let root = SVGBackend::new(path, (900, 520)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "Cultural and e-commerce provisions in trade agreements",
            ("sans-serif", 20),
        )
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(first.year..last.year + PERIOD, 0f64..100f64)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc(format!(
            "year signed ({PERIOD}-year periods; n = agreements in the period)"
        ))
        .y_desc("% of agreements signed in the period")
        .draw()
        .map_err(|e| e.to_string())?;
    let series: [Series; 4] = [
        ("cultural clause", RGBColor(0x1b, 0x9e, 0x77), |y| {
            y.with_cultural_clause
        }),
        ("e-commerce provisions", RGBColor(0xd9, 0x5f, 0x02), |y| {
            y.with_ecommerce
        }),
        (
            "reference to the 2005 Convention",
            RGBColor(0x75, 0x70, 0xb3),
            |y| y.with_convention_reference,
        ),
        (
            "e-commerce without cultural carve-out",
            RGBColor(0xe7, 0x29, 0x8a),
            |y| y.with_ecommerce_carveout_gap,
        ),
    ];
    for (label, color, value) in series {
        let points: Vec<(i32, f64)> = periods
            .iter()
            .map(|p| {
                (
                    p.year + PERIOD / 2,
                    100.0 * value(p) as f64 / p.agreements.max(1) as f64,
                )
            })
            .collect();
        chart
            .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))
            .map_err(|e| e.to_string())?
            .label(label)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
            });
        chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 3, color.filled())))
            .map_err(|e| e.to_string())?;
    }
    chart
        .draw_series(periods.iter().map(|p| {
            Text::new(
                format!("n={}", p.agreements),
                (p.year + 1, 97.0),
                ("sans-serif", 11).into_font().color(&BLACK.mix(0.6)),
            )
        }))
        .map_err(|e| e.to_string())?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::Coordinate(70, 60))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleRef, Coding};

    fn row(date: &str, cats: &[&str], gaps: &[&str]) -> Row {
        let mut coding = Coding::default();
        for c in cats {
            coding.categories.insert(
                c.to_string(),
                vec![ArticleRef {
                    path: "art1".into(),
                    number: Some("1".into()),
                }],
            );
        }
        coding.gaps = gaps.iter().map(|g| g.to_string()).collect();
        Row {
            file: "f".into(),
            name: None,
            date_signed: Some(date.into()),
            parties: vec![],
            language: None,
            articles: 3,
            coding,
        }
    }

    #[test]
    fn counts_agreements_per_year() {
        let rows = [
            row(
                "2005-01-01",
                &["cultural_exception"],
                &["missing_convention_reference"],
            ),
            row(
                "2005-06-01",
                &["ecommerce"],
                &[
                    "ecommerce_without_cultural_carveout",
                    "missing_policy_space",
                ],
            ),
            row(
                "2010-01-01",
                &["convention_reference", "cultural_cooperation"],
                &[],
            ),
        ];
        let years = by_year(&rows, &["cultural_exception", "cultural_cooperation"]);
        assert_eq!(years.len(), 2);
        assert_eq!(
            (
                years[0].year,
                years[0].agreements,
                years[0].with_cultural_clause,
                years[0].with_ecommerce
            ),
            (2005, 2, 1, 1)
        );
        assert_eq!(years[0].with_ecommerce_carveout_gap, 1);
        assert!((years[0].mean_gaps - 1.5).abs() < 1e-9);
        assert_eq!(
            (
                years[1].with_convention_reference,
                years[1].with_cultural_clause
            ),
            (1, 1)
        );
    }

    #[test]
    fn writes_an_svg_chart() {
        let rows = [
            row("2001-01-01", &["ecommerce"], &[]),
            row("2012-01-01", &["cultural_exception"], &[]),
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("by-year.svg");
        write_by_year_svg(&path, &by_year(&rows, &["cultural_exception"])).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("polyline") && svg.contains("cultural clause"),
            "{}",
            &svg[..200.min(svg.len())]
        );
    }
}
