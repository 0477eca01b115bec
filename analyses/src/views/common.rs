//! What the views share: their tables as data, the method disclosure, the
//! segmented choices, the empty state, and the orders of a frequency list.

use csto_core::panel::{
    el, empty_state, scroll_region, Cell, Choice, Choices, Column, Element, Export, Node, Table,
    Tag,
};
use csto_core::view::{TableSort, ViewState};

/// A table of a view as data: its download's name, the view it belongs to
/// (encoded), its columns and every row. A view computes its tables first;
/// its description draws them ([`TableData::table`], [`TableData::export`])
/// and a download writes them (`export.rs`) without describing the view.
#[derive(Debug, Clone, PartialEq)]
pub struct TableData {
    /// The download's file name without extension, e.g. `csto-words`.
    pub name: &'static str,
    pub view: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl TableData {
    /// The table of `view`.
    pub fn new(
        name: &'static str,
        view: &ViewState,
        columns: Vec<Column>,
        rows: Vec<Vec<Cell>>,
    ) -> TableData {
        TableData {
            name,
            view: view.encode(),
            columns,
            rows,
        }
    }

    /// Drawn as a table with paging, sort links and downloads.
    pub fn table(self, class: &str, caption: String, sorted_by: Option<TableSort>) -> Node {
        Table {
            view: self.view,
            class: class.into(),
            caption,
            columns: self.columns,
            rows: self.rows,
            sorted_by,
            export_name: self.name.into(),
        }
        .into()
    }

    /// Only its download buttons (a table the view lays out itself).
    pub fn export(self) -> Node {
        Export {
            view: self.view,
            columns: self.columns,
            rows: self.rows,
            export_name: self.name.into(),
        }
        .into()
    }
}

/// How the tokenizer treats apostrophes, for the method texts.
pub const APOSTROPHES: &str = "a possessive ’s is dropped and an apostrophe inside a word joins its parts: “CSTO’s” is csto, “Da’esh” daesh";

/// The stemmer, for the method texts: what joins the forms of a term.
pub const STEMMER: &str = "the Snowball English (Porter2) stemmer of rust-stemmers 1.2, which also joins some words of different meaning (internal and international, emergency and emerging), and one rule of ours: a stem ending in -ist after at least four letters loses it, so terrorist joins terrorism";

/// "How this is computed", with these paragraphs (the page adds the provenance).
pub fn method<const N: usize>(paragraphs: [String; N]) -> Node {
    Node::Method(
        paragraphs
            .into_iter()
            .map(|p| el(Tag::P).text(p).into())
            .collect(),
    )
}

/// A labelled group of link choices; `id` names the label and classes the list.
pub fn choices(id: &str, label: &str, choices: Vec<Choice>) -> Node {
    Choices {
        id: id.to_string(),
        label: label.to_string(),
        choices,
    }
    .into()
}

/// A labelled group of segmented links: one markup with the page's
/// choices ([`Choices::to_node`]).
pub use csto_core::panel::seg_group;

/// Stop words shown or hidden (`stop=`), shown being the default.
pub fn stop_choices(view: &ViewState, shown: bool) -> Vec<Choice> {
    vec![
        Choice::new("Shown", &with(view, |v| v.params.stop_words = None), shown),
        Choice::new(
            "Hidden",
            &with(view, |v| v.params.stop_words = Some(false)),
            !shown,
        ),
    ]
}

/// The minimum frequencies offered (and `min`, if it is none of them);
/// `default` is left out of the URL.
pub fn min_choices(view: &ViewState, min: u32, default: u32) -> Vec<Choice> {
    let mut mins: Vec<u32> = MINS.to_vec();
    if !mins.contains(&min) {
        mins.push(min);
    }
    mins.into_iter()
        .map(|m| {
            Choice::new(
                m.to_string(),
                &with(view, |v| v.params.min_freq = (m != default).then_some(m)),
                m == min,
            )
        })
        .collect()
}

/// The minimum frequencies offered as links.
const MINS: [u32; 5] = [1, 2, 3, 5, 10];

/// `table` in a scrolling region named `label` ([`scroll_region`]).
pub fn scroll(label: &str, table: Element) -> Node {
    scroll_region(label).child(table).into()
}

/// `view` changed by `f`: the view a link opens.
pub fn with(view: &ViewState, f: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut to = view.clone();
    f(&mut to);
    to
}

/// The empty state: why there is nothing to show ([`empty_state`]).
pub fn empty(why: impl Into<String>) -> Node {
    empty_state(why).into()
}

/// A view's heading, `id` naming it for its section.
pub fn heading(id: &str, title: &str) -> Node {
    el(Tag::H2).id(id).class("view-heading").text(title).into()
}

/// The order of a frequency list in effect: frequency, range or A–Z (the
/// collocate orders fall back to frequency).
pub fn list_sort(view: &ViewState) -> TableSort {
    match view.params.table_sort {
        Some(s @ (TableSort::Range | TableSort::Alpha)) => s,
        _ => TableSort::Frequency,
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
        TableSort::Range => csto_core::util::order::sort_by(rows, |a, b| {
            b.range()
                .cmp(&a.range())
                .then(b.freq().cmp(&a.freq()))
                .then_with(|| a.label().cmp(b.label()))
        }),
        TableSort::Alpha => csto_core::util::order::sort_by(rows, |a, b| a.label().cmp(b.label())),
        _ => {}
    }
}
