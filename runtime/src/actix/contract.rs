//! The contract check for actix-web: each request sent to the app as
//! `actix_web::test` sends it, in-process, the route that answered read as
//! the conformance middleware reads it.

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, Error, test};

use super::requests::Probe;
use super::{Answer, Contract, Findings, catch};
use crate::actix::answered_by;
use crate::actix::convert::{method_to_actix, status_from_actix};

impl Contract {
    /// Sends the requests to `app` (the service as it is served: its data
    /// given, its middleware wrapped), in-process with `actix_web::test`,
    /// and returns what answered with a status the declarations or the
    /// pages do not cover. Call it in an `#[actix_web::test]`.
    ///
    /// ```
    /// use actix_web::{App, web};
    /// use http_returns::actix::{Routes, get};
    /// use http_returns::contract::Contract;
    /// use http_returns::{returns, Reply};
    /// use http_returns::bundled as statuses;
    ///
    /// #[returns(200, 400, 404)]
    /// async fn show(id: web::Path<u32>) -> Reply<String> {
    ///     Reply::not_found(format!("no task {id}"))
    /// }
    ///
    /// # #[actix_web::main] async fn main() {
    /// let routes = Routes::new(statuses::DOCUMENTS).route("/tasks/{id}", get(show));
    /// let contract = Contract::new(&routes);
    /// let app = App::new().configure(|config| routes.configure(config));
    /// contract.check_actix(app).await.assert_clean();
    /// # }
    /// ```
    pub async fn check_actix<T, B>(&self, app: App<T>) -> Findings
    where
        T: ServiceFactory<
                ServiceRequest,
                Config = (),
                Response = ServiceResponse<B>,
                Error = Error,
                InitError = (),
            > + 'static,
        B: MessageBody + 'static,
    {
        let service = test::init_service(app).await;
        let service = &service;
        self.run(|probe| {
            let request = request(probe);
            async move {
                match catch::unwind(service.call(request.to_request())).await {
                    Ok(Ok(response)) => Answer::Status {
                        status: status_from_actix(response.status()),
                        matched: answered_by(response.request()).map(String::from),
                    },
                    Ok(Err(error)) => Answer::Status {
                        status: status_from_actix(error.as_response_error().status_code()),
                        matched: None,
                    },
                    Err(message) => Answer::Panic(message),
                }
            }
        })
        .await
    }
}

/// `probe` as actix-web's test requests write it.
fn request(probe: &Probe) -> test::TestRequest {
    let mut request = test::TestRequest::default()
        .method(method_to_actix(&probe.method))
        .uri(&probe.target);
    if let Some(content_type) = probe.content_type {
        request = request.insert_header((actix_web::http::header::CONTENT_TYPE, content_type));
    }
    if let Some(body) = probe.body {
        request = request.set_payload(body);
    }
    request
}
