//! The page's side of the analysis worker (`analyses/`): started the first
//! time an analysis view is shown, so its bytes are off the first load; sent
//! the corpus the page already embeds (never downloaded twice); asked for
//! one view at a time. Answers come back as [`Node`] trees.
//!
//! If the worker fails (a trap, a file that did not load), every waiting
//! request is answered with the reason and the next request starts a new
//! worker, so one failure never leaves the page blank.

use csto_core::panel::{Node, Reply, Request};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// What trunk writes for the worker (`data-bin="csto-analyses"`,
/// `data-loader-shim`), relative to the page.
const LOADER: &str = "./csto-analyses_loader.js";

/// A described view, or why there is none.
pub type Described = Result<Node, String>;

/// A running worker and what is waiting on it.
struct Client {
    worker: Worker,
    /// The worker has said it is listening.
    listening: bool,
    /// Messages held until it is.
    queue: Vec<Vec<u8>>,
    waiting: HashMap<u32, Callback<Described>>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_SEQ: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Describes the view encoded as `query`, with `width` CSS pixels of room
/// for a view laid out to it; `done` is called once with the answer.
pub fn describe(query: String, width: Option<u32>, done: Callback<Described>) {
    let seq = NEXT_SEQ.with(|n| {
        let seq = n.get();
        n.set(seq.wrapping_add(1));
        seq
    });
    let message = Request::Describe { seq, query, width }.to_bytes();
    let started = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = start().ok();
        }
        match c.as_mut() {
            Some(client) => {
                client.waiting.insert(seq, done.clone());
                client.send(message);
                true
            }
            None => false,
        }
    });
    if !started {
        done.emit(Err(
            "The analyses could not be started in this browser (Web Workers are needed).".into(),
        ));
    }
}

impl Client {
    fn send(&mut self, bytes: Vec<u8>) {
        if self.listening {
            post(&self.worker, &bytes);
        } else {
            self.queue.push(bytes);
        }
    }
}

fn post(worker: &Worker, bytes: &[u8]) {
    let _ = worker.post_message(&js_sys::Uint8Array::from(bytes));
}

/// Starts the worker; the corpus goes first, as soon as it listens.
fn start() -> Result<Client, JsValue> {
    let worker = Worker::new(LOADER)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
        match Reply::from_bytes(&bytes) {
            Ok(Reply::Listening) => listening(),
            Ok(Reply::Described { seq, panel }) => answered(seq, panel),
            Err(why) => fail(&why),
        }
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        e.prevent_default();
        fail(&e.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        listening: false,
        queue: vec![Request::Corpus(crate::corpus::bytes().to_vec()).to_bytes()],
        waiting: HashMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker listens: send what was held, the corpus first.
fn listening() {
    CLIENT.with(|c| {
        if let Some(client) = c.borrow_mut().as_mut() {
            client.listening = true;
            for bytes in std::mem::take(&mut client.queue) {
                post(&client.worker, &bytes);
            }
        }
    });
}

fn answered(seq: u32, panel: Described) {
    let done = CLIENT.with(|c| c.borrow_mut().as_mut()?.waiting.remove(&seq));
    if let Some(done) = done {
        done.emit(panel);
    }
}

/// The worker failed: answer everything waiting, and drop it, so the next
/// request starts afresh.
fn fail(why: &str) {
    let client = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        let why = format!("The analysis stopped: {why}. Reload the page to try again.");
        for (_, done) in client.waiting {
            done.emit(Err(why.clone()));
        }
    }
}
