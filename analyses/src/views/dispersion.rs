//! Dispersion: where the query occurs in each statement passing the filters
//! (`csto_core::analysis::dispersion`, as AntConc's Plot and #LancsBox's
//! Whelk show it): one row per statement, an SVG bar as long as the
//! statement with a tick at each hit, each tick a link to its paragraph;
//! above it range and Gries' DP; below it the same rows as a table to read
//! and export.

use super::common::{empty, heading, method, TableData};
use crate::Context;
use csto_core::analysis::{dispersion, Dispersion, DispersionRow};
use csto_core::model::Corpus;
use csto_core::panel::{el, link, Attr, Cell, Column, Element, Node, Tag};
use csto_core::util::decimal::{fixed, plural_thousands, thousands};
use csto_core::view::ViewState;

/// The plot's width in SVG units; bars scale to the longest statement.
const PLOT_W: f64 = 1000.0;
/// The bars' viewBox, PLOT_W wide, written out: formatting an `f64` would
/// link the standard library's float printing (~11 KB) into the wasm.
const PLOT_VIEWBOX: &str = "0 0 1000 24";
/// The most rows plotted (the table has them all).
const PLOT_ROWS: usize = 200;

/// The paragraphs (1-based) holding hits, each once, in text order.
fn hit_paragraphs(row: &DispersionRow) -> Vec<u16> {
    let mut out: Vec<u16> = row.hits.iter().map(|h| h.paragraph + 1).collect();
    out.dedup();
    out
}

fn columns() -> Vec<Column> {
    vec![
        Column::text("statement", "Statement").heads_rows(),
        Column::text("speaker", "Speaker"),
        Column::number("year", "Year"),
        Column::number("tokens", "Words"),
        Column::number("hits", "Hits"),
        Column::number("per_10k", "Per 10k").titled("hits per 10,000 words"),
        Column::text("paragraphs", "Paragraphs"),
        Column::text("positions", "Positions")
            .titled("word positions of the hits from the statement's first word (0-based)"),
    ]
}

fn rows(corpus: &Corpus, view: &ViewState, d: &Dispersion) -> Vec<Vec<Cell>> {
    d.rows
        .iter()
        .map(|r| {
            let s = &corpus.statements[r.statement as usize];
            let paragraphs: Vec<String> = hit_paragraphs(r).iter().map(u16::to_string).collect();
            let positions: Vec<String> = r.hits.iter().map(|h| h.position.to_string()).collect();
            vec![
                Cell::link(r.key.clone(), &view.reading(&r.key, None)),
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
        .collect()
}

/// One row of the plot: the statement's name, its bar with a tick (a link)
/// per hit, its count and rate.
fn plot_row(corpus: &Corpus, view: &ViewState, row: &DispersionRow, longest: u32) -> Element {
    let label = corpus.statement_label(row.statement);
    let scale = |tokens: f64| tokens * PLOT_W / longest.max(1) as f64;
    let bar = scale(row.tokens as f64);
    let n = row.hits.len();
    let ticks = row
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let x_at = scale(h.position as f64 + 0.5);
            let x = fixed(x_at, 1);
            let name = format!(
                "{label}: hit {} of {n}, word {} of {}, paragraph {}",
                i + 1,
                thousands(h.position as usize + 1),
                thousands(row.tokens as usize),
                h.paragraph + 1
            );
            // The reader at the paragraph of the hit, with the query highlighted.
            let to = view.reading(&row.key, Some(h.paragraph + 1));
            link(&to, el(Tag::Title).text(name.clone()))
                .class("tick-link")
                .label(name)
                // The line has no area; this is what the pointer (and a
                // visibility check) finds.
                .child(
                    el(Tag::Rect)
                        .class("hit-area")
                        .attr(Attr::X, fixed(x_at - 6.0, 1))
                        .attr(Attr::Y, "0")
                        .attr(Attr::Width, "12")
                        .attr(Attr::Height, "24"),
                )
                .child(
                    el(Tag::Line)
                        .class("tick")
                        .attr(Attr::X1, x.clone())
                        .attr(Attr::X2, x)
                        .attr(Attr::Y1, "1")
                        .attr(Attr::Y2, "23")
                        .attr(Attr::VectorEffect, "non-scaling-stroke"),
                )
        })
        .collect::<Vec<_>>();
    let summary = format!(
        "{label}: {} in {}",
        plural_thousands(n, "hit", "hits"),
        plural_thousands(row.tokens as usize, "word", "words")
    );
    el(Tag::Li)
        .class("disp-row")
        .attr(Attr::DataStatement, row.key.clone())
        .attr(Attr::DataCount, n.to_string())
        .child(el(Tag::Span).class("disp-label").text(label))
        .child(
            el(Tag::Svg)
                .class("disp-bar")
                .attr(Attr::ViewBox, PLOT_VIEWBOX)
                .attr(Attr::PreserveAspectRatio, "none")
                .attr(Attr::Role, "group")
                .attr(Attr::AriaLabel, summary)
                .attr(Attr::Xmlns, "http://www.w3.org/2000/svg")
                .child(
                    el(Tag::Rect)
                        .class("bar")
                        .attr(Attr::X, "0")
                        .attr(Attr::Y, "6")
                        .attr(Attr::Width, fixed(bar, 1))
                        .attr(Attr::Height, "12"),
                )
                .children(ticks),
        )
        .child(el(Tag::Span).class("disp-count").text(thousands(n)))
        .child(el(Tag::Span).class("disp-rate").text(fixed(row.per_10k, 1)))
}

/// Range, DP and DPnorm, as the plot's heading figures.
fn figures(d: &Dispersion) -> Node {
    let dp = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |x| fixed(x, 3));
    let stat = |class: &str, term: Node, value: String| {
        el(Tag::Div)
            .class(class)
            .child(el(Tag::Dt).child(term))
            .child(el(Tag::Dd).text(value))
    };
    let abbr = |short: &str, title: &str| -> Node {
        el(Tag::Abbr).attr(Attr::Title, title).text(short).into()
    };
    el(Tag::Dl)
        .class("disp-stats")
        .child(stat(
            "stat-range",
            "Range".into(),
            format!("{} of {} statements", d.range, d.parts),
        ))
        .child(stat(
            "stat-dp",
            abbr("DP", "Gries’ deviation of proportions"),
            dp(d.dp),
        ))
        .child(stat(
            "stat-dpnorm",
            abbr("DPnorm", "DP divided by its largest possible value"),
            dp(d.dp_norm),
        ))
        .child(stat(
            "stat-freq",
            "Hits".into(),
            format!(
                "{} in {}",
                thousands(d.freq as usize),
                plural_thousands(d.tokens as usize, "word", "words")
            ),
        ))
        .into()
}

