//! The per-passage and per-statement facts the search reads for every
//! matching passage, laid out as flat arrays indexed by id.
//!
//! The corpus model keeps them where a reader expects them (a passage's
//! themes inside `Statement::passages`, next to its text and evidence), but a
//! search over a large corpus visits thousands of passages per keystroke, and
//! chasing those pointers (statement → passage → tag) was most of the time
//! spent counting facets. Here each fact is one contiguous array:
//!
//! ```text
//! statement:   passage p -> StatementId
//! themes:      passage p -> themes[theme_ends[p - 1]..theme_ends[p]]
//! entities:    passage p -> entities[entity_ends[p - 1]..entity_ends[p]]
//! speaker:     statement s -> SpeakerId
//! year_slot:   statement s -> index into `years`
//! years:       every year that has a statement, ascending
//! first:       statement s -> its first passage
//! ```
//!
//! Derived from the corpus alone, without tokenizing it, once per
//! [`Bundle`](crate::bundle::Bundle) (see `Bundle::table`): the start page's
//! results and facet counts need this table and not the inverted index.
//! Passages are numbered as the index numbers them: statement by statement,
//! paragraph by paragraph. Never serialized.

use crate::index::PassageId;
use crate::model::{Corpus, EntityId, Mention, SpeakerId, StatementId, ThemeId};

/// See the module docs for the layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PassageTable {
    statement: Vec<StatementId>,
    theme_ends: Vec<u32>,
    themes: Vec<ThemeId>,
    entity_ends: Vec<u32>,
    entities: Vec<EntityId>,
    speaker: Vec<SpeakerId>,
    year_slot: Vec<u16>,
    years: Vec<u16>,
    first: Vec<PassageId>,
}

impl PassageTable {
    /// Gathers the facts of every passage and statement of `corpus`.
    pub fn new(corpus: &Corpus) -> PassageTable {
        let passages = corpus.statements.iter().map(|s| s.passages.len()).sum();
        let mut table = PassageTable {
            statement: Vec::with_capacity(passages),
            theme_ends: Vec::with_capacity(passages),
            first: Vec::with_capacity(corpus.statements.len()),
            ..PassageTable::default()
        };
        for (s, statement) in corpus.statements.iter().enumerate() {
            table.first.push(table.statement.len() as PassageId);
            for passage in &statement.passages {
                table.statement.push(s as StatementId);
                table.themes.extend(passage.themes.iter().map(|t| t.theme));
                table.theme_ends.push(table.themes.len() as u32);
            }
        }
        (table.entity_ends, table.entities) = table.passage_entities(corpus);
        table.years = corpus.statements.iter().map(|s| s.date.year).collect();
        crate::util::order::sort_dedup(&mut table.years);
        let slot = |y: u16| table.years.binary_search(&y).unwrap_or_default() as u16;
        table.year_slot = corpus
            .statements
            .iter()
            .map(|s| slot(s.date.year))
            .collect();
        table.speaker = corpus.statements.iter().map(|s| s.speaker).collect();
        table
    }

    /// The statement passage `p` belongs to.
    #[inline]
    pub fn statement(&self, p: PassageId) -> StatementId {
        self.statement[p as usize]
    }

    /// The themes passage `p` is tagged with, in the corpus' order.
    #[inline]
    pub fn themes(&self, p: PassageId) -> &[ThemeId] {
        &self.themes[range(&self.theme_ends, p)]
    }

    /// The entities passage `p` mentions, ascending.
    #[inline]
    pub fn entities(&self, p: PassageId) -> &[EntityId] {
        &self.entities[range(&self.entity_ends, p)]
    }

    /// Who made statement `s`.
    #[inline]
    pub fn speaker(&self, s: StatementId) -> SpeakerId {
        self.speaker[s as usize]
    }

    /// The position of statement `s`'s year in [`PassageTable::years`].
    #[inline]
    pub fn year_slot(&self, s: StatementId) -> usize {
        self.year_slot[s as usize] as usize
    }

    /// Every year that has a statement, ascending.
    pub fn years(&self) -> &[u16] {
        &self.years
    }

    /// Number of passages.
    pub fn passage_count(&self) -> usize {
        self.statement.len()
    }

    /// Number of statements.
    pub fn statement_count(&self) -> usize {
        self.speaker.len()
    }

