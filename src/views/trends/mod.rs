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

use crate::components::axis_toggle::AxisToggle;
use crate::components::link::ViewLink;
use crate::format::{axis_unit, thousands};
use crate::routing::{Nav, Navigator};
use crate::state::SharedOutcome;
use chart::{svg_chart, swatch};
use csto_core::decimal::fixed;
use csto_core::view::{Keyed, Scale, ViewState};
use data::{chart_data, Chart, Mode};
use gloo::events::EventListener;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The most terms compared at once: as many as the URL codec keeps.
use csto_core::view::MAX_COMPARE;

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub outcome: SharedOutcome,
}

/// The chart's figures as a table: a row per series, a column per year or
/// statement, and the words counted.
fn data_table(chart: &Chart) -> Html {
    let unit = axis_unit(chart.axis);
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
    // Wider than a phone: it scrolls, so the keyboard must reach it
    // (axe `scrollable-region-focusable`).
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Trends table by {unit}")}>
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
    let chart = use_memo(outcome.clone(), |o| chart_data(&o.view, &o.query));

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
                <div class="seg-group">
                    <span class="seg-label" id="trend-scale-label">{ "Scale" }</span>
                    <ul class="segmented trend-scale" aria-labelledby="trend-scale-label">
                        { for [(Scale::Per10k, "Per 10,000 words"), (Scale::Raw, "Raw count")].into_iter().map(|(sc, label)| {
                            let mut to = view.clone();
                            to.params.scale = sc;
                            html! {
                                <li><ViewLink to={to} class={classes!("seg", format!("scale-{}", sc.key()))}
                                              current={view.params.scale == sc}>{ label }</ViewLink></li>
                            }
                        }) }
                    </ul>
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
