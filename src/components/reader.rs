//! The reading view: one statement as clean paragraphs with its provenance,
//! every hit of the current query highlighted and steppable (buttons, or the
//! `n` / `p` keys), per-paragraph anchors (`?doc=…&p=7`) and each paragraph's
//! themes with the words that earned them.

use crate::app::SharedOutcome;
use crate::components::cite::Cite;
use crate::components::link::ViewLink;
use crate::components::statement_meta::StatementMeta;
use crate::corpus::bundle;
use csto_core::model::StatementId;
use csto_core::snippet::{highlight, Fragment};
use csto_core::view::ViewState;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition};
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

/// A paragraph's fragments, each hit with its number in reading order.
type NumberedParagraph = Vec<(Fragment, Option<usize>)>;

/// Paragraph fragments with each hit numbered in reading order.
fn numbered(paragraphs: Vec<Vec<Fragment>>) -> (Vec<NumberedParagraph>, usize) {
    let mut n = 0;
    let out = paragraphs
        .into_iter()
        .map(|frags| {
            frags
                .into_iter()
                .map(|f| {
                    let i = f.hit.then(|| {
                        n += 1;
                        n - 1
                    });
                    (f, i)
                })
                .collect()
        })
        .collect();
    (out, n)
}

#[derive(Properties, PartialEq)]
struct StatementEntitiesProps {
    statement: StatementId,
    view: ViewState,
}

