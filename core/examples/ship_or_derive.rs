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
use csto_core::index::{Index, TokenTable};
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
    let whole = bundle.to_bytes();
    let corpus_only = postcard::to_allocvec(&corpus).expect("serializes");
    let index_only = postcard::to_allocvec(&bundle.index).expect("serializes");
    let runs = if corpus.statements.len() > 500 {
        15
    } else {
        101
    };
    let decode_whole = time(runs, || Bundle::from_bytes(&whole).expect("decodes"));
    let decode_corpus = time(runs, || {
        postcard::from_bytes::<Corpus>(&corpus_only).expect("decodes")
    });
    let decode_index = time(runs, || {
        postcard::from_bytes::<Index>(&index_only).expect("decodes")
    });
    let build_index = time(runs, || Index::build(&corpus));
    let tokens = time(runs, || TokenTable::new(&bundle.corpus, &bundle.index));
    println!(
        "{name:<10} whole bundle {:>7.1} KiB raw {:>6} KiB br | corpus {:>7.1} raw {:>6} br | index {:>7.1} raw {:>6} br",
        whole.len() as f64 / 1024.0,
        kib(brotli(&whole)),
        corpus_only.len() as f64 / 1024.0,
        kib(brotli(&corpus_only)),
        index_only.len() as f64 / 1024.0,
        kib(brotli(&index_only)),
    );
    println!(
        "{:<10} ship: decode whole {decode_whole:.2} ms (corpus {decode_corpus:.2} + index {decode_index:.2}) | derive: decode corpus + Index::build {:.2} ms ({build_index:.2} to build) | token table (always derived) {tokens:.2} ms",
        "",
        decode_corpus + build_index
    );
}

fn main() {
    let seed_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::source::load_corpus(&seed_dir).unwrap_or_else(|e| panic!("{e}"));
    report("seed", seed.clone());
    for n in [100, 1000] {
        report(&n.to_string(), csto_core::synth::synthesize(&seed, n, 42));
    }
}
