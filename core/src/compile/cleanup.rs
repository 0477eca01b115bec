//! Turning a raw seed text into clean paragraphs.
//!
//! The seeds arrive as they were copied: UN records hard-wrapped at about fifty
//! columns with words split across lines ("seventy-\nthird"), web pages with
//! their navigation ("Must read", "More articles") and a printed date, and the
//! record's speaker lead ("Mr. Semerikov (spoke in Russian): ") glued to the
//! first sentence. Search, citation and theme tagging all work on paragraphs, so
//! this module fixes the *layout* and nothing else: every word of the source
//! survives, in order, with its spelling (the source's own typos such as
//! "consultaive" or "ofthe" included). The corpus stays raw on disk and is
//! cleaned at build time, so the cleanup rules can improve without touching the
//! texts, and the rules are general, not per-file patches.
//!
//! ```
//! use csto_core::compile::cleanup::clean;
//! let raw = "Mr. Semerikov (spoke in Russian): At the seventy-\nthird session\nof the Assembly.\n\nMore articles\n";
//! let text = clean(raw, false);
//! assert_eq!(text.lead.as_deref(), Some("Mr. Semerikov (spoke in Russian)"));
//! assert_eq!(text.paragraphs, ["At the seventy-third session of the Assembly."]);
//! ```

/// Lines of web-page navigation that some seeds carry; a line equal to one of
/// these (after trimming) is dropped. Kept in one place so a new source's
/// boilerplate is one entry here, not a special case in the code.
pub const BOILERPLATE_LINES: &[&str] = &[
    "Must read",
    "All events",
    "Other events",
    "More articles",
    "Latest article",
];

/// Honorifics and titles that open a speaker lead in a UN verbatim record
/// ("Mr. Kazykhanov (Kazakhstan) (spoke in Russian): ...").
const LEAD_OPENERS: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Dr.",
    "Sir",
    "Dame",
    "Lord",
    "The President",
    "The Secretary-General",
    "The Chair",
    "The Chairman",
];

/// A lead longer than this is not a lead but a sentence that happens to start
/// with "Mr.".
const MAX_LEAD_LEN: usize = 120;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A seed text after cleanup.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CleanText {
    /// The source's own heading (the first paragraph, when the metadata says the
    /// text has one), kept apart from the body.
    pub heading: Option<String>,
    /// The record's speaker lead without its colon, e.g.
    /// `Mr. Bordyuzha (spoke in Russian)`.
    pub lead: Option<String>,
    /// The body, one entry per paragraph, each on a single line.
    pub paragraphs: Vec<String>,
}

/// Cleans a raw seed text: unwraps hard-wrapped lines into paragraphs, rejoins
/// words split at a line end, drops [`BOILERPLATE_LINES`] and lines that are
/// only a date, moves the speaker lead into [`CleanText::lead`] and, when
/// `has_heading`, the first paragraph into [`CleanText::heading`].
pub fn clean(raw: &str, has_heading: bool) -> CleanText {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in raw.split('\n') {
        let line = line.trim();
        if line.is_empty() || is_boilerplate(line) || is_date_line(line) {
            // A dropped line separates paragraphs like a blank one, so text on
            // either side of page chrome is never glued together.
            paragraphs.extend(current.take());
            continue;
        }
        match current.as_mut() {
            None => current = Some(line.to_string()),
            Some(paragraph) => {
                if !ends_with_split_word(paragraph) {
                    paragraph.push(' ');
                }
                paragraph.push_str(line);
            }
        }
    }
    paragraphs.extend(current);
    let mut paragraphs: Vec<String> = paragraphs.iter().map(|p| collapse_spaces(p)).collect();

    let heading = if has_heading && !paragraphs.is_empty() {
        Some(paragraphs.remove(0))
    } else {
        None
    };
    let mut lead = None;
    if let Some(first) = paragraphs.first_mut() {
        if let Some((speaker, rest)) = split_lead(first) {
            lead = Some(speaker.to_string());
            *first = rest.to_string();
        }
    }
    CleanText {
        heading,
        lead,
        paragraphs,
    }
}

