//! What no request may do: crash the process, stall other requests, pass the login throttle
//! by arriving all at once, or lock an account's owner out (issue 23).

use std::time::{Duration, Instant};

use hromada_tests::{TestApp, error_code};
use serde_json::{Value, json};

const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }";

const COMMUNITIES: [&str; 3] = ["petrykivska", "tsarychanska", "kryvorizka"];

/// Posts a raw GraphQL document to a community's host.
async fn raw(app: &TestApp, query: &str) -> Value {
    app.gql(Some("petrykivska"), None, query, json!({})).await
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
    let reads = (0..40).map(|i| {
        let app = &app;
        async move {
            let started = Instant::now();
            let res = app
                .http
                .get(format!("{}/", app.base_url))
                .header(
                    "Host",
                    format!("{}.{}", COMMUNITIES[i % 3], app.config.domain),
                )
                .send()
                .await
                .expect("page read");
            assert_eq!(res.status(), 200);
            started.elapsed()
        }
    });
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
    let reads = (0..50).map(|i| {
        let app = &app;
        async move {
            let started = Instant::now();
            let res = app
                .http
                .get(format!("{}/news", app.base_url))
                .header(
                    "Host",
                    format!("{}.{}", COMMUNITIES[i % 3], app.config.domain),
                )
                .send()
                .await
                .expect("page read");
            assert_eq!(res.status(), 200);
            started.elapsed()
        }
    });
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
