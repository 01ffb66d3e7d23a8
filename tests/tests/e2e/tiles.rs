//! Vector tiles: decoded and checked (the feature is there, with its attributes, in the right
//! place), the cache and its exact invalidation by edits, the memory of hot tiles and its
//! revalidation, access to internal layers, the oblast's boundary tiles, and bad tile
//! addresses.

use geozero::mvt::{Message, Tile};
use hromada_tests::{TestApp, data, scalar};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::gis::{LAND, parcels_layer};

/// The XYZ tile holding a WGS 84 point at `z`, and the point's position inside it in MVT units.
pub(crate) fn tile_of(lon: f64, lat: f64, z: u8) -> (u32, u32, f64, f64) {
    let n = f64::from(1u32 << z);
    let fx = (lon + 180.0) / 360.0 * n;
    let lat_r = lat.to_radians();
    let fy = (1.0 - (lat_r.tan() + 1.0 / lat_r.cos()).ln() / std::f64::consts::PI) / 2.0 * n;
    let (x, y) = (fx.floor(), fy.floor());
    (x as u32, y as u32, (fx - x) * 4096.0, (fy - y) * 4096.0)
}

/// The id of the community's public assets layer.
pub(crate) async fn assets_layer(app: &TestApp) -> String {
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            "{ layers { id kind } }",
            json!({}),
        )
        .await;
    data(&res)["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "ASSETS")
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .expect("a public assets layer")
}

/// A point feature of the assets layer: id, lon, lat, name.
pub(crate) async fn school(app: &TestApp, layer: &str, nth: i64) -> (String, f64, f64, String) {
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT id::text, ST_X(geom), ST_Y(geom), attributes->>'name' FROM gis_feature \
                 WHERE layer_id = '{layer}' AND GeometryType(geom) = 'POINT' ORDER BY id OFFSET {nth} LIMIT 1"
            ),
        ))
        .await
        .unwrap()
        .expect("a point asset");
    (
        row.try_get_by_index(0).unwrap(),
        row.try_get_by_index(1).unwrap(),
        row.try_get_by_index(2).unwrap(),
        row.try_get_by_index(3).unwrap(),
    )
}

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut req = app.http.get(format!("{}{path}", app.base_url));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.expect("request")
}

/// One feature of a decoded tile: its properties and the first point of its geometry.
#[derive(Debug)]
struct TileFeature {
    properties: serde_json::Map<String, Value>,
    first: (i64, i64),
}

fn decode(bytes: &[u8], layer_name: &str) -> Vec<TileFeature> {
    let tile = Tile::decode(bytes).expect("a valid MVT");
    let Some(layer) = tile.layers.iter().find(|l| l.name == layer_name) else {
        return Vec::new();
    };
    assert_eq!(layer.extent, Some(4096));
    layer
        .features
        .iter()
        .map(|f| {
            let mut properties = serde_json::Map::new();
            for pair in f.tags.chunks(2) {
                let key = layer.keys[pair[0] as usize].clone();
                let v = &layer.values[pair[1] as usize];
                let value = if let Some(s) = &v.string_value {
                    json!(s)
                } else if let Some(d) = v.double_value {
                    json!(d)
                } else if let Some(i) = v.int_value.or(v.sint_value) {
                    json!(i)
                } else if let Some(u) = v.uint_value {
                    json!(u)
                } else if let Some(b) = v.bool_value {
                    json!(b)
                } else {
                    Value::Null
                };
                properties.insert(key, value);
            }
            // The first command is MoveTo; its parameters are zig-zag encoded.
            let zz = |n: u32| i64::from((n >> 1) as i32 ^ -((n & 1) as i32));
            let first = (zz(f.geometry[1]), zz(f.geometry[2]));
            TileFeature { properties, first }
        })
        .collect()
}

/// The entity tag of the cached copy of a tile, if it is cached.
async fn cached_etag(app: &TestApp, layer: &str, z: u8, x: u32, y: u32) -> Option<String> {
    app.admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT mvt FROM gis_tile WHERE layer_id = '{layer}' AND z = {z} AND x = {x} AND y = {y}"
            ),
        ))
        .await
        .unwrap()
        .map(|r| hromada_gis::tiles::etag(&r.try_get_by_index::<Vec<u8>>(0).unwrap()))
}

