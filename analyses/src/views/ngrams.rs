//! N-grams: sequences of `n` words (2–5, `n=`) that recur within a
//! paragraph of the statements passing the filters, with frequency, rate and
//! range; computed by `csto_core::analysis::ngrams`, counted by stem so each
//! count is what the phrase search finds. The minimum frequency (`min=`,
//! default 2), stop-word n-grams shown or hidden (`stop=`), "only those with
//! the query's words" (`with=1`) and the order (`tsort=`) are in the URL;
//! each n-gram searches its phrase.

use super::common::{
    choices, empty, heading, list_sort, method, min_choices, sort_ranked, stop_choices, with,
    Ranked, TableData, APOSTROPHES, STEMMER,
};
use crate::Context;
use csto_core::analysis::{ngrams, NgramOptions, NgramRow, Ngrams, Unit};
use csto_core::index::Index;
use csto_core::model::TermId;
use csto_core::panel::{el, Attr, Cell, Choice, Column, Element, Node, Tag};
use csto_core::query::{Atom, Query};
use csto_core::util::decimal::{plural, thousands};
use csto_core::util::order;
use csto_core::view::{TableSort, ViewState, NGRAMS_MIN, NGRAM_LENGTH};

/// The words and phrases the query asks for (not those it excludes, not
/// prefixes or wildcards), as the raw text typed and as index terms.
fn query_words(query: &Query, index: &Index) -> (Vec<String>, Vec<TermId>) {
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
    let mut ids: Vec<TermId> = terms.iter().filter_map(|t| index.term_id(t)).collect();
    order::sort_dedup(&mut ids);
    (raw, ids)
}

/// The n-grams' table: every row, as its download holds them.
pub fn tables(cx: &Context) -> Vec<TableData> {
    compute(cx).table.into_iter().collect()
}

/// What the n-gram view computes before it is drawn.
struct Computed {
    /// The statements passing the filters.
    statements: usize,
    /// The query's words an n-gram must contain (`with=1`), as typed.
    with_words: Vec<String>,
    /// The list, its rows left out (they are in `table`).
    list: Ngrams,
    /// None when no statement passes the filters.
    table: Option<TableData>,
}

/// The n-grams of the view's statements and their table.
fn compute(cx: &Context) -> Computed {
    let view = &cx.view;
    let p = &view.params;
    let statements = cx.statements();
    let (with_words, containing) = if p.with_query {
        query_words(&cx.query, cx.bundle.index())
    } else {
        (Vec::new(), Vec::new())
    };
    let n = NGRAM_LENGTH.get(p.n);
    let min = NGRAMS_MIN.get(p.min_freq);
    let stop_shown = p.stop_words.unwrap_or(true);
    let options = NgramOptions {
        min_len: n,
        max_len: n,
        min_freq: min,
        unit: Unit::Stem,
        containing,
    };
    let mut list = ngrams(cx.bundle, &statements, &options);
    if p.with_query && options.containing.is_empty() {
        // the query names no word of the corpus: no n-gram contains one
        list.rows.clear();
    }
    if !stop_shown {
        list.rows.retain(|r| !r.stop);
    }
    let sort = list_sort(view);
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
                Cell::link(r.words.clone(), &to),
                Cell::Count(r.freq as u64),
                Cell::figure(r.per_10k, 1),
                Cell::Count(r.range as u64),
            ]
        })
        .collect();
    list.rows = Vec::new();
    let table =
        (!statements.is_empty()).then(|| TableData::new("csto-ngrams", view, columns, rows));
    Computed {
        statements: statements.len(),
        with_words,
        list,
        table,
    }
}

