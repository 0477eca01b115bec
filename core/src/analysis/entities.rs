//! Run-time queries over the entities shipped in the bundle: counts for
//! the facet panel, the passages behind `?entity=sc-1373`, a statement's
//! list, and the mentions to highlight in the reader.

use crate::bundle::Bundle;
use crate::model::{Corpus, EntityId, Mention, PassageId, StatementId};

// The entity types, named here too: callers reach them through this module.
pub use crate::model::{Entity, EntityKind};

/// How often an entity occurs in a set of passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EntityCount {
    pub entity: EntityId,
    pub mentions: u32,
    pub passages: u32,
    pub statements: u32,
}

/// The passages that mention entity `entity`, ascending, without repeats:
/// the filter behind `?entity=…`.
pub fn entity_passages(bundle: &Bundle, entity: EntityId) -> Vec<PassageId> {
    let mut out: Vec<PassageId> = bundle.corpus.entities[entity as usize]
        .mentions
        .iter()
        .map(|m| bundle.table().mention_passage(m))
        .collect();
    out.dedup(); // mentions are in corpus order
    out
}

/// Counts per entity over `passages` (any order, repeats ignored), in entity
/// order, leaving out entities that do not occur there. Costs one pass over
/// the mentions.
pub fn entity_counts(bundle: &Bundle, passages: &[PassageId]) -> Vec<EntityCount> {
    let mut selected = vec![false; bundle.index().passages.len()];
    for &p in passages {
        if let Some(s) = selected.get_mut(p as usize) {
            *s = true;
        }
    }
    counts_where(bundle, |p| selected[p as usize])
}

/// The entities a statement mentions, with counts, in entity order.
pub fn statement_entities(bundle: &Bundle, statement: StatementId) -> Vec<EntityCount> {
    counts_where(bundle, |p| {
        bundle.index().passages[p as usize].statement == statement
    })
}

fn counts_where(bundle: &Bundle, keep: impl Fn(PassageId) -> bool) -> Vec<EntityCount> {
    let mut out = Vec::new();
    for (id, entity) in bundle.corpus.entities.iter().enumerate() {
        let mut count = EntityCount {
            entity: id as EntityId,
            ..Default::default()
        };
        let (mut last_passage, mut last_statement) = (None, None);
        for m in &entity.mentions {
            let p = bundle.table().mention_passage(m);
            if !keep(p) {
                continue;
            }
            count.mentions += 1;
            if last_passage != Some(p) {
                count.passages += 1;
                last_passage = Some(p);
            }
            if last_statement != Some(m.statement) {
                count.statements += 1;
                last_statement = Some(m.statement);
            }
        }
        if count.mentions > 0 {
            out.push(count);
        }
    }
    out
}

/// The mentions in one paragraph, by position, for highlighting.
pub fn passage_mentions(
    corpus: &Corpus,
    statement: StatementId,
    paragraph: u16,
) -> Vec<(EntityId, Mention)> {
    let mut out: Vec<(EntityId, Mention)> = corpus
        .entities
        .iter()
        .enumerate()
        .flat_map(|(id, e)| {
            e.mentions
                .iter()
                .filter(|m| m.statement == statement && m.paragraph == paragraph)
                .map(move |m| (id as EntityId, *m))
        })
        .collect();
    crate::util::order::sort_by_key(&mut out, |(id, m)| (m.start, std::cmp::Reverse(m.end), *id));
    out
}
