//! Build-time entity extraction (feature `compile`): the scanner for
//! resolution citations and document symbols, and the curated list of
//! organizations and operations in `corpus/entities.toml`.
//!
//! Entities: what the statements cite and name, so a reader can ask "who cites
//! resolution 1373?" or "where is the OSCE mentioned?" without guessing the
//! spellings.
//!
//! Five kinds ([`EntityKind`]):
//!
//! | kind | key | label | found as |
//! |---|---|---|---|
//! | Security Council resolution | `sc-1373` | `S/RES/1373 (2001)` | "resolution 1373 (2001)", "resolutions 1267 (1999) 1989 (2011) and 2253 (2015)", "resolutions, in particular 1624 and 2354", "S/RES/1373 (2001)" |
//! | General Assembly resolution | `ga-73-331` | `A/RES/73/331` | "resolution 73/331", "A/RES/77/13" |
//! | UN document | `doc-a-73-pv-13` | `A/73/PV.13` | a symbol such as "A/73/PV.13", "S/PV.8626" |
//! | organization | `org-osce` | `OSCE` | its forms in `corpus/entities.toml` ("Organization for Security and Cooperation in Europe", "OSCE") |
//! | operation | `op-kanal` | `Kanal` | its forms ("Kanal", "Canal", “Channel”), as a name only |
//!
//! Resolutions and symbols are recognised by their form, by a small scanner over
//! [`crate::text::word_spans`] and the punctuation between the words (no regex
//! crate: the grammar is a handful of shapes). Organizations and operations come
//! from a curated list, `corpus/entities.toml`, which may take its spellings
//! from an alias group of `corpus/aliases.toml`, so search and entities agree.
//! At each place the longest form wins ("United Nations Office on Drugs and
//! Crime" is UNODC, not UN). A form in capitals ("CIS") matches only capitals,
//! and a match must start with a capital letter, so a name is not confused
//! with a noun, unless the form itself is written in lower case: a name the
//! texts write as a description ("rapid-deployment force for Central Asia").
//! Between its words a form allows spaces and hyphens, and the punctuation
//! the form itself has there ("Caucasus, Central Asia"). Operation names that are also English words ("Channel",
//! "Illegal") count only when quoted or capitalized inside a sentence:
//! operations “Channel” and "for example Canal, aimed at …" are the operation,
//! "recruitment channels" is not.
//!
//! A resolution cited without its year ("1624 and 2354") takes the year from
//! another citation of the same resolution in the corpus, so it is the same
//! entity with the same label and link. Links go to the UN's document resolver
//! only: `https://undocs.org/S/RES/1373(2001)`, `https://undocs.org/A/RES/73/331`,
//! `https://undocs.org/A/73/PV.13`; a Security Council resolution whose year
//! is unknown gets no link rather than a guessed one.
//!
//! Extraction runs at build time (feature `compile`) and the result ships in
//! [`Corpus::entities`]; at run time the app only reads it: [`entity_counts`]
//! for facet counts over a set of passages, [`entity_passages`] for the
//! `?entity=sc-1373` filter, [`statement_entities`] for a statement's list and
//! [`passage_mentions`] to highlight them in the reader.

use super::error::CorpusError;
use super::fields::non_empty;
use crate::model::{AliasGroup, Corpus, Entity, EntityKind, Mention, StatementId};
use crate::text::{fold, word_spans};
use crate::util::slug::is_slug;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A curated organization or operation with its spellings, as read from
/// `corpus/entities.toml` (alias groups already resolved into `forms`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    pub key: String,
    pub kind: EntityKind,
    pub label: String,
    pub name: Option<String>,
    pub note: Option<String>,
    pub forms: Vec<String>,
    /// Forms that are also common words: they need quotes or a capital
    /// inside a sentence.
    pub generic: Vec<String>,
}

/// A problem in `entities.toml`: the field (`entity[3].alias`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub field: Option<String>,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    entity: Vec<EntryFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    key: String,
    kind: String,
    label: String,
    name: Option<String>,
    alias: Option<String>,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    generic: Vec<String>,
    note: Option<String>,
}

