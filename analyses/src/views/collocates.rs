//! Collocates: the words within L words left and R right of the query's
//! word (the node) in the statements passing the filters, with observed and
//! expected co-occurrence, MI, log-Dice and G² (`csto_core::analysis::
//! collocates`, after #LancsBox and Brezina 2018). The window, the minimum
//! co-occurrence, the stop-word switch and the order live in the URL
//! (`l=`, `r=`, `min=`, `stop=`, `tsort=`); each collocate opens the
//! concordance of `node NEAR/w collocate`.

use super::common::{empty, heading, method, seg_group, with, TableData, APOSTROPHES, STEMMER};
use crate::Context;
use csto_core::analysis::{collocates, CollocateOptions, CollocateRow, Collocates, STOP_WORDS};
use csto_core::index::Index;
use csto_core::model::{StatementId, TermId};
use csto_core::panel::{el, link, Attr, Cell, Choice, Column, Element, Node, Select, Tag};
use csto_core::query::{Atom, Query};
use csto_core::util::decimal::{plural_thousands, thousands};
use csto_core::util::order;
use csto_core::view::{Params, TableSort, ViewState, COLLOCATES_MIN, WINDOW_LEFT, WINDOW_RIGHT};

/// The collocation node (not a panel `Node`): the index terms of the
/// query's words and patterns (phrases and NEAR are not nodes), and those
/// words as typed, for the NEAR links.
#[derive(Debug, Clone, PartialEq, Default)]
struct CollocationNode {
    terms: Vec<TermId>,
    words: Vec<String>,
    /// Parts of the query that are not used as the node.
    ignored: Vec<String>,
}

fn collocation_node(query: &Query, index: &Index) -> CollocationNode {
    let mut node = CollocationNode::default();
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
fn near_query(node: &CollocationNode, within: u8, collocate: &str) -> String {
    node.words
        .iter()
        .map(|w| format!("{w} NEAR/{within} {collocate}"))
        .collect::<Vec<_>>()
        .join(" OR ")
}

fn columns() -> Vec<Column> {
    vec![
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
    ]
}

/// The collocates of the view's node, sorted and filtered as the URL says,
/// and how many stop words were left out.
fn compute(
    cx: &Context,
    node: &CollocationNode,
    statements: &[StatementId],
) -> (Collocates, usize) {
    let view = &cx.view;
    let options = CollocateOptions {
        left: WINDOW_LEFT.get(view.params.left),
        right: WINDOW_RIGHT.get(view.params.right),
        min_cooccurrence: COLLOCATES_MIN.get(view.params.min_freq),
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
        collocates(cx.bundle, statements, &node.terms, &options)
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
    (result, hidden)
}

/// A labelled `<select>` of whole numbers that opens the view with the
/// chosen value (`set` writes it into the view).
fn number_select(
    id: &str,
    label: &str,
    current: u32,
    values: impl Iterator<Item = u32>,
    view: &ViewState,
    set: fn(&mut Params, u32),
) -> Node {
    let mut values: Vec<u32> = values.collect();
    if !values.contains(&current) {
        values.push(current);
        order::sort(&mut values);
    }
    Select {
        id: id.into(),
        label: label.into(),
        choices: values
            .into_iter()
            .map(|x| {
                Choice::new(
                    x.to_string(),
                    &with(view, |v| set(&mut v.params, x)),
                    x == current,
                )
            })
            .collect(),
    }
    .into()
}

/// The view with no node: what to type, and an example to open.
fn no_collocation_node(view: &ViewState, node: &CollocationNode) -> Node {
    let example = view.with_query("terrorism");
    let why = if node.ignored.is_empty() {
        "Collocates are the words found near the word you search for (the node). Type a word above, or a pattern such as terror*.".to_string()
    } else {
        format!(
            "Collocates need a word or a pattern (terror*) as the node; {} cannot be one. Search for a single word instead.",
            node.ignored.iter().map(|i| format!("“{i}”")).collect::<Vec<_>>().join(", ")
        )
    };
    el(Tag::Div)
        .class("empty")
        .child(el(Tag::P).text(why))
        .child(
            el(Tag::P)
                .class("hint")
                .text("For example: ")
                .child(link(&example, "the collocates of terrorism")),
        )
        .into()
}

/// The collocates' table: every row, as its download holds them (none
/// without a node, or when no row is left).
pub fn tables(cx: &Context) -> Vec<TableData> {
    let node = collocation_node(&cx.query, cx.bundle.index());
    if node.terms.is_empty() {
        return Vec::new();
    }
    let (r, _) = compute(cx, &node, &cx.statements());
    table(&cx.view, &node, &r).into_iter().collect()
}

/// The table of the collocates `r` of `node`: each collocate opens the
/// concordance of the node NEAR it.
fn table(view: &ViewState, node: &CollocationNode, r: &Collocates) -> Option<TableData> {
    if r.node_freq == 0 || r.rows.is_empty() {
        return None;
    }
    let within = r.left.max(r.right).max(1);
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let to = view.concordance_of(near_query(node, within, &row.word));
            vec![
                Cell::link(row.word.clone(), &to),
                Cell::Count(row.observed as u64),
                Cell::Count(row.collocate_freq as u64),
                Cell::figure(row.expected, 2),
                Cell::figure(row.mi, 2),
                Cell::figure(row.log_dice, 2),
                Cell::figure(row.g2, 1),
            ]
        })
        .collect();
    Some(TableData::new("csto-collocates", view, columns(), rows))
}

