//! Export of a layer (or a bounding box of it) as GeoJSON and as CSV with WKT geometry, in
//! pages, so a server can stream a layer of any size. The writers are `serde_json` and `csv`.

use hromada_tenants::{DomainResult, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement, Value as SqlValue};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::layer::Layer;
use crate::query::{BBox, spatial_sql};

/// Features per page.
pub const PAGE: u64 = 5_000;

/// A format of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    GeoJson,
    /// CSV with the geometry as WKT in the `wkt` column.
    CsvWkt,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::GeoJson => "application/geo+json",
            Format::CsvWkt => "text/csv; charset=utf-8",
        }
    }
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    geometry: String,
    attributes: Value,
    version: i32,
    updated_at: chrono::DateTime<chrono::Utc>,
}

/// What comes before the first page.
pub fn head(format: Format, layer: &Layer) -> DomainResult<Vec<u8>> {
    Ok(match format {
        Format::GeoJson => format!(
            "{{\"type\":\"FeatureCollection\",\"name\":{},\"features\":[\n",
            json!(if layer.name_en.is_empty() {
                &layer.name_uk
            } else {
                &layer.name_en
            })
        )
        .into_bytes(),
        Format::CsvWkt => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut header = vec![
                "id".to_owned(),
                "wkt".into(),
                "version".into(),
                "updated_at".into(),
            ];
            header.extend(layer.schema().0.into_iter().map(|f| f.name));
            w.write_record(&header).map_err(internal)?;
            w.into_inner().map_err(|e| internal(e.into_error()))?
        }
    })
}

/// What comes after the last page.
pub fn tail(format: Format) -> &'static [u8] {
    match format {
        Format::GeoJson => b"\n]}\n",
        Format::CsvWkt => b"",
    }
}

fn internal(e: impl std::fmt::Display) -> hromada_tenants::DomainError {
    hromada_tenants::DomainError::Internal(format!("export: {e}"))
}

/// One page of live features after `after`: the bytes and the last id, or `None` at the end.
/// `first` says whether a GeoJSON separator is needed before the page.
pub async fn page(
    tx: &TenantTx,
    layer: &Layer,
    format: Format,
    bbox: Option<BBox>,
    after: Option<Uuid>,
) -> DomainResult<Option<(Vec<u8>, Uuid)>> {
    let geometry = match format {
        Format::GeoJson => "ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 9)",
        Format::CsvWkt => "ST_AsText(geom, 9)",
    };
    let mut values: Vec<SqlValue> = vec![layer.tenant_id.into(), layer.id.into(), after.into()];
    let mut sql = format!(
        "SELECT id, {geometry} AS geometry, attributes, version, updated_at FROM gis_feature \
         WHERE tenant_id = $1 AND layer_id = $2 AND deleted_at IS NULL AND ($3::uuid IS NULL OR id > $3)"
    );
    if let Some(b) = bbox {
        let b = b.checked("bbox")?;
        values.extend([b.west.into(), b.south.into(), b.east.into(), b.north.into()]);
        sql.push_str(&format!(
            " AND {}",
            spatial_sql("", "ST_Intersects", "ST_MakeEnvelope($4, $5, $6, $7, 4326)")
        ));
    }
    sql.push_str(&format!(" ORDER BY id LIMIT {PAGE}"));
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        values,
    ))
    .all(tx.conn())
    .await?;
    let Some(last) = rows.last().map(|r| r.id) else {
        return Ok(None);
    };
    let bytes = match format {
        Format::GeoJson => {
            let mut out = Vec::with_capacity(rows.len() * 400);
            for (i, r) in rows.into_iter().enumerate() {
                if after.is_some() || i > 0 {
                    out.extend_from_slice(b",\n");
                }
                let mut properties = match r.attributes {
                    Value::Object(m) => m,
                    _ => Default::default(),
                };
                properties.insert("version".into(), json!(r.version));
                properties.insert("updatedAt".into(), json!(r.updated_at));
                out.extend_from_slice(b"{\"type\":\"Feature\",\"id\":\"");
                out.extend_from_slice(r.id.to_string().as_bytes());
                out.extend_from_slice(b"\",\"geometry\":");
                out.extend_from_slice(r.geometry.as_bytes());
                out.extend_from_slice(b",\"properties\":");
                serde_json::to_writer(&mut out, &properties).map_err(internal)?;
                out.push(b'}');
            }
            out
        }
        Format::CsvWkt => {
            let fields = layer.schema().0;
            let mut w = csv::Writer::from_writer(Vec::new());
            for r in rows {
                let mut record = vec![
                    r.id.to_string(),
                    r.geometry,
                    r.version.to_string(),
                    r.updated_at.to_rfc3339(),
                ];
                record.extend(fields.iter().map(|f| match r.attributes.get(&f.name) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    // Numbers, booleans and document links (as JSON).
                    Some(v) => v.to_string(),
                }));
                w.write_record(&record).map_err(internal)?;
            }
            w.into_inner().map_err(|e| internal(e.into_error()))?
        }
    };
    Ok(Some((bytes, last)))
}