#[tokio::test]
async fn a_public_tile_has_the_feature_with_its_attributes_in_place_and_is_cached() {
    let app = TestApp::spawn().await;
    let layer = assets_layer(&app).await;
    let (id, lon, lat, name) = school(&app, &layer, 0).await;
    let z = 16;
    let (x, y, px, py) = tile_of(lon, lat, z);

    let doc: Value = get(&app, &format!("/tiles/petrykivska/{layer}.json"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(doc["tilejson"], "3.0.0");
    assert_eq!(doc["vector_layers"][0]["id"], layer.as_str());
    assert!(
        doc["tiles"][0]
            .as_str()
            .unwrap()
            .ends_with(&format!("/tiles/petrykivska/{layer}/{{z}}/{{x}}/{{y}}.mvt")),
        "{doc}"
    );

    let path = format!("/tiles/petrykivska/{layer}/{z}/{x}/{y}.mvt");
    let res = get(&app, &path, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.mapbox-vector-tile"
    );
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let features = decode(&res.bytes().await.unwrap(), &layer);
    let f = features
        .iter()
        .find(|f| f.properties.get("id") == Some(&json!(id)))
        .unwrap_or_else(|| panic!("feature {id} not in {features:?}"));
    assert_eq!(f.properties["name"], json!(name));
    assert!(
        (f.first.0 as f64 - px).abs() <= 1.0 && (f.first.1 as f64 - py).abs() <= 1.0,
        "drawn at {:?}, expected ({px:.1}, {py:.1})",
        f.first
    );

    assert_eq!(
        cached_etag(&app, &layer, z, x, y)
            .await
            .map(|e| format!("\"{e}\"")),
        Some(etag.clone()),
        "the tile is cached"
    );
    let again = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn an_edit_makes_exactly_the_tiles_it_touches_fresh() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = assets_layer(&app).await;
    let (id, lon, lat, _) = school(&app, &layer, 0).await;
    let (_, far_lon, far_lat, _) = school(&app, &layer, 7).await;
    let z = 17;
    let (x, y, _, _) = tile_of(lon, lat, z);
    let (fx, fy, _, _) = tile_of(far_lon, far_lat, z);
    assert_ne!((x, y), (fx, fy), "two different tiles");
    // Where the feature will move to: a tile of its own, not cached yet.
    let (to_lon, to_lat) = (lon + 0.003, lat + 0.0001);
    let (tx_, ty_, _, _) = tile_of(to_lon, to_lat, z);
    assert_ne!((tx_, ty_), (x, y));
    let low = 15;
    let (lx, ly, _, _) = tile_of(lon, lat, low);
    for (zz, xx, yy) in [(z, x, y), (z, fx, fy), (z, tx_, ty_), (low, lx, ly)] {
        let res = get(
            &app,
            &format!("/tiles/petrykivska/{layer}/{zz}/{xx}/{yy}.mvt"),
            None,
        )
        .await;
        assert_eq!(res.status(), 200);
        assert!(cached_etag(&app, &layer, zz, xx, yy).await.is_some());
    }
    let far_before = cached_etag(&app, &layer, z, fx, fy).await;

    // Rename: the tiles holding the feature (z17 and z15) are dropped, the far one stays.
    let version = app
        .count(&format!(
            "SELECT version::bigint FROM gis_feature WHERE id = '{id}'"
        ))
        .await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!, $v: Int!, $a: JSON) { updateFeature(input: {id: $id, expectedVersion: $v, attributes: $a}) { feature { version } } }",
            json!({"id": id, "v": version, "a": {"name": "Ліцей імені Лесі Українки"}}),
        )
        .await;
    data(&res);
    assert_eq!(cached_etag(&app, &layer, z, x, y).await, None);
    assert_eq!(cached_etag(&app, &layer, low, lx, ly).await, None);
    assert!(cached_etag(&app, &layer, z, tx_, ty_).await.is_some());
    assert_eq!(cached_etag(&app, &layer, z, fx, fy).await, far_before);
    let fresh = get(
        &app,
        &format!("/tiles/petrykivska/{layer}/{z}/{x}/{y}.mvt"),
        None,
    )
    .await;
    let features = decode(&fresh.bytes().await.unwrap(), &layer);
    let f = features
        .iter()
        .find(|f| f.properties.get("id") == Some(&json!(id)))
        .expect("still there");
    assert_eq!(f.properties["name"], "Ліцей імені Лесі Українки");

    // Move: the old tile and the new one are dropped; the far one still stays.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!, $v: Int!, $g: JSON) { updateFeature(input: {id: $id, expectedVersion: $v, geometry: $g}) { feature { version } } }",
            json!({"id": id, "v": version + 1, "g": {"type": "Point", "coordinates": [to_lon, to_lat]}}),
        )
        .await;
    data(&res);
    assert_eq!(cached_etag(&app, &layer, z, x, y).await, None, "old place");
    assert_eq!(
        cached_etag(&app, &layer, z, tx_, ty_).await,
        None,
        "new place"
    );
    assert_eq!(cached_etag(&app, &layer, z, fx, fy).await, far_before);
    let moved = get(
        &app,
        &format!("/tiles/petrykivska/{layer}/{z}/{tx_}/{ty_}.mvt"),
        None,
    )
    .await;
    let features = decode(&moved.bytes().await.unwrap(), &layer);
    assert!(
        features
            .iter()
            .any(|f| f.properties.get("id") == Some(&json!(id)))
    );
    let old = get(
        &app,
        &format!("/tiles/petrykivska/{layer}/{z}/{x}/{y}.mvt"),
        None,
    )
    .await;
    let features = decode(&old.bytes().await.unwrap(), &layer);
    assert!(
        !features
            .iter()
            .any(|f| f.properties.get("id") == Some(&json!(id)))
    );

    // Delete: its tile is dropped and the feature is gone from it.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!, $v: Int!) { deleteFeature(input: {id: $id, expectedVersion: $v}) { feature { version } } }",
            json!({"id": id, "v": version + 2}),
        )
        .await;
    data(&res);
    assert_eq!(cached_etag(&app, &layer, z, tx_, ty_).await, None);
    assert_eq!(cached_etag(&app, &layer, z, fx, fy).await, far_before);
}

