//! Disjunctive facet counts in one pass over the matching passages.
//!
//! Each facet's counts are taken with every *other* facet's filter applied,
//! so a count says what ticking that value would give; the passages that pass
//! every filter are the results. Speaker, year and year range are properties
//! of the statement, so they are decided once per statement (a few hundred)
//! rather than once per passage (thousands); themes and entities are read
//! from the flat [`PassageTable`].

use super::filters::Filters;
use super::types::{FacetCount, Facets};
use crate::index::PassageTable;
use crate::model::{PassageId, StatementId};

/// Statement passes the speaker filter.
const SPEAKER: u8 = 1;
/// Statement passes the year filter (ticked years and the range).
const YEAR: u8 = 2;
/// Statement is inside the year range: the range narrows which years the
/// year facet offers, the ticked years are that facet's own selection.
const RANGE: u8 = 4;

/// The facet counts of `passages` (ascending) under `filters`, and which
/// of them pass every filter.
///
/// Passages arrive in statement order, so the passages of one statement are
/// a run: the statement-level facts (speaker, year, their filters) are read
/// once per run, and the speaker and year counts take a run's passages at
/// once.
pub(crate) fn count(
    passages: &[PassageId],
    filters: &Filters,
    table: &PassageTable,
    sizes: FacetSizes,
) -> (Facets, Kept) {
    let statement_passes = statement_filters(filters, table);
    let mut counter = Counter::new(sizes, table.years().len());
    let mut kept = Kept {
        positions: Vec::with_capacity(passages.len()),
        statements: Vec::new(),
    };
    let mut start = 0;
    while start < passages.len() {
        let s = table.statement(passages[start]);
        let bits = statement_passes[s as usize];
        let (sp, yr, range) = (bits & SPEAKER != 0, bits & YEAR != 0, bits & RANGE != 0);
        // passages of this run counted for the speaker and the year facets
        let (mut for_speaker, mut for_year) = (0, 0);
        let mut i = start;
        while let Some(&p) = passages.get(i).filter(|&&p| table.statement(p) == s) {
            let (themes, entities) = (table.themes(p), table.entities(p));
            let th = filters.themes_pass(themes);
            let en = filters.entities_pass(entities);
            for_speaker += (yr && th && en) as u32;
            for_year += (sp && th && en && range) as u32;
            if sp && yr && en {
                for &t in themes {
                    counter.themes.bump(t as usize, s);
                }
            }
            if sp && yr && th {
                for &e in entities {
                    counter.entities.bump(e as usize, s);
                }
            }
            if sp && yr && th && en {
                kept.positions.push(i);
            }
            i += 1;
        }
        if kept.statements.last().map_or(0, |&(_, end)| end as usize) < kept.positions.len() {
            kept.statements.push((s, kept.positions.len() as u32));
        }
        counter.speakers.add(table.speaker(s) as usize, for_speaker);
        counter.years.add(table.year_slot(s), for_year);
        start = i;
    }
    (counter.into_facets(table.years()), kept)
}

/// The passages that pass every filter, as [`count`] found them.
pub(crate) struct Kept {
    /// Their positions in the passages counted, ascending.
    pub positions: Vec<usize>,
    /// Each statement with kept passages, in order, and where its run of
    /// `positions` ends (it starts where the previous one ended).
    pub statements: Vec<(StatementId, u32)>,
}

/// How many values each facet has (the length of each count list).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FacetSizes {
    pub speakers: usize,
    pub themes: usize,
    pub entities: usize,
}

/// Per statement: which of the statement-level filters it passes.
fn statement_filters(filters: &Filters, table: &PassageTable) -> Vec<u8> {
    let years = table.years();
    (0..table.statement_count())
        .map(|s| {
            let s = s as StatementId;
            let y = years[table.year_slot(s)];
            let in_range = filters.in_range(y);
            let speaker = filters.speaker_passes(table.speaker(s));
            let year = filters.year_passes(y);
            (speaker as u8 * SPEAKER) | (year as u8 * YEAR) | (in_range as u8 * RANGE)
        })
        .collect()
}

/// Counts for the values of one facet.
struct Tally {
    slots: Vec<Slot>,
}

/// One value's count, and the last statement counted for it, so that a
/// statement counts once (passages arrive in statement order). Kept
/// together: a bump reads and writes one place (the theme and entity
/// bumps are the largest part of counting a common word's facets).
#[derive(Clone, Copy)]
struct Slot {
    count: FacetCount,
    last: StatementId,
}

/// No statement yet: no statement has this id.
const NONE: StatementId = StatementId::MAX;

impl Tally {
    fn new(values: usize) -> Tally {
        let slot = Slot {
            count: FacetCount::default(),
            last: NONE,
        };
        Tally {
            slots: vec![slot; values],
        }
    }

    /// `n` passages of one statement have value `v` (each statement's
    /// passages are added at once, so it counts once if `n > 0`).
    fn add(&mut self, v: usize, n: u32) {
        if n > 0 {
            let count = &mut self.slots[v].count;
            count.passages += n;
            count.statements += 1;
        }
    }

    /// One more passage of statement `s` has value `v`.
    #[inline]
    fn bump(&mut self, v: usize, s: StatementId) {
        let slot = &mut self.slots[v];
        slot.count.passages += 1;
        if slot.last != s {
            slot.count.statements += 1;
            slot.last = s;
        }
    }

    /// The counts, by value.
    fn counts(self) -> Vec<FacetCount> {
        self.slots.into_iter().map(|slot| slot.count).collect()
    }
}

struct Counter {
    speakers: Tally,
    years: Tally,
    themes: Tally,
    entities: Tally,
}

impl Counter {
    fn new(sizes: FacetSizes, years: usize) -> Counter {
        Counter {
            speakers: Tally::new(sizes.speakers),
            years: Tally::new(years),
            themes: Tally::new(sizes.themes),
            entities: Tally::new(sizes.entities),
        }
    }

    fn into_facets(self, years: &[u16]) -> Facets {
        Facets {
            speakers: self.speakers.counts(),
            years: years.iter().copied().zip(self.years.counts()).collect(),
            themes: self.themes.counts(),
            entities: self.entities.counts(),
        }
    }
}
