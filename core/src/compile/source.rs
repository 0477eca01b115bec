//! Reading `corpus/` into a [`Corpus`].
//!
//! The corpus is edited by hand (a sixth statement is two new files), so this
//! module is where mistakes must be caught, and caught with a message that
//! says which file and which field: `build.rs` fails with that message rather
//! than shipping a bundle with a wrong date or a missing text. Everything is
//! checked before anything is built: required fields, real calendar dates,
//! URL-safe ids, that every metadata file has its text and every text its
//! metadata, that a speaker id always names the same person.
//!
//! Layout (see `corpus/README.md`):
//!
//! ```text
//! corpus/
//!   statements/<id>.toml   metadata of one statement (StatementFile below),
//!                          including curated paragraph breaks (`split_after`)
//!   statements/<id>.txt    its raw text, verbatim from the seed
//!   themes.toml            [[theme]] id, label, terms, entities,
//!                          [[theme.context]], [[theme.coreference]] (see `themes`)
//!   aliases.toml           [[alias]] label, terms, one_way
//!   entities.toml          [[entity]] key, kind, label, forms (see `entities`)
//! ```
//!
//! ```no_run
//! let corpus = csto_core::compile::source::load_corpus("corpus".as_ref()).unwrap_or_else(|e| panic!("{e}"));
//! assert_eq!(corpus.statements.len(), 5);
//! ```

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::cleanup::{break_after, clean, BreakError};
use super::entities::{extract, load_catalog, CatalogEntry};
pub use super::error::CorpusError;
use super::fields::non_empty;
use super::themes::{
    weights, ContextRule, Coreference, Mentioned, Paragraph, ThemeMatcher, ThemeRules,
};
use crate::model::{
    AliasGroup, Corpus, Date, DatePrecision, EntityKind, Passage, Speaker, SpeakerId, Statement,
    Theme,
};
use crate::text::tokens;
use crate::util::slug::is_slug;

/// Metadata of one statement, `corpus/statements/<id>.toml`. Unknown fields
/// are rejected so a misspelled optional field is not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementFile {
    title: String,
    speaker_id: String,
    speaker: String,
    role: String,
    date: String,
    date_precision: String,
    date_note: Option<String>,
    venue: String,
    record: String,
    record_url: Option<String>,
    kind: String,
    source_file: String,
    #[serde(default)]
    has_heading: bool,
    note: Option<String>,
    /// Curated paragraph breaks the source lost: each the sentence (as the
    /// cleaned paragraph reads) after which a new paragraph starts.
    #[serde(default)]
    split_after: Vec<String>,
}

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

