//! CNAP directory, calendar, catalog, adoption, the single window, coverage and open data.

use hromada_tests::{TestApp, data, error_code};
use serde_json::{Value, json};

const SCHEDULE: &str = r#"{ mon: {open: "08:00", close: "17:00", breaks: [{from: "12:00", to: "12:45"}]},
    tue: {open: "08:00", close: "17:00"}, wed: {open: "08:00", close: "17:00"},
    thu: {open: "08:00", close: "17:00"}, fri: {open: "08:00", close: "16:00"} }"#;

fn create_cnap(schedule: &str, exceptions: &str) -> String {
    format!(
        "mutation {{ createCnap(input: {{cnap: {{kind: CENTER, nameUk: \"Тестовий ЦНАП\", addressUk: \"вул. Тестова, 1\", \
         lat: 48.7, lon: 34.6, phone: \"+380 56 123 45 67\", schedule: {schedule}, exceptions: {exceptions}}}}}) \
         {{ cnap {{ id version \
            fri: status(at: \"2026-03-27T15:30:00Z\") {{ openNow nextOpening }} \
            sat: status(at: \"2026-03-28T11:30:00Z\") {{ openNow nextOpening }} \
            lunch: status(at: \"2026-11-23T10:20:00Z\") {{ openNow nextOpening }} \
            open: status(at: \"2026-11-23T08:00:00Z\") {{ openNow closesAt }} \
            holiday: status(at: \"2026-11-24T08:00:00Z\") {{ openNow nextOpening }} }} }} }}"
    )
}

async fn count(app: &TestApp, table: &str) -> i64 {
    app.count(&format!("SELECT count(*) FROM {table}")).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cnap_hours_answer_open_now_and_next_opening_in_kyiv_time() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("cnap@petrykivska.hromada.localhost").await;
    let exceptions = r#"[{date: "2026-11-24", note: "Вихідний"}]"#;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            &create_cnap(SCHEDULE, exceptions),
            json!({}),
        )
        .await;
    let cnap = &data(&res)["createCnap"]["cnap"];
    // Friday 27 March 2026, 17:30 Kyiv (UTC+2): closed; next is Monday after the DST change,
    // 08:00 Kyiv = 05:00 UTC (UTC+3).
    assert_eq!(
        cnap["fri"],
        json!({ "openNow": false, "nextOpening": "2026-03-30T05:00:00+00:00" })
    );
    assert_eq!(cnap["sat"]["nextOpening"], "2026-03-30T05:00:00+00:00");
    assert_eq!(
        cnap["lunch"],
        json!({ "openNow": false, "nextOpening": "2026-11-23T10:45:00+00:00" })
    );
    assert_eq!(
        cnap["open"],
        json!({ "openNow": true, "closesAt": "2026-11-23T10:00:00+00:00" })
    );
    // The dated exception closes Tuesday; next is Wednesday 08:00 (UTC+2).
    assert_eq!(
        cnap["holiday"],
        json!({ "openNow": false, "nextOpening": "2026-11-25T06:00:00+00:00" })
    );

    let listed = app
        .gql(
            Some("petrykivska"),
            None,
            "{ cnaps { nameUk } remoteWorkplaces { nameUk } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&listed)["cnaps"].as_array().unwrap().len(),
        2,
        "anyone reads the directory"
    );
    assert_eq!(
        data(&listed)["remoteWorkplaces"].as_array().unwrap().len(),
        1
    );

    // Stale versions are refused.
    let id = cnap["id"].as_str().unwrap();
    let update = |version: i64| {
        format!(
            "mutation {{ updateCnap(input: {{id: \"{id}\", version: {version}, cnap: {{kind: CENTER, nameUk: \"Перейменований\", \
             addressUk: \"вул. Тестова, 1\", lat: 48.7, lon: 34.6, schedule: {SCHEDULE}}}}}) {{ cnap {{ version nameUk }} }} }}"
        )
    };
    let res = app
        .gql(Some("petrykivska"), Some(&token), &update(1), json!({}))
        .await;
    assert_eq!(data(&res)["updateCnap"]["cnap"]["version"], 2);
    let res = app
        .gql(Some("petrykivska"), Some(&token), &update(1), json!({}))
        .await;
    assert_eq!(error_code(&res), "CONFLICT");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_schedules_and_providers_name_the_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let (cnaps, providers) = (count(&app, "cnap").await, count(&app, "provider").await);
    let cases = [
        (
            r#"{ mon: {open: "17:00", close: "08:00"} }"#,
            "[]",
            "schedule.mon.close",
        ),
        (
            r#"{ tue: {open: "08:00", close: "17:00", breaks: [{from: "12:00", to: "13:00"}, {from: "12:30", to: "14:00"}]} }"#,
            "[]",
            "schedule.tue.breaks[1]",
        ),
        (
            r#"{ wed: {open: "8 am", close: "17:00"} }"#,
            "[]",
            "schedule.wed.open",
        ),
        (
            SCHEDULE,
            r#"[{date: "2026-12-31"}, {date: "2026-12-31"}]"#,
            "exceptions[1].date",
        ),
    ];
    for (schedule, exceptions, field) in cases {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&token),
                &create_cnap(schedule, exceptions),
                json!({}),
            )
            .await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
    let provider = "mutation($e: String!) { createProvider(input: {nameUk: \"Управління\", edrpou: $e}) { provider { edrpou } } }";
    for (edrpou, field) in [("14360571", "edrpou"), ("1436057", "edrpou")] {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&token),
                provider,
                json!({ "e": edrpou }),
            )
            .await;
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
    assert_eq!(count(&app, "cnap").await, cnaps);
    assert_eq!(count(&app, "provider").await, providers);
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            provider,
            json!({ "e": "14360570" }),
        )
        .await;
    assert_eq!(
        data(&res)["createProvider"]["provider"]["edrpou"],
        "14360570"
    );
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            provider,
            json!({ "e": "14360570" }),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT");
    // A land officer does not keep the directory.
    let land = app.demo_login("land@petrykivska.hromada.localhost").await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&land),
            &create_cnap(SCHEDULE, "[]"),
            json!({}),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
}

