//! Small reusable parts of the page, one component per file. A component
//! may use another component, never a view (`crate::views`).

pub mod cite;
pub mod data_table;
pub mod described;
pub mod entities;
pub mod facets;
pub mod fragments;
pub mod help;
pub mod link;
pub mod method;
pub mod notices;
pub mod search_box;
pub mod share;
pub mod statement_meta;
pub mod table_export;
pub mod tabs;
