//! Renders highlighted text. Every fragment becomes a text node (hits inside
//! `<mark>`): corpus text and queries never reach the DOM as HTML.

use csto_core::analysis::snippet::Fragment;
use yew::prelude::*;

/// The fragments as text nodes and `<mark>`s. A function, not a component:
/// the result list renders up to 150 snippets at once, and a component per
/// snippet is measurable there.
pub fn fragments(fragments: &[Fragment]) -> Html {
    fragments
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
