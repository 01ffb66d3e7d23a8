//! The Ukrainian land-cadastre exchange file (обмінний файл, XML of Cabinet order No. 1051
//! of 17.10.2012), as surveyors hand it to land officers: points with UCS-2000 coordinates
//! (`X` northing, `Y` easting), polylines through them, and parcels whose boundaries are
//! lists of polylines, with cadastral number (KOATUU : zone : quarter : parcel), purpose,
//! ownership and area. Read with `quick-xml`'s pull parser.
//!
//! The file does not name the Gauss–Krüger zone: the easting's prefix narrows it to the 6°
//! or 3° zones of UCS-2000 (EPSG 5562–5565, 5570–5583), and the one that puts the parcels
//! inside the community is taken. SC-63, SC-42 and local systems are refused: the platform
//! has no transformation for them.

use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::sync::LazyLock;

use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use quick_xml::Reader;
use quick_xml::events::Event;
use regex::Regex;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Map, Value, json};
use tokio::sync::mpsc;

use super::{Batch, Options, Report, field_reason};
use crate::check::Candidate;
use crate::geometry;
use crate::schema::OWNERSHIP;

static PURPOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{2}\.\d{2}").expect("valid regex"));

/// The largest exchange file read (they describe a few parcels).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One parcel of the file.
#[derive(Debug, Clone, Default)]
pub struct Parcel {
    pub koatuu: String,
    pub zone: String,
    pub quarter: String,
    pub parcel_id: String,
    pub purpose: String,
    pub ownership_code: String,
    pub area_unit: String,
    pub area_size: String,
    pub address: String,
    /// Lines of the outer boundary: polyline id, from point, to point.
    pub externals: Vec<LineRef>,
    /// Holes, each a list of lines.
    pub internals: Vec<Vec<LineRef>>,
}