/// The collocates view of `cx`.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let node = collocation_node(&cx.query, cx.bundle.index());
    let section = el(Tag::Section)
        .class("collocates-view")
        .attr(Attr::AriaLabelledby, "colloc-heading")
        .child(heading("colloc-heading", "Collocates"));
    if node.terms.is_empty() {
        return section.child(no_collocation_node(view, &node)).into();
    }
    let statements = cx.statements();
    let (r, hidden) = compute(cx, &node, &statements);
    let sort = effective_sort(view);
    let table = table(view, &node, &r);

    let node_name = node
        .words
        .iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(" or ");
    let what = what(view, &r, &node_name, statements.len(), hidden);
    let body: Node = match table {
        Some(table) => table.table(
            "collocates-table",
            format!("Collocates of {node_name}, {}", sort_name(sort)),
            Some(sort),
        ),
        None if r.node_freq == 0 => empty(format!(
            "{node_name} does not occur in the statements passing these filters."
        )),
        None => empty("No word co-occurs often enough: widen the window, lower the minimum, or show stop words."),
    };

    section
        .child(controls(view, &r))
        .child(el(Tag::P).class("what").text(what))
        .child(method_of(view, &r, statements.len()))
        .child(body)
        .into()
}

/// The controls: the window on each side, the minimum co-occurrence, and
/// stop words hidden or shown.
fn controls(view: &ViewState, r: &Collocates) -> Element {
    let shown = stop_shown(view);
    let stop_link = |show: bool, label: &str| {
        let to = with(view, |v| v.params.stop_words = show.then_some(true));
        el(Tag::Li).child(
            link(&to, label)
                .class(if show {
                    "seg stop-show"
                } else {
                    "seg stop-hide"
                })
                .current(show == shown),
        )
    };
    let span = WINDOW_LEFT.min as u32..=WINDOW_LEFT.max as u32;
    el(Tag::Div)
        .class("view-controls colloc-controls")
        .child(
            el(Tag::Div)
                .class("seg-group window-choice")
                .attr(Attr::Role, "group")
                .attr(Attr::AriaLabel, "Window and minimum")
                .child(number_select(
                    "colloc-left",
                    "Words left",
                    r.left as u32,
                    span.clone(),
                    view,
                    |p, x| p.left = WINDOW_LEFT.keep(x as u8),
                ))
                .child(number_select(
                    "colloc-right",
                    "Words right",
                    r.right as u32,
                    span,
                    view,
                    |p, x| p.right = WINDOW_RIGHT.keep(x as u8),
                ))
                .child(number_select(
                    "colloc-min",
                    "Minimum co-occurrence",
                    COLLOCATES_MIN.get(view.params.min_freq),
                    [1, 2, 3, 4, 5, 10, 20, 50].into_iter(),
                    view,
                    |p, x| p.min_freq = COLLOCATES_MIN.keep(x),
                )),
        )
        .child(seg_group(
            "colloc-stop-label",
            "stop-toggle",
            "Stop words",
            vec![
                stop_link(false, "Hidden").into(),
                stop_link(true, "Shown").into(),
            ],
        ))
}

