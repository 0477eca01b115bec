//! The concordance (keyword in context): every hit of the current query in
//! the filtered results as one line, left context | hit | right context,
//! aligned on the hit, with its source. The order (corpus, newest, left or
//! right word) lives in the URL (`ksort=`); each hit opens the reader at its
//! paragraph.

use crate::components::link::ViewLink;
use crate::corpus::bundle;
use crate::format::{plural_thousands, surname, thousands};
use crate::state::SharedOutcome;
use csto_core::concordance::{concordance, sort_lines, KwicLine, KwicSort};
use csto_core::search::PassageHit;
use csto_core::view::ViewState;
use yew::prelude::*;

/// Characters of context kept on each side of a hit (CSS cuts further on
/// narrow screens).
const CONTEXT_CHARS: usize = 80;
/// The most lines rendered; the rest are counted but not drawn.
const MAX_LINES: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct ConcordanceProps {
    pub outcome: SharedOutcome,
}

fn sort_label(sort: KwicSort) -> &'static str {
    match sort {
        KwicSort::Corpus => "Corpus order",
        KwicSort::Newest => "Newest first",
        KwicSort::Left => "Word to the left",
        KwicSort::Right => "Word to the right",
    }
}

#[component]
pub fn ConcordanceView(props: &ConcordanceProps) -> Html {
    let outcome = &props.outcome;
    let view = &outcome.view;
    let sort = view.kwic_sort.unwrap_or_default();
    let lines = use_memo((outcome.clone(), sort), |(outcome, sort)| {
        let hits: Vec<PassageHit> = outcome
            .results
            .statements
            .iter()
            .flat_map(|s| s.passages.iter().cloned())
            .collect();
        let mut lines: Vec<KwicLine<'static>> = concordance(bundle(), &hits, CONTEXT_CHARS);
        if *sort != KwicSort::Corpus {
            sort_lines(bundle(), &mut lines, *sort);
        }
        lines
    });

    if outcome.query.is_browse() {
        return html! {
            <section class="concordance" aria-labelledby="kwic-heading">
                <h2 id="kwic-heading" class="view-heading">{ "Concordance" }</h2>
                <div class="empty">
                    <p>{ "Type a search term above to see every occurrence in its context, one line each, aligned on the word." }</p>
                    <p class="hint">{ "For example: terrorism, \"illegal migration\", peacekeep*" }</p>
                </div>
            </section>
        };
    }

    let corpus = &bundle().corpus;
    let sorts = [
        KwicSort::Corpus,
        KwicSort::Newest,
        KwicSort::Left,
        KwicSort::Right,
    ]
    .into_iter()
    .map(|s| {
        let to = ViewState {
            kwic_sort: (s != KwicSort::Corpus).then_some(s),
            ..view.clone()
        };
        html! {
            <li>
                <ViewLink to={to} class={classes!("seg", format!("sort-{}", s.key()))} current={s == sort}>
                    { sort_label(s) }
                </ViewLink>
            </li>
        }
    });

    let total = lines.len();
    let count = plural_thousands(total, "line", "lines");
    let rows = lines.iter().take(MAX_LINES).map(|l| {
        let s = &corpus.statements[l.statement as usize];
        let who = surname(&corpus.speaker(s.speaker).name).to_string();
        let para = l.paragraph + 1;
        let to = view.reading(&s.id, Some(para));
        let left = format!("{}{}", if l.cut_left { "…" } else { "" }, l.left);
        let right = format!("{}{}", l.right, if l.cut_right { "…" } else { "" });
        html! {
            <tr class="kwic-line" data-statement={s.id.clone()} data-para={para.to_string()}>
                <td class="left"><span class="ctx">{ left }</span></td>
                <td class="hit">
                    <ViewLink to={to.clone()}>{ l.hit.to_string() }</ViewLink>
                </td>
                <td class="right">{ right }</td>
                <td class="source">
                    { format!("{who} {} ", s.date.year) }
                    <ViewLink to={to} class="pnum" label={format!("{who} {}, paragraph {para}", s.date.year)}>
                        { format!("¶{para}") }
                    </ViewLink>
                </td>
            </tr>
        }
    });

    html! {
        <section class="concordance" aria-labelledby="kwic-heading">
            <h2 id="kwic-heading" class="view-heading">{ "Concordance" }</h2>
            <div class="view-controls">
                <p class="result-count kwic-count" aria-live="polite">{ count.clone() }</p>
                <div class="seg-group">
                    <span class="seg-label" id="kwic-sort-label">{ "Order" }</span>
                    <ul class="segmented kwic-sort" aria-labelledby="kwic-sort-label">{ for sorts }</ul>
                </div>
            </div>
            if total == 0 {
                <div class="empty"><p>{ "No occurrences with these filters." }</p></div>
            } else {
                <div class="table-scroll">
                    <table class="kwic">
                        <caption>
                            { format!("Every occurrence of “{}”: {count}, {}", view.q.trim(), sort_label(sort).to_ascii_lowercase()) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col" class="left">{ "Before" }</th>
                                <th scope="col" class="hit">{ "Match" }</th>
                                <th scope="col" class="right">{ "After" }</th>
                                <th scope="col" class="source">{ "Source" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                if total > MAX_LINES {
                    <p class="note">
                        { format!("Showing the first {} of {} lines. Narrow the search or add filters to see the rest.",
                                  thousands(MAX_LINES), thousands(total)) }
                    </p>
                }
            }
        </section>
    }
}
