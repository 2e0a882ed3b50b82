//! A set of byte ranges that answers « does any of them overlap this? » and
//! « does one of them hold this whole? » in O(log n), so that a rule that
//! asks it for every hit of a long note stays n·log n instead of n·m.

use std::ops::Range;

/// Ranges sorted by start, with the largest end seen so far at each place.
///
/// Among the ranges that start before a point, the one that reaches
/// furthest decides both questions, so a binary search over the starts and
/// a look at that running maximum answer them exactly, whatever the ranges
/// (overlapping, nested, empty).
#[derive(Debug, Clone, Default)]
pub struct Spans {
    starts: Vec<usize>,
    /// `reach[i]`: the largest end among the first `i + 1` ranges.
    reach: Vec<usize>,
}

impl Spans {
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut ranges: Vec<Range<usize>> = ranges.into_iter().collect();
        ranges.sort_unstable_by_key(|r| r.start);
        let mut reach = Vec::with_capacity(ranges.len());
        let mut furthest = 0;
        for r in &ranges {
            furthest = furthest.max(r.end);
            reach.push(furthest);
        }
        Spans {
            starts: ranges.iter().map(|r| r.start).collect(),
            reach,
        }
    }

    /// The furthest end among the ranges that start before `at` (`<`), or
    /// at it too when `inclusive`.
    fn reach_before(&self, at: usize, inclusive: bool) -> Option<usize> {
        let n = if inclusive {
            self.starts.partition_point(|&s| s <= at)
        } else {
            self.starts.partition_point(|&s| s < at)
        };
        n.checked_sub(1).map(|i| self.reach[i])
    }

    /// Whether a range `a` has `a.start < r.end && r.start < a.end`.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        self.reach_before(r.end, false)
            .is_some_and(|end| end > r.start)
    }

    /// Whether a range `a` has `a.start <= r.start && r.end <= a.end`.
    pub fn contains(&self, r: &Range<usize>) -> bool {
        self.reach_before(r.start, true)
            .is_some_and(|end| end >= r.end)
    }
}

/// The index of the range of `sorted` (sorted, not overlapping) that holds
/// byte `at`, with `start <= at < end`.
pub fn holding(sorted: &[Range<usize>], at: usize) -> Option<usize> {
    let i = sorted.partition_point(|s| s.end <= at);
    sorted.get(i).filter(|s| s.start <= at).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The questions asked the slow way, to compare with.
    fn naive(ranges: &[Range<usize>], r: &Range<usize>) -> (bool, bool) {
        (
            ranges.iter().any(|a| a.start < r.end && r.start < a.end),
            ranges.iter().any(|a| a.start <= r.start && r.end <= a.end),
        )
    }

    #[test]
    fn answers_as_a_scan_would() {
        let sets: [&[Range<usize>]; 4] = [
            &[],
            &[2..5, 7..7, 9..20, 10..12],
            &[0..3, 1..2, 3..8, 15..16],
            &[5..6, 5..9, 5..5, 30..40, 31..33],
        ];
        for ranges in sets {
            let spans = Spans::new(ranges.iter().cloned());
            for start in 0..42 {
                for end in start..43 {
                    let r = start..end;
                    assert_eq!(
                        (spans.overlaps(&r), spans.contains(&r)),
                        naive(ranges, &r),
                        "{ranges:?} {r:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn finds_the_range_holding_a_byte() {
        let s = [0..4, 6..9, 9..12];
        assert_eq!(holding(&s, 0), Some(0));
        assert_eq!(holding(&s, 4), None);
        assert_eq!(holding(&s, 9), Some(2));
        assert_eq!(holding(&s, 12), None);
    }
}
