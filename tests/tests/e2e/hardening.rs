//! What no request may do: crash the process, stall other requests, pass the login throttle
//! by arriving all at once, or lock an account's owner out (issue 23).

use std::time::{Duration, Instant};

use hromada_tests::{TestApp, error_code};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }";

const COMMUNITIES: [&str; 3] = ["petrykivska", "tsarychanska", "kryvorizka"];

/// Posts a raw GraphQL document to a community's host.
async fn raw(app: &TestApp, query: &str) -> Value {
    app.gql(Some("petrykivska"), None, query, json!({})).await
}

/// Reads `path` of the `i`-th demo community's site (round robin), asserting a 200, and tells
/// how long it took.
async fn timed_page_read(app: &TestApp, i: usize, path: &str) -> Duration {
    let started = Instant::now();
    let res = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header(
            "Host",
            format!("{}.{}", COMMUNITIES[i % 3], app.config.domain),
        )
        .send()
        .await
        .expect("page read");
    assert_eq!(res.status(), 200, "{path}");
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deeply_nested_document_is_refused_and_the_process_lives_on() {
    let app = TestApp::spawn().await;
    let deep =
        |open: &str, close: &str, n: usize| format!("{}1{}", open.repeat(n), close.repeat(n));
    for doc in [
        format!(
            "{{ searchServices(query: \"x\", first: {}) {{ edges {{ cursor }} }} }}",
            deep("[", "]", 10_000)
        ),
        format!("{{ __typename(x: {}) }}", deep("{a: ", "}", 3_000)),
        format!("{}{}", "{ a ".repeat(5_000), "}".repeat(5_000)),
        format!(
            "query {{ ...f }} fragment f on Query {{ __typename @include(if: {}) }}",
            deep("[", "]", 5_000)
        ),
        format!(
            "query($v: [Int] = {}) {{ __typename }}",
            deep("[", "]", 5_000)
        ),
    ] {
        let res = raw(&app, &doc).await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], "query", "{res}");
        assert!(
            res["errors"][0]["extensions"]["messageUk"]
                .as_str()
                .is_some_and(|m| m.contains("вкладеність")),
            "{res}"
        );
    }
    // Deep JSON variables stop at serde_json's own recursion limit, with an answer.
    let nested = deep("[", "]", 2_000);
    let res = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .body(format!(
            "{{\"query\": \"{{ __typename }}\", \"variables\": {{\"v\": {nested}}}}}"
        ))
        .header("Content-Type", "application/json")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 400);
    // Still serving.
    let res = raw(&app, "{ __typename }").await;
    assert_eq!(res["data"]["__typename"], "QueryRoot", "{res}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aliases_introspection_and_searches_are_bounded_by_their_cost() {
    let app = TestApp::spawn().await;
    let introspection: String = (0..400)
        .map(|i| format!("s{i}: __schema {{ types {{ name fields {{ name }} }} }} "))
        .collect();
    let res = raw(&app, &format!("{{ {introspection} }}")).await;
    assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
    let searches: String = (0..1000)
        .map(|i| {
            format!("s{i}: searchServices(query: \"паспорт\", first: 1) {{ edges {{ cursor }} }} ")
        })
        .collect();
    let res = raw(&app, &format!("{{ {searches} }}")).await;
    assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
    // Under the alias cap, the cost of a search still limits how many one document holds.
    let searches: String = (0..9)
        .map(|i| {
            format!("s{i}: searchServices(query: \"паспорт\", first: 1) {{ edges {{ cursor }} }} ")
        })
        .collect();
    let res = raw(&app, &format!("{{ {searches} }}")).await;
    assert!(
        res["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("complex")),
        "{res}"
    );
    // Two searches and one introspection, as a client would ask, are fine.
    let res = raw(
        &app,
        "{ a: searchServices(query: \"паспорт\", first: 5) { edges { cursor } } \
           b: searchServices(query: \"довідка\", first: 5) { edges { cursor } } \
           __schema { queryType { name } } }",
    )
    .await;
    assert!(res.get("errors").is_none(), "{res}");
}

/// Wrong-password logins for one account, all at once: the throttle lets at most its limit
/// through, and nobody else's request waits meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_logins_neither_pass_the_throttle_nor_stall_other_requests() {
    let app = TestApp::spawn().await;
    let victim = "admin@tsarychanska.hromada.localhost";
    let guesses = (0..40).map(|i| {
        let app = &app;
        async move {
            let started = Instant::now();
            let res = app
                .gql(
                    None,
                    None,
                    LOGIN,
                    json!({ "e": victim, "p": format!("guess-{i}-guess") }),
                )
                .await;
            (res, started.elapsed())
        }
    });
    let reads = (0..40).map(|i| timed_page_read(&app, i, "/"));
    let (guesses, reads) = futures_util::future::join(
        futures_util::future::join_all(guesses),
        futures_util::future::join_all(reads),
    )
    .await;
    let checked = guesses
        .iter()
        .filter(|(res, _)| res["errors"][0]["message"] == "wrong e-mail or password")
        .count();
    let throttled = guesses
        .iter()
        .filter(|(res, _)| res["errors"][0]["extensions"]["reason"] == "THROTTLED")
        .count();
    assert!(checked <= 5, "{checked} passwords checked");
    assert_eq!(checked + throttled, guesses.len());
    let slowest = guesses
        .iter()
        .map(|(_, t)| *t)
        .chain(reads)
        .max()
        .expect("requests");
    assert!(
        slowest < Duration::from_secs(2),
        "a request waited {slowest:?}"
    );
    let recorded = app
        .count(&format!(
            "SELECT count(*) FROM login_failure WHERE account = '{victim}'"
        ))
        .await;
    assert_eq!(recorded, checked as i64);
}

