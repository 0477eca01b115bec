//! The inverted index over passages, built in the browser from the shipped
//! corpus (cheaper than shipping it: see `bundle.rs`), on first use.
//!
//! Layout (all ids are dense indexes):
//!
//! ```text
//! terms:     ["1373", "afghan", ..., "terror", ...]        sorted stems
//! postings:  terms[t] -> [Posting { passage, positions }]  sorted by passage
//!            (flat arrays: see `postings.rs`)
//! words:     [("terrorism", t), ("terrorist", t), ...]     sorted folded words
//! passages:  passage p -> PassageRef { statement, paragraph, spans }
//!            spans[i] = byte range of the i-th token in that paragraph's text
//! ```
//!
//! A posting's positions index into the passage's `spans`, which is how a hit
//! becomes a highlighted range without re-tokenizing.

use super::postings::{Postings, PostingsBuilder};
use super::token_table::{TokenTable, WordId};
use crate::model::{Corpus, PassageId, StatementId, TermId};
use crate::text;
use crate::util::order;
use rustc_hash::FxHashMap as HashMap;

/// A passage's place in the corpus and its token byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "compile", derive(serde::Serialize, serde::Deserialize))]
pub struct PassageRef {
    pub statement: StatementId,
    /// 0-based paragraph number within the statement.
    pub paragraph: u16,
    /// Byte range of every token, in order; its length is the passage length.
    /// Serialized as (gap, length) pairs, which are small numbers, so the
    /// bundle stays compact (see `codec::delta_spans`).
    #[cfg_attr(feature = "compile", serde(with = "super::codec::delta_spans"))]
    pub spans: Vec<(u32, u32)>,
}

/// The provisional word of a spelling that folds to nothing (not indexed).
const NOT_A_WORD: u32 = u32::MAX;

/// See the module docs for the layout. Built where it is used, never
/// shipped: its serde form (feature `compile`) serves only the examples that
/// weigh shipping it (`ship_or_derive`) and digest it (`results_digest`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "compile", derive(serde::Serialize, serde::Deserialize))]
pub struct Index {
    pub terms: Vec<String>,
    /// Serialized as gaps between passage ids and between positions, which
    /// are small numbers (one varint byte each, mostly).
    #[cfg_attr(feature = "compile", serde(with = "super::codec::delta_postings"))]
    pub postings: Postings,
    /// Folded (unstemmed) words and the term each stems to, sorted by word:
    /// used for `prefix*` queries and "did you mean".
    pub words: Vec<(String, TermId)>,
    pub passages: Vec<PassageRef>,
    /// Mean passage length in tokens, for BM25.
    pub avg_len: f32,
}

impl Index {
    /// Indexes every passage of `corpus`.
    ///
    /// Run at start-up (the bundle ships the corpus, not the index; see
    /// `bundle.rs`), so it stems each distinct word once and finds terms by
    /// hash: every token costs one hash lookup of its spelling (and a new
    /// spelling a fold and two more).
    pub fn build(corpus: &Corpus) -> Index {
        Index::build_parts(corpus, false).0
    }

    /// [`Index::build`], and every token's term and folded word as a
    /// [`TokenTable`] for the analyses: the build looks each token's word up
    /// anyway, so noting it costs one more push per token, where reading the
    /// words back off a finished index took half as long as the build
    /// (docs/benchmarks.md, "the token table from the index build").
    pub fn build_with_tokens(corpus: &Corpus) -> (Index, TokenTable) {
        let (index, tokens) = Index::build_parts(corpus, true);
        (index, tokens.expect("asked for"))
    }

