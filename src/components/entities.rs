//! Entity filters: cited Security Council and General Assembly resolutions,
//! UN documents, organizations and CSTO operations, with live counts like
//! the other facets; resolutions link to their UN record.

use crate::app::SharedOutcome;
use crate::corpus::bundle;
use crate::location::{Nav, Navigator};
use csto_core::entities::EntityKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityFacetProps {
    pub outcome: SharedOutcome,
}

#[component]
pub fn EntityFacet(props: &EntityFacetProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let corpus = &bundle().corpus;
    let view = &props.outcome.view;
    let counts = &props.outcome.results.facets.entities;

    let group = |kind: EntityKind| {
        let mut ids: Vec<usize> = (0..corpus.entities.len())
            .filter(|&i| corpus.entities[i].kind == kind)
            .collect();
        if ids.is_empty() {
            return html! {};
        }
        ids.sort_by_key(|&i| std::cmp::Reverse(counts[i].passages));
        let items = ids.into_iter().map(|i| {
            let e = &corpus.entities[i];
            let checked = view.entities.contains(&e.key);
            let next = {
                let mut v = view.clone();
                if checked {
                    v.entities.retain(|k| k != &e.key);
                } else {
                    v.entities.push(e.key.clone());
                }
                v
            };
            let navigator = navigator.clone();
            let onchange = Callback::from(move |_: Event| navigator.go(next.clone(), Nav::Push));
            let id = format!("f-entity-{}", e.key);
            let c = counts[i];
            html! {
                <li class={classes!("facet-option", (c.passages == 0 && !checked).then_some("zero"))}>
                    <input type="checkbox" id={id.clone()} name="entity" value={e.key.clone()} {checked} {onchange} />
                    <label for={id} title={e.name.clone().or_else(|| e.note.clone())}>
                        <span class="facet-label">{ e.label.clone() }</span>
                        <span class="count" title="statements · passages">
                            { format!("{} · {}", c.statements, c.passages) }
                        </span>
                    </label>
                    if let Some(url) = &e.url {
                        { " " }
                        <a class="record-link" href={url.clone()} rel="noopener noreferrer"
                           aria-label={format!("UN record of {}", e.label)}>{ "↗" }</a>
                    }
                </li>
            }
        });
        html! {
            <fieldset class="facet" id={format!("facet-{}", kind.prefix())}>
                <legend>{ kind.label() }</legend>
                <ul>{ for items }</ul>
            </fieldset>
        }
    };

    html! {
        <details class="entity-facets" open={!view.entities.is_empty()}>
            <summary>{ "Resolutions, documents, organizations, operations" }</summary>
            { for EntityKind::ALL.into_iter().map(group) }
        </details>
    }
}
