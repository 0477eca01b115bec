//! Compare two sides: the terms each side uses markedly more than the other,
//! with their frequencies and rates on both sides, log-likelihood (G²) with
//! its significance, and Log Ratio as the effect size; then the themes side
//! by side. Side A is chosen by speaker or year (`a=speaker:bordyuzha`,
//! `a=year:2004`), side B likewise or, by default, the rest of the statements
//! passing the filters. The former distinctive-terms view is the "against
//! the rest" case: one mechanism (`csto_core::analysis::compare`), not two.

use crate::components::data_table::{Cell, Column, Rows};
use crate::components::link::ViewLink;
use crate::components::method::Method;
use crate::components::table_export::TableExport;
use crate::corpus::bundle;
use crate::format::thousands;
use crate::state::{filtered_statements, SharedOutcome};
use csto_core::analysis::{
    compare, CompareOptions, CompareRow, Comparison, G2_P001, G2_P01, G2_P05,
};
use csto_core::decimal::{fixed, trimmed};
use csto_core::model::StatementId;
use csto_core::view::{Side, SideKind, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// Terms listed per side.
const TOP: usize = 40;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub outcome: SharedOutcome,
}

/// The statements of each side among those passing the filters, what the
/// comparison found, and its rows for export.
#[derive(Debug, Clone, PartialEq)]
struct Compared {
    a: Vec<StatementId>,
    b: Vec<StatementId>,
    result: Comparison,
    /// Both sides' terms (side A's first), as exported.
    term_rows: Rows,
    theme_rows: Rows,
}

/// The columns of the terms export.
fn term_columns() -> Rc<Vec<Column>> {
    Rc::new(vec![
        Column::text("side", "Side"),
        Column::text("term", "Term"),
        Column::number("freq_a", "A"),
        Column::number("freq_b", "B"),
        Column::number("per_10k_a", "A per 10k"),
        Column::number("per_10k_b", "B per 10k"),
        Column::number("g2", "G²"),
        Column::text("significance", "Significance"),
        Column::number("log_ratio", "Log Ratio"),
        Column::text("only_on_its_side", "Only on its side"),
    ])
}

/// The columns of the themes export.
fn theme_columns() -> Rc<Vec<Column>> {
    Rc::new(vec![
        Column::text("theme", "Theme"),
        Column::number("passages_a", "A ¶"),
        Column::number("share_a", "A share"),
        Column::number("passages_b", "B ¶"),
        Column::number("share_b", "B share"),
    ])
}

fn term_cells(side: &str, r: &CompareRow) -> Vec<Cell> {
    vec![
        Cell::Text(side.to_string()),
        Cell::Text(r.word.clone()),
        Cell::Count(r.freq_a as u64),
        Cell::Count(r.freq_b as u64),
        Cell::figure(r.per_10k_a, 2),
        Cell::figure(r.per_10k_b, 2),
        Cell::figure(r.g2, 2),
        Cell::Text(significance(r.g2).1.to_string()),
        Cell::figure(r.log_ratio, 3),
        Cell::Text(if r.only_here { "yes" } else { "no" }.to_string()),
    ]
}

/// The side shown when the URL names none: the first speaker.
fn default_side() -> Side {
    let id = bundle().corpus.speakers.first().map(|s| s.id.clone());
    Side {
        kind: SideKind::Speaker,
        values: id.into_iter().collect(),
    }
}

fn compute((view, a, b): &(ViewState, Side, Option<Side>)) -> Compared {
    let bundle = bundle();
    let corpus = &bundle.corpus;
    let passing = filtered_statements(view);
    let on_a: Vec<StatementId> = passing
        .iter()
        .copied()
        .filter(|&s| a.contains(corpus, s))
        .collect();
    let on_b: Vec<StatementId> = passing
        .iter()
        .copied()
        .filter(|&s| match b {
            Some(b) => b.contains(corpus, s),
            None => !a.contains(corpus, s),
        })
        .collect();
    let mut result = compare(bundle, &on_a, &on_b, &CompareOptions::default());
    result.a.truncate(TOP);
    result.b.truncate(TOP);
    let term_rows = result
        .a
        .iter()
        .map(|r| term_cells("A", r))
        .chain(result.b.iter().map(|r| term_cells("B", r)))
        .collect();
    let theme_rows = result
        .themes
        .iter()
        .map(|t| {
            vec![
                Cell::Text(t.label.clone()),
                Cell::Count(t.passages_a as u64),
                Cell::figure(t.share_a, 4),
                Cell::Count(t.passages_b as u64),
                Cell::figure(t.share_b, 4),
            ]
        })
        .collect();
    Compared {
        a: on_a,
        b: on_b,
        result,
        term_rows: Rows(Rc::new(term_rows)),
        theme_rows: Rows(Rc::new(theme_rows)),
    }
}

