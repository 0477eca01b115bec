//! Search on the real seed corpus: aliases, stemming, phrases, exclusion, OR,
//! diacritics and facet counts, table-driven, with answers checked against
//! the texts in `corpus/statements/`.

use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{SearchResults, Searcher, Sort};
use csto_core::view::ViewState;
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        Bundle::new(csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")))
    })
}

fn run(qs: &str) -> SearchResults {
    let (mut v, notices) = ViewState::decode(qs);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    let (filters, notices) = v.resolve(&bundle().corpus);
    assert!(notices.is_empty(), "{qs}: {notices:?}");
    Searcher::new(bundle()).search(&Query::parse(&v.q), &filters, Sort::DateAsc)
}

/// The years of the matching statements, oldest first.
fn years(r: &SearchResults) -> Vec<u16> {
    r.statements
        .iter()
        .map(|s| bundle().corpus.statements[s.statement as usize].date.year)
        .collect()
}

#[test]
fn queries_find_the_right_statements() {
    let cases: &[(&str, &[u16])] = &[
        // the anti-drug operation in all its spellings
        ("q=Kanal", &[2007, 2016, 2019, 2024]),
        ("q=canal", &[2007, 2016, 2019, 2024]),
        ("q=Channel", &[2007, 2016, 2019, 2024]),
        // Illegal (the operation, capitalized) is reached from Nelegal, not the reverse
        ("q=Nelegal", &[2016, 2019, 2024]),
        ("q=Nyelegal", &[2016, 2019, 2024]),
        ("q=Proxy", &[2016, 2024]),
        ("q=Mercenary", &[2016, 2024]),
        ("q=Nayomnik+OR+Proxy", &[2016, 2024]),
        ("q=Kanal+OR+Proxy", &[2007, 2016, 2019, 2024]),
        ("q=Byelorussia", &[2004, 2007]),
        ("q=Belarus", &[2004, 2007]),
        ("q=ISIL", &[2016, 2019]),
        ("q=Antonio", &[2019, 2024]),
        ("q=ant%C3%B3nio+guterres", &[2019, 2024]),
        ("q=terrorist", &[2004, 2007, 2016, 2019, 2024]),
        ("q=%22illegal+migration%22", &[2007, 2016, 2019, 2024]),
        ("q=73%2F331", &[2019]),
        ("q=A%2FRES%2F77%2F13", &[2024]),
        ("q=seventy-third", &[2019]),
        ("q=peacekeeping+-Afghanistan", &[2016, 2024]),
        ("q=peacekeep*", &[2016, 2024]),
        ("q=peacema*", &[2007]),
        ("q=nothingofthesort", &[]),
    ];
    for (qs, expected) in cases {
        assert_eq!(years(&run(qs)), *expected, "{qs}");
    }
}

#[test]
fn an_alias_spelled_with_a_capital_reaches_only_capitalized_words() {
    // 2024 ¶ "operations “Channel”, … to cut off channels of recruitment":
    // Kanal finds the operation, not the recruitment channels.
    let r = run("q=kanal&year=2024");
    let hits: usize = r
        .passages(&r.statements[0])
        .iter()
        .map(|p| r.hits(p).len())
        .sum();
    assert_eq!(hits, 1);
    // Typing the word itself finds it in any case.
    let r = run("q=channel&year=2024");
    let hits: usize = r
        .passages(&r.statements[0])
        .iter()
        .map(|p| r.hits(p).len())
        .sum();
    assert_eq!(hits, 2);
}

#[test]
fn exclusion_drops_passages_everywhere_including_the_reader() {
    let s = Searcher::new(bundle());
    let with = run("q=peacekeeping");
    let without = run("q=peacekeeping+-afghanistan");
    assert!(without.passage_count < with.passage_count);
    let q = Query::parse("peacekeeping -afghanistan");
    for hit in &without.statements {
        let highlighted = s.hits_in_statement(&q, hit.statement);
        assert_eq!(highlighted.len(), hit.passage_count());
        for (para, _) in highlighted {
            let text =
                &bundle().corpus.statements[hit.statement as usize].passages[para as usize].text;
            assert!(!text.contains("Afghanistan"), "{text}");
        }
    }
}

