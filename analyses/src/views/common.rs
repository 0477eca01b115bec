//! What the views share: the method disclosure, the segmented choices, the
//! empty state, and the orders of a frequency list.

use csto_core::panel::{el, Choice, Choices, Node, Tag};
use csto_core::view::{TableSort, ViewState};

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

/// `view` changed by `f`: the view a link opens.
pub fn with(view: &ViewState, f: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut to = view.clone();
    f(&mut to);
    to
}

/// The empty state: why there is nothing to show.
pub fn empty(why: impl Into<String>) -> Node {
    el(Tag::Div)
        .class("empty")
        .child(el(Tag::P).text(why))
        .into()
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