/// How many layer tiles the server has served from `from` (`memory`, `cache`, `render`).
async fn served_from(app: &TestApp, from: &str) -> u64 {
    metric(
        app,
        &format!("hromada_tiles_served_total{{from=\"{from}\"}}"),
    )
    .await
}

/// A metric's value from the server's `/metrics` (which answer a loopback client without a
/// token); 0 when it has none yet.
async fn metric(app: &TestApp, name: &str) -> u64 {
    let text = app
        .http
        .get(format!("{}/metrics", app.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let prefix = format!("{name} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map_or(0, |n| n.parse().unwrap())
}

#[tokio::test]
async fn a_tile_held_in_memory_is_served_only_while_its_row_is_the_stored_one() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = assets_layer(&app).await;
    let (id, lon, lat, _) = school(&app, &layer, 0).await;
    let (x, y, _, _) = tile_of(lon, lat, 16);
    let path = format!("/tiles/petrykivska/{layer}/16/{x}/{y}.mvt");
    let fetch = || async {
        let res = get(&app, &path, None).await;
        assert_eq!(res.status(), 200);
        let etag = res.headers()["etag"].to_str().unwrap().to_owned();
        (res.bytes().await.unwrap().to_vec(), etag)
    };

    // Rendered and stored, then served from memory: the same bytes, the same tag.
    let rendered = fetch().await;
    assert_eq!(served_from(&app, "render").await, 1);
    assert_eq!(fetch().await, rendered);
    assert_eq!(served_from(&app, "memory").await, 1);

    // Another server replaces the stored tile (here the owner, by hand): the stored bytes are
    // served, not the held ones, and are held from then on.
    let other = b"a tile stored by another server".to_vec();
    app.admin
        .execute_unprepared(&format!(
            "UPDATE gis_tile SET mvt = '{}'::bytea WHERE layer_id = '{layer}' AND z = 16 AND x = {x} AND y = {y}",
            String::from_utf8(other.clone()).unwrap()
        ))
        .await
        .unwrap();
    let replaced = (
        other.clone(),
        format!("\"{}\"", hromada_gis::tiles::etag(&other)),
    );
    assert_eq!(fetch().await, replaced);
    assert_eq!(served_from(&app, "cache").await, 1);
    assert_eq!(fetch().await, replaced);
    assert_eq!(served_from(&app, "memory").await, 2);

    // Deleting the feature removes the stored tile: it is rendered afresh without the feature,
    // and that is held.
    let version = app
        .count(&format!(
            "SELECT version::bigint FROM gis_feature WHERE id = '{id}'"
        ))
        .await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!, $v: Int!) { deleteFeature(input: {id: $id, expectedVersion: $v}) { feature { version } } }",
            json!({"id": id, "v": version}),
        )
        .await;
    data(&res);
    let fresh = fetch().await;
    assert_eq!(served_from(&app, "render").await, 2);
    let features = decode(&fresh.0, &layer);
    assert!(
        !features
            .iter()
            .any(|f| f.properties.get("id") == Some(&json!(id))),
        "the deleted feature is gone from {features:?}"
    );
    assert_eq!(fetch().await, fresh);
    assert_eq!(served_from(&app, "memory").await, 3);
    assert_eq!(served_from(&app, "cache").await, 1);
    // The one tile held weighs its bytes and a small allowance for its entry.
    let held = metric(&app, "hromada_tile_memory_bytes").await;
    let bytes = fresh.0.len() as u64;
    assert!(
        (bytes..bytes + 1024).contains(&held),
        "{held} bytes held for a tile of {bytes}"
    );
}

