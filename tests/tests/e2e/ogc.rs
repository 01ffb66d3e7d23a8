//! OGC API – Features read by GDAL's own client (`ogrinfo`, `ogr2ogr` over `OAPIF:`), the
//! coordinate systems of Part 2, the create/replace/update/delete cycle of Part 4 with ETags,
//! and bad requests answered with OGC exceptions.

use std::collections::HashSet;

use hromada_tests::{TestApp, data};
use serde_json::{Value, json};

use crate::gis::{LAND, parcels_layer, ucs2000};
use crate::tiles::{assets_layer, school};

const CRS_5564: &str = "http://www.opengis.net/def/crs/EPSG/0/5564";
const CRS_4326: &str = "http://www.opengis.net/def/crs/EPSG/0/4326";

/// Runs a GDAL command with an optional bearer token; returns stdout, panics on failure.
async fn gdal(program: &str, args: &[&str], token: Option<&str>) -> String {
    let mut cmd = tokio::process::Command::new(program);
    cmd.args(args).env("GDAL_HTTP_TIMEOUT", "60");
    if let Some(t) = token {
        cmd.env("GDAL_HTTP_HEADERS", format!("Authorization: Bearer {t}"));
    }
    let out = cmd
        .output()
        .await
        .unwrap_or_else(|e| panic!("{program} runs (gdal-bin: infra/setup.sh --test): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[tokio::test]
async fn gdal_lists_the_collections_and_counts_their_features() {
    let app = TestApp::spawn().await;
    let assets = assets_layer(&app).await;
    let url = format!("OAPIF:{}/ogc/petrykivska", app.base_url);
    let listing = gdal("ogrinfo", &["-ro", "-q", &url], None).await;
    assert!(listing.contains(&assets), "{listing}");
    let token = app.demo_login(LAND).await;
    let parcels = parcels_layer(&app, &token).await;
    assert!(
        !listing.contains(&parcels),
        "an internal layer is listed: {listing}"
    );

    let summary = gdal("ogrinfo", &["-ro", "-so", &url, &assets], None).await;
    let expected = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{assets}' AND deleted_at IS NULL"
        ))
        .await;
    assert!(
        summary.contains(&format!("Feature Count: {expected}")),
        "{summary}"
    );

    let with_token = gdal("ogrinfo", &["-ro", "-q", &url], Some(&token)).await;
    assert!(with_token.contains(&parcels), "{with_token}");
}

#[tokio::test]
async fn ogr2ogr_pages_through_a_layer_and_gets_every_feature_once() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let parcels = parcels_layer(&app, &token).await;
    let total = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{parcels}' AND deleted_at IS NULL"
        ))
        .await;
    assert!(total > 1000, "more than one page of 1000: {total}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("parcels.geojson");
    let url = format!("OAPIF:{}/ogc/petrykivska", app.base_url);
    gdal(
        "ogr2ogr",
        &[
            "-f",
            "GeoJSON",
            out.to_str().unwrap(),
            &url,
            &parcels,
            "-oo",
            "PAGE_SIZE=1000",
        ],
        Some(&token),
    )
    .await;
    let written: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let numbers: Vec<&str> = written["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["cadastralNumber"].as_str().unwrap())
        .collect();
    let unique: HashSet<&&str> = numbers.iter().collect();
    assert_eq!(numbers.len() as i64, total);
    assert_eq!(unique.len() as i64, total, "no feature twice");
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = app.http.request(method, format!("{}{path}", app.base_url));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req
            .header("Content-Type", "application/geo+json")
            .body(b.to_string());
    }
    req.send().await.expect("request")
}

