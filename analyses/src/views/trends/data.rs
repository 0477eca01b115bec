//! What the trends chart shows, shaped from the view: the series (compared
//! terms, the query, or the themes) and their values per column.

use crate::views::axis::{columns, Column};
use crate::Context;
use csto_core::analysis::per_10k;
use csto_core::analysis::trends::{theme_trend, trend, Series};
use csto_core::model::ThemeId;
use csto_core::query::Query;
use csto_core::view::{Axis, Scale};

/// What the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The terms of `t=`.
    Compare,
    /// The current query.
    Query,
    /// No query: each theme (or each ticked theme).
    Themes,
}

/// One value of a series at a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    pub count: u32,
    pub words: u32,
    pub per_10k: f64,
    /// What the chart plots: `per_10k`, or `count` on the raw scale.
    pub plotted: f64,
}

/// One series: a term or a theme, with a value per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub mode: Mode,
    pub axis: Axis,
    pub scale: Scale,
    pub columns: Vec<Column>,
    pub lines: Vec<Line>,
}

/// The series the view asks for, over the whole corpus.
fn series(cx: &Context) -> (Mode, Vec<Series>) {
    let view = &cx.view;
    let corpus = &cx.bundle.corpus;
    let of = |q: &str| trend(cx.searcher, q.trim(), &Query::parse(q));
    if !view.compare.is_empty() {
        (Mode::Compare, view.compare.iter().map(|q| of(q)).collect())
    } else if !cx.query.is_browse() {
        (Mode::Query, vec![of(&view.q)])
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
            themes
                .into_iter()
                .map(|t| theme_trend(cx.bundle, t))
                .collect(),
        )
    }
}

/// A series' value at a column: its statements' counts and words pooled.
fn value(series: &Series, column: &Column, scale: Scale) -> Value {
    let (count, words) = column.statements.iter().fold((0, 0), |(n, w), &id| {
        let p = &series.statements[id as usize];
        (n + p.count, w + p.words)
    });
    let rate = per_10k(count, words as u64);
    Value {
        count,
        words,
        per_10k: rate,
        plotted: match scale {
            Scale::Per10k => rate,
            Scale::Raw => count as f64,
        },
    }
}

/// The chart of the view: its series over the columns of the statements
/// that pass the filters.
pub fn chart_data(cx: &Context) -> Chart {
    let view = &cx.view;
    let (mode, series) = series(cx);
    let columns = columns(&cx.bundle.corpus, &cx.statements(), view.axis);
    let lines = series
        .into_iter()
        .map(|s| Line {
            values: columns
                .iter()
                .map(|c| value(&s, c, view.params.scale))
                .collect(),
            label: s.label,
        })
        .collect();
    Chart {
        mode,
        axis: view.axis,
        scale: view.params.scale,
        columns,
        lines,
    }
}