#[tokio::test]
async fn internal_layers_need_a_role_and_parcels_are_generalized_below_their_minimum_zoom() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let (x, y, _, _) = tile_of(34.6013, 48.7113, 16);
    let path = format!("/tiles/petrykivska/{layer}/16/{x}/{y}.mvt");

    let anonymous = get(&app, &path, None).await;
    assert_eq!(anonymous.status(), 401);
    assert!(!anonymous.text().await.unwrap().is_empty());
    let stranger = app.demo_login("land@tsarychanska.hromada.localhost").await;
    assert_eq!(get(&app, &path, Some(&stranger)).await.status(), 403);
    assert_eq!(
        get(&app, &format!("/tiles/petrykivska/{layer}.json"), None)
            .await
            .status(),
        401
    );

    let res = get(&app, &path, Some(&token)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-cache");
    let features = decode(&res.bytes().await.unwrap(), &layer);
    assert!(
        features.len() > 3,
        "parcels in the tile: {}",
        features.len()
    );
    assert!(features.iter().all(|f| {
        f.properties["cadastralNumber"]
            .as_str()
            .unwrap()
            .starts_with("1223755100:")
    }));

    // Below the minimum zoom: the generalized overview, cells with their parcel counts.
    let (x12, y12, _, _) = tile_of(34.6013, 48.7113, 12);
    let path12 = format!("/tiles/petrykivska/{layer}/12/{x12}/{y12}.mvt");
    let overview = |bytes: &[u8]| {
        let cells = decode(bytes, &layer);
        assert!(!cells.is_empty(), "an overview below the minimum zoom");
        assert!(cells.iter().all(|c| c.properties["overview"] == json!(true)
            && c.properties["parcels"].as_i64().unwrap() > 0
            && c.properties["area_ha"].as_f64().unwrap() > 0.0));
        assert!(
            cells
                .iter()
                .all(|c| !c.properties.contains_key("cadastralNumber"))
        );
        (
            cells.len(),
            cells
                .iter()
                .map(|c| c.properties["parcels"].as_i64().unwrap())
                .sum::<i64>(),
        )
    };
    let below = get(&app, &path12, Some(&token)).await;
    assert_eq!(below.status(), 200);
    let (cells, total) = overview(&below.bytes().await.unwrap());
    let in_tile = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}' AND deleted_at IS NULL \
             AND app.overview_cx(geom_3857) >> 4 = {x12} AND app.overview_cy(geom_3857) >> 4 = {y12}"
        ))
        .await;
    assert!(
        in_tile > 100 && total >= in_tile,
        "{total} counted, {in_tile} parcels in the tile"
    );
    assert!(
        cells * 5 < total as usize,
        "cells are generalized: {cells} cells for {total} parcels"
    );

    // Deleting a parcel makes the cached overview fresh at once: one parcel fewer.
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT id::text, version FROM gis_feature WHERE layer_id = '{layer}' AND deleted_at IS NULL \
                 AND app.overview_cx(geom_3857) >> 4 = {x12} AND app.overview_cy(geom_3857) >> 4 = {y12} \
                 ORDER BY id LIMIT 1"
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    let (id, version): (String, i32) = (
        row.try_get_by_index(0).unwrap(),
        row.try_get_by_index(1).unwrap(),
    );
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "mutation($id: ID!, $v: Int!) { deleteFeature(input: {id: $id, expectedVersion: $v}) { feature { version } } }",
            json!({"id": id, "v": version}),
        )
        .await;
    data(&res);
    let after = get(&app, &path12, Some(&token)).await;
    let (_, total_after) = overview(&after.bytes().await.unwrap());
    assert_eq!(total_after, total - 1, "the overview counts the deletion");

    // The minimum zoom is the layer's setting: raised, a zoom-14 tile becomes overview too.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "query($id: ID!) { layer(id: $id) { version tileMinZoom } }",
            json!({"id": layer}),
        )
        .await;
    assert_eq!(data(&res)["layer"]["tileMinZoom"], 13);
    let version = data(&res)["layer"]["version"].clone();
    let update = "mutation($i: UpdateLayerInput!) { updateLayer(input: $i) { layer { tileMinZoom version } } }";
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            update,
            json!({"i": {"id": layer, "expectedVersion": version, "tileMinZoom": 30}}),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "tileMinZoom",
        "{res}"
    );
    let (x14, y14, _, _) = tile_of(34.6013, 48.7113, 14);
    let path14 = format!("/tiles/petrykivska/{layer}/14/{x14}/{y14}.mvt");
    let parcels14 = decode(
        &get(&app, &path14, Some(&token))
            .await
            .bytes()
            .await
            .unwrap(),
        &layer,
    );
    assert!(
        parcels14
            .iter()
            .all(|f| f.properties.contains_key("cadastralNumber"))
    );
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            update,
            json!({"i": {"id": layer, "expectedVersion": version, "tileMinZoom": 15}}),
        )
        .await;
    assert_eq!(
        data(&res)["updateLayer"]["layer"]["tileMinZoom"],
        15,
        "{res}"
    );
    overview(
        &get(&app, &path14, Some(&token))
            .await
            .bytes()
            .await
            .unwrap(),
    );
}

