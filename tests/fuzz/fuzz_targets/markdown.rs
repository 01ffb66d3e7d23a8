//! An editor's Markdown as a rich-text block saves it: bounded, rendered and sanitized. No
//! element of what comes out may be a script, carry an event handler or link to a
//! URL of another scheme than http, https, mailto and tel (as text, escaped, such words are
//! harmless).
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The attributes of a tag's inside (`a href="x" rel="y"`) as (name, value), quotes honoured.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start();
        let Some(end) = rest.find(|c: char| c == '=' || c.is_whitespace()) else {
            if !rest.is_empty() {
                out.push((rest.to_owned(), String::new()));
            }
            return out;
        };
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let value = if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').unwrap_or(after.len());
            rest = after.get(close + 1..).unwrap_or_default();
            after[..close].to_owned()
        } else {
            String::new()
        };
        out.push((name, value));
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(html) = hromada_site_builder::text::markdown("markdownUk", text) {
        for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            assert!(
                !tag.to_lowercase().starts_with("script"),
                "a script: {html}"
            );
            for (name, value) in attributes(tag) {
                assert!(
                    !name.to_lowercase().starts_with("on"),
                    "an event handler: {html}"
                );
                // An absolute link keeps to the allowed schemes; anything else is relative.
                if name == "href"
                    && let Ok(url) = url::Url::parse(&value.replace("&amp;", "&"))
                {
                    let allowed = ["http", "https", "mailto", "tel"];
                    assert!(
                        allowed.contains(&url.scheme()),
                        "a {} link: {html}",
                        url.scheme()
                    );
                }
            }
        }
    }
});
