//! One file per analysis view: `describe(&Context) -> Node`. No view
//! imports another; what they share is in `common`.

pub mod axis;
pub mod common;
pub mod ngrams;
pub mod theme_grid;
pub mod trends;
pub mod word_list;
