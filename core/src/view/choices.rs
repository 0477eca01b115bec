//! The closed choices a URL can name (`view=trends`, `by=statement`,
//! `tsort=range`): each an enum with its URL spelling, read back through one
//! [`Keyed::from_key`], so a new choice is one line in one table (a new
//! view is one entry of `registry`).

use super::registry::Tab;
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

impl Keyed for Tab {
    const ALL: &'static [Tab] = Tab::ALL;
    fn key(self) -> &'static str {
        Tab::key(self)
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
        match self {
            KwicSort::Corpus => "corpus",
            KwicSort::Newest => "newest",
            KwicSort::Left => "left",
            KwicSort::Right => "right",
        }
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
