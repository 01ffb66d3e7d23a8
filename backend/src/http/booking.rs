//! Booking a visit to the CNAP on a community's site, without JavaScript: `/booking` lists
//! the services people book, then the CNAPs that take the chosen one with their first free
//! time, then a week of free times; the person confirms an e-mail or phone with a one-time
//! code (the applicant session of the applications' pages) and books. The confirmation's
//! link, `/booking/manage/{token}`, shows the booking and cancels it or moves it to another
//! free time in one step. A cancelled, used or unknown link gets a page that says so, never
//! an error. Ukrainian at `/…`, English at `/en/…`; the pages are the site's frame around
//! `booking.html`.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use hromada_tenants::applications::case::CaseLinks;
use hromada_tenants::identity::{self, Address};
use hromada_tenants::queue::booking::{self, Actor, BookInput, Booking, BookingStatus, Holder};
use hromada_tenants::queue::settings;
use hromada_tenants::queue::slots::{self, FreeSlot};
use hromada_tenants::{DomainError, TenantTx};
use serde_json::{Value, json};
use uuid::Uuid;

use super::AppState;
use super::apply::{
    Page, Posted, begin, checked_csrf, context, csrf_of, id_of, message_of, page_error, prefix,
    read_form, session_cookie,
};

/// How many days of free times one page shows.
const DAYS_SHOWN: i64 = 7;

fn t(english: bool) -> Value {
    let pairs: &[(&str, &str, &str)] = &[
        ("title", "Записатися на прийом", "Book a visit"),
        ("fix", "Виправте, будь ласка:", "Please correct:"),
        ("choose_service", "Оберіть послугу", "Choose a service"),
        ("choose_place", "Оберіть ЦНАП", "Choose a CNAP"),
        ("choose_time", "Оберіть час", "Choose a time"),
        ("next_free", "Найближчий вільний час", "Next free time"),
        (
            "no_free",
            "Вільного часу найближчим місяцем немає",
            "No free time in the coming month",
        ),
        ("km", "км", "km"),
        (
            "none_here",
            "У цій громаді поки не записують онлайн.",
            "This community does not take bookings online yet.",
        ),
        ("earlier", "Попередній тиждень", "Previous week"),
        ("later", "Наступний тиждень", "Next week"),
        (
            "no_times",
            "Цього тижня вільного часу немає.",
            "No free time this week.",
        ),
        ("your_name", "Прізвище, ім’я, по батькові", "Full name"),
        ("email", "Електронна пошта", "E-mail"),
        ("phone", "Мобільний телефон", "Mobile phone"),
        (
            "contact_hint",
            "Куди надіслати підтвердження та нагадування",
            "Where to send the confirmation and the reminder",
        ),
        ("book", "Записатися", "Book"),
        (
            "signin_intro",
            "Щоб записатися, підтвердьте свою електронну пошту або номер мобільного: ми надішлемо код.",
            "To book, confirm your e-mail or mobile number: we will send you a code.",
        ),
        (
            "address",
            "Електронна пошта або мобільний телефон",
            "E-mail or mobile phone",
        ),
        ("send_code", "Надіслати код", "Send the code"),
        ("code", "Код із повідомлення", "The code from the message"),
        ("code_sent", "Ми надіслали код на", "We sent a code to"),
        ("verify", "Підтвердити", "Confirm"),
        (
            "booked",
            "Ви записані. Підтвердження надіслано на вашу адресу.",
            "You are booked. The confirmation is on its way.",
        ),
        ("moved", "Запис перенесено.", "Your booking has moved."),
        (
            "cancelled_now",
            "Запис скасовано.",
            "Your booking is cancelled.",
        ),
        ("your_visit", "Ваш запис", "Your booking"),
        ("when", "Коли", "When"),
        ("where", "Де", "Where"),
        ("service", "Послуга", "Service"),
        (
            "check_in_code",
            "Код для реєстрації в терміналі",
            "Check-in code at the terminal",
        ),
        ("status", "Стан", "Status"),
        ("cancel", "Скасувати запис", "Cancel the booking"),
        ("move", "Перенести на інший час", "Move to another time"),
        ("move_button", "Перенести", "Move"),
        (
            "keep_link",
            "Збережіть це посилання: за ним запис можна скасувати або перенести.",
            "Keep this link: it cancels or moves the booking.",
        ),
        (
            "gone",
            "Цей запис не знайдено. Можливо, посилання неповне.",
            "This booking was not found. The link may be incomplete.",
        ),
        ("book_again", "Записатися знову", "Book again"),
        (
            "taken_try",
            "Можливо, підійде найближчий вільний час:",
            "The nearest free times may suit you:",
        ),
    ];
    Value::Object(
        pairs
            .iter()
            .map(|(k, uk, en)| {
                (
                    (*k).to_owned(),
                    Value::from(if english { *en } else { *uk }),
                )
            })
            .collect(),
    )
}

