//! Applying online and following a case on a community's site, without JavaScript: the
//! applicant proves an e-mail or a phone with a one-time code (an HttpOnly, SameSite=Strict
//! cookie then holds the applicant session), fills the form the card defines with its
//! documents, and gets the tracking number and access code; `/status` finds a case by number
//! and code, and shows its owner the forms to correct, answer, rate or cancel it. The pages
//! are the site's own frame around `apply.html` and `status.html` (site-builder), in
//! Ukrainian at `/…` and English at `/en/…`.
//!
//! Forms post to this origin only (the CSP's `form-action 'self'`); each form of a session
//! carries a token derived from the session (checked on every post), so a post from another
//! site cannot act for the applicant even where the cookie would be sent.

use std::collections::{BTreeMap, HashMap};

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use chrono_tz::Europe::Kyiv;
use futures_util::StreamExt;
use hromada_site_builder::render::{A11y, Lang, Request, Route};
use hromada_tenants::applications::case::{
    self, Case, CaseLinks, Channel, Correction, FailedLookup, Move, Person, Submission,
};
use hromada_tenants::applications::documents::{MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, Upload};
use hromada_tenants::applications::form::FieldKind;
use hromada_tenants::applications::notice::{date_en, date_uk, status_en};
use hromada_tenants::applications::payment;
use hromada_tenants::applications::status::{Action, Status};
use hromada_tenants::cnap::calendar::Term;
use hromada_tenants::identity::{self, Address};
use hromada_tenants::{DomainError, Tenant, TenantSource, TenantTx};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::AppState;
use super::site::{A11Y_COOKIE, host_community};

/// The cookie of an applicant session on community sites.
pub const APPLICANT_COOKIE: &str = "hromada_applicant";

/// The largest form post: the documents and a little text.
const MAX_FORM_BYTES: usize = MAX_DOCUMENTS * MAX_DOCUMENT_BYTES / 2 + 64 * 1024;
/// The largest text field of a form.
const MAX_TEXT_BYTES: usize = 8 * 1024;

/// The token a session's forms carry.
pub(super) fn csrf_of(token: &str) -> String {
    hex::encode(&Sha256::digest(format!("hromada-applicant-csrf\0{token}").as_bytes())[..16])
}

fn t(english: bool) -> Value {
    let pairs: &[(&str, &str, &str)] = &[
        ("fix", "Виправте, будь ласка:", "Please correct:"),
        (
            "signin_intro",
            "Щоб подати заяву, підтвердьте свою електронну пошту або номер мобільного: ми надішлемо код.",
            "To apply, confirm your e-mail or mobile number: we will send you a code.",
        ),
        (
            "address",
            "Електронна пошта або номер мобільного",
            "E-mail or mobile number",
        ),
        (
            "address_hint",
            "Наприклад, olena@example.com або 067 123 45 67",
            "For example, olena@example.com or 067 123 45 67",
        ),
        ("send_code", "Надіслати код", "Send the code"),
        ("eid_signin", "Увійти через", "Sign in with"),
        ("or", "або", "or"),
        (
            "code_sent",
            "Ми надіслали шестизначний код на",
            "We have sent a six-digit code to",
        ),
        ("code", "Код", "Code"),
        (
            "code_hint",
            "Код дійсний 10 хвилин",
            "The code is valid for 10 minutes",
        ),
        ("verify", "Підтвердити", "Confirm"),
        ("term", "Строк розгляду", "Term"),
        ("fee", "Адміністративний збір", "Fee"),
        ("uah", "грн", "UAH"),
        ("about_you", "Про вас", "About you"),
        (
            "details",
            "Відомості для послуги",
            "Details for the service",
        ),
        ("optional", "(необов’язково)", "(optional)"),
        ("documents", "Документи", "Documents"),
        (
            "documents_hint",
            "PDF, JPEG або PNG, до 10 МБ кожен.",
            "PDF, JPEG or PNG, up to 10 MB each.",
        ),
        ("payment", "Реквізити для оплати", "Payment details"),
        ("amount", "Сума", "Amount"),
        ("recipient", "Отримувач", "Recipient"),
        ("edrpou", "Код ЄДРПОУ", "EDRPOU code"),
        ("purpose", "Призначення платежу", "Purpose of payment"),
        (
            "consent_legend",
            "Згода на обробку персональних даних",
            "Consent to the processing of personal data",
        ),
        ("submit", "Подати заяву", "Submit the application"),
        (
            "accepted",
            "Заяву прийнято",
            "Your application has been received",
        ),
        ("your_number", "Номер заяви", "Application number"),
        ("your_code", "Код доступу", "Access code"),
        ("expected", "Очікуваний строк", "Expected by"),
        (
            "keep",
            "Збережіть номер і код: з ними можна перевірити стан заяви без входу. Ми також надіслали їх вам.",
            "Keep the number and the code: with them you can check the application without signing in. We have also sent them to you.",
        ),
        ("follow", "Перевірити стан заяви", "Check the application"),
        (
            "lookup_intro",
            "Введіть номер заяви та код доступу з підтвердження.",
            "Enter the application number and the access code from the confirmation.",
        ),
        ("number", "Номер заяви", "Application number"),
        (
            "number_hint",
            "Наприклад, PTR-2026-000123-4",
            "For example, PTR-2026-000123-4",
        ),
        ("find", "Знайти", "Find"),
        ("status", "Стан", "Status"),
        ("submitted", "Подано", "Submitted"),
        (
            "paused",
            "Строк зупинено, доки заявник не відповість",
            "The term stands still until the applicant answers",
        ),
        ("fix_by", "Виправити до", "Correct by"),
        ("paid", "сплачено", "paid"),
        ("remarks", "Зауваження", "Remarks"),
        ("question", "Запитання до вас", "A question for you"),
        ("decision", "Рішення", "Decision"),
        ("approved", "Послугу надано", "Approved"),
        ("refused", "У наданні послуги відмовлено", "Refused"),
        ("grounds", "Підстави", "Grounds"),
        ("legal_basis", "Правова підстава", "Legal basis"),
        ("history", "Історія", "History"),
        ("correct", "Виправити заяву", "Correct the application"),
        ("comment", "Коментар", "Comment"),
        (
            "send_correction",
            "Надіслати виправлення",
            "Send the correction",
        ),
        ("answer", "Відповісти", "Answer"),
        ("your_answer", "Ваша відповідь", "Your answer"),
        ("send_answer", "Надіслати відповідь", "Send the answer"),
        ("rate", "Оцініть послугу", "Rate the service"),
        (
            "rate_question",
            "Наскільки ймовірно, що ви порадите цю послугу знайомим? 0 — зовсім ні, 10 — безумовно",
            "How likely are you to recommend this service? 0 — not at all, 10 — certainly",
        ),
        ("send_rating", "Надіслати оцінку", "Send the rating"),
        ("rated", "Ваша оцінка", "Your rating"),
        ("cancel", "Відкликати заяву", "Withdraw the application"),
        (
            "signin_to_act",
            "Увійдіть, щоб виправити, відповісти чи оцінити",
            "Sign in to correct, answer or rate",
        ),
        (
            "done_correct",
            "Виправлення надіслано.",
            "The correction has been sent.",
        ),
        (
            "done_answer",
            "Відповідь надіслано.",
            "The answer has been sent.",
        ),
        (
            "done_rate",
            "Дякуємо за оцінку!",
            "Thank you for the rating!",
        ),
        ("pay", "Оплата", "Payment"),
        ("pay_online", "Сплатити онлайн", "Pay online"),
        ("recipient", "Отримувач", "Recipient"),
        ("iban", "IBAN", "IBAN"),
        ("edrpou", "Код ЄДРПОУ", "EDRPOU code"),
        ("purpose", "Призначення платежу", "Purpose of payment"),
        ("amount", "Сума", "Amount"),
        ("receipt", "Квитанція про оплату", "Receipt of payment"),
        (
            "receipt_hint",
            "PDF, JPEG або PNG, до 10 МБ. ЦНАП перевірить і підтвердить оплату.",
            "PDF, JPEG or PNG, up to 10 MB. The CNAP checks it and confirms the payment.",
        ),
        ("send_receipt", "Надіслати квитанцію", "Send the receipt"),
        (
            "receipt_sent",
            "Квитанцію отримано, чекаємо підтвердження оплати.",
            "The receipt is in; the payment awaits confirmation.",
        ),
        (
            "done_receipt",
            "Квитанцію надіслано.",
            "The receipt has been sent.",
        ),
        (
            "done_cancel",
            "Заяву відкликано.",
            "The application has been withdrawn.",
        ),
    ];
    Value::Object(
        pairs
            .iter()
            .map(|(k, uk, en)| ((*k).to_owned(), json!(if english { en } else { uk })))
            .collect(),
    )
}

