//! [`Reply`]: a response whose status the handler's `#[returns(..)]` declares.

use core::fmt;
use core::marker::PhantomData;

use http::StatusCode;

/// A response body with a status that the handler declared.
///
/// Build one with the constructor named after its status, such as
/// [`Reply::accepted`] or [`Reply::conflict`]: there is one per code in the
/// IANA registry, and [`Reply::with_code`] for any other. `#[returns(..)]`
/// on the handler fixes `S` to the set of codes it declares, and a
/// constructor for any other code does not compile:
///
/// ```
/// use http_returns::{returns, Reply};
/// use http_returns::bundled as statuses; // the documents the codes are checked against
///
/// #[returns(202, 409)]
/// fn deliver(queue_full: bool) -> Reply<&'static str> {
///     if queue_full {
///         return Reply::conflict("try again later");
///     }
///     Reply::accepted("queued")
/// }
///
/// # fn main() {
/// assert_eq!(deliver(true).status(), http::StatusCode::CONFLICT);
/// assert_eq!(deliver(false).declared(), [202, 409]);
/// # }
/// ```
///
/// A helper that builds replies for its callers is generic over the set and
/// names the codes it needs:
///
/// ```
/// use http_returns::{returns, DeclaredSet, Declares, Reply};
/// use http_returns::bundled as statuses;
///
/// fn busy<S: DeclaredSet + Declares<409>>() -> Reply<String, S> {
///     Reply::conflict("busy".to_owned())
/// }
///
/// #[returns(202, 409)]
/// fn deliver() -> Reply<String> {
///     busy()
/// }
/// # fn main() { assert_eq!(deliver().status(), 409); }
/// ```
pub struct Reply<B, S = Undeclared> {
    pub(crate) status: StatusCode,
    pub(crate) body: B,
    declared: PhantomData<fn() -> S>,
}

impl<B, S: DeclaredSet> Reply<B, S> {
    /// Only the constructors call this, after checking `S: Declares<N>`.
    pub(crate) fn with_status(status: StatusCode, body: B) -> Self {
        Reply {
            status,
            body,
            declared: PhantomData,
        }
    }

    /// A reply with status `N`, for a code the documents list that has no
    /// constructor of its own (one outside the IANA registry, such as 499):
    /// `Reply::with_code::<499>(body)`. The handler's `#[returns(..)]` must
    /// list `N`, which it only does for codes in 100..=599.
    ///
    /// ```
    /// use http_returns::{returns, Reply};
    /// use http_returns::bundled as statuses;
    ///
    /// #[returns(202)]
    /// fn deliver() -> Reply<()> {
    ///     Reply::with_code::<202>(())
    /// }
    /// # fn main() { assert_eq!(deliver().status(), http::StatusCode::ACCEPTED); }
    /// ```
    pub fn with_code<const N: u16>(body: B) -> Self
    where
        S: Declares<N>,
    {
        const { assert!(100 <= N && N <= 599, "an HTTP status code is in 100..=599") };
        match StatusCode::from_u16(N) {
            Ok(status) => Reply::with_status(status, body),
            // `from_u16` takes every code in 100..=999, checked just above.
            Err(_) => unreachable!("status code {N} is in 100..=599"),
        }
    }

    /// The status this reply answers with.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The body.
    pub fn body(&self) -> &B {
        &self.body
    }

    /// The body, mutably; the status cannot change.
    pub fn body_mut(&mut self) -> &mut B {
        &mut self.body
    }

    /// The status and the body.
    pub fn into_parts(self) -> (StatusCode, B) {
        (self.status, self.body)
    }

    /// The same reply with its body changed by `f`: the status and the
    /// declared set stay, so the status cannot be changed on the way out.
    ///
    /// ```
    /// use http::StatusCode;
    /// use http_returns::{returns, Reply};
    /// use http_returns::bundled as statuses;
    ///
    /// #[returns(202)]
    /// fn deliver() -> Reply<String> {
    ///     Reply::accepted(7).map(|id| format!("task {id} queued"))
    /// }
    /// # fn main() {
    /// assert_eq!(deliver().into_parts(), (StatusCode::ACCEPTED, "task 7 queued".to_owned()));
    /// # }
    /// ```
    pub fn map<C>(self, f: impl FnOnce(B) -> C) -> Reply<C, S> {
        Reply::with_status(self.status, f(self.body))
    }

    /// The codes the handler declared, in the order its `#[returns(..)]` lists
    /// them: a `&'static` slice, so reading it costs nothing.
    pub fn declared(&self) -> &'static [u16] {
        S::CODES
    }
}

impl<B: fmt::Debug, S> fmt::Debug for Reply<B, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reply")
            .field("status", &self.status)
            .field("body", &self.body)
            .finish()
    }
}

impl<B: Clone, S> Clone for Reply<B, S> {
    fn clone(&self) -> Self {
        Reply {
            status: self.status,
            body: self.body.clone(),
            declared: PhantomData,
        }
    }
}

