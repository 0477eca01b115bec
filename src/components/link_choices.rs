//! A labelled group of links, one per choice of a URL parameter (stop words
//! shown or hidden, n = 2…5, minimum frequency): a segmented control whose
//! every state is an address, so Back, reload and a shared link keep it.

use crate::components::link::ViewLink;
use csto_core::panel::Choice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkChoicesProps {
    /// The id of the group's label, also the `<ul>`'s class (for styles and tests).
    pub id: AttrValue,
    pub label: AttrValue,
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
            <span class="seg-label" id={props.id.clone()}>{ props.label.clone() }</span>
            <ul class={classes!("segmented", props.id.to_string())} aria-labelledby={props.id.clone()}>{ for items }</ul>
        </div>
    }
}