/// The language and path of a request (`/en/…` is English).
pub(super) fn lang_of(req: &HttpRequest) -> (bool, String) {
    let path = req.path();
    match path.strip_prefix("/en") {
        Some(rest) if rest.starts_with('/') => (true, path.to_owned()),
        _ => (false, path.to_owned()),
    }
}

pub(super) fn prefix(english: bool) -> &'static str {
    if english { "/en" } else { "" }
}

/// A field's element id in the page: `person.fullName` → `person-fullName`.
pub(super) fn id_of(field: &str) -> String {
    field
        .chars()
        .filter(|c| *c != ']')
        .map(|c| if c == '.' || c == '[' { '-' } else { c })
        .collect()
}

pub(super) fn message_of(err: &DomainError, english: bool) -> String {
    let text = match err {
        DomainError::Invalid { field, reason } => format!("{field}: {reason}"),
        DomainError::Throttled { .. } => {
            return if english {
                "Too many attempts; try again later.".into()
            } else {
                "Забагато спроб; спробуйте пізніше.".into()
            };
        }
        other => other.to_string(),
    };
    if english {
        text
    } else {
        hromada_graphql::messages::ukrainian(&text).unwrap_or(text)
    }
}

pub(super) struct Page<'a> {
    pub(super) state: &'a AppState,
    pub(super) req: &'a HttpRequest,
    pub(super) tenant: Tenant,
    pub(super) english: bool,
    pub(super) path: String,
}

impl Page<'_> {
    pub(super) async fn render(
        &self,
        tx: &TenantTx,
        template: &str,
        title: &str,
        ctx: Value,
        status: u16,
    ) -> HttpResponse {
        let base = super::base_url(self.state, self.req);
        let stylesheet = self.state.assets.url("site.css").unwrap_or_default();
        let script = self.state.assets.url("site.js").unwrap_or_default();
        let a11y = A11y::from_cookie(self.req.cookie(A11Y_COOKIE).as_ref().map(|c| c.value()));
        let request = Request {
            route: Route::Page(self.path.clone()),
            lang: if self.english { Lang::En } else { Lang::Uk },
            a11y,
            base_url: &base,
            stylesheet: &stylesheet,
            script: &script,
            path: &self.path,
        };
        match self
            .state
            .renderer
            .framed(tx, &request, template, title, ctx)
            .await
        {
            Ok(html) => HttpResponse::build(
                actix_web::http::StatusCode::from_u16(status)
                    .unwrap_or(actix_web::http::StatusCode::OK),
            )
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header(("X-Robots-Tag", "noindex"))
            .body(html),
            Err(e) => page_error(e),
        }
    }
}

