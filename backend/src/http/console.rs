//! The console at `/admin/`: its built files (the single-page app in `backend/web`), its
//! cookie session, and the live preview of a page being edited.
//!
//! The session is an HttpOnly, SameSite=Strict cookie holding the same opaque token a bearer
//! client gets, so page scripts never see it. A cookie alone authenticates nothing: a request
//! must also carry `X-CSRF-Token`, a value derived from the session token that the console
//! reads from a second, script-readable cookie (a double-submit token bound to the session:
//! another site can neither read it nor compute it). A request with the cookie and without the
//! header runs signed out; with a wrong header it is refused.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::Variables;
use hromada_tenants::{DomainError, DomainResult, accounts};
use sha2::{Digest, Sha256};
use tracing_actix_web::RequestId;
use uuid::Uuid;

use super::{AppState, bearer_token};

/// The cookie holding the session token (HttpOnly).
pub const SESSION_COOKIE: &str = "hromada_session";
/// The cookie holding the CSRF token (readable by the console's scripts).
pub const CSRF_COOKIE: &str = "hromada_csrf";
/// The header a cookie-authenticated request repeats the CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How much longer than its session the CSRF cookie lives.
const CSRF_GRACE_SECS: i64 = 7 * 24 * 3600;

/// The console's policy: its own scripts only, no framing by others; frames of this origin
/// for the live preview.
pub const CONSOLE_CSP: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; \
    connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; frame-ancestors 'self'; \
    object-src 'none'; base-uri 'self'; form-action 'self'";

/// The CSRF token of a session token: a hash of it under a label of its own (the stored
/// session hash is another), so it proves the caller could read this origin's cookies.
pub fn csrf_of(token: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"hromada-console-csrf\0");
    hasher.update(token.as_bytes());
    hex::encode(&hasher.finalize()[..16])
}

/// Whether two strings are equal, in time independent of where they differ.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The token a request acts with: its bearer token, else the console's session cookie when
/// the CSRF header matches it, else none. A wrong CSRF header is `Forbidden`; the header
/// without the cookie (the session has ended, the console does not know yet) is
/// `Unauthenticated`, so the console asks the person to sign in again.
pub fn caller_token(req: &HttpRequest) -> DomainResult<Option<String>> {
    if let Some(token) = bearer_token(req) {
        return Ok(Some(token));
    }
    let sent = req.headers().get(CSRF_HEADER);
    let Some(session) = req.cookie(SESSION_COOKIE) else {
        return match sent {
            Some(_) => Err(DomainError::Unauthenticated(
                "the session has ended; sign in again".into(),
            )),
            None => Ok(None),
        };
    };
    let Some(sent) = sent else {
        return Ok(None);
    };
    let sent = sent.to_str().unwrap_or_default();
    if same(sent, &csrf_of(session.value())) {
        Ok(Some(session.value().to_owned()))
    } else {
        Err(DomainError::Forbidden(
            "x-csrf-token: does not match the session; sign in again".into(),
        ))
    }
}

/// What `POST /admin/session` takes.
#[derive(serde::Deserialize)]
pub struct SignIn {
    email: String,
    password: String,
}

const LOGIN: &str = "mutation ConsoleLogin($input: LoginInput!) { \
    login(input: $input) { token expiresAt } }";

