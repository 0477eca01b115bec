//! The app's components, one per file.

pub mod axis_toggle;
pub mod cite;
pub mod concordance;
pub mod entities;
pub mod export;
pub mod facets;
pub mod fragments;
pub mod help;
pub mod keywords;
pub mod link;
pub mod notices;
pub mod reader;
pub mod results;
pub mod search_box;
pub mod share;
pub mod statement_meta;
pub mod tabs;
pub mod theme_grid;
pub mod trends;
