//! Passages matched by part of a query, as flat lists sorted by passage.
//!
//! ```text
//! passages:  [p0,   p1,   p2, ...]      ascending
//! scores:    [s0,   s1,   s2, ...]      BM25, summed over what matched
//! hit_ends:  [e0,   e1,   e2, ...]      passage i's hits are hits[e(i-1)..e(i)]
//! hits:      [(start, len), ...]        each passage's slice ascending
//! ```
//!
//! One keystroke on a large corpus matches thousands of passages. Keeping
//! their hits in one buffer instead of one `Vec` per passage per clause
//! makes matching, OR-ing spellings and AND-ing clauses allocation-free
//! walks over sorted arrays; a `Vec` per passage is made only for the
//! passages that end up in the results.
//!
//! Scores add up in the order the lists are combined (`a.union(b)` gives
//! `score(a) + score(b)`), so the same combination order always gives the
//! same floating-point ranking.

use crate::model::PassageId;
use crate::search::Hit;
use crate::util::seek::seek;

/// See the module docs for the layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatchList {
    passages: Vec<PassageId>,
    scores: Vec<f32>,
    hit_ends: Vec<u32>,
    hits: Vec<Hit>,
}

impl MatchList {
    /// An empty list with room for `n` passages.
    pub fn with_capacity(n: usize) -> MatchList {
        MatchList {
            passages: Vec::with_capacity(n),
            scores: Vec::with_capacity(n),
            hit_ends: Vec::with_capacity(n),
            hits: Vec::new(),
        }
    }

    /// An empty list with room for `n` passages and `hits` hits.
    pub fn with_capacity_for_hits(n: usize, hits: usize) -> MatchList {
        MatchList {
            hits: Vec::with_capacity(hits),
            ..MatchList::with_capacity(n)
        }
    }

    /// Every passage in `0..n` with score 0 and no hits: what matches when
    /// the query has no positive clause.
    pub fn all(n: usize) -> MatchList {
        MatchList {
            passages: (0..n as PassageId).collect(),
            scores: vec![0.0; n],
            hit_ends: vec![0; n],
            hits: Vec::new(),
        }
    }

    /// Appends a passage after the last one (passages must be pushed in
    /// ascending order, each once), with hits already ascending.
    #[inline]
    pub fn push(&mut self, passage: PassageId, score: f32, hits: impl IntoIterator<Item = Hit>) {
        debug_assert!(self.passages.last().is_none_or(|&last| last < passage));
        self.passages.push(passage);
        self.scores.push(score);
        self.hits.extend(hits);
        self.hit_ends.push(self.hits.len() as u32);
    }

    /// Number of passages.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The matched passages, ascending.
    pub fn passages(&self) -> &[PassageId] {
        &self.passages
    }

    /// The score of the `i`-th passage.
    #[inline]
    pub fn score(&self, i: usize) -> f32 {
        self.scores[i]
    }

    /// The hits of the `i`-th passage, ascending.
    #[inline]
    pub fn hits(&self, i: usize) -> &[Hit] {
        let r = self.hit_range(i);
        &self.hits[r.start as usize..r.end as usize]
    }

    /// Where the `i`-th passage's hits are in the list's hit buffer.
    #[inline]
    pub fn hit_range(&self, i: usize) -> core::ops::Range<u32> {
        let start = if i == 0 { 0 } else { self.hit_ends[i - 1] };
        start..self.hit_ends[i]
    }

    /// The hit buffer, for results that keep their hits where the matching
    /// left them ([`MatchList::hit_range`] says where each passage's are).
    pub fn into_hits(self) -> Vec<Hit> {
        self.hits
    }

    /// Sets every score to `f(passage, hits)`: a score depends on how many
    /// passages matched, known only once the list is complete.
    pub fn rescore(&mut self, mut f: impl FnMut(PassageId, &[Hit]) -> f32) {
        let mut start = 0;
        for ((score, &p), &end) in self
            .scores
            .iter_mut()
            .zip(&self.passages)
            .zip(&self.hit_ends)
        {
            *score = f(p, &self.hits[start as usize..end as usize]);
            start = end;
        }
    }

