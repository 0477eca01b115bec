//! Renders highlighted text. Every fragment becomes a text node (hits inside
//! `<mark>`): corpus text and queries never reach the DOM as HTML.

use csto_core::snippet::Fragment;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FragmentsProps {
    pub fragments: Vec<Fragment>,
}

#[component]
pub fn Fragments(props: &FragmentsProps) -> Html {
    props
        .fragments
        .iter()
        .map(|f| {
            if f.hit {
                html! { <mark class="hit">{ f.text.clone() }</mark> }
            } else {
                html! { { f.text.clone() } }
            }
        })
        .collect()
}
