//! With the `actix-web` feature, `Reply` is an actix-web `Responder`: it
//! answers with exactly its declared status, as with axum, keeps a body's
//! own server error, and answers a no-content status without a body.

use actix_web::http::StatusCode;
use actix_web::{App, HttpResponse, test, web};
use http_returns::bundled as statuses;
use http_returns::{Reply, returns};

#[returns(202, 409)]
async fn deliver(body: String) -> Reply<String> {
    if body.is_empty() {
        return Reply::conflict("nothing to deliver".to_owned());
    }
    Reply::accepted(body)
}

/// A body whose own response is 200: the reply's 404 wins.
#[returns(404)]
async fn missing() -> Reply<HttpResponse> {
    Reply::not_found(HttpResponse::Ok().body("found after all"))
}

/// A body that failed: its 500 stays.
#[returns(200)]
async fn failing() -> Reply<HttpResponse> {
    Reply::ok(HttpResponse::InternalServerError().finish())
}

#[returns(204)]
async fn gone() -> Reply<String> {
    Reply::no_content("ignored".to_owned())
}

#[actix_web::test]
async fn a_reply_answers_with_its_declared_status() {
    let _ = statuses::DOCUMENTS;
    let app = test::init_service(
        App::new()
            .route("/tasks", web::post().to(deliver))
            .route("/missing", web::get().to(missing))
            .route("/failing", web::get().to(failing))
            .route("/gone", web::delete().to(gone)),
    )
    .await;
    let call = |request: test::TestRequest| {
        let app = &app;
        async move { test::call_service(app, request.to_request()).await }
    };
    let accepted = call(
        test::TestRequest::post()
            .uri("/tasks")
            .set_payload("resize"),
    )
    .await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    assert_eq!(test::read_body(accepted).await, "resize");
    let conflict = call(test::TestRequest::post().uri("/tasks")).await;
    assert_eq!(conflict.status(), StatusCode::CONFLICT);
    assert_eq!(
        call(test::TestRequest::get().uri("/missing"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        call(test::TestRequest::get().uri("/failing"))
            .await
            .status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    let gone = call(test::TestRequest::delete().uri("/gone")).await;
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    assert!(gone.headers().get("content-type").is_none());
    assert!(test::read_body(gone).await.is_empty());
}