const CREATE_LOCAL: &str = "mutation($c: ServiceCardInput!) { createService(input: {card: $c}) { service { id currentVersion status } } }";

fn local_card(name: &str, term: Value) -> Value {
    json!({
        "code": "LOC-1", "nameUk": name, "nameEn": "Local permit", "category": "other",
        "audience": ["INDIVIDUALS"], "result": "Дозвіл",
        "legalBasis": [{"kind": "law", "number": "5203-17", "title": "Про адміністративні послуги"}],
        "documents": [{"name": "Заява", "originalRequired": true}],
        "channels": [{"kind": "IN_PERSON"}], "cost": {"free": true}, "term": term,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn due_dates_follow_the_oblast_calendar_and_the_communitys_overrides() {
    let app = TestApp::spawn().await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let set_day = "mutation($d: NaiveDate!, $k: CalendarDayKind!) { setCalendarDay(input: {date: $d, kind: $k, nameUk: \"День\"}) { day { date } } }";
    // The oblast: 25 Dec is a holiday (demo data). The community works Saturday 26 Dec.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            set_day,
            json!({ "d": "2026-12-26", "k": "WORKING_DAY" }),
        )
        .await;
    data(&res);
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&oblast),
            set_day,
            json!({ "d": "2026-12-27", "k": "HOLIDAY" }),
        )
        .await;
    assert_eq!(
        error_code(&res),
        "FORBIDDEN",
        "the oblast admin holds no role in the community"
    );

    let res = app
        .gql(Some("petrykivska"), Some(&admin), CREATE_LOCAL, json!({ "c": local_card("Дозвіл на ярмарок", json!({"days": 3, "unit": "WORKING_DAYS"})) }))
        .await;
    let id = data(&res)["createService"]["service"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let due = "query($at: DateTime!, $id: ID!) { dueDate(submittedAt: $at, serviceId: $id) { date term { days unit } } }";
    // Wed 23 Dec: Thu 24 (1), Fri 25 holiday, Sat 26 worked here (2), Sun 27, Mon 28 (3).
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            due,
            json!({ "at": "2026-12-23T10:00:00Z", "id": id }),
        )
        .await;
    assert_eq!(data(&res)["dueDate"]["date"], "2026-12-28");
    // The same holidays view: the community sees the oblast's entry and its own.
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            "{ holidays(from: \"2026-12-20\", to: \"2026-12-31\") { date kind inherited } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&res)["holidays"],
        json!([{ "date": "2026-12-25", "kind": "HOLIDAY", "inherited": true },
               { "date": "2026-12-26", "kind": "WORKING_DAY", "inherited": false }])
    );

    // A card with no term: 30 calendar days; 2 Dec + 30 = 1 Jan 2027 (holiday, Friday) → Mon 4 Jan.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            CREATE_LOCAL,
            json!({ "c": local_card("Без строку", Value::Null) }),
        )
        .await;
    let id = data(&res)["createService"]["service"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            due,
            json!({ "at": "2026-12-02T09:00:00Z", "id": id }),
        )
        .await;
    assert_eq!(
        data(&res)["dueDate"],
        json!({ "date": "2027-01-04", "term": { "days": 30, "unit": "CALENDAR_DAYS" } })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_is_all_or_nothing_and_bad_cards_name_the_field() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@tsarychanska.hromada.localhost").await;
    let before = (
        count(&app, "service").await,
        count(&app, "public_service").await,
    );
    for (patch, field) in [
        (
            json!({"term": {"days": 0, "unit": "WORKING_DAYS"}}),
            "term.days",
        ),
        (
            json!({"cost": {"free": false, "feeIndividuals": "-10"}}),
            "cost.feeIndividuals",
        ),
        (json!({"category": "astrology"}), "category"),
        (
            json!({"channels": [{"kind": "ONLINE_ELSEWHERE"}]}),
            "channels[0].url",
        ),
    ] {
        let mut card = local_card("Погана картка", Value::Null);
        for (k, v) in patch.as_object().unwrap() {
            card[k] = v.clone();
        }
        let res = app
            .gql(
                Some("tsarychanska"),
                Some(&admin),
                CREATE_LOCAL,
                json!({ "c": card }),
            )
            .await;
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
    assert_eq!(
        (
            count(&app, "service").await,
            count(&app, "public_service").await
        ),
        before
    );

    // A draft without documents saves, but does not publish.
    let mut card = local_card("Чернетка без документів", Value::Null);
    card["documents"] = json!([]);
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            CREATE_LOCAL,
            json!({ "c": card }),
        )
        .await;
    let id = data(&res)["createService"]["service"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let publish = "mutation($id: ID!) { publishService(input: {id: $id}) { service { status publishedVersion } } }";
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            publish,
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "documents",
        "{res}"
    );
    let mut card = local_card("x", Value::Null);
    card["legalBasis"] = json!([]);
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            CREATE_LOCAL,
            json!({ "c": card }),
        )
        .await;
    let no_law = data(&res)["createService"]["service"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            publish,
            json!({ "id": no_law }),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "legalBasis",
        "{res}"
    );
    assert_eq!(count(&app, "public_service").await, before.1);

    // Versions: fix it, publish; the previous version is kept.
    let update = "mutation($id: ID!, $v: Int!, $c: ServiceCardInput!) { updateService(input: {id: $id, version: $v, card: $c}) { service { currentVersion status } } }";
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            update,
            json!({ "id": id, "v": 1, "c": {"documents": [{"name": "Заява"}]} }),
        )
        .await;
    assert_eq!(data(&res)["updateService"]["service"]["currentVersion"], 2);
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            update,
            json!({ "id": id, "v": 1, "c": {"nameEn": "x"} }),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT");
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            publish,
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        data(&res)["publishService"]["service"],
        json!({ "status": "PUBLISHED", "publishedVersion": 2 })
    );
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            "query($id: ID!) { serviceVersions(id: $id) { version stored } }",
            json!({ "id": id }),
        )
        .await;
    let versions = data(&res)["serviceVersions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["stored"]["documents"], json!([]));
    // Visitors see published services only.
    let res = app
        .gql(
            Some("tsarychanska"),
            None,
            "{ services(first: 100) { edges { node { card { nameUk } } } } }",
            json!({}),
        )
        .await;
    let names: Vec<&str> = data(&res)["services"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["card"]["nameUk"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Чернетка без документів"));
    assert!(
        !names.contains(&"x"),
        "an unpublished card is shown to visitors"
    );
}

const SEARCH: &str = "query($q: String!, $f: SearchFilterInput, $near: PointInput) { searchServices(query: $q, filter: $f, near: $near, first: 50) { edges { node { id community { slug } card { code nameUk nameEn term { days unit } cost { free } documents { name } } score distanceMeters places { nameUk distanceMeters status { openNow } } mobileVisits { placeUk } } } } }";

fn found(res: &Value) -> Vec<(String, String)> {
    data(res)["searchServices"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["node"]["community"]["slug"].as_str().unwrap().to_owned(),
                e["node"]["card"]["nameUk"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_window_finds_services_from_typos_and_transliteration() {
    let app = TestApp::spawn().await;
    for q in [
        "реєстраця місця проживаня",
        "propyska",
        "reiestratsiia mistsia prozhyvannia",
        "Registration of residence",
    ] {
        let res = app
            .gql(Some("dnipropetrovska"), None, SEARCH, json!({ "q": q }))
            .await;
        let hits = found(&res);
        assert!(
            hits.iter()
                .take(3)
                .any(|(_, n)| n == "Реєстрація місця проживання особи"),
            "{q}: {hits:?}"
        );
    }
    // Word forms: the stored documents hold lemmas (the hunspell dictionary), so a plural
    // genitive meets the card's singular, and the window finds the land services by it.
    let lemmas = app
        .count(
            "SELECT count(*) FROM search_text WHERE search_doc @@ plainto_tsquery('app.ukrainian', 'земельних ділянок')",
        )
        .await;
    assert!(lemmas >= 3, "{lemmas} texts hold the lemma of «ділянок»");
    let res = app
        .gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "відведення ділянок" }),
        )
        .await;
    let hits = found(&res);
    assert!(
        hits.iter()
            .take(3)
            .any(|(_, n)| n.contains("відведення земельної ділянки")),
        "{hits:?}"
    );
    // From a community's host the window still spans the oblast.
    let res = app
        .gql(Some("kryvorizka"), None, SEARCH, json!({ "q": "прописка" }))
        .await;
    let slugs: std::collections::BTreeSet<String> =
        found(&res).into_iter().map(|(s, _)| s).collect();
    assert!(
        slugs.contains("petrykivska") && slugs.contains("tsarychanska"),
        "{slugs:?}"
    );

    // Near Petrykivka: its CNAP comes first, with distances, documents, term and cost.
    let res = app
        .gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "реєстрація місця проживання", "near": {"lat": 48.73, "lon": 34.62} }),
        )
        .await;
    let first = &data(&res)["searchServices"]["edges"][0]["node"];
    assert_eq!(first["community"]["slug"], "petrykivska", "{first}");
    let d = first["distanceMeters"].as_f64().unwrap();
    assert!(d > 100.0 && d < 2_000.0, "{d}");
    let places = first["places"].as_array().unwrap();
    assert!(
        places[0]["distanceMeters"].as_f64().unwrap()
            <= places[1]["distanceMeters"].as_f64().unwrap()
    );
    assert!(!first["card"]["documents"].as_array().unwrap().is_empty());
    assert_eq!(first["card"]["term"]["unit"], "WORKING_DAYS");
    assert!(
        !first["mobileVisits"].as_array().unwrap().is_empty(),
        "{first}"
    );

    // Filters.
    let res = app
        .gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "", "f": {"community": "tsarychanska", "category": "passport"} }),
        )
        .await;
    let hits = found(&res);
    assert!(
        !hits.is_empty() && hits.iter().all(|(s, _)| s == "tsarychanska"),
        "{hits:?}"
    );
    let res = app
        .gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "", "f": {"onlineOnly": true, "free": true, "community": "petrykivska"} }),
        )
        .await;
    for e in data(&res)["searchServices"]["edges"].as_array().unwrap() {
        assert_eq!(e["node"]["card"]["cost"]["free"], true);
    }
    assert!(
        found(&res)
            .iter()
            .any(|(_, n)| n == "Державна реєстрація фізичної особи – підприємця")
    );
    assert!(
        !found(&res).iter().any(|(_, n)| n.contains("шлюбу")),
        "paid or offline services leaked"
    );

    let long = "х".repeat(300);
    let res = app
        .gql(Some("dnipropetrovska"), None, SEARCH, json!({ "q": long }))
        .await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "query");
}

