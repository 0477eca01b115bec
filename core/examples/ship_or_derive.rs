//! What is cheaper to ship in the wasm than to compute at start-up? For the
//! seed corpus and for generated corpora of 100 and 1,000 statements, each
//! derived part of the bundle measured both ways: its bytes (postcard, and
//! brotli -q 11 through the `brotli` command if it is on PATH) and the time
//! to decode it against the time to derive it from the corpus text.
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example ship_or_derive
//! ```
//!
//! Native timings (median of many runs); the browser runs the same code as
//! wasm roughly 1.5–3× slower (scripts/bench-load.sh measures the app).

use csto_core::bundle::Bundle;
use csto_core::index::Index;
use csto_core::model::Corpus;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

fn brotli(bytes: &[u8]) -> Option<usize> {
    let mut child = Command::new("brotli")
        .args(["-q", "11", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(bytes).ok()?;
    Some(child.wait_with_output().ok()?.stdout.len())
}

/// Median milliseconds of `f` over `runs` runs.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

fn kib(b: Option<usize>) -> String {
    b.map_or("-".into(), |b| format!("{:.1}", b as f64 / 1024.0))
}

fn report(name: &str, corpus: Corpus) {
    let bundle = Bundle::new(corpus.clone());
    // Shipping the index: the corpus and the index in one postcard blob (the
    // format before the index was derived). Deriving it: the corpus alone.
    let with_index = postcard::to_allocvec(&(&bundle.corpus, bundle.index())).expect("serializes");
    let corpus_only = bundle.to_bytes();
    let runs = if corpus.statements.len() > 500 {
        15
    } else {
        101
    };
    let ship = time(runs, || {
        postcard::from_bytes::<(Corpus, Index)>(&with_index).expect("decodes")
    });
    let derive = time(runs, || {
        let bundle = Bundle::from_bytes(&corpus_only).expect("decodes");
        bundle.index();
        bundle
    });
    let build = time(runs, || Index::build(&corpus));
    let tokens = time(runs, || Index::build_with_tokens(&corpus));
    println!(
        "{name:<6} ship corpus + index: {:>8.1} KiB raw {:>7} KiB br, decode {ship:>7.2} ms | derive: corpus {:>8.1} KiB raw {:>7} KiB br, decode + Index::build {derive:>7.2} ms (build alone {build:.2}) | the build with the token table (the analyses'), derived either way: {tokens:.2} ms",
        with_index.len() as f64 / 1024.0,
        kib(brotli(&with_index)),
        corpus_only.len() as f64 / 1024.0,
        kib(brotli(&corpus_only)),
    );
}

fn main() {
    let seed_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&seed_dir).unwrap_or_else(|e| panic!("{e}"));
    report("seed", seed.clone());
    for n in [100, 1000] {
        report(
            &n.to_string(),
            csto_core::compile::synth::synthesize(&seed, n, 42),
        );
    }
}
