use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202, 409, 202)]
fn twice() -> Reply<()> {
    Reply::accepted(())
}

#[returns()]
fn empty() -> Reply<()> {
    Reply::accepted(())
}

#[returns]
fn bare() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, spce = returned_values)]
fn unknown() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, page = a, page = b)]
fn option_twice() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
