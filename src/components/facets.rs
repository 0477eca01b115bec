//! Filters by speaker, year (single years and a range) and theme, with the
//! number of statements and passages each value would give, plus the sort.
//! Every change pushes a history entry.

use crate::components::entities::EntityFacet;
use crate::corpus::bundle;
use crate::routing::{Nav, Navigator};
use crate::state::SharedOutcome;
use csto_core::search::{FacetCount, Sort};
use csto_core::view::Keyed;
use csto_core::view::ViewState;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub outcome: SharedOutcome,
}

/// Adds `value` to `list` or removes it.
fn toggled<T: PartialEq + Clone>(list: &[T], value: &T) -> Vec<T> {
    if list.contains(value) {
        list.iter().filter(|v| *v != value).cloned().collect()
    } else {
        let mut l = list.to_vec();
        l.push(value.clone());
        l
    }
}

#[derive(Properties, PartialEq)]
struct OptionProps {
    name: &'static str,
    value: String,
    label: String,
    count: FacetCount,
    checked: bool,
    /// Toggles (facet name, value). The same callback on every render, so an
    /// option whose count and state did not change is not re-rendered.
    ontoggle: Callback<(&'static str, String)>,
}

#[component]
fn FacetOption(props: &OptionProps) -> Html {
    let id = format!("f-{}-{}", props.name, props.value);
    let onchange = {
        let (toggle, name, value) = (props.ontoggle.clone(), props.name, props.value.clone());
        Callback::from(move |_: Event| toggle.emit((name, value.clone())))
    };
    let empty = props.count.passages == 0 && !props.checked;
    html! {
        <li class={classes!("facet-option", empty.then_some("zero"))}>
            <input type="checkbox" id={id.clone()} name={props.name} value={props.value.clone()}
                   checked={props.checked} {onchange} />
            <label for={id}>
                <span class="facet-label">{ props.label.clone() }</span>
                <span class="count" title="statements · passages">
                    { format!("{} · {}", props.count.statements, props.count.passages) }
                </span>
            </label>
        </li>
    }
}

/// The sort order, a `<select>`.
fn sort_select(view: &ViewState, go: impl Fn(ViewState) + 'static) -> Html {
    let sort = view.effective_sort();
    let onsort = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            go(ViewState {
                sort: Sort::from_key(&el.value()),
                ..view.clone()
            });
        })
    };
    html! {
        <div class="sort">
            <label for="sort">{ "Sort" }</label>
            <select id="sort" onchange={onsort}>
                <option value="relevance" selected={sort == Sort::Relevance}>{ "Relevance" }</option>
                <option value="date" selected={sort == Sort::DateAsc}>{ "Date, oldest first" }</option>
                <option value="date-desc" selected={sort == Sort::DateDesc}>{ "Date, newest first" }</option>
            </select>
        </div>
    }
}

/// The "From" (`which` = "from") or "To" year of the range, between the
/// corpus' first and last years.
fn year_bound(
    view: &ViewState,
    which: &'static str,
    (min_year, max_year): (u16, u16),
    go: impl Fn(ViewState) + 'static,
) -> Html {
    let value = if which == "from" {
        view.year_from
    } else {
        view.year_to
    };
    let onchange = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let year = el.value().trim().parse::<u16>().ok();
            let mut next = view.clone();
            if which == "from" {
                next.year_from = year
            } else {
                next.year_to = year
            }
            // Let the codec normalize (e.g. a reversed range) exactly as for a URL.
            let (normal, _) = ViewState::decode(&next.encode());
            go(normal);
        })
    };
    html! {
        <label class="year-bound">
            { if which == "from" { "From" } else { "To" } }
            <input type="number" name={which} min={min_year.to_string()} max={max_year.to_string()}
                   inputmode="numeric" placeholder={if which == "from" { min_year.to_string() } else { max_year.to_string() }}
                   value={value.map(|y| y.to_string()).unwrap_or_default()} {onchange} />
        </label>
    }
}

