//! The concordance (keyword in context): every hit of the current query in
//! the filtered results as one line, left context | hit | right context,
//! aligned on the hit, with its source. The order (corpus, newest, left or
//! right word) lives in the URL (`ksort=`); each hit opens the reader at its
//! paragraph. The page's Export menu writes the same lines
//! (`csto_core::analysis::concordance`), all of them.

use super::common::{empty, heading, scroll, seg_group};
use crate::Context;
use csto_core::analysis::concordance::{concordance, sort_lines, KwicLine, KwicSort};
use csto_core::model::{surname, Corpus};
use csto_core::panel::{el, link, Attr, Element, Node, Tag};
use csto_core::util::decimal::{plural_thousands, thousands};
use csto_core::view::{Keyed, ViewState};

/// Characters of context kept on each side of a hit (CSS cuts further on
/// narrow screens).
const CONTEXT_CHARS: usize = 80;
/// The most lines described; the rest are counted but not drawn.
const MAX_LINES: usize = 1000;

fn sort_label(sort: KwicSort) -> &'static str {
    match sort {
        KwicSort::Corpus => "Corpus order",
        KwicSort::Newest => "Newest first",
        KwicSort::Left => "Word to the left",
        KwicSort::Right => "Word to the right",
    }
}

/// The section around `children`.
fn section(children: Vec<Node>) -> Node {
    el(Tag::Section)
        .class("concordance")
        .attr(Attr::AriaLabelledby, "kwic-heading")
        .child(heading("kwic-heading", "Concordance"))
        .children(children)
        .into()
}

/// A `<th scope="col">`.
fn col(class: &str, label: &str) -> Element {
    el(Tag::Th)
        .attr(Attr::Scope, "col")
        .class(class)
        .text(label)
}

/// The concordance of the view's query in its filtered results; without a
/// query, how to get one.
pub fn describe(cx: &Context) -> Node {
    if cx.query.is_browse() {
        return section(vec![no_query()]);
    }
    let view = &cx.view;
    let sort = view.kwic_sort.unwrap_or_default();
    let results = cx.results();
    let mut lines = concordance(cx.bundle, &results, CONTEXT_CHARS);
    if sort != KwicSort::Corpus {
        sort_lines(cx.bundle, &mut lines, sort);
    }

    let total = lines.len();
    let count = plural_thousands(total, "line", "lines");
    let controls = controls(view, sort, count.clone());
    if total == 0 {
        return section(vec![
            controls.into(),
            empty("No occurrences with these filters."),
        ]);
    }
    let corpus = &cx.bundle.corpus;
    let rows = lines
        .iter()
        .take(MAX_LINES)
        .map(|l| line_row(view, corpus, l));
    let table = scroll(
        "Concordance table",
        el(Tag::Table)
            .class("kwic")
            .child(el(Tag::Caption).text(format!(
                "Every occurrence of “{}”: {count}, {}",
                view.q.trim(),
                sort_label(sort).to_ascii_lowercase()
            )))
            .child(
                el(Tag::Thead).child(
                    el(Tag::Tr)
                        .child(col("left", "Before"))
                        .child(col("hit", "Match"))
                        .child(col("right", "After"))
                        .child(col("source", "Source")),
                ),
            )
            .child(el(Tag::Tbody).children(rows)),
    );
    let mut children = vec![controls.into(), table];
    if total > MAX_LINES {
        children.push(
            el(Tag::P)
                .class("note")
                .text(format!(
                    "Showing the first {} of {} lines. Narrow the search or add filters to see the rest.",
                    thousands(MAX_LINES),
                    thousands(total)
                ))
                .into(),
        );
    }
    section(children)
}

/// Without a query: what the view shows once there is one.
fn no_query() -> Node {
    el(Tag::Div)
        .class("empty")
        .child(el(Tag::P).text("Type a search term above to see every occurrence in its context, one line each, aligned on the word."))
        .child(el(Tag::P).class("hint").text("For example: terrorism, \"illegal migration\", peacekeep*"))
        .into()
}

/// The line count (`count`, announced as it changes) and the orders, the
/// current one (`sort`) marked.
fn controls(view: &ViewState, sort: KwicSort, count: String) -> Element {
    let sorts = [
        KwicSort::Corpus,
        KwicSort::Newest,
        KwicSort::Left,
        KwicSort::Right,
    ]
    .into_iter()
    .map(|s| {
        let to = view.in_kwic_order(s);
        el(Tag::Li).child(
            link(&to, sort_label(s))
                .class(format!("seg sort-{}", s.key()))
                .current(s == sort),
        )
    });
    el(Tag::Div)
        .class("view-controls")
        .child(
            el(Tag::P)
                .class("result-count kwic-count")
                .attr(Attr::AriaLive, "polite")
                .text(count),
        )
        .child(seg_group(
            "kwic-sort-label",
            "kwic-sort",
            "Order",
            sorts.map(Node::from).collect(),
        ))
}

/// One concordance line: its contexts, the hit and its source, each
/// opening the reader at the line's paragraph.
fn line_row(view: &ViewState, corpus: &Corpus, l: &KwicLine) -> Element {
    let s = &corpus.statements[l.statement as usize];
    let who = surname(&corpus.speaker(s.speaker).name).to_string();
    let para = l.paragraph + 1;
    let to = view.reading(&s.id, Some(para));
    let left = format!("{}{}", if l.cut_left { "…" } else { "" }, l.left);
    let right = format!("{}{}", l.right, if l.cut_right { "…" } else { "" });
    el(Tag::Tr)
        .class("kwic-line")
        .attr(Attr::DataStatement, s.id.clone())
        .attr(Attr::DataPara, para.to_string())
        .child(
            el(Tag::Td)
                .class("left")
                .child(el(Tag::Span).class("ctx").text(left)),
        )
        .child(el(Tag::Td).class("hit").child(link(&to, l.hit)))
        .child(el(Tag::Td).class("right").text(right))
        .child(
            el(Tag::Td)
                .class("source")
                .text(format!("{who} {} ", s.date.year))
                .child(
                    link(&to, format!("¶{para}"))
                        .class("pnum")
                        .label(format!("{who} {}, paragraph {para}", s.date.year)),
                ),
        )
}
