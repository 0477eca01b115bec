//! An analysis view (word list, n-grams, …): asked of the analysis worker
//! (`crate::analyses`) for the view in the URL and rendered as it describes
//! it (`components::described`). While the worker computes, the previous
//! view stays in place, marked busy, and the App's `main[data-ready]` says
//! "false"; the first time, a short "Computing…" note shows, never a blank.

use crate::analyses::{describe, Described};
use crate::components::described::render;
use crate::state::SharedOutcome;
use yew::prelude::*;

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
    // The query last asked for: an older answer arriving late is dropped.
    let latest = use_mut_ref(String::new);
    {
        let (shown, busy, latest, on_busy) = (
            shown.clone(),
            busy.clone(),
            latest.clone(),
            props.on_busy.clone(),
        );
        use_effect_with(query, move |query| {
            *latest.borrow_mut() = query.clone();
            busy.set(true);
            on_busy.emit(true);
            let asked = query.clone();
            describe(
                query.clone(),
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
    // Unmounted (another tab): the App is not busy on its account.
    {
        let on_busy = props.on_busy.clone();
        use_effect_with((), move |_| move || on_busy.emit(false));
    }

    html! {
        <div class="analysis" aria-busy={busy.to_string()}>
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
