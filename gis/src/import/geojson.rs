//! GeoJSON FeatureCollection import, streamed: a `serde_json` visitor walks the
//! `features` array and hands over one feature at a time, so the file is never held whole
//! (geozero's own GeoJSON source reads the whole file into memory first, and `geojson`'s
//! `FeatureReader` refuses the whole file over a feature with a null geometry). Each feature
//! is checked like a single edit and its geometry encoded to EWKB by geozero.

use std::collections::BTreeSet;
use std::fmt;
use std::io::{BufReader, Read};

use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use tokio::sync::mpsc;

use super::{BATCH, Batch, Options, Report, field_reason};
use crate::check::{self, Candidate};
use crate::geometry::{self, WGS84};
use crate::layer::Layer;
use crate::schema::Schema;

/// A feature as the file has it; geometry and properties are checked afterwards, so a bad
/// geometry is that feature's problem, not the file's.
#[derive(Deserialize)]
struct RawFeature {
    #[serde(default)]
    geometry: Value,
    #[serde(default)]
    properties: Value,
}

/// Imports a GeoJSON FeatureCollection read from `file`.
pub async fn import(
    tx: &TenantTx,
    authz: &Authorizer,
    options: &Options,
    file: impl Read + Send + 'static,
) -> DomainResult<Report> {
    let layer = super::target(tx, authz, options.layer_id).await?;
    let srid = match &options.crs {
        Some(c) => geometry::parse_crs("crs", c)?,
        None => WGS84,
    };
    check::require_known_srid(tx.conn(), srid).await?;
    let (sender, receiver) = mpsc::channel::<Batch>(2);
    let reader_layer = layer.clone();
    let mapping = options.mapping.clone();
    let reader =
        tokio::task::spawn_blocking(move || read(file, &reader_layer, &mapping, srid, &sender));
    let result = super::run(tx, &layer, options.mode, receiver).await;
    let ignored = reader
        .await
        .map_err(|e| DomainError::Internal(format!("GeoJSON reader: {e}")))?;
    let mut report = result?;
    report.ignored_properties = ignored;
    Ok(report)
}

/// Walks a FeatureCollection, calling `each` with every feature in order; `each` answers
/// `false` to stop. Returns how many features were seen.
struct Collection<'a, F>(&'a mut F);

/// The `features` array of a collection.
struct Features<'a, F>(&'a mut F);

impl<'de, F: FnMut(usize, RawFeature) -> bool> DeserializeSeed<'de> for Collection<'_, F> {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(usize, RawFeature) -> bool> Visitor<'de> for Collection<'_, F> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        let mut seen = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => {
                    let t: String = map.next_value()?;
                    if t != "FeatureCollection" {
                        return Err(de::Error::custom(format!(
                            "its type is {t}, not FeatureCollection"
                        )));
                    }
                }
                "features" => seen = Some(map.next_value_seed(Features(&mut *self.0))?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        seen.ok_or_else(|| de::Error::custom("it has no features array"))
    }
}

impl<'de, F: FnMut(usize, RawFeature) -> bool> DeserializeSeed<'de> for Features<'_, F> {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(usize, RawFeature) -> bool> Visitor<'de> for Features<'_, F> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of GeoJSON Features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut index = 0;
        while let Some(feature) = seq.next_element::<RawFeature>()? {
            if !(self.0)(index, feature) {
                return Err(de::Error::custom("the import was stopped"));
            }
            index += 1;
        }
        Ok(index)
    }
}

/// Walks a GeoJSON FeatureCollection read from `file`, calling `each` with every feature's
/// index, geometry and properties in order (`each` answers `false` to stop). Returns how many
/// features it saw, or why the file is not a FeatureCollection. It holds one feature at a time.
pub fn walk(
    file: impl Read,
    mut each: impl FnMut(usize, Value, Value) -> bool,
) -> Result<usize, String> {
    let mut raw = |index: usize, f: RawFeature| each(index, f.geometry, f.properties);
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file));
    Collection(&mut raw)
        .deserialize(&mut de)
        .and_then(|n| de.end().map(|()| n))
        .map_err(|e| e.to_string())
}

/// Reads features and sends them in batches; returns the properties it ignored.
fn read(
    file: impl Read,
    layer: &Layer,
    mapping: &std::collections::BTreeMap<String, String>,
    srid: i32,
    sender: &mpsc::Sender<Batch>,
) -> Vec<String> {
    let schema = layer.schema();
    let mut ignored = BTreeSet::new();
    let mut batch = Vec::with_capacity(BATCH);
    let each = |index: usize, geometry: Value, properties: Value| {
        batch.push(candidate(
            index as i32,
            RawFeature {
                geometry,
                properties,
            },
            layer,
            &schema,
            mapping,
            srid,
            &mut ignored,
        ));
        if batch.len() < BATCH {
            return true;
        }
        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
        sender.blocking_send(Ok(full)).is_ok()
    };
    if let Err(e) = walk(file, each) {
        let _ = sender.blocking_send(Err(DomainError::invalid(
            "file",
            format!("is not a GeoJSON FeatureCollection: {e}"),
        )));
        return Vec::new();
    }
    if !batch.is_empty() {
        let _ = sender.blocking_send(Ok(batch));
    }
    ignored.into_iter().take(50).collect()
}

fn candidate(
    index: i32,
    feature: RawFeature,
    layer: &Layer,
    schema: &Schema,
    mapping: &std::collections::BTreeMap<String, String>,
    srid: i32,
    ignored: &mut BTreeSet<String>,
) -> Candidate {
    let mut attributes = Map::new();
    if let Value::Object(properties) = feature.properties {
        for (name, value) in properties {
            let target = if mapping.is_empty() {
                Some(&name)
            } else {
                mapping.get(&name)
            };
            match target {
                Some(t) if schema.0.iter().any(|f| &f.name == t) => {
                    attributes.insert(t.clone(), value);
                }
                _ => {
                    if ignored.len() < 50 {
                        ignored.insert(name);
                    }
                }
            }
        }
    }
    let mut problem = None;
    let attributes = match schema.check("attributes", &attributes) {
        Ok(a) => a,
        Err(e) => {
            problem = Some(field_reason(e));
            attributes
        }
    };
    let geometry = if feature.geometry.is_null() {
        problem.get_or_insert(("geometry".into(), "is missing".into()));
        None
    } else {
        match geometry::parse_owned("geometry", feature.geometry, srid) {
            Ok(g) => {
                if let Some(p) = check::type_problem(layer, &g) {
                    problem.get_or_insert(p);
                }
                Some(g)
            }
            Err(e) => {
                problem = Some(field_reason(e));
                None
            }
        }
    };
    Candidate {
        index,
        feature_id: None,
        geometry,
        attributes,
        problem,
    }
}
