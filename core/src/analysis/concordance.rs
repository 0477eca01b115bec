//! Concordance (keyword in context, KWIC): every hit on its own line, with the
//! words before and after it, so a reader sees at a glance how a word is used
//! ("counter terrorism" vs "international terrorism") and, sorted by the word
//! to the left or right, which phrases recur.
//!
//! A line is three slices of the passage text — left context, hit, right
//! context — borrowed from the bundle, so building hundreds of lines costs no
//! text copies. Context comes from the hit's own paragraph only and is cut at
//! word boundaries to at most `width` characters on each side; `cut_left` and
//! `cut_right` say whether text was left out (the UI shows `…`). The left
//! context ends exactly where the hit starts and the right context starts
//! exactly where it ends, so the three slices concatenate to a stretch of the
//! passage.
//!
//! Sorting follows AntConc: [`KwicSort::Left`] orders by the folded word
//! immediately left of the hit, then the one before it, and so on (L1, L2,
//! L3); [`KwicSort::Right`] by R1, R2, R3; [`KwicSort::Corpus`] keeps
//! statement (date) order and position; [`KwicSort::Newest`] puts the latest
//! statement first. Ties always fall back to corpus order, so a sort is stable
//! and the same URL always shows the same list.

use crate::bundle::Bundle;
use crate::model::PassageId;
use crate::model::StatementId;
use crate::search::{Hit, SearchResults};
use crate::text;
use crate::util::order;

/// How many words on each side the left/right sorts look at.
const SORT_DEPTH: usize = 3;

/// One concordance line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KwicLine<'a> {
    pub passage: PassageId,
    pub statement: StatementId,
    pub paragraph: u16,
    /// Byte range of the hit in the passage text.
    pub start: u32,
    pub end: u32,
    pub left: &'a str,
    pub hit: &'a str,
    pub right: &'a str,
    /// Passage text was left out before `left`.
    pub cut_left: bool,
    /// Passage text was left out after `right`.
    pub cut_right: bool,
}

/// The order of concordance lines (its URL spelling, `ksort=`, is the
/// codec's: `view::Keyed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicSort {
    /// Statement order (oldest first), then paragraph and position.
    #[default]
    Corpus,
    /// Newest statement first, then paragraph and position.
    Newest,
    /// By the words left of the hit, nearest first (L1, L2, L3).
    Left,
    /// By the words right of the hit, nearest first (R1, R2, R3).
    Right,
}

/// The line for bytes `start..end` of passage `passage`, with up to `width`
/// characters of context on each side.
pub fn line(
    bundle: &Bundle,
    passage: PassageId,
    start: usize,
    end: usize,
    width: usize,
) -> KwicLine<'_> {
    let r = &bundle.index().passages[passage as usize];
    let text = bundle.corpus.statements[r.statement as usize].passages[r.paragraph as usize]
        .text
        .as_str();
    let spans = &r.spans;

    // Left: the earliest word start within `width` characters before the hit.
    let before = &text[..start];
    let left_from = match before.char_indices().rev().nth(width.saturating_sub(1)) {
        None => 0, // everything before the hit fits
        Some(_) if width == 0 => start,
        Some((limit, _)) => {
            let k = spans.partition_point(|s| (s.0 as usize) < limit);
            spans
                .get(k)
                .map(|s| s.0 as usize)
                .filter(|&s| s < start)
                .unwrap_or(start)
        }
    };
    // Right: the last word end within `width` characters after the hit.
    let after = &text[end..];
    let right_to = match after.char_indices().nth(width) {
        None => text.len(),
        Some((offset, _)) => {
            let k = spans.partition_point(|s| (s.1 as usize) <= end + offset);
            k.checked_sub(1)
                .map(|k| spans[k].1 as usize)
                .filter(|&e| e > end)
                .unwrap_or(end)
        }
    };
    KwicLine {
        passage,
        statement: r.statement,
        paragraph: r.paragraph,
        start: start as u32,
        end: end as u32,
        left: &text[left_from..start],
        hit: &text[start..end],
        right: &text[end..right_to],
        cut_left: left_from > 0,
        cut_right: right_to < text.len(),
    }
}

