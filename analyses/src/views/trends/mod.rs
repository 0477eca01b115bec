//! Trends: how often terms (or, with no search, the themes) occur per year or
//! per statement, per 10,000 words, as an SVG line chart drawn here (no chart
//! library) with a data table for screen readers. The compared terms (`t=`)
//! and the axis (`by=`) live in the URL; only statements that pass the
//! current filters appear.
//!
//! `data` shapes the chart from the view, `chart` draws it, this file lays
//! out the view around it: the compare form, the legend, the table.

mod chart;
mod data;

use super::axis::{axis_toggle, axis_unit};
use super::common::{empty, heading, scroll, seg_group, with};
use crate::Context;
use chart::{svg_chart, swatch};
use csto_core::panel::{el, link, Attr, Form, Node, Put, Tag};
use csto_core::util::decimal::{fixed, thousands};
use csto_core::view::{Keyed, Scale, MAX_COMPARE};
use data::{chart_data, Chart, Mode};

/// The chart's width when the page has not said how much room it has.
const DEFAULT_WIDTH: u32 = 640;

/// The chart's figures as a table: a row per series, a column per year or
/// statement, and the words counted.
fn data_table(chart: &Chart) -> Node {
    let unit = axis_unit(chart.axis);
    let head = chart
        .columns
        .iter()
        .map(|c| el(Tag::Th).attr(Attr::Scope, "col").text(c.label.clone()));
    let rows = chart.lines.iter().enumerate().map(|(i, l)| {
        let cells = l.values.iter().map(|v| {
            el(Tag::Td).text(fixed(v.per_10k, 1)).child(
                el(Tag::Span)
                    .class("count")
                    .text(format!(" ({})", thousands(v.count as usize))),
            )
        });
        el(Tag::Tr)
            .class(format!("row-{i}"))
            .child(el(Tag::Th).attr(Attr::Scope, "row").text(l.label.clone()))
            .children(cells)
    });
    let words = chart.lines.first().map(|l| {
        let cells = l
            .values
            .iter()
            .map(|v| el(Tag::Td).text(thousands(v.words as usize)));
        el(Tag::Tr)
            .class("words")
            .child(el(Tag::Th).attr(Attr::Scope, "row").text("Words"))
            .children(cells)
    });
    let series = if chart.mode == Mode::Themes {
        "Theme"
    } else {
        "Term"
    };
    scroll(
        &format!("Trends table by {unit}"),
        el(Tag::Table)
            .class("trend-table")
            .child(el(Tag::Caption).text(format!(
                "Occurrences per 10,000 words by {unit} (count in brackets)"
            )))
            .child(
                el(Tag::Thead).child(
                    el(Tag::Tr)
                        .child(el(Tag::Th).attr(Attr::Scope, "col").text(series))
                        .children(head),
                ),
            )
            .child(el(Tag::Tbody).children(rows))
            .child(el(Tag::Tfoot).children(words)),
    )
}

/// The form adding a term to the comparison. It opens the view with the
/// typed term appended to `t=`; comparing starts from what is on the chart
/// (the current query), so that is in `t=` already when none is.
fn compare_form(cx: &Context) -> Node {
    let view = &cx.view;
    let to = with(view, |v| {
        if v.compare.is_empty() && !cx.query.is_browse() {
            v.compare.push(v.q.trim().to_string());
        }
    });
    Form {
        class: "compare-form".into(),
        id: "compare-term".into(),
        label: "Compare term".into(),
        placeholder: "e.g. migration".into(),
        button: "Add".into(),
        disabled: view.compare.len() >= MAX_COMPARE,
        to: to.encode(),
        put: Put::Compare,
    }
    .into()
}

/// The legend: a swatch and a label per series, and for a compared term a
/// button removing it.
fn legend(cx: &Context, chart: &Chart) -> Node {
    let view = &cx.view;
    let items = chart.lines.iter().enumerate().map(|(i, l)| {
        let remove = (chart.mode == Mode::Compare).then(|| {
            let next = view.without_compared(&l.label);
            Node::Button(
                link(&next, "×")
                    .class("remove")
                    .label(format!("Remove “{}” from the comparison", l.label))
                    .attr(Attr::Title, "Remove from the comparison"),
            )
        });
        el(Tag::Li)
            .class(format!("legend-{i}"))
            .child(swatch(i))
            .child(el(Tag::Span).class("legend-label").text(l.label.clone()))
            .children(remove)
    });
    el(Tag::Ul)
        .class("legend")
        .attr(Attr::AriaLabel, "Series")
        .children(items)
        .into()
}

/// The trends of the view, the chart laid out to the page's width.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let chart = chart_data(cx);
    let width = f64::from(cx.width.unwrap_or(DEFAULT_WIDTH));

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
    let scales = [
        (Scale::Per10k, "Per 10,000 words"),
        (Scale::Raw, "Raw count"),
    ]
    .into_iter()
    .map(|(sc, label)| {
        let to = with(view, |v| v.params.scale = sc);
        el(Tag::Li)
            .child(
                link(&to, label)
                    .class(format!("seg scale-{}", sc.key()))
                    .current(view.params.scale == sc),
            )
            .into()
    })
    .collect();

    let section = el(Tag::Section)
        .class("trends")
        .attr(Attr::AriaLabelledby, "trends-heading")
        .child(heading("trends-heading", "Trends"))
        .child(
            el(Tag::Div)
                .class("view-controls")
                .child(compare_form(cx))
                .child(seg_group(
                    "trend-axis-label",
                    "trend-axis",
                    "Count",
                    axis_toggle(view),
                ))
                .child(seg_group(
                    "trend-scale-label",
                    "trend-scale",
                    "Scale",
                    scales,
                )),
        )
        .child(el(Tag::P).class("what").text(what));
    if chart.columns.is_empty() {
        return section
            .child(empty("No statement passes these filters."))
            .into();
    }
    section
        .child(
            el(Tag::Figure)
                .class("chart")
                .child(
                    el(Tag::Div)
                        .class("chart-holder")
                        .child(svg_chart(&chart, width)),
                )
                .child(el(Tag::Figcaption).child(legend(cx, &chart))),
        )
        .child(data_table(&chart))
        .child(el(Tag::P).class("note").text(
            "Rates are occurrences per 10,000 words of text; a year pools its statements. Filters decide which statements appear; counts cover each whole statement.",
        ))
        .into()
}
