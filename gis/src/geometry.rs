//! Geometry input: a GeoJSON geometry parsed strictly (every position numeric and finite,
//! rings closed, enough points), in WGS 84 or a declared coordinate system that PostGIS then
//! transforms to WGS 84. Errors name the position of the fault (`geometry.coordinates[0][3]`).

use geo_types::Geometry;
use geozero::{CoordDimensions, ToWkb};
use hromada_tenants::{DomainError, DomainResult};
use serde_json::Value;

/// WGS 84, the SRID every geometry is stored in.
pub const WGS84: i32 = 4326;

/// A geometry as the platform receives it, before the database's checks.
#[derive(Debug, Clone)]
pub struct ParsedGeometry {
    /// The GeoJSON type (`Polygon`, `MultiPoint` …).
    pub geojson_type: String,
    /// EWKB in the declared coordinate system, SRID included.
    pub ewkb: Vec<u8>,
    /// The declared coordinate system.
    pub srid: i32,
    /// Its bounding box in the declared system: min x, min y, max x, max y.
    pub bounds: [f64; 4],
}

/// Reads the SRID of a CRS name: `EPSG:5563`, `urn:ogc:def:crs:EPSG::5563`,
/// `http://www.opengis.net/def/crs/EPSG/0/5563`, or CRS84 (WGS 84 longitude/latitude).
pub fn parse_crs(field: &str, name: &str) -> DomainResult<i32> {
    let n = name.trim();
    let upper = n.to_ascii_uppercase();
    if upper.ends_with("CRS84") || upper == "WGS84" {
        return Ok(WGS84);
    }
    let code = upper
        .strip_prefix("EPSG:")
        .or_else(|| upper.strip_prefix("URN:OGC:DEF:CRS:EPSG::"))
        .or_else(|| upper.strip_prefix("URN:OGC:DEF:CRS:EPSG:6.6:"))
        .or_else(|| upper.strip_prefix("HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/"))
        .or_else(|| upper.strip_prefix("HTTPS://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/"));
    code.and_then(|c| c.parse::<i32>().ok())
        .filter(|c| *c > 0)
        .ok_or_else(|| {
            DomainError::invalid(
                field,
                format!("'{n}' is not a coordinate reference system name (use EPSG:<code>)"),
            )
        })
}

/// The CRS a GeoJSON object declares in the legacy `crs` member, if any.
pub fn declared_crs(field: &str, object: &Value) -> DomainResult<Option<i32>> {
    match object.get("crs") {
        None | Some(Value::Null) => Ok(None),
        Some(crs) => {
            let name = crs
                .get("properties")
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    DomainError::invalid(
                        field,
                        "crs must be {\"type\": \"name\", \"properties\": {\"name\": …}}",
                    )
                })?;
            parse_crs(field, name).map(Some)
        }
    }
}

/// Parses a GeoJSON geometry object declared in `srid`. `field` prefixes error positions.
pub fn parse(field: &str, value: &Value, srid: i32) -> DomainResult<ParsedGeometry> {
    parse_owned(field, value.clone(), srid)
}

/// [`parse`] of a geometry the caller no longer needs (an import's features): the
/// conversion to `geo` consumes it rather than a copy.
pub fn parse_owned(field: &str, value: Value, srid: i32) -> DomainResult<ParsedGeometry> {
    let object = value
        .as_object()
        .ok_or_else(|| DomainError::invalid(field, "must be a GeoJSON geometry object"))?;
    let geojson_type = object
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| DomainError::invalid(format!("{field}.type"), "is required"))?
        .to_owned();
    let coords_field = format!("{field}.coordinates");
    let mut bounds = Bounds::EMPTY;
    match geojson_type.as_str() {
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon" => {
            let coords = object
                .get("coordinates")
                .ok_or_else(|| DomainError::invalid(&coords_field, "is required"))?;
            check_coordinates(
                &coords_field,
                &geojson_type,
                coords,
                srid == WGS84,
                &mut bounds,
            )?;
        }
        "GeometryCollection" => {
            return Err(DomainError::invalid(
                format!("{field}.type"),
                "a GeometryCollection is not accepted: use a Multi* geometry",
            ));
        }
        other => {
            return Err(DomainError::invalid(
                format!("{field}.type"),
                format!("'{other}' is not a GeoJSON geometry type"),
            ));
        }
    }
    let geometry = geojson::Geometry::from_json_value(value)
        .map_err(|e| DomainError::invalid(field, format!("is not valid GeoJSON: {e}")))?;
    let geometry: Geometry<f64> = geometry
        .value
        .try_into()
        .map_err(|e| DomainError::invalid(field, format!("is not valid GeoJSON: {e}")))?;
    Ok(ParsedGeometry {
        geojson_type,
        ewkb: to_ewkb(&geometry, srid)?,
        srid,
        bounds: bounds.0,
    })
}

