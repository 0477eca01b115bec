//! The theme overview: themes (rows) × years or statements (columns), each
//! cell shaded by the share of that column's paragraphs tagged with the
//! theme. A cell is a link that applies both filters (theme and year, or
//! theme, year and speaker for a statement) and shows the results.
//! Columns follow the speaker and year filters.

use crate::columns::{columns, Column};
use crate::components::axis_toggle::AxisToggle;
use crate::corpus::bundle;
use crate::format::{axis_unit, plural};
use crate::hooks::is_plain_click;
use crate::routing::{href, Nav, Navigator};
use crate::state::{filters_of, SharedOutcome};
use csto_core::model::StatementId;
use csto_core::view::{Axis, Tab, ViewState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeGridProps {
    pub outcome: SharedOutcome,
}

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

/// Statements passing the view's speaker and year filters (the theme and
/// entity filters work on paragraphs, and the grid shows every paragraph).
fn statements(view: &ViewState) -> Vec<StatementId> {
    filters_of(view).statements_by_speaker_and_year(bundle().table())
}

fn compute(view: &ViewState) -> Vec<GridColumn> {
    let corpus = &bundle().corpus;
    columns(&statements(view), view.axis)
        .into_iter()
        .map(|column| {
            let speaker = match view.axis {
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

#[component]
pub fn ThemeGrid(props: &ThemeGridProps) -> Html {
    let outcome = &props.outcome;
    let view = &outcome.view;
    let columns = use_memo(outcome.clone(), |o| compute(&o.view));
    let corpus = &bundle().corpus;
    let navigator = use_context::<Navigator>().expect("Navigator context");

    let head = columns.iter().map(|c| {
        let c = &c.column;
        let label = match c.label.split_once(' ') {
            Some((year, name)) => html! { <>{ year.to_string() }<br /><span class="who">{ name.to_string() }</span></> },
            None => html! { { c.label.clone() } },
        };
        html! { <th scope="col" data-col={c.key.clone()}>{ label }</th> }
    });

    let rows = corpus.themes.iter().enumerate().map(|(t, theme)| {
        let cells = columns.iter().map(|c| {
            let n = c.tagged[t];
            let share = if c.passages == 0 {
                0.0
            } else {
                n as f64 / c.passages as f64
            };
            let pct = (share * 100.0).round() as u32;
            let to = ViewState {
                themes: vec![theme.id.clone()],
                years: vec![c.column.year],
                speakers: match &c.speaker {
                    Some(sp) => vec![sp.clone()],
                    None => view.speakers.clone(),
                },
                tab: Tab::Results,
                doc: None,
                para: None,
                ..view.clone()
            };
            let title = format!(
                "{}, {}: {pct}% ({} of {})",
                theme.label,
                c.column.label,
                n,
                plural(c.passages as usize, "paragraph", "paragraphs")
            );
            let label = format!("{title}. Show these paragraphs.");
            let onclick = {
                let navigator = navigator.clone();
                let to = to.clone();
                Callback::from(move |e: MouseEvent| {
                    if !is_plain_click(&e) {
                        return;
                    }
                    e.prevent_default();
                    navigator.go(to.clone(), Nav::Push);
                })
            };
            // Shading in 10% steps by class: the page's CSP allows no inline styles.
            let shade = format!("shade-{}", (share * 10.0).round() as u32);
            html! {
                            <td class={classes!("cell", shade, (n == 0).then_some("none"))}>
                                <a href={href(&to)} {onclick} title={title} aria-label={label}
                                   data-theme={theme.id.clone()} data-col={c.column.key.clone()}
            >
                                    <span class="pct">{ format!("{pct}%") }</span>
                                </a>
                            </td>
                        }
        });
        let selected = view.themes.contains(&theme.id);
        html! {
            <tr class={classes!(selected.then_some("selected"))} data-theme={theme.id.clone()}>
                <th scope="row">{ theme.label.clone() }</th>
                { for cells }
            </tr>
        }
    });

    let by = axis_unit(view.axis);
    html! {
        <section class="theme-overview" aria-labelledby="themes-heading">
            <h2 id="themes-heading" class="view-heading">{ "Theme overview" }</h2>
            <div class="view-controls">
                <div class="seg-group">
                    <span class="seg-label" id="grid-axis-label">{ "Columns" }</span>
                    <ul class="segmented grid-axis" aria-labelledby="grid-axis-label"><AxisToggle view={view.clone()} /></ul>
                </div>
                <div class="heat-key" aria-hidden="true">
                    <span>{ "0%" }</span><span class="heat-bar"></span><span>{ "100% of paragraphs" }</span>
                </div>
            </div>
            <p class="what">{ "Each cell is the share of paragraphs tagged with the theme. Hover or focus a cell for the figure; open it to read those paragraphs." }</p>
            if columns.is_empty() {
                <div class="empty"><p>{ "No statement passes these speaker and year filters." }</p></div>
            } else {
                <div class="table-scroll">
                    <table class="theme-grid">
                        <caption>{ format!("Share of each {by}’s paragraphs tagged with each theme") }</caption>
                        <thead>
                            <tr><th scope="col">{ "Theme" }</th>{ for head }</tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <p class="note">{ "A paragraph can carry several themes, so a column does not add up to 100%. The speaker and year filters choose the columns." }</p>
            }
        </section>
    }
}
