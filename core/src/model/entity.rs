//! Entities: the resolutions and documents the statements cite and the
//! organizations and operations they name. Extracted at build time
//! (`crate::compile::entities`) and shipped in `Corpus::entities`; the
//! run-time queries over them are in `crate::analysis::entities`.

use super::ids::StatementId;
use serde::{Deserialize, Serialize};

/// What an entity is. The order is the order of lists in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    ScResolution,
    GaResolution,
    Document,
    Organization,
    Operation,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::ScResolution,
        EntityKind::GaResolution,
        EntityKind::Document,
        EntityKind::Organization,
        EntityKind::Operation,
    ];

    /// The prefix of keys of this kind: `sc`, `ga`, `doc`, `org`, `op`.
    pub fn prefix(self) -> &'static str {
        match self {
            EntityKind::ScResolution => "sc",
            EntityKind::GaResolution => "ga",
            EntityKind::Document => "doc",
            EntityKind::Organization => "org",
            EntityKind::Operation => "op",
        }
    }

    /// A heading for lists of this kind.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::ScResolution => "Security Council resolutions",
            EntityKind::GaResolution => "General Assembly resolutions",
            EntityKind::Document => "UN documents",
            EntityKind::Organization => "Organizations",
            EntityKind::Operation => "Operations",
        }
    }
}

/// A cited resolution or document, or a named organization or operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// URL-safe key, e.g. `sc-1373`, `ga-73-331`, `org-osce`, `op-kanal`.
    pub key: String,
    /// Short label: `S/RES/1373 (2001)`, `A/RES/73/331`, `OSCE`, `Kanal`.
    pub label: String,
    /// Long name, for organizations and operations.
    pub name: Option<String>,
    /// The UN record, via `https://undocs.org/` only.
    pub url: Option<String>,
    /// A caveat to show with the entity.
    pub note: Option<String>,
    /// Every mention, in corpus order (statement, paragraph, offset).
    pub mentions: Vec<Mention>,
}

/// Where an entity is mentioned: a paragraph and the byte range of the
/// matched text in it (the citation "1373 (2001)", the name "OSCE").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    pub statement: StatementId,
    pub paragraph: u16,
    pub start: u32,
    pub end: u32,
}
