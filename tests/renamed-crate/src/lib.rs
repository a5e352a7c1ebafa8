//! Empty: this package exists for its test of `crate = path`.
