//! A link to another view. It is a real `<a href="?...">`, so it can be
//! opened in a new tab or copied, and a plain click pushes a history entry.

use crate::hooks::is_plain_click;
use crate::routing::{href, Nav, Navigator};
use csto_core::view::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewLinkProps {
    pub to: ViewState,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ViewLink(props: &ViewLinkProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if !is_plain_click(&e) {
                return;
            }
            e.prevent_default();
            navigator.go(to.clone(), Nav::Push);
        })
    };
    html! {
        <a href={href(&props.to)} class={props.class.clone()} {onclick}
           aria-label={props.label.clone()}
           aria-current={props.current.then_some("true")}>
            { props.children.clone() }
        </a>
    }
}
