//! "Cite": a ready-to-paste citation of a statement or one of its paragraphs,
//! with a permalink that reopens exactly that passage.

use crate::corpus::bundle;
use crate::routing::absolute_url;
use csto_core::analysis::cite::{citation, date_text};
use csto_core::model::StatementId;
use csto_core::view::ViewState;
use yew::prelude::*;

/// Today's date as "22 November 2026", for "accessed".
fn today() -> String {
    let d = js_sys::Date::new_0();
    date_text(d.get_date(), d.get_month() + 1, d.get_full_year())
}

#[derive(Properties, PartialEq)]
pub struct CiteProps {
    pub statement: StatementId,
    /// 1-based paragraph, or the whole statement.
    #[prop_or_default]
    pub para: Option<u16>,
}

#[component]
pub fn Cite(props: &CiteProps) -> Html {
    let open = use_state(|| false);
    let status = use_state(String::new);
    let corpus = &bundle().corpus;
    let s = &corpus.statements[props.statement as usize];
    let text = {
        // The permalink is the reading view alone: no query, no filters.
        let view = ViewState {
            doc: Some(s.id.clone()),
            para: props.para,
            ..ViewState::default()
        };
        citation(
            corpus,
            s,
            props.para,
            &absolute_url(&view),
            &today(),
            crate::corpus::CORPUS_VERSION,
        )
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let copy = {
        let text = text.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let promise = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&text);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                status.set(
                    if ok {
                        "Copied"
                    } else {
                        "Select the text to copy it"
                    }
                    .to_string(),
                );
            });
        })
    };
    let what = match props.para {
        Some(p) => format!("paragraph {p}"),
        None => "this statement".to_string(),
    };
    html! {
        <span class="cite">
            <button type="button" class="cite-toggle" aria-expanded={open.to_string()} onclick={toggle}
                    aria-label={format!("Cite {what}")}>{ "Cite" }</button>
            if *open {
                <span class="cite-box" role="group" aria-label={format!("Citation of {what}")}>
                    <textarea readonly=true rows="4" aria-label="Citation" value={text} />
                    <button type="button" onclick={copy}>{ "Copy citation" }</button>
                    <span class="cite-status" role="status">{ (*status).clone() }</span>
                </span>
            }
        </span>
    }
}
