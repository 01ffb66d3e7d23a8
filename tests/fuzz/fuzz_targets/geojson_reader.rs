//! An uploaded GeoJSON file as the import reads it: the streaming FeatureCollection walker,
//! and each feature's geometry through the one geometry parser edits share.
#![no_main]

use hromada_gis::{geometry, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import::geojson::walk(data, |_, g, _| {
        let _ = geometry::parse("geometry", &g, geometry::WGS84);
        true
    });
});