/// What the statement cites and names, each a filter link back to the results.
#[component]
fn StatementEntities(props: &StatementEntitiesProps) -> Html {
    let bundle = bundle();
    let counts = csto_core::entities::statement_entities(bundle, props.statement);
    if counts.is_empty() {
        return html! {};
    }
    html! {
        <details class="statement-entities">
            <summary>{ format!("Cited and named ({})", counts.len()) }</summary>
            <ul>
                { for counts.iter().map(|c| {
                    let e = &bundle.corpus.entities[c.entity as usize];
                    let to = ViewState { entities: vec![e.key.clone()], doc: None, para: None, ..props.view.clone() };
                    html! {
                        <li data-entity={e.key.clone()}>
                            <span class="kind">{ e.kind.label() }</span>{ ": " }
                            <ViewLink to={to}>{ e.label.clone() }</ViewLink>
                            { format!(" ×{}", c.mentions) }
                            if let Some(url) = &e.url {
                                { " " }<a href={url.clone()} rel="noopener noreferrer">{ "UN record" }</a>
                            }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let bundle = bundle();
    let (corpus, index) = (&bundle.corpus, &bundle.index);
    let statement = &corpus.statements[props.statement as usize];
    let view = &props.outcome.view;

    let (paragraphs, hit_total) = {
        let hits =
            crate::corpus::searcher().hits_in_statement(&props.outcome.query, props.statement);
        let range = index.statement_passages(props.statement);
        numbered(
            statement
                .passages
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let spans = &index.passages[range.start as usize + i].spans;
                    let h = hits
                        .iter()
                        .find(|(para, _)| *para as usize == i)
                        .map(|(_, h)| h.as_slice())
                        .unwrap_or(&[]);
                    highlight(&p.text, spans, h)
                })
                .collect(),
        )
    };

    let current = use_state(|| None::<usize>);
    // A new statement or query starts hit stepping afresh.
    {
        let current = current.clone();
        use_effect_with((props.statement, view.q.clone()), move |_| {
            current.set(None)
        });
    }
    // Scroll to the requested paragraph.
    {
        let para = view.para;
        use_effect_with((props.statement, para), move |(_, para)| {
            if let Some(p) = para {
                if let Some(el) = gloo::utils::document().get_element_by_id(&format!("p{p}")) {
                    scroll_to(&el);
                }
            } else {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }
    // Scroll to the current hit.
    {
        use_effect_with(*current, move |current| {
            if let Some(i) = current {
                let sel = format!("[data-hit=\"{i}\"]");
                if let Ok(Some(el)) = gloo::utils::document().query_selector(&sel) {
                    scroll_to(&el);
                }
            }
        });
    }
    let step = {
        let current = current.clone();
        move |forward: bool| {
            if hit_total == 0 {
                return;
            }
            let next = match (*current, forward) {
                (None, true) => 0,
                (None, false) => hit_total - 1,
                (Some(i), true) => (i + 1) % hit_total,
                (Some(i), false) => (i + hit_total - 1) % hit_total,
            };
            current.set(Some(next));
        }
    };
    {
        let step = step.clone();
        use_effect_with((props.statement, hit_total, *current), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let typing = gloo::utils::document().active_element().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
                if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                match e.key().as_str() {
                    "n" => step(true),
                    "p" => step(false),
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }
    let on_prev = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step(false))
    };
    let on_next = Callback::from(move |_: MouseEvent| step(true));

    let back = ViewState {
        doc: None,
        para: None,
        ..view.clone()
    };
    let hit_label = match (*current, hit_total) {
        (_, 0) if view.q.trim().is_empty() => String::new(),
        (_, 0) => "No hits for this search in this statement".to_string(),
        (Some(i), n) => format!("Hit {} of {n}", i + 1),
        (None, 1) => "1 hit".to_string(),
        (None, n) => format!("{n} hits"),
    };

    let body = paragraphs.into_iter().enumerate().map(|(i, frags)| {
        let n = i as u16 + 1;
        let target = view.para == Some(n);
        let link = ViewState { doc: Some(statement.id.clone()), para: Some(n), ..view.clone() };
        let tags = &statement.passages[i].themes;
        html! {
            <div id={format!("p{n}")} class={classes!("para", target.then_some("target"))}>
                <div class="para-tools">
                    <ViewLink to={link} class="pnum" label={format!("Link to paragraph {n}")}>{ n }</ViewLink>
                    <Cite statement={props.statement} para={Some(n)} />
                </div>
                <p>
                    { for frags.into_iter().map(|(f, hit)| match hit {
                        Some(h) => html! {
                            <mark class={classes!("hit", (*current == Some(h)).then_some("current"))}
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
    });

    let themes = statement.themes.iter().map(|w| {
        html! {
            <li>
                <span class="theme-label">{ corpus.theme(w.theme).label.clone() }</span>
                <meter min="0" max={statement.passages.len().to_string()} value={w.passages.to_string()}
                       title={format!("{} of {} paragraphs", w.passages, statement.passages.len())}></meter>
                <span class="count">{ format!("{}/{}", w.passages, statement.passages.len()) }</span>
            </li>
        }
    });

    html! {
        <article class="reader" data-statement={statement.id.clone()} aria-labelledby="reader-title">
            <nav class="reader-nav">
                <ViewLink to={back} class="back">{ "← All results" }</ViewLink>
            </nav>
            <header>
                <h2 id="reader-title">{ statement.title.clone() }</h2>
                <StatementMeta id={props.statement} full={true} />
                <Cite statement={props.statement} />
                <StatementEntities statement={props.statement} view={view.clone()} />
                if !statement.themes.is_empty() {
                    <details class="statement-themes">
                        <summary>{ "Themes of this statement" }</summary>
                        <ul>{ for themes }</ul>
                    </details>
                }
            </header>
            if !view.q.trim().is_empty() {
                <div class="hit-nav" role="group" aria-label="Hits">
                    <button type="button" onclick={on_prev} disabled={hit_total == 0}>{ "◀ Previous hit" }</button>
                    <span class="hit-count" aria-live="polite">{ hit_label }</span>
                    <button type="button" onclick={on_next} disabled={hit_total == 0}>{ "Next hit ▶" }</button>
                </div>
            }
            <div class="statement-text">{ for body }</div>
        </article>
    }
}
