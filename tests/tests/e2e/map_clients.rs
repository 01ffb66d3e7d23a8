//! Desktop GIS against the OGC API: application passwords for HTTP Basic, and a real QGIS
//! (Debian's `python3-qgis`, headless) opening, filtering and reading public and internal
//! layers through `tests/qgis/open_layer.py` (issue 23, item 12).

use base64::Engine;
use hromada_tests::{TestApp, data, error_code};
use serde_json::{Value, json};

const LAND: &str = "land@petrykivska.hromada.localhost";

fn basic(email: &str, secret: &str) -> String {
    let pair = base64::engine::general_purpose::STANDARD.encode(format!("{email}:{secret}"));
    format!("Basic {pair}")
}

/// The ids of petrykivska's land-parcel layer (internal) and assets layer (public).
async fn layers(app: &TestApp, token: &str) -> (String, String) {
    let res = app
        .gql(
            Some("petrykivska"),
            Some(token),
            "{ layers { id kind public } }",
            json!({}),
        )
        .await;
    let find = |kind: &str| {
        data(&res)["layers"]
            .as_array()
            .expect("layers")
            .iter()
            .find(|l| l["kind"] == kind)
            .and_then(|l| l["id"].as_str())
            .unwrap_or_else(|| panic!("a {kind} layer: {res}"))
            .to_owned()
    };
    (find("LAND_PARCELS"), find("ASSETS"))
}

async fn get(app: &TestApp, path: &str, authorization: Option<&str>) -> reqwest::Response {
    let mut req = app.http.get(format!("{}{path}", app.base_url));
    if let Some(a) = authorization {
        req = req.header("Authorization", a);
    }
    req.send().await.expect("sent")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn application_passwords_open_map_endpoints_and_nothing_else() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let (parcels, _) = layers(&app, &token).await;
    let made = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation { createAppPassword(input: {name: \"QGIS у кабінеті\"}) { secret appPassword { id name lastUsedAt } } }",
            json!({}),
        )
        .await;
    let made = &data(&made)["createAppPassword"];
    let secret = made["secret"]
        .as_str()
        .expect("the secret, once")
        .to_owned();
    let id = made["appPassword"]["id"].as_str().expect("id").to_owned();
    assert!(made["appPassword"]["lastUsedAt"].is_null());
    let stored = app
        .count(&format!(
            "SELECT count(*) FROM app_password WHERE secret_hash = sha256('{secret}'::bytea)"
        ))
        .await;
    assert_eq!(stored, 1, "only the hash of the secret is kept");
    let listed = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ myAppPasswords { id name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&listed)["myAppPasswords"],
        json!([{ "id": id, "name": "QGIS у кабінеті" }])
    );
    assert!(!listed.to_string().contains(&secret));

    // The landing page points to the API definition, as Part 1 requires and QGIS needs.
    let landing: Value = get(&app, "/ogc/petrykivska", None)
        .await
        .json()
        .await
        .expect("JSON");
    let desc = landing["links"]
        .as_array()
        .expect("links")
        .iter()
        .find(|l| l["rel"] == "service-desc")
        .expect("a service-desc link");
    assert_eq!(desc["type"], "application/vnd.oai.openapi+json;version=3.0");
    let api = get(&app, "/ogc/petrykivska/api", None).await;
    assert_eq!(
        api.headers()["content-type"],
        "application/vnd.oai.openapi+json;version=3.0"
    );
    let api: Value = api.json().await.expect("OpenAPI");
    assert_eq!(api["openapi"], "3.0.3");
    assert!(
        api["servers"][0]["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/ogc/petrykivska"))
    );
    let doc = get(&app, "/ogc/petrykivska/api.html", None).await;
    assert_eq!(doc.status(), 200);
    assert!(
        doc.text()
            .await
            .expect("page")
            .contains("/collections/{collectionId}/items")
    );

    let items = format!("/ogc/petrykivska/collections/{parcels}/items?limit=5");
    assert_eq!(get(&app, &items, None).await.status(), 401, "internal");
    let res = get(&app, &items, Some(&basic(LAND, &secret))).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.expect("GeoJSON");
    assert_eq!(page["features"].as_array().expect("features").len(), 5);
    let tile = format!("/tiles/petrykivska/{parcels}/14/9713/5638.mvt");
    assert!(
        !get(&app, &tile, None).await.status().is_success(),
        "internal"
    );
    assert!(
        get(&app, &tile, Some(&basic(LAND, &secret)))
            .await
            .status()
            .is_success()
    );
    let export = format!("/gis/layers/{parcels}/features.geojson");
    let res = app
        .http
        .get(format!("{}{export}", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .header("Authorization", basic(LAND, &secret))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);

    // Never the account password, never another person's address, never GraphQL.
    let password = hromada_backend::demo::DEMO_PASSWORD;
    let refused = get(&app, &items, Some(&basic(LAND, password))).await;
    assert_eq!(refused.status(), 401);
    assert!(refused.headers().contains_key("www-authenticate"));
    let other = "admin@petrykivska.hromada.localhost";
    assert_eq!(
        get(&app, &items, Some(&basic(other, &secret)))
            .await
            .status(),
        401
    );
    let me = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .header("Authorization", basic(LAND, &secret))
        .json(&json!({ "query": "{ me { email } }" }))
        .send()
        .await
        .expect("sent")
        .json::<Value>()
        .await
        .expect("JSON");
    assert!(me["data"]["me"].is_null(), "{me}");

    let used = app
        .count(&format!(
            "SELECT count(*) FROM app_password WHERE id = '{id}' AND last_used_at IS NOT NULL"
        ))
        .await;
    assert_eq!(used, 1);
    let revoked = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!) { revokeAppPassword(input: {id: $id}) { revoked } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data(&revoked)["revokeAppPassword"]["revoked"], true);
    assert_eq!(
        get(&app, &items, Some(&basic(LAND, &secret)))
            .await
            .status(),
        401
    );
    let again = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!) { revokeAppPassword(input: {id: $id}) { revoked } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(error_code(&again), "NOT_FOUND");
    let anonymous = app
        .gql(
            Some("petrykivska"),
            None,
            "mutation { createAppPassword(input: {name: \"x\"}) { secret } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");
}

