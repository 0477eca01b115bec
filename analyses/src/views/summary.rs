//! Summary: the figures a corpus description starts with, for each
//! statement passing the filters and for them together (tokens, types, TTR,
//! STTR, hapaxes, sentences, mean sentence and word length), then each
//! one's most frequent content words and most distinctive words (against
//! the rest of the corpus); computed by `csto_core::analysis::summary`.
//! Three tables, each exportable; every word searches itself.

use super::common::{empty, heading, method, TableData, APOSTROPHES, STEMMER};
use crate::Context;
use csto_core::analysis::{per_10k, summary, Summary, SummaryOptions, TextStats};
use csto_core::panel::{el, Attr, Cell, Column, Node, Tag};
use csto_core::util::decimal::{plural, thousands};
use csto_core::view::ViewState;

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

/// The summary's three tables (figures, frequent words, distinctive
/// words), every row, as their downloads hold them.
pub fn tables(cx: &Context) -> Vec<TableData> {
    compute(cx).1
}

/// The summary of the view's statements (the query plays no part) and its
/// tables (none when no statement passes the filters).
fn compute(cx: &Context) -> (Summary, Vec<TableData>) {
    let view = &cx.view;
    let s = summary(cx.bundle, &cx.statements(), &SummaryOptions::default());
    let tables = if s.statements.is_empty() {
        Vec::new()
    } else {
        let texts = texts(cx, &s);
        vec![
            figures_table(view, &texts),
            frequent_table(view, &texts),
            distinctive_table(view, &texts),
        ]
    };
    (s, tables)
}

/// A text of the summary as its tables' rows name it.
struct Text<'a> {
    /// "All 5 statements", or the statement's label.
    label: String,
    /// The label as the figures table shows it: a statement's opens it.
    cell: Cell,
    stats: &'a TextStats,
}

/// The texts of `s`: the selection together first, then each statement in
/// date order.
fn texts<'a>(cx: &Context, s: &'a Summary) -> Vec<Text<'a>> {
    let view = &cx.view;
    let corpus = &cx.bundle.corpus;
    std::iter::once(Text {
        label: total_label(s.statements.len()),
        cell: Cell::Text(total_label(s.statements.len())),
        stats: &s.total,
    })
    .chain(s.statements.iter().map(|st| {
        let label = corpus.statement_label(st.statement);
        let to = view.open_statement(&st.key, None);
        Text {
            label: label.clone(),
            cell: Cell::link(label, &to),
            stats: &st.stats,
        }
    }))
    .collect()
}

/// The figures of each text, a row each.
fn figures_table(view: &ViewState, texts: &[Text]) -> TableData {
    TableData::new(
        "csto-summary",
        view,
        vec![
            Column::text("text", "Statement").heads_rows(),
            Column::number("tokens", "Tokens"),
            Column::number("types", "Types"),
            Column::number("ttr", "TTR").titled("type-token ratio"),
            Column::number("sttr", "STTR").titled("standardised type-token ratio"),
            Column::number("hapaxes", "Hapaxes").titled("word forms occurring once"),
            Column::number("sentences", "Sentences"),
            Column::number("mean_sentence_length", "Words per sentence"),
            Column::number("mean_word_length", "Letters per word"),
        ],
        texts
            .iter()
            .map(|t| figure_cells(t.cell.clone(), t.stats))
            .collect(),
    )
}

/// The most frequent content words of each text, ranked.
fn frequent_table(view: &ViewState, texts: &[Text]) -> TableData {
    ranked_words_table(
        view,
        "csto-summary-frequent",
        texts,
        vec![
            Column::number("freq", "Frequency"),
            Column::number("per_10k", "Per 10k").titled("occurrences per 10,000 words"),
        ],
        |s| {
            s.top_words
                .iter()
                .map(|w| {
                    let figures = vec![
                        Cell::Count(w.freq as u64),
                        Cell::figure(per_10k(w.freq, s.tokens as u64), 1),
                    ];
                    (w.word.as_str(), figures)
                })
                .collect()
        },
    )
}

/// The most distinctive words of each text, ranked.
fn distinctive_table(view: &ViewState, texts: &[Text]) -> TableData {
    ranked_words_table(
        view,
        "csto-summary-distinctive",
        texts,
        vec![
            Column::number("freq", "Frequency"),
            Column::number("g2", "G²").titled("log-likelihood"),
            Column::number("log_ratio", "Log Ratio"),
        ],
        |s| {
            s.distinctive
                .iter()
                .map(|w| {
                    let figures = vec![
                        Cell::Count(w.freq as u64),
                        Cell::figure(w.g2, 1),
                        Cell::figure(w.log_ratio, 2),
                    ];
                    (w.word.as_str(), figures)
                })
                .collect()
        },
    )
}

