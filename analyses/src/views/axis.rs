//! What the trends chart and the theme overview share: statements grouped
//! into the columns of an axis (`by=`), one column per year, pooling that
//! year's statements, or one per statement; and the "By year / By
//! statement" links that choose it.
//!
//! The core's `trends::Series` also pools its counts by year, but over every
//! statement of the corpus; these columns hold only the statements that pass
//! the view's filters, so they are grouped here.

use csto_core::model::{Corpus, StatementId};
use csto_core::panel::{el, link, Node, Tag};
use csto_core::view::{Axis, Keyed, ViewState};

/// One position on the axis: a year or a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The year, or the statement id (`data-x`, `data-col`).
    pub key: String,
    /// "2016" or "2016 Bordyuzha".
    pub label: String,
    pub year: u16,
    /// The statements pooled in this column.
    pub statements: Vec<StatementId>,
}

/// The columns of `statements` (ascending ids, i.e. corpus order) along
/// `axis`, oldest first.
pub fn columns(corpus: &Corpus, statements: &[StatementId], axis: Axis) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for &id in statements {
        let s = &corpus.statements[id as usize];
        match axis {
            Axis::Statement => out.push(Column {
                key: s.id.clone(),
                label: corpus.statement_label(id),
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
    csto_core::util::order::sort_by_key(&mut out, |c| c.year);
    out
}

/// What one column of an axis is: "year" or "statement".
pub fn axis_unit(axis: Axis) -> &'static str {
    match axis {
        Axis::Year => "year",
        Axis::Statement => "statement",
    }
}

/// The `<li>` items of "By year / By statement" (links: the axis is part of
/// the URL); the caller gives the `<ul>`.
pub fn axis_toggle(view: &ViewState) -> Vec<Node> {
    [(Axis::Year, "By year"), (Axis::Statement, "By statement")]
        .into_iter()
        .map(|(a, label)| {
            let to = view.by_axis(a);
            el(Tag::Li)
                .child(
                    link(&to, label)
                        .class(format!("seg axis-{}", a.key()))
                        .current(view.axis == a),
                )
                .into()
        })
        .collect()
}
