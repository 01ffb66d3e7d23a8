//! Online applications end to end: a citizen proves an address with a one-time code, applies
//! with documents, follows the case by number and code, corrects it when it is returned, and
//! rates the result; the CNAP and the provider process it; every step reaches the applicant by
//! e-mail (a real SMTP server) and SMS (an HTTP gateway the test starts). Paper intake, terms
//! and escalation with a clock the test sets, the isolation of cases, and two officers
//! deciding at once.

use std::sync::{Arc, Mutex};

use actix_web::{App, HttpResponse, HttpServer, web};
use chrono::{Duration, NaiveDate, Utc};
use hromada_tenants::applications::upkeep;
use hromada_tests::smtp::SmtpServer;
use hromada_tests::{TestApp, assert_bad_input, data, error_code};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

type Texts = Arc<Mutex<Vec<Value>>>;

/// An SMS gateway on loopback that records every body it is sent.
async fn sms_gateway() -> (String, Texts, actix_web::dev::ServerHandle) {
    let seen: Texts = Arc::default();
    let recorded = seen.clone();
    let server = HttpServer::new(move || {
        let recorded = recorded.clone();
        App::new().route(
            "/send",
            web::post().to(move |body: web::Json<Value>| {
                let recorded = recorded.clone();
                async move {
                    let mut all = recorded.lock().unwrap();
                    all.push(body.into_inner());
                    HttpResponse::Ok().json(json!({ "message_id": format!("gw-{}", all.len()) }))
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

fn texts_to(seen: &Texts, phone: &str) -> Vec<String> {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|b| b["recipients"][0] == phone)
        .filter_map(|b| b["sms"]["text"].as_str().map(str::to_owned))
        .collect()
}

async fn wait_texts(seen: &Texts, phone: &str, pred: impl Fn(&str) -> bool) -> String {
    for _ in 0..100 {
        if let Some(t) = texts_to(seen, phone).into_iter().find(|t| pred(t)) {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no such SMS to {phone}: {:?}", texts_to(seen, phone));
}

const PDF: &[u8] = hromada_backend::demo::applications::SAMPLE_PDF;

/// Posts a GraphQL multipart request whose files go to `variables.i.documents.<n>.file`.
async fn gql_files(
    app: &TestApp,
    tenant: &str,
    token: &str,
    query: &str,
    variables: Value,
    files: &[(&[u8], &str)],
) -> Value {
    let operations = json!({ "query": query, "variables": variables });
    let map: serde_json::Map<String, Value> = (0..files.len())
        .map(|n| {
            (
                n.to_string(),
                json!([format!("variables.i.documents.{n}.file")]),
            )
        })
        .collect();
    let mut form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", Value::Object(map).to_string());
    for (n, (bytes, name)) in files.iter().enumerate() {
        form = form.part(
            n.to_string(),
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    }
    app.http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .header("Host", format!("{tenant}.{}", app.config.domain))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("request sent")
        .json()
        .await
        .expect("JSON")
}

async fn service_by_code_suffix(app: &TestApp, slug: &str, suffix: &str) -> String {
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT p.service_id::text FROM public_service p JOIN tenant t ON t.id = p.tenant_id \
                 WHERE t.slug = '{slug}' AND p.code LIKE '%{suffix}'"
            ),
        ))
        .await
        .unwrap()
        .expect("the demo's online service");
    row.try_get_by_index::<String>(0).unwrap()
}

/// Signs an applicant in with a code sent to their e-mail (read from the SMTP server).
async fn applicant_by_email(app: &TestApp, smtp: &SmtpServer, email: &str) -> String {
    let sent = app
        .gql(
            Some("petrykivska"),
            None,
            "mutation($i: RequestApplicantCodeInput!) { requestApplicantCode(input: $i) { sent validMinutes } }",
            json!({"i": {"address": email}}),
        )
        .await;
    assert_eq!(data(&sent)["requestApplicantCode"]["validMinutes"], 10);
    let mail = smtp
        .wait(10, |m| m.to == email && m.subject.contains("код"))
        .await;
    let code = regex::Regex::new(r"\b(\d{6})\b")
        .unwrap()
        .captures(&mail.body)
        .map(|c| c[1].to_owned())
        .expect("a six-digit code");
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            "mutation($i: VerifyApplicantCodeInput!) { verifyApplicantCode(input: $i) { token applicant { email } } }",
            json!({"i": {"address": email, "code": code}}),
        )
        .await;
    assert_eq!(
        data(&res)["verifyApplicantCode"]["applicant"]["email"],
        email
    );
    data(&res)["verifyApplicantCode"]["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

const SUBMIT: &str = "mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { \
    accessCode statusUrl application { id tracking status version dueDate channel } } }";
const CASE: &str = "id tracking status statusNameUk version dueDate paused overdue fixBy \
    remarks { field text } decision { approved grounds legalBasis } \
    history { action statusTo actorKind channel comment } documents { slot fileName contentType url }";

fn move_query(name: &str, input: &str) -> String {
    format!("mutation($i: {input}!) {{ {name}(input: $i) {{ application {{ {CASE} }} }} }}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_applies_online_follows_corrects_and_rates_while_staff_process_it() {
    let smtp = SmtpServer::start().await;
    let (sms_url, texts, gateway) = sms_gateway().await;
    let app = TestApp::spawn_with(|c| {
        c.smtp_url = Some(smtp.url());
        c.sms_url = Some(sms_url.clone());
    })
    .await;
    let email = "olha.hnatiuk@example.com";
    let phone = "+380671112233";
    let token = applicant_by_email(&app, &smtp, email).await;
    let service = service_by_code_suffix(&app, "petrykivska", "-E01").await;

    // The form comes from the card.
    let form = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "query($s: ID!) { applicationForm(serviceId: $s) { nameUk documents { index name } \
             fields { key kind required options } rnokppOptional termDays termUnit consentVersion consentTextUk } }",
            json!({"s": service}),
        )
        .await;
    let form = &data(&form)["applicationForm"];
    assert_eq!(form["documents"].as_array().unwrap().len(), 2, "{form}");
    assert_eq!(form["fields"][0]["key"], "address");
    assert_eq!(form["fields"][1]["kind"], "CHOICE");
    assert_eq!(form["termUnit"], "working_days");
    let consent = form["consentVersion"].as_str().unwrap().to_owned();
    assert!(
        form["consentTextUk"]
            .as_str()
            .unwrap()
            .contains("персональних даних")
    );

    let input = |fields: Value, rnokpp: &str| {
        json!({"i": {
            "serviceId": service,
            "person": {"fullName": "Ольга Гнатюк", "email": email, "phone": "067 111 22 33", "rnokpp": rnokpp},
            "fields": fields,
            "documents": [{"slot": 0, "file": null}, {"slot": 1, "file": null}],
            "consentVersion": consent,
        }})
    };
    let good_fields = json!([{"key": "address", "value": "вул. Садова, 7"}, {"key": "purpose", "value": "для банку"}]);
    let cases_before = app.count("SELECT count(*) FROM application").await;
    let documents_before = app.count("SELECT count(*) FROM application_document").await;

    // Bad input names the field and changes nothing.
    let files: &[(&[u8], &str)] = &[(PDF, "passport.pdf"), (PDF, "deed.pdf")];
    let res = gql_files(
        &app,
        "petrykivska",
        &token,
        SUBMIT,
        input(good_fields.clone(), "3012345671"),
        files,
    )
    .await;
    assert_bad_input(&res, "person.rnokpp", "check digit");
    let res = gql_files(
        &app,
        "petrykivska",
        &token,
        SUBMIT,
        input(
            json!([{"key": "purpose", "value": "для банку"}]),
            "3012345670",
        ),
        files,
    )
    .await;
    assert_bad_input(&res, "fields.address", "required");
    let not_pdf: &[(&[u8], &str)] = &[
        (b"MZ\x90\x00 an executable", "passport.pdf"),
        (PDF, "deed.pdf"),
    ];
    let res = gql_files(
        &app,
        "petrykivska",
        &token,
        SUBMIT,
        input(good_fields.clone(), "3012345670"),
        not_pdf,
    )
    .await;
    assert_bad_input(&res, "documents[0]", "PDF, JPEG or PNG");
    let mut no_consent = input(good_fields.clone(), "3012345670");
    no_consent["i"]["consentVersion"] = json!("");
    let res = gql_files(&app, "petrykivska", &token, SUBMIT, no_consent, files).await;
    assert_bad_input(&res, "consentVersion", "consent");
    let res = gql_files(
        &app,
        "petrykivska",
        "",
        SUBMIT,
        input(good_fields.clone(), "3012345670"),
        files,
    )
    .await;
    assert_eq!(error_code(&res), "UNAUTHENTICATED", "{res}");
    assert_eq!(
        app.count("SELECT count(*) FROM application").await,
        cases_before
    );
    assert_eq!(
        app.count("SELECT count(*) FROM application_document").await,
        documents_before
    );

    // The application is made.
    let res = gql_files(
        &app,
        "petrykivska",
        &token,
        SUBMIT,
        input(good_fields, "3012345670"),
        files,
    )
    .await;
    let payload = &data(&res)["submitApplication"];
    let case = &payload["application"];
    let tracking = case["tracking"].as_str().unwrap().to_owned();
    let id = case["id"].as_str().unwrap().to_owned();
    let code = payload["accessCode"].as_str().unwrap().to_owned();
    assert!(
        regex::Regex::new(r"^PTR-\d{4}-\d{6}-\d$")
            .unwrap()
            .is_match(&tracking),
        "{tracking}"
    );
    assert_eq!(case["status"], "SUBMITTED");
    assert_eq!(case["channel"], "WEB");
    assert!(case["dueDate"].is_string(), "{case}");
    assert!(
        payload["statusUrl"]
            .as_str()
            .unwrap()
            .contains(&format!("/status/{tracking}?code={code}"))
    );

    // The applicant hears of it by e-mail and SMS, with the status link.
    let mail = smtp
        .wait(10, |m| m.to == email && m.subject.contains(&tracking))
        .await;
    assert!(mail.body.contains("Подано"), "{}", mail.body);
    assert!(
        mail.body
            .contains(&format!("/status/{tracking}?code={code}")),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("Очікуваний строк: до "), "{}", mail.body);
    let sms = wait_texts(&texts, phone, |t| t.contains(&tracking)).await;
    assert!(sms.contains("Подано"), "{sms}");

    // Anyone with the number and the code follows it; a wrong code and an unknown number
    // are the same NOT_FOUND.
    let by_number = "query($n: String!, $c: String!) { applicationByTracking(number: $n, code: $c) { tracking status person { fullName } } }";
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            by_number,
            json!({"n": tracking, "c": code.to_lowercase()}),
        )
        .await;
    assert_eq!(
        data(&res)["applicationByTracking"]["person"]["fullName"],
        "Ольга Гнатюк"
    );
    let wrong = app
        .gql(
            Some("petrykivska"),
            None,
            by_number,
            json!({"n": tracking, "c": "AAAAAAAA"}),
        )
        .await;
    assert_eq!(error_code(&wrong), "NOT_FOUND");
    // A well-formed number no case has.
    let year: u16 = tracking[4..8].parse().unwrap();
    let other_number =
        hromada_tenants::applications::tracking::TrackingNumber::new("PTR", year, 999_999)
            .unwrap()
            .to_string();
    let unknown = app
        .gql(
            Some("petrykivska"),
            None,
            by_number,
            json!({"n": other_number, "c": code}),
        )
        .await;
    assert_eq!(error_code(&unknown), "NOT_FOUND", "{unknown}");
    assert_eq!(
        unknown["errors"][0]["message"]
            .as_str()
            .unwrap()
            .replace(&other_number, "N"),
        wrong["errors"][0]["message"]
            .as_str()
            .unwrap()
            .replace(&tracking, "N"),
        "an unknown number and a wrong code read the same"
    );
    // The number is the community's: another community does not know it.
    let elsewhere = app
        .gql(
            Some("tsarychanska"),
            None,
            by_number,
            json!({"n": tracking, "c": code}),
        )
        .await;
    assert_eq!(error_code(&elsewhere), "NOT_FOUND");

    // The CNAP returns it for correction with a remark on one document.
    let cnap = app.demo_login("cnap@petrykivska.hromada.localhost").await;
    let inbox = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            "{ applications(filter: {status: SUBMITTED, channel: WEB}, first: 100) { nodes { id tracking } counts { status count } overdue } }",
            json!({}),
        )
        .await;
    let inbox = &data(&inbox)["applications"];
    assert!(
        inbox["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["tracking"] == tracking.as_str()),
        "{inbox}"
    );
    let submitted_count = inbox["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "SUBMITTED")
        .unwrap()["count"]
        .as_i64()
        .unwrap();
    assert!(submitted_count >= 2, "{inbox}");
    let overdue = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            "{ applications(filter: {overdue: true}) { nodes { overdue channel } overdue } }",
            json!({}),
        )
        .await;
    let overdue = &data(&overdue)["applications"];
    assert!(
        overdue["overdue"].as_i64().unwrap() >= 2,
        "the demo has overdue cases: {overdue}"
    );
    assert!(
        overdue["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["overdue"] == true),
        "{overdue}"
    );
    // The overdue list runs most overdue first, one case a page, every overdue case once.
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut after = Value::Null;
    loop {
        let page = app
            .gql(
                Some("petrykivska"),
                Some(&cnap),
                "query($a: String) { applications(filter: {overdue: true}, first: 1, after: $a) \
                 { nodes { tracking dueDate } hasNextPage endCursor } }",
                json!({"a": after}),
            )
            .await;
        let page = &data(&page)["applications"];
        for n in page["nodes"].as_array().unwrap() {
            seen.push((
                n["dueDate"].as_str().unwrap().to_owned(),
                n["tracking"].as_str().unwrap().to_owned(),
            ));
        }
        if page["hasNextPage"] != true {
            break;
        }
        after = page["endCursor"].clone();
    }
    assert_eq!(seen.len() as i64, overdue["overdue"].as_i64().unwrap());
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
    let mut distinct: Vec<&String> = seen.iter().map(|(_, t)| t).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len(), "{seen:?}");
    // A cursor of the newest-first list is refused under the overdue filter.
    let newest = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            "{ applications(first: 1) { endCursor } }",
            json!({}),
        )
        .await;
    let mixed = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            "query($a: String) { applications(filter: {overdue: true}, after: $a) { overdue } }",
            json!({"a": data(&newest)["applications"]["endCursor"]}),
        )
        .await;
    assert_eq!(error_code(&mixed), "BAD_USER_INPUT", "{mixed}");

    let returned = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("returnForCorrection", "ReturnForCorrectionInput"),
            json!({"i": {"id": id, "version": 1, "remarks": [{"field": "documents[0]", "text": "Скан нечитабельний"}]}}),
        )
        .await;
    let returned = &data(&returned)["returnForCorrection"]["application"];
    assert_eq!(returned["status"], "LEFT_WITHOUT_MOVEMENT");
    assert_eq!(returned["paused"], true);
    assert!(
        returned["dueDate"].is_null(),
        "the term stands still: {returned}"
    );
    assert!(returned["fixBy"].is_string());
    smtp.wait(10, |m| {
        m.to == email && m.subject.contains("Залишено без руху")
    })
    .await;

    // The applicant corrects only what was remarked.
    let correct = "mutation($i: CorrectApplicationInput!) { correctApplication(input: $i) { application { status version dueDate documents { slot fileName } } } }";
    let res = gql_files(
        &app,
        "petrykivska",
        &token,
        correct,
        json!({"i": {"id": id, "version": 2, "fields": [{"key": "address", "value": "вул. Миру, 1"}], "documents": []}}),
        &[],
    )
    .await;
    assert_bad_input(&res, "fields.address", "no remark");
    let res = gql_files(
        &app,
        "petrykivska",
        &token,
        correct,
        json!({"i": {"id": id, "version": 2, "documents": [{"slot": 0, "file": null}], "comment": "Додала чіткий скан"}}),
        &[(PDF, "passport-clear.pdf")],
    )
    .await;
    let corrected = &data(&res)["correctApplication"]["application"];
    assert_eq!(corrected["status"], "SUBMITTED");
    assert!(corrected["dueDate"].is_string());
    assert!(
        corrected["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["fileName"] == "passport-clear.pdf")
    );
    let version = corrected["version"].as_i64().unwrap();

    // Register and forward; the provider's representative then sees it, another's does not.
    let reg = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("registerApplication", "ApplicationMoveInput"),
            json!({"i": {"id": id, "version": version}}),
        )
        .await;
    let version = data(&reg)["registerApplication"]["application"]["version"]
        .as_i64()
        .unwrap();
    let stale = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("forwardApplication", "ForwardApplicationInput"),
            json!({"i": {"id": id, "version": version - 1}}),
        )
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");
    let fwd = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("forwardApplication", "ForwardApplicationInput"),
            json!({"i": {"id": id, "version": version}}),
        )
        .await;
    let version = data(&fwd)["forwardApplication"]["application"]["version"]
        .as_i64()
        .unwrap();
    let provider = app
        .demo_login("provider@petrykivska.hromada.localhost")
        .await;
    let one = format!("query($id: ID!) {{ application(id: $id) {{ {CASE} }} }}");
    let seen = app
        .gql(
            Some("petrykivska"),
            Some(&provider),
            &one,
            json!({"id": id}),
        )
        .await;
    assert_eq!(data(&seen)["application"]["status"], "AT_PROVIDER");
    assert!(
        app.count(&format!(
            "SELECT count(*) FROM application_read WHERE application_id = '{id}'"
        ))
        .await
            >= 1,
        "the read is logged"
    );
    let foreign = app
        .demo_login("provider@tsarychanska.hromada.localhost")
        .await;
    let denied = app
        .gql(Some("petrykivska"), Some(&foreign), &one, json!({"id": id}))
        .await;
    assert!(
        ["FORBIDDEN", "NOT_FOUND"].contains(&error_code(&denied)),
        "{denied}"
    );
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let denied = app
        .gql(Some("petrykivska"), Some(&editor), &one, json!({"id": id}))
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN", "{denied}");

    // Two officers decide at once: exactly one wins.
    let head = app.demo_login("head@petrykivska.hromada.localhost").await;
    let decide = move_query("decideApplication", "DecideApplicationInput");
    let approve = json!({"i": {"id": id, "version": version, "approved": true, "grounds": "Відомості підтверджено"}});
    let refuse = json!({"i": {"id": id, "version": version, "approved": false, "grounds": "Не власник", "legalBasis": "ст. 7"}});
    let (a, b) = tokio::join!(
        app.gql(Some("petrykivska"), Some(&provider), &decide, approve),
        app.gql(Some("petrykivska"), Some(&head), &decide, refuse),
    );
    let wins = [&a, &b]
        .iter()
        .filter(|r| r.get("errors").is_none())
        .count();
    assert_eq!(wins, 1, "{a}\n{b}");
    let loser = if a.get("errors").is_some() { &a } else { &b };
    assert_eq!(error_code(loser), "CONFLICT", "{loser}");
    let winner = if a.get("errors").is_none() { &a } else { &b };
    let decided = &winner["data"]["decideApplication"]["application"];
    let approved = decided["status"] == "APPROVED";
    let version = decided["version"].as_i64().unwrap();
    let history = decided["history"].as_array().unwrap();
    assert!(
        history.iter().any(|h| h["action"] == "start_review"),
        "{decided}"
    );

    // Result ready, issued; the applicant rates it once.
    let ready = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("markResultReady", "ApplicationMoveInput"),
            json!({"i": {"id": id, "version": version}}),
        )
        .await;
    let version = data(&ready)["markResultReady"]["application"]["version"]
        .as_i64()
        .unwrap();
    let issued = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("markIssued", "ApplicationMoveInput"),
            json!({"i": {"id": id, "version": version, "channel": "COUNTER"}}),
        )
        .await;
    assert_eq!(
        data(&issued)["markIssued"]["application"]["status"],
        "ISSUED"
    );
    let again = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("markIssued", "ApplicationMoveInput"),
            json!({"i": {"id": id, "version": version + 1}}),
        )
        .await;
    assert_eq!(error_code(&again), "CONFLICT");
    assert!(
        again["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("issued"),
        "{again}"
    );

    let rate = "mutation($i: RateApplicationInput!) { rateApplication(input: $i) { application { rating { score comment } } } }";
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            rate,
            json!({"i": {"id": id, "score": 11}}),
        )
        .await;
    assert_bad_input(&res, "score", "0 to 10");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            rate,
            json!({"i": {"id": id, "score": 10, "comment": "Дуже швидко"}}),
        )
        .await;
    assert_eq!(
        data(&res)["rateApplication"]["application"]["rating"]["score"],
        10
    );
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            rate,
            json!({"i": {"id": id, "score": 3}}),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT");

    // The applicant's own list, and the history of every move.
    let mine = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ myApplications { tracking status } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&mine)["myApplications"][0]["tracking"],
        tracking.as_str()
    );
    let statuses = [
        "Подано",
        "Залишено без руху",
        "Зареєстровано",
        "Передано суб’єкту надання",
        "Видано",
    ];
    for status in statuses {
        smtp.wait(10, |m| {
            m.to == email && m.subject.contains(&tracking) && m.subject.contains(status)
        })
        .await;
    }
    let decided_uk = if approved {
        "Прийнято рішення"
    } else {
        "Відмовлено"
    };
    smtp.wait(10, |m| m.to == email && m.subject.contains(decided_uk))
        .await;
    wait_texts(&texts, phone, |t| t.contains("Видано")).await;
    assert!(
        texts_to(&texts, phone).len() >= 8,
        "{:?}",
        texts_to(&texts, phone)
    );
    // Every message's delivery is recorded.
    let sent = app
        .count(&format!(
            "SELECT count(*) FROM outbox_attempt a JOIN outbox o ON o.id = a.outbox_id \
             WHERE o.application_id = '{id}' AND a.outcome = 'sent'"
        ))
        .await;
    assert!(sent >= 16, "mail and SMS for each of 8+ steps: {sent}");
    let stats = app
        .gql(Some("petrykivska"), None, "{ applicationStats { serviceId submitted completed onTime onTimePercent ratings nps } }", json!({}))
        .await;
    let row = data(&stats)["applicationStats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["serviceId"] == service.as_str())
        .cloned()
        .unwrap();
    assert!(
        row["submitted"].as_i64().unwrap() >= 1 && row["completed"].as_i64().unwrap() >= 1,
        "{row}"
    );
    assert!(row["ratings"].as_i64().unwrap() >= 1, "{row}");
    // Documents: the applicant and the case's staff download them (staff reads are logged);
    // a site editor gets nothing. The applicant exports everything held about the case.
    let docs = app
        .gql(Some("petrykivska"), Some(&token), &one, json!({"id": id}))
        .await;
    let url = data(&docs)["application"]["documents"][0]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let get = |token: String, path: String| {
        app.http
            .get(format!("{}{path}", app.base_url))
            .header("Host", format!("petrykivska.{}", app.config.domain))
            .bearer_auth(token)
            .send()
    };
    let res = get(token.clone(), url.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(&res.bytes().await.unwrap()[..5], b"%PDF-");
    let reads_before = app
        .count(&format!(
            "SELECT count(*) FROM application_read WHERE application_id = '{id}'"
        ))
        .await;
    let res = get(cnap.clone(), url.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.count(&format!("SELECT count(*) FROM application_read WHERE application_id = '{id}' AND what LIKE 'document:%'")).await,
        1,
        "the staff download is logged ({reads_before} reads before)"
    );
    let res = get(editor.clone(), url.clone()).await.unwrap();
    assert!(
        [403, 404].contains(&res.status().as_u16()),
        "{}",
        res.status()
    );
    let res = get(token.clone(), format!("/applications/{id}/export"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let export: Value = res.json().await.unwrap();
    assert_eq!(export["tracking"], tracking.as_str());
    assert_eq!(export["rating"]["score"], 10);
    assert!(export["history"].as_array().unwrap().len() >= 9, "{export}");
    assert!(
        export["readBy"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["user_email"] == "provider@petrykivska.hromada.localhost"),
        "the applicant sees who read the case: {export}"
    );
    let res = get(cnap.clone(), format!("/applications/{id}/export"))
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "the export is the applicant's");

    // Open data: the statistics as CSV.
    let csv = app
        .http
        .get(format!("{}/open-data/applications.csv", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with("community,service_id,name_uk"), "{csv}");
    assert!(csv.contains(&service), "{csv}");
    gateway.stop(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paper_applications_count_their_term_and_escalate_on_the_clock_the_test_sets() {
    let app = TestApp::spawn().await;
    let cnap = app.demo_login("cnap@petrykivska.hromada.localhost").await;
    let service = service_by_code_suffix(&app, "petrykivska", "-E01").await;
    let today = Utc::now().date_naive();
    let received = today - Duration::days(3);
    let intake = "mutation($i: IntakeApplicationInput!) { intakeApplication(input: $i) { accessCode application { id tracking channel status dueDate submittedAt } } }";
    let person = json!({"fullName": "Степан Гуменюк", "rnokpp": "3012345670"});
    let fields = json!([{"key": "address", "value": "вул. Соборна, 2"}, {"key": "purpose", "value": "інше"}]);
    let res = app
        .gql(Some("petrykivska"), Some(&cnap), intake, json!({"i": {"serviceId": service, "channel": "POST", "person": person, "fields": fields, "receivedOn": received.to_string()}}))
        .await;
    let case = &data(&res)["intakeApplication"]["application"];
    assert_eq!(case["channel"], "POST");
    // Five working days counted from the day after receipt, by the calendar.
    let due: NaiveDate = case["dueDate"].as_str().unwrap().parse().unwrap();
    let mut day = received;
    let mut counted = 0;
    let holidays = app.count("SELECT count(*) FROM calendar_day").await;
    assert!(holidays > 0);
    while counted < 5 {
        day += Duration::days(1);
        let holiday = app
            .count(&format!(
                "SELECT count(*) FROM calendar_day c JOIN tenant t ON t.slug = 'petrykivska' \
                 WHERE c.tenant_id IN (t.id, t.parent_id) AND c.day = '{day}' AND c.kind = 'holiday'"
            ))
            .await;
        let weekend = matches!(
            chrono::Datelike::weekday(&day),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        );
        if holiday == 0 && !weekend {
            counted += 1;
        }
    }
    assert_eq!(due, day, "{case}");
    // A future receipt, and a channel that is not paper, are refused.
    let res = app
        .gql(Some("petrykivska"), Some(&cnap), intake, json!({"i": {"serviceId": service, "channel": "POST", "person": person, "fields": fields, "receivedOn": (today + Duration::days(2)).to_string()}}))
        .await;
    assert_bad_input(&res, "receivedOn", "future");
    let res = app
        .gql(Some("petrykivska"), Some(&cnap), intake, json!({"i": {"serviceId": service, "channel": "WEB", "person": person, "fields": fields}}))
        .await;
    assert_bad_input(&res, "channel", "COUNTER or POST");
    // A site editor takes no applications.
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let res = app
        .gql(Some("petrykivska"), Some(&editor), intake, json!({"i": {"serviceId": service, "channel": "COUNTER", "person": person, "fields": fields}}))
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");

    // Escalation on the working day before the due date, then the day after it; once each.
    let tracking = case["tracking"].as_str().unwrap().to_owned();
    let mut before = due - Duration::days(1);
    while matches!(
        chrono::Datelike::weekday(&before),
        chrono::Weekday::Sat | chrono::Weekday::Sun
    ) {
        before -= Duration::days(1);
    }
    assert!(upkeep::escalate(&app.app_db, before).await.unwrap() >= 1);
    let mail = app
        .wait_eml(10, |m| {
            m.to == "head@petrykivska.hromada.localhost" && m.subject.contains(&tracking)
        })
        .await;
    assert!(mail.subject.contains("Завтра строк"), "{}", mail.subject);
    let count_mails = || {
        app.eml_mails()
            .into_iter()
            .filter(|m| m.subject.contains(&tracking))
            .count()
    };
    let after_first = count_mails();
    upkeep::escalate(&app.app_db, before).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(count_mails(), after_first, "escalated once");
    upkeep::escalate(&app.app_db, due + Duration::days(1))
        .await
        .unwrap();
    let overdue = app
        .wait_eml(10, |m| {
            m.subject.contains(&tracking) && m.subject.contains("Прострочено")
        })
        .await;
    assert_eq!(overdue.to, "head@petrykivska.hromada.localhost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_expire_lock_after_five_wrong_tries_and_are_rate_limited() {
    let app = TestApp::spawn().await;
    let ask =
        "mutation($i: RequestApplicantCodeInput!) { requestApplicantCode(input: $i) { sent } }";
    let verify =
        "mutation($i: VerifyApplicantCodeInput!) { verifyApplicantCode(input: $i) { token } }";
    let phone = "+380501234567";
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            ask,
            json!({"i": {"address": "050 123 45 67"}}),
        )
        .await;
    assert_eq!(data(&res)["requestApplicantCode"]["sent"], true);
    // The SMS goes out through the file gateway (no gateway configured).
    let sms_dir = app.config.sms_dir.clone();
    let mut code = String::new();
    let six_digits = regex::Regex::new(r"\d{6}").unwrap();
    for _ in 0..100 {
        if let Some(text) = std::fs::read_dir(&sms_dir).ok().and_then(|d| {
            d.flatten().find_map(|e| {
                let v: Value = serde_json::from_slice(&std::fs::read(e.path()).ok()?).ok()?;
                (v["to"] == phone).then(|| v["text"].as_str().unwrap_or_default().to_owned())
            })
        }) {
            code = six_digits.find(&text).unwrap().as_str().to_owned();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(code.len(), 6, "an SMS with the code");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let res = app
            .gql(
                Some("petrykivska"),
                None,
                verify,
                json!({"i": {"address": phone, "code": wrong}}),
            )
            .await;
        assert_eq!(error_code(&res), "UNAUTHENTICATED", "{res}");
    }
    // Locked: even the right code is refused now.
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            verify,
            json!({"i": {"address": phone, "code": code}}),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["reason"], "THROTTLED",
        "{res}"
    );
    // An expired code is refused.
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            ask,
            json!({"i": {"address": "expired@example.com"}}),
        )
        .await;
    data(&res);
    app.admin
        .execute_unprepared("UPDATE applicant_code SET expires_at = now() - interval '1 second' WHERE address = 'expired@example.com'")
        .await
        .unwrap();
    let mail = app.wait_eml(10, |m| m.to == "expired@example.com").await;
    let code = regex::Regex::new(r"\d{6}")
        .unwrap()
        .find(&mail.body)
        .unwrap()
        .as_str()
        .to_owned();
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            verify,
            json!({"i": {"address": "expired@example.com", "code": code}}),
        )
        .await;
    assert_eq!(error_code(&res), "UNAUTHENTICATED");
    // Five codes an hour per address.
    for _ in 0..4 {
        let res = app
            .gql(
                Some("petrykivska"),
                None,
                ask,
                json!({"i": {"address": phone}}),
            )
            .await;
        data(&res);
    }
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            ask,
            json!({"i": {"address": phone}}),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["reason"], "THROTTLED",
        "{res}"
    );
    // Codes are kept hashed.
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM applicant_code WHERE code_hash = convert_to('{code}', 'UTF8')"
        ))
        .await,
        0
    );
    // A bad address names the field.
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            ask,
            json!({"i": {"address": "12345"}}),
        )
        .await;
    assert_bad_input(&res, "address", "mobile");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_lookups_by_number_are_throttled() {
    let app = TestApp::spawn().await;
    let by_number = "query($n: String!, $c: String!) { applicationByTracking(number: $n, code: $c) { tracking } }";
    let number = {
        let row = app
            .admin
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                "SELECT a.tracking FROM application a JOIN tenant t ON t.id = a.tenant_id WHERE t.slug = 'petrykivska' LIMIT 1",
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<String>(0).unwrap()
    };
    for _ in 0..20 {
        let res = app
            .gql(
                Some("petrykivska"),
                None,
                by_number,
                json!({"n": number, "c": "WRONGONE"}),
            )
            .await;
        assert_eq!(error_code(&res), "NOT_FOUND", "{res}");
    }
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            by_number,
            json!({"n": number, "c": "WRONGONE"}),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["reason"], "THROTTLED",
        "{res}"
    );
}

