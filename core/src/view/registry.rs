//! The registry of views: one entry per view of the explorer ([`VIEWS`]),
//! which owns its [`Tab`], its URL key (`view=…`), its label, the URL
//! parameters it reads, and what it needs (the token table, the page's
//! width). The enum [`Tab`] is generated from the same entries, so a view
//! cannot exist without them, and every list of views (the tabs of the
//! page, `view=` decoding, which view the worker describes, which one is
//! laid out to the width) is read from here.
//!
//! The whole-number parameters are one constant each ([`NGRAM_LENGTH`],
//! [`WINDOW_LEFT`], …) with their limits and the default the URL leaves
//! out, used by the codec and by the views alike.
//!
//! The view's `describe` lives in the worker (`csto-analyses`, which this
//! crate cannot import): it keys its views by [`Tab`] with an exhaustive
//! match, and a test there checks it against [`ViewSpec::analysis`].

use crate::analysis::{DEFAULT_MIN_COOCCURRENCE, DEFAULT_WINDOW, MAX_NGRAM, MAX_WINDOW, MIN_NGRAM};
use std::ops::RangeInclusive;

/// What the registry knows of one view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewSpec {
    pub tab: Tab,
    /// The URL spelling (`view=trends`).
    pub key: &'static str,
    /// What the UI calls it.
    pub label: &'static str,
    /// Computed and described by the analysis worker (every view but the
    /// page's own results list).
    pub analysis: bool,
    /// The URL parameters it reads beyond the search, the filters and
    /// `view` (each one [`super::Params`] decodes).
    pub params: &'static [&'static str],
    /// Reads the token table: the worker asks for it before the index, so
    /// that one build makes both.
    pub token_table: bool,
    /// Laid out to the page's width (the trends chart, the dispersion plot
    /// on a phone): the page asks for it with the width of its box, known
    /// once the page has rendered.
    pub width: bool,
}

/// Declares [`Tab`] and [`VIEWS`] from one list of entries, in the order
/// the page offers them.
macro_rules! registry {
    ($($(#[$meta:meta])* $tab:ident {
        key: $key:literal,
        label: $label:literal,
        analysis: $analysis:literal,
        params: [$($param:literal),* $(,)?],
        token_table: $token_table:literal,
        width: $width:literal $(,)?
    }),* $(,)?) => {
        /// Which main view is shown (an entry of [`VIEWS`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub enum Tab { $($(#[$meta])* $tab),* }

        /// Every view, in the order the page offers them; `VIEWS[tab as usize].tab == tab`.
        pub const VIEWS: &[ViewSpec] = &[$(ViewSpec {
            tab: Tab::$tab,
            key: $key,
            label: $label,
            analysis: $analysis,
            params: &[$($param),*],
            token_table: $token_table,
            width: $width,
        }),*];

        impl Tab {
            /// Every tab, in the order of [`VIEWS`].
            pub const ALL: &'static [Tab] = &[$(Tab::$tab),*];

            // The entry's facts one by one, as matches rather than reads
            // of [`VIEWS`]: the page asks for a few of them, and a match
            // keeps the whole table (labels, parameters) out of its bytes.

            /// The URL spelling ([`ViewSpec::key`]).
            pub fn key(self) -> &'static str {
                match self { $(Tab::$tab => $key),* }
            }

            /// What the UI calls it ([`ViewSpec::label`]).
            pub fn label(self) -> &'static str {
                match self { $(Tab::$tab => $label),* }
            }

            /// Described by the analysis worker ([`ViewSpec::analysis`]).
            pub fn is_analysis(self) -> bool {
                match self { $(Tab::$tab => $analysis),* }
            }

            /// Reads the token table ([`ViewSpec::token_table`]).
            pub fn reads_token_table(self) -> bool {
                match self { $(Tab::$tab => $token_table),* }
            }

            /// Laid out to the page's width ([`ViewSpec::width`]).
            pub fn needs_width(self) -> bool {
                match self { $(Tab::$tab => $width),* }
            }
        }
    };
}

registry! {
    /// Statements with their best passages.
    #[default]
    Results {
        key: "results", label: "Results", analysis: false,
        params: [], token_table: false, width: false,
    },
    /// Keyword in context: every hit as an aligned line.
    Concordance {
        key: "concordance", label: "Concordance", analysis: true,
        params: ["ksort"], token_table: false, width: false,
    },
    /// Frequency per year or statement, per 10,000 words.
    Trends {
        key: "trends", label: "Trends", analysis: true,
        params: ["t", "by", "scale"], token_table: false, width: true,
    },
    /// Themes × years (or statements) grid.
    Themes {
        key: "themes", label: "Theme overview", analysis: true,
        params: ["by"], token_table: false, width: false,
    },
    /// Two sides compared: the terms over-represented on each (G², Log
    /// Ratio). `view=keywords` of older links opens it.
    Compare {
        key: "compare", label: "Compare", analysis: true,
        params: ["a", "b"], token_table: false, width: false,
    },
    /// Every word form (or stem) with frequency, range and share.
    Words {
        key: "words", label: "Word list", analysis: true,
        params: ["stem", "stop", "min", "tsort"], token_table: true, width: false,
    },
    /// Recurring sequences of 2 to 5 words.
    Ngrams {
        key: "ngrams", label: "N-grams", analysis: true,
        params: ["n", "with", "stop", "min", "tsort"], token_table: true, width: false,
    },
    /// Tokens, types, TTR, STTR, hapaxes, sentence and word length.
    Summary {
        key: "summary", label: "Summary", analysis: true,
        params: [], token_table: true, width: false,
    },
    /// The words around the query's word (MI, log-Dice, G²).
    Collocates {
        key: "collocates", label: "Collocates", analysis: true,
        params: ["l", "r", "stop", "min", "tsort"], token_table: true, width: false,
    },
    /// Where the query occurs in each statement (range, Gries' DP); laid
    /// out for a phone below 640 px.
    Dispersion {
        key: "dispersion", label: "Dispersion", analysis: true,
        params: [], token_table: false, width: true,
    },
}

