//! Benchmark of the e-queue (issue 27), on the demo with one CNAP set up as a large one: 12
//! windows and 40 services in four groups.
//!
//! - `availableSlots` over the 30-day horizon, one client, 200 requests over the 40 services
//!   (target p95 < 20 ms);
//! - bookings under contention: 16 clients booking one day's times of one group through
//!   `bookVisit` until the day is full, against the booking's own statements run bare in one
//!   transaction (as the superuser, on another day, by 16 other people): throughput and p95
//!   side by side.
//!
//! Run: `infra/bench.sh queue`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, Utc, Weekday};
use hromada_tests::TestApp;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

const CLIENTS: usize = 16;
const WORKPLACES: usize = 12;
const SERVICES: usize = 40;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn kyiv_today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Kyiv)
        .date_naive()
}

/// The next Monday to Friday at least `ahead` days away.
fn working_day(ahead: i64) -> NaiveDate {
    let mut d = kyiv_today() + chrono::Duration::days(ahead);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d += chrono::Duration::days(1);
    }
    d
}

/// Attempts' latencies and outcomes of `clients` clients running `work` until it says stop.
async fn contend<F, Fut>(clients: usize, work: Arc<F>) -> (Vec<Duration>, usize, Duration)
where
    F: Fn(usize, usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Option<bool>> + Send,
{
    let booked = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut handles = Vec::new();
    for client in 0..clients {
        let (work, booked) = (work.clone(), booked.clone());
        handles.push(tokio::spawn(async move {
            let mut times = Vec::new();
            for attempt in 0.. {
                let t = Instant::now();
                let Some(ok) = work(client, attempt).await else {
                    break;
                };
                times.push(t.elapsed());
                if ok {
                    booked.fetch_add(1, Ordering::Relaxed);
                }
                if started.elapsed() > Duration::from_secs(30) {
                    break;
                }
            }
            times
        }));
    }
    let mut times = Vec::new();
    for h in handles {
        times.extend(h.await.expect("client"));
    }
    times.sort();
    (times, booked.load(Ordering::Relaxed), started.elapsed())
}

/// One booking as bare SQL in one transaction: the statements `booking::book` runs, without
/// the server around them. True when it booked.
async fn book_bare(
    db: &sea_orm::DatabaseConnection,
    cnap: &str,
    service: &str,
    person: &str,
    at: &str,
    shift_days: i64,
    budget_seconds: f64,
) -> bool {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await.expect("begin");
    let stmt = |sql: &str, values: Vec<sea_orm::Value>| {
        Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
    };
    // The windows serving the service's group that the taken times leave free, in order.
    let windows = txn
        .query_all_raw(stmt(
            "WITH t AS (SELECT $3::timestamptz + make_interval(days => $4::int) AS at), \
             taken AS (SELECT b.workplace_id, b.starts_at, b.ends_at FROM queue_booking b, t \
               WHERE b.tenant_id = (SELECT tenant_id FROM cnap WHERE id = $1::uuid) AND b.cnap_id = $1::uuid \
               AND b.status IN ('booked', 'checked_in') \
               AND b.starts_at < t.at + interval '1 day' AND b.ends_at > t.at - interval '1 day') \
             SELECT w.id::text, w.tenant_id::text, q.group_id::text FROM queue_workplace w \
             JOIN queue_service q ON q.tenant_id = w.tenant_id AND q.cnap_id = w.cnap_id, t \
             WHERE w.cnap_id = $1::uuid AND q.service_id = $2::uuid AND q.group_id = ANY (w.group_ids) \
             AND w.active AND NOT EXISTS (SELECT 1 FROM taken k WHERE k.workplace_id = w.id \
               AND tstzrange(k.starts_at, k.ends_at) && tstzrange(t.at, t.at + interval '20 minutes')) \
             ORDER BY w.name_uk",
            vec![cnap.into(), service.into(), at.into(), shift_days.into()],
        ))
        .await
        .expect("windows");
    for w in windows {
        let window: String = w.try_get("", "id").expect("id");
        let tenant: String = w.try_get("", "tenant_id").expect("tenant");
        let group: String = w.try_get("", "group_id").expect("group");
        txn.execute_raw(stmt("SAVEPOINT attempt", vec![]))
            .await
            .expect("savepoint");
        txn.execute_raw(stmt(
            "SELECT pg_advisory_xact_lock(hashtextextended('queue:' || $1 || ':' || \
             ($2::timestamptz + make_interval(days => $3::int))::date, 0))",
            vec![window.clone().into(), at.into(), shift_days.into()],
        ))
        .await
        .expect("lock");
        let used: f64 = txn
            .query_one_raw(stmt(
            "SELECT coalesce(sum(extract(epoch FROM b.ends_at - b.starts_at)), 0)::float8 AS used \
             FROM queue_booking b WHERE b.tenant_id = $1::uuid AND b.workplace_id = $2::uuid \
             AND b.status IN ('booked', 'checked_in') \
             AND b.day = ($3::timestamptz + make_interval(days => $4::int))::date",
            vec![tenant.clone().into(), window.clone().into(), at.into(), shift_days.into()],
        ))
        .await
        .expect("room")
        .expect("a row")
        .try_get("", "used")
        .expect("used");
        // The walk-ins' share: a window's day takes no more booked minutes than the budget.
        if used + 20.0 * 60.0 > budget_seconds {
            txn.execute_raw(stmt("ROLLBACK TO SAVEPOINT attempt", vec![]))
                .await
                .expect("rollback to savepoint");
            continue;
        }
        let inserted = txn
            .execute_raw(stmt(
                "INSERT INTO queue_booking (tenant_id, id, cnap_id, workplace_id, service_id, group_id, \
                 applicant_id, person, lang, starts_at, ends_at, day, code, token_hash) \
                 VALUES ($1::uuid, gen_random_uuid(), $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, \
                 '{\"fullName\": \"Бенчмарк Черга\", \"email\": \"queue@example.com\"}', 'uk', \
                 $7::timestamptz + make_interval(days => $8::int), \
                 $7::timestamptz + make_interval(days => $8::int, mins => 20), \
                 ($7::timestamptz + make_interval(days => $8::int))::date, \
                 lpad((random() * 999999)::int::text, 6, '0'), sha256(gen_random_uuid()::text::bytea))",
                vec![
                    tenant.clone().into(),
                    cnap.into(),
                    window.into(),
                    service.into(),
                    group.into(),
                    person.into(),
                    at.into(),
                    shift_days.into(),
                ],
            ))
            .await;
        if inserted.is_err() {
            txn.execute_raw(stmt("ROLLBACK TO SAVEPOINT attempt", vec![]))
                .await
                .expect("rollback to savepoint");
            continue;
        }
        txn.execute_raw(stmt("RELEASE SAVEPOINT attempt", vec![]))
            .await
            .expect("release");
        // The confirmation: an e-mail (with its calendar file) and an SMS, through the outbox
        // (due in a year, so the server's sender leaves these stand-ins alone).
        for (kind, body) in [("mail", "x".repeat(2_000)), ("sms", "x".repeat(160))] {
            txn.execute_raw(stmt(
                "INSERT INTO outbox (tenant_id, kind, payload, give_up_at, next_attempt_at) \
                 VALUES ($1::uuid, $2, jsonb_build_object('body', $3::text), now() + interval '72 hours', \
                 now() + interval '1 year')",
                vec![tenant.clone().into(), kind.into(), body.into()],
            ))
            .await
            .expect("outbox");
        }
        txn.commit().await.expect("commit");
        return true;
    }
    txn.commit().await.expect("commit");
    false
}

#[tokio::main]
async fn main() {
    let app = Arc::new(TestApp::spawn_with(|c| c.db_max_connections = 24).await);
    let head = app.demo_login("head@petrykivska.hromada.localhost").await;
    let cnaps = app
        .gql(
            Some("petrykivska"),
            None,
            "{ cnaps { id active } }",
            json!({}),
        )
        .await;
    let cnap = cnaps["data"]["cnaps"]
        .as_array()
        .expect("cnaps")
        .iter()
        .find(|c| c["active"] == true)
        .expect("an active CNAP")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let services: Vec<String> = app
        .admin
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT s.id::text FROM service s JOIN tenant t ON t.id = s.tenant_id \
                 WHERE t.slug = 'petrykivska' ORDER BY s.id LIMIT {SERVICES}"
            ),
        ))
        .await
        .expect("services")
        .iter()
        .filter_map(|r| r.try_get_by_index(0).ok())
        .collect();
    let settings = app
        .gql(
            Some("petrykivska"),
            None,
            "query($c: ID!) { queueSettings(cnapId: $c) { version workplaces { id } } }",
            json!({"c": cnap}),
        )
        .await;
    let settings = &settings["data"]["queueSettings"];
    let letters = ["A", "B", "C", "D"];
    let existing: Vec<Value> = settings["workplaces"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let workplaces: Vec<Value> = (0..WORKPLACES)
        .map(|i| {
            json!({"id": existing.get(i).map(|w| w["id"].clone()), "nameUk": format!("Вікно {}", i + 1),
                   "groups": [letters[i % 4], letters[(i + 1) % 4]]})
        })
        .collect();
    let saved = app
        .gql(
            Some("petrykivska"),
            Some(&head),
            "mutation($i: UpdateQueueSettingsInput!) { updateQueueSettings(input: $i) { settings { version } } }",
            json!({"i": {"cnapId": cnap, "version": settings["version"], "walkInPercent": 30,
                "groups": letters.iter().map(|l| json!({"letter": l, "nameUk": format!("Група {l}")})).collect::<Vec<_>>(),
                "workplaces": workplaces,
                "services": services.iter().enumerate().map(|(i, s)| json!({"serviceId": s, "group": letters[i % 4], "minutes": 20})).collect::<Vec<_>>()}}),
        )
        .await;
    assert!(saved.get("errors").is_none(), "{saved}");
    println!(
        "CNAP with {WORKPLACES} windows and {} services, 20-minute visits, 30 % kept for walk-ins",
        services.len()
    );

    // Free times over the horizon, one client.
    let today = kyiv_today();
    let mut times = Vec::new();
    for i in 0..200 {
        let t = Instant::now();
        let res = app
            .gql(
                Some("petrykivska"),
                None,
                "query($c: ID!, $s: ID!, $f: NaiveDate!, $t: NaiveDate!) { availableSlots(cnapId: $c, serviceId: $s, from: $f, to: $t) { date slots { startsAt free } } }",
                json!({"c": cnap, "s": services[i % services.len()], "f": today, "t": today + chrono::Duration::days(30)}),
            )
            .await;
        times.push(t.elapsed());
        assert!(res.get("errors").is_none(), "{res}");
    }
    times.sort();
    println!("\n| measure | p50 ms | p95 ms | target |");
    println!("| --- | --- | --- | --- |");
    println!(
        "| availableSlots, 30 days, 200 requests | {:.2} | {:.2} | p95 < 20 ms |",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95))
    );

    // One day's times of group A, booked by 16 clients through GraphQL until none is left.
    let day = working_day(3);
    let group_a: Vec<String> = services.iter().step_by(4).cloned().collect();
    let slots = app
        .gql(
            Some("petrykivska"),
            None,
            "query($c: ID!, $s: ID!, $f: NaiveDate!) { availableSlots(cnapId: $c, serviceId: $s, from: $f, to: $f) { slots { startsAt } } }",
            json!({"c": cnap, "s": group_a[0], "f": day}),
        )
        .await;
    let starts: Arc<Vec<String>> = Arc::new(
        slots["data"]["availableSlots"][0]["slots"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|s| s["startsAt"].as_str().map(str::to_owned))
            .collect(),
    );
    let mut tokens = Vec::new();
    for i in 0..CLIENTS * group_a.len() {
        let token = format!("ha_qbench{i:055}");
        app.admin
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "WITH a AS (INSERT INTO applicant (id, email) VALUES (gen_random_uuid(), $1) \
                   ON CONFLICT ((lower(email))) DO UPDATE SET lang = applicant.lang RETURNING id) \
                 INSERT INTO applicant_session (token_hash, applicant_id, expires_at) \
                 SELECT sha256(convert_to($2, 'UTF8')), id, now() + interval '1 day' FROM a \
                 ON CONFLICT (token_hash) DO NOTHING",
                [
                    format!("qbench{i}@example.com").into(),
                    token.clone().into(),
                ],
            ))
            .await
            .expect("applicant");
        tokens.push(token);
    }
    let tokens = Arc::new(tokens);
    let group_a = Arc::new(group_a);
    let (a, c, s, g, tk) = (
        app.clone(),
        cnap.clone(),
        starts.clone(),
        group_a.clone(),
        tokens.clone(),
    );
    let served = contend(
        CLIENTS,
        Arc::new(move |client: usize, attempt: usize| {
            let (app, cnap, starts, group, tokens) = (a.clone(), c.clone(), s.clone(), g.clone(), tk.clone());
            async move {
                if attempt >= group.len() * 4 {
                    return None;
                }
                // Each person books one service once: a new person for every service.
                let service = &group[attempt % group.len()];
                let token = &tokens[client * group.len() + attempt % group.len()];
                let at = &starts[(client * 7 + attempt * 3) % starts.len().max(1)];
                let res = app
                    .gql(
                        Some("petrykivska"),
                        Some(token),
                        "mutation($i: BookVisitInput!) { bookVisit(input: $i) { booking { id } } }",
                        json!({"i": {"cnapId": cnap, "serviceId": service, "startsAt": at, "fullName": "Бенчмарк Черга", "email": "queue@example.com"}}),
                    )
                    .await;
                Some(res.get("errors").is_none())
            }
        }),
    )
    .await;

    // The booking's own statements bare, on the next working day, by 16 clients of their
    // own (new people, as on the served side): one transaction as the superuser that reads
    // the taken times, then for each window that serves the group and looked free, a
    // savepoint, the window-day lock, the room check, the INSERT (refused by the exclusion
    // constraint when another took the time); then the confirmation's e-mail and SMS queued
    // and the commit. What the server adds is the rest: HTTP, GraphQL, the applicant's
    // session, the plan (settings, CNAP, card, calendar) and the mail's rendering.
    let bare_day = working_day(4 + i64::from(day.weekday() == Weekday::Fri) * 2);
    let shift = (bare_day - day).num_days();
    let mut people = Vec::new();
    for i in 0..CLIENTS * group_a.len() {
        let row = app
            .admin
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "INSERT INTO applicant (id, email) VALUES (gen_random_uuid(), $1) \
                 ON CONFLICT ((lower(email))) DO UPDATE SET lang = applicant.lang RETURNING id::text",
                [format!("qbare{i}@example.com").into()],
            ))
            .await
            .expect("applicant")
            .expect("a row");
        people.push(row.try_get::<String>("", "id").expect("id"));
    }
    let people = Arc::new(people);
    // The booked minutes a window's day may hold (what the server let the served day fill).
    let budget: f64 = app
        .admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT coalesce(max(s), 0)::float8 AS budget FROM (SELECT sum(extract(epoch FROM ends_at - starts_at)) AS s \
             FROM queue_booking WHERE cnap_id = $1::uuid AND day = $2 AND status = 'booked' GROUP BY workplace_id) w",
            [cnap.clone().into(), day.into()],
        ))
        .await
        .expect("budget")
        .expect("a row")
        .try_get("", "budget")
        .expect("budget");
    let bare_db = Arc::new(
        hromada_backend::db::connect(&app.config.database_admin_url, 24)
            .await
            .expect("the bare side's pool"),
    );
    let (c, s, g) = (cnap.clone(), starts.clone(), group_a.clone());
    let bare = contend(
        CLIENTS,
        Arc::new(move |client: usize, attempt: usize| {
            let (db, cnap, starts, group, people) = (
                bare_db.clone(),
                c.clone(),
                s.clone(),
                g.clone(),
                people.clone(),
            );
            async move {
                if attempt >= group.len() * 4 {
                    return None;
                }
                let service = group[attempt % group.len()].clone();
                let person = people[client * group.len() + attempt % group.len()].clone();
                let at = starts[(client * 7 + attempt * 3) % starts.len().max(1)].clone();
                Some(book_bare(&db, &cnap, &service, &person, &at, shift, budget).await)
            }
        }),
    )
    .await;
    println!(
        "\n| bookings of one day, {CLIENTS} clients | attempts | booked | attempts/s | p50 ms | p95 ms |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for (label, (times, booked, took)) in [
        ("bookVisit (GraphQL)", &served),
        ("its statements bare", &bare),
    ] {
        println!(
            "| {label} | {} | {booked} | {:.0} | {:.2} | {:.2} |",
            times.len(),
            times.len() as f64 / took.as_secs_f64(),
            ms(percentile(times, 0.5)),
            ms(percentile(times, 0.95))
        );
    }
    println!(
        "\np95 ratio (GraphQL / bare): {:.2}",
        ms(percentile(&served.0, 0.95)) / ms(percentile(&bare.0, 0.95)).max(0.001)
    );
    let double = app
        .count(
            "SELECT count(*) FROM queue_booking a JOIN queue_booking b ON a.workplace_id = b.workplace_id \
             AND a.id < b.id AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) \
             WHERE a.status = 'booked' AND b.status = 'booked'",
        )
        .await;
    assert_eq!(double, 0, "no window is booked twice");
}