pub(super) fn page_error(e: DomainError) -> HttpResponse {
    let status = super::status_of(&e);
    if status.is_server_error() {
        tracing::error!(error = %e, "page failed");
    }
    HttpResponse::build(status)
        .content_type("text/plain; charset=utf-8")
        .body(if status.is_server_error() {
            "internal error".to_owned()
        } else {
            e.to_string()
        })
}

/// The request's community, its language, and the applicant of the cookie (if still valid).
pub(super) async fn context<'a>(
    state: &'a AppState,
    req: &'a HttpRequest,
) -> Result<(Page<'a>, Option<(String, identity::Applicant)>), HttpResponse> {
    let tenant = match host_community(state, req).await {
        Ok(Some(t)) => t,
        Ok(None) => return Err(HttpResponse::NotFound().body("no community site here")),
        Err(e) => return Err(page_error(e)),
    };
    let (english, path) = lang_of(req);
    let session = match req.cookie(APPLICANT_COOKIE) {
        Some(c) if c.value().starts_with(identity::TOKEN_PREFIX) => {
            identity::authenticate(&state.db, c.value())
                .await
                .ok()
                .map(|a| (c.value().to_owned(), a))
        }
        _ => None,
    };
    Ok((
        Page {
            state,
            req,
            tenant,
            english,
            path,
        },
        session,
    ))
}

pub(super) async fn begin(
    state: &AppState,
    tenant: &Tenant,
    applicant: Option<uuid::Uuid>,
) -> Result<TenantTx, DomainError> {
    let mut tx = TenantTx::begin(
        &state.db,
        Some((tenant.clone(), TenantSource::Host)),
        None,
        None,
    )
    .await?;
    if let Some(id) = applicant {
        tx.set_applicant(id).await?;
    }
    Ok(tx)
}

fn term_text(term: Term, english: bool) -> String {
    hromada_site_builder::render::term_text(if english { Lang::En } else { Lang::Uk }, term)
}

/// A form's posted fields and files.
#[derive(Default)]
pub(super) struct Posted {
    pub(super) texts: HashMap<String, String>,
    files: Vec<(String, String, Vec<u8>)>,
}

