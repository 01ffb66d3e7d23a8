//! The e-queue (issue 27), end to end on a real PostgreSQL and a real SMTP server.

use chrono::{DateTime, Duration, Utc};
use hromada_tests::smtp::SmtpServer;
use hromada_tests::{TestApp, assert_bad_input, data, error_code};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

const SLOTS: &str = "query($c: ID!, $s: ID!, $f: NaiveDate!, $t: NaiveDate!) { \
    availableSlots(cnapId: $c, serviceId: $s, from: $f, to: $t) { date slots { startsAt time free } } }";

const BOOK: &str = "mutation($i: BookVisitInput!) { bookVisit(input: $i) { token booking { id status code \
    startsAt whenUk cnapNameUk serviceNameUk } } }";

const SETTINGS: &str = "query($c: ID!) { queueSettings(cnapId: $c) { version horizonDays walkInPercent \
    groups { letter } workplaces { id nameUk groups active } services { serviceId group minutes } } }";

const UPDATE: &str = "mutation($i: UpdateQueueSettingsInput!) { updateQueueSettings(input: $i) { \
    bookingsChanged settings { version workplaces { id nameUk active } } } }";

/// The first CNAP of a community.
async fn cnap_of(app: &TestApp, slug: &str) -> String {
    let res = app
        .gql(Some(slug), None, "{ cnaps { id active } }", json!({}))
        .await;
    data(&res)["cnaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["active"] == true)
        .expect("an active CNAP")["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An applicant session made directly in the database (for many applicants at once).
async fn applicant_token(app: &TestApp, i: usize) -> String {
    let token = format!("ha_queue{i:056}");
    app.admin
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "WITH a AS (INSERT INTO applicant (id, email) VALUES (gen_random_uuid(), $1) \
               ON CONFLICT ((lower(email))) DO UPDATE SET lang = applicant.lang RETURNING id) \
             INSERT INTO applicant_session (token_hash, applicant_id, expires_at) \
             SELECT sha256(convert_to($2, 'UTF8')), id, now() + interval '1 day' FROM a",
            [format!("queue{i}@example.com").into(), token.clone().into()],
        ))
        .await
        .unwrap();
    token
}

/// An applicant session through the one-time code sent to `email`.
async fn applicant_by_code(app: &TestApp, smtp: &SmtpServer, email: &str) -> String {
    let sent = app
        .gql(
            Some("petrykivska"),
            None,
            "mutation($i: RequestApplicantCodeInput!) { requestApplicantCode(input: $i) { sent } }",
            json!({"i": {"address": email}}),
        )
        .await;
    data(&sent);
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
            "mutation($i: VerifyApplicantCodeInput!) { verifyApplicantCode(input: $i) { token } }",
            json!({"i": {"address": email, "code": code}}),
        )
        .await;
    data(&res)["verifyApplicantCode"]["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The queue's settings, and the first service of group `letter`.
async fn settings_and_service(app: &TestApp, cnap: &str, letter: &str) -> (Value, String) {
    let res = app
        .gql(Some("petrykivska"), None, SETTINGS, json!({"c": cnap}))
        .await;
    let settings = data(&res)["queueSettings"].clone();
    assert!(
        settings["version"].as_i64().unwrap() >= 1,
        "the demo configures the queue: {settings}"
    );
    let service = settings["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["group"] == letter)
        .expect("a service of the group")["serviceId"]
        .as_str()
        .unwrap()
        .to_owned();
    (settings, service)
}

/// Free times of `service` over the next `days` days, flattened.
async fn free_times(app: &TestApp, cnap: &str, service: &str, days: i64) -> Vec<Value> {
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Kyiv)
        .date_naive();
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            SLOTS,
            json!({"c": cnap, "s": service, "f": today, "t": today + Duration::days(days)}),
        )
        .await;
    data(&res)["availableSlots"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().unwrap().clone())
        .collect()
}

fn book_input(cnap: &str, service: &str, starts_at: &Value, name: &str, email: &str) -> Value {
    json!({"i": {"cnapId": cnap, "serviceId": service, "startsAt": starts_at,
                 "fullName": name, "email": email}})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_people_asking_for_the_last_free_time_get_one_booking_and_199_conflicts() {
    let app = TestApp::spawn().await;
    let cnap = cnap_of(&app, "petrykivska").await;
    let (settings, service) = settings_and_service(&app, &cnap, "A").await;
    // One window takes group A, and no share is kept for walk-ins: each time is the last.
    let head = app.demo_login("head@petrykivska.hromada.localhost").await;
    let workplaces: Vec<Value> = settings["workplaces"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, w)| {
            json!({"id": w["id"], "nameUk": w["nameUk"], "groups": if i == 0 { json!(["A"]) } else { json!(["B", "C"]) }})
        })
        .collect();
    let services: Vec<Value> = settings["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!({"serviceId": s["serviceId"], "group": s["group"], "minutes": s["minutes"]}))
        .collect();
    let groups: Vec<Value> = settings["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| json!({"letter": g["letter"], "nameUk": format!("Група {}", g["letter"].as_str().unwrap())}))
        .collect();
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&head),
            UPDATE,
            json!({"i": {"cnapId": cnap, "version": settings["version"], "walkInPercent": 0,
                         "groups": groups, "workplaces": workplaces, "services": services}}),
        )
        .await;
    data(&res);
    let free = free_times(&app, &cnap, &service, 14).await;
    let target = free
        .iter()
        .find(|s| s["free"] == 1)
        .expect("a time free on one window")["startsAt"]
        .clone();

    let mut tokens = Vec::new();
    for i in 0..200 {
        tokens.push(applicant_token(&app, i).await);
    }
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for (i, token) in tokens.into_iter().enumerate() {
        let (app, cnap, service, target) =
            (app.clone(), cnap.clone(), service.clone(), target.clone());
        tasks.push(tokio::spawn(async move {
            app.gql(
                Some("petrykivska"),
                Some(&token),
                BOOK,
                book_input(
                    &cnap,
                    &service,
                    &target,
                    "Марія Коваль",
                    &format!("queue{i}@example.com"),
                ),
            )
            .await
        }));
    }
    let mut booked = 0;
    let mut conflicts = 0;
    for task in tasks {
        let res = task.await.unwrap();
        if res.get("errors").is_none() {
            booked += 1;
        } else {
            assert_eq!(error_code(&res), "CONFLICT", "{res}");
            // The nearest free times instead: up to five, in order, never the taken one.
            let near: Vec<DateTime<Utc>> = res["errors"][0]["extensions"]["alternatives"]
                .as_array()
                .expect("alternatives offered")
                .iter()
                .map(|a| serde_json::from_value(a["startsAt"].clone()).unwrap())
                .collect();
            let taken: DateTime<Utc> = serde_json::from_value(target.clone()).unwrap();
            assert!((1..=5).contains(&near.len()), "{res}");
            assert!(near.windows(2).all(|w| w[0] < w[1]), "{res}");
            assert!(!near.contains(&taken), "{res}");
            conflicts += 1;
        }
    }
    assert_eq!((booked, conflicts), (1, 199));
    let at: DateTime<Utc> = serde_json::from_value(target).unwrap();
    let rows = app
        .admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) FROM queue_booking WHERE starts_at = $1 AND status = 'booked'",
            [at.into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    assert_eq!(rows, 1, "exactly one booking holds the time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_books_moves_and_cancels_a_visit_with_a_calendar_entry_in_each_mail() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|c| c.smtp_url = Some(smtp.url())).await;
    let cnap = cnap_of(&app, "petrykivska").await;
    let (_, service) = settings_and_service(&app, &cnap, "A").await;
    let email = "nadiia.bondar@example.com";

    // Browsing free times needs no account; booking does.
    let free = free_times(&app, &cnap, &service, 30).await;
    assert!(free.len() > 10, "{free:?}");
    let first = free[0]["startsAt"].clone();
    let anonymous = app
        .gql(
            Some("petrykivska"),
            None,
            BOOK,
            book_input(&cnap, &service, &first, "Надія Бондар", email),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");
    let token = applicant_by_code(&app, &smtp, email).await;

    // A time that is not a slot, or beyond the horizon, names startsAt and books nothing.
    let before = app.count("SELECT count(*) FROM queue_booking").await;
    let at: DateTime<Utc> = serde_json::from_value(first.clone()).unwrap();
    let off = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            BOOK,
            book_input(
                &cnap,
                &service,
                &json!(at + Duration::minutes(7)),
                "Надія Бондар",
                email,
            ),
        )
        .await;
    assert_bad_input(&off, "startsAt", "not a visit time");
    let far = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            BOOK,
            book_input(
                &cnap,
                &service,
                &json!(at + Duration::days(60)),
                "Надія Бондар",
                email,
            ),
        )
        .await;
    assert_bad_input(&far, "startsAt", "horizon");
    let uk = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Host", "petrykivska.localhost")
        .header("Accept-Language", "uk")
        .bearer_auth(&token)
        .json(&json!({"query": BOOK, "variables": book_input(&cnap, &service, &json!(at + Duration::days(60)), "Надія Бондар", email)}))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert!(
        uk["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("горизонт"),
        "Ukrainian: {uk}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM queue_booking").await,
        before
    );

    // Booked: the confirmation carries the code, the link and a calendar entry.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            BOOK,
            book_input(&cnap, &service, &first, "Надія Бондар", email),
        )
        .await;
    let booked = data(&res)["bookVisit"].clone();
    let link_token = booked["token"].as_str().unwrap().to_owned();
    let code = booked["booking"]["code"].as_str().unwrap().to_owned();
    assert!(
        booked["booking"]["whenUk"]
            .as_str()
            .unwrap()
            .contains(" р., о "),
        "{booked}"
    );
    let mail = smtp
        .wait(10, |m| m.to == email && m.subject.contains("записані"))
        .await;
    assert!(mail.body.contains(&code), "{}", mail.body);
    assert!(
        mail.body.contains(&format!("/booking/manage/{link_token}")),
        "{}",
        mail.body
    );
    let (name, ics) = mail.attachments.first().expect("a calendar entry").clone();
    assert_eq!(name, "visit.ics");
    let dtstart = format!("DTSTART:{}", at.format("%Y%m%dT%H%M%SZ"));
    assert!(ics.contains(&dtstart), "{ics}");

    // One booking per person per service.
    let again = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            BOOK,
            book_input(&cnap, &service, &free[3]["startsAt"], "Надія Бондар", email),
        )
        .await;
    assert_eq!(error_code(&again), "CONFLICT", "{again}");
    let mine = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ myBookings { id status } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&mine)["myBookings"].as_array().unwrap().len(), 1);

    // Moved in one step with the link alone: the old time is free again.
    let to = free[5]["startsAt"].clone();
    let moved = app
        .gql(
            Some("petrykivska"),
            None,
            "mutation($i: MoveBookingInput!) { moveBooking(input: $i) { booking { startsAt status } } }",
            json!({"i": {"booking": {"token": link_token}, "startsAt": to}}),
        )
        .await;
    assert_eq!(data(&moved)["moveBooking"]["booking"]["startsAt"], to);
    let mail = smtp
        .wait(10, |m| m.to == email && m.subject.contains("перенесено"))
        .await;
    let new_at: DateTime<Utc> = serde_json::from_value(to).unwrap();
    assert!(
        mail.attachments[0]
            .1
            .contains(&format!("DTSTART:{}", new_at.format("%Y%m%dT%H%M%SZ"))),
        "{:?}",
        mail.attachments
    );
    let again_free = free_times(&app, &cnap, &service, 30).await;
    assert!(
        again_free.iter().any(|s| s["startsAt"] == first),
        "the old time is free"
    );

    // Cancelled with the link; a second cancel says it is cancelled already; a wrong link
    // finds nothing.
    let cancel = "mutation($i: BookingRef!) { cancelBooking(input: $i) { booking { status } } }";
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            cancel,
            json!({"i": {"token": link_token}}),
        )
        .await;
    assert_eq!(
        data(&res)["cancelBooking"]["booking"]["status"],
        "CANCELLED"
    );
    smtp.wait(10, |m| m.to == email && m.subject.contains("скасовано"))
        .await;
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            cancel,
            json!({"i": {"token": link_token}}),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT", "{res}");
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            cancel,
            json!({"i": {"token": "0".repeat(64)}}),
        )
        .await;
    assert_eq!(error_code(&res), "NOT_FOUND", "{res}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_holiday_added_after_bookings_moves_them_and_tells_each_holder_once() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|c| c.smtp_url = Some(smtp.url())).await;
    let cnap = cnap_of(&app, "petrykivska").await;
    let (_, service) = settings_and_service(&app, &cnap, "A").await;
    let free = free_times(&app, &cnap, &service, 30).await;
    // Two people book the same day, a few days ahead.
    let day_of = |s: &Value| s["startsAt"].as_str().unwrap()[..10].to_owned();
    let day = day_of(&free[free.len() / 2]);
    let on_day: Vec<&Value> = free.iter().filter(|s| day_of(s) == day).collect();
    let mut ids = Vec::new();
    for (i, slot) in on_day.iter().take(2).enumerate() {
        let email = format!("holiday{i}@example.com");
        let token = applicant_by_code(&app, &smtp, &email).await;
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&token),
                BOOK,
                book_input(&cnap, &service, &slot["startsAt"], "Остап Вишня", &email),
            )
            .await;
        ids.push(
            data(&res)["bookVisit"]["booking"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }

    // The community declares the day a holiday.
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let date: chrono::NaiveDate =
        chrono::DateTime::parse_from_rfc3339(on_day[0]["startsAt"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Kyiv)
            .date_naive();
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            "mutation($i: SetCalendarDayInput!) { setCalendarDay(input: $i) { day { date } } }",
            json!({"i": {"date": date, "kind": "HOLIDAY", "nameUk": "День громади"}}),
        )
        .await;
    data(&res);
    for i in 0..2 {
        let email = format!("holiday{i}@example.com");
        let mail = smtp
            .wait(10, |m| m.to == email && m.subject.contains("змінив графік"))
            .await;
        assert!(
            mail.body.contains("перенесено") || mail.body.contains("скасовано"),
            "{}",
            mail.body
        );
    }
    // No booking is left on the holiday, and nobody is told twice, whatever upkeep does next.
    let left = app
        .count(&format!(
            "SELECT count(*) FROM queue_booking WHERE status = 'booked' AND day = '{date}'"
        ))
        .await;
    assert_eq!(left, 0);
    let links = hromada_tenants::applications::case::CaseLinks {
        public_url: app.base_url.clone(),
    };
    let report = hromada_tenants::queue::upkeep::run(&app.app_db, &links, Utc::now())
        .await
        .unwrap();
    assert_eq!(report.told, 0, "{report:?}");
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let told: usize = smtp
        .mails()
        .iter()
        .filter(|m| m.to.starts_with("holiday") && m.subject.contains("змінив графік"))
        .count();
    assert_eq!(told, 2);
    // The reminder goes out once, the day before.
    let moved_day: chrono::NaiveDate = app
        .admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT min(day) FROM queue_booking WHERE id::text = ANY ($1) AND status = 'booked'",
            [ids.clone().into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    let eve = moved_day
        .pred_opt()
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
        .and_local_timezone(chrono_tz::Europe::Kyiv)
        .unwrap()
        .with_timezone(&Utc);
    let first = hromada_tenants::queue::upkeep::run(&app.app_db, &links, eve)
        .await
        .unwrap();
    let second = hromada_tenants::queue::upkeep::run(&app.app_db, &links, eve)
        .await
        .unwrap();
    assert!(first.reminded >= 1, "{first:?}");
    assert_eq!(second.reminded, 0, "{second:?}");
    smtp.wait(10, |m| m.subject.contains("Нагадування")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kiosk_an_operator_and_the_board_run_the_counter() {
    let app = TestApp::spawn().await;
    let cnap = cnap_of(&app, "petrykivska").await;
    let (settings, service) = settings_and_service(&app, &cnap, "A").await;
    let window = settings["workplaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["groups"].as_array().unwrap().contains(&json!("A")))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let staff = app.demo_login("cnap@petrykivska.hromada.localhost").await;

    // A booked visitor due in five minutes, made directly: the CNAP may be closed now.
    let code = "314159";
    app.admin
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "WITH a AS (INSERT INTO applicant (id, email) VALUES (gen_random_uuid(), 'taras.shevchuk@example.com') \
               RETURNING id) \
             INSERT INTO queue_booking (tenant_id, id, cnap_id, workplace_id, service_id, group_id, \
             applicant_id, person, starts_at, ends_at, day, code, token_hash) \
             SELECT t.id, gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, s.group_id, a.id, \
               '{\"fullName\": \"Тарас Шевчук\"}', now() + interval '5 minutes', now() + interval '20 minutes', \
               (now() AT TIME ZONE 'Europe/Kyiv')::date, $4, sha256('x') \
             FROM tenant t, queue_service s, a \
             WHERE t.slug = 'petrykivska' AND s.tenant_id = t.id AND s.cnap_id = $1::uuid AND s.service_id = $3::uuid",
            [cnap.clone().into(), window.clone().into(), service.clone().into(), code.into()],
        ))
        .await
        .unwrap();

    // The kiosk: a walk-in ticket, a check-in; a wrong code changes nothing.
    let ticket = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            "mutation($i: IssueTicketInput!) { issueTicket(input: $i) { visit { id ticket status booked ahead } } }",
            json!({"i": {"cnapId": cnap, "serviceId": service}}),
        )
        .await;
    let walk_in = data(&ticket)["issueTicket"]["visit"].clone();
    assert!(
        walk_in["ticket"].as_str().unwrap().starts_with("A-"),
        "{walk_in}"
    );
    let check_in =
        "mutation($i: CheckInInput!) { checkIn(input: $i) { visit { id ticket booked } } }";
    let wrong = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            check_in,
            json!({"i": {"cnapId": cnap, "code": "000000"}}),
        )
        .await;
    assert_eq!(error_code(&wrong), "NOT_FOUND", "{wrong}");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            check_in,
            json!({"i": {"cnapId": cnap, "code": code}}),
        )
        .await;
    let booked = data(&res)["checkIn"]["visit"].clone();
    assert_eq!(booked["booked"], true);

    // Nobody is marked as not attended unless called.
    let step = |name: &str| {
        format!(
            "mutation($i: VisitStepInput!) {{ {name}(input: $i) {{ visit {{ id ticket status workplaceNameUk }} }} }}"
        )
    };
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            &step("markNoShow"),
            json!({"i": {"id": walk_in["id"]}}),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT");
    assert!(
        res["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not called"),
        "{res}"
    );

    // The operator calls: the booked visitor at their time first, then the walk-ins.
    let call = "mutation($i: CallNextInput!) { callNext(input: $i) { visit { id ticket booked status workplaceNameUk } } }";
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            call,
            json!({"i": {"workplaceId": window}}),
        )
        .await;
    let called = data(&res)["callNext"]["visit"].clone();
    assert_eq!(called["id"], booked["id"], "{called}");
    // A second call before finishing is refused.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            call,
            json!({"i": {"workplaceId": window}}),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT");
    // The board shows the call to anyone.
    let board = app
        .gql(
            Some("petrykivska"),
            None,
            "query($c: ID!) { queueBoard(cnapId: $c) { called { ticket workplaceNameUk } waiting { letter waiting } } }",
            json!({"c": cnap}),
        )
        .await;
    let board = &data(&board)["queueBoard"];
    assert_eq!(board["called"][0]["ticket"], called["ticket"], "{board}");
    assert!(
        board["called"][0]["workplaceNameUk"]
            .as_str()
            .unwrap()
            .starts_with("Вікно")
    );
    // The same board, server-rendered for a hall's display, reloads itself.
    let res = app
        .http
        .get(format!("{}/queue/board/{cnap}", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    let status = res.status();
    let refresh = res.headers().get("refresh").cloned();
    let html = res.text().await.unwrap();
    assert_eq!(status, 200, "{html}");
    assert_eq!(refresh.unwrap(), "10");
    assert!(
        html.contains(called["ticket"].as_str().unwrap()),
        "the call is on the page"
    );
    for name in ["startVisit", "finishVisit"] {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&staff),
                &step(name),
                json!({"i": {"id": called["id"]}}),
            )
            .await;
        data(&res);
    }
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM queue_booking WHERE code = '{code}' AND status = 'served'"
        ))
        .await,
        1
    );
    // Next comes a waiting walk-in; called and not come, it may be marked so.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            call,
            json!({"i": {"workplaceId": window}}),
        )
        .await;
    let next = data(&res)["callNext"]["visit"].clone();
    assert_eq!(next["booked"], false, "{next}");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            &step("markNoShow"),
            json!({"i": {"id": next["id"]}}),
        )
        .await;
    assert_eq!(data(&res)["markNoShow"]["visit"]["status"], "NO_SHOW");

    // Another community's staff cannot run this queue.
    let other = app.demo_login("cnap@tsarychanska.hromada.localhost").await;
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&other),
            call,
            json!({"i": {"workplaceId": window}}),
        )
        .await;
    assert_eq!(error_code(&res), "NOT_FOUND", "{res}");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&other),
            call,
            json!({"i": {"workplaceId": window}}),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN", "{res}");

    // The head's statistics count today's visits, their waits and the booking used.
    let head = app.demo_login("head@petrykivska.hromada.localhost").await;
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Kyiv)
        .date_naive();
    let stats = app
        .gql(
            Some("petrykivska"),
            Some(&head),
            "query($f: NaiveDate!, $t: NaiveDate!) { queueStats(from: $f, to: $t, by: WORKPLACE) { \
             rows { key visits served noShows waitMedianMinutes } total { visits served noShows waitedWithin15Percent } \
             bookings { booked used } } }",
            json!({"f": today - Duration::days(10), "t": today}),
        )
        .await;
    let stats = &data(&stats)["queueStats"];
    assert!(
        stats["total"]["visits"].as_i64().unwrap() > 20,
        "the demo's week: {stats}"
    );
    assert!(stats["total"]["noShows"].as_i64().unwrap() >= 2, "{stats}");
    assert!(stats["bookings"]["used"].as_i64().unwrap() >= 1, "{stats}");
    assert!(stats["rows"].as_array().unwrap().len() >= 2, "{stats}");
    let anonymous = app
        .gql(
            Some("petrykivska"),
            None,
            "query($f: NaiveDate!) { queueStats(from: $f, to: $f) { total { visits } } }",
            json!({"f": today}),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");

    // The oblast sees every community's queue, row by row.
    let supervisor = app.demo_login("oblast.supervisor@hromada.localhost").await;
    let oblast = app
        .gql(
            Some("dnipropetrovska"),
            Some(&supervisor),
            "query($f: NaiveDate!, $t: NaiveDate!) { queueStats(from: $f, to: $t, by: COMMUNITY) { \
             rows { key visits } total { visits } } }",
            json!({"f": today - Duration::days(10), "t": today}),
        )
        .await;
    let oblast = &data(&oblast)["queueStats"];
    let rows = oblast["rows"].as_array().unwrap();
    assert!(rows.len() >= 3, "each demo community: {oblast}");
    assert!(
        rows.iter()
            .any(|r| r["key"].as_str().unwrap().starts_with("Петриківська")),
        "{oblast}"
    );
    assert!(
        oblast["total"]["visits"].as_i64().unwrap() > stats["total"]["visits"].as_i64().unwrap(),
        "more than one community's: {oblast}"
    );
}

