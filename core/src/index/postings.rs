//! Every term's postings (the passages it occurs in, with its positions in
//! each) in four flat arrays instead of a `Vec` per term and a `Vec` per
//! posting.
//!
//! ```text
//! term_starts:     term t -> its postings are starts[t]..starts[t + 1]
//! passages:        posting i -> PassageId (ascending within a term)
//! position_starts: posting i -> its positions are positions[ps[i]..ps[i + 1]]
//! positions:       token positions in the passage, ascending within a posting
//! ```
//!
//! At 1,000 statements the corpus has about a million postings. As one
//! `Vec<u16>` each, building the index was mostly allocation (and dropping
//! it as long again), and a phrase search hopped between allocations spread
//! through the heap; here the index builder fills the arrays in place from
//! counts (see [`PostingsBuilder`]), and a term's postings are one run of
//! memory.

use crate::model::{PassageId, TermId};

/// See the module docs for the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postings {
    term_starts: Vec<u32>,
    passages: Vec<PassageId>,
    position_starts: Vec<u32>,
    positions: Vec<u16>,
}

/// No terms.
impl Default for Postings {
    fn default() -> Postings {
        Postings {
            term_starts: vec![0],
            passages: Vec::new(),
            position_starts: vec![0],
            positions: Vec::new(),
        }
    }
}

/// Where a term occurs in one passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting<'a> {
    pub passage: PassageId,
    /// Token positions in the passage, ascending.
    pub positions: &'a [u16],
}

/// The postings of one term, sorted by passage.
#[derive(Debug, Clone, Copy)]
pub struct PostingList<'a> {
    passages: &'a [PassageId],
    /// One more than `passages`: posting `i` ends where `i + 1` starts.
    position_starts: &'a [u32],
    positions: &'a [u16],
}

impl Postings {
    /// Number of terms.
    pub fn len(&self) -> usize {
        self.term_starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The postings of term `t`.
    pub fn list(&self, t: TermId) -> PostingList<'_> {
        let range =
            self.term_starts[t as usize] as usize..self.term_starts[t as usize + 1] as usize;
        PostingList {
            passages: &self.passages[range.start..range.end],
            position_starts: &self.position_starts[range.start..range.end + 1],
            positions: &self.positions,
        }
    }

    /// Every term's postings, in term order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = PostingList<'_>> + '_ {
        (0..self.len() as TermId).map(|t| self.list(t))
    }

    /// The postings from lists given term by term, each sorted by passage
    /// (the serialized form, and tests).
    pub fn from_lists<'a, P>(lists: impl IntoIterator<Item = P>) -> Postings
    where
        P: IntoIterator<Item = (PassageId, &'a [u16])>,
    {
        let mut out = Postings::default();
        for list in lists {
            for (passage, positions) in list {
                out.passages.push(passage);
                out.positions.extend_from_slice(positions);
                out.position_starts.push(out.positions.len() as u32);
            }
            out.term_starts.push(out.passages.len() as u32);
        }
        out
    }
}

impl<'a> PostingList<'a> {
    /// Number of postings: the term's document frequency.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The passages the term occurs in, ascending.
    pub fn passages(&self) -> &'a [PassageId] {
        self.passages
    }

    /// The `i`-th posting.
    pub fn get(&self, i: usize) -> Option<Posting<'a>> {
        let passage = *self.passages.get(i)?;
        let range = self.position_starts[i] as usize..self.position_starts[i + 1] as usize;
        Some(Posting {
            passage,
            positions: &self.positions[range],
        })
    }

    /// The postings in passage order.
    pub fn iter(&self) -> PostingIter<'a> {
        PostingIter { list: *self, i: 0 }
    }

    /// Number of occurrences of the term: the sum of its postings' positions.
    pub fn occurrences(&self) -> usize {
        match (self.position_starts.first(), self.position_starts.last()) {
            (Some(&first), Some(&last)) => (last - first) as usize,
            _ => 0,
        }
    }
}

impl<'a> IntoIterator for PostingList<'a> {
    type Item = Posting<'a>;
    type IntoIter = PostingIter<'a>;

    fn into_iter(self) -> PostingIter<'a> {
        self.iter()
    }
}

/// The postings of a [`PostingList`] in passage order.
#[derive(Debug, Clone)]
pub struct PostingIter<'a> {
    list: PostingList<'a>,
    i: usize,
}

