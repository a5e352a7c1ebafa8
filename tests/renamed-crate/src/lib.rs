//! A second service crate, built together with `user-groups`: its own
//! documents (`docs/returned-values.md`, the ECS general return values),
//! its own module, and `http-returns` renamed to `renamed_returns`, so the module
//! is generated with `--runtime ::renamed_returns` and handlers name the
//! crate with `crate = renamed_returns`.

use renamed_returns::{Reply, returns};

/// This crate's status module: `cargo xtask regen --spec
/// tests/renamed-crate/docs --out tests/renamed-crate/src/statuses.rs
/// --runtime ::renamed_returns`.
pub mod statuses;

/// 202 is documented here (and not in user-groups' documents).
#[returns(202, 409, crate = renamed_returns)]
pub fn deliver(queue_full: bool) -> Reply<&'static str> {
    if queue_full {
        return Reply::conflict("busy");
    }
    Reply::accepted("queued")
}

/// Both crates' declarations, side by side: each was checked against its
/// own crate's documents.
pub fn declared() -> [&'static [u16]; 2] {
    [
        renamed_returns::declared(&deliver),
        renamed_returns::declared(&user_groups::create),
    ]
}
