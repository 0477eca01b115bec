//! One statement: `corpus/statements/<id>.toml` (its metadata) and
//! `<id>.txt` (its raw text, verbatim from the seed), read, checked field by
//! field and cleaned into passages; and the statement ids, every metadata
//! file with its text and every text with its metadata.

use std::fs;

use serde::Deserialize;

use super::cleanup::{break_after, clean, BreakError, CleanText};
use super::error::CorpusError;
use super::fields::non_empty;
use super::files::Files;
use crate::model::{Date, DatePrecision, Passage, Statement};
use crate::util::slug::is_slug;

/// Metadata of one statement, `corpus/statements/<id>.toml`. Unknown fields
/// are rejected so a misspelled optional field is not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementFile {
    title: String,
    speaker_id: String,
    speaker: String,
    role: String,
    date: String,
    date_precision: String,
    date_note: Option<String>,
    venue: String,
    record: String,
    record_url: Option<String>,
    kind: String,
    source_file: String,
    #[serde(default)]
    has_heading: bool,
    note: Option<String>,
    /// Curated paragraph breaks the source lost: each the sentence (as the
    /// cleaned paragraph reads) after which a new paragraph starts.
    #[serde(default)]
    split_after: Vec<String>,
}

/// A statement before speakers are numbered.
pub(super) struct Loaded {
    pub(super) statement: Statement,
    pub(super) speaker_id: String,
    pub(super) speaker_name: String,
}

/// Statement ids (file stems), sorted, after checking that every `.toml` has
/// its `.txt` and every `.txt` its `.toml`.
pub(super) fn statement_ids(files: &Files) -> Result<Vec<String>, CorpusError> {
    let dir = files.statements_dir();
    let entries = fs::read_dir(&dir)
        .map_err(|e| files.error(&dir, None, format!("cannot read the directory: {e}")))?;
    let mut metadata = Vec::new();
    let mut texts = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| files.error(&dir, None, format!("cannot read the directory: {e}")))?
            .path();
        let (Some(stem), Some(ext)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        match ext {
            "toml" => metadata.push(stem.to_string()),
            "txt" => texts.push(stem.to_string()),
            _ => {}
        }
    }
    metadata.sort();
    texts.sort();
    if metadata.is_empty() {
        return Err(files.error(&dir, None, "no statements (<id>.toml + <id>.txt)"));
    }
    for id in &metadata {
        let txt = files.statement(id, "txt");
        if !texts.contains(id) {
            let toml = files.shown(&files.statement(id, "toml"));
            return Err(files.error(
                &txt,
                None,
                format!("the text of {} is missing", toml.display()),
            ));
        }
    }
    for id in &texts {
        if !metadata.contains(id) {
            let txt = files.statement(id, "txt");
            return Err(files.error(
                &files.statement(id, "toml"),
                None,
                format!(
                    "missing: {} has no metadata file",
                    files.shown(&txt).display()
                ),
            ));
        }
    }
    // File stems are unique within a directory, but a duplicate still
    // matters if ids are ever compared case-insensitively (URLs, some disks).
    for pair in metadata.windows(2) {
        if pair[0].eq_ignore_ascii_case(&pair[1]) {
            return Err(files.error(
                &files.statement(&pair[1], "toml"),
                Some("id"),
                format!("duplicate id {:?}", pair[0]),
            ));
        }
    }
    Ok(metadata)
}

/// Reads statement `id`: its metadata checked ([`check_required`],
/// [`date`], [`record_url`]) and its text cleaned into passages
/// ([`read_text`]), the first fault found failing the build with its file
/// and field.
pub(super) fn load_statement(files: &Files, id: &str) -> Result<Loaded, CorpusError> {
    let path = files.statement(id, "toml");
    let err = |field: &str, message: String| files.error(&path, Some(field), message);
    if !is_slug(id) {
        return Err(err(
            "id",
            format!("the file name {id:?} must be a URL-safe slug: lower-case letters, digits and single hyphens, e.g. \"2016-bordyuzha\""),
        ));
    }
    let meta: StatementFile = files.parse(&path)?;
    check_required(&meta, &err)?;
    let date = date(&meta, &err)?;
    let record_url = record_url(&meta, &err)?;
    let text = read_text(files, id, &meta, &err)?;
    let passages: Vec<Passage> = text
        .paragraphs
        .into_iter()
        .map(|text| Passage {
            themes: Vec::new(),
            text,
        })
        .collect();

    Ok(Loaded {
        statement: Statement {
            id: id.to_string(),
            title: meta.title,
            speaker: 0,
            role: meta.role,
            date,
            venue: meta.venue,
            record: meta.record,
            record_url,
            kind: meta.kind,
            note: non_empty(meta.note),
            source_file: meta.source_file,
            heading: text.heading,
            lead: text.lead,
            passages,
            themes: Vec::new(),
        },
        speaker_id: meta.speaker_id,
        speaker_name: meta.speaker,
    })
}