/// The dispersion's table: every statement passing the filters, as its
/// download holds them (none without a query, or without a statement).
pub fn tables(cx: &Context) -> Vec<TableData> {
    if cx.query.is_browse() {
        return Vec::new();
    }
    let d = dispersion(cx.bundle, &cx.statements(), &cx.query);
    if d.rows.is_empty() {
        return Vec::new();
    }
    vec![table(cx, &d)]
}

/// The table of `d`.
fn table(cx: &Context, d: &Dispersion) -> TableData {
    let rows = rows(&cx.bundle.corpus, &cx.view, d);
    TableData::new("csto-dispersion", &cx.view, columns(), rows)
}

/// The dispersion view of `cx`.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let corpus = &cx.bundle.corpus;
    let section = el(Tag::Section)
        .class("dispersion-view")
        .attr(Attr::AriaLabelledby, "disp-heading")
        .child(heading("disp-heading", "Dispersion"));

    if cx.query.is_browse() {
        let example = ViewState {
            q: "Afghanistan".into(),
            ..view.clone()
        };
        return section
            .child(
                el(Tag::Div)
                    .class("empty")
                    .child(el(Tag::P).text("Type a search term above to see where it occurs in each statement: a bar per statement, a mark at each hit."))
                    .child(
                        el(Tag::P)
                            .class("hint")
                            .text("For example: ")
                            .child(link(&example, "the dispersion of Afghanistan")),
                    ),
            )
            .into();
    }

    let d = dispersion(cx.bundle, &cx.statements(), &cx.query);
    let longest = d.rows.iter().map(|r| r.tokens).max().unwrap_or(0);
    let q = view.q.trim();
    let section = section.child(figures(&d)).child(method([
        "A hit is what the search finds for the query: stems, variant spellings, phrases and patterns as in search; a phrase or a NEAR pair is one hit, placed at its first word. Tokens are the words of the search index (runs of letters and digits in the paragraphs; headings not counted). A statement’s bar is as long as its token count, the longest filling the width; a tick is a hit’s position counted from the statement’s first word, paragraphs running on. Counts cover each whole statement: theme and entity filters choose statements, not paragraphs.".to_string(),
        format!("Range is k of n: statements with at least one hit, of the {} passing the filters. DP (Gries 2008, “Dispersions and adjusted frequencies in corpora”) = ½ Σ |vᵢ − sᵢ|, where sᵢ is statement i’s share of all tokens (the expected share: parts weighted by their size) and vᵢ its share of the hits (the observed share). DP is 0 when every statement has hits in proportion to its length and approaches 1 when all are in one small part; its largest possible value is 1 − min sᵢ, so DPnorm = DP / (1 − min sᵢ) (Lijffijt & Gries 2012) reaches 1 whatever the sizes. Here n = {}, N = {} tokens, {}.",
            d.parts, d.parts, thousands(d.tokens as usize), plural_thousands(d.freq as usize, "hit", "hits")),
    ]));
    if d.rows.is_empty() {
        return section
            .child(empty("No statement passes these filters."))
            .into();
    }
    let absent = (d.freq == 0).then(|| {
        empty(format!(
            "“{q}” does not occur in the statements passing these filters."
        ))
    });
    let mut figure = el(Tag::Figure)
        .class("disp-figure")
        .child(el(Tag::Figcaption).text(format!("Where “{q}” occurs: one bar per statement, as long as the statement; each mark is a hit and opens its paragraph.")))
        .child(
            el(Tag::Div)
                .class("disp-head")
                .attr(Attr::AriaHidden, "true")
                .child(el(Tag::Span).class("disp-label").text("Statement"))
                .child(el(Tag::Span).class("disp-axis").text("start → end"))
                .child(el(Tag::Span).class("disp-count").text("Hits"))
                .child(el(Tag::Span).class("disp-rate").text("per 10k")),
        )
        .child(
            el(Tag::Ol)
                .class("disp-plot")
                .attr(Attr::AriaLabel, format!("Dispersion of “{q}”"))
                .children(
                    d.rows
                        .iter()
                        .take(PLOT_ROWS)
                        .map(|r| plot_row(corpus, view, r, longest)),
                ),
        );
    if d.rows.len() > PLOT_ROWS {
        figure = figure.child(el(Tag::P).class("note").text(format!(
            "The plot shows the first {PLOT_ROWS} statements; the table has all {}.",
            thousands(d.rows.len())
        )));
    }
    section
        .children(absent)
        .child(figure)
        .child(table(cx, &d).table(
            "dispersion-table",
            format!("Hits of “{q}” per statement, in date order"),
            None,
        ))
        .into()
}
