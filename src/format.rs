//! How counts and names are written across the app, so every view says
//! them the same way.

use crate::corpus::bundle;
use csto_core::model::StatementId;
use csto_core::view::Axis;

pub use csto_core::decimal::{plural, plural_thousands, thousands};

/// "2016 Bordyuzha": how a statement is named on axes and column headers.
pub fn statement_label(id: StatementId) -> String {
    bundle().corpus.statement_label(id)
}

/// What one column of an axis is: "year" or "statement".
pub fn axis_unit(axis: Axis) -> &'static str {
    match axis {
        Axis::Year => "year",
        Axis::Statement => "statement",
    }
}