    /// Passages in either list (alternative spellings of one clause): a
    /// passage in both gets the sum of the scores and each hit once.
    pub fn union(self, other: MatchList) -> MatchList {
        if self.is_empty() {
            return other;
        }
        if other.is_empty() {
            return self;
        }
        let mut out = MatchList::with_capacity(self.len() + other.len());
        let (mut i, mut j) = (0, 0);
        loop {
            match (self.passages.get(i), other.passages.get(j)) {
                (Some(&a), Some(&b)) if a == b => {
                    let score = self.scores[i] + other.scores[j];
                    out.push_merged(a, score, self.hits(i), other.hits(j), Duplicates::Drop);
                    i += 1;
                    j += 1;
                }
                (Some(&a), b) if b.is_none_or(|&b| a < b) => {
                    out.push(a, self.scores[i], self.hits(i).iter().copied());
                    i += 1;
                }
                (_, Some(&b)) => {
                    out.push(b, other.scores[j], other.hits(j).iter().copied());
                    j += 1;
                }
                _ => return out,
            }
        }
    }

    /// Passages in both lists (clauses that must all match): scores add up,
    /// hits are merged in order, keeping a span found by both twice.
    pub fn intersect(self, other: &MatchList) -> MatchList {
        let mut out = MatchList::with_capacity(self.len().min(other.len()));
        let mut j = 0;
        for (i, &p) in self.passages.iter().enumerate() {
            j = seek(&other.passages, j, &p);
            if other.passages.get(j) == Some(&p) {
                let score = self.scores[i] + other.scores[j];
                out.push_merged(p, score, self.hits(i), other.hits(j), Duplicates::Keep);
            }
        }
        out
    }

    /// The list without the passages in `excluded` (ascending), compacted
    /// in place.
    pub fn without(mut self, excluded: &[PassageId]) -> MatchList {
        if excluded.is_empty() {
            return self;
        }
        // Entry `kept` is written only after entry `i >= kept` was read.
        let (mut kept, mut hits_kept, mut j, mut start) = (0, 0, 0, 0);
        for i in 0..self.len() {
            let (p, end) = (self.passages[i], self.hit_ends[i] as usize);
            j = seek(excluded, j, &p);
            if excluded.get(j) != Some(&p) {
                self.hits.copy_within(start..end, hits_kept);
                hits_kept += end - start;
                self.passages[kept] = p;
                self.scores[kept] = self.scores[i];
                self.hit_ends[kept] = hits_kept as u32;
                kept += 1;
            }
            start = end;
        }
        self.passages.truncate(kept);
        self.scores.truncate(kept);
        self.hit_ends.truncate(kept);
        self.hits.truncate(hits_kept);
        self
    }

    /// Appends `passage` with the sorted merge of two ascending hit lists.
    fn push_merged(&mut self, passage: PassageId, score: f32, a: &[Hit], b: &[Hit], d: Duplicates) {
        let start = self.hits.len();
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = if j == b.len() || (i < a.len() && a[i] <= b[j]) {
                i += 1;
                a[i - 1]
            } else {
                j += 1;
                b[j - 1]
            };
            if d == Duplicates::Keep || self.hits.len() == start || self.hits.last() != Some(&next)
            {
                self.hits.push(next);
            }
        }
        self.passages.push(passage);
        self.scores.push(score);
        self.hit_ends.push(self.hits.len() as u32);
    }
}

