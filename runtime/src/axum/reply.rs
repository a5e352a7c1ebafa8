//! With the `axum` feature: `Reply` answers with its declared status.

use crate::{DeclaredSet, Reply};

impl<B: axum::response::IntoResponse, S: DeclaredSet> axum::response::IntoResponse for Reply<B, S> {
    /// The declared status, whatever status the body's own response
    /// carries, unless the body failed: a body whose response is a server
    /// error (a `Json` that cannot serialise answers 500) keeps it, as
    /// axum's `IntoResponseFailed` keeps it for `(StatusCode, R)` where the
    /// axum version has it (axum-core 0.5 does not). A status that carries
    /// no content (1xx, 204 No Content, 304 Not Modified) answers without
    /// the body and its content headers.
    fn into_response(self) -> axum::response::Response {
        let mut response = self.body.into_response();
        if response.status().is_server_error() {
            return response;
        }
        *response.status_mut() = self.status;
        let code = self.status.as_u16();
        if self.status.is_informational() || code == 204 || code == 304 {
            let headers = response.headers_mut();
            headers.remove(http::header::CONTENT_TYPE);
            headers.remove(http::header::CONTENT_LENGTH);
            *response.body_mut() = axum::body::Body::empty();
        }
        response
    }
}