#[tokio::test]
async fn the_oblast_serves_its_community_boundaries() {
    let app = TestApp::spawn().await;
    let (x, y, _, _) = tile_of(34.62, 48.73, 8);
    let res = get(
        &app,
        &format!("/tiles/dnipropetrovska/boundaries/8/{x}/{y}.mvt"),
        None,
    )
    .await;
    assert_eq!(res.status(), 200);
    let features = decode(&res.bytes().await.unwrap(), "boundaries");
    let slugs: Vec<&str> = features
        .iter()
        .filter_map(|f| f.properties.get("slug").and_then(Value::as_str))
        .collect();
    assert!(slugs.contains(&"petrykivska"), "{slugs:?}");
    let doc: Value = get(&app, "/tiles/dnipropetrovska/boundaries.json", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(doc["vector_layers"][0]["id"], "boundaries");
    assert_eq!(
        get(&app, "/tiles/petrykivska/boundaries.json", None)
            .await
            .status(),
        404,
        "a community has no boundary tiles of its own"
    );
}

#[tokio::test]
async fn bad_tile_addresses_are_refused_with_the_reason() {
    let app = TestApp::spawn().await;
    let layer = assets_layer(&app).await;
    for (path, status, reason) in [
        (format!("/tiles/petrykivska/{layer}/23/0/0.mvt"), 400, "z"),
        (format!("/tiles/petrykivska/{layer}/3/8/0.mvt"), 400, "x"),
        (format!("/tiles/petrykivska/{layer}/3/0/8.mvt"), 400, "y"),
        (format!("/tiles/petrykivska/{layer}/3/-1/0.mvt"), 400, "x"),
        (
            format!("/tiles/petrykivska/{layer}/3/0/0.png"),
            404,
            "format",
        ),
        (
            "/tiles/petrykivska/0195a1a1-0000-7000-8000-000000000000/3/0/0.mvt".to_owned(),
            404,
            "layer",
        ),
        (
            "/tiles/petrykivska/parcels/3/0/0.mvt".to_owned(),
            404,
            "layer",
        ),
        (format!("/tiles/nowhere/{layer}/3/0/0.mvt"), 404, "nowhere"),
    ] {
        let res = get(&app, &path, None).await;
        assert_eq!(res.status(), status, "{path}");
        let body: Value = res.json().await.unwrap();
        assert!(
            body["error"].as_str().unwrap().contains(reason),
            "{path}: {body}"
        );
    }
}

/// A cache miss reads the layer's features once, for the bytes answered and stored alike: the
/// plan of the statement that renders and stores a tile scans `gis_feature` exactly once (an
/// inlined common table expression once rendered every cold tile twice), and its row-level
/// security reads the request's tenant once, not per row.
#[tokio::test]
async fn a_cold_tile_is_rendered_once() {
    use hromada_gis::tiles::{TileCoord, render_and_store_sql, tile_values};
    use hromada_tenants::{TenantSource, TenantTx, tenant};

    let app = TestApp::spawn().await;
    let layer_id: uuid::Uuid = assets_layer(&app).await.parse().unwrap();
    let community = tenant::by_slug(&app.app_db, "petrykivska")
        .await
        .unwrap()
        .unwrap();
    let tx = TenantTx::begin(
        &app.app_db,
        Some((community, TenantSource::Host)),
        None,
        None,
    )
    .await
    .unwrap();
    let layer = hromada_gis::layer::readable(&tx, layer_id).await.unwrap();
    let at = TileCoord::new(16, 38_993, 22_621).unwrap();
    let mut values = tile_values(&layer, at).to_vec();
    values.push(false.into());
    let plan = tx
        .conn()
        .query_one_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            format!("EXPLAIN (FORMAT JSON) {}", render_and_store_sql(&layer, at)),
            values,
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<Value>(0)
        .unwrap();
    fn scans<'a>(node: &'a Value, table: &str, found: &mut Vec<&'a Value>) {
        if node["Relation Name"] == table {
            found.push(node);
        }
        for p in node["Plans"].as_array().into_iter().flatten() {
            scans(p, table, found);
        }
    }
    let mut feature_scans = Vec::new();
    scans(&plan[0]["Plan"], "gis_feature", &mut feature_scans);
    assert_eq!(feature_scans.len(), 1, "{plan}");
    // Row-level security compares each row with the tenant computed once (m0025), not with a
    // `current_setting` evaluated row by row.
    let conditions: Vec<&str> = ["Filter", "Index Cond", "Recheck Cond"]
        .iter()
        .filter_map(|key| feature_scans[0][*key].as_str())
        .collect();
    assert!(
        conditions.iter().any(|c| c.contains("tenant_id")),
        "{conditions:?}"
    );
    assert!(
        conditions.iter().all(|c| !c.contains("current_setting")),
        "the tenant is read per row: {conditions:?}"
    );
    tx.rollback().await.unwrap();
}