/// Runs QGIS on a layer; `None` credentials read anonymously.
async fn qgis(app: &TestApp, layer: &str, credentials: Option<(&str, &str)>) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/qgis/open_layer.py");
    let mut cmd = tokio::process::Command::new("/usr/bin/python3");
    cmd.arg(script)
        .arg(format!("{}/ogc/petrykivska", app.base_url))
        .arg(layer)
        .env("QT_QPA_PLATFORM", "offscreen");
    if let Some((user, password)) = credentials {
        cmd.arg(user).arg(password);
    }
    let out = tokio::time::timeout(std::time::Duration::from_secs(120), cmd.output())
        .await
        .expect("QGIS finishes within 2 minutes")
        .expect("python3 with QGIS runs (infra/setup.sh --test installs python3-qgis)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .unwrap_or_else(|| {
            panic!(
                "QGIS said nothing: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    serde_json::from_str(line).expect("the script's JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn qgis_opens_filters_and_reads_public_and_internal_layers() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let (parcels, assets) = layers(&app, &token).await;
    let count = |layer: &str| {
        format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}' AND deleted_at IS NULL"
        )
    };

    let public = qgis(&app, &assets, None).await;
    assert_eq!(public["valid"], true, "{public}");
    assert_eq!(public["read"], app.count(&count(&assets)).await, "{public}");
    assert!(
        public["fields"]
            .as_array()
            .is_some_and(|f| f.contains(&json!("name")))
    );
    let in_box = public["inBox"].as_i64().expect("a filtered read");
    assert!(
        (1..public["read"].as_i64().unwrap_or(0)).contains(&in_box),
        "{public}"
    );

    assert_eq!(qgis(&app, &parcels, None).await["valid"], false, "internal");
    let made = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation { createAppPassword(input: {name: \"QGIS\"}) { secret } }",
            json!({}),
        )
        .await;
    let secret = data(&made)["createAppPassword"]["secret"]
        .as_str()
        .expect("secret")
        .to_owned();
    let internal = qgis(&app, &parcels, Some((LAND, &secret))).await;
    assert_eq!(internal["valid"], true, "{internal}");
    assert_eq!(
        internal["read"],
        app.count(&count(&parcels)).await,
        "{internal}"
    );
    assert!(
        internal["fields"]
            .as_array()
            .is_some_and(|f| f.contains(&json!("cadastralNumber")))
    );
    assert_eq!(internal["inBox"], 1, "{internal}");
    let wrong = qgis(
        &app,
        &parcels,
        Some((LAND, hromada_backend::demo::DEMO_PASSWORD)),
    )
    .await;
    assert_eq!(wrong["valid"], false, "the account password is refused");
}
