//! The views of the current search, one tab per entry of the registry
//! (`csto_core::view::VIEWS`). Each is a link, so each view is a URL.

use crate::components::link::ViewLink;
use csto_core::view::{Tab, ViewState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: ViewState,
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let current = props.view.tab;
    html! {
        <nav class="tabs" aria-label="Views">
            <ul>
                { for Tab::ALL.iter().copied().map(|tab| {
                    let to = ViewState { tab, doc: None, para: None, ..props.view.clone() };
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
