//! actix-web 4 carries `http` 0.2's `Method` and `StatusCode`, this crate
//! `http` 1's: the same methods by name and codes by number. One place
//! converts them, with why each conversion holds.

/// `http` 1's method for actix-web's: `http` 1 accepts every method token
/// `http` 0.2 does (and `#$%&'` besides), so a request's method always
/// converts.
pub(crate) fn method_from_actix(method: &actix_web::http::Method) -> http::Method {
    match http::Method::from_bytes(method.as_str().as_bytes()) {
        Ok(method) => method,
        Err(_) => unreachable!("`http` 1 accepts every method token `http` 0.2 accepts"),
    }
}

/// actix-web's method for one of this crate's routes or requests.
///
/// # Panics
///
/// For a method with a character `http` 0.2 refuses (`#$%&'`), which no
/// standard method and no `op =` method (uppercase letters) has.
#[track_caller]
pub(crate) fn method_to_actix(method: &http::Method) -> actix_web::http::Method {
    match actix_web::http::Method::from_bytes(method.as_str().as_bytes()) {
        Ok(method) => method,
        Err(_) => panic!("actix-web 4 cannot carry the method `{method}`"),
    }
}

/// `http` 1's status for actix-web's: both hold the codes 100 to 999.
pub(crate) fn status_from_actix(status: actix_web::http::StatusCode) -> http::StatusCode {
    match http::StatusCode::from_u16(status.as_u16()) {
        Ok(status) => status,
        Err(_) => unreachable!("both `http` versions hold the codes 100 to 999"),
    }
}

/// actix-web's status for `http` 1's: both hold the codes 100 to 999.
pub(crate) fn status_to_actix(status: http::StatusCode) -> actix_web::http::StatusCode {
    match actix_web::http::StatusCode::from_u16(status.as_u16()) {
        Ok(status) => status,
        Err(_) => unreachable!("both `http` versions hold the codes 100 to 999"),
    }
}