/// Reads a multipart (or url-encoded) form post under its limits.
pub(super) async fn read_form(
    req: &HttpRequest,
    mut payload: web::Payload,
) -> Result<Posted, DomainError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| DomainError::invalid("body", e.to_string()))?;
            if body.len() + chunk.len() > 64 * 1024 {
                return Err(DomainError::invalid("body", "is too large"));
            }
            body.extend_from_slice(&chunk);
        }
        let texts: HashMap<String, String> = url::form_urlencoded::parse(&body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        return Ok(Posted {
            texts,
            files: Vec::new(),
        });
    }
    let boundary = multer::parse_boundary(&content_type)
        .map_err(|_| DomainError::invalid("body", "is not a form post"))?;
    let constraints = multer::Constraints::new().size_limit(
        multer::SizeLimit::new()
            .whole_stream(MAX_FORM_BYTES as u64)
            .per_field(MAX_DOCUMENT_BYTES as u64 + 1),
    );
    let stream = super::multipart::sendable(payload);
    let mut multipart = multer::Multipart::with_constraints(stream, boundary, constraints);
    let mut posted = Posted::default();
    let mut parts = 0;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| DomainError::invalid("body", e.to_string()))?
    {
        parts += 1;
        if parts > 100 {
            return Err(DomainError::invalid("body", "has too many fields"));
        }
        let name = field
            .name()
            .unwrap_or_default()
            .chars()
            .take(64)
            .collect::<String>();
        let file_name = field.file_name().map(str::to_owned);
        let mut bytes = Vec::new();
        while let Some(chunk) = field
            .chunk()
            .await
            .map_err(|e| DomainError::invalid(&name, e.to_string()))?
        {
            bytes.extend_from_slice(&chunk);
            let limit = if file_name.is_some() {
                MAX_DOCUMENT_BYTES + 1
            } else {
                MAX_TEXT_BYTES
            };
            if bytes.len() > limit {
                return Err(DomainError::invalid(name, "is too large"));
            }
        }
        match file_name {
            Some(f) if !bytes.is_empty() => {
                if posted.files.len() >= MAX_DOCUMENTS {
                    return Err(DomainError::invalid("documents", "too many files"));
                }
                posted.files.push((name, f, bytes));
            }
            Some(_) => {}
            None => {
                posted
                    .texts
                    .insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    Ok(posted)
}

fn uploads(posted: &mut Posted) -> Vec<Upload> {
    posted
        .files
        .drain(..)
        .filter_map(|(name, file_name, bytes)| {
            let slot = name
                .strip_prefix("documents[")?
                .strip_suffix(']')?
                .parse::<usize>()
                .ok()?;
            Some(Upload {
                slot,
                file_name,
                bytes,
            })
        })
        .collect()
}

pub(super) fn checked_csrf(posted: &Posted, token: &str) -> Result<(), DomainError> {
    if posted.texts.get("csrf").map(String::as_str) == Some(csrf_of(token).as_str()) {
        Ok(())
    } else {
        Err(DomainError::Forbidden(
            "the form is stale or came from another site; reload the page".into(),
        ))
    }
}

pub(super) fn session_cookie(token: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(APPLICANT_COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::days(identity::SESSION_DAYS))
        .finish()
}

fn service_id_of(raw: &str) -> Option<uuid::Uuid> {
    raw.parse().ok()
}

/// Renders the form of `service_id` (or the sign-in step without a session).
#[allow(clippy::too_many_arguments)]
async fn form_page(
    page: &Page<'_>,
    session: Option<&(String, identity::Applicant)>,
    service_id: uuid::Uuid,
    step: &str,
    values: &HashMap<String, String>,
    error: Option<&DomainError>,
    done: Option<Value>,
) -> HttpResponse {
    let english = page.english;
    let tx = match begin(page.state, &page.tenant, session.map(|s| s.1.id)).await {
        Ok(tx) => tx,
        Err(e) => return page_error(e),
    };
    let form = match case::form(&tx, service_id).await {
        Ok(f) => f,
        Err(e) => return page_error(e),
    };
    let card = &form.card;
    let name = if english && !card.name_en.is_empty() {
        &card.name_en
    } else {
        &card.name_uk
    };
    let field_of = |e: &DomainError| match e {
        DomainError::Invalid { field, .. } => field.clone(),
        DomainError::Unauthenticated(_) | DomainError::Throttled { .. } => {
            if step == "code" {
                "code".into()
            } else {
                "address".into()
            }
        }
        _ => "form".into(),
    };
    let errors: Vec<Value> = error
        .map(|e| vec![json!({"id": id_of(&field_of(e)), "message": message_of(e, english)})])
        .unwrap_or_default();
    let error_fields: BTreeMap<String, String> = error
        .map(|e| (field_of(e), message_of(e, english)))
        .into_iter()
        .collect();
    let value = |k: &str| values.get(k).cloned().unwrap_or_default();
    let applicant = session.map(|s| &s.1);
    let base = format!("{}/apply/{service_id}", prefix(english));
    let person_fields: Vec<Value> = [
        ("person.fullName", if english { "Full name" } else { "Прізвище, ім’я, по батькові" }, "text", "name", true, "", applicant.map(|a| a.display_name.clone())),
        ("person.email", if english { "E-mail" } else { "Електронна пошта" }, "email", "email", false, "", applicant.and_then(|a| a.email.clone())),
        ("person.phone", if english { "Mobile phone" } else { "Мобільний телефон" }, "tel", "tel", false, if english { "For SMS about the application" } else { "Для SMS про стан заяви" }, applicant.and_then(|a| a.phone.clone())),
        ("person.rnokpp", if english { "RNOKPP (individual tax number)" } else { "РНОКПП (реєстраційний номер облікової картки платника податків)" }, "text", "off", !card.rnokpp_optional, if english { "10 digits" } else { "10 цифр" }, None),
    ]
    .into_iter()
    .map(|(field, label, kind, autocomplete, required, hint, known)| {
        let v = values.get(field).cloned().or(known).unwrap_or_default();
        json!({"id": id_of(field), "name": field, "label": label, "type": kind, "autocomplete": autocomplete,
               "required": required, "hint": hint, "value": v, "error": error_fields.get(field)})
    })
    .collect();
    let fields: Vec<Value> = card
        .form_fields
        .iter()
        .map(|f| {
            let key = format!("fields.{}", f.key);
            let (kind, pattern, hint) = match f.kind {
                FieldKind::Number => ("text", Some("[0-9]+([.,][0-9]+)?"), ""),
                FieldKind::Date => ("date", None, ""),
                FieldKind::Cadastral | FieldKind::Parcel => (
                    "text",
                    Some("[0-9]{10}:[0-9]{2}:[0-9]{3}:[0-9]{4}"),
                    "NNNNNNNNNN:NN:NNN:NNNN",
                ),
                _ => ("text", None, ""),
            };
            json!({"id": id_of(&key), "name": key, "kind": f.kind.as_str(), "type": kind, "pattern": pattern,
                   "hint": hint, "label": if english && !f.label_en.is_empty() { &f.label_en } else { &f.label_uk },
                   "required": f.required, "options": f.options, "value": value(&key), "error": error_fields.get(&key)})
        })
        .collect();
    let documents: Vec<Value> = card
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let key = format!("documents[{i}]");
            json!({"id": id_of(&key), "name_attr": key, "name": d.name, "requirements": d.requirements,
                   "required": true, "error": error_fields.get(&key)})
        })
        .collect();
    let term = card.term_or_default();
    let payment = form.fee.map(|fee| {
        json!({"amount": format!("{fee:.2}"), "recipient": card.cost.recipient, "iban": card.cost.iban,
               "edrpou": card.cost.edrpou,
               "purpose": format!("Адміністративний збір за послугу «{}»", card.name_uk)})
    });
    let ctx = json!({
        "t": t(english),
        "step": step,
        "service_name": name,
        "errors": errors,
        "error_fields": error_fields,
        "values": values,
        "csrf": session.map(|s| csrf_of(&s.0)).unwrap_or_default(),
        "code_action": format!("{base}/code"),
        "eid": page.state.identity.as_ref().map(|p| json!({
            "name": page.state.config.oidc_name,
            "href": format!("/auth/oidc/start?return_to={}", hromada_site_builder::render::urlencode(&base)),
            "provider": p.name(),
        })),
        "verify_action": format!("{base}/verify"),
        "submit_action": base,
        "person_fields": person_fields,
        "fields": fields,
        "documents": documents,
        "payment": payment,
        "term_text": term_text(term, english),
        "consent_version": case::CONSENT_VERSION,
        "consent_text": if english { case::CONSENT_EN } else { case::CONSENT_UK },
        "tracking": done.as_ref().map(|d| d["tracking"].clone()),
        "code": done.as_ref().map(|d| d["code"].clone()),
        "due": done.as_ref().map(|d| d["due"].clone()),
        "status_href": done.as_ref().map(|d| d["status_href"].clone()),
    });
    let title = if english {
        "Apply online"
    } else {
        "Подати заяву онлайн"
    };
    let status = match error {
        Some(e) => super::status_of(e).as_u16(),
        None => 200,
    };
    let out = page.render(&tx, "apply.html", title, ctx, status).await;
    let _ = tx.rollback().await;
    out
}