/// A table of each text's ranked words: the text, the rank, the word (a
/// link that searches it), then `figures`, whose cells `words` gives with
/// each of a text's words, in rank order.
fn ranked_words_table<'a>(
    view: &ViewState,
    export_name: &'static str,
    texts: &[Text<'a>],
    figures: Vec<Column>,
    words: impl Fn(&'a TextStats) -> Vec<(&'a str, Vec<Cell>)>,
) -> TableData {
    let mut columns = vec![
        Column::text("text", "Statement"),
        Column::number("rank", "Rank"),
        Column::text("word", "Word").heads_rows(),
    ];
    columns.extend(figures);
    let mut rows = Vec::new();
    for t in texts {
        for (i, (word, figures)) in words(t.stats).into_iter().enumerate() {
            let mut row = vec![
                Cell::Text(t.label.clone()),
                Cell::Count(i as u64 + 1),
                Cell::link(word.to_string(), &view.search_for(word)),
            ];
            row.extend(figures);
            rows.push(row);
        }
    }
    TableData::new(export_name, view, columns, rows)
}

/// The summary of the view's statements, described.
pub fn describe(cx: &Context) -> Node {
    let corpus = &cx.bundle.corpus;
    let (s, tables) = compute(cx);
    let n = s.statements.len();
    let whole = n == corpus.statements.len();
    let t = &s.total;
    let body: Vec<Node> = match <[TableData; 3]>::try_from(tables) {
        Err(_) => vec![empty("No statement passes these filters.")],
        Ok([figures, frequent, distinctive]) => vec![
            figures.table(
                "summary-figures",
                format!(
                    "Figures for each statement and for the {} together",
                    plural(n, "statement", "statements")
                ),
                None,
            ),
            frequent.table(
                "summary-frequent",
                "Most frequent content words, all together and in each statement".into(),
                None,
            ),
            distinctive.table(
                "summary-distinctive",
                if whole {
                    "Most distinctive words of each statement against the rest of the corpus"
                        .into()
                } else {
                    "Most distinctive words against the rest of the corpus: the selection together, then each statement".into()
                },
                None,
            ),
        ],
    };

    el(Tag::Section)
        .class("summary-view")
        .attr(Attr::AriaLabelledby, "summary-heading")
        .child(heading("summary-heading", "Summary"))
        .child(method([
            format!("A token is a word of the search index: a run of letters and digits in a statement's paragraphs (a hyphen splits words; {APOSTROPHES}; headings and speaker leads are not counted). Types are distinct word forms with case and accents folded (“Terrorism” = “terrorism”), not stems."),
            format!("Together: N = {} tokens, V = {} types in {}. TTR = types / tokens. STTR (standardised TTR, as WordSmith computes it): each statement's tokens are cut into consecutive chunks of {} tokens, the TTR of each full chunk is taken and STTR is their mean (the last, partial chunk of a statement is left out; together: the mean over all {} chunks). Hapaxes: word forms occurring exactly once.",
                thousands(t.tokens as usize), thousands(t.types as usize), plural(n, "statement", "statements"), s.chunk, t.sttr_chunks),
            "A sentence ends after a word when the characters between it and the next word include . ! or ? and a space, in any order, so a closing quote or bracket may stand between the stop and the space (as in threat.” Then), unless the word is a one-letter initial (U.N.) or an abbreviation (Mr., No.); a paragraph end always ends one. Words per sentence = tokens / sentences. Letters per word = letters and digits of the folded forms / tokens.".to_string(),
            format!("Most frequent content words: word forms that are not stop words, numbers or single letters, most frequent first; per 10k = frequency / the text's tokens × 10,000. Most distinctive words: a statement against every other statement of the corpus, and the selection together against the rest of the corpus (none when the selection is the whole corpus), by log-likelihood G² (Rayson & Garside 2000) among the terms used more than elsewhere, stemmed ({STEMMER}) and shown as their most frequent form; Log Ratio (Hardie 2014) = log₂ of the ratio of the relative frequencies."),
        ]))
        .children(body)
        .into()
}
