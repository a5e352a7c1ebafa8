//! What `#[returns(..)]` expands to. Not public API: names here may change.

use crate::{DeclaredSet, Declares};

/// The set used when `#[returns(..)]` has an argument error: it declares
/// everything, so the error in the arguments is the only one reported.
#[derive(Debug, Clone, Copy)]
pub enum Unchecked {}

impl DeclaredSet for Unchecked {
    const CODES: &'static [u16] = &[];
}

impl<const N: u16> Declares<N> for Unchecked {}

/// What `returns_spec` means in a crate that mounts no status module.
///
/// `#[returns(..)]` names `returns_spec` inside two nested scopes: the outer
/// one glob-imports this module, the inner one the crate root. A crate root
/// that has `returns_spec` wins; otherwise this one is found, and its
/// `Documented` fails at each code with a message that says what to add.
pub mod unmounted {
    /// Stands for a crate's documents where the crate has none.
    pub mod returns_spec {
        /// The documents of a crate without a status module: none. Named
        /// apart from a real module's `AllDocuments`, so that rustc does not
        /// take the two for versions of one type.
        #[derive(Debug, Clone, Copy)]
        pub enum NoStatusModule {}

        /// What `#[returns(..)]` names.
        pub type AllDocuments = NoStatusModule;

        /// Implemented by no document set: see the message.
        #[diagnostic::on_unimplemented(
            message = "this crate has no status module `returns_spec` for `#[returns(..)]` to check {N} against",
            label = "checked against `crate::returns_spec`, which this crate does not have",
            note = "generate one from your documents (`cargo xtask regen --spec docs --out src/returns_spec.rs`) and add `mod returns_spec;` to the crate root",
            note = "or, to use the documents bundled with `returns`, add `use returns::spec as returns_spec;` to the crate root",
            note = "or name a documents module for this handler: `#[returns(.., docs = path::to::module)]`"
        )]
        pub trait Documented<const N: u16> {
            /// The code, once it is known to be documented.
            const CODE: u16 = N;
        }

        // Some type implements it, so rustc does not suggest adding an impl.
        #[diagnostic::do_not_recommend]
        impl<const N: u16> Documented<N> for () {}
    }
}