    /// The index of `corpus` and, `with_tokens`, its [`TokenTable`].
    ///
    /// Terms and words get provisional ids in order of first sight; sorted
    /// at the end. The first pass ([`FirstPass`]) notes each token's
    /// provisional term (and word) and counts each term's tokens and
    /// postings; the postings are then laid out from those counts in one
    /// pass (see `postings.rs`).
    fn build_parts(corpus: &Corpus, with_tokens: bool) -> (Index, Option<TokenTable>) {
        let (pass, passages) = FirstPass::read(corpus, with_tokens);
        let FirstPass {
            term_ids,
            word_ids,
            word_term,
            mut token_terms,
            mut token_words,
            term_tokens,
            term_postings,
            ..
        } = pass;

        // Sorted terms, and each provisional id's place among them.
        let mut terms: Vec<(String, u32)> = term_ids.into_iter().collect();
        order::sort(&mut terms);
        let rank: Vec<TermId> = ranks(&terms);
        let order: Vec<u32> = terms.iter().map(|&(_, provisional)| provisional).collect();
        let mut builder = PostingsBuilder::new(&order, &term_postings, &term_tokens);
        let mut token = token_terms.iter();
        for (id, r) in passages.iter().enumerate() {
            for (pos, &provisional) in token.by_ref().take(r.spans.len()).enumerate() {
                builder.add(provisional, id as PassageId, pos as u16);
            }
        }
        let postings = builder.finish();

        // Sorted words, and each provisional word's place among them.
        let mut words: Vec<(String, u32)> = word_ids.into_iter().collect();
        order::sort(&mut words);
        let word_rank: Vec<WordId> = if with_tokens {
            ranks(&words)
        } else {
            Vec::new()
        };
        let words: Vec<(String, TermId)> = words
            .into_iter()
            .map(|(w, provisional)| (w, rank[word_term[provisional as usize] as usize]))
            .collect();
        let avg_len = if passages.is_empty() {
            1.0
        } else {
            token_terms.len() as f32 / passages.len() as f32
        };
        let index = Index {
            terms: terms.into_iter().map(|(t, _)| t).collect(),
            postings,
            words,
            passages,
            avg_len,
        };
        let tokens = with_tokens.then(|| {
            for t in &mut token_terms {
                *t = rank[*t as usize];
            }
            for w in &mut token_words {
                *w = word_rank[*w as usize];
            }
            TokenTable::new(&index, token_terms, token_words)
        });
        (index, tokens)
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

    /// Number of documents (passages) a term occurs in.
    pub fn doc_freq(&self, t: TermId) -> usize {
        self.postings.list(t).len()
    }
}

/// Each name's place among the `sorted` names, by the provisional id it
/// was given in order of first sight.
fn ranks(sorted: &[(String, u32)]) -> Vec<u32> {
    let mut rank = vec![0u32; sorted.len()];
    for (i, (_, provisional)) in sorted.iter().enumerate() {
        rank[*provisional as usize] = i as u32;
    }
    rank
}

/// What the index build's first pass over the text finds: provisional ids
/// for terms and words in order of first sight, each token's, and each
/// term's counts of tokens and postings that the postings are laid out
/// from.
struct FirstPass<'a> {
    term_ids: HashMap<String, u32>,
    word_ids: HashMap<String, u32>,
    /// Each provisional word's provisional term.
    word_term: Vec<u32>,
    /// Each distinct spelling as it stands in the text, and its word:
    /// most tokens are spellings seen before, found without folding them.
    raw_words: HashMap<&'a str, u32>,
    token_terms: Vec<u32>,
    /// Only when the token table is asked for.
    token_words: Vec<u32>,
    with_tokens: bool,
    term_tokens: Vec<u32>,
    term_postings: Vec<u32>,
    /// The last passage each term was seen in, for its postings count.
    last_passage: Vec<PassageId>,
    /// Scratch for folding a new spelling.
    folded: String,
}

impl<'a> FirstPass<'a> {
    /// Reads every passage of `corpus`: its tokens' spans, and their terms
    /// and words noted.
    fn read(corpus: &'a Corpus, with_tokens: bool) -> (FirstPass<'a>, Vec<PassageRef>) {
        let mut pass = FirstPass {
            term_ids: HashMap::default(),
            word_ids: HashMap::default(),
            word_term: Vec::new(),
            raw_words: HashMap::default(),
            token_terms: Vec::new(),
            token_words: Vec::new(),
            with_tokens,
            term_tokens: Vec::new(),
            term_postings: Vec::new(),
            last_passage: Vec::new(),
            folded: String::new(),
        };
        let mut passages = Vec::new();
        for (s, statement) in corpus.statements.iter().enumerate() {
            for (p, passage) in statement.passages.iter().enumerate() {
                let id = passages.len() as PassageId;
                let mut spans = Vec::new();
                for (start, end) in text::word_spans(&passage.text) {
                    let word = pass.word(&passage.text[start..end]);
                    if word == NOT_A_WORD {
                        continue;
                    }
                    spans.push((start as u32, end as u32));
                    pass.note(word, id);
                }
                passages.push(PassageRef {
                    statement: s as StatementId,
                    paragraph: p as u16,
                    spans,
                });
            }
        }
        (pass, passages)
    }

