//! The result list: statements grouped with their best passages, or in
//! browse mode (no query) every statement that passes the filters.

use crate::app::SharedOutcome;
use crate::components::fragments::Fragments;
use crate::components::link::ViewLink;
use crate::components::statement_meta::StatementMeta;
use crate::corpus::bundle;
use csto_core::snippet::snippet;
use csto_core::view::ViewState;
use yew::prelude::*;

/// Passages shown under each statement before "and N more".
const PASSAGES_SHOWN: usize = 3;
/// Statements rendered at first; more on request. Keeps typing fast on a
/// large corpus, where a query can match hundreds of statements.
const PAGE: usize = 50;
/// Snippet length in bytes.
const SNIPPET_BYTES: usize = 260;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub outcome: SharedOutcome,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let bundle = bundle();
    let (corpus, index) = (&bundle.corpus, &bundle.index);
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
    let shown = use_state(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(props.outcome.clone(), move |_| shown.set(PAGE));
    }
    let hidden = results.statements.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };

    let items = results.statements.iter().take(*shown).map(|hit| {
        let s = &corpus.statements[hit.statement as usize];
        let open = ViewState { doc: Some(s.id.clone()), para: None, ..view.clone() };
        let passages = if browsing {
            html! {}
        } else {
            let more = hit.passages.len().saturating_sub(PASSAGES_SHOWN);
            html! {
                <>
                <ol class="snippets">
                    { for hit.passages.iter().take(PASSAGES_SHOWN).map(|p| {
                        let r = &index.passages[p.passage as usize];
                        let text = &s.passages[r.paragraph as usize].text;
                        let para = r.paragraph + 1;
                        let to = ViewState { doc: Some(s.id.clone()), para: Some(para), ..view.clone() };
                        html! {
                            <li class="snippet">
                                <ViewLink to={to} class="pnum" label={format!("Paragraph {para}")}>{ format!("¶{para}") }</ViewLink>
                                { " " }
                                <Fragments fragments={snippet(text, &r.spans, &p.hits, SNIPPET_BYTES)} />
                            </li>
                        }
                    }) }
                </ol>
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
        html! {
            <li class="result" data-statement={s.id.clone()}>
                <article>
                    <h2 class="title"><ViewLink to={open}>{ s.title.clone() }</ViewLink></h2>
                    <StatementMeta id={hit.statement} />
                    if !browsing {
                        <p class="hits">{ plural(hit.passages.len(), "matching passage", "matching passages") }</p>
                    }
                    { passages }
                    <ul class="themes" aria-label="Main themes">{ for themes }</ul>
                </article>
            </li>
        }
    });

    let suggestions = results.suggestions.iter().map(|q| {
        let to = ViewState {
            q: q.clone(),
            ..view.clone()
        };
        html! { <li><ViewLink to={to}>{ q.clone() }</ViewLink></li> }
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
            <ol class="result-list">{ for items }</ol>
            if hidden > 0 {
                <button type="button" class="show-more" onclick={more}>
                    { format!("Show {} more of {hidden} statements", hidden.min(PAGE)) }
                </button>
            }
        </section>
    }
}
