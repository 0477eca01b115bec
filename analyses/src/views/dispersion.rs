//! Dispersion: where the query occurs in each statement passing the filters
//! (`csto_core::analysis::dispersion`, as AntConc's Plot and #LancsBox's
//! Whelk show it): one row per statement, an SVG bar as long as the
//! statement with a tick at each hit, each tick a link to its paragraph;
//! above it range and Gries' DP; below it the same rows as a table to read
//! and export.
//!
//! On a phone (less than [`NARROW_PX`] of room, the page's width being
//! asked for) a row is laid out in two lines, the statement's name and
//! counts over a bar as wide as the page, and hits closer than a finger are
//! one mark, so each mark is at least [`MARK_PX`] square (WCAG 2.2, target
//! size) and none overlaps another. Wider, every hit is a mark of its own.

use super::common::{empty, heading, method, TableData};
use crate::Context;
use csto_core::analysis::{dispersion, Dispersion, DispersionRow};
use csto_core::model::Corpus;
use csto_core::panel::{el, link, Attr, Cell, Column, Element, Link, Node, Tag};
use csto_core::util::decimal::{fixed, plural_thousands, thousands};
use csto_core::view::ViewState;

/// The plot's width in SVG units; bars scale to the longest statement.
const PLOT_W: f64 = 1000.0;
/// The bars' viewBox, PLOT_W wide, written out: formatting an `f64` would
/// link the standard library's float printing (~11 KB) into the wasm.
const PLOT_VIEWBOX: &str = "0 0 1000 24";
/// The most rows plotted (the table has them all).
const PLOT_ROWS: usize = 200;
/// Below this many CSS pixels for the view, the plot is laid out for a
/// phone (module docs); the desktop's layout needs about 600.
const NARROW_PX: u32 = 640;
/// A mark's least width and height on a phone, in CSS pixels: WCAG 2.2's
/// minimum target size (success criterion 2.5.8).
const MARK_PX: f64 = 24.0;

/// How the bars are drawn: stretched from a viewBox [`PLOT_W`] wide (the
/// desktop's), or in CSS pixels, `width` of them for the longest statement.
#[derive(Clone, Copy)]
enum Plot {
    Scaled,
    Narrow { width: u32 },
}

impl Plot {
    /// The layout for a view with `width` CSS pixels (unknown: the desktop's).
    fn for_width(width: Option<u32>) -> Plot {
        match width {
            Some(width) if width < NARROW_PX => Plot::Narrow { width },
            _ => Plot::Scaled,
        }
    }

    /// The bars' drawing width, in the SVG's own units.
    fn units(self) -> f64 {
        match self {
            Plot::Scaled => PLOT_W,
            Plot::Narrow { width } => width as f64,
        }
    }
}

/// The hits at `xs` (CSS pixels from the bar's start, ascending) grouped
/// into marks for a finger on a bar `width` pixels wide: each mark is a
/// span (left edge, width) at least [`MARK_PX`] wide holding the hits of
/// its range; every hit lies inside its mark, no two marks overlap, and all
/// lie inside the bar. A hit inside the last mark joins it; otherwise a new
/// mark is centred on it, pushed right of the last one and kept inside the
/// bar, or, where no room is left before the bar's end, the last mark
/// widens to the end to take it.
fn finger_marks(xs: &[f64], width: f64) -> Vec<(f64, f64, std::ops::Range<usize>)> {
    let mut marks: Vec<(f64, f64, std::ops::Range<usize>)> = Vec::new();
    for (i, &x) in xs.iter().enumerate() {
        if let Some((left, span, hits)) = marks.last_mut() {
            let right = *left + *span;
            if x >= right && right + MARK_PX > width {
                *span = width - *left;
            }
            if x < *left + *span {
                hits.end = i + 1;
                continue;
            }
        }
        let floor = marks.last().map_or(0.0, |(left, span, _)| left + span);
        let left = (x - MARK_PX / 2.0).min(width - MARK_PX).max(floor);
        marks.push((left, MARK_PX, i..i + 1));
    }
    marks
}

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

/// One row of the plot: the statement's name, its bar with its marks
/// ([`marks`]), its count and rate.
fn plot_row(
    corpus: &Corpus,
    view: &ViewState,
    row: &DispersionRow,
    longest: u32,
    plot: Plot,
) -> Element {
    let label = corpus.statement_label(row.statement);
    let scale = |tokens: f64| tokens * plot.units() / longest.max(1) as f64;
    let n = row.hits.len();
    let summary = format!(
        "{label}: {} in {}",
        plural_thousands(n, "hit", "hits"),
        plural_thousands(row.tokens as usize, "word", "words")
    );
    let view_box = match plot {
        Plot::Scaled => PLOT_VIEWBOX.to_string(),
        Plot::Narrow { width } => format!("0 0 {width} 24"),
    };
    let bar = el(Tag::Svg)
        .class("disp-bar")
        .attr(Attr::ViewBox, view_box)
        .attr(Attr::PreserveAspectRatio, "none")
        .attr(Attr::Role, "group")
        .attr(Attr::AriaLabel, summary)
        .attr(Attr::Xmlns, "http://www.w3.org/2000/svg")
        .child(
            el(Tag::Rect)
                .class("bar")
                .attr(Attr::X, "0")
                .attr(Attr::Y, "6")
                .attr(Attr::Width, fixed(scale(row.tokens as f64), 1))
                .attr(Attr::Height, "12"),
        )
        .children(marks(view, row, &label, scale, plot));
    el(Tag::Li)
        .class("disp-row")
        .attr(Attr::DataStatement, row.key.clone())
        .attr(Attr::DataCount, n.to_string())
        .child(el(Tag::Span).class("disp-label").text(label))
        .child(bar)
        .child(el(Tag::Span).class("disp-count").text(thousands(n)))
        .child(el(Tag::Span).class("disp-rate").text(fixed(row.per_10k, 1)))
}

