//! The bench's query set on the 1,000-statement corpus, many rounds, for a
//! profiler (`perf record`): one keystroke's parse + search + facet counts,
//! with the Searcher reused. Prints the total per round (median).
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example profile_search [rounds]
//! ```
use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{Filters, Searcher, Sort};
use std::time::Instant;

/// What researchers type (the benchmarks' one query set).
use csto_core::compile::synth::QUERY_SET as QUERIES;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let bundle = Bundle::new(csto_core::compile::synth::synthesize(&seed, 1000, 42));
    let searcher = Searcher::new(&bundle);
    let filters = Filters::default();
    let mut per_round: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for q in QUERIES {
                let r = searcher.search(&Query::parse(q), &filters, Sort::Relevance);
                std::hint::black_box(r);
            }
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    per_round.sort_by(f64::total_cmp);
    println!(
        "query set at 1,000 statements: median {:.2} ms per round ({} queries, {rounds} rounds)",
        per_round[per_round.len() / 2],
        QUERIES.len()
    );
}
