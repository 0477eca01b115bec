//! Collocates: the words within L words left and R right of the query's
//! word (the node) in the statements passing the filters, with observed and
//! expected co-occurrence, MI, log-Dice and G² (`csto_core::analysis::
//! collocates`, after #LancsBox and Brezina 2018). The window, the minimum
//! co-occurrence, the stop-word switch and the order live in the URL
//! (`l=`, `r=`, `min=`, `stop=`, `tsort=`); each collocate opens the
//! concordance of `node NEAR/w collocate`.

use crate::components::data_table::{Cell, Column, DataTable, Rows};
use crate::components::link::ViewLink;
use crate::components::method::Method;
use crate::corpus::bundle;
use crate::format::{plural_thousands, thousands};
use crate::routing::{Nav, Navigator};
use crate::state::{filtered_statements, SharedOutcome};
use csto_core::analysis::{collocates, CollocateOptions, CollocateRow, Collocates, STOP_WORDS};
use csto_core::model::TermId;
use csto_core::order;
use csto_core::query::{Atom, Query};
use csto_core::view::{Params, Tab, TableSort, ViewState, MAX_SPAN};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CollocatesProps {
    pub outcome: SharedOutcome,
}

/// The node: the index terms of the query's words and patterns (phrases
/// and NEAR are not nodes), and those words as typed, for the NEAR links.
#[derive(Debug, Clone, PartialEq, Default)]
struct Node {
    terms: Vec<TermId>,
    words: Vec<String>,
    /// Parts of the query that are not used as the node.
    ignored: Vec<String>,
}

fn node_of(query: &Query) -> Node {
    let index = &bundle().index;
    let mut node = Node::default();
    for clause in query.clauses.iter().filter(|c| !c.negated) {
        for atom in &clause.alternatives {
            let terms = match atom {
                Atom::Term { term, .. } => index.term_id(term).into_iter().collect(),
                Atom::Prefix { folded, .. } => index.prefix_terms(folded),
                Atom::Wildcard { folded, infix, .. } => index.pattern_terms(folded, *infix),
                Atom::Phrase { raw, .. } | Atom::Near { raw, .. } => {
                    node.ignored.push(raw.clone());
                    continue;
                }
            };
            if !terms.is_empty() && !node.words.iter().any(|w| w == atom.raw()) {
                node.words.push(atom.raw().to_string());
            }
            node.terms.extend(terms);
        }
    }
    order::sort_dedup(&mut node.terms);
    node
}

/// The order in effect: the URL's, if it is one of this table's.
fn effective_sort(view: &ViewState) -> TableSort {
    match view.params.table_sort {
        Some(
            s
            @ (TableSort::Frequency | TableSort::Alpha | TableSort::Mi | TableSort::LogLikelihood),
        ) => s,
        _ => TableSort::LogDice,
    }
}

/// Stop words shown (`stop=show`); hidden by default here.
fn stop_shown(view: &ViewState) -> bool {
    view.params.stop_words.unwrap_or(false)
}

/// The query that finds the node near `collocate`: `a NEAR/w c`, one
/// alternative per node word (`a NEAR/w c OR b NEAR/w c`).
fn near_query(node: &Node, within: u8, collocate: &str) -> String {
    node.words
        .iter()
        .map(|w| format!("{w} NEAR/{within} {collocate}"))
        .collect::<Vec<_>>()
        .join(" OR ")
}

fn columns() -> Rc<Vec<Column>> {
    Rc::new(vec![
        Column::text("collocate", "Collocate")
            .heads_rows()
            .sorts_by(TableSort::Alpha),
        Column::number("observed", "Observed")
            .titled("co-occurrences with the node (O11)")
            .sorts_by(TableSort::Frequency),
        Column::number("collocate_freq", "Freq.")
            .titled("the collocate's frequency in the selection (C1)"),
        Column::number("expected", "Expected").titled("co-occurrences expected by chance (E11)"),
        Column::number("mi", "MI")
            .titled("mutual information")
            .sorts_by(TableSort::Mi),
        Column::number("log_dice", "log-Dice").sorts_by(TableSort::LogDice),
        Column::number("g2", "G²")
            .titled("log-likelihood")
            .sorts_by(TableSort::LogLikelihood),
    ])
}

/// The collocates of the view's node, sorted and filtered as the URL says,
/// and the table rows.
#[derive(Debug, Clone)]
struct Computed {
    node: Node,
    statements: usize,
    result: Collocates,
    /// Collocates left out as stop words.
    hidden: usize,
    rows: Rows,
}

