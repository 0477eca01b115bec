//! The page's side of the analysis worker (`analyses/`): started the first
//! time an analysis view is shown, so its bytes are off the first load; sent
//! the corpus the page already embeds (never downloaded twice); asked for
//! one view at a time. Answers come back as [`Node`] trees.
//!
//! One request is in flight at a time. Of the views asked for meanwhile
//! only the newest waits: while the worker computes (say, collocates at
//! 1,000 statements), the views typed in the meantime are not computed,
//! only the last one. Export files (the export menu) all wait their turn.
//!
//! If the worker fails (a trap, a file that did not load), the waiting
//! request is answered with the reason and the next request starts a new
//! worker, so one failure never leaves the page blank.

use csto_core::panel::{ExportKind, File, Message, Node, Reply, Request, Source};
use csto_core::view::{Tab, ViewState};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// The worker's script (`web/analyses-loader.js`, copied by trunk beside
/// the worker trunk builds from `data-bin="csto-analyses"`), relative to
/// the page. It fetches the worker's wasm itself and keeps what the page
/// posts until the worker listens, so the page posts at once.
const LOADER: &str = "./analyses-loader.js";

/// A described view, or why there is none.
pub type Described = Result<Node, String>;

/// A request and who waits for its answer.
struct Asked {
    request: Request,
    done: Callback<Reply>,
}

impl Asked {
    fn seq(&self) -> u32 {
        match self.request {
            Request::Describe { seq, .. } | Request::Export { seq, .. } => seq,
            Request::Corpus(_) | Request::Prepare { .. } => u32::MAX,
        }
    }

    fn is_view(&self) -> bool {
        matches!(self.request, Request::Describe { .. })
    }

    /// Answers it with a failure.
    fn fail(self, why: String) {
        let seq = self.seq();
        self.done.emit(match self.request {
            Request::Export { .. } => Reply::Exported {
                seq,
                file: Err(Message(why)),
            },
            _ => Reply::Described {
                seq,
                panel: Err(Message(why)),
            },
        });
    }
}

/// A running worker and what is waiting on it.
struct Client {
    worker: Worker,
    /// Sent, not yet answered.
    in_flight: Option<Asked>,
    /// Waiting to be sent, in order; at most one view among them.
    waiting: VecDeque<Asked>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_SEQ: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn next_seq() -> u32 {
    NEXT_SEQ.with(|n| {
        let seq = n.get();
        n.set(seq.wrapping_add(1));
        seq
    })
}

/// Whether the view of `tab` is laid out to the page's width (the trends
/// chart, the dispersion plot on a phone): it is asked for with the width
/// of its box, known only once the page has rendered.
pub fn sized(tab: Tab) -> bool {
    tab.needs_width()
}

/// A view asked for at start-up, from the address, before the page could
/// render it: the answer is kept for the view when it asks (a shared link).
struct Early {
    query: String,
    answer: Option<Described>,
    /// The view, if it asked before the answer came.
    waiter: Option<Callback<Described>>,
}

thread_local! {
    static EARLY_VIEW: RefCell<Option<Early>> = const { RefCell::new(None) };
}

/// Describes the view encoded as `query`, with `width` CSS pixels of room
/// for a view laid out to it; `done` is called once with the answer,
/// unless a newer view is asked for before this one is sent.
pub fn describe(query: String, width: Option<u32>, done: Callback<Described>) {
    // The view asked for at start-up: its answer, now or when it comes.
    let early = EARLY_VIEW.with(|e| e.borrow_mut().take());
    if let Some(mut early) = early {
        if early.query == query && width.is_none() {
            match early.answer.take() {
                Some(answer) => done.emit(answer),
                None => {
                    early.waiter = Some(done);
                    EARLY_VIEW.with(|e| *e.borrow_mut() = Some(early));
                }
            }
            return;
        }
        // Another view (the reader changed it meanwhile): that answer is dropped.
    }
    ask_view(query, width, done);
}

/// Asks the worker for the view encoded as `query` (see [`describe`]).
fn ask_view(query: String, width: Option<u32>, done: Callback<Described>) {
    let request = Request::Describe {
        seq: next_seq(),
        query,
        width,
    };
    ask(
        request,
        Callback::from(move |reply| {
            if let Reply::Described { panel, .. } = reply {
                done.emit(panel.map_err(|why| why.0));
            }
        }),
    );
}

/// Makes export file `kind` of the view encoded as `query`; `done` is
/// called once with the file or why there is none.
fn export(query: String, kind: ExportKind, json: bool, done: Callback<Result<File, String>>) {
    let request = Request::Export {
        seq: next_seq(),
        query,
        kind,
        json,
        source: Source {
            page: crate::routing::app_root(),
            corpus_version: crate::corpus::CORPUS_VERSION.to_string(),
            app_version: crate::corpus::APP_VERSION.to_string(),
        },
    };
    ask(
        request,
        Callback::from(move |reply| {
            if let Reply::Exported { file, .. } = reply {
                done.emit(file.map_err(|why| why.0));
            }
        }),
    );
}

/// For a shared link to an analysis view, called before the page builds
/// its own index: takes over the worker index.html started for it (or
/// starts one) and asks for the view at once. The worker's download and
/// start overlap the page's; the corpus and the request reach it when the
/// page's main thread is next free (Chromium hands a new worker the page's
/// first messages from a task there), so its index and the view follow the
/// page's start-up task at once, not the page's first render and a request
/// from it. A view laid out to the page's width is asked for by the page
/// when it knows the width; the worker is told the view at once, so its
/// index is built while the page renders (at 1,000 statements the page's
/// first render can end after the worker has decoded the corpus).
pub fn start_early(view: &ViewState) {
    if sized(view.tab) {
        CLIENT.with(|c| {
            if let Some(client) = running(&mut c.borrow_mut()) {
                let query = view.encode();
                post(&client.worker, &Request::Prepare { query }.to_bytes());
            }
        });
        return;
    }
    let query = view.encode();
    EARLY_VIEW.with(|e| {
        *e.borrow_mut() = Some(Early {
            query: query.clone(),
            answer: None,
            waiter: None,
        })
    });
    ask_view(
        query,
        None,
        Callback::from(|panel: Described| {
            let waiter = EARLY_VIEW.with(|e| {
                let mut e = e.borrow_mut();
                let early = e.as_mut()?;
                match early.waiter.take() {
                    Some(waiter) => {
                        *e = None;
                        Some((waiter, panel))
                    }
                    None => {
                        early.answer = Some(panel);
                        None
                    }
                }
            });
            // Called outside the borrow: the view may ask for another.
            if let Some((waiter, panel)) = waiter {
                waiter.emit(panel);
            }
        }),
    );
}

/// Has the worker make download `kind` of the view encoded as `query` and
/// offers it; `problem` is told why not, or `None` once it is offered.
pub fn download(query: String, kind: ExportKind, json: bool, problem: Callback<Option<String>>) {
    export(
        query,
        kind,
        json,
        Callback::from(move |file: Result<File, String>| match file {
            Ok(f) => {
                problem.emit(None);
                crate::download::download(&f.name, &f.mime, &f.content);
            }
            Err(why) => problem.emit(Some(why)),
        }),
    );
}

fn ask(request: Request, done: Callback<Reply>) {
    let asked = Asked { request, done };
    let refused = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        match running(&mut c) {
            Some(client) => {
                if asked.is_view() {
                    client.waiting.retain(|a| !a.is_view());
                }
                client.waiting.push_back(asked);
                client.send_next();
                None
            }
            None => Some(asked),
        }
    });
    if let Some(asked) = refused {
        asked.fail(
            "the analyses could not be started in this browser: Web Workers are needed".into(),
        );
    }
}

