//! Serves the user-group operations on the address given (default
//! 127.0.0.1:3000): `cargo run -p user-groups -- 127.0.0.1:3000`.

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    for (method, path, codes) in user_groups::routes() {
        println!("  {method:<6} {path:<16} answers {codes:?}");
    }
    axum::serve(listener, user_groups::app()).await
}
