//! `corpus/themes.toml`: the themes (`[[theme]]` id, label, terms) and the
//! rules that tag passages with them (entities, `[[theme.context]]`,
//! `[[theme.coreference]]`; see `themes`), every field checked so that a
//! rule that could never match, or matches anywhere by mistake, fails the
//! build naming its field (`theme[3].context[0].terms`).

use serde::Deserialize;

use super::entities::CatalogEntry;
use super::error::CorpusError;
use super::files::Files;
use super::themes::{ContextRule, Coreference, ThemeRules};
use crate::model::Theme;
use crate::text::tokens;
use crate::util::slug::is_slug;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    theme: Vec<ThemeEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeEntry {
    id: String,
    label: String,
    terms: Vec<String>,
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    context: Vec<ContextEntry>,
    #[serde(default)]
    coreference: Vec<CoreferenceEntry>,
}

/// `[[theme.context]]`: terms that count only in context.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextEntry {
    terms: Vec<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    self_reference: Vec<String>,
    #[serde(default)]
    not_in_list: bool,
}

/// `[[theme.coreference]]`: terms that stand for an anchor named just before.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoreferenceEntry {
    terms: Vec<String>,
    anchors: Vec<String>,
}

/// The themes and, for each, its rules (`rules[i]` is `themes[i]`'s).
pub(super) fn load_themes(files: &Files) -> Result<(Vec<Theme>, Vec<ThemeRules>), CorpusError> {
    let path = files.dir.join("themes.toml");
    let file: ThemesFile = files.parse(&path)?;
    let mut themes: Vec<Theme> = Vec::with_capacity(file.theme.len());
    let mut rules: Vec<ThemeRules> = Vec::with_capacity(file.theme.len());
    for (i, entry) in file.theme.into_iter().enumerate() {
        let checks = ThemeChecks {
            files,
            path: &path,
            i,
            terms: &entry.terms,
        };
        checks.theme(&entry, &themes)?;
        let context = entry
            .context
            .iter()
            .enumerate()
            .map(|(k, c)| checks.context_rule(k, c))
            .collect::<Result<Vec<_>, _>>()?;
        let coreference = entry
            .coreference
            .iter()
            .enumerate()
            .map(|(k, c)| checks.coreference(k, c))
            .collect::<Result<Vec<_>, _>>()?;
        rules.push(ThemeRules {
            entities: entry.entities,
            context,
            coreference,
        });
        themes.push(Theme {
            id: entry.id,
            label: entry.label,
            terms: entry.terms,
        });
    }
    if themes.len() > usize::from(u16::MAX) {
        return Err(files.error(&path, Some("theme"), "too many themes"));
    }
    Ok((themes, rules))
}

/// The checks of the `i`-th theme of `themes.toml` (whose plain terms are
/// `terms`), each error naming its field under `theme[i]`.
struct ThemeChecks<'a> {
    files: &'a Files<'a>,
    path: &'a std::path::Path,
    i: usize,
    terms: &'a [String],
}

