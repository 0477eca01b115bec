//! The trends and the theme overview, described from the real corpus: the
//! figures the page showed (occurrences per year and statement, words,
//! shares of tagged paragraphs), counted here independently from the
//! corpus text, and the links, buttons and form they carry.

mod common;

use common::{analyses, bundle};
use csto_analyses::Analyses;
use csto_core::bundle::Bundle;
use csto_core::panel::{Attr, Element, Form, Link, Node, Put, Tag};
use csto_core::view::{Tab, ViewState};

fn describe(query: &str, width: Option<u32>) -> Node {
    analyses()
        .describe_at(query, width)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}

/// The elements `tag.class`, in document order.
fn elements<'a>(node: &'a Node, tag: Tag, class: &str) -> Vec<&'a Element> {
    node.elements()
        .filter(|e| e.tag == tag && (class.is_empty() || e.has_class(class)))
        .collect()
}

/// Occurrences of terror, terrorism, terrorist(s) in statement `s`'s paragraphs.
fn terror_words(s: usize) -> u32 {
    bundle().corpus.statements[s]
        .passages
        .iter()
        .flat_map(|p| {
            p.text
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| ["terror", "terrorism", "terrorist", "terrorists"].contains(&w.as_str()))
        .count() as u32
}

/// Words of statement `s`'s paragraphs: runs of letters and digits, an
/// inner apostrophe kept (as the page's tests count them).
fn words(s: usize) -> u32 {
    let apostrophe = |c: char| matches!(c, '\'' | '’' | 'ʼ');
    let mut n = 0;
    for p in &bundle().corpus.statements[s].passages {
        let chars: Vec<char> = p.text.chars().collect();
        let mut in_word = false;
        for (i, &c) in chars.iter().enumerate() {
            let inner =
                apostrophe(c) && in_word && chars.get(i + 1).is_some_and(|d| d.is_alphanumeric());
            if c.is_alphanumeric() || inner {
                if !in_word {
                    n += 1;
                }
                in_word = true;
            } else {
                in_word = false;
            }
        }
    }
    n
}

#[test]
fn trends_of_a_query_count_its_words_per_year() {
    let corpus = &bundle().corpus;
    let years: Vec<String> = corpus
        .statements
        .iter()
        .map(|s| s.date.year.to_string())
        .collect();
    assert_eq!(years, ["2004", "2007", "2016", "2019", "2024"]);
    let panel = describe("q=terrorism&view=trends", None);

    let points = elements(&panel, Tag::Circle, "point");
    assert_eq!(points.len(), 5, "a point per year");
    for (s, p) in points.iter().enumerate() {
        assert_eq!(p.get(Attr::DataX), Some(years[s].as_str()));
        let n = terror_words(s);
        assert!(n > 0);
        let rate = csto_core::util::decimal::fixed(n as f64 * 10_000.0 / words(s) as f64, 1);
        let want = format!(
            "terrorism, {}: {n} occurrence{}, {rate} per 10,000 words",
            years[s],
            if n == 1 { "" } else { "s" }
        );
        assert_eq!((p).text_content(), want);
    }
    // The table has the same figures, and the words counted.
    let rows = elements(&panel, Tag::Tr, "row-0");
    let cells: Vec<String> = rows[0]
        .children
        .iter()
        .skip(1)
        .map(Node::text_content)
        .collect();
    assert_eq!(cells.len(), 5);
    for (s, cell) in cells.iter().enumerate() {
        assert!(cell.ends_with(&format!(" ({})", terror_words(s))), "{cell}");
    }
    let footer: Vec<String> = elements(&panel, Tag::Tr, "words")[0]
        .children
        .iter()
        .skip(1)
        .map(Node::text_content)
        .collect();
    let want: Vec<String> = (0..5)
        .map(|s| csto_core::util::decimal::thousands(words(s) as usize))
        .collect();
    assert_eq!(footer, want);
    let what = elements(&panel, Tag::P, "what");
    assert_eq!(
        (what[0]).text_content(),
        "Occurrences of “terrorism”. Add a term to compare."
    );
    // The axis title, and the legend without a remove button.
    let svg = &elements(&panel, Tag::Svg, "trend-chart")[0];
    assert_eq!(svg.get(Attr::Width), Some("640"), "no width said: 640");
    assert!(!&panel.walk().iter().any(|n| matches!(n, Node::Button(_))));
}

/// A shared link to the trends: the page tells the worker the view first
/// (`Request::Prepare`), asks for it once it knows the width; the index is
/// built by the first, and the second describes what a worker that was
/// not told describes.
#[test]
fn a_prepared_view_is_described_as_an_unprepared_one() {
    let query = "view=trends&t=terrorism&t=migration";
    let fresh = Bundle::from_bytes(&bundle().to_bytes()).expect("the corpus as sent");
    let fresh: &'static Bundle = Box::leak(Box::new(fresh));
    let told = Analyses::new(fresh);
    assert!(!fresh.is_indexed());
    told.prepare(query);
    assert!(fresh.is_indexed(), "prepare builds the index");
    assert_eq!(
        told.describe_at(query, Some(800)),
        analyses().describe_at(query, Some(800))
    );
}

#[test]
fn the_chart_is_laid_out_to_the_width_it_is_given() {
    for (width, drawn) in [
        (Some(390), "390"),
        (Some(900), "900"),
        (Some(4000), "1100"),
        (Some(100), "280"),
    ] {
        let panel = describe("q=terrorism&view=trends&by=statement", width);
        let svg = &elements(&panel, Tag::Svg, "trend-chart")[0];
        assert_eq!(svg.get(Attr::Width), Some(drawn));
        assert!(svg
            .get(Attr::ViewBox)
            .unwrap()
            .starts_with(&format!("0 0 {drawn} ")));
    }
    // Statement labels ("2016 Bordyuzha") crowd a phone's chart: rotated there, not on a wide one.
    let rotated = |w| {
        let panel = describe("q=terrorism&view=trends&by=statement", Some(w));
        elements(&panel, Tag::G, "x")
            .iter()
            .all(|g| match &g.children[1] {
                Node::Element(t) => t.get(Attr::Transform).is_some(),
                _ => false,
            })
    };
    assert!(rotated(390));
    assert!(!rotated(1100));
}

#[test]
fn comparing_terms_adds_a_series_each_and_a_button_removes_one() {
    let panel = describe("q=terrorism&view=trends&t=terrorism&t=migration", None);
    let series: Vec<&str> = elements(&panel, Tag::G, "series")
        .iter()
        .map(|g| g.get(Attr::DataLabel).unwrap())
        .collect();
    assert_eq!(series, ["terrorism", "migration"]);
    let what = elements(&panel, Tag::P, "what");
    assert_eq!((what[0]).text_content(), "Comparing 2 terms.");
    let buttons: Vec<&Link> = panel
        .walk()
        .into_iter()
        .filter_map(|n| match n {
            Node::Button(b) => Some(b),
            _ => None,
        })
        .collect();
    assert_eq!(buttons.len(), 2);
    assert_eq!(buttons[1].class, "remove");
    assert_eq!(
        buttons[1].label.as_deref(),
        Some("Remove “migration” from the comparison")
    );
    assert_eq!(
        buttons[1].to, "q=terrorism&view=trends&t=terrorism",
        "removing migration"
    );

    // The form starts the comparison from the query on the chart.
    let form = |panel: &Node| -> Form {
        panel
            .walk()
            .into_iter()
            .find_map(|n| match n {
                Node::Form(f) => Some(f.clone()),
                _ => None,
            })
            .expect("the compare form")
    };
    let single = describe("q=terrorism&view=trends", None);
    let f = form(&single);
    assert_eq!(
        (f.id.as_str(), f.put, f.disabled),
        ("compare-term", Put::Compare, false)
    );
    assert_eq!(
        f.submit("migration").unwrap().encode(),
        "q=terrorism&view=trends&t=terrorism&t=migration"
    );
    let full = describe("view=trends&t=a&t=b&t=c&t=d&t=e&t=f&t=g&t=h", None);
    assert!(form(&full).disabled, "eight terms: no more");
}

#[test]
fn with_no_query_the_trends_chart_each_theme() {
    let corpus = &bundle().corpus;
    let panel = describe("view=trends", None);
    let series: Vec<&str> = elements(&panel, Tag::G, "series")
        .iter()
        .map(|g| g.get(Attr::DataLabel).unwrap())
        .collect();
    let themes: Vec<&str> = corpus.themes.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(series, themes);
    // A filter leaving no statement: the empty state.
    let none = describe("view=trends&q=terrorism&from=2008&to=2015", None);
    assert!(elements(&none, Tag::Svg, "trend-chart").is_empty());
    let empty: Node = elements(&none, Tag::Div, "empty")[0].clone().into();
    assert_eq!(&empty.text_content(), "No statement passes these filters.");
}

#[test]
fn the_theme_overview_shows_each_years_share_of_tagged_paragraphs() {
    let corpus = &bundle().corpus;
    let ct = corpus
        .themes
        .iter()
        .position(|t| t.id == "counter-terrorism")
        .expect("counter-terrorism") as u16;
    let panel = describe("view=themes", None);
    let heads: Vec<&str> = elements(&panel, Tag::Th, "")
        .into_iter()
        .filter_map(|th| th.get(Attr::DataCol))
        .collect();
    assert_eq!(heads, ["2004", "2007", "2016", "2019", "2024"]);
    let row = elements(&panel, Tag::Tr, "")
        .into_iter()
        .find(|tr| tr.get(Attr::DataTheme) == Some("counter-terrorism"))
        .expect("the counter-terrorism row");
    let row: Node = row.clone().into();
    let links: Vec<&Link> = row
        .walk()
        .into_iter()
        .filter_map(|n| match n {
            Node::Link(l) => Some(l),
            _ => None,
        })
        .collect();
    assert_eq!(links.len(), 5);
    for (s, l) in links.iter().enumerate() {
        let st = &corpus.statements[s];
        let all = st.passages.len();
        let tagged = st
            .passages
            .iter()
            .filter(|p| p.themes.iter().any(|t| t.theme == ct))
            .count();
        let pct = (100.0 * tagged as f64 / all as f64).round();
        let year = st.date.year.to_string();
        assert_eq!(l.children[0].text_content(), format!("{pct}%"));
        let link_attr = |a| {
            l.attrs
                .iter()
                .find(|(n, _)| *n == a)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(link_attr(Attr::DataCol), Some(year.as_str()));
        assert_eq!(link_attr(Attr::DataTheme), Some("counter-terrorism"));
        let title = link_attr(Attr::Title).unwrap();
        assert!(
            title.ends_with(&format!(", {year}: {pct}% ({tagged} of {all} paragraphs)")),
            "{title}"
        );
        assert_eq!(
            l.label.as_deref(),
            Some(format!("{title}. Show these paragraphs.").as_str())
        );
        let to = ViewState::decode(&l.to).0;
        assert_eq!(to.themes, ["counter-terrorism"]);
        assert_eq!(to.years, [st.date.year]);
        assert_eq!(to.tab, Tab::Results);
    }

    // By statement, a cell also picks the speaker; the speaker filter chooses the columns.
    let panel = describe(
        "view=themes&by=statement&speaker=nazarbayev,tasmagambetov",
        None,
    );
    let heads: Vec<&str> = elements(&panel, Tag::Th, "")
        .into_iter()
        .filter_map(|th| th.get(Attr::DataCol))
        .collect();
    assert_eq!(heads, ["2007-nazarbayev", "2024-tasmagambetov"]);
    let first = &panel
        .walk()
        .into_iter()
        .find_map(|n| match n {
            Node::Link(l) if l.attrs.iter().any(|(a, _)| *a == Attr::DataTheme) => Some(l),
            _ => None,
        })
        .unwrap();
    assert_eq!(ViewState::decode(&first.to).0.speakers, ["nazarbayev"]);
}
