//! Word list: every word form of the statements passing the filters (or,
//! grouped, every stem) with its frequency, rate per 10,000 words, range and
//! share, as AntConc's Word List shows them; computed by
//! `csto_core::analysis::word_list`. Stop words shown or hidden (`stop=`),
//! grouping by stem (`stem=1`), the minimum frequency (`min=`, default 1
//! here: every word) and the order (`tsort=`) are in the URL; each word
//! searches itself.

use super::common::{
    choices, empty, heading, list_sort, method, min_choices, sort_ranked, stop_choices, with,
    Ranked, TableData, APOSTROPHES, STEMMER,
};
use crate::Context;
use csto_core::analysis::{word_list, Unit, WordList, WordListOptions, WordRow};
use csto_core::panel::{el, Attr, Cell, Choice, Column, Node, Tag};
use csto_core::util::decimal::{fixed, plural, thousands};
use csto_core::view::{TableSort, WORDS_MIN};

/// The word list's table: every row, as its download holds them.
pub fn tables(cx: &Context) -> Vec<TableData> {
    compute(cx).1.into_iter().collect()
}

/// The word list of the view's statements (the query plays no part: each
/// word's link replaces it), its rows left out, and its table (none when
/// no statement passes the filters).
fn compute(cx: &Context) -> (WordList, Option<TableData>) {
    let view = &cx.view;
    let p = &view.params;
    let by_stem = p.by_stem;
    let stop_shown = p.stop_words.unwrap_or(true);
    let min = WORDS_MIN.get(p.min_freq);
    let options = WordListOptions {
        unit: if by_stem { Unit::Stem } else { Unit::Word },
        min_freq: min,
    };
    let mut list = word_list(cx.bundle, &cx.statements(), &options);
    if !stop_shown {
        list.rows.retain(|r| !r.stop);
    }
    let sort = list_sort(view);
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
            let mut cells = vec![Cell::link(r.word.clone(), &view.search_for(r.word.clone()))];
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
    list.rows = Vec::new();
    let table = (list.statements > 0).then(|| TableData::new("csto-words", view, columns, rows));
    (list, table)
}

/// The word list of the view's statements, described.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let p = &view.params;
    let by_stem = p.by_stem;
    let stop_shown = p.stop_words.unwrap_or(true);
    let min = WORDS_MIN.get(p.min_freq);
    let sort = list_sort(view);
    let (list, table) = compute(cx);

    let stop = stop_choices(view, stop_shown);
    let unit = vec![
        Choice::new(
            "Word forms",
            &with(view, |v| v.params.by_stem = false),
            !by_stem,
        ),
        Choice::new(
            "Grouped by stem",
            &with(view, |v| v.params.by_stem = true),
            by_stem,
        ),
    ];
    let mins = min_choices(view, min, WORDS_MIN.default);

    let what = if by_stem { "Stems" } else { "Word forms" };
    let order = match sort {
        TableSort::Range => "widest range first",
        TableSort::Alpha => "A–Z",
        _ => "most frequent first",
    };
    let statements = plural(list.statements as usize, "statement", "statements");
    let caption = format!(
        "{what} of {statements} ({} tokens, {} types){}{}, {order}",
        thousands(list.tokens as usize),
        thousands(list.types as usize),
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

    let body: Node = match table {
        None => empty("No statement passes these filters."),
        Some(table) => table.table("word-list", caption, Some(sort)),
    };
    el(Tag::Section)
        .class("word-list-view")
        .attr(Attr::AriaLabelledby, "words-heading")
        .child(heading("words-heading", "Word list"))
        .child(
            el(Tag::Div)
                .class("view-controls")
                .child(choices("words-unit", "Count", unit))
                .child(choices("words-stop", "Stop words", stop))
                .child(choices("words-min", "Minimum frequency", mins)),
        )
        .child(method([
            format!("A token is a word of the search index: a run of letters and digits in a statement's paragraphs (a hyphen splits words; {APOSTROPHES}; headings and speaker leads are not counted), with case and accents folded, so “Terrorism” and “terrorism” are one word form. Grouped by stem, the forms the search treats as one ({STEMMER}: terrorism, terrorist, terrorists) make one row, named by its most frequent form."),
            format!("N = {} tokens in the {statements} passing the filters. Frequency: occurrences. Per 10k = frequency / N × 10,000. Range: statements containing it (of {}). Share = frequency / N. With every word shown (minimum 1, the default here), the frequencies add up to N.",
                thousands(list.tokens as usize), list.statements),
            format!("Stop words (a list of {} function words such as the, of, and, compared by stem) are {}. Each word searches itself, with the search's stemming and aliases, so the search may find more than the form counted here.",
                csto_core::analysis::STOP_WORDS.len(), if stop_shown { "shown" } else { "hidden" }),
        ]))
        .child(body)
        .into()
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
