//! Demo GIS: the boundaries of the oblast and its demo communities (set by the oblast admin
//! through the domain, so they are validated), and for each community a land-parcel layer of
//! 2,500 generated parcels (valid cadastral numbers and purpose codes, no overlaps: blocks of
//! a street grid) and a public assets layer. The parcels are generated in one SQL statement,
//! each with its creation in the history, because thousands of single edits would slow every
//! test that loads the demo.

use hromada_gis::boundary;
use hromada_gis::feature::GeometryInput;
use hromada_gis::layer::{self, GeometryType, LayerKind, NewLayer, Style};
use hromada_gis::schema::{Field, FieldType};
use hromada_tenants::{AuthUser, Authorizer, DomainResult, Tenant, TenantSource, TenantTx};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::{Value, json};

/// A community's demo area: slug, KOATUU prefix of its cadastral numbers, boundary box
/// (west, south, east, north), origin of the parcel grid (lon, lat).
type Area = (&'static str, &'static str, [f64; 4], (f64, f64));

const AREAS: [Area; 3] = [
    (
        "petrykivska",
        "1223755100",
        [34.48, 48.66, 34.72, 48.80],
        (34.600, 48.710),
    ),
    (
        "tsarychanska",
        "1225655100",
        [34.38, 48.81, 34.66, 49.00],
        (34.450, 48.920),
    ),
    (
        "kryvorizka",
        "1211000000",
        [33.18, 47.68, 33.55, 48.05],
        (33.360, 47.890),
    ),
];

/// The oblast's boundary, roughly.
const OBLAST_BOX: [f64; 4] = [32.9, 47.3, 36.9, 49.3];

/// Parcels per side of each community's grid.
pub const GRID: i32 = 50;

/// A box with its corners cut, as a GeoJSON polygon: closer to a real boundary than a box.
fn chamfered(b: [f64; 4]) -> Value {
    let [w, s, e, n] = b;
    let cx = (e - w) * 0.15;
    let cy = (n - s) * 0.15;
    json!({"type": "Polygon", "coordinates": [[
        [w + cx, s], [e - cx, s], [e, s + cy], [e, n - cy],
        [e - cx, n], [w + cx, n], [w, n - cy], [w, s + cy], [w + cx, s]
    ]]})
}

/// Sets the boundaries (as the oblast admin) unless set.
pub async fn load_boundaries(
    db: &DatabaseConnection,
    authz: &Authorizer,
    oblast: &Tenant,
    admin: &AuthUser,
) -> DomainResult<()> {
    if boundary::get(db, oblast.id).await?.is_some() {
        return Ok(());
    }
    let tx = TenantTx::begin(
        db,
        Some((oblast.clone(), TenantSource::Host)),
        Some(admin.clone()),
        Some("demo".into()),
    )
    .await?;
    let set = |geojson| GeometryInput { geojson, crs: None };
    boundary::set(&tx, authz, &oblast.slug, &set(chamfered(OBLAST_BOX))).await?;
    for (slug, _, area, _) in AREAS {
        boundary::set(&tx, authz, slug, &set(chamfered(area))).await?;
    }
    tx.commit().await
}

fn text(name: &str, uk: &str, en: &str) -> Field {
    Field {
        name: name.into(),
        field_type: FieldType::Text,
        required: false,
        options: Vec::new(),
        label_uk: uk.into(),
        label_en: en.into(),
    }
}