fn etag(res: &reqwest::Response) -> String {
    res.headers()["etag"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn part_4_creates_replaces_patches_and_deletes_with_etags() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = assets_layer(&app).await;
    let items = format!("/ogc/petrykivska/collections/{layer}/items");
    let point = |lon: f64, lat: f64| {
        json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
               "properties": {"assetKind": "health", "name": "Амбулаторія", "condition": "good"}})
    };
    let body = point(34.6111, 48.7222);

    let anonymous = send(
        &app,
        reqwest::Method::POST,
        &items,
        None,
        &[],
        Some(body.clone()),
    )
    .await;
    assert_eq!(anonymous.status(), 401);
    let created = send(
        &app,
        reqwest::Method::POST,
        &items,
        Some(&token),
        &[],
        Some(body),
    )
    .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let first_tag = etag(&created);
    let feature: Value = created.json().await.unwrap();
    let id = feature["id"].as_str().unwrap().to_owned();
    assert!(location.ends_with(&format!("{items}/{id}")));
    let item = format!("{items}/{id}");

    let read = send(&app, reqwest::Method::GET, &item, None, &[], None).await;
    assert_eq!(read.status(), 200);
    assert_eq!(etag(&read), first_tag);
    let read: Value = read.json().await.unwrap();
    assert_eq!(read["properties"]["name"], "Амбулаторія");
    assert_eq!(read["geometry"]["coordinates"], json!([34.6111, 48.7222]));

    // Replace: an If-Match must be current and is compared strongly (a weak tag never
    // matches a change).
    let replacement = json!({"type": "Feature",
        "geometry": {"type": "Point", "coordinates": [34.6112, 48.7223]},
        "properties": {"assetKind": "health", "name": "Амбулаторія №2"}});
    let weak = send(
        &app,
        reqwest::Method::PUT,
        &item,
        Some(&token),
        &[("If-Match", &format!("W/{first_tag}"))],
        Some(replacement.clone()),
    )
    .await;
    assert_eq!(weak.status(), 412);
    let stale = send(
        &app,
        reqwest::Method::PUT,
        &item,
        Some(&token),
        &[("If-Match", "\"v0\"")],
        Some(replacement.clone()),
    )
    .await;
    assert_eq!(stale.status(), 412);
    let replaced = send(
        &app,
        reqwest::Method::PUT,
        &item,
        Some(&token),
        &[("If-Match", &first_tag)],
        Some(replacement),
    )
    .await;
    assert_eq!(replaced.status(), 200);
    let second_tag = etag(&replaced);
    assert_ne!(second_tag, first_tag);
    let replaced: Value = replaced.json().await.unwrap();
    assert_eq!(
        replaced["properties"],
        json!({"assetKind": "health", "name": "Амбулаторія №2"}),
        "condition is gone"
    );

    // The old tag is stale now.
    let patch =
        json!({"properties": {"name": "Амбулаторія загальної практики", "condition": "fair"}});
    let stale = send(
        &app,
        reqwest::Method::PATCH,
        &item,
        Some(&token),
        &[("If-Match", &first_tag)],
        Some(patch.clone()),
    )
    .await;
    assert_eq!(stale.status(), 412);
    let patched = send(
        &app,
        reqwest::Method::PATCH,
        &item,
        Some(&token),
        &[("If-Match", &second_tag)],
        Some(patch),
    )
    .await;
    assert_eq!(patched.status(), 200);
    let third_tag = etag(&patched);
    let patched: Value = patched.json().await.unwrap();
    assert_eq!(
        patched["properties"]["name"],
        "Амбулаторія загальної практики"
    );
    assert_eq!(patched["properties"]["condition"], "fair");
    assert_eq!(
        patched["geometry"]["coordinates"],
        json!([34.6112, 48.7223]),
        "kept"
    );

    // One history with GraphQL: create, replace and patch are three edits.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "query($id: ID!) { featureHistory(id: $id) { op version } }",
            json!({"id": id}),
        )
        .await;
    let ops: Vec<&str> = data(&res)["featureHistory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["op"].as_str().unwrap())
        .collect();
    assert_eq!(ops.len(), 3, "{res}");
    assert!(ops.contains(&"create"), "{ops:?}");

    let stale = send(
        &app,
        reqwest::Method::DELETE,
        &item,
        Some(&token),
        &[("If-Match", &second_tag)],
        None,
    )
    .await;
    assert_eq!(stale.status(), 412);
    // Without If-Match (as QGIS sends its edits) a change applies to the current version.
    let unconditional = send(
        &app,
        reqwest::Method::PATCH,
        &item,
        Some(&token),
        &[],
        Some(json!({"properties": {"condition": "good"}})),
    )
    .await;
    assert_eq!(unconditional.status(), 200);
    assert_ne!(etag(&unconditional), third_tag);
    let deleted = send(
        &app,
        reqwest::Method::DELETE,
        &item,
        Some(&token),
        &[],
        None,
    )
    .await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(
        send(&app, reqwest::Method::GET, &item, None, &[], None)
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn part_2_serves_and_takes_ucs2000_in_its_axis_order() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = assets_layer(&app).await;
    let items = format!("/ogc/petrykivska/collections/{layer}/items");
    let (id, lon, lat, _) = school(&app, &layer, 0).await;
    let (e, n) = ucs2000(&app, lon, lat).await;

    let res = send(
        &app,
        reqwest::Method::GET,
        &format!("{items}/{id}?crs={CRS_5564}"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-crs"], format!("<{CRS_5564}>"));
    let f: Value = res.json().await.unwrap();
    let c = f["geometry"]["coordinates"].as_array().unwrap();
    assert!(
        (c[0].as_f64().unwrap() - n).abs() < 0.01,
        "northing first: {c:?} vs ({n}, {e})"
    );
    assert!((c[1].as_f64().unwrap() - e).abs() < 0.01);

    let res = send(
        &app,
        reqwest::Method::GET,
        &format!("{items}/{id}?crs={CRS_4326}"),
        None,
        &[],
        None,
    )
    .await;
    let f: Value = res.json().await.unwrap();
    assert_eq!(
        f["geometry"]["coordinates"],
        json!([lat, lon]),
        "latitude first"
    );

    // A box around the point in UCS-2000 (northing first) finds it and nothing far away.
    let bbox = format!("{},{},{},{}", n - 5.0, e - 5.0, n + 5.0, e + 5.0);
    let res = send(
        &app,
        reqwest::Method::GET,
        &format!("{items}?bbox={bbox}&bbox-crs={CRS_5564}"),
        None,
        &[],
        None,
    )
    .await;
    let page: Value = res.json().await.unwrap();
    let found = page["features"].as_array().unwrap();
    assert!(found.iter().any(|f| f["id"] == id.as_str()), "{page}");
    // Besides the point, only the street drawn through it is that close.
    assert!(
        found
            .iter()
            .all(|f| f["id"] == id.as_str() || f["properties"]["assetKind"] == "road"),
        "{page}"
    );
    assert_eq!(page["numberMatched"], found.len());

    // A feature sent in UCS-2000 lands where PostGIS puts those coordinates.
    let body = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [n + 30.0, e + 40.0]},
                      "properties": {"assetKind": "building", "name": "Склад"}});
    let created = send(
        &app,
        reqwest::Method::POST,
        &items,
        Some(&token),
        &[("Content-Crs", &format!("<{CRS_5564}>"))],
        Some(body),
    )
    .await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    let c = created["geometry"]["coordinates"].as_array().unwrap();
    assert!((c[0].as_f64().unwrap() - (n + 30.0)).abs() < 0.01, "{c:?}");
    assert!((c[1].as_f64().unwrap() - (e + 40.0)).abs() < 0.01, "{c:?}");
}

