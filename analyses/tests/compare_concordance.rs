//! Compare and the concordance as the worker describes them, on the real
//! corpus (`corpus/`): the figures the page shows, checked against the
//! statements' text and the formulas, not against the code that made them.

mod common;

use common::describe;
use csto_core::panel::{Attr, Element, Node, Tag};
use std::path::Path;

/// Whether `e` is a `tag` whose class list has every class of `classes`.
fn is(e: &Element, tag: Tag, classes: &str) -> bool {
    let has: Vec<&str> = e.get(Attr::Class).unwrap_or("").split(' ').collect();
    e.tag == tag && classes.split(' ').all(|c| c.is_empty() || has.contains(&c))
}

fn find<'a>(node: &'a Node, tag: Tag, classes: &str) -> Vec<&'a Element> {
    node.elements().filter(|e| is(e, tag, classes)).collect()
}

/// Every link under `node`: (its class, whether current, its text).
fn links(node: &Node) -> Vec<(String, bool, String)> {
    fn walk(n: &Node, out: &mut Vec<(String, bool, String)>) {
        match n {
            Node::Element(e) => e.children.iter().for_each(|c| walk(c, out)),
            Node::Link(l) => out.push((l.class.clone(), l.current, n.text_content())),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(node, &mut out);
    out
}

/// The Export nodes under `node`: (file name, row count).
fn exports(node: &Node) -> Vec<(String, usize)> {
    fn walk(n: &Node, out: &mut Vec<(String, usize)>) {
        match n {
            Node::Element(e) => e.children.iter().for_each(|c| walk(c, out)),
            Node::Export(x) => out.push((x.export_name.clone(), x.rows.len())),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(node, &mut out);
    out
}

/// Occurrences of words starting with `stem` (any case) in the statements' texts.
fn in_corpus(stem: &str) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/statements");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let t = std::fs::read_to_string(path).unwrap().to_lowercase();
            n += t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(stem))
                .count();
        }
    }
    n
}

#[test]
fn the_concordance_has_one_line_per_peacekeeping_word() {
    let expected = in_corpus("peacekeep");
    assert!(expected > 1);
    let node = describe("q=peacekeeping&view=concordance&ksort=right");
    assert!(find(&node, Tag::Section, "concordance").len() == 1);
    let count = find(&node, Tag::P, "kwic-count");
    assert_eq!((count[0]).text_content(), format!("{expected} lines"));
    assert_eq!(count[0].get(Attr::AriaLive), Some("polite"));
    let lines = find(&node, Tag::Tr, "kwic-line");
    assert_eq!(lines.len(), expected);
    for l in &lines {
        let hit = l
            .children
            .iter()
            .find_map(|c| match c {
                Node::Element(e) if is(e, Tag::Td, "hit") => Some(e),
                _ => None,
            })
            .unwrap()
            .text_content();
        assert!(hit.to_lowercase().starts_with("peacekeep"), "{hit}");
        assert!(l.get(Attr::DataStatement).is_some());
        let para: u16 = l.get(Attr::DataPara).unwrap().parse().unwrap();
        assert!(para >= 1);
    }
    let caption = (find(&node, Tag::Caption, "")[0]).text_content();
    assert_eq!(
        caption,
        format!("Every occurrence of “peacekeeping”: {expected} lines, word to the right")
    );
    // The orders are links; the one in effect is current.
    let sorts: Vec<_> = links(&node)
        .into_iter()
        .filter(|(c, ..)| c.contains("sort-"))
        .collect();
    assert_eq!(sorts.len(), 4);
    let current: Vec<_> = sorts.iter().filter(|s| s.1).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].0, "seg sort-right");
    assert_eq!(current[0].2, "Word to the right");
    // Each line: the hit and the ¶ link.
    let pnums = links(&node)
        .into_iter()
        .filter(|(c, ..)| c == "pnum")
        .count();
    assert_eq!(pnums, expected);
}

#[test]
fn a_concordance_without_a_query_says_how_to_get_one() {
    let node = describe("view=concordance");
    assert!(find(&node, Tag::Tr, "kwic-line").is_empty());
    assert_eq!(
        (find(&node, Tag::P, "hint")[0]).text_content(),
        "For example: terrorism, \"illegal migration\", peacekeep*"
    );
    let none = describe("q=zzzzqx&view=concordance");
    assert_eq!(
        (find(&none, Tag::P, "kwic-count")[0]).text_content(),
        "0 lines"
    );
    assert_eq!(
        (find(&none, Tag::Div, "empty")[0]).text_content(),
        "No occurrences with these filters."
    );
}

/// Dunning's log-likelihood G² for `a` of `c` words against `b` of `d` words.
fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

fn number(s: &str) -> f64 {
    s.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("{s:?}"))
}

