//! How counts and names are written across the app, so every view says
//! them the same way.

pub use csto_core::util::decimal::{plural, plural_thousands, thousands};
