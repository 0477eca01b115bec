//! The page's side of the analysis worker (`analyses/`): started the first
//! time an analysis view is shown, so its bytes are off the first load; sent
//! the corpus the page already embeds (never downloaded twice); asked for
//! one view at a time. Answers come back as [`Node`] trees.
//!
//! One request is in flight at a time, and only the newest waits behind it:
//! while the worker computes (say, collocates at 1,000 statements), the
//! views typed in the meantime are not queued, only the last one is sent.
//!
//! If the worker fails (a trap, a file that did not load), the waiting
//! request is answered with the reason and the next request starts a new
//! worker, so one failure never leaves the page blank.

use csto_core::panel::{Node, Reply, Request};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// The worker's script (`web/analyses-loader.js`, copied by trunk beside
/// the worker trunk builds from `data-bin="csto-analyses"`), relative to
/// the page.
const LOADER: &str = "./analyses-loader.js";

/// A described view, or why there is none.
pub type Described = Result<Node, String>;

/// A request and who waits for its answer.
struct Asked {
    seq: u32,
    query: String,
    done: Callback<Described>,
}

/// A running worker and what is waiting on it.
struct Client {
    worker: Worker,
    /// The worker has said it is listening (and has been sent the corpus).
    listening: bool,
    /// Sent, not yet answered.
    in_flight: Option<Asked>,
    /// The newest request, sent when the one in flight is answered.
    next: Option<Asked>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_SEQ: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Describes the view encoded as `query`; `done` is called once with the
/// answer, unless a newer request replaces this one before it is sent.
pub fn describe(query: String, done: Callback<Described>) {
    let seq = NEXT_SEQ.with(|n| {
        let seq = n.get();
        n.set(seq.wrapping_add(1));
        seq
    });
    let asked = Asked { seq, query, done };
    let refused = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = start().ok();
        }
        match c.as_mut() {
            Some(client) => {
                client.next = Some(asked);
                client.send_next();
                None
            }
            None => Some(asked),
        }
    });
    if let Some(asked) = refused {
        asked.done.emit(Err(
            "The analyses could not be started in this browser (Web Workers are needed).".into(),
        ));
    }
}

impl Client {
    /// Sends the newest request if the worker is free.
    fn send_next(&mut self) {
        if !self.listening || self.in_flight.is_some() {
            return;
        }
        if let Some(asked) = self.next.take() {
            let message = Request::Describe {
                seq: asked.seq,
                query: asked.query.clone(),
            };
            post(&self.worker, &message.to_bytes());
            self.in_flight = Some(asked);
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
        in_flight: None,
        next: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker listens: send it the corpus, then the waiting request.
fn listening() {
    CLIENT.with(|c| {
        if let Some(client) = c.borrow_mut().as_mut() {
            client.listening = true;
            post(
                &client.worker,
                &Request::Corpus(crate::corpus::bytes().to_vec()).to_bytes(),
            );
            client.send_next();
        }
    });
}

fn answered(seq: u32, panel: Described) {
    let done = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        let asked = client.in_flight.take_if(|a| a.seq == seq)?;
        client.send_next();
        Some(asked.done)
    });
    // Called outside the borrow: the answer may ask for another view.
    if let Some(done) = done {
        done.emit(panel);
    }
}

/// The worker failed: answer what was waiting, and drop it, so the next
/// request starts afresh.
fn fail(why: &str) {
    let client = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        let why = format!(
            "This analysis could not be computed ({why}). Change the view to try again, or reload the page."
        );
        for asked in client.in_flight.into_iter().chain(client.next) {
            asked.done.emit(Err(why.clone()));
        }
    }
}
