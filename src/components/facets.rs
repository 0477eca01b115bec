//! Filters by speaker, year (single years and a range) and theme, with the
//! number of statements and passages each value would give, plus the sort.
//! Every change pushes a history entry.

use crate::components::entities::EntityFacet;
use crate::corpus::bundle;
use crate::routing::{Nav, Navigator};
use crate::state::SharedOutcome;
use csto_core::search::{FacetCount, Facets, Sort};
use csto_core::view::{Facet, Keyed, ViewState, YearBound};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub outcome: SharedOutcome,
}

#[derive(Properties, PartialEq)]
struct OptionProps {
    facet: Facet,
    value: String,
    label: String,
    count: FacetCount,
    checked: bool,
    /// Toggles (facet, value). The same callback on every render, so an
    /// option whose count and state did not change is not re-rendered.
    ontoggle: Callback<(Facet, String)>,
}

#[component]
fn FacetOption(props: &OptionProps) -> Html {
    let name = props.facet.key();
    let id = format!("f-{name}-{}", props.value);
    let onchange = {
        let (toggle, facet, value) = (props.ontoggle.clone(), props.facet, props.value.clone());
        Callback::from(move |_: Event| toggle.emit((facet, value.clone())))
    };
    let empty = props.count.passages == 0 && !props.checked;
    html! {
        <li class={classes!("facet-option", empty.then_some("zero"))}>
            <input type="checkbox" id={id.clone()} {name} value={props.value.clone()}
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
            go(view.sorted_by(Sort::from_key(&el.value())));
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

/// The "From" or "To" year of the range, between the corpus' first and
/// last years.
fn year_bound(
    view: &ViewState,
    bound: YearBound,
    (min_year, max_year): (u16, u16),
    go: impl Fn(ViewState) + 'static,
) -> Html {
    let value = bound.of(view);
    let onchange = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let year = el.value().trim().parse::<u16>().ok();
            go(view.with_year_bound(bound, year));
        })
    };
    let placeholder = match bound {
        YearBound::From => min_year,
        YearBound::To => max_year,
    };
    html! {
        <label class="year-bound">
            { bound.label() }
            <input type="number" name={bound.key()} min={min_year.to_string()} max={max_year.to_string()}
                   inputmode="numeric" placeholder={placeholder.to_string()}
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
fn use_toggle(view: &ViewState, navigator: Navigator) -> Callback<(Facet, String)> {
    // The latest view, read when an option is toggled, so the toggle callback
    // can stay the same across renders (typing re-renders this panel on every
    // keystroke; unchanged options are then skipped).
    let latest = use_mut_ref(|| view.clone());
    *latest.borrow_mut() = view.clone();
    use_callback((), move |(facet, value): (Facet, String), _| {
        if let Some(next) = latest.borrow().toggled_facet(facet, &value) {
            navigator.go(next, Nav::Push);
        }
    })
}

/// The options of a facet of the panel, in its order: (value, label,
/// count). Speakers in corpus order, years ascending, themes by passages.
fn facet_values(facet: Facet, facets: &Facets) -> Vec<(String, String, FacetCount)> {
    let corpus = &bundle().corpus;
    match facet {
        Facet::Speaker => corpus
            .speakers
            .iter()
            .zip(&facets.speakers)
            .map(|(sp, &c)| (sp.id.clone(), sp.name.clone(), c))
            .collect(),
        Facet::Year => facets
            .years
            .iter()
            .map(|&(y, c)| (y.to_string(), y.to_string(), c))
            .collect(),
        Facet::Theme => {
            let mut themes: Vec<usize> = (0..corpus.themes.len()).collect();
            csto_core::util::order::sort_by_key(&mut themes, |&i| {
                std::cmp::Reverse(facets.themes[i].passages)
            });
            themes
                .into_iter()
                .map(|i| {
                    let t = &corpus.themes[i];
                    (t.id.clone(), t.label.clone(), facets.themes[i])
                })
                .collect()
        }
        // A panel of its own: [`EntityFacet`].
        Facet::Entity => Vec::new(),
    }
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let view = &props.outcome.view;
    let facets = &props.outcome.results.facets;
    let toggle = use_toggle(view, navigator.clone());
    let go = move |v: ViewState| navigator.go(v, Nav::Push);

    let year_span = (
        facets.years.first().map_or(2004, |y| y.0),
        facets.years.last().map_or(2024, |y| y.0),
    );
    let fieldset = |facet: Facet, extra: Html| {
        let options = facet_values(facet, facets).into_iter().map(|(value, label, count)| {
            let checked = view.has_facet_value(facet, &value);
            html! {
                <FacetOption key={value.clone()} {facet} {checked} value={value.clone()} {label} {count}
                    ontoggle={toggle.clone()} />
            }
        });
        html! {
            <fieldset class="facet" id={format!("facet-{}", facet.key())}>
                <legend>{ facet.label() }</legend>
                { extra }
                <ul>{ for options }</ul>
            </fieldset>
        }
    };
    let year_range = html! {
        <div class="year-range">
            { year_bound(view, YearBound::From, year_span, go.clone()) }
            { year_bound(view, YearBound::To, year_span, go.clone()) }
        </div>
    };
    let clear = {
        let (view, go) = (view.clone(), go.clone());
        Callback::from(move |_| go(view.cleared_filters()))
    };

    html! {
        <aside class="facets" aria-label="Filters">
            { sort_select(view, go) }
            if any_filter(view) {
                <button type="button" class="clear" onclick={clear}>{ "Clear filters" }</button>
            }
            { fieldset(Facet::Speaker, html! {}) }
            { fieldset(Facet::Year, year_range) }
            { fieldset(Facet::Theme, html! {}) }
            <EntityFacet outcome={props.outcome.clone()} />
        </aside>
    }
}
