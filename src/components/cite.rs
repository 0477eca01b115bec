//! Citing a statement or one of its paragraphs: the "Cite" control (a
//! ready-to-paste citation, or a BibTeX, RIS or CSL-JSON record to copy or
//! download), and the "Cite this statement" block at the end of the reader,
//! which is part of the prerendered page, so it is there without
//! JavaScript. Every citation's permalink reopens exactly that passage.

use crate::corpus::{bundle, CORPUS_VERSION};
use crate::download::download;
use crate::routing::permalink;
use csto_core::analysis::cite::{citation, date_text};
use csto_core::analysis::cite_formats::{citation_key, CiteFormat, Ymd};
use csto_core::model::StatementId;
use csto_core::view::ViewState;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the Cite control shows: the citation as text, or a record.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Text,
    Record(CiteFormat),
}

impl Format {
    const ALL: [Format; 4] = [
        Format::Text,
        Format::Record(CiteFormat::BibTex),
        Format::Record(CiteFormat::Ris),
        Format::Record(CiteFormat::CslJson),
    ];

    fn label(self) -> &'static str {
        match self {
            Format::Text => "Text",
            Format::Record(f) => f.label(),
        }
    }

    /// The `<option value>`: the file extension (or `txt`).
    fn key(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Record(f) => f.extension(),
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Text => "text/plain",
            Format::Record(f) => f.mime(),
        }
    }
}

/// Today's date, for "accessed" (read when the reader asks for a citation).
fn today() -> Ymd {
    let d = js_sys::Date::new_0();
    Ymd::new(
        d.get_full_year() as u16,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
}

/// The reading view of a statement (or paragraph) alone: no query, no
/// filters. What a citation points to.
fn reading(statement: StatementId, para: Option<u16>) -> ViewState {
    ViewState::statement(&bundle().corpus.statements[statement as usize].id, para)
}

/// The citation of `statement` (or `para`) in `format`, accessed `today`.
fn record(statement: StatementId, para: Option<u16>, format: Format, today: Ymd) -> String {
    let corpus = &bundle().corpus;
    let s = &corpus.statements[statement as usize];
    let link = permalink(&reading(statement, para));
    match format {
        Format::Text => {
            let accessed = date_text(today.day.into(), today.month.into(), today.year.into());
            citation(corpus, s, para, &link, Some(&accessed), CORPUS_VERSION)
        }
        Format::Record(f) => f.render(corpus, s, para, &link, today, CORPUS_VERSION),
    }
}

/// A click that copies `text`, saying in `status` whether it worked.
fn copy_to_clipboard(text: String, status: UseStateHandle<String>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let promise = gloo::utils::window()
            .navigator()
            .clipboard()
            .write_text(&text);
        let status = status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let said = if ok {
                "Copied"
            } else {
                "Select the text to copy it"
            };
            status.set(said.to_string());
        });
    })
}

#[derive(Properties, PartialEq)]
pub struct CiteProps {
    pub statement: StatementId,
    /// 1-based paragraph, or the whole statement.
    #[prop_or_default]
    pub para: Option<u16>,
}

/// The "Cite" button and, when open, the citation in a chosen format with
/// Copy and Download.
#[component]
pub fn Cite(props: &CiteProps) -> Html {
    let open = use_state(|| false);
    let format = use_state(|| Format::Text);
    let status = use_state(String::new);
    let (statement, para) = (props.statement, props.para);
    // Made when opened: it needs the address bar and today's date, which
    // the prerenderer (rendering with the box closed) has neither of.
    let text = (*open).then(|| record(statement, para, *format, today()));
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let choose = {
        let format = format.clone();
        let status = status.clone();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(f) = Format::ALL.into_iter().find(|f| f.key() == key) {
                format.set(f);
                status.set(String::new());
            }
        })
    };
    let copy = copy_to_clipboard(text.clone().unwrap_or_default(), status.clone());
    let save = {
        let text = text.clone().unwrap_or_default();
        let format = *format;
        Callback::from(move |_: MouseEvent| {
            let corpus = &bundle().corpus;
            let key = citation_key(corpus, &corpus.statements[statement as usize], para);
            download(&format!("{key}.{}", format.key()), format.mime(), &text);
        })
    };
    let what = match para {
        Some(p) => format!("paragraph {p}"),
        None => "this statement".to_string(),
    };
    html! {
        <span class="cite">
            <button type="button" class="cite-toggle" aria-expanded={open.to_string()} onclick={toggle}
                    aria-label={format!("Cite {what}")}>{ "Cite" }</button>
            if let Some(text) = text {
                <span class="cite-box" role="group" aria-label={format!("Citation of {what}")}>
                    <label class="cite-format">{ "Format " }
                        <select onchange={choose}>
                            { for Format::ALL.into_iter().map(|f| html! {
                                <option value={f.key()} selected={f == *format}>{ f.label() }</option>
                            }) }
                        </select>
                    </label>
                    <textarea readonly=true rows={if *format == Format::Text { "4" } else { "8" }}
                              aria-label="Citation" value={text} />
                    <span class="cite-actions">
                        <button type="button" onclick={copy}>{ "Copy citation" }</button>
                        <button type="button" onclick={save}>{ format!("Download .{}", format.key()) }</button>
                    </span>
                    <span class="cite-status" role="status">{ (*status).clone() }</span>
                </span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct CiteAsProps {
    pub statement: StatementId,
}

/// "Cite this statement": the citation as text, in the page itself (and so
/// in the prerendered HTML, for readers without JavaScript, archives and
/// tools that read the page). Without an access date: the page cannot know
/// when it is read; the Cite control adds it.
#[component]
pub fn CiteAs(props: &CiteAsProps) -> Html {
    let corpus = &bundle().corpus;
    let s = &corpus.statements[props.statement as usize];
    let link = permalink(&reading(props.statement, None));
    html! {
        <section class="cite-as" aria-labelledby="cite-as-title">
            <h3 id="cite-as-title">{ "Cite this statement" }</h3>
            <p class="citation">{ citation(corpus, s, None, &link, None, CORPUS_VERSION) }</p>
            <p class="cite-hint">{ "Each paragraph's number links to it; its Cite button gives its citation, \
                                    also as BibTeX, RIS or CSL-JSON." }</p>
        </section>
    }
}
