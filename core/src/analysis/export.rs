//! Exports of the current view: results (one row per statement), passages
//! (one row per matching passage) and the concordance (one row per line), as
//! CSV (RFC 4180, built here: quoting is all it needs) or as plain serde
//! values the app turns into JSON with the browser's own `JSON.stringify`.

use crate::analysis::concordance::KwicLine;
use crate::bundle::Bundle;
use crate::search::SearchResults;
use serde::Serialize;

/// One statement of the results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRow {
    pub id: String,
    pub title: String,
    pub speaker: String,
    pub role: String,
    pub date: String,
    pub date_precision: &'static str,
    pub venue: String,
    pub record: String,
    pub matching_passages: usize,
    pub permalink: String,
    /// The corpus version the row was computed from (see `build.rs`).
    pub corpus_version: String,
}

/// One matching passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageRow {
    pub statement: String,
    pub speaker: String,
    pub date: String,
    pub paragraph: u16,
    pub hits: usize,
    pub text: String,
    pub permalink: String,
    /// The corpus version the row was computed from (see `build.rs`).
    pub corpus_version: String,
}

/// One concordance line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KwicRow {
    pub statement: String,
    pub speaker: String,
    pub date: String,
    pub paragraph: u16,
    pub left: String,
    pub hit: String,
    pub right: String,
    pub permalink: String,
    /// The corpus version the row was computed from (see `build.rs`).
    pub corpus_version: String,
}

use crate::analysis::cite::iso_date as iso;

/// MIME type of CSV downloads.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";
/// MIME type of JSON downloads.
pub const JSON_MIME: &str = "application/json";

/// How a row's permalink is written: statement id and 1-based paragraph
/// to an absolute address. The app passes the URL codec's encoding, so a
/// permalink in an export is the same address the page itself would use.
pub type Permalink<'a> = &'a dyn Fn(&str, Option<u16>) -> String;

/// Where exported rows come from: how to link a paragraph, and the corpus
/// version every row carries, so a figure can be traced to its data.
pub struct Provenance<'a> {
    pub permalink: Permalink<'a>,
    pub corpus_version: &'a str,
}

pub fn statement_rows(
    bundle: &Bundle,
    results: &SearchResults,
    from: &Provenance,
) -> Vec<StatementRow> {
    let corpus = &bundle.corpus;
    results
        .statements
        .iter()
        .map(|hit| {
            let s = &corpus.statements[hit.statement as usize];
            StatementRow {
                id: s.id.clone(),
                title: s.title.clone(),
                speaker: corpus.speaker(s.speaker).name.clone(),
                role: s.role.clone(),
                date: iso(s),
                date_precision: match s.date.precision {
                    crate::model::DatePrecision::Exact => "exact",
                    crate::model::DatePrecision::Inferred => "inferred",
                },
                venue: s.venue.clone(),
                record: s.record.clone(),
                matching_passages: hit.passage_count(),
                permalink: (from.permalink)(&s.id, None),
                corpus_version: from.corpus_version.to_string(),
            }
        })
        .collect()
}

pub fn passage_rows(
    bundle: &Bundle,
    results: &SearchResults,
    from: &Provenance,
) -> Vec<PassageRow> {
    let corpus = &bundle.corpus;
    let mut rows = Vec::new();
    for hit in &results.statements {
        let s = &corpus.statements[hit.statement as usize];
        let mut passages: Vec<_> = results.passages(hit).iter().collect();
        crate::util::order::sort_by_key(&mut passages, |p| p.passage);
        for p in passages {
            let r = &bundle.index().passages[p.passage as usize];
            rows.push(PassageRow {
                statement: s.id.clone(),
                speaker: corpus.speaker(s.speaker).name.clone(),
                date: iso(s),
                paragraph: r.paragraph + 1,
                hits: results.hits(p).len(),
                text: s.passages[r.paragraph as usize].text.clone(),
                permalink: (from.permalink)(&s.id, Some(r.paragraph + 1)),
                corpus_version: from.corpus_version.to_string(),
            });
        }
    }
    rows
}

pub fn kwic_rows(bundle: &Bundle, lines: &[KwicLine<'_>], from: &Provenance) -> Vec<KwicRow> {
    let corpus = &bundle.corpus;
    lines
        .iter()
        .map(|l| {
            let s = &corpus.statements[l.statement as usize];
            KwicRow {
                statement: s.id.clone(),
                speaker: corpus.speaker(s.speaker).name.clone(),
                date: iso(s),
                paragraph: l.paragraph + 1,
                left: l.left.to_string(),
                hit: l.hit.to_string(),
                right: l.right.to_string(),
                permalink: (from.permalink)(&s.id, Some(l.paragraph + 1)),
                corpus_version: from.corpus_version.to_string(),
            }
        })
        .collect()
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(value: &str, out: &mut String) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A CSV document: a header line, then one line per row, CRLF-terminated.
pub fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(c, out);
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied(), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

/// A row type that can be written as CSV: its header and its cells.
pub trait CsvRecord {
    const HEADER: &'static [&'static str];
    fn cells(&self) -> Vec<String>;
}

impl CsvRecord for StatementRow {
    const HEADER: &'static [&'static str] = &[
        "id",
        "title",
        "speaker",
        "role",
        "date",
        "date_precision",
        "venue",
        "record",
        "matching_passages",
        "permalink",
        "corpus_version",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.title.clone(),
            self.speaker.clone(),
            self.role.clone(),
            self.date.clone(),
            self.date_precision.to_string(),
            self.venue.clone(),
            self.record.clone(),
            self.matching_passages.to_string(),
            self.permalink.clone(),
            self.corpus_version.clone(),
        ]
    }
}

impl CsvRecord for PassageRow {
    const HEADER: &'static [&'static str] = &[
        "statement",
        "speaker",
        "date",
        "paragraph",
        "hits",
        "text",
        "permalink",
        "corpus_version",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.statement.clone(),
            self.speaker.clone(),
            self.date.clone(),
            self.paragraph.to_string(),
            self.hits.to_string(),
            self.text.clone(),
            self.permalink.clone(),
            self.corpus_version.clone(),
        ]
    }
}

impl CsvRecord for KwicRow {
    const HEADER: &'static [&'static str] = &[
        "statement",
        "speaker",
        "date",
        "paragraph",
        "left",
        "hit",
        "right",
        "permalink",
        "corpus_version",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.statement.clone(),
            self.speaker.clone(),
            self.date.clone(),
            self.paragraph.to_string(),
            self.left.clone(),
            self.hit.clone(),
            self.right.clone(),
            self.permalink.clone(),
            self.corpus_version.clone(),
        ]
    }
}

/// `rows` as a CSV document with their header.
pub fn to_csv<T: CsvRecord>(rows: &[T]) -> String {
    csv(T::HEADER, rows.iter().map(CsvRecord::cells))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let doc = csv(
            &["a", "b"],
            vec![
                vec!["plain".to_string(), "with, comma".to_string()],
                vec!["say \"hi\"".to_string(), "two\nlines".to_string()],
            ],
        );
        assert_eq!(
            doc,
            "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
    }
}
