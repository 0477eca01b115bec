//! A link to another view. It is a real `<a href="?...">`, so it can be
//! opened in a new tab or copied, and a plain click pushes a history entry.

use crate::hooks::is_plain_click;
use crate::routing::{href_of_query, Navigator};
use csto_core::panel::Attr;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewLinkProps {
    /// The view, encoded (`ViewState::encode`): the page's views pass
    /// `view.encode()`, the analysis worker's descriptions carry it so.
    pub to: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
    /// Further attributes from the closed list (a `title`, `data-*`), as
    /// the analysis worker describes them.
    #[prop_or_default]
    pub attrs: Rc<Vec<(Attr, String)>>,
}

/// A link to the view encoded as `to`: decoded only when followed.
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
            navigator.open(&to);
        })
    };
    with_attrs(
        html! {
            <a href={href_of_query(&props.to)} class={props.class.clone()} {onclick}
               aria-label={props.label.clone()}
               aria-current={props.current.then_some("true")}>
                { props.children.clone() }
            </a>
        },
        &props.attrs,
    )
}

/// `element` with `attrs` (names from the closed list) added.
pub fn with_attrs(mut element: Html, attrs: &[(Attr, String)]) -> Html {
    if let Html::VTag(tag) = &mut element {
        for (name, value) in attrs {
            Rc::make_mut(tag).add_attribute(name.name(), value.clone());
        }
    }
    element
}
