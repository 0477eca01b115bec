//! Trends: how often terms (or, with no search, the themes) occur per year or
//! per statement, per 10,000 words, as an SVG line chart drawn here (no chart
//! library) with a data table for screen readers. The compared terms (`t=`)
//! and the axis (`by=`) live in the URL; only statements that pass the
//! current filters appear.

use crate::app::SharedOutcome;
use crate::components::axis_toggle::AxisToggle;
use crate::components::concordance::{surname, thousands};
use crate::corpus::bundle;
use crate::location::{Nav, Navigator};
use csto_core::decimal::{fixed, trimmed};
use csto_core::model::{StatementId, ThemeId};
use csto_core::query::Query;
use csto_core::search::Sort;
use csto_core::trends::{theme_trend, trends, Series};
use csto_core::view::{Axis, ViewState};
use gloo::events::EventListener;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The most terms compared at once (the URL codec keeps as many).
const MAX_COMPARE: usize = 8;
/// Distinct series colours (`series-0` … `series-7` in research.css); further
/// series reuse them with a dashed line.
const COLORS: usize = 8;

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub outcome: SharedOutcome,
}

/// What the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Compare,
    Query,
    Themes,
}

/// One position on the x axis: a year or a statement.
#[derive(Debug, Clone, PartialEq)]
struct Column {
    /// `data-x`: the year, or the statement id.
    key: String,
    /// "2016" or "2016 Bordyuzha".
    label: String,
    year: u16,
    /// The statements pooled in this column.
    statements: Vec<StatementId>,
}

/// One value of a series at a column.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Value {
    count: u32,
    words: u32,
    per_10k: f64,
}

#[derive(Debug, Clone, PartialEq)]
struct Line {
    label: String,
    values: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq)]
struct Chart {
    mode: Mode,
    axis: Axis,
    columns: Vec<Column>,
    lines: Vec<Line>,
}

/// "2016 Bordyuzha": how a statement is named on axes and column headers.
pub fn statement_label(id: StatementId) -> String {
    let corpus = &bundle().corpus;
    let s = &corpus.statements[id as usize];
    format!(
        "{} {}",
        s.date.year,
        surname(&corpus.speaker(s.speaker).name)
    )
}

/// The statements that pass the view's filters (with no query), in corpus
/// (date) order.
pub fn filtered_statements(view: &ViewState) -> Vec<StatementId> {
    let bundle = bundle();
    let mut v = view.clone();
    let (filters, _) = v.resolve(&bundle.corpus);
    let results = crate::corpus::searcher().search(&Query::parse(""), &filters, Sort::DateAsc);
    let mut ids: Vec<StatementId> = results.statements.iter().map(|s| s.statement).collect();
    csto_core::order::sort(&mut ids);
    ids
}

/// Columns for `statements` (sorted) by year or by statement.
fn columns(statements: &[StatementId], axis: Axis) -> Vec<Column> {
    let corpus = &bundle().corpus;
    let mut out: Vec<Column> = Vec::new();
    for &id in statements {
        let s = &corpus.statements[id as usize];
        match axis {
            Axis::Statement => out.push(Column {
                key: s.id.clone(),
                label: statement_label(id),
                year: s.date.year,
                statements: vec![id],
            }),
            Axis::Year => match out.iter_mut().find(|c| c.year == s.date.year) {
                Some(c) => c.statements.push(id),
                None => out.push(Column {
                    key: s.date.year.to_string(),
                    label: s.date.year.to_string(),
                    year: s.date.year,
                    statements: vec![id],
                }),
            },
        }
    }
    csto_core::order::sort_by_key(&mut out, |c| c.year);
    out
}

