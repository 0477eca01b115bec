//! Dispersion: where the query occurs in each statement passing the filters
//! (`csto_core::analysis::dispersion`, as AntConc's Plot and #LancsBox's
//! Whelk show it): one row per statement, an SVG bar as long as the
//! statement with a tick at each hit, each tick a link to its paragraph;
//! above it range and Gries' DP; below it the same rows as a table to read
//! and export.

use crate::components::data_table::{Cell, Column, DataTable, Rows};
use crate::components::link::ViewLink;
use crate::components::method::Method;
use crate::corpus::bundle;
use crate::format::{plural_thousands, statement_label, thousands};
use crate::state::{filtered_statements, SharedOutcome};
use csto_core::analysis::{dispersion, Dispersion, DispersionRow};
use csto_core::decimal::fixed;
use csto_core::view::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// The plot's width in SVG units; bars scale to the longest statement.
const PLOT_W: f64 = 1000.0;
/// The bars' viewBox, PLOT_W wide, written out: formatting an `f64` would
/// link the standard library's float printing (~11 KB) into the wasm.
const PLOT_VIEWBOX: &str = "0 0 1000 24";
/// The most rows plotted (the table has them all).
const PLOT_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct DispersionProps {
    pub outcome: SharedOutcome,
}

struct Computed {
    result: Dispersion,
    rows: Rows,
}

/// The reader at the paragraph of a hit, with the query highlighted.
fn paragraph_view(view: &ViewState, key: &str, paragraph: u16) -> ViewState {
    view.reading(key, Some(paragraph + 1))
}

/// The paragraphs (1-based) holding hits, each once, in text order.
fn hit_paragraphs(row: &DispersionRow) -> Vec<u16> {
    let mut out: Vec<u16> = row.hits.iter().map(|h| h.paragraph + 1).collect();
    out.dedup();
    out
}

fn columns() -> Rc<Vec<Column>> {
    Rc::new(vec![
        Column::text("statement", "Statement").heads_rows(),
        Column::text("speaker", "Speaker"),
        Column::number("year", "Year"),
        Column::number("tokens", "Words"),
        Column::number("hits", "Hits"),
        Column::number("per_10k", "Per 10k").titled("hits per 10,000 words"),
        Column::text("paragraphs", "Paragraphs"),
        Column::text("positions", "Positions")
            .titled("word positions of the hits from the statement's first word (0-based)"),
    ])
}

fn compute(outcome: &SharedOutcome) -> Computed {
    let bundle = bundle();
    let corpus = &bundle.corpus;
    let view = &outcome.view;
    let selected = filtered_statements(view);
    let result = dispersion(bundle, &selected, &outcome.query);
    let rows = result
        .rows
        .iter()
        .map(|r| {
            let s = &corpus.statements[r.statement as usize];
            let open = view.reading(&r.key, None);
            let paragraphs: Vec<String> = hit_paragraphs(r).iter().map(u16::to_string).collect();
            let positions: Vec<String> = r.hits.iter().map(|h| h.position.to_string()).collect();
            vec![
                Cell::link(r.key.clone(), &open),
                Cell::Text(corpus.speaker(s.speaker).name.clone()),
                // A year, not a quantity: no thousands separator.
                Cell::Text(s.date.year.to_string()),
                Cell::Count(r.tokens as u64),
                Cell::Count(r.count as u64),
                Cell::figure(r.per_10k, 1),
                Cell::Text(paragraphs.join(" ")),
                Cell::Text(positions.join(" ")),
            ]
        })
        .collect();
    Computed {
        result,
        rows: Rows(Rc::new(rows)),
    }
}

/// One row of the plot: the statement's name, its bar with a tick (a link)
/// per hit, its count and rate.
fn plot_row(view: &ViewState, row: &DispersionRow, longest: u32) -> Html {
    let label = statement_label(row.statement);
    let scale = |tokens: f64| tokens * PLOT_W / longest.max(1) as f64;
    let bar = scale(row.tokens as f64);
    let n = row.hits.len();
    let ticks: Vec<Html> = row.hits.iter().enumerate().map(|(i, h)| {
        let x_at = scale(h.position as f64 + 0.5);
        let x = fixed(x_at, 1);
        let name = format!(
            "{label}: hit {} of {n}, word {} of {}, paragraph {}",
            i + 1,
            thousands(h.position as usize + 1),
            thousands(row.tokens as usize),
            h.paragraph + 1
        );
        html! {
            <ViewLink to={paragraph_view(view, &row.key, h.paragraph)} class="tick-link" label={name.clone()}>
                <title>{ name }</title>
                // The line has no area; this is what the pointer (and a
                // visibility check) finds.
                <rect class="hit-area" x={fixed(x_at - 6.0, 1)} y="0" width="12" height="24" />
                <line class="tick" x1={x.clone()} x2={x} y1="1" y2="23" vector-effect="non-scaling-stroke" />
            </ViewLink>
        }
    }).collect();
    let summary = format!(
        "{label}: {} in {}",
        plural_thousands(n, "hit", "hits"),
        plural_thousands(row.tokens as usize, "word", "words")
    );
    html! {
        <li class="disp-row" data-statement={row.key.clone()} data-count={n.to_string()}>
            <span class="disp-label">{ label }</span>
            <svg class="disp-bar" viewBox={PLOT_VIEWBOX} preserveAspectRatio="none"
                 role="group" aria-label={summary} xmlns="http://www.w3.org/2000/svg">
                <rect class="bar" x="0" y="6" width={fixed(bar, 1)} height="12" />
                { for ticks }
            </svg>
            <span class="disp-count">{ thousands(n) }</span>
            <span class="disp-rate">{ fixed(row.per_10k, 1) }</span>
        </li>
    }
}

