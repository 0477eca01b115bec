//! One sort for the whole program.
//!
//! Every call of `slice::sort_by_key` with a new element type or closure makes
//! the compiler emit another copy of the standard library's sort (driftsort or
//! ipnsort with its small-sort networks, 3–8 KB of wasm each). With two dozen
//! call sites that was 90 KB of the bundle's code. Here the standard stable
//! sort is instantiated once, over `u32` positions with a `dyn` comparator;
//! each caller only adds a small generic shim that computes keys and applies
//! the resulting order by swaps.
//!
//! All sorts here are stable: equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order = positions(items.len());
    sort_positions(&mut order, &mut |a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    permute(items, &order);
}

/// Sorts a short slice by `compare`, stably, in place: an insertion sort,
/// for code that sorts many tiny slices (each statement's matching passages
/// on every keystroke), where [`sort_by`]'s two allocations per call would
/// cost more than the sorting. Longer slices go to [`sort_by`].
pub fn sort_small_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() > 24 {
        return sort_by(items, compare);
    }
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each, stably. The key is computed once
/// per element (like `sort_by_cached_key`), so it may be costly.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order = positions(items.len());
    sort_positions(&mut order, &mut |a, b| {
        keys[a as usize].cmp(&keys[b as usize])
    });
    permute(items, &order);
}

/// A key that orders floats as [`f32::total_cmp`] does, as an unsigned
/// integer: sorting by it is sorting by the float, with one integer
/// comparison instead of a chain of closures.
pub fn f32_key(x: f32) -> u32 {
    // As `total_cmp`: a negative float's other bits count down, so flip
    // them; then move the sign bit so that negatives come first.
    let bits = x.to_bits() as i32;
    let bits = bits ^ ((((bits >> 31) as u32) >> 1) as i32);
    (bits as u32) ^ 0x8000_0000
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts and removes duplicates: the set of `items` in order. A list that
/// is already ascending without duplicates (one postings list, say) is left
/// as it is after one look.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    if items.windows(2).all(|w| w[0] < w[1]) {
        return;
    }
    sort(items);
    items.dedup();
}

fn positions(n: usize) -> Vec<u32> {
    let n = u32::try_from(n).expect("fewer than 2^32 items to sort");
    (0..n).collect()
}

/// The only instantiation of the standard sort.
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `items` so that position `k` holds the element that was at
/// `order[k]`, following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k] as usize;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_order_as_total_cmp() {
        let xs = [
            f32::NEG_INFINITY,
            -3.5,
            -1.0,
            -f32::MIN_POSITIVE,
            -0.0,
            0.0,
            f32::MIN_POSITIVE,
            0.25,
            1.0,
            7.5e9,
            f32::INFINITY,
            f32::NAN,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(f32_key(a).cmp(&f32_key(b)), a.total_cmp(&b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn small_sort_is_stable_and_agrees_with_the_long_one() {
        // pairs (key, original position); sizes on both sides of the cutoff
        for n in [0usize, 1, 2, 7, 24, 25, 60] {
            let items: Vec<(u32, usize)> = (0..n).map(|i| (((i * 7) % 5) as u32, i)).collect();
            let (mut small, mut long) = (items.clone(), items.clone());
            sort_small_by(&mut small, |a, b| b.0.cmp(&a.0));
            sort_by(&mut long, |a, b| b.0.cmp(&a.0));
            assert_eq!(small, long, "n = {n}");
            assert!(small
                .windows(2)
                .all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        }
    }

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_by_comparator_and_naturally() {
        let mut v = vec![5, 1, 4, 1, 3];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [5, 4, 3, 1, 1]);
        sort_dedup(&mut v);
        assert_eq!(v, [1, 3, 4, 5]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn agrees_with_the_standard_sort_on_every_permutation_of_six() {
        // every arrangement of a multiset with ties, compared with slice::sort_by_key
        let base = [3u8, 1, 2, 3, 1, 0];
        let mut seen = 0;
        let mut idx = [0usize, 1, 2, 3, 4, 5];
        loop {
            let v: Vec<(u8, usize)> = idx.iter().map(|&i| (base[i], i)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std);
            seen += 1;
            if !next_permutation(&mut idx) {
                break;
            }
        }
        assert_eq!(seen, 720);
    }

    fn next_permutation(a: &mut [usize]) -> bool {
        let Some(i) = (1..a.len()).rev().find(|&i| a[i - 1] < a[i]) else {
            return false;
        };
        let j = (i..a.len()).rev().find(|&j| a[j] > a[i - 1]).unwrap();
        a.swap(i - 1, j);
        a[i..].reverse();
        true
    }
}