fn compute(view: &ViewState, query: &Query) -> Chart {
    let bundle = bundle();
    let corpus = &bundle.corpus;
    let (mode, series): (Mode, Vec<Series>) = if !view.compare.is_empty() {
        let qs: Vec<&str> = view.compare.iter().map(String::as_str).collect();
        (Mode::Compare, trends(bundle, &qs))
    } else if !query.is_browse() {
        (Mode::Query, trends(bundle, &[view.q.as_str()]))
    } else {
        let themes: Vec<ThemeId> = if view.themes.is_empty() {
            (0..corpus.themes.len() as ThemeId).collect()
        } else {
            view.themes
                .iter()
                .filter_map(|id| corpus.themes.iter().position(|t| &t.id == id))
                .map(|i| i as ThemeId)
                .collect()
        };
        (
            Mode::Themes,
            themes.into_iter().map(|t| theme_trend(bundle, t)).collect(),
        )
    };
    let columns = columns(&filtered_statements(view), view.axis);
    let lines = series
        .into_iter()
        .map(|s| {
            let values = columns
                .iter()
                .map(|c| {
                    let (count, words) = c.statements.iter().fold((0, 0), |(n, w), &id| {
                        let p = &s.statements[id as usize];
                        (n + p.count, w + p.words)
                    });
                    Value {
                        count,
                        words,
                        per_10k: csto_core::trends::per_10k(count, words),
                    }
                })
                .collect();
            Line {
                label: s.label,
                values,
            }
        })
        .collect();
    Chart {
        mode,
        axis: view.axis,
        columns,
        lines,
    }
}

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

fn series_class(i: usize) -> Classes {
    classes!(
        "series",
        format!("series-{}", i % COLORS),
        (i >= COLORS).then_some("alt")
    )
}

fn occurrences(n: u32) -> String {
    if n == 1 {
        "1 occurrence".into()
    } else {
        format!("{} occurrences", thousands(n as usize))
    }
}

/// Rough width of a label in pixels at `size` px (for deciding on rotation).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.58
}

/// The chart as SVG, `width` pixels wide (the viewBox matches the element,
/// so text keeps its size on any screen).
fn svg_chart(chart: &Chart, width: f64) -> Html {
    let w = width.clamp(280.0, 1100.0);
    let font = 12.0;
    let n = chart.columns.len();
    let (right, top) = (18.0, 26.0);
    // x positions: years to scale, statements evenly spaced
    let positions = |left: f64| -> Vec<f64> {
        let plot_w = w - left - right;
        let inset = 18.0;
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
                            left + inset + (c.year as f64 - lo) / (hi - lo) * (plot_w - 2.0 * inset)
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
    };
    let mut left = 46.0;
    let mut xs = positions(left);
    // rotate the x labels when neighbours would overlap
    let min_gap = xs
        .windows(2)
        .map(|p| p[1] - p[0])
        .fold(f64::INFINITY, f64::min);
    let widest = chart
        .columns
        .iter()
        .map(|c| text_width(&c.label, font))
        .fold(0.0, f64::max);
    let rotate = min_gap < widest + 8.0;
    if rotate {
        // a label rotated by 35° reaches cos 35° ≈ 0.82 of its width to the
        // left of its tick: make room for the first one
        let reach = chart
            .columns
            .first()
            .map_or(0.0, |c| text_width(&c.label, font) * 0.82);
        let short = reach + 4.0 - xs.first().copied().unwrap_or(left);
        if short > 0.0 {
            left += short;
            xs = positions(left);
        }
    }
    let bottom = if rotate { widest * 0.6 + 24.0 } else { 30.0 };
    let h = (if w < 520.0 { 240.0 } else { 300.0 }) + bottom;
    let plot_h = h - top - bottom;
    let base = top + plot_h;

    let max = chart
        .lines
        .iter()
        .flat_map(|l| l.values.iter().map(|v| v.per_10k))
        .fold(0.0, f64::max);
    let step = nice_step(max, 4.0);
    let y_max = ((max / step).ceil() * step).max(step);
    let y = |v: f64| base - v / y_max * plot_h;
    let ticks = (y_max / step).round() as usize;

    let y_axis = (0..=ticks).map(|i| {
        let v = i as f64 * step;
        let yy = y(v);
        html! {
            <g class="tick y">
                <line class="grid" x1={px(left)} x2={px(w - right)}
                      y1={px(yy)} y2={px(yy)} />
                <text x={px(left - 6.0)} y={px(yy)} text-anchor="end"
                      dominant-baseline="middle">{ tick_label(v) }</text>
            </g>
        }
    });
    let x_axis = chart.columns.iter().zip(&xs).map(|(c, &x)| {
        let label = if rotate {
            html! {
                <text x={px(x)} y={px(base + 14.0)} text-anchor="end"
                      transform={format!("rotate(-35 {} {})", px(x), px(base + 14.0))}>{ c.label.clone() }</text>
            }
        } else {
            html! {
                <text x={px(x)} y={px(base + 18.0)} text-anchor="middle">{ c.label.clone() }</text>
            }
        };
        html! {
            <g class="tick x">
                <line class="tick-mark" x1={px(x)} x2={px(x)}
                      y1={px(base)} y2={px(base + 5.0)} />
                { label }
            </g>
        }
    });
    let lines = chart.lines.iter().enumerate().map(|(i, line)| {
        let pts: Vec<String> = line
            .values
            .iter()
            .zip(&xs)
            .map(|(v, &x)| format!("{},{}", px(x), px(y(v.per_10k))))
            .collect();
        let points = line
            .values
            .iter()
            .zip(&chart.columns)
            .zip(&xs)
            .map(|((v, c), &x)| {
                let title = format!(
                    "{}, {}: {}, {} per 10,000 words",
                    line.label,
                    c.label,
                    occurrences(v.count),
                    fixed(v.per_10k, 1)
                );
                html! {
                    <circle class="point" cx={px(x)} cy={px(y(v.per_10k))} r="4"
                            data-x={c.key.clone()} data-series={i.to_string()}>
                        <title>{ title }</title>
                    </circle>
                }
            });
        html! {
            <g class={series_class(i)} data-label={line.label.clone()}>
                <polyline class="line" points={pts.join(" ")} />
                { for points }
            </g>
        }
    });

    let names: Vec<&str> = chart.lines.iter().map(|l| l.label.as_str()).collect();
    let span = match (chart.columns.first(), chart.columns.last()) {
        (Some(a), Some(b)) if a.year != b.year => format!(", {}–{}", a.year, b.year),
        (Some(a), _) => format!(", {}", a.year),
        _ => String::new(),
    };
    let aria = format!(
        "Line chart of occurrences per 10,000 words {} of: {}{span}. The numbers are in the table below.",
        if chart.axis == Axis::Year { "by year" } else { "by statement" },
        names.join("; ")
    );
    html! {
        <svg class="trend-chart" role="img" aria-label={aria} viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))}
             width={fixed(w, 0)} height={fixed(h, 0)} xmlns="http://www.w3.org/2000/svg">
            <text class="axis-title" x={px(left)} y="12">{ "per 10,000 words" }</text>
            { for y_axis }
            <line class="axis" x1={px(left)} x2={px(left)} y1={px(top)} y2={px(base)} />
            <line class="axis" x1={px(left)} x2={px(w - right)} y1={px(base)} y2={px(base)} />
            { for x_axis }
            { for lines }
        </svg>
    }
}

