//! Summary: the figures a corpus description starts with, for each
//! statement passing the filters and for them together (tokens, types, TTR,
//! STTR, hapaxes, sentences, mean sentence and word length), then each
//! one's most frequent content words and most distinctive words (against
//! the rest of the corpus); computed by `csto_core::analysis::summary`.
//! Three tables, each exportable; every word searches itself.

use crate::components::data_table::{Cell, Column, DataTable, Rows};
use crate::components::method::Method;
use crate::corpus::bundle;
use crate::format::{plural, statement_label, thousands};
use crate::state::{filtered_statements, SharedOutcome};
use csto_core::analysis::{per_10k, summary, Summary, SummaryOptions, TextStats};
use csto_core::view::ViewState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub outcome: SharedOutcome,
}

/// A table's columns and rows.
struct Table {
    columns: Rc<Vec<Column>>,
    rows: Rows,
}

struct Computed {
    summary: Summary,
    figures: Table,
    frequent: Table,
    distinctive: Table,
}

/// How the selection together is named in the tables.
fn total_label(n: usize) -> String {
    format!("All {}", plural(n, "statement", "statements"))
}

fn figure_cells(label: Cell, s: &TextStats) -> Vec<Cell> {
    vec![
        label,
        Cell::Count(s.tokens as u64),
        Cell::Count(s.types as u64),
        Cell::figure(s.ttr, 3),
        match s.sttr {
            Some(x) => Cell::figure(x, 3),
            None => Cell::Text("—".into()),
        },
        Cell::Count(s.hapaxes as u64),
        Cell::Count(s.sentences as u64),
        Cell::figure(s.mean_sentence_length, 1),
        Cell::figure(s.mean_word_length, 2),
    ]
}

/// `view` with `q` cleared: the summary does not depend on the query.
fn compute(view: &ViewState) -> Computed {
    let bundle = bundle();
    let selected = filtered_statements(view);
    let summary = summary(bundle, &selected, &SummaryOptions::default());
    let search = |word: &str| view.search_for(word);
    // the selection together first, then each statement in date order
    let texts: Vec<(String, Cell, &TextStats)> = std::iter::once((
        total_label(summary.statements.len()),
        Cell::Text(total_label(summary.statements.len())),
        &summary.total,
    ))
    .chain(summary.statements.iter().map(|s| {
        let label = statement_label(s.statement);
        let to = ViewState {
            doc: Some(s.key.clone()),
            para: None,
            ..view.clone()
        };
        (label.clone(), Cell::link(label, &to), &s.stats)
    }))
    .collect();

    let figures = Table {
        columns: Rc::new(vec![
            Column::text("text", "Statement").heads_rows(),
            Column::number("tokens", "Tokens"),
            Column::number("types", "Types"),
            Column::number("ttr", "TTR").titled("type-token ratio"),
            Column::number("sttr", "STTR").titled("standardised type-token ratio"),
            Column::number("hapaxes", "Hapaxes").titled("word forms occurring once"),
            Column::number("sentences", "Sentences"),
            Column::number("mean_sentence_length", "Words per sentence"),
            Column::number("mean_word_length", "Letters per word"),
        ]),
        rows: Rows(Rc::new(
            texts
                .iter()
                .map(|(_, cell, s)| figure_cells(cell.clone(), s))
                .collect(),
        )),
    };
    let frequent = Table {
        columns: Rc::new(vec![
            Column::text("text", "Statement"),
            Column::number("rank", "Rank"),
            Column::text("word", "Word").heads_rows(),
            Column::number("freq", "Frequency"),
            Column::number("per_10k", "Per 10k").titled("occurrences per 10,000 words"),
        ]),
        rows: Rows(Rc::new(
            texts
                .iter()
                .flat_map(|(label, _, s)| {
                    s.top_words.iter().enumerate().map(move |(i, w)| {
                        vec![
                            Cell::Text(label.clone()),
                            Cell::Count(i as u64 + 1),
                            Cell::link(w.word.clone(), &search(&w.word)),
                            Cell::Count(w.freq as u64),
                            Cell::figure(per_10k(w.freq, s.tokens as u64), 1),
                        ]
                    })
                })
                .collect(),
        )),
    };
    let distinctive = Table {
        columns: Rc::new(vec![
            Column::text("text", "Statement"),
            Column::number("rank", "Rank"),
            Column::text("word", "Word").heads_rows(),
            Column::number("freq", "Frequency"),
            Column::number("g2", "G²").titled("log-likelihood"),
            Column::number("log_ratio", "Log Ratio"),
        ]),
        rows: Rows(Rc::new(
            texts
                .iter()
                .flat_map(|(label, _, s)| {
                    s.distinctive.iter().enumerate().map(move |(i, w)| {
                        vec![
                            Cell::Text(label.clone()),
                            Cell::Count(i as u64 + 1),
                            Cell::link(w.word.clone(), &search(&w.word)),
                            Cell::Count(w.freq as u64),
                            Cell::figure(w.g2, 1),
                            Cell::figure(w.log_ratio, 2),
                        ]
                    })
                })
                .collect(),
        )),
    };
    Computed {
        summary,
        figures,
        frequent,
        distinctive,
    }
}

