//! GIS import (GeoJSON, the cadastral exchange file) and export (GeoJSON, CSV with WKT, read
//! back by GDAL's ogrinfo).

use hromada_tests::{TestApp, assert_bad_input, data, error_code};
use serde_json::{Value, json};

use crate::gis::{LAND, parcels_layer, ucs2000};

const IMPORT: &str = "mutation($i: ImportFeaturesInput!) { importFeatures(input: $i) { read imported invalid \
                      problems { index field reason } ignoredProperties } }";

/// Posts `importFeatures` as a GraphQL multipart request with `file` attached.
async fn import(app: &TestApp, token: &str, input: Value, file: Vec<u8>, name: &str) -> Value {
    app.gql_upload(
        "petrykivska",
        token,
        IMPORT,
        json!({ "i": input }),
        file,
        name,
    )
    .await
}

fn rect(lon: f64, lat: f64) -> Value {
    // About 37 × 33 m.
    json!({"type": "Polygon", "coordinates": [[[lon, lat], [lon + 0.0005, lat], [lon + 0.0005, lat + 0.0003],
        [lon, lat + 0.0003], [lon, lat]]]})
}

/// A collection of `n` parcels in a free part of Petrykivka, with the properties of a
/// typical municipal shapefile, and the features listed in `bad` spoiled in known ways.
fn collection(n: usize) -> (Value, Vec<(usize, &'static str)>) {
    let mut features: Vec<Value> = (0..n)
        .map(|i| {
            let (col, row) = (i % 20, i / 20);
            json!({"type": "Feature", "geometry": rect(34.50 + col as f64 * 0.0006, 48.74 + row as f64 * 0.0004),
                   "properties": {"KADNUM": format!("1223755100:05:{:03}:{:04}", 1 + row, 1 + col),
                                  "PURPOSE": "01.05", "OWNER": "private", "AREA_HA": 0.12, "note": "з паперового реєстру"}})
        })
        .collect();
    let bad = vec![
        (3, "geometry"),
        (7, "attributes.purposeCode"),
        (11, "geometry"),
        (15, "geometry"),
        (17, "attributes.cadastralNumber"),
        (22, "geometry.coordinates[0][2]"),
    ];
    // 3: a bow tie; 7: a purpose outside the classifier; 11: in Kryvyi Rih; 15: over
    // feature 14; 17: feature 16's number; 22: a latitude out of range.
    features[3]["geometry"] = json!({"type": "Polygon", "coordinates": [[[34.5018, 48.74], [34.5023, 48.7403],
        [34.5023, 48.74], [34.5018, 48.7403], [34.5018, 48.74]]]});
    features[7]["properties"]["PURPOSE"] = json!("55.55");
    features[11]["geometry"] = rect(33.40, 47.90);
    features[15]["geometry"] = rect(34.50 + 14.0 * 0.0006 + 0.0002, 48.74);
    features[17]["properties"]["KADNUM"] = features[16]["properties"]["KADNUM"].clone();
    features[22]["geometry"]["coordinates"][0][2] = json!([34.5, 148.0]);
    (
        json!({"type": "FeatureCollection", "features": features}),
        bad,
    )
}

fn mapping() -> Value {
    json!({"KADNUM": "cadastralNumber", "PURPOSE": "purposeCode", "OWNER": "ownership", "AREA_HA": "declaredAreaHa"})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_geojson_file_is_imported_with_every_feature_checked() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let count = format!("SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'");
    let before = app.count(&count).await;
    let (file, bad) = collection(200);
    let bytes = serde_json::to_vec(&file).unwrap();

    // All or nothing: refused, untouched, the first problem named.
    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "mapping": mapping()}),
        bytes.clone(),
        "p.geojson",
    )
    .await;
    assert_bad_input(&res, "features[3].geometry", "6 of 200");
    assert_eq!(app.count(&count).await, before);

    // Skip invalid: the rest is imported, every bad one reported with its reason.
    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "mapping": mapping(), "mode": "SKIP_INVALID"}),
        bytes,
        "p.geojson",
    )
    .await;
    let report = &data(&res)["importFeatures"];
    assert_eq!(report["read"], 200);
    assert_eq!(report["imported"], 194);
    assert_eq!(report["invalid"], 6);
    assert_eq!(report["ignoredProperties"], json!(["note"]));
    let problems = report["problems"].as_array().unwrap();
    let found: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| {
            (
                p["index"].as_u64().unwrap() as usize,
                p["field"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, bad, "{problems:?}");
    let reason = |i: usize| {
        problems.iter().find(|p| p["index"] == i).unwrap()["reason"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(reason(3).contains("Self-intersection"));
    assert!(reason(11).contains("outside"));
    assert!(reason(15).contains("feature 14"), "{}", reason(15));
    assert!(
        reason(17).contains("more than once: feature 16"),
        "{}",
        reason(17)
    );
    assert_eq!(app.count(&count).await, before + 194);
    let imported_edits = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature_edit WHERE layer_id = '{layer}' AND op = 'import'"
        ))
        .await;
    assert_eq!(imported_edits, 194);
    // Each parcel and its history entry are the community's and name the officer who imported
    // them (the write binds them once per batch), and each parcel has its own id.
    let stamped = app
        .count(&format!(
            "SELECT count(DISTINCT f.id) FROM gis_feature f \
             JOIN gis_layer l ON l.id = f.layer_id AND l.tenant_id = f.tenant_id \
             JOIN app_user u ON u.id = f.updated_by AND u.email = '{LAND}' \
             JOIN gis_feature_edit e ON e.tenant_id = f.tenant_id AND e.feature_id = f.id \
               AND e.op = 'import' AND e.actor_id = u.id \
             WHERE f.layer_id = '{layer}' AND f.created_at = e.at"
        ))
        .await;
    assert_eq!(stamped, 194);

    // A file large enough to be tested by its extent first, in a free area but for feature 50,
    // which lies over imported feature 0: that batch is checked against the community's
    // parcels candidate by candidate, and feature 50 alone is refused.
    let mut over = wide_collection(100);
    for (i, feature) in over["features"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        feature["geometry"] = rect(34.49 + i as f64 * 0.0006, 48.76);
    }
    over["features"][50]["geometry"] = rect(34.5001, 48.7401);
    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "mapping": mapping(), "mode": "SKIP_INVALID"}),
        serde_json::to_vec(&over).unwrap(),
        "over.geojson",
    )
    .await;
    let report = &data(&res)["importFeatures"];
    assert_eq!(report["imported"], 99, "{report}");
    assert_eq!(report["problems"][0]["index"], 50, "{report}");
    assert!(
        report["problems"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("overlaps other parcels: 1223755100:05:001:0001"),
        "{report}"
    );

    // Importing the same file again: every parcel is now taken.
    let (file, _) = collection(40);
    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "mapping": mapping(), "mode": "SKIP_INVALID"}),
        serde_json::to_vec(&file).unwrap(),
        "p.geojson",
    )
    .await;
    let report = &data(&res)["importFeatures"];
    assert_eq!(report["imported"], 0);
    let reasons: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("already the number of parcel")),
        "{reasons:?}"
    );
}

