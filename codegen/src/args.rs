//! The attribute's arguments: status codes, `page = <page module>`,
//! `op = "METHOD /path"`, `docs = path`, `crate = path`.
//! Every problem is collected, so the user sees all of them at once.

use proc_macro::{Literal, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Lit, LitInt, Path, Token};

use crate::errors::Errors;

/// A declared code and the literal that wrote it, for spans.
pub struct Code {
    /// The code, in 100..=599.
    pub value: u16,
    /// Where the user wrote it.
    pub span: Span,
}

impl Code {
    /// The code as a literal at the user's, so that rustc reports there.
    pub fn literal(&self) -> Literal {
        let mut literal = Literal::u16_unsuffixed(self.value);
        literal.set_span(self.span);
        literal
    }
}

/// The arguments, as far as they are valid.
pub struct Args {
    /// Valid codes, in the order written, without duplicates.
    pub codes: Vec<Code>,
    /// `page = <page module>`: check against that page's module only.
    pub page: Option<Vec<TokenTree>>,
    /// `op = "POST /v3/groups"`: check against the page that documents
    /// that operation.
    pub op: Option<Operation>,
    /// `docs = path`: the status module, instead of `crate::statuses`.
    pub docs: Option<Vec<TokenTree>>,
    /// `crate = path`: where the `http-returns` crate is.
    pub krate: Option<Vec<TokenTree>>,
}

/// `op = "POST /v3/groups/{id}"`, as written and as matched.
pub struct Operation {
    /// The operation as the user wrote it, at their span, for messages.
    pub written: Literal,
    /// Normalised as the generated module's `__operation!` arms are:
    /// `POST /v3/groups/{}`.
    pub normal: String,
}

enum Arg {
    Code(Code),
    Page(Path),
    Op(Operation),
    Docs(Path),
    Crate(Path),
}

/// Parses `tokens`, adding every problem found to `errors`.
pub fn parse(tokens: TokenStream, errors: &mut Errors) -> Args {
    let mut args = Args {
        codes: Vec::new(),
        page: None,
        op: None,
        docs: None,
        krate: None,
    };
    // Whether any argument meant to be a code was written, valid or not.
    let mut any_code_written = false;
    for chunk in split_at_commas(tokens) {
        let arg = match chunk {
            Chunk::Tokens(tokens) => match plain_code(&tokens) {
                Some(code) => Ok(Arg::Code(code)),
                None => Parser::parse2(parse_arg, TokenStream::from_iter(tokens).into()),
            },
            Chunk::Empty(comma) => Err(syn::Error::new(
                comma.into(),
                "expected an HTTP status code such as `404` before this comma",
            )),
        };
        any_code_written |= !matches!(
            arg,
            Ok(Arg::Page(_) | Arg::Op(_) | Arg::Docs(_) | Arg::Crate(_))
        );
        match arg {
            Ok(Arg::Code(code)) => {
                if args.codes.iter().any(|seen| seen.value == code.value) {
                    errors.push(syn::Error::new(
                        code.span.into(),
                        format!(
                            "`{}` is listed twice: list each status code once",
                            code.value
                        ),
                    ));
                } else {
                    args.codes.push(code);
                }
            }
            Ok(Arg::Page(path)) => {
                if args.op.is_some() {
                    errors.push(both_page_options(path.to_token_stream()));
                }
                set_once(&mut args.page, path, "page", errors);
            }
            Ok(Arg::Op(op)) => {
                if args.op.is_some() {
                    errors.push(syn::Error::new(
                        op.written.span().into(),
                        "`op` is given twice: give it once",
                    ));
                } else if args.page.is_some() {
                    errors.push(both_page_options(proc_macro2::TokenStream::from(
                        TokenStream::from(TokenTree::from(op.written.clone())),
                    )));
                } else {
                    args.op = Some(op);
                }
            }
            Ok(Arg::Docs(path)) => set_once(&mut args.docs, path, "docs", errors),
            Ok(Arg::Crate(path)) => set_once(&mut args.krate, path, "crate", errors),
            Err(error) => errors.push(error),
        }
    }
    if !any_code_written {
        errors.push(syn::Error::new(
            proc_macro2::Span::call_site(),
            "`#[returns(..)]` needs at least one HTTP status code, such as `#[returns(200)]`",
        ));
    }
    args
}

