//! The result list: statements grouped with their best passages, or in
//! browse mode (no query) every statement that passes the filters.

use crate::components::described::element_tag;
use crate::components::fragments::fragments;
use crate::components::link::ViewLink;
use crate::components::statement_meta::meta_line;
use crate::corpus::bundle;
use crate::format::plural;
use crate::hooks::{is_plain_click, use_page_completed};
use crate::routing::{href, Nav, Navigator};
use crate::state::SharedOutcome;
use csto_core::analysis::snippet::snippet;
use csto_core::panel::empty_state;
use csto_core::search::StatementHit;
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

/// How many statements of the outcome's list are rendered now, how many
/// are hidden behind "Show more", and that button's callback. The page
/// shown is UI state, reset by every new search; a page beyond the first
/// few statements is rendered in two tasks ([`use_page_completed`]).
#[hook]
fn use_shown_page(outcome: &SharedOutcome) -> (usize, usize, Callback<MouseEvent>) {
    let total = outcome.results.statements.len();
    // `_eq`: the reset after a search that left it at one page must not
    // render the whole list a second time.
    let shown = use_state_eq(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(outcome.clone(), move |_| shown.set(PAGE));
    }
    let hidden = total.saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let split = (*shown).min(total) > FIRST_RENDER;
    let rendered = if use_page_completed(outcome, split) {
        *shown
    } else {
        (*shown).min(FIRST_RENDER)
    };
    (rendered, hidden, more)
}

/// The list's click listener following its links ([`follow`]) to the views
/// `targets` holds, as last rendered.
#[hook]
fn use_follow(targets: Vec<ViewState>) -> Callback<MouseEvent> {
    let link_targets: LinkTargets = use_mut_ref(Vec::new);
    *link_targets.borrow_mut() = targets;
    let navigator = use_context::<Navigator>().expect("Navigator context");
    Callback::from(move |e: MouseEvent| follow(&e, &link_targets, &navigator))
}

/// The best passages of statement `hit` matching the query, each a snippet
/// with a link to its paragraph (kept in `targets`), and how many more
/// there are.
fn matching_passages(
    outcome: &SharedOutcome,
    hit: &StatementHit,
    targets: &mut Vec<ViewState>,
) -> Html {
    let (view, results) = (&outcome.view, &outcome.results);
    let bundle = bundle();
    let s = &bundle.corpus.statements[hit.statement as usize];
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
                targets,
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
}

/// One statement of the list: its title (a link kept in `targets`), date
/// and speaker, with a query its matching passages, and its main themes.
fn result_item(outcome: &SharedOutcome, hit: &StatementHit, targets: &mut Vec<ViewState>) -> Html {
    let corpus = &bundle().corpus;
    let s = &corpus.statements[hit.statement as usize];
    let browsing = outcome.query.is_browse();
    let open = outcome.view.open_statement(&s.id, None);
    let passages = if browsing {
        html! {}
    } else {
        matching_passages(outcome, hit, targets)
    };
    let themes = s.themes.iter().take(4).map(|w| {
        let t = corpus.theme(w.theme);
        html! { <li class="chip" title={format!("{} of {} paragraphs", w.passages, s.passages.len())}>{ t.label.clone() }</li> }
    });
    let title = link(targets, open, None, None, html! { s.title.clone() });
    html! {
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
    }
}

/// Why the list is empty, and the spellings the search suggests instead
/// (each a link to that search).
fn nothing_matches(outcome: &SharedOutcome) -> Html {
    let suggestions = &outcome.results.suggestions;
    let links = suggestions.iter().map(|q| {
        let to = outcome.view.with_query(q.clone());
        html! { <li><ViewLink to={to.encode()}>{ q.clone() }</ViewLink></li> }
    });
    let mut empty = element_tag(&empty_state(
        "Nothing matches this search and these filters.",
    ));
    if !suggestions.is_empty() {
        empty.add_child(html! { <p>{ "Did you mean:" }</p> });
        empty.add_child(html! { <ul class="suggestions">{ for links }</ul> });
    }
    empty.into()
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let outcome = &props.outcome;
    let results = &outcome.results;
    let summary = format!(
        "{}, {}",
        plural(results.statements.len(), "statement", "statements"),
        plural(results.passage_count, "passage", "passages")
    );
    let (rendered, hidden, more) = use_shown_page(outcome);

    let mut targets = Vec::new();
    let items: Vec<Html> = results
        .statements
        .iter()
        .take(rendered)
        .map(|hit| result_item(outcome, hit, &mut targets))
        .collect();
    let onclick = use_follow(targets);

    html! {
        <section class="results" aria-labelledby="result-count">
            <p id="result-count" class="result-count" aria-live="polite">{ summary }</p>
            if results.statements.is_empty() {
                { nothing_matches(outcome) }
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
