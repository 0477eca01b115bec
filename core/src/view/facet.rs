//! The facets: the list filters a researcher ticks in the filter panel
//! (`speaker=`, `year=`, `theme=`, `entity=`), each with its URL key, its
//! label and its list in [`ViewState`]; and the two ends of the year range
//! (`from=`, `to=`).

use super::choices::Keyed;
use super::state::ViewState;

/// A list filter of the view, ticked value by value in the filter panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// Speaker ids (`speaker=bordyuzha`).
    Speaker,
    /// Single years (`year=2016,2019`).
    Year,
    /// Theme ids (`theme=peacekeeping`), passage level.
    Theme,
    /// Entity keys (`entity=sc-1373`), passage level.
    Entity,
}

impl Keyed for Facet {
    /// In the order of the filter panel.
    const ALL: &'static [Facet] = &[Facet::Speaker, Facet::Year, Facet::Theme, Facet::Entity];
    fn key(self) -> &'static str {
        match self {
            Facet::Speaker => "speaker",
            Facet::Year => "year",
            Facet::Theme => "theme",
            Facet::Entity => "entity",
        }
    }
}

impl Facet {
    /// Its heading in the filter panel.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Speaker => "Speaker",
            Facet::Year => "Year",
            Facet::Theme => "Theme",
            Facet::Entity => "Resolutions, documents, organizations, operations",
        }
    }
}

/// An end of the year range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearBound {
    /// The first year (`from=`).
    From,
    /// The last year (`to=`).
    To,
}

impl Keyed for YearBound {
    const ALL: &'static [YearBound] = &[YearBound::From, YearBound::To];
    fn key(self) -> &'static str {
        match self {
            YearBound::From => "from",
            YearBound::To => "to",
        }
    }
}

impl YearBound {
    /// Its label in the filter panel.
    pub fn label(self) -> &'static str {
        match self {
            YearBound::From => "From",
            YearBound::To => "To",
        }
    }

    /// The year it sets in `view`, if any.
    pub fn of(self, view: &ViewState) -> Option<u16> {
        match self {
            YearBound::From => view.year_from,
            YearBound::To => view.year_to,
        }
    }
}

/// Adds `value` to `list` or removes it.
fn toggle<T: PartialEq + Clone>(list: &mut Vec<T>, value: T) {
    if list.contains(&value) {
        list.retain(|v| *v != value);
    } else {
        list.push(value);
    }
}

impl ViewState {
    /// Whether `value` of `facet` is ticked.
    pub fn has_facet_value(&self, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Speaker => self.speakers.iter().any(|v| v == value),
            Facet::Theme => self.themes.iter().any(|v| v == value),
            Facet::Entity => self.entities.iter().any(|v| v == value),
            Facet::Year => value.parse::<u16>().is_ok_and(|y| self.years.contains(&y)),
        }
    }

    /// The view with `value` of `facet` ticked or unticked (years kept in
    /// order); `None` when `value` cannot be one (a year that is not a
    /// number).
    pub fn toggled_facet(&self, facet: Facet, value: &str) -> Option<ViewState> {
        let mut v = self.clone();
        match facet {
            Facet::Speaker => toggle(&mut v.speakers, value.to_string()),
            Facet::Theme => toggle(&mut v.themes, value.to_string()),
            Facet::Entity => toggle(&mut v.entities, value.to_string()),
            Facet::Year => {
                toggle(&mut v.years, value.parse::<u16>().ok()?);
                crate::util::order::sort(&mut v.years);
            }
        }
        Some(v)
    }

    /// The view with `bound` of the year range set to `year` (`None`
    /// clears it), normalized exactly as the same address would be (a
    /// reversed range is put right).
    pub fn with_year_bound(&self, bound: YearBound, year: Option<u16>) -> ViewState {
        let mut next = self.clone();
        match bound {
            YearBound::From => next.year_from = year,
            YearBound::To => next.year_to = year,
        }
        ViewState::decode(&next.encode()).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facet_is_read_back_from_its_key() {
        for &f in Facet::ALL {
            assert_eq!(Facet::from_key(f.key()), Some(f));
        }
    }

    #[test]
    fn ticking_twice_gives_the_view_back() {
        let (v, _) = ViewState::decode("q=kanal&speaker=bordyuzha&year=2019&entity=sc-1373");
        for (f, value) in [
            (Facet::Speaker, "semerikov"),
            (Facet::Speaker, "bordyuzha"),
            (Facet::Year, "2004"),
            (Facet::Theme, "peacekeeping"),
            (Facet::Entity, "sc-1373"),
        ] {
            let once = v.toggled_facet(f, value).unwrap();
            assert_ne!(once.has_facet_value(f, value), v.has_facet_value(f, value));
            assert_eq!(once.toggled_facet(f, value).unwrap().encode(), v.encode());
        }
        assert_eq!(
            v.toggled_facet(Facet::Year, "2004").unwrap().encode(),
            "q=kanal&speaker=bordyuzha&year=2004,2019&entity=sc-1373"
        );
        assert!(v.toggled_facet(Facet::Year, "x").is_none());
    }

    /// The codec spells the range's ends out (`from`, `to`): they must be
    /// the keys of [`YearBound`].
    #[test]
    fn the_codec_reads_the_year_bounds_by_their_keys() {
        for &b in YearBound::ALL {
            let (v, notices) = ViewState::decode(&format!("{}=2010", b.key()));
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(b.of(&v), Some(2010));
            assert_eq!(v.encode(), format!("{}=2010", b.key()));
        }
    }

    #[test]
    fn a_reversed_range_is_put_right() {
        let (v, _) = ViewState::decode("from=2019");
        assert_eq!(
            v.with_year_bound(YearBound::To, Some(2004)).encode(),
            "from=2004&to=2019"
        );
    }
}
