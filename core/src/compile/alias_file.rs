//! `corpus/aliases.toml`: spellings the search treats as one
//! (`[[alias]]` label, terms, one_way), each checked to hold words.

use serde::Deserialize;

use super::error::CorpusError;
use super::files::Files;
use crate::model::AliasGroup;
use crate::text::tokens;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasesFile {
    alias: Vec<AliasEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasEntry {
    label: String,
    terms: Vec<String>,
    #[serde(default)]
    one_way: Vec<String>,
}

/// The alias groups of `aliases.toml`: each labelled, with at least one
/// term, every term and one-way spelling with words.
pub(super) fn load_aliases(files: &Files) -> Result<Vec<AliasGroup>, CorpusError> {
    let path = files.dir.join("aliases.toml");
    let file: AliasesFile = files.parse(&path)?;
    let mut groups = Vec::with_capacity(file.alias.len());
    for (i, entry) in file.alias.into_iter().enumerate() {
        let err = |name: &str, message: String| {
            files.error(&path, Some(&format!("alias[{i}].{name}")), message)
        };
        if entry.label.trim().is_empty() {
            return Err(err("label", "must not be empty".into()));
        }
        if entry.terms.is_empty() {
            return Err(err(
                "terms",
                "an alias group needs at least one term".into(),
            ));
        }
        for (name, list) in [("terms", &entry.terms), ("one_way", &entry.one_way)] {
            if let Some(t) = list.iter().find(|t| tokens(t).next().is_none()) {
                return Err(err(name, format!("the term {t:?} has no words")));
            }
        }
        groups.push(AliasGroup {
            label: entry.label,
            terms: entry.terms,
            one_way: entry.one_way,
        });
    }
    Ok(groups)
}
