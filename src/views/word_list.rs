//! Word list: every word form of the statements passing the filters (or,
//! grouped, every stem) with its frequency, rate per 10,000 words, range and
//! share, as AntConc's Word List shows them; computed by
//! `csto_core::analysis::word_list`. Stop words shown or hidden (`stop=`),
//! grouping by stem (`stem=1`), the minimum frequency (`min=`, default 1
//! here: every word) and the order (`tsort=`) are in the URL; each word
//! searches itself.

use crate::components::data_table::{sort_ranked, Cell, Column, DataTable, Ranked, Rows};
use crate::components::link_choices::{Choice, LinkChoices};
use crate::components::method::Method;
use crate::corpus::bundle;
use crate::format::{plural, thousands};
use crate::state::{filtered_statements, SharedOutcome};
use csto_core::analysis::{word_list, Unit, WordListOptions, WordRow};
use csto_core::decimal::fixed;
use csto_core::view::{TableSort, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// The word list's minimum frequency when the URL names none: every word,
/// so the frequencies add up to N.
const DEFAULT_MIN: u32 = 1;
/// The minimum frequencies offered as links.
const MINS: [u32; 5] = [1, 2, 3, 5, 10];

#[derive(Properties, PartialEq)]
pub struct WordListProps {
    pub outcome: SharedOutcome,
}

/// The table and the totals its caption and method state.
struct Computed {
    tokens: u64,
    types: u32,
    statements: u32,
    sort: TableSort,
    columns: Rc<Vec<Column>>,
    rows: Rows,
}

/// The order in effect: frequency, range or A–Z (the collocate orders fall
/// back to frequency).
fn effective_sort(view: &ViewState) -> TableSort {
    match view.params.table_sort {
        Some(s @ (TableSort::Range | TableSort::Alpha)) => s,
        _ => TableSort::Frequency,
    }
}

/// `view` with `q` cleared: the word list does not depend on the query, and
/// its links replace it.
fn compute(view: &ViewState) -> Computed {
    let bundle = bundle();
    let selected = filtered_statements(view);
    let by_stem = view.params.by_stem;
    let options = WordListOptions {
        unit: if by_stem { Unit::Stem } else { Unit::Word },
        min_freq: view.params.min_freq.unwrap_or(DEFAULT_MIN),
    };
    let mut list = word_list(bundle, &selected, &options);
    if !view.params.stop_words.unwrap_or(true) {
        list.rows.retain(|r| !r.stop);
    }
    let sort = effective_sort(view);
    sort_ranked(&mut list.rows, sort);

    let mut columns = vec![Column::text(
        "word",
        if by_stem {
            "Stem (its most frequent form)"
        } else {
            "Word"
        },
    )
    .heads_rows()
    .sorts_by(TableSort::Alpha)];
    if by_stem {
        columns.push(Column::text("forms", "Forms"));
    }
    columns.extend([
        Column::number("freq", "Frequency").sorts_by(TableSort::Frequency),
        Column::number("per_10k", "Per 10k").titled("occurrences per 10,000 words"),
        Column::number("range", "Range")
            .sorts_by(TableSort::Range)
            .titled("statements containing it"),
        Column::number("share", "Share").titled("frequency / tokens"),
    ]);
    let rows = list
        .rows
        .iter()
        .map(|r| {
            let to = view.search_for(r.word.clone());
            let mut cells = vec![Cell::Link(r.word.clone(), to)];
            if by_stem {
                cells.push(Cell::Text(r.forms.join(", ")));
            }
            cells.extend([
                Cell::Count(r.freq as u64),
                Cell::figure(r.per_10k, 1),
                Cell::Count(r.range as u64),
                Cell::Figure {
                    shown: format!("{}%", fixed(r.share * 100.0, 2)),
                    value: r.share,
                },
            ]);
            cells
        })
        .collect();
    Computed {
        tokens: list.tokens,
        types: list.types,
        statements: list.statements,
        sort,
        columns: Rc::new(columns),
        rows: Rows(Rc::new(rows)),
    }
}

#[component]
pub fn WordListView(props: &WordListProps) -> Html {
    let view = &props.outcome.view;
    let key = ViewState {
        q: String::new(),
        ..view.clone()
    };
    let c = use_memo(key, compute);
    let p = &view.params;
    let stop_shown = p.stop_words.unwrap_or(true);
    let min = p.min_freq.unwrap_or(DEFAULT_MIN);

    let with = |f: &dyn Fn(&mut ViewState)| {
        let mut to = view.clone();
        f(&mut to);
        to
    };
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
    let unit = vec![
        Choice {
            label: "Word forms".into(),
            to: with(&|v| v.params.by_stem = false),
            current: !p.by_stem,
        },
        Choice {
            label: "Grouped by stem".into(),
            to: with(&|v| v.params.by_stem = true),
            current: p.by_stem,
        },
    ];
    let mut mins: Vec<u32> = MINS.to_vec();
    if !mins.contains(&min) {
        mins.push(min);
    }
    let mins: Vec<Choice> = mins
        .into_iter()
        .map(|m| Choice {
            label: m.to_string(),
            to: with(&|v| v.params.min_freq = (m != DEFAULT_MIN).then_some(m)),
            current: m == min,
        })
        .collect();

    let what = if p.by_stem { "Stems" } else { "Word forms" };
    let order = match c.sort {
        TableSort::Range => "widest range first",
        TableSort::Alpha => "A–Z",
        _ => "most frequent first",
    };
    let caption = format!(
        "{what} of {} ({} tokens, {} types){}{}, {order}",
        plural(c.statements as usize, "statement", "statements"),
        thousands(c.tokens as usize),
        thousands(c.types as usize),
        if min > 1 {
            format!(", occurring at least {min} times")
        } else {
            String::new()
        },
        if stop_shown {
            ""
        } else {
            ", stop words hidden"
        },
    );

    html! {
        <section class="word-list-view" aria-labelledby="words-heading">
            <h2 id="words-heading" class="view-heading">{ "Word list" }</h2>
            <div class="view-controls">
                <LinkChoices id="words-unit" label="Count" choices={unit} />
                <LinkChoices id="words-stop" label="Stop words" choices={stop} />
                <LinkChoices id="words-min" label="Minimum frequency" choices={mins} />
            </div>
            <Method>
                <p>{ "A token is a word of the search index: a run of letters and digits in a statement's paragraphs (a hyphen splits words; headings and speaker leads are not counted), with case and accents folded, so “Terrorism” and “terrorism” are one word form. Grouped by stem, the forms the search treats as one (Snowball English stemmer: terrorism, terrorist, terrorists) make one row, named by its most frequent form." }</p>
                <p>{ format!("N = {} tokens in the {} passing the filters. Frequency: occurrences. Per 10k = frequency / N × 10,000. Range: statements containing it (of {}). Share = frequency / N. With every word shown (minimum 1, the default here), the frequencies add up to N.",
                    thousands(c.tokens as usize), plural(c.statements as usize, "statement", "statements"), c.statements) }</p>
                <p>{ format!("Stop words (a list of {} function words such as the, of, and, compared by stem) are {}. Each word searches itself, with the search's stemming and aliases, so the search may find more than the form counted here.",
                    csto_core::analysis::STOP_WORDS.len(), if stop_shown { "shown" } else { "hidden" }) }</p>
            </Method>
            if c.statements == 0 {
                <div class="empty"><p>{ "No statement passes these filters." }</p></div>
            } else {
                <DataTable view={view.clone()} class="word-list" caption={caption}
                           columns={c.columns.clone()} rows={c.rows.clone()}
                           sorted_by={Some(c.sort)} export_name="csto-words" />
            }
        </section>
    }
}

impl Ranked for WordRow {
    fn freq(&self) -> u32 {
        self.freq
    }
    fn range(&self) -> u32 {
        self.range
    }
    fn label(&self) -> &str {
        &self.word
    }
}
