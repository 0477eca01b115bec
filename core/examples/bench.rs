//! Native benchmark of what one keystroke costs: query parse + search + facet
//! counts, over the seed corpus and over generated corpora of 100 and 1,000
//! statements (seed paragraphs resampled under varied metadata).
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example bench
//! ```
//!
//! Prints median and p95 per corpus over a fixed query set, each query run
//! many times, plus bundle sizes (raw postcard bytes).

use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{Filters, Searcher, Sort};
use csto_core::view::ViewState;
use std::time::Instant;

/// What researchers type (the benchmarks' one query set).
use csto_core::compile::synth::QUERY_SET as QUERIES;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn bench(name: &str, bundle: &Bundle) {
    let searcher = Searcher::new(bundle);
    let filters = [Filters::default(), {
        // a typical faceted view: one theme, a year range
        let (mut v, _) = ViewState::decode("theme=counter-terrorism&from=2010&to=2024");
        v.resolve(&bundle.corpus).0
    }];
    let rounds = if bundle.corpus.statements.len() > 500 {
        20
    } else {
        200
    };
    let mut samples = Vec::new();
    let mut checksum = 0usize;
    for _ in 0..rounds {
        for q in QUERIES {
            for f in &filters {
                let t = Instant::now();
                let query = Query::parse(q);
                let r = searcher.search(&query, f, Sort::Relevance);
                samples.push(t.elapsed().as_secs_f64() * 1000.0);
                checksum += r.passage_count;
            }
        }
    }
    if std::env::var_os("BENCH_PER_QUERY").is_some() {
        let per = QUERIES.len() * filters.len();
        for (i, q) in QUERIES.iter().enumerate() {
            for (j, _) in filters.iter().enumerate() {
                let mut v: Vec<f64> = samples
                    .iter()
                    .skip(i * filters.len() + j)
                    .step_by(per)
                    .copied()
                    .collect();
                v.sort_by(f64::total_cmp);
                println!(
                    "  {q:<45} filters#{j}  median {:>7.3} ms",
                    percentile(&v, 0.5)
                );
            }
        }
    }
    samples.sort_by(f64::total_cmp);
    println!(
        "{name:<18} statements {:>5}  passages {:>6}  bundle {:>8} B  median {:>7.3} ms  p95 {:>7.3} ms  max {:>7.3} ms  (n={}, checksum {checksum})",
        bundle.corpus.statements.len(),
        bundle.index().passages.len(),
        bundle.to_bytes().len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        samples.last().copied().unwrap_or_default(),
        samples.len(),
    );
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    let seed_bundle = Bundle::new(seed.clone());
    println!(
        "index build (seed): {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    let bytes = seed_bundle.to_bytes();
    let _ = Bundle::from_bytes(&bytes).expect("round trip");
    println!(
        "bundle decode (seed, incl. encode): {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    bench("seed", &seed_bundle);
    for n in [100, 1000] {
        let b = Bundle::new(csto_core::compile::synth::synthesize(&seed, n, 42));
        bench(&format!("synthetic {n}"), &b);
    }
}
