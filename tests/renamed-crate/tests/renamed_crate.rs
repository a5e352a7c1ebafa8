//! `crate = path` when `returns` is renamed in Cargo.toml: here `::returns`
//! does not resolve, so without `crate = ..` the expansion would not compile.
use renamed_returns::{Reply, Status, returns};

#[returns(202, crate = renamed_returns)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

#[returns(202, spec = returned_values, crate = ::renamed_returns)]
fn deliver_here() -> Reply<()> {
    Reply::accepted(())
}

#[test]
fn crate_option_names_the_renamed_crate() {
    assert_eq!(deliver().status(), Status::Accepted);
    assert_eq!(deliver_here().declared(), [202]);
}
