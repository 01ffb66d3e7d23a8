//! GIS: layers, feature editing with validation, concurrency, history, measures in UCS-2000,
//! spatial queries, permissions and the oblast's summary.

use hromada_tests::{TestApp, data, error_code};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

/// The demo land officer of Petrykivka.
pub(crate) const LAND: &str = "land@petrykivska.hromada.localhost";

/// The id of the community's land-parcel layer.
pub(crate) async fn parcels_layer(app: &TestApp, token: &str) -> String {
    let res = app
        .gql(
            Some("petrykivska"),
            Some(token),
            "{ layers { id kind } }",
            json!({}),
        )
        .await;
    data(&res)["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "LAND_PARCELS")
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .expect("a land-parcel layer")
}

fn square(lon: f64, lat: f64, side_deg: f64) -> Value {
    json!({"type": "Polygon", "coordinates": [[
        [lon, lat], [lon + side_deg, lat], [lon + side_deg, lat + side_deg * 0.66],
        [lon, lat + side_deg * 0.66], [lon, lat]]]})
}

fn parcel_attrs(number: &str) -> Value {
    json!({"cadastralNumber": number, "purposeCode": "02.01", "ownership": "private",
           "declaredAreaHa": 1.0, "address": "вул. Нова, 1"})
}

const CREATE: &str = "mutation($l: ID!, $g: JSON!, $a: JSON, $crs: String) { createFeature(input: \
    {layerId: $l, geometry: $g, attributes: $a, crs: $crs}) { feature { id version attributes \
    measures { ucs2000Epsg ucs2000AreaM2 ucs2000PerimeterM geodesicAreaM2 declaredAreaM2 areaDifferenceM2 } } } }";

async fn create(
    app: &TestApp,
    token: &str,
    layer: &str,
    g: Value,
    a: Value,
    crs: Option<&str>,
) -> Value {
    app.gql(
        Some("petrykivska"),
        Some(token),
        CREATE,
        json!({"l": layer, "g": g, "a": a, "crs": crs}),
    )
    .await
}

/// UCS-2000 zone 6 (EPSG:5564) coordinates (easting, northing) of a WGS 84 point, by PostGIS.
pub(crate) async fn ucs2000(app: &TestApp, lon: f64, lat: f64) -> (f64, f64) {
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 5564) p) q"
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    (
        row.try_get_by_index(0).unwrap(),
        row.try_get_by_index(1).unwrap(),
    )
}

