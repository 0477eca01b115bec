//! Every download of the app, made in the worker from the view's address so
//! the page carries none of this code: the export menu's files (the
//! results as statements, the matching passages, the concordance lines)
//! and each analysis table's rows, from the view's tables as data
//! ([`crate::Job::Tables`]: computed, never described and searched). CSV is written here; JSON by the worker
//! with the browser's own `JSON.stringify` (`main.rs`), from the serde
//! values of [`ExportData`].

use crate::{Analyses, TableData};
use csto_core::analysis::concordance::{concordance, sort_lines};
use csto_core::analysis::export::{
    csv, kwic_rows, passage_rows, statement_rows, to_csv, KwicRow, PassageRow, Provenance,
    StatementRow, CSV_MIME, JSON_MIME,
};
use csto_core::panel::{Cell, Column, ExportKind, Failure, File, Source};
use csto_core::view::ViewState;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Context kept on each side of a concordance hit in exports.
const KWIC_WIDTH: usize = 80;

/// The content of one download, before it is written as CSV or JSON.
pub enum ExportData {
    Statements(Vec<StatementRow>),
    Passages(Vec<PassageRow>),
    Concordance(Vec<KwicRow>),
    /// An analysis table: its rows with provenance (JSON: an object).
    Table(TableFile),
}

/// A table's download: provenance, the view's address, and every row.
#[derive(serde::Serialize)]
pub struct TableFile {
    corpus_version: String,
    app_version: String,
    view: String,
    rows: Vec<TableRow>,
    #[serde(skip)]
    columns: Vec<Column>,
    #[serde(skip)]
    name: String,
}

/// One exported row: the columns' keys and the cells, in column order
/// (counts and figures as numbers in JSON).
pub struct TableRow {
    keys: std::rc::Rc<Vec<String>>,
    cells: Vec<Cell>,
}

impl Serialize for TableRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.keys.len()))?;
        for (key, cell) in self.keys.iter().zip(&self.cells) {
            match cell {
                Cell::Count(n) => map.serialize_entry(key, n)?,
                Cell::Figure { value, .. } => map.serialize_entry(key, value)?,
                other => map.serialize_entry(key, &other.export_text())?,
            }
        }
        map.end()
    }
}

impl ExportData {
    /// The download's name: `csto-passages.csv`; a table's carries the
    /// corpus version (`csto-words-3f2a….json`).
    pub fn file_name(&self, json: bool) -> String {
        let stem = match self {
            ExportData::Statements(_) => "csto-statements".to_string(),
            ExportData::Passages(_) => "csto-passages".to_string(),
            ExportData::Concordance(_) => "csto-concordance".to_string(),
            ExportData::Table(t) => format!("{}-{}", t.name, t.corpus_version),
        };
        format!("{stem}.{}", if json { "json" } else { "csv" })
    }

    /// The rows as CSV (RFC 4180, a header of the field or column keys).
    pub fn csv(&self) -> String {
        match self {
            ExportData::Statements(rows) => to_csv(rows),
            ExportData::Passages(rows) => to_csv(rows),
            ExportData::Concordance(rows) => to_csv(rows),
            ExportData::Table(t) => {
                let header: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
                csv(
                    &header,
                    t.rows
                        .iter()
                        .map(|r| r.cells.iter().map(Cell::export_text).collect()),
                )
            }
        }
    }

    /// The file, JSON written by `to_json`.
    pub fn file(&self, json: bool, to_json: impl FnOnce(&ExportData) -> String) -> File {
        File {
            name: self.file_name(json),
            mime: if json { JSON_MIME } else { CSV_MIME }.to_string(),
            content: if json { to_json(self) } else { self.csv() },
        }
    }
}

impl Serialize for ExportData {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ExportData::Statements(rows) => rows.serialize(s),
            ExportData::Passages(rows) => rows.serialize(s),
            ExportData::Concordance(rows) => rows.serialize(s),
            ExportData::Table(t) => t.serialize(s),
        }
    }
}

impl Analyses {
    /// The download `kind` of the view encoded as `query`.
    pub fn export(
        &self,
        query: &str,
        kind: &ExportKind,
        source: &Source,
    ) -> Result<ExportData, Failure> {
        let cx = self.context(query);
        let permalink =
            |doc: &str, para: Option<u16>| ViewState::statement(doc, para).address_at(&source.page);
        let from = Provenance {
            permalink: &permalink,
            corpus_version: &source.corpus_version,
        };
        let bundle = cx.bundle;
        Ok(match kind {
            ExportKind::Statements => {
                ExportData::Statements(statement_rows(bundle, &cx.results(), &from))
            }
            ExportKind::Passages => {
                ExportData::Passages(passage_rows(bundle, &cx.results(), &from))
            }
            ExportKind::Concordance => {
                let results = cx.results();
                let mut lines = concordance(bundle, &results, KWIC_WIDTH);
                sort_lines(bundle, &mut lines, cx.view.kwic_sort.unwrap_or_default());
                ExportData::Concordance(kwic_rows(bundle, &lines, &from))
            }
            ExportKind::Table(name) => {
                // The view's tables as data: computed, not described.
                let TableData {
                    view,
                    columns,
                    rows,
                    ..
                } = self
                    .tables(query)?
                    .into_iter()
                    .find(|t| t.name == name)
                    .ok_or_else(|| Failure::NoTable(name.clone()))?;
                let keys =
                    std::rc::Rc::new(columns.iter().map(|c| c.key.clone()).collect::<Vec<_>>());
                ExportData::Table(TableFile {
                    corpus_version: source.corpus_version.clone(),
                    app_version: source.app_version.clone(),
                    view: ViewState::decode(&view).0.address_at(&source.page),
                    rows: rows
                        .into_iter()
                        .map(|cells| TableRow {
                            keys: keys.clone(),
                            cells,
                        })
                        .collect(),
                    columns,
                    name: name.clone(),
                })
            }
        })
    }
}
