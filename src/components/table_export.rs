//! CSV and JSON downloads of a table: every row (not just the page shown),
//! with the corpus and app versions and the view's address, so a figure
//! taken into a paper can be traced to the data and the view it came from.
//! `DataTable` shows these buttons for its rows; a view that lays out its
//! own tables (Compare) sends its rows as a `panel::Export` node.

use crate::components::data_table::{Cell, Column, Rows};
use crate::corpus::{APP_VERSION, CORPUS_VERSION};
use crate::download::{download, to_json, CSV, JSON};
use crate::routing::absolute_url;
use csto_core::export::csv;
use csto_core::view::ViewState;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::rc::Rc;
use yew::prelude::*;

/// One exported row: the columns' keys and the cells, in column order.
struct ExportRow<'a> {
    columns: &'a [Column],
    cells: &'a [Cell],
}

impl Serialize for ExportRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.columns.len()))?;
        for (c, cell) in self.columns.iter().zip(self.cells) {
            match cell {
                Cell::Count(n) => map.serialize_entry(&c.key, n)?,
                Cell::Figure { value, .. } => map.serialize_entry(&c.key, value)?,
                other => map.serialize_entry(&c.key, &other.export_text())?,
            }
        }
        map.end()
    }
}

/// A JSON export: provenance, the view's address, and every row.
#[derive(serde::Serialize)]
struct ExportFile<'a> {
    corpus_version: &'static str,
    app_version: &'static str,
    view: String,
    rows: Vec<ExportRow<'a>>,
}

#[derive(Properties, PartialEq)]
pub struct TableExportProps {
    /// The view the rows belong to (its address goes into the JSON).
    pub view: ViewState,
    pub columns: Rc<Vec<Column>>,
    pub rows: Rows,
    /// Download file name without extension, e.g. `csto-words`; the corpus
    /// version is appended.
    pub export_name: AttrValue,
}

/// Writes every row as CSV (header = the columns' keys) or as JSON.
fn export(props: &TableExportProps, json: bool) {
    let name = &props.export_name;
    let file = format!(
        "{name}-{CORPUS_VERSION}.{}",
        if json { "json" } else { "csv" }
    );
    let (columns, rows) = (&props.columns, &props.rows.0);
    if json {
        let out = ExportFile {
            corpus_version: CORPUS_VERSION,
            app_version: APP_VERSION,
            view: absolute_url(&props.view),
            rows: rows
                .iter()
                .map(|cells| ExportRow { columns, cells })
                .collect(),
        };
        download(&file, JSON, &to_json(&out));
    } else {
        let header: Vec<&str> = columns.iter().map(|c| c.key.as_str()).collect();
        let body = rows
            .iter()
            .map(|r| r.iter().map(Cell::export_text).collect());
        download(&file, CSV, &csv(&header, body));
    }
}

#[component]
pub fn TableExport(props: &TableExportProps) -> Html {
    let button = |json: bool| {
        let onclick = {
            let props = TableExportProps {
                view: props.view.clone(),
                columns: props.columns.clone(),
                rows: props.rows.clone(),
                export_name: props.export_name.clone(),
            };
            Callback::from(move |_: MouseEvent| export(&props, json))
        };
        let (class, label) = if json {
            ("export export-json", "JSON")
        } else {
            ("export export-csv", "CSV")
        };
        html! { <button type="button" {class} {onclick}>{ label }</button> }
    };
    html! { <>{ button(false) }{ button(true) }</> }
}