/// A bounding box grown position by position while the coordinates are checked.
struct Bounds([f64; 4]);

impl Bounds {
    const EMPTY: Bounds = Bounds([
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ]);

    fn add(&mut self, (x, y): (f64, f64)) {
        let b = &mut self.0;
        (b[0], b[1], b[2], b[3]) = (b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y));
    }
}

/// Encodes a geometry as 2D EWKB with its SRID.
pub fn to_ewkb(geometry: &Geometry<f64>, srid: i32) -> DomainResult<Vec<u8>> {
    geometry
        .to_ewkb(CoordDimensions::xy(), Some(srid))
        .map_err(|e| DomainError::Internal(format!("EWKB encoding: {e}")))
}

fn position(at: &str, value: &Value, lon_lat: bool) -> DomainResult<(f64, f64)> {
    let items = value
        .as_array()
        .ok_or_else(|| DomainError::invalid(at, "must be a position [x, y]"))?;
    if !(2..=3).contains(&items.len()) {
        return Err(DomainError::invalid(at, "a position has 2 or 3 numbers"));
    }
    let mut xy = [0.0; 3];
    for (i, item) in items.iter().enumerate() {
        xy[i] = item
            .as_f64()
            .filter(|v| v.is_finite())
            .ok_or_else(|| DomainError::invalid(at, "coordinates must be finite numbers"))?;
    }
    if lon_lat && !(-180.0..=180.0).contains(&xy[0]) {
        return Err(DomainError::invalid(
            at,
            format!("longitude {} is out of range −180…180", xy[0]),
        ));
    }
    if lon_lat && !(-90.0..=90.0).contains(&xy[1]) {
        return Err(DomainError::invalid(
            at,
            format!("latitude {} is out of range −90…90", xy[1]),
        ));
    }
    Ok((xy[0], xy[1]))
}

fn array<'a>(at: &str, value: &'a Value, what: &str) -> DomainResult<&'a Vec<Value>> {
    value
        .as_array()
        .ok_or_else(|| DomainError::invalid(at, format!("must be {what}")))
}

fn line(
    at: &str,
    value: &Value,
    lon_lat: bool,
    min: usize,
    bounds: &mut Bounds,
) -> DomainResult<Vec<(f64, f64)>> {
    let items = array(at, value, "a list of positions")?;
    let points = items
        .iter()
        .enumerate()
        .map(|(i, p)| position(&format!("{at}[{i}]"), p, lon_lat))
        .collect::<DomainResult<Vec<_>>>()?;
    points.iter().for_each(|p| bounds.add(*p));
    if points.len() < min {
        return Err(DomainError::invalid(
            at,
            format!("needs at least {min} positions, has {}", points.len()),
        ));
    }
    Ok(points)
}

fn polygon(at: &str, value: &Value, lon_lat: bool, bounds: &mut Bounds) -> DomainResult<()> {
    let rings = array(at, value, "a list of linear rings")?;
    if rings.is_empty() {
        return Err(DomainError::invalid(at, "a polygon needs an exterior ring"));
    }
    for (i, ring) in rings.iter().enumerate() {
        let ring_at = format!("{at}[{i}]");
        let points = line(&ring_at, ring, lon_lat, 4, bounds)?;
        if points.first() != points.last() {
            return Err(DomainError::invalid(
                ring_at,
                "a linear ring must end where it starts",
            ));
        }
    }
    Ok(())
}