fn status_text(s: BookingStatus, english: bool) -> &'static str {
    match (s, english) {
        (BookingStatus::Booked, false) => "заплановано",
        (BookingStatus::Booked, true) => "booked",
        (BookingStatus::CheckedIn, false) => "ви зареєструвалися в терміналі",
        (BookingStatus::CheckedIn, true) => "checked in",
        (BookingStatus::Served, false) => "прийом відбувся",
        (BookingStatus::Served, true) => "the visit took place",
        (BookingStatus::NoShow, false) => "неявка",
        (BookingStatus::NoShow, true) => "not attended",
        (BookingStatus::Cancelled, false) => "скасовано",
        (BookingStatus::Cancelled, true) => "cancelled",
    }
}

fn links(state: &AppState) -> CaseLinks {
    CaseLinks {
        public_url: state.config.public_url(),
    }
}

fn slot_json(s: &FreeSlot) -> Value {
    json!({
        "value": s.starts_at.to_rfc3339(),
        "time": s.starts_at.with_timezone(&Kyiv).format("%H:%M").to_string(),
        "id": format!("t{}", s.starts_at.timestamp()),
    })
}

/// A week of free times from `from`, as the template lists them.
async fn week(
    tx: &TenantTx,
    cnap: Uuid,
    service: Uuid,
    from: NaiveDate,
    english: bool,
) -> Result<Vec<Value>, DomainError> {
    let tenant = tx.tenant()?.id;
    let days = slots::available(
        tx.conn(),
        tenant,
        cnap,
        service,
        from,
        from + Duration::days(DAYS_SHOWN - 1),
        Utc::now(),
    )
    .await?;
    Ok(days
        .into_iter()
        .map(|(d, s)| {
            json!({
                "label": booking::day(d, english),
                "slots": s.iter().map(slot_json).collect::<Vec<_>>(),
            })
        })
        .collect())
}

fn today() -> NaiveDate {
    Utc::now().with_timezone(&Kyiv).date_naive()
}

fn booking_json(b: &Booking, english: bool) -> Value {
    json!({
        "when": booking::when(b.starts_at, english),
        "when_iso": b.starts_at.to_rfc3339(),
        "where": format!("{}, {}", if english && !b.cnap_name_en.is_empty() { &b.cnap_name_en } else { &b.cnap_name_uk }, b.cnap_address_uk),
        "service": if english && !b.service_name_en.is_empty() { &b.service_name_en } else { &b.service_name_uk },
        "code": b.code,
        "status": status_text(b.status, english),
        "active": b.status == BookingStatus::Booked && b.starts_at > Utc::now(),
        "cnap_id": b.cnap_id,
        "service_id": b.service_id,
    })
}

/// What the booking page shows, step by step.
#[derive(Default)]
struct View {
    service: Option<Uuid>,
    cnap: Option<Uuid>,
    from: Option<NaiveDate>,
    values: HashMap<String, String>,
    step_override: Option<&'static str>,
    error: Option<DomainError>,
    alternatives: Vec<FreeSlot>,
}

