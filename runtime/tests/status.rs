//! The generated `Status` API, checked against the bundled `spec/`.

use http_returns::Group;
use http_returns::bundled::{self, AllDocuments, Documented, Status, returned_values};

/// The codes `spec/returned-values.md` lists, the only document bundled.
const DOCUMENTED: [u16; 17] = [
    200, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504,
];

#[test]
fn from_code_finds_documented_codes() {
    assert_eq!(Status::from_code(202), Some(Status::Accepted));
    assert_eq!(Status::from_code(409), Some(Status::Conflict));
    assert_eq!(Status::from_code(418), None);
    const ACCEPTED: Option<Status> = Status::from_code(202);
    assert_eq!(ACCEPTED, Some(Status::Accepted), "usable in const context");
}

#[test]
fn every_code_round_trips_and_only_documented_codes_exist() {
    for n in 0..=999u16 {
        match Status::from_code(n) {
            Some(status) => {
                assert_eq!(status.code(), n);
                assert_eq!(Status::try_from(n), Ok(status));
                assert_eq!(u16::from(status), n);
            }
            None => assert_eq!(Status::try_from(n).map_err(|e| e.code()), Err(n)),
        }
    }
    let codes: Vec<u16> = Status::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(codes, DOCUMENTED);
}

#[test]
fn reasons_are_the_canonical_phrases() {
    assert_eq!(Status::Accepted.reason(), "Accepted");
    assert_eq!(Status::Ok.reason(), "OK");
    assert_eq!(
        Status::InternalServerError.reason(),
        "Internal Server Error"
    );
    for &status in Status::ALL {
        let http = http::StatusCode::from(status);
        assert_eq!(http.as_u16(), status.code());
        assert_eq!(Some(status.reason()), http.canonical_reason(), "{status:?}");
        assert_eq!(status, http);
    }
}

#[test]
fn display_is_code_and_reason() {
    assert_eq!(Status::NotFound.to_string(), "404 Not Found");
    assert_eq!(
        Status::try_from(418).expect_err("undocumented").to_string(),
        "HTTP status code 418 is not documented"
    );
}

#[test]
fn class_predicates_agree_with_http() {
    for &status in Status::ALL {
        let http = http::StatusCode::from(status);
        assert_eq!(status.is_informational(), http.is_informational());
        assert_eq!(status.is_success(), http.is_success());
        assert_eq!(status.is_redirection(), http.is_redirection());
        assert_eq!(status.is_client_error(), http.is_client_error());
        assert_eq!(status.is_server_error(), http.is_server_error());
    }
}

#[test]
fn each_document_module_holds_its_rows() {
    let document = &returned_values::DOCUMENT;
    assert_eq!(bundled::DOCUMENTS, [document]);
    assert_eq!(document.path, "returned-values.md");
    assert_eq!(document.title, Some("Returned Values"));
    assert_eq!(document.entries.len(), 17);
    let accepted: Vec<_> = document.entries_for(202).collect();
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].group, Some(Group::Normal));
    assert_eq!(accepted[0].label, Some("Normal"));
    assert_eq!(accepted[0].reason, None, "the page writes a bare 202");
    assert!(
        accepted[0]
            .description
            .starts_with("After the task is successfully delivered")
    );
    let conflict = document.entries_for(409).next().expect("409 is listed");
    assert_eq!(
        (conflict.group, conflict.reason),
        (Some(Group::Abnormal), Some("Conflict"))
    );
    assert!(document.lists(504));
}

/// Compiles only if `T: Documented<N>`: what `#[returns(..)]` will check.
fn documented<T: Documented<N>, const N: u16>() {}
fn documented_here<T: returned_values::Documented<N>, const N: u16>() {}

#[test]
fn documented_codes_satisfy_the_documented_traits() {
    documented::<AllDocuments, 202>();
    documented::<AllDocuments, 409>();
    documented_here::<returned_values::ThisDocument, 504>();
    // What `#[returns(..)]` names as a handler's documents lists them too.
    fn listed<D: http_returns::Lists<N>, const N: u16>() {}
    listed::<bundled::Checks, 409>();
    listed::<returned_values::Checks, 504>();
}