#[tokio::test]
async fn items_page_with_next_links_and_bad_requests_get_ogc_exceptions() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = assets_layer(&app).await;
    let items = format!("/ogc/petrykivska/collections/{layer}/items");
    let mut next = Some(format!("{}{items}?limit=10", app.base_url));
    let mut seen = HashSet::new();
    let mut matched = None;
    while let Some(url) = next.take() {
        let page: Value = app
            .http
            .get(&url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(page["numberReturned"].as_u64().unwrap() <= 10);
        matched = page["numberMatched"].as_i64();
        for f in page["features"].as_array().unwrap() {
            assert!(
                seen.insert(f["id"].as_str().unwrap().to_owned()),
                "twice: {f}"
            );
        }
        next = page["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "next")
            .map(|l| l["href"].as_str().unwrap().to_owned());
    }
    assert_eq!(Some(seen.len() as i64), matched);
    assert!(seen.len() > 10);

    let landing: Value = send(
        &app,
        reqwest::Method::GET,
        "/ogc/petrykivska",
        None,
        &[],
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(
        landing["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["rel"] == "conformance")
    );
    let conformance: Value = send(
        &app,
        reqwest::Method::GET,
        "/ogc/petrykivska/conformance",
        None,
        &[],
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(
        conformance["conformsTo"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c
                .as_str()
                .unwrap()
                .ends_with("ogcapi-features-2/1.0/conf/crs"))
    );

    let before = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'"
        ))
        .await;
    let bad_body = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.45]},
                          "properties": {"assetKind": "health", "name": "Поза громадою"}});
    let bad_kind = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [34.6111, 48.7222]},
                          "properties": {"assetKind": "spaceport", "name": "?"}});
    for (method, path, body, headers, reason) in [
        (
            reqwest::Method::GET,
            format!("{items}?bbox=1,2,3"),
            None,
            vec![],
            "bbox",
        ),
        (
            reqwest::Method::GET,
            format!("{items}?bbox=a,b,c,d"),
            None,
            vec![],
            "bbox",
        ),
        (
            reqwest::Method::GET,
            format!("{items}?crs=http://www.opengis.net/def/crs/EPSG/0/2154"),
            None,
            vec![],
            "crs",
        ),
        (
            reqwest::Method::GET,
            format!("{items}?limit=0"),
            None,
            vec![],
            "limit",
        ),
        (
            reqwest::Method::GET,
            format!("{items}?bbox-crs=http://www.opengis.net/def/crs/EPSG/0/5564"),
            None,
            vec![],
            "bbox-crs",
        ),
        (
            reqwest::Method::POST,
            items.clone(),
            Some(bad_body),
            vec![],
            "boundary",
        ),
        (
            reqwest::Method::POST,
            items.clone(),
            Some(bad_kind),
            vec![],
            "assetKind",
        ),
        (
            reqwest::Method::POST,
            items.clone(),
            Some(json!({"type": "FeatureCollection"})),
            vec![],
            "Feature",
        ),
        (
            reqwest::Method::POST,
            items.clone(),
            Some(
                json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}),
            ),
            vec![(
                "Content-Crs",
                "<http://www.opengis.net/def/crs/EPSG/0/27700>",
            )],
            "Content-Crs",
        ),
    ] {
        let res = send(&app, method.clone(), &path, Some(&token), &headers, body).await;
        assert_eq!(res.status(), 400, "{method} {path}");
        let ex: Value = res.json().await.unwrap();
        assert_eq!(ex["code"], "InvalidParameterValue", "{ex}");
        assert!(
            ex["description"].as_str().unwrap().contains(reason),
            "{path}: {ex}"
        );
    }
    let after = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'"
        ))
        .await;
    assert_eq!(before, after, "nothing was written");
    assert_eq!(
        send(
            &app,
            reqwest::Method::GET,
            "/ogc/petrykivska/collections/0195a1a1-0000-7000-8000-000000000000",
            None,
            &[],
            None
        )
        .await
        .status(),
        404
    );
    // An unknown feature is 404; a stranger's token may read public data but never write it.
    assert_eq!(
        send(
            &app,
            reqwest::Method::GET,
            &format!("{items}/0195a1a1-0000-7000-8000-000000000000"),
            None,
            &[],
            None
        )
        .await
        .status(),
        404
    );
    let stranger = app.demo_login("land@tsarychanska.hromada.localhost").await;
    let good = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [34.6111, 48.7222]},
                      "properties": {"assetKind": "health", "name": "Чужий запис"}});
    let res = send(
        &app,
        reqwest::Method::POST,
        &items,
        Some(&stranger),
        &[],
        Some(good.clone()),
    )
    .await;
    assert_eq!(res.status(), 403);
    let ex: Value = res.json().await.unwrap();
    assert!(
        ex["code"].is_string() && ex["description"].is_string(),
        "{ex}"
    );
    let res = send(&app, reqwest::Method::POST, &items, None, &[], Some(good)).await;
    assert_eq!(res.status(), 401, "editing needs a token");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'"
        ))
        .await,
        before,
        "nothing was written"
    );
}

