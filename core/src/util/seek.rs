//! Moving a cursor forward through an ascending list to the first element
//! not below a target: how matching walks one sorted passage list against
//! another (AND-ing clauses, dropping excluded passages, phrase words).
//!
//! A binary search over the whole rest of the list costs `log n` probes
//! spread over the list (a cache miss each) even when the target is a step
//! or two ahead, which it mostly is when both lists are long. Galloping
//! (probing 1, 2, 4, … ahead, then a binary search within the last step)
//! costs `log d` for a distance `d` and stays near the cursor.

/// The first index `i >= from` with `!(list[i] < target)`, or `list.len()`,
/// for `list` ascending from `from` on (`from <= list.len()`).
pub fn seek<T: Ord>(list: &[T], from: usize, target: &T) -> usize {
    let rest = list.get(from..).unwrap_or_default();
    let mut step = 1;
    let mut low = 0; // rest[..low] are all below target
    while step <= rest.len() && rest[step - 1] < *target {
        low = step;
        step *= 2;
    }
    let high = step.min(rest.len());
    from + low + rest[low..high].partition_point(|x| x < target)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Agrees with a binary search of the rest of the list, from every
    /// start, for every target around the elements.
    #[test]
    fn agrees_with_partition_point() {
        let lists: [&[u32]; 4] = [
            &[],
            &[5],
            &[1, 2, 2, 3, 8, 9, 9, 10, 40],
            &[0, 7, 7, 7, 7, 7],
        ];
        for list in lists {
            for from in 0..=list.len() {
                for target in 0..=41 {
                    let expected = from + list[from..].partition_point(|&x| x < target);
                    assert_eq!(
                        seek(list, from, &target),
                        expected,
                        "{list:?} {from} {target}"
                    );
                }
            }
        }
        let long: Vec<u32> = (0..1000).map(|x| x * 3).collect();
        for target in [0, 1, 2, 3, 299, 300, 2996, 2997, 2998, 5000] {
            let expected = long.partition_point(|&x| x < target);
            assert_eq!(seek(&long, 0, &target), expected);
            assert_eq!(seek(&long, expected.min(long.len()), &target), expected);
        }
    }
}
