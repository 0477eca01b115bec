//! Writes each part of the compiled bundle to its own file, so a size report
//! can say what the embedded corpus spends its bytes on (`scripts/size.sh`
//! compresses them).
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example bundle_parts -- OUT_DIR [CORPUS_DIR]
//! ```

use csto_core::bundle::Bundle;
use csto_core::index::Index;
use serde::Serialize;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .expect("usage: bundle_parts OUT_DIR [CORPUS_DIR]"),
    );
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "corpus".into()));
    let corpus = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let b = Bundle::new(corpus);
    std::fs::create_dir_all(&out).expect("output dir can be created");
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(out.join(format!("{name}.bin")), bytes).expect("output dir is writable");
    };
    fn bytes<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
        postcard::to_allocvec(v).expect("bundle parts serialize")
    }
    write("shipped bundle (the corpus)", b.to_bytes());
    // the index is built at start-up, not shipped; its parts are written
    // for comparison (core/examples/ship_or_derive.rs times both ways)
    write(
        "corpus: statements (text + metadata)",
        bytes(&b.corpus.statements),
    );
    write("corpus: entities", bytes(&b.corpus.entities));
    write("corpus: themes", bytes(&b.corpus.themes));
    write("corpus: aliases", bytes(&b.corpus.aliases));
    // each index field through the index's own serialization (which
    // delta-encodes some fields): the index with every other field emptied
    let empty = Index {
        terms: vec![],
        postings: Default::default(),
        words: vec![],
        passages: vec![],
        avg_len: 0.0,
    };
    let only = |set: &dyn Fn(&mut Index)| {
        let mut i = empty.clone();
        set(&mut i);
        bytes(&i)
    };
    write(
        "not shipped: index: terms",
        only(&|i| i.terms = b.index().terms.clone()),
    );
    write(
        "not shipped: index: postings",
        only(&|i| i.postings = b.index().postings.clone()),
    );
    write(
        "not shipped: index: words",
        only(&|i| i.words = b.index().words.clone()),
    );
    write(
        "not shipped: index: passages (token spans)",
        only(&|i| i.passages = b.index().passages.clone()),
    );
}
