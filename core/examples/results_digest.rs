//! A digest of what the index builder and the search produce, to show that
//! a speed change left them alone: the built index (its postcard bytes) and,
//! for 17 queries x 2 filter sets x 2 sorts, the results (statements, hits,
//! scores, facets, suggestions), the first statement's highlights and the
//! token table, for the seed corpus and 100 / 1,000 generated statements.
//! Run it on two commits and compare the lines.
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example results_digest
//! ```
use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{Filters, Searcher, Sort};
use csto_core::view::ViewState;
use std::hash::{Hash, Hasher};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&dir).unwrap();
    for n in [0usize, 100, 1000] {
        let corpus = if n == 0 {
            seed.clone()
        } else {
            csto_core::compile::synth::synthesize(&seed, n, 42)
        };
        let b = Bundle::from_bytes(&Bundle::new(corpus).to_bytes()).unwrap();
        let bytes = postcard::to_allocvec(b.index()).unwrap();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        let ih = h.finish();
        let s = Searcher::new(&b);
        let (mut v, _) = ViewState::decode("theme=counter-terrorism&from=2010&to=2024");
        let fs = [Filters::default(), v.resolve(&b.corpus).0];
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for q in csto_core::compile::synth::QUERY_SET.iter().copied().chain([
            "terror NEAR/3 drug",
            "*ism",
            "securit* \"united nations\" -drug",
            "kanal canal",
            "migration OR \"drug trafficking\" -terror",
        ]) {
            for f in &fs {
                for sort in [Sort::Relevance, Sort::DateDesc] {
                    let r = s.search(&Query::parse(q), f, sort);
                    canonical(&r).hash(&mut h);
                    if let Some(st) = r.statements.first() {
                        format!("{:?}", s.hits_in_statement(&Query::parse(q), st.statement))
                            .hash(&mut h);
                    }
                }
            }
        }
        let tt = b.token_table();
        format!("{:?}{:?}", tt.terms(), tt.words()).hash(&mut h);
        println!(
            "n={n} index bytes {} hash {ih:016x} results hash {:016x}",
            bytes.len(),
            h.finish()
        );
    }
}

/// The results as text that does not depend on how they are laid out in
/// memory: each statement with its passages in order, their scores (exact
/// bits) and hits, then the count, facets and suggestions.
fn canonical(r: &csto_core::search::SearchResults) -> String {
    let mut out = String::new();
    for st in &r.statements {
        out += &format!("S{} {:x}:", st.statement, st.score.to_bits());
        for p in r.passages(st) {
            out += &format!(" P{} {:x} {:?}", p.passage, p.score.to_bits(), r.hits(p));
        }
        out.push('\n');
    }
    out += &format!("{} {:?} {:?}", r.passage_count, r.facets, r.suggestions);
    out
}
