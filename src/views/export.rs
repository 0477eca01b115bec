//! Downloads of the current view, generated in the browser: results
//! (statements), passages and the concordance, as CSV or JSON. JSON goes
//! through serde-wasm-bindgen and the browser's `JSON.stringify`, so the
//! wasm carries no JSON serializer of its own.

use crate::corpus::bundle;
use crate::download::{download, to_json, CSV, JSON};
use crate::routing::absolute_url;
use crate::state::SharedOutcome;
use csto_core::concordance::{concordance, sort_lines};
use csto_core::export::{kwic_rows, passage_rows, statement_rows, to_csv};
use csto_core::view::{Tab, ViewState};
use yew::prelude::*;

/// Context kept on each side of a concordance hit in exports.
const KWIC_WIDTH: usize = 80;

/// The page address without its query, the base of permalinks.
fn page_base() -> String {
    absolute_url(&ViewState::default())
}

#[derive(Clone, Copy, PartialEq)]
enum What {
    Statements,
    Passages,
    Concordance,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
}

fn export(outcome: &SharedOutcome, what: What, format: Format) {
    let bundle = bundle();
    let results = &outcome.results;
    let base = page_base();
    let (name, content) = match (what, format) {
        (What::Statements, f) => {
            let rows = statement_rows(bundle, results, &base);
            match f {
                Format::Csv => ("csto-statements.csv", to_csv(&rows)),
                Format::Json => ("csto-statements.json", to_json(&rows)),
            }
        }
        (What::Passages, f) => {
            let rows = passage_rows(bundle, results, &base);
            match f {
                Format::Csv => ("csto-passages.csv", to_csv(&rows)),
                Format::Json => ("csto-passages.json", to_json(&rows)),
            }
        }
        (What::Concordance, f) => {
            let hits: Vec<_> = results
                .statements
                .iter()
                .flat_map(|s| s.passages.iter().cloned())
                .collect();
            let mut lines = concordance(bundle, &hits, KWIC_WIDTH);
            sort_lines(
                bundle,
                &mut lines,
                outcome.view.kwic_sort.unwrap_or_default(),
            );
            let rows = kwic_rows(bundle, &lines, &base);
            match f {
                Format::Csv => ("csto-concordance.csv", to_csv(&rows)),
                Format::Json => ("csto-concordance.json", to_json(&rows)),
            }
        }
    };
    let mime = match format {
        Format::Csv => CSV,
        Format::Json => JSON,
    };
    download(name, mime, &content);
}

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub outcome: SharedOutcome,
}

#[component]
pub fn Export(props: &ExportProps) -> Html {
    let mut kinds = vec![
        (What::Statements, "Statements"),
        (What::Passages, "Passages"),
    ];
    if props.outcome.view.tab == Tab::Concordance && !props.outcome.query.is_browse() {
        kinds.push((What::Concordance, "Concordance"));
    }
    let button = |what: What, format: Format, label: &'static str, kind: &'static str| {
        let outcome = props.outcome.clone();
        let onclick = Callback::from(move |_: MouseEvent| export(&outcome, what, format));
        let fmt = if format == Format::Csv { "csv" } else { "json" };
        html! {
            <button type="button" class={classes!("export", format!("export-{}-{fmt}", kind.to_ascii_lowercase()))} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <details class="export-menu">
            <summary>{ "Export" }</summary>
            <ul>
                { for kinds.into_iter().map(|(what, label)| html! {
                    <li>
                        <span class="export-what">{ label }</span>
                        { button(what, Format::Csv, "CSV", label) }
                        { button(what, Format::Json, "JSON", label) }
                    </li>
                }) }
            </ul>
        </details>
    }
}