/// A boundary line: a polyline, or part of it from `from` to `to`.
#[derive(Debug, Clone, Default)]
pub struct LineRef {
    pub ulid: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What the file holds.
#[derive(Debug, Clone, Default)]
pub struct ExchangeFile {
    /// `USC2000`, `SC63`, `SC42`, `Local` …
    pub coordinate_system: String,
    /// Point id → (X northing, Y easting).
    pub points: HashMap<String, (f64, f64)>,
    /// Polyline id → point ids.
    pub polylines: HashMap<String, Vec<String>>,
    pub parcels: Vec<Parcel>,
}

fn bad(reason: impl Into<String>) -> DomainError {
    DomainError::invalid("file", reason)
}

/// Parses an exchange file.
pub fn parse(input: impl Read) -> DomainResult<ExchangeFile> {
    let mut reader = Reader::from_reader(BufReader::new(input.take(MAX_BYTES)));
    reader.config_mut().trim_text(true);
    let mut file = ExchangeFile::default();
    let mut path: Vec<String> = Vec::new();
    let mut buf = Vec::new();
    let (mut koatuu, mut zone, mut quarter) = (String::new(), String::new(), String::new());
    let mut point: (String, Option<f64>, Option<f64>) = (String::new(), None, None);
    let mut polyline: (String, Vec<String>) = (String::new(), Vec::new());
    let mut parcel: Option<Parcel> = None;
    let mut line = LineRef::default();
    let mut root_seen = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            bad(format!(
                "is not a well-formed exchange file (XML error at byte {}): {e}",
                reader.buffer_position()
            ))
        })?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    if name != "UkrainianCadastralExchangeFile" {
                        return Err(bad(format!(
                            "is not a cadastral exchange file: its root is <{name}>, not <UkrainianCadastralExchangeFile>"
                        )));
                    }
                    root_seen = true;
                }
                if path.last().is_some_and(|p| p == "CoordinateSystem") {
                    file.coordinate_system = name.clone();
                }
                match name.as_str() {
                    "ParcelInfo" => {
                        parcel = Some(Parcel {
                            koatuu: koatuu.clone(),
                            zone: zone.clone(),
                            quarter: quarter.clone(),
                            ..Parcel::default()
                        })
                    }
                    "Point" => point = (String::new(), None, None),
                    "PL" => polyline = (String::new(), Vec::new()),
                    "Line" => line = LineRef::default(),
                    "Boundary" if in_parcel_metric(&path, "Internals") => {
                        if let Some(p) = parcel.as_mut() {
                            p.internals.push(Vec::new());
                        }
                    }
                    _ => {}
                }
                path.push(name);
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.last().is_some_and(|p| p == "CoordinateSystem") {
                    file.coordinate_system = name;
                }
            }
            Event::End(_) => {
                let Some(name) = path.pop() else {
                    return Err(bad("is not well-formed XML"));
                };
                match name.as_str() {
                    "ParcelInfo" => {
                        if let Some(p) = parcel.take() {
                            file.parcels.push(p);
                        }
                    }
                    "Point" if path.last().is_some_and(|p| p == "PointInfo") => {
                        if let (Some(x), Some(y)) = (point.1, point.2) {
                            file.points.insert(point.0.clone(), (x, y));
                        } else {
                            return Err(bad(format!("point {} has no X and Y", point.0)));
                        }
                    }
                    "PL" => {
                        file.polylines
                            .insert(polyline.0.clone(), std::mem::take(&mut polyline.1));
                    }
                    "Line" => {
                        if let Some(p) = parcel.as_mut() {
                            if in_parcel_metric(&path, "Externals") {
                                p.externals.push(std::mem::take(&mut line));
                            } else if in_parcel_metric(&path, "Internals")
                                && let Some(hole) = p.internals.last_mut()
                            {
                                hole.push(std::mem::take(&mut line));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let text = t
                    .xml_content()
                    .map_err(|e| bad(format!("has badly encoded text: {e}")))?
                    .trim()
                    .to_owned();
                let Some(leaf) = path.last().map(String::as_str) else {
                    continue;
                };
                let parent = path.iter().rev().nth(1).map(String::as_str).unwrap_or("");
                match (parent, leaf) {
                    ("CadastralZoneInfo", "KOATUU") => koatuu = text,
                    ("CadastralZoneInfo", "CadastralZoneNumber") => zone = text,
                    ("CadastralQuarterInfo", "CadastralQuarterNumber") => quarter = text,
                    ("Point", "UIDP") => point.0 = text,
                    ("Point", "X") => point.1 = Some(number("X", &text)?),
                    ("Point", "Y") => point.2 = Some(number("Y", &text)?),
                    ("PL", "ULID") => polyline.0 = text,
                    ("Points", "P") => polyline.1.push(text),
                    ("Line", "ULID") => line.ulid = text,
                    ("Line", "FP") => line.from = Some(text),
                    ("Line", "TP") => line.to = Some(text),
                    (_, "Local") if parent == "CoordinateSystem" => {
                        file.coordinate_system = "Local".into()
                    }
                    _ => {
                        if let Some(p) = parcel.as_mut() {
                            parcel_text(p, &path, parent, leaf, text);
                        }
                    }
                }
            }
            Event::Eof => {
                if let Some(open) = path.last() {
                    return Err(bad(format!(
                        "ends before </{open}> (the file is cut short)"
                    )));
                }
                break;
            }
            _ => {}
        }
        buf.clear();
    }
    if !root_seen {
        return Err(bad("is empty"));
    }
    Ok(file)
}

fn in_parcel_metric(path: &[String], part: &str) -> bool {
    path.iter().any(|p| p == "ParcelMetricInfo")
        && path.iter().any(|p| p == part)
        && !path.iter().any(|p| p == "LandsParcel")
}

fn parcel_text(p: &mut Parcel, path: &[String], parent: &str, leaf: &str, text: String) {
    let in_metric =
        path.iter().any(|s| s == "ParcelMetricInfo") && !path.iter().any(|s| s == "LandsParcel");
    match (parent, leaf) {
        ("ParcelMetricInfo", "ParcelID") if in_metric => p.parcel_id = text,
        ("Area", "MeasurementUnit") if in_metric => p.area_unit = text,
        ("Area", "Size") if in_metric => p.area_size = text,
        ("CategoryPurposeInfo", "Purpose") => p.purpose = text,
        ("OwnershipInfo", "Code") => p.ownership_code = text,
        (_, "StreetType" | "StreetName" | "Building")
            if path.iter().any(|s| s == "ParcelAddress") =>
        {
            if !p.address.is_empty() {
                p.address.push(' ');
            }
            p.address.push_str(&text);
        }
        _ => {}
    }
}

fn number(what: &str, text: &str) -> DomainResult<f64> {
    text.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| bad(format!("{what} '{text}' is not a number")))
}

