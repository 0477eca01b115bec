//! The [`Searcher`]: compiling a query against the index, matching and
//! BM25 ranking, grouping passages by statement.
//!
//! A passage (paragraph) matches when every non-negated clause of the query
//! matches in it and no negated clause does. Filters (speaker, year, theme)
//! combine with OR inside a facet and AND across facets. Each facet's counts
//! are computed with every *other* facet applied, so a count says what
//! ticking that value would give (disjunctive faceting, as in Algolia or
//! Pagefind's `filtered_counts`).

use super::facet_count::{self, FacetSizes};
use super::filters::Filters;
use super::match_list::MatchList;
use super::types::{Hit, PassageHit, SearchResults, Sort, StatementHit};
use crate::bundle::Bundle;
use crate::index::Posting;
use crate::model::{PassageId, StatementId, TermId};
use crate::query::{Atom, Query};
use crate::util::order;
use crate::util::seek::seek;

/// BM25 parameters (the usual defaults).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A query resolved against the index: per clause, the term sequences that
/// satisfy it (aliases and prefixes expanded).
#[derive(Debug, Clone, Default)]
pub struct CompiledQuery {
    clauses: Vec<CompiledClause>,
}

#[derive(Debug, Clone)]
struct CompiledClause {
    negated: bool,
    /// Any of these satisfies the clause.
    alternatives: Vec<Alternative>,
}

/// One way to satisfy a clause.
#[derive(Debug, Clone)]
enum Alternative {
    /// Terms that must occur consecutively; `None` marks a word absent from
    /// the corpus.
    Sequence(Sequence),
    /// A hit of any `left` sequence and one of any `right` sequence in one
    /// passage, at most `within` words apart (see [`Atom::Near`]).
    Near {
        left: Vec<Sequence>,
        right: Vec<Sequence>,
        within: u8,
    },
}

/// Terms that must occur consecutively, and whether the first must be
/// capitalized in the text: an alias spelled with a capital in
/// `aliases.toml` ("Channel", the operation) reaches only capitalized
/// occurrences, so `Kanal` does not find "recruitment channels". What the
/// user typed matches in any case.
#[derive(Debug, Clone)]
struct Sequence {
    terms: Vec<Option<TermId>>,
    capitalized: bool,
}

impl Sequence {
    /// The word, if the sequence is one word the corpus has, in any case:
    /// its matches are exactly that word's postings.
    fn one_word(&self) -> Option<TermId> {
        match (self.terms.as_slice(), self.capitalized) {
            ([Some(t)], false) => Some(*t),
            _ => None,
        }
    }
}

/// Searches a [`Bundle`]. Free to create: what it needs (the index, the
/// alias list as term sequences, the passage table) is derived once per
/// bundle, on first use, and kept there.
pub struct Searcher<'a> {
    bundle: &'a Bundle,
}

/// The span covering hits `a` and `b` when they do not overlap and at most
/// `within` words separate the end of the earlier from the start of the
/// later (adjacent: 1).
fn near_span(a: Hit, b: Hit, within: u8) -> Option<Hit> {
    let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let first_end = first.0 + first.1; // one past the last word
    if second.0 < first_end {
        return None; // overlapping
    }
    let distance = second.0 - first_end + 1;
    (distance <= within as u16).then(|| (first.0, second.0 + second.1 - first.0))
}

impl<'a> Searcher<'a> {
    pub fn new(bundle: &'a Bundle) -> Searcher<'a> {
        Searcher { bundle }
    }

    pub fn bundle(&self) -> &'a Bundle {
        self.bundle
    }

    /// All spellings searched for `seq`: itself (any case) plus, if it is a
    /// two-way member of alias groups, every other member of those groups
    /// (capitalized where the alias is).
    fn expand(&self, seq: Vec<String>) -> Vec<(Vec<String>, bool)> {
        let mut out = vec![(seq.clone(), false)];
        for (group, (two_way, one_way)) in self
            .bundle
            .corpus
            .aliases
            .iter()
            .zip(self.bundle.alias_sequences())
        {
            if two_way.contains(&seq) {
                let spellings = group.terms.iter().chain(&group.one_way);
                for (other, spelling) in two_way.iter().chain(one_way).zip(spellings) {
                    if !out.iter().any(|(o, _)| o == other) {
                        let capital = spelling.chars().next().is_some_and(char::is_uppercase);
                        out.push((other.clone(), capital));
                    }
                }
            }
        }
        out
    }

