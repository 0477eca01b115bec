//! Copies the address of the current view, which reproduces it exactly.

use crate::routing::absolute_url;
use csto_core::view::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    pub view: ViewState,
}

#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let status = status.clone();
        let view = props.view.clone();
        Callback::from(move |_| {
            // Read from the address bar's root when clicked, not while
            // rendering (which also runs in the prerenderer).
            let url = absolute_url(&view);
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&url);
            let status = status.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                status.set(if ok {
                    "Link copied".to_string()
                } else {
                    format!("Copy this link: {url}")
                });
            });
        })
    };
    html! {
        <div class="copy-link">
            <button type="button" {onclick}>{ "Copy link" }</button>
            <span class="copy-status" role="status">{ (*status).clone() }</span>
        </div>
    }
}