/// `GET /apply/{service}`: the form, or the sign-in step.
pub async fn apply_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    service: web::Path<String>,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(service_id) = service_id_of(&service) else {
        return HttpResponse::NotFound().body("no such service");
    };
    let step = if session.is_some() { "form" } else { "signin" };
    form_page(
        &page,
        session.as_ref(),
        service_id,
        step,
        &HashMap::new(),
        None,
        None,
    )
    .await
}

/// `POST /apply/{service}/code`: sends a code to the address.
pub async fn apply_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    service: web::Path<String>,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(service_id) = service_id_of(&service) else {
        return HttpResponse::NotFound().body("no such service");
    };
    let posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => {
            return form_page(
                &page,
                session.as_ref(),
                service_id,
                "signin",
                &HashMap::new(),
                Some(&e),
                None,
            )
            .await;
        }
    };
    let address_text = posted.texts.get("address").cloned().unwrap_or_default();
    let sent = async {
        let address = Address::parse("address", &address_text)?;
        identity::request_code(
            &state.db,
            &address,
            &super::client_addr(&state, &req),
            page.english,
        )
        .await?;
        Ok::<_, DomainError>(match address {
            Address::Email(a) | Address::Phone(a) => a,
        })
    }
    .await;
    match sent {
        Ok(address) => {
            state.outbox_wake.notify_one();
            let values = HashMap::from([("address".to_owned(), address)]);
            form_page(
                &page,
                session.as_ref(),
                service_id,
                "code",
                &values,
                None,
                None,
            )
            .await
        }
        Err(e) => {
            let values = HashMap::from([("address".to_owned(), address_text)]);
            form_page(
                &page,
                session.as_ref(),
                service_id,
                "signin",
                &values,
                Some(&e),
                None,
            )
            .await
        }
    }
}

/// `POST /apply/{service}/verify`: checks the code; the session goes into a cookie.
pub async fn apply_verify(
    state: web::Data<AppState>,
    req: HttpRequest,
    service: web::Path<String>,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(service_id) = service_id_of(&service) else {
        return HttpResponse::NotFound().body("no such service");
    };
    let posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => {
            return form_page(
                &page,
                session.as_ref(),
                service_id,
                "signin",
                &HashMap::new(),
                Some(&e),
                None,
            )
            .await;
        }
    };
    let address_text = posted.texts.get("address").cloned().unwrap_or_default();
    let code = posted.texts.get("code").cloned().unwrap_or_default();
    let verified = async {
        let address = Address::parse("address", &address_text)?;
        identity::verify_code(&state.db, &address, &code).await
    }
    .await;
    match verified {
        Ok(s) => {
            let secure = state.config.public_url().starts_with("https://");
            HttpResponse::SeeOther()
                .cookie(session_cookie(&s.token, secure))
                .insert_header((
                    header::LOCATION,
                    format!("{}/apply/{service_id}", prefix(page.english)),
                ))
                .finish()
        }
        Err(e) => {
            let values = HashMap::from([("address".to_owned(), address_text)]);
            form_page(
                &page,
                session.as_ref(),
                service_id,
                "code",
                &values,
                Some(&e),
                None,
            )
            .await
        }
    }
}

/// `POST /apply/{service}`: submits the application.
pub async fn apply_submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    service: web::Path<String>,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(service_id) = service_id_of(&service) else {
        return HttpResponse::NotFound().body("no such service");
    };
    let Some(session) = session else {
        return form_page(
            &page,
            None,
            service_id,
            "signin",
            &HashMap::new(),
            None,
            None,
        )
        .await;
    };
    let mut posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => {
            return form_page(
                &page,
                Some(&session),
                service_id,
                "form",
                &HashMap::new(),
                Some(&e),
                None,
            )
            .await;
        }
    };
    if let Err(e) = checked_csrf(&posted, &session.0) {
        return page_error(e);
    }
    let documents = uploads(&mut posted);
    let text = |k: &str| {
        posted
            .texts
            .get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let fields: BTreeMap<String, String> = posted
        .texts
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("fields.")
                .map(|key| (key.to_owned(), v.clone()))
        })
        .collect();
    let submission = Submission {
        service_id,
        person: Person {
            full_name: text("person.fullName").unwrap_or_default(),
            email: text("person.email"),
            phone: text("person.phone"),
            rnokpp: text("person.rnokpp"),
        },
        fields,
        documents,
        consent_version: text("consent").unwrap_or_default(),
        english: page.english,
        channel: Channel::Web,
        received_on: None,
        copied_from: None,
    };
    let links = CaseLinks {
        public_url: state.config.public_url(),
    };
    let result = async {
        let tx = begin(&state, &page.tenant, Some(session.1.id)).await?;
        let done =
            case::submit(&tx, &state.authz, state.blobs.as_ref(), &links, submission).await?;
        tx.commit().await?;
        Ok::<_, DomainError>(done)
    }
    .await;
    match result {
        Ok(done) => {
            state.outbox_wake.notify_one();
            let due = done
                .case
                .due_date
                .map(|d| if page.english { date_en(d) } else { date_uk(d) });
            let info = json!({
                "tracking": done.case.tracking,
                "code": done.access_code,
                "due": due,
                "status_href": format!("{}/status/{}?code={}", prefix(page.english), done.case.tracking, done.access_code),
            });
            form_page(
                &page,
                Some(&session),
                service_id,
                "done",
                &HashMap::new(),
                None,
                Some(info),
            )
            .await
        }
        Err(e) => {
            let values = posted.texts.clone();
            form_page(
                &page,
                Some(&session),
                service_id,
                "form",
                &values,
                Some(&e),
                None,
            )
            .await
        }
    }
}

