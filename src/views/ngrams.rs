//! N-grams: sequences of `n` words (2–5, `n=`) that recur within a
//! paragraph of the statements passing the filters, with frequency, rate and
//! range; computed by `csto_core::analysis::ngrams`, counted by stem so each
//! count is what the phrase search finds. The minimum frequency (`min=`,
//! default 2), stop-word n-grams shown or hidden (`stop=`), "only those with
//! the query's words" (`with=1`) and the order (`tsort=`) are in the URL;
//! each n-gram searches its phrase.

use crate::components::data_table::{sort_ranked, Cell, Column, DataTable, Ranked, Rows};
use crate::components::link_choices::{Choice, LinkChoices};
use crate::components::method::Method;
use crate::corpus::bundle;
use crate::format::{plural, thousands};
use crate::state::{filtered_statements, SharedOutcome};
use csto_core::analysis::{ngrams, NgramOptions, NgramRow, Unit};
use csto_core::model::TermId;
use csto_core::order;
use csto_core::query::{Atom, Query};
use csto_core::view::{Params, TableSort, ViewState, MAX_N};
use std::rc::Rc;
use yew::prelude::*;

/// The minimum frequencies offered as links.
const MINS: [u32; 5] = [1, 2, 3, 5, 10];

#[derive(Properties, PartialEq)]
pub struct NgramsProps {
    pub outcome: SharedOutcome,
}

struct Computed {
    tokens: u64,
    statements: u32,
    /// The query words the rows were restricted to (`with=1`), as typed.
    with_words: Vec<String>,
    sort: TableSort,
    columns: Rc<Vec<Column>>,
    rows: Rows,
}

fn effective_sort(view: &ViewState) -> TableSort {
    match view.params.table_sort {
        Some(s @ (TableSort::Range | TableSort::Alpha)) => s,
        _ => TableSort::Frequency,
    }
}

/// The words and phrases the query asks for (not those it excludes, not
/// prefixes or wildcards), as the raw text typed and as index terms.
fn query_words(query: &Query) -> (Vec<String>, Vec<TermId>) {
    fn walk(atom: &Atom, raw: &mut Vec<String>, terms: &mut Vec<String>) {
        match atom {
            Atom::Term { raw: r, term } => {
                raw.push(r.clone());
                terms.push(term.clone());
            }
            Atom::Phrase { raw: r, terms: t } => {
                raw.push(r.clone());
                terms.extend(t.iter().cloned());
            }
            Atom::Near { left, right, .. } => {
                walk(left, raw, terms);
                walk(right, raw, terms);
            }
            Atom::Prefix { .. } | Atom::Wildcard { .. } => {}
        }
    }
    let (mut raw, mut terms) = (Vec::new(), Vec::new());
    for clause in query.clauses.iter().filter(|c| !c.negated) {
        for atom in &clause.alternatives {
            walk(atom, &mut raw, &mut terms);
        }
    }
    let index = &bundle().index;
    let mut ids: Vec<TermId> = terms.iter().filter_map(|t| index.term_id(t)).collect();
    order::sort_dedup(&mut ids);
    (raw, ids)
}

/// `view`'s query matters only with `with=1`; otherwise it is cleared from
/// the memo key.
fn compute(view: &ViewState) -> Computed {
    let bundle = bundle();
    let selected = filtered_statements(view);
    let p = &view.params;
    let (with_words, containing) = if p.with_query {
        query_words(&Query::parse(&view.q))
    } else {
        (Vec::new(), Vec::new())
    };
    let n = p.n();
    let options = NgramOptions {
        min_len: n,
        max_len: n,
        min_freq: p.min_freq(),
        unit: Unit::Stem,
        containing,
    };
    let mut list = ngrams(bundle, &selected, &options);
    if p.with_query && options.containing.is_empty() {
        // the query names no word of the corpus: no n-gram contains one
        list.rows.clear();
    }
    if !p.stop_words.unwrap_or(true) {
        list.rows.retain(|r| !r.stop);
    }
    let sort = effective_sort(view);
    sort_ranked(&mut list.rows, sort);

    let columns = vec![
        Column::text("ngram", "N-gram")
            .heads_rows()
            .sorts_by(TableSort::Alpha),
        Column::number("freq", "Frequency").sorts_by(TableSort::Frequency),
        Column::number("per_10k", "Per 10k").titled("occurrences per 10,000 words"),
        Column::number("range", "Range")
            .sorts_by(TableSort::Range)
            .titled("statements containing it"),
    ];
    let rows = list
        .rows
        .iter()
        .map(|r| {
            let to = view.search_for(format!("\"{}\"", r.words));
            vec![
                Cell::Link(r.words.clone(), to),
                Cell::Count(r.freq as u64),
                Cell::figure(r.per_10k, 1),
                Cell::Count(r.range as u64),
            ]
        })
        .collect();
    Computed {
        tokens: list.tokens,
        statements: selected.len() as u32,
        with_words,
        sort,
        columns: Rc::new(columns),
        rows: Rows(Rc::new(rows)),
    }
}

