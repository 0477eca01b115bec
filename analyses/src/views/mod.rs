//! One file per analysis view: `describe(&Context) -> Node`. No view
//! imports another; what they share is in `common`.

pub mod common;
pub mod compare;
pub mod concordance;
pub mod ngrams;
pub mod word_list;