impl ThemeChecks<'_> {
    /// The field `name` of this theme: `theme[3].terms`.
    fn field(&self, name: &str) -> String {
        format!("theme[{}].{name}", self.i)
    }

    fn err(&self, name: &str, message: String) -> CorpusError {
        self.files
            .error(self.path, Some(&self.field(name)), message)
    }

    /// The theme's own fields: a slug id not taken by an earlier theme
    /// (`themes`), a label, at least one term and each with words.
    fn theme(&self, entry: &ThemeEntry, themes: &[Theme]) -> Result<(), CorpusError> {
        if !is_slug(&entry.id) {
            return Err(self.err(
                "id",
                format!(
                    "expected a URL-safe slug such as \"drug-trafficking\", found {:?}",
                    entry.id
                ),
            ));
        }
        if let Some(j) = themes.iter().position(|t| t.id == entry.id) {
            return Err(self.err(
                "id",
                format!("duplicate id {:?} (also theme[{j}])", entry.id),
            ));
        }
        if entry.label.trim().is_empty() {
            return Err(self.err("label", "must not be empty".into()));
        }
        if entry.terms.is_empty() {
            return Err(self.err("terms", "a theme needs at least one term".into()));
        }
        if let Some(t) = entry.terms.iter().find(|t| tokens(t).next().is_none()) {
            return Err(self.err("terms", format!("the term {t:?} has no words")));
        }
        Ok(())
    }

    /// A list of words in a rule (field `name`): not empty when
    /// `required`, and each entry with words.
    fn words(&self, name: String, list: &[String], required: bool) -> Result<(), CorpusError> {
        let field = Some(self.field(&name));
        if required && list.is_empty() {
            return Err(self
                .files
                .error(self.path, field.as_deref(), "must not be empty"));
        }
        if let Some(t) = list.iter().find(|t| tokens(t).next().is_none()) {
            let message = format!("the term {t:?} has no words");
            return Err(self.files.error(self.path, field.as_deref(), message));
        }
        Ok(())
    }

    /// A rule's terms (field `name`) are not also plain terms, where they
    /// would count anywhere.
    fn not_plain(&self, name: String, list: &[String]) -> Result<(), CorpusError> {
        match list.iter().find(|t| self.terms.contains(t)) {
            Some(t) => Err(self.files.error(
                self.path,
                Some(&self.field(&name)),
                format!("{t:?} is also in `terms`, where it counts anywhere"),
            )),
            None => Ok(()),
        }
    }

    /// The `k`-th `[[theme.context]]`: terms that are not plain terms, word
    /// lists with words, and at least one condition.
    fn context_rule(&self, k: usize, c: &ContextEntry) -> Result<ContextRule, CorpusError> {
        let name = |f: &str| format!("context[{k}].{f}");
        self.words(name("terms"), &c.terms, true)?;
        self.not_plain(name("terms"), &c.terms)?;
        for (f, list) in [
            ("with", &c.with),
            ("not_after", &c.not_after),
            ("not_before", &c.not_before),
            ("self_reference", &c.self_reference),
        ] {
            self.words(name(f), list, false)?;
        }
        let conditions = !c.with.is_empty()
            || !c.not_after.is_empty()
            || !c.not_before.is_empty()
            || !c.self_reference.is_empty()
            || c.not_in_list;
        if !conditions {
            return Err(self.err(
                &format!("context[{k}]"),
                "a context rule needs a condition: with, not_after, not_before, self_reference or not_in_list".into(),
            ));
        }
        Ok(ContextRule {
            terms: c.terms.clone(),
            with: c.with.clone(),
            not_after: c.not_after.clone(),
            not_before: c.not_before.clone(),
            self_reference: c.self_reference.clone(),
            not_in_list: c.not_in_list,
        })
    }

    /// The `k`-th `[[theme.coreference]]`: terms that are not plain terms,
    /// and anchors, both with words.
    fn coreference(&self, k: usize, c: &CoreferenceEntry) -> Result<Coreference, CorpusError> {
        let name = |f: &str| format!("coreference[{k}].{f}");
        self.words(name("terms"), &c.terms, true)?;
        self.not_plain(name("terms"), &c.terms)?;
        self.words(name("anchors"), &c.anchors, true)?;
        Ok(Coreference {
            terms: c.terms.clone(),
            anchors: c.anchors.clone(),
        })
    }
}

/// Every entity key a theme names is a catalogue entry (`org-…`, `op-…`) or
/// has the form of a citation key (`sc-1373`, `ga-73-331`, `doc-…`).
pub(super) fn check_theme_entities(
    files: &Files,
    rules: &[ThemeRules],
    catalog: &[CatalogEntry],
) -> Result<(), CorpusError> {
    let path = files.dir.join("themes.toml");
    for (i, r) in rules.iter().enumerate() {
        for key in &r.entities {
            let known = if key.starts_with("org-") || key.starts_with("op-") {
                catalog.iter().any(|e| &e.key == key)
            } else {
                is_slug(key) && ["sc-", "ga-", "doc-"].iter().any(|p| key.starts_with(p))
            };
            if !known {
                return Err(files.error(
                    &path,
                    Some(&format!("theme[{i}].entities")),
                    format!("no entity {key:?}: expected a key of corpus/entities.toml or a citation key such as \"sc-1373\""),
                ));
            }
        }
    }
    Ok(())
}
