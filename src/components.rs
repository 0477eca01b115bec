//! The app's components, one per file.

pub mod facets;
pub mod fragments;
pub mod help;
pub mod link;
pub mod notices;
pub mod reader;
pub mod results;
pub mod search_box;
pub mod share;
pub mod statement_meta;
