//! Medians and quantiles of repeated measurements, for the benchmarks.

use std::time::{Duration, Instant};

/// The wall time of each of `rounds` runs of `work` (at least one).
pub fn times(rounds: usize, mut work: impl FnMut()) -> Vec<Duration> {
    (0..rounds.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect()
}

/// The `q` quantile of `values` (nearest rank); NaN for none.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((sorted.len().saturating_sub(1)) as f64 * q).round() as usize;
    sorted.get(rank).copied().unwrap_or(f64::NAN)
}

/// The median of `times`; zero for none.
pub fn median(times: &[Duration]) -> Duration {
    let seconds: Vec<f64> = times.iter().map(Duration::as_secs_f64).collect();
    Duration::try_from_secs_f64(quantile(&seconds, 0.5)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_value() {
        let ms = |n| Duration::from_millis(n);
        assert_eq!(median(&[ms(5), ms(1), ms(3)]), ms(3));
        assert_eq!(median(&[]), Duration::ZERO);
        assert_eq!(quantile(&[4.0, 1.0, 2.0, 3.0, 5.0], 0.25), 2.0);
    }
}