/// The marks on `row`'s bar, each a link to the reader at the paragraph of
/// its (first) hit with the query highlighted: a tick per hit at `scale`d
/// positions, under an area the pointer finds (the lines have none), 12
/// units wide per hit on a desktop, [`finger_marks`] on a phone.
fn marks(
    view: &ViewState,
    row: &DispersionRow,
    label: &str,
    scale: impl Fn(f64) -> f64,
    plot: Plot,
) -> Vec<Link> {
    let xs: Vec<f64> = row
        .hits
        .iter()
        .map(|h| scale(h.position as f64 + 0.5))
        .collect();
    // Each mark: its area's left edge and width (as written: the desktop's
    // "12" exactly as before this layout had a phone's), and its hits.
    let areas: Vec<(f64, String, std::ops::Range<usize>)> = match plot {
        Plot::Scaled => xs
            .iter()
            .enumerate()
            .map(|(i, x)| (x - 6.0, "12".to_string(), i..i + 1))
            .collect(),
        Plot::Narrow { width } => finger_marks(&xs, width as f64)
            .into_iter()
            .map(|(left, span, hits)| (left, fixed(span, 1), hits))
            .collect(),
    };
    areas
        .into_iter()
        .map(|(left, width, hits)| {
            let name = mark_name(label, row, hits.clone());
            let to = view.reading(&row.key, Some(row.hits[hits.start].paragraph + 1));
            let mark = link(&to, el(Tag::Title).text(name.clone()))
                .class("tick-link")
                .label(name)
                .child(
                    el(Tag::Rect)
                        .class("hit-area")
                        .attr(Attr::X, fixed(left, 1))
                        .attr(Attr::Y, "0")
                        .attr(Attr::Width, width)
                        .attr(Attr::Height, "24"),
                );
            hits.fold(mark, |mark, i| {
                let x = fixed(xs[i], 1);
                mark.child(
                    el(Tag::Line)
                        .class("tick")
                        .attr(Attr::X1, x.clone())
                        .attr(Attr::X2, x)
                        .attr(Attr::Y1, "1")
                        .attr(Attr::Y2, "23")
                        .attr(Attr::VectorEffect, "non-scaling-stroke"),
                )
            })
        })
        .collect()
}