/// `POST /admin/session`: signs in with e-mail and password (through the `login` mutation,
/// with its throttle) and sets the session cookies; answers `{csrf, expiresAt}` or GraphQL
/// errors.
pub async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    body: web::Json<SignIn>,
) -> HttpResponse {
    let body = body.into_inner();
    let variables = Variables::from_json(serde_json::json!({
        "input": { "email": body.email, "password": body.password }
    }));
    let request = async_graphql::Request::new(LOGIN).variables(variables);
    let response = match super::graphql::execute(&state, &req, request_id, request, None).await {
        Ok(response) => response,
        Err(refused) => return refused,
    };
    if !response.is_ok() {
        return super::graphql::answer(&response);
    }
    let data = response.data.into_json().unwrap_or_default();
    let (Some(token), Some(expires_at)) = (
        data["login"]["token"].as_str(),
        data["login"]["expiresAt"].as_str(),
    ) else {
        tracing::error!("login answered without a token");
        return HttpResponse::InternalServerError().finish();
    };
    let secure = is_https(&state, &req);
    let max_age = chrono::DateTime::parse_from_rfc3339(expires_at)
        .map(|at| (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_seconds())
        .unwrap_or(3600)
        .max(0);
    let csrf = csrf_of(token);
    // The CSRF cookie outlives the session by a week: the console keeps sending it, and the
    // server can say "the session has ended" instead of answering as to a stranger.
    HttpResponse::Ok()
        .cookie(cookie(
            SESSION_COOKIE,
            token.to_owned(),
            true,
            secure,
            max_age,
        ))
        .cookie(cookie(
            CSRF_COOKIE,
            csrf.clone(),
            false,
            secure,
            max_age + CSRF_GRACE_SECS,
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(serde_json::json!({ "csrf": csrf, "expiresAt": expires_at }))
}

/// `DELETE /admin/session`: ends the session (with its CSRF header) and clears the cookies.
pub async fn sign_out(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let token = match caller_token(&req) {
        Ok(token) => token,
        Err(DomainError::Unauthenticated(_)) => None,
        Err(e) => return super::graphql::error_response(e),
    };
    if let Some(token) = token
        && let Err(e) = accounts::logout(&state.db, &token).await
    {
        return super::graphql::error_response(e);
    }
    let secure = is_https(&state, &req);
    HttpResponse::Ok()
        .cookie(cookie(SESSION_COOKIE, String::new(), true, secure, 0))
        .cookie(cookie(CSRF_COOKIE, String::new(), false, secure, 0))
        .json(serde_json::json!({ "signedOut": true }))
}

fn is_https(state: &AppState, req: &HttpRequest) -> bool {
    super::base_url(state, req).starts_with("https://")
}

fn cookie(
    name: &'static str,
    value: String,
    http_only: bool,
    secure: bool,
    max_age: i64,
) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(http_only)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::seconds(max_age))
        .finish()
}

/// One built file in memory, with its gzip form when that is smaller.
struct File {
    bytes: web::Bytes,
    gzip: Option<web::Bytes>,
    content_type: &'static str,
}

/// The console's built files, read once at start.
#[derive(Default)]
pub struct ConsoleFiles {
    files: HashMap<String, File>,
    /// Why the console is missing, when it is.
    pub missing: Option<String>,
}

/// The largest console build read into memory.
const MAX_BUILD_BYTES: u64 = 64 * 1024 * 1024;

impl ConsoleFiles {
    /// Reads `dir` (Vite's `dist`): `index.html` and everything under it.
    pub fn load(dir: &Path) -> ConsoleFiles {
        let mut files = HashMap::new();
        let mut total = 0;
        if let Err(e) = read_dir(dir, dir, &mut files, &mut total) {
            tracing::warn!(dir = %dir.display(), error = %e, "the console is not built: /admin/ will say so");
            return ConsoleFiles {
                files: HashMap::new(),
                missing: Some(format!("{}: {e}", dir.display())),
            };
        }
        if !files.contains_key("index.html") {
            return ConsoleFiles {
                files,
                missing: Some(format!("{}: no index.html", dir.display())),
            };
        }
        ConsoleFiles {
            files,
            missing: None,
        }
    }
}

fn read_dir(
    root: &Path,
    dir: &Path,
    files: &mut HashMap<String, File>,
    total: &mut u64,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            read_dir(root, &path, files, total)?;
            continue;
        }
        *total += entry.metadata()?.len();
        if *total > MAX_BUILD_BYTES {
            return Err(std::io::Error::other("the build is larger than 64 MB"));
        }
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(&path)?;
        let content_type = content_type(&name);
        let gzip = compressible(content_type)
            .then(|| gzip(&bytes))
            .transpose()?
            .filter(|g| g.len() < bytes.len())
            .map(web::Bytes::from);
        files.insert(
            name,
            File {
                bytes: web::Bytes::from(bytes),
                gzip,
                content_type,
            },
        );
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("image/svg")
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `GET /admin/{path}`: a built file, content-hashed ones cached for a year; any other path
/// is a screen of the app, answered with `index.html`, never cached.
pub async fn serve(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let console = &state.console;
    if let Some(why) = &console.missing {
        return HttpResponse::ServiceUnavailable()
            .content_type("text/plain; charset=utf-8")
            .body(format!(
                "Консоль не зібрано: запустіть infra/setup.sh. / The console is not built: run infra/setup.sh.\n{why}"
            ));
    }
    let path = req.match_info().query("path");
    let (file, cache) = match console.files.get(path) {
        Some(file) if path.starts_with("assets/") => (file, "public, max-age=31536000, immutable"),
        Some(file) if path != "index.html" => (file, "public, max-age=3600"),
        _ => match console.files.get("index.html") {
            Some(index) => (index, "no-cache"),
            None => return HttpResponse::NotFound().finish(),
        },
    };
    let accepts_gzip = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    let mut response = HttpResponse::Ok();
    response
        .content_type(file.content_type)
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::VARY, "Accept-Encoding"))
        .insert_header((header::CONTENT_SECURITY_POLICY, CONSOLE_CSP));
    match (&file.gzip, accepts_gzip) {
        (Some(gz), true) => response
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(gz.clone()),
        _ => response.body(file.bytes.clone()),
    }
}

