//! What the tests of the described views share: the real corpus
//! (`corpus/`, compiled as `build.rs` compiles it), its analyses, made once
//! per test binary, and a described view. Walking a description is
//! `csto_core::panel`'s (`Node::walk`, `Node::text`, `Element::get`).

use csto_analyses::Analyses;
use csto_core::bundle::Bundle;
use csto_core::panel::Node;
use std::sync::OnceLock;

/// The compiled corpus.
pub fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        Bundle::new(csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")))
    })
}

/// The analyses of [`bundle`], reached the way the page reaches them: the
/// corpus as bytes.
pub fn analyses() -> &'static Analyses {
    static A: OnceLock<Analyses> = OnceLock::new();
    A.get_or_init(|| {
        Analyses::from_bytes(&bundle().to_bytes()).expect("the corpus as the page sends it")
    })
}

/// The view encoded as `query`, described.
#[allow(dead_code)] // not every test binary describes without a width
pub fn describe(query: &str) -> Node {
    analyses()
        .describe(query)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}