/// An error naming a field of the statement's metadata file.
type FieldError<'a> = dyn Fn(&str, String) -> CorpusError + 'a;

/// The required fields are not blank, and the speaker id is a slug.
fn check_required(meta: &StatementFile, err: &FieldError) -> Result<(), CorpusError> {
    let required = [
        ("title", &meta.title),
        ("speaker_id", &meta.speaker_id),
        ("speaker", &meta.speaker),
        ("role", &meta.role),
        ("date", &meta.date),
        ("date_precision", &meta.date_precision),
        ("venue", &meta.venue),
        ("record", &meta.record),
        ("kind", &meta.kind),
        ("source_file", &meta.source_file),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            return Err(err(field, "must not be empty".into()));
        }
    }
    if !is_slug(&meta.speaker_id) {
        return Err(err(
            "speaker_id",
            format!(
                "expected a URL-safe slug such as \"bordyuzha\", found {:?}",
                meta.speaker_id
            ),
        ));
    }
    Ok(())
}

/// The statement's date: a real calendar date, its precision, and for an
/// inferred date the note saying how it was inferred.
fn date(meta: &StatementFile, err: &FieldError) -> Result<Date, CorpusError> {
    let (year, month, day) = parse_date(&meta.date).ok_or_else(|| {
        err(
            "date",
            format!("expected a date as YYYY-MM-DD, found {:?}", meta.date),
        )
    })?;
    let precision = match meta.date_precision.as_str() {
        "exact" => DatePrecision::Exact,
        "inferred" => DatePrecision::Inferred,
        other => {
            return Err(err(
                "date_precision",
                format!("expected \"exact\" or \"inferred\", found {other:?}"),
            ))
        }
    };
    let note = non_empty(meta.date_note.clone());
    if precision == DatePrecision::Inferred && note.is_none() {
        return Err(err(
            "date_note",
            "an inferred date needs a note saying how it was inferred".into(),
        ));
    }
    Ok(Date {
        year,
        month,
        day,
        precision,
        note,
    })
}

/// The record's URL, if given (blank is none): http(s), without white
/// space.
fn record_url(meta: &StatementFile, err: &FieldError) -> Result<Option<String>, CorpusError> {
    let record_url = non_empty(meta.record_url.clone());
    if let Some(url) = &record_url {
        if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            return Err(err(
                "record_url",
                format!("expected an http(s) URL, found {url:?}"),
            ));
        }
    }
    Ok(record_url)
}

/// The text of statement `id` cleaned into paragraphs (at least one), with
/// the curated breaks (`split_after`) made.
fn read_text(
    files: &Files,
    id: &str,
    meta: &StatementFile,
    err: &FieldError,
) -> Result<CleanText, CorpusError> {
    let txt = files.statement(id, "txt");
    let raw = files.read(&txt)?;
    let mut text = clean(&raw, meta.has_heading);
    if text.paragraphs.is_empty() {
        let why = if meta.has_heading && text.heading.is_some() {
            "the text has a heading but no body (is `has_heading` right?)"
        } else {
            "the text is empty"
        };
        return Err(files.error(&txt, None, why));
    }
    for sentence in &meta.split_after {
        break_after(&mut text.paragraphs, sentence).map_err(|e| {
            let why = match e {
                BreakError::NotASentence => "does not end a sentence (with . ! or ?)".to_string(),
                BreakError::NotFound => format!("not found in {}", files.shown(&txt).display()),
                BreakError::AlreadyEnds => "already ends its paragraph".to_string(),
                BreakError::Ambiguous(n) => format!("found {n} times; quote more of it"),
            };
            err("split_after", format!("the sentence {sentence:?} {why}"))
        })?;
    }
    Ok(text)
}

/// `YYYY-MM-DD` as a real calendar date (so no 2016-02-30).
fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_slugs() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2016-13-01",
            "2016-00-10",
            "2016-1-01",
            "16-10-28",
            "2016-10-28T",
            "2016/10/28",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("2000-02-29").is_some());
        for good in ["2016-bordyuzha", "a", "x1-2y"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
