//! How counts and names are written across the app, so every view says
//! them the same way.

pub use csto_core::util::decimal::{plural, plural_thousands, thousands};

use csto_core::analysis::cite::long_date;
use csto_core::model::{Corpus, Statement};

/// The site's name, as the masthead says it: the start page's title.
pub const SITE_NAME: &str = "CSTO Statements Explorer";

/// The title of a statement's page: who, when, what. The prerendered page
/// has it in `<title>`, and the app sets it when it opens the statement, so
/// tabs, bookmarks and history entries name the statement.
pub fn statement_title(corpus: &Corpus, s: &Statement) -> String {
    format!(
        "{}, {}: {} — {SITE_NAME}",
        corpus.speaker(s.speaker).name,
        long_date(s),
        s.title.trim_end_matches('.')
    )
}