#[test]
fn facet_counts_follow_filters_and_ranges() {
    let all = run("");
    assert_eq!(all.statements.len(), 5);
    let total: u32 = all.facets.speakers.iter().map(|c| c.statements).sum();
    assert_eq!(total, 5);
    // A range narrows the year counts: 2004 would give nothing.
    let r = run("from=2010&to=2020");
    assert_eq!(years(&r), [2016, 2019]);
    let y2004 = r
        .facets
        .years
        .iter()
        .find(|(y, _)| *y == 2004)
        .map(|(_, c)| *c);
    assert_eq!(y2004.map(|c| c.statements), Some(0));
    let y2016 = r
        .facets
        .years
        .iter()
        .find(|(y, _)| *y == 2016)
        .map(|(_, c)| *c);
    assert_eq!(y2016.map(|c| c.statements), Some(1));
    // Ticking a speaker leaves the speaker counts (OR within a facet) and
    // changes the theme counts (AND across facets).
    let base = run("q=terrorism");
    let one = run("q=terrorism&speaker=bordyuzha");
    assert_eq!(base.facets.speakers, one.facets.speakers);
    assert_ne!(base.facets.themes, one.facets.themes);
    assert_eq!(years(&one), [2016]);
    // Two speakers: either.
    assert_eq!(
        years(&run("q=terrorism&speaker=bordyuzha,semerikov")),
        [2016, 2019]
    );
}

#[test]
fn did_you_mean_offers_indexed_words() {
    let r = run("q=terorism");
    assert!(r.statements.is_empty());
    assert_eq!(r.suggestions, ["terrorism"]);
    let r = run("q=peacekeping+kanal");
    assert_eq!(r.suggestions, ["peacekeeping kanal"]);
}

#[test]
fn entity_filter_is_passage_level() {
    let r = run("entity=sc-1373");
    assert_eq!(years(&r), [2004, 2019]);
}

/// `Filters::statements` is the one rule of which statements pass the
/// filters: it lists exactly what a search with no query lists, for every
/// kind of filter and their combinations.
#[test]
fn filtered_statements_are_what_browsing_lists() {
    let cases = [
        "",
        "speaker=bordyuzha",
        "year=2016,2024",
        "from=2010&to=2020",
        "theme=drug-trafficking",
        "entity=sc-1373",
        "speaker=bordyuzha,tasmagambetov&theme=counter-terrorism",
        "from=2005&theme=illegal-migration&entity=org-osce",
    ];
    for qs in cases {
        let browsed: Vec<u16> = run(qs).statements.iter().map(|s| s.statement).collect();
        let (mut v, _) = ViewState::decode(qs);
        let (filters, _) = v.resolve(&bundle().corpus);
        let mut listed = filters.statements(bundle());
        assert_eq!(listed, browsed, "{qs}");
        // and the speaker/year part alone never lists fewer
        listed.retain(|s| {
            !filters
                .statements_by_speaker_and_year(bundle().table())
                .contains(s)
        });
        assert!(listed.is_empty(), "{qs}");
    }
}

/// Every passage's tokens as (folded word, stem), in order.
fn passage_tokens() -> Vec<Vec<(String, String)>> {
    bundle()
        .corpus
        .statements
        .iter()
        .flat_map(|s| &s.passages)
        .map(|p| {
            csto_core::text::tokens(&p.text)
                .map(|t| (csto_core::text::fold(&p.text[t.start..t.end]), t.term))
                .collect()
        })
        .collect()
}

/// Passage ids (in corpus order) the search finds for `q`, no filters.
fn found_passages(q: &str) -> Vec<u32> {
    let r = Searcher::new(bundle()).search(
        &Query::parse(q),
        &csto_core::search::Filters::default(),
        Sort::DateAsc,
    );
    let mut out: Vec<u32> = r.passage_hits().map(|(p, _)| p).collect();
    out.sort();
    out
}