/// 50 people signing in at once and 50 page reads: no request waits more than 2 s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_logins_and_fifty_page_reads_at_once_each_answer_within_two_seconds() {
    let app = TestApp::spawn().await;
    let accounts: Vec<String> = COMMUNITIES
        .iter()
        .flat_map(|c| {
            ["admin", "editor", "land", "cnap"].map(|l| format!("{l}@{c}.hromada.localhost"))
        })
        .collect();
    let logins = (0..50).map(|i| {
        let app = &app;
        let email = accounts[i % accounts.len()].clone();
        async move {
            let started = Instant::now();
            let res = app
                .gql(
                    None,
                    None,
                    LOGIN,
                    json!({ "e": email, "p": hromada_backend::demo::DEMO_PASSWORD }),
                )
                .await;
            // Signed in, or told at once to retry (the same account is being checked).
            assert!(
                res["data"]["login"]["token"].is_string()
                    || res["errors"][0]["extensions"]["reason"] == "THROTTLED",
                "{res}"
            );
            started.elapsed()
        }
    });
    let reads = (0..50).map(|i| timed_page_read(&app, i, "/news"));
    let (logins, reads) = futures_util::future::join(
        futures_util::future::join_all(logins),
        futures_util::future::join_all(reads),
    )
    .await;
    let slowest = logins.into_iter().chain(reads).max().expect("requests");
    assert!(
        slowest < Duration::from_secs(2),
        "a request waited {slowest:?}"
    );
}

/// A guesser on another address throttles only itself; the owner is at most slowed down.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guesser_cannot_lock_the_owner_out() {
    let app = TestApp::spawn_with(|c| c.trust_proxy = true).await;
    let victim = "land@kryvorizka.hromada.localhost";
    let login_from = |addr: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.http
                .post(format!("{}/graphql", app.base_url))
                .header("Accept-Language", "en")
                .header("X-Forwarded-For", addr)
                .json(&json!({ "query": LOGIN, "variables": { "e": victim, "p": password } }))
                .send()
                .await
                .expect("sent")
                .json::<Value>()
                .await
                .expect("JSON")
        }
    };
    let mut throttled = false;
    for _ in 0..12 {
        let res = login_from("203.0.113.9", "not-the-password").await;
        if res["errors"][0]["extensions"]["reason"] == "THROTTLED" {
            let wait = res["errors"][0]["extensions"]["retryAfterSeconds"]
                .as_i64()
                .expect("retry after");
            if wait > 60 {
                throttled = true;
                break;
            }
            tokio::time::sleep(Duration::from_secs(wait as u64)).await;
        }
    }
    assert!(
        throttled,
        "the guesser's address is throttled for the window"
    );
    // The owner, elsewhere: signed in after at most the account's short delay.
    let started = Instant::now();
    let mut token = None;
    for _ in 0..3 {
        let res = login_from("198.51.100.7", hromada_backend::demo::DEMO_PASSWORD).await;
        if let Some(t) = res["data"]["login"]["token"].as_str() {
            token = Some(t.to_owned());
            break;
        }
        assert_eq!(
            res["errors"][0]["extensions"]["reason"], "THROTTLED",
            "{res}"
        );
        let wait = res["errors"][0]["extensions"]["retryAfterSeconds"]
            .as_i64()
            .expect("retry after");
        assert!(wait <= 60, "the owner is made to wait {wait} s");
        tokio::time::sleep(Duration::from_secs(wait as u64)).await;
    }
    assert!(token.is_some(), "the owner signs in");
    assert!(started.elapsed() < Duration::from_secs(65));
}

