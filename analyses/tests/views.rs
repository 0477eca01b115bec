//! The analysis views as the worker describes them, on the real corpus,
//! through the same path as in the browser: the corpus as bytes, a view's
//! query string in, a `Node` tree out. The figures are the ones checked by
//! hand for issue 11 (docs and `core/tests/analysis.rs`).

mod common;

use common::{analyses, describe};
use csto_analyses::Analyses;
use csto_core::panel::{Attr, Cell, Element, Node, Reply, Table};

/// Every table of a tree, in document order.
fn tables(node: &Node) -> Vec<&Table> {
    node.walk()
        .into_iter()
        .filter_map(|n| match n {
            Node::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// A table's cells as shown, row by row.
fn shown(t: &Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Cell::Figure { shown, .. } => shown.clone(),
                    other => other.export_text(),
                })
                .collect()
        })
        .collect()
}

/// The row whose first cell is `key`.
fn row<'a>(rows: &'a [Vec<String>], key: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn word_list_counts_as_by_hand() {
    let node = describe("view=words&stop=0");
    let t = tables(&node)[0];
    assert_eq!(t.class, "word-list");
    let rows = shown(t);
    assert_eq!(&row(&rows, "csto")[1..4], ["92", "143.5", "5"]);
    assert_eq!(row(&rows, "security")[1], "69");
    assert!(t.caption.contains("6,409 tokens"), "{}", t.caption);
    // grouped by stem, terrorism/terrorist/terrorists are one row of 69
    let rows = shown(tables(&describe("view=words&stem=1&stop=0"))[0]);
    let terror = rows.iter().find(|r| r[1].contains("terrorists")).unwrap();
    assert_eq!(terror[2], "69");
}

#[test]
fn ngrams_count_what_the_phrase_search_finds() {
    let t = tables(&describe("view=ngrams&n=3"))[0].clone();
    let rows = shown(&t);
    let united = row(&rows, "the united nations");
    assert_eq!((united[1].as_str(), united[3].as_str()), ("46", "4"));
    assert_eq!(row(&rows, "of the csto")[1], "24");
    // the link searches the phrase
    let Cell::Link(_, to) = &t.rows[0][0] else {
        panic!("the n-gram is a link")
    };
    assert!(to.starts_with("q=%22"), "{to}");
}

#[test]
fn summary_figures_as_by_hand() {
    let node = describe("view=summary");
    let ts = tables(&node);
    assert_eq!(ts.len(), 3);
    let all = &shown(ts[0])[0];
    assert_eq!(
        all,
        &[
            "All 5 statements",
            "6409",
            "1299",
            "0.203",
            "0.669",
            "673",
            "219",
            "29.3",
            "5.48"
        ]
    );
}

#[test]
fn collocates_of_terrorism() {
    let node = describe("q=terrorism&view=collocates");
    let rows = shown(tables(&node)[0]);
    // collocate, observed, freq, expected, MI, log-Dice, G²
    let counter = row(&rows, "counter");
    assert_eq!(counter[1], "22");
    assert_eq!(&counter[4..], ["6.00", "12.80", "167.6"]);
    assert_eq!(rows[0][0], "counter", "log-Dice order");
    assert!(node
        .text_content()
        .contains("Words within 5 words to the left and 5 to the right"));
    // no node: the example, not an empty table
    let empty = describe("view=collocates");
    assert!(tables(&empty).is_empty());
    assert!(empty.text_content().contains("the collocates of terrorism"));
}

#[test]
fn dispersion_of_afghanistan() {
    let node = describe("q=Afghanistan&view=dispersion");
    let said = node.text_content();
    assert!(said.contains("3 of 5 statements"), "{said}");
    assert!(said.contains("0.205") && said.contains("0.223"), "{said}");
    let rows = shown(tables(&node)[0]);
    let hits: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(hits, ["0", "0", "2", "4", "3"]);
}

