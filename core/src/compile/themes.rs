//! Tagging paragraphs with the curated themes of `corpus/themes.toml`.
//!
//! Themes are a reading aid ("which passages talk about drug trafficking?"),
//! so a tag must be explainable: each [`ThemeTag`] carries the words of the
//! paragraph that earned it, and the UI shows them. Matching is therefore plain
//! term matching, not a model: a theme's terms are reduced with
//! [`crate::text::term`] exactly as the search index reduces words, so
//! "terrorism" in themes.toml matches "terrorists" and "counter-terrorism",
//! and a multi-word term matches the same words in a row.
//!
//! One rule keeps names apart from common words: a word of a term written with
//! a capital letter matches only a capitalized word. `Channel` (the CSTO
//! operation) tags "operations “Channel”" but not "channels of recruitment";
//! terms written in lower case match any case.
//!
//! ```
//! use csto_core::themes::ThemeMatcher;
//! use csto_core::Theme;
//! let drugs = Theme {
//!     id: "drug-trafficking".into(),
//!     label: "Drug trafficking".into(),
//!     terms: vec!["drug".into(), "Channel".into()],
//! };
//! let matcher = ThemeMatcher::new(&[drugs]);
//! let tags = matcher.tag("operations “Channel” against drugs; recruitment channels");
//! assert_eq!(tags[0].evidence, ["Channel", "drugs"]);
//! ```

use crate::model::{Passage, Theme, ThemeId, ThemeTag, ThemeWeight};
use crate::text::{tokens, Token};

/// Themes with their terms tokenized once, ready to tag many paragraphs.
#[derive(Debug, Clone)]
pub struct ThemeMatcher {
    /// Indexed by [`ThemeId`]; each theme's patterns, longest first, so the
    /// first pattern that matches at a position is the longest one.
    themes: Vec<Vec<Pattern>>,
}

/// One term of a theme as a sequence of words.
#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<PatternWord>,
}

#[derive(Debug, Clone)]
struct PatternWord {
    term: String,
    /// Written with a capital letter, so it matches only capitalized words.
    capitalized: bool,
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

impl Pattern {
    fn new(term: &str) -> Self {
        let words = tokens(term)
            .map(|t| PatternWord {
                capitalized: starts_uppercase(&term[t.start..t.end]),
                term: t.term,
            })
            .collect();
        Pattern { words }
    }

    fn matches_at(&self, text: &str, tokens: &[Token], at: usize) -> bool {
        let Some(window) = tokens.get(at..at + self.words.len()) else {
            return false;
        };
        !self.words.is_empty()
            && self.words.iter().zip(window).all(|(w, t)| {
                w.term == t.term && (!w.capitalized || starts_uppercase(&text[t.start..t.end]))
            })
    }
}

impl ThemeMatcher {
    /// Tokenizes every theme's terms. A term with no words (e.g. "-") can
    /// never match and is ignored; `source` rejects such terms when loading.
    pub fn new(themes: &[Theme]) -> Self {
        let themes = themes
            .iter()
            .map(|theme| {
                let mut patterns: Vec<Pattern> = theme
                    .terms
                    .iter()
                    .map(|t| Pattern::new(t))
                    .filter(|p| !p.words.is_empty())
                    .collect();
                patterns.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
                patterns
            })
            .collect();
        ThemeMatcher { themes }
    }

    /// The themes `paragraph` touches, in theme order, each with its evidence:
    /// the matched stretches of the paragraph as written, deduplicated, in
    /// order of appearance. At each position the longest term wins, so
    /// "Counter-Terrorism Committee" is one piece of evidence, not two.
    pub fn tag(&self, paragraph: &str) -> Vec<ThemeTag> {
        let toks: Vec<Token> = tokens(paragraph).collect();
        let mut tags = Vec::new();
        for (id, patterns) in self.themes.iter().enumerate() {
            let mut evidence: Vec<String> = Vec::new();
            let mut at = 0;
            while at < toks.len() {
                match patterns.iter().find(|p| p.matches_at(paragraph, &toks, at)) {
                    Some(p) => {
                        let last = &toks[at + p.words.len() - 1];
                        let surface = &paragraph[toks[at].start..last.end];
                        if !evidence.iter().any(|e| e == surface) {
                            evidence.push(surface.to_string());
                        }
                        at += p.words.len();
                    }
                    None => at += 1,
                }
            }
            if !evidence.is_empty() {
                tags.push(ThemeTag {
                    theme: id as ThemeId,
                    evidence,
                });
            }
        }
        tags
    }
}

/// Tags one paragraph. For many paragraphs build a [`ThemeMatcher`] once.
pub fn tag(paragraph: &str, themes: &[Theme]) -> Vec<ThemeTag> {
    ThemeMatcher::new(themes).tag(paragraph)
}

/// A statement's themes: for each of the `n_themes` themes, how many of
/// `passages` carry it and what share of the statement that is. Themes no
/// passage carries are left out; the heaviest comes first, ties in theme order.
pub fn weights(passages: &[Passage], n_themes: usize) -> Vec<ThemeWeight> {
    let mut counts = vec![0u16; n_themes];
    for passage in passages {
        for tag in &passage.themes {
            if let Some(c) = counts.get_mut(tag.theme as usize) {
                *c += 1;
            }
        }
    }
    let total = passages.len().max(1) as f32;
    let mut weights: Vec<ThemeWeight> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(theme, &n)| ThemeWeight {
            theme: theme as ThemeId,
            passages: n,
            weight: f32::from(n) / total,
        })
        .collect();
    weights.sort_by(|a, b| b.passages.cmp(&a.passages).then(a.theme.cmp(&b.theme)));
    weights
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::cleanup::clean;

