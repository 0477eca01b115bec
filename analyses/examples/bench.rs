//! What a shared analysis link costs the worker, natively: the corpus
//! message (encoded by the page, decoded by the worker), decoding the
//! corpus the page sends ([`Analyses::from_bytes`]), then each view of
//! `scripts/bench-load.sh`'s shared links described on a cold worker (the
//! first call also builds the index, with the token table if the view
//! reads it) and again on a warm one.
//!
//! ```text
//! cargo run --release -p csto-analyses --example bench                      # the real corpus
//! cargo run --release -p csto-analyses --example bench -- target/bench-load/corpus-1000
//! ```
//!
//! Medians of `BENCH_RUNS` (default 5) fresh workers; `BENCH_VIEW=summary`
//! times only the views whose name contains it. The browser runs the
//! same code as wasm, roughly 1.5–3× slower.

use csto_analyses::Analyses;
use csto_core::bundle::Bundle;
use csto_core::panel::Request;
use std::time::Instant;

/// The shared links of `tests/bench/load.mjs`, with the trends' width.
const VIEWS: &[(&str, &str, Option<u32>)] = &[
    ("collocates", "q=terrorism&view=collocates", None),
    (
        "trends, two terms",
        "view=trends&t=terrorism&t=migration",
        Some(800),
    ),
    ("dispersion", "q=Afghanistan&view=dispersion", None),
    ("n-grams", "q=afghanistan&view=ngrams&n=3&with=1", None),
    ("summary", "view=summary", None),
    ("concordance", "q=terrorism&view=concordance", None),
    ("compare", "q=terrorism&view=compare", None),
];

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus").to_string());
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let corpus = csto_core::compile::source::load_corpus(std::path::Path::new(&dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"));
    let statements = corpus.statements.len();
    let bytes = Bundle::new(corpus).to_bytes();

    // BENCH_VIEW=summary: only the views whose name contains it (to profile one).
    let only = std::env::var("BENCH_VIEW").unwrap_or_default();
    // The corpus message, as the page encodes it and the worker decodes it.
    let (mut encode, mut decode) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        let message = Request::Corpus(bytes.clone()).to_bytes();
        encode.push(ms(t));
        let t = Instant::now();
        std::hint::black_box(Request::from_bytes(&message).expect("a request"));
        decode.push(ms(t));
    }
    let mut start = Vec::new();
    let mut cold = vec![Vec::new(); VIEWS.len()];
    let mut warm = vec![Vec::new(); VIEWS.len()];
    for _ in 0..runs {
        for (i, (name, query, width)) in VIEWS.iter().enumerate() {
            if !name.contains(only.as_str()) {
                continue;
            }
            // A fresh worker per view: a shared link opens one view cold.
            let t = Instant::now();
            let analyses = Analyses::from_bytes(&bytes).expect("the corpus decodes");
            start.push(ms(t));
            // The first time cold, then again warm (what it derived is kept).
            for times in [&mut cold[i], &mut warm[i]] {
                let t = Instant::now();
                std::hint::black_box(
                    analyses
                        .describe_at(query, *width)
                        .expect("an analysis view"),
                );
                times.push(ms(t));
            }
        }
    }
    println!(
        "{dir}: {statements} statements, {} KiB of corpus bytes, {runs} runs, medians (ms)\n",
        bytes.len() / 1024
    );
    println!(
        "the corpus message: encode {:.1}, decode {:.1}",
        median(encode),
        median(decode)
    );
    println!(
        "decode the corpus (the first view builds the index): {:.1}\n",
        median(start)
    );
    println!("| view | query | cold worker | warm |\n| --- | --- | ---: | ---: |");
    for (i, (name, query, _)) in VIEWS.iter().enumerate() {
        if cold[i].is_empty() {
            continue;
        }
        println!(
            "| {name} | `{query}` | {:.1} | {:.1} |",
            median(cold[i].clone()),
            median(warm[i].clone())
        );
    }
}
