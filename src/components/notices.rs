//! Says what was dropped from the address or the query, instead of failing.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="notices" role="status" aria-label="Notices">
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
            </ul>
        </section>
    }
}