    /// The curated taxonomy, read the way `source` reads it.
    fn curated() -> Vec<Theme> {
        #[derive(serde::Deserialize)]
        struct File {
            theme: Vec<Theme>,
        }
        let file: File = toml::from_str(include_str!("../../../corpus/themes.toml")).unwrap();
        file.theme
    }

    fn paragraphs(raw: &str, has_heading: bool) -> Vec<String> {
        clean(raw, has_heading).paragraphs
    }

    /// The themes and evidence of the first paragraph of `raw` containing `needle`.
    fn tagged(raw: &str, has_heading: bool, needle: &str) -> Vec<(String, Vec<String>)> {
        let themes = curated();
        let matcher = ThemeMatcher::new(&themes);
        let paragraph = paragraphs(raw, has_heading)
            .into_iter()
            .find(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("no paragraph contains {needle:?}"));
        matcher
            .tag(&paragraph)
            .into_iter()
            .map(|t| (themes[t.theme as usize].id.clone(), t.evidence))
            .collect()
    }

    const Y2004: &str = include_str!("../../../corpus/statements/2004-kazykhanov.txt");
    const Y2007: &str = include_str!("../../../corpus/statements/2007-nazarbayev.txt");
    const Y2016: &str = include_str!("../../../corpus/statements/2016-bordyuzha.txt");
    const Y2019: &str = include_str!("../../../corpus/statements/2019-semerikov.txt");
    const Y2024: &str = include_str!("../../../corpus/statements/2024-tasmagambetov.txt");

