//! "How this is computed": the disclosure every analysis view carries, so a
//! number on the page is never without its definition (what a token is,
//! stemming or not, the formula, the parameters, N) and its provenance.

use crate::corpus::provenance;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MethodProps {
    /// Paragraphs of explanation.
    pub children: Html,
}

#[component]
pub fn Method(props: &MethodProps) -> Html {
    html! {
        <details class="method">
            <summary>{ "How this is computed" }</summary>
            { props.children.clone() }
            <p class="provenance">{ format!("Computed in your browser from {}.", provenance()) }</p>
        </details>
    }
}
