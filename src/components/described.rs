//! Renders an analysis view as the worker described it
//! ([`csto_core::panel::Node`]): elements from the closed tag and attribute
//! lists, text as text (a group of choices as the elements the panel makes
//! of it), and the few parts with behaviour (links, a select, the method disclosure, tables, buttons and forms that open a
//! view) through the page's own components.
//! Nothing is inserted as HTML.

use crate::components::data_table::{DataTable, Rows};
use crate::components::link::{with_attrs, ViewLink};
use crate::components::method::Method;
use crate::components::table_export::TableExport;
use crate::routing::{Nav, Navigator};
use csto_core::panel::{Element, Form, Link, Node, Select};
use csto_core::view::ViewState;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew::virtual_dom::VTag;

/// `node` as yew markup.
pub fn render(node: &Node) -> Html {
    match node {
        Node::Text(t) => html! { { t.clone() } },
        Node::Element(e) => element_tag(e).into(),
        Node::Link(l) => html! {
            <ViewLink to={l.to.clone()} class={classes!(l.class.clone())}
                       label={l.label.clone().map(AttrValue::from)} current={l.current}
                       attrs={Rc::new(l.attrs.clone())}>
                { for l.children.iter().map(render) }
            </ViewLink>
        },
        Node::Button(b) => html! { <ViewButton button={Rc::new(b.clone())} /> },
        Node::Form(f) => html! { <ViewForm form={Rc::new(f.clone())} /> },
        Node::Choices(c) => render(&c.to_node()),
        Node::Select(s) => html! { <ViewSelect select={Rc::new(s.clone())} /> },
        Node::Method(paragraphs) => html! {
            <Method>{ for paragraphs.iter().map(render) }</Method>
        },
        Node::Table(t) => html! {
            <DataTable view={ViewState::decode(&t.view).0} class={t.class.clone()} caption={t.caption.clone()}
                       columns={Rc::new(t.columns.clone())} rows={Rows(Rc::new(t.rows.clone()))}
                       sorted_by={t.sorted_by} export_name={t.export_name.clone()} />
        },
        Node::Export(x) => html! {
            <TableExport view={x.view.clone()} export_name={x.export_name.clone()} />
        },
    }
}

/// Element `e` as a yew tag, to which the page may add children of its
/// own: how it draws a widget the panel defines
/// ([`csto_core::panel::scroll_region`], [`csto_core::panel::empty_state`])
/// around its own markup.
pub fn element_tag(e: &Element) -> VTag {
    let mut tag = VTag::new(e.tag.name());
    for (name, value) in &e.attrs {
        tag.add_attribute(name.name(), value.clone());
    }
    tag.add_children(e.children.iter().map(render));
    tag
}

#[derive(Properties, PartialEq)]
struct ViewSelectProps {
    select: Rc<Select>,
}

/// A labelled `<select>` whose options open views.
#[component]
fn ViewSelect(props: &ViewSelectProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let s = &props.select;
    let onchange = {
        let select = props.select.clone();
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let Some(choice) = usize::try_from(el.selected_index())
                .ok()
                .and_then(|i| select.choices.get(i))
            else {
                return;
            };
            navigator.open(&choice.to);
        })
    };
    html! {
        <span class="num-choice">
            <label for={s.id.clone()}>{ s.label.clone() }</label>
            <select id={s.id.clone()} {onchange}>
                { for s.choices.iter().map(|c| html! {
                    <option value={c.label.clone()} selected={c.current}>{ c.label.clone() }</option>
                }) }
            </select>
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct ViewButtonProps {
    button: Rc<Link>,
}

/// A `<button type="button">` that opens a view (pushing a history entry).
#[component]
fn ViewButton(props: &ViewButtonProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let b = &props.button;
    let onclick = {
        let to = b.to.clone();
        Callback::from(move |_: MouseEvent| navigator.open(&to))
    };
    with_attrs(
        html! {
            <button type="button" class={classes!(b.class.clone())} {onclick}
                    aria-label={b.label.clone()}>
                { for b.children.iter().map(render) }
            </button>
        },
        &b.attrs,
    )
}

#[derive(Properties, PartialEq)]
struct ViewFormProps {
    form: Rc<Form>,
}

/// A one-field form: submitted with some text, it empties the field and
/// opens the view [`Form::submit`] makes of the text.
#[component]
fn ViewForm(props: &ViewFormProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let input = use_node_ref();
    let f = &props.form;
    let onsubmit = {
        let (form, input) = (props.form.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let Some(to) = form.submit(&el.value()) else {
                return;
            };
            el.set_value("");
            navigator.go(to, Nav::Push);
        })
    };
    html! {
        <form class={classes!(f.class.clone())} {onsubmit}>
            <label for={f.id.clone()}>{ f.label.clone() }</label>
            <input id={f.id.clone()} ref={input} type="text" name={f.put.name()} autocomplete="off"
                   spellcheck="false" placeholder={f.placeholder.clone()} disabled={f.disabled} />
            <button type="submit" disabled={f.disabled}>{ f.button.clone() }</button>
        </form>
    }
}