/// Finds a case by number and code; a failure counts toward the lookup throttle.
async fn find_case(
    state: &AppState,
    req: &HttpRequest,
    tx: &TenantTx,
    number: &str,
    code: &str,
) -> Result<Case, DomainError> {
    let client = super::client_addr(state, req);
    case::check_lookup_throttle(tx.conn(), &client).await?;
    match case::by_tracking(tx, number, code).await {
        Ok(c) => Ok(c),
        Err(e @ (DomainError::NotFound(_) | DomainError::Invalid { .. })) => {
            if let Err(err) = (FailedLookup {
                client_addr: client,
            })
            .record(&state.db)
            .await
            {
                tracing::error!(error = %err, "a failed lookup was not recorded");
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
}

fn date_of(d: NaiveDate, english: bool) -> String {
    if english { date_en(d) } else { date_uk(d) }
}

fn status_name(s: Status, english: bool) -> &'static str {
    if english { status_en(s) } else { s.name_uk() }
}

/// The view of a case on its status page.
async fn case_view(
    tx: &TenantTx,
    case: &Case,
    english: bool,
    own: bool,
) -> Result<Value, DomainError> {
    let history = case::events(tx.conn(), case.tenant_id, case.id).await?;
    let card = case::form(tx, case.service_id).await.ok().map(|f| f.card);
    let label_of = |field: &str| -> String {
        if let Some(card) = &card {
            if let Some(i) = field
                .strip_prefix("documents[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|i| i.parse::<usize>().ok())
                && let Some(d) = card.documents.get(i)
            {
                return d.name.clone();
            }
            if let Some(key) = field.strip_prefix("fields.")
                && let Some(f) = card.form_fields.iter().find(|f| f.key == key)
            {
                return if english && !f.label_en.is_empty() {
                    f.label_en.clone()
                } else {
                    f.label_uk.clone()
                };
            }
        }
        field.to_owned()
    };
    let rating = case::rating(tx.conn(), case.tenant_id, case.id).await?;
    let can_act = case.applicant_id.is_some();
    let unpaid = case.fee.is_some() && case.paid_at.is_none() && !case.status.is_closed();
    let receipt_sent = unpaid
        && case::documents_of(tx.conn(), case.tenant_id, case.id)
            .await?
            .iter()
            .any(|d| d.slot == payment::RECEIPT_SLOT);
    let payment = match (&card, case.fee) {
        (Some(card), Some(fee)) if unpaid => {
            let d = payment::details(card, fee, Some(&case.tracking));
            let checkout = payment::provider().checkout_url(&case.tracking, &d);
            Some(
                json!({"recipient": d.recipient, "iban": d.iban, "edrpou": d.edrpou,
                        "purpose": d.purpose, "details": d.details, "amount": d.amount,
                        "checkout": checkout}),
            )
        }
        _ => None,
    };
    Ok(json!({
        "tracking": case.tracking,
        "service_name": if english && !case.service_name_en.is_empty() { &case.service_name_en } else { &case.service_name_uk },
        "status_name": status_name(case.status, english),
        "submitted": date_of(case.submitted_at.with_timezone(&Kyiv).date_naive(), english),
        "due": case.due_date.map(|d| date_of(d, english)),
        "paused": case.status.pauses_term(),
        "fix_by": case.fix_by.map(|d| date_of(d, english)),
        "fee": case.fee.map(|f| format!("{f:.2}")),
        "paid": case.paid_at.is_some(),
        "remarks": case.remarks.iter().map(|r| json!({"label": label_of(&r.field), "text": r.text})).collect::<Vec<_>>(),
        "clarification": case.clarification.as_ref().filter(|_| case.status == Status::ClarificationRequested),
        "decision": case.decision.as_ref().map(|d| json!({"approved": d.approved, "grounds": d.grounds, "legal_basis": d.legal_basis})),
        "history": history.iter().map(|h| {
            let at = h.at.with_timezone(&Kyiv);
            json!({
                "at": at.format("%d.%m.%Y %H:%M").to_string(),
                "at_iso": at.to_rfc3339(),
                "status": Status::parse("status", &h.status_to).map(|s| status_name(s, english)).unwrap_or(""),
                "comment": if h.actor_kind == "staff" || h.actor_kind == "applicant" { h.comment.clone() } else { String::new() },
            })
        }).collect::<Vec<_>>(),
        "version": case.version,
        "can_act": can_act,
        "can_correct": own && case.status == Status::LeftWithoutMovement,
        "can_answer": own && case.status == Status::ClarificationRequested,
        "can_rate": own && case.status.is_decided() && rating.is_none(),
        "can_cancel": own && !case.status.is_decided() && !case.status.is_closed(),
        "payment": payment,
        "receipt_sent": receipt_sent,
        "can_send_receipt": own && unpaid,
        "rating": rating.map(|r| r.0),
        "remarked_documents": case.remarks.iter().filter(|r| r.field.starts_with("documents[")).map(|r| json!({"id": id_of(&r.field), "name_attr": r.field, "name": label_of(&r.field)})).collect::<Vec<_>>(),
        "remarked_fields": case.remarks.iter().filter(|r| r.field.starts_with("fields.")).map(|r| {
            let key = r.field.trim_start_matches("fields.");
            json!({"id": id_of(&r.field), "name": r.field, "label": label_of(&r.field), "value": case.fields.get(key).cloned().unwrap_or_default()})
        }).collect::<Vec<_>>(),
    }))
}

#[allow(clippy::too_many_arguments)]
async fn status_page(
    page: &Page<'_>,
    session: Option<&(String, identity::Applicant)>,
    number: &str,
    code: &str,
    message: Option<&str>,
    error: Option<DomainError>,
) -> HttpResponse {
    let english = page.english;
    let tx = match begin(page.state, &page.tenant, session.map(|s| s.1.id)).await {
        Ok(tx) => tx,
        Err(e) => return page_error(e),
    };
    let mut errors = Vec::new();
    let mut view = Value::Null;
    let mut own = false;
    if !number.trim().is_empty() {
        match find_case(page.state, page.req, &tx, number.trim(), code.trim()).await {
            Ok(c) => {
                own = session.is_some_and(|s| c.applicant_id == Some(s.1.id));
                match case_view(&tx, &c, english, own).await {
                    Ok(v) => view = v,
                    Err(e) => return page_error(e),
                }
            }
            Err(e) => errors.push(json!({"id": "number", "message": message_of(&e, english)})),
        }
    }
    if let Some(e) = &error {
        let field = match e {
            DomainError::Invalid { field, .. } => field.clone(),
            _ => "form".into(),
        };
        errors.push(json!({"id": id_of(&field), "message": message_of(e, english)}));
    }
    let tracking = view["tracking"].as_str().unwrap_or(number).to_owned();
    let query = format!(
        "?code={}",
        hromada_site_builder::render::urlencode(code.trim())
    );
    let base = format!("{}/status/{tracking}", prefix(english));
    let ctx = json!({
        "t": t(english),
        "case": view,
        "own": own,
        "message": message,
        "errors": errors,
        "values": {"number": number, "code": code},
        "csrf": session.map(|s| csrf_of(&s.0)).unwrap_or_default(),
        "lookup_action": format!("{}/status", prefix(english)),
        "correct_action": format!("{base}/correct{query}"),
        "answer_action": format!("{base}/answer{query}"),
        "rate_action": format!("{base}/rate{query}"),
        "cancel_action": format!("{base}/cancel{query}"),
        "receipt_action": format!("{base}/receipt{query}"),
        "signin_href": format!("{}/status/{tracking}/sign-in{query}", prefix(english)),
    });
    let title = if english {
        "Application status"
    } else {
        "Стан заяви"
    };
    let status = if view.is_null() && !number.trim().is_empty() {
        404
    } else if error.is_some() {
        400
    } else {
        200
    };
    let out = page.render(&tx, "status.html", title, ctx, status).await;
    let _ = tx.rollback().await;
    out
}

/// `GET /status?number=…&code=…`: the lookup form, or the case.
pub async fn status_lookup(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<HashMap<String, String>>,
) -> HttpResponse {
    let number = query.get("number").cloned().unwrap_or_default();
    let code = query.get("code").cloned().unwrap_or_default();
    // On the oblast's host the portal sends the number to its community.
    if let Ok(Some(oblast)) = super::site::host_tenant(&state, &req).await
        && oblast.kind == hromada_tenants::TenantKind::Oblast
    {
        return super::portal::status(&state, &req, oblast, &number, &code).await;
    }
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    status_page(&page, session.as_ref(), &number, &code, None, None).await
}

/// `GET /status/{tracking}?code=…`: the case (the link of every notice).
pub async fn status_case(
    state: web::Data<AppState>,
    req: HttpRequest,
    tracking: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let code = query.get("code").cloned().unwrap_or_default();
    status_page(&page, session.as_ref(), &tracking, &code, None, None).await
}

/// `POST /status/{tracking}/{action}?code=…`: the applicant's own moves on their case.
pub async fn status_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<HashMap<String, String>>,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let (tracking, action) = path.into_inner();
    let code = query.get("code").cloned().unwrap_or_default();
    let Some(session) = session else {
        return status_page(
            &page,
            None,
            &tracking,
            &code,
            None,
            Some(DomainError::Unauthenticated("sign in first".into())),
        )
        .await;
    };
    let mut posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => return status_page(&page, Some(&session), &tracking, &code, None, Some(e)).await,
    };
    if let Err(e) = checked_csrf(&posted, &session.0) {
        return page_error(e);
    }
    let english = page.english;
    let links = CaseLinks {
        public_url: state.config.public_url(),
    };
    let version: i32 = posted
        .texts
        .get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let comment = posted.texts.get("comment").cloned().unwrap_or_default();
    let receipt = posted
        .files
        .iter()
        .position(|(name, _, _)| name == "receipt")
        .map(|i| posted.files.remove(i));
    let documents = uploads(&mut posted);
    let result = async {
        let tx = begin(&state, &page.tenant, Some(session.1.id)).await?;
        let found = find_case(&state, &req, &tx, &tracking, &code).await?;
        if found.applicant_id != Some(session.1.id) {
            return Err(DomainError::NotFound(format!("application {tracking}")));
        }
        let done = match action.as_str() {
            "correct" => {
                let fields = posted
                    .texts
                    .iter()
                    .filter_map(|(k, v)| {
                        k.strip_prefix("fields.")
                            .map(|key| (key.to_owned(), v.clone()))
                    })
                    .collect();
                case::correct(
                    &tx,
                    &state.authz,
                    state.blobs.as_ref(),
                    &links,
                    found.id,
                    version,
                    Correction {
                        person: None,
                        fields,
                        documents,
                        comment,
                    },
                )
                .await
                .map(|_| "done_correct")?
            }
            "answer" => {
                let mut mv = Move::new(Action::AnswerClarification, version);
                mv.comment = posted.texts.get("answer").cloned().unwrap_or_default();
                case::act(&tx, &state.authz, &links, found.id, mv)
                    .await
                    .map(|_| "done_answer")?
            }
            "rate" => {
                let score = posted
                    .texts
                    .get("score")
                    .and_then(|s| s.parse::<i32>().ok())
                    .ok_or_else(|| DomainError::invalid("score", "choose 0 to 10"))?;
                case::rate(&tx, found.id, score, &comment)
                    .await
                    .map(|_| "done_rate")?
            }
            "receipt" => {
                let Some((_, file_name, bytes)) = receipt else {
                    return Err(DomainError::invalid("receipt", "choose the receipt's file"));
                };
                payment::attach_receipt(
                    &tx,
                    state.blobs.as_ref(),
                    found.id,
                    version,
                    file_name,
                    bytes,
                )
                .await
                .map(|_| "done_receipt")?
            }
            "cancel" => case::act(
                &tx,
                &state.authz,
                &links,
                found.id,
                Move::new(Action::Cancel, version),
            )
            .await
            .map(|_| "done_cancel")?,
            _ => return Err(DomainError::NotFound(format!("action {action}"))),
        };
        tx.commit().await?;
        Ok::<_, DomainError>(done)
    }
    .await;
    match result {
        Ok(key) => {
            state.outbox_wake.notify_one();
            let message = t(english)[key].as_str().unwrap_or_default().to_owned();
            status_page(
                &page,
                Some(&session),
                &tracking,
                &code,
                Some(&message),
                None,
            )
            .await
        }
        Err(e) => status_page(&page, Some(&session), &tracking, &code, None, Some(e)).await,
    }
}

/// `GET /status/{tracking}/sign-in?code=…`: where "sign in to act" leads — the sign-in step
/// of the case's service form, back to the case afterwards is the applicant's next click.
pub async fn status_sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let code = query.get("code").cloned().unwrap_or_default();
    let tx = match begin(&state, &page.tenant, None).await {
        Ok(tx) => tx,
        Err(e) => return page_error(e),
    };
    let found = find_case(&state, &req, &tx, &path, &code).await;
    let _ = tx.rollback().await;
    match found {
        Ok(c) => HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                format!("{}/apply/{}", prefix(page.english), c.service_id),
            ))
            .finish(),
        Err(e) => status_page(&page, session.as_ref(), &path, &code, None, Some(e)).await,
    }
}