/// With `near`, each matching text probes the nearest communities one by one, and a text that
/// fills no page there reads all its farther rows instead: both ways rank the same services in
/// the same order (here every text takes the second way, or a mix of both).
#[tokio::test]
async fn near_ranking_is_the_same_whether_texts_probe_or_read_all_their_rows() {
    use hromada_tenants::catalog::search::{
        NEAR_PROBES, Near, SearchFilter, Wanted, search_sql_probing,
    };
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

    let app = TestApp::spawn().await;
    let oblast = hromada_tenants::tenant::by_slug(&app.app_db, "dnipropetrovska")
        .await
        .unwrap()
        .unwrap()
        .id;
    let near = Some(Near {
        lat: 48.73,
        lon: 34.62,
    });
    for (query, filter) in [
        ("реєстрація місця проживання", SearchFilter::default()),
        ("pasport", SearchFilter::default()),
        (
            "довідка",
            SearchFilter {
                free: Some(true),
                ..SearchFilter::default()
            },
        ),
    ] {
        let mut rankings = Vec::new();
        for probes in [NEAR_PROBES, 1, 0] {
            let (sql, values) = search_sql_probing(
                oblast,
                query,
                &filter,
                near,
                (0, 50),
                &Wanted::everything(),
                probes,
            );
            let rows = app
                .app_db
                .query_all_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    sql,
                    values,
                ))
                .await
                .unwrap();
            let ranking: Vec<(uuid::Uuid, Option<f64>)> = rows
                .iter()
                .map(|r| {
                    (
                        r.try_get("", "service_id").unwrap(),
                        r.try_get("", "distance_m").unwrap(),
                    )
                })
                .collect();
            rankings.push(ranking);
        }
        assert!(rankings[0].len() > 3, "{query}: {:?}", rankings[0]);
        assert!(
            rankings[0]
                .windows(2)
                .any(|w| w[0].1.is_some() && w[0].1 != w[1].1),
            "{query}: results from more than one community"
        );
        assert_eq!(rankings[0], rankings[1], "{query}: one probe");
        assert_eq!(rankings[0], rankings[2], "{query}: no probe");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_window_never_shows_drafts_or_suspended_communities() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            CREATE_LOCAL,
            json!({ "c": local_card("Унікальна чернетка Зоряна", Value::Null) }),
        )
        .await;
    data(&res);
    let res = app
        .gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "Зоряна" }),
        )
        .await;
    assert!(found(&res).is_empty(), "a draft was found");

    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let before = found(
        &app.gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "прописка" }),
        )
        .await,
    );
    assert!(before.iter().any(|(s, _)| s == "kryvorizka"));
    let res = app
        .gql(Some("dnipropetrovska"), Some(&oblast), "mutation { setCommunityStatus(input: {slug: \"kryvorizka\", status: SUSPENDED}) { community { status } } }", json!({}))
        .await;
    data(&res);
    let after = found(
        &app.gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "прописка" }),
        )
        .await,
    );
    assert!(!after.is_empty());
    assert!(!after.iter().any(|(s, _)| s == "kryvorizka"), "{after:?}");
}

