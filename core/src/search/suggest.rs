//! "Did you mean": the closest indexed word for each searched word the
//! corpus lacks, by a bounded edit distance.

use super::searcher::Searcher;
use crate::query::{Atom, Query};
use crate::text;
use crate::util::edit_distance::{bounded_levenshtein, letter_mask, mask_distance};

impl Searcher<'_> {
    /// "Did you mean": for each searched word absent from the corpus, the
    /// closest indexed word (edit distance ≤ 2, then most frequent), as
    /// whole queries with that word replaced.
    pub fn suggest(&self, query: &Query) -> Vec<String> {
        let index = self.bundle().index();
        let mut suggestions = Vec::new();
        let raw_query: Vec<String> = query
            .clauses
            .iter()
            .map(|c| {
                let alts: Vec<&str> = c.alternatives.iter().map(Atom::raw).collect();
                format!("{}{}", if c.negated { "-" } else { "" }, alts.join(" OR "))
            })
            .collect();
        for (ci, clause) in query.clauses.iter().enumerate() {
            if clause.negated {
                continue;
            }
            for atom in &clause.alternatives {
                let Atom::Term { raw, term } = atom else {
                    continue;
                };
                if index.term_id(term).is_some() {
                    continue;
                }
                let folded = text::fold(raw);
                let chars: Vec<char> = folded.chars().collect();
                let limit = if chars.len() <= 4 { 1 } else { 2 };
                let mut row = Vec::new();
                let mask = letter_mask(&folded);
                let best = index
                    .words
                    .iter()
                    .zip(self.bundle().word_masks())
                    // Edit distance is at least the length difference and the
                    // letter-set bound: skip those words before paying for
                    // the distance.
                    .filter(|((w, _), m)| {
                        w.len().abs_diff(folded.len()) <= limit && mask_distance(mask, **m) <= limit
                    })
                    .filter_map(|((w, t), _)| {
                        let d = bounded_levenshtein(&chars, w, limit, &mut row)?;
                        Some((d, std::cmp::Reverse(index.doc_freq(*t)), w))
                    })
                    .min();
                if let Some((_, _, word)) = best {
                    let mut parts = raw_query.clone();
                    parts[ci] = parts[ci].replacen(raw.as_str(), word, 1);
                    let s = parts.join(" ");
                    if !suggestions.contains(&s) {
                        suggestions.push(s);
                    }
                }
            }
        }
        suggestions
    }
}