async fn booking_page(
    page: &Page<'_>,
    session: Option<&(String, identity::Applicant)>,
    view: View,
    status: u16,
) -> HttpResponse {
    let english = page.english;
    let base = format!("{}/booking", prefix(english));
    let tx = match begin(page.state, &page.tenant, session.map(|s| s.1.id)).await {
        Ok(tx) => tx,
        Err(e) => return page_error(e),
    };
    let built = async {
        let tenant = page.tenant.id;
        let mut ctx = json!({
            "t": t(english),
            "base": base,
            "csrf": session.map(|s| csrf_of(&s.0)).unwrap_or_default(),
            "values": view.values,
        });
        if let Some(e) = &view.error {
            let field = match e {
                DomainError::Invalid { field, .. } => field.clone(),
                _ => "form".into(),
            };
            ctx["errors"] = json!([{"id": id_of(&field), "message": message_of(e, english)}]);
            ctx["alternatives"] = json!(view.alternatives.iter().map(slot_json).collect::<Vec<_>>());
        }
        match (view.service, view.cnap) {
            (None, _) => {
                let services: Vec<Value> = settings::services_booking(tx.conn(), tenant)
                    .await?
                    .into_iter()
                    .map(|b| {
                        json!({"name": if english && !b.name_en.is_empty() { b.name_en } else { b.name_uk },
                               "href": format!("{base}?service={}", b.service_id)})
                    })
                    .collect();
                ctx["step"] = json!("service");
                ctx["services"] = json!(services);
            }
            (Some(service), None) => {
                let places = slots::places_of(tx.conn(), tenant, service, None).await?;
                let mut items = Vec::new();
                for p in places {
                    let first = slots::first_free(tx.conn(), tenant, p.cnap_id, service, Utc::now()).await?;
                    items.push(json!({
                        "name": if english && !p.name_en.is_empty() { &p.name_en } else { &p.name_uk },
                        "address": p.address_uk,
                        "next": first.map(|s| booking::when(s.starts_at, english)),
                        "href": format!("{base}?service={service}&cnap={}", p.cnap_id),
                    }));
                }
                ctx["step"] = json!("place");
                ctx["places"] = json!(items);
            }
            (Some(service), Some(cnap)) => {
                let from = view.from.unwrap_or_else(today).max(today());
                ctx["days"] = json!(week(&tx, cnap, service, from, english).await?);
                ctx["service_id"] = json!(service);
                ctx["cnap_id"] = json!(cnap);
                if from > today() {
                    ctx["earlier"] = json!(format!("{base}?service={service}&cnap={cnap}&from={}", (from - Duration::days(DAYS_SHOWN)).max(today())));
                }
                ctx["later"] = json!(format!("{base}?service={service}&cnap={cnap}&from={}", from + Duration::days(DAYS_SHOWN)));
                ctx["step"] = json!(match (session, view.step_override) {
                    (_, Some(step)) => step,
                    (Some(_), None) => "time",
                    (None, None) => "signin",
                });
                if let Some((_, a)) = session {
                    if ctx["values"]["fullName"].is_null() {
                        ctx["values"]["fullName"] = json!(a.display_name);
                    }
                    if ctx["values"]["email"].is_null() {
                        ctx["values"]["email"] = json!(a.email);
                    }
                    if ctx["values"]["phone"].is_null() {
                        ctx["values"]["phone"] = json!(a.phone);
                    }
                }
            }
        }
        Ok::<_, DomainError>(ctx)
    }
    .await;
    let ctx = match built {
        Ok(ctx) => ctx,
        Err(DomainError::Invalid { .. } | DomainError::NotFound(_)) => {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, base))
                .finish();
        }
        Err(e) => return page_error(e),
    };
    let title = if english {
        "Book a visit"
    } else {
        "Записатися на прийом"
    };
    page.render(&tx, "booking.html", title, ctx, status).await
}

fn query_of(req: &HttpRequest) -> HashMap<String, String> {
    web::Query::<HashMap<String, String>>::from_query(req.query_string())
        .map(|q| q.into_inner())
        .unwrap_or_default()
}

