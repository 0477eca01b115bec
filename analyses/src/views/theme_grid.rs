//! The theme overview: themes (rows) × years or statements (columns), each
//! cell shaded by the share of that column's paragraphs tagged with the
//! theme. A cell is a link that applies both filters (theme and year, or
//! theme, year and speaker for a statement) and shows the results.
//! Columns follow the speaker and year filters.

use super::axis::{axis_toggle, axis_unit, columns, Column};
use super::common::{empty, heading, scroll, seg_group};
use crate::Context;
use csto_core::model::Theme;
use csto_core::panel::{el, link, Attr, Element, Node, Tag};
use csto_core::util::decimal::plural;
use csto_core::view::{Axis, ViewState};

/// A column of the grid with its paragraph counts.
#[derive(Debug, Clone, PartialEq)]
struct GridColumn {
    column: Column,
    /// For a statement column, its speaker's id.
    speaker: Option<String>,
    /// Paragraphs in the column's statements.
    passages: u32,
    /// Tagged paragraphs per theme (indexed by theme id).
    tagged: Vec<u32>,
}

/// The grid's columns: the statements passing the view's speaker and year
/// filters (the theme and entity filters work on paragraphs, and the grid
/// shows every paragraph).
fn compute(cx: &Context) -> Vec<GridColumn> {
    let corpus = &cx.bundle.corpus;
    let statements = cx.filters.statements_by_speaker_and_year(cx.bundle.table());
    columns(corpus, &statements, cx.view.axis)
        .into_iter()
        .map(|column| {
            let speaker = match cx.view.axis {
                Axis::Year => None,
                Axis::Statement => column.statements.first().map(|&id| {
                    corpus
                        .speaker(corpus.statements[id as usize].speaker)
                        .id
                        .clone()
                }),
            };
            let mut passages = 0;
            let mut tagged = vec![0; corpus.themes.len()];
            for &id in &column.statements {
                let s = &corpus.statements[id as usize];
                passages += s.passages.len() as u32;
                for p in &s.passages {
                    for t in &p.themes {
                        if let Some(n) = tagged.get_mut(t.theme as usize) {
                            *n += 1;
                        }
                    }
                }
            }
            GridColumn {
                column,
                speaker,
                passages,
                tagged,
            }
        })
        .collect()
}

/// A column's heading: "2016", or "2016" over the speaker's name.
fn column_head(c: &Column) -> Node {
    let th = el(Tag::Th)
        .attr(Attr::Scope, "col")
        .attr(Attr::DataCol, c.key.clone());
    match c.label.split_once(' ') {
        Some((year, name)) => th
            .text(year)
            .child(el(Tag::Br))
            .child(el(Tag::Span).class("who").text(name)),
        None => th.text(c.label.clone()),
    }
    .into()
}

/// The theme overview of the view.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let corpus = &cx.bundle.corpus;
    let columns = compute(cx);
    let section = el(Tag::Section)
        .class("theme-overview")
        .attr(Attr::AriaLabelledby, "themes-heading")
        .child(heading("themes-heading", "Theme overview"))
        .child(controls(view))
        .child(el(Tag::P).class("what").text(
            "Each cell is the share of paragraphs tagged with the theme. Hover or focus a cell for the figure; open it to read those paragraphs.",
        ));
    if columns.is_empty() {
        return section
            .child(empty("No statement passes these speaker and year filters."))
            .into();
    }
    let rows = corpus
        .themes
        .iter()
        .enumerate()
        .map(|(t, theme)| theme_row(view, t, theme, &columns));
    let by = axis_unit(view.axis);
    section
        .child(scroll(
            "Theme overview table",
            el(Tag::Table)
                .class("theme-grid")
                .child(el(Tag::Caption).text(format!(
                    "Share of each {by}’s paragraphs tagged with each theme"
                )))
                .child(
                    el(Tag::Thead).child(
                        el(Tag::Tr)
                            .child(el(Tag::Th).attr(Attr::Scope, "col").text("Theme"))
                            .children(columns.iter().map(|c| column_head(&c.column))),
                    ),
                )
                .child(el(Tag::Tbody).children(rows)),
        ))
        .child(el(Tag::P).class("note").text(
            "A paragraph can carry several themes, so a column does not add up to 100%. The speaker and year filters choose the columns.",
        ))
        .into()
}

/// The columns' choice (years or statements) and the key to the shading.
fn controls(view: &ViewState) -> Element {
    el(Tag::Div)
        .class("view-controls")
        .child(seg_group(
            "grid-axis-label",
            "grid-axis",
            "Columns",
            axis_toggle(view),
        ))
        .child(
            el(Tag::Div)
                .class("heat-key")
                .attr(Attr::AriaHidden, "true")
                .child(el(Tag::Span).text("0%"))
                .child(el(Tag::Span).class("heat-bar"))
                .child(el(Tag::Span).text("100% of paragraphs")),
        )
}

/// The row of theme `t`: its label, then a cell per column; selected when
/// the view filters by it.
fn theme_row(view: &ViewState, t: usize, theme: &Theme, columns: &[GridColumn]) -> Element {
    let row = el(Tag::Tr);
    let row = if view.themes.contains(&theme.id) {
        row.class("selected")
    } else {
        row
    };
    row.attr(Attr::DataTheme, theme.id.clone())
        .child(
            el(Tag::Th)
                .attr(Attr::Scope, "row")
                .text(theme.label.clone()),
        )
        .children(columns.iter().map(|c| cell(view, t, theme, c)))
}

/// The cell of theme `t` in column `c`: its share of the column's
/// paragraphs, shaded, as a link to those paragraphs (both filters
/// applied, and the speaker's for a statement column).
fn cell(view: &ViewState, t: usize, theme: &Theme, c: &GridColumn) -> Element {
    let n = c.tagged[t];
    let share = if c.passages == 0 {
        0.0
    } else {
        n as f64 / c.passages as f64
    };
    let pct = (share * 100.0).round() as u32;
    let to = view.theme_results(&theme.id, c.column.year, c.speaker.as_deref());
    let title = format!(
        "{}, {}: {pct}% ({} of {})",
        theme.label,
        c.column.label,
        n,
        plural(c.passages as usize, "paragraph", "paragraphs")
    );
    let label = format!("{title}. Show these paragraphs.");
    // Shading in 10% steps by class: the page's CSP allows no inline styles.
    let shade = format!("shade-{}", (share * 10.0).round() as u32);
    let class = if n == 0 {
        format!("cell {shade} none")
    } else {
        format!("cell {shade}")
    };
    el(Tag::Td).class(class).child(
        link(&to, el(Tag::Span).class("pct").text(format!("{pct}%")))
            .label(label)
            .attr(Attr::Title, title)
            .attr(Attr::DataTheme, theme.id.clone())
            .attr(Attr::DataCol, c.column.key.clone()),
    )
}