/// The overview follows every kind of write by its difference (m0010): after inserts, moves,
/// deletions and restorations it equals a recount from the features; and the layer key,
/// checked per statement, still refuses a feature of a missing layer and keeps a layer that
/// has features.
#[tokio::test]
async fn the_overview_equals_a_recount_after_every_kind_of_write_and_the_layer_key_holds() {
    let app = TestApp::spawn().await;
    let run = |sql: String| {
        let admin = app.admin.clone();
        async move { admin.execute_unprepared(&sql).await }
    };
    let layer = "(SELECT l.id FROM gis_layer l JOIN tenant t ON t.id = l.tenant_id \
                 WHERE t.slug = 'petrykivska' AND l.kind = 'land_parcels' LIMIT 1)";
    const MISMATCHES: &str = "SELECT count(*) FROM gis_overview o FULL JOIN ( \
           SELECT f.tenant_id, f.layer_id, app.overview_cx(f.geom_3857) AS cx, \
                  app.overview_cy(f.geom_3857) AS cy, count(*)::integer AS n, \
                  sum(app.overview_area(f.geom, f.geom_3857)) AS a \
           FROM gis_feature f JOIN gis_layer l ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
           WHERE f.deleted_at IS NULL AND l.tile_min_zoom > 0 GROUP BY 1, 2, 3, 4) r \
         USING (tenant_id, layer_id, cx, cy) \
         WHERE o.parcels IS DISTINCT FROM r.n OR abs(o.area_m2 - r.a) > 1e-3";
    let mismatches = || scalar(&app.admin, MISMATCHES);
    let parcels = scalar(
        &app.admin,
        &format!(
            "SELECT count(*) FROM gis_feature WHERE layer_id = {layer} AND deleted_at IS NULL"
        ),
    )
    .await;
    assert!(parcels > 100, "the demo has parcels: {parcels}");
    let counted = scalar(
        &app.admin,
        &format!(
            "SELECT coalesce(sum(parcels), 0)::bigint FROM gis_overview WHERE layer_id = {layer}"
        ),
    )
    .await;
    assert_eq!(counted, parcels, "the overview counts the layer's parcels");
    assert_eq!(mismatches().await, 0, "after the demo's import");
    // The overview's areas come from the Web-Mercator copies: each cell within 0.1 % of the
    // geodesic area of its parcels (in millionths of the geodesic area).
    let worst = scalar(
        &app.admin,
        &format!(
            "SELECT (max(abs(o.area_m2 / g.a - 1)) * 1e6)::bigint FROM gis_overview o JOIN ( \
               SELECT app.overview_cx(geom_3857) AS cx, app.overview_cy(geom_3857) AS cy, \
                      sum(ST_Area(geom::geography)) AS a \
               FROM gis_feature WHERE layer_id = {layer} AND deleted_at IS NULL GROUP BY 1, 2) g \
             USING (cx, cy) WHERE o.layer_id = {layer}"
        ),
    )
    .await;
    assert!(worst < 1000, "a cell's area is off by {worst} millionths");

    // Moves across cells (a shift of ~1.5 km), soft deletions, a restoration, new parcels.
    run(format!(
        "UPDATE gis_feature SET geom = ST_Translate(geom, 0.02, 0.0) \
         WHERE id IN (SELECT id FROM gis_feature WHERE layer_id = {layer} ORDER BY id LIMIT 40)"
    ))
    .await
    .unwrap();
    assert_eq!(mismatches().await, 0, "after moves");
    run(format!(
        "UPDATE gis_feature SET deleted_at = now() \
         WHERE id IN (SELECT id FROM gis_feature WHERE layer_id = {layer} ORDER BY id DESC LIMIT 30)"
    ))
    .await
    .unwrap();
    assert_eq!(mismatches().await, 0, "after deletions");
    run(format!(
        "UPDATE gis_feature SET deleted_at = NULL \
         WHERE id IN (SELECT id FROM gis_feature WHERE layer_id = {layer} AND deleted_at IS NOT NULL \
                      ORDER BY id LIMIT 10)"
    ))
    .await
    .unwrap();
    assert_eq!(mismatches().await, 0, "after restorations");
    run(format!(
        "INSERT INTO gis_feature (tenant_id, id, layer_id, geom) \
         SELECT tenant_id, gen_random_uuid(), layer_id, ST_Translate(geom, 0.0, 0.03) \
         FROM gis_feature WHERE layer_id = {layer} ORDER BY id LIMIT 25"
    ))
    .await
    .unwrap();
    assert_eq!(mismatches().await, 0, "after inserts");
    // Features are never deleted by the server (deletion is a flag); the owner may purge them.
    run(format!(
        "DELETE FROM gis_feature WHERE id IN \
           (SELECT id FROM gis_feature WHERE layer_id = {layer} AND deleted_at IS NULL \
             ORDER BY id LIMIT 20)"
    ))
    .await
    .unwrap();
    assert_eq!(mismatches().await, 0, "after purges");

    let orphan = run("INSERT INTO gis_feature (tenant_id, id, layer_id, geom) \
         SELECT tenant_id, gen_random_uuid(), gen_random_uuid(), geom FROM gis_feature LIMIT 1"
        .into())
    .await
    .unwrap_err();
    assert!(orphan.to_string().contains("does not exist"), "{orphan}");
    let kept = run(format!("DELETE FROM gis_layer WHERE id = {layer}"))
        .await
        .unwrap_err();
    assert!(kept.to_string().contains("still has features"), "{kept}");
    let rekeyed = run(format!(
        "UPDATE gis_layer SET id = gen_random_uuid() WHERE id = {layer}"
    ))
    .await
    .unwrap_err();
    assert!(
        rekeyed.to_string().contains("still has features"),
        "{rekeyed}"
    );
}

/// Every written feature computes its Web-Mercator copy: `app.web_mercator` must stay a
/// function PostgreSQL inlines (declared STRICT it was called per row, which cost an import of
/// 100,000 parcels about 1.5 s), and the copy must be the transform of the geometry.
#[tokio::test]
async fn the_web_mercator_copy_is_computed_inline() {
    let app = TestApp::spawn().await;
    let plan = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "EXPLAIN (VERBOSE, FORMAT JSON) SELECT app.web_mercator(geom) FROM gis_feature",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<Value>(0)
        .unwrap();
    let output = plan[0]["Plan"]["Output"].to_string();
    assert!(
        output.contains("st_transform") && !output.contains("web_mercator"),
        "the plan calls the function instead of its body: {output}"
    );
    assert!(scalar(&app.admin, "SELECT count(*) FROM gis_feature").await > 0);
    let differing = scalar(
        &app.admin,
        "SELECT count(*) FROM gis_feature WHERE NOT ST_Equals(geom_3857, ST_Transform(geom, 3857))",
    )
    .await;
    assert_eq!(differing, 0);
}

