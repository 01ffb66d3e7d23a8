//! Where a person is, for sorting places by distance: a settlement of the codifier placed on
//! the map, and whether a point the browser gave lies in the oblast.
//!
//! The codifier has no coordinates, so a settlement is placed by what the platform knows of
//! its community: an active place of the community whose address names the settlement (a
//! remote workplace in a village, the center in the community's seat), else a point inside the
//! community's boundary, else the community's center. A settlement whose community is not on
//! the platform cannot be placed.

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::error::DomainResult;
use crate::katottg::Settlement;

/// How far outside the oblast's boundary a browser's point may lie (a person at the border,
/// a GPS fix a little off).
pub const BORDER_SLACK_M: f64 = 20_000.0;

/// A point in WGS 84.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

#[derive(FromQueryResult)]
struct Row {
    lat: f64,
    lon: f64,
}

/// Where `settlement` lies, if its community is one of the oblast's on the platform.
pub async fn settlement(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    settlement: &Settlement,
) -> DomainResult<Option<Point>> {
    let row = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH t AS (SELECT id FROM tenant WHERE parent_id = $1 AND katottg = $2 AND status = 'active') \
         SELECT lat, lon FROM ( \
           (SELECT ST_Y(c.location) AS lat, ST_X(c.location) AS lon, 1 AS rank FROM cnap c JOIN t ON c.tenant_id = t.id \
            WHERE c.active AND position(lower($3) IN lower(c.address_uk)) > 0 \
            ORDER BY (c.kind = 'center') DESC, c.name_uk LIMIT 1) \
           UNION ALL \
           (SELECT ST_Y(ST_PointOnSurface(b.geom)), ST_X(ST_PointOnSurface(b.geom)), 2 FROM boundary b JOIN t ON b.tenant_id = t.id LIMIT 1) \
           UNION ALL \
           (SELECT ST_Y(c.location), ST_X(c.location), 3 FROM cnap c JOIN t ON c.tenant_id = t.id \
            WHERE c.active ORDER BY (c.kind = 'center') DESC, c.name_uk LIMIT 1) \
         ) found ORDER BY rank LIMIT 1",
        [
            oblast.into(),
            settlement.hromada.clone().into(),
            settlement.name.clone().into(),
        ],
    ))
    .one(conn)
    .await?;
    Ok(row.map(|r| Point {
        lat: r.lat,
        lon: r.lon,
    }))
}

/// Whether `point` lies in the oblast: within [`BORDER_SLACK_M`] of its boundary, or, where
/// the oblast has none, of one of its communities' boundaries. An oblast with no boundary at
/// all takes any point in Ukraine's extent.
pub async fn in_oblast(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    point: Point,
) -> DomainResult<bool> {
    #[derive(FromQueryResult)]
    struct Verdict {
        bounded: bool,
        inside: bool,
    }
    let verdict = Verdict::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH b AS (SELECT geom FROM boundary WHERE tenant_id = $1 \
                    UNION ALL SELECT geom FROM boundary WHERE tenant_id IN (SELECT id FROM tenant WHERE parent_id = $1) \
                      AND NOT EXISTS (SELECT 1 FROM boundary WHERE tenant_id = $1)) \
         SELECT EXISTS (SELECT 1 FROM b) AS bounded, \
           EXISTS (SELECT 1 FROM b WHERE ST_DWithin(b.geom::geography, \
             ST_SetSRID(ST_MakePoint($3, $2), 4326)::geography, $4)) AS inside",
        [
            oblast.into(),
            point.lat.into(),
            point.lon.into(),
            BORDER_SLACK_M.into(),
        ],
    ))
    .one(conn)
    .await?;
    Ok(match verdict {
        Some(v) if v.bounded => v.inside,
        _ => (44.0..=52.5).contains(&point.lat) && (22.0..=40.5).contains(&point.lon),
    })
}
