//! How cultural clauses, e-commerce chapters, Convention references and gaps
//! spread over time: a CSV and an SVG line chart for a paper.

use super::Row;
use plotters::coord::CoordTranslate;
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
/// ([`Row::year`]) are left out. `cultural_clauses` names the categories that count as a cultural clause.
pub fn by_year(rows: &[Row], cultural_clauses: &[&str]) -> Vec<YearRow> {
    let mut years: BTreeMap<i32, (YearRow, usize)> = BTreeMap::new();
    for r in rows {
        let Some(year) = r.year() else {
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

/// The fewest agreements a plotted period holds: with fewer, one agreement
/// swings a share by 20 points or more. Smaller periods are merged into the
/// next; a last period still smaller is drawn grey.
pub const MIN_AGREEMENTS: usize = 5;

/// One period of the `--by-year` table and chart: consecutive years of signature pooled.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Period {
    /// First year of the period.
    pub start: i32,
    /// Last year of the period (inclusive).
    pub end: i32,
    /// Agreements signed in the period (with a readable date).
    pub agreements: usize,
    /// Those with a finding in any cultural-clause category.
    pub with_cultural_clause: usize,
    /// Those with a finding in the `ecommerce` category.
    pub with_ecommerce: usize,
    /// Those with a finding in the `convention_reference` category.
    pub with_convention_reference: usize,
    /// Those with the `ecommerce_without_cultural_carveout` gap.
    pub with_ecommerce_carveout_gap: usize,
    /// `with_cultural_clause` as a percentage of `agreements` (one decimal).
    pub pct_cultural_clause: f64,
    /// `with_ecommerce` as a percentage of `agreements`.
    pub pct_ecommerce: f64,
    /// `with_convention_reference` as a percentage of `agreements`.
    pub pct_convention_reference: f64,
    /// `with_ecommerce_carveout_gap` as a percentage of `agreements`.
    pub pct_ecommerce_carveout_gap: f64,
    /// Mean number of gaps per agreement (two decimals).
    pub mean_gaps: f64,
    /// The period pools more than one `width`-year step (sparse early years merged).
    pub merged: bool,
    /// Fewer than [`MIN_AGREEMENTS`] agreements even so: its shares are not to be read as a
    /// trend (grey in the chart).
    pub few: bool,
    /// The corpus ends before the period does (its last agreement is from before `end`).
    pub partial: bool,
    /// The latest year of the period that has an agreement.
    pub data_until: i32,
}

/// Pools the years into `width`-year periods aligned on multiples of `width` (2000–2004,
/// 2005–2009 for 5), merging a period of fewer than [`MIN_AGREEMENTS`] agreements into the
/// next; a last period still smaller stays alone and is marked `few`. The last period is
/// `partial` when the corpus's latest year falls before its end. `width` 0 counts as 1.
pub fn periods(years: &[YearRow], width: i32) -> Vec<Period> {
    let width = width.max(1);
    let Some(last_year) = years.last().map(|y| y.year) else {
        return Vec::new();
    };
    let mut out: Vec<Period> = Vec::new();
    let mut open: Option<(Period, usize, f64)> = None; // period, steps, gap sum
    let step_of = |y: i32| y - y.rem_euclid(width);
    let mut k = 0;
    while k < years.len() {
        let start = step_of(years[k].year);
        let (mut p, steps, mut gaps) = open.take().unwrap_or_else(|| {
            (
                Period {
                    start,
                    ..Default::default()
                },
                0,
                0.0,
            )
        });
        while k < years.len() && step_of(years[k].year) == start {
            let y = &years[k];
            p.agreements += y.agreements;
            p.with_cultural_clause += y.with_cultural_clause;
            p.with_ecommerce += y.with_ecommerce;
            p.with_convention_reference += y.with_convention_reference;
            p.with_ecommerce_carveout_gap += y.with_ecommerce_carveout_gap;
            gaps += y.mean_gaps * y.agreements as f64;
            p.data_until = y.year;
            k += 1;
        }
        p.end = start + width - 1;
        if p.agreements >= MIN_AGREEMENTS || k == years.len() {
            p.merged = steps > 0;
            out.push(finish(p, gaps, last_year));
        } else {
            open = Some((p, steps + 1, gaps));
        }
    }
    out
}

fn finish(mut p: Period, gaps: f64, last_year: i32) -> Period {
    let n = p.agreements.max(1) as f64;
    let pct = |x: usize| (1000.0 * x as f64 / n).round() / 10.0;
    p.pct_cultural_clause = pct(p.with_cultural_clause);
    p.pct_ecommerce = pct(p.with_ecommerce);
    p.pct_convention_reference = pct(p.with_convention_reference);
    p.pct_ecommerce_carveout_gap = pct(p.with_ecommerce_carveout_gap);
    p.mean_gaps = (100.0 * gaps / n).round() / 100.0;
    p.few = p.agreements < MIN_AGREEMENTS;
    p.partial = last_year < p.end;
    p
}

impl Period {
    /// "2000–2004", or "2020–2024 (partial)".
    pub fn label(&self) -> String {
        let mut s = if self.start == self.end {
            self.start.to_string()
        } else {
            format!("{}–{}", self.start, self.end)
        };
        if self.partial {
            s.push_str(" (partial)");
        }
        s
    }

    /// [`Period::label`] with "partial" in `locale`'s language, for people.
    pub fn label_in(&self, locale: &crate::locale::Locale) -> String {
        let english = self.label();
        match english.strip_suffix(" (partial)") {
            Some(years) => format!("{years} ({})", locale.t("chart-partial")),
            None => english,
        }
    }
}

/// The CSV columns of the period table, in order.
const COLUMNS: [&str; 17] = [
    "period",
    "start",
    "end",
    "agreements",
    "with_cultural_clause",
    "with_ecommerce",
    "with_convention_reference",
    "with_ecommerce_carveout_gap",
    "pct_cultural_clause",
    "pct_ecommerce",
    "pct_convention_reference",
    "pct_ecommerce_carveout_gap",
    "mean_gaps",
    "merged",
    "few",
    "partial",
    "data_until",
];

/// Writes the periods as CSV: a header line, then one line per period; the period label is
/// quoted text, counts and percentages unquoted numbers, flags `true`/`false`.
pub fn write_periods_csv(out: &mut dyn Write, periods: &[Period]) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    for p in periods {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{:.1},{:.1},{:.1},{:.1},{:.2},{},{},{},{}",
            super::output::quoted(&p.label()),
            p.start,
            p.end,
            p.agreements,
            p.with_cultural_clause,
            p.with_ecommerce,
            p.with_convention_reference,
            p.with_ecommerce_carveout_gap,
            p.pct_cultural_clause,
            p.pct_ecommerce,
            p.pct_convention_reference,
            p.pct_ecommerce_carveout_gap,
            p.mean_gaps,
            p.merged,
            p.few,
            p.partial,
            p.data_until
        )?;
    }
    Ok(())
}