/// Lines for token hits in one passage (positions as in [`SearchResults::hits`]).
pub fn passage_lines<'a>(
    bundle: &'a Bundle,
    passage: PassageId,
    hits: &[Hit],
    width: usize,
    out: &mut Vec<KwicLine<'a>>,
) {
    let spans = &bundle.index().passages[passage as usize].spans;
    for &(pos, len) in hits {
        let first = spans.get(pos as usize);
        let last = spans.get(pos as usize + len.max(1) as usize - 1);
        if let (Some(first), Some(last)) = (first, last) {
            out.push(line(
                bundle,
                passage,
                first.0 as usize,
                last.1 as usize,
                width,
            ));
        }
    }
}

/// One line per hit of search results, in corpus order.
pub fn concordance<'a>(
    bundle: &'a Bundle,
    results: &SearchResults,
    width: usize,
) -> Vec<KwicLine<'a>> {
    let mut out = Vec::with_capacity(results.passage_hits().map(|(_, h)| h.len()).sum());
    for (passage, hits) in results.passage_hits() {
        passage_lines(bundle, passage, hits, width, &mut out);
    }
    sort_lines(bundle, &mut out, KwicSort::Corpus);
    out
}

/// Folded words next to a line's hit in its passage, nearest first, up to
/// [`SORT_DEPTH`]: leftwards if `left`, else rightwards.
fn neighbours(bundle: &Bundle, l: &KwicLine, left: bool) -> Vec<String> {
    let r = &bundle.index().passages[l.passage as usize];
    let text = &bundle.corpus.statements[l.statement as usize].passages[l.paragraph as usize].text;
    let word = |s: &(u32, u32)| text::fold(&text[s.0 as usize..s.1 as usize]);
    if left {
        let k = r.spans.partition_point(|s| s.1 <= l.start);
        r.spans[..k]
            .iter()
            .rev()
            .take(SORT_DEPTH)
            .map(word)
            .collect()
    } else {
        let k = r.spans.partition_point(|s| s.0 < l.end);
        r.spans[k..].iter().take(SORT_DEPTH).map(word).collect()
    }
}

