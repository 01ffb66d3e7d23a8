//! A cadastral exchange file (XML) as the import reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hromada_gis::import::exchange::parse(data);
});
