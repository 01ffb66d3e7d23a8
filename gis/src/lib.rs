//! GIS of a community: layers of land parcels and assets in PostGIS, one validation and one
//! history for every edit, measures in UCS-2000, spatial queries, import and export.
//!
//! - [`layer`]: layers, their attribute [`schema`] and style;
//! - [`geometry`]: strict GeoJSON geometry input and declared coordinate systems;
//! - [`check`]: the one validation every edit goes through (OGC validity, inside the
//!   community, no parcel overlaps);
//! - [`feature`], [`history`]: editing with optimistic concurrency, every edit kept,
//!   state at a date, revert and restore;
//! - [`measure`]: area and perimeter in the feature's UCS-2000 Gauss–Krüger zone and on the
//!   ellipsoid;
//! - [`query`]: bounding box, intersection, parcel at a point, nearest features;
//! - [`boundary`]: boundaries of the oblast and its communities;
//! - [`import`], [`export`]: GeoJSON and the land-cadastre exchange file in, GeoJSON and CSV out;
//! - [`ogc`]: OGC API – Features documents, coordinate systems and Part 4 bodies;
//! - [`tiles`]: Mapbox Vector Tiles with a cache that edits invalidate exactly, TileJSON;
//!   [`tile_memory`]: hot tiles in the server's memory, revalidated against that cache;
//! - [`summary`]: the oblast's view of every community's layers;
//! - [`codes`]: the land-purpose classifier (КВЦПЗ) shipped with the platform.
//!
//! Crates chosen: `geojson` (georust's GeoJSON model) to read geometries into `geo-types`,
//! `geozero` to encode them as EWKB for PostGIS (no sqlx coupling, see STACK.md),
//! `serde_json`'s streaming deserializer to walk a FeatureCollection feature by feature,
//! `quick-xml` for the exchange file (a pull parser: the file is never held as a DOM).
//! Spatial predicates, validity, datum transformations and areas run in PostGIS, which does
//! them with GEOS and PROJ.

pub mod boundary;
pub mod check;
pub mod codes;
pub mod export;
pub mod feature;
pub mod geometry;
pub mod history;
pub mod import;
pub mod layer;
pub mod measure;
pub mod ogc;
pub mod ogc_api_definition;
pub mod query;
pub mod schema;
pub mod summary;
pub mod tile_memory;
pub mod tiles;

pub use feature::Feature;
pub use layer::{Layer, LayerKind};