/// Range, DP and DPnorm, as the plot's heading figures.
fn figures(d: &Dispersion) -> Html {
    let dp = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |x| fixed(x, 3));
    html! {
        <dl class="disp-stats">
            <div class="stat-range"><dt>{ "Range" }</dt>
                <dd>{ format!("{} of {} statements", d.range, d.parts) }</dd></div>
            <div class="stat-dp"><dt><abbr title="Gries’ deviation of proportions">{ "DP" }</abbr></dt>
                <dd>{ dp(d.dp) }</dd></div>
            <div class="stat-dpnorm"><dt><abbr title="DP divided by its largest possible value">{ "DPnorm" }</abbr></dt>
                <dd>{ dp(d.dp_norm) }</dd></div>
            <div class="stat-freq"><dt>{ "Hits" }</dt>
                <dd>{ format!("{} in {}", thousands(d.freq as usize), plural_thousands(d.tokens as usize, "word", "words")) }</dd></div>
        </dl>
    }
}

#[component]
pub fn DispersionView(props: &DispersionProps) -> Html {
    let outcome = &props.outcome;
    let view = &outcome.view;
    let computed = use_memo(outcome.clone(), compute);
    let d = &computed.result;
    let heading = html! { <h2 id="disp-heading" class="view-heading">{ "Dispersion" }</h2> };

    if outcome.query.is_browse() {
        let example = ViewState {
            q: "Afghanistan".into(),
            ..view.clone()
        };
        return html! {
            <section class="dispersion-view" aria-labelledby="disp-heading">
                { heading }
                <div class="empty">
                    <p>{ "Type a search term above to see where it occurs in each statement: a bar per statement, a mark at each hit." }</p>
                    <p class="hint">{ "For example: " }<ViewLink to={example}>{ "the dispersion of Afghanistan" }</ViewLink></p>
                </div>
            </section>
        };
    }

    let longest = d.rows.iter().map(|r| r.tokens).max().unwrap_or(0);
    let plotted = d
        .rows
        .iter()
        .take(PLOT_ROWS)
        .map(|r| plot_row(view, r, longest));
    let q = view.q.trim();
    let caption = format!("Hits of “{q}” per statement, in date order");

    html! {
        <section class="dispersion-view" aria-labelledby="disp-heading">
            { heading }
            { figures(d) }
            <Method>
                <p>{ "A hit is what the search finds for the query: stems, variant spellings, phrases and patterns as in search; a phrase or a NEAR pair is one hit, placed at its first word. Tokens are the words of the search index (runs of letters and digits in the paragraphs; headings not counted). A statement’s bar is as long as its token count, the longest filling the width; a tick is a hit’s position counted from the statement’s first word, paragraphs running on. Counts cover each whole statement: theme and entity filters choose statements, not paragraphs." }</p>
                <p>{ format!("Range is k of n: statements with at least one hit, of the {} passing the filters. DP (Gries 2008, “Dispersions and adjusted frequencies in corpora”) = ½ Σ |vᵢ − sᵢ|, where sᵢ is statement i’s share of all tokens (the expected share: parts weighted by their size) and vᵢ its share of the hits (the observed share). DP is 0 when every statement has hits in proportion to its length and approaches 1 when all are in one small part; its largest possible value is 1 − min sᵢ, so DPnorm = DP / (1 − min sᵢ) (Lijffijt & Gries 2012) reaches 1 whatever the sizes. Here n = {}, N = {} tokens, {}.",
                    d.parts, d.parts, thousands(d.tokens as usize), plural_thousands(d.freq as usize, "hit", "hits")) }</p>
            </Method>
            if d.rows.is_empty() {
                <div class="empty"><p>{ "No statement passes these filters." }</p></div>
            } else {
                if d.freq == 0 {
                    <div class="empty"><p>{ format!("“{q}” does not occur in the statements passing these filters.") }</p></div>
                }
                <figure class="disp-figure">
                    <figcaption>{ format!("Where “{q}” occurs: one bar per statement, as long as the statement; each mark is a hit and opens its paragraph.") }</figcaption>
                    <div class="disp-head" aria-hidden="true">
                        <span class="disp-label">{ "Statement" }</span><span class="disp-axis">{ "start → end" }</span>
                        <span class="disp-count">{ "Hits" }</span><span class="disp-rate">{ "per 10k" }</span>
                    </div>
                    <ol class="disp-plot" aria-label={format!("Dispersion of “{q}”")}>{ for plotted }</ol>
                    if d.rows.len() > PLOT_ROWS {
                        <p class="note">{ format!("The plot shows the first {PLOT_ROWS} statements; the table has all {}.", thousands(d.rows.len())) }</p>
                    }
                </figure>
                <DataTable view={view.clone()} class="dispersion-table" caption={caption}
                           columns={columns()} rows={computed.rows.clone()} export_name="csto-dispersion" />
            }
        </section>
    }
}
