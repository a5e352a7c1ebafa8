use http_returns::{declared, Reply};

fn plain() -> Reply<()> {
    unimplemented!()
}

fn text() -> String {
    String::new()
}

fn main() {
    let _ = declared(&plain);
    let _ = declared(&text);
}