/// The points of a boundary, as (X, Y), closed.
fn ring(file: &ExchangeFile, lines: &[LineRef]) -> Result<Vec<(f64, f64)>, String> {
    let mut ids: Vec<String> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let all = file.polylines.get(&l.ulid).ok_or_else(|| {
            format!(
                "boundary line {} names polyline {} which the file lacks",
                i, l.ulid
            )
        })?;
        let mut part: Vec<String> = match (&l.from, &l.to) {
            (Some(from), Some(to)) => {
                let a = all.iter().position(|p| p == from);
                let b = all.iter().position(|p| p == to);
                match (a, b) {
                    (Some(a), Some(b)) if a <= b => all[a..=b].to_vec(),
                    (Some(a), Some(b)) => all[b..=a].iter().rev().cloned().collect(),
                    _ => return Err(format!("polyline {}: FP/TP are not its points", l.ulid)),
                }
            }
            _ => all.clone(),
        };
        if ids.is_empty() {
            ids = part;
            continue;
        }
        let last = ids.last().cloned().unwrap_or_default();
        if part.first() == Some(&last) {
        } else if part.last() == Some(&last) {
            part.reverse();
        } else if ids.len() > 1
            && i == 1
            && (part.first() == ids.first() || part.last() == ids.first())
        {
            ids.reverse();
            if part.last() == ids.last() {
                part.reverse();
            }
        } else {
            return Err(format!(
                "boundary line {i} (polyline {}) does not join the previous one",
                l.ulid
            ));
        }
        ids.extend(part.into_iter().skip(1));
    }
    if ids.len() < 4 || ids.first() != ids.last() {
        return Err("the boundary lines do not close into a ring".into());
    }
    ids.iter()
        .map(|id| {
            file.points
                .get(id)
                .copied()
                .ok_or_else(|| format!("point {id} is not in the file's point list"))
        })
        .collect()
}

/// The UCS-2000 systems an easting could belong to.
fn candidate_srids(easting: f64) -> Vec<i32> {
    let prefix = (easting / 1_000_000.0).floor() as i32;
    match prefix {
        4..=6 => vec![5558 + prefix],
        7 => vec![5565, 5570],
        8..=13 => vec![5563 + prefix],
        0 => (5577..=5583).collect(),
        _ => Vec::new(),
    }
}

