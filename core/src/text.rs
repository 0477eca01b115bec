//! Text normalization and tokenization, shared by the indexer (at build time)
//! and the query parser (in the browser), so a word is reduced to the same
//! index term on both sides.
//!
//! A token is a maximal run of letters and digits; an apostrophe inside a word
//! is kept only to decide possessives (`CSTO’s` → `csto`) and is otherwise
//! dropped (`Da'esh` → `daesh`). Hyphens split words, so `counter-terrorism`
//! yields `counter` and `terror`, and a hyphenated query becomes a phrase.
//!
//! ```
//! use csto_core::text::{term, tokens};
//! assert_eq!(term("António"), "antonio");
//! assert_eq!(term("terrorists"), term("terrorism"));
//! let t: Vec<_> = tokens("the CSTO’s anti-drug Kanal").map(|t| t.term).collect();
//! assert_eq!(t, ["the", "csto", "anti", "drug", "kanal"]);
//! ```

use rust_stemmers::{Algorithm, Stemmer};
include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// A word of a text: its byte range in the original text and its index term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub term: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Byte ranges of the words of `text`, in order. A word may contain an
/// apostrophe when a letter or digit follows it.
///
/// Indexing runs this over every paragraph at start-up (a million tokens at
/// 1,000 statements), so it steps through bytes, answers ASCII bytes inline
/// and decodes a character only where one starts outside ASCII.
pub fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, i: 0 }
}

/// The iterator of [`word_spans`].
#[derive(Debug, Clone)]
pub struct WordSpans<'a> {
    text: &'a str,
    /// Where the search for the next word starts.
    i: usize,
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.i;
        // skip to the start of a word
        let start = loop {
            let b = *bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
                continue;
            }
            let (c, len) = char_at(text, i)?;
            if c.is_alphanumeric() {
                break i;
            }
            i += len;
        };
        i = start;
        loop {
            match bytes.get(i) {
                Some(b) if b.is_ascii_alphanumeric() => i += 1,
                Some(b'\'') if starts_word(text, i + 1) => i += 1,
                Some(b) if !b.is_ascii() => {
                    let Some((c, len)) = char_at(text, i) else {
                        break;
                    };
                    if c.is_alphanumeric() || (is_apostrophe(c) && starts_word(text, i + len)) {
                        i += len;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        self.i = i;
        Some((start, i))
    }
}

/// Whether a letter or digit starts at byte `i` of `text`.
fn starts_word(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| is_word_char(c))
}

/// The character starting at byte `i` of `text` and its length in bytes.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// A letter or digit of any script (ASCII answered without the Unicode tables).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Lowercase (any script of the Basic Multilingual Plane), strip diacritics
/// (Latin and Greek letters; both by a table generated from Unicode data in
/// `build.rs`) and
/// apostrophes; drop a possessive `'s`.
/// The result is the unstemmed form used for prefixes and "did you mean".
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses (cleared first): indexing folds
/// every token of the corpus, and most are words it has seen before.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() && !word.contains('\'') {
        // most words: nothing to strip, one lowercase pass
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if is_apostrophe(c) {
            // possessive: "csto’s" (the apostrophe-s ends the word) is "csto"
            let mut rest = chars.clone();
            if matches!(rest.next(), Some('s' | 'S')) && rest.next().is_none() {
                break;
            }
            continue;
        }
        out.push(fold_char(c));
    }
}

/// One letter lowercased and without diacritics, by the table `build.rs`
/// generates (ASCII directly).
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let Ok(key) = u16::try_from(c as u32) else {
        return c; // outside the BMP: kept as it is
    };
    match FOLD.binary_search_by_key(&key, |&(k, _)| k) {
        Ok(i) => char::from_u32(FOLD[i].1.into()).unwrap_or(c),
        Err(_) => c,
    }
}

/// The index term of a folded word: the English Snowball stem, with one
/// addition. Snowball maps `terrorism` to `terror` but leaves `terrorist`
/// alone, while readers expect either to find both; so a stem ending in `ist`
/// (with at least four letters before it) loses it: `terrorist` → `terror`,
/// `extremist` → `extrem`. Words of digits are kept as they are.
pub fn stem(folded: &str) -> String {
    if folded.is_empty() || folded.bytes().any(|b| b.is_ascii_digit()) {
        return folded.to_string();
    }
    let stemmer = Stemmer::create(Algorithm::English);
    let mut s = stemmer.stem(folded).into_owned();
    if s.len() >= 7 && s.ends_with("ist") {
        s.truncate(s.len() - 3);
    }
    s
}

/// The index term of a raw word: [`fold`] then [`stem`].
pub fn term(word: &str) -> String {
    stem(&fold(word))
}

