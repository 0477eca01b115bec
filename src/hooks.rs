//! Browser behaviour that more than one component needs, written once.

use crate::corpus::bundle;
use crate::format::{statement_title, SITE_NAME};
use crate::state::SharedOutcome;
use csto_core::model::StatementId;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// A click that should follow an in-app link: the main button and no
/// modifier. Other clicks are left to the browser, which opens a new tab
/// or window.
pub fn is_plain_click(e: &MouseEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0)
}

/// Whether a key press is going into a form field, where it is text and not
/// a shortcut.
pub fn user_is_typing() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Calls `on_key` for every key pressed anywhere in the page while the
/// component is mounted; a new `on_key` is taken when `deps` change. The
/// listener is not passive, so `on_key` may prevent the key's default.
#[hook]
pub fn use_global_keydown<D, F>(deps: D, on_key: F)
where
    D: PartialEq + 'static,
    F: Fn(&KeyboardEvent) + 'static,
{
    use_effect_with(deps, move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |e| {
                if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                    on_key(e);
                }
            },
        );
        move || drop(listener)
    });
}

/// Whether the whole page of `outcome` may be rendered; false for the
/// render that follows a new search, true from the next task on. When the
/// first render already holds the whole page (`split` false: a handful of
/// results, as on the seed corpus), it is always true and no second render
/// is scheduled: that render changed nothing, yet its task ran before the
/// first results' frame was on screen.
///
/// A page of 50 statements is ~3,300 DOM nodes, and most keystrokes replace
/// all of them (a word being typed alternates between no hit and a full
/// page): building them took 13-20 ms at 1,000 statements, more than a frame.
/// The first statements (a screenful) come with the keystroke; the rest a
/// task later, and not at all if the next keystroke comes first, so fast
/// typing does not pay for pages nobody sees. The final DOM is the same.
#[hook]
pub fn use_page_completed(outcome: &SharedOutcome, split: bool) -> bool {
    let completed = use_state_eq(|| None::<SharedOutcome>);
    {
        let completed = completed.clone();
        use_effect_with((outcome.clone(), split), move |(outcome, split)| {
            let outcome = outcome.clone();
            let timer = split.then(|| Timeout::new(0, move || completed.set(Some(outcome))));
            // A newer search cancels this one's completion.
            move || drop(timer)
        });
    }
    !split || completed.as_ref() == Some(outcome)
}

/// The document follows the page. Its title is statement `open`'s (as its
/// prerendered page has it) or the site's, so tabs, bookmarks and history
/// entries name what they show. On any view but the start page (`start`)
/// `<html>` is marked `viewing`, and a phone folds the masthead's
/// introduction away (styles/main.css), leaving the first screen to the
/// view; index.html's script marks the address it opens with before the
/// first paint, this follows the reader from there. One effect for both.
#[hook]
pub fn use_document_follows(open: Option<StatementId>, start: bool) {
    use_effect_with((open, start), |(open, start)| {
        let corpus = &bundle().corpus;
        let title = match open {
            Some(id) => statement_title(corpus, &corpus.statements[*id as usize]),
            None => SITE_NAME.to_string(),
        };
        let document = gloo::utils::document();
        document.set_title(&title);
        if let Some(html) = document.document_element() {
            html.class_list().toggle_with_force("viewing", !start).ok();
        }
    });
}

/// Replaces the address with the view actually shown when the one it
/// came from held something that was dropped, or was an older link to a
/// statement (which now has a page): a reload or a copied link is clean.
#[hook]
pub fn use_clean_address(outcome: &SharedOutcome) {
    use_effect_with(outcome.clone(), |o| {
        if o.address_dirty {
            crate::routing::replace(&o.view);
        }
    });
}