/// The cache has no foreign key to its layer (m0024: the key's row lock made every cold tile's
/// commit wait for the WAL): a layer that is deleted, or takes another key, drops its cached
/// tiles itself, and another layer's stay.
#[tokio::test]
async fn a_deleted_or_rekeyed_layer_drops_its_cached_tiles() {
    let app = TestApp::spawn().await;
    let kept = assets_layer(&app).await;
    let new_layer = || async {
        app.admin
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                "INSERT INTO gis_layer (tenant_id, id, kind, name_uk, name_en, geometry_type, public) \
                 SELECT id, gen_random_uuid(), 'assets', 'Порожній шар', 'Empty layer', 'point', true \
                 FROM tenant WHERE slug = 'petrykivska' RETURNING id::text",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<String>(0)
            .unwrap()
    };
    let (deleted, rekeyed) = (new_layer().await, new_layer().await);
    let (x, y, _, _) = tile_of(34.7, 48.67, 16);
    for layer in [&kept, &deleted, &rekeyed] {
        let res = get(
            &app,
            &format!("/tiles/petrykivska/{layer}/16/{x}/{y}.mvt"),
            None,
        )
        .await;
        assert_eq!(res.status(), 200);
        assert!(
            cached_etag(&app, layer, 16, x, y).await.is_some(),
            "{layer} cached"
        );
    }
    for sql in [
        format!("DELETE FROM gis_layer WHERE id = '{deleted}'"),
        format!("UPDATE gis_layer SET id = gen_random_uuid() WHERE id = '{rekeyed}'"),
    ] {
        app.admin.execute_unprepared(&sql).await.unwrap();
    }
    assert_eq!(cached_etag(&app, &deleted, 16, x, y).await, None, "deleted");
    assert_eq!(cached_etag(&app, &rekeyed, 16, x, y).await, None, "rekeyed");
    assert!(
        cached_etag(&app, &kept, 16, x, y).await.is_some(),
        "another layer's tile stays"
    );
}

