//! The analysis worker: trunk builds this as a Web Worker
//! (`index.html`, `data-type="worker"`), started by `web/analyses-loader.js`,
//! which keeps what the page posts until this worker listens. The page
//! sends the corpus it embeds first ([`Request::Corpus`]), then one
//! [`Request::Describe`] per analysis view (or a [`Request::Export`]),
//! answered in order with [`Reply::Described`] (or [`Reply::Exported`]);
//! a [`Request::Prepare`] (unanswered) has it build what a view the page
//! will ask for later needs; a message it cannot read is answered with
//! [`Reply::Failed`]. What it answers is `csto_analyses::Worker`'s: this
//! file is the browser's side only.
//!
//! Natively this is an empty program, so `cargo test --workspace` builds it.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::listen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use csto_analyses::{ExportData, Worker};
    use csto_core::panel::Reply;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        /// The worker's state: the analyses, once the corpus has arrived.
        static WORKER: RefCell<Worker> = RefCell::new(Worker::default());
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// Posts `reply`, handing its buffer over (a large table is megabytes).
    fn post(reply: &Reply) {
        let bytes = js_sys::Uint8Array::from(reply.to_bytes().as_slice());
        let _ = scope().post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
    }

    /// `data` as indented JSON, by the browser's `JSON.stringify` (so the
    /// wasm carries no JSON writer of its own); `[]` if it cannot be written.
    fn to_json(data: &ExportData) -> String {
        use serde::Serialize;
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        data.serialize(&serializer)
            .ok()
            .and_then(|v| {
                js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &2.into()).ok()
            })
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "[]".to_string())
    }

    /// Installs the message handler (the loader then hands it what the
    /// page posted before).
    pub fn listen() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
            if let Some(reply) = WORKER.with(|w| w.borrow_mut().answer(&bytes, to_json)) {
                post(&reply);
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
}