    /// Resolves words to term ids and expands aliases, prefixes and
    /// wildcards.
    pub fn compile(&self, query: &Query) -> CompiledQuery {
        let clauses = query
            .clauses
            .iter()
            .map(|clause| CompiledClause {
                negated: clause.negated,
                alternatives: clause
                    .alternatives
                    .iter()
                    .flat_map(|atom| match atom {
                        Atom::Near {
                            left,
                            right,
                            within,
                            ..
                        } => vec![Alternative::Near {
                            left: self.sequences(left),
                            right: self.sequences(right),
                            within: *within,
                        }],
                        _ => self
                            .sequences(atom)
                            .into_iter()
                            .map(Alternative::Sequence)
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        CompiledQuery { clauses }
    }

    /// The term sequences one word, phrase or pattern stands for.
    fn sequences(&self, atom: &Atom) -> Vec<Sequence> {
        let index = self.bundle.index();
        let ids = |(seq, capitalized): (Vec<String>, bool)| Sequence {
            terms: seq.iter().map(|t| index.term_id(t)).collect(),
            capitalized,
        };
        let single = |t: TermId| Sequence {
            terms: vec![Some(t)],
            capitalized: false,
        };
        match atom {
            Atom::Term { term, .. } => self
                .expand(vec![term.clone()])
                .into_iter()
                .map(ids)
                .collect(),
            Atom::Phrase { terms, .. } => self.expand(terms.clone()).into_iter().map(ids).collect(),
            Atom::Prefix { folded, .. } => {
                index.prefix_terms(folded).into_iter().map(single).collect()
            }
            Atom::Wildcard { folded, infix, .. } => index
                .pattern_terms(folded, *infix)
                .into_iter()
                .map(single)
                .collect(),
            // The parser never nests NEAR.
            Atom::Near { .. } => Vec::new(),
        }
    }

    /// Passages where `seq` occurs, with a hit where each occurrence starts,
    /// scored by BM25 (the sequence counts as one term), sorted by passage.
    fn sequence_matches(&self, seq: &Sequence) -> MatchList {
        if let Some(term) = seq.one_word() {
            return self.term_matches(term, None);
        }
        let index = self.bundle.index();
        let Some(ids) = seq.terms.iter().copied().collect::<Option<Vec<TermId>>>() else {
            return MatchList::default(); // a word the corpus does not contain
        };
        if ids.is_empty() {
            return MatchList::default();
        }
        let len = ids.len() as u16;
        // A phrase: walk the postings of its rarest word (the shortest list);
        // the other words' lists are sorted by passage too, so each keeps a
        // cursor that only moves on.
        let driver = (0..ids.len())
            .min_by_key(|&k| index.postings.list(ids[k]).len())
            .unwrap_or_default();
        let driver_list = index.postings.list(ids[driver]);
        let others: Vec<(u16, TermId)> = ids
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != driver)
            .map(|(k, &t)| (k as u16, t))
            .collect();
        let mut found = MatchList::with_capacity(driver_list.len());
        let mut cursors = vec![0usize; others.len()];
        let mut starts: Vec<u16> = Vec::new();
        'postings: for posting in driver_list {
            // where the phrase would start, given the driver word's place in it
            starts.clear();
            starts.extend(
                posting
                    .positions
                    .iter()
                    .filter_map(|&p| p.checked_sub(driver as u16)),
            );
            for (c, &(offset, term)) in cursors.iter_mut().zip(&others) {
                let list = index.postings.list(term);
                *c = seek(list.passages(), *c, &posting.passage);
                let Some(next) = list.get(*c).filter(|p| p.passage == posting.passage) else {
                    continue 'postings;
                };
                starts.retain(|&st| next.positions.binary_search(&(st + offset)).is_ok());
                if starts.is_empty() {
                    continue 'postings;
                }
            }
            if seq.capitalized {
                self.keep_capitalized(posting.passage, &mut starts);
                if starts.is_empty() {
                    continue;
                }
            }
            found.push(posting.passage, 0.0, starts.iter().map(|&s| (s, len)));
        }
        let df = found.len();
        self.score_bm25(&mut found, df);
        found
    }

    /// Passages where word `term` occurs, each occurrence a hit, scored by
    /// BM25; with `candidates` (ascending), only those of them where it
    /// occurs. The score of a passage does not depend on which others are
    /// looked at (the word's document frequency is its whole postings list),
    /// so a clause that must match anyway is looked up only in the passages
    /// the rarer clauses left, instead of walking all of its postings.
    fn term_matches(&self, term: TermId, candidates: Option<&[PassageId]>) -> MatchList {
        let list = self.bundle.index().postings.list(term);
        let mut found = match candidates {
            None => MatchList::with_capacity_for_hits(list.len(), list.occurrences()),
            Some(c) => MatchList::with_capacity(c.len().min(list.len())),
        };
        let mut add = |posting: Posting| {
            let hits = posting.positions.iter().map(|&s| (s, 1));
            found.push(posting.passage, 0.0, hits);
        };
        match candidates {
            None => list.iter().for_each(&mut add),
            Some(candidates) => {
                let mut c = 0;
                for &p in candidates {
                    c = seek(list.passages(), c, &p);
                    if let Some(posting) = list.get(c).filter(|posting| posting.passage == p) {
                        add(posting);
                    }
                }
            }
        }
        self.score_bm25(&mut found, list.len());
        found
    }

    /// The clause's one word, if that is all it is (no other spelling, no
    /// capital required): its matches are that word's postings, so how many
    /// passages it matches is known before walking them
    /// ([`Searcher::term_matches`]).
    fn single_term(clause: &CompiledClause) -> Option<TermId> {
        match clause.alternatives.as_slice() {
            [Alternative::Sequence(seq)] => seq.one_word(),
            _ => None,
        }
    }

    /// Keeps the starts in passage `p` whose word is written with a capital.
    fn keep_capitalized(&self, p: PassageId, starts: &mut Vec<u16>) {
        let r = &self.bundle.index().passages[p as usize];
        let text = &self.bundle.corpus.statements[r.statement as usize].passages
            [r.paragraph as usize]
            .text;
        starts.retain(|&st| {
            let (start, _) = r.spans[st as usize];
            text[start as usize..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    }

    /// Scores every passage of one sequence's matches with BM25: the
    /// sequence's document frequency `df` is the number of passages it
    /// matches in the corpus, its term frequency in a passage the number of
    /// hits there.
    fn score_bm25(&self, found: &mut MatchList, df: usize) {
        let index = self.bundle.index();
        let avg_len = index.avg_len;
        let n = index.passages.len() as f32;
        let df = df as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        found.rescore(|p, hits| {
            let tf = hits.len() as f32;
            let dl = index.passages[p as usize].spans.len() as f32;
            idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / avg_len))
        });
    }

    /// Passages matching one clause (any of its sequences), sorted by
    /// passage; a passage several spellings match gets their scores summed,
    /// in the clause's order.
    fn clause_matches(&self, clause: &CompiledClause) -> MatchList {
        clause
            .alternatives
            .iter()
            .fold(MatchList::default(), |acc, alt| {
                acc.union(match alt {
                    Alternative::Sequence(seq) => self.sequence_matches(seq),
                    Alternative::Near {
                        left,
                        right,
                        within,
                    } => self.near_matches(left, right, *within),
                })
            })
    }

    /// Any of `seqs`, as one list.
    fn any_of(&self, seqs: &[Sequence]) -> MatchList {
        seqs.iter().fold(MatchList::default(), |acc, seq| {
            acc.union(self.sequence_matches(seq))
        })
    }

    /// Passages with a `left` hit and a `right` hit at most `within` words
    /// apart, counted from the end of the earlier to the start of the later
    /// (adjacent words are 1 apart; overlapping hits do not count). Each
    /// such pair is one hit spanning both, so the concordance shows the
    /// words between them; the score is the two sides' BM25 summed.
    fn near_matches(&self, left: &[Sequence], right: &[Sequence], within: u8) -> MatchList {
        let (l, r) = (self.any_of(left), self.any_of(right));
        let mut found = MatchList::default();
        let mut hits: Vec<Hit> = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < l.len() && j < r.len() {
            let (p, q) = (l.passages()[i], r.passages()[j]);
            if p < q {
                i += 1;
                continue;
            }
            if q < p {
                j += 1;
                continue;
            }
            hits.clear();
            for &a in l.hits(i) {
                for &b in r.hits(j) {
                    if let Some(span) = near_span(a, b, within) {
                        hits.push(span);
                    }
                }
            }
            if !hits.is_empty() {
                order::sort_dedup(&mut hits);
                found.push(p, l.score(i) + r.score(j), hits.iter().copied());
            }
            i += 1;
            j += 1;
        }
        found
    }

    /// Passages matching the query alone (no filters), with hits and scores,
    /// sorted by passage. In browse mode every passage matches with score 0.
    ///
    /// The clauses are intersected from the one matching fewest passages
    /// up. A clause that is a single word is not walked in full: it is
    /// looked up only in the passages the clauses before it left
    /// ([`Searcher::term_matches`]); the scores are the same either way.
    fn query_matches(&self, query: &CompiledQuery) -> MatchList {
        // (passages it matches, its matches or its one word, not yet walked)
        let mut positive: Vec<(usize, Result<MatchList, TermId>)> = Vec::new();
        let mut excluded: Vec<PassageId> = Vec::new();
        for clause in &query.clauses {
            // Not before: with no clauses (browsing), the index is not needed.
            let postings = &self.bundle.index().postings;
            match (clause.negated, Self::single_term(clause)) {
                (true, Some(t)) => excluded.extend_from_slice(postings.list(t).passages()),
                (true, None) => excluded.extend_from_slice(self.clause_matches(clause).passages()),
                (false, Some(t)) => positive.push((postings.list(t).len(), Err(t))),
                (false, None) => {
                    let m = self.clause_matches(clause);
                    positive.push((m.len(), Ok(m)));
                }
            }
        }
        order::sort_dedup(&mut excluded);

        // Intersect, starting from the shortest list.
        order::sort_by_key(&mut positive, |(len, _)| *len);
        let mut lists = positive.into_iter().map(|(_, m)| m);
        let first = match lists.next() {
            None => return MatchList::all(self.bundle.table().passage_count()).without(&excluded),
            Some(Ok(m)) => m,
            Some(Err(t)) => self.term_matches(t, None),
        };
        lists
            .fold(first, |acc, other| match other {
                Ok(m) => acc.intersect(&m),
                Err(t) => {
                    let m = self.term_matches(t, Some(acc.passages()));
                    acc.intersect(&m)
                }
            })
            .without(&excluded)
    }

    /// Runs `query` with `filters`, sorted by `sort`.
    pub fn search(&self, query: &Query, filters: &Filters, sort: Sort) -> SearchResults {
        let compiled = self.compile(query);
        let corpus = &self.bundle.corpus;
        let table = self.bundle.table();
        let matches = self.query_matches(&compiled);
        let sizes = FacetSizes {
            speakers: corpus.speakers.len(),
            themes: corpus.themes.len(),
            entities: corpus.entities.len(),
        };
        let (facets, kept) = facet_count::count(matches.passages(), filters, table, sizes);

        let passage_count = kept.positions.len();
        let mut passages: Vec<PassageHit> = kept
            .positions
            .into_iter()
            .map(|i| PassageHit {
                passage: matches.passages()[i],
                score: matches.score(i),
                hits: matches.hit_range(i),
            })
            .collect();
        // Each statement's passages are a run, as the facet count found them.
        let mut statements: Vec<StatementHit> = Vec::with_capacity(kept.statements.len());
        let mut start = 0;
        for (s, end) in kept.statements {
            let end = end as usize;
            let run = &mut passages[start..end];
            // Best first; the sort is stable and the run ascending, so
            // equal scores stay in passage order.
            order::sort_small_by(run, |a, b| b.score.total_cmp(&a.score));
            let rest: f32 = run.iter().skip(1).map(|p| p.score).sum();
            statements.push(StatementHit {
                statement: s,
                score: run[0].score + 0.25 * rest,
                passages: start as u32..end as u32,
            });
            start = end;
        }
        // One integer per statement, compared through the sort's one `dyn`
        // call (a chain of closures per comparison was a tenth of a query's
        // time at 1,000 statements): the date, and for relevance the
        // score's order above it (highest score first, then oldest).
        order::sort_by_key(&mut statements, |s| {
            let d = &corpus.statements[s.statement as usize].date;
            let date = u32::from(d.year) << 16 | u32::from(d.month) << 8 | u32::from(d.day);
            match sort {
                Sort::Relevance => u64::from(!order::f32_key(s.score)) << 32 | u64::from(date),
                Sort::DateAsc => u64::from(date),
                Sort::DateDesc => u64::from(!date),
            }
        });

        let suggestions = if statements.is_empty() {
            self.suggest(query)
        } else {
            Vec::new()
        };
        SearchResults {
            statements,
            passage_count,
            facets,
            suggestions,
            passages,
            hits: matches.into_hits(),
        }
    }

    /// The hits of the query in statement `s`, per matching paragraph, for
    /// highlighting in the reading view: the same passages the result list
    /// counts (a passage the query excludes is not highlighted).
    pub fn hits_in_statement(&self, query: &Query, s: StatementId) -> Vec<(u16, Vec<Hit>)> {
        let compiled = self.compile(query);
        if compiled.clauses.iter().all(|c| c.negated) {
            return Vec::new();
        }
        let index = self.bundle.index();
        let range = self.bundle.table().statement_passages(s);
        let matches = self.query_matches(&compiled);
        let passages = matches.passages();
        let first = passages.partition_point(|&p| p < range.start);
        let end = passages.partition_point(|&p| p < range.end);
        (first..end)
            .map(|i| {
                let paragraph = index.passages[passages[i] as usize].paragraph;
                (paragraph, matches.hits(i).to_vec())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    //! Ranking, aliases, phrases and facets on a small hand-made corpus whose
    //! answers can be checked by eye; the real seeds are tested in
    //! `tests/seed_search.rs`.
    use super::*;
    use crate::model::*;
    use crate::search::FacetCount;

    fn statement(
        id: &str,
        speaker: SpeakerId,
        year: u16,
        paras: &[(&str, &[ThemeId])],
    ) -> Statement {
        let passages = paras
            .iter()
            .map(|(t, th)| Passage {
                text: t.to_string(),
                themes: th
                    .iter()
                    .map(|&theme| ThemeTag {
                        theme,
                        evidence: vec![],
                    })
                    .collect(),
            })
            .collect();
        Statement::bare(id, speaker, year, passages)
    }

    fn bundle() -> Bundle {
        let corpus = Corpus {
            statements: vec![
                statement(
                    "a",
                    0,
                    2004,
                    &[
                        ("The Kanal operation against drug trafficking.", &[0]),
                        ("Illegal migration is a threat in Afghanistan.", &[1]),
                    ],
                ),
                statement(
                    "b",
                    1,
                    2016,
                    &[
                        ("Operation Channel and terrorism.", &[0]),
                        (
                            "Terrorists crossed from Afghanistan; migration illegal.",
                            &[1],
                        ),
                        ("Peacekeeping forces of António Guterres.", &[]),
                    ],
                ),
                statement(
                    "c",
                    1,
                    2019,
                    &[("Canal, Canal, Canal: terrorist networks.", &[0])],
                ),
            ],
            speakers: vec![
                Speaker {
                    id: "x".into(),
                    name: "X".into(),
                },
                Speaker {
                    id: "y".into(),
                    name: "Y".into(),
                },
            ],
            themes: vec![
                Theme {
                    id: "drugs".into(),
                    label: "Drugs".into(),
                    terms: vec![],
                },
                Theme {
                    id: "migration".into(),
                    label: "Migration".into(),
                    terms: vec![],
                },
            ],
            aliases: vec![AliasGroup {
                label: "Kanal".into(),
                terms: vec!["Kanal".into(), "Canal".into(), "Channel".into()],
                one_way: vec![],
            }],
            entities: vec![],
        };
        Bundle::new(corpus)
    }

    /// The ids of matching statements and their passage count, in order.
    fn run(b: &Bundle, q: &str, f: &Filters, sort: Sort) -> Vec<(String, usize)> {
        let r = Searcher::new(b).search(&Query::parse(q), f, sort);
        r.statements
            .iter()
            .map(|s| {
                (
                    b.corpus.statements[s.statement as usize].id.clone(),
                    s.passage_count(),
                )
            })
            .collect()
    }

    fn ids(v: &[(&str, usize)]) -> Vec<(String, usize)> {
        v.iter().map(|(s, n)| (s.to_string(), *n)).collect()
    }

    /// A word looked up only in some passages (the rarer clauses' survivors)
    /// gives exactly what walking all its postings and keeping those
    /// passages gives: the same passages, hits and BM25 scores.
    #[test]
    fn a_word_looked_up_in_candidates_scores_as_when_walked_in_full() {
        let b = bundle();
        let s = Searcher::new(&b);
        let all = b.index().passages.len() as PassageId;
        for t in 0..b.index().terms.len() as TermId {
            let full = s.term_matches(t, None);
            for keep in [
                |p: PassageId| p.is_multiple_of(2),
                |p: PassageId| p % 3 != 1,
            ] {
                let candidates: Vec<PassageId> = (0..all).filter(|&p| keep(p)).collect();
                let restricted = s.term_matches(t, Some(&candidates));
                let expected: Vec<_> = (0..full.len())
                    .filter(|&i| keep(full.passages()[i]))
                    .map(|i| (full.passages()[i], full.score(i), full.hits(i).to_vec()))
                    .collect();
                let got: Vec<_> = (0..restricted.len())
                    .map(|i| {
                        (
                            restricted.passages()[i],
                            restricted.score(i),
                            restricted.hits(i).to_vec(),
                        )
                    })
                    .collect();
                assert_eq!(got, expected, "term {}", b.index().terms[t as usize]);
            }
        }
    }

    /// A phrase is found whichever of its words drives the walk (the rarest):
    /// here "nations" is rare and last, "the" common and repeated, and a
    /// phrase cannot start before the passage does.
    #[test]
    fn phrases_walk_their_rarest_word() {
        let b = Bundle::new(Corpus::of_texts(&[
            (2004, &["The united nations and the nations of the union."]),
            (
                2005,
                &["United the nations.", "Nations united, the united nations."],
            ),
        ]));
        let s = Searcher::new(&b);
        let hits = |q: &str| -> Vec<(PassageId, Vec<(u16, u16)>)> {
            let r = s.search(&Query::parse(q), &Filters::default(), Sort::Relevance);
            let mut v: Vec<_> = r.passage_hits().map(|(p, h)| (p, h.to_vec())).collect();
            crate::util::order::sort(&mut v);
            v
        };
        assert_eq!(
            hits("\"united nations\""),
            [(0, vec![(1, 2)]), (2, vec![(3, 2)])]
        );
        assert_eq!(
            hits("\"the nations\""),
            [(0, vec![(4, 2)]), (1, vec![(1, 2)])]
        );
        assert_eq!(hits("\"nations united the\""), [(2, vec![(0, 3)])]);
        assert!(hits("\"nations the\"").is_empty());
    }

    #[test]
    fn near_spans() {
        // (start, len) pairs; distance counts from the end of the earlier.
        let cases = [
            ((0, 1), (1, 1), 1, Some((0, 2))), // adjacent
            ((1, 1), (0, 1), 1, Some((0, 2))), // either order
            ((0, 1), (2, 1), 1, None),         // one word between
            ((0, 1), (2, 1), 2, Some((0, 3))),
            ((0, 2), (3, 1), 2, Some((0, 4))), // a phrase's end counts
            ((0, 2), (1, 1), 5, None),         // overlapping
            ((4, 1), (4, 1), 5, None),         // the same word
        ];
        for (a, b, within, expected) in cases {
            assert_eq!(near_span(a, b, within), expected, "{a:?} {b:?} {within}");
        }
    }

    #[test]
    fn query_table() {
        let b = bundle();
        let none = Filters::default();
        let cases: &[(&str, &[(&str, usize)])] = &[
            // aliases: every spelling finds every spelling; most occurrences, then shorter passages, first
            ("kanal", &[("c", 1), ("b", 1), ("a", 1)]),
            ("Channel", &[("c", 1), ("b", 1), ("a", 1)]),
            // stemming joins terrorist and terrorism
            ("terrorism", &[("b", 2), ("c", 1)]),
            // phrase needs order; words alone do not
            ("\"illegal migration\"", &[("a", 1)]),
            ("illegal migration", &[("b", 1), ("a", 1)]), // BM25 has no proximity: the shorter passage wins
            // exclusion is per passage
            ("illegal -Afghanistan", &[]),
            ("terrorism -Afghanistan", &[("b", 1), ("c", 1)]),
            // OR
            ("peacekeeping OR drug", &[("b", 1), ("a", 1)]),
            // prefix on the unstemmed word
            ("peacekeep*", &[("b", 1)]),
            // diacritics
            ("Antonio", &[("b", 1)]),
            ("nothingatall", &[]),
        ];
        for (q, expected) in cases {
            assert_eq!(
                run(&b, q, &none, Sort::Relevance),
                ids(expected),
                "query {q:?}"
            );
        }
    }

    #[test]
    fn facets_count_what_ticking_would_give() {
        let b = bundle();
        let s = Searcher::new(&b);
        let f = Filters {
            speakers: vec![1],
            ..Default::default()
        };
        let r = s.search(&Query::parse("terrorism"), &f, Sort::Relevance);
        assert_eq!(r.passage_count, 3);
        // speaker counts ignore the speaker filter itself
        assert_eq!(
            r.facets.speakers[0],
            FacetCount {
                statements: 0,
                passages: 0
            }
        );
        assert_eq!(
            r.facets.speakers[1],
            FacetCount {
                statements: 2,
                passages: 3
            }
        );
        // year counts honour the speaker filter
        let years: Vec<(u16, u32)> = r
            .facets
            .years
            .iter()
            .map(|(y, c)| (*y, c.passages))
            .collect();
        assert_eq!(years, [(2004, 0), (2016, 2), (2019, 1)]);
        // themes: passage-level tags
        assert_eq!(
            r.facets.themes[0],
            FacetCount {
                statements: 2,
                passages: 2
            }
        );
        assert_eq!(
            r.facets.themes[1],
            FacetCount {
                statements: 1,
                passages: 1
            }
        );
    }

    #[test]
    fn browse_mode_filters_and_sorts() {
        let b = bundle();
        let f = Filters {
            year_from: Some(2010),
            ..Default::default()
        };
        assert_eq!(run(&b, "", &f, Sort::DateDesc), ids(&[("c", 1), ("b", 3)]));
        let f = Filters {
            themes: vec![1],
            ..Default::default()
        };
        assert_eq!(run(&b, "", &f, Sort::DateAsc), ids(&[("a", 1), ("b", 1)]));
        let f = Filters {
            years: vec![2004, 2019],
            ..Default::default()
        };
        assert_eq!(run(&b, "", &f, Sort::DateAsc), ids(&[("a", 2), ("c", 1)]));
    }

    #[test]
    fn hits_and_suggestions() {
        let b = bundle();
        let s = Searcher::new(&b);
        let hits = s.hits_in_statement(&Query::parse("canal"), 2);
        assert_eq!(hits, vec![(0, vec![(0, 1), (1, 1), (2, 1)])]);
        let hits = s.hits_in_statement(&Query::parse("\"illegal migration\""), 0);
        assert_eq!(hits, vec![(1, vec![(0, 2)])]);
        assert_eq!(s.suggest(&Query::parse("peacekeepng")), ["peacekeeping"]);
        assert_eq!(
            s.suggest(&Query::parse("kanal terorism")),
            ["kanal terrorism"]
        );
        assert!(s.suggest(&Query::parse("zzzzzzzz")).is_empty());
    }
}