/// `page` and `op` both name the page a handler is checked against.
fn both_page_options(tokens: impl Into<proc_macro2::TokenStream>) -> syn::Error {
    syn::Error::new_spanned(
        tokens.into(),
        "give `page = <page module>` or `op = \"METHOD /path\"`, not both: each names the page \
         the codes are checked against",
    )
}

fn set_once(slot: &mut Option<Vec<TokenTree>>, path: Path, name: &str, errors: &mut Errors) {
    if slot.is_some() {
        errors.push(syn::Error::new_spanned(
            &path,
            format!("`{name}` is given twice: give it once"),
        ));
    } else {
        *slot = Some(
            TokenStream::from(path.to_token_stream())
                .into_iter()
                .collect(),
        );
    }
}

/// One argument, alone between commas.
fn parse_arg(input: ParseStream<'_>) -> syn::Result<Arg> {
    let arg = parse_arg_start(input)?;
    if !input.is_empty() {
        let rest: proc_macro2::TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            &rest,
            format!("expected `,` between arguments, found `{rest}`"),
        ));
    }
    Ok(arg)
}

fn parse_arg_start(input: ParseStream<'_>) -> syn::Result<Arg> {
    if input.peek(Lit) {
        return parse_literal(input).map(Arg::Code);
    }
    let name = if input.peek(Token![crate]) {
        let keyword: Token![crate] = input.parse()?;
        Ident::new("crate", keyword.span)
    } else if input.peek(Ident::peek_any) {
        input.call(Ident::parse_any)?
    } else {
        let found: proc_macro2::TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            &found,
            format!("expected an HTTP status code such as `404`, found `{found}`"),
        ));
    };
    let option = option(&name.to_string());
    if !input.peek(Token![=]) {
        let rest: proc_macro2::TokenStream = input.parse()?;
        let message = match option {
            Some((what, example)) => format!("`{name}` takes {what}: `{example}`"),
            None => format!("expected an HTTP status code such as `404`, found `{name}`"),
        };
        return Err(syn::Error::new_spanned(quote::quote!(#name #rest), message));
    }
    let equals: Token![=] = input.parse()?;
    let Some((what, example)) = option else {
        return Err(syn::Error::new(
            name.span(),
            format!(
                "unknown option `{name}`: expected status codes, `page = <page module>`, `op = \"METHOD /path\"`, \
                 `docs = <status module>` or `crate = <path>`"
            ),
        ));
    };
    if input.is_empty() {
        return Err(syn::Error::new(
            equals.span,
            format!("expected {what} after `{name} =`, such as `{example}`"),
        ));
    }
    parse_option_value(input, &name)
}

/// A literal where a code is expected: the code, or why it is not one.
fn parse_literal(input: ParseStream<'_>) -> syn::Result<Code> {
    match input.parse::<Lit>()? {
        Lit::Int(literal) => parse_code(&literal),
        Lit::Str(literal) => Err(syn::Error::new(
            literal.span(),
            format!(
                "expected an HTTP status code as an integer, found a string: write `{}` without quotes",
                literal.value()
            ),
        )),
        other => Err(syn::Error::new(
            other.span(),
            format!(
                "expected an HTTP status code as an integer such as `404`, found `{}`",
                token_text(&other)
            ),
        )),
    }
}

/// What option `name` takes, and an example, if it is one.
fn option(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "page" => Some(("the page's module", "page = returned_values")),
        "op" => Some((
            "an operation as the pages state it, a method and a path",
            "op = \"POST /v3/groups\"",
        )),
        "docs" => Some(("the path of a status module", "docs = crate::status")),
        "crate" => Some((
            "the path of the `http-returns` crate",
            "crate = ::my_returns",
        )),
        _ => None,
    }
}

/// The value after `name =`, for a known option.
fn parse_option_value(input: ParseStream<'_>, name: &Ident) -> syn::Result<Arg> {
    if name == "op" {
        return parse_op(input).map(Arg::Op);
    }
    let path = input.call(Path::parse_mod_style)?;
    match name.to_string().as_str() {
        "crate" => return Ok(Arg::Crate(path)),
        "docs" => return Ok(Arg::Docs(path)),
        _ => {}
    }
    if path.leading_colon.is_some() || path.segments.iter().any(|s| !s.arguments.is_none()) {
        return Err(syn::Error::new_spanned(
            &path,
            "expected a page's module inside the crate's documents (`statuses`), such as `page = returned_values`",
        ));
    }
    Ok(Arg::Page(path))
}

/// `"POST /v3/groups"`: a method in capitals, a space, a path from `/`.
fn parse_op(input: ParseStream<'_>) -> syn::Result<Operation> {
    let literal: syn::LitStr = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            "`op` takes an operation as a string, as the pages state it: `op = \"POST /v3/groups\"`",
        )
    })?;
    let value = literal.value();
    // One list of methods, the generator's: any method in capitals is
    // taken here, and the module's table says whether a page states it.
    let (method, path) = value.split_once(' ').unwrap_or((&value, ""));
    let well_formed = !method.is_empty()
        && method.bytes().all(|b| b.is_ascii_uppercase())
        && path.starts_with('/')
        && path.chars().all(|c| c.is_ascii_graphic());
    if !well_formed {
        let shown = crate::operation::shown(&value);
        let hidden = if shown == value {
            String::new()
        } else {
            " (with characters that are invisible or look like others, shown escaped)".to_owned()
        };
        return Err(syn::Error::new(
            literal.span(),
            format!(
                "`{shown}` is not an operation{hidden}: write a method in capitals, one space and a \
                 path of visible ASCII, as the pages state it under `URI`: `op = \"POST /v3/groups\"`"
            ),
        ));
    }
    // Into `proc_macro`'s span: the macro is running, so this holds.
    let mut written = Literal::string(&value);
    written.set_span(literal.span().unwrap());
    Ok(Operation {
        written,
        normal: crate::operation::normal(&value),
    })
}

