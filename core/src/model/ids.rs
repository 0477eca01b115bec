//! Every id in the program: dense indexes into the corpus's lists and the
//! index's tables. They live here, at the bottom of the import graph, so any
//! module can name them without importing the module that fills the list.

/// Index of a speaker in `Corpus::speakers`.
pub type SpeakerId = u16;
/// Index of a theme in `Corpus::themes`.
pub type ThemeId = u16;
/// Index of a statement in `Corpus::statements` (ordered by date).
pub type StatementId = u16;
/// Index of an entity in `Corpus::entities`.
pub type EntityId = u16;
/// Index of a passage across the whole corpus (statement order, then
/// paragraph order), as numbered by the index.
pub type PassageId = u32;
/// Index of a term (a stem) in `Index::terms`.
pub type TermId = u32;
