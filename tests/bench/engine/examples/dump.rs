//! Writes a corpus for the engine comparison page (`tests/bench/compare/`):
//!
//! ```text
//! cargo run --release -p csto-bench-engine --example dump -- CORPUS_DIR OUT_DIR
//! ```
//!
//! - `OUT_DIR/corpus.bin`: the corpus as read by the build (postcard bytes of
//!   `Corpus`, cleanup and theme tagging done, no index), for the wasm engine;
//! - `OUT_DIR/passages.json`: every passage in passage-id order (the order
//!   the core's index numbers them) with its statement, speaker, year and
//!   themes, for MiniSearch and FlexSearch and their JS facet counting.

use csto_core::compile::source::load_corpus;
use serde_json::json;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: dump CORPUS_DIR OUT_DIR");
        std::process::exit(2);
    };
    let (dir, out) = (PathBuf::from(dir), PathBuf::from(out));
    let corpus = load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    let bytes = postcard::to_allocvec(&corpus).expect("a corpus serializes");
    std::fs::write(out.join("corpus.bin"), &bytes).expect("write corpus.bin");

    let mut passages = Vec::new();
    for (s, st) in corpus.statements.iter().enumerate() {
        for p in &st.passages {
            passages.push(json!({
                "id": passages.len(),
                "statement": s,
                "speaker": st.speaker,
                "year": st.date.year,
                "themes": p.themes.iter().map(|t| t.theme).collect::<Vec<_>>(),
                "text": p.text,
            }));
        }
    }
    let meta = json!({
        "statements": corpus.statements.len(),
        "speakers": corpus.speakers.len(),
        "themes": corpus.themes.len(),
        "passages": passages,
    });
    std::fs::write(
        out.join("passages.json"),
        serde_json::to_vec(&meta).expect("json"),
    )
    .expect("write passages.json");
    eprintln!(
        "{}: {} statements, {} passages → {}",
        dir.display(),
        corpus.statements.len(),
        passages.len(),
        out.display()
    );
}
