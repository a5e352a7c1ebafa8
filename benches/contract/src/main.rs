//! `cargo xtask bench-contract`: what the contract check costs, in-process.
//!
//! For `examples/user-groups` and for services of 25, 50, 100 and 200
//! generated routes (`/r{i}/items/{id}`, each served by a handler with
//! `Path<u32>`), it times `Contract::check` and, as the baseline in the
//! same run, as many plain `oneshot` calls of the same router (a `GET`
//! that the handler answers). It prints requests per second for both,
//! their ratio, and the time per route, which stays flat if the check is
//! linear in routes times budget. The median of `--rounds` runs is taken.

use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::Request;
use http_returns::bundled as statuses;
use http_returns::contract::Contract;
use http_returns::routing::{Routes, get};
use http_returns::{Reply, returns};
use tower::ServiceExt as _;

#[returns(200, 400, 404)]
async fn show(Path(id): Path<u32>) -> Reply<String> {
    Reply::not_found(format!("no item {id}"))
}

/// `routes` routes, each `GET /r{i}/items/{id}`.
fn generated(routes: usize) -> Routes {
    (0..routes).fold(Routes::new(statuses::DOCUMENTS), |all, i| {
        all.route(&format!("/r{i}/items/{{id}}"), get(show))
    })
}

/// One measurement: requests sent, time for the check, time for as many
/// plain calls.
struct Measured {
    routes: usize,
    requests: usize,
    check: Duration,
    plain: Duration,
}

async fn measure(routes: usize, contract: &Contract, router: Router, plain_path: &str) -> Measured {
    let started = Instant::now();
    let findings = contract.check(router.clone()).await;
    let check = started.elapsed();
    assert!(findings.is_clean(), "{findings}");
    let started = Instant::now();
    for _ in 0..findings.requests {
        let request = Request::get(plain_path)
            .body(Body::empty())
            .expect("a request");
        let response = router.clone().oneshot(request).await.expect("infallible");
        assert!(response.status().as_u16() < 500);
    }
    let plain = started.elapsed();
    Measured {
        routes,
        requests: findings.requests,
        check,
        plain,
    }
}

fn median(mut runs: Vec<Measured>) -> Measured {
    runs.sort_by_key(|run| run.check);
    runs.swap_remove(runs.len() / 2)
}

fn rounds() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|arg| arg == "--rounds")
        .and_then(|at| args.get(at + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5)
        .max(1)
}

fn print(name: &str, run: &Measured) {
    let per_second = |time: Duration| run.requests as f64 / time.as_secs_f64();
    println!(
        "| {name} | {} | {} | {:.1} ms | {:.0} | {:.0} | {:.2}x | {:.0} µs |",
        run.routes,
        run.requests,
        run.check.as_secs_f64() * 1e3,
        per_second(run.check),
        per_second(run.plain),
        run.check.as_secs_f64() / run.plain.as_secs_f64(),
        run.check.as_secs_f64() * 1e6 / run.routes as f64,
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let rounds = rounds();
    println!("median of {rounds} rounds, release build, one thread");
    println!();
    println!(
        "| service | routes | requests | check | check req/s | plain oneshot req/s | check / plain | per route |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut runs = Vec::new();
    for _ in 0..rounds {
        let routes = user_groups::routes();
        let contract = Contract::new(&routes);
        let router = routes
            .into_router()
            .with_state(user_groups::Groups::default());
        runs.push(measure(3, &contract, router, "/v3/groups/1").await);
    }
    print("user-groups", &median(runs));
    for size in [25, 50, 100, 200] {
        let mut runs = Vec::new();
        for _ in 0..rounds {
            let routes = generated(size);
            let contract = Contract::new(&routes);
            runs.push(measure(size, &contract, routes.into_router(), "/r0/items/1").await);
        }
        print("generated", &median(runs));
    }
}
