//! The one table of the analysis views (word list, n-grams, collocates,
//! dispersion, summary): a caption, typed columns, rows of cells, paging
//! (only the rows shown are rendered; "Show more" adds a page), column
//! headers that set the URL's sort, and CSV/JSON downloads of every row with
//! the corpus version. A view builds [`Column`]s and [`Cell`]s from the
//! core's rows; nothing here knows which analysis it shows.

use crate::components::described::element_tag;
use crate::components::link::ViewLink;
use crate::components::table_export::TableExport;
use csto_core::panel::scroll_region;
use csto_core::view::{TableSort, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// Rows rendered at first and added by each "Show more".
pub const PAGE: usize = 100;

pub use csto_core::panel::{Cell, Column};

/// What a cell shows.
fn cell_markup(cell: &Cell) -> Html {
    match cell {
        Cell::Text(t) => html! { { t.clone() } },
        Cell::Link(t, to) => html! { <ViewLink to={to.clone()}>{ t.clone() }</ViewLink> },
        Cell::Count(n) => html! { { crate::format::thousands(*n as usize) } },
        Cell::Figure { shown, .. } => html! { { shown.clone() } },
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

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The view the table belongs to (for sort links and the export's address).
    pub view: ViewState,
    /// CSS class of the `<table>`.
    pub class: AttrValue,
    pub caption: String,
    pub columns: Rc<Vec<Column>>,
    pub rows: Rows,
    /// The order in effect, marked on its column.
    #[prop_or_default]
    pub sorted_by: Option<TableSort>,
    /// Download file name without extension, e.g. `csto-words`.
    pub export_name: AttrValue,
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
        let label = match &c.title {
            Some(t) => html! { <abbr title={t.clone()}>{ c.label.clone() }</abbr> },
            None => html! { { c.label.clone() } },
        };
        let label = match c.sort {
            Some(s) => {
                let mut to = props.view.clone();
                to.params.table_sort = Some(s);
                html! { <ViewLink to={to.encode()} class="sort" current={current}>{ label }</ViewLink> }
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
                        html! { <th scope="row" {class}>{ cell_markup(cell) }</th> }
                    } else {
                        html! { <td {class}>{ cell_markup(cell) }</td> }
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

    let mut scroll = element_tag(&scroll_region(&props.caption));
    scroll.add_child(html! {
        <table class={classes!("research-table", props.class.clone())}>
            <caption>{ props.caption.clone() }</caption>
            <thead><tr>{ for head }</tr></thead>
            <tbody>{ for body }</tbody>
        </table>
    });

    html! {
        <div class="data-table">
            <div class="table-tools">
                <span class="row-count">{ crate::format::plural_thousands(rows.len(), "row", "rows") }</span>
                <TableExport view={props.view.encode()} export_name={props.export_name.clone()} />
            </div>
            { scroll }
            if more > 0 {
                <button type="button" class="show-more" onclick={on_more}>
                    { format!("Show {} more of {}", more.min(PAGE), crate::format::thousands(more)) }
                </button>
            }
        </div>
    }
}