/// The n-grams of the view's statements.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let p = &view.params;
    let n = NGRAM_LENGTH.get(p.n);
    let min = NGRAMS_MIN.get(p.min_freq);
    let stop_shown = p.stop_words.unwrap_or(true);
    let sort = list_sort(view);
    let Computed {
        statements,
        with_words,
        list,
        table,
    } = compute(cx);

    let order = match sort {
        TableSort::Range => "widest range first",
        TableSort::Alpha => "A–Z",
        _ => "most frequent first",
    };
    let containing = if p.with_query {
        format!(" containing {}", with_words.join(" or "))
    } else {
        String::new()
    };
    let in_statements = plural(statements, "statement", "statements");
    let caption = format!(
        "{n}-word sequences{containing} occurring at least {min} times in {in_statements} ({} tokens){}, {order}",
        thousands(list.tokens as usize),
        if stop_shown { "" } else { ", stop-word sequences hidden" },
    );
    let note = if p.with_query && cx.query.is_browse() {
        Some("Type a search term above: only the n-grams containing its words are listed.")
    } else if p.with_query && with_words.is_empty() {
        Some("The query names no word to look for (prefixes and wildcards are not used here).")
    } else {
        None
    };
    let body: Node = match table {
        None => empty("No statement passes these filters."),
        Some(table) => table.table("ngram-list", caption, Some(sort)),
    };

    el(Tag::Section)
        .class("ngrams-view")
        .attr(Attr::AriaLabelledby, "ngrams-heading")
        .child(heading("ngrams-heading", "N-grams"))
        .child(controls(view, n, min, stop_shown))
        .children(note.map(|n| el(Tag::P).class("note").text(n)))
        .child(method_of(list.tokens, statements, n, min))
        .child(body)
        .into()
}

/// The choices: the length `n`, the minimum frequency `min`, stop-word
/// n-grams shown or not, all n-grams or those with the query's words.
fn controls(view: &ViewState, n: u8, min: u32, stop_shown: bool) -> Element {
    let p = &view.params;
    let lengths: Vec<Choice> = NGRAM_LENGTH
        .range()
        .map(|k| {
            Choice::new(
                k.to_string(),
                &with(view, |v| v.params.n = NGRAM_LENGTH.keep(k)),
                k == n,
            )
        })
        .collect();
    let mins = min_choices(view, min, NGRAMS_MIN.default);
    let stop = stop_choices(view, stop_shown);
    let which = vec![
        Choice::new(
            "All",
            &with(view, |v| v.params.with_query = false),
            !p.with_query,
        ),
        Choice::new(
            "With the query's words",
            &with(view, |v| v.params.with_query = true),
            p.with_query,
        ),
    ];
    el(Tag::Div)
        .class("view-controls")
        .child(choices("ngrams-n", "Words (n)", lengths))
        .child(choices("ngrams-min", "Minimum frequency", mins))
        .child(choices("ngrams-stop", "Only stop words", stop))
        .child(choices("ngrams-with", "N-grams", which))
}

/// "How this is computed", for `tokens` in `statements` statements, length
/// `n` and minimum frequency `min`.
fn method_of(tokens: u64, statements: usize, n: u8, min: u32) -> Node {
    let in_statements = plural(statements, "statement", "statements");
    method([
        format!("A token is a word of the search index: a run of letters and digits in a statement's paragraphs (a hyphen splits words; {APOSTROPHES}; headings and speaker leads are not counted), case and accents folded. An n-gram is n consecutive tokens within one paragraph (punctuation between them does not part them, a paragraph end does). Counted by stem ({STEMMER}), as the phrase search matches, so “international terrorism” and “international terrorists” are one n-gram, shown in its most frequent wording, and its quoted phrase finds it exactly as often as counted."),
        format!("N = {} tokens in the {in_statements} passing the filters; n = {n}; minimum frequency {min} (default {}). Frequency: occurrences (overlapping ones each count). Per 10k = frequency / N × 10,000. Range: statements containing it (of {}).",
            thousands(tokens as usize), NGRAMS_MIN.default, statements),
        "Hiding stop words leaves out the n-grams made only of stop words (“of the”, “in the”). “With the query's words” keeps the n-grams containing a word of the current search (its words and phrases, not the excluded ones, prefixes or wildcards), compared by stem; the counts do not change.".to_string(),
    ])
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