/// The oblast's endpoint serves its communities' boundaries: GDAL lists and reads them, pages
/// go by slug, a box filters, one is read by its slug (issue 23, item 13).
#[tokio::test]
async fn the_oblast_endpoint_serves_its_communities_boundaries() {
    let app = TestApp::spawn().await;
    let url = format!("OAPIF:{}/ogc/dnipropetrovska", app.base_url);
    let listing = gdal("ogrinfo", &["-ro", "-q", &url], None).await;
    assert!(listing.contains("boundaries"), "{listing}");
    let expected = app
        .count(
            "SELECT count(*) FROM boundary b JOIN tenant t ON t.id = b.tenant_id \
             JOIN tenant o ON o.id = t.parent_id \
             WHERE o.slug = 'dnipropetrovska' AND t.status = 'active'",
        )
        .await;
    assert!(expected >= 3, "the demo has its communities' boundaries");
    let summary = gdal("ogrinfo", &["-ro", "-so", &url, "boundaries"], None).await;
    assert!(
        summary.contains(&format!("Feature Count: {expected}")),
        "{summary}"
    );

    // Pages of one, by slug, until the end: every community once.
    let mut slugs = Vec::new();
    let mut next = Some(format!(
        "{}/ogc/dnipropetrovska/collections/boundaries/items?limit=1",
        app.base_url
    ));
    while let Some(url) = next.take() {
        let page: Value = app
            .http
            .get(&url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(page["numberMatched"], expected);
        for f in page["features"].as_array().unwrap() {
            slugs.push(f["id"].as_str().unwrap().to_owned());
            assert!(
                f["properties"]["katottg"]
                    .as_str()
                    .is_some_and(|k| k.starts_with("UA"))
            );
            assert!(f["properties"]["areaKm2"].as_f64().is_some_and(|a| a > 0.0));
        }
        next = page["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "next")
            .and_then(|l| l["href"].as_str())
            .map(str::to_owned);
    }
    assert_eq!(slugs.len() as i64, expected, "{slugs:?}");
    assert!(slugs.windows(2).all(|w| w[0] < w[1]), "{slugs:?}");
    assert!(slugs.contains(&"petrykivska".to_owned()));

    let one: Value = app
        .http
        .get(format!(
            "{}/ogc/dnipropetrovska/collections/boundaries/items/petrykivska",
            app.base_url
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(one["properties"]["slug"], "petrykivska", "{one}");
    assert_eq!(one["geometry"]["type"], "MultiPolygon");
    // A box around one point of Petrykivka's boundary finds it, and not every community.
    let point = &one["geometry"]["coordinates"][0][0][0];
    let (x, y) = (point[0].as_f64().unwrap(), point[1].as_f64().unwrap());
    let boxed: Value = app
        .http
        .get(format!(
            "{}/ogc/dnipropetrovska/collections/boundaries/items?bbox={},{},{},{}",
            app.base_url,
            x - 0.001,
            y - 0.001,
            x + 0.001,
            y + 0.001
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let found: Vec<&str> = boxed["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(found.contains(&"petrykivska"), "{found:?}");
    assert!((found.len() as i64) < expected, "{found:?}");
    let bad = app
        .http
        .get(format!(
            "{}/ogc/dnipropetrovska/collections/boundaries/items?cursor=%00",
            app.base_url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let unknown = app
        .http
        .get(format!(
            "{}/ogc/dnipropetrovska/collections/boundaries/items/nowhere",
            app.base_url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}