/// A multipart request's text fields have limits of their own, far below a file's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_multipart_operations_field_is_refused_without_being_read_whole() {
    let app = TestApp::spawn().await;
    let post = |form: reqwest::multipart::Form| {
        let app = &app;
        async move {
            app.http
                .post(format!("{}/graphql", app.base_url))
                .header("Accept-Language", "en")
                .multipart(form)
                .send()
                .await
                .expect("sent")
                .json::<Value>()
                .await
                .expect("JSON")
        }
    };
    let padding = " ".repeat(4 * 1024 * 1024);
    let form = reqwest::multipart::Form::new().text(
        "operations",
        format!("{{\"query\": \"{{ __typename }}\"{padding}}}"),
    );
    let res = post(form).await;
    assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "operations",
        "{res}"
    );
    let form = reqwest::multipart::Form::new()
        .text("operations", "{\"query\": \"{ __typename }\"}")
        .text("map", format!("{{{padding}}}"));
    let res = post(form).await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "map", "{res}");
    let form = reqwest::multipart::Form::new()
        .text("operations", "{\"query\": \"{ __typename }\"}")
        .text("extra", "x");
    let res = post(form).await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "extra", "{res}");
    // A well-formed one still runs.
    let form = reqwest::multipart::Form::new()
        .text("operations", "{\"query\": \"{ __typename }\"}")
        .text("map", "{}");
    let res = post(form).await;
    assert_eq!(res["data"]["__typename"], "QueryRoot", "{res}");
}

/// Every answer carries the security headers; links are built from the host the request was
/// routed by, never from forwarded headers the server was not told to trust.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_security_headers_and_ignore_untrusted_forwarded_hosts() {
    let app = TestApp::spawn().await;
    let host = format!("petrykivska.{}", app.config.domain);
    for path in ["/", "/news", "/sitemap.xml", "/robots.txt", "/news/rss.xml"] {
        let res = app
            .http
            .get(format!("{}{path}", app.base_url))
            .header("Host", &host)
            .header("X-Forwarded-Host", "evil.example")
            .header("Forwarded", "host=evil.example;proto=https")
            .header("X-Forwarded-Proto", "https")
            .send()
            .await
            .expect("sent");
        assert_eq!(res.status(), 200, "{path}");
        let headers = res.headers().clone();
        let body = res.text().await.expect("body");
        assert!(!body.contains("evil.example"), "{path}: {body}");
        assert!(body.contains(&format!("http://{host}")), "{path}: {body}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            headers["referrer-policy"],
            "strict-origin-when-cross-origin"
        );
        assert_eq!(headers["x-frame-options"], "SAMEORIGIN");
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("frame-ancestors 'self'") && csp.contains("script-src 'self'"));
        assert!(
            headers.get("strict-transport-security").is_none(),
            "plain HTTP: no HSTS"
        );
    }
    let res = raw(&app, "{ __typename }").await;
    assert!(res["data"].is_object());
    let res = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