/// A GET of a community site's page, with an optional applicant cookie.
async fn site_get(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let mut req = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain));
    if let Some(c) = cookie {
        req = req.header("Cookie", format!("hromada_applicant={c}"));
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn hidden(html: &str, name: &str) -> String {
    let re = regex::Regex::new(&format!(r#"name="{name}" value="([^"]*)""#)).unwrap();
    re.captures(html)
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("no {name} in the page"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_takes_an_application_without_javascript_and_its_pages_pass_axe() {
    let app = TestApp::spawn().await;
    let service = service_by_code_suffix(&app, "petrykivska", "-E01").await;
    let host = format!("petrykivska.{}", app.config.domain);

    // The services page offers the online application.
    let (status, html) = site_get(&app, "/services", None).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("href=\"/apply/{service}\"")),
        "no apply link"
    );
    assert!(html.contains("Подати онлайн"));

    // Sign in with a code sent by e-mail, as plain form posts.
    let (status, html) = site_get(&app, &format!("/apply/{service}"), None).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"address\""), "the sign-in step");
    let email = "taras.lysenko@example.com";
    let res = app
        .http
        .post(format!("{}/apply/{service}/code", app.base_url))
        .header("Host", &host)
        .form(&[("address", email), ("csrf", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("name=\"code\""));
    let mail = app.wait_eml(10, |m| m.to == email).await;
    let code = regex::Regex::new(r"\d{6}")
        .unwrap()
        .find(&mail.body)
        .unwrap()
        .as_str()
        .to_owned();
    let res = app
        .http
        .post(format!("{}/apply/{service}/verify", app.base_url))
        .header("Host", &host)
        .form(&[("address", email), ("code", "000000"), ("csrf", "")])
        .send()
        .await
        .unwrap();
    if code != "000000" {
        assert_eq!(res.status(), 401, "a wrong code is refused");
        let page = res.text().await.unwrap();
        assert!(page.contains("error-summary"), "the error is shown");
    }
    let res = app
        .http
        .post(format!("{}/apply/{service}/verify", app.base_url))
        .header("Host", &host)
        .form(&[("address", email), ("code", code.as_str()), ("csrf", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("hromada_applicant=")
        .to_owned();

    // The form, then a submission with a missing field: the error names it, nothing is kept.
    let (status, form) = site_get(&app, &format!("/apply/{service}"), Some(&token)).await;
    assert_eq!(status, 200);
    assert!(form.contains("enctype=\"multipart/form-data\""));
    let csrf = hidden(&form, "csrf");
    let before = app.count("SELECT count(*) FROM application").await;
    let post = |parts: Vec<(&'static str, &'static str)>, csrf: String| {
        let mut f = reqwest::multipart::Form::new().text("csrf", csrf);
        for (k, v) in parts {
            f = f.text(k, v);
        }
        f.part(
            "documents[0]",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("passport.pdf"),
        )
        .part(
            "documents[1]",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("deed.pdf"),
        )
    };
    let good = vec![
        ("person.fullName", "Тарас Лисенко"),
        ("person.email", "taras.lysenko@example.com"),
        ("person.rnokpp", "3012345670"),
        ("fields.address", "вул. Центральна, 5"),
        ("fields.purpose", "для нотаріуса"),
        (
            "consent",
            hromada_tenants::applications::case::CONSENT_VERSION,
        ),
    ];
    let missing: Vec<_> = good
        .iter()
        .filter(|(k, _)| *k != "fields.address")
        .cloned()
        .collect();
    let send = |form: reqwest::multipart::Form| {
        app.http
            .post(format!("{}/apply/{service}", app.base_url))
            .header("Host", &host)
            .header("Cookie", format!("hromada_applicant={token}"))
            .multipart(form)
            .send()
    };
    let res = send(post(missing, csrf.clone())).await.unwrap();
    assert_eq!(res.status(), 400);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("href=\"#fields-address\""),
        "the summary links to the field"
    );
    assert!(page.contains("aria-invalid=\"true\""));
    assert_eq!(app.count("SELECT count(*) FROM application").await, before);
    // A post without the session's form token is refused.
    let res = send(post(good.clone(), "forged".into())).await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("SELECT count(*) FROM application").await, before);

    let res = send(post(good, csrf)).await.unwrap();
    assert_eq!(res.status(), 200);
    let done = res.text().await.unwrap();
    let tracking = regex::Regex::new(r"PTR-\d{4}-\d{6}-\d")
        .unwrap()
        .find(&done)
        .expect("the number")
        .as_str()
        .to_owned();
    let status_href = regex::Regex::new(r#"href="(/status/[^"]+)""#)
        .unwrap()
        .captures(&done)
        .unwrap()[1]
        .replace("&amp;", "&");
    assert_eq!(
        app.count("SELECT count(*) FROM application").await,
        before + 1
    );

    // The status page, by the link and by the lookup form; a wrong code finds nothing.
    let (status, page) = site_get(&app, &status_href, None).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&tracking) && page.contains("Подано"),
        "{page}"
    );
    let access = status_href.rsplit("code=").next().unwrap().to_owned();
    let (status, _) = site_get(
        &app,
        &format!("/status?number={tracking}&code={access}"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, page) = site_get(
        &app,
        &format!("/status?number={tracking}&code=WRONGONE"),
        None,
    )
    .await;
    assert_eq!(status, 404);
    assert!(page.contains("error-summary"));
    let (status, page) = site_get(&app, &format!("/en{status_href}"), Some(&token)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Submitted") && page.contains("Withdraw the application"),
        "the owner may withdraw"
    );

    // Every page of the flow passes axe (WCAG 2.1 AA) in Chromium.
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    let site = format!("http://petrykivska.{}:{port}", app.config.domain);
    let pages = [
        format!("{site}/services"),
        format!("{site}/apply/{service}"),
        format!("{site}/apply/{service}|hromada_applicant={token}"),
        format!("{site}/en/apply/{service}|hromada_applicant={token}"),
        format!("{site}/status"),
        format!("{site}{status_href}|hromada_applicant={token}"),
        format!("{site}/en{status_href}"),
    ];
    hromada_tests::assert_axe_clean(&pages).await;
    hromada_tests::assert_fits_a_phone(&pages).await;
}

/// Starts the test OpenID provider (`tests/browser/oidc_provider.mjs`) and waits until it
/// listens; the child stops when dropped.
async fn oidc_provider(redirect: &str) -> (String, tokio::process::Child) {
    use tokio::io::AsyncBufReadExt;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let mut child = tokio::process::Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/browser/oidc_provider.mjs"
        ))
        .arg(port.to_string())
        .arg(redirect)
        .env(
            "WEB_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../backend/web"),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node runs the OpenID provider (infra/setup.sh --test installs oidc-provider)");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(issuer) = line.strip_prefix("ready ") {
                return issuer.to_owned();
            }
        }
        panic!("the OpenID provider stopped");
    })
    .await
    .expect("the OpenID provider listens");
    // Whatever it prints later is read, so that it never writes to a closed pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (ready, child)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn applicants_sign_in_with_a_real_openid_provider() {
    let redirect = "http://petrykivska.localhost/auth/oidc/callback";
    let (issuer, _provider) = oidc_provider(redirect).await;
    let app = TestApp::spawn_with(|c| {
        c.oidc_issuer = Some(issuer.clone());
        c.oidc_client_id = Some("hromada".into());
        c.oidc_client_secret = Some("hromada-test-secret".into());
    })
    .await;
    let service = service_by_code_suffix(&app, "petrykivska", "-E01").await;
    let host = format!("petrykivska.{}", app.config.domain);
    // The sign-in step offers the e-ID provider.
    let (_, page) = site_get(&app, &format!("/apply/{service}"), None).await;
    assert!(page.contains("Увійти через ID.GOV.UA"), "the e-ID button");

    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = browser
        .get(format!(
            "{}/auth/oidc/start?return_to=/apply/{service}",
            app.base_url
        ))
        .header("Host", &host)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let mut next = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        next.starts_with(&issuer)
            && next.contains("code_challenge_method=S256")
            && next.contains("nonce="),
        "{next}"
    );
    // The provider's own screens: its login form, then its consent form.
    let form_re = regex::Regex::new(r#"<form[^>]*action="([^"]+)"[^>]*method="post""#).unwrap();
    let input_re = regex::Regex::new(r#"<input[^>]*>"#).unwrap();
    let name_re = regex::Regex::new(r#"name="([^"]+)""#).unwrap();
    let value_re = regex::Regex::new(r#"value="([^"]*)""#).unwrap();
    let mut callback = None;
    for _ in 0..20 {
        let res = browser.get(&next).send().await.unwrap();
        if res.status().is_redirection() {
            let location = res.headers()["location"].to_str().unwrap().to_owned();
            let absolute = if location.starts_with('/') {
                format!("{issuer}{location}")
            } else {
                location
            };
            if absolute.starts_with(redirect) {
                callback = Some(absolute);
                break;
            }
            next = absolute;
            continue;
        }
        let html = res.text().await.unwrap();
        let action = form_re
            .captures(&html)
            .unwrap_or_else(|| panic!("a form: {html}"))[1]
            .to_owned();
        let mut fields: Vec<(String, String)> = input_re
            .find_iter(&html)
            .filter_map(|tag| {
                let name = name_re.captures(tag.as_str())?[1].to_owned();
                let value = value_re
                    .captures(tag.as_str())
                    .map(|c| c[1].to_owned())
                    .unwrap_or_default();
                Some((name, value))
            })
            .collect();
        for (name, value) in fields.iter_mut() {
            match name.as_str() {
                "login" => *value = "olena".into(),
                "password" => *value = "anything".into(),
                _ => {}
            }
        }
        let action = if action.starts_with('/') {
            format!("{issuer}{action}")
        } else {
            action
        };
        let res = browser.post(action).form(&fields).send().await.unwrap();
        assert!(res.status().is_redirection(), "{}", res.status());
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        next = if location.starts_with('/') {
            format!("{issuer}{location}")
        } else {
            location
        };
        if next.starts_with(redirect) {
            callback = Some(next.clone());
            break;
        }
    }
    let callback = callback.expect("the provider sends the person back with a code");
    let path = callback.trim_start_matches("http://petrykivska.localhost");

    // A forged state is refused; the real answer signs the applicant in.
    let forged = path.replace("state=", "state=x");
    let res = app
        .http
        .get(format!("{}{forged}", app.base_url))
        .header("Host", &host)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header("Host", &host)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        303,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(
        res.headers()["location"],
        format!("/apply/{service}").as_str()
    );
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("hromada_applicant=")
        .to_owned();
    let (status, form) = site_get(&app, &format!("/apply/{service}"), Some(&token)).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("value=\"Тестова Особа olena\""),
        "the name comes from the ID token"
    );
    assert_eq!(
        app.count(&format!("SELECT count(*) FROM applicant WHERE oidc_issuer = '{issuer}' AND oidc_subject = 'olena'")).await,
        1
    );
    // The code was used once: replaying the callback is refused.
    let res = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header("Host", &host)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_cases_lose_their_files_after_the_retention_period_but_keep_the_decision() {
    let app = TestApp::spawn().await;
    let blobs = hromada_backend::storage::from_config(&app.config).unwrap();
    // An issued demo case of Petrykivka with documents, closed four years ago.
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT a.id::text, d.blob_key FROM application a JOIN tenant t ON t.id = a.tenant_id \
             JOIN application_document d ON d.application_id = a.id \
             WHERE t.slug = 'petrykivska' AND a.status = 'issued' AND a.decision IS NOT NULL LIMIT 1",
        ))
        .await
        .unwrap()
        .expect("an issued demo case with documents");
    let id: String = row.try_get_by_index(0).unwrap();
    let key: String = row.try_get_by_index(1).unwrap();
    assert!(blobs.get(&key).await.is_ok(), "the file is there");
    // Shared files (the same scan in another case) must stay while that case is kept.
    app.admin
        .execute_unprepared(&format!(
            "UPDATE application SET closed_at = now() - interval '4 years' WHERE id = '{id}'; \
             UPDATE application_document SET blob_key = blob_key || '.own' WHERE application_id = '{id}'"
        ))
        .await
        .unwrap();
    let own_key = format!("{key}.own");
    blobs
        .put(&own_key, b"%PDF-1.4 own copy".to_vec(), "application/pdf")
        .await
        .unwrap();
    let today = Utc::now().date_naive();
    let purged = upkeep::purge_expired(&app.app_db, blobs.as_ref(), today)
        .await
        .unwrap();
    assert!(purged >= 1, "{purged}");
    assert!(
        blobs.get(&own_key).await.is_err(),
        "the expired file is gone"
    );
    assert!(
        blobs.get(&key).await.is_ok(),
        "a file other cases still hold stays"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM application_document WHERE application_id = '{id}' AND (blob_key IS NOT NULL OR purged_at IS NULL)"
        ))
        .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM application WHERE id = '{id}' AND decision IS NOT NULL AND documents_purged_at IS NOT NULL"
        ))
        .await,
        1,
        "the record of the decision stays"
    );
    // A case closed within the period keeps its files.
    assert_eq!(
        upkeep::purge_expired(&app.app_db, blobs.as_ref(), today)
            .await
            .unwrap(),
        0
    );
}

