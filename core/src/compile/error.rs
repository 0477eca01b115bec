//! The build's one error type: what is wrong with `corpus/`, and where.

use std::fmt;
use std::path::PathBuf;

/// A problem with the corpus, naming the file (relative to the corpus
/// directory's parent, e.g. `corpus/statements/2016-bordyuzha.toml`) and,
/// when there is one, the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// The file at fault, as shown to the user.
    pub file: PathBuf,
    /// The field at fault, e.g. `date` or `theme[3].terms`.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file.display())?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for CorpusError {}
