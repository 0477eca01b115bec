//! Levenshtein distance with a ceiling, for "did you mean".
//!
//! A misspelt query word is compared with every indexed word, and only
//! distances up to 2 matter. Counting in one reused row and stopping as soon
//! as every entry of a column exceeds the ceiling gives the same answer as a
//! full edit distance for those, without an allocation per word and mostly
//! after a column or two.

/// The Levenshtein distance (in chars) between `a` and `b` if it is at most
/// `limit`, else `None`. `row` is scratch space, reused across calls.
pub fn bounded_levenshtein(
    a: &[char],
    b: &str,
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    // row[i] holds the distance between a[..i] and the part of b seen so far.
    row.clear();
    row.extend(0..=a.len());
    for (j, cb) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = j + 1;
        let mut column_min = row[0];
        for i in 1..=a.len() {
            let above = row[i];
            let substitute = diagonal + usize::from(a[i - 1] != cb);
            row[i] = substitute.min(row[i - 1] + 1).min(above + 1);
            diagonal = above;
            column_min = column_min.min(row[i]);
        }
        // Later columns never go below this one's minimum.
        if column_min > limit {
            return None;
        }
    }
    let d = row[a.len()];
    (d <= limit).then_some(d)
}

/// The set of characters in `word` as bits (a–z, 0–9, everything else one
/// shared bit): a cheap lower bound on the edit distance, [`mask_distance`].
pub fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 63,
        };
        mask | 1 << bit
    })
}

/// A lower bound on the edit distance of two words from their
/// [`letter_mask`]s: one edit adds at most one character and removes at most
/// one, so it changes at most two bits of the set; `d` edits, at most `2d`.
/// "Did you mean" skips every word whose bound already exceeds its limit.
pub fn mask_distance(a: u64, b: u64) -> usize {
    ((a ^ b).count_ones() as usize).div_ceil(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        bounded_levenshtein(&a, b, limit, &mut Vec::new())
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, usize, Option<usize>)] = &[
            ("terorism", "terrorism", 2, Some(1)),
            ("kitten", "sitting", 2, None),
            ("kitten", "sitting", 3, Some(3)),
            ("", "ab", 2, Some(2)),
            ("ab", "", 1, None),
            ("antónio", "antonio", 1, Some(1)),
            ("same", "same", 0, Some(0)),
        ];
        for &(a, b, limit, expected) in cases {
            assert_eq!(within(a, b, limit), expected, "{a:?} {b:?} ≤ {limit}");
        }
    }

    /// Agrees with the plain edit distance on every pair of short words over
    /// a small alphabet (with a multi-byte letter), for every ceiling.
    #[test]
    fn agrees_with_full_distance() {
        let alphabet = ['a', 'b', 'é'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.chars().count() < 4)
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
            words.sort();
            words.dedup();
        }
        let mut row = Vec::new();
        for a in &words {
            let chars: Vec<char> = a.chars().collect();
            for b in &words {
                let full = strsim::levenshtein(a, b);
                for limit in 0..4 {
                    let expected = (full <= limit).then_some(full);
                    assert_eq!(
                        bounded_levenshtein(&chars, b, limit, &mut row),
                        expected,
                        "{a:?} {b:?} ≤ {limit}"
                    );
                }
            }
        }
    }

    /// The mask bound never exceeds the true distance, and rules words out.
    #[test]
    fn mask_distance_is_a_lower_bound() {
        let words = [
            "terrorism",
            "terorism",
            "tourism",
            "csto",
            "cis",
            "1373",
            "nato",
            "natoo",
            "",
        ];
        let mut row = Vec::new();
        for a in words {
            for b in words {
                let chars: Vec<char> = a.chars().collect();
                let d = bounded_levenshtein(&chars, b, 99, &mut row).unwrap();
                assert!(
                    mask_distance(letter_mask(a), letter_mask(b)) <= d,
                    "{a} {b}"
                );
            }
        }
        // terrorism vs tourism: {e} and {u} differ, bound 1 (distance 3)
        assert_eq!(
            mask_distance(letter_mask("terrorism"), letter_mask("tourism")),
            1
        );
        // csto vs 1373: eight characters differ, bound 4
        assert_eq!(mask_distance(letter_mask("csto"), letter_mask("1373")), 4);
    }
}
