//! The long run of the hostile-input properties (`tests/hostile_input.rs`):
//! N random inputs (default 10 million) through the URL codec, the query
//! parser and the search, checking that nothing panics and that decoding
//! then encoding is stable. Random but reproducible (seeded).
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example fuzz -- 10000000
//! ```

use csto_core::bundle::Bundle;
use csto_core::query::Query;
use csto_core::search::{Searcher, Sort};
use csto_core::view::ViewState;
use std::time::Instant;

const PIECES: &[&str] = &[
    "q=",
    "speaker=",
    "theme=",
    "year=",
    "from=",
    "to=",
    "doc=",
    "p=",
    "sort=",
    "view=",
    "entity=",
    "ksort=",
    "t=",
    "by=",
    "kw=",
    "&",
    "=",
    ",",
    "%",
    "%FF",
    "%C3%B3",
    "%E2%80",
    "+",
    "\"",
    "“",
    "-",
    "*",
    " OR ",
    " ",
    "kanal",
    "terrorism",
    "António",
    "’s",
    "<script>",
    "2016",
    "99999",
    "-5",
    "bordyuzha",
    "2016-bordyuzha",
    "date-desc",
    "concordance",
];

fn random_input(rng: &mut fastrand::Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.usize(0..16) {
        match rng.u8(0..4) {
            0 => s.push(rng.char(..)),
            1 => s.push(rng.alphanumeric()),
            _ => s.push_str(PIECES[rng.usize(..PIECES.len())]),
        }
    }
    s
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let bundle = Bundle::new(
        csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")),
    );
    let searcher = Searcher::new(&bundle);
    let mut rng = fastrand::Rng::with_seed(7);
    let t = Instant::now();
    let mut searched = 0u64;
    for i in 0..n {
        let input = random_input(&mut rng);
        let (mut v, _) = ViewState::decode(&input);
        let once = v.encode();
        let again = ViewState::decode(&once).0;
        assert_eq!(again, v, "decode(encode(decode({input:?}))) differs");
        assert_eq!(again.encode(), once, "encode not stable for {input:?}");
        let q = Query::parse(&input);
        // Searching is the slow part; do it for every 16th input.
        if i % 16 == 0 {
            let (filters, _) = v.resolve(&bundle.corpus);
            let _ = searcher.search(&q, &filters, Sort::Relevance);
            searched += 1;
        }
        if i % 1_000_000 == 999_999 {
            eprintln!("{} inputs, {:.1} s", i + 1, t.elapsed().as_secs_f64());
        }
    }
    println!(
        "fuzz: {n} inputs decoded, re-encoded and parsed, {searched} searched, no panic, in {:.1} s",
        t.elapsed().as_secs_f64()
    );
}
