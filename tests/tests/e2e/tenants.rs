//! Tenants: resolution by host, onboarding communities, bad input, roles.

use hromada_tests::{TestApp, data, error_code};
use serde_json::{Value, json};

const CREATE: &str = "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { slug katottg hosts kind status } } }";

fn input(slug: &str, katottg: &str, hosts: &[&str], email: &str) -> Value {
    json!({ "i": { "slug": slug, "katottg": katottg, "nameUk": "Любимівська громада",
                   "nameEn": "Liubymivka Hromada", "hosts": hosts, "adminEmail": email } })
}

async fn footprint(app: &TestApp) -> (i64, i64, i64, i64, i64) {
    (
        app.count("SELECT count(*) FROM tenant").await,
        app.count("SELECT count(*) FROM tenant_host").await,
        app.count("SELECT count(*) FROM invitation").await,
        app.count("SELECT count(*) FROM outbox").await,
        app.count("SELECT count(*) FROM audit_log").await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_finds_its_tenant_by_host() {
    let app = TestApp::spawn().await;
    let q = "{ tenant { slug kind } }";
    let res = app.gql(Some("petrykivska"), None, q, json!({})).await;
    assert_eq!(data(&res)["tenant"]["slug"], "petrykivska");
    assert_eq!(data(&res)["tenant"]["kind"], "COMMUNITY");

    // A community's own domain, with a port and in capitals.
    let res: Value = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .header("Host", "PETRYKIVKA.hromada.localhost:8443")
        .json(&json!({ "query": q }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(data(&res)["tenant"]["slug"], "petrykivska");

    let res = app.gql(Some("no-such-community"), None, q, json!({})).await;
    assert!(data(&res)["tenant"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_explicit_tenant_is_checked_against_the_callers_roles() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let post = |tenant: &'static str, token: Option<String>| {
        let mut req = app
            .http
            .post(format!("{}/graphql", app.base_url))
            .header("Accept-Language", "en")
            .header("X-Tenant", tenant)
            .json(&json!({ "query": "{ tenant { slug } }" }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        async move { req.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let own = post("petrykivska", Some(token.clone())).await;
    assert_eq!(data(&own)["tenant"]["slug"], "petrykivska");
    let other = post("tsarychanska", Some(token)).await;
    assert_eq!(error_code(&other), "FORBIDDEN");
    let anonymous = post("petrykivska", None).await;
    assert_eq!(error_code(&anonymous), "FORBIDDEN");
    let unknown = post("atlantida", None).await;
    assert_eq!(error_code(&unknown), "NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oblast_admin_onboards_a_community_and_its_admin_is_invited() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("oblast.admin@hromada.localhost").await;
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            CREATE,
            input(
                "liubymivska",
                "UA12020050000026654",
                &["Liubymivka-Rada.gov.ua"],
                "Head@Liubymivka.example",
            ),
        )
        .await;
    let community = &data(&res)["createCommunity"]["community"];
    assert_eq!(community["slug"], "liubymivska");
    assert_eq!(community["hosts"], json!(["liubymivka-rada.gov.ua"]));
    assert_eq!(community["status"], "ACTIVE");

    let res = app
        .gql(Some("liubymivska"), None, "{ tenant { slug } }", json!({}))
        .await;
    assert_eq!(data(&res)["tenant"]["slug"], "liubymivska");

    let list = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            "{ communities(first: 100) { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    let slugs: Vec<&str> = data(&list)["communities"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        ["kryvorizka", "liubymivska", "petrykivska", "tsarychanska"]
    );

    let mail = app
        .wait_eml(10, |m| m.to == "head@liubymivka.example")
        .await;
    assert!(mail.body.contains("community_admin"), "{}", mail.body);
    assert!(mail.link().contains("tenant=liubymivska"), "{}", mail.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_community_input_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("oblast.admin@hromada.localhost").await;
    let before = footprint(&app).await;
    let cases = [
        (
            input("Bad Slug", "UA12020050000026654", &[], "a@b.ua"),
            "BAD_USER_INPUT",
            Some("slug"),
        ),
        (
            input("liubymivska", "UA1202005000002665", &[], "a@b.ua"),
            "BAD_USER_INPUT",
            Some("katottg"),
        ),
        // A real hromada, but of Kyiv oblast.
        (
            input("liubymivska", "UA32020010000093088", &[], "a@b.ua"),
            "BAD_USER_INPUT",
            Some("katottg"),
        ),
        // A raion, not a hromada.
        (
            input("liubymivska", "UA12020000000052809", &[], "a@b.ua"),
            "BAD_USER_INPUT",
            Some("katottg"),
        ),
        (
            input("liubymivska", "UA12020050000026654", &[], "not-an-email"),
            "BAD_USER_INPUT",
            Some("adminEmail"),
        ),
        (
            input(
                "liubymivska",
                "UA12020050000026654",
                &["bad host"],
                "a@b.ua",
            ),
            "BAD_USER_INPUT",
            Some("hosts"),
        ),
        (
            input("petrykivska", "UA12020050000026654", &[], "a@b.ua"),
            "CONFLICT",
            None,
        ),
        (
            input("liubymivska", "UA12020190000075117", &[], "a@b.ua"),
            "CONFLICT",
            None,
        ),
        // Fails half-way: the tenant row is written before its host collides.
        (
            input(
                "liubymivska",
                "UA12020050000026654",
                &["petrykivka.hromada.localhost"],
                "a@b.ua",
            ),
            "CONFLICT",
            None,
        ),
    ];
    for (vars, code, field) in cases {
        let res = app
            .gql(Some("dnipropetrovska"), Some(&token), CREATE, vars.clone())
            .await;
        assert_eq!(error_code(&res), code, "{vars}: {res}");
        if let Some(field) = field {
            assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
        }
        assert!(res["data"].is_null(), "{res}");
    }
    assert_eq!(
        footprint(&app).await,
        before,
        "a refused mutation left rows behind"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_oblast_admins_create_communities() {
    let app = TestApp::spawn().await;
    let vars = input("liubymivska", "UA12020050000026654", &[], "a@b.ua");
    let anonymous = app
        .gql(Some("dnipropetrovska"), None, CREATE, vars.clone())
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    for (email, tenant) in [
        ("oblast.supervisor@hromada.localhost", "dnipropetrovska"),
        ("admin@petrykivska.hromada.localhost", "petrykivska"),
        // A community admin on the oblast's host holds no role there.
        ("admin@petrykivska.hromada.localhost", "dnipropetrovska"),
    ] {
        let token = app.demo_login(email).await;
        let res = app
            .gql(Some(tenant), Some(&token), CREATE, vars.clone())
            .await;
        assert_eq!(error_code(&res), "FORBIDDEN", "{email} on {tenant}: {res}");
    }
    // The supervisor reads, read-only.
    let token = app.demo_login("oblast.supervisor@hromada.localhost").await;
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            "{ communities { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&res)["communities"]["edges"].as_array().unwrap().len(),
        3
    );
    let community_admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&community_admin),
            "{ communities { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn communities_page_through_a_relay_connection() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("oblast.admin@hromada.localhost").await;
    let q = "query($after: String) { communities(first: 2, after: $after) { edges { node { slug } cursor } pageInfo { hasNextPage endCursor } } }";
    let first = app
        .gql(Some("dnipropetrovska"), Some(&token), q, json!({}))
        .await;
    let page = &data(&first)["communities"];
    assert_eq!(page["edges"].as_array().unwrap().len(), 2);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    let second = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            q,
            json!({ "after": page["pageInfo"]["endCursor"] }),
        )
        .await;
    let page = &data(&second)["communities"];
    assert_eq!(page["edges"][0]["node"]["slug"], "tsarychanska");
    assert_eq!(page["pageInfo"]["hasNextPage"], false);

    for bad in [0, 101, -1] {
        let res = app
            .gql(
                Some("dnipropetrovska"),
                Some(&token),
                "query($n: Int) { communities(first: $n) { edges { cursor } } }",
                json!({ "n": bad }),
            )
            .await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "first: {bad}: {res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], "first");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspended_community_accepts_no_changes() {
    let app = TestApp::spawn().await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let q = "mutation($s: TenantStatus!) { setCommunityStatus(input: {slug: \"petrykivska\", status: $s}) { community { status } } }";
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            q,
            json!({ "s": "SUSPENDED" }),
        )
        .await;
    assert_eq!(
        data(&res)["setCommunityStatus"]["community"]["status"],
        "SUSPENDED"
    );

    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let grant = "mutation { grantRole(input: {email: \"land@petrykivska.hromada.localhost\", role: \"site_editor\"}) { role } }";
    let res = app
        .gql(Some("petrykivska"), Some(&admin), grant, json!({}))
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    assert!(
        res["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("suspended")
    );

    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            q,
            json!({ "s": "ACTIVE" }),
        )
        .await;
    data(&res);
    let res = app
        .gql(Some("petrykivska"), Some(&admin), grant, json!({}))
        .await;
    assert_eq!(data(&res)["grantRole"]["role"], "site_editor");
}
