//! Compare two sides: the terms each side uses markedly more than the other,
//! with their frequencies and rates on both sides, log-likelihood (G²) with
//! its significance, and Log Ratio as the effect size; then the themes side
//! by side. Side A is chosen by speaker or year (`a=speaker:bordyuzha`,
//! `a=year:2004`), side B likewise or, by default, the rest of the statements
//! passing the filters. The former distinctive-terms view is the "against
//! the rest" case: one mechanism (`csto_core::analysis::compare`), not two.
//! Its tables are laid out here (rank, stars, both sides' figures); their
//! rows are downloaded through [`Export`] nodes.

use super::common::{empty, heading, scroll, seg_group, with, TableData, APOSTROPHES, STEMMER};
use crate::Context;
use csto_core::analysis::{
    compare, CompareOptions, CompareRow, Comparison, G2_P001, G2_P01, G2_P05,
};
use csto_core::model::{surname, Corpus, StatementId};
use csto_core::panel::{el, link, Attr, Cell, Column, Element, Node, Tag};
use csto_core::util::decimal::{fixed, plural, thousands, trimmed};
use csto_core::view::{Subcorpus, SubcorpusKind, ViewState};

/// Terms listed per side.
const TOP: usize = 40;

/// The columns of the terms export.
fn term_columns() -> Vec<Column> {
    vec![
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
    ]
}

