//! Distinctive terms: the words a speaker or a year uses markedly more than
//! the rest of the corpus, ranked by log-likelihood (G²). The target lives in
//! the URL (`kw=bordyuzha` or `kw=2016`); a term opens a search for it.

use crate::components::link::ViewLink;
use crate::corpus::bundle;
use crate::format::{surname, thousands};
use crate::state::SharedOutcome;
use csto_core::decimal::{fixed, trimmed};
use csto_core::keyness::{keyness, Keyword, G2_P001, G2_P01, G2_P05};
use csto_core::model::StatementId;
use csto_core::trends::statement_words;
use csto_core::view::{Tab, ViewState};
use yew::prelude::*;

/// Terms listed.
const TOP: usize = 40;

#[derive(Properties, PartialEq)]
pub struct KeywordsProps {
    pub outcome: SharedOutcome,
}

/// What the keyness of one target found.
#[derive(Debug, Clone, PartialEq)]
struct Keyed {
    /// "Nikolai Bordyuzha" or "the 2016 statements".
    name: String,
    /// Column heading: "Bordyuzha" or "2016".
    short: String,
    /// The target is a year (several statements, plural verb).
    plural: bool,
    /// Words in the target and in the rest.
    target_words: u32,
    reference_words: u32,
    keywords: Vec<Keyword>,
}

/// The statements of target `kw` (a speaker id or a year).
fn target_statements(kw: &str) -> Vec<StatementId> {
    let corpus = &bundle().corpus;
    corpus
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| corpus.speaker(s.speaker).id == kw || s.date.year.to_string() == kw)
        .map(|(i, _)| i as StatementId)
        .collect()
}

fn compute(kw: &str) -> Keyed {
    let bundle = bundle();
    let corpus = &bundle.corpus;
    let target = target_statements(kw);
    let words = statement_words(bundle);
    let target_words: u32 = target.iter().map(|&s| words[s as usize]).sum();
    let all: u32 = words.iter().sum();
    let (name, short, plural) = match corpus.speakers.iter().find(|s| s.id == kw) {
        Some(s) => (s.name.clone(), surname(&s.name).to_string(), false),
        None => (format!("the {kw} statements"), kw.to_string(), true),
    };
    let mut keywords = keyness(bundle, &target);
    keywords.truncate(TOP);
    Keyed {
        name,
        short,
        plural,
        target_words,
        reference_words: all - target_words,
        keywords,
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

#[component]
pub fn KeywordsView(props: &KeywordsProps) -> Html {
    let view = &props.outcome.view;
    let corpus = &bundle().corpus;
    let kw = view
        .kw
        .clone()
        .or_else(|| corpus.speakers.first().map(|s| s.id.clone()))
        .unwrap_or_default();
    let keyed = use_memo(kw.clone(), |kw| compute(kw));

    let target_link = |key: String, label: String| {
        let to = ViewState {
            kw: Some(key.clone()),
            ..view.clone()
        };
        html! {
            <li><ViewLink to={to} class="seg" current={key == kw}>{ label }</ViewLink></li>
        }
    };
    let speakers = corpus
        .speakers
        .iter()
        .map(|s| target_link(s.id.clone(), s.name.clone()));
    let mut years: Vec<u16> = corpus.statements.iter().map(|s| s.date.year).collect();
    csto_core::order::sort_dedup(&mut years);
    let years = years
        .into_iter()
        .map(|y| target_link(y.to_string(), y.to_string()));

    let rows = keyed.keywords.iter().enumerate().map(|(i, k)| {
        let to = ViewState {
            q: k.word.clone(),
            tab: Tab::Results,
            doc: None,
            para: None,
            ..view.clone()
        };
        let (stars, meaning) = significance(k.g2);
        html! {
            <tr>
                <td class="rank">{ i + 1 }</td>
                <th scope="row" class="term">
                    <ViewLink to={to}>{ k.word.clone() }</ViewLink>
                </th>
                <td class="num">{ thousands(k.target as usize) }</td>
                <td class="num">{ thousands(k.reference as usize) }</td>
                <td class="num g2">{ fixed(k.g2, 1) }</td>
                <td class="sig" title={meaning}>
                    <span aria-hidden="true">{ stars }</span>
                    <span class="visually-hidden">{ meaning }</span>
                </td>
            </tr>
        }
    });

    html! {
        <section class="keywords-view" aria-labelledby="kw-heading">
            <h2 id="kw-heading" class="view-heading">{ "Distinctive terms" }</h2>
            <div class="kw-targets">
                <div class="seg-group">
                    <span class="seg-label" id="kw-speaker-label">{ "Speaker" }</span>
                    <ul class="segmented" aria-labelledby="kw-speaker-label">{ for speakers }</ul>
                </div>
                <div class="seg-group">
                    <span class="seg-label" id="kw-year-label">{ "Year" }</span>
                    <ul class="segmented" aria-labelledby="kw-year-label">{ for years }</ul>
                </div>
            </div>
            <p class="what">
                { "Log-likelihood (G²) measures how unlikely a word’s frequency in the chosen statements would be if they used it at the same rate as the rest of the corpus: the higher, the more distinctive. " }
                { format!("* p < 0.05 (G² > {}), ** p < 0.01 (> {}), *** p < 0.001 (> {}); with so few statements, read them as “notable”, not as proof.",
                    trimmed(G2_P05, 2), trimmed(G2_P01, 2), trimmed(G2_P001, 2)) }
            </p>
            if keyed.keywords.is_empty() {
                <div class="empty"><p>{ "No term stands out for this choice." }</p></div>
            } else {
                <div class="table-scroll">
                    <table class="keywords">
                        <caption>
                            { format!("Terms {} {} more than the rest of the corpus ({} words against {}), most distinctive first",
                                      keyed.name, if keyed.plural { "use" } else { "uses" }, thousands(keyed.target_words as usize), thousands(keyed.reference_words as usize)) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col" class="rank">{ "#" }</th>
                                <th scope="col">{ "Term" }</th>
                                <th scope="col" class="num">{ keyed.short.clone() }</th>
                                <th scope="col" class="num">{ "Rest" }</th>
                                <th scope="col" class="num"><abbr title="log-likelihood">{ "G²" }</abbr></th>
                                <th scope="col" class="sig">{ "Significance" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