/// Whether `line` (trimmed) is web-page navigation.
pub fn is_boilerplate(line: &str) -> bool {
    BOILERPLATE_LINES.contains(&line.trim())
}

/// Whether `line` is nothing but a date: "July 19, 2024", "6 October 2007",
/// "Oct. 6, 2007" or "2007-10-06". The date belongs in the metadata.
pub fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    if let [y, m, d] = line.split('-').collect::<Vec<_>>()[..] {
        return is_number(y, 4) && is_number(m, 2) && is_number(d, 2);
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words[..] {
        [a, b, year] => {
            ((is_month(a) && is_day(b)) || (is_day(a) && is_month(b))) && is_number(year, 4)
        }
        _ => false,
    }
}

fn is_number(s: &str, digits: usize) -> bool {
    s.len() == digits && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_day(s: &str) -> bool {
    let s = s.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    (1..=2).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1..=31).contains(&s.parse::<u8>().unwrap_or(0))
}

fn is_month(s: &str) -> bool {
    let s = s.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .any(|m| *m == s || (s.len() == 3 && m.starts_with(s.as_str())))
}

/// A line that ends in a letter (or digit) and a hyphen continues a hyphenated word on
/// the next line ("seventy-" + "third"): join without a space and keep the
/// hyphen, which in these records is always part of the word. A spaced dash
/// (" -") is punctuation and joins with a space like any other line end.
fn ends_with_split_word(paragraph: &str) -> bool {
    let mut tail = paragraph.chars().rev();
    tail.next() == Some('-') && tail.next().is_some_and(char::is_alphanumeric)
}

/// Replaces each run of whitespace (spaces, tabs, no-break spaces) by one space.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_space = true;
        } else {
            if in_space && !out.is_empty() {
                out.push(' ');
            }
            in_space = false;
            out.push(c);
        }
    }
    out
}

/// Why a curated paragraph break could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakError {
    /// The sentence does not end with `.`, `!` or `?` (and perhaps a closing quote).
    NotASentence,
    /// No paragraph contains the sentence.
    NotFound,
    /// The sentence already ends its paragraph.
    AlreadyEnds,
    /// The sentence occurs this many times, so the place is ambiguous.
    Ambiguous(usize),
}

/// Starts a new paragraph after `sentence`, a break the source lost (two
/// paragraphs printed as one): the text stays as it is, only the paragraph
/// boundary moves. `sentence` is matched as the cleaned paragraph reads
/// (lines joined, runs of spaces as one) and must occur exactly once,
/// followed by more text in its paragraph.
pub fn break_after(paragraphs: &mut Vec<String>, sentence: &str) -> Result<(), BreakError> {
    let sentence = collapse_spaces(sentence);
    let ends_sentence = sentence
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    if !ends_sentence {
        return Err(BreakError::NotASentence);
    }
    let places: Vec<(usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.match_indices(sentence.as_str())
                .map(move |(at, _)| (i, at))
        })
        .collect();
    let (i, at) = match places[..] {
        [] => return Err(BreakError::NotFound),
        [one] => one,
        _ => return Err(BreakError::Ambiguous(places.len())),
    };
    let end = at + sentence.len();
    let rest = paragraphs[i][end..].trim_start();
    if rest.is_empty() {
        return Err(BreakError::AlreadyEnds);
    }
    let rest = rest.to_string();
    paragraphs[i].truncate(end);
    paragraphs.insert(i + 1, rest);
    Ok(())
}

