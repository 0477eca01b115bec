//! A digest of every analysis view and every download, to show that a
//! refactoring left what the worker sends alone (issue 21): for the seed
//! corpus and the 1,000-statement synthetic corpus (`synthesize(seed,
//! 1000, 42)`, the corpus of `scripts/bench-load.sh --scale 1000`), each
//! view below is described and hashed twice, as the page receives it (the
//! reply's bytes) and with its "How this is computed" texts left out (so a
//! change to a method text shows as a change of the first hash only); then
//! every table's CSV and JSON download and the export menu's files.
//!
//! ```text
//! cargo run --release -p csto-analyses --example view_digest > after.txt
//! diff before.txt after.txt   # docs/view-digest.txt holds the values before issue 21
//! ```

use csto_analyses::Analyses;
use csto_core::bundle::Bundle;
use csto_core::panel::{ExportKind, Message, Node, Reply, Source};
use std::hash::{Hash, Hasher};

/// Every analysis tab with a few parameter variants, and the page's width
/// where the view is laid out to it.
const VIEWS: &[(&str, Option<u32>)] = &[
    ("view=concordance", None),
    ("q=terrorism&view=concordance", None),
    ("q=terrorism&view=concordance&ksort=right", None),
    (
        "q=security&view=concordance&ksort=left&speaker=bordyuzha",
        None,
    ),
    (
        "q=drug NEAR/3 terrorism&view=concordance&ksort=newest",
        None,
    ),
    ("view=trends", Some(800)),
    ("q=terrorism&view=trends", Some(800)),
    ("view=trends&t=terrorism&t=migration", Some(800)),
    (
        "view=trends&t=terrorism&t=migration&by=statement",
        Some(360),
    ),
    ("q=terrorism&view=trends&scale=raw", None),
    ("view=themes", None),
    ("view=themes&by=statement", None),
    ("q=afghanistan&view=themes&theme=drug-trafficking", None),
    ("view=compare", None),
    ("q=terrorism&view=compare", None),
    ("view=compare&a=year:2004&b=year:2024", None),
    ("view=compare&a=speaker:bordyuzha", None),
    ("view=compare&a=theme:counter-terrorism&stop=hide", None),
    (
        "view=compare&a=doc:2016-bordyuzha&b=doc:2019-semerikov",
        None,
    ),
    ("view=keywords&kw=2019", None),
    ("view=words", None),
    ("view=words&stem=1&stop=hide&tsort=range", None),
    ("view=words&tsort=alpha&min=3&speaker=semerikov", None),
    ("view=ngrams", None),
    ("q=afghanistan&view=ngrams&n=3&with=1", None),
    ("view=ngrams&n=4&min=1&stop=hide&tsort=range", None),
    ("view=ngrams&n=5&tsort=alpha", None),
    ("view=summary", None),
    ("view=summary&speaker=bordyuzha", None),
    ("view=summary&from=2010&to=2024", None),
    ("view=collocates", None),
    ("q=terrorism&view=collocates", None),
    ("q=terrorism&view=collocates&l=3&r=3&tsort=g2", None),
    (
        "q=security&view=collocates&l=0&r=10&min=1&stop=show&tsort=logdice",
        None,
    ),
    ("q=drug&view=collocates&tsort=mi&stop=hide", None),
    ("view=dispersion", None),
    ("q=Afghanistan&view=dispersion", None),
    ("q=Afghanistan&view=dispersion&speaker=bordyuzha", None),
    ("q=terror*&view=dispersion", None),
    ("q=nosuchwordatall&view=dispersion", None),
    ("q=nosuchwordatall&view=collocates", None),
    ("view=results", None),
];

/// The export menu's files, for these views.
const MENU: &[&str] = &[
    "q=terrorism",
    "q=terrorism&view=concordance&ksort=right",
    "speaker=bordyuzha&sort=date",
];

fn hash(bytes: &[u8]) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// `node` with every method disclosure emptied.
fn without_method(node: &Node) -> Node {
    match node {
        Node::Method(_) => Node::Method(Vec::new()),
        Node::Element(e) => {
            let mut e = e.clone();
            e.children = e.children.iter().map(without_method).collect();
            Node::Element(e)
        }
        Node::Link(l) => {
            let mut l = l.clone();
            l.children = l.children.iter().map(without_method).collect();
            Node::Link(l)
        }
        other => other.clone(),
    }
}

/// The download names of a described view's tables.
fn table_names(node: &Node) -> Vec<String> {
    node.walk()
        .into_iter()
        .filter_map(|n| match n {
            Node::Table(t) => Some(t.export_name.clone()),
            Node::Export(x) => Some(x.export_name.clone()),
            _ => None,
        })
        .collect()
}

fn file_line(analyses: &Analyses, query: &str, kind: &ExportKind, source: &Source) -> String {
    let mut parts = Vec::new();
    for json in [false, true] {
        let reply = Reply::Exported {
            seq: 1,
            file: analyses
                .export(query, kind, source)
                .map(|data| {
                    data.file(json, |d| {
                        serde_json::to_string_pretty(d).unwrap_or_else(|_| "[]".into())
                    })
                })
                .map_err(Message::from),
        };
        let len = match &reply {
            Reply::Exported { file: Ok(f), .. } => f.content.len(),
            _ => 0,
        };
        parts.push(format!(
            "{} {}B {}",
            if json { "json" } else { "csv" },
            len,
            hash(&reply.to_bytes())
        ));
    }
    parts.join("  ")
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    let source = Source {
        page: "https://example.org/tools/csto/".into(),
        corpus_version: "0123456789ab".into(),
        app_version: "0.0.0-digest".into(),
    };
    for n in [0usize, 1000] {
        let corpus = if n == 0 {
            seed.clone()
        } else {
            csto_core::compile::synth::synthesize(&seed, n, 42)
        };
        println!(
            "# corpus: {}",
            if n == 0 {
                "seed".into()
            } else {
                format!("{n}")
            }
        );
        let bytes = Bundle::new(corpus).to_bytes();
        let analyses = Analyses::from_bytes(&bytes).expect("the corpus decodes");
        for (query, width) in VIEWS {
            let panel = analyses.describe_at(query, *width).map_err(Message::from);
            let stripped = panel.as_ref().map(without_method).map_err(Clone::clone);
            let names = panel.as_ref().map(table_names).unwrap_or_default();
            let wire = Reply::Described { seq: 1, panel };
            let rows = Reply::Described {
                seq: 1,
                panel: stripped,
            };
            println!(
                "view {query} @{width:?}: all {} without-method {}",
                hash(&wire.to_bytes()),
                hash(&rows.to_bytes())
            );
            for name in names {
                let kind = ExportKind::Table(name.clone());
                println!(
                    "  export {name}: {}",
                    file_line(&analyses, query, &kind, &source)
                );
            }
        }
        for query in MENU {
            for kind in [
                ExportKind::Statements,
                ExportKind::Passages,
                ExportKind::Concordance,
            ] {
                println!(
                    "menu {query} {kind:?}: {}",
                    file_line(&analyses, query, &kind, &source)
                );
            }
        }
        let missing = ExportKind::Table("csto-no-such-table".into());
        println!(
            "missing table: {}",
            file_line(&analyses, "view=words", &missing, &source)
        );
    }
}
