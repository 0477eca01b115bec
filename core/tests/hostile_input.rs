//! Hostile input: whatever a URL or a query contains, the codec and the
//! search never panic, and decoding then encoding is stable. A bounded
//! property run here (CI); `examples/fuzz.rs` is the long run.

use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{Searcher, Sort};
use csto_core::view::ViewState;
use proptest::prelude::*;
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        Bundle::new(csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")))
    })
}

/// Query strings built from the pieces the codec and the parser care about.
fn url_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("q=".to_string()),
        Just("speaker=".to_string()),
        Just("theme=".to_string()),
        Just("year=".to_string()),
        Just("from=".to_string()),
        Just("to=".to_string()),
        Just("doc=".to_string()),
        Just("p=".to_string()),
        Just("sort=".to_string()),
        Just("view=".to_string()),
        Just("entity=".to_string()),
        Just("ksort=".to_string()),
        Just("t=".to_string()),
        Just("by=".to_string()),
        Just("kw=".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just("%FF".to_string()),
        Just("%C3%B3".to_string()),
        Just("+".to_string()),
        Just("\"".to_string()),
        Just("<script>".to_string()),
        "[a-z0-9-]{0,12}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Queries built from the query language's own syntax and odd characters.
fn query_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("-".to_string()),
        Just("*".to_string()),
        Just(" OR ".to_string()),
        Just("kanal".to_string()),
        Just("terrorism".to_string()),
        Just("Antónío".to_string()),
        Just("’s".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        "[a-zA-Z]{1,10}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn decoding_any_text_is_stable(s in prop_oneof![url_like(), any::<String>()]) {
        let (v, notices) = ViewState::decode(&s);
        prop_assert!(notices.len() <= 9);
        let once = v.encode();
        let (again, _) = ViewState::decode(&once);
        prop_assert_eq!(&again, &v);
        prop_assert_eq!(again.encode(), once);
    }

    #[test]
    fn resolving_any_view_is_safe(s in url_like()) {
        let (mut v, _) = ViewState::decode(&s);
        let (filters, _) = v.resolve(&bundle().corpus);
        let r = Searcher::new(bundle()).search(&Query::parse(&v.q), &filters, v.effective_sort());
        prop_assert!(r.passage_count <= bundle().index().passages.len());
    }

    #[test]
    fn any_query_parses_and_searches(q in prop_oneof![query_like(), any::<String>()]) {
        let query = Query::parse(&q);
        let searcher = Searcher::new(bundle());
        for sort in [Sort::Relevance, Sort::DateAsc] {
            let r = searcher.search(&query, &Default::default(), sort);
            for s in &r.statements {
                let hits = searcher.hits_in_statement(&query, s.statement);
                prop_assert!(hits.len() <= bundle().corpus.statements[s.statement as usize].passages.len());
            }
        }
    }

    #[test]
    fn any_bytes_fail_to_decode_as_a_bundle_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = Bundle::from_bytes(&bytes);
    }
}

/// The shipped bytes are the corpus alone and the index is built from them
/// in the browser, so a corpus whose entity mentions point past its statements
/// or paragraphs must still give a bundle, not a panic.
#[test]
fn a_decoded_corpus_with_stray_mentions_still_indexes() {
    use csto_core::model::{Corpus, Entity, EntityKind, Mention};
    let mut corpus = Corpus::of_texts(&[(2004, &["The CSTO and the CIS."])]);
    corpus.entities.push(Entity {
        mentions: vec![
            Mention {
                statement: 0,
                paragraph: 0,
                start: 4,
                end: 8,
            },
            Mention {
                statement: 0,
                paragraph: 7,
                start: 0,
                end: 1,
            },
            Mention {
                statement: 9,
                paragraph: 0,
                start: 0,
                end: 1,
            },
        ],
        kind: EntityKind::Organization,
        key: "org-csto".into(),
        label: "CSTO".into(),
        name: None,
        url: None,
        note: None,
    });
    let bytes = postcard::to_allocvec(&corpus).expect("serializes");
    let b = Bundle::from_bytes(&bytes).expect("decodes");
    assert_eq!(b.table().entities(0), [0]);
}
