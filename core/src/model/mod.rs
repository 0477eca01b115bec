//! The corpus model: what a statement is, who said it, which themes its
//! passages touch and which entities it cites. Plain data, compiled by
//! `build.rs` into the wasm bundle; nothing here depends on the browser or on
//! any other module of the crate.

mod corpus;
mod entity;
mod ids;

pub use corpus::{
    surname, AliasGroup, Corpus, Date, DatePrecision, Passage, Speaker, Statement, Theme, ThemeTag,
    ThemeWeight,
};
pub use entity::{Entity, EntityKind, Mention};
pub use ids::{EntityId, PassageId, SpeakerId, StatementId, TermId, ThemeId};