    /// The passage of a mention's paragraph.
    pub fn mention_passage(&self, m: &Mention) -> PassageId {
        self.first[m.statement as usize] + m.paragraph as PassageId
    }

    /// The passages of statement `s`, in paragraph order.
    pub fn statement_passages(&self, s: StatementId) -> core::ops::Range<PassageId> {
        let end = self.first.get(s as usize + 1).copied();
        self.first[s as usize]..end.unwrap_or(self.passage_count() as PassageId)
    }

    /// Each passage's entities, ascending, flattened, with their running
    /// ends (as `theme_ends`); needs the passages numbered (`first`).
    fn passage_entities(&self, corpus: &Corpus) -> (Vec<u32>, Vec<EntityId>) {
        let mut per: Vec<Vec<EntityId>> = vec![Vec::new(); self.passage_count()];
        for (e, entity) in corpus.entities.iter().enumerate() {
            for m in &entity.mentions {
                // A mention outside the corpus (only in hand-made or corrupt
                // bytes: the compiler checks its own) is left out, not a panic.
                let inside = corpus
                    .statements
                    .get(m.statement as usize)
                    .is_some_and(|s| (m.paragraph as usize) < s.passages.len());
                if !inside {
                    continue;
                }
                // Mentions come entity by entity: one entity's repeats are adjacent.
                let list = &mut per[self.mention_passage(m) as usize];
                if list.last() != Some(&(e as EntityId)) {
                    list.push(e as EntityId);
                }
            }
        }
        let mut entities = Vec::new();
        let ends = per
            .iter()
            .map(|list| {
                entities.extend_from_slice(list);
                entities.len() as u32
            })
            .collect();
        (ends, entities)
    }
}

/// The slice of a flattened list that belongs to item `p`, from the running
/// ends of the items' lists.
#[inline]
fn range(ends: &[u32], p: PassageId) -> core::ops::Range<usize> {
    let p = p as usize;
    let start = if p == 0 { 0 } else { ends[p - 1] as usize };
    start..ends[p] as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Bundle;
    use crate::model::*;

    /// Every fact in the table equals the one read through the corpus model.
    #[test]
    fn agrees_with_the_corpus_model() {
        let tagged = |text: &str, themes: &[ThemeId]| Passage {
            text: text.into(),
            themes: themes
                .iter()
                .map(|&theme| ThemeTag {
                    theme,
                    evidence: vec!["x".into()],
                })
                .collect(),
        };
        let mut a = Statement::bare(
            "a",
            1,
            2016,
            vec![tagged("One two three.", &[0, 2]), tagged("Four.", &[])],
        );
        a.passages.push(tagged("Five six.", &[1]));
        let b = Statement::bare("b", 0, 2004, vec![tagged("Seven.", &[2])]);
        let c = Statement::bare("c", 1, 2016, vec![tagged("Eight nine.", &[])]);
        let mut corpus = Corpus::of(vec![a, b, c]);
        corpus.themes = (0..3)
            .map(|i| Theme {
                id: format!("t{i}"),
                label: format!("T{i}"),
                terms: vec![],
            })
            .collect();
        let bundle = Bundle::new(corpus);
        let (corpus, index) = (&bundle.corpus, bundle.index());
        let table = PassageTable::new(corpus);

        assert_eq!(table.passage_count(), index.passages.len());
        assert_eq!(table.years(), [2004, 2016]);
        for (p, r) in index.passages.iter().enumerate() {
            let p = p as PassageId;
            let statement = &corpus.statements[r.statement as usize];
            let themes: Vec<ThemeId> = statement.passages[r.paragraph as usize]
                .themes
                .iter()
                .map(|t| t.theme)
                .collect();
            assert_eq!(table.statement(p), r.statement);
            assert_eq!(table.themes(p), themes);
        }
        for (s, statement) in corpus.statements.iter().enumerate() {
            let s = s as StatementId;
            assert_eq!(table.speaker(s), statement.speaker);
            assert_eq!(table.years()[table.year_slot(s)], statement.date.year);
            // The index numbers passages as the table does.
            let range = table.statement_passages(s);
            assert_eq!(range.len(), statement.passages.len());
            for (paragraph, p) in range.enumerate() {
                let r = &index.passages[p as usize];
                assert_eq!((r.statement, r.paragraph as usize), (s, paragraph));
            }
        }
    }
}
