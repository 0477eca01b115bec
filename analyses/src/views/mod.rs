//! One file per analysis view: `describe(&Context) -> Node`. No view
//! imports another; what they share is in `common`.

pub mod axis;
pub mod collocates;
pub mod common;
pub mod compare;
pub mod concordance;
pub mod dispersion;
pub mod ngrams;
pub mod summary;
pub mod theme_grid;
pub mod trends;
pub mod word_list;