#[component]
pub fn SummaryView(props: &SummaryProps) -> Html {
    let view = &props.outcome.view;
    let key = ViewState {
        q: String::new(),
        ..view.clone()
    };
    let c = use_memo(key, compute);
    let s = &c.summary;
    let n = s.statements.len();
    let whole = n == bundle().corpus.statements.len();
    let t = &s.total;

    html! {
        <section class="summary-view" aria-labelledby="summary-heading">
            <h2 id="summary-heading" class="view-heading">{ "Summary" }</h2>
            <Method>
                <p>{ "A token is a word of the search index: a run of letters and digits in a statement's paragraphs (a hyphen splits words; headings and speaker leads are not counted). Types are distinct word forms with case and accents folded (“Terrorism” = “terrorism”), not stems." }</p>
                <p>{ format!("Together: N = {} tokens, V = {} types in {}. TTR = types / tokens. STTR (standardised TTR, as WordSmith computes it): each statement's tokens are cut into consecutive chunks of {} tokens, the TTR of each full chunk is taken and STTR is their mean (the last, partial chunk of a statement is left out; together: the mean over all {} chunks). Hapaxes: word forms occurring exactly once.",
                    thousands(t.tokens as usize), thousands(t.types as usize), plural(n, "statement", "statements"), s.chunk, t.sttr_chunks) }</p>
                <p>{ "A sentence ends after a word followed by . ! or ? and a space, unless the word is a one-letter initial (U.N.) or an abbreviation (Mr., No.); a paragraph end always ends one. Words per sentence = tokens / sentences. Letters per word = letters and digits of the folded forms / tokens." }</p>
                <p>{ "Most frequent content words: word forms that are not stop words, numbers or single letters, most frequent first; per 10k = frequency / the text's tokens × 10,000. Most distinctive words: a statement against every other statement of the corpus, and the selection together against the rest of the corpus (none when the selection is the whole corpus), by log-likelihood G² (Rayson & Garside 2000) among the terms used more than elsewhere, stemmed and shown as their most frequent form; Log Ratio (Hardie 2014) = log₂ of the ratio of the relative frequencies." }</p>
            </Method>
            if n == 0 {
                <div class="empty"><p>{ "No statement passes these filters." }</p></div>
            } else {
                <DataTable view={view.clone()} class="summary-figures"
                           caption={format!("Figures for each statement and for the {} together", plural(n, "statement", "statements"))}
                           columns={c.figures.columns.clone()} rows={c.figures.rows.clone()}
                           export_name="csto-summary" />
                <DataTable view={view.clone()} class="summary-frequent"
                           caption="Most frequent content words, all together and in each statement"
                           columns={c.frequent.columns.clone()} rows={c.frequent.rows.clone()}
                           export_name="csto-summary-frequent" />
                <DataTable view={view.clone()} class="summary-distinctive"
                           caption={if whole {
                               "Most distinctive words of each statement against the rest of the corpus".to_string()
                           } else {
                               "Most distinctive words against the rest of the corpus: the selection together, then each statement".to_string()
                           }}
                           columns={c.distinctive.columns.clone()} rows={c.distinctive.rows.clone()}
                           export_name="csto-summary-distinctive" />
            }
        </section>
    }
}
