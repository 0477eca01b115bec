//! What the app does around its components: Performance marks for the
//! start-up benchmark, and the screen shown if it ever panics.

/// A Performance mark, for the start-up benchmark (tests/bench/browser.mjs),
/// which splits start-up into its phases with these.
/// Nothing when the server renderer runs the components at build time.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(perf) = gloo::utils::window().performance() {
        let _ = perf.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// `performance.now()` in milliseconds; 0 in the server renderer, which
/// times nothing.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return gloo::utils::window().performance().map_or(0.0, |p| p.now());
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Shows a visible error with a way out instead of a blank page if the app
/// ever panics (the release build aborts on panic, so the page cannot recover
/// by itself; reloading without the query string starts a clean view).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let doc = gloo::utils::document();
        if let Some(body) = doc.body() {
            let msg = info.to_string();
            let div = doc.create_element("div").ok();
            if let Some(div) = div {
                div.set_class_name("fatal");
                div.set_attribute("role", "alert").ok();
                let h = doc.create_element("h1").ok();
                if let Some(h) = h {
                    h.set_text_content(Some("Something went wrong."));
                    div.append_child(&h).ok();
                }
                if let Ok(p) = doc.create_element("p") {
                    p.set_text_content(Some(&msg));
                    div.append_child(&p).ok();
                }
                if let Ok(a) = doc.create_element("a") {
                    a.set_text_content(Some("Start again with a clean view"));
                    a.set_attribute("href", "./").ok();
                    div.append_child(&a).ok();
                }
                body.prepend_with_node_1(&div).ok();
            }
        }
        gloo::console::error!(info.to_string());
    }));
}