/// The common case, read without syn (the macro runs on every rebuild):
/// one unsuffixed integer literal in 100..=599. Anything else goes to
/// `parse_arg`, which also words the errors.
fn plain_code(tokens: &[TokenTree]) -> Option<Code> {
    let [TokenTree::Literal(literal)] = tokens else {
        return None;
    };
    let text = literal.to_string();
    if text.len() != 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u16 = text.parse().ok().filter(|v| (100..=599).contains(v))?;
    Some(Code {
        value,
        span: literal.span(),
    })
}

fn parse_code(literal: &LitInt) -> syn::Result<Code> {
    if !matches!(literal.suffix(), "" | "u16") {
        return Err(syn::Error::new(
            literal.span(),
            format!(
                "expected an HTTP status code as a plain integer such as `404`, found `{literal}`"
            ),
        ));
    }
    let value = literal
        .base10_parse::<u64>()
        .ok()
        .filter(|v| (100..=599).contains(v));
    match value.and_then(|v| u16::try_from(v).ok()) {
        Some(value) => Ok(Code {
            value,
            // Into `proc_macro`'s span: the macro is running, so this holds.
            span: literal.span().unwrap(),
        }),
        None => Err(syn::Error::new(
            literal.span(),
            format!(
                "`{}` is not an HTTP status code: expected an integer from 100 to 599",
                literal.base10_digits()
            ),
        )),
    }
}

fn token_text(literal: &Lit) -> String {
    literal.to_token_stream().to_string()
}

enum Chunk {
    Tokens(Vec<TokenTree>),
    /// Nothing before this comma.
    Empty(Span),
}

/// The arguments between top-level commas; a trailing comma is allowed.
fn split_at_commas(tokens: TokenStream) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut current = Vec::new();
    for token in tokens {
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ',' => {
                let chunk = std::mem::take(&mut current);
                chunks.push(if chunk.is_empty() {
                    Chunk::Empty(punct.span())
                } else {
                    Chunk::Tokens(chunk)
                });
            }
            _ => current.push(token),
        }
    }
    if !current.is_empty() {
        chunks.push(Chunk::Tokens(current));
    }
    chunks
}
