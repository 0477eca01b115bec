//! Summary statistics of the selected statements, each and together: the
//! figures a corpus description starts with (AntConc's and #LancsBox's
//! corpus info, WordSmith's statistics). Tokens are those of the search
//! index (see [`crate::analysis`]); types are folded word forms.
//!
//! ```text
//! tokens        N, running words
//! types         V, distinct folded word forms ("Terrorism" = "terrorism")
//! TTR           V / N
//! STTR          mean TTR of consecutive chunks of `chunk` tokens (below)
//! hapaxes       forms occurring exactly once
//! sentences     see below
//! mean sentence length = N / sentences
//! mean word length     = letters and digits per token, of the folded form
//! ```
//!
//! **STTR.** TTR falls as a text grows, so texts of different lengths are
//! compared on equal chunks, as WordSmith's standardised TTR does: each
//! statement's tokens are cut into consecutive chunks of `chunk` tokens
//! (running over paragraph ends, never across statements), each chunk's TTR
//! is computed, and STTR is their mean; for the selection together, the
//! mean over every chunk of every statement. **The last, partial chunk of a
//! statement is left out** (its TTR would be inflated by its shortness), as
//! WordSmith does; a statement shorter than one chunk has no STTR (`None`).
//! WordSmith's default chunk is 1,000 tokens; these statements have 499 to
//! 2,093, so the default here is [`DEFAULT_STTR_CHUNK`] = 100, a parameter.
//!
//! **Sentences.** A sentence ends after a word followed by `.`, `!` or `?`
//! and then white space, unless the word is a one-letter initial ("U.N.",
//! "e.g.") or an abbreviation of [`ABBREVIATIONS`] ("Mr.", "No."); the end of
//! a paragraph always ends one (headings and list items have no full stop).
//! A full stop inside a token run ("S/PV.7796", "1.5") ends nothing.
//!
//! **Most frequent content words**: folded forms that are content words
//! ([`super::StopWords::is_content_term`]), most frequent first.
//! **Most distinctive words**: the keyness of the statement against every
//! other statement of the corpus (for the selection together: the selection
//! against the rest of the corpus, none when it is the whole corpus), by
//! the G² and Log Ratio of [`super::compare`], shown as the stem's most
//! frequent form there; the same figures as [`super::compare`] gives the
//! statement against the rest (its first rows).
//! Both lists hold at most `top` words.

use super::compare::{log_likelihood, score, Side};
use super::stop_words::StopWords;
use super::tokens::Selection;
use crate::bundle::Bundle;
use crate::index::WordId;
use crate::model::StatementId;
use crate::model::{PassageId, TermId};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The default STTR chunk, in tokens (see the module docs).
pub const DEFAULT_STTR_CHUNK: u32 = 100;

/// Words whose full stop does not end a sentence (folded).
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "cf", "art", "para", "jr", "sr",
];

/// Parameters of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryOptions {
    /// Tokens per STTR chunk (at least 1).
    pub sttr_chunk: u32,
    /// Length of the word lists.
    pub top: u32,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            sttr_chunk: DEFAULT_STTR_CHUNK,
            top: 10,
        }
    }
}

/// A word and its frequency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordFreq {
    pub word: String,
    pub freq: u32,
}

/// A distinctive word: its frequency here and its keyness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveWord {
    pub word: String,
    pub freq: u32,
    pub g2: f64,
    pub log_ratio: f64,
}

/// The figures of one text (a statement, or the selection together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextStats {
    pub tokens: u32,
    pub types: u32,
    /// types / tokens (0 without tokens).
    pub ttr: f64,
    /// Mean TTR of the full chunks; `None` without one.
    pub sttr: Option<f64>,
    /// Full chunks the STTR is the mean of.
    pub sttr_chunks: u32,
    pub hapaxes: u32,
    pub sentences: u32,
    pub mean_sentence_length: f64,
    pub mean_word_length: f64,
    pub top_words: Vec<WordFreq>,
    pub distinctive: Vec<DistinctiveWord>,
}