#[component]
pub fn NgramsView(props: &NgramsProps) -> Html {
    let outcome = &props.outcome;
    let view = &outcome.view;
    let p = &view.params;
    let key = if p.with_query {
        view.clone()
    } else {
        ViewState {
            q: String::new(),
            ..view.clone()
        }
    };
    let c = use_memo(key, compute);
    let n = p.n();
    let min = p.min_freq();
    let stop_shown = p.stop_words.unwrap_or(true);

    let with = |f: &dyn Fn(&mut ViewState)| {
        let mut to = view.clone();
        f(&mut to);
        to
    };
    let lengths: Vec<Choice> = (2..=MAX_N)
        .map(|k| Choice {
            label: k.to_string(),
            to: with(&|v| v.params.n = (k != Params::DEFAULT_N).then_some(k)),
            current: k == n,
        })
        .collect();
    let mut mins: Vec<u32> = MINS.to_vec();
    if !mins.contains(&min) {
        mins.push(min);
    }
    let mins: Vec<Choice> = mins
        .into_iter()
        .map(|m| Choice {
            label: m.to_string(),
            to: with(&|v| v.params.min_freq = (m != Params::DEFAULT_MIN).then_some(m)),
            current: m == min,
        })
        .collect();
    let stop = vec![
        Choice {
            label: "Shown".into(),
            to: with(&|v| v.params.stop_words = None),
            current: stop_shown,
        },
        Choice {
            label: "Hidden".into(),
            to: with(&|v| v.params.stop_words = Some(false)),
            current: !stop_shown,
        },
    ];
    let has_query = !outcome.query.is_browse();
    let which = vec![
        Choice {
            label: "All".into(),
            to: with(&|v| v.params.with_query = false),
            current: !p.with_query,
        },
        Choice {
            label: "With the query's words".into(),
            to: with(&|v| v.params.with_query = true),
            current: p.with_query,
        },
    ];

    let order = match c.sort {
        TableSort::Range => "widest range first",
        TableSort::Alpha => "A–Z",
        _ => "most frequent first",
    };
    let containing = if p.with_query {
        format!(" containing {}", c.with_words.join(" or "))
    } else {
        String::new()
    };
    let caption = format!(
        "{n}-word sequences{containing} occurring at least {min} times in {} ({} tokens){}, {order}",
        plural(c.statements as usize, "statement", "statements"),
        thousands(c.tokens as usize),
        if stop_shown { "" } else { ", stop-word sequences hidden" },
    );

    html! {
        <section class="ngrams-view" aria-labelledby="ngrams-heading">
            <h2 id="ngrams-heading" class="view-heading">{ "N-grams" }</h2>
            <div class="view-controls">
                <LinkChoices id="ngrams-n" label="Words (n)" choices={lengths} />
                <LinkChoices id="ngrams-min" label="Minimum frequency" choices={mins} />
                <LinkChoices id="ngrams-stop" label="Only stop words" choices={stop} />
                <LinkChoices id="ngrams-with" label="N-grams" choices={which} />
            </div>
            if p.with_query && !has_query {
                <p class="note">{ "Type a search term above: only the n-grams containing its words are listed." }</p>
            } else if p.with_query && c.with_words.is_empty() {
                <p class="note">{ "The query names no word to look for (prefixes and wildcards are not used here)." }</p>
            }
            <Method>
                <p>{ "A token is a word of the search index: a run of letters and digits in a statement's paragraphs (a hyphen splits words; headings and speaker leads are not counted), case and accents folded. An n-gram is n consecutive tokens within one paragraph (punctuation between them does not part them, a paragraph end does). Counted by stem, as the phrase search matches, so “international terrorism” and “international terrorists” are one n-gram, shown in its most frequent wording, and its quoted phrase finds it exactly as often as counted." }</p>
                <p>{ format!("N = {} tokens in the {} passing the filters; n = {n}; minimum frequency {min} (default {}). Frequency: occurrences (overlapping ones each count). Per 10k = frequency / N × 10,000. Range: statements containing it (of {}).",
                    thousands(c.tokens as usize), plural(c.statements as usize, "statement", "statements"), Params::DEFAULT_MIN, c.statements) }</p>
                <p>{ "Hiding stop words leaves out the n-grams made only of stop words (“of the”, “in the”). “With the query's words” keeps the n-grams containing a word of the current search (its words and phrases, not the excluded ones, prefixes or wildcards), compared by stem; the counts do not change." }</p>
            </Method>
            if c.statements == 0 {
                <div class="empty"><p>{ "No statement passes these filters." }</p></div>
            } else {
                <DataTable view={view.clone()} class="ngram-list" caption={caption}
                           columns={c.columns.clone()} rows={c.rows.clone()}
                           sorted_by={Some(c.sort)} export_name="csto-ngrams" />
            }
        </section>
    }
}

impl Ranked for NgramRow {
    fn freq(&self) -> u32 {
        self.freq
    }
    fn range(&self) -> u32 {
        self.range
    }
    fn label(&self) -> &str {
        &self.words
    }
}
