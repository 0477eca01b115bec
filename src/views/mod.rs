//! What fills the page for a view of the URL: the result list, the reader,
//! the export menu, and any analysis view (concordance, trends, themes,
//! compare, word list, n-grams, summary, collocates, dispersion), which the
//! analysis worker computes and describes (`analysis`). Each is built from
//! `components`, `state` and the core; no view imports another
//! (`tests/app_layers.rs` checks it).

mod analysis;
mod export;
mod reader;
mod results;

pub use analysis::AnalysisView;
pub use export::Export;
pub use reader::Reader;
pub use results::ResultList;