/// A small line-and-dot sample of a series' style, for the legend.
fn swatch(i: usize) -> Html {
    html! {
        <svg class={classes!("swatch", series_class(i))} viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line class="line" x1="1" x2="27" y1="6" y2="6" />
            <circle class="dot" cx="14" cy="6" r="3.5" />
        </svg>
    }
}

fn data_table(chart: &Chart) -> Html {
    let unit = if chart.axis == Axis::Year {
        "year"
    } else {
        "statement"
    };
    let head = chart
        .columns
        .iter()
        .map(|c| html! { <th scope="col">{ c.label.clone() }</th> });
    let rows = chart.lines.iter().enumerate().map(|(i, l)| {
        let cells = l.values.iter().map(|v| {
            html! {
                <td>{ fixed(v.per_10k, 1) }<span class="count">{ format!(" ({})", thousands(v.count as usize)) }</span></td>
            }
        });
        html! {
            <tr class={format!("row-{i}")}>
                <th scope="row">{ l.label.clone() }</th>
                { for cells }
            </tr>
        }
    });
    let words = chart.lines.first().map(|l| {
        let cells = l
            .values
            .iter()
            .map(|v| html! { <td>{ thousands(v.words as usize) }</td> });
        html! { <tr class="words"><th scope="row">{ "Words" }</th>{ for cells }</tr> }
    });
    html! {
        <div class="table-scroll">
            <table class="trend-table">
                <caption>{ format!("Occurrences per 10,000 words by {unit} (count in brackets)") }</caption>
                <thead>
                    <tr><th scope="col">{ if chart.mode == Mode::Themes { "Theme" } else { "Term" } }</th>{ for head }</tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>{ for words }</tfoot>
            </table>
        </div>
    }
}

