//! The CSTO statements explorer: a yew app over a corpus compiled into the
//! wasm bundle by `build.rs`. See README.md.

mod analyses;
mod app;
mod components;
mod corpus;
mod download;
mod format;
mod hooks;
mod routing;
mod shell;
mod state;
mod views;

/// Talc instead of Rust's default wasm allocator (dlmalloc): a few KiB less
/// wasm, and as fast on the allocation-heavy start-up (building the index).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    shell::install_panic_hook();
    #[cfg(feature = "debug-panic")]
    if routing::current_search().contains("debug-panic") {
        panic!("debug-panic requested in the address");
    }
    shell::mark("app-start");
    // A link to an analysis view: its worker (started by index.html, or
    // now) gets the corpus and the view now, beside the page's own start-up.
    let (view, _) = csto_core::view::ViewState::decode(&routing::current_search());
    if view.shows_analysis() {
        analyses::start_early(&view);
    } else {
        analyses::stop_early();
    }
    mount();
}

/// Renders the app into `#app`, next to the static header of index.html, which
/// stays: it was painted before the wasm arrived and is the page's heading.
/// Yew empties `#app` (its "Loading" note) first.
fn mount() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        // An index.html without the container still gets a working app.
        None => yew::Renderer::<app::App>::new().render(),
    };
}