/// `n` parcels on a grid 100 wide, west of the demo parcels.
fn wide_collection(n: usize) -> Value {
    let features: Vec<Value> = (0..n)
        .map(|i| {
            let (col, row) = (i % 100, i / 100);
            json!({"type": "Feature", "geometry": rect(34.49 + col as f64 * 0.0006, 48.74 + row as f64 * 0.0004),
                   "properties": {"KADNUM": format!("1223755100:06:{:03}:{:04}", 1 + row, 1 + col),
                                  "PURPOSE": "01.05", "OWNER": "private", "AREA_HA": 0.12}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_larger_than_a_batch_is_checked_across_its_batches() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let count = format!("SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'");
    let before = app.count(&count).await;
    // Two features of the last batch conflict with features of the first: one lies over
    // feature 2, one repeats feature 1's number. Feature 4 is invalid itself, so feature
    // n-1, lying over it, conflicts with nothing that is written.
    let n = hromada_gis::import::BATCH + 10;
    let mut file = wide_collection(n);
    file["features"][n - 5]["geometry"] = rect(34.49 + 2.0 * 0.0006, 48.74 + 0.0001);
    file["features"][n - 3]["properties"]["KADNUM"] = json!("1223755100:06:001:0002");
    file["features"][4]["properties"]["PURPOSE"] = json!("55.55");
    file["features"][n - 1]["geometry"] = rect(34.49 + 4.0 * 0.0006, 48.74 + 0.0001);
    let bytes = serde_json::to_vec(&file).unwrap();

    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "mapping": mapping()}),
        bytes.clone(),
        "big.geojson",
    )
    .await;
    assert_bad_input(
        &res,
        "features[4].attributes.purposeCode",
        &format!("3 of {n}"),
    );
    assert_eq!(app.count(&count).await, before);

    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "mapping": mapping(), "mode": "SKIP_INVALID"}),
        bytes,
        "big.geojson",
    )
    .await;
    let report = &data(&res)["importFeatures"];
    assert_eq!(report["read"], n);
    assert_eq!(report["invalid"], 3, "{report}");
    assert_eq!(report["imported"], n - 3);
    let problems: Vec<(u64, &str, &str)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["index"].as_u64().unwrap(),
                p["field"].as_str().unwrap(),
                p["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        (problems[0].0, problems[0].1),
        (4, "attributes.purposeCode")
    );
    assert_eq!((problems[1].0, problems[1].1), (n as u64 - 5, "geometry"));
    assert!(problems[1].2.contains("feature 2 by"), "{problems:?}");
    assert_eq!(
        (problems[2].0, problems[2].1),
        (n as u64 - 3, "attributes.cadastralNumber")
    );
    assert!(
        problems[2].2.contains("feature 1 has it too"),
        "{problems:?}"
    );
    assert_eq!(app.count(&count).await, before + n as i64 - 3);
    // Every batch's features have their creation in the history.
    let imported_edits = app
        .count(&format!(
            "SELECT count(*) FROM gis_feature_edit WHERE layer_id = '{layer}' AND op = 'import'"
        ))
        .await;
    assert_eq!(imported_edits, n as i64 - 3);
    // The import refreshed PostgreSQL's statistics of the features: its estimate of the table
    // counts the parcels just written (before, it still described the table without them).
    let rows = app.count("SELECT count(*) FROM gis_feature").await;
    let estimated = app
        .count("SELECT reltuples::bigint FROM pg_class WHERE oid = 'gis_feature'::regclass")
        .await;
    assert!(
        (estimated - rows).abs() * 100 <= rows,
        "estimated {estimated} rows, the table holds {rows}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_after_an_edit_in_the_same_request_sees_that_edit() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let count = format!("SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'");
    let before = app.count(&count).await;
    // The request draws a parcel, then imports a file whose feature 7 lies over it: the
    // import must see the uncommitted parcel (its checks then run in the request's own
    // transaction), and the whole request is refused.
    let query = "mutation($i: ImportFeaturesInput!, $l: ID!, $g: JSON!, $a: JSON) { \
                 createFeature(input: {layerId: $l, geometry: $g, attributes: $a}) { feature { id } } \
                 importFeatures(input: $i) { imported } }";
    let file = wide_collection(10);
    let drawn = rect(34.49 + 7.0 * 0.0006, 48.74 + 0.0001);
    let res = app
        .gql_upload(
            "petrykivska",
            &token,
            query,
            json!({"i": {"layerId": layer, "file": null, "mapping": mapping()}, "l": layer, "g": drawn,
                   "a": {"cadastralNumber": "1223755100:09:001:0001", "purposeCode": "02.01",
                         "ownership": "private", "declaredAreaHa": 0.1}}),
            serde_json::to_vec(&file).unwrap(),
            "p.geojson",
        )
        .await;
    assert_bad_input(&res, "features[7].geometry", "1223755100:09:001:0001");
    assert_eq!(app.count(&count).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_second_connection_free_an_import_checks_in_its_own_transaction() {
    use hromada_gis::import::{Mode, Options, geojson};
    use hromada_tenants::{AuthUser, Authorizer, TenantSource, TenantTx, authz};
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let count = format!("SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'");
    let before = app.count(&count).await;
    // A pool of one: the import's transaction holds it, so the checks cannot run beside the
    // writing; the import waits briefly for a second connection, then checks and writes on
    // its own.
    let (single, community) = app.one_connection("petrykivska").await;
    let id: uuid::Uuid = single
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT id FROM app_user WHERE email = '{LAND}'"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    let authz = Authorizer::new(authz::DEFAULT_MODEL, authz::DEFAULT_POLICY)
        .await
        .unwrap();
    let tx = TenantTx::begin(
        &single,
        Some((community, TenantSource::Host)),
        Some(AuthUser {
            id,
            email: LAND.into(),
        }),
        None,
    )
    .await
    .unwrap();
    let mut file = wide_collection(30);
    file["features"][20]["geometry"] = rect(34.49 + 3.0 * 0.0006, 48.74 + 0.0001);
    let options = Options {
        layer_id: layer.parse().unwrap(),
        mode: Mode::SkipInvalid,
        mapping: [
            ("KADNUM", "cadastralNumber"),
            ("PURPOSE", "purposeCode"),
            ("OWNER", "ownership"),
            ("AREA_HA", "declaredAreaHa"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect(),
        crs: None,
    };
    let bytes = serde_json::to_vec(&file).unwrap();
    let report = geojson::import(&tx, &authz, &options, std::io::Cursor::new(bytes))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(report.imported, 29, "{report:?}");
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert_eq!(report.problems[0].index, 20);
    assert!(
        report.problems[0].reason.contains("feature 3 by"),
        "{report:?}"
    );
    assert_eq!(app.count(&count).await, before + 29);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_files_are_refused_with_the_reason() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let count = "SELECT count(*) FROM gis_feature";
    let before = app.count(count).await;
    for (body, format, crs, field, reason) in [
        (&b"{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": \"Feature\", "[..], "GEOJSON", None, "file", "GeoJSON"),
        (&b"not json at all"[..], "GEOJSON", None, "file", "GeoJSON"),
        (&b"{\"type\": \"FeatureCollection\", \"features\": []}"[..], "GEOJSON", None, "file", "no features"),
        (&b"{\"type\": \"Feature\", \"geometry\": null}"[..], "GEOJSON", None, "file", "not FeatureCollection"),
        (&b"{\"type\": \"FeatureCollection\", \"features\": []}"[..], "GEOJSON", Some("EPSG:999999"), "crs", "EPSG:999999"),
        (&b"<html><body/></html>"[..], "CADASTRAL_XML", None, "file", "UkrainianCadastralExchangeFile"),
        (&b"<UkrainianCadastralExchangeFile><InfoPart><MetricInfo><CoordinateSystem><SC63><X/></SC63></CoordinateSystem></MetricInfo></InfoPart></UkrainianCadastralExchangeFile>"[..],
         "CADASTRAL_XML", None, "file", "SC63"),
    ] {
        let res = import(&app, &token, json!({"layerId": layer, "file": null, "format": format, "crs": crs}),
                         body.to_vec(), "f").await;
        assert_bad_input(&res, field, reason);
    }
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let (file, _) = collection(30);
    let res = import(
        &app,
        &editor,
        json!({"layerId": layer, "file": null}),
        serde_json::to_vec(&file).unwrap(),
        "f",
    )
    .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    assert_eq!(app.count(count).await, before);
}

fn exchange_file(e: f64, n: f64, system: &str) -> String {
    // A 100 m × 50 m parcel; X is northing, Y easting; two polylines make its boundary.
    let p = |id: u32, x: f64, y: f64| {
        format!("<Point><UIDP>{id}</UIDP><PN>{id}</PN><X>{x:.2}</X><Y>{y:.2}</Y></Point>")
    };
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<UkrainianCadastralExchangeFile>
  <AdditionalPart><ServiceInfo><FormatVersion>2.0</FormatVersion></ServiceInfo></AdditionalPart>
  <InfoPart>
    <MetricInfo>
      <CoordinateSystem><{system}/></CoordinateSystem>
      <PointInfo>{}{}{}{}</PointInfo>
      <Polyline>
        <PL><ULID>1</ULID><Points><P>1</P><P>2</P><P>3</P></Points><Length>150.00</Length></PL>
        <PL><ULID>2</ULID><Points><P>3</P><P>4</P><P>1</P></Points><Length>150.00</Length></PL>
      </Polyline>
    </MetricInfo>
    <CadastralZoneInfo>
      <KOATUU>1223755100</KOATUU>
      <CadastralZoneNumber>03</CadastralZoneNumber>
      <CadastralQuarters><CadastralQuarterInfo>
        <CadastralQuarterNumber>004</CadastralQuarterNumber>
        <Parcels><ParcelInfo>
          <ParcelMetricInfo>
            <ParcelID>0005</ParcelID>
            <Area><MeasurementUnit>га</MeasurementUnit><Size>0.5000</Size></Area>
            <Externals><Boundary><Lines>
              <Line><ULID>1</ULID></Line><Line><ULID>2</ULID></Line>
            </Lines><Closed>true</Closed></Boundary></Externals>
          </ParcelMetricInfo>
          <CategoryPurposeInfo><Category>100</Category><Purpose>02.01</Purpose></CategoryPurposeInfo>
          <OwnershipInfo><Code>200</Code></OwnershipInfo>
          <ParcelLocationInfo><ParcelAddress><StreetType>вул.</StreetType><StreetName>Степова</StreetName><Building>7</Building></ParcelAddress></ParcelLocationInfo>
        </ParcelInfo></Parcels>
      </CadastralQuarterInfo></CadastralQuarters>
    </CadastralZoneInfo>
  </InfoPart>
</UkrainianCadastralExchangeFile>"#,
        p(1, n, e),
        p(2, n, e + 100.0),
        p(3, n + 50.0, e + 100.0),
        p(4, n + 50.0, e)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cadastral_exchange_file_is_imported_in_ucs2000() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let (e, n) = ucs2000(&app, 34.53, 48.745).await;
    let res = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "format": "CADASTRAL_XML"}),
        exchange_file(e, n, "USC2000").into_bytes(),
        "parcel.xml",
    )
    .await;
    let report = &data(&res)["importFeatures"];
    assert_eq!(report["imported"], 1, "{res}");
    let found = app
        .gql(Some("petrykivska"), Some(&token),
             "query($l: ID!) { features(layerId: $l, filter: {cadastralNumber: \"1223755100:03:004:0005\"}) \
              { edges { node { attributes measures { ucs2000Epsg ucs2000AreaM2 ucs2000PerimeterM declaredAreaM2 } } } } }",
             json!({"l": layer}))
        .await;
    let node = &data(&found)["features"]["edges"][0]["node"];
    assert_eq!(node["attributes"]["purposeCode"], "02.01");
    assert_eq!(node["attributes"]["ownership"], "communal");
    assert_eq!(node["attributes"]["address"], "вул. Степова 7");
    let m = &node["measures"];
    assert_eq!(m["ucs2000Epsg"], 5564);
    let area = m["ucs2000AreaM2"].as_f64().unwrap();
    assert!((area - 5000.0).abs() / 5000.0 < 0.001, "{area}");
    let perimeter = m["ucs2000PerimeterM"].as_f64().unwrap();
    assert!((perimeter - 300.0).abs() / 300.0 < 0.001, "{perimeter}");
    assert_eq!(m["declaredAreaM2"].as_f64().unwrap(), 5000.0);

    // The same file again: the number is taken now.
    let again = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "format": "CADASTRAL_XML"}),
        exchange_file(e, n, "USC2000").into_bytes(),
        "parcel.xml",
    )
    .await;
    assert_eq!(
        again["errors"][0]["extensions"]["field"], "features[0].attributes.cadastralNumber",
        "{again}"
    );
    // Coordinates of another region fit no zone inside the community.
    let (e2, n2) = ucs2000(&app, 33.40, 47.90).await;
    let far = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "format": "CADASTRAL_XML"}),
        exchange_file(e2, n2, "USC2000").into_bytes(),
        "parcel.xml",
    )
    .await;
    assert_eq!(error_code(&far), "BAD_USER_INPUT");
    assert!(
        far["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("outside the community"),
        "{far}"
    );
    // An exchange file holds parcels: a layer of assets refuses it.
    let res = app
        .gql(Some("petrykivska"), None, "{ layers { id } }", json!({}))
        .await;
    let assets = data(&res)["layers"][0]["id"].as_str().unwrap().to_owned();
    let wrong_layer = import(
        &app,
        &token,
        json!({"layerId": assets, "file": null, "format": "CADASTRAL_XML"}),
        exchange_file(e, n, "USC2000").into_bytes(),
        "parcel.xml",
    )
    .await;
    assert_eq!(
        wrong_layer["errors"][0]["extensions"]["field"], "layerId",
        "{wrong_layer}"
    );
    let local = import(
        &app,
        &token,
        json!({"layerId": layer, "file": null, "format": "CADASTRAL_XML"}),
        exchange_file(e, n, "SC63").into_bytes(),
        "parcel.xml",
    )
    .await;
    assert!(
        local["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("SC63"),
        "{local}"
    );
}

fn ogrinfo(path: &std::path::Path, extra: &[&str]) -> String {
    let out = std::process::Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .args(extra)
        .arg(path)
        .output()
        .expect("ogrinfo runs (gdal-bin is installed by infra/setup.sh --test)");
    assert!(
        out.status.success(),
        "ogrinfo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exported_layers_are_read_by_gdal() {
    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let url = |ext: &str| format!("{}/gis/layers/{layer}/features.{ext}", app.base_url);
    let host = format!("petrykivska.{}", app.config.domain);
    let get = |ext: &'static str, bbox: Option<&'static str>, auth: bool| {
        let mut req = app.http.get(url(ext)).header("Host", host.clone());
        if let Some(b) = bbox {
            req = req.query(&[("bbox", b)]);
        }
        if auth {
            req = req.bearer_auth(&token);
        }
        req.send()
    };
    // The parcel layer is internal.
    assert_eq!(get("geojson", None, false).await.unwrap().status(), 404);

    let dir = std::env::temp_dir().join(format!("hromada-export-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let res = get("geojson", None, true).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("geo+json")
    );
    let geojson = dir.join("parcels.geojson");
    std::fs::write(&geojson, res.bytes().await.unwrap()).unwrap();
    let info = ogrinfo(&geojson, &[]);
    assert!(info.contains("Feature Count: 2500"), "{info}");
    assert!(info.contains("Geometry: Polygon"), "{info}");
    for field in [
        "cadastralNumber: String",
        "purposeCode: String",
        "declaredAreaHa: Real",
        "version: Integer",
    ] {
        assert!(info.contains(field), "{field} in {info}");
    }

    let res = get("csv", None, true).await.unwrap();
    assert_eq!(res.status(), 200);
    let csv = dir.join("parcels.csv");
    std::fs::write(&csv, res.bytes().await.unwrap()).unwrap();
    let info = ogrinfo(
        &csv,
        &[
            "-oo",
            "GEOM_POSSIBLE_NAMES=wkt",
            "-oo",
            "KEEP_GEOM_COLUMNS=NO",
        ],
    );
    assert!(info.contains("Feature Count: 2500"), "{info}");
    assert!(info.contains("cadastralNumber: String"), "{info}");
    assert!(info.contains("Extent: (34.6"), "{info}");

    // A bounding box of 2 × 2 parcels.
    let res = get("geojson", Some("34.5999,48.7099,34.6010,48.7107"), true)
        .await
        .unwrap();
    let collection: Value = res.json().await.unwrap();
    assert_eq!(collection["features"].as_array().unwrap().len(), 4);
    let bad = get("geojson", Some("1,2,3"), true).await.unwrap();
    assert_eq!(bad.status(), 400);

    // The public assets layer is open to anyone.
    let res = app
        .gql(Some("petrykivska"), None, "{ layers { id } }", json!({}))
        .await;
    let assets = data(&res)["layers"][0]["id"].as_str().unwrap().to_owned();
    let res = app
        .http
        .get(format!(
            "{}/gis/layers/{assets}/features.geojson",
            app.base_url
        ))
        .header("Host", host.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let collection: Value = res.json().await.unwrap();
    assert_eq!(collection["features"].as_array().unwrap().len(), 32);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_import_does_not_wait_for_another_to_refresh_the_statistics() {
    use sea_orm::{ConnectionTrait, TransactionTrait};

    let app = TestApp::spawn().await;
    let token = app.demo_login(LAND).await;
    let layer = parcels_layer(&app, &token).await;
    let estimate = "SELECT reltuples::bigint FROM pg_class WHERE oid = 'gis_feature'::regclass";
    let before = app.count(estimate).await;
    // Another transaction holds the lock that analyzing the features takes, as a concurrent
    // import that refreshed them holds it until it commits.
    let other = app.admin.begin().await.unwrap();
    other
        .execute_unprepared("LOCK TABLE gis_feature IN SHARE UPDATE EXCLUSIVE MODE")
        .await
        .unwrap();
    let n = 1_200;
    let res = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        import(
            &app,
            &token,
            json!({"layerId": layer, "file": null, "mapping": mapping()}),
            serde_json::to_vec(&wide_collection(n)).unwrap(),
            "big.geojson",
        ),
    )
    .await
    .expect("the import does not wait for the other transaction");
    assert_eq!(data(&res)["importFeatures"]["imported"], n, "{res}");
    other.rollback().await.unwrap();
    // It skipped the refresh rather than wait: the estimate is the one from before.
    assert_eq!(app.count(estimate).await, before);
}