/// GraphiQL comes from the project's own packages, never a CDN, and can be turned off; the
/// metrics ask for a token when one is configured.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graphiql_is_served_locally_and_metrics_need_the_token() {
    let app = TestApp::spawn_with(|c| c.metrics_token = Some("scrape-me-please".into())).await;
    let res = app
        .http
        .get(format!("{}/graphiql", app.base_url))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let page = res.text().await.expect("page");
    assert!(!page.contains("unpkg") && !page.contains("//cdn"), "{page}");
    let scripts: Vec<&str> = page
        .split("src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(scripts.len(), 4, "{page}");
    for src in scripts {
        assert!(src.starts_with("/assets/"), "{src}");
        let res = app
            .http
            .get(format!("{}{src}", app.base_url))
            .send()
            .await
            .expect("sent");
        assert_eq!(res.status(), 200, "{src}");
        assert!(res.bytes().await.expect("asset").len() > 100, "{src}");
    }
    let metrics = |token: Option<&'static str>| {
        let app = &app;
        async move {
            let mut req = app.http.get(format!("{}/metrics", app.base_url));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            req.send().await.expect("sent").status().as_u16()
        }
    };
    assert_eq!(metrics(None).await, 401);
    assert_eq!(metrics(Some("wrong")).await, 401);
    assert_eq!(metrics(Some("scrape-me-please")).await, 200);

    let mut off = TestApp::spawn_with(|c| c.graphiql = false).await;
    let res = off
        .http
        .get(format!("{}/graphiql", off.base_url))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 404);
    // Without a token, metrics answer on loopback (the scraper beside the server).
    let res = off
        .http
        .get(format!("{}/metrics", off.base_url))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);
    off.stop().await;
}

/// Control characters, NUL, bidirectional overrides and over-long values in every public
/// route's parameters: an answer below 500 each time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_parameter_of_a_public_route_answers_500() {
    let app = TestApp::spawn().await;
    let long = "я".repeat(2_000);
    let values = [
        "%00",
        "%0a",
        "%0d%0a",
        "%09",
        "%7f",
        "%e2%80%ae",
        "%ff%fe",
        "..%2f..%2f",
        "<script>",
        long.as_str(),
    ];
    let routes = [
        "/a11y?mode=on&back=/{}/x",
        "/a11y?size={}&images={}",
        "/news?tag={}",
        "/news?page={}",
        "/search?q={}",
        "/en/search?q={}",
        "/{}",
        "/news/{}",
        "/preview/{}",
        "/open-data/services.csv?community={}",
        "/open-data/services/{}.jsonld",
        "/media/{}/x.png",
        "/map?layer={}",
        "/ogc/petrykivska/collections/{}/items?bbox={}&limit={}",
        "/tiles/petrykivska/{}/14/1/1",
        "/invitations/accept?tenant={}&token={}",
        "/password-reset?token={}",
        "/gis/layers/{}/features.geojson",
        "/assets/{}",
    ];
    for route in routes {
        for value in values {
            let path = route.replace("{}", value);
            let res = app
                .http
                .get(format!("{}{path}", app.base_url))
                .header("Host", format!("petrykivska.{}", app.config.domain))
                .send()
                .await
                .expect("sent");
            assert!(
                res.status().as_u16() < 500,
                "{} answered {}",
                &path[..path.len().min(120)],
                res.status()
            );
            if route.starts_with("/a11y") && res.status().as_u16() == 303 {
                let to = res.headers()["location"].to_str().expect("ascii location");
                assert!(to.starts_with('/') && !to.starts_with("//"), "{to}");
            }
        }
    }
}

/// Titles with bidirectional overrides and Markdown nested thousands deep are refused at
/// once, naming the field; nothing is saved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bidi_overrides_and_deep_markdown_are_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let create = "mutation($i: CreatePageInput!) { createPage(input: $i) { page { id } } }";
    let before = app.count("SELECT count(*) FROM site_page").await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            create,
            json!({ "i": { "slug": "bidi", "titleUk": "Оплата \u{202E}txt.exe", "blocks": [] } }),
        )
        .await;
    assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "titleUk", "{res}");
    let started = Instant::now();
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            create,
            json!({ "i": { "slug": "deep", "titleUk": "Глибоко", "blocks": [
                { "type": "richText", "markdownUk": format!("{}x", "- ".repeat(10_000)) }
            ] } }),
        )
        .await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "blocks[0].markdownUk",
        "{res}"
    );
    assert_eq!(app.count("SELECT count(*) FROM site_page").await, before);
}