/// Whether any filter is set, so there is something to clear.
fn any_filter(view: &ViewState) -> bool {
    !(view.speakers.is_empty()
        && view.years.is_empty()
        && view.themes.is_empty()
        && view.entities.is_empty()
        && view.year_from.is_none()
        && view.year_to.is_none()
        && view.entities.is_empty())
}

/// A toggle of one facet value, the same callback on every render (see
/// [`OptionProps::ontoggle`]): it reads the view from `latest` when called.
#[hook]
fn use_toggle(view: &ViewState, navigator: Navigator) -> Callback<(&'static str, String)> {
    // The latest view, read when an option is toggled, so the toggle callback
    // can stay the same across renders (typing re-renders this panel on every
    // keystroke; unchanged options are then skipped).
    let latest = use_mut_ref(|| view.clone());
    *latest.borrow_mut() = view.clone();
    use_callback((), move |(name, value): (&'static str, String), _| {
        let mut v = latest.borrow().clone();
        match name {
            "speaker" => v.speakers = toggled(&v.speakers, &value),
            "theme" => v.themes = toggled(&v.themes, &value),
            "year" => {
                if let Ok(y) = value.parse::<u16>() {
                    v.years = toggled(&v.years, &y);
                    csto_core::util::order::sort(&mut v.years);
                }
            }
            _ => return,
        }
        navigator.go(v, Nav::Push);
    })
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let corpus = &bundle().corpus;
    let view = &props.outcome.view;
    let facets = &props.outcome.results.facets;
    let toggle = use_toggle(view, navigator.clone());
    let go = move |v: ViewState| navigator.go(v, Nav::Push);

    let speakers = corpus.speakers.iter().enumerate().map(|(i, sp)| {
        html! {
            <FacetOption key={sp.id.clone()} name="speaker" value={sp.id.clone()} label={sp.name.clone()}
                count={facets.speakers[i]} checked={view.speakers.contains(&sp.id)}
                ontoggle={toggle.clone()} />
        }
    });
    let years = facets.years.iter().map(|&(y, count)| {
        html! {
            <FacetOption key={y.to_string()} name="year" value={y.to_string()} label={y.to_string()}
                count={count} checked={view.years.contains(&y)}
                ontoggle={toggle.clone()} />
        }
    });
    let mut themes: Vec<usize> = (0..corpus.themes.len()).collect();
    csto_core::util::order::sort_by_key(&mut themes, |&i| {
        std::cmp::Reverse(facets.themes[i].passages)
    });
    let themes = themes.into_iter().map(|i| {
        let t = &corpus.themes[i];
        html! {
            <FacetOption key={t.id.clone()} name="theme" value={t.id.clone()} label={t.label.clone()}
                count={facets.themes[i]} checked={view.themes.contains(&t.id)}
                ontoggle={toggle.clone()} />
        }
    });
    let year_span = (
        facets.years.first().map_or(2004, |y| y.0),
        facets.years.last().map_or(2024, |y| y.0),
    );
    let clear = {
        let view = view.clone();
        let go = go.clone();
        Callback::from(move |_| {
            go(ViewState {
                q: view.q.clone(),
                sort: view.sort,
                ..ViewState::default()
            })
        })
    };

    html! {
        <aside class="facets" aria-label="Filters">
            { sort_select(view, go.clone()) }
            if any_filter(view) {
                <button type="button" class="clear" onclick={clear}>{ "Clear filters" }</button>
            }
            <fieldset class="facet" id="facet-speaker">
                <legend>{ "Speaker" }</legend>
                <ul>{ for speakers }</ul>
            </fieldset>
            <fieldset class="facet" id="facet-year">
                <legend>{ "Year" }</legend>
                <div class="year-range">
                    { year_bound(view, "from", year_span, go.clone()) }
                    { year_bound(view, "to", year_span, go) }
                </div>
                <ul>{ for years }</ul>
            </fieldset>
            <fieldset class="facet" id="facet-theme">
                <legend>{ "Theme" }</legend>
                <ul>{ for themes }</ul>
            </fieldset>
            <EntityFacet outcome={props.outcome.clone()} />
        </aside>
    }
}
