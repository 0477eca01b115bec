//! Trends: how often a query (or a theme) occurs per statement and per year,
//! normalised per 10,000 words, so a long 2024 speech and a short 2007 press
//! release can be compared; several queries side by side answer "when did
//! migration give way to terrorism?".
//!
//! An occurrence of a query is a hit of [`Searcher::search`] without filters:
//! every matched word or phrase in a passage that matches the whole query (so
//! `illegal migration` counts both words, but only in passages that have
//! both; `"illegal migration"` counts the phrase). Aliases, stemming and
//! prefixes work as in search. A theme's occurrences are the stretches of
//! text that earned its tags (the tag evidence), counted in every tagged
//! passage without overlaps.
//!
//! The word count of a statement is its number of tokens in the index, i.e.
//! the words of its paragraphs; the heading and the speaker lead ("Mr. X
//! (spoke in Russian):") are not counted. A year's figure pools its
//! statements: the sum of counts over the sum of words, not a mean of rates.
//!
//! ```text
//! per_10k = count × 10,000 / words
//! ```

use crate::bundle::Bundle;
use crate::model::ThemeId;
use crate::query::Query;
use crate::search::{Filters, Searcher, Sort};
use crate::util::order;

/// One point of a series: a statement (`at` = its [`crate::model::StatementId`]) or
/// a year (`at` = the year).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub at: u16,
    pub count: u32,
    pub words: u32,
    /// `count` per 10,000 words (0 when there are no words).
    pub per_10k: f64,
}

impl Point {
    fn new(at: u16, count: u32, words: u32) -> Point {
        let per_10k = super::tokens::per_10k(count, words as u64);
        Point {
            at,
            count,
            words,
            per_10k,
        }
    }
}

/// A query's or theme's occurrences over the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The query as typed, or the theme's label.
    pub label: String,
    /// Every statement, in corpus (date) order.
    pub statements: Vec<Point>,
    /// Every year that has a statement, ascending.
    pub years: Vec<Point>,
}

/// Tokens per statement, indexed by statement id.
pub fn statement_words(bundle: &Bundle) -> Vec<u32> {
    let mut words = vec![0u32; bundle.corpus.statements.len()];
    for r in &bundle.index().passages {
        words[r.statement as usize] += r.spans.len() as u32;
    }
    words
}

/// A series from occurrence counts per statement (indexed by statement id).
pub fn series(bundle: &Bundle, label: &str, counts: &[u32]) -> Series {
    let words = statement_words(bundle);
    let statements = bundle
        .corpus
        .statements
        .iter()
        .enumerate()
        .map(|(s, _)| Point::new(s as u16, counts.get(s).copied().unwrap_or(0), words[s]))
        .collect();
    let mut years: Vec<Point> = Vec::new();
    for (s, statement) in bundle.corpus.statements.iter().enumerate() {
        let (c, w) = (counts.get(s).copied().unwrap_or(0), words[s]);
        match years.iter_mut().find(|p| p.at == statement.date.year) {
            Some(p) => *p = Point::new(p.at, p.count + c, p.words + w),
            None => years.push(Point::new(statement.date.year, c, w)),
        }
    }
    order::sort_by_key(&mut years, |p| p.at);
    Series {
        label: label.to_string(),
        statements,
        years,
    }
}

/// Occurrences of `query` per statement (see the module docs).
pub fn query_counts(searcher: &Searcher, query: &Query) -> Vec<u32> {
    let bundle = searcher.bundle();
    let mut counts = vec![0u32; bundle.corpus.statements.len()];
    if query.is_browse() {
        return counts;
    }
    let results = searcher.search(query, &Filters::default(), Sort::Relevance);
    for s in &results.statements {
        let hits = results.passages(s).iter().map(|p| results.hits(p).len());
        counts[s.statement as usize] += hits.sum::<usize>() as u32;
    }
    counts
}

/// The series of one query, labelled `label`.
pub fn trend(searcher: &Searcher, label: &str, query: &Query) -> Series {
    series(searcher.bundle(), label, &query_counts(searcher, query))
}

/// One series per query string, in the given order, for comparing terms.
pub fn trends(bundle: &Bundle, queries: &[&str]) -> Vec<Series> {
    let searcher = Searcher::new(bundle);
    queries
        .iter()
        .map(|q| trend(&searcher, q.trim(), &Query::parse(q)))
        .collect()
}