/// `a NEAR/n b` finds exactly the passages where a brute-force scan of the
/// tokens finds the two words at most n apart (adjacent = 1), either order.
#[test]
fn near_agrees_with_a_brute_force_scan() {
    let pairs = [
        ("drug", "trafficking"),
        ("terrorism", "afghanistan"),
        ("security", "council"),
        ("member", "states"),
        ("peacekeeping", "forces"),
    ];
    let tokens = passage_tokens();
    let mut nonempty = 0;
    for (a, b) in pairs {
        let (ta, tb) = (csto_core::text::term(a), csto_core::text::term(b));
        for n in [1u16, 3, 10] {
            let expected: Vec<u32> = tokens
                .iter()
                .enumerate()
                .filter(|(_, toks)| {
                    let at = |t: &str| -> Vec<u16> {
                        toks.iter()
                            .enumerate()
                            .filter(|(_, (_, s))| s == t)
                            .map(|(i, _)| i as u16)
                            .collect()
                    };
                    let (pa, pb) = (at(&ta), at(&tb));
                    pa.iter()
                        .any(|&x| pb.iter().any(|&y| x != y && x.abs_diff(y) <= n))
                })
                .map(|(i, _)| i as u32)
                .collect();
            let q = format!("{a} NEAR/{n} {b}");
            assert_eq!(found_passages(&q), expected, "{q}");
            nonempty += !expected.is_empty() as usize;
        }
    }
    assert!(nonempty >= 8, "the pairs should mostly occur: {nonempty}");
}

/// `*ism` and `*terror*` find the passages with a word ending with / containing
/// the part, like a scan of the folded words. Each word found then matches
/// as a typed word does, with its stem's other forms (`*ism` reaches
/// "terrorist" through "terrorism"), as `migra*` always has.
#[test]
fn suffix_and_infix_wildcards_agree_with_a_scan() {
    let tokens = passage_tokens();
    for (q, part, infix) in [
        ("*ism", "ism", false),
        ("*terror*", "terror", true),
        ("*ation", "ation", false),
    ] {
        let matches = |w: &str| {
            if infix {
                w.contains(part)
            } else {
                w.ends_with(part)
            }
        };
        let stems: Vec<&String> = tokens
            .iter()
            .flatten()
            .filter(|(w, _)| matches(w))
            .map(|(_, s)| s)
            .collect();
        let expected: Vec<u32> = tokens
            .iter()
            .enumerate()
            .filter(|(_, toks)| toks.iter().any(|(_, s)| stems.contains(&s)))
            .map(|(i, _)| i as u32)
            .collect();
        assert!(!expected.is_empty(), "{q}");
        assert_eq!(found_passages(q), expected, "{q}");
    }
}

/// The start page (no query, any filters) is drawn from the corpus and the
/// passage table: the index stays unbuilt, so the first results do not wait
/// for it, and the results are those of a bundle whose index is built.
#[test]
fn browsing_does_not_build_the_index() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let fresh = Bundle::new(
        csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")),
    );
    for qs in [
        "",
        "speaker=bordyuzha",
        "theme=drug-trafficking&from=2010",
        "entity=sc-1373",
    ] {
        let (mut v, _) = ViewState::decode(qs);
        let (filters, notices) = v.resolve(&fresh.corpus);
        assert!(notices.is_empty(), "{qs}: {notices:?}");
        let query = Query::parse(&v.q);
        assert!(query.clauses.is_empty(), "{qs}");
        let got = Searcher::new(&fresh).search(&query, &filters, Sort::DateDesc);
        assert!(!fresh.is_indexed(), "{qs}: browsing built the index");
        let (filters, _) = v.resolve(&bundle().corpus);
        bundle().index();
        let want = Searcher::new(bundle()).search(&query, &filters, Sort::DateDesc);
        assert_eq!(got.statements, want.statements, "{qs}");
        assert_eq!(got.facets, want.facets, "{qs}");
        assert!(!got.statements.is_empty(), "{qs}");
    }
    // A query builds it.
    let (filters, _) = ViewState::default().resolve(&fresh.corpus);
    let found = Searcher::new(&fresh).search(&Query::parse("terrorism"), &filters, Sort::DateDesc);
    assert!(!found.statements.is_empty());
    assert!(fresh.is_indexed());
}
