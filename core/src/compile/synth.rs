//! Synthetic corpora for benchmarks and scale tests: `n` statements made by
//! resampling the seed paragraphs under varied speakers and years. The text
//! is real CSTO prose, so term statistics stay realistic as the corpus grows.
//!
//! [`synthesize`] builds one in memory (for the native benchmark), and
//! [`QUERY_SET`] is what the native benchmarks type into it;
//! [`write_corpus_dir`] writes one in the `corpus/` format, so the real build
//! (`CSTO_CORPUS_DIR=… trunk build`) can embed it instead of the seeds.

use crate::compile::themes::weights;
use crate::model::{Corpus, Speaker, Statement};
use std::fmt::Write as _;
use std::path::Path;

/// Synthetic speakers: enough to make the speaker facet realistically wide.
const SPEAKERS: usize = 40;

/// What researchers type, as the native benchmarks and profiles time it
/// (`examples/bench.rs`, `profile_search.rs`, `results_digest.rs`): words,
/// aliases, a phrase, an exclusion, OR, a prefix, a name, a misspelling
/// (the "did you mean" path), browsing (the empty query) and long queries.
pub const QUERY_SET: &[&str] = &[
    "kanal",
    "terrorist",
    "\"illegal migration\"",
    "terrorism -Afghanistan",
    "Nayomnik OR Proxy",
    "migra*",
    "Antonio Guterres",
    "peacekeeping united nations",
    "terorism",
    "",
    "collective security treaty organization",
    "drug trafficking afghanistan",
];

/// A corpus of `n` statements resampled from `seed`, deterministic for a given `rng_seed`.
pub fn synthesize(seed: &Corpus, n: usize, rng_seed: u64) -> Corpus {
    let mut rng = fastrand::Rng::with_seed(rng_seed);
    let pool: Vec<_> = seed
        .statements
        .iter()
        .flat_map(|s| s.passages.iter())
        .collect();
    let speakers: Vec<Speaker> = (0..SPEAKERS)
        .map(|i| Speaker {
            id: format!("speaker-{i:02}"),
            name: format!("Speaker {i:02}"),
        })
        .collect();
    let mut statements: Vec<Statement> = (0..n)
        .map(|i| {
            let len = rng.usize(8..=30);
            let passages: Vec<_> = (0..len)
                .map(|_| pool[rng.usize(..pool.len())].clone())
                .collect();
            let year = rng.u16(2004..=2024);
            let (month, day) = (rng.u8(1..=12), rng.u8(1..=28));
            let themes = weights(&passages, seed.themes.len());
            let mut s = Statement::bare(
                &format!("{year}-synthetic-{i:05}"),
                rng.u16(0..SPEAKERS as u16),
                year,
                passages,
            );
            s.title = format!("Synthetic statement {i}");
            s.role = "Synthetic role".into();
            (s.date.month, s.date.day) = (month, day);
            s.venue = "Synthetic venue".into();
            s.record = format!("SYN/{i}");
            s.kind = "synthetic".into();
            s.source_file = format!("synthetic-{i:05}.txt");
            s.themes = themes;
            s
        })
        .collect();
    statements.sort_by_key(|s| (s.date.year, s.date.month, s.date.day));
    Corpus {
        statements,
        speakers,
        themes: seed.themes.clone(),
        aliases: seed.aliases.clone(),
        // Entity mentions point at passages of the seed; a synthetic corpus
        // written with `write_corpus_dir` gets its own when it is loaded.
        entities: Vec::new(),
    }
}

/// Writes `corpus` in the `corpus/` format (statements/*.txt + *.toml, and
/// the themes and aliases files copied from `seed_dir`), for a real build.
pub fn write_corpus_dir(corpus: &Corpus, seed_dir: &Path, out: &Path) -> std::io::Result<()> {
    let statements = out.join("statements");
    std::fs::create_dir_all(&statements)?;
    for name in ["themes.toml", "aliases.toml", "entities.toml"] {
        let from = seed_dir.join(name);
        if from.exists() {
            std::fs::copy(&from, out.join(name))?;
        }
    }
    for s in &corpus.statements {
        let text: Vec<&str> = s.passages.iter().map(|p| p.text.as_str()).collect();
        std::fs::write(
            statements.join(format!("{}.txt", s.id)),
            text.join("\n\n") + "\n",
        )?;
        let sp = &corpus.speakers[s.speaker as usize];
        let mut toml = String::new();
        let q = |v: &str| format!("{v:?}");
        let _ = writeln!(toml, "title = {}", q(&s.title));
        let _ = writeln!(toml, "speaker_id = {}", q(&sp.id));
        let _ = writeln!(toml, "speaker = {}", q(&sp.name));
        let _ = writeln!(toml, "role = {}", q(&s.role));
        let _ = writeln!(
            toml,
            "date = \"{:04}-{:02}-{:02}\"",
            s.date.year, s.date.month, s.date.day
        );
        let _ = writeln!(toml, "date_precision = \"exact\"");
        let _ = writeln!(toml, "venue = {}", q(&s.venue));
        let _ = writeln!(toml, "record = {}", q(&s.record));
        let _ = writeln!(toml, "kind = {}", q(&s.kind));
        let _ = writeln!(toml, "source_file = {}", q(&s.source_file));
        let _ = writeln!(toml, "has_heading = false");
        std::fs::write(statements.join(format!("{}.toml", s.id)), toml)?;
    }
    Ok(())
}
