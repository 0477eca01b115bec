//! A labelled group of links, one per choice of a URL parameter (stop words
//! shown or hidden, n = 2…5, minimum frequency): a segmented control whose
//! every state is an address, so Back, reload and a shared link keep it.

use crate::components::link::ViewLink;
use csto_core::view::ViewState;
use yew::prelude::*;

/// One choice: its label, the view it opens, and whether it is in effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    pub to: ViewState,
    pub current: bool,
}

#[derive(Properties, PartialEq)]
pub struct LinkChoicesProps {
    /// The id of the group's label, also the `<ul>`'s class (for styles and tests).
    pub id: &'static str,
    pub label: &'static str,
    pub choices: Vec<Choice>,
}

#[component]
pub fn LinkChoices(props: &LinkChoicesProps) -> Html {
    let items = props.choices.iter().map(|c| {
        html! {
            <li><ViewLink to={c.to.clone()} class="seg" current={c.current}>{ c.label.clone() }</ViewLink></li>
        }
    });
    html! {
        <div class="seg-group">
            <span class="seg-label" id={props.id}>{ props.label }</span>
            <ul class={classes!("segmented", props.id)} aria-labelledby={props.id}>{ for items }</ul>
        </div>
    }
}