fn check_coordinates(
    at: &str,
    kind: &str,
    coords: &Value,
    lon_lat: bool,
    bounds: &mut Bounds,
) -> DomainResult<()> {
    match kind {
        "Point" => position(at, coords, lon_lat).map(|p| bounds.add(p)),
        "MultiPoint" => line(at, coords, lon_lat, 1, bounds).map(|_| ()),
        "LineString" => line(at, coords, lon_lat, 2, bounds).map(|_| ()),
        "MultiLineString" => {
            let parts = array(at, coords, "a list of lines")?;
            if parts.is_empty() {
                return Err(DomainError::invalid(at, "needs at least one line"));
            }
            for (i, part) in parts.iter().enumerate() {
                line(&format!("{at}[{i}]"), part, lon_lat, 2, bounds)?;
            }
            Ok(())
        }
        "Polygon" => polygon(at, coords, lon_lat, bounds),
        _ => {
            let parts = array(at, coords, "a list of polygons")?;
            if parts.is_empty() {
                return Err(DomainError::invalid(at, "needs at least one polygon"));
            }
            for (i, part) in parts.iter().enumerate() {
                polygon(&format!("{at}[{i}]"), part, lon_lat, bounds)?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field_of(r: DomainResult<ParsedGeometry>) -> String {
        match r {
            Err(DomainError::Invalid { field, .. }) => field,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn good_geometries_parse() {
        let square = json!({"type": "Polygon", "coordinates":
            [[[34.0, 48.0], [34.01, 48.0], [34.01, 48.01], [34.0, 48.01], [34.0, 48.0]]]});
        let parsed = parse("geometry", &square, WGS84).unwrap();
        assert_eq!(parsed.geojson_type, "Polygon");
        assert_eq!(parsed.bounds, [34.0, 48.0, 34.01, 48.01]);
        let multi = json!({"type": "MultiLineString", "coordinates":
            [[[30.5, 50.4], [30.6, 50.3]], [[30.2, 50.45], [30.3, 50.5]]]});
        assert_eq!(
            parse("geometry", &multi, WGS84).unwrap().bounds,
            [30.2, 50.3, 30.6, 50.5]
        );
        assert!(parsed.ewkb.len() > 5 * 16);
        assert!(
            parse(
                "g",
                &json!({"type": "Point", "coordinates": [34.0, 48.0, 120.0]}),
                WGS84
            )
            .is_ok()
        );
    }

    #[test]
    fn faults_are_named_by_position() {
        let open_ring = json!({"type": "Polygon", "coordinates":
            [[[34.0, 48.0], [34.01, 48.0], [34.01, 48.01], [34.0, 48.02]]]});
        assert_eq!(
            field_of(parse("geometry", &open_ring, WGS84)),
            "geometry.coordinates[0]"
        );
        let far = json!({"type": "LineString", "coordinates": [[34.0, 48.0], [200.0, 48.0]]});
        assert_eq!(
            field_of(parse("geometry", &far, WGS84)),
            "geometry.coordinates[1]"
        );
        // Projected coordinates are not longitudes.
        assert!(
            parse(
                "geometry",
                &json!({"type": "Point", "coordinates": [6450000.0, 5400000.0]}),
                5564
            )
            .is_ok()
        );
        let text = json!({"type": "Point", "coordinates": ["34", 48.0]});
        assert_eq!(
            field_of(parse("geometry", &text, WGS84)),
            "geometry.coordinates"
        );
        assert_eq!(
            field_of(parse("geometry", &json!({"type": "Circle"}), WGS84)),
            "geometry.type"
        );
        assert_eq!(
            field_of(parse("geometry", &json!([1, 2]), WGS84)),
            "geometry"
        );
    }

    #[test]
    fn crs_names_are_read() {
        assert_eq!(parse_crs("crs", "EPSG:5563").unwrap(), 5563);
        assert_eq!(
            parse_crs("crs", "urn:ogc:def:crs:EPSG::5564").unwrap(),
            5564
        );
        assert_eq!(
            parse_crs("crs", "urn:ogc:def:crs:OGC:1.3:CRS84").unwrap(),
            4326
        );
        assert!(parse_crs("crs", "Pulkovo local").is_err());
    }
}