    /// The provisional word of the spelling `raw` ([`NOT_A_WORD`] when it
    /// folds to nothing): found by its spelling when seen before, else
    /// folded, and stemmed when the folded word is new.
    #[inline(always)]
    fn word(&mut self, raw: &'a str) -> u32 {
        if let Some(&w) = self.raw_words.get(raw) {
            return w;
        }
        text::fold_into(raw, &mut self.folded);
        let w = if self.folded.is_empty() {
            NOT_A_WORD
        } else if let Some(&w) = self.word_ids.get(self.folded.as_str()) {
            w
        } else {
            self.new_word()
        };
        self.raw_words.insert(raw, w);
        w
    }

    /// Registers the folded word in `self.folded`, first seen: its term
    /// (registered too when new) and its provisional id.
    fn new_word(&mut self) -> u32 {
        let stem = text::stem(&self.folded);
        let next = self.term_ids.len() as u32;
        let term = *self.term_ids.entry(stem).or_insert(next);
        if term == next {
            self.term_tokens.push(0);
            self.term_postings.push(0);
            self.last_passage.push(PassageId::MAX);
        }
        let w = self.word_term.len() as u32;
        self.word_term.push(term);
        self.word_ids.insert(self.folded.clone(), w);
        w
    }

    /// Notes a token of provisional word `word` in passage `id`.
    #[inline(always)]
    fn note(&mut self, word: u32, id: PassageId) {
        let term = self.word_term[word as usize];
        self.token_terms.push(term);
        if self.with_tokens {
            self.token_words.push(word);
        }
        self.term_tokens[term as usize] += 1;
        if self.last_passage[term as usize] != id {
            self.last_passage[term as usize] = id;
            self.term_postings[term as usize] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Posting;
    use crate::model::Corpus;

    /// The layout of the module docs, worked out by hand for two passages.
    #[test]
    fn build_lays_out_sorted_terms_words_and_positions() {
        let corpus = Corpus::of_texts(&[(
            2004,
            &["Terrorists and terrorism.", "The CSTO’s terrorism 2004"],
        )]);
        let index = Index::build(&corpus);
        // stems, sorted: terrorist → terror (the `ist` rule), csto’s → csto
        assert_eq!(index.terms, ["2004", "and", "csto", "terror", "the"]);
        let words: Vec<(&str, TermId)> =
            index.words.iter().map(|(w, t)| (w.as_str(), *t)).collect();
        assert_eq!(
            words,
            [
                ("2004", 0),
                ("and", 1),
                ("csto", 2),
                ("terrorism", 3),
                ("terrorists", 3),
                ("the", 4)
            ]
        );
        let terror: Vec<Posting> = index.postings.list(3).iter().collect();
        assert_eq!(terror.len(), 2);
        assert_eq!((terror[0].passage, terror[0].positions), (0, &[0, 2][..]));
        assert_eq!((terror[1].passage, terror[1].positions), (1, &[2][..]));
        assert_eq!(
            index.passages[1].spans,
            [(0, 3), (4, 12), (13, 22), (23, 27)]
        );
        assert_eq!(index.avg_len, 3.5);
        // the same corpus always gives the same index (hash order never leaks)
        assert_eq!(Index::build(&corpus), index);

        // With the token table: the same index, and each token's term and
        // folded word (ids of the lists above), passage by passage.
        let (same, tokens) = Index::build_with_tokens(&corpus);
        assert_eq!(same, index);
        // Terrorists and terrorism. | The CSTO’s terrorism 2004
        assert_eq!(tokens.terms(), [3, 1, 3, 4, 2, 3, 0]);
        assert_eq!(tokens.words(), [4, 1, 3, 5, 2, 3, 0]);
        assert_eq!((tokens.passage(0), tokens.passage(1)), (0..3, 3..7));
        assert_eq!(tokens.forms(3), [3, 4]);
    }
}