/// Folded words of a form, e.g. `["counter", "terrorism", "committee"]`.
fn form_words(form: &str) -> Vec<String> {
    word_spans(form)
        .map(|(s, e)| fold(&form[s..e]))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Parses and checks `entities.toml`, resolving `alias` against `aliases`.
pub fn catalog_from_toml(
    source: &str,
    aliases: &[AliasGroup],
) -> Result<Vec<CatalogEntry>, CatalogError> {
    let file: EntitiesFile = toml::from_str(source).map_err(|e| CatalogError {
        field: None,
        message: e.message().trim().to_string(),
    })?;
    let mut out: Vec<CatalogEntry> = Vec::with_capacity(file.entity.len());
    for (i, e) in file.entity.into_iter().enumerate() {
        let err = |name: &str, message: String| CatalogError {
            field: Some(format!("entity[{i}].{name}")),
            message,
        };
        let kind = match e.kind.as_str() {
            "organization" => EntityKind::Organization,
            "operation" => EntityKind::Operation,
            other => {
                return Err(err(
                    "kind",
                    format!("expected \"organization\" or \"operation\", found {other:?}"),
                ))
            }
        };
        let prefix = format!("{}-", kind.prefix());
        if !is_slug(&e.key) || !e.key.starts_with(&prefix) {
            return Err(err(
                "key",
                format!(
                    "expected a URL-safe key starting with {prefix:?}, found {:?}",
                    e.key
                ),
            ));
        }
        if out.iter().any(|o| o.key == e.key) {
            return Err(err("key", format!("{:?} is used twice", e.key)));
        }
        if e.label.trim().is_empty() {
            return Err(err("label", "must not be empty".into()));
        }
        let mut forms = Vec::new();
        if let Some(label) = &e.alias {
            let group = aliases.iter().find(|g| &g.label == label).ok_or_else(|| {
                err(
                    "alias",
                    format!("no alias group labelled {label:?} in aliases.toml"),
                )
            })?;
            forms.extend(group.terms.iter().chain(&group.one_way).cloned());
        }
        forms.extend(e.forms);
        if forms.is_empty() {
            return Err(err("forms", "an entity needs at least one form".into()));
        }
        if let Some(f) = forms.iter().find(|f| form_words(f).is_empty()) {
            return Err(err("forms", format!("the form {f:?} has no words")));
        }
        for g in &e.generic {
            let words = form_words(g);
            if !forms.iter().any(|f| form_words(f) == words) {
                return Err(err(
                    "generic",
                    format!("{g:?} is not one of the entity's forms"),
                ));
            }
        }
        out.push(CatalogEntry {
            key: e.key,
            kind,
            label: e.label,
            name: non_empty(e.name),
            note: non_empty(e.note),
            forms,
            generic: e.generic,
        });
    }
    Ok(out)
}

/// Reads `dir/entities.toml` (optional) and extracts every entity of
/// `corpus`. Errors name the file as `corpus/entities.toml`.
pub fn load(dir: &Path, corpus: &Corpus) -> Result<Vec<Entity>, CorpusError> {
    let catalog = load_catalog(dir, &corpus.aliases)?;
    Ok(extract(corpus, &catalog))
}

/// Reads and checks `dir/entities.toml`; no file is an empty catalogue.
/// Errors name the file as `corpus/entities.toml`.
pub fn load_catalog(dir: &Path, aliases: &[AliasGroup]) -> Result<Vec<CatalogEntry>, CorpusError> {
    let path = dir.join("entities.toml");
    let shown = match dir.file_name() {
        Some(name) => Path::new(name).join("entities.toml"),
        None => Path::new("entities.toml").to_path_buf(),
    };
    let catalog = if path.exists() {
        let source = std::fs::read_to_string(&path).map_err(|e| CorpusError {
            file: shown.clone(),
            field: None,
            message: format!("cannot read: {e}"),
        })?;
        catalog_from_toml(&source, aliases).map_err(|e| CorpusError {
            file: shown.clone(),
            field: e.field,
            message: e.message,
        })?
    } else {
        Vec::new()
    };
    Ok(catalog)
}

/// One form of a catalog entry, as folded words.
struct Pattern {
    words: Vec<String>,
    /// Per word: written in capitals, so it matches only capitals.
    caps: Vec<bool>,
    /// Per word after the first: the punctuation the form has before it
    /// ("Caucasus, Central Asia"), which the text may have there too.
    gaps: Vec<String>,
    /// The form starts with a capital letter, so a match must too; a form
    /// written in lower case ("rapid-deployment force for Central Asia") is
    /// a name the texts write as a description.
    capital: bool,
    generic: bool,
    entry: usize,
}

fn is_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase) && word.chars().count() >= 2
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `UNODC’s` → `UNODC`.
fn without_possessive(word: &str) -> &str {
    word.find(['\'', '’', 'ʼ']).map_or(word, |i| &word[..i])
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_upper_ascii(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn patterns(catalog: &[CatalogEntry]) -> Vec<Pattern> {
    let mut out: Vec<Pattern> = Vec::new();
    for (entry, e) in catalog.iter().enumerate() {
        let generic: Vec<Vec<String>> = e.generic.iter().map(|g| form_words(g)).collect();
        for form in &e.forms {
            let spans: Vec<(usize, usize)> = word_spans(form).collect();
            let words: Vec<String> = spans.iter().map(|&(s, t)| fold(&form[s..t])).collect();
            let caps: Vec<bool> = spans.iter().map(|&(s, t)| is_caps(&form[s..t])).collect();
            let gaps: Vec<String> = spans
                .windows(2)
                .map(|w| form[w[0].1..w[1].0].trim().to_string())
                .collect();
            // "Proxy" and "PROXY" are one pattern that needs no capitals
            if let Some(p) = out
                .iter_mut()
                .find(|p| p.entry == entry && p.words == words)
            {
                for (c, new) in p.caps.iter_mut().zip(&caps) {
                    *c &= new;
                }
                continue;
            }
            let generic = generic.contains(&words);
            out.push(Pattern {
                words,
                caps,
                gaps,
                capital: starts_upper(form),
                generic,
                entry,
            });
        }
    }
    // longest first, so the first pattern that matches is the longest
    out.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    out
}

/// A paragraph's words with their folded forms and the text between them.
struct Words<'t> {
    text: &'t str,
    spans: Vec<(usize, usize)>,
    folded: Vec<String>,
}

impl<'t> Words<'t> {
    fn new(text: &'t str) -> Self {
        let spans: Vec<(usize, usize)> = word_spans(text).collect();
        let folded = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        Words {
            text,
            spans,
            folded,
        }
    }
    fn len(&self) -> usize {
        self.spans.len()
    }
    fn word(&self, i: usize) -> &'t str {
        &self.text[self.spans[i].0..self.spans[i].1]
    }
    /// The text after word `i`, up to the next word (or the end).
    fn gap_after(&self, i: usize) -> &'t str {
        let end = self.spans.get(i + 1).map_or(self.text.len(), |s| s.0);
        &self.text[self.spans[i].1..end]
    }
    /// The text before word `i`, from the previous word (or the start).
    fn gap_before(&self, i: usize) -> &'t str {
        let start = if i == 0 { 0 } else { self.spans[i - 1].1 };
        &self.text[start..self.spans[i].0]
    }
}

