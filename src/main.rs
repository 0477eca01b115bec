//! The CSTO statements explorer: a yew app over a corpus compiled into the
//! wasm bundle by `build.rs`. See README.md.

mod app;
mod components;
mod corpus;
mod location;

fn main() {
    app::install_panic_hook();
    #[cfg(feature = "debug-panic")]
    if location::current_search().contains("debug-panic") {
        panic!("debug-panic requested in the address");
    }
    // The static shell in index.html has done its job: the app replaces it.
    if let Some(shell) = gloo::utils::document().get_element_by_id("shell") {
        shell.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
