//! Sharing work over the cores, with results in input order so that the
//! output never depends on the thread count or on scheduling.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Every core: the threads a run uses unless `Config::threads` says.
pub fn every_core() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `work` applied to each of `items` on `threads` threads; each thread
/// takes the next item from a shared counter. Results are in `items`' order.
pub fn map<T: Sync, R: Send>(items: &[T], threads: usize, work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(at) else {
                return done;
            };
            done.push((at, work(item)));
        }
    };
    let mut results: Vec<(usize, R)> = if threads <= 1 || items.len() < 2 {
        run()
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.min(items.len()))
                .map(|_| scope.spawn(run))
                .collect();
            let joined = workers.into_iter().map(|worker| worker.join());
            joined
                .flat_map(|result| result.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        })
    };
    results.sort_by_key(|(at, _)| *at);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        let expected: Vec<u64> = items.iter().map(|n| n * n).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(
                super::map(&items, threads, |n| n * n),
                expected,
                "{threads} threads"
            );
        }
        assert!(super::map(&[] as &[u8], 4, |n| *n).is_empty());
    }
}
