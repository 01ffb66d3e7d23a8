//! A GraphQL document as the query cache meets it: measured, then parsed on a stack no larger
//! than half a server thread's, then counted. Nothing may overflow the stack or panic.
#![no_main]

use hromada_graphql::limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if limits::check_text(text).is_err() {
        return;
    }
    let text = text.to_owned();
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            if let Ok(document) = async_graphql::parser::parse_query(&text) {
                let _ = limits::check_document(&document);
            }
        })
        .expect("a thread")
        .join()
        .expect("no panic");
});