fn compute(outcome: &SharedOutcome) -> Computed {
    let bundle = bundle();
    let view = &outcome.view;
    let node = node_of(&outcome.query);
    let selected = filtered_statements(view);
    let options = CollocateOptions {
        left: view.params.left(),
        right: view.params.right(),
        min_cooccurrence: view.params.min_freq(),
    };
    let mut result = if node.terms.is_empty() {
        Collocates {
            tokens: 0,
            node_freq: 0,
            left: options.left,
            right: options.right,
            rows: Vec::new(),
        }
    } else {
        collocates(bundle, &selected, &node.terms, &options)
    };
    let before = result.rows.len();
    if !stop_shown(view) {
        result.rows.retain(|r| !r.stop);
    }
    let hidden = before - result.rows.len();
    let by = |f: fn(&CollocateRow) -> f64| {
        move |a: &CollocateRow, b: &CollocateRow| {
            f(b).total_cmp(&f(a))
                .then(b.log_dice.total_cmp(&a.log_dice))
                .then_with(|| a.word.cmp(&b.word))
        }
    };
    match effective_sort(view) {
        TableSort::Frequency => order::sort_by(&mut result.rows, by(|r| r.observed as f64)),
        TableSort::Mi => order::sort_by(&mut result.rows, by(|r| r.mi)),
        TableSort::LogLikelihood => order::sort_by(&mut result.rows, by(|r| r.g2)),
        TableSort::Alpha => order::sort_by(&mut result.rows, |a, b| a.word.cmp(&b.word)),
        _ => {} // the core's order: log-Dice
    }

    let within = result.left.max(result.right).max(1);
    let rows = result
        .rows
        .iter()
        .map(|r| {
            let to = ViewState {
                q: near_query(&node, within, &r.word),
                tab: Tab::Concordance,
                doc: None,
                para: None,
                kwic_sort: None,
                params: Params::default(),
                ..view.clone()
            };
            vec![
                Cell::link(r.word.clone(), &to),
                Cell::Count(r.observed as u64),
                Cell::Count(r.collocate_freq as u64),
                Cell::figure(r.expected, 2),
                Cell::figure(r.mi, 2),
                Cell::figure(r.log_dice, 2),
                Cell::figure(r.g2, 1),
            ]
        })
        .collect();
    Computed {
        node,
        statements: selected.len(),
        result,
        hidden,
        rows: Rows(Rc::new(rows)),
    }
}

/// A labelled `<select>` of whole numbers that opens the view with the
/// chosen value (`set` writes it into the view).
fn number_select(
    id: &'static str,
    label: &'static str,
    current: u32,
    values: impl Iterator<Item = u32>,
    view: &ViewState,
    navigator: &Navigator,
    set: fn(&mut Params, u32),
) -> Html {
    let onchange = {
        let (view, navigator) = (view.clone(), navigator.clone());
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let Ok(x) = el.value().parse::<u32>() else {
                return;
            };
            let mut to = view.clone();
            set(&mut to.params, x);
            navigator.go(to, Nav::Push);
        })
    };
    let mut values: Vec<u32> = values.collect();
    if !values.contains(&current) {
        values.push(current);
        order::sort(&mut values);
    }
    html! {
        <span class="num-choice">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                { for values.into_iter().map(|x| html! {
                    <option value={x.to_string()} selected={x == current}>{ x.to_string() }</option>
                }) }
            </select>
        </span>
    }
}

/// The view with no node: what to type, and an example to open.
fn no_node(view: &ViewState, node: &Node) -> Html {
    let example = ViewState {
        q: "terrorism".into(),
        ..view.clone()
    };
    let why = if node.ignored.is_empty() {
        "Collocates are the words found near the word you search for (the node). Type a word above, or a pattern such as terror*.".to_string()
    } else {
        format!(
            "Collocates need a word or a pattern (terror*) as the node; {} cannot be one. Search for a single word instead.",
            node.ignored.iter().map(|i| format!("“{i}”")).collect::<Vec<_>>().join(", ")
        )
    };
    html! {
        <div class="empty">
            <p>{ why }</p>
            <p class="hint">{ "For example: " }<ViewLink to={example}>{ "the collocates of terrorism" }</ViewLink></p>
        </div>
    }
}

