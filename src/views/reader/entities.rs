//! What the open statement cites and names.

use crate::components::link::ViewLink;
use crate::corpus::bundle;
use csto_core::model::StatementId;
use csto_core::view::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementEntitiesProps {
    pub statement: StatementId,
    pub view: ViewState,
}

/// What the statement cites and names, each a filter link back to the results.
#[component]
pub fn StatementEntities(props: &StatementEntitiesProps) -> Html {
    let bundle = bundle();
    let counts = csto_core::analysis::entities::statement_entities(bundle, props.statement);
    if counts.is_empty() {
        return html! {};
    }
    html! {
        <details class="statement-entities">
            <summary>{ format!("Cited and named ({})", counts.len()) }</summary>
            <ul>
                { for counts.iter().map(|c| {
                    let e = &bundle.corpus.entities[c.entity as usize];
                    let to = props.view.filtered_by_entity(&e.key);
                    html! {
                        <li data-entity={e.key.clone()}>
                            <span class="kind">{ e.kind.label() }</span>{ ": " }
                            <ViewLink to={to.encode()}>{ e.label.clone() }</ViewLink>
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