/// One statement's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementSummary {
    pub statement: StatementId,
    /// The statement's URL key.
    pub key: String,
    pub stats: TextStats,
}

/// Every selected statement's figures, and the selection's together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The STTR chunk used.
    pub chunk: u32,
    /// In corpus (date) order.
    pub statements: Vec<StatementSummary>,
    pub total: TextStats,
}

/// Counts of one text, gathered token by token.
#[derive(Default)]
struct Tally {
    tokens: u32,
    letters: u64,
    sentences: u32,
    chunks: u32,
    chunk_ttr_sum: f64,
}

/// Scratch counts indexed by id, with the list of ids touched so they can
/// be reset in time proportional to what was counted.
struct Counter {
    count: Vec<u32>,
    touched: Vec<u32>,
}

impl Counter {
    fn new(n: usize) -> Counter {
        Counter {
            count: vec![0; n],
            touched: Vec::new(),
        }
    }
    #[inline(always)]
    fn add(&mut self, id: u32, n: u32) {
        let c = &mut self.count[id as usize];
        if *c == 0 {
            self.touched.push(id);
        }
        *c += n;
    }
    #[inline(always)]
    fn get(&self, id: u32) -> u32 {
        self.count[id as usize]
    }
    /// Adds every count of `other` to these.
    fn add_all(&mut self, other: &Counter) {
        for &id in &other.touched {
            self.add(id, other.get(id));
        }
    }
    fn clear(&mut self) {
        for &id in &self.touched {
            self.count[id as usize] = 0;
        }
        self.touched.clear();
    }
}

/// What the whole corpus has, for the distinctive words.
struct Reference {
    /// Whether each term is a content word.
    content: Vec<bool>,
    /// Occurrences of every term in the corpus.
    term_freq: Vec<u32>,
    tokens: u64,
}

impl Tally {
    /// Adds `other`'s counts to these.
    fn add(&mut self, other: &Tally) {
        self.tokens += other.tokens;
        self.letters += other.letters;
        self.sentences += other.sentences;
        self.chunks += other.chunks;
        self.chunk_ttr_sum += other.chunk_ttr_sum;
    }
}

impl Reference {
    /// The corpus's content-word flags, term frequencies and tokens.
    fn of(bundle: &Bundle) -> Reference {
        let index = bundle.index();
        Reference {
            content: StopWords::new().content_flags(index),
            term_freq: index
                .postings
                .iter()
                .map(|l| l.occurrences() as u32)
                .collect(),
            tokens: index.passages.iter().map(|r| r.spans.len() as u64).sum(),
        }
    }
}

/// The counts of the statement being read, reset after each.
struct Scratch {
    words: Counter,
    terms: Counter,
    /// The last chunk each word was seen in, for the chunks' types.
    stamp: Vec<u32>,
    /// The chunk being read, counted over every statement (never 0).
    chunk_id: u32,
}

/// The summary of the statements `selected` (see the module docs).
pub fn summary(bundle: &Bundle, selected: &[StatementId], options: &SummaryOptions) -> Summary {
    let index = bundle.index();
    let sel = Selection::new(bundle, selected);
    let chunk = options.sttr_chunk.max(1);
    let word_len: Vec<u32> = index
        .words
        .iter()
        .map(|(w, _)| w.chars().count() as u32)
        .collect();
    let reference = Reference::of(bundle);

    let mut scratch = Scratch {
        words: Counter::new(index.words.len()),
        terms: Counter::new(index.terms.len()),
        stamp: vec![0u32; index.words.len()],
        chunk_id: 0,
    };
    let mut all_words = Counter::new(index.words.len());
    let mut all_terms = Counter::new(index.terms.len());
    let mut all = Tally::default();
    let mut out = Vec::with_capacity(sel.statements.len());
    for (&s, range) in sel.statements.iter().zip(&sel.statement_tokens) {
        let tally = read_statement(&sel, s, range.clone(), chunk, &word_len, &mut scratch);
        all.add(&tally);
        let (words, terms) = (&scratch.words, &scratch.terms);
        out.push(StatementSummary {
            statement: s,
            key: bundle.corpus.statements[s as usize].id.clone(),
            stats: stats(bundle, &tally, words, terms, &reference, options.top),
        });
        all_words.add_all(words);
        all_terms.add_all(terms);
        scratch.words.clear();
        scratch.terms.clear();
    }
    let total = stats(
        bundle,
        &all,
        &all_words,
        &all_terms,
        &reference,
        options.top,
    );
    Summary {
        chunk,
        statements: out,
        total,
    }
}

