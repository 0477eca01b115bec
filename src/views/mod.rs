//! What fills the page for a view of the URL: the result list, the reader,
//! the research views (concordance, trends, theme overview, distinctive
//! terms) and the export menu. Each is built from `components`, `state` and
//! the core; no view imports another (`tests/app_layers.rs` checks it).

mod analysis;
mod export;
mod reader;
mod results;

pub use analysis::AnalysisView;
pub use export::Export;
pub use reader::Reader;
pub use results::ResultList;
