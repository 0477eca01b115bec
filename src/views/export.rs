//! The export menu: the current view's results (statements), passages and,
//! on the concordance, its lines, as CSV or JSON. The files are made by the
//! analysis worker (`crate::analyses`, `analyses/src/export.rs`) from the
//! view's address, so none of that code is on the page's first load; the
//! page only offers the answer as a download.

use crate::analyses;
use crate::state::SharedOutcome;
use csto_core::panel::ExportKind;
use csto_core::view::Tab;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub outcome: SharedOutcome,
}

#[component]
pub fn Export(props: &ExportProps) -> Html {
    // Why the last export failed, if it did.
    let problem = use_state(|| None::<String>);
    let mut kinds = vec![
        (ExportKind::Statements, "Statements"),
        (ExportKind::Passages, "Passages"),
    ];
    if props.outcome.view.tab == Tab::Concordance && !props.outcome.query.is_browse() {
        kinds.push((ExportKind::Concordance, "Concordance"));
    }
    let button = |kind: &ExportKind, json: bool, label: &'static str| {
        let kind = kind.clone();
        let query = props.outcome.view.encode();
        let problem = problem.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let problem = problem.clone();
            analyses::download(
                query.clone(),
                kind.clone(),
                json,
                Callback::from(move |why| problem.set(why)),
            );
        });
        let fmt = if json { "json" } else { "csv" };
        html! {
            <button type="button" class={classes!("export", format!("export-{}-{fmt}", label.to_ascii_lowercase()))} {onclick}>
                { if json { "JSON" } else { "CSV" } }
            </button>
        }
    };
    html! {
        <details class="export-menu">
            <summary>{ "Export" }</summary>
            <ul>
                { for kinds.into_iter().map(|(kind, label)| html! {
                    <li>
                        <span class="export-what">{ label }</span>
                        { button(&kind, false, label) }
                        { button(&kind, true, label) }
                    </li>
                }) }
            </ul>
            if let Some(why) = &*problem {
                <p class="export-problem" role="alert">{ why.clone() }</p>
            }
        </details>
    }
}
