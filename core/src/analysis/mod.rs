//! The research views, each a pure function of the bundle (and a search,
//! where it needs one) that returns plain rows for the app to render and
//! export.
//!
//! - `entities`: counts and mentions of cited resolutions, organizations…
//! - `concordance`: keyword in context.
//! - `keyness`: distinctive terms (Dunning's log-likelihood).
//! - `trends`: occurrences per 10,000 words over time.
//! - `snippet`: highlighted excerpts as text fragments (never HTML).
//! - `cite`: citations of a statement or paragraph.
//! - `export`: CSV and JSON of results and views.

pub mod cite;
pub mod concordance;
pub mod entities;
pub mod export;
pub mod keyness;
pub mod snippet;
pub mod trends;
