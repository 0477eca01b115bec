//! The inverted index over passages, built at compile time and shipped in the
//! bundle, so the browser never tokenizes the corpus.
//!
//! Layout (all ids are dense indexes):
//!
//! ```text
//! terms:     ["1373", "afghan", ..., "terror", ...]        sorted stems
//! postings:  terms[t] -> [Posting { passage, positions }]  sorted by passage
//! words:     [("terrorism", t), ("terrorist", t), ...]     sorted folded words
//! passages:  passage p -> PassageRef { statement, paragraph, spans }
//!            spans[i] = byte range of the i-th token in that paragraph's text
//! ```
//!
//! A posting's positions index into the passage's `spans`, which is how a hit
//! becomes a highlighted range without re-tokenizing.

use crate::model::{Corpus, EntityId, Mention, PassageId, StatementId, TermId};
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a term occurs in one passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub passage: PassageId,
    /// Token positions in the passage, ascending.
    pub positions: Vec<u16>,
}

/// A passage's place in the corpus and its token byte ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageRef {
    pub statement: StatementId,
    /// 0-based paragraph number within the statement.
    pub paragraph: u16,
    /// Byte range of every token, in order; its length is the passage length.
    /// Serialized as (gap, length) pairs, which are small numbers, so the
    /// bundle stays compact (see `codec::delta_spans`).
    #[serde(with = "super::codec::delta_spans")]
    pub spans: Vec<(u32, u32)>,
    /// Entities mentioned in the passage, ascending, for the entity facet.
    pub entities: Vec<EntityId>,
}

/// See the module docs for the layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub terms: Vec<String>,
    /// Serialized as gaps between passage ids and between positions, which
    /// are small numbers (one varint byte each, mostly).
    #[serde(with = "super::codec::delta_postings")]
    pub postings: Vec<Vec<Posting>>,
    /// Folded (unstemmed) words and the term each stems to, sorted by word:
    /// used for `prefix*` queries and "did you mean".
    pub words: Vec<(String, TermId)>,
    pub passages: Vec<PassageRef>,
    /// First passage of each statement; statement `s` owns
    /// `statement_start[s]..statement_start[s + 1]` (or to the end).
    pub statement_start: Vec<PassageId>,
    /// Mean passage length in tokens, for BM25.
    pub avg_len: f32,
}

impl Index {
    /// Indexes every passage of `corpus`.
    pub fn build(corpus: &Corpus) -> Index {
        let mut term_postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        let mut word_terms: BTreeMap<String, String> = BTreeMap::new();
        let mut passages = Vec::new();
        let mut statement_start = Vec::new();
        let mut total_tokens = 0usize;

        for (s, statement) in corpus.statements.iter().enumerate() {
            statement_start.push(passages.len() as PassageId);
            for (p, passage) in statement.passages.iter().enumerate() {
                let id = passages.len() as PassageId;
                let mut spans = Vec::new();
                for (start, end) in text::word_spans(&passage.text) {
                    let folded = text::fold(&passage.text[start..end]);
                    if folded.is_empty() {
                        continue;
                    }
                    let pos = spans.len();
                    let term = text::stem(&folded);
                    spans.push((start as u32, end as u32));
                    word_terms.entry(folded).or_insert_with(|| term.clone());
                    let list = term_postings.entry(term).or_default();
                    match list.last_mut() {
                        Some(last) if last.passage == id => last.positions.push(pos as u16),
                        _ => list.push(Posting {
                            passage: id,
                            positions: vec![pos as u16],
                        }),
                    }
                }
                total_tokens += spans.len();
                passages.push(PassageRef {
                    statement: s as StatementId,
                    paragraph: p as u16,
                    spans,
                    entities: Vec::new(),
                });
            }
        }

        for (e, entity) in corpus.entities.iter().enumerate() {
            for m in &entity.mentions {
                let p = statement_start[m.statement as usize] as usize + m.paragraph as usize;
                let list = &mut passages[p].entities;
                if list.last() != Some(&(e as EntityId)) {
                    list.push(e as EntityId);
                }
            }
        }

        let terms: Vec<String> = term_postings.keys().cloned().collect();
        let postings: Vec<Vec<Posting>> = term_postings.into_values().collect();
        let words = word_terms
            .into_iter()
            .map(|(w, t)| {
                let id = terms
                    .binary_search(&t)
                    .expect("every word's term is indexed");
                (w, id as TermId)
            })
            .collect();
        let avg_len = if passages.is_empty() {
            1.0
        } else {
            total_tokens as f32 / passages.len() as f32
        };
        Index {
            terms,
            postings,
            words,
            passages,
            statement_start,
            avg_len,
        }
    }

    /// The id of an index term (a stem), if the corpus contains it.
    pub fn term_id(&self, term: &str) -> Option<TermId> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()
            .map(|i| i as TermId)
    }

    /// Terms of all indexed words starting with the folded `prefix`.
    pub fn prefix_terms(&self, prefix: &str) -> Vec<TermId> {
        let start = self.words.partition_point(|(w, _)| w.as_str() < prefix);
        let mut ids: Vec<TermId> = self.words[start..]
            .iter()
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|&(_, t)| t)
            .collect();
        crate::util::order::sort_dedup(&mut ids);
        ids
    }

    /// Terms of all indexed words ending with (or, if `infix`, containing)
    /// the folded `part`: a scan of the word list, which is small.
    pub fn pattern_terms(&self, part: &str, infix: bool) -> Vec<TermId> {
        let mut ids: Vec<TermId> = self
            .words
            .iter()
            .filter(|(w, _)| {
                if infix {
                    w.contains(part)
                } else {
                    w.ends_with(part)
                }
            })
            .map(|&(_, t)| t)
            .collect();
        crate::util::order::sort_dedup(&mut ids);
        ids
    }

    /// Passages of statement `s`.
    pub fn statement_passages(&self, s: StatementId) -> core::ops::Range<PassageId> {
        let start = self.statement_start[s as usize];
        let end = self
            .statement_start
            .get(s as usize + 1)
            .copied()
            .unwrap_or(self.passages.len() as PassageId);
        start..end
    }

    /// The passage of a mention's paragraph.
    pub fn mention_passage(&self, m: &Mention) -> PassageId {
        self.statement_start[m.statement as usize] + m.paragraph as PassageId
    }

    /// Number of documents (passages) a term occurs in.
    pub fn doc_freq(&self, t: TermId) -> usize {
        self.postings[t as usize].len()
    }
}
