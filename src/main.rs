//! The CSTO statements explorer: a yew app over a corpus compiled into the
//! wasm bundle by `build.rs`. See README.md.

mod app;
mod components;
mod corpus;
mod location;

fn main() {
    app::install_panic_hook();
    yew::Renderer::<app::App>::new().render();
}
