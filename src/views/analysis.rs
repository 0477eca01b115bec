//! An analysis view (word list, n-grams, …): asked of the analysis worker
//! (`crate::analyses`) for the view in the URL and rendered as it describes
//! it (`components::described`). While the worker computes, the previous
//! view stays in place, marked busy, and the App's `main[data-ready]` says
//! "false"; the first time, a short "Computing…" note shows, never a blank.
//!
//! A view laid out to the page's width (the trends chart, the dispersion
//! plot on a phone) is asked for with the width of this component's box,
//! and asked again when a window resize changes it.

use crate::analyses::{describe, sized, Described};
use crate::components::described::render;
use crate::state::SharedOutcome;
use gloo::events::EventListener;
use yew::prelude::*;

/// The width of `holder`'s element in CSS pixels, once it is laid out.
fn measure(holder: &NodeRef) -> Option<u32> {
    let w = holder.cast::<web_sys::Element>()?.client_width();
    u32::try_from(w).ok().filter(|&w| w > 0)
}

#[derive(Properties, PartialEq)]
pub struct AnalysisProps {
    pub outcome: SharedOutcome,
    /// Told `true` when a view is asked for, `false` when it is shown.
    pub on_busy: Callback<bool>,
}

/// What is shown: the markup of the last answer, or why there is none.
#[derive(Clone, PartialEq)]
enum Shown {
    Computing,
    View(Html),
    Failed(String),
}

#[component]
pub fn AnalysisView(props: &AnalysisProps) -> Html {
    let query = props.outcome.view.encode();
    let shown = use_state(|| Shown::Computing);
    let busy = use_state(|| true);
    let holder = use_node_ref();
    let is_sized = sized(props.outcome.view.tab);
    // The width a window resize measured, when it differs from the last one
    // asked with (a sized view only): the view is asked for again.
    let resized = use_state(|| None::<u32>);
    // What was last asked for: an older answer arriving late is dropped.
    let latest = use_mut_ref(|| (String::new(), None::<u32>));
    {
        let (shown, busy, latest, on_busy, holder) = (
            shown.clone(),
            busy.clone(),
            latest.clone(),
            props.on_busy.clone(),
            holder.clone(),
        );
        let key = (query, is_sized.then_some(*resized).flatten());
        use_effect_with(key, move |(query, _)| {
            let width = if is_sized { measure(&holder) } else { None };
            let asked = (query.clone(), width);
            *latest.borrow_mut() = asked.clone();
            busy.set(true);
            on_busy.emit(true);
            describe(
                query.clone(),
                width,
                Callback::from(move |answer: Described| {
                    if *latest.borrow() != asked {
                        return;
                    }
                    shown.set(match answer {
                        Ok(node) => Shown::View(render(&node)),
                        Err(why) => Shown::Failed(why),
                    });
                    busy.set(false);
                    on_busy.emit(false);
                }),
            );
        });
    }
    {
        let (resized, latest, holder) = (resized.clone(), latest.clone(), holder.clone());
        use_effect_with(is_sized, move |&is_sized| {
            let listener = is_sized.then(|| {
                EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    let w = measure(&holder);
                    if w.is_some() && w != latest.borrow().1 {
                        resized.set(w);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Unmounted (another tab): the App is not busy on its account.
    {
        let on_busy = props.on_busy.clone();
        use_effect_with((), move |_| move || on_busy.emit(false));
    }

    html! {
        <div class="analysis" aria-busy={busy.to_string()} ref={holder}>
            {
                match &*shown {
                    Shown::Computing => html! { <p class="computing" role="status">{ "Computing…" }</p> },
                    Shown::View(markup) => markup.clone(),
                    Shown::Failed(why) => html! { <div class="empty analysis-failed" role="alert"><p>{ why.clone() }</p></div> },
                }
            }
        </div>
    }
}
