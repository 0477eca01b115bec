//! The browser's entry point; everything else is in the library
//! (`lib.rs`), which the `prerender` binary shares.

/// Talc instead of Rust's default wasm allocator (dlmalloc): a few KiB less
/// wasm, and as fast on the allocation-heavy start-up (building the index).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    csto_explorer::start();
}