/// Loads the community's layers unless it has some.
pub async fn load_community(
    db: &DatabaseConnection,
    authz: &Authorizer,
    community: &Tenant,
    land_officer: &AuthUser,
) -> DomainResult<()> {
    let Some((_, koatuu, _, (lon0, lat0))) = AREAS.iter().find(|a| a.0 == community.slug) else {
        return Ok(());
    };
    let tx = TenantTx::begin(
        db,
        Some((community.clone(), TenantSource::Host)),
        Some(land_officer.clone()),
        Some("demo".into()),
    )
    .await?;
    if !layer::list(&tx).await?.is_empty() {
        return tx.rollback().await;
    }
    let parcels = layer::create(
        &tx,
        authz,
        NewLayer {
            kind: LayerKind::LandParcels,
            name_uk: "Земельні ділянки".into(),
            name_en: "Land parcels".into(),
            geometry_type: GeometryType::Polygon,
            fields: vec![text("landUser", "Землекористувач", "Land user")],
            style: Some(Style {
                fill: "#f2c14e66".into(),
                stroke: "#8a6d1d".into(),
                stroke_width: 0.8,
                label_field: Some("cadastralNumber".into()),
            }),
            public: false,
        },
    )
    .await?;
    let assets = layer::create(
        &tx,
        authz,
        NewLayer {
            kind: LayerKind::Assets,
            name_uk: "Комунальне майно".into(),
            name_en: "Community assets".into(),
            geometry_type: GeometryType::Any,
            fields: vec![Field {
                name: "condition".into(),
                field_type: FieldType::Enum,
                required: false,
                options: vec!["good".into(), "fair".into(), "poor".into()],
                label_uk: "Стан".into(),
                label_en: "Condition".into(),
            }],
            style: Some(Style {
                fill: "#2a9d8f88".into(),
                stroke: "#1d6b62".into(),
                stroke_width: 1.5,
                label_field: Some("name".into()),
            }),
            public: true,
        },
    )
    .await?;
    // Blocks of 10 × 5 parcels of about 40 × 40 m, separated by 20 m streets.
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "WITH cells AS ( \
               SELECT i, j, \
                 $3 + i * 0.00055 + (i / 10) * 0.00027 AS x, \
                 $4 + j * 0.00036 + (j / 5) * 0.00018 AS y \
               FROM generate_series(0, $5 - 1) i, generate_series(0, $5 - 1) j), \
             parcels AS ( \
               SELECT i, j, ST_SetSRID(ST_MakeEnvelope(x, y, x + 0.00053, y + 0.00034), 4326) AS g, \
                 CASE WHEN (i * 7 + j * 3) % 23 = 0 THEN '03.07' \
                      WHEN (i + j) % 11 = 0 THEN '01.03' \
                      WHEN (i * j) % 17 = 5 THEN '02.05' \
                      WHEN i % 25 = 24 THEN '07.02' ELSE '02.01' END AS purpose \
               FROM cells) \
             INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
             SELECT app.tenant_id(), app.uuid_v7(), $1, g, jsonb_build_object( \
               'cadastralNumber', $2 || ':' || lpad((1 + i / 25)::text, 2, '0') || ':' \
                 || lpad((1 + j / 10)::text, 3, '0') || ':' || lpad((1 + (i % 25) * 10 + j % 10)::text, 4, '0'), \
               'purposeCode', purpose, \
               'ownership', CASE WHEN purpose IN ('03.07', '07.02') THEN 'communal' ELSE 'private' END, \
               'declaredAreaHa', round((ST_Area(g::geography) * (1 + ((i * 31 + j * 17) % 7 - 3) / 1000.0) / 10000)::numeric, 4), \
               'address', 'вул. ' || (ARRAY['Шевченка','Соборна','Садова','Миру','Центральна'])[1 + j / 10] \
                 || ', ' || (1 + i)::text) , \
               false, app.user_id() \
             FROM parcels ORDER BY i, j",
            [
                parcels.id.into(),
                (*koatuu).into(),
                (*lon0).into(),
                (*lat0).into(),
                GRID.into(),
            ],
        ))
        .await?;
    // Assets: schools, clinics and buildings at the block corners, streets as lines, parks.
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
             SELECT app.tenant_id(), app.uuid_v7(), $1, g, a, true, app.user_id() FROM ( \
               SELECT ST_SetSRID(ST_MakePoint($2 + k * 0.0058 - 0.0001, $3 + m * 0.0020 - 0.00009), 4326) AS g, \
                 jsonb_build_object('assetKind', (ARRAY['education','health','social_facility','building'])[1 + (k + m) % 4], \
                   'name', (ARRAY['Ліцей','Амбулаторія','Центр соціальних служб','Адмінбудівля'])[1 + (k + m) % 4] \
                     || ' №' || (1 + k * 5 + m)::text, 'condition', (ARRAY['good','fair','poor'])[1 + (k * m) % 3]) AS a \
               FROM generate_series(1, 4) k, generate_series(1, 5) m \
               UNION ALL \
               SELECT ST_SetSRID(ST_MakeLine(ST_MakePoint($2 - 0.001, $3 + m * 0.0020 - 0.00009), \
                 ST_MakePoint($2 + 0.030, $3 + m * 0.0020 - 0.00009)), 4326), \
                 jsonb_build_object('assetKind', 'road', 'name', 'Вулиця ' || m::text) \
               FROM generate_series(1, 9) m \
               UNION ALL \
               SELECT ST_SetSRID(ST_MakeEnvelope($2 + 0.032 + k * 0.003, $3, $2 + 0.034 + k * 0.003, $3 + 0.004), 4326), \
                 jsonb_build_object('assetKind', 'green_area', 'name', 'Сквер ' || k::text) \
               FROM generate_series(0, 2) k) assets",
            [assets.id.into(), (*lon0).into(), (*lat0).into()],
        ))
        .await?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO gis_feature_edit (tenant_id, feature_id, layer_id, op, version, actor_id, changed) \
             SELECT tenant_id, id, layer_id, 'create', 1, updated_by, '{geometry}' FROM gis_feature \
             WHERE tenant_id = app.tenant_id() AND layer_id IN ($1, $2)",
            [parcels.id.into(), assets.id.into()],
        ))
        .await?;
    tx.commit().await
}
