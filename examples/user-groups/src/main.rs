//! Serves the user-group operations on the address given (default
//! 127.0.0.1:3000): `cargo run -p user-groups -- 127.0.0.1:3000`.

use http_returns::conformance::ConformanceLayer;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    // The conformance layer's reports are `tracing` warnings: printed on stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let routes = user_groups::routes();
    for route in routes.list() {
        // The operation its page documents, found by method and path.
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
    print!("{}", user_groups::openapi(&routes).1);
    let conformance = ConformanceLayer::new(&routes);
    axum::serve(listener, user_groups::app(routes, conformance)).await
}
