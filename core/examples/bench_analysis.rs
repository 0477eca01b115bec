//! Native benchmark of the analysis suite (`csto_core::analysis`): each
//! analysis over every statement of the seed corpus and of generated
//! corpora of 100 and 1,000 statements (seed paragraphs resampled, see
//! `synth.rs`), as a view with no filter computes it.
//!
//! ```text
//! cargo run --release -p csto-core --features compile --example bench_analysis
//! ```
//!
//! Prints, in milliseconds, the median, fastest and slowest wall-clock run
//! of each, and the median CPU time of the thread (on a shared machine the
//! CPU time and the fastest run are the least disturbed figures). Goals
//! (issue 11): under 5 ms on the seed corpus, under 100 ms on 1,000
//! statements.

use csto_core::analysis::*;
use csto_core::bundle::Bundle;
use csto_core::model::StatementId;
use csto_core::query::Query;
use std::time::Instant;

/// CPU time of this thread, in milliseconds: unlike the wall clock it does
/// not count the time the thread waits for a core, so it stays meaningful on
/// a machine shared with other builds. Linux only; elsewhere `None`.
#[cfg(target_os = "linux")]
fn thread_cpu_ms() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the struct we own.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.sec as f64 * 1000.0 + t.nsec as f64 / 1e6)
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_ms() -> Option<f64> {
    None
}

fn time(name: &str, rounds: usize, mut f: impl FnMut() -> usize) {
    // BENCH_ONLY=collocates runs only the analyses whose name contains it
    if std::env::var("BENCH_ONLY").is_ok_and(|only| !name.contains(&only)) {
        return;
    }
    let mut wall = Vec::with_capacity(rounds);
    let mut cpu = Vec::with_capacity(rounds);
    let mut checksum = 0;
    for _ in 0..rounds {
        let (t, c) = (Instant::now(), thread_cpu_ms());
        checksum += f();
        wall.push(t.elapsed().as_secs_f64() * 1000.0);
        if let (Some(c0), Some(c1)) = (c, thread_cpu_ms()) {
            cpu.push(c1 - c0);
        }
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let cpu_median = cpu.get(cpu.len() / 2).copied().unwrap_or(f64::NAN);
    println!(
        "  {name:<30} wall median {:>8.3} ms  min {:>8.3}  max {:>8.3}   cpu median {:>8.3} ms   (rows {})",
        wall[wall.len() / 2],
        wall[0],
        wall[wall.len() - 1],
        cpu_median,
        checksum / rounds
    );
}

fn bench(label: &str, b: &Bundle) {
    let n = b.corpus.statements.len();
    let all: Vec<StatementId> = (0..n as StatementId).collect();
    let tokens: usize = b.index().passages.iter().map(|p| p.spans.len()).sum();
    // what the first analysis pays once per bundle
    let (t, c) = (Instant::now(), thread_cpu_ms());
    let table = b.token_table().terms().len();
    println!(
        "{label}: {n} statements, {tokens} tokens; token table built in {:.2} ms (cpu {:.2} ms, {table} tokens)",
        t.elapsed().as_secs_f64() * 1000.0,
        thread_cpu_ms().zip(c).map_or(f64::NAN, |(c1, c0)| c1 - c0),
    );
    let rounds = match std::env::var("BENCH_ROUNDS") {
        Ok(r) => r.parse().expect("BENCH_ROUNDS is a number"),
        Err(_) if n > 500 => 15,
        Err(_) => 101,
    };
    let year = |y: u16| -> Vec<StatementId> {
        all.iter()
            .copied()
            .filter(|&s| b.corpus.statements[s as usize].date.year == y)
            .collect()
    };
    let (y2004, y2024) = (year(2004), year(2024));
    let terror = terms_of(b, "terrorism");
    let afghanistan = Query::parse("Afghanistan");

    time("word list (forms)", rounds, || {
        word_list(b, &all, &WordListOptions::default()).rows.len()
    });
    let stems = WordListOptions {
        unit: Unit::Stem,
        ..WordListOptions::default()
    };
    time("word list (stems)", rounds, || {
        word_list(b, &all, &stems).rows.len()
    });
    time("n-grams 2-5, min 2 (stems)", rounds, || {
        ngrams(b, &all, &NgramOptions::default()).rows.len()
    });
    let words = NgramOptions {
        unit: Unit::Word,
        ..NgramOptions::default()
    };
    time("n-grams 2-5, min 2 (forms)", rounds, || {
        ngrams(b, &all, &words).rows.len()
    });
    time("collocates of terrorism 5/5", rounds, || {
        collocates(b, &all, &terror, &CollocateOptions::default())
            .rows
            .len()
    });
    time("dispersion of Afghanistan", rounds, || {
        dispersion(b, &all, &afghanistan).freq as usize
    });
    time("compare 2004 / 2024", rounds, || {
        let c = compare(b, &y2004, &y2024, &CompareOptions::default());
        c.a.len() + c.b.len()
    });
    time("keyness, first statement", rounds, || {
        let options = CompareOptions {
            list_b: false,
            ..CompareOptions::default()
        };
        compare(b, &all[..1], &all[1..], &options).a.len()
    });
    time("summary (chunk 100, top 10)", rounds, || {
        summary(b, &all, &SummaryOptions::default())
            .statements
            .len()
    });
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let seed = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}"));
    bench("seed", &Bundle::new(seed.clone()));
    // BENCH_SIZES=100 runs only the seed and 100 statements
    let sizes: Vec<usize> = match std::env::var("BENCH_SIZES") {
        Ok(list) => list.split(',').filter_map(|n| n.parse().ok()).collect(),
        Err(_) => vec![100, 1000],
    };
    for n in sizes {
        let b = Bundle::new(csto_core::compile::synth::synthesize(&seed, n, 42));
        bench(&format!("synthetic {n}"), &b);
    }
}
