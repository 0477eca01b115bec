//! The compiled corpus, embedded at build time and decoded once on first use.

use csto_core::bundle::Bundle;
use csto_core::search::Searcher;
use std::sync::OnceLock;

/// The corpus version: a short hash of the compiled bundle (see `build.rs`),
/// shown in the footer and written into exports and citations.
pub const CORPUS_VERSION: &str = env!("CSTO_CORPUS_VERSION");
/// The app's version, beside the corpus version.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// "corpus 3f2a…, app 0.1.0": how provenance is written everywhere.
pub fn provenance() -> String {
    format!("corpus {CORPUS_VERSION}, app {APP_VERSION}")
}

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The compiled corpus as embedded: what the analysis worker is sent.
pub fn bytes() -> &'static [u8] {
    BYTES
}

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

/// Builds the inverted index in a task of its own, after the first render:
/// the start page (no query) is drawn without it, and the first keystroke
/// should not wait for it (≈ 15 ms on the seed corpus in the browser, a few
/// hundred at 1,000 statements). A link with a query builds it during the
/// first render instead, and this finds it built. Called again (after
/// every analysis answer), it schedules nothing once the index is built.
pub fn build_index_soon() {
    if bundle().is_indexed() {
        return;
    }
    gloo::timers::callback::Timeout::new(0, || {
        bundle().index();
    })
    .forget();
}

/// The searcher over [`bundle`], made once: it prepares the alias table,
/// which would otherwise be redone on every keystroke.
pub fn searcher() -> &'static Searcher<'static> {
    static SEARCHER: OnceLock<Searcher<'static>> = OnceLock::new();
    SEARCHER.get_or_init(|| Searcher::new(bundle()))
}
