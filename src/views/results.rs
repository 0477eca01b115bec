//! The result list: statements grouped with their best passages, or in
//! browse mode (no query) every statement that passes the filters.

use crate::components::fragments::fragments;
use crate::components::link::ViewLink;
use crate::components::statement_meta::meta_line;
use crate::corpus::bundle;
use crate::format::plural;
use crate::hooks::{is_plain_click, use_page_completed};
use crate::routing::{href, Nav, Navigator};
use crate::state::SharedOutcome;
use csto_core::analysis::snippet::snippet;
use csto_core::view::ViewState;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// Passages shown under each statement before "and N more".
const PASSAGES_SHOWN: usize = 3;
/// Statements rendered at first; more on request. Keeps typing fast on a
/// large corpus, where a query can match hundreds of statements.
const PAGE: usize = 50;
/// Statements rendered in the keystroke's own task; the rest of the page
/// follows in the next one (see [`use_page_completed`]).
const FIRST_RENDER: usize = 10;
/// Snippet length in bytes.
const SNIPPET_BYTES: usize = 260;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub outcome: SharedOutcome,
}

/// The views the list's links lead to, as last rendered. The links are plain
/// `<a href>`s followed by one click listener on the list ([`follow`]), not
/// a `ViewLink` each: a page has ~200 of them and is rebuilt on most
/// keystrokes, and a component with its own context subscription and
/// listener per link was a measurable part of every keystroke.
type LinkTargets = Rc<RefCell<Vec<ViewState>>>;

/// A link of the list, remembered in `targets` so a click can follow it.
fn link(
    targets: &mut Vec<ViewState>,
    to: ViewState,
    class: Option<&'static str>,
    label: Option<String>,
    children: Html,
) -> Html {
    let html = html! { <a href={href(&to)} class={class} aria-label={label}>{ children }</a> };
    targets.push(to);
    html
}

/// What a `ViewLink` does on a plain click, for the list's links: push the
/// link's view (other clicks open a tab or window, as the browser does).
fn follow(e: &MouseEvent, targets: &LinkTargets, navigator: &Navigator) {
    if !is_plain_click(e) {
        return;
    }
    let Some(a) = e
        .target_dyn_into::<Element>()
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let Some(to) = a
        .get_attribute("href")
        .and_then(|h| targets.borrow().iter().find(|v| href(v) == h).cloned())
    else {
        return; // not one of ours: a record link goes where it says
    };
    e.prevent_default();
    navigator.go(to, Nav::Push);
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let bundle = bundle();
    let corpus = &bundle.corpus;
    let outcome = &props.outcome;
    let view = &outcome.view;
    let results = &outcome.results;
    let browsing = outcome.query.is_browse();

    let summary = format!(
        "{}, {}",
        plural(results.statements.len(), "statement", "statements"),
        plural(results.passage_count, "passage", "passages")
    );

    // How many statements are shown: UI state, reset by every new search.
    // `_eq`: the reset after a search that left it at one page must not
    // render the whole list a second time.
    let shown = use_state_eq(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(props.outcome.clone(), move |_| shown.set(PAGE));
    }
    let hidden = results.statements.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let split = (*shown).min(results.statements.len()) > FIRST_RENDER;
    let rendered = if use_page_completed(&props.outcome, split) {
        *shown
    } else {
        (*shown).min(FIRST_RENDER)
    };

    let mut targets = Vec::new();
    let mut items = Vec::with_capacity(results.statements.len().min(rendered));
    for hit in results.statements.iter().take(rendered) {
        let s = &corpus.statements[hit.statement as usize];
        let open = view.open_statement(&s.id, None);
        let passages = if browsing {
            html! {}
        } else {
            // A query's matches: the index is built (browsing never needs it).
            let index = bundle.index();
            let more = hit.passage_count().saturating_sub(PASSAGES_SHOWN);
            let snippets: Vec<Html> = results
                .passages(hit)
                .iter()
                .take(PASSAGES_SHOWN)
                .map(|p| {
                    let r = &index.passages[p.passage as usize];
                    let text = &s.passages[r.paragraph as usize].text;
                    let para = r.paragraph + 1;
                    let to = view.open_statement(&s.id, Some(para));
                    let pnum = link(
                        &mut targets,
                        to,
                        Some("pnum"),
                        Some(format!("Paragraph {para}")),
                        html! { format!("¶{para}") },
                    );
                    html! {
                        <li class="snippet">
                            { pnum }
                            { " " }
                            { fragments(&snippet(text, &r.spans, results.hits(p), SNIPPET_BYTES)) }
                        </li>
                    }
                })
                .collect();
            html! {
                <>
                <ol class="snippets">{ for snippets }</ol>
                if more > 0 {
                    <p class="more">{ format!("and {} in this statement", plural(more, "more passage", "more passages")) }</p>
                }
                </>
            }
        };
        let themes = s.themes.iter().take(4).map(|w| {
            let t = corpus.theme(w.theme);
            html! { <li class="chip" title={format!("{} of {} paragraphs", w.passages, s.passages.len())}>{ t.label.clone() }</li> }
        });
        let title = link(&mut targets, open, None, None, html! { s.title.clone() });
        items.push(html! {
            <li class="result" data-statement={s.id.clone()}>
                <article>
                    <h2 class="title">{ title }</h2>
                    { meta_line(hit.statement) }
                    if !browsing {
                        <p class="hits">{ plural(hit.passage_count(), "matching passage", "matching passages") }</p>
                    }
                    { passages }
                    <ul class="themes" aria-label="Main themes">{ for themes }</ul>
                </article>
            </li>
        });
    }
    let link_targets: LinkTargets = use_mut_ref(Vec::new);
    *link_targets.borrow_mut() = targets;
    let onclick = {
        let navigator = use_context::<Navigator>().expect("Navigator context");
        Callback::from(move |e: MouseEvent| follow(&e, &link_targets, &navigator))
    };

    let suggestions = results.suggestions.iter().map(|q| {
        let to = view.with_query(q.clone());
        html! { <li><ViewLink to={to.encode()}>{ q.clone() }</ViewLink></li> }
    });

    html! {
        <section class="results" aria-labelledby="result-count">
            <p id="result-count" class="result-count" aria-live="polite">{ summary }</p>
            if results.statements.is_empty() {
                <div class="empty">
                    <p>{ "Nothing matches this search and these filters." }</p>
                    if !results.suggestions.is_empty() {
                        <p>{ "Did you mean:" }</p>
                        <ul class="suggestions">{ for suggestions }</ul>
                    }
                </div>
            }
            // Left out when empty, so a page of results that follows an empty
            // one is built off-document and inserted at once, and an emptied
            // one leaves with one removal instead of one per statement.
            if !items.is_empty() {
                <ol class="result-list" {onclick}>{ for items }</ol>
            }
            if hidden > 0 {
                <button type="button" class="show-more" onclick={more}>
                    { format!("Show {} more of {hidden} statements", hidden.min(PAGE)) }
                </button>
            }
        </section>
    }
}