/// `GET /booking[?service=…&cnap=…&from=…]`.
pub async fn booking_form(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = query_of(&req);
    let view = View {
        service: q.get("service").and_then(|s| s.parse().ok()),
        cnap: q.get("cnap").and_then(|s| s.parse().ok()),
        from: q.get("from").and_then(|s| s.parse().ok()),
        ..View::default()
    };
    booking_page(&page, session.as_ref(), view, 200).await
}

fn view_of(posted: &Posted) -> View {
    View {
        service: posted.texts.get("service").and_then(|s| s.parse().ok()),
        cnap: posted.texts.get("cnap").and_then(|s| s.parse().ok()),
        values: posted.texts.clone(),
        ..View::default()
    }
}

/// `POST /booking/code`: sends a one-time code.
pub async fn booking_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => {
            return booking_page(
                &page,
                session.as_ref(),
                View {
                    error: Some(e),
                    ..View::default()
                },
                400,
            )
            .await;
        }
    };
    let mut view = view_of(&posted);
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
        Ok::<_, DomainError>(())
    }
    .await;
    match sent {
        Ok(()) => {
            state.outbox_wake.notify_one();
            view.step_override = Some("code");
            booking_page(&page, session.as_ref(), view, 200).await
        }
        Err(e) => {
            view.step_override = Some("signin");
            view.error = Some(e);
            booking_page(&page, session.as_ref(), view, 400).await
        }
    }
}

/// `POST /booking/verify`: checks the code; the session goes into a cookie.
pub async fn booking_verify(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => {
            return booking_page(
                &page,
                session.as_ref(),
                View {
                    error: Some(e),
                    ..View::default()
                },
                400,
            )
            .await;
        }
    };
    let mut view = view_of(&posted);
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
            let back = match (view.service, view.cnap) {
                (Some(service), Some(cnap)) => format!(
                    "{}/booking?service={service}&cnap={cnap}",
                    prefix(page.english)
                ),
                _ => format!("{}/booking", prefix(page.english)),
            };
            HttpResponse::SeeOther()
                .cookie(session_cookie(&s.token, secure))
                .insert_header((header::LOCATION, back))
                .finish()
        }
        Err(e) => {
            view.step_override = Some("code");
            view.error = Some(e);
            booking_page(&page, session.as_ref(), view, 400).await
        }
    }
}

/// `POST /booking`: books the chosen time.
pub async fn booking_submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let (page, session) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => {
            return booking_page(
                &page,
                session.as_ref(),
                View {
                    error: Some(e),
                    ..View::default()
                },
                400,
            )
            .await;
        }
    };
    let mut view = view_of(&posted);
    let Some((token, applicant)) = session.as_ref() else {
        view.step_override = Some("signin");
        return booking_page(&page, None, view, 200).await;
    };
    let (Some(service), Some(cnap)) = (view.service, view.cnap) else {
        return booking_page(&page, session.as_ref(), view, 400).await;
    };
    let text = |k: &str| {
        posted
            .texts
            .get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let starts_at = text("startsAt")
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|d| d.with_timezone(&Utc));
    let result = async {
        let alone = |e: DomainError| (e, Vec::new());
        checked_csrf(&posted, token).map_err(alone)?;
        let starts_at = starts_at
            .ok_or_else(|| DomainError::invalid("startsAt", "choose a time"))
            .map_err(alone)?;
        let tx = begin(&state, &page.tenant, Some(applicant.id))
            .await
            .map_err(alone)?;
        match booking::book_or_offer(
            &tx,
            &links(&state),
            BookInput {
                cnap_id: cnap,
                service_id: service,
                starts_at,
                holder: Holder {
                    full_name: text("fullName").unwrap_or_default(),
                    email: text("email"),
                    phone: text("phone"),
                },
                english: page.english,
            },
            5,
        )
        .await
        {
            Ok(b) => {
                tx.commit().await.map_err(alone)?;
                Ok(b.token)
            }
            Err((e, near)) => {
                tx.rollback().await.map_err(alone)?;
                Err((e, near))
            }
        }
    }
    .await;
    match result {
        Ok(link) => {
            state.outbox_wake.notify_one();
            HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    format!("{}/booking/manage/{link}?done=booked", prefix(page.english)),
                ))
                .finish()
        }
        Err((e, near)) => {
            let status = if matches!(e, DomainError::Conflict(_)) {
                409
            } else {
                400
            };
            view.error = Some(e);
            view.alternatives = near;
            booking_page(&page, session.as_ref(), view, status).await
        }
    }
}