impl Client {
    /// Sends the next request if the worker is free.
    fn send_next(&mut self) {
        if self.in_flight.is_some() {
            return;
        }
        if let Some(asked) = self.waiting.pop_front() {
            post(&self.worker, &asked.request.to_bytes());
            self.in_flight = Some(asked);
        }
    }
}

/// Posts `bytes` (a copy in JS memory), handing their buffer over rather
/// than cloning it once more: the corpus is megabytes at 1,000 statements.
fn post(worker: &Worker, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let _ = worker.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
}

/// The name under which index.html's inline script leaves the worker it
/// started for a link to an analysis view.
const EARLY: &str = "cstoAnalyses";

/// The worker index.html started, taken from where it left it (once); its
/// `cstoFailed` says why it could not start, if it could not.
fn take_early() -> Option<(Worker, Option<String>)> {
    let window = gloo::utils::window();
    let key = JsValue::from_str(EARLY);
    let worker: Worker = js_sys::Reflect::get(&window, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let failed = js_sys::Reflect::get(&worker, &JsValue::from_str("cstoFailed"))
        .ok()
        .and_then(|v| v.as_string());
    Some((worker, failed))
}

/// Stops the worker index.html started, if the page, whose decoder has the
/// final word, shows no analysis view after all (e.g. `view=` garbage).
pub fn stop_early() {
    if let Some((worker, _)) = take_early() {
        worker.terminate();
    }
}

/// The running worker, started first if there is none (`None` if it
/// cannot be: no Web Workers).
fn running(client: &mut Option<Client>) -> Option<&mut Client> {
    if client.is_none() {
        *client = start().ok();
    }
    client.as_mut()
}

/// Starts the worker (or takes over the one index.html started) and sends
/// it the corpus, first: the worker's loader keeps it until the worker runs.
fn start() -> Result<Client, JsValue> {
    let worker = match take_early() {
        Some((worker, None)) => worker,
        // It failed before anyone listened: one fresh try, whose failure
        // is then reported like any other.
        Some((worker, Some(_))) => {
            worker.terminate();
            Worker::new(LOADER)?
        }
        None => Worker::new(LOADER)?,
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
        match Reply::from_bytes(&bytes) {
            Ok(reply) => answered(reply),
            Err(why) => fail(&why.0),
        }
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        e.prevent_default();
        fail(&e.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    post(
        &worker,
        &Request::Corpus(crate::corpus::bytes().to_vec()).to_bytes(),
    );
    Ok(Client {
        worker,
        in_flight: None,
        waiting: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn answered(reply: Reply) {
    let seq = match reply {
        Reply::Described { seq, .. } | Reply::Exported { seq, .. } => seq,
        // The worker could not read a request: fail what waits on it.
        Reply::Failed(why) => return fail(&why.0),
    };
    let done = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        let asked = client.in_flight.take_if(|a| a.seq() == seq)?;
        client.send_next();
        Some(asked.done)
    });
    // Called outside the borrow: the answer may ask for another view.
    if let Some(done) = done {
        done.emit(reply);
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
        for asked in client.in_flight.into_iter().chain(client.waiting) {
            asked.fail(why.clone());
        }
    }
}