/// A 100 m × 100 m square in UCS-2000 zone 6 (EPSG:5564), south-west corner at lon/lat.
async fn ucs2000_square(app: &TestApp, lon: f64, lat: f64) -> Value {
    let (x, y) = ucs2000(app, lon, lat).await;
    json!({"type": "Polygon", "coordinates": [[[x, y], [x + 100.0, y], [x + 100.0, y + 100.0],
        [x, y + 100.0], [x, y]]]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_land_officer_draws_corrects_and_reverts_a_parcel() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;

    // Drawn in UCS-2000 zone 6: a 1 ha square, measured back in the same system.
    let g = ucs2000_square(&app, 34.52, 48.75).await;
    let res = create(
        &app,
        &token,
        &layer,
        g,
        parcel_attrs("1223755100:09:001:0001"),
        Some("EPSG:5564"),
    )
    .await;
    let created = data(&res)["createFeature"]["feature"].clone();
    let m = &created["measures"];
    assert_eq!(m["ucs2000Epsg"], 5564);
    let area = m["ucs2000AreaM2"].as_f64().unwrap();
    assert!(
        (area - 10_000.0).abs() / 10_000.0 < 0.001,
        "UCS-2000 area {area}"
    );
    let perimeter = m["ucs2000PerimeterM"].as_f64().unwrap();
    assert!(
        (perimeter - 400.0).abs() / 400.0 < 0.001,
        "perimeter {perimeter}"
    );
    let geodesic = m["geodesicAreaM2"].as_f64().unwrap();
    assert!(
        (geodesic - 10_000.0).abs() / 10_000.0 < 0.001,
        "geodesic area {geodesic}"
    );
    assert!(m["areaDifferenceM2"].as_f64().unwrap().abs() < 10.0);
    assert_eq!(created["version"], 1);
    let id = created["id"].as_str().unwrap().to_owned();

    // A correction, then a stale one.
    let update = "mutation($id: ID!, $v: Int!, $a: JSON) { updateFeature(input: {id: $id, expectedVersion: $v, \
                  attributes: $a}) { feature { version attributes } } }";
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            update,
            json!({"id": id, "v": 1, "a": {"purposeCode": "01.03", "address": null}}),
        )
        .await;
    let updated = &data(&res)["updateFeature"]["feature"];
    assert_eq!(updated["version"], 2);
    assert_eq!(updated["attributes"]["purposeCode"], "01.03");
    assert!(updated["attributes"].get("address").is_none());
    let stale = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            update,
            json!({"id": id, "v": 1, "a": {"purposeCode": "02.05"}}),
        )
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");

    // History: two edits; as of between them the parcel had its first purpose.
    let history = app
        .gql(Some("petrykivska"), Some(&token),
             "query($id: ID!) { featureHistory(id: $id) { id op version actorEmail changed oldAttributes at } }",
             json!({"id": id}))
        .await;
    let edits = data(&history)["featureHistory"].as_array().unwrap().clone();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0]["op"], "update");
    assert_eq!(edits[0]["actorEmail"], LAND);
    assert!(
        edits[0]["changed"]
            .as_array()
            .unwrap()
            .contains(&json!("purposeCode"))
    );
    assert_eq!(edits[0]["oldAttributes"]["purposeCode"], "02.01");
    assert_eq!(edits[1]["op"], "create");
    // The state between the two edits: both ran within a second, so ask about the creation's
    // own instant, which precedes the update's.
    let created_at = edits[1]["at"].as_str().unwrap();
    let past = app
        .gql(Some("petrykivska"), Some(&token),
             "query($id: ID!, $at: DateTime!) { featureAsOf(id: $id, at: $at) { version attributes deleted } }",
             json!({"id": id, "at": created_at}))
        .await;
    let past = &data(&past)["featureAsOf"];
    assert_eq!(past["version"], 1);
    assert_eq!(past["attributes"]["purposeCode"], "02.01");
    let before = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "query($id: ID!) { featureAsOf(id: $id, at: \"2000-01-01T00:00:00Z\") { version } }",
            json!({"id": id}),
        )
        .await;
    assert!(data(&before)["featureAsOf"].is_null());

    // Reverting the update is itself an edit.
    let revert = app
        .gql(Some("petrykivska"), Some(&token),
             "mutation($e: ID!) { revertFeatureEdit(input: {editId: $e, expectedVersion: 2}) { feature { version attributes } } }",
             json!({"e": edits[0]["id"]}))
        .await;
    let reverted = &data(&revert)["revertFeatureEdit"]["feature"];
    assert_eq!(reverted["version"], 3);
    assert_eq!(reverted["attributes"]["purposeCode"], "02.01");
    assert_eq!(reverted["attributes"]["address"], "вул. Нова, 1");

    // Delete and restore.
    let del = app
        .gql(Some("petrykivska"), Some(&token),
             "mutation($id: ID!) { deleteFeature(input: {id: $id, expectedVersion: 3}) { feature { version deleted } } }",
             json!({"id": id}))
        .await;
    assert_eq!(data(&del)["deleteFeature"]["feature"]["deleted"], true);
    let at = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ parcelAt(point: {lon: 34.5203, lat: 48.7503}) { id } }",
            json!({}),
        )
        .await;
    assert!(
        data(&at)["parcelAt"].is_null(),
        "a deleted parcel is not found at its point"
    );
    let restore = app
        .gql(Some("petrykivska"), Some(&token),
             "mutation($id: ID!) { restoreFeature(input: {id: $id}) { feature { version deleted } } }",
             json!({"id": id}))
        .await;
    let restored = &data(&restore)["restoreFeature"]["feature"];
    assert_eq!(restored["version"], 5);
    assert_eq!(restored["deleted"], false);
    let at = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ parcelAt(point: {lon: 34.5203, lat: 48.7503}) { id attributes } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&at)["parcelAt"]["id"], json!(id));
    let ops = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature_edit WHERE feature_id = '{id}'"
        ))
        .await;
    assert_eq!(ops, 5);
}