/// What the scanner found at one place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    Sc { number: u16, year: Option<u16> },
    Ga { session: u16, number: u32 },
    Doc(String),
    Named(usize),
}

/// `(2001)` right after word `j`: the year and the byte after `)`.
fn year_after(w: &Words, j: usize) -> Option<(u16, usize)> {
    if j + 1 >= w.len() || w.gap_after(j).trim() != "(" {
        return None;
    }
    let y = w.word(j + 1);
    if y.len() != 4 || !is_digits(y) || !w.gap_after(j + 1).starts_with(')') {
        return None;
    }
    let year: u16 = y.parse().ok()?;
    (1945..=2100)
        .contains(&year)
        .then_some((year, w.spans[j + 1].1 + 1))
}

/// A UN symbol starting at word `i`: `A/RES/77/13`, `S/RES/1373 (2001)`,
/// `A/73/PV.13`. Returns what it is, its byte range and the next word.
fn symbol(w: &Words, i: usize) -> Option<(Found, usize, usize, usize)> {
    let first = w.word(i);
    if !matches!(first, "A" | "S" | "E") || w.gap_after(i) != "/" {
        return None;
    }
    let mut j = i;
    while j + 1 < w.len()
        && matches!(w.gap_after(j), "/" | ".")
        && (is_digits(w.word(j + 1)) || is_upper_ascii(w.word(j + 1)))
    {
        j += 1;
    }
    let parts: Vec<&str> = (i..=j).map(|k| w.word(k)).collect();
    if parts.len() < 3 || !parts.iter().any(|p| is_digits(p)) {
        return None;
    }
    let start = w.spans[i].0;
    let end = w.spans[j].1;
    if parts[1] == "RES" {
        match (first, &parts[2..]) {
            ("A", [session, number]) if is_digits(session) && is_digits(number) => {
                if let (Ok(session), Ok(number)) = (session.parse(), number.parse()) {
                    return Some((Found::Ga { session, number }, start, end, j + 1));
                }
            }
            ("S", [number]) if is_digits(number) && number.len() <= 4 => {
                let number = number.parse().ok()?;
                return Some(match year_after(w, j) {
                    Some((year, end)) => (
                        Found::Sc {
                            number,
                            year: Some(year),
                        },
                        start,
                        end,
                        j + 2,
                    ),
                    None => (Found::Sc { number, year: None }, start, end, j + 1),
                });
            }
            _ => {}
        }
    }
    Some((
        Found::Doc(w.text[start..end].to_string()),
        start,
        end,
        j + 1,
    ))
}

