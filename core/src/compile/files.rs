//! Paths inside the corpus directory, and errors that name them as the
//! user knows them (`corpus/themes.toml`, field `theme[3].terms`): every
//! check of the loader reports through [`Files::error`], and TOML's own
//! errors are turned into ones that name the field ([`Files::parse`]).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::CorpusError;

/// Paths inside the corpus directory, and errors that name them as the user
/// knows them.
pub(super) struct Files<'a> {
    pub(super) dir: &'a Path,
}

impl Files<'_> {
    /// `corpus/statements/`.
    pub(super) fn statements_dir(&self) -> PathBuf {
        self.dir.join("statements")
    }

    /// The file of statement `id` with extension `ext` (`toml`, `txt`).
    pub(super) fn statement(&self, id: &str, ext: &str) -> PathBuf {
        self.statements_dir().join(format!("{id}.{ext}"))
    }

    /// `path` relative to the corpus directory's parent: `corpus/themes.toml`.
    pub(super) fn shown(&self, path: &Path) -> PathBuf {
        let relative = path.strip_prefix(self.dir).unwrap_or(path);
        match self.dir.file_name() {
            Some(name) => Path::new(name).join(relative),
            None => relative.to_path_buf(),
        }
    }

    /// An error in `path` (as [`Files::shown`]), at `field` if there is one.
    pub(super) fn error(
        &self,
        path: &Path,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> CorpusError {
        CorpusError {
            file: self.shown(path),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    /// The text of `path`, or an error naming it.
    pub(super) fn read(&self, path: &Path) -> Result<String, CorpusError> {
        fs::read_to_string(path).map_err(|e| self.error(path, None, format!("cannot read: {e}")))
    }

    /// Deserializes a TOML file, turning toml's error into one that names
    /// the field: from the message for missing and unknown fields, from the
    /// key on the offending line otherwise.
    pub(super) fn parse<T: for<'de> Deserialize<'de>>(
        &self,
        path: &Path,
    ) -> Result<T, CorpusError> {
        let source = self.read(path)?;
        toml::from_str(&source).map_err(|e| {
            let message = e.message().trim();
            let quoted = |prefix: &str| {
                let rest = message.strip_prefix(prefix)?;
                rest.split('`').next().map(str::to_string)
            };
            let (line, key) = match e.span() {
                // a span from the top covers the whole document: no useful line
                Some(span) if span.start > 0 => {
                    let start = span.start.min(source.len());
                    let line_no = source[..start].matches('\n').count() + 1;
                    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
                    let line = source[line_start..].lines().next().unwrap_or("");
                    (Some(line_no), key_of_line(line))
                }
                _ => (None, None),
            };
            let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
            let (field, message) = if let Some(f) = quoted("missing field `") {
                (Some(f), format!("required field is missing{at}"))
            } else if let Some(f) = quoted("unknown field `") {
                let expected = message.split_once(", expected ").map(|(_, e)| e);
                let hint = expected
                    .map(|e| format!("; expected {e}"))
                    .unwrap_or_default();
                (Some(f), format!("unknown field{hint}{at}"))
            } else {
                (key, format!("{message}{at}"))
            };
            self.error(path, field.as_deref(), message)
        })
    }
}

/// The key of a `key = value` line, if the line is one.
fn key_of_line(line: &str) -> Option<String> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.".contains(c)))
    .then(|| key.to_string())
}
