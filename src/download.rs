//! Files made in the browser: a download from a string, and JSON through
//! serde-wasm-bindgen and the browser's own `JSON.stringify`, so the wasm
//! carries no JSON serializer of its own. Used by the export menu and by
//! every table's CSV/JSON buttons.

use serde::Serialize;
use wasm_bindgen::JsCast;

/// `value` as indented JSON (`[]` if it cannot be written).
pub fn to_json<T: Serialize>(value: &T) -> String {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .ok()
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &v,
                &wasm_bindgen::JsValue::NULL,
                &2.into(),
            )
            .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "[]".to_string())
}

/// Offers `content` as a file download.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&content.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = gloo::utils::document();
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// MIME type of CSV downloads.
pub const CSV: &str = "text/csv;charset=utf-8";
/// MIME type of JSON downloads.
pub const JSON: &str = "application/json";
