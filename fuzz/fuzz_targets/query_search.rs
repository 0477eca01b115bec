//! Any text typed in the search box, and any view from the address bar, is
//! parsed and searched against the real corpus without panicking; the
//! results only name passages that exist.
#![no_main]

use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{Searcher, Sort};
use csto_core::view::ViewState;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        Bundle::new(csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")))
    })
}

/// One searcher for the run, as in the app.
fn searcher() -> &'static Searcher<'static> {
    static SEARCHER: OnceLock<Searcher<'static>> = OnceLock::new();
    SEARCHER.get_or_init(|| Searcher::new(bundle()))
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // the first line is the query, the rest an address's query string
    let (q, address) = input.split_once('\n').unwrap_or((&input, ""));
    let bundle = bundle();
    let (mut view, _) = ViewState::decode(address);
    let (filters, _) = view.resolve(&bundle.corpus);
    let query = Query::parse(q);
    for sort in [Sort::Relevance, Sort::DateDesc] {
        let results = searcher().search(&query, &filters, sort);
        for hit in &results.statements {
            assert!((hit.statement as usize) < bundle.corpus.statements.len());
            for p in results.passages(hit) {
                assert!((p.passage as usize) < bundle.index().passages.len());
                let tokens = bundle.index().passages[p.passage as usize].spans.len();
                for &(start, len) in results.hits(p) {
                    assert!(start as usize + len as usize <= tokens);
                }
            }
        }
    }
});
