//! Snippets and highlights: a passage's text cut into plain-text fragments,
//! some marked as hits. The UI renders each fragment as a text node (inside
//! `<mark>` for hits), so nothing from the corpus is ever parsed as HTML.

use crate::search::Hit;

/// A piece of passage text; `hit` pieces are highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}

/// Byte ranges of `hits` in `text`, given the passage's token spans.
fn hit_ranges(spans: &[(u32, u32)], hits: &[Hit]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = hits
        .iter()
        .filter_map(|&(pos, len)| {
            let first = spans.get(pos as usize)?;
            let last = spans.get(pos as usize + len.max(1) as usize - 1)?;
            Some((first.0 as usize, last.1 as usize))
        })
        .collect();
    crate::util::order::sort(&mut ranges);
    // merge overlapping ranges
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

/// The whole of `text` as fragments, with every hit marked.
pub fn highlight(text: &str, spans: &[(u32, u32)], hits: &[Hit]) -> Vec<Fragment> {
    window(text, spans, hits, 0, text.len())
}

fn window(text: &str, spans: &[(u32, u32)], hits: &[Hit], from: usize, to: usize) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut at = from;
    for (s, e) in hit_ranges(spans, hits) {
        if e <= from || s >= to {
            continue;
        }
        let (s, e) = (s.max(from), e.min(to));
        if s > at {
            out.push(Fragment {
                text: text[at..s].to_string(),
                hit: false,
            });
        }
        out.push(Fragment {
            text: text[s..e].to_string(),
            hit: true,
        });
        at = e;
    }
    if at < to {
        out.push(Fragment {
            text: text[at..to].to_string(),
            hit: false,
        });
    }
    out
}

/// About `max_bytes` of `text` around its first hit, cut at word boundaries,
/// with `…` where text was left out. With no hits, the passage's start.
pub fn snippet(text: &str, spans: &[(u32, u32)], hits: &[Hit], max_bytes: usize) -> Vec<Fragment> {
    if text.len() <= max_bytes {
        return highlight(text, spans, hits);
    }
    let first_hit = hit_ranges(spans, hits).first().map_or(0, |r| r.0);
    // Start a little before the hit, on a token boundary.
    let lead = max_bytes / 4;
    let start = spans
        .iter()
        .map(|s| s.0 as usize)
        .take_while(|&s| s <= first_hit)
        .filter(|&s| first_hit - s <= lead)
        .min()
        .unwrap_or(first_hit);
    let start = if first_hit <= lead { 0 } else { start };
    let end = spans
        .iter()
        .map(|s| s.1 as usize)
        .take_while(|&e| e <= start + max_bytes)
        .last()
        .unwrap_or(text.len())
        .max(start);
    let mut out = window(text, spans, hits, start, end);
    if start > 0 {
        out.insert(
            0,
            Fragment {
                text: "…".into(),
                hit: false,
            },
        );
    }
    if end < text.len() {
        out.push(Fragment {
            text: "…".into(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::word_spans;

    fn spans(text: &str) -> Vec<(u32, u32)> {
        word_spans(text)
            .map(|(s, e)| (s as u32, e as u32))
            .collect()
    }

    fn render(f: &[Fragment]) -> String {
        f.iter()
            .map(|f| {
                if f.hit {
                    format!("[{}]", f.text)
                } else {
                    f.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlight_marks_hits_and_phrases() {
        let t = "the Kanal anti-narcotics programme, Kanal";
        let sp = spans(t);
        assert_eq!(
            render(&highlight(t, &sp, &[(1, 1), (5, 1)])),
            "the [Kanal] anti-narcotics programme, [Kanal]"
        );
        assert_eq!(
            render(&highlight(t, &sp, &[(2, 2)])),
            "the Kanal [anti-narcotics] programme, Kanal"
        );
        assert_eq!(render(&highlight(t, &sp, &[])), t);
    }

    #[test]
    fn snippet_centres_on_the_first_hit() {
        let t = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let sp = spans(t);
        let s = render(&snippet(t, &sp, &[(9, 1)], 30));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[ten]"), "{s}");
        let s = render(&snippet(t, &sp, &[(0, 1)], 30));
        assert!(s.starts_with("[one]"), "{s}");
    }
}