/// Reads, validates and builds the corpus in `dir` (normally `corpus/`):
/// statements cleaned into passages, sorted by date, speakers deduplicated
/// by id; then entities extracted from the passages and, with their
/// mentions, passages tagged with themes and statements weighted by theme.
pub fn load_corpus(dir: &Path) -> Result<Corpus, CorpusError> {
    let files = Files { dir };
    let (themes, rules) = load_themes(&files)?;
    let aliases = load_aliases(&files)?;

    let mut loaded = Vec::new();
    for id in statement_ids(&files)? {
        loaded.push(load_statement(&files, &id)?);
    }
    loaded.sort_by(|a, b| {
        let key = |l: &Loaded| {
            (
                l.statement.date.year,
                l.statement.date.month,
                l.statement.date.day,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.statement.id.cmp(&b.statement.id))
    });

    let mut speakers: Vec<Speaker> = Vec::new();
    let mut first_seen: HashMap<String, (SpeakerId, String)> = HashMap::new();
    let mut statements = Vec::with_capacity(loaded.len());
    for Loaded {
        mut statement,
        speaker_id,
        speaker_name,
    } in loaded
    {
        let toml = files.statement(&statement.id, "toml");
        statement.speaker = match first_seen.get(&speaker_id) {
            Some((index, _)) if speakers[*index as usize].name == speaker_name => *index,
            Some((index, where_)) => {
                return Err(files.error(
                    &toml,
                    Some("speaker"),
                    format!(
                        "speaker_id {speaker_id:?} is {:?} in {where_}, but {speaker_name:?} here",
                        speakers[*index as usize].name
                    ),
                ))
            }
            None => {
                let index = SpeakerId::try_from(speakers.len())
                    .map_err(|_| files.error(&toml, Some("speaker_id"), "too many speakers"))?;
                speakers.push(Speaker {
                    id: speaker_id.clone(),
                    name: speaker_name,
                });
                first_seen.insert(
                    speaker_id,
                    (index, files.shown(&toml).display().to_string()),
                );
                index
            }
        };
        statements.push(statement);
    }

    let mut corpus = Corpus {
        statements,
        speakers,
        themes,
        aliases,
        entities: Vec::new(),
    };
    let catalog = load_catalog(dir, &corpus.aliases)?;
    check_theme_entities(&files, &rules, &catalog)?;
    corpus.entities = extract(&corpus, &catalog);
    tag_themes(&mut corpus, &rules);
    Ok(corpus)
}

/// Tags every passage with themes, seeing the entity mentions of its
/// paragraph and the paragraph before it, and weighs each statement's themes.
fn tag_themes(corpus: &mut Corpus, rules: &[ThemeRules]) {
    let matcher = ThemeMatcher::with_rules(&corpus.themes, rules);
    // mentions[statement][paragraph]
    let mut mentions: Vec<Vec<Vec<Mentioned>>> = corpus
        .statements
        .iter()
        .map(|s| vec![Vec::new(); s.passages.len()])
        .collect();
    for e in &corpus.entities {
        let name = matches!(e.kind, EntityKind::Organization | EntityKind::Operation);
        for m in &e.mentions {
            mentions[m.statement as usize][m.paragraph as usize].push(Mentioned {
                start: m.start as usize,
                end: m.end as usize,
                key: &e.key,
                name,
            });
        }
    }
    let tags: Vec<_> = corpus
        .statements
        .iter()
        .zip(&mentions)
        .map(|(s, mentions)| {
            let paragraphs: Vec<Paragraph> = s
                .passages
                .iter()
                .zip(mentions)
                .map(|(p, m)| Paragraph {
                    text: &p.text,
                    mentions: m,
                })
                .collect();
            matcher.tag_statement(&paragraphs)
        })
        .collect();
    let n_themes = corpus.themes.len();
    for (statement, tags) in corpus.statements.iter_mut().zip(tags) {
        for (passage, tags) in statement.passages.iter_mut().zip(tags) {
            passage.themes = tags;
        }
        statement.themes = weights(&statement.passages, n_themes);
    }
}

/// Every entity key a theme names is a catalogue entry (`org-…`, `op-…`) or
/// has the form of a citation key (`sc-1373`, `ga-73-331`, `doc-…`).
fn check_theme_entities(
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

/// A statement before speakers are numbered.
struct Loaded {
    statement: Statement,
    speaker_id: String,
    speaker_name: String,
}

/// Paths inside the corpus directory, and errors that name them as the user
/// knows them.
struct Files<'a> {
    dir: &'a Path,
}

impl Files<'_> {
    fn statements_dir(&self) -> PathBuf {
        self.dir.join("statements")
    }

    fn statement(&self, id: &str, ext: &str) -> PathBuf {
        self.statements_dir().join(format!("{id}.{ext}"))
    }

    /// `path` relative to the corpus directory's parent: `corpus/themes.toml`.
    fn shown(&self, path: &Path) -> PathBuf {
        let relative = path.strip_prefix(self.dir).unwrap_or(path);
        match self.dir.file_name() {
            Some(name) => Path::new(name).join(relative),
            None => relative.to_path_buf(),
        }
    }

    fn error(&self, path: &Path, field: Option<&str>, message: impl Into<String>) -> CorpusError {
        CorpusError {
            file: self.shown(path),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    fn read(&self, path: &Path) -> Result<String, CorpusError> {
        fs::read_to_string(path).map_err(|e| self.error(path, None, format!("cannot read: {e}")))
    }

    /// Deserializes a TOML file, turning toml's error into one that names
    /// the field: from the message for missing and unknown fields, from the
    /// key on the offending line otherwise.
    fn parse<T: for<'de> Deserialize<'de>>(&self, path: &Path) -> Result<T, CorpusError> {
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

/// Statement ids (file stems), sorted, after checking that every `.toml` has
/// its `.txt` and every `.txt` its `.toml`.
fn statement_ids(files: &Files) -> Result<Vec<String>, CorpusError> {
    let dir = files.statements_dir();
    let entries = fs::read_dir(&dir)
        .map_err(|e| files.error(&dir, None, format!("cannot read the directory: {e}")))?;
    let mut metadata = Vec::new();
    let mut texts = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| files.error(&dir, None, format!("cannot read the directory: {e}")))?
            .path();
        let (Some(stem), Some(ext)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        match ext {
            "toml" => metadata.push(stem.to_string()),
            "txt" => texts.push(stem.to_string()),
            _ => {}
        }
    }
    metadata.sort();
    texts.sort();
    if metadata.is_empty() {
        return Err(files.error(&dir, None, "no statements (<id>.toml + <id>.txt)"));
    }
    for id in &metadata {
        let txt = files.statement(id, "txt");
        if !texts.contains(id) {
            let toml = files.shown(&files.statement(id, "toml"));
            return Err(files.error(
                &txt,
                None,
                format!("the text of {} is missing", toml.display()),
            ));
        }
    }
    for id in &texts {
        if !metadata.contains(id) {
            let txt = files.statement(id, "txt");
            return Err(files.error(
                &files.statement(id, "toml"),
                None,
                format!(
                    "missing: {} has no metadata file",
                    files.shown(&txt).display()
                ),
            ));
        }
    }
    // File stems are unique within a directory, but a duplicate still
    // matters if ids are ever compared case-insensitively (URLs, some disks).
    for pair in metadata.windows(2) {
        if pair[0].eq_ignore_ascii_case(&pair[1]) {
            return Err(files.error(
                &files.statement(&pair[1], "toml"),
                Some("id"),
                format!("duplicate id {:?}", pair[0]),
            ));
        }
    }
    Ok(metadata)
}

fn load_statement(files: &Files, id: &str) -> Result<Loaded, CorpusError> {
    let path = files.statement(id, "toml");
    let err = |field: &str, message: String| files.error(&path, Some(field), message);
    if !is_slug(id) {
        return Err(err(
            "id",
            format!("the file name {id:?} must be a URL-safe slug: lower-case letters, digits and single hyphens, e.g. \"2016-bordyuzha\""),
        ));
    }
    let meta: StatementFile = files.parse(&path)?;

    let required = [
        ("title", &meta.title),
        ("speaker_id", &meta.speaker_id),
        ("speaker", &meta.speaker),
        ("role", &meta.role),
        ("date", &meta.date),
        ("date_precision", &meta.date_precision),
        ("venue", &meta.venue),
        ("record", &meta.record),
        ("kind", &meta.kind),
        ("source_file", &meta.source_file),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            return Err(err(field, "must not be empty".into()));
        }
    }
    if !is_slug(&meta.speaker_id) {
        return Err(err(
            "speaker_id",
            format!(
                "expected a URL-safe slug such as \"bordyuzha\", found {:?}",
                meta.speaker_id
            ),
        ));
    }
    let (year, month, day) = parse_date(&meta.date).ok_or_else(|| {
        err(
            "date",
            format!("expected a date as YYYY-MM-DD, found {:?}", meta.date),
        )
    })?;
    let precision = match meta.date_precision.as_str() {
        "exact" => DatePrecision::Exact,
        "inferred" => DatePrecision::Inferred,
        other => {
            return Err(err(
                "date_precision",
                format!("expected \"exact\" or \"inferred\", found {other:?}"),
            ))
        }
    };
    let date_note = non_empty(meta.date_note);
    if precision == DatePrecision::Inferred && date_note.is_none() {
        return Err(err(
            "date_note",
            "an inferred date needs a note saying how it was inferred".into(),
        ));
    }
    let record_url = non_empty(meta.record_url);
    if let Some(url) = &record_url {
        if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            return Err(err(
                "record_url",
                format!("expected an http(s) URL, found {url:?}"),
            ));
        }
    }

    let txt = files.statement(id, "txt");
    let raw = files.read(&txt)?;
    let mut text = clean(&raw, meta.has_heading);
    if text.paragraphs.is_empty() {
        let why = if meta.has_heading && text.heading.is_some() {
            "the text has a heading but no body (is `has_heading` right?)"
        } else {
            "the text is empty"
        };
        return Err(files.error(&txt, None, why));
    }
    for sentence in &meta.split_after {
        break_after(&mut text.paragraphs, sentence).map_err(|e| {
            let why = match e {
                BreakError::NotASentence => "does not end a sentence (with . ! or ?)".to_string(),
                BreakError::NotFound => format!("not found in {}", files.shown(&txt).display()),
                BreakError::AlreadyEnds => "already ends its paragraph".to_string(),
                BreakError::Ambiguous(n) => format!("found {n} times; quote more of it"),
            };
            err("split_after", format!("the sentence {sentence:?} {why}"))
        })?;
    }
    let passages: Vec<Passage> = text
        .paragraphs
        .into_iter()
        .map(|text| Passage {
            themes: Vec::new(),
            text,
        })
        .collect();

    Ok(Loaded {
        statement: Statement {
            id: id.to_string(),
            title: meta.title,
            speaker: 0,
            role: meta.role,
            date: Date {
                year,
                month,
                day,
                precision,
                note: date_note,
            },
            venue: meta.venue,
            record: meta.record,
            record_url,
            kind: meta.kind,
            note: non_empty(meta.note),
            source_file: meta.source_file,
            heading: text.heading,
            lead: text.lead,
            passages,
            themes: Vec::new(),
        },
        speaker_id: meta.speaker_id,
        speaker_name: meta.speaker,
    })
}

/// The themes and, for each, its rules (`rules[i]` is `themes[i]`'s).
fn load_themes(files: &Files) -> Result<(Vec<Theme>, Vec<ThemeRules>), CorpusError> {
    let path = files.dir.join("themes.toml");
    let file: ThemesFile = files.parse(&path)?;
    let mut themes: Vec<Theme> = Vec::with_capacity(file.theme.len());
    let mut rules: Vec<ThemeRules> = Vec::with_capacity(file.theme.len());
    for (i, entry) in file.theme.into_iter().enumerate() {
        let field = |name: &str| format!("theme[{i}].{name}");
        let err = |name: &str, message: String| files.error(&path, Some(&field(name)), message);
        if !is_slug(&entry.id) {
            return Err(err(
                "id",
                format!(
                    "expected a URL-safe slug such as \"drug-trafficking\", found {:?}",
                    entry.id
                ),
            ));
        }
        if let Some(j) = themes.iter().position(|t| t.id == entry.id) {
            return Err(err(
                "id",
                format!("duplicate id {:?} (also theme[{j}])", entry.id),
            ));
        }
        if entry.label.trim().is_empty() {
            return Err(err("label", "must not be empty".into()));
        }
        if entry.terms.is_empty() {
            return Err(err("terms", "a theme needs at least one term".into()));
        }
        if let Some(t) = entry.terms.iter().find(|t| tokens(t).next().is_none()) {
            return Err(err("terms", format!("the term {t:?} has no words")));
        }
        // every list of words in a rule: not empty, each entry with words,
        // and a rule's term not also a plain term (where it counts anywhere)
        let words = |name: String, list: &[String], required: bool| {
            let field = Some(field(&name));
            if required && list.is_empty() {
                return Err(files.error(&path, field.as_deref(), "must not be empty"));
            }
            if let Some(t) = list.iter().find(|t| tokens(t).next().is_none()) {
                let message = format!("the term {t:?} has no words");
                return Err(files.error(&path, field.as_deref(), message));
            }
            Ok(())
        };
        let plain_too =
            |name: String, list: &[String]| match list.iter().find(|t| entry.terms.contains(t)) {
                Some(t) => Err(files.error(
                    &path,
                    Some(&field(&name)),
                    format!("{t:?} is also in `terms`, where it counts anywhere"),
                )),
                None => Ok(()),
            };
        let mut context = Vec::with_capacity(entry.context.len());
        for (k, c) in entry.context.iter().enumerate() {
            let name = |f: &str| format!("context[{k}].{f}");
            words(name("terms"), &c.terms, true)?;
            plain_too(name("terms"), &c.terms)?;
            for (f, list) in [
                ("with", &c.with),
                ("not_after", &c.not_after),
                ("not_before", &c.not_before),
                ("self_reference", &c.self_reference),
            ] {
                words(name(f), list, false)?;
            }
            let conditions = !c.with.is_empty()
                || !c.not_after.is_empty()
                || !c.not_before.is_empty()
                || !c.self_reference.is_empty()
                || c.not_in_list;
            if !conditions {
                return Err(err(
                    &format!("context[{k}]"),
                    "a context rule needs a condition: with, not_after, not_before, self_reference or not_in_list".into(),
                ));
            }
            context.push(ContextRule {
                terms: c.terms.clone(),
                with: c.with.clone(),
                not_after: c.not_after.clone(),
                not_before: c.not_before.clone(),
                self_reference: c.self_reference.clone(),
                not_in_list: c.not_in_list,
            });
        }
        let mut coreference = Vec::with_capacity(entry.coreference.len());
        for (k, c) in entry.coreference.iter().enumerate() {
            let name = |f: &str| format!("coreference[{k}].{f}");
            words(name("terms"), &c.terms, true)?;
            plain_too(name("terms"), &c.terms)?;
            words(name("anchors"), &c.anchors, true)?;
            coreference.push(Coreference {
                terms: c.terms.clone(),
                anchors: c.anchors.clone(),
            });
        }
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

fn load_aliases(files: &Files) -> Result<Vec<AliasGroup>, CorpusError> {
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

/// `YYYY-MM-DD` as a real calendar date (so no 2016-02-30).
fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real_corpus_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
    }

    #[test]
    fn the_real_corpus_loads() {
        let corpus = load_corpus(&real_corpus_dir()).unwrap_or_else(|e| panic!("{e}"));
        struct Expected {
            id: &'static str,
            speaker: &'static str,
            name: &'static str,
            date: (u16, u8, u8),
            precision: DatePrecision,
            record: &'static str,
            paragraphs: usize,
        }
        let expected = [
            Expected {
                id: "2004-kazykhanov",
                speaker: "kazykhanov",
                name: "Yerzhan Kazykhanov",
                date: (2004, 7, 19),
                precision: DatePrecision::Inferred,
                record: "symbol not confirmed",
                paragraphs: 9,
            },
            Expected {
                id: "2007-nazarbayev",
                speaker: "nazarbayev",
                name: "Nursultan Nazarbayev",
                date: (2007, 10, 6),
                precision: DatePrecision::Exact,
                record: "Akorda",
                paragraphs: 13,
            },
            Expected {
                id: "2016-bordyuzha",
                speaker: "bordyuzha",
                name: "Nikolai Bordyuzha",
                date: (2016, 10, 28),
                precision: DatePrecision::Exact,
                record: "S/PV.7796",
                // 16 in the source, one of them two paragraphs (`split_after`)
                paragraphs: 17,
            },
            Expected {
                id: "2019-semerikov",
                speaker: "semerikov",
                name: "Valery Semerikov",
                date: (2019, 9, 25),
                precision: DatePrecision::Exact,
                record: "S/PV.8626",
                paragraphs: 19,
            },
            Expected {
                id: "2024-tasmagambetov",
                speaker: "tasmagambetov",
                name: "Imangali Tasmagambetov",
                date: (2024, 7, 19),
                precision: DatePrecision::Exact,
                record: "S/PV.9688",
                paragraphs: 30,
            },
        ];
        // The five seeds; a statement added later must not break this test.
        assert!(corpus.statements.len() >= expected.len());
        let dates: Vec<_> = corpus
            .statements
            .iter()
            .map(|s| (s.date.year, s.date.month, s.date.day))
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
        let mut previous = None;
        for e in &expected {
            let (index, s) = corpus
                .statement_by_key(e.id)
                .unwrap_or_else(|| panic!("{} missing", e.id));
            assert!(previous < Some(index), "{}: out of date order", e.id);
            previous = Some(index);
            let speaker = corpus.speaker(s.speaker);
            assert_eq!(
                (speaker.id.as_str(), speaker.name.as_str()),
                (e.speaker, e.name),
                "{}",
                e.id
            );
            assert_eq!((s.date.year, s.date.month, s.date.day), e.date, "{}", e.id);
            assert_eq!(s.date.precision, e.precision, "{}", e.id);
            assert!(s.record.contains(e.record), "{}: {}", e.id, s.record);
            assert_eq!(s.passages.len(), e.paragraphs, "{}", e.id);
            assert!(!s.themes.is_empty(), "{}: no themes", e.id);
            assert!(
                s.themes.windows(2).all(|w| w[0].passages >= w[1].passages),
                "{}",
                e.id
            );
        }
        let (_, y2004) = corpus.statement_by_key("2004-kazykhanov").unwrap();
        assert!(y2004
            .date
            .note
            .as_deref()
            .is_some_and(|n| n.contains("SC/8152")));
        assert_eq!(y2004.record_url, None);
        assert_eq!(
            y2004.lead.as_deref(),
            Some("Mr. Kazykhanov (Kazakhstan) (spoke in Russian)")
        );
        let (_, y2016) = corpus.statement_by_key("2016-bordyuzha").unwrap();
        assert_eq!(
            y2016.record_url.as_deref(),
            Some("https://undocs.org/S/PV.7796")
        );
        let (_, y2007) = corpus.statement_by_key("2007-nazarbayev").unwrap();
        assert!(y2007
            .heading
            .as_deref()
            .is_some_and(|h| h.starts_with("Kazakhstan’s President")));
        assert!(y2007
            .note
            .as_deref()
            .is_some_and(|n| n.contains("third person")));

        assert!(corpus.themes.len() >= 13);
        let kanal = corpus
            .aliases
            .iter()
            .find(|a| a.terms.iter().any(|t| t == "Kanal"))
            .unwrap();
        assert!(kanal.terms.iter().any(|t| t == "Channel"));
        let nelegal = corpus
            .aliases
            .iter()
            .find(|a| a.terms.iter().any(|t| t == "Nelegal"))
            .unwrap();
        assert_eq!(nelegal.one_way, ["Illegal"]);
    }

    /// A copy of the real corpus in a fresh temporary directory, to break.
    struct Scratch {
        dir: PathBuf,
    }

    impl Scratch {
        fn new(name: &str) -> Scratch {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let unique = format!(
                "csto-corpus-{}-{}-{name}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            );
            let dir = std::env::temp_dir().join(unique).join("corpus");
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("statements")).unwrap();
            let real = real_corpus_dir();
            for file in ["themes.toml", "aliases.toml", "entities.toml"] {
                fs::copy(real.join(file), dir.join(file)).unwrap();
            }
            for entry in fs::read_dir(real.join("statements")).unwrap() {
                let path = entry.unwrap().path();
                fs::copy(
                    &path,
                    dir.join("statements").join(path.file_name().unwrap()),
                )
                .unwrap();
            }
            Scratch { dir }
        }

        fn path(&self, rel: &str) -> PathBuf {
            self.dir.join(rel)
        }

        fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
            let path = self.path(rel);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, f(text)).unwrap();
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(self.dir.parent().unwrap());
        }
    }

    const BORDYUZHA: &str = "statements/2016-bordyuzha.toml";

    fn replace_line(starting: &'static str, with: &'static str) -> impl FnOnce(String) -> String {
        move |text| {
            text.lines()
                .map(|l| if l.starts_with(starting) { with } else { l })
                .collect::<Vec<_>>()
                .join("\n")
        }
    }

    #[test]
    fn malformed_corpora_name_file_and_field() {
        type Break = fn(&Scratch);
        struct Case {
            name: &'static str,
            damage: Break,
            file: &'static str,
            field: Option<&'static str>,
            message: &'static str,
        }
        let cases: Vec<Case> = vec![
            Case {
                name: "missing date",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "required field is missing",
            },
            Case {
                name: "bad date",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "date = \"2016-13-01\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "expected a date as YYYY-MM-DD, found \"2016-13-01\"",
            },
            Case {
                name: "no 30 February",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "date = \"2016-02-30\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "found \"2016-02-30\"",
            },
            Case {
                name: "date of the wrong type",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "date = 2016")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "invalid type",
            },
            Case {
                name: "unknown precision",
                damage: |s| s.edit(BORDYUZHA, replace_line("date_precision", "date_precision = \"approximate\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date_precision"),
                message: "expected \"exact\" or \"inferred\", found \"approximate\"",
            },
            Case {
                name: "inferred without a note",
                damage: |s| s.edit(BORDYUZHA, replace_line("date_precision", "date_precision = \"inferred\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date_note"),
                message: "inferred date needs a note",
            },
            Case {
                name: "missing text file",
                damage: |s| fs::remove_file(s.path("statements/2016-bordyuzha.txt")).unwrap(),
                file: "corpus/statements/2016-bordyuzha.txt",
                field: None,
                message: "the text of corpus/statements/2016-bordyuzha.toml is missing",
            },
            Case {
                name: "text without metadata",
                damage: |s| fs::write(s.path("statements/2030-nobody.txt"), "Text.").unwrap(),
                file: "corpus/statements/2030-nobody.toml",
                field: None,
                message: "has no metadata file",
            },
            Case {
                name: "empty text",
                damage: |s| fs::write(s.path("statements/2016-bordyuzha.txt"), " \n\u{a0}\nMust read\n").unwrap(),
                file: "corpus/statements/2016-bordyuzha.txt",
                field: None,
                message: "the text is empty",
            },
            Case {
                name: "id that is not a slug",
                damage: |s| {
                    fs::rename(s.path(BORDYUZHA), s.path("statements/2016 Bordyuzha.toml")).unwrap();
                    fs::rename(s.path("statements/2016-bordyuzha.txt"), s.path("statements/2016 Bordyuzha.txt")).unwrap();
                },
                file: "corpus/statements/2016 Bordyuzha.toml",
                field: Some("id"),
                message: "URL-safe slug",
            },
            Case {
                name: "duplicate statement id",
                damage: |s| {
                    fs::copy(s.path(BORDYUZHA), s.path("statements/2016-BORDYUZHA.toml")).unwrap();
                    fs::copy(s.path("statements/2016-bordyuzha.txt"), s.path("statements/2016-BORDYUZHA.txt")).unwrap();
                },
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("id"),
                message: "duplicate id \"2016-BORDYUZHA\"",
            },
            Case {
                name: "duplicate theme id",
                damage: |s| {
                    let twice = "[[theme]]\nid = \"dup\"\nlabel = \"D\"\nterms = [\"d\"]\n".repeat(2);
                    s.edit("themes.toml", |t| twice + &t)
                },
                file: "corpus/themes.toml",
                field: Some("theme[1].id"),
                message: "duplicate id \"dup\" (also theme[0])",
            },
            Case {
                name: "theme id that is not a slug",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"Peace keeping\"\nlabel = \"P\"\nterms = [\"p\"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].id"),
                message: "URL-safe slug",
            },
            Case {
                name: "theme term with no words",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\" - \"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].terms"),
                message: "has no words",
            },
            Case {
                name: "empty alias term",
                damage: |s| s.edit("aliases.toml", |t| "[[alias]]\nlabel = \"X\"\nterms = [\"X\", \"\"]\n".to_string() + &t),
                file: "corpus/aliases.toml",
                field: Some("alias[0].terms"),
                message: "has no words",
            },
            Case {
                name: "alias without terms",
                damage: |s| s.edit("aliases.toml", |t| t + "\n[[alias]]\nlabel = \"X\"\n"),
                file: "corpus/aliases.toml",
                field: Some("terms"),
                message: "required field is missing",
            },
            Case {
                name: "unknown field",
                damage: |s| s.edit(BORDYUZHA, |t| t + "\nrecord_uri = \"https://example.org\"\n"),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("record_uri"),
                message: "unknown field; expected",
            },
            Case {
                name: "malformed toml",
                damage: |s| s.edit(BORDYUZHA, replace_line("venue =", "venue = \"UN Security Council")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("venue"),
                message: "(line ",
            },
            Case {
                name: "speaker id reused for another person",
                damage: |s| s.edit("statements/2019-semerikov.toml", replace_line("speaker_id", "speaker_id = \"bordyuzha\"")),
                file: "corpus/statements/2019-semerikov.toml",
                field: Some("speaker"),
                message: "is \"Nikolai Bordyuzha\" in corpus/statements/2016-bordyuzha.toml, but \"Valery Semerikov\" here",
            },
            Case {
                name: "paragraph break after a sentence the text does not have",
                damage: |s| s.edit(BORDYUZHA, replace_line("split_after", "split_after = [\"We have signed a memorandum with nobody.\"]")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("split_after"),
                message: "the sentence \"We have signed a memorandum with nobody.\" not found in corpus/statements/2016-bordyuzha.txt",
            },
            Case {
                name: "paragraph break after half a sentence",
                damage: |s| s.edit(BORDYUZHA, replace_line("split_after", "split_after = [\"We have signed a memorandum\"]")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("split_after"),
                message: "does not end a sentence",
            },
            Case {
                name: "paragraph break at a paragraph's end",
                damage: |s| s.edit(BORDYUZHA, replace_line("split_after", "split_after = [\"We also thank Mr. Ban Ki-moon for his statement.\"]")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("split_after"),
                message: "already ends its paragraph",
            },
            Case {
                name: "theme naming an entity the catalogue lacks",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\nentities = [\"org-nowhere\"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].entities"),
                message: "no entity \"org-nowhere\"",
            },
            Case {
                name: "context rule without a condition",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\n[[theme.context]]\nterms = [\"y\"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].context[0]"),
                message: "needs a condition",
            },
            Case {
                name: "context term that is also a plain term",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\n[[theme.context]]\nterms = [\"x\"]\nnot_in_list = true\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].context[0].terms"),
                message: "also in `terms`",
            },
            Case {
                name: "coreference without anchors",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\n[[theme.coreference]]\nterms = [\"this x\"]\nanchors = []\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].coreference[0].anchors"),
                message: "must not be empty",
            },
            Case {
                name: "record_url that is not a URL",
                damage: |s| s.edit(BORDYUZHA, replace_line("record_url", "record_url = \"S/PV.7796\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("record_url"),
                message: "expected an http(s) URL",
            },
        ];
        for case in cases {
            let scratch = Scratch::new(case.name);
            (case.damage)(&scratch);
            let err = match load_corpus(&scratch.dir) {
                Ok(_) => panic!("{}: loaded a broken corpus", case.name),
                Err(e) => e,
            };
            assert_eq!(err.file, Path::new(case.file), "{}: {err}", case.name);
            assert_eq!(err.field.as_deref(), case.field, "{}: {err}", case.name);
            assert!(err.message.contains(case.message), "{}: {err}", case.name);
            let shown = err.to_string();
            assert!(shown.starts_with(case.file), "{}: {shown}", case.name);
            if let Some(field) = case.field {
                assert!(
                    shown.contains(&format!("field `{field}`")),
                    "{}: {shown}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn a_sixth_statement_is_two_files() {
        let scratch = Scratch::new("sixth");
        fs::write(
            scratch.path("statements/2025-example.txt"),
            "Mr. Example (spoke in Russian): The CSTO\ncontinues the Kanal operation.\n\nMore articles\n",
        )
        .unwrap();
        fs::write(
            scratch.path("statements/2025-example.toml"),
            r#"title = "Example"
speaker_id = "example"
speaker = "Ivan Example"
role = "Example role"
date = "2025-01-31"
date_precision = "exact"
venue = "Example venue"
record = "Example record"
kind = "statement"
source_file = "example.txt"
"#,
        )
        .unwrap();
        let corpus = load_corpus(&scratch.dir).unwrap_or_else(|e| panic!("{e}"));
        let last = corpus.statements.last().unwrap();
        assert_eq!(last.id, "2025-example");
        assert_eq!(corpus.speaker(last.speaker).id, "example");
        assert_eq!(last.lead.as_deref(), Some("Mr. Example (spoke in Russian)"));
        assert_eq!(last.passages.len(), 1);
        assert_eq!(
            last.passages[0].text,
            "The CSTO continues the Kanal operation."
        );
        let drugs = corpus
            .themes
            .iter()
            .position(|t| t.id == "drug-trafficking")
            .unwrap();
        assert_eq!(last.themes[0].theme as usize, drugs);
        assert_eq!(last.themes[0].weight, 1.0);
    }

    #[test]
    fn display_matches_the_documented_form() {
        let err = CorpusError {
            file: PathBuf::from("corpus/statements/2016-bordyuzha.toml"),
            field: Some("date".into()),
            message: "expected a date as YYYY-MM-DD, found \"2016-13-01\"".into(),
        };
        assert_eq!(
            err.to_string(),
            "corpus/statements/2016-bordyuzha.toml: field `date`: expected a date as YYYY-MM-DD, found \"2016-13-01\""
        );
    }

    #[test]
    fn dates_and_slugs() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2016-13-01",
            "2016-00-10",
            "2016-1-01",
            "16-10-28",
            "2016-10-28T",
            "2016/10/28",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("2000-02-29").is_some());
        for good in ["2016-bordyuzha", "a", "x1-2y"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