/// Tokens of `text` with their byte ranges and index terms.
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    word_spans(text).filter_map(move |(start, end)| {
        let term = term(&text[start..end]);
        (!term.is_empty()).then_some(Token { start, end, term })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was first written (char by char), for comparing.
    fn word_spans_reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                let continues = c.is_alphanumeric()
                    || (is_apostrophe(c)
                        && text[i + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric));
                if continues {
                    chars.next();
                } else {
                    end = i;
                    break;
                }
            }
            out.push((start, end));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn word_spans_agree_with_the_reference_on_any_text(text in "[a-zA-Z0-9 '’ʼ\\-.éЖ東ǅ]{0,40}") {
            proptest::prop_assert_eq!(word_spans(&text).collect::<Vec<_>>(), word_spans_reference(&text));
        }
    }

    #[test]
    fn word_spans_agree_with_the_char_by_char_reference() {
        let cases = [
            "",
            "a",
            "  the CSTO’s anti-drug “Kanal”, 1373 (2001)! ",
            "Da'esh l'' x' 'y ’s ʼ",
            "António Guterres — Ελλάδα, Москва; 東京 ǅ 2024",
            "end’",
            "é",
        ];
        for text in cases {
            assert_eq!(
                word_spans(text).collect::<Vec<_>>(),
                word_spans_reference(text),
                "{text:?}"
            );
        }
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/statements");
        for entry in std::fs::read_dir(corpus).expect("corpus/statements") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("text");
                assert_eq!(
                    word_spans(&text).collect::<Vec<_>>(),
                    word_spans_reference(&text),
                    "{path:?}"
                );
            }
        }
    }

    #[test]
    fn terms_table() {
        struct Case {
            input: &'static str,
            expected: &'static str,
        }
        let cases = [
            Case {
                input: "António",
                expected: "antonio",
            },
            Case {
                input: "Antonio",
                expected: "antonio",
            },
            Case {
                input: "CSTO’s",
                expected: "csto",
            },
            Case {
                input: "UN's",
                expected: "un",
            },
            Case {
                input: "Da'esh",
                expected: "daesh",
            },
            Case {
                input: "terrorist",
                expected: "terror",
            },
            Case {
                input: "terrorists",
                expected: "terror",
            },
            Case {
                input: "terrorism",
                expected: "terror",
            },
            Case {
                input: "extremists",
                expected: "extrem",
            },
            Case {
                input: "extremism",
                expected: "extrem",
            },
            Case {
                input: "list",
                expected: "list",
            },
            Case {
                input: "Assist",
                expected: "assist",
            },
            Case {
                input: "migration",
                expected: "migrat",
            },
            Case {
                input: "1373",
                expected: "1373",
            },
            Case {
                input: "Kanal",
                expected: "kanal",
            },
            Case {
                input: "Channels",
                expected: "channel",
            },
        ];
        for c in cases {
            assert_eq!(term(c.input), c.expected, "term({:?})", c.input);
        }
    }

    #[test]
    fn the_fold_table_agrees_with_unicode_decomposition() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        // Every letter of the Latin blocks folds as full canonical
        // decomposition would, so index and query agree with Unicode.
        for cp in (0xC0..=0x24F).chain(0x1E00..=0x1EFF) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut expected = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    expected.extend(d.to_lowercase());
                }
            });
            assert_eq!(fold(&c.to_string()), expected, "U+{cp:04X} {c}");
        }
        assert_eq!(fold("ÁÉÍÓÚ àèìòù ñ ç ő ł"), "aeiou aeiou n c o ł");
    }

    #[test]
    fn the_fold_table_lowercases_like_the_standard_library() {
        // Outside the diacritic blocks, every BMP letter whose lowercase is
        // one letter folds to it: ОДКБ, Ἀθῆναι, Հայաստան, ＣＳＴＯ.
        let stripped = [(0xC0, 0x24F), (0x370, 0x3FF), (0x1E00, 0x1FFF)];
        for cp in 0x80..=0xFFFF_u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if is_apostrophe(c) || stripped.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)) {
                continue;
            }
            let lower: String = c.to_lowercase().collect();
            if lower.chars().count() == 1 {
                assert_eq!(fold(&c.to_string()), lower, "U+{cp:04X} {c}");
            }
        }
        assert_eq!(fold("ОДКБ Беларусь"), "одкб беларусь");
        assert_eq!(fold("ＣＳＴＯ"), "ｃｓｔｏ");
        assert_eq!(fold("𐐀"), "𐐀"); // Deseret, outside the BMP: kept
    }

    #[test]
    fn spans_keep_offsets_into_the_original() {
        let text = "“Channel”, PROXY – A/RES/77/13; seventy-third";
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            ["Channel", "PROXY", "A", "RES", "77", "13", "seventy", "third"]
        );
    }

    /// What the analysis views' method texts say of the stemmer
    /// (`analyses/src/views/common.rs`, `STEMMER` and `APOSTROPHES`).
    #[test]
    fn the_method_texts_say_what_the_stemmer_does() {
        assert_eq!(term("internal"), term("international"));
        assert_eq!(term("emergency"), term("emerging"));
        assert_eq!(term("terrorist"), term("terrorism"));
        assert_eq!(term("CSTO’s"), "csto");
        assert_eq!(term("Da’esh"), "daesh");
    }

    #[test]
    fn trailing_apostrophe_is_not_part_of_the_word() {
        let text = "members’ interests";
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["members", "interests"]);
    }
}
