//! The one table of the analysis views (word list, n-grams, collocates,
//! dispersion, summary): a caption, typed columns, rows of cells, paging
//! (only the rows shown are rendered; "Show more" adds a page), column
//! headers that set the URL's sort, and CSV/JSON downloads of every row with
//! the corpus version. A view builds [`Column`]s and [`Cell`]s from the
//! core's rows; nothing here knows which analysis it shows.

use crate::components::link::ViewLink;
use crate::components::table_export::TableExport;
use csto_core::view::{TableSort, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// Rows rendered at first and added by each "Show more".
pub const PAGE: usize = 100;

/// A column: its export key, its heading, and how it sorts.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The CSV header and JSON key (`freq`, `log_dice`).
    pub key: &'static str,
    /// The heading shown.
    pub label: String,
    /// A longer name for the heading (`<abbr title>`), e.g. "log-likelihood".
    pub title: Option<&'static str>,
    /// Right-aligned figures.
    pub numeric: bool,
    /// The cells of this column head their rows (`<th scope="row">`).
    pub row_header: bool,
    /// The URL order this column's heading sets, if it sorts.
    pub sort: Option<TableSort>,
}

impl Column {
    /// A text column.
    pub fn text(key: &'static str, label: &str) -> Column {
        Column {
            key,
            label: label.to_string(),
            title: None,
            numeric: false,
            row_header: false,
            sort: None,
        }
    }

    /// A figures column.
    pub fn number(key: &'static str, label: &str) -> Column {
        Column {
            numeric: true,
            ..Column::text(key, label)
        }
    }

    /// This column heads its rows.
    pub fn heads_rows(self) -> Column {
        Column {
            row_header: true,
            ..self
        }
    }

    /// Its heading sets order `sort`.
    pub fn sorts_by(self, sort: TableSort) -> Column {
        Column {
            sort: Some(sort),
            ..self
        }
    }

    /// Its heading is an abbreviation of `title`.
    pub fn titled(self, title: &'static str) -> Column {
        Column {
            title: Some(title),
            ..self
        }
    }
}

/// One cell: what is shown, and what an export writes.
// A link's view makes the cells large; they are built once per table and
// shared behind an Rc, so boxing would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Text that opens another view (a search, a concordance, a paragraph).
    Link(String, ViewState),
    /// A whole number (shown with thousands separators).
    Count(u64),
    /// A figure shown rounded, exported as is.
    Figure {
        shown: String,
        value: f64,
    },
}

impl Cell {
    /// A figure shown with `decimals` places.
    pub fn figure(value: f64, decimals: u32) -> Cell {
        Cell::Figure {
            shown: csto_core::decimal::fixed(value, decimals),
            value,
        }
    }

    /// What an export writes for this cell.
    pub fn export_text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Link(t, _) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Figure { value, .. } => csto_core::decimal::trimmed(*value, 6),
        }
    }

    fn shown(&self) -> Html {
        match self {
            Cell::Text(t) => html! { { t.clone() } },
            Cell::Link(t, to) => html! { <ViewLink to={to.clone()}>{ t.clone() }</ViewLink> },
            Cell::Count(n) => html! { { crate::format::thousands(*n as usize) } },
            Cell::Figure { shown, .. } => html! { { shown.clone() } },
        }
    }
}

/// The rows of a table, shared without copying.
#[derive(Debug, Clone)]
pub struct Rows(pub Rc<Vec<Vec<Cell>>>);

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A row of a frequency list (words, n-grams): what its orders compare.
pub trait Ranked {
    fn freq(&self) -> u32;
    fn range(&self) -> u32;
    fn label(&self) -> &str;
}

/// Orders a frequency list as the URL asks: by range (then frequency, then
/// A–Z) or A–Z; by frequency it keeps the core's order (frequency, then A–Z).
pub fn sort_ranked<T: Ranked>(rows: &mut [T], sort: TableSort) {
    match sort {
        TableSort::Range => csto_core::order::sort_by(rows, |a, b| {
            b.range()
                .cmp(&a.range())
                .then(b.freq().cmp(&a.freq()))
                .then_with(|| a.label().cmp(b.label()))
        }),
        TableSort::Alpha => csto_core::order::sort_by(rows, |a, b| a.label().cmp(b.label())),
        _ => {}
    }
}

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The view the table belongs to (for sort links and the export's address).
    pub view: ViewState,
    /// CSS class of the `<table>`.
    pub class: &'static str,
    pub caption: String,
    pub columns: Rc<Vec<Column>>,
    pub rows: Rows,
    /// The order in effect, marked on its column.
    #[prop_or_default]
    pub sorted_by: Option<TableSort>,
    /// Download file name without extension, e.g. `csto-words`.
    pub export_name: &'static str,
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let shown = use_state(|| PAGE);
    // A new table (other parameters) starts at one page again.
    {
        let shown = shown.clone();
        use_effect_with(props.rows.clone(), move |_| shown.set(PAGE));
    }
    let rows = &props.rows.0;
    let columns = &props.columns;

    let head = columns.iter().map(|c| {
        let current = c.sort.is_some() && c.sort == props.sorted_by;
        let label = match c.title {
            Some(t) => html! { <abbr title={t}>{ c.label.clone() }</abbr> },
            None => html! { { c.label.clone() } },
        };
        let label = match c.sort {
            Some(s) => {
                let mut to = props.view.clone();
                to.params.table_sort = Some(s);
                html! { <ViewLink to={to} class="sort" current={current}>{ label }</ViewLink> }
            }
            None => label,
        };
        html! {
            <th scope="col" class={classes!(c.numeric.then_some("num"))}
                aria-sort={current.then_some(if c.numeric { "descending" } else { "ascending" })}>
                { label }
            </th>
        }
    });
    let body = rows.iter().take(*shown).map(|cells| {
        html! {
            <tr>
                { for columns.iter().zip(cells).map(|(c, cell)| {
                    let class = classes!(c.key.replace('_', "-"), c.numeric.then_some("num"));
                    if c.row_header {
                        html! { <th scope="row" {class}>{ cell.shown() }</th> }
                    } else {
                        html! { <td {class}>{ cell.shown() }</td> }
                    }
                }) }
            </tr>
        }
    });
    let more = rows.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };

    html! {
        <div class="data-table">
            <div class="table-tools">
                <span class="row-count">{ crate::format::plural_thousands(rows.len(), "row", "rows") }</span>
                <TableExport view={props.view.clone()} columns={columns.clone()} rows={props.rows.clone()}
                             export_name={props.export_name} />
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
                <table class={classes!("research-table", props.class)}>
                    <caption>{ props.caption.clone() }</caption>
                    <thead><tr>{ for head }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            if more > 0 {
                <button type="button" class="show-more" onclick={on_more}>
                    { format!("Show {} more of {}", more.min(PAGE), crate::format::thousands(more)) }
                </button>
            }
        </div>
    }
}