/// `GET /admin`: to `/admin/`.
pub async fn redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/admin/"))
        .finish()
}

/// What the live preview renders: the page's draft with these fields in place of the saved
/// ones.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewInput {
    title_uk: Option<String>,
    title_en: Option<String>,
    description_uk: Option<String>,
    description_en: Option<String>,
    blocks: Option<serde_json::Value>,
    #[serde(default)]
    en: bool,
}

/// `POST /admin/preview/{page}`: the page as the site would show it with the editor's unsaved
/// changes (the site's own rendering; nothing is saved). Answers HTML, or a JSON error naming
/// the field at fault.
pub async fn preview(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    id: web::Path<Uuid>,
    body: web::Json<PreviewInput>,
) -> HttpResponse {
    match render_preview(&state, &req, request_id, *id, body.into_inner()).await {
        Ok(html) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(html),
        Err(e) => super::graphql::error_response(e),
    }
}

async fn render_preview(
    state: &AppState,
    req: &HttpRequest,
    request_id: RequestId,
    id: Uuid,
    input: PreviewInput,
) -> DomainResult<String> {
    use hromada_site_builder::{block, page, render};
    let token = caller_token(req)?
        .ok_or_else(|| DomainError::Unauthenticated("sign in to preview".into()))?;
    let user = accounts::authenticate(&state.db, &token).await?;
    let tenant = super::resolve_tenant(state, req).await?;
    let tx = hromada_tenants::TenantTx::begin_read_only(
        &state.db,
        tenant,
        Some(user),
        Some(request_id.to_string()),
        hromada_tenants::Planning::Auto,
    )
    .await?;
    let mut current = page::read(&tx, &state.authz, id).await?;
    let content = &mut current.draft;
    for (to, from) in [
        (&mut content.title_uk, input.title_uk),
        (&mut content.title_en, input.title_en),
        (&mut content.description_uk, input.description_uk),
        (&mut content.description_en, input.description_en),
    ] {
        if let Some(v) = from {
            *to = v;
        }
    }
    if let Some(blocks) = &input.blocks {
        content.blocks = block::parse_blocks("blocks", blocks)?;
    }
    let (content, _) = std::mem::take(&mut current.draft).normalized().await?;
    current.draft = content;
    let stylesheet = state.assets.url("site.css").unwrap_or_default();
    let base_url = super::base_url(state, req);
    let lang = if input.en {
        render::Lang::En
    } else {
        render::Lang::Uk
    };
    let html = state
        .renderer
        .preview(&tx, &current, lang, &base_url, &stylesheet)
        .await;
    tx.rollback().await?;
    html
}