/// On a phone (350 px) every hit is in a mark at least 24 px wide, the
/// marks of a bar do not overlap, and each links to its first hit's
/// paragraph; a desktop's width draws what no width draws.
#[test]
fn dispersion_on_a_phone_has_marks_a_finger_can_hit() {
    let query = "q=security&view=dispersion";
    let desktop = analyses().describe_at(query, Some(900)).unwrap();
    assert_eq!(desktop, describe(query));
    let phone = analyses().describe_at(query, Some(350)).unwrap();
    let figure = phone
        .elements()
        .find(|e| e.has_class("disp-figure"))
        .expect("a plot");
    assert!(figure.has_class("narrow"));
    let rows: Vec<&Element> = phone
        .elements()
        .filter(|e| e.has_class("disp-row"))
        .collect();
    assert_eq!(rows.len(), 5);
    let mut hits = 0;
    for row in rows {
        let bar = row.children.iter().find_map(|c| match c {
            Node::Element(e) if e.has_class("disp-bar") => Some(e),
            _ => None,
        });
        assert_eq!(bar.unwrap().get(Attr::ViewBox), Some("0 0 350 24"));
        let mut last_right = f64::MIN;
        for mark in Node::Element(row.clone()).walk() {
            let Node::Link(link) = mark else { continue };
            let area = link.children.iter().find_map(|c| match c {
                Node::Element(e) if e.has_class("hit-area") => Some(e),
                _ => None,
            });
            let area = area.expect("a mark has an area");
            let num = |a| area.get(a).unwrap().parse::<f64>().unwrap();
            let (left, width) = (num(Attr::X), num(Attr::Width));
            assert!(width >= 24.0 && num(Attr::Height) >= 24.0);
            assert!(
                left >= last_right - 0.05,
                "marks overlap: {left} < {last_right}"
            );
            last_right = left + width;
            assert!((0.0..=350.0).contains(&left) && last_right <= 350.05);
            let ticks: Vec<f64> = link
                .children
                .iter()
                .filter_map(|c| match c {
                    Node::Element(e) if e.has_class("tick") => e.get(Attr::X1),
                    _ => None,
                })
                .map(|x| x.parse().unwrap())
                .collect();
            assert!(!ticks.is_empty());
            assert!(ticks.iter().all(|x| (left..=last_right).contains(x)));
            hits += ticks.len();
        }
    }
    let total: usize = shown(tables(&phone)[0])
        .iter()
        .map(|r| r[4].parse::<usize>().unwrap())
        .sum();
    assert_eq!(hits, total, "every hit drawn once");
}

#[test]
fn views_that_are_not_analyses_are_refused_and_garbage_is_survived() {
    assert!(analyses().describe("").is_err(), "results are the page's");
    for query in [
        "view=words&min=%ff%fe",
        "view=collocates&q=%22%22&l=999",
        "view=dispersion&q=NEAR/",
        "\u{0}view=ngrams&n=99",
    ] {
        let _ = analyses().describe(query);
    }
    // an unreadable corpus is an error, not a panic
    assert!(Analyses::from_bytes(&[1, 2, 3]).is_err());
    // and a described view survives the message to the page
    let reply = Reply::Described {
        seq: 1,
        panel: Ok(describe("q=terrorism&view=collocates")),
    };
    assert_eq!(Reply::from_bytes(&reply.to_bytes()).unwrap(), reply);
}