/// The sentence above the table: the window, the node and its counts, the
/// minimum, the rows and the stop words `hidden`.
fn what(
    view: &ViewState,
    r: &Collocates,
    node_name: &str,
    statements: usize,
    hidden: usize,
) -> String {
    format!(
        "Words within {} to the left and {} to the right of {node_name} ({} among {} in {}), co-occurring at least {}: {}{}.",
        plural_thousands(r.left as usize, "word", "words"),
        r.right,
        plural_thousands(r.node_freq as usize, "occurrence", "occurrences"),
        plural_thousands(r.tokens as usize, "word", "words"),
        plural_thousands(statements, "statement", "statements"),
        plural_thousands(COLLOCATES_MIN.get(view.params.min_freq) as usize, "time", "times"),
        plural_thousands(r.rows.len(), "collocate", "collocates"),
        if hidden > 0 {
            format!(" ({} stop words hidden)", thousands(hidden))
        } else {
            String::new()
        },
    )
}

/// The order `sort` as the caption says it.
fn sort_name(sort: TableSort) -> &'static str {
    match sort {
        TableSort::Frequency => "most co-occurrences first",
        TableSort::Alpha => "A to Z",
        TableSort::Mi => "highest MI first",
        TableSort::LogLikelihood => "highest G² first",
        _ => "highest log-Dice first",
    }
}

/// "How this is computed", with the figures of `r` over `statements`.
fn method_of(view: &ViewState, r: &Collocates, statements: usize) -> Node {
    let within = r.left.max(r.right).max(1);
    method([
        format!("Tokens are the words of the search index: runs of letters and digits in the statements’ paragraphs ({APOSTROPHES}), case and accents folded and stemmed ({STEMMER}), so terrorism, terrorist and terrorists are one term. A collocate is a term, labelled with its most frequent folded form among the tokens that co-occur with the node; of forms equally frequent there, the first in alphabetical order. The node is the query’s words, as alternatives; a pattern such as terror* counts every word it matches; phrases and NEAR are not nodes, and variant spellings are not added."),
        format!("A token co-occurs with the node when it lies within L words to the left or R to the right of a node occurrence in the same paragraph; a token that two nearby node occurrences both reach counts once, so a collocate never co-occurs more often than it occurs. The node’s own terms are not left out: another occurrence of the node within the window co-occurs with it, so the node can be its own collocate. Here N = {} tokens in {}, R1 = {} node occurrences, window L = {}, R = {}, minimum co-occurrence {}.",
            thousands(r.tokens as usize), plural_thousands(statements, "statement", "statements"),
            thousands(r.node_freq as usize), r.left, r.right, COLLOCATES_MIN.get(view.params.min_freq)),
        "With O11 the co-occurrences, C1 the collocate’s frequency: expected E11 = R1·C1/N; MI = log₂(O11·N/(R1·C1)) = log₂(O11/E11); log-Dice = 14 + log₂(2·O11/(R1+C1)) (Rychlý 2008; at most 14, independent of N); G² = 2·Σ Oij·ln(Oij/Eij) over the 2×2 table of node / not node × collocate / not collocate. As in #LancsBox and Brezina (2018, Statistics in Corpus Linguistics, ch. 3), E11 does not grow with the window (AntConc multiplies it by the window size). MI favours rare words, log-Dice does not, G² measures the evidence: read them together.".to_string(),
        format!("Stop words ({} function words such as the, of, and) are hidden by default here; the switch shows them. Each collocate opens the concordance of “node NEAR/{within} collocate”: passages where both occur at most {within} words apart in either order, adjacent words being 1 apart as in the window. With L = R that is exactly the window; otherwise NEAR/{within} (the wider side) also finds the collocate up to {within} words away on the narrower side. A concordance line is one node–collocate pair, so a word between two node occurrences gives two lines where it co-occurs once, and the search adds variant spellings.",
            STOP_WORDS.len()),
    ])
}
