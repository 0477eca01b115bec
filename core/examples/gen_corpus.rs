//! Writes a synthetic corpus of `N` statements in the `corpus/` format, for
//! scale tests of the real build (`scripts/bench-scale.sh`):
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example gen_corpus -- N OUT_DIR
//! CSTO_CORPUS_DIR=OUT_DIR trunk build --release --offline --dist target/dist-scale-N
//! ```
//!
//! The statements are seed paragraphs resampled under varied speakers and
//! dates ([`csto_core::compile::synth::synthesize`], fixed RNG seed 42, so the same
//! `N` always gives the same corpus); themes, aliases and entities files are
//! copied from `corpus/`. `OUT_DIR` is emptied first.

#[cfg(feature = "compile")]
fn main() {
    use std::path::{Path, PathBuf};
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_corpus N OUT_DIR");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or_else(|_| {
        eprintln!("gen_corpus: N must be a number, got {n:?}");
        std::process::exit(2)
    });
    let out = PathBuf::from(out);
    let seed_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&seed_dir).unwrap_or_else(|e| panic!("{e}"));
    let corpus = csto_core::compile::synth::synthesize(&seed, n, 42);
    if out.exists() {
        std::fs::remove_dir_all(&out).expect("OUT_DIR can be emptied");
    }
    csto_core::compile::synth::write_corpus_dir(&corpus, &seed_dir, &out)
        .expect("OUT_DIR is writable");
    let passages: usize = corpus.statements.iter().map(|s| s.passages.len()).sum();
    eprintln!(
        "gen_corpus: {n} statements, {passages} passages → {}",
        out.display()
    );
}

#[cfg(not(feature = "compile"))]
fn main() {
    eprintln!("gen_corpus needs the `compile` feature: cargo run --release -p csto-core --features compile --example gen_corpus -- N OUT_DIR");
    std::process::exit(2);
}
