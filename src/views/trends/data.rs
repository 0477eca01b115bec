//! What the trends chart shows, shaped from the view: the series (compared
//! terms, the query, or the themes) and their values per column.

use crate::columns::{columns, Column};
use crate::corpus::bundle;
use crate::state::filtered_statements;
use csto_core::model::ThemeId;
use csto_core::query::Query;
use csto_core::trends::{per_10k, theme_trend, trends, Series};
use csto_core::view::{Axis, Scale, ViewState};

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
fn series(view: &ViewState, query: &Query) -> (Mode, Vec<Series>) {
    let bundle = bundle();
    let corpus = &bundle.corpus;
    if !view.compare.is_empty() {
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
    }
}

/// A series' value at a column: its statements' counts and words pooled.
fn value(series: &Series, column: &Column, scale: Scale) -> Value {
    let (count, words) = column.statements.iter().fold((0, 0), |(n, w), &id| {
        let p = &series.statements[id as usize];
        (n + p.count, w + p.words)
    });
    let rate = per_10k(count, words);
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

/// The chart of `view` (whose query is `query`): its series over the
/// columns of the statements that pass the filters.
pub fn chart_data(view: &ViewState, query: &Query) -> Chart {
    let (mode, series) = series(view, query);
    let columns = columns(&filtered_statements(view), view.axis);
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
