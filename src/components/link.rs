//! A link to another view. It is a real `<a href="?...">`, so it can be
//! opened in a new tab or copied, and a plain click pushes a history entry.

use crate::hooks::is_plain_click;
use crate::routing::{href_of_query, Nav, Navigator};
use csto_core::panel::Attr;
use csto_core::view::ViewState;
use std::rc::Rc;
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
    html! {
        <QueryLink to={AttrValue::from(props.to.encode())} class={props.class.clone()}
                   label={props.label.clone()} current={props.current}>
            { props.children.clone() }
        </QueryLink>
    }
}

#[derive(Properties, PartialEq)]
pub struct QueryLinkProps {
    /// The view, encoded (`ViewState::encode`), as the analysis worker sends it.
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

/// [`ViewLink`] to an encoded view: decoded only when followed.
#[component]
pub fn QueryLink(props: &QueryLinkProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if !is_plain_click(&e) {
                return;
            }
            e.prevent_default();
            navigator.go(ViewState::decode(&to).0, Nav::Push);
        })
    };
    let mut a = html! {
        <a href={href_of_query(&props.to)} class={props.class.clone()} {onclick}
           aria-label={props.label.clone()}
           aria-current={props.current.then_some("true")}>
            { props.children.clone() }
        </a>
    };
    if let Html::VTag(tag) = &mut a {
        for (name, value) in props.attrs.iter() {
            Rc::make_mut(tag).add_attribute(name.name(), value.clone());
        }
    }
    a
}
