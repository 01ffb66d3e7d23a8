//! Text as editors write it: plain fields (trimmed, limited, escaped on render), links
//! (only `http`, `https`, `mailto`, `tel` and site paths), and Markdown, rendered with
//! `pulldown-cmark` and sanitized with `ammonia` (html5ever-based, keeps only an allow-list
//! of tags, attributes and URL schemes), so a script, an event handler or a `javascript:` link
//! never reaches a page whatever an editor pastes.

use std::collections::HashSet;

use hromada_tenants::{DomainError, DomainResult};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// How long a text field may be, in characters.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    Line,
    Title,
    Paragraph,
    Document,
}

impl Limit {
    fn chars(self) -> usize {
        match self {
            Limit::Line => 300,
            Limit::Title => 200,
            Limit::Paragraph => 2_000,
            Limit::Document => 100_000,
        }
    }
}

fn check_chars(field: &str, value: &str, limit: Limit, keep_lines: bool) -> DomainResult<()> {
    if value.chars().count() > limit.chars() {
        return Err(DomainError::invalid(
            field,
            format!("is longer than {} characters", limit.chars()),
        ));
    }
    hromada_tenants::validate::text_chars(field, value, keep_lines)
}

/// A one-line plain text field: trimmed, inner whitespace runs made one space.
pub fn plain(field: &str, value: &mut String, limit: Limit) -> DomainResult<()> {
    check_chars(field, value, limit, true)?;
    *value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(())
}

/// A multi-line plain text field (or Markdown source): trimmed, line breaks kept.
pub fn plain_keep_lines(field: &str, value: &mut String, limit: Limit) -> DomainResult<()> {
    check_chars(field, value, limit, true)?;
    *value = value.replace("\r\n", "\n").trim().to_owned();
    Ok(())
}

/// A link an editor may put on a page: `https://…`, `http://…`, `mailto:…`, `tel:…` or a path
/// of this site (`/about`). Anything else (`javascript:`, `data:`, `//evil`) is refused.
pub fn link(field: &str, value: &str) -> DomainResult<String> {
    let value = value.trim();
    if value.starts_with('/') && !value.starts_with("//") && !value.contains('\\') {
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(DomainError::invalid(field, "a site path holds no spaces"));
        }
        return Ok(value.to_owned());
    }
    let parsed = url::Url::parse(value).map_err(|_| {
        DomainError::invalid(
            field,
            "must be an https://, http://, mailto: or tel: link, or a path of this site",
        )
    })?;
    match parsed.scheme() {
        "https" | "http" if parsed.host_str().is_some() => Ok(parsed.to_string()),
        "mailto" | "tel" => Ok(parsed.to_string()),
        other => Err(DomainError::invalid(
            field,
            format!("links with the '{other}:' scheme are not allowed"),
        )),
    }
}

/// An optional link: empty means none.
pub fn optional_link(field: &str, value: &mut Option<String>) -> DomainResult<()> {
    *value = match value.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(link(field, v)?),
    };
    Ok(())
}

/// A phone number as people write it: digits, spaces, `+ - ( )`.
pub fn phone(field: &str, value: &mut String) -> DomainResult<()> {
    *value = value.trim().to_owned();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !(5..=15).contains(&digits)
        || !value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
    {
        return Err(DomainError::invalid(
            field,
            "is not a phone number (digits, spaces, + - ( ))",
        ));
    }
    Ok(())
}

/// An optional e-mail address: empty means none.
pub fn optional_email(field: &str, value: &mut Option<String>) -> DomainResult<()> {
    *value = match value.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(hromada_tenants::validate::email(field, v)?),
    };
    Ok(())
}

/// A news tag: lower case letters, digits and dashes, up to 40 characters.
pub fn tag(field: &str, value: &str) -> DomainResult<String> {
    let tag = value.trim().to_lowercase();
    let ok = !tag.is_empty()
        && tag.chars().count() <= 40
        && tag.chars().all(|c| c.is_alphanumeric() || c == '-');
    if ok {
        Ok(tag)
    } else {
        Err(DomainError::invalid(
            field,
            "a tag is 1 to 40 letters, digits or dashes",
        ))
    }
}

/// How deeply lists and quotes may nest in Markdown: deeper than any page needs, and far
/// below where the sanitizer's HTML tree building (quadratic in the depth: a 20 KB block of
/// 10,000 nested list markers took it a second optimised, 20 s unoptimised) or a browser's
/// layout slows down.
pub const MAX_MARKDOWN_LISTS: usize = 8;
/// How deeply any elements (lists, quotes, emphasis, links, tables …) may nest.
pub const MAX_MARKDOWN_NESTING: usize = 24;