fn parcel_candidate(file: &ExchangeFile, index: i32, p: &Parcel, srid: i32) -> Candidate {
    let number = format!("{}:{}:{}:{}", p.koatuu, p.zone, p.quarter, p.parcel_id);
    let mut attributes = Map::new();
    attributes.insert("cadastralNumber".into(), json!(number));
    if let Some(code) = PURPOSE.find(&p.purpose) {
        attributes.insert("purposeCode".into(), json!(code.as_str()));
    }
    if let Some((form, _)) = OWNERSHIP.iter().find(|(_, c)| *c == p.ownership_code) {
        attributes.insert("ownership".into(), json!(form));
    }
    if let Ok(size) = p.area_size.replace(',', ".").parse::<f64>() {
        let unit = p.area_unit.to_lowercase();
        let ha = if unit.contains("кв") || unit.contains('м') && !unit.contains("га") {
            size / 10_000.0
        } else {
            size
        };
        attributes.insert("declaredAreaHa".into(), json!(ha));
    }
    if !p.address.is_empty() {
        attributes.insert("address".into(), json!(p.address));
    }
    let mut problem = None;
    let mut rings = Vec::new();
    for lines in std::iter::once(&p.externals).chain(p.internals.iter()) {
        match ring(file, lines) {
            // GeoJSON order: easting (Y), northing (X).
            Ok(points) => rings.push(
                points
                    .iter()
                    .map(|(x, y)| json!([y, x]))
                    .collect::<Vec<Value>>(),
            ),
            Err(reason) => {
                problem = Some(("geometry".to_owned(), reason));
                break;
            }
        }
    }
    let geometry = if problem.is_none() {
        match geometry::parse(
            "geometry",
            &json!({"type": "Polygon", "coordinates": rings}),
            srid,
        ) {
            Ok(g) => Some(g),
            Err(e) => {
                problem = Some(field_reason(e));
                None
            }
        }
    } else {
        None
    };
    Candidate {
        index,
        feature_id: None,
        geometry,
        attributes,
        problem,
    }
}

/// Imports the parcels of an exchange file into a land-parcel layer.
pub async fn import(
    tx: &TenantTx,
    authz: &Authorizer,
    options: &Options,
    input: impl Read + Send + 'static,
) -> DomainResult<Report> {
    let layer = super::target(tx, authz, options.layer_id).await?;
    if layer.kind != crate::layer::LayerKind::LandParcels {
        return Err(DomainError::invalid(
            "layerId",
            "an exchange file holds land parcels: import it into a land-parcel layer",
        ));
    }
    let file = tokio::task::spawn_blocking(move || parse(input))
        .await
        .map_err(|e| DomainError::Internal(format!("exchange reader: {e}")))??;
    match file.coordinate_system.as_str() {
        "USC2000" | "UCS2000" => {}
        "" => {
            return Err(bad(
                "does not name its coordinate system (MetricInfo/CoordinateSystem)",
            ));
        }
        other => {
            return Err(bad(format!(
                "is in the {other} coordinate system, which the platform cannot transform: \
                 ask the surveyor for the file in UCS-2000 (УСК-2000)"
            )));
        }
    }
    if file.parcels.is_empty() {
        return Err(bad("holds no parcels (InfoPart/…/Parcels/ParcelInfo)"));
    }
    let srid = zone_of(tx, &file).await?;
    let schema = layer.schema();
    let (sender, receiver) = mpsc::channel::<Batch>(1);
    let candidates: Vec<Candidate> = file
        .parcels
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut c = parcel_candidate(&file, i as i32, p, srid);
            if c.problem.is_none()
                && let Err(e) = schema.check("attributes", &c.attributes)
            {
                c.problem = Some(field_reason(e));
            }
            c
        })
        .collect();
    sender
        .send(Ok(candidates))
        .await
        .map_err(|_| DomainError::Internal("import channel closed".into()))?;
    drop(sender);
    super::run(tx, &layer, options.mode, receiver).await
}

