//! The closed choices a URL can name (`view=trends`, `by=statement`,
//! `wsort=range`): each an enum with its URL spelling, read back through one
//! [`Keyed::from_key`], so a new choice is one line in one table.

use crate::analysis::concordance::KwicSort;
use crate::search::Sort;

/// An enum whose values have URL spellings.
pub trait Keyed: Copy + 'static {
    /// Every value, in the order the UI offers them.
    const ALL: &'static [Self];
    /// The URL spelling.
    fn key(self) -> &'static str;
    /// The value spelled `key`, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
}

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Statements with their best passages.
    #[default]
    Results,
    /// Keyword in context: every hit as an aligned line.
    Concordance,
    /// Frequency per year or statement, per 10,000 words.
    Trends,
    /// Themes × years (or statements) grid.
    Themes,
    /// Two sides compared: the terms over-represented on each (G², Log
    /// Ratio). `view=keywords` of older links opens it.
    Compare,
    /// Every word form (or stem) with frequency, range and share.
    Words,
    /// Recurring sequences of 2 to 5 words.
    Ngrams,
    /// Tokens, types, TTR, STTR, hapaxes, sentence and word length.
    Summary,
    /// The words around the query's word (MI, log-Dice, G²).
    Collocates,
    /// Where the query occurs in each statement (range, Gries' DP).
    Dispersion,
}

impl Keyed for Tab {
    const ALL: &'static [Tab] = &[
        Tab::Results,
        Tab::Concordance,
        Tab::Trends,
        Tab::Themes,
        Tab::Compare,
        Tab::Words,
        Tab::Ngrams,
        Tab::Summary,
        Tab::Collocates,
        Tab::Dispersion,
    ];
    fn key(self) -> &'static str {
        match self {
            Tab::Results => "results",
            Tab::Concordance => "concordance",
            Tab::Trends => "trends",
            Tab::Themes => "themes",
            Tab::Compare => "compare",
            Tab::Words => "words",
            Tab::Ngrams => "ngrams",
            Tab::Summary => "summary",
            Tab::Collocates => "collocates",
            Tab::Dispersion => "dispersion",
        }
    }
}

impl Tab {
    /// What the UI calls it.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Results => "Results",
            Tab::Concordance => "Concordance",
            Tab::Trends => "Trends",
            Tab::Themes => "Theme overview",
            Tab::Compare => "Compare",
            Tab::Words => "Word list",
            Tab::Ngrams => "N-grams",
            Tab::Summary => "Summary",
            Tab::Collocates => "Collocates",
            Tab::Dispersion => "Dispersion",
        }
    }
}

/// What trends and the theme overview count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Axis {
    #[default]
    Year,
    Statement,
}

impl Keyed for Axis {
    const ALL: &'static [Axis] = &[Axis::Year, Axis::Statement];
    fn key(self) -> &'static str {
        match self {
            Axis::Year => "year",
            Axis::Statement => "statement",
        }
    }
}

impl Keyed for Sort {
    const ALL: &'static [Sort] = &[Sort::Relevance, Sort::DateAsc, Sort::DateDesc];
    fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::DateAsc => "date",
            Sort::DateDesc => "date-desc",
        }
    }
}

impl Keyed for KwicSort {
    const ALL: &'static [KwicSort] = &[
        KwicSort::Corpus,
        KwicSort::Newest,
        KwicSort::Left,
        KwicSort::Right,
    ];
    fn key(self) -> &'static str {
        KwicSort::key(self)
    }
}

/// Trends: raw counts or occurrences per 10,000 words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Per10k,
    Raw,
}

impl Keyed for Scale {
    const ALL: &'static [Scale] = &[Scale::Per10k, Scale::Raw];
    fn key(self) -> &'static str {
        match self {
            Scale::Per10k => "per10k",
            Scale::Raw => "raw",
        }
    }
}

/// The column a word list, n-gram list or collocate table is ordered by
/// (descending for numbers, A–Z for the word itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum TableSort {
    /// Frequency (collocates: observed co-occurrence).
    #[default]
    Frequency,
    /// Range: how many statements contain it.
    Range,
    /// Alphabetical.
    Alpha,
    /// Collocates: log-Dice.
    LogDice,
    /// Collocates: mutual information.
    Mi,
    /// Collocates: log-likelihood (G²).
    LogLikelihood,
}

impl Keyed for TableSort {
    const ALL: &'static [TableSort] = &[
        TableSort::Frequency,
        TableSort::Range,
        TableSort::Alpha,
        TableSort::LogDice,
        TableSort::Mi,
        TableSort::LogLikelihood,
    ];
    fn key(self) -> &'static str {
        match self {
            TableSort::Frequency => "freq",
            TableSort::Range => "range",
            TableSort::Alpha => "alpha",
            TableSort::LogDice => "logdice",
            TableSort::Mi => "mi",
            TableSort::LogLikelihood => "g2",
        }
    }
}