#[test]
fn exports_have_a_row_per_result_passage_and_line_with_permalinks_and_version() {
    use csto_core::panel::{ExportKind, Source};
    let source = Source {
        page: "https://example.org/tools/csto/".into(),
        corpus_version: "abc123".into(),
        app_version: "0.1.0".into(),
    };
    let rows = |kind| {
        analyses()
            .export("q=Kanal&view=concordance", &kind, &source)
            .unwrap()
            .csv()
    };
    let statements = rows(ExportKind::Statements);
    let lines: Vec<&str> = statements.lines().collect();
    assert!(lines[0].starts_with("id,title,speaker"), "{}", lines[0]);
    assert_eq!(lines.len(), 1 + 4, "Kanal is in 4 statements");
    assert!(
        lines[1].contains(",https://example.org/tools/csto/statements/2007-nazarbayev/,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(",abc123"), "{}", lines[1]);
    let passages = rows(ExportKind::Passages);
    let kwic = rows(ExportKind::Concordance);
    assert!(
        passages.lines().count() >= lines.len(),
        "{} passages",
        passages.lines().count()
    );
    assert!(passages.starts_with("statement,speaker,date,paragraph,hits,text"));
    // one row per line of the concordance view (Kanal and its alias Channel)
    let shown = describe("q=Kanal&view=concordance")
        .elements()
        .filter(|e| e.has_class("kwic-line"))
        .count();
    assert!(shown > 0);
    assert_eq!(kwic.lines().count(), 1 + shown);
    let named = analyses()
        .export("q=Kanal", &ExportKind::Passages, &source)
        .unwrap();
    assert_eq!(named.file_name(true), "csto-passages.json");
    // an analysis table: its rows as the page shows them, named with the version
    let words = analyses()
        .export(
            "view=words&stop=hide&min=50",
            &ExportKind::Table("csto-words".into()),
            &source,
        )
        .unwrap();
    assert_eq!(words.file_name(false), "csto-words-abc123.csv");
    let csv = words.csv();
    assert_eq!(csv.lines().next(), Some("word,freq,per_10k,range,share"));
    assert!(csv.lines().any(|l| l.starts_with("csto,92,")), "{csv}");
    assert!(analyses()
        .export(
            "view=words",
            &ExportKind::Table("csto-nothing".into()),
            &source
        )
        .is_err());
}

/// Every table a view draws is one of its tables as data, with the same
/// columns and rows: a download (made from the data) holds what is shown,
/// and cannot miss its table.
#[test]
fn every_drawn_table_is_the_views_table_data() {
    for query in [
        "view=words",
        "view=words&stem=1&stop=hide",
        "view=ngrams&n=3",
        "q=afghanistan&view=ngrams&with=1",
        "view=summary",
        "view=summary&speaker=bordyuzha",
        "q=terrorism&view=collocates",
        "view=collocates",
        "q=Afghanistan&view=dispersion",
        "view=dispersion",
        "view=compare",
        "view=compare&a=year:2004&b=year:2024",
        "q=terrorism&view=concordance",
        "view=trends",
        "view=themes",
        "view=words&speaker=nobody-at-all&year=1900",
    ] {
        let node = describe(query);
        let drawn: Vec<_> = node
            .walk()
            .into_iter()
            .filter_map(|n| match n {
                Node::Table(t) => Some((t.export_name.clone(), &t.view, &t.columns, &t.rows)),
                Node::Export(x) => Some((x.export_name.clone(), &x.view, &x.columns, &x.rows)),
                _ => None,
            })
            .collect();
        let data = analyses().tables(query).unwrap();
        let data: Vec<_> = data
            .iter()
            .map(|t| (t.name.to_string(), &t.view, &t.columns, &t.rows))
            .collect();
        assert_eq!(drawn, data, "{query}");
    }
    assert!(analyses().tables("view=results").is_err());
}

/// The worker's protocol, as `main.rs` runs it in the browser: every
/// request it cannot serve is answered with why, never dropped.
#[test]
fn the_worker_answers_every_request_or_says_why() {
    use csto_analyses::Worker;
    use csto_core::panel::{ExportKind, Failure, Message, Request, Source};
    let json = |_: &csto_analyses::ExportData| String::from("[]");
    let describe = |seq| Request::Describe {
        seq,
        query: "view=summary".into(),
        width: None,
    };
    let mut worker = Worker::default();
    // before the corpus
    assert_eq!(
        worker.answer(&describe(1).to_bytes(), json),
        Some(Reply::Described {
            seq: 1,
            panel: Err(Failure::NoCorpus.into())
        })
    );
    // a message it cannot read: answered, so the page stops waiting
    assert!(matches!(
        worker.answer(&[0xff, 0xff, 0xff], json),
        Some(Reply::Failed(Message(m))) if m.starts_with("unreadable request")
    ));
    assert!(matches!(
        worker.answer(&[], json),
        Some(Reply::Failed(Message(m))) if m.starts_with("unreadable request")
    ));
    // a corpus it cannot read: said with every answer
    assert_eq!(
        worker.answer(&Request::Corpus(vec![1, 2, 3]).to_bytes(), json),
        None
    );
    assert!(matches!(
        worker.answer(&describe(2).to_bytes(), json),
        Some(Reply::Described {
            seq: 2,
            panel: Err(Message(m))
        }) if m.starts_with("the corpus could not be read")
    ));
    // the real corpus
    let corpus = Request::Corpus(common::bundle().to_bytes()).to_bytes();
    assert_eq!(worker.answer(&corpus, json), None);
    assert!(matches!(
        worker.answer(&describe(3).to_bytes(), json),
        Some(Reply::Described {
            seq: 3,
            panel: Ok(_)
        })
    ));
    let results = Request::Describe {
        seq: 4,
        query: "q=terrorism".into(),
        width: None,
    };
    assert_eq!(
        worker.answer(&results.to_bytes(), json),
        Some(Reply::Described {
            seq: 4,
            panel: Err(Failure::NotAnAnalysis("results".into()).into())
        })
    );
    let export = Request::Export {
        seq: 5,
        query: "view=words".into(),
        kind: ExportKind::Table("csto-nothing".into()),
        json: true,
        source: Source {
            page: "https://example.org/".into(),
            corpus_version: "v".into(),
            app_version: "a".into(),
        },
    };
    assert_eq!(
        worker.answer(&export.to_bytes(), json),
        Some(Reply::Exported {
            seq: 5,
            file: Err(Failure::NoTable("csto-nothing".into()).into())
        })
    );
}