impl Tab {
    /// Its entry in the registry.
    pub fn spec(self) -> &'static ViewSpec {
        &VIEWS[self as usize]
    }
}

/// A whole-number URL parameter: its key, its limits, and the default the
/// URL leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<T> {
    pub key: &'static str,
    pub min: T,
    pub max: T,
    pub default: T,
}

impl<T: Copy + PartialEq> Number<T> {
    /// The values the URL accepts.
    pub fn range(&self) -> RangeInclusive<T> {
        self.min..=self.max
    }

    /// The value in effect: `slot`, or the default.
    pub fn get(&self, slot: Option<T>) -> T {
        slot.unwrap_or(self.default)
    }

    /// `value` as the URL keeps it: `None` for the default.
    pub fn keep(&self, value: T) -> Option<T> {
        (value != self.default).then_some(value)
    }

    /// The same parameter with another default (a view of its own).
    pub const fn with_default(self, default: T) -> Number<T> {
        Number { default, ..self }
    }
}

/// N-grams: their length (`n`).
pub const NGRAM_LENGTH: Number<u8> = Number {
    key: "n",
    min: MIN_NGRAM,
    max: MAX_NGRAM,
    default: MIN_NGRAM,
};

/// Collocates: the window to the left of the node, in words (`l`).
pub const WINDOW_LEFT: Number<u8> = Number {
    key: "l",
    min: 0,
    max: MAX_WINDOW,
    default: DEFAULT_WINDOW,
};

/// Collocates: the window to the right of the node, in words (`r`).
pub const WINDOW_RIGHT: Number<u8> = Number {
    key: "r",
    ..WINDOW_LEFT
};

/// The minimum frequency of a row (`min`), as n-grams read it.
pub const NGRAMS_MIN: Number<u32> = Number {
    key: "min",
    min: 1,
    max: 100_000,
    default: 2,
};

/// The word list's minimum frequency: every word by default, so the
/// frequencies add up to N.
pub const WORDS_MIN: Number<u32> = NGRAMS_MIN.with_default(1);

/// Collocates' minimum co-occurrence.
pub const COLLOCATES_MIN: Number<u32> = NGRAMS_MIN.with_default(DEFAULT_MIN_COOCCURRENCE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{Keyed, ViewState};

    #[test]
    fn every_tab_is_its_own_entry() {
        assert_eq!(Tab::ALL.len(), VIEWS.len());
        for (i, spec) in VIEWS.iter().enumerate() {
            assert_eq!(spec.tab as usize, i);
            assert_eq!(spec.tab.spec(), spec);
            let tab = spec.tab;
            assert_eq!(
                (tab.key(), tab.label(), tab.is_analysis()),
                (spec.key, spec.label, spec.analysis)
            );
            assert_eq!(
                (tab.reads_token_table(), tab.needs_width()),
                (spec.token_table, spec.width)
            );
            assert_eq!(Tab::from_key(spec.key), Some(spec.tab));
            assert!(
                VIEWS.iter().filter(|s| s.key == spec.key).count() == 1,
                "{}: one key, one view",
                spec.key
            );
        }
        assert_eq!(Tab::default().spec().key, "results");
        assert!(!Tab::default().spec().analysis);
    }

    #[test]
    fn every_parameter_a_view_reads_is_decoded() {
        for spec in VIEWS {
            for key in spec.params {
                let (view, notices) = ViewState::decode(&format!("view={}&{key}=", spec.key));
                assert_eq!(view.tab, spec.tab);
                // An empty value of a known parameter is ignored or
                // reported by its own rule; an unknown one is reported as
                // unknown.
                assert!(
                    notices.iter().all(|n| !n.contains("unknown parameter")),
                    "{}: {key} is not a parameter the codec knows: {notices:?}",
                    spec.key
                );
            }
        }
    }

    #[test]
    fn the_numbers_are_in_their_limits() {
        for n in [NGRAM_LENGTH, WINDOW_LEFT, WINDOW_RIGHT] {
            assert!(n.range().contains(&n.default), "{}", n.key);
        }
        for n in [NGRAMS_MIN, WORDS_MIN, COLLOCATES_MIN] {
            assert!(n.range().contains(&n.default), "{}", n.key);
        }
        assert_eq!(WINDOW_LEFT.keep(DEFAULT_WINDOW), None);
        assert_eq!(WINDOW_LEFT.keep(3), Some(3));
    }
}