/// The counts per status a user sees on the desk, as GraphQL gives them.
async fn desk_counts(app: &TestApp, session: &str, filter: Value) -> Vec<(String, i64)> {
    let res = app
        .gql(
            Some("petrykivska"),
            Some(session),
            "query($f: ApplicationFilter) { applications(filter: $f, first: 1) { counts { status count } } }",
            json!({"f": filter}),
        )
        .await;
    data(&res)["applications"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["count"].as_i64().unwrap() > 0)
        .map(|c| {
            (
                c["status"].as_str().unwrap().to_owned(),
                c["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The same counts straight from the cases, as the database's owner.
async fn true_counts(app: &TestApp, and: &str) -> Vec<(String, i64)> {
    app.admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT upper(a.status), count(*) FROM application a \
                 WHERE a.tenant_id = (SELECT id FROM tenant WHERE slug = 'petrykivska') {and} \
                 GROUP BY a.status"
            ),
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.try_get_by_index::<String>(0).unwrap(),
                r.try_get_by_index::<i64>(1).unwrap(),
            )
        })
        .collect()
}

fn sorted(mut v: Vec<(String, i64)>) -> Vec<(String, i64)> {
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desks_counts_kept_aside_match_the_cases_through_moves_and_folding() {
    let app = TestApp::spawn().await;
    let cnap = app.demo_login("cnap@petrykivska.hromada.localhost").await;
    let provider = app
        .demo_login("provider@petrykivska.hromada.localhost")
        .await;
    let provider_filter = "AND a.provider_id = (SELECT provider_id FROM role_grant g \
        JOIN app_user u ON u.id = g.user_id \
        WHERE u.email = 'provider@petrykivska.hromada.localhost' AND g.provider_id IS NOT NULL)";
    let check = |label: &'static str| {
        let app = &app;
        let cnap = cnap.clone();
        let provider = provider.clone();
        async move {
            let all = sorted(desk_counts(app, &cnap, json!({})).await);
            assert!(!all.is_empty(), "{label}: the demo has cases");
            assert_eq!(all, sorted(true_counts(app, "").await), "{label}: all");
            assert_eq!(
                sorted(desk_counts(app, &cnap, json!({"channel": "COUNTER"})).await),
                sorted(true_counts(app, "AND a.channel = 'counter'").await),
                "{label}: one channel"
            );
            let theirs = sorted(desk_counts(app, &provider, json!({})).await);
            assert!(!theirs.is_empty(), "{label}: the provider has cases");
            assert_eq!(
                theirs,
                sorted(true_counts(app, provider_filter).await),
                "{label}: a provider's representative counts only their provider's cases"
            );
        }
    };
    check("as seeded").await;

    // Move every submitted case on: the counts follow, before and after the tallies fold.
    let submitted = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            "{ applications(filter: {status: SUBMITTED}, first: 100) { nodes { id version } } }",
            json!({}),
        )
        .await;
    let nodes = data(&submitted)["applications"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert!(!nodes.is_empty(), "the demo has submitted cases");
    for n in &nodes {
        let moved = app
            .gql(
                Some("petrykivska"),
                Some(&cnap),
                &move_query("registerApplication", "ApplicationMoveInput"),
                json!({"i": {"id": n["id"], "version": n["version"]}}),
            )
            .await;
        assert_eq!(
            data(&moved)["registerApplication"]["application"]["status"],
            "REGISTERED"
        );
    }
    check("after moves").await;
    let rows_before = app.count("SELECT count(*) FROM application_tally").await;
    let folded = upkeep::fold_tallies(&app.app_db).await.unwrap();
    assert!(folded > 0, "the moves' rows fold");
    assert_eq!(
        app.count("SELECT count(*) FROM application_tally").await,
        rows_before - folded
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM (SELECT 1 FROM application_tally \
             GROUP BY tenant_id, status, service_id, provider_id, channel HAVING count(*) > 1) k"
        )
        .await,
        0,
        "one row per key after folding"
    );
    check("after folding").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_card_editor_defines_the_form_fields_and_payment_details_through_graphql() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let id = service_by_code_suffix(&app, "petrykivska", "-E02").await;
    let read = "query($id: ID!) { service(id: $id) { currentVersion card { rnokppOptional \
        formFields { key labelUk kind required options } \
        cost { free feeIndividuals feeBusinesses paymentDetails recipient iban edrpou termFromPayment } } } }";
    let before = app
        .gql(Some("petrykivska"), Some(&admin), read, json!({"id": id}))
        .await;
    let before = data(&before)["service"].clone();
    let version = before["currentVersion"].as_i64().unwrap();
    assert!(
        !before["card"]["formFields"].as_array().unwrap().is_empty(),
        "the demo's paid service has form fields: {before}"
    );
    let save = "mutation($i: UpdateServiceInput!) { updateService(input: $i) { service { currentVersion } } }";
    let mut fields = before["card"]["formFields"].as_array().unwrap().clone();

    // A reserved key, and an IBAN with a wrong check digit: named, and nothing saved.
    fields.push(json!({"key": "email", "labelUk": "Пошта ще раз", "kind": "TEXT"}));
    let bad = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            save,
            json!({"i": {"id": id, "version": version, "card": {"formFields": fields}}}),
        )
        .await;
    let n = fields.len() - 1;
    assert_bad_input(&bad, &format!("formFields[{n}].key"), "camelCase");
    let mut cost = before["card"]["cost"].clone();
    cost["iban"] = json!("UA213223130000026007233566002");
    let bad = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            save,
            json!({"i": {"id": id, "version": version, "card": {"cost": cost}}}),
        )
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
    assert!(
        bad["errors"][0]["extensions"]["field"]
            .as_str()
            .unwrap()
            .ends_with("cost.iban"),
        "{bad}"
    );
    let unchanged = app
        .gql(Some("petrykivska"), Some(&admin), read, json!({"id": id}))
        .await;
    assert_eq!(data(&unchanged)["service"], before, "nothing was saved");

    // A choice field and the RNOKPP made optional: saved, and the published form asks for them.
    fields.pop();
    fields.push(json!({"key": "delivery", "labelUk": "Як отримати результат", "labelEn": "How to get the result",
                       "kind": "CHOICE", "required": true, "options": ["У ЦНАП", "Поштою"]}));
    let saved = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            save,
            json!({"i": {"id": id, "version": version, "card": {"formFields": fields, "rnokppOptional": true}}}),
        )
        .await;
    data(&saved);
    let published = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            "mutation($i: IdInput!) { publishService(input: $i) { service { status } } }",
            json!({"i": {"id": id}}),
        )
        .await;
    assert_eq!(
        data(&published)["publishService"]["service"]["status"],
        "PUBLISHED"
    );
    let form = app
        .gql(
            Some("petrykivska"),
            None,
            "query($id: ID!) { applicationForm(serviceId: $id) { rnokppOptional fields { key kind required options } payment { iban } } }",
            json!({"id": id}),
        )
        .await;
    let form = &data(&form)["applicationForm"];
    assert_eq!(form["rnokppOptional"], true, "{form}");
    assert!(
        form["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["key"] == "delivery"
                && f["kind"] == "CHOICE"
                && f["options"] == json!(["У ЦНАП", "Поштою"])),
        "{form}"
    );
    assert_eq!(
        form["payment"]["iban"], before["card"]["cost"]["iban"],
        "{form}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_sends_a_receipt_for_a_fee_and_the_desk_confirms_the_payment() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|c| c.smtp_url = Some(smtp.url())).await;
    // A paid demo case of a known applicant, not paid yet.
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT a.id::text, a.tracking, a.access_code, ap.email FROM application a \
             JOIN applicant ap ON ap.id = a.applicant_id JOIN tenant t ON t.id = a.tenant_id \
             WHERE t.slug = 'petrykivska' AND a.fee_kopiykas IS NOT NULL AND a.paid_at IS NULL \
             AND a.closed_at IS NULL ORDER BY a.submitted_at DESC LIMIT 1",
        ))
        .await
        .unwrap()
        .expect("the demo has an unpaid paid case");
    let id: String = row.try_get_by_index(0).unwrap();
    let tracking: String = row.try_get_by_index(1).unwrap();
    let access: String = row.try_get_by_index(2).unwrap();
    let email: String = row.try_get_by_index(3).unwrap();
    let token = applicant_by_email(&app, &smtp, &email).await;
    let read = "query($id: ID!) { application(id: $id) { version paidAt payment { amount iban purpose } \
        documents { slot contentType } history { action } } }";
    let case = app
        .gql(Some("petrykivska"), Some(&token), read, json!({"id": id}))
        .await;
    let case = data(&case)["application"].clone();
    assert!(
        case["payment"]["purpose"]
            .as_str()
            .unwrap()
            .contains(&tracking),
        "the purpose of payment names the case: {case}"
    );
    let fee = app
        .count(&format!(
            "SELECT fee_kopiykas FROM application WHERE tracking = '{tracking}'"
        ))
        .await;
    assert_eq!(
        case["payment"]["amount"],
        format!("{}.{:02}", fee / 100, fee % 100),
        "the case pays the fee recorded with it"
    );
    let version = case["version"].as_i64().unwrap();
    let attach = |bytes: Vec<u8>, name: &'static str, version: i64| {
        let operations = json!({
            "query": "mutation($i: AttachPaymentReceiptInput!) { attachPaymentReceipt(input: $i) { application { version } } }",
            "variables": {"i": {"id": id, "version": version, "file": null}},
        });
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", json!({"0": ["variables.i.file"]}).to_string())
            .part("0", reqwest::multipart::Part::bytes(bytes).file_name(name));
        app.http
            .post(format!("{}/graphql", app.base_url))
            .header("Accept-Language", "en")
            .header("Host", format!("petrykivska.{}", app.config.domain))
            .bearer_auth(&token)
            .multipart(form)
            .send()
    };
    let receipts = "SELECT count(*) FROM application_document d JOIN application a ON a.id = d.application_id \
        WHERE a.tracking = '%T' AND d.slot = 'Квитанція про оплату' AND d.replaced_at IS NULL";
    let receipts = receipts.replace("%T", &tracking);

    // A file that is not a PDF or an image: named, nothing stored.
    let bad: Value = attach(b"MZ\x90\x00 not a receipt".to_vec(), "receipt.exe", version)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
    assert_eq!(bad["errors"][0]["extensions"]["field"], "receipt", "{bad}");
    assert_eq!(app.count(&receipts).await, 0);

    // A PDF: kept with the case's documents, the history records it.
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let sent: Value = attach(pdf, "kvytantsiia.pdf", version)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let version = data(&sent)["attachPaymentReceipt"]["application"]["version"]
        .as_i64()
        .unwrap();
    assert_eq!(app.count(&receipts).await, 1);
    let stale: Value = attach(b"%PDF-1.4\n%%EOF\n".to_vec(), "again.pdf", version - 1)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(error_code(&stale), "CONFLICT", "{stale}");

    // The site's status page, by number and code, shows what to pay and that the receipt is in.
    let (status, html) = site_get(&app, &format!("/status/{tracking}?code={access}"), None).await;
    assert_eq!(status, 200);
    assert!(html.contains("Призначення платежу"), "{html}");
    assert!(html.contains(&format!("заява {tracking}")), "{html}");
    assert!(html.contains("Квитанцію отримано"), "{html}");

    // The desk sees the receipt and confirms the payment; no receipt is taken after that.
    let cnap = app.demo_login("cnap@petrykivska.hromada.localhost").await;
    let seen = app
        .gql(Some("petrykivska"), Some(&cnap), read, json!({"id": id}))
        .await;
    let seen = &data(&seen)["application"];
    assert!(
        seen["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["slot"] == "Квитанція про оплату" && d["contentType"] == "application/pdf"),
        "{seen}"
    );
    assert!(
        seen["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["action"] == "receipt"),
        "{seen}"
    );
    let confirmed = app
        .gql(
            Some("petrykivska"),
            Some(&cnap),
            &move_query("confirmPayment", "ApplicationMoveInput"),
            json!({"i": {"id": id, "version": version}}),
        )
        .await;
    let version = data(&confirmed)["confirmPayment"]["application"]["version"]
        .as_i64()
        .unwrap();
    let paid = app
        .gql(Some("petrykivska"), Some(&token), read, json!({"id": id}))
        .await;
    assert!(
        data(&paid)["application"]["payment"].is_null(),
        "a paid case has nothing left to pay: {paid}"
    );
    let late: Value = attach(b"%PDF-1.4\n%%EOF\n".to_vec(), "late.pdf", version)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(error_code(&late), "CONFLICT", "{late}");

    // The site's status page shows the details to pay by while a fee is unpaid, and no more.
    let (status, html) = site_get(&app, &format!("/status/{tracking}?code={access}"), None).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Призначення платежу"), "paid: no details");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_providers_role_is_granted_for_one_provider_whose_cases_it_then_sees() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let provider_of = |slug: &'static str| {
        let app = &app;
        async move {
            app.admin
                .query_one_raw(sea_orm::Statement::from_string(
                    sea_orm::DbBackend::Postgres,
                    format!(
                        "SELECT a.provider_id::text FROM application a JOIN tenant t ON t.id = a.tenant_id \
                         WHERE t.slug = '{slug}' AND a.provider_id IS NOT NULL LIMIT 1"
                    ),
                ))
                .await
                .unwrap()
                .expect("the demo forwards cases")
                .try_get_by_index::<String>(0)
                .unwrap()
        }
    };
    let own = provider_of("petrykivska").await;
    let foreign = provider_of("tsarychanska").await;
    let grant = "mutation($i: RoleInput!) { grantRole(input: $i) { role } }";
    let who = "land@petrykivska.hromada.localhost";
    for (input, field) in [
        (json!({"email": who, "role": "provider_rep"}), "providerId"),
        (
            json!({"email": who, "role": "provider_rep", "providerId": foreign}),
            "providerId",
        ),
        (
            json!({"email": who, "role": "site_editor", "providerId": own}),
            "providerId",
        ),
    ] {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&admin),
                grant,
                json!({"i": input}),
            )
            .await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM role_grant g JOIN app_user u ON u.id = g.user_id \
             WHERE u.email = '{who}' AND g.role IN ('provider_rep', 'site_editor')"
        ))
        .await,
        0,
        "nothing granted"
    );
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            grant,
            json!({"i": {"email": who, "role": "provider_rep", "providerId": own}}),
        )
        .await;
    data(&res);

    // The new representative's inbox is their provider's cases, all of them.
    let rep = app.demo_login(who).await;
    let inbox = app
        .gql(
            Some("petrykivska"),
            Some(&rep),
            "{ applications(first: 100) { nodes { providerId } counts { count } } }",
            json!({}),
        )
        .await;
    let inbox = &data(&inbox)["applications"];
    let nodes = inbox["nodes"].as_array().unwrap();
    let theirs = app
        .count(&format!(
            "SELECT count(*) FROM application WHERE provider_id = '{own}'"
        ))
        .await;
    assert_eq!(nodes.len() as i64, theirs, "{inbox}");
    assert!(
        nodes.iter().all(|n| n["providerId"] == own.as_str()),
        "{inbox}"
    );
    let counted: i64 = inbox["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_i64().unwrap())
        .sum();
    assert_eq!(counted, theirs);

    // An invitation to a provider's role carries the provider to the grant.
    let invited = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            "mutation($i: InviteUserInput!) { inviteUser(input: $i) { role } }",
            json!({"i": {"email": "new.rep@example.com", "role": "provider_head", "providerId": own}}),
        )
        .await;
    data(&invited);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM invitation WHERE email = 'new.rep@example.com' AND provider_id = '{own}'"
        ))
        .await,
        1
    );
}