/// Punctuation allowed between "resolutions" and a number or between
/// numbers of a list: spaces, commas, the `)` closing a year.
fn list_gap(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || c == ',' || c == ')')
}

/// Citations after "resolution(s)" at word `i`, pushed to `out`; returns
/// the next word to scan, or `None` if no number follows.
fn resolutions(w: &Words, i: usize, out: &mut Vec<(Found, usize, usize)>) -> Option<usize> {
    if !matches!(w.folded[i].as_str(), "resolution" | "resolutions") {
        return None;
    }
    let mut j = i + 1;
    // "resolutions, in particular 1624 and 2354"; "resolution No. 1373"
    let mut skipped = 0;
    while j < w.len()
        && skipped < 3
        && matches!(
            w.folded[j].as_str(),
            "in" | "particular" | "no" | "nos" | "number" | "numbers"
        )
        && (list_gap(w.gap_before(j))
            || (matches!(w.folded[j - 1].as_str(), "no" | "nos")
                && w.gap_before(j).trim_start_matches('.').trim().is_empty()))
    {
        j += 1;
        skipped += 1;
    }
    let before = out.len();
    while j < w.len() && is_digits(w.word(j)) && list_gap(w.gap_before(j)) {
        let n = w.word(j);
        let start = w.spans[j].0;
        if w.gap_after(j) == "/" && j + 1 < w.len() && is_digits(w.word(j + 1)) {
            // "resolution 73/331": a General Assembly resolution
            let (Ok(session), Ok(number)) = (n.parse(), w.word(j + 1).parse()) else {
                break;
            };
            out.push((Found::Ga { session, number }, start, w.spans[j + 1].1));
            j += 2;
        } else if n.len() <= 4 {
            let Ok(number) = n.parse() else { break };
            match year_after(w, j) {
                Some((year, end)) => {
                    out.push((
                        Found::Sc {
                            number,
                            year: Some(year),
                        },
                        start,
                        end,
                    ));
                    j += 2;
                }
                None => {
                    out.push((Found::Sc { number, year: None }, start, w.spans[j].1));
                    j += 1;
                }
            }
        } else {
            break;
        }
        // "… (2011) and 2253 (2015)"
        if j + 1 < w.len()
            && matches!(w.folded[j].as_str(), "and" | "or")
            && list_gap(w.gap_before(j))
            && is_digits(w.word(j + 1))
        {
            j += 1;
        }
    }
    (out.len() > before).then_some(j)
}

/// The longest catalog form starting at word `i`: (entry, next word).
fn named(patterns: &[Pattern], w: &Words, i: usize) -> Option<(usize, usize)> {
    let capital = starts_upper(w.word(i));
    patterns.iter().find_map(|p| {
        let n = p.words.len();
        let fits = i + n <= w.len()
            && (capital || !p.capital)
            && (0..n).all(|k| {
                w.folded[i + k] == p.words[k]
                    && (!p.caps[k] || is_caps(without_possessive(w.word(i + k))))
            })
            && (1..n).all(|k| {
                let gap = w.gap_before(i + k);
                gap.chars()
                    .all(|c| c.is_whitespace() || c == '-' || c == '‑')
                    || gap.trim() == p.gaps[k - 1]
            });
        (fits && (!p.generic || name_use(w, i))).then_some((p.entry, i + n))
    })
}

