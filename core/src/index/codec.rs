//! Compact serde encodings of the index's largest parts: gaps instead of
//! absolute numbers, so most values fit in one varint byte and compress well.

/// Token spans as `(start - previous end, end - start)` varint pairs: one or
/// two bytes each instead of up to six, and far more compressible.
pub(super) mod delta_spans {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(spans: &[(u32, u32)], s: S) -> Result<S::Ok, S::Error> {
        let mut prev = 0;
        let deltas: Vec<(u32, u32)> = spans
            .iter()
            .map(|&(start, end)| {
                let d = (start - prev, end - start);
                prev = end;
                d
            })
            .collect();
        deltas.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(u32, u32)>, D::Error> {
        let deltas = Vec::<(u32, u32)>::deserialize(d)?;
        let mut prev = 0u32;
        Ok(deltas
            .into_iter()
            .map(|(gap, len)| {
                let start = prev.saturating_add(gap);
                prev = start.saturating_add(len);
                (start, prev)
            })
            .collect())
    }
}

/// Postings as (passage gap, position gaps) lists; see [`Index::postings`].
pub(super) mod delta_postings {
    use super::super::postings::Postings;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Gaps = Vec<Vec<(u32, Vec<u16>)>>;

    pub fn serialize<S: Serializer>(postings: &Postings, s: S) -> Result<S::Ok, S::Error> {
        let gaps: Gaps = postings
            .iter()
            .map(|list| {
                let mut prev = 0;
                list.iter()
                    .map(|p| {
                        let gap = p.passage - prev;
                        prev = p.passage;
                        (gap, deltas(p.positions))
                    })
                    .collect()
            })
            .collect();
        gaps.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Postings, D::Error> {
        let gaps = Gaps::deserialize(d)?;
        let lists: Vec<Vec<(u32, Vec<u16>)>> = gaps
            .into_iter()
            .map(|list| {
                let mut passage = 0u32;
                list.into_iter()
                    .map(|(gap, positions)| {
                        passage = passage.saturating_add(gap);
                        (passage, sums(positions))
                    })
                    .collect()
            })
            .collect();
        Ok(Postings::from_lists(lists.iter().map(|list| {
            list.iter()
                .map(|(passage, positions)| (*passage, positions.as_slice()))
        })))
    }

    fn deltas(ascending: &[u16]) -> Vec<u16> {
        let mut prev = 0;
        ascending
            .iter()
            .map(|&x| {
                let d = x - prev;
                prev = x;
                d
            })
            .collect()
    }

    fn sums(mut gaps: Vec<u16>) -> Vec<u16> {
        let mut acc = 0u16;
        for g in &mut gaps {
            acc = acc.saturating_add(*g);
            *g = acc;
        }
        gaps
    }
}
