//! Serves the user-group operations on actix-web, on the address given
//! (default 127.0.0.1:3000): `cargo run -p user-groups-actix -- 127.0.0.1:3000`.

use actix_web::{App, HttpServer};
use http_returns::actix::Conformance;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    // The conformance middleware's reports are `tracing` warnings: printed on stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let routes = user_groups_actix::routes();
    let (api, coverage) = user_groups_actix::openapi(&routes);
    let document = api
        .to_pretty_json()
        .map_err(|error| std::io::Error::other(error.to_string()))?;
    // One middleware for every worker: their reports are counted together.
    let conformance = Conformance::new(&routes);
    let server = HttpServer::new(move || {
        App::new().configure(|config| {
            user_groups_actix::configure(&routes, conformance.clone(), &document, config)
        })
    })
    .workers(1)
    .bind(&address)?;
    for bound in server.addrs() {
        println!("listening on http://{bound}");
    }
    for route in user_groups_actix::routes().list() {
        let documented = route.operation.map_or_else(String::new, |documented| {
            format!("  ({}, {})", documented.operation, documented.document.path)
        });
        println!(
            "  {:<6} {:<16} answers {:?}{documented}",
            route.method.as_str(),
            route.path,
            route.declared
        );
    }
    print!("{coverage}");
    server.run().await
}
