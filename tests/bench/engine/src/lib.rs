//! csto-core's search behind a tiny wasm-bindgen API, for the engine
//! comparison page (`tests/bench/compare/`, `scripts/bench-compare.sh`).
//! Dev-only: never part of the app or of `dist/`.
//!
//! The page hands over the corpus (postcard bytes of a [`Corpus`], written by
//! `examples/dump.rs`), the crate indexes it in the browser (timed, like the
//! JS engines' `addAll`), and [`search`] then runs exactly what one keystroke
//! in the app runs: `Query::parse` + `Searcher::new` + `Searcher::search`
//! with no filters, relevance order — BM25 ranking, statement grouping,
//! disjunctive facet counts (speakers, years, themes, entities) and, when
//! nothing matches, "did you mean" suggestions.

use csto_core::bundle::Bundle;
use csto_core::model::Corpus;
use csto_core::query::Query;
use csto_core::search::{Filters, Searcher, Sort};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

/// The app's allocator (src/main.rs, analyses/src/main.rs), so the search
/// allocates here as it does there.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static BUNDLE: OnceCell<&'static Bundle> = const { OnceCell::new() };
    static SEARCHER: OnceCell<Searcher<'static>> = const { OnceCell::new() };
}

fn bundle() -> &'static Bundle {
    BUNDLE.with(|b| *b.get().expect("call load() first"))
}

/// Decodes the corpus and builds the index, and what the search derives
/// from the bundle on first use (the passage table, the tokenized alias
/// list: a first search for a word builds all three), so that cost is
/// counted here and not in the first timed search. Returns the passage
/// count.
/// A second call is ignored (the page loads one corpus per run).
#[wasm_bindgen]
pub fn load(corpus_bytes: &[u8]) -> u32 {
    BUNDLE.with(|cell| {
        let b = cell.get_or_init(|| {
            let corpus: Corpus = postcard::from_bytes(corpus_bytes).expect("corpus.bin from dump");
            let bundle = Bundle::new(corpus);
            Searcher::new(&bundle).search(
                &Query::parse("csto"),
                &Filters::default(),
                Sort::Relevance,
            );
            Box::leak(Box::new(bundle))
        });
        b.index().passages.len() as u32
    })
}

/// One keystroke's work: parse, search, rank, count facets.
/// Returns the number of matching passages.
#[wasm_bindgen]
pub fn search(q: &str) -> u32 {
    let b = bundle();
    let r = Searcher::new(b).search(&Query::parse(q), &Filters::default(), Sort::Relevance);
    // Keep the facets observable so nothing is optimized away.
    let facet_sum: u32 = r.facets.speakers.iter().map(|c| c.passages).sum();
    std::hint::black_box(facet_sum);
    r.passage_count as u32
}

/// [`search`] with one `Searcher` kept across calls, as the app does. The
/// alias list is tokenized once per bundle, so the difference to [`search`]
/// is only making the `Searcher` (it used to re-tokenize the aliases).
#[wasm_bindgen]
pub fn search_reusing_searcher(q: &str) -> u32 {
    SEARCHER.with(|s| {
        let r = s.get_or_init(|| Searcher::new(bundle())).search(
            &Query::parse(q),
            &Filters::default(),
            Sort::Relevance,
        );
        r.passage_count as u32
    })
}

/// The matching passage ids, in rank order (statements by score, then their
/// passages by score), for the page's agreement check between engines.
#[wasm_bindgen]
pub fn search_ids(q: &str) -> Vec<u32> {
    let b = bundle();
    let r = Searcher::new(b).search(&Query::parse(q), &Filters::default(), Sort::Relevance);
    r.passage_hits().map(|(p, _)| p).collect()
}
