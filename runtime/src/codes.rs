//! Codes as the messages of the coverage report, the conformance layer
//! and the contract check write them.

/// `400, 401, 403`.
pub(crate) fn list(codes: &[u16]) -> String {
    codes
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