/// Occurrences of a theme's evidence per statement: in each passage tagged
/// with `theme`, every place its evidence is written, whole words only,
/// longest first and without overlaps.
pub fn theme_counts(bundle: &Bundle, theme: ThemeId) -> Vec<u32> {
    let corpus = &bundle.corpus;
    let mut counts = vec![0u32; corpus.statements.len()];
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (s, statement) in corpus.statements.iter().enumerate() {
        for passage in &statement.passages {
            let Some(tag) = passage.themes.iter().find(|t| t.theme == theme) else {
                continue;
            };
            let text = passage.text.as_str();
            found.clear();
            for ev in tag.evidence.iter().filter(|e| !e.is_empty()) {
                for (i, _) in text.match_indices(ev.as_str()) {
                    let end = i + ev.len();
                    let before = text[..i].chars().next_back();
                    let after = text[end..].chars().next();
                    if !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                    {
                        found.push((i, end));
                    }
                }
            }
            // longest first at a place, then skip what overlaps a counted one
            order::sort_by_key(&mut found, |&(i, e)| (i, std::cmp::Reverse(e)));
            let mut until = 0;
            for &(i, e) in &found {
                if i >= until {
                    counts[s] += 1;
                    until = e;
                }
            }
        }
    }
    counts
}

/// The series of a theme, labelled with the theme's label.
pub fn theme_trend(bundle: &Bundle, theme: ThemeId) -> Series {
    let label = &bundle.corpus.theme(theme).label;
    series(bundle, label, &theme_counts(bundle, theme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn bundle() -> Bundle {
        let statement = |id: &str, year: u16, paras: &[&str], theme: &[&[&str]]| {
            let passages = paras
                .iter()
                .zip(theme)
                .map(|(t, ev)| Passage {
                    text: t.to_string(),
                    themes: if ev.is_empty() {
                        vec![]
                    } else {
                        vec![ThemeTag {
                            theme: 0,
                            evidence: ev.iter().map(|e| e.to_string()).collect(),
                        }]
                    },
                })
                .collect();
            Statement::bare(id, 0, year, passages)
        };
        Bundle::new(Corpus {
            statements: vec![
                // 4 + 4 = 8 words
                statement(
                    "a",
                    2004,
                    &["terrorism and drug trafficking", "terrorists are a threat"],
                    &[&["drug trafficking"], &[]],
                ),
                // 5 words
                statement(
                    "b",
                    2016,
                    &["counter-terrorism, drugs and migration"],
                    &[&["drugs"]],
                ),
                // 2 words
                statement("c", 2016, &["illegal migration"], &[&[]]),
            ],
            speakers: vec![Speaker {
                id: "x".into(),
                name: "X".into(),
            }],
            themes: vec![Theme {
                id: "drugs".into(),
                label: "Drugs".into(),
                terms: vec![],
            }],
            aliases: vec![],
            entities: vec![],
        })
    }

    #[test]
    fn counts_and_rates() {
        let b = bundle();
        assert_eq!(statement_words(&b), [8, 5, 2]);
        // (query, counts per statement, (year, count, words) per year)
        type Case<'a> = (&'a str, [u32; 3], &'a [(u16, u32, u32)]);
        let cases: &[Case] = &[
            // terrorism = terrorists (stem "terror"); counter-terrorism counts once
            ("terrorism", [2, 1, 0], &[(2004, 2, 8), (2016, 1, 7)]),
            ("migration", [0, 1, 1], &[(2004, 0, 8), (2016, 2, 7)]),
            // both words, only where both occur: b has no "illegal"
            (
                "illegal migration",
                [0, 0, 2],
                &[(2004, 0, 8), (2016, 2, 7)],
            ),
            (
                "\"drug trafficking\"",
                [1, 0, 0],
                &[(2004, 1, 8), (2016, 0, 7)],
            ),
            ("", [0, 0, 0], &[(2004, 0, 8), (2016, 0, 7)]),
        ];
        for (q, counts, years) in cases {
            let s = &trends(&b, &[q])[0];
            let got: Vec<u32> = s.statements.iter().map(|p| p.count).collect();
            assert_eq!(got, counts, "{q:?}");
            let got: Vec<(u16, u32, u32)> =
                s.years.iter().map(|p| (p.at, p.count, p.words)).collect();
            assert_eq!(got, *years, "{q:?}");
            for p in s.statements.iter().chain(&s.years) {
                assert!((p.per_10k - p.count as f64 * 10_000.0 / p.words as f64).abs() < 1e-9);
            }
        }
        // 2 in 8 words = 2,500 per 10,000; 2016 pools 1 in 7
        let t = &trends(&b, &["terrorism"])[0];
        assert!((t.years[0].per_10k - 2500.0).abs() < 1e-9);
        assert!((t.years[1].per_10k - 10_000.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn theme_counts_use_evidence() {
        let b = bundle();
        // a: "drug trafficking" once (the tagged passage only); b: "drugs" once
        assert_eq!(theme_counts(&b, 0), [1, 1, 0]);
        assert_eq!(theme_trend(&b, 0).label, "Drugs");
    }
}
