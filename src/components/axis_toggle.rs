//! "By year / By statement": the axis of the trends chart and the theme
//! overview, as links (the axis is part of the URL, `by=`).

use crate::components::link::ViewLink;
use csto_core::view::Keyed;
use csto_core::view::{Axis, ViewState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AxisToggleProps {
    pub view: ViewState,
}

/// The `<li>` items of a segmented control; the caller gives the `<ul>`.
#[component]
pub fn AxisToggle(props: &AxisToggleProps) -> Html {
    let view = &props.view;
    [(Axis::Year, "By year"), (Axis::Statement, "By statement")]
        .into_iter()
        .map(|(a, label)| {
            let to = ViewState {
                axis: a,
                ..view.clone()
            };
            html! {
                <li><ViewLink to={to} class={classes!("seg", format!("axis-{}", a.key()))} current={view.axis == a}>{ label }</ViewLink></li>
            }
        })
        .collect()
}
