//! The views a link or a control opens from the current one, named by what
//! the researcher does (types a query, opens a statement, clears the
//! filters…): each keeps what the others keep, so a link cannot forget a
//! filter. Ticking a facet and moving the year range are in `facet`.

use super::choices::Axis;
use super::registry::Tab;
use super::state::{Params, ViewState};
use crate::analysis::concordance::KwicSort;
use crate::search::Sort;

impl ViewState {
    /// Statement `doc` alone (at 1-based paragraph `para`): no query, no
    /// filters. What a citation, a permalink and a statement's own page
    /// show.
    pub fn statement(doc: &str, para: Option<u16>) -> ViewState {
        ViewState {
            doc: Some(doc.to_string()),
            para,
            ..ViewState::default()
        }
    }

    /// The query typed in the search box: the open statement stays open
    /// (its hits highlighted), its paragraph is let go.
    pub fn with_query(&self, q: impl Into<String>) -> ViewState {
        ViewState {
            q: q.into(),
            para: None,
            ..self.clone()
        }
    }

    /// The results of a search for `q` with the same filters: where a word
    /// in an analysis table leads.
    pub fn search_for(&self, q: impl Into<String>) -> ViewState {
        ViewState {
            q: q.into(),
            tab: Tab::Results,
            doc: None,
            para: None,
            ..self.clone()
        }
    }

    /// The concordance of `q` with the same filters, in corpus order and
    /// with the analysis parameters at their defaults: where a collocate
    /// leads.
    pub fn concordance_of(&self, q: impl Into<String>) -> ViewState {
        ViewState {
            q: q.into(),
            tab: Tab::Concordance,
            doc: None,
            para: None,
            kwic_sort: None,
            params: Params::default(),
            ..self.clone()
        }
    }

    /// Statement `doc` open (at 1-based paragraph `para`), keeping the
    /// query, the filters and the tab to go back to.
    pub fn open_statement(&self, doc: &str, para: Option<u16>) -> ViewState {
        ViewState {
            doc: Some(doc.to_string()),
            para,
            ..self.clone()
        }
    }

    /// Statement `doc` open in the reader (at 1-based paragraph `para`),
    /// keeping the query and filters, so its hits are highlighted; back
    /// from it is the result list.
    pub fn reading(&self, doc: &str, para: Option<u16>) -> ViewState {
        ViewState {
            tab: Tab::Results,
            ..self.open_statement(doc, para)
        }
    }

    /// The open statement closed: back to the list (or analysis) of the
    /// same query and filters.
    pub fn closed_statement(&self) -> ViewState {
        ViewState {
            doc: None,
            para: None,
            ..self.clone()
        }
    }

    /// The view without its paragraph: the same page, not scrolled.
    pub fn without_paragraph(&self) -> ViewState {
        ViewState {
            para: None,
            ..self.clone()
        }
    }

    /// Another tab for the same query and filters (the open statement
    /// closed).
    pub fn with_tab(&self, tab: Tab) -> ViewState {
        ViewState {
            tab,
            ..self.closed_statement()
        }
    }

    /// The results in another order (`None`: the default order).
    pub fn sorted_by(&self, sort: Option<Sort>) -> ViewState {
        ViewState {
            sort,
            ..self.clone()
        }
    }

    /// "Clear filters": only the query and the order are kept.
    pub fn cleared_filters(&self) -> ViewState {
        ViewState {
            q: self.q.clone(),
            sort: self.sort,
            ..ViewState::default()
        }
    }

    /// The result list of the statements citing or naming entity `key`,
    /// instead of any other entity filter (the open statement closed).
    pub fn filtered_by_entity(&self, key: &str) -> ViewState {
        ViewState {
            entities: vec![key.to_string()],
            ..self.closed_statement()
        }
    }

    /// The result list of theme `theme` in `year` (and of `speaker`, if
    /// given, else of the speakers chosen): where a cell of the theme
    /// overview leads.
    pub fn theme_results(&self, theme: &str, year: u16, speaker: Option<&str>) -> ViewState {
        ViewState {
            themes: vec![theme.to_string()],
            years: vec![year],
            speakers: match speaker {
                Some(sp) => vec![sp.to_string()],
                None => self.speakers.clone(),
            },
            tab: Tab::Results,
            doc: None,
            para: None,
            ..self.clone()
        }
    }

    /// Trends and the theme overview counted by `axis`.
    pub fn by_axis(&self, axis: Axis) -> ViewState {
        ViewState {
            axis,
            ..self.clone()
        }
    }

    /// The concordance in `order` (corpus order is the default, left out
    /// of the URL).
    pub fn in_kwic_order(&self, order: KwicSort) -> ViewState {
        ViewState {
            kwic_sort: (order != KwicSort::Corpus).then_some(order),
            ..self.clone()
        }
    }

    /// The trends chart without compared term `term` (as shown: a term is
    /// matched with or without surrounding spaces).
    pub fn without_compared(&self, term: &str) -> ViewState {
        ViewState {
            compare: self
                .compare
                .iter()
                .filter(|t| *t != term && t.trim() != term)
                .cloned()
                .collect(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_filters() {
        let (v, _) =
            ViewState::decode("q=kanal&speaker=bordyuzha&view=words&doc=2016-bordyuzha&p=3");
        assert_eq!(
            v.search_for("terror").encode(),
            "q=terror&speaker=bordyuzha"
        );
        assert_eq!(
            v.reading("2019-semerikov", Some(2)).encode(),
            "q=kanal&speaker=bordyuzha&doc=2019-semerikov&p=2"
        );
        assert_eq!(
            v.open_statement("2019-semerikov", None).encode(),
            "q=kanal&speaker=bordyuzha&view=words&doc=2019-semerikov"
        );
        assert_eq!(
            v.with_query("terror").encode(),
            "q=terror&speaker=bordyuzha&view=words&doc=2016-bordyuzha"
        );
        assert_eq!(
            v.closed_statement().encode(),
            "q=kanal&speaker=bordyuzha&view=words"
        );
        assert_eq!(
            v.with_tab(Tab::Trends).encode(),
            "q=kanal&speaker=bordyuzha&view=trends"
        );
        assert_eq!(
            v.filtered_by_entity("sc-1373").encode(),
            "q=kanal&speaker=bordyuzha&entity=sc-1373&view=words"
        );
        assert_eq!(v.cleared_filters().encode(), "q=kanal");
        assert_eq!(
            ViewState::statement("2016-bordyuzha", Some(3)).encode(),
            "doc=2016-bordyuzha&p=3"
        );
    }

    #[test]
    fn analysis_links() {
        let (v, _) = ViewState::decode(
            "q=terrorism&speaker=bordyuzha&view=collocates&tsort=mi&ksort=left&t=a&t=%20b",
        );
        assert_eq!(
            v.concordance_of("terrorism NEAR/5 fight").encode(),
            "q=terrorism+NEAR%2F5+fight&speaker=bordyuzha&view=concordance&t=a&t=+b"
        );
        assert_eq!(
            v.in_kwic_order(KwicSort::Corpus).encode(),
            "q=terrorism&speaker=bordyuzha&view=collocates&t=a&t=+b&tsort=mi"
        );
        assert_eq!(
            v.without_compared("b").compare,
            ["a"],
            "a term is matched trimmed"
        );
        assert_eq!(
            v.theme_results("peacekeeping", 2019, None).encode(),
            "q=terrorism&speaker=bordyuzha&year=2019&theme=peacekeeping&ksort=left&t=a&t=+b&tsort=mi"
        );
    }
}
