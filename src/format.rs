//! How counts and names are written across the app, so every view says
//! them the same way.

use crate::corpus::bundle;
use csto_core::model::StatementId;

pub use csto_core::decimal::{plural, plural_thousands, thousands};

pub use csto_core::model::surname;

/// "2016 Bordyuzha": how a statement is named on axes and column headers.
pub fn statement_label(id: StatementId) -> String {
    bundle().corpus.statement_label(id)
}
