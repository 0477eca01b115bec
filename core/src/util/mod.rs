//! Leaf utilities with no knowledge of the corpus: the program's one sort,
//! integer number formatting, a bounded edit distance, the key rule and the
//! galloping cursor of sorted-list walks.
//! Nothing here imports another module of the crate.

pub mod decimal;
pub mod edit_distance;
pub mod order;
pub mod seek;
pub mod slug;