/// The significance stars of a G² value and what they mean.
fn significance(g2: f64) -> (&'static str, &'static str) {
    if g2 > G2_P001 {
        ("***", "p < 0.001")
    } else if g2 > G2_P01 {
        ("**", "p < 0.01")
    } else if g2 > G2_P05 {
        ("*", "p < 0.05")
    } else {
        ("", "not significant")
    }
}

/// A side as the caption names it: "Nikolai Bordyuzha", "the 2019 statements".
fn side_name(side: &Side) -> (String, bool) {
    let corpus = &bundle().corpus;
    match side.kind {
        SideKind::Speaker if side.values.len() == 1 => (side.label(corpus), false),
        SideKind::Year => (format!("the {} statements", side.label(corpus)), true),
        _ => (side.label(corpus), side.values.len() > 1),
    }
}

/// One table of terms over-represented on one side.
fn term_table(
    view: &ViewState,
    rows: &[CompareRow],
    on_a: bool,
    caption: String,
    short: (&str, &str),
) -> Html {
    let body = rows.iter().enumerate().map(|(i, r)| {
        let to = view.search_for(r.word.clone());
        let (stars, meaning) = significance(r.g2);
        let (here, there) = if on_a { (r.freq_a, r.freq_b) } else { (r.freq_b, r.freq_a) };
        let (rate_here, rate_there) = if on_a {
            (r.per_10k_a, r.per_10k_b)
        } else {
            (r.per_10k_b, r.per_10k_a)
        };
        html! {
            <tr>
                <td class="rank">{ i + 1 }</td>
                <th scope="row" class="term"><ViewLink to={to}>{ r.word.clone() }</ViewLink></th>
                <td class="num">{ thousands(here as usize) }</td>
                <td class="num">{ thousands(there as usize) }</td>
                <td class="num rate">{ fixed(rate_here, 1) }</td>
                <td class="num rate">{ fixed(rate_there, 1) }</td>
                <td class="num g2">{ fixed(r.g2, 1) }</td>
                <td class="sig" title={meaning}>
                    <span aria-hidden="true">{ stars }</span>
                    <span class="visually-hidden">{ meaning }</span>
                </td>
                <td class="num lr">{ fixed(r.log_ratio, 2) }{ if r.only_here { " (only here)" } else { "" } }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
            <table class={if on_a { "keywords" } else { "keywords keywords-b" }}>
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="rank">{ "#" }</th>
                        <th scope="col">{ "Term" }</th>
                        <th scope="col" class="num">{ short.0.to_string() }</th>
                        <th scope="col" class="num">{ short.1.to_string() }</th>
                        <th scope="col" class="num">{ format!("{} per 10k", short.0) }</th>
                        <th scope="col" class="num">{ format!("{} per 10k", short.1) }</th>
                        <th scope="col" class="num"><abbr title="log-likelihood">{ "G²" }</abbr></th>
                        <th scope="col" class="sig">{ "Significance" }</th>
                        <th scope="col" class="num">{ "Log Ratio" }</th>
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn CompareView(props: &CompareProps) -> Html {
    let view = &props.outcome.view;
    let corpus = &bundle().corpus;
    let a = view.params.side_a.clone().unwrap_or_else(default_side);
    let b = view.params.side_b.clone();
    let compared = use_memo((view.clone(), a.clone(), b.clone()), compute);
    let r = &compared.result;

    let side_link = |which: char, side: Option<Side>, label: String| {
        let mut to = view.clone();
        let current = if which == 'a' {
            let current = side.as_ref() == Some(&a);
            to.params.side_a = side;
            current
        } else {
            let current = side == b;
            to.params.side_b = side;
            current
        };
        html! { <li><ViewLink to={to} class="seg" current={current}>{ label }</ViewLink></li> }
    };
    let mut years: Vec<u16> = corpus.statements.iter().map(|s| s.date.year).collect();
    csto_core::order::sort_dedup(&mut years);
    let choices = |which: char| {
        let speakers = corpus.speakers.iter().map(|s| {
            let side = Side {
                kind: SideKind::Speaker,
                values: vec![s.id.clone()],
            };
            side_link(which, Some(side), s.name.clone())
        });
        let years = years.iter().map(|y| {
            let side = Side {
                kind: SideKind::Year,
                values: vec![y.to_string()],
            };
            side_link(which, Some(side), y.to_string())
        });
        let id = |s: &str| format!("cmp-{which}-{s}");
        html! {
            <>
                <div class="seg-group">
                    <span class="seg-label" id={id("speaker")}>{ "Speaker" }</span>
                    <ul class="segmented" aria-labelledby={id("speaker")}>{ for speakers }</ul>
                </div>
                <div class="seg-group">
                    <span class="seg-label" id={id("year")}>{ "Year" }</span>
                    <ul class="segmented" aria-labelledby={id("year")}>{ for years }</ul>
                </div>
            </>
        }
    };

    let (a_name, a_plural) = side_name(&a);
    let (b_name, b_short) = match &b {
        None => (
            if view.speakers.is_empty()
                && view.years.is_empty()
                && view.themes.is_empty()
                && view.entities.is_empty()
                && view.year_from.is_none()
                && view.year_to.is_none()
            {
                "the rest of the corpus".to_string()
            } else {
                "the rest of the filtered statements".to_string()
            },
            "Rest".to_string(),
        ),
        Some(b) => (side_name(b).0, b.label(corpus)),
    };
    let a_short = a.label(corpus);
    let a_short = if a.kind == SideKind::Speaker {
        crate::format::surname(&a_short).to_string()
    } else {
        a_short
    };
    let verb = if a_plural { "use" } else { "uses" };
    let caption_a = format!(
        "Terms {a_name} {verb} more than {b_name} ({} words against {}), most distinctive first",
        thousands(r.tokens_a as usize),
        thousands(r.tokens_b as usize)
    );
    let caption_b = format!("Terms {b_name} use more than {a_name}, most distinctive first");
    let themes = r.themes.iter().map(|t| {
        html! {
            <tr>
                <th scope="row">{ t.label.clone() }</th>
                <td class="num">{ t.passages_a }</td>
                <td class="num">{ format!("{}%", fixed(t.share_a * 100.0, 0)) }</td>
                <td class="num">{ t.passages_b }</td>
                <td class="num">{ format!("{}%", fixed(t.share_b * 100.0, 0)) }</td>
            </tr>
        }
    });

    html! {
        <section class="keywords-view compare-view" aria-labelledby="kw-heading">
            <h2 id="kw-heading" class="view-heading">{ "Compare" }</h2>
            <div class="kw-targets">
                <p class="seg-label">{ "Side A" }</p>
                { choices('a') }
            </div>
            <div class="kw-sides-b">
                <p class="seg-label">{ "Side B" }</p>
                <div class="seg-group">
                    <ul class="segmented" aria-label="Side B: the rest">{ side_link('b', None, "The rest".to_string()) }</ul>
                </div>
                { choices('b') }
            </div>
            <Method>
                <p>{ format!("Tokens are the words of the search index (case and accents folded; stemmed, so terrorism and terrorists count as one term; stop words, numbers and one-letter words left out). Side A: {} statements, {} tokens; side B: {} statements, {} tokens; both within the current filters.",
                    compared.a.len(), thousands(r.tokens_a as usize), compared.b.len(), thousands(r.tokens_b as usize)) }</p>
                <p>{ "G² (log-likelihood, Rayson & Garside 2000): 2·Σ O·ln(O/E) over the two sides, E the frequency expected if both sides used the term at the same rate. Log Ratio (Hardie 2014): log₂ of the ratio of the two relative frequencies, a zero frequency counted as 0.5; 1 means twice as often. " }
                   { format!("* p < 0.05 (G² > {}), ** p < 0.01 (> {}), *** p < 0.001 (> {}); with so few statements, read them as “notable”, not as proof.",
                    trimmed(G2_P05, 2), trimmed(G2_P01, 2), trimmed(G2_P001, 2)) }</p>
            </Method>
            if compared.a.is_empty() || compared.b.is_empty() {
                <div class="empty"><p>{ "One side has no statement under these filters: choose other sides or clear a filter." }</p></div>
            } else if r.a.is_empty() && r.b.is_empty() {
                <div class="empty"><p>{ "No term stands out for this choice." }</p></div>
            } else {
                <div class="table-tools compare-terms-export">
                    <span class="row-count">{ format!("Terms of both sides: {} rows", compared.term_rows.0.len()) }</span>
                    <TableExport view={view.clone()} columns={term_columns()} rows={compared.term_rows.clone()}
                                 export_name="csto-compare-terms" />
                </div>
                { term_table(view, &r.a, true, caption_a, (&a_short, &b_short)) }
                { term_table(view, &r.b, false, caption_b, (&b_short, &a_short)) }
                <div class="table-scroll" tabindex="0" role="region" aria-label="Themes on each side">
                    <table class="compare-themes">
                        <caption>{ "Paragraphs tagged with each theme, and their share of each side's paragraphs" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Theme" }</th>
                            <th scope="col" class="num">{ format!("{a_short} ¶") }</th>
                            <th scope="col" class="num">{ format!("{a_short} share") }</th>
                            <th scope="col" class="num">{ format!("{b_short} ¶") }</th>
                            <th scope="col" class="num">{ format!("{b_short} share") }</th>
                        </tr></thead>
                        <tbody>{ for themes }</tbody>
                    </table>
                </div>
                <div class="table-tools compare-themes-export">
                    <span class="row-count">{ format!("Themes: {} rows", compared.theme_rows.0.len()) }</span>
                    <TableExport view={view.clone()} columns={theme_columns()} rows={compared.theme_rows.clone()}
                                 export_name="csto-compare-themes" />
                </div>
            }
        </section>
    }
}
