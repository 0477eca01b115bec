//! The trends chart as SVG, drawn here (no chart library): its geometry
//! (margins, x positions, when to rotate the x labels, a round y scale) and
//! its marks. Sizes are in pixels; the viewBox matches the element, so text
//! keeps its size on any screen: the page sends the width it has for the
//! view with the request (`Context::width`), and asks again when it changes.

use super::data::Chart;
use crate::views::axis::axis_unit;
use csto_core::panel::{el, Attr, Element, Node, Tag};
use csto_core::util::decimal::{fixed, plural_thousands, trimmed};
use csto_core::view::{Axis, Scale};

/// Distinct series colours (`series-0` … `series-7` in research.css); further
/// series reuse them with a dashed line.
const COLORS: usize = 8;

/// The narrowest and the widest chart; the container's width is clamped to
/// these.
const MIN_WIDTH: f64 = 280.0;
const MAX_WIDTH: f64 = 1100.0;
/// Charts narrower than this (phones) get a lower plot.
const NARROW: f64 = 520.0;
/// The chart's height above the room for the x labels (top margin and
/// plot), on a narrow and on a wider chart.
const HEIGHT_NARROW: f64 = 240.0;
const HEIGHT_WIDE: f64 = 300.0;

/// Room left of the y axis for its tick labels (more when a rotated first x
/// label needs it).
const MARGIN_LEFT: f64 = 46.0;
/// Room right of the plot, so the last point and label are not cut.
const MARGIN_RIGHT: f64 = 18.0;
/// Room above the plot for the axis title.
const MARGIN_TOP: f64 = 26.0;
/// Room below the x axis for horizontal labels.
const MARGIN_BOTTOM: f64 = 30.0;
/// On a year axis, how far the first and last years sit inside the plot, so
/// their points are not drawn on the axes.
const YEAR_INSET: f64 = 18.0;

/// The labels' font size (`svg.trend-chart` in research.css).
const FONT: f64 = 12.0;
/// A character's average width in that font, as a share of its size.
const CHAR_WIDTH: f64 = 0.58;
/// The least space between neighbouring x labels; closer, they are rotated
/// (by 35°, see [`x_axis`]).
const LABEL_GAP: f64 = 8.0;
/// How far a label rotated by 35° reaches left of its tick, per pixel of
/// its width (cos 35° ≈ 0.82).
const ROTATED_REACH: f64 = 0.82;
/// How far it reaches below the axis, per pixel of its width (sin 35° ≈
/// 0.57, rounded up), and the room added under it.
const ROTATED_DEPTH: f64 = 0.6;
const ROTATED_BOTTOM: f64 = 24.0;
/// Space kept left of a rotated first label.
const ROTATED_PAD: f64 = 4.0;

/// Length of a tick mark under the x axis.
const TICK: f64 = 5.0;
/// Space between a y tick label and the axis.
const Y_LABEL_GAP: f64 = 6.0;
/// Baseline of an x label below the axis: horizontal, rotated.
const X_LABEL_DROP: f64 = 18.0;
const X_LABEL_DROP_ROTATED: f64 = 14.0;
/// About how many intervals the y axis is divided into.
const Y_INTERVALS: f64 = 4.0;

/// A round step for about `target` intervals up to `max`: 1, 2, 2.5 or 5 × 10ⁿ.
fn nice_step(max: f64, target: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / target;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * mag
}

/// A tick label: no trailing zeros, at most two decimals.
fn tick_label(v: f64) -> String {
    trimmed(v, 2)
}

/// An SVG coordinate: a tenth of a pixel is finer than any screen needs.
fn px(v: f64) -> String {
    trimmed(v, 1)
}

/// The classes of series `i`: its colour, dashed once colours repeat.
fn series_class(i: usize) -> String {
    let alt = if i >= COLORS { " alt" } else { "" };
    format!("series series-{}{alt}", i % COLORS)
}

/// Rough width of a label in pixels.
fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * FONT * CHAR_WIDTH
}

/// Where everything goes, for a chart `w` pixels wide.
struct Layout {
    w: f64,
    h: f64,
    left: f64,
    /// The x axis' y.
    base: f64,
    plot_h: f64,
    /// Each column's x.
    xs: Vec<f64>,
    /// Whether the x labels are rotated (they would overlap otherwise).
    rotate: bool,
}

/// Each column's x for a plot starting at `left`: years to scale, statements
/// evenly spaced.
fn positions(chart: &Chart, w: f64, left: f64) -> Vec<f64> {
    let plot_w = w - left - MARGIN_RIGHT;
    let n = chart.columns.len();
    match chart.axis {
        Axis::Year => {
            let (lo, hi) = (
                chart.columns.first().map_or(0, |c| c.year) as f64,
                chart.columns.last().map_or(0, |c| c.year) as f64,
            );
            chart
                .columns
                .iter()
                .map(|c| {
                    if hi > lo {
                        left + YEAR_INSET
                            + (c.year as f64 - lo) / (hi - lo) * (plot_w - 2.0 * YEAR_INSET)
                    } else {
                        left + plot_w / 2.0
                    }
                })
                .collect()
        }
        Axis::Statement => (0..n)
            .map(|i| left + (i as f64 + 0.5) * plot_w / n.max(1) as f64)
            .collect(),
    }
}