/// The UCS-2000 zone that puts the file's first point inside the community.
async fn zone_of(tx: &TenantTx, file: &ExchangeFile) -> DomainResult<i32> {
    let Some(&(x, y)) = file.points.values().next() else {
        return Err(bad("has no points (InfoPart/MetricInfo/PointInfo)"));
    };
    let candidates = candidate_srids(y);
    if candidates.is_empty() {
        return Err(bad(format!(
            "easting {y} fits no UCS-2000 Gauss–Krüger zone of Ukraine"
        )));
    }
    for srid in &candidates {
        let inside = tx
            .conn()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT 1 FROM boundary b WHERE b.tenant_id = app.tenant_id() AND ST_Covers(b.geom, \
                 app.try_transform(ST_SetSRID(ST_MakePoint($1, $2), $3), 4326))",
                [y.into(), x.into(), (*srid).into()],
            ))
            .await?;
        if inside.is_some() {
            return Ok(*srid);
        }
    }
    Err(bad(format!(
        "its coordinates (X {x}, Y {y}) fall outside the community in every UCS-2000 zone they \
         could belong to (EPSG {})",
        candidates
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<UkrainianCadastralExchangeFile>
  <InfoPart>
    <MetricInfo>
      <CoordinateSystem><USC2000/></CoordinateSystem>
      <PointInfo>
        <Point><UIDP>1</UIDP><PN>1</PN><X>5400000.00</X><Y>6450000.00</Y></Point>
        <Point><UIDP>2</UIDP><PN>2</PN><X>5400000.00</X><Y>6450100.00</Y></Point>
        <Point><UIDP>3</UIDP><PN>3</PN><X>5400100.00</X><Y>6450100.00</Y></Point>
        <Point><UIDP>4</UIDP><PN>4</PN><X>5400100.00</X><Y>6450000.00</Y></Point>
      </PointInfo>
      <Polyline>
        <PL><ULID>1</ULID><Points><P>1</P><P>2</P><P>3</P></Points></PL>
        <PL><ULID>2</ULID><Points><P>1</P><P>4</P><P>3</P></Points></PL>
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
            <Area><MeasurementUnit>га</MeasurementUnit><Size>1.0000</Size></Area>
            <Externals><Boundary><Lines>
              <Line><ULID>1</ULID></Line><Line><ULID>2</ULID></Line>
            </Lines></Boundary></Externals>
          </ParcelMetricInfo>
          <CategoryPurposeInfo><Purpose>02.01 Для будівництва</Purpose></CategoryPurposeInfo>
          <OwnershipInfo><Code>100</Code></OwnershipInfo>
        </ParcelInfo></Parcels>
      </CadastralQuarterInfo></CadastralQuarters>
    </CadastralZoneInfo>
  </InfoPart>
</UkrainianCadastralExchangeFile>"#;

    #[test]
    fn a_parcel_is_read_with_its_ring_and_attributes() {
        let file = parse(FILE.as_bytes()).unwrap();
        assert_eq!(file.coordinate_system, "USC2000");
        assert_eq!(file.parcels.len(), 1);
        let ring = ring(&file, &file.parcels[0].externals).unwrap();
        assert_eq!(ring.len(), 5);
        assert_eq!(ring.first(), ring.last());
        let c = parcel_candidate(&file, 0, &file.parcels[0], 5564);
        assert!(c.problem.is_none(), "{:?}", c.problem);
        assert_eq!(c.attributes["cadastralNumber"], "1223755100:03:004:0005");
        assert_eq!(c.attributes["purposeCode"], "02.01");
        assert_eq!(c.attributes["ownership"], "private");
        assert_eq!(c.attributes["declaredAreaHa"], 1.0);
    }

    #[test]
    fn zones_follow_the_easting() {
        assert_eq!(candidate_srids(6_450_000.0), vec![5564]);
        assert_eq!(candidate_srids(7_300_000.0), vec![5565, 5570]);
        assert_eq!(candidate_srids(11_400_000.0), vec![5574]);
        assert!(candidate_srids(25_000_000.0).is_empty());
    }

    #[test]
    fn broken_files_are_refused() {
        assert!(parse("<html></html>".as_bytes()).is_err());
        assert!(parse("<UkrainianCadastralExchangeFile><InfoPart>".as_bytes()).is_err());
        let open = FILE.replace("<P>1</P><P>4</P><P>3</P>", "<P>1</P><P>4</P>");
        let file = parse(open.as_bytes()).unwrap();
        assert!(ring(&file, &file.parcels[0].externals).is_err());
    }
}
