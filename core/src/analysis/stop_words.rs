//! The stop list: function words that fill any English text and say little
//! about what a statement is about. Word lists, n-grams and collocates flag
//! them (the view shows or hides them); keyness, the two-sided comparison
//! and the summary's content words leave them out.
//!
//! The list is small on purpose (129 words, no content words): articles,
//! pronouns, auxiliaries and modals, prepositions, conjunctions, a few
//! adverbs and quantifiers, plus three fillers of these speeches ("Mr", and
//! "inter alia"). "Security", "cooperation" or "international" are not
//! here: in this corpus they are what the analyses are for. It is the list
//! the distinctive-terms view has always used, so its results do not move.
//!
//! Words are compared by index term (stem): a word is a stop word when it
//! stems to the stem of a listed word, so "has" and "having" both go, and so
//! does "others" (stem "other"). The price is a few content words that share
//! a stem with a listed one ("will" the noun, as in "political will").
//!
//! ```
//! use csto_core::analysis::StopWords;
//! let stop = StopWords::new();
//! assert!(stop.is_stop_word("Having"));
//! assert!(!stop.is_stop_word("security"));
//! assert!(stop.is_content_term("secur"));
//! assert!(!stop.is_content_term("1373"));
//! ```

use crate::index::Index;
use crate::text;
use crate::util::order;

/// The stop words, as written (see the module docs).
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "you",
    "your",
    "yours",
    "mr",
    "inter",
    "alia",
];

/// The stop list stemmed and sorted, for lookups by index term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopWords {
    stems: Vec<String>,
}

impl Default for StopWords {
    fn default() -> Self {
        StopWords::new()
    }
}

impl StopWords {
    /// [`STOP_WORDS`] stemmed (a few microseconds).
    pub fn new() -> StopWords {
        let mut stems: Vec<String> = STOP_WORDS.iter().map(|w| text::stem(w)).collect();
        order::sort_dedup(&mut stems);
        StopWords { stems }
    }

    /// True when the index term `term` is the stem of a stop word.
    pub fn is_stop_term(&self, term: &str) -> bool {
        self.stems
            .binary_search_by(|s| s.as_str().cmp(term))
            .is_ok()
    }

    /// True when `word` (as written or folded) is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.is_stop_term(&text::term(word))
    }

    /// True when `term` counts as a content word: not a stop word, at least
    /// two letters, and no digit (years, resolution numbers and "77th"
    /// belong to the entities view). Keyness, the two-sided comparison and
    /// the summary's word lists keep only these.
    pub fn is_content_term(&self, term: &str) -> bool {
        term.chars().nth(1).is_some()
            && !term.bytes().any(|b| b.is_ascii_digit())
            && !self.is_stop_term(term)
    }

    /// [`StopWords::is_stop_term`] of every index term, by term id.
    pub(crate) fn stop_flags(&self, index: &Index) -> Vec<bool> {
        index.terms.iter().map(|t| self.is_stop_term(t)).collect()
    }

    /// [`StopWords::is_content_term`] of every index term, by term id.
    pub(crate) fn content_flags(&self, index: &Index) -> Vec<bool> {
        index
            .terms
            .iter()
            .map(|t| self.is_content_term(t))
            .collect()
    }
}