#[component]
pub fn CollocatesView(props: &CollocatesProps) -> Html {
    let navigator = use_context::<Navigator>().expect("Navigator context");
    let outcome = &props.outcome;
    let view = &outcome.view;
    let computed = use_memo(outcome.clone(), compute);
    let c = &*computed;
    let r = &c.result;
    let sort = effective_sort(view);
    let shown = stop_shown(view);

    let heading = html! { <h2 id="colloc-heading" class="view-heading">{ "Collocates" }</h2> };
    if c.node.terms.is_empty() {
        return html! {
            <section class="collocates-view" aria-labelledby="colloc-heading">
                { heading }
                { no_node(view, &c.node) }
            </section>
        };
    }

    let node_name = c
        .node
        .words
        .iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(" or ");
    let stop_link = |show: bool, label: &str| {
        let mut to = view.clone();
        to.params.stop_words = show.then_some(true);
        html! {
            <li><ViewLink to={to} class={classes!("seg", if show { "stop-show" } else { "stop-hide" })} current={show == shown}>{ label.to_string() }</ViewLink></li>
        }
    };
    let span = 0..=MAX_SPAN as u32;
    let controls = html! {
        <div class="view-controls colloc-controls">
            <div class="seg-group window-choice" role="group" aria-label="Window and minimum">
                { number_select("colloc-left", "Words left", r.left as u32, span.clone(), view, &navigator,
                    |p, x| p.left = (x != Params::DEFAULT_SPAN as u32).then_some(x as u8)) }
                { number_select("colloc-right", "Words right", r.right as u32, span, view, &navigator,
                    |p, x| p.right = (x != Params::DEFAULT_SPAN as u32).then_some(x as u8)) }
                { number_select("colloc-min", "Minimum co-occurrence", view.params.min_freq(),
                    [1, 2, 3, 4, 5, 10, 20, 50].into_iter(), view, &navigator,
                    |p, x| p.min_freq = (x != Params::DEFAULT_MIN).then_some(x)) }
            </div>
            <div class="seg-group">
                <span class="seg-label" id="colloc-stop-label">{ "Stop words" }</span>
                <ul class="segmented stop-toggle" aria-labelledby="colloc-stop-label">
                    { stop_link(false, "Hidden") }
                    { stop_link(true, "Shown") }
                </ul>
            </div>
        </div>
    };
    let within = r.left.max(r.right).max(1);
    let what = format!(
        "Words within {} to the left and {} to the right of {node_name} ({} among {} in {}), co-occurring at least {}: {}{}.",
        plural_thousands(r.left as usize, "word", "words"),
        r.right,
        plural_thousands(r.node_freq as usize, "occurrence", "occurrences"),
        plural_thousands(r.tokens as usize, "word", "words"),
        plural_thousands(c.statements, "statement", "statements"),
        plural_thousands(view.params.min_freq() as usize, "time", "times"),
        plural_thousands(r.rows.len(), "collocate", "collocates"),
        if c.hidden > 0 {
            format!(" ({} stop words hidden)", thousands(c.hidden))
        } else {
            String::new()
        },
    );
    let sort_name = match sort {
        TableSort::Frequency => "most co-occurrences first",
        TableSort::Alpha => "A to Z",
        TableSort::Mi => "highest MI first",
        TableSort::LogLikelihood => "highest G² first",
        _ => "highest log-Dice first",
    };
    let caption = format!("Collocates of {node_name}, {sort_name}");

    html! {
        <section class="collocates-view" aria-labelledby="colloc-heading">
            { heading }
            { controls }
            <p class="what">{ what }</p>
            <Method>
                <p>{ "Tokens are the words of the search index: runs of letters and digits in the statements’ paragraphs, case and accents folded and stemmed, so terrorism, terrorist and terrorists are one term (shown as its most frequent form here). The node is the query’s words, as alternatives; a pattern such as terror* counts every word it matches; phrases and NEAR are not nodes, and variant spellings are not added." }</p>
                <p>{ format!("A token co-occurs with the node when it lies within L words to the left or R to the right of a node occurrence in the same paragraph; a token that two nearby node occurrences both reach counts once, so a collocate never co-occurs more often than it occurs. Here N = {} tokens in {}, R1 = {} node occurrences, window L = {}, R = {}, minimum co-occurrence {}.",
                    thousands(r.tokens as usize), plural_thousands(c.statements, "statement", "statements"),
                    thousands(r.node_freq as usize), r.left, r.right, view.params.min_freq()) }</p>
                <p>{ "With O11 the co-occurrences, C1 the collocate’s frequency: expected E11 = R1·C1/N; MI = log₂(O11·N/(R1·C1)) = log₂(O11/E11); log-Dice = 14 + log₂(2·O11/(R1+C1)) (Rychlý 2008; at most 14, independent of N); G² = 2·Σ Oij·ln(Oij/Eij) over the 2×2 table of node / not node × collocate / not collocate. As in #LancsBox and Brezina (2018, Statistics in Corpus Linguistics, ch. 3), E11 does not grow with the window (AntConc multiplies it by the window size). MI favours rare words, log-Dice does not, G² measures the evidence: read them together." }</p>
                <p>{ format!("Stop words ({} function words such as the, of, and) are hidden by default here; the switch shows them. Each collocate opens the concordance of “node NEAR/{within} collocate”: passages where both occur at most {within} words apart in either order, adjacent words being 1 apart as in the window. With L = R that is exactly the window; otherwise NEAR/{within} (the wider side) also finds the collocate up to {within} words away on the narrower side. A concordance line is one node–collocate pair, so a word between two node occurrences gives two lines where it co-occurs once, and the search adds variant spellings.",
                    STOP_WORDS.len()) }</p>
            </Method>
            if r.node_freq == 0 {
                <div class="empty"><p>{ format!("{node_name} does not occur in the statements passing these filters.") }</p></div>
            } else if r.rows.is_empty() {
                <div class="empty"><p>{ "No word co-occurs often enough: widen the window, lower the minimum, or show stop words." }</p></div>
            } else {
                <DataTable view={view.clone()} class="collocates-table" caption={caption}
                           columns={columns()} rows={c.rows.clone()} sorted_by={Some(sort)}
                           export_name="csto-collocates" />
            }
        </section>
    }
}
