//! The views of the current search, one tab per entry of the registry
//! (`csto_core::view::VIEWS`). Each is a link, so each view is a URL.
//!
//! On a phone the list is one row that scrolls sideways (styles/main.css);
//! the current tab is scrolled into that row whenever it changes, so a
//! shared link to the ninth view shows its tab, and so is a tab the
//! keyboard focuses (browsers leave one that is partly in view as it is).

use crate::components::link::ViewLink;
use csto_core::view::{Tab, ViewState};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The room left beside the current tab when it is scrolled into the row,
/// in CSS pixels: a part of its neighbour shows that more tabs follow.
const BESIDE_PX: i32 = 32;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: ViewState,
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let current = props.view.tab;
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(current, move |_| reveal_current(&list));
    }
    let onfocusin = {
        let list = list.clone();
        Callback::from(move |e: FocusEvent| {
            let tab = e.target_dyn_into::<web_sys::HtmlElement>();
            if let (Some(list), Some(tab)) = (list.cast::<web_sys::HtmlElement>(), tab) {
                reveal(&list, &tab);
            }
        })
    };
    html! {
        <nav class="tabs" aria-label="Views">
            <ul ref={list} {onfocusin}>
                { for Tab::ALL.iter().copied().map(|tab| {
                    let to = props.view.with_tab(tab);
                    html! {
                        <li>
                            <ViewLink to={to.encode()} current={tab == current}
                                      class={classes!("tab", (tab == current).then_some("active"))}>
                                { tab.label() }
                            </ViewLink>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// Scrolls `list`'s current tab into it ([`reveal`]).
fn reveal_current(list: &NodeRef) {
    let Some(list) = list.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let tab = list
        .query_selector(".tab.active")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = tab {
        reveal(&list, &tab);
    }
}

/// Scrolls `list` sideways (only: the page stays where it is) so that
/// `tab` is inside it with [`BESIDE_PX`] to spare; nothing where the tabs
/// fit (a wide screen wraps them).
fn reveal(list: &web_sys::HtmlElement, tab: &web_sys::HtmlElement) {
    if list.scroll_width() <= list.client_width() {
        return;
    }
    // The list is the tabs' offset parent (position: relative on a phone).
    let (left, right) = (tab.offset_left(), tab.offset_left() + tab.offset_width());
    let (shown, width) = (list.scroll_left(), list.client_width());
    if left - BESIDE_PX < shown {
        list.set_scroll_left((left - BESIDE_PX).max(0));
    } else if right + BESIDE_PX > shown + width {
        list.set_scroll_left(right + BESIDE_PX - width);
    }
}
