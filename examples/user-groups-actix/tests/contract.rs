//! The whole actix-web service held to its pages in `cargo test`: no
//! server, no socket. Every answer to the contract check's requests must
//! be declared by its handler and listed on its operation's page, and what
//! the router answers on its own (404, 405) must be listed on the pages of
//! that path.

use actix_web::App;
use http_returns::contract::Contract;
// Integration tests are crates of their own: they mount the service's module.
use user_groups_actix::routes;
use user_groups_actix::statuses;

#[actix_web::test]
async fn the_service_answers_only_what_its_pages_list() {
    let routes = routes();
    let contract = Contract::new(&routes);
    let findings = contract
        .check_actix(App::new().configure(|config| routes.configure(config)))
        .await;
    // Every route, every unserved method: not a check that sent nothing.
    assert!(findings.requests >= 30, "{}", findings.requests);
    findings.assert_clean();
}

/// The check finds what a declaration leaves out: actix-web's `Path<u32>`
/// answers 404 to an id that is not a number (axum's answers 400), so a
/// `show` that does not declare 404 is found, with the request that shows it.
mod without_a_declaration {
    use actix_web::App;
    use actix_web::web::{Data, Path};
    use http_returns::actix::Routes;
    use http_returns::contract::Contract;
    use http_returns::{Reply, returns};
    use user_groups_actix::Groups;

    use super::statuses;

    // `op =` against the service's module, mounted from another crate.
    #[returns(200, 400, op = "GET /v3/groups/{id}")]
    async fn show(_groups: Data<Groups>, id: Path<u32>) -> Reply<String> {
        Reply::bad_request(format!("no group {id}"))
    }

    #[actix_web::test]
    async fn the_extractors_404_is_found() {
        let routes = Routes::new(statuses::DOCUMENTS)
            .operation(show)
            .app_data(Data::new(Groups::default()));
        let contract = Contract::new(&routes);
        let findings = contract
            .check_actix(App::new().configure(|config| routes.configure(config)))
            .await;
        let lines: Vec<String> = findings.findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "GET /v3/groups/{id} (querying-user-group-details.md): 404 to a word as `{id}`; \
                 `show` declares 200, 400; querying-user-group-details.md lists 200, 400, 401, 403, 404, 405; \
                 reproduce: curl -i -X GET 'http://127.0.0.1:3000/v3/groups/abc'"
            ]
        );
    }
}