/// Reads statement `s` (its tokens `range`): counts its words and terms
/// into `scratch`, and tallies its tokens, letters (`word_len` by word),
/// sentences and the TTR of each full chunk of `chunk` tokens.
fn read_statement(
    sel: &Selection,
    s: StatementId,
    range: Range<usize>,
    chunk: u32,
    word_len: &[u32],
    scratch: &mut Scratch,
) -> Tally {
    let (terms, words) = (sel.table.terms(), sel.table.words());
    let mut tally = Tally {
        tokens: range.len() as u32,
        sentences: sel
            .bundle
            .table()
            .statement_passages(s)
            .map(|p| sentences(sel, p))
            .sum(),
        ..Tally::default()
    };
    for i in range.clone() {
        let w = words[i];
        scratch.words.add(w, 1);
        scratch.terms.add(terms[i], 1);
        tally.letters += word_len[w as usize] as u64;
    }
    for c in words[range].chunks_exact(chunk as usize) {
        scratch.chunk_id += 1;
        let mut distinct = 0u32;
        for &w in c {
            if scratch.stamp[w as usize] != scratch.chunk_id {
                scratch.stamp[w as usize] = scratch.chunk_id;
                distinct += 1;
            }
        }
        tally.chunks += 1;
        tally.chunk_ttr_sum += distinct as f64 / chunk as f64;
    }
    tally
}

/// The figures of one text from its tally and counts.
fn stats(
    bundle: &Bundle,
    tally: &Tally,
    words: &Counter,
    terms: &Counter,
    reference: &Reference,
    top: u32,
) -> TextStats {
    let index = bundle.index();
    let n = tally.tokens;
    let ratio = |x: f64, of: f64| if of == 0.0 { 0.0 } else { x / of };
    let types = words.touched.len() as u32;
    let hapaxes = words.touched.iter().filter(|&&w| words.get(w) == 1).count() as u32;

    // content word forms, most frequent first, then alphabetical (word order)
    let content = words
        .touched
        .iter()
        .copied()
        .filter(|&w| reference.content[index.words[w as usize].1 as usize]);
    let top_words = top_k(content, top, |&a, &b| {
        (words.get(a), std::cmp::Reverse(a)) > (words.get(b), std::cmp::Reverse(b))
    })
    .into_iter()
    .map(|w| WordFreq {
        word: index.words[w as usize].0.clone(),
        freq: words.get(w),
    })
    .collect();

    TextStats {
        tokens: n,
        types,
        ttr: ratio(types as f64, n as f64),
        sttr: (tally.chunks > 0).then(|| tally.chunk_ttr_sum / tally.chunks as f64),
        sttr_chunks: tally.chunks,
        hapaxes,
        sentences: tally.sentences,
        mean_sentence_length: ratio(n as f64, tally.sentences as f64),
        mean_word_length: ratio(tally.letters as f64, n as f64),
        top_words,
        distinctive: distinctive(bundle, n as u64, words, terms, reference, top),
    }
}