#[component]
pub fn TrendsView(props: &TrendsProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let outcome = &props.outcome;
    let view = &outcome.view;
    let chart = use_memo(outcome.clone(), |o| compute(&o.view, &o.query));

    // The chart is drawn at the width of its container, so text stays legible
    // on a phone; the width follows window resizes.
    let holder = use_node_ref();
    let width = use_state(|| 640.0_f64);
    {
        let holder = holder.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = holder.cast::<web_sys::Element>() {
                    let w = el.client_width() as f64;
                    if w > 0.0 && (w - *width).abs() >= 1.0 {
                        width.set(w);
                    }
                }
            };
            measure();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }

    let input = use_node_ref();
    let onsubmit = {
        let view = view.clone();
        let browse = outcome.query.is_browse();
        let input = input.clone();
        let navigator = navigator.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let term = el.value().trim().to_string();
            if term.is_empty() {
                return;
            }
            let mut compare = view.compare.clone();
            // Comparing starts from what is on the chart: the current query.
            if compare.is_empty() && !browse && view.q.trim() != term {
                compare.push(view.q.trim().to_string());
            }
            if !compare.contains(&term) && compare.len() < MAX_COMPARE {
                compare.push(term);
            }
            el.set_value("");
            navigator.go(
                ViewState {
                    compare,
                    ..view.clone()
                },
                Nav::Push,
            );
        })
    };

    let legend = chart.lines.iter().enumerate().map(|(i, l)| {
        let remove = (chart.mode == Mode::Compare).then(|| {
            let next = ViewState {
                compare: view
                    .compare
                    .iter()
                    .filter(|t| **t != l.label && t.trim() != l.label)
                    .cloned()
                    .collect(),
                ..view.clone()
            };
            let navigator = navigator.clone();
            let onclick = Callback::from(move |_: MouseEvent| navigator.go(next.clone(), Nav::Push));
            html! {
                <button type="button" class="remove" {onclick} aria-label={format!("Remove “{}” from the comparison", l.label)}
                        title="Remove from the comparison">{ "×" }</button>
            }
        });
        html! {
            <li class={format!("legend-{i}")}>{ swatch(i) }<span class="legend-label">{ l.label.clone() }</span>{ for remove }</li>
        }
    });

    let what = match chart.mode {
        Mode::Compare => format!("Comparing {} terms.", chart.lines.len()),
        Mode::Query => format!("Occurrences of “{}”. Add a term to compare.", view.q.trim()),
        Mode::Themes => {
            if view.themes.is_empty() {
                "No search term, so the chart shows each theme: how often the words that earned its tags occur. Tick themes under Theme to show fewer, or search or add a term to chart words instead.".to_string()
            } else {
                "No search term, so the chart shows the ticked themes: how often the words that earned their tags occur.".to_string()
            }
        }
    };
    let full = view.compare.len() >= MAX_COMPARE;

    html! {
        <section class="trends" aria-labelledby="trends-heading" ref={holder}>
            <h2 id="trends-heading" class="view-heading">{ "Trends" }</h2>
            <div class="view-controls">
                <form class="compare-form" {onsubmit}>
                    <label for="compare-term">{ "Compare term" }</label>
                    <input id="compare-term" ref={input} type="text" name="t" autocomplete="off"
                           spellcheck="false" placeholder="e.g. migration" disabled={full} />
                    <button type="submit" disabled={full}>{ "Add" }</button>
                </form>
                <div class="seg-group">
                    <span class="seg-label" id="trend-axis-label">{ "Count" }</span>
                    <ul class="segmented trend-axis" aria-labelledby="trend-axis-label"><AxisToggle view={view.clone()} /></ul>
                </div>
            </div>
            <p class="what">{ what }</p>
            if chart.columns.is_empty() {
                <div class="empty"><p>{ "No statement passes these filters." }</p></div>
            } else {
                <figure class="chart">
                    <div class="chart-holder">{ svg_chart(&chart, *width) }</div>
                    <figcaption>
                        <ul class="legend" aria-label="Series">{ for legend }</ul>
                    </figcaption>
                </figure>
                { data_table(&chart) }
                <p class="note">
                    { "Rates are occurrences per 10,000 words of text; a year pools its statements. Filters decide which statements appear; counts cover each whole statement." }
                </p>
            }
        </section>
    }
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
}
