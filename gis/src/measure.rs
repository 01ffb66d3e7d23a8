//! Area and perimeter of a feature, never in degrees: on the projection plane of the
//! feature's UCS-2000 Gauss–Krüger zone (EPSG 5562–5565; PostGIS/PROJ apply the datum
//! transformation from WGS 84) and geodesically on the WGS 84 ellipsoid, with the difference
//! from the area declared in the parcel's documents.

use hromada_tenants::{DomainError, DomainResult, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

/// Measures of one feature (zero for points; perimeter is the length for lines).
#[derive(Debug, Clone, FromQueryResult)]
pub struct Measures {
    /// The EPSG code of the UCS-2000 zone the plane measures are taken in.
    pub ucs2000_srid: i32,
    pub ucs2000_area_m2: f64,
    pub ucs2000_perimeter_m: f64,
    pub geodesic_area_m2: f64,
    pub geodesic_perimeter_m: f64,
    /// The area in the documents (`declaredAreaHa`), in m².
    pub declared_area_m2: Option<f64>,
}

impl Measures {
    /// Surveyed (UCS-2000) minus declared area, in m².
    pub fn difference_m2(&self) -> Option<f64> {
        self.declared_area_m2.map(|d| self.ucs2000_area_m2 - d)
    }

    /// The difference relative to the declared area, in percent.
    pub fn difference_percent(&self) -> Option<f64> {
        self.declared_area_m2
            .filter(|d| *d > 0.0)
            .map(|d| (self.ucs2000_area_m2 - d) / d * 100.0)
    }
}

/// Measures a feature of the request's community.
pub async fn of_feature(tx: &TenantTx, id: Uuid) -> DomainResult<Measures> {
    Measures::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT z.srid AS ucs2000_srid, \
                ST_Area(p.geom) AS ucs2000_area_m2, \
                CASE WHEN ST_Dimension(p.geom) = 2 THEN ST_Perimeter(p.geom) ELSE ST_Length(p.geom) END \
                  AS ucs2000_perimeter_m, \
                ST_Area(f.geom::geography) AS geodesic_area_m2, \
                CASE WHEN ST_Dimension(f.geom) = 2 THEN ST_Perimeter(f.geom::geography) \
                     ELSE ST_Length(f.geom::geography) END AS geodesic_perimeter_m, \
                (f.attributes ->> 'declaredAreaHa')::double precision * 10000 AS declared_area_m2 \
         FROM gis_feature f \
         CROSS JOIN LATERAL (SELECT app.ucs2000_zone_srid(f.geom) AS srid) z \
         CROSS JOIN LATERAL (SELECT ST_Transform(f.geom, z.srid) AS geom) p \
         WHERE f.tenant_id = $1 AND f.id = $2",
        [tx.tenant()?.id.into(), id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("feature {id}")))
}