/// A path of this site to go back to: local, absolute, not protocol-relative.
fn local_path(path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') {
        path.chars().take(500).collect()
    } else {
        "/".into()
    }
}

/// `GET /auth/oidc/start?return_to=/apply/…`: sends the applicant to the e-ID provider.
pub async fn oidc_start(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<HashMap<String, String>>,
) -> HttpResponse {
    let Some(provider) = state.identity.clone() else {
        return HttpResponse::NotFound().body("no identity provider is configured");
    };
    if let Err(r) = context(&state, &req).await {
        return r;
    }
    let return_to = local_path(query.get("return_to").map(String::as_str).unwrap_or("/"));
    let redirect = format!("{}/auth/oidc/callback", super::base_url(&state, &req));
    let started = async {
        let start = provider.start(&redirect).await?;
        identity::remember_login(&state.db, provider.name(), &start, &return_to).await?;
        Ok::<_, DomainError>(start.authorize_url)
    }
    .await;
    match started {
        Ok(url) => HttpResponse::SeeOther()
            .insert_header((header::LOCATION, url))
            .finish(),
        Err(e) => page_error(e),
    }
}

/// `GET /auth/oidc/callback?code=…&state=…`: the provider's answer; the applicant session
/// goes into the cookie and the applicant back where they started.
pub async fn oidc_callback(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<HashMap<String, String>>,
) -> HttpResponse {
    let Some(provider) = state.identity.clone() else {
        return HttpResponse::NotFound().body("no identity provider is configured");
    };
    if let Some(error) = query.get("error") {
        return page_error(DomainError::Unauthenticated(format!(
            "the identity provider refused the sign-in ({})",
            error.chars().take(100).collect::<String>()
        )));
    }
    let redirect = format!("{}/auth/oidc/callback", super::base_url(&state, &req));
    let done = async {
        let login_state = query.get("state").cloned().unwrap_or_default();
        let code = query.get("code").cloned().unwrap_or_default();
        let (name, nonce, verifier, return_to) =
            identity::take_login(&state.db, &login_state).await?;
        if name != provider.name() {
            return Err(DomainError::Unauthenticated(
                "the login has expired; start again".into(),
            ));
        }
        let claims = provider.finish(&redirect, &code, &nonce, &verifier).await?;
        let session = identity::sign_in_with(&state.db, &claims).await?;
        Ok::<_, DomainError>((session, return_to))
    }
    .await;
    match done {
        Ok((session, return_to)) => {
            let secure = state.config.public_url().starts_with("https://");
            HttpResponse::SeeOther()
                .cookie(session_cookie(&session.token, secure))
                .insert_header((header::LOCATION, local_path(&return_to)))
                .finish()
        }
        Err(e) => page_error(e),
    }
}

/// The routes of applying and following a case (mounted at `/` and at `/en`).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/apply/{service}", web::get().to(apply_form))
        .route("/apply/{service}", web::post().to(apply_submit))
        .route("/apply/{service}/code", web::post().to(apply_code))
        .route("/apply/{service}/verify", web::post().to(apply_verify))
        .route("/status", web::get().to(status_lookup))
        .route("/status/{tracking}", web::get().to(status_case))
        .route("/status/{tracking}/sign-in", web::get().to(status_sign_in))
        .route("/status/{tracking}/{action}", web::post().to(status_action));
}