/// A term table's rows: (rank, term, here, there, G², stars).
fn term_rows(table: &Element) -> Vec<(usize, String, f64, f64, f64, String)> {
    let tbody = table
        .children
        .iter()
        .find_map(|c| match c {
            Node::Element(e) if e.tag == Tag::Tbody => Some(e),
            _ => None,
        })
        .unwrap();
    tbody
        .children
        .iter()
        .map(|tr| {
            let cells: Vec<&Element> = tr
                .elements()
                .collect::<Vec<_>>()
                .into_iter()
                .filter(|e| matches!(e.tag, Tag::Td | Tag::Th))
                .collect();
            let nums: Vec<&&Element> = cells.iter().filter(|e| is(e, Tag::Td, "num")).collect();
            let stars = Node::Element((*cells[7]).clone())
                .elements()
                .find(|e| e.get(Attr::AriaHidden) == Some("true"))
                .map(|e| e.text_content())
                .unwrap();
            (
                number(&(cells[0]).text_content()) as usize,
                (cells[1]).text_content(),
                number(&(nums[0]).text_content()),
                number(&(nums[1]).text_content()),
                number(
                    &cells
                        .iter()
                        .find(|e| is(e, Tag::Td, "g2"))
                        .unwrap()
                        .text_content(),
                ),
                stars,
            )
        })
        .collect()
}

#[test]
fn compare_2004_against_2024_follows_from_the_counts() {
    let node = describe("view=compare&a=year:2004&b=year:2024");
    let a = find(&node, Tag::Table, "keywords")
        .into_iter()
        .find(|t| !is(t, Tag::Table, "keywords-b"))
        .unwrap();
    let b = find(&node, Tag::Table, "keywords-b")[0];
    let caption = find(&Node::Element(a.clone()), Tag::Caption, "")[0].text_content();
    assert!(
        caption.starts_with("Terms the 2004 statements use more than the 2024 statements ("),
        "{caption}"
    );
    let counts = caption
        .split('(')
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap();
    let (c, d) = counts.split_once(" words against ").unwrap();
    let (c, d) = (number(c), number(d));
    let (rows_a, rows_b) = (term_rows(a), term_rows(b));
    assert!(!rows_a.is_empty() && !rows_b.is_empty());
    for (i, r) in rows_a.iter().enumerate() {
        assert_eq!(r.0, i + 1);
        assert!(r.2 / c >= r.3 / d, "{} is used more on side A", r.1);
        assert!(
            (log_likelihood(r.2, r.3, c, d) - r.4).abs() <= 0.051,
            "A {}",
            r.1
        );
        let stars = if r.4 > 10.83 {
            "***"
        } else if r.4 > 6.63 {
            "**"
        } else if r.4 > 3.84 {
            "*"
        } else {
            ""
        };
        assert_eq!(r.5, stars, "{}", r.1);
    }
    for r in &rows_b {
        assert!(
            (log_likelihood(r.3, r.2, c, d) - r.4).abs() <= 0.051,
            "B {}",
            r.1
        );
    }
    for rows in [&rows_a, &rows_b] {
        assert!(
            rows.windows(2).all(|w| w[0].4 >= w[1].4),
            "most distinctive first"
        );
    }
    // The exports hold every row of the tables.
    let themes = find(&node, Tag::Table, "compare-themes")[0];
    let theme_rows = Node::Element(themes.clone())
        .elements()
        .filter(|e| e.tag == Tag::Tr)
        .count()
        - 1;
    assert_eq!(
        exports(&node),
        vec![
            (
                "csto-compare-terms".to_string(),
                rows_a.len() + rows_b.len()
            ),
            ("csto-compare-themes".to_string(), theme_rows),
        ]
    );
    assert_eq!(
        (find(&node, Tag::Span, "row-count")[0]).text_content(),
        format!("Terms of both sides: {} rows", rows_a.len() + rows_b.len())
    );
    // The sides chosen are the current links.
    let current: Vec<String> = links(&node)
        .into_iter()
        .filter(|l| l.1)
        .map(|l| l.2)
        .collect();
    assert_eq!(current, ["2004", "2024"]);
}

#[test]
fn compare_by_default_is_the_first_speaker_against_the_rest() {
    let node = describe("view=compare");
    // The speaker of the earliest statement (corpus/statements/2004-kazykhanov.toml).
    let first = "Yerzhan Kazykhanov";
    let caption = (find(&node, Tag::Caption, "")[0]).text_content();
    assert!(
        caption.starts_with(&format!(
            "Terms {first} uses more than the rest of the corpus ("
        )),
        "{caption}"
    );
    let current: Vec<String> = links(&node)
        .into_iter()
        .filter(|l| l.1)
        .map(|l| l.2)
        .collect();
    assert_eq!(current, [first, "The rest"]);
    // With a filter the rest is "of the filtered statements"; a side
    // outside the filters has nothing to compare.
    let filtered = describe("view=compare&a=year:2019&year=2019&year=2024");
    let caption = (find(&filtered, Tag::Caption, "")[0]).text_content();
    assert!(
        caption.starts_with(
            "Terms the 2019 statements use more than the rest of the filtered statements ("
        ),
        "{caption}"
    );
    let empty = describe("view=compare&a=year:2004&year=2019");
    assert_eq!(
        (find(&empty, Tag::Div, "empty")[0]).text_content(),
        "One side has no statement under these filters: choose other sides or clear a filter."
    );
    assert!(exports(&empty).is_empty());
}