/// A common word used as a name: quoted (“Channel”), or capitalized
/// inside a sentence (for example Canal).
fn name_use(w: &Words, i: usize) -> bool {
    let before = w.gap_before(i);
    if before
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '"' | '“' | '‘' | '«' | '\''))
    {
        return true;
    }
    i > 0 && !before.contains(['.', '!', '?'])
}

/// Every citation and name in one paragraph, in order.
fn scan(text: &str, patterns: &[Pattern]) -> Vec<(Found, usize, usize)> {
    let w = Words::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if let Some((found, start, end, next)) = symbol(&w, i) {
            out.push((found, start, end));
            i = next;
        } else if let Some(next) = resolutions(&w, i, &mut out) {
            i = next;
        } else if let Some((entry, next)) = named(patterns, &w, i) {
            out.push((Found::Named(entry), w.spans[i].0, w.spans[next - 1].1));
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// Every entity of `corpus`: resolutions and symbols by their form,
/// organizations and operations from `catalog`. Entities are ordered by
/// kind, then resolution number (or catalog order); only entities with a
/// mention are kept.
pub fn extract(corpus: &Corpus, catalog: &[CatalogEntry]) -> Vec<Entity> {
    let patterns = patterns(catalog);
    // sort key -> (years seen, mentions)
    let mut found: BTreeMap<SortKey, (Vec<u16>, Vec<Mention>)> = BTreeMap::new();
    for (s, statement) in corpus.statements.iter().enumerate() {
        for (p, passage) in statement.passages.iter().enumerate() {
            for (f, start, end) in scan(&passage.text, &patterns) {
                let (key, year) = match f {
                    Found::Sc { number, year } => (
                        (EntityKind::ScResolution, number as u32, 0, String::new()),
                        year,
                    ),
                    Found::Ga { session, number } => (
                        (
                            EntityKind::GaResolution,
                            session as u32,
                            number,
                            String::new(),
                        ),
                        None,
                    ),
                    Found::Doc(symbol) => ((EntityKind::Document, 0, 0, symbol), None),
                    Found::Named(entry) => {
                        ((catalog[entry].kind, entry as u32, 0, String::new()), None)
                    }
                };
                let slot = found.entry(key).or_default();
                if let Some(y) = year {
                    if !slot.0.contains(&y) {
                        slot.0.push(y);
                    }
                }
                slot.1.push(Mention {
                    statement: s as StatementId,
                    paragraph: p as u16,
                    start: start as u32,
                    end: end as u32,
                });
            }
        }
    }
    found
        .into_iter()
        .map(|((kind, a, b, symbol), (years, mentions))| match kind {
            EntityKind::ScResolution => {
                let (label, url) = match years.first() {
                    Some(y) => (
                        format!("S/RES/{a} ({y})"),
                        Some(format!("https://undocs.org/S/RES/{a}({y})")),
                    ),
                    None => (format!("S/RES/{a}"), None),
                };
                let note = (years.len() > 1).then(|| {
                    let ys: Vec<String> = years.iter().map(u16::to_string).collect();
                    format!("cited with different years: {}", ys.join(", "))
                });
                Entity {
                    kind,
                    key: format!("sc-{a}"),
                    label,
                    name: None,
                    url,
                    note,
                    mentions,
                }
            }
            EntityKind::GaResolution => Entity {
                kind,
                key: format!("ga-{a}-{b}"),
                label: format!("A/RES/{a}/{b}"),
                name: None,
                url: Some(format!("https://undocs.org/A/RES/{a}/{b}")),
                note: None,
                mentions,
            },
            EntityKind::Document => Entity {
                kind,
                key: doc_key(&symbol),
                url: Some(format!("https://undocs.org/{symbol}")),
                label: symbol,
                name: None,
                note: None,
                mentions,
            },
            EntityKind::Organization | EntityKind::Operation => {
                let e = &catalog[a as usize];
                Entity {
                    kind,
                    key: e.key.clone(),
                    label: e.label.clone(),
                    name: e.name.clone(),
                    url: None,
                    note: e.note.clone(),
                    mentions,
                }
            }
        })
        .collect()
}

/// Orders entities: kind, then resolution number (session, number), or
/// the symbol, or the catalog entry.
type SortKey = (EntityKind, u32, u32, String);

/// `A/73/PV.13` → `doc-a-73-pv-13`.
fn doc_key(symbol: &str) -> String {
    let mut key = String::from("doc");
    for (s, e) in word_spans(symbol) {
        key.push('-');
        key.push_str(&symbol[s..e].to_ascii_lowercase());
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Vec<CatalogEntry> {
        let entry = |key: &str, kind, forms: &[&str], generic: &[&str]| CatalogEntry {
            key: key.into(),
            kind,
            label: key.into(),
            name: None,
            note: None,
            forms: forms.iter().map(|f| f.to_string()).collect(),
            generic: generic.iter().map(|f| f.to_string()).collect(),
        };
        vec![
            entry(
                "org-un",
                EntityKind::Organization,
                &["UN", "United Nations"],
                &[],
            ),
            entry(
                "org-unodc",
                EntityKind::Organization,
                &["UNODC", "United Nations Office on Drugs and Crime"],
                &[],
            ),
            entry(
                "org-ctc",
                EntityKind::Organization,
                &["CTC", "Counter-Terrorism Committee"],
                &[],
            ),
            entry(
                "org-unsc",
                EntityKind::Organization,
                &["Security Council"],
                &[],
            ),
            entry(
                "org-csc",
                EntityKind::Organization,
                &["Collective Security Council"],
                &[],
            ),
            entry(
                "org-roccau",
                EntityKind::Organization,
                &["Regional Office for the Caucasus, Central Asia and Ukraine"],
                &[],
            ),
            entry(
                "org-crdf",
                EntityKind::Organization,
                &["rapid-deployment force for Central Asia"],
                &[],
            ),
            entry(
                "org-cted",
                EntityKind::Organization,
                &[
                    "CTED",
                    "Executive Director of the UN Security Council Counter-Terrorism Committee",
                ],
                &[],
            ),
            entry(
                "op-kanal",
                EntityKind::Operation,
                &["Kanal", "Canal", "Channel"],
                &["Canal", "Channel"],
            ),
            entry(
                "op-proxy",
                EntityKind::Operation,
                &["Proxy", "PROXY"],
                &["Proxy"],
            ),
        ]
    }

    /// The scanner's findings in `text`, as "what = surface".
    fn found(text: &str) -> Vec<String> {
        let cat = catalog();
        scan(text, &patterns(&cat))
            .into_iter()
            .map(|(f, s, e)| {
                let what = match f {
                    Found::Sc {
                        number,
                        year: Some(y),
                    } => format!("sc {number} {y}"),
                    Found::Sc { number, year: None } => format!("sc {number}"),
                    Found::Ga { session, number } => format!("ga {session}/{number}"),
                    Found::Doc(d) => format!("doc {d}"),
                    Found::Named(i) => cat[i].key.clone(),
                };
                format!("{what} = {}", &text[s..e])
            })
            .collect()
    }

    #[test]
    fn scanner_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "pursuant to the provisions of resolution 1535 (2004).",
                &["sc 1535 2004 = 1535 (2004)"],
            ),
            (
                "resolutions 1267 (1999), 1989 (2011) and 2253 (2015) concerning ISIL",
                &[
                    "sc 1267 1999 = 1267 (1999)",
                    "sc 1989 2011 = 1989 (2011)",
                    "sc 2253 2015 = 2253 (2015)",
                ],
            ),
            (
                "resolutions 1267 (1999) 1989 (2011) and 2253 (2015)",
                &[
                    "sc 1267 1999 = 1267 (1999)",
                    "sc 1989 2011 = 1989 (2011)",
                    "sc 2253 2015 = 2253 (2015)",
                ],
            ),
            (
                "Security Council resolutions, in particular 1624 and 2354, we are",
                &[
                    "org-unsc = Security Council",
                    "sc 1624 = 1624",
                    "sc 2354 = 2354",
                ],
            ),
            (
                "as set out in resolution 73/331, entitled",
                &["ga 73/331 = 73/331"],
            ),
            (
                "the CSTO” (A/RES/77/13). It notes",
                &["ga 77/13 = A/RES/77/13"],
            ),
            (
                "the General Assembly (see A/73/PV.13) and",
                &["doc A/73/PV.13 = A/73/PV.13"],
            ),
            ("record S/PV.8626.", &["doc S/PV.8626 = S/PV.8626"]),
            (
                "see S/RES/1373 (2001)",
                &["sc 1373 2001 = S/RES/1373 (2001)"],
            ),
            // not citations
            (
                "a resolution of problems; resolution adopted by the 77th",
                &[],
            ),
            (
                "anti-terrorism resolutions and the United Nations",
                &["org-un = United Nations"],
            ),
            ("entry/exit of citizens; and/or 2", &[]),
            // the longest form wins; acronyms need capitals
            (
                "the United Nations Office on Drugs and Crime (UNODC) and UNODC’s",
                &[
                    "org-unodc = United Nations Office on Drugs and Crime",
                    "org-unodc = UNODC",
                    "org-unodc = UNODC’s",
                ],
            ),
            (
                "the Collective Security Council and the Security Council",
                &[
                    "org-csc = Collective Security Council",
                    "org-unsc = Security Council",
                ],
            ),
            (
                "the Counter-Terrorism Committee (CTC)",
                &["org-ctc = Counter-Terrorism Committee", "org-ctc = CTC"],
            ),
            ("un-ratified, ctc", &[]),
            // operation names
            (
                "operations “Channel”, “PROXY”, and Kanal",
                &["op-kanal = Channel", "op-proxy = PROXY", "op-kanal = Kanal"],
            ),
            ("for example Canal, aimed at", &["op-kanal = Canal"]),
            (
                "the anti-cybercrime programme Proxy and",
                &["op-proxy = Proxy"],
            ),
            ("recruitment channels. Channel tunnels, proxy wars", &[]),
            ("Channel is a word.", &[]),
            // a form with its own comma; a form written in lower case
            (
                "the Regional Office for the Caucasus, Central Asia and Ukraine",
                &["org-roccau = Regional Office for the Caucasus, Central Asia and Ukraine"],
            ),
            ("the Regional Office for the Caucasus. Central Asia and Ukraine", &[]),
            (
                "a rapid-deployment force for Central Asia and",
                &["org-crdf = rapid-deployment force for Central Asia"],
            ),
            // the Executive Director's title names the Directorate, not the Council
            (
                "the Executive Director of the UN Security Council Counter-Terrorism Committee",
                &["org-cted = Executive Director of the UN Security Council Counter-Terrorism Committee"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn catalog_checks() {
        let aliases = [AliasGroup {
            label: "Kanal".into(),
            terms: vec!["Kanal".into(), "Canal".into()],
            one_way: vec![],
        }];
        let ok = "[[entity]]\nkey = \"op-kanal\"\nkind = \"operation\"\nlabel = \"Kanal\"\nalias = \"Kanal\"\nforms = [\"Channel\"]\ngeneric = [\"channel\"]\n";
        let c = catalog_from_toml(ok, &aliases).unwrap();
        assert_eq!(c[0].forms, ["Kanal", "Canal", "Channel"]);
        let cases: &[(&str, &str, &str)] = &[
            ("key = \"op-kanal\"", "key = \"op-Kanal\"", "entity[0].key"),
            ("key = \"op-kanal\"", "key = \"org-kanal\"", "entity[0].key"),
            ("kind = \"operation\"", "kind = \"op\"", "entity[0].kind"),
            ("alias = \"Kanal\"", "alias = \"Canal\"", "entity[0].alias"),
            (
                "generic = [\"channel\"]",
                "generic = [\"tunnel\"]",
                "entity[0].generic",
            ),
            (
                "forms = [\"Channel\"]",
                "forms = [\"-\"]",
                "entity[0].forms",
            ),
        ];
        for (from, to, field) in cases {
            let broken = ok.replacen(from, to, 1);
            let e = catalog_from_toml(&broken, &aliases).unwrap_err();
            assert_eq!(e.field.as_deref(), Some(*field), "{broken}");
        }
        let twice = format!("{ok}{ok}");
        assert_eq!(
            catalog_from_toml(&twice, &aliases)
                .unwrap_err()
                .field
                .as_deref(),
            Some("entity[1].key")
        );
    }
}