fn layout(chart: &Chart, width: f64) -> Layout {
    let w = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let mut left = MARGIN_LEFT;
    let mut xs = positions(chart, w, left);
    let min_gap = xs
        .windows(2)
        .map(|p| p[1] - p[0])
        .fold(f64::INFINITY, f64::min);
    let widest = chart
        .columns
        .iter()
        .map(|c| text_width(&c.label))
        .fold(0.0, f64::max);
    let rotate = min_gap < widest + LABEL_GAP;
    if rotate {
        // Make room for the first label, which reaches left of its tick.
        let reach = chart
            .columns
            .first()
            .map_or(0.0, |c| text_width(&c.label) * ROTATED_REACH);
        let short = reach + ROTATED_PAD - xs.first().copied().unwrap_or(left);
        if short > 0.0 {
            left += short;
            xs = positions(chart, w, left);
        }
    }
    let bottom = if rotate {
        widest * ROTATED_DEPTH + ROTATED_BOTTOM
    } else {
        MARGIN_BOTTOM
    };
    let h = (if w < NARROW {
        HEIGHT_NARROW
    } else {
        HEIGHT_WIDE
    }) + bottom;
    let plot_h = h - MARGIN_TOP - bottom;
    Layout {
        w,
        h,
        left,
        base: MARGIN_TOP + plot_h,
        plot_h,
        xs,
        rotate,
    }
}

/// The y axis: from 0 to a round maximum at or above the highest value.
struct YScale {
    step: f64,
    max: f64,
    ticks: usize,
}

impl YScale {
    fn new(chart: &Chart) -> YScale {
        let max = chart
            .lines
            .iter()
            .flat_map(|l| l.values.iter().map(|v| v.plotted))
            .fold(0.0, f64::max);
        let step = nice_step(max, Y_INTERVALS);
        let y_max = ((max / step).ceil() * step).max(step);
        YScale {
            step,
            max: y_max,
            ticks: (y_max / step).round() as usize,
        }
    }

    /// The y of value `v`.
    fn y(&self, layout: &Layout, v: f64) -> f64 {
        layout.base - v / self.max * layout.plot_h
    }
}

fn y_axis(layout: &Layout, scale: &YScale) -> Vec<Node> {
    let left = layout.left;
    (0..=scale.ticks)
        .map(|i| {
            let v = i as f64 * scale.step;
            let yy = scale.y(layout, v);
            el(Tag::G)
                .class("tick y")
                .child(
                    el(Tag::Line)
                        .class("grid")
                        .attr(Attr::X1, px(left))
                        .attr(Attr::X2, px(layout.w - MARGIN_RIGHT))
                        .attr(Attr::Y1, px(yy))
                        .attr(Attr::Y2, px(yy)),
                )
                .child(
                    el(Tag::Text)
                        .attr(Attr::X, px(left - Y_LABEL_GAP))
                        .attr(Attr::Y, px(yy))
                        .attr(Attr::TextAnchor, "end")
                        .attr(Attr::DominantBaseline, "middle")
                        .text(tick_label(v)),
                )
                .into()
        })
        .collect()
}

fn x_axis(chart: &Chart, layout: &Layout) -> Vec<Node> {
    let base = layout.base;
    chart
        .columns
        .iter()
        .zip(&layout.xs)
        .map(|(c, &x)| {
            let label = if layout.rotate {
                let y = base + X_LABEL_DROP_ROTATED;
                el(Tag::Text)
                    .attr(Attr::X, px(x))
                    .attr(Attr::Y, px(y))
                    .attr(Attr::TextAnchor, "end")
                    .attr(Attr::Transform, format!("rotate(-35 {} {})", px(x), px(y)))
                    .text(c.label.clone())
            } else {
                el(Tag::Text)
                    .attr(Attr::X, px(x))
                    .attr(Attr::Y, px(base + X_LABEL_DROP))
                    .attr(Attr::TextAnchor, "middle")
                    .text(c.label.clone())
            };
            el(Tag::G)
                .class("tick x")
                .child(
                    el(Tag::Line)
                        .class("tick-mark")
                        .attr(Attr::X1, px(x))
                        .attr(Attr::X2, px(x))
                        .attr(Attr::Y1, px(base))
                        .attr(Attr::Y2, px(base + TICK)),
                )
                .child(label)
                .into()
        })
        .collect()
}