/// A visitor reading a public layer's history sees who edited by name, never an address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_never_sees_staff_addresses_in_feature_history() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("land@petrykivska.hromada.localhost").await;
    let layers = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ layers { id public } }",
            json!({}),
        )
        .await;
    let layer = layers["data"]["layers"]
        .as_array()
        .expect("layers")
        .iter()
        .find(|l| l["public"] == true)
        .expect("a public demo layer")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let feature: String = {
        let rows = app
            .admin
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                format!(
                    "SELECT feature_id::text FROM gis_feature_edit \
                     WHERE layer_id = '{layer}' AND actor_id IS NOT NULL LIMIT 1"
                ),
            ))
            .await
            .expect("query")
            .expect("a feature");
        rows.try_get_by_index(0).expect("id")
    };
    let history = "query($id: ID!) { featureHistory(id: $id) { actorId actorEmail actorName } }";
    let staff = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            history,
            json!({ "id": feature }),
        )
        .await;
    let staff_email = staff["data"]["featureHistory"][0]["actorEmail"]
        .as_str()
        .expect("staff see the address")
        .to_owned();
    assert!(
        staff_email.ends_with("@petrykivska.hromada.localhost"),
        "{staff}"
    );
    let public = app
        .gql(Some("petrykivska"), None, history, json!({ "id": feature }))
        .await;
    let edits = public["data"]["featureHistory"]
        .as_array()
        .expect("history");
    assert!(!edits.is_empty(), "{public}");
    for edit in edits {
        assert!(
            edit["actorEmail"].is_null() && edit["actorId"].is_null(),
            "{public}"
        );
    }
    assert_eq!(
        edits[0]["actorName"], staff["data"]["featureHistory"][0]["actorName"],
        "{public}"
    );
    assert!(edits[0]["actorName"].is_string(), "{public}");
    assert!(!public.to_string().contains('@'), "{public}");
}

/// Twice the signed area of a ring (positive: counter-clockwise in lon/lat).
fn signed_area(ring: &Value) -> f64 {
    let points: Vec<(f64, f64)> = ring
        .as_array()
        .expect("ring")
        .iter()
        .map(|p| (p[0].as_f64().expect("x"), p[1].as_f64().expect("y")))
        .collect();
    points
        .windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum()
}

/// The exterior rings of a (Multi)Polygon GeoJSON geometry.
fn exterior_rings(geometry: &Value) -> Vec<Value> {
    match geometry["type"].as_str() {
        Some("Polygon") => vec![geometry["coordinates"][0].clone()],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .expect("polygons")
            .iter()
            .map(|p| p[0].clone())
            .collect(),
        other => panic!("not a polygon: {other:?}"),
    }
}

/// A parcel stored clockwise comes out of GraphQL, the GeoJSON export and the OGC API with
/// its exterior ring counter-clockwise, as RFC 7946 requires.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn geojson_output_winds_exterior_rings_counter_clockwise() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("land@petrykivska.hromada.localhost").await;
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "UPDATE gis_feature f SET geom = ST_Reverse(ST_ForcePolygonCCW(geom)) \
             FROM tenant t, gis_layer l \
             WHERE t.slug = 'petrykivska' AND l.tenant_id = t.id AND l.kind = 'land_parcels' \
               AND f.layer_id = l.id AND f.id = (SELECT id FROM gis_feature WHERE layer_id = l.id LIMIT 1) \
             RETURNING f.id::text, l.id::text, ST_IsPolygonCW(f.geom)",
        ))
        .await
        .expect("update")
        .expect("a parcel");
    let id: String = row.try_get_by_index(0).expect("id");
    let layer: String = row.try_get_by_index(1).expect("layer");
    let stored_cw: bool = row.try_get_by_index(2).expect("cw");
    assert!(stored_cw, "the parcel is stored clockwise");

    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "query($id: ID!) { feature(id: $id) { geometry } }",
            json!({ "id": id }),
        )
        .await;
    let mut geometries = vec![res["data"]["feature"]["geometry"].clone()];
    let host = format!("petrykivska.{}", app.config.domain);
    for path in [
        format!("/ogc/petrykivska/collections/{layer}/items/{id}"),
        format!("/gis/layers/{layer}/features.geojson"),
    ] {
        let body: Value = app
            .http
            .get(format!("{}{path}", app.base_url))
            .header("Host", &host)
            .bearer_auth(&token)
            .send()
            .await
            .expect("sent")
            .json()
            .await
            .expect("GeoJSON");
        match body["features"].as_array() {
            Some(features) => geometries.extend(
                features
                    .iter()
                    .filter(|f| f["id"] == id.as_str())
                    .map(|f| f["geometry"].clone()),
            ),
            None => geometries.push(body["geometry"].clone()),
        }
    }
    assert_eq!(geometries.len(), 3, "{geometries:?}");
    for geometry in geometries {
        for ring in exterior_rings(&geometry) {
            assert!(signed_area(&ring) > 0.0, "clockwise: {geometry}");
        }
    }
}
