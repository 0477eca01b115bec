//! CSV and JSON downloads of an analysis table: every row (not just the
//! page shown), with the corpus and app versions and the view's address,
//! so a figure taken into a paper can be traced to the data and the view
//! it came from. The analysis worker writes the file from the view's
//! address and the table's `export_name` (`analyses/src/export.rs`); this
//! is the two buttons, and the download.

use crate::analyses;
use csto_core::panel::ExportKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableExportProps {
    /// The view the table belongs to, encoded.
    pub view: AttrValue,
    /// Which of its tables: the download's name without extension, e.g.
    /// `csto-words` (the corpus version is appended).
    pub export_name: AttrValue,
}

#[component]
pub fn TableExport(props: &TableExportProps) -> Html {
    // Why the last download failed, if it did.
    let problem = use_state(|| None::<String>);
    let button = |json: bool| {
        let (query, name, problem) = (
            props.view.to_string(),
            props.export_name.to_string(),
            problem.clone(),
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            let problem = problem.clone();
            analyses::download(
                query.clone(),
                ExportKind::Table(name.clone()),
                json,
                Callback::from(move |why| problem.set(why)),
            );
        });
        let (class, label) = if json {
            ("export export-json", "JSON")
        } else {
            ("export export-csv", "CSV")
        };
        html! { <button type="button" {class} {onclick}>{ label }</button> }
    };
    html! {
        <>
            { button(false) }{ button(true) }
            if let Some(why) = &*problem {
                <span class="export-problem" role="alert">{ why.clone() }</span>
            }
        </>
    }
}
