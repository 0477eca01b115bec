//! The compiled corpus, embedded at build time and decoded once on first use.

use csto_core::bundle::Bundle;
use csto_core::search::Searcher;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus and its index. `build.rs` wrote these bytes with the same
/// core crate, so decoding cannot fail unless the build itself is broken.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let bundle = Bundle::from_bytes(BYTES).expect("corpus.bin written by build.rs");
        crate::shell::mark("bundle-decoded");
        bundle
    })
}

/// The searcher over [`bundle`], made once: it prepares the alias table,
/// which would otherwise be redone on every keystroke.
pub fn searcher() -> &'static Searcher<'static> {
    static SEARCHER: OnceLock<Searcher<'static>> = OnceLock::new();
    SEARCHER.get_or_init(|| Searcher::new(bundle()))
}
