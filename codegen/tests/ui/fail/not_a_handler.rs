use returns::{returns, Reply};

#[returns(202)]
struct NotAFunction;

#[returns(202)]
fn no_return_type() {}

#[returns(202)]
fn no_reply() -> Result<(), String> {
    Ok(())
}

#[returns(202)]
fn set_already_named() -> Reply<u8, returns::Undeclared> {
    unimplemented!()
}

fn main() {
    let _ = NotAFunction;
    let _: Option<Reply<()>> = None;
}