/// The columns of the themes export.
fn theme_columns() -> Vec<Column> {
    vec![
        Column::text("theme", "Theme"),
        Column::number("passages_a", "A ¶"),
        Column::number("share_a", "A share"),
        Column::number("passages_b", "B ¶"),
        Column::number("share_b", "B share"),
    ]
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
fn default_side(corpus: &Corpus) -> Subcorpus {
    let id = corpus.speakers.first().map(|s| s.id.clone());
    Subcorpus {
        kind: SubcorpusKind::Speaker,
        values: id.into_iter().collect(),
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
fn side_name(corpus: &Corpus, side: &Subcorpus) -> (String, bool) {
    match side.kind {
        SubcorpusKind::Speaker if side.values.len() == 1 => (side.label(corpus), false),
        SubcorpusKind::Year => (format!("the {} statements", side.label(corpus)), true),
        _ => (side.label(corpus), side.values.len() > 1),
    }
}

/// A `<th scope="col">` with `class` (if any) and `content`.
fn col(class: &str, content: impl Into<Node>) -> Element {
    let th = el(Tag::Th).attr(Attr::Scope, "col");
    let th = if class.is_empty() {
        th
    } else {
        th.class(class)
    };
    th.child(content)
}

/// One table of terms over-represented on one side.
fn term_table(
    view: &ViewState,
    rows: &[CompareRow],
    on_a: bool,
    caption: String,
    short: (&str, &str),
) -> Node {
    let body = rows.iter().enumerate().map(|(i, r)| {
        let (stars, meaning) = significance(r.g2);
        let (here, there) = if on_a {
            (r.freq_a, r.freq_b)
        } else {
            (r.freq_b, r.freq_a)
        };
        let (rate_here, rate_there) = if on_a {
            (r.per_10k_a, r.per_10k_b)
        } else {
            (r.per_10k_b, r.per_10k_a)
        };
        let td = |class: &str, text: String| el(Tag::Td).class(class).text(text);
        el(Tag::Tr)
            .child(td("rank", (i + 1).to_string()))
            .child(
                el(Tag::Th)
                    .attr(Attr::Scope, "row")
                    .class("term")
                    .child(link(&view.search_for(r.word.clone()), r.word.as_str())),
            )
            .child(td("num", thousands(here as usize)))
            .child(td("num", thousands(there as usize)))
            .child(td("num rate", fixed(rate_here, 1)))
            .child(td("num rate", fixed(rate_there, 1)))
            .child(td("num g2", fixed(r.g2, 1)))
            .child(
                el(Tag::Td)
                    .class("sig")
                    .attr(Attr::Title, meaning)
                    .child(el(Tag::Span).attr(Attr::AriaHidden, "true").text(stars))
                    .child(el(Tag::Span).class("visually-hidden").text(meaning)),
            )
            .child(td(
                "num lr",
                format!(
                    "{}{}",
                    fixed(r.log_ratio, 2),
                    if r.only_here { " (only here)" } else { "" }
                ),
            ))
    });
    let head = el(Tag::Tr)
        .child(col("rank", "#"))
        .child(col("", "Term"))
        .child(col("num", short.0))
        .child(col("num", short.1))
        .child(col("num", format!("{} per 10k", short.0)))
        .child(col("num", format!("{} per 10k", short.1)))
        .child(col(
            "num",
            el(Tag::Abbr).attr(Attr::Title, "log-likelihood").text("G²"),
        ))
        .child(col("sig", "Significance"))
        .child(col("num", "Log Ratio"));
    scroll(
        &caption,
        el(Tag::Table)
            .class(if on_a {
                "keywords"
            } else {
                "keywords keywords-b"
            })
            .child(el(Tag::Caption).text(caption.clone()))
            .child(el(Tag::Thead).child(head))
            .child(el(Tag::Tbody).children(body)),
    )
}

/// The download buttons of `table`, with its count of rows.
fn export_tools(class: &str, what: &str, table: TableData) -> Node {
    el(Tag::Div)
        .class(format!("table-tools {class}"))
        .child(
            el(Tag::Span)
                .class("row-count")
                .text(format!("{what}: {} rows", table.rows.len())),
        )
        .child(table.export())
        .into()
}

/// What the comparison computes before it is drawn.
struct Computed {
    a: Subcorpus,
    /// `None`: the rest of the statements passing the filters.
    b: Option<Subcorpus>,
    on_a: Vec<StatementId>,
    on_b: Vec<StatementId>,
    r: Comparison,
    /// The terms of both sides and the themes (none when a side is empty
    /// or no term stands out).
    tables: Vec<TableData>,
}

/// The comparison's two tables: the terms of both sides and the themes,
/// every row, as their downloads hold them.
pub fn tables(cx: &Context) -> Vec<TableData> {
    compute(cx).tables
}

/// Side A (by default the first speaker) against side B (by default the
/// rest of the statements passing the filters), and the tables.
fn compute(cx: &Context) -> Computed {
    let view = &cx.view;
    let corpus = &cx.bundle.corpus;
    let a = view
        .params
        .side_a
        .clone()
        .unwrap_or_else(|| default_side(corpus));
    let b = view.params.side_b.clone();

    let passing = cx.statements();
    let on_a: Vec<StatementId> = passing
        .iter()
        .copied()
        .filter(|&s| a.contains(corpus, s))
        .collect();
    let on_b: Vec<StatementId> = passing
        .iter()
        .copied()
        .filter(|&s| match &b {
            Some(b) => b.contains(corpus, s),
            None => !a.contains(corpus, s),
        })
        .collect();
    let options = CompareOptions {
        top: Some(TOP),
        ..CompareOptions::default()
    };
    let r = compare(cx.bundle, &on_a, &on_b, &options);

    let tables = if on_a.is_empty() || on_b.is_empty() || (r.a.is_empty() && r.b.is_empty()) {
        Vec::new()
    } else {
        let term_rows: Vec<Vec<Cell>> =
            r.a.iter()
                .map(|t| term_cells("A", t))
                .chain(r.b.iter().map(|t| term_cells("B", t)))
                .collect();
        let theme_rows: Vec<Vec<Cell>> = r
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
        vec![
            TableData::new("csto-compare-terms", view, term_columns(), term_rows),
            TableData::new("csto-compare-themes", view, theme_columns(), theme_rows),
        ]
    };
    Computed {
        a,
        b,
        on_a,
        on_b,
        r,
        tables,
    }
}

/// Compare: side A against side B, described.
pub fn describe(cx: &Context) -> Node {
    let view = &cx.view;
    let corpus = &cx.bundle.corpus;
    let Computed {
        a,
        b,
        on_a,
        on_b,
        r,
        tables,
    } = compute(cx);
    let body: Vec<Node> = match <[TableData; 2]>::try_from(tables) {
        Err(_) if on_a.is_empty() || on_b.is_empty() => vec![empty(
            "One side has no statement under these filters: choose other sides or clear a filter.",
        )],
        Err(_) => vec![empty("No term stands out for this choice.")],
        Ok([terms, themes]) => {
            let names = side_names(view, corpus, &a, b.as_ref());
            result_tables(view, &r, &names, terms, themes)
        }
    };
    let picker = SidePicker {
        view,
        corpus,
        a: &a,
        b: &b,
    };
    el(Tag::Section)
        .class("keywords-view compare-view")
        .attr(Attr::AriaLabelledby, "kw-heading")
        .child(heading("kw-heading", "Compare"))
        .child(
            el(Tag::Div)
                .class("kw-targets")
                .child(el(Tag::P).class("seg-label").text("Side A"))
                .children(picker.choices('a')),
        )
        .child(
            el(Tag::Div)
                .class("kw-sides-b")
                .child(el(Tag::P).class("seg-label").text("Side B"))
                .child(
                    el(Tag::Div).class("seg-group").child(
                        el(Tag::Ul)
                            .class("segmented")
                            .attr(Attr::AriaLabel, "Side B: the rest")
                            .child(picker.link('b', None, "The rest".to_string())),
                    ),
                )
                .children(picker.choices('b')),
        )
        .child(method(on_a.len(), on_b.len(), &r))
        .children(body)
        .into()
}

/// The links that choose a side: each speaker and each year, for side A
/// or side B, the current one marked.
struct SidePicker<'a> {
    view: &'a ViewState,
    corpus: &'a Corpus,
    a: &'a Subcorpus,
    b: &'a Option<Subcorpus>,
}

impl SidePicker<'_> {
    /// The link that makes `side` side `which` ('a' or 'b'; `None`: the
    /// rest, for B).
    fn link(&self, which: char, side: Option<Subcorpus>, label: String) -> Node {
        let view = self.view;
        let (to, current) = if which == 'a' {
            let current = side.as_ref() == Some(self.a);
            (with(view, |v| v.params.side_a = side), current)
        } else {
            let current = side == *self.b;
            (with(view, |v| v.params.side_b = side), current)
        };
        el(Tag::Li)
            .child(link(&to, label).class("seg").current(current))
            .into()
    }

    /// Side `which`'s two groups of choices: by speaker, by year.
    fn choices(&self, which: char) -> [Node; 2] {
        let corpus = self.corpus;
        let mut years: Vec<u16> = corpus.statements.iter().map(|s| s.date.year).collect();
        csto_core::util::order::sort_dedup(&mut years);
        let group = |what: &str, label: &str, items: Vec<Node>| -> Node {
            seg_group(format!("cmp-{which}-{what}"), "", label, items)
        };
        let speakers = corpus
            .speakers
            .iter()
            .map(|s| {
                let side = Subcorpus {
                    kind: SubcorpusKind::Speaker,
                    values: vec![s.id.clone()],
                };
                self.link(which, Some(side), s.name.clone())
            })
            .collect();
        let years = years
            .iter()
            .map(|y| {
                let side = Subcorpus {
                    kind: SubcorpusKind::Year,
                    values: vec![y.to_string()],
                };
                self.link(which, Some(side), y.to_string())
            })
            .collect();
        [
            group("speaker", "Speaker", speakers),
            group("year", "Year", years),
        ]
    }
}

/// How the captions and column heads name the sides.
struct SideNames {
    /// "Nikolai Bordyuzha", "the 2019 statements".
    a: String,
    /// Side A is several speakers or years ("use", not "uses").
    a_plural: bool,
    /// "the rest of the corpus", or side B's name.
    b: String,
    /// For column heads: a speaker's surname, "Rest".
    a_short: String,
    b_short: String,
}

/// The names of side `a` and side `b` (`None`: the rest of the statements
/// passing the view's filters).
fn side_names(
    view: &ViewState,
    corpus: &Corpus,
    a: &Subcorpus,
    b: Option<&Subcorpus>,
) -> SideNames {
    let (a_name, a_plural) = side_name(corpus, a);
    let (b_name, b_short) = match b {
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
        Some(b) => (side_name(corpus, b).0, b.label(corpus)),
    };
    let a_short = a.label(corpus);
    let a_short = if a.kind == SubcorpusKind::Speaker {
        surname(&a_short).to_string()
    } else {
        a_short
    };
    SideNames {
        a: a_name,
        a_plural,
        b: b_name,
        a_short,
        b_short,
    }
}

/// The tables of a comparison: the terms' downloads, each side's terms,
/// the themes side by side and their downloads.
fn result_tables(
    view: &ViewState,
    r: &Comparison,
    names: &SideNames,
    terms: TableData,
    themes: TableData,
) -> Vec<Node> {
    let SideNames {
        a: a_name,
        b: b_name,
        a_short,
        b_short,
        ..
    } = names;
    let verb = if names.a_plural { "use" } else { "uses" };
    let caption_a = format!(
        "Terms {a_name} {verb} more than {b_name} ({} words against {}), most distinctive first",
        thousands(r.tokens_a as usize),
        thousands(r.tokens_b as usize)
    );
    let caption_b = format!("Terms {b_name} use more than {a_name}, most distinctive first");
    vec![
        export_tools("compare-terms-export", "Terms of both sides", terms),
        term_table(view, &r.a, true, caption_a, (a_short, b_short)),
        term_table(view, &r.b, false, caption_b, (b_short, a_short)),
        theme_table(r, names),
        export_tools("compare-themes-export", "Themes", themes),
    ]
}

/// The themes side by side: paragraphs tagged with each, and their share
/// of each side's paragraphs.
fn theme_table(r: &Comparison, names: &SideNames) -> Node {
    let (a_short, b_short) = (&names.a_short, &names.b_short);
    let themes = r.themes.iter().map(|t| {
        let td = |text: String| el(Tag::Td).class("num").text(text);
        el(Tag::Tr)
            .child(el(Tag::Th).attr(Attr::Scope, "row").text(t.label.clone()))
            .child(td(t.passages_a.to_string()))
            .child(td(format!("{}%", fixed(t.share_a * 100.0, 0))))
            .child(td(t.passages_b.to_string()))
            .child(td(format!("{}%", fixed(t.share_b * 100.0, 0))))
    });
    let theme_head = el(Tag::Tr)
        .child(col("", "Theme"))
        .child(col("num", format!("{a_short} ¶")))
        .child(col("num", format!("{a_short} share")))
        .child(col("num", format!("{b_short} ¶")))
        .child(col("num", format!("{b_short} share")));
    scroll(
        "Themes on each side",
        el(Tag::Table)
            .class("compare-themes")
            .child(el(Tag::Caption).text(
                "Paragraphs tagged with each theme, and their share of each side's paragraphs",
            ))
            .child(el(Tag::Thead).child(theme_head))
            .child(el(Tag::Tbody).children(themes)),
    )
}

/// "How this is computed", for sides of `on_a` and `on_b` statements.
fn method(on_a: usize, on_b: usize, r: &Comparison) -> Node {
    Node::Method(vec![
        el(Tag::P)
            .text(format!("Tokens are the words of the search index (case and accents folded; {APOSTROPHES}; stemmed with {STEMMER}, so terrorism and terrorists count as one term). Stop words, numbers and one-letter words are not scored, but every token counts in N, the size of a side, as in AntConc. Side A: {}, N = {} tokens; side B: {}, N = {} tokens; both within the current filters. Each side's table lists its {TOP} most distinctive terms, and the download of the terms holds those of both sides (side A's, then side B's), not every term.",
                plural(on_a, "statement", "statements"), thousands(r.tokens_a as usize), plural(on_b, "statement", "statements"), thousands(r.tokens_b as usize)))
            .into(),
        el(Tag::P)
            .text("G² (log-likelihood, Rayson & Garside 2000): 2·Σ O·ln(O/E) over the two sides, E the frequency expected if both sides used the term at the same rate. Log Ratio (Hardie 2014): log₂ of the ratio of the two relative frequencies, a zero frequency counted as 0.5; 1 means twice as often. In each side's table it is that side's relative frequency over the other's, so it is positive in both tables, except for a word used rarely and only on the larger side, which can get 0 or less: read that as no evidence of a difference. ")
            .text(format!("* p < 0.05 (G² > {}), ** p < 0.01 (> {}), *** p < 0.001 (> {}); with so few statements, read them as “notable”, not as proof.",
                trimmed(G2_P05, 2), trimmed(G2_P01, 2), trimmed(G2_P001, 2)))
            .into(),
    ])
}
