//! The HTTP SMS gateway adapter against a real HTTP server the test starts (actix-web on
//! loopback): the body is the configured template filled in, the token goes as a bearer
//! header, a 2xx answer is accepted with the gateway's message id, and a 5xx or no server
//! at all is an error to retry later.

use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use hromada_backend::sms::HttpSmsGateway;
use hromada_tenants::notify::{Sms, SmsGateway};
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
