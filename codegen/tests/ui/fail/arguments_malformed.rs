use http_returns::{returns, Reply};
use http_returns::bundled as statuses;

#[returns(202 409)]
fn no_comma() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, page)]
fn spec_without_module() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, page = )]
fn spec_empty() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, crate = )]
fn crate_empty() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, page = returned_values extra)]
fn spec_then_more() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
