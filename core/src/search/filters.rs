//! Facet selections and the one place that decides what passes them.
//!
//! Speaker, year and year range are properties of a statement; themes and
//! entities are properties of a passage. A statement passes the filters when
//! it passes the statement-level ones and has at least one passage that
//! passes the passage-level ones. Every caller (facet counts, the theme grid,
//! trends, the analyses) asks these functions rather than re-deriving the
//! rule.

use crate::bundle::Bundle;
use crate::index::PassageTable;
use crate::model::{EntityId, SpeakerId, StatementId, ThemeId};

/// Facet selections, as ids. Empty means "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub speakers: Vec<SpeakerId>,
    pub years: Vec<u16>,
    pub year_from: Option<u16>,
    pub year_to: Option<u16>,
    pub themes: Vec<ThemeId>,
    /// Cited resolutions, organizations, operations… (passage level).
    pub entities: Vec<EntityId>,
}

impl Filters {
    /// Whether the speaker filter lets a statement by `speaker` through.
    pub fn speaker_passes(&self, speaker: SpeakerId) -> bool {
        self.speakers.is_empty() || self.speakers.contains(&speaker)
    }

    /// Whether `year` lies inside the from/to range (open ends pass).
    pub fn in_range(&self, year: u16) -> bool {
        self.year_from.is_none_or(|f| year >= f) && self.year_to.is_none_or(|t| year <= t)
    }

    /// Whether the year filter (ticked years and the range) lets `year` through.
    pub fn year_passes(&self, year: u16) -> bool {
        (self.years.is_empty() || self.years.contains(&year)) && self.in_range(year)
    }

    /// Whether the theme filter lets a passage tagged `themes` through.
    pub fn themes_pass(&self, themes: &[ThemeId]) -> bool {
        self.themes.is_empty() || themes.iter().any(|t| self.themes.contains(t))
    }

    /// Whether the entity filter lets a passage mentioning `entities` through.
    pub fn entities_pass(&self, entities: &[EntityId]) -> bool {
        self.entities.is_empty() || entities.iter().any(|e| self.entities.contains(e))
    }

    /// Whether any passage-level filter (theme, entity) is set.
    pub fn filters_passages(&self) -> bool {
        !self.themes.is_empty() || !self.entities.is_empty()
    }

    /// The statements that pass the speaker and year filters, ascending
    /// (themes and entities ignored: for views that show whole statements
    /// and count their paragraphs themselves, such as the theme grid).
    pub fn statements_by_speaker_and_year(&self, table: &PassageTable) -> Vec<StatementId> {
        (0..table.statement_count() as StatementId)
            .filter(|&s| {
                self.speaker_passes(table.speaker(s))
                    && self.year_passes(table.years()[table.year_slot(s)])
            })
            .collect()
    }

    /// The statements that pass every filter, ascending: those passing the
    /// speaker and year filters with at least one passage passing the theme
    /// and entity filters. What a search with an empty query lists.
    pub fn statements(&self, bundle: &Bundle) -> Vec<StatementId> {
        let table = bundle.table();
        let mut out = self.statements_by_speaker_and_year(table);
        if self.filters_passages() {
            out.retain(|&s| {
                table.statement_passages(s).any(|p| {
                    self.themes_pass(table.themes(p)) && self.entities_pass(table.entities(p))
                })
            });
        }
        out
    }
}