/// Polygons are drawn without `ST_AsMVTGeom`'s re-validation only where snapping to the tile's
/// grid cannot make them invalid (m0026): every polygon of a tile, the demo's parcels and
/// shapes built on the edge of that rule, decodes valid, in the MVT winding (exterior rings of
/// positive area in tile coordinates, holes negative) and equal to what `ST_AsMVTGeom` makes
/// of it; and both ways are taken.
#[tokio::test]
async fn every_polygon_of_a_tile_is_valid_in_mvt_winding_and_what_validation_would_draw() {
    use geozero::{CoordDimensions, ToGeo, ToWkb};
    use sea_orm::{DbBackend, Statement};

    let app = TestApp::spawn().await;
    let row = app
        .admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT l.tenant_id, l.id, ST_X(c), ST_Y(c) FROM gis_layer l \
               JOIN tenant t ON t.id = l.tenant_id, \
               LATERAL (SELECT ST_PointOnSurface(geom) AS c FROM gis_feature \
                        WHERE layer_id = l.id AND deleted_at IS NULL ORDER BY id LIMIT 1) f \
             WHERE t.slug = 'petrykivska' AND l.kind = 'land_parcels'",
        ))
        .await
        .unwrap()
        .expect("a parcel of the demo");
    let tenant: uuid::Uuid = row.try_get_by_index(0).unwrap();
    let layer: uuid::Uuid = row.try_get_by_index(1).unwrap();
    let (lon, lat): (f64, f64) = (
        row.try_get_by_index(2).unwrap(),
        row.try_get_by_index(3).unwrap(),
    );
    let z = 16u8;
    let (x, y, _, _) = tile_of(lon, lat, z);

    // Shapes in the tile's units (u to the right, v down), each named by its cadastral number.
    // The spike's tip and the hole's edge come within 0.4 units of another edge: snapped alone
    // they would touch it, so they must take the validated path.
    let shapes = [
        (
            "spike",
            false,
            "POLYGON((3000 3000,3100 3000,3100 3100,3050 3100,3050 3000.4,3040 3100,3000 3100,3000 3000))",
        ),
        (
            "hole-on-the-edge",
            false,
            "POLYGON((3200 3000,3300 3000,3300 3100,3200 3100,3200 3000),(3210 3000.4,3230 3050,3250 3000.4,3210 3000.4))",
        ),
        (
            "over-the-buffer",
            false,
            "POLYGON((4000 3000,4200 3000,4200 3100,4000 3100,4000 3000))",
        ),
        (
            "plain",
            true,
            "POLYGON((3400 3000,3480 3000,3480 3060,3440 3060.3,3400 3060,3400 3000))",
        ),
        (
            "with-a-hole",
            true,
            "POLYGON((3500 3000,3600 3000,3600 3100,3500 3100,3500 3000),(3520 3020,3520 3040,3540 3040,3540 3020,3520 3020))",
        ),
        (
            "two-parts",
            true,
            "MULTIPOLYGON(((3700 3000,3720 3000,3720 3020,3700 3020,3700 3000)),((3730 3030,3760 3030,3760 3050,3730 3050,3730 3030)))",
        ),
    ];
    let from_tile_units = |wkt: &str| {
        format!(
            "ST_Transform(ST_SetSRID(ST_Affine(ST_GeomFromText('{wkt}'), \
               (ST_XMax(e) - ST_XMin(e)) / 4096, 0, 0, -(ST_YMax(e) - ST_YMin(e)) / 4096, \
               ST_XMin(e), ST_YMax(e)), 3857), 4326)"
        )
    };
    for (name, _, wkt) in shapes {
        app.admin
            .execute_unprepared(&format!(
                "INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes) \
                 SELECT '{tenant}', gen_random_uuid(), '{layer}', {}, \
                   jsonb_build_object('cadastralNumber', '{name}') \
                 FROM ST_TileEnvelope({z}, {x}, {y}) e",
                from_tile_units(wkt)
            ))
            .await
            .unwrap();
    }
    // The rule has teeth: snapped without validation, the spike would be invalid.
    let naive_spike = scalar(
        &app.admin,
        &format!(
            "SELECT (NOT ST_IsValid(ST_SnapToGrid(ST_GeomFromText('{}'), 1)))::int::bigint",
            shapes[0].2
        ),
    )
    .await;
    assert_eq!(naive_spike, 1, "the spike must need validation");

    let mvt: Vec<u8> = app
        .admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            hromada_gis::tiles::layer_tile_sql(),
            [
                tenant.into(),
                layer.into(),
                i32::from(z).into(),
                (x as i32).into(),
                (y as i32).into(),
                layer.to_string().into(),
            ],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    let tile = Tile::decode(mvt.as_slice()).expect("a valid MVT");
    let mvt_layer = tile
        .layers
        .iter()
        .find(|l| l.name == layer.to_string())
        .expect("the layer in its tile");
    let id_key = mvt_layer.keys.iter().position(|k| k == "id").unwrap() as u32;
    let (mut fast, mut validated) = (Vec::new(), Vec::new());
    for feature in &mvt_layer.features {
        let id_value = feature
            .tags
            .chunks(2)
            .find(|pair| pair[0] == id_key)
            .map(|pair| {
                mvt_layer.values[pair[1] as usize]
                    .string_value
                    .clone()
                    .unwrap()
            })
            .expect("every feature has its id");
        // Through geo-types: geozero's MVT reader declares each ring one point short of the
        // closing point it writes, which its WKB writer does not recount.
        let wkb = feature
            .to_geo()
            .and_then(|g| g.to_wkb(CoordDimensions::xy()))
            .unwrap_or_else(|e| panic!("feature {id_value} does not decode: {e}"));
        let checked = app
            .admin
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT ST_IsValid(g), ST_IsPolygonCCW(g), \
                   ST_Equals(g, ST_AsMVTGeom(f.geom_3857, e, 4096, 64, true)), \
                   coalesce(f.tile_clearance > 1.5 * (ST_XMax(e) - ST_XMin(e)) / 4096 \
                     AND f.geom_3857 @ ST_TileEnvelope($2, $3, $4, margin => 32.0 / 4096), false), \
                   coalesce(f.attributes->>'cadastralNumber', '') \
                 FROM gis_feature f, ST_GeomFromWKB($5, 3857) g, ST_TileEnvelope($2, $3, $4) e \
                 WHERE f.id = $1::uuid",
                [
                    id_value.clone().into(),
                    i32::from(z).into(),
                    (x as i32).into(),
                    (y as i32).into(),
                    wkb.into(),
                ],
            ))
            .await
            .unwrap()
            .expect("the feature");
        let number: String = checked.try_get_by_index(4).unwrap();
        let [valid, mvt_winding, equal, took_fast]: [bool; 4] =
            [0, 1, 2, 3].map(|i| checked.try_get_by_index(i).unwrap());
        assert!(valid, "{number} ({id_value}) is drawn invalid");
        assert!(mvt_winding, "{number} ({id_value}) is not in MVT winding");
        assert!(equal, "{number} ({id_value}) differs from ST_AsMVTGeom's");
        if took_fast { &mut fast } else { &mut validated }.push(number);
    }
    // The rule as `LAYER_MVT` states it (restated here; the output cannot show the path) puts
    // each shape on the side it was built for, and the demo's parcels on the fast one.
    for (name, expected_fast, _) in shapes {
        let took = if fast.iter().any(|n| n == name) {
            true
        } else {
            assert!(
                validated.iter().any(|n| n == name),
                "{name} is not in the tile"
            );
            false
        };
        assert_eq!(took, expected_fast, "{name}: fast path {took}");
    }
    assert!(
        fast.len() > 3,
        "the demo's parcels take the fast path too: {fast:?}"
    );
}
