//! Statements grouped into the columns of an axis (`by=`): one column per
//! year, pooling that year's statements, or one per statement. The trends
//! chart and the theme overview both lay out their columns with this.
//!
//! The core's `trends::Series` also pools its counts by year, but over every
//! statement of the corpus; the app's columns hold only the statements that
//! pass the view's filters, so they are grouped here.

use crate::corpus::bundle;
use crate::format::statement_label;
use csto_core::model::StatementId;
use csto_core::view::Axis;

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
pub fn columns(statements: &[StatementId], axis: Axis) -> Vec<Column> {
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