/// Whether a merge keeps a span that both lists found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Duplicates {
    /// Spellings of one clause: a span is one hit however many spellings find it.
    Drop,
    /// Different clauses: each found the span, and the hits say so.
    Keep,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A passage's (id, score, hit starts of length 1).
    type Row<'a> = (PassageId, f32, &'a [u16]);

    fn list(items: &[Row]) -> MatchList {
        let mut l = MatchList::default();
        for &(p, score, starts) in items {
            l.push(p, score, starts.iter().map(|&s| (s, 1)));
        }
        l
    }

    /// The list as (passage, score, hit starts).
    fn rows(l: &MatchList) -> Vec<(PassageId, f32, Vec<u16>)> {
        (0..l.len())
            .map(|i| {
                (
                    l.passages()[i],
                    l.score(i),
                    l.hits(i).iter().map(|h| h.0).collect(),
                )
            })
            .collect()
    }

    fn expected(items: &[Row]) -> Vec<(PassageId, f32, Vec<u16>)> {
        items.iter().map(|&(p, s, h)| (p, s, h.to_vec())).collect()
    }

    #[test]
    fn union_adds_scores_and_keeps_each_hit_once() {
        let a = list(&[(1, 1.0, &[2, 5]), (4, 2.0, &[0]), (9, 0.5, &[1])]);
        let b = list(&[(0, 3.0, &[7]), (4, 0.25, &[0, 3]), (9, 1.0, &[0])]);
        let cases: &[(&str, MatchList, MatchList, &[Row])] = &[
            (
                "overlapping",
                a.clone(),
                b.clone(),
                &[
                    (0, 3.0, &[7]),
                    (1, 1.0, &[2, 5]),
                    (4, 2.25, &[0, 3]),
                    (9, 1.5, &[0, 1]),
                ],
            ),
            (
                "empty left",
                MatchList::default(),
                a.clone(),
                &[(1, 1.0, &[2, 5]), (4, 2.0, &[0]), (9, 0.5, &[1])],
            ),
            (
                "empty right",
                b.clone(),
                MatchList::default(),
                &[(0, 3.0, &[7]), (4, 0.25, &[0, 3]), (9, 1.0, &[0])],
            ),
            (
                "a hit at the end of one passage and the start of the next is kept",
                list(&[(1, 1.0, &[3]), (2, 1.0, &[3])]),
                list(&[(1, 1.0, &[3]), (2, 1.0, &[3])]),
                &[(1, 2.0, &[3]), (2, 2.0, &[3])],
            ),
        ];
        for (name, x, y, want) in cases {
            assert_eq!(rows(&x.clone().union(y.clone())), expected(want), "{name}");
        }
    }

    #[test]
    fn intersect_keeps_common_passages_and_every_hit() {
        let a = list(&[(1, 1.0, &[2, 5]), (4, 2.0, &[0, 6]), (9, 0.5, &[1])]);
        let b = list(&[(0, 3.0, &[7]), (4, 0.25, &[0, 3]), (9, 1.0, &[4])]);
        assert_eq!(
            rows(&a.intersect(&b)),
            expected(&[(4, 2.25, &[0, 0, 3, 6]), (9, 1.5, &[1, 4])])
        );
        assert!(list(&[(1, 1.0, &[0])])
            .intersect(&MatchList::default())
            .is_empty());
    }

    #[test]
    fn without_drops_excluded_passages() {
        let a = list(&[(1, 1.0, &[2]), (4, 2.0, &[0]), (9, 0.5, &[1])]);
        assert_eq!(
            rows(&a.clone().without(&[0, 4, 10])),
            expected(&[(1, 1.0, &[2]), (9, 0.5, &[1])])
        );
        assert_eq!(rows(&a.clone().without(&[])), rows(&a));
    }

    #[test]
    fn all_and_rescore() {
        let mut l = MatchList::all(3);
        assert_eq!(l.passages(), [0, 1, 2]);
        assert!(l.hits(1).is_empty());
        l.rescore(|p, hits| p as f32 * 2.0 + hits.len() as f32);
        assert_eq!(
            rows(&l),
            expected(&[(0, 0.0, &[]), (1, 2.0, &[]), (2, 4.0, &[])])
        );
        let mut l = list(&[(3, 0.0, &[1, 2]), (5, 0.0, &[4])]);
        l.rescore(|p, hits| p as f32 + hits.len() as f32);
        assert_eq!(rows(&l), expected(&[(3, 5.0, &[1, 2]), (5, 6.0, &[4])]));
    }
}