/// Splits "Mr. Kazykhanov (Kazakhstan) (spoke in Russian): I am honoured..."
/// into the lead (without the colon) and the rest. A lead is an opener from
/// [`LEAD_OPENERS`] followed only by capitalized names and parenthesized
/// remarks, then ": "; anything else ("Mr. X said: ...") is left alone.
fn split_lead(paragraph: &str) -> Option<(&str, &str)> {
    let opener = LEAD_OPENERS
        .iter()
        .find(|o| paragraph.starts_with(*o) && paragraph[o.len()..].starts_with(' '))?;
    let colon = paragraph.find(": ")?;
    if colon > MAX_LEAD_LEN {
        return None;
    }
    let mut rest = paragraph[opener.len()..colon].trim_start();
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')')?;
            rest = inner[close + 1..].trim_start();
        } else {
            let end = rest.find([' ', '(']).unwrap_or(rest.len());
            if !rest.chars().next()?.is_uppercase() {
                return None;
            }
            rest = rest[end..].trim_start();
        }
    }
    let body = paragraph[colon + 2..].trim_start();
    (!body.is_empty()).then(|| (&paragraph[..colon], body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::word_spans;

    struct Seed {
        id: &'static str,
        raw: &'static str,
        has_heading: bool,
        paragraphs: usize,
        lead: Option<&'static str>,
        heading: Option<&'static str>,
        /// Whole lines that cleanup must drop, in order.
        removed: &'static [&'static str],
    }

    const SEEDS: &[Seed] = &[
        Seed {
            id: "2004-kazykhanov",
            raw: include_str!("../../../corpus/statements/2004-kazykhanov.txt"),
            has_heading: false,
            paragraphs: 9,
            lead: Some("Mr. Kazykhanov (Kazakhstan) (spoke in Russian)"),
            heading: None,
            removed: &[],
        },
        Seed {
            id: "2007-nazarbayev",
            raw: include_str!("../../../corpus/statements/2007-nazarbayev.txt"),
            has_heading: true,
            paragraphs: 13,
            lead: None,
            heading: Some("Kazakhstan’s President Nursultan Nazarbayev Attends the Session of the Collective Security Council of the Collective Security Treaty Organization in Tajikistan"),
            removed: &["6 October 2007", "All events", "Other events", "All events"],
        },
        Seed {
            id: "2016-bordyuzha",
            raw: include_str!("../../../corpus/statements/2016-bordyuzha.txt"),
            has_heading: false,
            paragraphs: 16,
            lead: Some("Mr. Bordyuzha (spoke in Russian)"),
            heading: None,
            removed: &[],
        },
        Seed {
            id: "2019-semerikov",
            raw: include_str!("../../../corpus/statements/2019-semerikov.txt"),
            has_heading: false,
            paragraphs: 19,
            lead: Some("Mr. Semerikov (spoke in Russian)"),
            heading: None,
            removed: &[],
        },
        Seed {
            id: "2024-tasmagambetov",
            raw: include_str!("../../../corpus/statements/2024-tasmagambetov.txt"),
            has_heading: true,
            paragraphs: 30,
            lead: None,
            heading: Some("Remarks by CSTO Secretary General Imangali Tasmagambetov at the UN Security Council meeting on July 19, 2024, during the debate on cooperation between the UN and regional organizations: the CSTO, the CIS and the SCO."),
            removed: &["Must read", "July 19, 2024", "More articles", "Latest article"],
        },
    ];

    fn seed(id: &str) -> CleanText {
        let s = SEEDS.iter().find(|s| s.id == id).expect("known seed");
        clean(s.raw, s.has_heading)
    }

    fn body(id: &str) -> String {
        seed(id).paragraphs.join("\n\n")
    }

    fn words(text: &str) -> Vec<&str> {
        word_spans(text).map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn seeds_have_expected_shape() {
        for s in SEEDS {
            let text = clean(s.raw, s.has_heading);
            assert_eq!(text.paragraphs.len(), s.paragraphs, "{}: paragraphs", s.id);
            assert_eq!(text.lead.as_deref(), s.lead, "{}: lead", s.id);
            assert_eq!(text.heading.as_deref(), s.heading, "{}: heading", s.id);
        }
    }

    #[test]
    fn paragraphs_are_single_trimmed_lines_without_boilerplate() {
        for s in SEEDS {
            for p in clean(s.raw, s.has_heading).paragraphs {
                assert!(!p.is_empty(), "{}: empty paragraph", s.id);
                assert!(!p.contains('\n'), "{}: newline in {p:?}", s.id);
                assert!(!p.contains("  "), "{}: double space in {p:?}", s.id);
                assert_eq!(p.trim(), p, "{}: untrimmed {p:?}", s.id);
                for b in BOILERPLATE_LINES {
                    assert!(!p.contains(b), "{}: boilerplate {b:?} in {p:?}", s.id);
                }
            }
        }
    }

    /// The strongest check that cleanup fixes layout only: the words of the
    /// raw text, less the lines it is meant to drop, are exactly the words of
    /// heading + lead + paragraphs, in order.
    #[test]
    fn every_word_survives_in_order() {
        for s in SEEDS {
            let mut removed = s.removed.iter().peekable();
            let kept: Vec<&str> = s
                .raw
                .lines()
                .filter(|line| {
                    if removed.peek().is_some_and(|r| **r == line.trim()) {
                        removed.next();
                        false
                    } else {
                        true
                    }
                })
                .collect();
            assert!(
                removed.next().is_none(),
                "{}: a removed line not found",
                s.id
            );
            let kept = kept.join("\n");

            let text = clean(s.raw, s.has_heading);
            let mut cleaned = String::new();
            for part in text
                .heading
                .iter()
                .chain(&text.lead)
                .chain(&text.paragraphs)
            {
                cleaned.push_str(part);
                cleaned.push('\n');
            }
            assert_eq!(words(&kept), words(&cleaned), "{}", s.id);
        }
    }

    #[test]
    fn layout_fixes_on_real_seeds() {
        struct Case {
            id: &'static str,
            present: &'static str,
        }
        let cases = [
            Case { id: "2019-semerikov", present: "at the seventy-third session of the General Assembly" },
            Case { id: "2019-semerikov", present: "as Secretary-General and singled out" },
            Case { id: "2019-semerikov", present: "Office of Counter-Terrorism is developing, as well as that with Counter-Terrorism Committee" },
            Case { id: "2019-semerikov", present: "our collective rapid-reaction force" },
            Case { id: "2019-semerikov", present: "we focus closely on counter-terrorism activities." },
            Case { id: "2016-bordyuzha", present: "Global Counter-Terrorism Strategy" },
            Case { id: "2016-bordyuzha", present: "Special Representatives of the Secretary-General, to resolve" },
            Case { id: "2016-bordyuzha", present: "with the Counter-Terrorism Committee Executive Directorate" },
            // the source's own typos stay
            Case { id: "2016-bordyuzha", present: "a consultaive coordination centre" },
            Case { id: "2016-bordyuzha", present: "establish a CTSO centre" },
            Case { id: "2016-bordyuzha", present: "senior officials ofthe two organizations" },
            Case { id: "2016-bordyuzha", present: "closer interaction in thisarea." },
            // a spaced dash mid-line is kept as written
            Case { id: "2004-kazykhanov", present: "new threats and challenges - in particular those posed by terrorism" },
            Case { id: "2024-tasmagambetov", present: "Thank you for your attention." },
        ];
        for c in cases {
            assert!(
                body(c.id).contains(c.present),
                "{}: missing {:?}",
                c.id,
                c.present
            );
        }
    }

    #[test]
    fn lead_is_moved_out_of_the_first_paragraph() {
        let cases = [
            (
                "2004-kazykhanov",
                "I am honoured to address the Security Council today",
            ),
            (
                "2016-bordyuzha",
                "I should like at the outset to thank the Russian delegation",
            ),
            (
                "2019-semerikov",
                "I wish at the outset to thank the Russian presidency",
            ),
        ];
        for (id, start) in cases {
            let first = &seed(id).paragraphs[0];
            assert!(first.starts_with(start), "{id}: {first:?}");
        }
    }

    #[test]
    fn heading_and_date_leave_the_body() {
        let text = body("2024-tasmagambetov");
        assert!(!text.contains("Remarks by CSTO Secretary General"));
        assert!(!text.contains("July 19, 2024"));
        assert!(text.starts_with("Allow me to thank the Russian presidency"));
        assert!(text.ends_with("Thank you for your attention."));

        let text = body("2007-nazarbayev");
        assert!(!text.contains("6 October 2007"));
        assert!(!text.contains("Attends the Session"));
        assert!(text.starts_with("This summit of the Presidents"));
        assert!(text.ends_with("The next session will be held in Moscow in 2008."));
    }

    #[test]
    fn joining_rules() {
        struct Case {
            name: &'static str,
            raw: &'static str,
            expected: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "crlf and wrap",
                raw: "one\r\ntwo\r\n\r\nthree\r\n",
                expected: &["one two", "three"],
            },
            Case {
                name: "split word",
                raw: "Counter-\nTerrorism Committee",
                expected: &["Counter-Terrorism Committee"],
            },
            Case {
                name: "spaced dash",
                raw: "the CSTO -\nour organization",
                expected: &["the CSTO - our organization"],
            },
            Case {
                name: "number range",
                raw: "for 2019-\n2021",
                expected: &["for 2019-2021"],
            },
            Case {
                name: "nbsp line is blank",
                raw: "a\n\u{a0}\nb",
                expected: &["a", "b"],
            },
            Case {
                name: "runs of spaces",
                raw: "a  b\t c",
                expected: &["a b c"],
            },
            Case {
                name: "boilerplate separates",
                raw: "a\nMust read\nb",
                expected: &["a", "b"],
            },
            Case {
                name: "date lines",
                raw: "6 October 2007\nJuly 19, 2024\n2024-07-19\nOct. 6, 2007\ntext",
                expected: &["text"],
            },
            Case {
                name: "date inside text stays",
                raw: "on 6 October 2007 we met",
                expected: &["on 6 October 2007 we met"],
            },
            Case {
                name: "not a lead",
                raw: "Mr. Guterres said the following: yes",
                expected: &["Mr. Guterres said the following: yes"],
            },
        ];
        for c in cases {
            let text = clean(c.raw, false);
            assert_eq!(text.paragraphs, c.expected, "{}", c.name);
        }
    }

    #[test]
    fn leads() {
        let cases = [
            (
                "The President (spoke in French): I thank him.",
                Some("The President (spoke in French)"),
                "I thank him.",
            ),
            (
                "Mr. Ban Ki-moon: Thank you.",
                Some("Mr. Ban Ki-moon"),
                "Thank you.",
            ),
            (
                "Mr. Smith (United Kingdom): Thank you.",
                Some("Mr. Smith (United Kingdom)"),
                "Thank you.",
            ),
            ("Mr. Smith spoke: no", None, "Mr. Smith spoke: no"),
            ("Mrs.Smith: no", None, "Mrs.Smith: no"),
        ];
        for (raw, lead, first) in cases {
            let text = clean(raw, false);
            assert_eq!(text.lead.as_deref(), lead, "{raw}");
            assert_eq!(text.paragraphs[0], first, "{raw}");
        }
    }

    #[test]
    fn heading_is_the_first_remaining_paragraph() {
        let text = clean("Must read\n\nThe Heading\n\nBody line\nwrapped.", true);
        assert_eq!(text.heading.as_deref(), Some("The Heading"));
        assert_eq!(text.paragraphs, ["Body line wrapped."]);
    }

    #[test]
    fn curated_paragraph_breaks() {
        let paras = || {
            vec![
                "One. Two ends here. Three.".to_string(),
                "Four.".to_string(),
            ]
        };
        struct Case {
            sentence: &'static str,
            expected: Result<&'static [&'static str], BreakError>,
        }
        let cases = [
            Case {
                sentence: "Two ends here.",
                expected: Ok(&["One. Two ends here.", "Three.", "Four."]),
            },
            // spaces as the raw text had them, wrapped lines included
            Case {
                sentence: "Two  ends\nhere.",
                expected: Ok(&["One. Two ends here.", "Three.", "Four."]),
            },
            Case {
                sentence: "Two ends there.",
                expected: Err(BreakError::NotFound),
            },
            Case {
                sentence: "Three.",
                expected: Err(BreakError::AlreadyEnds),
            },
            Case {
                sentence: "Two ends",
                expected: Err(BreakError::NotASentence),
            },
            Case {
                sentence: "e.",
                expected: Err(BreakError::Ambiguous(3)),
            },
        ];
        for c in cases {
            let mut p = paras();
            let got = break_after(&mut p, c.sentence).map(|()| p);
            let expected = c
                .expected
                .map(|e| e.iter().map(|s| s.to_string()).collect());
            assert_eq!(got, expected, "{:?}", c.sentence);
        }
    }
}
