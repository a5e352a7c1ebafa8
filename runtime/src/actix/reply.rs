//! With the `actix-web` feature: `Reply` is an actix-web `Responder`.

use super::convert::status_to_actix;
use crate::{DeclaredSet, Reply};

impl<B: actix_web::Responder, S: DeclaredSet> actix_web::Responder for Reply<B, S> {
    type Body = actix_web::body::EitherBody<B::Body>;

    /// The declared status, whatever status the body's own response
    /// carries, unless the body failed: a body whose response is a server
    /// error (a `Json` that cannot serialise answers 500) keeps it, as with
    /// axum. A status that carries no content (1xx, 204 No Content, 304
    /// Not Modified) answers without the body and its content headers.
    fn respond_to(self, request: &actix_web::HttpRequest) -> actix_web::HttpResponse<Self::Body> {
        let mut response = self.body.respond_to(request);
        if response.status().is_server_error() {
            return response.map_into_left_body();
        }
        *response.status_mut() = status_to_actix(self.status);
        let code = self.status.as_u16();
        if self.status.is_informational() || code == 204 || code == 304 {
            let headers = response.headers_mut();
            headers.remove(actix_web::http::header::CONTENT_TYPE);
            headers.remove(actix_web::http::header::CONTENT_LENGTH);
            return response
                .set_body(actix_web::body::BoxBody::new(()))
                .map_into_right_body();
        }
        response.map_into_left_body()
    }
}