impl<B: PartialEq, S> PartialEq for Reply<B, S> {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status && self.body == other.body
    }
}

/// A set of status codes that a `#[returns(..)]` declares.
///
/// `#[returns(..)]` implements it, with [`Declares<N>`] for each listed code,
/// on a type of its own for each handler, after checking each code against
/// the crate's documents; a hand-written set is possible but is not checked.
#[diagnostic::on_unimplemented(
    message = "this `Reply` is built in a function without `#[returns(..)]`",
    label = "no `#[returns(..)]` declares the status of this reply",
    note = "add `#[returns(..)]` to the function, listing the status codes it answers with",
    note = "a helper that builds replies for a handler takes the handler's set as a generic `S: DeclaredSet + Declares<CODE>`"
)]
pub trait DeclaredSet {
    /// The declared codes, in declaration order.
    const CODES: &'static [u16];
    /// The documents the codes are checked against: a generated module's
    /// `Checks`, or a page's.
    type Documents;
    /// The page module that `page = <page module>` names (`returned_values`), if
    /// the attribute has one: `routing::Routes` reads it to
    /// find that page among the documents.
    // A literal, emitted only with `page =`: the documents' pages could be
    // named through `Documents` instead, but that costs every handler
    // (a const projected through `Documents`: 6% of a rebuild of 500
    // handlers, `cargo xtask bench-macro`; a bound on `Documents`: 13%).
    const PAGE: Option<&'static str> = None;
    /// The operation that `op = "METHOD /path"` names, as written
    /// (`POST /v3/groups`), if the attribute has one; the set then also
    /// implements [`NamedOperation`].
    const OPERATION: Option<&'static str> = None;
}

/// A declared set whose handler names its operation with
/// `#[returns(.., op = "METHOD /path")]` (its [`DeclaredSet::OPERATION`]): what
/// [`Routes::operation`](crate::routing::Routes::operation) registers the
/// handler at, so that its path is written once, in the attribute.
///
/// `#[returns(..)]` implements it beside [`DeclaredSet`], only where `op =`
/// is given; registering a handler without one by its operation does not
/// compile.
#[diagnostic::on_unimplemented(
    message = "this handler names no operation to be registered at",
    label = "its `#[returns(..)]` has no `op = \"METHOD /path\"`",
    note = "name the operation as its page states it under `URI`: `#[returns(200, 404, op = \"GET /v3/groups/{{group_id}}\")]`",
    note = "or register the handler at a path: `.route(\"/v3/groups/{{id}}\", get(handler))`"
)]
pub trait NamedOperation: DeclaredSet {}

/// The set declares code `N`: `Reply::<B, S>::not_found` needs `S: Declares<404>`.
///
/// The set's documents must list `N`: `#[returns(..)]` gives the crate's
/// (`crate::statuses::AllDocuments`), and an undocumented code fails
/// this bound where the attribute implements `Declares<N>`, at its literal.
#[diagnostic::on_unimplemented(
    message = "HTTP status code {N} is not declared by this handler's `#[returns(..)]`",
    label = "this reply has status {N}",
    note = "if the handler can answer with {N}, add it to its `#[returns(..)]`; the handler's pages must list {N} too (else document it there and regenerate the status module)",
    note = "a function without `#[returns(..)]` declares no code (its set is `Undeclared`): add `#[returns(..)]` to it, listing the codes it answers with"
)]
pub trait Declares<const N: u16>: DeclaredSet<Documents: Lists<N>> {}

/// Documents that list code `N`: what `Declares<N>` requires of a set's
/// `Documents`. Implemented through [`ListsCode`].
// No message of its own: rustc then words a failure with the generated
// `Documented<N>` behind it, which lists the documents' codes.
pub trait Lists<const N: u16> {}

/// What a generated module implements for its `Checks` types, where its own
/// `Documented<N>` holds: an undocumented code is then reported with that
/// module's message and list of codes. [`Lists`] has this one blanket impl,
/// so that rustc does not list every generated module in that error.
pub trait ListsCode<const N: u16> {}

impl<D: ListsCode<N>, const N: u16> Lists<N> for D {}

/// Documents that list every code: for sets that are not checked against
/// any, such as [`Undeclared`]. It has no pages.
#[derive(Debug, Clone, Copy)]
pub enum AnyCode {}

impl<const N: u16> ListsCode<N> for AnyCode {}

// What rustc gives a handler's `Documents` when `#[returns(.., op = "..")]`
// cannot reach the status module (it is not mounted): the missing module is
// then the one error, not one more per declared code.
impl<const N: u16> ListsCode<N> for () {}

/// The set of a `Reply` whose function has no `#[returns(..)]`: it declares
/// no code, so no reply of that type can be built.
#[derive(Debug, Clone, Copy)]
pub enum Undeclared {}
