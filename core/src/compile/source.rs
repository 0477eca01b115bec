//! Reading `corpus/` into a [`Corpus`].
//!
//! The corpus is edited by hand (a sixth statement is two new files), so this
//! module is where mistakes must be caught, and caught with a message that
//! says which file and which field: `build.rs` fails with that message rather
//! than shipping a bundle with a wrong date or a missing text. Everything is
//! checked before anything is built: required fields, real calendar dates,
//! URL-safe ids, that every metadata file has its text and every text its
//! metadata, that a speaker id always names the same person.
//!
//! Layout (see `corpus/README.md`):
//!
//! ```text
//! corpus/
//!   statements/<id>.toml   metadata of one statement (see `statement_file`),
//!                          including curated paragraph breaks (`split_after`)
//!   statements/<id>.txt    its raw text, verbatim from the seed
//!   themes.toml            [[theme]] id, label, terms, entities,
//!                          [[theme.context]], [[theme.coreference]] (see `themes`)
//!   aliases.toml           [[alias]] label, terms, one_way
//!   entities.toml          [[entity]] key, kind, label, forms (see `entities`)
//! ```
//!
//! One file per job: `files` names paths and turns errors into ones that
//! name the file and the field; `statement_file` reads a statement
//! (metadata and text), `speakers` numbers the speakers, `theme_file` and
//! `alias_file` read `themes.toml` and `aliases.toml`, and `tagging` tags
//! the passages with themes once the entities are extracted.
//!
//! ```no_run
//! let corpus = csto_core::compile::source::load_corpus("corpus".as_ref()).unwrap_or_else(|e| panic!("{e}"));
//! assert_eq!(corpus.statements.len(), 5);
//! ```

use std::path::Path;

use super::alias_file::load_aliases;
use super::entities::{extract, load_catalog};
pub use super::error::CorpusError;
use super::files::Files;
use super::speakers::number_speakers;
use super::statement_file::{load_statement, statement_ids, Loaded};
use super::tagging::tag_themes;
use super::theme_file::{check_theme_entities, load_themes};
use crate::model::Corpus;

