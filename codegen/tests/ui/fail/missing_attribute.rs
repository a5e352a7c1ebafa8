use http_returns::Reply;

fn deliver() -> Reply<&'static str> {
    Reply::accepted("queued")
}

fn main() {}