    #[test]
    fn real_paragraphs_get_expected_themes_and_evidence() {
        struct Case {
            name: &'static str,
            raw: &'static str,
            has_heading: bool,
            needle: &'static str,
            /// (theme, evidence that must be among the theme's evidence)
            expected: &'static [(&'static str, &'static [&'static str])],
            /// themes that must not be tagged
            absent: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "2016 special operations",
                raw: Y2016,
                has_heading: false,
                needle: "including the Kanal",
                expected: &[
                    ("counter-terrorism", &["terrorism", "extremism"]),
                    ("drug-trafficking", &["drug", "Kanal", "narcotics"]),
                    ("illegal-migration", &["illegal migration", "Nyelegal"]),
                    ("information-security", &["Internet", "cybercrime", "Proxy"]),
                ],
                absent: &["peacekeeping", "energy-ecology"],
            },
            Case {
                name: "2024 operations with quoted names",
                raw: Y2024,
                has_heading: true,
                needle: "such as operations",
                expected: &[
                    ("drug-trafficking", &["Channel", "drug"]),
                    ("illegal-migration", &["illegal migration"]),
                    (
                        "information-security",
                        &["PROXY", "information and communication technologies"],
                    ),
                    ("counter-terrorism", &["terrorist", "Mercenary"]),
                ],
                absent: &["peacekeeping"],
            },
            Case {
                name: "2007 energy and ecology",
                raw: Y2007,
                has_heading: true,
                needle: "ecological problems",
                expected: &[("energy-ecology", &["ecological", "energy"])],
                absent: &["counter-terrorism", "drug-trafficking"],
            },
            Case {
                name: "2004 weapons of mass destruction",
                raw: Y2004,
                has_heading: false,
                needle: "resolution 1540 (2004)",
                expected: &[
                    (
                        "wmd-non-proliferation",
                        &["proliferation of weapons of mass destruction"],
                    ),
                    ("counter-terrorism", &["terrorism", "extremism"]),
                    ("drug-trafficking", &["drugs"]),
                ],
                absent: &["peacekeeping"],
            },
            Case {
                name: "2016 peacekeeping",
                raw: Y2016,
                has_heading: false,
                needle: "Department of Peacekeeping",
                expected: &[
                    ("peacekeeping", &["Peacekeeping", "peacekeepers"]),
                    ("un-cooperation", &["United Nations"]),
                ],
                absent: &["drug-trafficking"],
            },
            Case {
                name: "2019 Tajik-Afghan border",
                raw: Y2019,
                has_heading: false,
                needle: "relocate their terrorist",
                expected: &[("afghanistan-central-asia", &["Central Asia", "Afghanistan"])],
                absent: &[],
            },
            Case {
                name: "2024 Eurasian architecture",
                raw: Y2024,
                has_heading: true,
                needle: "Eurasian security architecture",
                expected: &[(
                    "eurasian-security-architecture",
                    &["Eurasian security architecture", "Eurasian Charter"],
                )],
                absent: &["drug-trafficking", "counter-terrorism"],
            },
            Case {
                name: "2016 emergencies",
                raw: Y2016,
                has_heading: false,
                needle: "emergency situations",
                expected: &[(
                    "crisis-response",
                    &["emergency situations", "Humanitarian Affairs"],
                )],
                absent: &["drug-trafficking"],
            },
            Case {
                name: "2019 recruitment channels are not the Channel operation",
                raw: Y2019,
                has_heading: false,
                needle: "recruitment channels",
                expected: &[("counter-terrorism", &["terrorist", "Mercury"])],
                absent: &["drug-trafficking"],
            },
            Case {
                name: "2004 regional organizations",
                raw: Y2004,
                has_heading: false,
                needle: "Shanghai Cooperation Organization",
                expected: &[(
                    "regional-organizations",
                    &[
                        "Organization for Security and Cooperation in Europe",
                        "Shanghai Cooperation Organization",
                        "North Atlantic Treaty Organization",
                    ],
                )],
                absent: &[],
            },
        ];
        for c in cases {
            let tags = tagged(c.raw, c.has_heading, c.needle);
            for (theme, evidence) in c.expected {
                let Some((_, got)) = tags.iter().find(|(id, _)| id == theme) else {
                    panic!("{}: not tagged {theme}; tags: {tags:?}", c.name);
                };
                for e in *evidence {
                    assert!(
                        got.iter().any(|g| g == e),
                        "{}: {theme} lacks {e:?}; has {got:?}",
                        c.name
                    );
                }
            }
            for theme in c.absent {
                assert!(
                    tags.iter().all(|(id, _)| id != theme),
                    "{}: wrongly tagged {theme}: {tags:?}",
                    c.name
                );
            }
        }
    }

    #[test]
    fn a_paragraph_about_nothing_gets_no_theme() {
        let matcher = ThemeMatcher::new(&curated());
        for text in [
            "Thank you for your attention.",
            "We have all the prerequisites for this.",
            "",
        ] {
            assert!(matcher.tag(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn evidence_is_deduplicated_in_order_and_longest_wins() {
        let themes = [Theme {
            id: "t".into(),
            label: "T".into(),
            terms: vec!["terrorism".into(), "counter-terrorism committee".into()],
        }];
        let tags = tag(
            "Terrorism, the Counter-Terrorism Committee, terrorists and terrorism again",
            &themes,
        );
        assert_eq!(tags.len(), 1);
        assert_eq!(
            tags[0].evidence,
            [
                "Terrorism",
                "Counter-Terrorism Committee",
                "terrorists",
                "terrorism"
            ]
        );
    }

    #[test]
    fn weights_are_heaviest_first() {
        let tag = |theme| ThemeTag {
            theme,
            evidence: vec!["x".into()],
        };
        let passage = |themes: Vec<ThemeTag>| Passage {
            text: String::new(),
            themes,
        };
        let passages = [
            passage(vec![tag(0), tag(2)]),
            passage(vec![tag(2)]),
            passage(vec![]),
            passage(vec![tag(1), tag(2)]),
        ];
        let w = weights(&passages, 4);
        let summary: Vec<(ThemeId, u16)> = w.iter().map(|w| (w.theme, w.passages)).collect();
        assert_eq!(summary, [(2, 3), (0, 1), (1, 1)]);
        assert_eq!(w[0].weight, 0.75);
        assert!(weights(&[], 4).is_empty());
    }

    #[test]
    fn every_statement_touches_several_themes() {
        let matcher = ThemeMatcher::new(&curated());
        for (raw, has_heading) in [
            (Y2004, false),
            (Y2007, true),
            (Y2016, false),
            (Y2019, false),
            (Y2024, true),
        ] {
            let passages: Vec<Passage> = paragraphs(raw, has_heading)
                .into_iter()
                .map(|text| Passage {
                    themes: matcher.tag(&text),
                    text,
                })
                .collect();
            assert!(weights(&passages, curated().len()).len() >= 4);
        }
    }
}