/// Reads, validates and builds the corpus in `dir` (normally `corpus/`):
/// statements cleaned into passages, sorted by date, speakers deduplicated
/// by id; then entities extracted from the passages and, with their
/// mentions, passages tagged with themes and statements weighted by theme.
pub fn load_corpus(dir: &Path) -> Result<Corpus, CorpusError> {
    let files = Files { dir };
    let (themes, rules) = load_themes(&files)?;
    let aliases = load_aliases(&files)?;

    let mut loaded = Vec::new();
    for id in statement_ids(&files)? {
        loaded.push(load_statement(&files, &id)?);
    }
    loaded.sort_by(|a, b| {
        let key = |l: &Loaded| {
            (
                l.statement.date.year,
                l.statement.date.month,
                l.statement.date.day,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.statement.id.cmp(&b.statement.id))
    });
    let (speakers, statements) = number_speakers(&files, loaded)?;

    let mut corpus = Corpus {
        statements,
        speakers,
        themes,
        aliases,
        entities: Vec::new(),
    };
    let catalog = load_catalog(dir, &corpus.aliases)?;
    check_theme_entities(&files, &rules, &catalog)?;
    corpus.entities = extract(&corpus, &catalog);
    tag_themes(&mut corpus, &rules);
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePrecision;
    use std::fs;
    use std::path::PathBuf;

    fn real_corpus_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
    }

    #[test]
    fn the_real_corpus_loads() {
        let corpus = load_corpus(&real_corpus_dir()).unwrap_or_else(|e| panic!("{e}"));
        struct Expected {
            id: &'static str,
            speaker: &'static str,
            name: &'static str,
            date: (u16, u8, u8),
            precision: DatePrecision,
            record: &'static str,
            paragraphs: usize,
        }
        let expected = [
            Expected {
                id: "2004-kazykhanov",
                speaker: "kazykhanov",
                name: "Yerzhan Kazykhanov",
                date: (2004, 7, 19),
                precision: DatePrecision::Inferred,
                record: "symbol not confirmed",
                paragraphs: 9,
            },
            Expected {
                id: "2007-nazarbayev",
                speaker: "nazarbayev",
                name: "Nursultan Nazarbayev",
                date: (2007, 10, 6),
                precision: DatePrecision::Exact,
                record: "Akorda",
                paragraphs: 13,
            },
            Expected {
                id: "2016-bordyuzha",
                speaker: "bordyuzha",
                name: "Nikolai Bordyuzha",
                date: (2016, 10, 28),
                precision: DatePrecision::Exact,
                record: "S/PV.7796",
                // 16 in the source, one of them two paragraphs (`split_after`)
                paragraphs: 17,
            },
            Expected {
                id: "2019-semerikov",
                speaker: "semerikov",
                name: "Valery Semerikov",
                date: (2019, 9, 25),
                precision: DatePrecision::Exact,
                record: "S/PV.8626",
                paragraphs: 19,
            },
            Expected {
                id: "2024-tasmagambetov",
                speaker: "tasmagambetov",
                name: "Imangali Tasmagambetov",
                date: (2024, 7, 19),
                precision: DatePrecision::Exact,
                record: "S/PV.9688",
                paragraphs: 30,
            },
        ];
        // The five seeds; a statement added later must not break this test.
        assert!(corpus.statements.len() >= expected.len());
        let dates: Vec<_> = corpus
            .statements
            .iter()
            .map(|s| (s.date.year, s.date.month, s.date.day))
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
        let mut previous = None;
        for e in &expected {
            let (index, s) = corpus
                .statement_by_key(e.id)
                .unwrap_or_else(|| panic!("{} missing", e.id));
            assert!(previous < Some(index), "{}: out of date order", e.id);
            previous = Some(index);
            let speaker = corpus.speaker(s.speaker);
            assert_eq!(
                (speaker.id.as_str(), speaker.name.as_str()),
                (e.speaker, e.name),
                "{}",
                e.id
            );
            assert_eq!((s.date.year, s.date.month, s.date.day), e.date, "{}", e.id);
            assert_eq!(s.date.precision, e.precision, "{}", e.id);
            assert!(s.record.contains(e.record), "{}: {}", e.id, s.record);
            assert_eq!(s.passages.len(), e.paragraphs, "{}", e.id);
            assert!(!s.themes.is_empty(), "{}: no themes", e.id);
            assert!(
                s.themes.windows(2).all(|w| w[0].passages >= w[1].passages),
                "{}",
                e.id
            );
        }
        let (_, y2004) = corpus.statement_by_key("2004-kazykhanov").unwrap();
        assert!(y2004
            .date
            .note
            .as_deref()
            .is_some_and(|n| n.contains("SC/8152")));
        assert_eq!(y2004.record_url, None);
        assert_eq!(
            y2004.lead.as_deref(),
            Some("Mr. Kazykhanov (Kazakhstan) (spoke in Russian)")
        );
        let (_, y2016) = corpus.statement_by_key("2016-bordyuzha").unwrap();
        assert_eq!(
            y2016.record_url.as_deref(),
            Some("https://undocs.org/S/PV.7796")
        );
        let (_, y2007) = corpus.statement_by_key("2007-nazarbayev").unwrap();
        assert!(y2007
            .heading
            .as_deref()
            .is_some_and(|h| h.starts_with("Kazakhstan’s President")));
        assert!(y2007
            .note
            .as_deref()
            .is_some_and(|n| n.contains("third person")));

        assert!(corpus.themes.len() >= 13);
        let kanal = corpus
            .aliases
            .iter()
            .find(|a| a.terms.iter().any(|t| t == "Kanal"))
            .unwrap();
        assert!(kanal.terms.iter().any(|t| t == "Channel"));
        let nelegal = corpus
            .aliases
            .iter()
            .find(|a| a.terms.iter().any(|t| t == "Nelegal"))
            .unwrap();
        assert_eq!(nelegal.one_way, ["Illegal"]);
    }

    /// A copy of the real corpus in a fresh temporary directory, to break.
    struct Scratch {
        dir: PathBuf,
    }

    impl Scratch {
        fn new(name: &str) -> Scratch {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let unique = format!(
                "csto-corpus-{}-{}-{name}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            );
            let dir = std::env::temp_dir().join(unique).join("corpus");
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("statements")).unwrap();
            let real = real_corpus_dir();
            for file in ["themes.toml", "aliases.toml", "entities.toml"] {
                fs::copy(real.join(file), dir.join(file)).unwrap();
            }
            for entry in fs::read_dir(real.join("statements")).unwrap() {
                let path = entry.unwrap().path();
                fs::copy(
                    &path,
                    dir.join("statements").join(path.file_name().unwrap()),
                )
                .unwrap();
            }
            Scratch { dir }
        }

        fn path(&self, rel: &str) -> PathBuf {
            self.dir.join(rel)
        }

        fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
            let path = self.path(rel);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, f(text)).unwrap();
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(self.dir.parent().unwrap());
        }
    }

    const BORDYUZHA: &str = "statements/2016-bordyuzha.toml";

    fn replace_line(starting: &'static str, with: &'static str) -> impl FnOnce(String) -> String {
        move |text| {
            text.lines()
                .map(|l| if l.starts_with(starting) { with } else { l })
                .collect::<Vec<_>>()
                .join("\n")
        }
    }

    #[test]
    fn malformed_corpora_name_file_and_field() {
        type Break = fn(&Scratch);
        struct Case {
            name: &'static str,
            damage: Break,
            file: &'static str,
            field: Option<&'static str>,
            message: &'static str,
        }
        let cases: Vec<Case> = vec![
            Case {
                name: "missing date",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "required field is missing",
            },
            Case {
                name: "bad date",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "date = \"2016-13-01\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "expected a date as YYYY-MM-DD, found \"2016-13-01\"",
            },
            Case {
                name: "no 30 February",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "date = \"2016-02-30\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "found \"2016-02-30\"",
            },
            Case {
                name: "date of the wrong type",
                damage: |s| s.edit(BORDYUZHA, replace_line("date =", "date = 2016")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date"),
                message: "invalid type",
            },
            Case {
                name: "unknown precision",
                damage: |s| s.edit(BORDYUZHA, replace_line("date_precision", "date_precision = \"approximate\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date_precision"),
                message: "expected \"exact\" or \"inferred\", found \"approximate\"",
            },
            Case {
                name: "inferred without a note",
                damage: |s| s.edit(BORDYUZHA, replace_line("date_precision", "date_precision = \"inferred\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("date_note"),
                message: "inferred date needs a note",
            },
            Case {
                name: "missing text file",
                damage: |s| fs::remove_file(s.path("statements/2016-bordyuzha.txt")).unwrap(),
                file: "corpus/statements/2016-bordyuzha.txt",
                field: None,
                message: "the text of corpus/statements/2016-bordyuzha.toml is missing",
            },
            Case {
                name: "text without metadata",
                damage: |s| fs::write(s.path("statements/2030-nobody.txt"), "Text.").unwrap(),
                file: "corpus/statements/2030-nobody.toml",
                field: None,
                message: "has no metadata file",
            },
            Case {
                name: "empty text",
                damage: |s| fs::write(s.path("statements/2016-bordyuzha.txt"), " \n\u{a0}\nMust read\n").unwrap(),
                file: "corpus/statements/2016-bordyuzha.txt",
                field: None,
                message: "the text is empty",
            },
            Case {
                name: "id that is not a slug",
                damage: |s| {
                    fs::rename(s.path(BORDYUZHA), s.path("statements/2016 Bordyuzha.toml")).unwrap();
                    fs::rename(s.path("statements/2016-bordyuzha.txt"), s.path("statements/2016 Bordyuzha.txt")).unwrap();
                },
                file: "corpus/statements/2016 Bordyuzha.toml",
                field: Some("id"),
                message: "URL-safe slug",
            },
            Case {
                name: "duplicate statement id",
                damage: |s| {
                    fs::copy(s.path(BORDYUZHA), s.path("statements/2016-BORDYUZHA.toml")).unwrap();
                    fs::copy(s.path("statements/2016-bordyuzha.txt"), s.path("statements/2016-BORDYUZHA.txt")).unwrap();
                },
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("id"),
                message: "duplicate id \"2016-BORDYUZHA\"",
            },
            Case {
                name: "duplicate theme id",
                damage: |s| {
                    let twice = "[[theme]]\nid = \"dup\"\nlabel = \"D\"\nterms = [\"d\"]\n".repeat(2);
                    s.edit("themes.toml", |t| twice + &t)
                },
                file: "corpus/themes.toml",
                field: Some("theme[1].id"),
                message: "duplicate id \"dup\" (also theme[0])",
            },
            Case {
                name: "theme id that is not a slug",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"Peace keeping\"\nlabel = \"P\"\nterms = [\"p\"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].id"),
                message: "URL-safe slug",
            },
            Case {
                name: "theme term with no words",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\" - \"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].terms"),
                message: "has no words",
            },
            Case {
                name: "empty alias term",
                damage: |s| s.edit("aliases.toml", |t| "[[alias]]\nlabel = \"X\"\nterms = [\"X\", \"\"]\n".to_string() + &t),
                file: "corpus/aliases.toml",
                field: Some("alias[0].terms"),
                message: "has no words",
            },
            Case {
                name: "alias without terms",
                damage: |s| s.edit("aliases.toml", |t| t + "\n[[alias]]\nlabel = \"X\"\n"),
                file: "corpus/aliases.toml",
                field: Some("terms"),
                message: "required field is missing",
            },
            Case {
                name: "unknown field",
                damage: |s| s.edit(BORDYUZHA, |t| t + "\nrecord_uri = \"https://example.org\"\n"),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("record_uri"),
                message: "unknown field; expected",
            },
            Case {
                name: "malformed toml",
                damage: |s| s.edit(BORDYUZHA, replace_line("venue =", "venue = \"UN Security Council")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("venue"),
                message: "(line ",
            },
            Case {
                name: "speaker id reused for another person",
                damage: |s| s.edit("statements/2019-semerikov.toml", replace_line("speaker_id", "speaker_id = \"bordyuzha\"")),
                file: "corpus/statements/2019-semerikov.toml",
                field: Some("speaker"),
                message: "is \"Nikolai Bordyuzha\" in corpus/statements/2016-bordyuzha.toml, but \"Valery Semerikov\" here",
            },
            Case {
                name: "paragraph break after a sentence the text does not have",
                damage: |s| s.edit(BORDYUZHA, replace_line("split_after", "split_after = [\"We have signed a memorandum with nobody.\"]")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("split_after"),
                message: "the sentence \"We have signed a memorandum with nobody.\" not found in corpus/statements/2016-bordyuzha.txt",
            },
            Case {
                name: "paragraph break after half a sentence",
                damage: |s| s.edit(BORDYUZHA, replace_line("split_after", "split_after = [\"We have signed a memorandum\"]")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("split_after"),
                message: "does not end a sentence",
            },
            Case {
                name: "paragraph break at a paragraph's end",
                damage: |s| s.edit(BORDYUZHA, replace_line("split_after", "split_after = [\"We also thank Mr. Ban Ki-moon for his statement.\"]")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("split_after"),
                message: "already ends its paragraph",
            },
            Case {
                name: "theme naming an entity the catalogue lacks",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\nentities = [\"org-nowhere\"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].entities"),
                message: "no entity \"org-nowhere\"",
            },
            Case {
                name: "context rule without a condition",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\n[[theme.context]]\nterms = [\"y\"]\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].context[0]"),
                message: "needs a condition",
            },
            Case {
                name: "context term that is also a plain term",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\n[[theme.context]]\nterms = [\"x\"]\nnot_in_list = true\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].context[0].terms"),
                message: "also in `terms`",
            },
            Case {
                name: "coreference without anchors",
                damage: |s| s.edit("themes.toml", |t| "[[theme]]\nid = \"x\"\nlabel = \"X\"\nterms = [\"x\"]\n[[theme.coreference]]\nterms = [\"this x\"]\nanchors = []\n".to_string() + &t),
                file: "corpus/themes.toml",
                field: Some("theme[0].coreference[0].anchors"),
                message: "must not be empty",
            },
            Case {
                name: "record_url that is not a URL",
                damage: |s| s.edit(BORDYUZHA, replace_line("record_url", "record_url = \"S/PV.7796\"")),
                file: "corpus/statements/2016-bordyuzha.toml",
                field: Some("record_url"),
                message: "expected an http(s) URL",
            },
        ];
        for case in cases {
            let scratch = Scratch::new(case.name);
            (case.damage)(&scratch);
            let err = match load_corpus(&scratch.dir) {
                Ok(_) => panic!("{}: loaded a broken corpus", case.name),
                Err(e) => e,
            };
            assert_eq!(err.file, Path::new(case.file), "{}: {err}", case.name);
            assert_eq!(err.field.as_deref(), case.field, "{}: {err}", case.name);
            assert!(err.message.contains(case.message), "{}: {err}", case.name);
            let shown = err.to_string();
            assert!(shown.starts_with(case.file), "{}: {shown}", case.name);
            if let Some(field) = case.field {
                assert!(
                    shown.contains(&format!("field `{field}`")),
                    "{}: {shown}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn a_sixth_statement_is_two_files() {
        let scratch = Scratch::new("sixth");
        fs::write(
            scratch.path("statements/2025-example.txt"),
            "Mr. Example (spoke in Russian): The CSTO\ncontinues the Kanal operation.\n\nMore articles\n",
        )
        .unwrap();
        fs::write(
            scratch.path("statements/2025-example.toml"),
            r#"title = "Example"
speaker_id = "example"
speaker = "Ivan Example"
role = "Example role"
date = "2025-01-31"
date_precision = "exact"
venue = "Example venue"
record = "Example record"
kind = "statement"
source_file = "example.txt"
"#,
        )
        .unwrap();
        let corpus = load_corpus(&scratch.dir).unwrap_or_else(|e| panic!("{e}"));
        let last = corpus.statements.last().unwrap();
        assert_eq!(last.id, "2025-example");
        assert_eq!(corpus.speaker(last.speaker).id, "example");
        assert_eq!(last.lead.as_deref(), Some("Mr. Example (spoke in Russian)"));
        assert_eq!(last.passages.len(), 1);
        assert_eq!(
            last.passages[0].text,
            "The CSTO continues the Kanal operation."
        );
        let drugs = corpus
            .themes
            .iter()
            .position(|t| t.id == "drug-trafficking")
            .unwrap();
        assert_eq!(last.themes[0].theme as usize, drugs);
        assert_eq!(last.themes[0].weight, 1.0);
    }

    #[test]
    fn display_matches_the_documented_form() {
        let err = CorpusError {
            file: PathBuf::from("corpus/statements/2016-bordyuzha.toml"),
            field: Some("date".into()),
            message: "expected a date as YYYY-MM-DD, found \"2016-13-01\"".into(),
        };
        assert_eq!(
            err.to_string(),
            "corpus/statements/2016-bordyuzha.toml: field `date`: expected a date as YYYY-MM-DD, found \"2016-13-01\""
        );
    }
}
