//! What `#[returns(..)]` expands to. Not public API: names here may change.

use crate::{DeclaredSet, Declares};

/// The set used when `#[returns(..)]` has an argument error: it declares
/// everything, so the error in the arguments is the only one reported.
#[derive(Debug, Clone, Copy)]
pub enum Unchecked {}

impl DeclaredSet for Unchecked {
    const CODES: &'static [u16] = &[];
    type Documents = crate::reply::AnyCode;
}

impl<const N: u16> Declares<N> for Unchecked {}