/// Sorts `lines` by `sort`; ties keep corpus order.
pub fn sort_lines(bundle: &Bundle, lines: &mut [KwicLine], sort: KwicSort) {
    let position = |l: &KwicLine| (l.statement, l.paragraph, l.start, l.end);
    match sort {
        KwicSort::Corpus => order::sort_by_key(lines, position),
        KwicSort::Newest => order::sort_by_key(lines, |l| {
            let d = &bundle.corpus.statements[l.statement as usize].date;
            (
                std::cmp::Reverse((d.year, d.month, d.day, l.statement)),
                l.paragraph,
                l.start,
                l.end,
            )
        }),
        KwicSort::Left | KwicSort::Right => {
            let left = sort == KwicSort::Left;
            order::sort_by_key(lines, |l| (neighbours(bundle, l, left), position(l)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn bundle(texts: &[(u16, &[&str])]) -> Bundle {
        Bundle::new(Corpus::of_texts(texts))
    }

    fn show(l: &KwicLine) -> String {
        format!(
            "{}{}[{}]{}{}",
            if l.cut_left { "…" } else { "" },
            l.left,
            l.hit,
            l.right,
            if l.cut_right { "…" } else { "" }
        )
    }

    #[test]
    fn context_is_cut_at_word_boundaries_and_aligned() {
        let b = bundle(&[(2004, &["one two three four five six seven eight nine"])]);
        let text = &b.corpus.statements[0].passages[0].text;
        // (hit byte range, width, expected)
        let cases: &[((usize, usize), usize, &str)] = &[
            (
                (14, 18),
                100,
                "one two three [four] five six seven eight nine",
            ),
            // The 10 characters before "four" are "two three ": the window
            // starts on a word. After it, " five six " is 10 characters, but
            // the window ends after "six" (a word end), not on the space.
            ((14, 18), 10, "…two three [four] five six…"),
            ((14, 18), 0, "…[four]…"),
            // 8 characters after "one" reach into "three": only " two" fits
            ((0, 3), 8, "[one] two…"),
            ((40, 44), 6, "…eight [nine]"),
            // a word longer than the window gives no context on that side
            ((8, 13), 2, "…[three]…"),
        ];
        for &((s, e), width, expected) in cases {
            let l = line(&b, 0, s, e, width);
            assert_eq!(show(&l), expected, "{s}..{e} width {width}");
            assert!(l.left.chars().count() <= width && l.right.chars().count() <= width);
            // alignment: left ends at the hit, right starts after it
            let from = s - l.left.len();
            assert_eq!(
                &text[from..e + l.right.len()],
                format!("{}{}{}", l.left, l.hit, l.right)
            );
            assert_eq!(l.hit, &text[s..e]);
        }
    }

    #[test]
    fn sorts() {
        let b = bundle(&[
            (2004, &["international terrorism and counter terrorism"]),
            (2016, &["fight terrorism now", "against terrorism, always"]),
            (2019, &["combat terrorism"]),
        ]);
        let q = crate::query::Query::parse("terrorism");
        let s = crate::search::Searcher::new(&b);
        let results = s.search(&q, &Default::default(), crate::search::Sort::Relevance);
        let mut lines = concordance(&b, &results, 20);
        let order = |lines: &[KwicLine]| -> Vec<String> {
            lines
                .iter()
                .map(|l| format!("{}{}", l.left.trim_end(), l.right.trim_end()))
                .collect()
        };
        // Each line as left + right context (trimmed), so the order shows.
        // With width 20 the second hit of the first passage only sees
        // "and counter " on its left.
        let cases: &[(KwicSort, &[&str])] = &[
            (
                KwicSort::Corpus,
                &[
                    "international and counter",
                    "and counter",
                    "fight now",
                    "against, always",
                    "combat",
                ],
            ),
            (
                KwicSort::Newest,
                &[
                    "combat",
                    "fight now",
                    "against, always",
                    "international and counter",
                    "and counter",
                ],
            ),
            // L1: against, combat, counter, fight, international
            (
                KwicSort::Left,
                &[
                    "against, always",
                    "combat",
                    "and counter",
                    "fight now",
                    "international and counter",
                ],
            ),
            // R1: none (2004), none (2019), always, and, now; no word sorts
            // first and ties keep corpus order
            (
                KwicSort::Right,
                &[
                    "and counter",
                    "combat",
                    "against, always",
                    "international and counter",
                    "fight now",
                ],
            ),
        ];
        for (sort, expected) in cases {
            sort_lines(&b, &mut lines, *sort);
            assert_eq!(order(&lines), *expected, "{sort:?}");
        }
    }
}

#[cfg(all(test, feature = "compile"))]
mod entity_tests {
    use super::*;

    /// One line per mention of an entity, in corpus order (tests only: the
    /// reader shows an entity's mentions in place).
    fn entity_concordance(
        bundle: &Bundle,
        entity: crate::model::EntityId,
        width: usize,
    ) -> Vec<KwicLine<'_>> {
        bundle.corpus.entities[entity as usize]
            .mentions
            .iter()
            .map(|m| {
                line(
                    bundle,
                    bundle.table().mention_passage(m),
                    m.start as usize,
                    m.end as usize,
                    width,
                )
            })
            .collect()
    }

    #[test]
    fn an_entity_concordance_has_a_line_per_mention() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        let b = Bundle::new(crate::compile::source::load_corpus(&dir).unwrap());
        let (id, sc) = b.corpus.entity_by_key("sc-2354").unwrap();
        assert_eq!(sc.mentions.len(), 2);
        let kwic = entity_concordance(&b, id, 30);
        assert_eq!(kwic[0].hit, "2354 (2017)");
        assert_eq!(kwic[1].hit, "2354");
        assert!(kwic[1].left.ends_with("in particular 1624 and "));
    }
}