/// A GET of a petrykivska site page, with an optional applicant cookie.
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

fn first_capture(html: &str, re: &str) -> String {
    regex::Regex::new(re)
        .unwrap()
        .captures(html)
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("no {re} in the page"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_books_and_moves_a_visit_without_javascript_and_its_pages_pass_axe() {
    let app = TestApp::spawn().await;
    let host = format!("petrykivska.{}", app.config.domain);
    let cnap = cnap_of(&app, "petrykivska").await;
    let (_, service) = settings_and_service(&app, &cnap, "A").await;

    // The CNAP block and the booking page lead to the service, the CNAP, and its times.
    let (status, html) = site_get(&app, "/booking", None).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("/booking?service={service}")),
        "services listed"
    );
    let (_, html) = site_get(&app, &format!("/booking?service={service}"), None).await;
    assert!(html.contains(&format!("cnap={cnap}")), "the CNAP listed");
    assert!(html.contains("Найближчий вільний час"));
    let step = format!("/booking?service={service}&cnap={cnap}");
    let (_, html) = site_get(&app, &step, None).await;
    assert!(html.contains("name=\"address\""), "sign in first");

    // Sign in with a code, as plain form posts.
    let email = "lesia.ukrainka@example.com";
    let res = app
        .http
        .post(format!("{}/booking/code", app.base_url))
        .header("Host", &host)
        .form(&[("address", email), ("service", &service), ("cnap", &cnap)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let mail = app.wait_eml(10, |m| m.to == email).await;
    let code = first_capture(&mail.body, r"\b(\d{6})\b");
    let res = app
        .http
        .post(format!("{}/booking/verify", app.base_url))
        .header("Host", &host)
        .form(&[
            ("address", email),
            ("code", code.as_str()),
            ("service", &service),
            ("cnap", &cnap),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("hromada_applicant=")
        .to_owned();

    // The week's times as radio buttons; a missing name is named, nothing booked.
    let (status, html) = site_get(&app, &step, Some(&token)).await;
    assert_eq!(status, 200);
    let csrf = first_capture(&html, r#"name="csrf" value="([^"]*)""#);
    let times: Vec<String> = regex::Regex::new(r#"name="startsAt" value="([^"]+)""#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[1].to_owned())
        .collect();
    assert!(times.len() > 5, "free times shown");
    let before = app.count("SELECT count(*) FROM queue_booking").await;
    let post = |fields: Vec<(&'static str, String)>| {
        let (app, host, token) = (&app, host.clone(), token.clone());
        async move {
            app.http
                .post(format!("{}/booking", app.base_url))
                .header("Host", host)
                .header("Cookie", format!("hromada_applicant={token}"))
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    let base_fields = |name: &str, at: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("service", service.clone()),
            ("cnap", cnap.clone()),
            ("fullName", name.to_owned()),
            ("email", email.to_owned()),
            ("startsAt", at.to_owned()),
        ]
    };
    let res = post(base_fields("", &times[0])).await;
    assert_eq!(res.status(), 400);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("error-summary") && page.contains("#holder-fullName"),
        "the name is named"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM queue_booking").await,
        before
    );

    // Booked: the page of the link, the confirmation mail with its calendar entry.
    let res = post(base_fields("Леся Українка", &times[0])).await;
    assert_eq!(res.status(), 303);
    let manage = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(manage.starts_with("/booking/manage/"), "{manage}");
    let (status, html) = site_get(&app, &manage, None).await;
    assert_eq!(status, 200);
    assert!(html.contains("Ви записані"), "confirmed on the page");
    let mail = app
        .wait_eml(10, |m| m.to == email && m.subject.contains("записані"))
        .await;
    assert!(mail.attachments.iter().any(|(n, _)| n == "visit.ics"));

    // Moved on the link's page, in one step.
    let link = manage.split('?').next().unwrap().to_owned();
    let res = app
        .http
        .post(format!("{}{link}/move", app.base_url))
        .header("Host", &host)
        .form(&[("startsAt", times[2].as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, html) = site_get(&app, &format!("{link}?done=moved"), None).await;
    assert!(html.contains("Запис перенесено"));
    let moved_at: DateTime<Utc> = serde_json::from_value(json!(times[2])).unwrap();
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM queue_booking WHERE status = 'booked' AND starts_at = '{}'",
            moved_at.to_rfc3339()
        ))
        .await,
        1
    );

    // A wrong link gets a page that says so, not an error.
    let (status, html) = site_get(&app, "/booking/manage/nothing-here", None).await;
    assert_eq!(status, 404);
    assert!(html.contains("не знайдено"), "a clear page");

    // Every page passes axe (WCAG 2.1 AA) in Chromium.
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    let site = format!("http://petrykivska.{}:{port}", app.config.domain);
    let pages = [
        format!("{site}/booking"),
        format!("{site}/booking?service={service}"),
        format!("{site}{step}"),
        format!("{site}{step}|hromada_applicant={token}"),
        format!("{site}/en{step}|hromada_applicant={token}"),
        format!("{site}{link}"),
        format!("{site}/en{link}"),
        format!("{site}/queue/board/{cnap}"),
    ];
    hromada_tests::assert_axe_clean(&pages).await;
    // The board is a hall's screen, not a phone's page; the rest fit a phone.
    hromada_tests::assert_fits_a_phone(&pages[..pages.len() - 1]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_boards_subscription_hears_a_call_within_a_second() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;

    let app = TestApp::spawn().await;
    let cnap = cnap_of(&app, "petrykivska").await;
    let (settings, service) = settings_and_service(&app, &cnap, "A").await;
    let window = settings["workplaces"][0]["id"].as_str().unwrap().to_owned();
    let staff = app.demo_login("cnap@petrykivska.hromada.localhost").await;
    let ticket = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            "mutation($i: IssueTicketInput!) { issueTicket(input: $i) { visit { ticket } } }",
            json!({"i": {"cnapId": cnap, "serviceId": service}}),
        )
        .await;
    data(&ticket);

    // A display subscribes on the community's host, anonymously.
    let url = format!("{}/graphql/ws", app.base_url.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    let headers = request.headers_mut();
    headers.insert(
        "Host",
        format!("petrykivska.{}", app.config.domain)
            .parse()
            .unwrap(),
    );
    headers.insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut ws, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    ws.send(Message::text(
        json!({"type": "connection_init"}).to_string(),
    ))
    .await
    .unwrap();
    let next_json = |m: Message| -> Value { serde_json::from_str(m.to_text().unwrap()).unwrap() };
    let ack = next_json(ws.next().await.unwrap().unwrap());
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    ws.send(Message::text(
        json!({"id": "1", "type": "subscribe", "payload": {
            "query": "subscription($c: ID!) { queueBoard(cnapId: $c) { called { ticket workplaceNameUk } } }",
            "variables": {"c": cnap}}})
        .to_string(),
    ))
    .await
    .unwrap();
    let first = next_json(ws.next().await.unwrap().unwrap());
    assert_eq!(first["type"], "next", "{first}");

    // The operator calls; the board arrives within a second.
    let called = app
        .gql(
            Some("petrykivska"),
            Some(&staff),
            "mutation($i: CallNextInput!) { callNext(input: $i) { visit { ticket } } }",
            json!({"i": {"workplaceId": window}}),
        )
        .await;
    let called = data(&called)["callNext"]["visit"]["ticket"].clone();
    assert!(called.is_string(), "someone was called: {called}");
    let started = std::time::Instant::now();
    let update = tokio::time::timeout(std::time::Duration::from_secs(1), async {
        loop {
            let m = next_json(ws.next().await.unwrap().unwrap());
            if m["type"] == "next"
                && m["payload"]["data"]["queueBoard"]["called"][0]["ticket"] == called
            {
                return m;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no board with {called} within a second"));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{update}"
    );
    ws.close(None).await.ok();
}