/// Each series as a line through its points, each point titled with its
/// figures.
fn series_lines(chart: &Chart, layout: &Layout, scale: &YScale) -> Vec<Node> {
    let y = |v: f64| scale.y(layout, v);
    chart
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let pts: Vec<String> = line
                .values
                .iter()
                .zip(&layout.xs)
                .map(|(v, &x)| format!("{},{}", px(x), px(y(v.plotted))))
                .collect();
            let points =
                line.values
                    .iter()
                    .zip(&chart.columns)
                    .zip(&layout.xs)
                    .map(|((v, c), &x)| {
                        let title = format!(
                            "{}, {}: {}, {} per 10,000 words",
                            line.label,
                            c.label,
                            plural_thousands(v.count as usize, "occurrence", "occurrences"),
                            fixed(v.per_10k, 1)
                        );
                        el(Tag::Circle)
                            .class("point")
                            .attr(Attr::Cx, px(x))
                            .attr(Attr::Cy, px(y(v.plotted)))
                            .attr(Attr::R, "4")
                            .attr(Attr::DataX, c.key.clone())
                            .attr(Attr::DataSeries, i.to_string())
                            .child(el(Tag::Title).text(title))
                    });
            el(Tag::G)
                .class(series_class(i))
                .attr(Attr::DataLabel, line.label.clone())
                .child(
                    el(Tag::Polyline)
                        .class("line")
                        .attr(Attr::Points, pts.join(" ")),
                )
                .children(points)
                .into()
        })
        .collect()
}

/// What the y axis measures.
fn scale_title(scale: Scale) -> &'static str {
    match scale {
        Scale::Per10k => "occurrences per 10,000 words",
        Scale::Raw => "occurrences (raw count)",
    }
}

/// The chart in words, for screen readers.
fn aria_label(chart: &Chart) -> String {
    let names: Vec<&str> = chart.lines.iter().map(|l| l.label.as_str()).collect();
    let span = match (chart.columns.first(), chart.columns.last()) {
        (Some(a), Some(b)) if a.year != b.year => format!(", {}–{}", a.year, b.year),
        (Some(a), _) => format!(", {}", a.year),
        _ => String::new(),
    };
    format!(
        "Line chart of {} by {} of: {}{span}. The numbers are in the table below.",
        scale_title(chart.scale),
        axis_unit(chart.axis),
        names.join("; ")
    )
}

/// The chart as SVG, `width` pixels wide.
pub fn svg_chart(chart: &Chart, width: f64) -> Element {
    let layout = layout(chart, width);
    let scale = YScale::new(chart);
    let (left, base) = (layout.left, layout.base);
    let (w, h) = (fixed(layout.w, 0), fixed(layout.h, 0));
    let axis = |x2: f64, y1: f64, y2: f64| {
        el(Tag::Line)
            .class("axis")
            .attr(Attr::X1, px(left))
            .attr(Attr::X2, px(x2))
            .attr(Attr::Y1, px(y1))
            .attr(Attr::Y2, px(y2))
    };
    el(Tag::Svg)
        .class("trend-chart")
        .attr(Attr::Role, "img")
        .attr(Attr::AriaLabel, aria_label(chart))
        .attr(Attr::ViewBox, format!("0 0 {w} {h}"))
        .attr(Attr::Width, w)
        .attr(Attr::Height, h)
        .attr(Attr::Xmlns, "http://www.w3.org/2000/svg")
        .child(
            el(Tag::Text)
                .class("axis-title")
                .attr(Attr::X, px(left))
                .attr(Attr::Y, "12")
                .text(scale_title(chart.scale)),
        )
        .children(y_axis(&layout, &scale))
        .child(axis(left, MARGIN_TOP, base))
        .child(axis(layout.w - MARGIN_RIGHT, base, base))
        .children(x_axis(chart, &layout))
        .children(series_lines(chart, &layout, &scale))
}

/// A small line-and-dot sample of a series' style, for the legend.
pub fn swatch(i: usize) -> Element {
    el(Tag::Svg)
        .class(format!("swatch {}", series_class(i)))
        .attr(Attr::ViewBox, "0 0 28 12")
        .attr(Attr::Width, "28")
        .attr(Attr::Height, "12")
        .attr(Attr::AriaHidden, "true")
        .child(
            el(Tag::Line)
                .class("line")
                .attr(Attr::X1, "1")
                .attr(Attr::X2, "27")
                .attr(Attr::Y1, "6")
                .attr(Attr::Y2, "6"),
        )
        .child(
            el(Tag::Circle)
                .class("dot")
                .attr(Attr::Cx, "14")
                .attr(Attr::Cy, "6")
                .attr(Attr::R, "3.5"),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        for (max, step) in [
            (0.0, 1.0),
            (7.3, 2.0),
            (18.4, 5.0),
            (40.0, 10.0),
            (0.9, 0.25),
            (120.0, 50.0),
        ] {
            assert!((nice_step(max, 4.0) - step).abs() < 1e-9, "{max}");
        }
        assert_eq!(tick_label(2.5), "2.5");
        assert_eq!(tick_label(10.0), "10");
        assert_eq!(tick_label(0.25), "0.25");
    }

    #[test]
    fn series_classes_repeat_dashed() {
        assert_eq!(series_class(1), "series series-1");
        assert_eq!(series_class(9), "series series-1 alt");
    }
}
