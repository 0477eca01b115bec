//! The corpus model: what a statement is, who said it, and which themes its
//! passages touch. These types are compiled by `build.rs` into the wasm bundle
//! (see `crate::bundle`), so they are plain data with no behaviour that
//! depends on the browser.

use super::entity::Entity;
use super::ids::EntityId;
use super::ids::{SpeakerId, StatementId, ThemeId};
use serde::{Deserialize, Serialize};

/// Everything the app knows, built once at compile time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Ordered by date, oldest first.
    pub statements: Vec<Statement>,
    pub speakers: Vec<Speaker>,
    pub themes: Vec<Theme>,
    /// Spelling variants that search joins (Kanal = Canal = Channel).
    pub aliases: Vec<AliasGroup>,
    /// Cited resolutions and documents, named organizations and operations,
    /// with their mentions; see [`Entity`].
    pub entities: Vec<Entity>,
}

/// A person who made one or more statements. `id` is the short, URL-safe key
/// (`bordyuzha`) used in links such as `?speaker=bordyuzha`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
}

/// How sure we are of a statement's date. The 2004 date is inferred from the
/// UN meeting calendar, and the UI must say so rather than hide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatePrecision {
    Exact,
    Inferred,
}

/// A calendar date with its precision and, if inferred, the reasoning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub precision: DatePrecision,
    /// Why the date is what it is, when it is not simply printed on the source.
    pub note: Option<String>,
}

/// One statement (a speech or a press release) with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// URL-safe key, e.g. `2016-bordyuzha`, the file stem in `corpus/statements/`.
    pub id: String,
    pub title: String,
    pub speaker: SpeakerId,
    /// The speaker's role at the time of the statement.
    pub role: String,
    pub date: Date,
    pub venue: String,
    /// UN record symbol or source description, e.g. `S/PV.7796`.
    pub record: String,
    /// A link to the record, when one is known.
    pub record_url: Option<String>,
    /// Kind of text, e.g. `statement, UN verbatim record` or `press release`.
    pub kind: String,
    /// A caveat a reader should see with the text, e.g. that a press release
    /// reports the speaker in the third person.
    pub note: Option<String>,
    /// The seed file the text was taken from, for provenance.
    pub source_file: String,
    /// The source's own heading line, moved out of the body by cleanup.
    pub heading: Option<String>,
    /// The record's speaker lead, e.g. `Mr. Bordyuzha (spoke in Russian)`,
    /// moved out of the body by cleanup.
    pub lead: Option<String>,
    pub passages: Vec<Passage>,
    /// Themes of the whole statement, heaviest first.
    pub themes: Vec<ThemeWeight>,
}

/// One paragraph of a statement: the unit of search, citation and tagging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub text: String,
    pub themes: Vec<ThemeTag>,
}

/// A theme a passage was tagged with, and the words in it that earned the tag,
/// so the UI can show why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeTag {
    pub theme: ThemeId,
    /// Surface forms as they appear in the passage, deduplicated, in order.
    pub evidence: Vec<String>,
}

/// A theme's share of a statement: `passages` of its paragraphs carry the tag.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ThemeWeight {
    pub theme: ThemeId,
    pub passages: u16,
    /// `passages` divided by the statement's passage count, in 0..=1.
    pub weight: f32,
}

/// A curated theme, defined by the terms that signal it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// URL-safe key, e.g. `drug-trafficking`.
    pub id: String,
    pub label: String,
    /// Words or phrases; matched after normalization and stemming.
    pub terms: Vec<String>,
}

/// Spellings that mean the same thing. Searching any of `terms` finds all of
/// them; searching one of `one_way` finds only itself, because the word is too
/// common to stand for the name (e.g. "Illegal" as the name of an operation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasGroup {
    pub label: String,
    pub terms: Vec<String>,
    pub one_way: Vec<String>,
}

impl Statement {
    /// A statement with only what search needs (id, speaker, year, text) and
    /// the rest empty, dated 1 January: for tests, benchmarks and synthetic
    /// corpora, so none of them has to spell out every field.
    pub fn bare(id: &str, speaker: SpeakerId, year: u16, passages: Vec<Passage>) -> Statement {
        Statement {
            id: id.to_string(),
            title: id.to_string(),
            speaker,
            role: String::new(),
            date: Date {
                year,
                month: 1,
                day: 1,
                precision: DatePrecision::Exact,
                note: None,
            },
            venue: String::new(),
            record: String::new(),
            record_url: None,
            kind: String::new(),
            note: None,
            source_file: String::new(),
            heading: None,
            lead: None,
            passages,
            themes: Vec::new(),
        }
    }
}

impl Passage {
    /// An untagged passage.
    pub fn plain(text: &str) -> Passage {
        Passage {
            text: text.to_string(),
            themes: Vec::new(),
        }
    }
}

impl Corpus {
    /// A corpus of `statements` by one speaker (id `x`), with no themes,
    /// aliases or entities: the starting point of small test corpora.
    pub fn of(statements: Vec<Statement>) -> Corpus {
        Corpus {
            statements,
            speakers: vec![Speaker {
                id: "x".into(),
                name: "X".into(),
            }],
            themes: Vec::new(),
            aliases: Vec::new(),
            entities: Vec::new(),
        }
    }

    /// [`Corpus::of`] from plain texts: one statement `s0`, `s1`, … per
    /// entry, dated in its year, one passage per string.
    pub fn of_texts(texts: &[(u16, &[&str])]) -> Corpus {
        Corpus::of(
            texts
                .iter()
                .enumerate()
                .map(|(i, (year, paras))| {
                    Statement::bare(
                        &format!("s{i}"),
                        0,
                        *year,
                        paras.iter().map(|t| Passage::plain(t)).collect(),
                    )
                })
                .collect(),
        )
    }

    /// "2016 Bordyuzha": how a statement is named on axes and column headers.
    pub fn statement_label(&self, id: StatementId) -> String {
        let s = &self.statements[id as usize];
        format!("{} {}", s.date.year, surname(&self.speaker(s.speaker).name))
    }

    pub fn speaker(&self, id: SpeakerId) -> &Speaker {
        &self.speakers[id as usize]
    }
    pub fn theme(&self, id: ThemeId) -> &Theme {
        &self.themes[id as usize]
    }
    pub fn statement_by_key(&self, key: &str) -> Option<(StatementId, &Statement)> {
        self.statements
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == key)
            .map(|(i, s)| (i as StatementId, s))
    }

    /// The entity with URL key `key` (`sc-1373`).
    pub fn entity_by_key(&self, key: &str) -> Option<(EntityId, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .find(|(_, e)| e.key == key)
            .map(|(i, e)| (i as EntityId, e))
    }
}

/// The last word of a name: "Nikolai Bordyuzha" → "Bordyuzha".
pub fn surname(name: &str) -> &str {
    name.split_whitespace().next_back().unwrap_or(name)
}
