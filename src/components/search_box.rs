//! The search input. Results follow every keystroke; the address bar follows
//! after a pause (see [`Nav::Debounced`]). `/` focuses it from anywhere.

use crate::hooks::{use_global_keydown, user_is_typing};
use crate::routing::{Nav, Navigator};
use csto_core::view::ViewState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub view: ViewState,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let input = use_node_ref();
    {
        let input = input.clone();
        use_global_keydown((), move |e| {
            if e.key() == "/" && !user_is_typing() {
                if let Some(el) = input.cast::<HtmlInputElement>() {
                    // `/` must not also be typed into the box it focuses.
                    e.prevent_default();
                    let _ = el.focus();
                }
            }
        });
    }
    let oninput = {
        let view = props.view.clone();
        let navigator = navigator.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            navigator.go(view.with_query(el.value()), Nav::Debounced);
        })
    };
    let onsubmit = {
        let view = props.view.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Enter leaves the reader and shows the result list for the query.
            navigator.go(view.closed_statement(), Nav::Push);
        })
    };
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="q" class="visually-hidden">{ "Search the statements" }</label>
            <input id="q" ref={input} type="search" name="q" autocomplete="off" spellcheck="false"
                   placeholder="Search: Kanal, \"illegal migration\", terror* -Afghanistan"
                   value={props.view.q.clone()} {oninput} />
        </form>
    }
}