const STANDARD_UPDATE: &str = "mutation($id: ID!, $v: Int!, $c: ServiceCardInput!) { updateStandardService(input: {id: $id, version: $v, card: $c}) { standardService { currentVersion } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adopted_cards_follow_the_standard_and_overrides_survive() {
    let app = TestApp::spawn().await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let list = app
        .gql(Some("petrykivska"), Some(&admin), "{ services(first: 100) { edges { node { id currentVersion standardServiceId card { code nameEn term { days } } } } } }", json!({}))
        .await;
    let service = data(&list)["services"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .find(|n| n["card"]["code"] == "DP-001")
        .unwrap();
    let (sid, std_id) = (
        service["id"].as_str().unwrap().to_owned(),
        service["standardServiceId"].as_str().unwrap().to_owned(),
    );

    // The community overrides the English name and republishes.
    let res = app
        .gql(Some("petrykivska"), Some(&admin), "mutation($id: ID!, $c: ServiceCardInput!) { updateService(input: {id: $id, version: 1, card: $c}) { service { overriddenFields } } }", json!({ "id": sid, "c": {"nameEn": "Residence registration in Petrykivka"} }))
        .await;
    assert_eq!(
        data(&res)["updateService"]["service"]["overriddenFields"],
        json!(["nameEn"])
    );
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            "mutation($id: ID!) { publishService(input: {id: $id}) { service { status } } }",
            json!({ "id": sid }),
        )
        .await;
    data(&res);

    // The oblast changes the term and the English name of the standard, and publishes.
    let res = app
        .gql(Some("dnipropetrovska"), Some(&oblast), STANDARD_UPDATE, json!({ "id": std_id, "v": 1, "c": {"term": {"days": 3, "unit": "WORKING_DAYS"}, "nameEn": "Registration of residence (new)"} }))
        .await;
    assert_eq!(
        data(&res)["updateStandardService"]["standardService"]["currentVersion"],
        2
    );
    let res = app.gql(Some("dnipropetrovska"), Some(&oblast), "mutation($id: ID!) { publishStandardService(input: {id: $id}) { standardService { publishedVersion } } }", json!({ "id": std_id })).await;
    assert_eq!(
        data(&res)["publishStandardService"]["standardService"]["publishedVersion"],
        2
    );

    // Petrykivka follows the term but keeps its name; Tsarychanka (no override) follows both.
    let res = app
        .gql(
            Some("dnipropetrovska"),
            None,
            SEARCH,
            json!({ "q": "", "f": {"category": "residence"} }),
        )
        .await;
    let cards: Vec<Value> = data(&res)["searchServices"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["node"]["card"]["code"] == "DP-001")
        .map(|e| e["node"].clone())
        .collect();
    let of = |slug: &str| {
        cards
            .iter()
            .find(|c| c["community"]["slug"] == slug)
            .unwrap()
            .clone()
    };
    assert_eq!(of("petrykivska")["card"]["term"]["days"], 3);
    assert_eq!(
        of("petrykivska")["card"]["nameEn"],
        "Residence registration in Petrykivka"
    );
    assert_eq!(of("tsarychanska")["card"]["term"]["days"], 3);
    assert_eq!(
        of("tsarychanska")["card"]["nameEn"],
        "Registration of residence (new)"
    );

    // Communities never edit the standard or another community's card.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            STANDARD_UPDATE,
            json!({ "id": std_id, "v": 2, "c": {"nameEn": "hijack"} }),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    let other = app.demo_login("admin@tsarychanska.hromada.localhost").await;
    let res = app
        .gql(Some("tsarychanska"), Some(&other), "mutation($id: ID!) { updateService(input: {id: $id, version: 2, card: {nameEn: \"hijack\"}}) { service { id } } }", json!({ "id": sid }))
        .await;
    assert_eq!(error_code(&res), "NOT_FOUND");
    let res = app
        .gql(Some("petrykivska"), Some(&other), "mutation($id: ID!) { updateService(input: {id: $id, version: 2, card: {nameEn: \"hijack\"}}) { service { id } } }", json!({ "id": sid }))
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coverage_shows_which_standard_services_each_community_lacks() {
    let app = TestApp::spawn().await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let q = "{ catalogCoverage(first: 10) { edges { node { community { slug } standardTotal offered missing { standardServiceId code } } } } }";
    let res = app
        .gql(Some("dnipropetrovska"), Some(&oblast), q, json!({}))
        .await;
    let rows = data(&res)["catalogCoverage"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    let of = |slug: &str| {
        rows.iter()
            .map(|e| &e["node"])
            .find(|n| n["community"]["slug"] == slug)
            .unwrap()
            .clone()
    };
    assert_eq!(of("petrykivska")["standardTotal"], 64);
    assert_eq!(of("petrykivska")["offered"], 64);
    assert_eq!(of("petrykivska")["missing"], json!([]));
    let tsar = of("tsarychanska");
    assert_eq!(tsar["offered"], 32);
    assert_eq!(tsar["missing"].as_array().unwrap().len(), 32);

    // Tsarychanka adopts and publishes one missing card: one fewer is missing.
    let missing = tsar["missing"][0]["standardServiceId"].as_str().unwrap();
    let admin = app.demo_login("admin@tsarychanska.hromada.localhost").await;
    let res = app
        .gql(Some("tsarychanska"), Some(&admin), "mutation($s: ID!) { adoptStandardService(input: {standardServiceId: $s}) { service { id status } } }", json!({ "s": missing }))
        .await;
    let id = data(&res)["adoptStandardService"]["service"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            "mutation($id: ID!) { publishService(input: {id: $id}) { service { status } } }",
            json!({ "id": id }),
        )
        .await;
    data(&res);
    let res = app
        .gql(Some("dnipropetrovska"), Some(&oblast), q, json!({}))
        .await;
    let tsar = data(&res)["catalogCoverage"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .find(|n| n["community"]["slug"] == "tsarychanska")
        .unwrap();
    assert_eq!(tsar["offered"], 33);
    assert_eq!(tsar["missing"].as_array().unwrap().len(), 31);
    // Adopting twice conflicts; only oblast roles see coverage.
    let res = app
        .gql(Some("tsarychanska"), Some(&admin), "mutation($s: ID!) { adoptStandardService(input: {standardServiceId: $s}) { service { id } } }", json!({ "s": missing }))
        .await;
    assert_eq!(error_code(&res), "CONFLICT");
    let res = app
        .gql(Some("tsarychanska"), Some(&admin), q, json!({}))
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_data_parses_as_csv_json_and_json_ld() {
    let app = TestApp::spawn().await;
    let get = |tenant: &'static str, path: &'static str| {
        let req = app
            .http
            .get(format!("{}{path}", app.base_url))
            .header("Host", format!("{tenant}.localhost"));
        async move {
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 200, "{path}");
            (
                res.headers()["content-type"].to_str().unwrap().to_owned(),
                res.text().await.unwrap(),
            )
        }
    };
    let published = app.count("SELECT count(*) FROM public_service").await as usize;
    let (ctype, body) = get("dnipropetrovska", "/open-data/services.csv").await;
    assert!(ctype.starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "updated_at") && headers.iter().any(|h| h == "documents"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        published,
        "the oblast file holds every published card"
    );
    let (_, body) = get("petrykivska", "/open-data/services.csv").await;
    let petrykivka = csv::Reader::from_reader(body.as_bytes()).records().count();
    assert!(petrykivka > 0 && petrykivka < published);

    let (_, body) = get("dnipropetrovska", "/open-data/cnaps.json").await;
    let cnaps: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(cnaps["cnaps"].as_array().unwrap().len(), 6);
    assert!(cnaps["cnaps"][0]["updatedAt"].is_string());
    let (_, body) = get("dnipropetrovska", "/open-data/cnaps.csv").await;
    assert_eq!(
        csv::Reader::from_reader(body.as_bytes()).records().count(),
        6
    );

    let (_, body) = get("petrykivska", "/open-data/services.json").await;
    let services: Value = serde_json::from_str(&body).unwrap();
    let url = services["services"][0]["jsonld"].as_str().unwrap();
    let path = url::Url::parse(url).unwrap().path().to_owned();
    let res = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header("Host", "petrykivska.localhost")
        .send()
        .await
        .unwrap();
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/ld+json")
    );
    let doc = res.text().await.unwrap();

    // Expand with a real JSON-LD processor (pyld); schema.org's context is served locally.
    let script = r#"
import json, sys
from pyld import jsonld
def loader(url, options=None):
    assert url.rstrip('/') in ('https://schema.org', 'http://schema.org'), url
    return {'contextUrl': None, 'documentUrl': url, 'document': {'@context': {'@vocab': 'https://schema.org/'}}}
jsonld.set_document_loader(loader)
expanded = jsonld.expand(json.load(sys.stdin))
print(json.dumps(expanded))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(doc.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "pyld: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expanded: Value = serde_json::from_slice(&out.stdout).unwrap();
    let node = &expanded[0];
    assert_eq!(
        node["@type"],
        json!(["https://schema.org/GovernmentService"])
    );
    let names = node["https://schema.org/name"].as_array().unwrap();
    assert!(names.iter().any(|n| n["@language"] == "uk"), "{node}");
    assert!(
        node["https://schema.org/availableChannel"]
            .as_array()
            .unwrap()
            .len()
            >= 2
    );

    let missing = app
        .http
        .get(format!(
            "{}/open-data/services/not-a-card.jsonld",
            app.base_url
        ))
        .header("Host", "petrykivska.localhost")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mobile_visits_offer_own_services_in_a_valid_window() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@kryvorizka.hromada.localhost").await;
    let other = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let foreign = app
        .gql(
            Some("petrykivska"),
            Some(&other),
            "{ services(first: 1) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let foreign_id = data(&foreign)["services"]["edges"][0]["node"]["id"].clone();
    let own = app
        .gql(
            Some("kryvorizka"),
            Some(&admin),
            "{ services(first: 1) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let own_id = data(&own)["services"]["edges"][0]["node"]["id"].clone();
    let create = "mutation($s: DateTime!, $e: DateTime!, $ids: [ID!]!) { createMobileVisit(input: {placeUk: \"с. Лозуватка\", \
        addressUk: \"біля школи\", lat: 47.98, lon: 33.27, startsAt: $s, endsAt: $e, serviceIds: $ids}) { mobileVisit { id serviceIds } } }";
    let before = count(&app, "mobile_visit").await;
    for (start, end, ids, field) in [
        (
            "2027-01-10T10:00:00Z",
            "2027-01-10T09:00:00Z",
            json!([own_id]),
            "endsAt",
        ),
        (
            "2027-01-10T08:00:00Z",
            "2027-01-12T08:00:00Z",
            json!([own_id]),
            "endsAt",
        ),
        (
            "2027-01-10T08:00:00Z",
            "2027-01-10T12:00:00Z",
            json!([foreign_id]),
            "serviceIds",
        ),
    ] {
        let res = app
            .gql(
                Some("kryvorizka"),
                Some(&admin),
                create,
                json!({ "s": start, "e": end, "ids": ids }),
            )
            .await;
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
    assert_eq!(count(&app, "mobile_visit").await, before);
    let res = app
        .gql(
            Some("kryvorizka"),
            Some(&admin),
            create,
            json!({ "s": "2027-01-10T08:00:00Z", "e": "2027-01-10T12:00:00Z", "ids": [own_id] }),
        )
        .await;
    assert_eq!(
        data(&res)["createMobileVisit"]["mobileVisit"]["serviceIds"],
        json!([own_id])
    );
    let res = app
        .gql(
            Some("kryvorizka"),
            None,
            "{ mobileVisits(after: \"2027-01-01T00:00:00Z\") { placeUk } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&res)["mobileVisits"],
        json!([{ "placeUk": "с. Лозуватка" }])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_reads_every_card_field_its_selection_asks_for() {
    let app = TestApp::spawn().await;
    let q = json!({ "q": "прописка" });
    let full = "query($q: String!) { searchServices(query: $q, first: 1) { edges { node { card { nameUk legalBasis { title } refusalGrounds keywords channels { kind } } provider } } } }";
    let res = app
        .gql(Some("dnipropetrovska"), None, full, q.clone())
        .await;
    let node = &data(&res)["searchServices"]["edges"][0]["node"];
    let card = &node["card"];
    assert_eq!(
        card["nameUk"], "Реєстрація місця проживання особи",
        "{node}"
    );
    for list in ["legalBasis", "keywords", "channels"] {
        assert!(!card[list].as_array().unwrap().is_empty(), "{list}: {node}");
    }
    assert!(
        !card["refusalGrounds"].as_str().unwrap().is_empty(),
        "{node}"
    );
    assert!(node["provider"]["edrpou"].is_string(), "{node}");

    // Through `nodes` and a fragment, the same fields are read.
    let fragment = "query($q: String!) { searchServices(query: $q, first: 1) { nodes { ...F } } } fragment F on FoundService { card { legalBasis { title } } provider }";
    let res = app
        .gql(Some("dnipropetrovska"), None, fragment, q.clone())
        .await;
    let node = &data(&res)["searchServices"]["nodes"][0];
    assert_eq!(node["card"]["legalBasis"], card["legalBasis"], "{node}");
    assert!(node["provider"]["edrpou"].is_string(), "{node}");

    // A lean selection reads only its fields, and they are the same.
    let lean = "query($q: String!) { searchServices(query: $q, first: 1) { edges { node { card { nameUk } } } } }";
    let res = app.gql(Some("dnipropetrovska"), None, lean, q).await;
    assert_eq!(
        data(&res)["searchServices"]["edges"][0]["node"]["card"]["nameUk"],
        card["nameUk"]
    );
}
