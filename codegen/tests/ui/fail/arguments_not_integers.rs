use returns::{returns, Reply};

#[returns(foo, "202", 2.5, 202u8)]
fn deliver() -> Reply<()> {
    Reply::accepted(())
}

fn main() {}