/// The page of a booking by its link; `done` says what was just done, `error` what failed.
async fn manage_page(
    page: &Page<'_>,
    token: &str,
    done: Option<&str>,
    error: Option<DomainError>,
    status: u16,
) -> HttpResponse {
    let english = page.english;
    let tx = match begin(page.state, &page.tenant, None).await {
        Ok(tx) => tx,
        Err(e) => return page_error(e),
    };
    let base = format!("{}/booking", prefix(english));
    let found = booking::by_token(&tx, token).await;
    let mut ctx = json!({ "t": t(english), "base": base, "step": "manage" });
    let status = match found {
        Ok(b) => {
            ctx["booking"] = booking_json(&b, english);
            ctx["action"] = json!(format!("{base}/manage/{token}"));
            if b.status == BookingStatus::Booked && b.starts_at > Utc::now() {
                match week(&tx, b.cnap_id, b.service_id, today(), english).await {
                    Ok(days) => ctx["days"] = json!(days),
                    Err(e) => return page_error(e),
                }
            }
            ctx["again"] = json!(format!(
                "{base}?service={}&cnap={}",
                b.service_id, b.cnap_id
            ));
            status
        }
        Err(DomainError::NotFound(_)) => {
            ctx["gone"] = json!(true);
            404
        }
        Err(e) => return page_error(e),
    };
    if let Some(done) = done {
        ctx["message"] = json!(match done {
            "booked" => t(english)["booked"].clone(),
            "moved" => t(english)["moved"].clone(),
            "cancelled" => t(english)["cancelled_now"].clone(),
            _ => Value::Null,
        });
    }
    if let Some(e) = &error {
        let field = match e {
            DomainError::Invalid { field, .. } => field.clone(),
            _ => "form".into(),
        };
        ctx["errors"] = json!([{"id": id_of(&field), "message": message_of(e, english)}]);
    }
    let title = if english {
        "Your booking"
    } else {
        "Ваш запис"
    };
    page.render(&tx, "booking.html", title, ctx, status).await
}

/// `GET /booking/manage/{token}`.
pub async fn booking_manage(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> HttpResponse {
    let (page, _) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = query_of(&req);
    manage_page(&page, &token, q.get("done").map(String::as_str), None, 200).await
}

/// `POST /booking/manage/{token}/{action}`: `cancel`, or `move` to the posted `startsAt`.
/// The link's secret is the authority, as in the confirmation.
pub async fn booking_change(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> HttpResponse {
    let (token, action) = path.into_inner();
    let (page, _) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let posted = match read_form(&req, payload).await {
        Ok(p) => p,
        Err(e) => return manage_page(&page, &token, None, Some(e), 400).await,
    };
    let result = async {
        let tx = begin(&state, &page.tenant, None).await?;
        let done = match action.as_str() {
            "cancel" => {
                booking::cancel(&tx, &links(&state), Actor::Link(&token)).await?;
                "cancelled"
            }
            "move" => {
                let starts_at = posted
                    .texts
                    .get("startsAt")
                    .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
                    .map(|d| d.with_timezone(&Utc))
                    .ok_or_else(|| DomainError::invalid("startsAt", "choose a time"))?;
                booking::move_to(&tx, &links(&state), Actor::Link(&token), starts_at).await?;
                "moved"
            }
            _ => return Err(DomainError::NotFound("action".into())),
        };
        tx.commit().await?;
        Ok::<_, DomainError>(done)
    }
    .await;
    match result {
        Ok(done) => {
            state.outbox_wake.notify_one();
            HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    format!(
                        "{}/booking/manage/{token}?done={done}",
                        prefix(page.english)
                    ),
                ))
                .finish()
        }
        Err(e) => {
            let status = match &e {
                DomainError::Conflict(_) => 409,
                DomainError::NotFound(_) => 404,
                _ => 400,
            };
            manage_page(&page, &token, None, Some(e), status).await
        }
    }
}

