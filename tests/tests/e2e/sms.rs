//! The HTTP SMS gateway adapter against a real HTTP server the test starts (actix-web on
//! loopback): the body is the configured template filled in, the token goes as a bearer
//! header, a 2xx answer is accepted with the gateway's message id, and a 5xx or no server
//! at all is an error to retry later.

use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use hromada_backend::sms::HttpSmsGateway;
use hromada_tenants::notify::{Sms, SmsGateway};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

type Seen = Arc<Mutex<Vec<(Option<String>, Value)>>>;

/// A gateway on loopback that records what it is sent and answers `status` with an id.
async fn gateway(status: u16) -> (String, Seen, actix_web::dev::ServerHandle) {
    let seen: Seen = Arc::default();
    let recorded = seen.clone();
    let server = HttpServer::new(move || {
        let recorded = recorded.clone();
        App::new().route(
            "/send",
            web::post().to(move |req: HttpRequest, body: web::Json<Value>| {
                let recorded = recorded.clone();
                async move {
                    let auth = req
                        .headers()
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    recorded.lock().unwrap().push((auth, body.into_inner()));
                    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
                        .json(json!({ "message_id": "gw-42" }))
                }
            }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let addr = server.addrs()[0];
    let running = server.run();
    let handle = running.handle();
    tokio::spawn(running);
    (format!("http://{addr}/send"), seen, handle)
}

const TEMPLATE: &str =
    r#"{"recipients": ["{{to}}"], "sms": {"sender": "Hromada", "text": "{{text}}"}}"#;

#[tokio::test]
async fn an_sms_reaches_the_gateway_as_its_template_says() {
    let (url, seen, handle) = gateway(200).await;
    let sms = HttpSmsGateway::new(&url, TEMPLATE, Some("secret-token".into())).unwrap();
    let accepted = sms
        .send(&Sms {
            to: "+380501234567".into(),
            text: "Справу PTR-2026-000123-4 зареєстровано".into(),
        })
        .await
        .expect("accepted");
    assert_eq!(accepted.gateway_id.as_deref(), Some("gw-42"));
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].0.as_deref(), Some("Bearer secret-token"));
    assert_eq!(
        seen[0].1,
        json!({ "recipients": ["+380501234567"],
                "sms": { "sender": "Hromada", "text": "Справу PTR-2026-000123-4 зареєстровано" } })
    );
    handle.stop(true).await;
}

#[tokio::test]
async fn a_failing_or_absent_gateway_is_an_error_to_retry() {
    let (url, seen, handle) = gateway(503).await;
    let sms = HttpSmsGateway::new(&url, TEMPLATE, None).unwrap();
    let message = Sms {
        to: "+380501234567".into(),
        text: "test".into(),
    };
    let err = sms.send(&message).await.unwrap_err();
    assert!(err.contains("503"), "{err}");
    assert_eq!(seen.lock().unwrap().len(), 1, "the gateway was asked");
    assert!(seen.lock().unwrap()[0].0.is_none(), "no token configured");
    handle.stop(true).await;
    // Nobody listens there any more.
    let err = sms.send(&message).await.unwrap_err();
    assert!(err.starts_with("sms gateway:"), "{err}");
}

/// A gateway whose answer the test switches between down (503) and up (200).
async fn switchable_gateway() -> (
    String,
    Arc<std::sync::atomic::AtomicBool>,
    Seen,
    actix_web::dev::ServerHandle,
) {
    let up = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let seen: Seen = Arc::default();
    let (flag, recorded) = (up.clone(), seen.clone());
    let server = HttpServer::new(move || {
        let (flag, recorded) = (flag.clone(), recorded.clone());
        App::new().route(
            "/send",
            web::post().to(move |body: web::Json<Value>| {
                let (flag, recorded) = (flag.clone(), recorded.clone());
                async move {
                    if !flag.load(std::sync::atomic::Ordering::SeqCst) {
                        return HttpResponse::ServiceUnavailable().finish();
                    }
                    recorded.lock().unwrap().push((None, body.into_inner()));
                    HttpResponse::Ok().json(json!({ "id": "gw-7" }))
                }
            }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let addr = server.addrs()[0];
    let running = server.run();
    let handle = running.handle();
    tokio::spawn(running);
    (format!("http://{addr}/send"), up, seen, handle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_notice_waits_out_a_gateway_outage_and_every_attempt_is_recorded() {
    let (url, up, seen, handle) = switchable_gateway().await;
    let app = hromada_tests::TestApp::spawn_with(|c| {
        c.sms_url = Some(url.clone());
        c.sms_report_token = Some("report-secret".into());
    })
    .await;
    // The demo's notices are not this test's business.
    app.admin
        .execute_unprepared("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL")
        .await
        .unwrap();
    // An applicant asks for a code by SMS while the gateway is down.
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            "mutation { requestApplicantCode(input: {address: \"+380631112233\"}) { sent } }",
            json!({}),
        )
        .await;
    assert_eq!(res["data"]["requestApplicantCode"]["sent"], true, "{res}");
    let id_sql = "SELECT id FROM outbox WHERE kind = 'sms' AND payload->>'to' = '+380631112233'";
    let failed_sql = format!(
        "SELECT count(*) FROM outbox_attempt WHERE outcome = 'failed' AND outbox_id = ({id_sql})"
    );
    let failed = || app.count(&failed_sql);
    for _ in 0..100 {
        if failed().await >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        failed().await >= 2,
        "retried with backoff while the gateway is down"
    );
    assert!(seen.lock().unwrap().is_empty());
    // The gateway comes back: the message goes out, nothing lost.
    up.store(true, std::sync::atomic::Ordering::SeqCst);
    for _ in 0..100 {
        if !seen.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let sent = seen.lock().unwrap().clone();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].1["recipients"][0], "+380631112233");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM outbox WHERE id = ({id_sql}) AND sent_at IS NOT NULL AND gateway_id = 'gw-7'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM outbox_attempt WHERE outcome = 'sent' AND outbox_id = ({id_sql})"
        ))
        .await,
        1
    );
    // A message past its deadline is given up, and says so.
    up.store(false, std::sync::atomic::Ordering::SeqCst);
    app.admin
        .execute_unprepared(
            "INSERT INTO outbox (kind, payload, give_up_at) VALUES ('sms', \
             '{\"to\": \"+380631112244\", \"text\": \"x\"}', now() - interval '1 second')",
        )
        .await
        .unwrap();
    let given_up = "SELECT count(*) FROM outbox o JOIN outbox_attempt a ON a.outbox_id = o.id \
                    WHERE o.payload->>'to' = '+380631112244' AND a.outcome = 'given_up' AND o.failed_at IS NOT NULL";
    for _ in 0..100 {
        if app.count(given_up).await == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.count(given_up).await, 1);
    // The gateway's delivery report marks the message delivered.
    let res = app
        .http
        .post(format!("{}/hooks/sms-delivery", app.base_url))
        .json(&json!({"id": "gw-7", "status": "delivered"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "reports need the configured token");
    let res = app
        .http
        .post(format!("{}/hooks/sms-delivery", app.base_url))
        .bearer_auth("report-secret")
        .json(&json!({"message_id": "gw-7", "status": "DELIVRD"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM outbox_attempt WHERE outcome = 'delivered' AND outbox_id = ({id_sql})"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM outbox WHERE id = ({id_sql}) AND delivered_at IS NOT NULL"
        ))
        .await,
        1
    );
    handle.stop(true).await;
}