async fn demo_parcel(app: &TestApp) -> (String, Value) {
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT f.cadastral_number, ST_AsGeoJSON(f.geom)::jsonb FROM gis_feature f \
             JOIN tenant t ON t.id = f.tenant_id WHERE t.slug = 'petrykivska' \
             AND f.cadastral_number LIKE '%:01:001:0001'"
                .to_owned(),
        ))
        .await
        .unwrap()
        .unwrap();
    (
        row.try_get_by_index(0).unwrap(),
        row.try_get_by_index(1).unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_features_are_refused_with_the_reason_and_change_nothing() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let features = "SELECT count(*) FROM gis_feature";
    let edits = "SELECT count(*) FROM gis_feature_edit";
    let (features_before, edits_before) = (app.count(features).await, app.count(edits).await);
    let (taken_number, taken_geometry) = demo_parcel(&app).await;
    let ok_attrs = parcel_attrs("1223755100:09:002:0001");
    let bow_tie = json!({"type": "Polygon", "coordinates": [[[34.52, 48.75], [34.53, 48.76],
        [34.53, 48.75], [34.52, 48.76], [34.52, 48.75]]]});
    let cases: Vec<(Value, Value, Option<&str>, &str, &str)> = vec![
        (
            bow_tie,
            ok_attrs.clone(),
            None,
            "geometry",
            "Self-intersection",
        ),
        (
            json!({"type": "Polygon", "coordinates": [[[34.52, 48.75], [34.53, 98.0], [34.53, 48.76], [34.52, 48.75]]]}),
            ok_attrs.clone(),
            None,
            "geometry.coordinates[0][1]",
            "latitude",
        ),
        (
            json!({"type": "Polygon", "coordinates": "abc"}),
            ok_attrs.clone(),
            None,
            "geometry.coordinates",
            "",
        ),
        (
            json!({"type": "Polygon", "coordinates": [[[34.52, 48.75], [34.53, 48.75], [34.53, 48.76]]]}),
            ok_attrs.clone(),
            None,
            "geometry.coordinates[0]",
            "at least 4",
        ),
        (
            square(33.40, 47.90, 0.002),
            ok_attrs.clone(),
            None,
            "geometry",
            "outside the community",
        ),
        (
            square(34.52, 48.75, 0.002),
            ok_attrs.clone(),
            Some("EPSG:999999"),
            "crs",
            "EPSG:999999",
        ),
        (
            square(34.52, 48.75, 0.002),
            ok_attrs.clone(),
            Some("Pulkovo"),
            "crs",
            "",
        ),
        (
            json!({"type": "Point", "coordinates": [34.52, 48.75]}),
            ok_attrs.clone(),
            None,
            "geometry.type",
            "Point",
        ),
        (
            square(34.52, 48.75, 0.002),
            json!({"cadastralNumber": "1223755100:09:002:0001", "purposeCode": "02.01", "ownership": "private",
                "declaredAreaHa": "big"}),
            None,
            "attributes.declaredAreaHa",
            "number",
        ),
        (
            square(34.52, 48.75, 0.002),
            parcel_attrs("1223755100:9:2:1"),
            None,
            "attributes.cadastralNumber",
            "cadastral number",
        ),
        (
            square(34.52, 48.75, 0.002),
            parcel_attrs(&taken_number),
            None,
            "attributes.cadastralNumber",
            "already",
        ),
        (
            taken_geometry,
            ok_attrs.clone(),
            None,
            "geometry",
            &taken_number,
        ),
    ];
    for (g, a, crs, field, reason) in cases {
        let res = create(&app, &token, &layer, g.clone(), a, crs).await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "{g}: {res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
        let message = res["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.contains(reason),
            "{message} should mention {reason}"
        );
    }
    // The overlap names the area.
    let (_, taken_geometry) = demo_parcel(&app).await;
    let res = create(&app, &token, &layer, taken_geometry, ok_attrs, None).await;
    assert!(
        res["errors"][0]["message"].as_str().unwrap().contains("m²"),
        "{res}"
    );
    assert_eq!(app.count(features).await, features_before);
    assert_eq!(app.count(edits).await, edits_before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spatial_queries_find_parcels_and_assets() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let q = "query($l: ID!, $b: BBoxInput, $f: FeatureFilterInput, $after: String) { features(layerId: $l, \
             bbox: $b, filter: $f, first: 100, after: $after) { edges { cursor node { id attributes } } \
             pageInfo { hasNextPage endCursor } } }";
    // The demo grid starts at 34.600, 48.710 with parcels of 0.00053° × 0.00034°.
    let bbox = json!({"west": 34.5999, "south": 48.7099, "east": 34.6010, "north": 48.7107});
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            q,
            json!({"l": layer, "b": bbox}),
        )
        .await;
    let edges = data(&res)["features"]["edges"].as_array().unwrap().clone();
    assert_eq!(edges.len(), 4, "2 × 2 parcels in the box: {res}");

    let by_number = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            q,
            json!({"l": layer, "f": {"cadastralNumber": "1223755100:01:001:0001"}}),
        )
        .await;
    assert_eq!(
        data(&by_number)["features"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Paging through every shop parcel by attribute.
    let mut after: Option<String> = None;
    let mut shops = 0;
    loop {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&token),
                q,
                json!({"l": layer, "f": {"attributes": {"purposeCode": "03.07"}}, "after": after}),
            )
            .await;
        let page = &data(&res)["features"];
        for e in page["edges"].as_array().unwrap() {
            assert_eq!(e["node"]["attributes"]["purposeCode"], "03.07");
            shops += 1;
        }
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    let expected = app
        .count(
            "SELECT count(*) FROM gis_feature f JOIN tenant t ON t.id = f.tenant_id \
                WHERE t.slug = 'petrykivska' AND f.purpose_code = '03.07'",
        )
        .await;
    assert!(expected > 100, "the demo has shops: {expected}");
    assert_eq!(shops, expected);

    let intersect = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            q,
            json!({"l": layer, "f": {"intersects": {"geometry": {"type": "LineString",
                 "coordinates": [[34.6002, 48.7101], [34.6002, 48.7122]]}}}}),
        )
        .await;
    assert_eq!(
        data(&intersect)["features"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        6,
        "{intersect}"
    );

    let at = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ parcelAt(point: {lon: 34.6002, lat: 48.7101}) { attributes } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&at)["parcelAt"]["attributes"]["cadastralNumber"],
        "1223755100:01:001:0001"
    );
    let street = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            "{ parcelAt(point: {lon: 34.6056, lat: 48.7101}) { id } }",
            json!({}),
        )
        .await;
    assert!(data(&street)["parcelAt"].is_null(), "a street is no parcel");

    let near = app
        .gql(Some("petrykivska"), None,
             "{ nearestFeatures(point: {lon: 34.605, lat: 48.712}, assetKind: \"education\", first: 3) \
              { distanceM feature { attributes } } }", json!({}))
        .await;
    let near = data(&near)["nearestFeatures"].as_array().unwrap().clone();
    assert_eq!(near.len(), 3);
    let distances: Vec<f64> = near
        .iter()
        .map(|n| n["distanceM"].as_f64().unwrap())
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!(
        near.iter()
            .all(|n| n["feature"]["attributes"]["assetKind"] == "education")
    );
    let bad = app
        .gql(Some("petrykivska"), None,
             "{ nearestFeatures(point: {lon: 34.6, lat: 48.7}, assetKind: \"castle\") { distanceM } }", json!({}))
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");
    let bad_box = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            q,
            json!({"l": layer, "b": {"west": 35.0, "south": 48.0, "east": 34.0, "north": 49.0}}),
        )
        .await;
    assert_eq!(bad_box["errors"][0]["extensions"]["field"], "bbox");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_land_officers_and_admins_edit_and_visitors_see_public_layers() {
    let app = TestApp::spawn().await;
    let land = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &land).await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let res = create(
        &app,
        &editor,
        &layer,
        square(34.52, 48.75, 0.002),
        parcel_attrs("1223755100:09:003:0001"),
        None,
    )
    .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let res = create(
        &app,
        &admin,
        &layer,
        square(34.52, 48.75, 0.002),
        parcel_attrs("1223755100:09:003:0001"),
        None,
    )
    .await;
    data(&res);
    // Another community's land officer cannot edit here.
    let other = app.demo_login("land@tsarychanska.hromada.localhost").await;
    let res = create(
        &app,
        &other,
        &layer,
        square(34.53, 48.75, 0.002),
        parcel_attrs("1223755100:09:003:0002"),
        None,
    )
    .await;
    assert!(
        matches!(error_code(&res), "FORBIDDEN" | "NOT_FOUND"),
        "{res}"
    );

    let anonymous = app
        .gql(
            Some("petrykivska"),
            None,
            "{ layers { kind public } }",
            json!({}),
        )
        .await;
    let layers = data(&anonymous)["layers"].as_array().unwrap().clone();
    assert_eq!(layers.len(), 1);
    assert_eq!(layers[0]["kind"], "ASSETS");
    let hidden = app
        .gql(
            Some("petrykivska"),
            None,
            "query($l: ID!) { features(layerId: $l) { edges { node { id } } } }",
            json!({"l": layer}),
        )
        .await;
    assert_eq!(error_code(&hidden), "NOT_FOUND");

    // Making the layer public shows its parcels to visitors.
    let res = app
        .gql(Some("petrykivska"), Some(&land),
             "mutation($l: ID!) { updateLayer(input: {id: $l, expectedVersion: 1, public: true}) { layer { version public } } }",
             json!({"l": layer}))
        .await;
    assert_eq!(data(&res)["updateLayer"]["layer"]["public"], true);
    let shown = app
        .gql(
            Some("petrykivska"),
            None,
            "query($l: ID!) { features(layerId: $l, first: 5) { edges { node { id } } } }",
            json!({"l": layer}),
        )
        .await;
    assert_eq!(
        data(&shown)["features"]["edges"].as_array().unwrap().len(),
        5
    );
    let stale = app
        .gql(Some("petrykivska"), Some(&land),
             "mutation($l: ID!) { updateLayer(input: {id: $l, expectedVersion: 1, public: false}) { layer { version } } }",
             json!({"l": layer}))
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn layers_carry_a_checked_schema_and_style() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let create_layer = "mutation($i: CreateLayerInput!) { createLayer(input: $i) { layer { id fields { name type required } style { labelField } } } }";
    let res = app
        .gql(Some("petrykivska"), Some(&token), create_layer,
             json!({"i": {"kind": "CUSTOM", "nameUk": "Криниці", "geometryType": "POINT",
                    "attributeSchema": [{"name": "depth", "type": "NUMBER", "required": true},
                                        {"name": "state", "type": "ENUM", "options": ["working", "dry"]}],
                    "style": {"fill": "#0000ff", "stroke": "#000080", "strokeWidth": 2, "labelField": "depth"}}}))
        .await;
    let layer = data(&res)["createLayer"]["layer"].clone();
    assert_eq!(layer["fields"].as_array().unwrap().len(), 2);
    let id = layer["id"].as_str().unwrap();
    let well = |attrs: Value| json!({"l": id, "g": {"type": "Point", "coordinates": [34.55, 48.74]}, "a": attrs, "crs": null});
    let ok = app
        .gql(
            Some("petrykivska"),
            Some(&token),
            CREATE,
            well(json!({"depth": 12.5, "state": "dry"})),
        )
        .await;
    data(&ok);
    for (attrs, field) in [
        (json!({"state": "dry"}), "attributes.depth"),
        (json!({"depth": 3, "state": "flooded"}), "attributes.state"),
        (json!({"depth": "deep"}), "attributes.depth"),
    ] {
        let res = app
            .gql(Some("petrykivska"), Some(&token), CREATE, well(attrs))
            .await;
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
    for (input, field) in [
        (
            json!({"kind": "CUSTOM", "nameUk": "X", "geometryType": "POINT",
                "attributeSchema": [{"name": "a b", "type": "TEXT"}]}),
            "attributeSchema[0].name",
        ),
        (
            json!({"kind": "CUSTOM", "nameUk": "X", "geometryType": "POINT",
                "attributeSchema": [{"name": "s", "type": "ENUM"}]}),
            "attributeSchema[0].options",
        ),
        (
            json!({"kind": "LAND_PARCELS", "nameUk": "X", "geometryType": "POINT"}),
            "geometryType",
        ),
        (
            json!({"kind": "CUSTOM", "nameUk": "X", "geometryType": "POINT",
                "style": {"fill": "blue", "stroke": "#000000", "strokeWidth": 1}}),
            "style.fill",
        ),
    ] {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&token),
                create_layer,
                json!({"i": input}),
            )
            .await;
        assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_oblast_sets_boundaries_and_sees_every_communitys_gis() {
    let app = TestApp::spawn().await;
    let supervisor = app.demo_login("oblast.supervisor@hromada.localhost").await;
    let q = "{ gisSummary { slug hasBoundary totalParcelAreaHa layers { kind features } \
             parcelAreaByPurpose { code nameUk parcels areaHa } } }";
    let res = app
        .gql(Some("dnipropetrovska"), Some(&supervisor), q, json!({}))
        .await;
    let communities = data(&res)["gisSummary"].as_array().unwrap().clone();
    assert_eq!(communities.len(), 3);
    for c in &communities {
        assert_eq!(c["hasBoundary"], true);
        let parcels = c["layers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["kind"] == "land_parcels")
            .unwrap()["features"]
            .as_i64()
            .unwrap();
        assert_eq!(parcels, 2500);
        let by_code: i64 = c["parcelAreaByPurpose"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["parcels"].as_i64().unwrap())
            .sum();
        assert_eq!(by_code, 2500);
        let total = c["totalParcelAreaHa"].as_f64().unwrap();
        assert!(
            (330.0..400.0).contains(&total),
            "2,500 parcels of ~0.147 ha: {total}"
        );
        assert!(
            c["parcelAreaByPurpose"].as_array().unwrap().iter().any(
                |a| a["code"] == "02.01" && a["nameUk"].as_str().unwrap().contains("житлового")
            )
        );
    }
    let community_admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let res = app
        .gql(Some("petrykivska"), Some(&community_admin), q, json!({}))
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");

    let set = "mutation($s: String!, $g: JSON!) { setBoundary(input: {slug: $s, geometry: $g}) { boundary { areaKm2 } } }";
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&supervisor),
            set,
            json!({"s": "petrykivska", "g": square(34.4, 48.6, 0.5)}),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    let admin = app.demo_login("oblast.admin@hromada.localhost").await;
    let bow_tie = json!({"type": "Polygon", "coordinates": [[[34.4, 48.6], [34.9, 48.9], [34.9, 48.6], [34.4, 48.9], [34.4, 48.6]]]});
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&admin),
            set,
            json!({"s": "petrykivska", "g": bow_tie}),
        )
        .await;
    assert_eq!(error_code(&res), "BAD_USER_INPUT");
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&admin),
            set,
            json!({"s": "petrykivska", "g": square(34.4, 48.6, 0.5)}),
        )
        .await;
    let km2 = data(&res)["setBoundary"]["boundary"]["areaKm2"]
        .as_f64()
        .unwrap();
    assert!(
        (1200.0..1500.0).contains(&km2),
        "0.5° × 0.33° at 48.6° N: {km2}"
    );
    let public = app
        .gql(
            Some("petrykivska"),
            None,
            "{ boundary { areaKm2 } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&public)["boundary"]["areaKm2"].as_f64().unwrap(), km2);
}
