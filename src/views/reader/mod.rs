//! The reading view: one statement as clean paragraphs with its provenance,
//! every hit of the current query highlighted and steppable (buttons, or the
//! `n` / `p` keys), per-paragraph anchors (`statements/<id>/#p7`) and each paragraph's
//! themes with the words that earned them.

mod entities;
mod hits;

use crate::components::cite::{Cite, CiteAs};
use crate::components::link::ViewLink;
use crate::components::statement_meta::StatementMeta;
use crate::corpus::bundle;
use crate::state::SharedOutcome;
use csto_core::model::{Statement, StatementId};
use csto_core::view::ViewState;
use entities::StatementEntities;
use hits::{highlighted_paragraphs, hit_label, use_hit_steps, HitSteps, NumberedParagraph};
use web_sys::{Element, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub statement: StatementId,
    pub outcome: SharedOutcome,
}

fn scroll_to(el: &Element) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls to the requested paragraph (`p=`), or to the top without one,
/// when the statement or the paragraph changes.
#[hook]
fn use_scroll_to_paragraph(statement: StatementId, para: Option<u16>) {
    use_effect_with((statement, para), move |(_, para)| {
        if let Some(p) = para {
            if let Some(el) = gloo::utils::document().get_element_by_id(&format!("p{p}")) {
                scroll_to(&el);
            }
        } else {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}

/// Paragraph `n` (1-based): its link and citation, its text with the hits
/// marked (`current` the one stepped to), and its themes.
fn paragraph(
    statement: &Statement,
    id: StatementId,
    view: &ViewState,
    n: u16,
    frags: NumberedParagraph,
    current: Option<usize>,
) -> Html {
    let corpus = &bundle().corpus;
    let target = view.para == Some(n);
    let link = view.open_statement(&statement.id, Some(n));
    let tags = &statement.passages[n as usize - 1].themes;
    html! {
        <div id={format!("p{n}")} class={classes!("para", target.then_some("target"))}>
            <div class="para-tools">
                <ViewLink to={link.encode()} class="pnum" label={format!("Link to paragraph {n}")}>{ n }</ViewLink>
                <Cite statement={id} para={Some(n)} />
            </div>
            <p>
                { for frags.into_iter().map(|(f, hit)| match hit {
                    Some(h) => html! {
                        <mark class={classes!("hit", (current == Some(h)).then_some("current"))}
                              data-hit={h.to_string()}>{ f.text }</mark>
                    },
                    None => html! { { f.text } },
                }) }
            </p>
            if !tags.is_empty() {
                <ul class="para-themes" aria-label="Themes of this paragraph">
                    { for tags.iter().map(|t| html! {
                        <li class="chip" data-theme={corpus.theme(t.theme).id.clone()}>
                            { corpus.theme(t.theme).label.clone() }
                            <span class="evidence">{ format!(": {}", t.evidence.join(", ")) }</span>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// The statement's themes, each with the share of paragraphs tagged with it.
fn statement_themes(statement: &Statement) -> Html {
    if statement.themes.is_empty() {
        return html! {};
    }
    let corpus = &bundle().corpus;
    let total = statement.passages.len();
    let themes = statement.themes.iter().map(|w| {
        html! {
            <li>
                <span class="theme-label">{ corpus.theme(w.theme).label.clone() }</span>
                <meter min="0" max={total.to_string()} value={w.passages.to_string()}
                       title={format!("{} of {} paragraphs", w.passages, total)}></meter>
                <span class="count">{ format!("{}/{}", w.passages, total) }</span>
            </li>
        }
    });
    html! {
        <details class="statement-themes">
            <summary>{ "Themes of this statement" }</summary>
            <ul>{ for themes }</ul>
        </details>
    }
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let id = props.statement;
    let statement = &bundle().corpus.statements[id as usize];
    let view = &props.outcome.view;

    let (paragraphs, hit_total) = highlighted_paragraphs(&props.outcome.query, id);
    use_scroll_to_paragraph(id, view.para);
    let HitSteps { current, step } = use_hit_steps(id, view.q.clone(), hit_total);
    let on_prev = step.reform(|_: MouseEvent| false);
    let on_next = step.reform(|_: MouseEvent| true);

    let back = view.closed_statement();
    let body = paragraphs
        .into_iter()
        .enumerate()
        .map(|(i, frags)| paragraph(statement, id, view, i as u16 + 1, frags, current));

    html! {
        <article class="reader" data-statement={statement.id.clone()} aria-labelledby="reader-title">
            <nav class="reader-nav">
                <ViewLink to={back.encode()} class="back">{ "← All results" }</ViewLink>
            </nav>
            <header>
                <h2 id="reader-title">{ statement.title.clone() }</h2>
                <StatementMeta id={id} full={true} />
                <Cite statement={id} />
                <StatementEntities statement={id} view={view.clone()} />
                { statement_themes(statement) }
            </header>
            if !view.q.trim().is_empty() {
                <div class="hit-nav" role="group" aria-label="Hits">
                    <button type="button" onclick={on_prev} disabled={hit_total == 0}>{ "◀ Previous hit" }</button>
                    <span class="hit-count" aria-live="polite">{ hit_label(current, hit_total, &view.q) }</span>
                    <button type="button" onclick={on_next} disabled={hit_total == 0}>{ "Next hit ▶" }</button>
                </div>
            }
            <div class="statement-text">{ for body }</div>
            <CiteAs statement={id} />
        </article>
    }
}
