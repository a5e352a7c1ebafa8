//! The whole service held to its pages in `cargo test`: no server, no
//! socket. Every answer to the contract check's requests must be declared
//! by its handler and listed on its operation's page, and what the router
//! answers on its own (404, 405) must be listed on the pages of that path.

use http_returns::contract::Contract;
// Integration tests are crates of their own: they mount the service's module.
use user_groups::statuses;
use user_groups::{Groups, routes};

#[tokio::test]
async fn the_service_answers_only_what_its_pages_list() {
    let routes = routes();
    let contract = Contract::new(&routes);
    let router = routes.into_router().with_state(Groups::default());
    contract.check(router).await.assert_clean();
}

/// The check finds what Schemathesis' `status_code_conformance` finds with
/// a declaration removed: `show` without 400, which `Path<u32>` answers.
mod without_a_declaration {
    use axum::extract::{Path, State};
    use http_returns::routing::Routes;
    use http_returns::{Reply, returns};
    use user_groups::Groups;

    use super::statuses;

    // `op =` against the service's module, mounted from another crate.
    #[returns(200, 404, op = "GET /v3/groups/{id}")]
    async fn show(State(_groups): State<Groups>, Path(id): Path<u32>) -> Reply<String> {
        Reply::not_found(format!("no group {id}"))
    }

    #[tokio::test]
    async fn the_extractors_400_is_found() {
        let routes = Routes::new(statuses::DOCUMENTS).operation(show);
        let contract = http_returns::contract::Contract::new(&routes);
        let router = routes.into_router().with_state(Groups::default());
        let findings = contract.check(router).await;
        let lines: Vec<String> = findings.findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "GET /v3/groups/{id} (querying-user-group-details.md): 400 to a word as `{id}`; \
                 `show` declares 200, 404; querying-user-group-details.md lists 200, 400, 401, 403, 404, 405; \
                 reproduce: curl -i -X GET 'http://127.0.0.1:3000/v3/groups/abc'"
            ]
        );
    }
}