impl<'a> Iterator for PostingIter<'a> {
    type Item = Posting<'a>;

    fn next(&mut self) -> Option<Posting<'a>> {
        let posting = self.list.get(self.i)?;
        self.i += 1;
        Some(posting)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.list.len() - self.i;
        (n, Some(n))
    }
}

impl ExactSizeIterator for PostingIter<'_> {}

/// Fills [`Postings`] in place in two passes over the tokens: the first
/// counts (per term, its tokens and its postings), the second places each
/// token at its term's cursor. The terms are known by the ids the first
/// pass gave them (in order of first sight); the arrays are laid out in
/// their final (sorted) order from the start, so nothing is moved
/// afterwards.
pub(crate) struct PostingsBuilder {
    postings: Postings,
    /// Per term, by first-pass id: where its next posting and its next
    /// position go, side by side so placing a token reads one cache line.
    cursors: Vec<Cursor>,
}

#[derive(Debug, Clone, Copy)]
struct Cursor {
    next_posting: u32,
    next_position: u32,
    /// The passage of the term's last posting (`PassageId::MAX`: none yet).
    last_passage: PassageId,
}

impl PostingsBuilder {
    /// Room for terms that have `postings[t]` postings and `tokens[t]`
    /// occurrences, indexed by first-pass id; `order` lists the first-pass
    /// ids in the final term order.
    pub(crate) fn new(order: &[u32], postings: &[u32], tokens: &[u32]) -> PostingsBuilder {
        let mut term_starts = Vec::with_capacity(order.len() + 1);
        let mut cursors = vec![
            Cursor {
                next_posting: 0,
                next_position: 0,
                last_passage: PassageId::MAX,
            };
            order.len()
        ];
        let (mut p, mut k) = (0u32, 0u32);
        term_starts.push(0);
        for &t in order {
            let cursor = &mut cursors[t as usize];
            cursor.next_posting = p;
            cursor.next_position = k;
            p += postings[t as usize];
            k += tokens[t as usize];
            term_starts.push(p);
        }
        let mut position_starts = vec![0; p as usize + 1];
        position_starts[p as usize] = k;
        PostingsBuilder {
            postings: Postings {
                term_starts,
                passages: vec![0; p as usize],
                position_starts,
                positions: vec![0; k as usize],
            },
            cursors,
        }
    }

    /// The term with first-pass id `t` occurs at `position` of `passage`.
    /// Calls come in passage order, positions ascending within a passage.
    pub(crate) fn add(&mut self, t: u32, passage: PassageId, position: u16) {
        let cursor = &mut self.cursors[t as usize];
        if cursor.last_passage != passage {
            cursor.last_passage = passage;
            let i = cursor.next_posting as usize;
            self.postings.passages[i] = passage;
            self.postings.position_starts[i] = cursor.next_position;
            cursor.next_posting += 1;
        }
        self.postings.positions[cursor.next_position as usize] = position;
        cursor.next_position += 1;
    }

    /// The postings, once every counted token was added.
    pub(crate) fn finish(self) -> Postings {
        self.postings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_places_what_from_lists_appends() {
        // term 0: passage 0 at 1, passage 2 at 0 and 3; term 1: passage 0 at 0
        let expected = Postings::from_lists([
            vec![(0, &[1u16][..]), (2, &[0, 3][..])],
            vec![(0, &[0u16][..])],
        ]);
        // first seen: term 1 (as 0), then term 0 (as 1)
        let mut b = PostingsBuilder::new(&[1, 0], &[1, 2], &[1, 3]);
        b.add(0, 0, 0);
        b.add(1, 0, 1);
        b.add(1, 2, 0);
        b.add(1, 2, 3);
        let built = b.finish();
        assert_eq!(built, expected);
        let list = built.list(0);
        assert_eq!(list.passages(), [0, 2]);
        assert_eq!(list.occurrences(), 3);
        let v: Vec<(PassageId, Vec<u16>)> = list
            .iter()
            .map(|p| (p.passage, p.positions.to_vec()))
            .collect();
        assert_eq!(v, [(0, vec![1]), (2, vec![0, 3])]);
        assert_eq!(built.list(1).get(0).map(|p| p.positions), Some(&[0u16][..]));
        assert_eq!(built.len(), 2);
        assert!(Postings::default().is_empty());
    }
}
