//! Start-up indexing at 1,000 statements by phase, for profiling
//! (`perf record`): postcard decode of the corpus, `Index::build`, and the
//! drop of what they made (which the browser never pays, but a benchmark that
//! drops inside its timing does), and the tokenizer alone over the same
//! text. Prints medians over 15 runs.
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example profile_build [statements]
//! ```
use csto_core::bundle::Bundle;
use csto_core::index::Index;
use csto_core::model::Corpus;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let bytes = Bundle::new(csto_core::compile::synth::synthesize(&seed, n, 42)).to_bytes();
    let (mut decode, mut build, mut drop, mut spans) = (vec![], vec![], vec![], vec![]);
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    for _ in 0..15 {
        let t = Instant::now();
        let corpus: Corpus = postcard::from_bytes(&bytes).expect("decodes");
        decode.push(ms(t));
        let t = Instant::now();
        let index = std::hint::black_box(Index::build(&corpus));
        build.push(ms(t));
        let t = Instant::now();
        let words: usize = corpus
            .statements
            .iter()
            .flat_map(|s| &s.passages)
            .map(|p| csto_core::text::word_spans(&p.text).count())
            .sum();
        std::hint::black_box(words);
        spans.push(ms(t));
        let t = Instant::now();
        std::mem::drop((corpus, index));
        drop.push(ms(t));
    }
    println!(
        "{n} statements: decode {:.2} ms, Index::build {:.2} ms, drop {:.2} ms (of the build: word_spans alone {:.2} ms)",
        median(decode),
        median(build),
        median(drop),
        median(spans)
    );
}
