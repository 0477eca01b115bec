//! The hits of the current query in the open statement: highlighted,
//! numbered in reading order, and stepped through with the buttons or the
//! `n` / `p` keys.

use super::scroll_to;
use crate::corpus::{bundle, searcher};
use crate::hooks::{use_global_keydown, user_is_typing};
use csto_core::analysis::snippet::{highlight, Fragment};
use csto_core::model::StatementId;
use csto_core::query::Query;
use yew::prelude::*;

/// A paragraph's fragments, each hit with its number in reading order.
pub type NumberedParagraph = Vec<(Fragment, Option<usize>)>;

/// Paragraph fragments with each hit numbered in reading order.
fn numbered(paragraphs: Vec<Vec<Fragment>>) -> (Vec<NumberedParagraph>, usize) {
    let mut n = 0;
    let out = paragraphs
        .into_iter()
        .map(|frags| {
            frags
                .into_iter()
                .map(|f| {
                    let i = f.hit.then(|| {
                        n += 1;
                        n - 1
                    });
                    (f, i)
                })
                .collect()
        })
        .collect();
    (out, n)
}

/// The statement's paragraphs with the hits of `query` highlighted and
/// numbered, and how many hits there are.
pub fn highlighted_paragraphs(
    query: &Query,
    statement: StatementId,
) -> (Vec<NumberedParagraph>, usize) {
    let bundle = bundle();
    let hits = searcher().hits_in_statement(query, statement);
    let range = bundle.table().statement_passages(statement);
    numbered(
        bundle.corpus.statements[statement as usize]
            .passages
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let spans = &bundle.index().passages[range.start as usize + i].spans;
                let h = hits
                    .iter()
                    .find(|(para, _)| *para as usize == i)
                    .map(|(_, h)| h.as_slice())
                    .unwrap_or(&[]);
                highlight(&p.text, spans, h)
            })
            .collect(),
    )
}

/// The hit being looked at, and a way to step to the next (`true`) or the
/// previous one.
pub struct HitSteps {
    pub current: Option<usize>,
    pub step: Callback<bool>,
}

/// Stepping through `total` hits of query `q` in `statement`: starts afresh
/// with a new statement or query, scrolls the current hit into view, and
/// follows the `n` / `p` keys unless the user is typing.
#[hook]
pub fn use_hit_steps(statement: StatementId, q: String, total: usize) -> HitSteps {
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with((statement, q), move |_| current.set(None));
    }
    use_effect_with(*current, move |current| {
        if let Some(i) = current {
            let sel = format!("[data-hit=\"{i}\"]");
            if let Ok(Some(el)) = gloo::utils::document().query_selector(&sel) {
                scroll_to(&el);
            }
        }
    });
    let step = {
        let current = current.clone();
        Callback::from(move |forward: bool| {
            if total == 0 {
                return;
            }
            let next = match (*current, forward) {
                (None, true) => 0,
                (None, false) => total - 1,
                (Some(i), true) => (i + 1) % total,
                (Some(i), false) => (i + total - 1) % total,
            };
            current.set(Some(next));
        })
    };
    {
        let step = step.clone();
        use_global_keydown((statement, total, *current), move |e| {
            if user_is_typing() || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            match e.key().as_str() {
                "n" => step.emit(true),
                "p" => step.emit(false),
                _ => {}
            }
        });
    }
    HitSteps {
        current: *current,
        step,
    }
}

/// "Hit 2 of 5", "5 hits", or why there are none; empty with no query.
pub fn hit_label(current: Option<usize>, total: usize, q: &str) -> String {
    match (current, total) {
        (_, 0) if q.trim().is_empty() => String::new(),
        (_, 0) => "No hits for this search in this statement".to_string(),
        (Some(i), n) => format!("Hit {} of {n}", i + 1),
        (None, 1) => "1 hit".to_string(),
        (None, n) => format!("{n} hits"),
    }
}
