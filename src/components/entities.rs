//! Entity filters: cited Security Council and General Assembly resolutions,
//! UN documents, organizations and CSTO operations, with live counts like
//! the other facets; resolutions link to their UN record.

use crate::corpus::bundle;
use crate::routing::{Nav, Navigator};
use crate::state::SharedOutcome;
use csto_core::analysis::entities::EntityKind;
use csto_core::view::{Facet, Keyed};
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
    // Closed, the lists are not rendered at all: ~40 options fewer to diff on
    // every keystroke. Opening it is UI state, not part of the view.
    let open = use_state(|| !view.entities.is_empty());
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };

    let group = |kind: EntityKind| {
        let mut ids: Vec<usize> = (0..corpus.entities.len())
            .filter(|&i| corpus.entities[i].kind == kind)
            .collect();
        if ids.is_empty() {
            return html! {};
        }
        csto_core::util::order::sort_by_key(&mut ids, |&i| std::cmp::Reverse(counts[i].passages));
        let items = ids.into_iter().map(|i| {
            let e = &corpus.entities[i];
            let checked = view.has_facet_value(Facet::Entity, &e.key);
            let next = view
                .toggled_facet(Facet::Entity, &e.key)
                .expect("any key is an entity value");
            let navigator = navigator.clone();
            let onchange = Callback::from(move |_: Event| navigator.go(next.clone(), Nav::Push));
            let id = format!("f-entity-{}", e.key);
            let c = counts[i];
            html! {
                <li class={classes!("facet-option", (c.passages == 0 && !checked).then_some("zero"))}>
                    <input type="checkbox" id={id.clone()} name={Facet::Entity.key()} value={e.key.clone()} {checked} {onchange} />
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
        <details class="entity-facets" open={*open} {ontoggle}>
            <summary>{ Facet::Entity.label() }</summary>
            if *open {
                { for EntityKind::ALL.into_iter().map(group) }
            }
        </details>
    }
}