/// Writes the periods as JSON Lines: one flat object per period, the fields of [`Period`]
/// plus `period` (the label).
pub fn write_periods_jsonl(out: &mut dyn Write, periods: &[Period]) -> io::Result<()> {
    for p in periods {
        let mut v = serde_json::to_value(p)?;
        v["period"] = serde_json::Value::String(p.label());
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the periods as an aligned terminal table (shares in %).
pub fn write_periods_table(
    out: &mut dyn Write,
    periods: &[Period],
    locale: &crate::locale::Locale,
) -> io::Result<()> {
    // each column a space wider than its heading in the language asked for,
    // so that two headings never read as one ("convention  no carve-out")
    let headings = [
        "periods-period",
        "periods-agreements",
        "periods-cultural",
        "periods-ecommerce",
        "periods-convention",
        "periods-uncarved",
        "periods-mean-gaps",
    ]
    .map(|id| locale.t(id));
    let widths: Vec<usize> = headings
        .iter()
        .zip([22, 10, 9, 11, 11, 12, 9])
        .map(|(h, least)| (h.chars().count() + 1).max(least))
        .collect();
    let mut line = format!("{:<w$}", headings[0], w = widths[0]);
    for (h, w) in headings.iter().zip(&widths).skip(1) {
        line.push_str(&format!(" {h:>w$}"));
    }
    writeln!(out, "{line}")?;
    for p in periods {
        let mut label = p.label_in(locale);
        if p.few {
            label.push_str(" *");
        }
        let mut line = format!(
            "{label:<w$} {:>w1$}",
            p.agreements,
            w = widths[0],
            w1 = widths[1]
        );
        for (share, w) in [
            p.pct_cultural_clause,
            p.pct_ecommerce,
            p.pct_convention_reference,
            p.pct_ecommerce_carveout_gap,
        ]
        .iter()
        .zip(&widths[2..6])
        {
            line.push_str(&format!(" {share:>w$.1}%", w = w - 1));
        }
        line.push_str(&format!(" {:>w$.2}", p.mean_gaps, w = widths[6]));
        writeln!(out, "{line}")?;
    }
    if periods.iter().any(|p| p.few) {
        writeln!(
            out,
            "{}",
            locale.tr("periods-few", &[("min", MIN_AGREEMENTS.into())])
        )?;
    }
    Ok(())
}

/// How a plotted line looks: legend, colour, dash (0 for solid), marker, and the share.
struct Series {
    /// The Fluent message of its legend.
    label: &'static str,
    color: RGBColor,
    dash: u32,
    marker: Marker,
    value: fn(&Period) -> f64,
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Triangle,
    Square,
    Cross,
}

const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const GREY: RGBColor = RGBColor(0x99, 0x99, 0x99);

/// The chart: the share of each period's agreements with each feature, one
/// line per feature (colour, dash and marker differ, so it reads in black and
/// white), points at the period's middle, the period's agreement count under
/// the axis, a period of fewer than five agreements grey, a partial last period
/// shaded and labelled. Its words are in `locale`'s language. Errors: no
/// period to plot, or the SVG file cannot be written (the reason, in words).
pub fn write_by_year_svg(
    path: &Path,
    periods: &[Period],
    locale: &crate::locale::Locale,
) -> Result<(), String> {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return Err(locale.t("chart-no-dates"));
    };
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let (x0, x1) = (first.start as f64, last.end as f64 + 1.0);
    let root = SVGBackend::new(path, (1000, 620)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            locale.t("chart-title"),
            ("sans-serif", 22).into_font().color(&INK),
        )
        .margin(18)
        .x_label_area_size(70)
        .y_label_area_size(70)
        .build_cartesian_2d(x0..x1, 0f64..105f64)
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(6)
        .y_label_formatter(&|v| format!("{v:.0} %"))
        .x_labels(0)
        .y_desc(locale.t("chart-y"))
        .axis_desc_style(("sans-serif", 16).into_font().color(&INK))
        .label_style(("sans-serif", 15).into_font().color(&INK))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xc8, 0xc8, 0xc8))
        .draw()
        .map_err(|e| err(&e))?;
    // a partial last period: shaded, and said so
    if last.partial {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(last.start as f64, 0.0), (last.end as f64 + 1.0, 100.0)],
                RGBColor(0xee, 0xee, 0xee).filled(),
            )))
            .map_err(|e| err(&e))?;
    }
    // period boundaries, labels and counts under the axis
    for p in periods {
        let style = ("sans-serif", 14)
            .into_font()
            .color(if p.few { &GREY } else { &INK });
        let mid = (p.start as f64 + p.end as f64 + 1.0) / 2.0;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(p.start as f64, 0.0), (p.start as f64, 100.0)],
                RGBColor(0xd0, 0xd0, 0xd0),
            )))
            .map_err(|e| err(&e))?;
        let mut label = if p.start == p.end {
            p.start.to_string()
        } else {
            format!("{}–{:02}", p.start, p.end % 100)
        };
        if p.partial {
            label.push('*');
        }
        // under the axis, in the label area: the period, then its count
        let (px, py) = chart.backend_coord(&(mid, 0.0));
        for (text, dy) in [(label, 16), (format!("n = {}", p.agreements), 34)] {
            root.draw(&Text::new(
                text,
                (px, py + dy),
                style.clone().pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Center,
                )),
            ))
            .map_err(|e| err(&e))?;
        }
    }
    if last.partial {
        let (px, py) =
            chart.backend_coord(&((last.start as f64 + last.end as f64 + 1.0) / 2.0, 100.0));
        root.draw(&Text::new(
            locale.t("chart-partial"),
            (px, py + 12),
            ("sans-serif", 14)
                .into_font()
                .color(&INK)
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Center,
                )),
        ))
        .map_err(|e| err(&e))?;
    }
    let series = [
        Series {
            label: "chart-cultural-clause",
            color: RGBColor(0x1b, 0x6e, 0x53),
            dash: 0,
            marker: Marker::Circle,
            value: |p| p.pct_cultural_clause,
        },
        Series {
            label: "chart-ecommerce",
            color: RGBColor(0xb3, 0x4a, 0x00),
            dash: 10,
            marker: Marker::Triangle,
            value: |p| p.pct_ecommerce,
        },
        Series {
            label: "chart-convention",
            color: RGBColor(0x4b, 0x47, 0x9c),
            dash: 4,
            marker: Marker::Square,
            value: |p| p.pct_convention_reference,
        },
        Series {
            label: "chart-ecommerce-uncarved",
            color: RGBColor(0xb0, 0x1a, 0x64),
            dash: 16,
            marker: Marker::Cross,
            value: |p| p.pct_ecommerce_carveout_gap,
        },
    ];
    let mid = |p: &Period| (p.start as f64 + p.end as f64 + 1.0) / 2.0;
    for s in &series {
        let color = s.color;
        // the line runs through the periods that hold enough agreements; a
        // few-agreement period is a grey point joined by a grey dotted line
        let solid: Vec<(f64, f64)> = periods
            .iter()
            .filter(|p| !p.few)
            .map(|p| (mid(p), (s.value)(p)))
            .collect();
        let style = color.stroke_width(3);
        if s.dash == 0 {
            chart
                .draw_series(LineSeries::new(solid.clone(), style))
                .map_err(|e| err(&e))?;
        } else {
            chart
                .draw_series(DashedLineSeries::new(solid.clone(), s.dash, 6, style))
                .map_err(|e| err(&e))?;
        }
        let area = chart.plotting_area();
        for p in periods {
            let c = if p.few { GREY } else { color };
            draw_marker(area, s.marker, (mid(p), (s.value)(p)), c)?;
        }
        let grey: Vec<(f64, f64)> = periods
            .windows(2)
            .filter(|w| w[1].few)
            .flat_map(|w| {
                [
                    (mid(&w[0]), (s.value)(&w[0])),
                    (mid(&w[1]), (s.value)(&w[1])),
                ]
            })
            .collect();
        if !grey.is_empty() {
            chart
                .draw_series(DashedLineSeries::new(grey, 2, 5, GREY.stroke_width(2)))
                .map_err(|e| err(&e))?;
        }
    }
    // the legend, drawn by hand: each entry's line with its dash and marker
    let (lx, ly) = (104, 62);
    root.draw(&Rectangle::new(
        [(lx, ly), (lx + 330, ly + 14 + 24 * series.len() as i32)],
        ShapeStyle::from(WHITE.mix(0.92)).filled(),
    ))
    .map_err(|e| err(&e))?;
    root.draw(&Rectangle::new(
        [(lx, ly), (lx + 330, ly + 14 + 24 * series.len() as i32)],
        INK.stroke_width(1),
    ))
    .map_err(|e| err(&e))?;
    for (k, s) in series.iter().enumerate() {
        let y = ly + 19 + 24 * k as i32;
        let (x, style) = (lx + 12, s.color.stroke_width(3));
        if s.dash == 0 {
            root.draw(&PathElement::new(vec![(x, y), (x + 40, y)], style))
                .map_err(|e| err(&e))?;
        } else {
            let d = s.dash.min(12) as i32;
            let mut at = x;
            while at < x + 40 {
                root.draw(&PathElement::new(
                    vec![(at, y), ((at + d).min(x + 40), y)],
                    style,
                ))
                .map_err(|e| err(&e))?;
                at += d + 5;
            }
        }
        draw_marker(&root, s.marker, (x + 20, y), s.color)?;
        root.draw(&Text::new(
            locale.t(s.label),
            (x + 52, y - 8),
            ("sans-serif", 15).into_font().color(&INK),
        ))
        .map_err(|e| err(&e))?;
    }
    let mut notes = vec![locale.tr("chart-merged", &[("min", MIN_AGREEMENTS.into())])];
    if last.partial {
        notes.push(locale.tr(
            "chart-partial-note",
            &[("date", last.data_until.to_string().into())],
        ));
    }
    for (k, note) in notes.iter().enumerate() {
        root.draw(&Text::new(
            note.clone(),
            (88, 598 - 17 * (notes.len() - 1 - k) as i32),
            ("sans-serif", 13).into_font().color(&INK),
        ))
        .map_err(|e| err(&e))?;
    }
    root.present().map_err(|e| err(&e))
}

