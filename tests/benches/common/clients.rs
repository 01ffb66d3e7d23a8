//! Concurrent clients over a query mix, and their timings (`search`, `portal`).

use std::sync::Arc;
use std::time::{Duration, Instant};

/// The `p` quantile of sorted timings.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `clients` clients, each running every one of the `queries` `rounds` times (each client
/// starting at another query), timing each call of `work(query)`; all timings, sorted.
pub async fn run_clients<F, Fut>(
    clients: usize,
    rounds: usize,
    queries: usize,
    work: Arc<F>,
) -> Vec<Duration>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let mut handles = Vec::new();
    for client in 0..clients {
        let work = work.clone();
        handles.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(rounds * queries);
            for round in 0..rounds {
                for i in 0..queries {
                    let started = Instant::now();
                    work((i + client + round) % queries).await;
                    times.push(started.elapsed());
                }
            }
            times
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.expect("client"));
    }
    all.sort();
    all
}