/// The `top` terms of a text (its `terms` counts, `c` tokens) most
/// over-represented against the rest of the corpus, by G².
fn distinctive(
    bundle: &Bundle,
    c: u64,
    words: &Counter,
    terms: &Counter,
    reference: &Reference,
    top: u32,
) -> Vec<DistinctiveWord> {
    let d = reference.tokens.saturating_sub(c);
    if c == 0 || d == 0 {
        return Vec::new();
    }
    // G² alone ranks them; the other figures only for the `top` kept.
    let (cf, df) = (c as f64, d as f64);
    let candidates = terms.touched.iter().filter_map(|&t| {
        let a = terms.get(t);
        let b = reference.term_freq[t as usize].saturating_sub(a);
        let over = a as u64 * d > b as u64 * c;
        (over && reference.content[t as usize])
            .then(|| (log_likelihood(a as f64, b as f64, cf, df), t, a, b))
    });
    let best = top_k(candidates, top, |x, y| {
        x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)).is_gt()
    });
    best.into_iter()
        .map(|(_, t, a, b)| score(t, Side::A, a, b, c, d))
        .map(|r| DistinctiveWord {
            word: most_frequent_form(bundle, r.term, words),
            freq: r.freq_a,
            g2: r.g2,
            log_ratio: r.log_ratio,
        })
        .collect()
}

/// The first `k` of `items` in the order `better` defines (a strict total
/// order: `better(a, b)` when `a` comes first), in that order. One pass,
/// keeping the best `k` in a short sorted list; the lists here are a
/// statement's vocabulary, and `k` is ten or so.
fn top_k<T>(items: impl Iterator<Item = T>, k: u32, better: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let k = k as usize;
    let mut best: Vec<T> = Vec::with_capacity(k + 1);
    if k == 0 {
        return best;
    }
    for item in items {
        if best.len() == k && !better(&item, &best[k - 1]) {
            continue;
        }
        let at = best.partition_point(|b| better(b, &item));
        best.insert(at, item);
        best.truncate(k);
    }
    best
}

/// The most frequent folded form of term `t` among `words` (alphabetical
/// first on a tie).
fn most_frequent_form(bundle: &Bundle, t: TermId, words: &Counter) -> String {
    let index = bundle.index();
    let mut best: Option<(u32, WordId)> = None;
    for &w in &words.touched {
        if index.words[w as usize].1 != t {
            continue;
        }
        let c = words.get(w);
        if best.is_none_or(|(bc, bw)| c > bc || (c == bc && w < bw)) {
            best = Some((c, w));
        }
    }
    best.map_or_else(
        || index.terms[t as usize].clone(),
        |(_, w)| index.words[w as usize].0.clone(),
    )
}

/// Sentences of passage `p` (see the module docs).
fn sentences(sel: &Selection, p: PassageId) -> u32 {
    let spans = &sel.bundle.index().passages[p as usize].spans;
    if spans.is_empty() {
        return 0;
    }
    let text = sel.text(p);
    let bytes = text.as_bytes();
    let inner = spans
        .windows(2)
        .filter(|w| {
            let (end, next) = (w[0].1 as usize, w[1].0 as usize);
            // Most gaps are one space: looked at as bytes before anything
            // is cut out of the text as a `str`.
            has_stop(&bytes[end..next])
                && ends_sentence(&text[w[0].0 as usize..end], &text[end..next])
        })
        .count() as u32;
    inner + 1 // the paragraph's end
}

/// Whether `gap`, the text between `word` and the next word, ends a
/// sentence (see the module docs).
fn ends_sentence(word: &str, gap: &str) -> bool {
    if !has_stop(gap.as_bytes()) || !gap.contains(char::is_whitespace) {
        return false;
    }
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    let folded = crate::text::fold(word);
    !initial && !ABBREVIATIONS.contains(&folded.as_str())
}

/// Whether `gap` holds a full stop, `!` or `?`.
fn has_stop(gap: &[u8]) -> bool {
    gap.iter().any(|b| matches!(b, b'.' | b'!' | b'?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_table() {
        // (word, gap after it, ends a sentence)
        let cases = [
            ("threat", ". ", true),
            ("threat", "! ", true),
            ("threat", "? “", true),
            ("threat", ".” ", true),
            ("threat", ", ", false),
            ("threat", " ", false),
            ("Mr", ". ", false),
            ("No", ". ", false),
            ("N", ". ", false), // U.N. — an initial
            ("PV", ".", false), // S/PV.7796 — no space
            ("1", ".", false),  // 1.5
        ];
        for (word, gap, expected) in cases {
            assert_eq!(ends_sentence(word, gap), expected, "{word:?} {gap:?}");
        }
    }
}