/// Draws one marker, filled (a cross as strokes), on any drawing area.
fn draw_marker<DB: DrawingBackend, CT: CoordTranslate>(
    area: &DrawingArea<DB, CT>,
    marker: Marker,
    at: CT::From,
    color: RGBColor,
) -> Result<(), String>
where
    CT::From: Clone,
{
    let style = color.filled();
    let drawn = match marker {
        Marker::Circle => area.draw(&Circle::new(at, 5, style)),
        Marker::Triangle => area.draw(&TriangleMarker::new(at, 7, style)),
        Marker::Square => {
            area.draw(&(EmptyElement::at(at) + Rectangle::new([(-5, -5), (5, 5)], style)))
        }
        Marker::Cross => area.draw(&Cross::new(at, 5, color.stroke_width(3))),
    };
    drawn.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Coding, ProvisionRef};

    fn row(date: &str, cats: &[&str], gaps: &[&str]) -> Row {
        let mut coding = Coding::default();
        for c in cats {
            coding.categories.insert(
                c.to_string(),
                vec![ProvisionRef {
                    kind: crate::provision::Kind::Article,
                    number: Some("1".into()),
                    title: None,
                    path: "art1".into(),
                    source_id: None,
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

    fn years(spec: &[(i32, usize, usize)]) -> Vec<YearRow> {
        spec.iter()
            .map(|&(year, agreements, cultural)| YearRow {
                year,
                agreements,
                with_cultural_clause: cultural,
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn small_periods_merge_into_the_next_and_a_short_last_one_is_partial_and_few() {
        // 1990: 1 agreement, 1996: 2, 2001: 6, 2006: 5, 2011: 2 (corpus ends 2011)
        let ys = years(&[
            (1990, 1, 1),
            (1996, 2, 0),
            (2001, 6, 3),
            (2006, 5, 5),
            (2011, 2, 1),
        ]);
        let p = periods(&ys, 5);
        let spans: Vec<(i32, i32, usize)> =
            p.iter().map(|p| (p.start, p.end, p.agreements)).collect();
        assert_eq!(spans, [(1990, 2004, 9), (2005, 2009, 5), (2010, 2014, 2)]);
        assert!(p[0].merged && !p[0].few && !p[0].partial);
        assert!(
            (p[0].pct_cultural_clause - 44.4).abs() < 1e-9,
            "{}",
            p[0].pct_cultural_clause
        );
        assert!(!p[1].merged && !p[1].few);
        assert!(p[2].few && p[2].partial && p[2].data_until == 2011);
        assert_eq!(p[2].label(), "2010–2014 (partial)");
        // one row per year
        assert_eq!(
            periods(&ys, 1).len(),
            3,
            "1990+1996+2001 reach five, then 2006, then 2011"
        );
    }

    #[test]
    fn the_period_table_in_three_formats() {
        let p = periods(&years(&[(2001, 6, 3), (2006, 5, 5)]), 5);
        let mut csv = Vec::new();
        write_periods_csv(&mut csv, &p).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.starts_with("period,start,end,agreements,"), "{csv}");
        assert!(csv.contains("\n\"2000–2004\",2000,2004,6,3,"), "{csv}");
        let mut jsonl = Vec::new();
        write_periods_jsonl(&mut jsonl, &p).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(jsonl)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["period"], "2005–2009 (partial)");
        assert_eq!(lines[1]["pct_cultural_clause"], 100.0);
        assert!(lines
            .iter()
            .all(|l| l.as_object().unwrap().values().all(|v| !v.is_object())));
        let mut table = Vec::new();
        write_periods_table(&mut table, &p, english()).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(
            table.contains("2000–2004") && table.contains("50.0%"),
            "{table}"
        );
        // two headings never read as one
        let headings = table.lines().next().unwrap();
        assert!(
            headings.contains("convention  no carve-out  mean gaps"),
            "{headings}"
        );
    }

    #[test]
    fn the_chart_shows_counts_a_percent_axis_grey_few_and_the_partial_period() {
        let p = periods(&years(&[(2001, 6, 3), (2006, 7, 5), (2011, 2, 1)]), 5);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("by-year.svg");
        write_by_year_svg(&path, &p, english()).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg"));
        for text in [
            "n = 6",
            "n = 7",
            "n = 2",
            "100 %",
            "0 %",
            "partial",
            "2010–14*",
            "cultural clause",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        // the few-agreement period's markers are grey
        assert!(svg.contains("#999999"), "grey for the period of 2");
    }

    fn english() -> &'static crate::locale::Locale {
        crate::locale::Locale::of(crate::locale::Lang::En)
    }

    #[test]
    fn the_chart_speaks_the_language_asked_for() {
        let p = periods(&years(&[(2001, 6, 3), (2006, 7, 5), (2011, 2, 1)]), 5);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("por-periodo.svg");
        let spanish = crate::locale::Locale::of(crate::locale::Lang::Es);
        write_by_year_svg(&path, &p, spanish).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        for text in [
            "cláusula cultural",
            "parcial",
            "por período de firma",
            "n = 6",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(!svg.contains("cultural clause") && !svg.contains("partial"));
    }

    #[test]
    fn writes_an_svg_chart() {
        let rows = [
            row("2001-01-01", &["ecommerce"], &[]),
            row("2012-01-01", &["cultural_exception"], &[]),
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("by-year.svg");
        write_by_year_svg(
            &path,
            &periods(&by_year(&rows, &["cultural_exception"]), 5),
            english(),
        )
        .unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("polyline") && svg.contains("cultural clause"),
            "{}",
            &svg[..200.min(svg.len())]
        );
    }
}