/// The accessible name of the mark holding `row`'s hits `hits` (indices):
/// where one hit is in the statement, or which hits and paragraphs a
/// phone's grouped mark holds.
fn mark_name(label: &str, row: &DispersionRow, hits: std::ops::Range<usize>) -> String {
    let n = row.hits.len();
    if hits.len() == 1 {
        let h = &row.hits[hits.start];
        return format!(
            "{label}: hit {} of {n}, word {} of {}, paragraph {}",
            hits.start + 1,
            thousands(h.position as usize + 1),
            thousands(row.tokens as usize),
            h.paragraph + 1
        );
    }
    let mut paragraphs: Vec<u16> = row.hits[hits.clone()]
        .iter()
        .map(|h| h.paragraph + 1)
        .collect();
    paragraphs.dedup();
    let paragraphs: Vec<String> = paragraphs.iter().map(u16::to_string).collect();
    format!(
        "{label}: hits {}–{} of {n}, {} {}",
        hits.start + 1,
        hits.end,
        if paragraphs.len() == 1 {
            "paragraph"
        } else {
            "paragraphs"
        },
        paragraphs.join(", ")
    )
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

/// The dispersion view of `cx`: without a query, how to start; else the
/// figures, the method, the plot and the table.
pub fn describe(cx: &Context) -> Node {
    let section = el(Tag::Section)
        .class("dispersion-view")
        .attr(Attr::AriaLabelledby, "disp-heading")
        .child(heading("disp-heading", "Dispersion"));
    if cx.query.is_browse() {
        return section.child(browse_hint(&cx.view)).into();
    }
    let d = dispersion(cx.bundle, &cx.statements(), &cx.query);
    let section = section.child(figures(&d)).child(method_note(&d));
    if d.rows.is_empty() {
        return section
            .child(empty("No statement passes these filters."))
            .into();
    }
    let q = cx.view.q.trim();
    let absent = (d.freq == 0).then(|| {
        empty(format!(
            "“{q}” does not occur in the statements passing these filters."
        ))
    });
    section
        .children(absent)
        .child(plot_figure(cx, &d))
        .child(table(cx, &d).table(
            "dispersion-table",
            format!("Hits of “{q}” per statement, in date order"),
            None,
        ))
        .into()
}

/// What to do without a query, with an example to follow.
fn browse_hint(view: &ViewState) -> Element {
    let example = view.with_query("Afghanistan");
    el(Tag::Div)
        .class("empty")
        .child(el(Tag::P).text("Type a search term above to see where it occurs in each statement: a bar per statement, a mark at each hit."))
        .child(
            el(Tag::P)
                .class("hint")
                .text("For example: ")
                .child(link(&example, "the dispersion of Afghanistan")),
        )
}

/// "How this is computed", with `d`'s n, N and hits.
fn method_note(d: &Dispersion) -> Node {
    method([
        "A hit is what the search finds for the query: stems, variant spellings, phrases and patterns as in search; a phrase or a NEAR pair is one hit, placed at its first word. Tokens are the words of the search index (runs of letters and digits in the paragraphs; headings not counted). A statement’s bar is as long as its token count, the longest filling the width; a tick is a hit’s position counted from the statement’s first word, paragraphs running on. Counts cover each whole statement: theme and entity filters choose statements, not paragraphs.".to_string(),
        format!("Range is k of n: statements with at least one hit, of the {} passing the filters. DP (Gries 2008, “Dispersions and adjusted frequencies in corpora”) = ½ Σ |vᵢ − sᵢ|, where sᵢ is statement i’s share of all tokens (the expected share: parts weighted by their size) and vᵢ its share of the hits (the observed share). DP is 0 when every statement has hits in proportion to its length and approaches 1 when all are in one small part; its largest possible value is 1 − min sᵢ, so DPnorm = DP / (1 − min sᵢ) (Lijffijt & Gries 2012) reaches 1 whatever the sizes. Here n = {}, N = {} tokens, {}.",
            d.parts, d.parts, thousands(d.tokens as usize), plural_thousands(d.freq as usize, "hit", "hits")),
    ])
}

/// The plot: a head line, a row per statement (the first [`PLOT_ROWS`]),
/// laid out for the view's width.
fn plot_figure(cx: &Context, d: &Dispersion) -> Element {
    let q = cx.view.q.trim();
    let plot = Plot::for_width(cx.width);
    let longest = d.rows.iter().map(|r| r.tokens).max().unwrap_or(0);
    let class = match plot {
        Plot::Scaled => "disp-figure",
        Plot::Narrow { .. } => "disp-figure narrow",
    };
    let mut figure = el(Tag::Figure)
        .class(class)
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
                .children(d.rows.iter().take(PLOT_ROWS).map(|r| {
                    plot_row(&cx.bundle.corpus, &cx.view, r, longest, plot)
                })),
        );
    if d.rows.len() > PLOT_ROWS {
        figure = figure.child(el(Tag::P).class("note").text(format!(
            "The plot shows the first {PLOT_ROWS} statements; the table has all {}.",
            thousands(d.rows.len())
        )));
    }
    figure
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks' left edges and hit ranges, worked out by hand: a hit
    /// inside the last mark joins it; a new one is centred on its hit unless
    /// the last mark or the bar's end pushes it.
    #[test]
    fn finger_marks_hold_every_hit_and_never_overlap() {
        let marks = |xs: &[f64], w: f64| finger_marks(xs, w);
        // Far apart: one mark each, centred (the first pushed inside the bar).
        assert_eq!(
            marks(&[5.0, 100.0], 300.0),
            vec![(0.0, 24.0, 0..1), (88.0, 24.0, 1..2)]
        );
        // 5 and 20 share the first mark [0, 24); 30 starts one at 24, not 18.
        assert_eq!(
            marks(&[5.0, 20.0, 30.0], 300.0),
            vec![(0.0, 24.0, 0..2), (24.0, 24.0, 2..3)]
        );
        // At the bar's end the mark ends with the bar.
        assert_eq!(marks(&[295.0], 300.0), vec![(276.0, 24.0, 0..1)]);
        // No room for a mark after [260, 284): it widens to the end for 290.
        assert_eq!(marks(&[272.0, 290.0], 300.0), vec![(260.0, 40.0, 0..2)]);
        // Ten hits 3 px apart from 100: [88, 112) holds 100–109, and 112
        // (on its right edge, which is open) starts the next.
        let xs: Vec<f64> = (0..10).map(|i| 100.0 + 3.0 * i as f64).collect();
        assert_eq!(
            marks(&xs, 300.0),
            vec![(88.0, 24.0, 0..4), (112.0, 24.0, 4..10)]
        );
        assert!(marks(&[], 300.0).is_empty());
    }

    #[test]
    fn a_phone_gets_the_narrow_plot_a_desktop_the_scaled_one() {
        assert!(matches!(Plot::for_width(None), Plot::Scaled));
        assert!(matches!(Plot::for_width(Some(800)), Plot::Scaled));
        assert!(matches!(Plot::for_width(Some(NARROW_PX)), Plot::Scaled));
        assert!(matches!(
            Plot::for_width(Some(350)),
            Plot::Narrow { width: 350 }
        ));
    }
}