/// How often the board page reloads itself (the `Refresh` header: a hall's display without
/// JavaScript; a display with it subscribes to `queueBoard` instead).
const BOARD_REFRESH_SECS: u32 = 10;

/// `GET /queue/board/{cnap}`: the hall's display board, server-rendered.
pub async fn board_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    cnap: web::Path<String>,
) -> HttpResponse {
    let (page, _) = match context(&state, &req).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let english = page.english;
    let Ok(cnap) = cnap.parse::<Uuid>() else {
        return HttpResponse::NotFound().body("no such CNAP");
    };
    let tx = match begin(&state, &page.tenant, None).await {
        Ok(tx) => tx,
        Err(e) => return page_error(e),
    };
    let built = async {
        let place = hromada_tenants::cnap::directory::get(tx.conn(), page.tenant.id, cnap).await?;
        let board = hromada_tenants::queue::live::board(tx.conn(), page.tenant.id, cnap).await?;
        let pairs: &[(&str, &str, &str)] = &[
            ("called", "Запрошуємо", "Now serving"),
            ("ticket", "Талон", "Ticket"),
            ("window", "Вікно", "Window"),
            ("waiting", "Очікують", "Waiting"),
            ("group", "Група", "Group"),
            ("nobody", "Поки нікого не викликано.", "Nobody has been called yet."),
            ("updated", "оновлено о", "updated at"),
        ];
        let t: serde_json::Map<String, Value> = pairs
            .iter()
            .map(|(k, uk, en)| ((*k).to_owned(), Value::from(if english { *en } else { *uk })))
            .collect();
        Ok::<_, DomainError>(json!({
            "t": t,
            "cnap": if english && !place.name_en.is_empty() { place.name_en } else { place.name_uk },
            "at": board.at.with_timezone(&Kyiv).format("%H:%M:%S").to_string(),
            "at_iso": board.at.to_rfc3339(),
            "called": board.called.iter().map(|v| json!({
                "ticket": v.ticket,
                "window": if english { v.workplace_name_en.clone().filter(|n| !n.is_empty()).or(v.workplace_name_uk.clone()) } else { v.workplace_name_uk.clone() },
            })).collect::<Vec<_>>(),
            "waiting": board.waiting.iter().map(|(l, n)| json!({"letter": l, "count": n})).collect::<Vec<_>>(),
        }))
    }
    .await;
    let ctx = match built {
        Ok(ctx) => ctx,
        Err(e) => return page_error(e),
    };
    let title = if english {
        "Queue"
    } else {
        "Електронна черга"
    };
    let mut response = page.render(&tx, "board.html", title, ctx, 200).await;
    if let Ok(v) = header::HeaderValue::from_str(&BOARD_REFRESH_SECS.to_string()) {
        response
            .headers_mut()
            .insert(header::HeaderName::from_static("refresh"), v);
    }
    response
}

/// The routes of booking a visit (mounted at `/` and at `/en`).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/booking", web::get().to(booking_form))
        .route("/booking", web::post().to(booking_submit))
        .route("/booking/code", web::post().to(booking_code))
        .route("/booking/verify", web::post().to(booking_verify))
        .route("/booking/manage/{token}", web::get().to(booking_manage))
        .route(
            "/booking/manage/{token}/{action}",
            web::post().to(booking_change),
        )
        .route("/queue/board/{cnap}", web::get().to(board_page));
}
