//! The export menu's files (the results as statements, the matching
//! passages, the concordance lines; CSV or JSON), computed in the worker
//! from the view's query so the page carries none of this code. Rows are
//! `csto_core::export`'s; CSV is written here, JSON by the worker with the
//! browser's own `JSON.stringify` (`main.rs`).

use crate::Analyses;
use csto_core::concordance::{concordance, sort_lines};
use csto_core::export::{
    kwic_rows, passage_rows, statement_rows, to_csv, KwicRow, PassageRow, Provenance, StatementRow,
};
use csto_core::panel::ExportKind;
use csto_core::view::ViewState;

/// Context kept on each side of a concordance hit in exports.
const KWIC_WIDTH: usize = 80;

/// MIME type of CSV downloads.
pub const CSV: &str = "text/csv;charset=utf-8";
/// MIME type of JSON downloads.
pub const JSON: &str = "application/json";

/// The rows of one export.
pub enum ExportRows {
    Statements(Vec<StatementRow>),
    Passages(Vec<PassageRow>),
    Concordance(Vec<KwicRow>),
}

impl ExportRows {
    /// The download's name.
    pub fn file_name(&self, json: bool) -> String {
        let what = match self {
            ExportRows::Statements(_) => "statements",
            ExportRows::Passages(_) => "passages",
            ExportRows::Concordance(_) => "concordance",
        };
        format!("csto-{what}.{}", if json { "json" } else { "csv" })
    }

    /// The rows as CSV (RFC 4180, a header of the field names).
    pub fn csv(&self) -> String {
        match self {
            ExportRows::Statements(rows) => to_csv(rows),
            ExportRows::Passages(rows) => to_csv(rows),
            ExportRows::Concordance(rows) => to_csv(rows),
        }
    }
}

impl Analyses {
    /// The rows of export `kind` for the view encoded as `query`; permalinks
    /// point at `page` (the page's address without its query).
    pub fn export_rows(
        &self,
        query: &str,
        kind: ExportKind,
        page: &str,
        corpus_version: &str,
    ) -> ExportRows {
        let cx = self.context(query);
        let results = cx.results();
        let permalink = |doc: &str, para: Option<u16>| {
            ViewState {
                doc: Some(doc.to_string()),
                para,
                ..ViewState::default()
            }
            .address_at(page)
        };
        let from = Provenance {
            permalink: &permalink,
            corpus_version,
        };
        let bundle = cx.bundle;
        match kind {
            ExportKind::Statements => {
                ExportRows::Statements(statement_rows(bundle, &results, &from))
            }
            ExportKind::Passages => ExportRows::Passages(passage_rows(bundle, &results, &from)),
            ExportKind::Concordance => {
                let hits: Vec<_> = results
                    .statements
                    .iter()
                    .flat_map(|s| s.passages.iter().cloned())
                    .collect();
                let mut lines = concordance(bundle, &hits, KWIC_WIDTH);
                sort_lines(bundle, &mut lines, cx.view.kwic_sort.unwrap_or_default());
                ExportRows::Concordance(kwic_rows(bundle, &lines, &from))
            }
        }
    }
}