/// Refuses Markdown nested deeper than [`MAX_MARKDOWN_LISTS`] lists and quotes, or
/// [`MAX_MARKDOWN_NESTING`] elements of any kind. The parse is linear in the text; the check
/// runs before any HTML is made.
pub fn markdown_nesting(field: &str, markdown: &str) -> DomainResult<()> {
    let (mut depth, mut lists) = (0usize, 0usize);
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(tag) => {
                depth += 1;
                if matches!(tag, Tag::List(_) | Tag::BlockQuote(_)) {
                    lists += 1;
                }
                if lists > MAX_MARKDOWN_LISTS {
                    return Err(DomainError::invalid(
                        field,
                        format!("lists and quotes nest more than {MAX_MARKDOWN_LISTS} levels deep"),
                    ));
                }
                if depth > MAX_MARKDOWN_NESTING {
                    return Err(DomainError::invalid(
                        field,
                        format!("formatting nests more than {MAX_MARKDOWN_NESTING} levels deep"),
                    ));
                }
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if matches!(tag, TagEnd::List(_) | TagEnd::BlockQuote(_)) {
                    lists = lists.saturating_sub(1);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Markdown of an editor's field to sanitized HTML, after [`markdown_nesting`].
pub fn markdown(field: &str, markdown: &str) -> DomainResult<String> {
    markdown_nesting(field, markdown)?;
    Ok(markdown_to_html(markdown))
}

/// Markdown to sanitized HTML. Raw HTML in the source is shown as text, headings start at
/// `h2` (the page title is the `h1`), and the result passes [`clean`]. Private: input reaches
/// it only through [`markdown`], after [`markdown_nesting`].
fn markdown_to_html(markdown: &str) -> String {
    if markdown.is_empty() {
        return String::new();
    }
    let demote = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    let events = Parser::new_ext(markdown, markdown_options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    clean(&html)
}

/// Keeps only safe HTML: text formatting, headings, lists, tables, quotes and links with
/// `http`, `https`, `mailto` or `tel` (plus site paths); no images (they need an image block,
/// which requires alternative text), scripts, styles, event handlers or frames.
pub fn clean(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_markdown_loses_scripts_handlers_and_javascript_links() {
        let html = markdown_to_html(
            "# Title\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
             [click](javascript:alert(1)) [ok](https://example.org)\n\n\
             <svg><script>alert(1)</script></svg>",
        );
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{html}");
        assert!(!lower.contains("<img"), "{html}");
        assert!(!lower.contains("<svg"), "{html}");
        assert!(!lower.contains("javascript:"), "{html}");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("href=\"https://example.org\""), "{html}");
    }

    #[test]
    fn deeply_nested_markdown_is_refused_at_once() {
        for (source, reason) in [
            ("- ".repeat(10_000) + "x", "lists and quotes"),
            ("> ".repeat(40_000) + "x", "lists and quotes"),
            (
                (0..2_000)
                    .map(|i| format!("{}- x\n", "  ".repeat(i)))
                    .collect(),
                "lists and quotes",
            ),
            (
                format!("{}x{}", "*a ".repeat(2_000), " a*".repeat(2_000)),
                "formatting",
            ),
        ] {
            let started = std::time::Instant::now();
            let Err(err) = markdown("blocks[0].markdownUk", &source) else {
                panic!("{} accepted", &source[..20]);
            };
            assert!(started.elapsed() < std::time::Duration::from_secs(1));
            assert!(
                matches!(&err, DomainError::Invalid { field, reason: r }
                    if field == "blocks[0].markdownUk" && r.starts_with(reason)),
                "{err:?}"
            );
        }
        let fine = format!("{}x", "- ".repeat(MAX_MARKDOWN_LISTS));
        assert!(markdown("f", &fine).unwrap().contains("<li>x</li>"));
    }

    #[test]
    fn clean_drops_event_handlers_and_frames() {
        let html = clean(
            r#"<p onclick="x()">a</p><iframe src="https://e"></iframe><a href="javascript:x">b</a>"#,
        );
        assert_eq!(html, "<p>a</p><a rel=\"noopener noreferrer\">b</a>");
    }

    #[test]
    fn links_allow_only_safe_schemes() {
        assert_eq!(link("f", "/about").unwrap(), "/about");
        assert_eq!(link("f", "https://gov.ua").unwrap(), "https://gov.ua/");
        assert!(link("f", "mailto:rada@example.org").is_ok());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "vbscript:x",
            "ftp://x",
        ] {
            assert!(link("f", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn plain_text_is_trimmed_and_limited() {
        let mut s = "  a \n b  ".to_owned();
        plain("f", &mut s, Limit::Line).unwrap();
        assert_eq!(s, "a b");
        let mut long = "x".repeat(301);
        assert!(plain("f", &mut long, Limit::Line).is_err());
        let mut control = "a\u{0007}".to_owned();
        assert!(plain("f", &mut control, Limit::Line).is_err());
    }
}
