//! Prints the real corpus's theme tags, for reviewing a change to
//! `corpus/themes.toml` or the tagger: one line per tagged paragraph and
//! theme, then the count of tagged paragraphs per theme.
//!
//! ```text
//! cargo run -p csto-core --features compile --example theme_tags [-- CORPUS_DIR] > tags.tsv
//! cargo run -p csto-core --features compile --example theme_tags -- --read [CORPUS_DIR]
//! ```
//!
//! `--read` prints every paragraph in full with its tags instead, for
//! reading the corpus the way a reviewer of the tags does.
//!
//! Lines are `statement  ¶  theme  evidence  opening words`, tab-separated;
//! the opening words identify a paragraph across a change that renumbers
//! paragraphs, so two runs can be compared with `sort` and `comm`.

use std::path::PathBuf;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let read = args.first().is_some_and(|a| a == "--read");
    if read {
        args.remove(0);
    }
    let dir = PathBuf::from(args.first().map_or("corpus", String::as_str));
    let corpus = csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let mut counts = vec![0u32; corpus.themes.len()];
    for s in &corpus.statements {
        for (i, p) in s.passages.iter().enumerate() {
            if read {
                println!("\n{} ¶{}: {}", s.id, i + 1, p.text);
                for t in &p.themes {
                    let theme = corpus.theme(t.theme);
                    println!("  [{}] {}", theme.id, t.evidence.join(" | "));
                }
                continue;
            }
            let opening: String = p.text.chars().take(48).collect();
            for t in &p.themes {
                counts[t.theme as usize] += 1;
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    s.id,
                    i + 1,
                    corpus.theme(t.theme).id,
                    t.evidence.join(", "),
                    opening
                );
            }
        }
    }
    if read {
        return;
    }
    let paragraphs: usize = corpus.statements.iter().map(|s| s.passages.len()).sum();
    println!("# tagged paragraphs per theme (of {paragraphs} paragraphs)");
    for (theme, n) in corpus.themes.iter().zip(counts) {
        println!("# {}\t{n}", theme.id);
    }
}
