//! Community websites: the editorial workflow through GraphQL, public rendering of every
//! block type and template, sanitization of hostile input, the media library checked by
//! content, the page cache that publishing invalidates, English and the version for visually
//! impaired visitors, and the oblast's view of every site.

use hromada_tests::{TestApp, data, error_code};
use serde_json::{Value, json};

const CREATE_PAGE: &str =
    "mutation($i: CreatePageInput!) { createPage(input: $i) { page { id version status slug } } }";
const UPDATE_PAGE: &str = "mutation($i: UpdatePageInput!) { updatePage(input: $i) { page { id version status hasUnpublishedChanges } } }";
const PUBLISH_PAGE: &str = "mutation($i: PublishInput!) { publishPage(input: $i) { page { id version status publishedAt scheduledAt } } }";

/// Fetches a path on a community's host: (status, body, headers).
pub async fn fetch(
    app: &TestApp,
    community: &str,
    path: &str,
    cookie: Option<&str>,
) -> (u16, String, reqwest::header::HeaderMap) {
    let mut req = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header("Host", format!("{community}.{}", app.config.domain));
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let res = req.send().await.expect("request sent");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, res.text().await.expect("body"), headers)
}

/// Posts `uploadMedia` as a GraphQL multipart request.
pub async fn upload(
    app: &TestApp,
    community: &str,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
    alt: &str,
) -> Value {
    let query = "mutation($i: UploadMediaInput!) { uploadMedia(input: $i) { mediaItem { id kind contentType url width height altUk variants { width url } } } }";
    app.gql_upload(
        community,
        token,
        query,
        json!({ "i": { "file": null, "altUk": alt } }),
        bytes,
        name,
    )
    .await
}

/// A PNG of `w × h` pixels.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("PNG encoding");
    out.into_inner()
}

fn page_id(res: &Value, op: &str) -> (String, i64) {
    let page = &data(res)[op]["page"];
    (
        page["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{res}"))
            .to_owned(),
        page["version"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn an_editor_drafts_previews_publishes_edits_and_restores_a_page() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let c = Some("petrykivska");
    let t = Some(editor.as_str());

    let res = app
        .gql(c, t, CREATE_PAGE, json!({"i": {"slug": "rynok", "titleUk": "Ринок", "titleEn": "Market",
            "blocks": [{"type": "richText", "markdownUk": "Ринок працює **щодня**.", "markdownEn": "The market opens **daily**."}]}}))
        .await;
    let (id, v1) = page_id(&res, "createPage");
    assert_eq!(data(&res)["createPage"]["page"]["status"], "DRAFT");
    let (status, _, _) = fetch(&app, "petrykivska", "/rynok", None).await;
    assert_eq!(status, 404, "a draft is not public");

    // A preview link shows the draft without signing in.
    let res = app
        .gql(c, t, "mutation($i: CreatePreviewLinkInput!) { createPreviewLink(input: $i) { path expiresAt } }",
            json!({"i": {"pageId": id, "validMinutes": 5}}))
        .await;
    let preview = data(&res)["createPreviewLink"]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, body, headers) = fetch(&app, "petrykivska", &preview, None).await;
    assert_eq!(status, 200);
    assert!(body.contains("<strong>щодня</strong>"), "{body}");
    assert!(body.contains("Попередній перегляд"), "the preview says so");
    // Secret: not kept by shared caches, not indexed, no canonical link to itself.
    assert_eq!(headers["cache-control"], "private, no-store");
    assert_eq!(headers["x-robots-tag"], "noindex, nofollow");
    assert!(body.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(!body.contains("rel=\"canonical\""), "{body}");
    assert!(!body.contains(&format!(
        "og:url\" content=\"http://petrykivska.{}{preview}",
        app.config.domain
    )));
    let (status, _, _) = fetch(&app, "petrykivska", "/preview/0123456789abcdef", None).await;
    assert_eq!(status, 404, "an unknown token shows nothing");
    let (status, _, _) = fetch(&app, "tsarychanska", &preview, None).await;
    assert_eq!(
        status, 404,
        "another community's host does not know the token"
    );

    let res = app
        .gql(c, t, PUBLISH_PAGE, json!({"i": {"id": id, "version": v1}}))
        .await;
    assert_eq!(
        data(&res)["publishPage"]["page"]["status"],
        "PUBLISHED",
        "{res}"
    );
    let (status, body, headers) = fetch(&app, "petrykivska", "/rynok", None).await;
    assert_eq!(status, 200);
    assert!(body.contains("Ринок працює"), "{body}");
    assert_eq!(headers["x-page-cache"], "miss");
    // The server dropped the community's pages itself before answering the mutation, and
    // drops them again when PostgreSQL's notification of the same commit reaches it, which
    // on a loaded machine can come after the render above: the page may be rendered once
    // more, and from then on it is served from the cache.
    let mut served = Vec::new();
    for _ in 0..20 {
        let (_, cached, headers) = fetch(&app, "petrykivska", "/rynok", None).await;
        served.push(headers["x-page-cache"].to_str().unwrap_or("").to_owned());
        if served.last().is_some_and(|s| s == "hit") {
            assert_eq!(cached, body, "the cache serves the page as rendered");
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        served.last().map(String::as_str),
        Some("hit"),
        "a published page is served from the cache: {served:?}"
    );
    let (_, en, _) = fetch(&app, "petrykivska", "/en/rynok", None).await;
    assert!(
        en.contains("lang=\"en\"") && en.contains("The market opens"),
        "{en}"
    );

    // Two editors save the same version: the second gets CONFLICT, never an overwrite.
    let edit = |version: i64, text: &str| json!({"i": {"id": id, "version": version, "blocks": [{"type": "richText", "markdownUk": text}]}});
    let res = app
        .gql(c, t, UPDATE_PAGE, edit(v1, "Ринок працює до 14:00."))
        .await;
    let v2 = data(&res)["updatePage"]["page"]["version"]
        .as_i64()
        .unwrap();
    assert_eq!(
        data(&res)["updatePage"]["page"]["hasUnpublishedChanges"],
        true
    );
    let res = app.gql(c, t, UPDATE_PAGE, edit(v1, "Чужа правка")).await;
    assert_eq!(error_code(&res), "CONFLICT", "{res}");
    let (_, body, _) = fetch(&app, "petrykivska", "/rynok", None).await;
    assert!(
        body.contains("щодня"),
        "a saved draft does not change the public page"
    );

    // Publishing invalidates the cache: the new text is there at once.
    app.gql(c, t, PUBLISH_PAGE, json!({"i": {"id": id, "version": v2}}))
        .await;
    let (_, body, headers) = fetch(&app, "petrykivska", "/rynok", None).await;
    assert!(
        body.contains("до 14:00") && !body.contains("щодня"),
        "{body}"
    );
    assert_eq!(headers["x-page-cache"], "miss");

    // Revisions, and restoring the first one.
    let res = app
        .gql(c, t, "query($id: ID!) { pageRevisions(pageId: $id) { edges { node { id version action } } } }",
            json!({"id": id}))
        .await;
    let revisions = data(&res)["pageRevisions"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    let actions: Vec<&str> = revisions
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["publish", "update", "publish", "create"], "{res}");
    let first = revisions.last().unwrap()["node"]["id"].clone();
    let res = app
        .gql(c, t, "mutation($i: RestoreRevisionInput!) { restoreRevision(input: $i) { page { version blocks } } }",
            json!({"i": {"revisionId": first, "version": v2}}))
        .await;
    let v3 = data(&res)["restoreRevision"]["page"]["version"]
        .as_i64()
        .unwrap();
    assert!(
        data(&res)["restoreRevision"]["page"]["blocks"]
            .to_string()
            .contains("щодня")
    );
    app.gql(c, t, PUBLISH_PAGE, json!({"i": {"id": id, "version": v3}}))
        .await;
    let (_, body, _) = fetch(&app, "petrykivska", "/rynok", None).await;
    assert!(
        body.contains("щодня"),
        "the restored version is public after publishing"
    );

    // Unpublish takes it off the site.
    app.gql(
        c,
        t,
        "mutation($i: UnpublishInput!) { unpublishPage(input: $i) { page { status } } }",
        json!({"i": {"id": id}}),
    )
    .await;
    let (status, _, _) = fetch(&app, "petrykivska", "/rynok", None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn bad_blocks_name_the_block_and_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let before = app.count("SELECT count(*) FROM site_page").await;
    let cases = [
        (json!([{"type": "hero"}]), "blocks[0].titleUk"),
        (
            json!([{"type": "richText", "markdownUk": "x"}, {"type": "marquee"}]),
            "blocks[1].type",
        ),
        (
            json!([{"type": "newsList", "count": "five"}]),
            "blocks[0].count",
        ),
        (
            json!([{"type": "newsList", "count": 50}]),
            "blocks[0].count",
        ),
        (
            json!([{"type": "hero", "titleUk": "x", "linkUrl": "javascript:alert(1)", "linkLabelUk": "y"}]),
            "blocks[0].linkUrl",
        ),
        (
            json!([{"type": "embed", "url": "https://evil.example/v.mp4", "titleUk": "Відео"}]),
            "blocks[0].url",
        ),
        (
            json!([{"type": "richText", "markdownUk": "x", "onclick": "alert(1)"}]),
            "blocks[0].onclick",
        ),
        (
            json!([{"type": "image", "mediaId": "01000000-0000-7000-8000-000000000000"}]),
            "blocks[0].mediaId",
        ),
        (
            json!([{"type": "contacts", "phones": ["<script>"]}]),
            "blocks[0].phones[0]",
        ),
    ];
    for (blocks, field) in cases {
        let res = app
            .gql(
                Some("petrykivska"),
                Some(&editor),
                CREATE_PAGE,
                json!({"i": {"slug": "bad", "titleUk": "Погана", "blocks": blocks}}),
            )
            .await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
        let got = res["errors"][0]["extensions"]["field"]
            .as_str()
            .unwrap_or_default();
        assert!(got.starts_with(field), "expected {field}, got {got}: {res}");
    }
    // A slug clash is CONFLICT.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            CREATE_PAGE,
            json!({"i": {"slug": "about", "titleUk": "Дубль"}}),
        )
        .await;
    assert_eq!(error_code(&res), "CONFLICT", "{res}");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            CREATE_PAGE,
            json!({"i": {"slug": "news", "titleUk": "Новини 2"}}),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "slug",
        "reserved: {res}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM site_page").await,
        before,
        "nothing half-written"
    );

    // A page cannot move under its own sub-page; a preview link lives 1 minute to a week.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            "{ pages(first: 100) { edges { node { id slug parentId version } } } }",
            json!({}),
        )
        .await;
    let pages = data(&res)["pages"]["edges"].as_array().unwrap().clone();
    let about = pages
        .iter()
        .find(|p| p["node"]["slug"] == "about" && p["node"]["parentId"].is_null())
        .unwrap()["node"]
        .clone();
    let child = pages
        .iter()
        .find(|p| p["node"]["parentId"] == about["id"])
        .unwrap()["node"]
        .clone();
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            UPDATE_PAGE,
            json!({"i": {"id": about["id"], "version": about["version"], "parentId": child["id"]}}),
        )
        .await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "parentId", "{res}");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            "mutation($i: CreatePreviewLinkInput!) { createPreviewLink(input: $i) { path } }",
            json!({"i": {"pageId": about["id"], "validMinutes": 0}}),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "validMinutes",
        "{res}"
    );

    // Only editors of this community may write.
    let land = app.demo_login("land@petrykivska.hromada.localhost").await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&land),
            CREATE_PAGE,
            json!({"i": {"slug": "x", "titleUk": "X"}}),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    let other = app
        .demo_login("editor@tsarychanska.hromada.localhost")
        .await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&other),
            "{ pages { edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&res),
        "FORBIDDEN",
        "drafts are the community's: {res}"
    );
    let res = app
        .gql(
            Some("petrykivska"),
            None,
            "{ pages { edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&res), "UNAUTHENTICATED", "{res}");
}

#[tokio::test]
async fn hostile_input_never_reaches_a_rendered_page_and_every_block_type_renders() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let c = Some("petrykivska");
    let t = Some(editor.as_str());
    let img = upload(
        &app,
        "petrykivska",
        &editor,
        "square.png",
        png(1100, 700),
        "Квадрат",
    )
    .await;
    let img_id = data(&img)["uploadMedia"]["mediaItem"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{img}"))
        .to_owned();
    let widths: Vec<i64> = data(&img)["uploadMedia"]["mediaItem"]["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["width"].as_i64().unwrap())
        .collect();
    assert_eq!(
        widths,
        vec![480, 960],
        "resized variants narrower than the original"
    );
    let pdf =
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .to_vec();
    let doc = upload(&app, "petrykivska", &editor, "rishennia.pdf", pdf, "").await;
    let doc_id = data(&doc)["uploadMedia"]["mediaItem"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{doc}"))
        .to_owned();
    let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> [клік](javascript:alert(1)) \
                   <svg onload=alert(1)><script>alert(2)</script></svg> <a href=\"javascript:alert(3)\">a</a>";
    let blocks = json!([
        {"type": "hero", "titleUk": "Герой <script>alert(1)</script>", "textUk": "\"><img src=x onerror=alert(1)>",
         "imageId": img_id, "imageAltUk": "Площа", "linkUrl": "/services", "linkLabelUk": "Послуги"},
        {"type": "richText", "markdownUk": format!("## Розділ\n\n{hostile}\n\n[Сайт](https://gov.ua)")},
        {"type": "image", "mediaId": img_id, "altUk": "Вид на раду", "captionUk": "Підпис <b>жирний</b>"},
        {"type": "gallery", "titleUk": "Галерея", "items": [{"mediaId": img_id, "captionUk": "Фото 1"}]},
        {"type": "documents", "titleUk": "Рішення", "items": [{"mediaId": doc_id, "titleUk": "Рішення № 5", "date": "2026-10-01"}]},
        {"type": "contacts", "titleUk": "Приймальня", "addressUk": "вул. Соборна, 3", "phones": ["+380 56 000 11 22"],
         "email": "pryimalnia@example.org", "people": [{"nameUk": "Іван Іваненко", "positionUk": "Голова"}]},
        {"type": "newsList", "titleUk": "Останні новини", "count": 2},
        {"type": "services", "titleUk": "Послуги громади"},
        {"type": "cnapInfo", "titleUk": "Наш ЦНАП"},
        {"type": "map", "titleUk": "Карта майна"},
        {"type": "embed", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "titleUk": "Відеозвернення"}
    ]);
    let res = app
        .gql(
            c,
            t,
            CREATE_PAGE,
            json!({"i": {"slug": "usi-bloky", "titleUk": "Усі блоки <script>x</script>",
            "descriptionUk": "Опис\" onmouseover=\"alert(1)", "blocks": blocks}}),
        )
        .await;
    let (id, v) = page_id(&res, "createPage");
    let res = app
        .gql(c, t, PUBLISH_PAGE, json!({"i": {"id": id, "version": v}}))
        .await;
    assert_eq!(
        data(&res)["publishPage"]["page"]["status"],
        "PUBLISHED",
        "{res}"
    );
    let (status, html, _) = fetch(&app, "petrykivska", "/usi-bloky", None).await;
    assert_eq!(status, 200);
    let lower = html.to_lowercase();
    // The only script elements are the JSON-LD data block and the site's own script (the
    // menu button); hostile markup survives only as escaped text.
    let own = lower.matches("<script src=\"/assets/site.").count();
    assert_eq!(own, 1, "{html}");
    assert_eq!(lower.matches("<script").count(), 2, "{html}");
    assert!(lower.contains("<script type=\"application/ld+json\">"));
    // An attribute named on… inside a tag (quoted attribute values skipped).
    let handler = regex::Regex::new(
        r#"<[a-z][a-z0-9]*(\s+[a-z:-]+(\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?)*\s+on[a-z]+\s*="#,
    )
    .unwrap();
    assert!(
        !handler.is_match(&lower),
        "an event handler reached the page: {html}"
    );
    let js_link =
        regex::Regex::new(r#"<[a-z][^<>]*\s(href|src|action)\s*=\s*["']?\s*javascript:"#).unwrap();
    assert!(
        !js_link.is_match(&lower),
        "a javascript: link reached the page: {html}"
    );
    assert!(
        !lower.contains("<svg") && !lower.contains("<img src=x"),
        "{html}"
    );
    assert_eq!(
        lower.matches("<iframe").count(),
        2,
        "only the map and the allowed video"
    );
    assert!(
        html.contains("&lt;script&gt;"),
        "plain text is escaped, not dropped"
    );
    for marker in [
        "class=\"block hero\"",
        "<h3>Розділ</h3>",
        "href=\"https://gov.ua\"",
        "class=\"block image\"",
        "alt=\"Вид на раду\"",
        "class=\"block gallery\"",
        "alt=\"Квадрат\"",
        "Рішення № 5",
        "(PDF",
        "class=\"block contacts\"",
        "tel:+380560001122",
        "Іван Іваненко",
        "class=\"block news-list\"",
        "class=\"block services\"",
        "class=\"block cnap-info\"",
        "class=\"block map\"",
        "src=\"/map\"",
        "youtube-nocookie.com",
        "title=\"Відеозвернення\"",
        " 480w",
        "Підпис &lt;b&gt;жирний&lt;/b&gt;",
    ] {
        assert!(html.contains(marker), "missing {marker}: {html}");
    }

    // The image itself: by content hash, cached for a year, not sniffable as anything else.
    let src = regex::Regex::new(r#"src="(/media[^"]+)""#).unwrap();
    let first = src.captures(&html).unwrap()[1].to_owned();
    let res = app
        .http
        .get(format!("{}{first}", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let res = app
        .http
        .get(format!("{}{first}", app.base_url))
        .header("Host", format!("tsarychanska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        404,
        "another community's host does not serve it"
    );
}

#[tokio::test]
async fn uploads_are_checked_by_content_and_images_need_alt_text_to_be_published() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let media_before = app.count("SELECT count(*) FROM site_media").await;
    let files_before = walk(&app.config.files_dir);
    let pdf = b"%PDF-1.7\n%binary\n1 0 obj\n<<>>\nendobj\n".to_vec();
    let svg =
        br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec();
    let mut elf =
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00".to_vec();
    elf.resize(4096, 0);
    let mut big = png(8, 8);
    big.resize(16 * 1024 * 1024, 0);
    for (name, bytes, why) in [
        ("photo.png", pdf, "application/pdf"),
        ("logo.svg", svg.clone(), "SVG"),
        ("logo.png", svg, "SVG"),
        ("report.pdf", elf, "not accepted"),
        ("huge.png", big, "limit"),
        ("broken.png", png(40, 40)[..60].to_vec(), "cannot be read"),
    ] {
        let res = upload(&app, "petrykivska", &editor, name, bytes, "alt").await;
        assert_eq!(error_code(&res), "BAD_USER_INPUT", "{name}: {res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], "file", "{res}");
        let msg = res["errors"][0]["message"].as_str().unwrap();
        assert!(msg.contains(why), "{name}: {msg}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM site_media").await,
        media_before
    );
    assert_eq!(walk(&app.config.files_dir), files_before, "nothing stored");

    // An image without alternative text can be placed but not published.
    let res = upload(&app, "petrykivska", &editor, "no-alt.png", png(20, 20), "").await;
    let media = data(&res)["uploadMedia"]["mediaItem"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .gql(Some("petrykivska"), Some(&editor), CREATE_PAGE,
            json!({"i": {"slug": "foto", "titleUk": "Фото", "blocks": [{"type": "image", "mediaId": media}]}}))
        .await;
    let (id, v) = page_id(&res, "createPage");
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            PUBLISH_PAGE,
            json!({"i": {"id": id, "version": v}}),
        )
        .await;
    assert_eq!(error_code(&res), "BAD_USER_INPUT", "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "blocks[0].altUk");
    app.gql(
        Some("petrykivska"),
        Some(&editor),
        "mutation($i: UpdateMediaInput!) { updateMedia(input: $i) { mediaItem { altUk } } }",
        json!({"i": {"id": media, "title": "", "altUk": "Сільська рада взимку"}}),
    )
    .await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            PUBLISH_PAGE,
            json!({"i": {"id": id, "version": v}}),
        )
        .await;
    assert_eq!(
        data(&res)["publishPage"]["page"]["status"],
        "PUBLISHED",
        "{res}"
    );
    let (_, html, _) = fetch(&app, "petrykivska", "/foto", None).await;
    assert!(html.contains("alt=\"Сільська рада взимку\""), "{html}");
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn sites_render_in_both_templates_with_sitemap_feed_robots_english_and_the_accessible_version()
 {
    let app = TestApp::spawn().await;
    // `standard` (petrykivska) has sub-pages; `compact` (tsarychanska) is one level.
    let (status, html, _) = fetch(&app, "petrykivska", "/about/leadership", None).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("aria-label=\"Ви тут\"") && html.contains("Олександр Бондаренко"),
        "{html}"
    );
    let (status, _, _) = fetch(&app, "tsarychanska", "/about/leadership", None).await;
    assert_eq!(status, 404, "the compact template has no sub-pages");
    let (status, html, _) = fetch(&app, "tsarychanska", "/about", None).await;
    assert_eq!(status, 200);
    assert!(html.contains("scheme-green"), "its own theme");
    for (community, path) in [
        ("petrykivska", "/"),
        ("tsarychanska", "/"),
        ("kryvorizka", "/services"),
    ] {
        let (status, html, _) = fetch(&app, community, path, None).await;
        assert_eq!(status, 200, "{community}{path}");
        for landmark in [
            "<header",
            "<nav",
            "<main id=\"main\"",
            "<footer",
            "class=\"skip-link\" href=\"#main\"",
            "<meta name=\"description\"",
            "og:title",
            "GovernmentOrganization",
            "<h1>",
        ] {
            assert!(html.contains(landmark), "{community}{path}: {landmark}");
        }
    }
    let (_, services, _) = fetch(&app, "petrykivska", "/services", None).await;
    assert!(
        services.contains("календарних днів") || services.contains("робочих днів"),
        "the services block shows each card's term: {services}"
    );
    let (_, sitemap, headers) = fetch(&app, "petrykivska", "/sitemap.xml", None).await;
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    assert!(
        sitemap.contains("/about/leadership</loc>")
            && sitemap.contains("/news/remont-dorohy</loc>"),
        "{sitemap}"
    );
    assert!(sitemap.contains("hreflang=\"en\""));
    let (_, rss, _) = fetch(&app, "petrykivska", "/news/rss.xml", None).await;
    assert!(
        rss.contains("<rss version=\"2.0\"") && rss.contains("Завершено ремонт дороги"),
        "{rss}"
    );
    let (_, robots, _) = fetch(&app, "petrykivska", "/robots.txt", None).await;
    assert!(robots.contains("Sitemap: ") && robots.contains("Disallow: /preview/"));
    let (status, html, _) = fetch(&app, "petrykivska", "/no/such/page", None).await;
    assert_eq!(status, 404);
    assert!(
        html.contains("Сторінку не знайдено") && html.contains("<nav"),
        "the site's own 404"
    );
    let (_, en, _) = fetch(&app, "petrykivska", "/en/budget", None).await;
    assert!(
        en.contains("<html lang=\"en\"") && en.contains("Budget and finances"),
        "{en}"
    );
    let (_, en, _) = fetch(&app, "petrykivska", "/en/news/hrafik-tsnap-sviata", None).await;
    assert!(
        en.contains("not been translated"),
        "untranslated news says so: {en}"
    );

    // The version for visually impaired visitors: switched by a link, remembered in a cookie.
    let res = app
        .http
        .get(format!(
            "{}/a11y?mode=on&size=2&images=0&back=%2Fabout",
            app.base_url
        ))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/about");
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let (_, html, _) = fetch(&app, "petrykivska", "/about", Some(&cookie)).await;
    assert!(
        html.contains("class=\"scheme-blue a11y a11y-size-2 a11y-noimg\""),
        "{html}"
    );
    assert!(!html.contains("<img"), "no images in that version");
    assert!(
        html.contains("[Центральна площа громади]"),
        "their alternative text instead"
    );
    let (_, normal, _) = fetch(&app, "petrykivska", "/about", None).await;
    assert!(
        normal.contains("<img"),
        "the cache keeps the two versions apart"
    );
    let res = app
        .http
        .get(format!(
            "{}/a11y?mode=on&back=https%3A%2F%2Fevil.example",
            app.base_url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/", "no open redirect");

    // The site's search over published content.
    let (_, found, _) = fetch(
        &app,
        "petrykivska",
        "/search?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82",
        None,
    )
    .await;
    assert!(
        found.contains("<mark>") && found.contains("href=\"/budget\""),
        "{found}"
    );

    // An unknown host gets the platform's 404, never a community's site.
    let res = app
        .http
        .get(format!("{}/about", app.base_url))
        .header("Host", "nobody.example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let body = res.text().await.unwrap();
    assert!(
        !body.contains("громада</span>") && body.contains("немає сайту"),
        "{body}"
    );
}

#[tokio::test]
async fn news_menus_theme_schedules_and_the_oblast_view() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let c = Some("petrykivska");

    let res = app
        .gql(c, Some(&editor), "mutation($i: CreateNewsPostInput!) { createNewsPost(input: $i) { newsPost { id version status } } }",
            json!({"i": {"slug": "yarmarok", "titleUk": "Осінній ярмарок", "leadUk": "Запрошуємо на ярмарок",
                         "bodyUk": "Ярмарок відбудеться **в суботу**.", "tags": ["podii"]}}))
        .await;
    let news = data(&res)["createNewsPost"]["newsPost"].clone();
    let res = app
        .gql(
            c,
            Some(&editor),
            "mutation($i: PublishInput!) { publishNewsPost(input: $i) { newsPost { status } } }",
            json!({"i": {"id": news["id"], "version": news["version"]}}),
        )
        .await;
    assert_eq!(
        data(&res)["publishNewsPost"]["newsPost"]["status"],
        "PUBLISHED",
        "{res}"
    );
    let (_, list, _) = fetch(&app, "petrykivska", "/news?tag=podii", None).await;
    assert!(
        list.contains("Осінній ярмарок") && !list.contains("ремонт дороги"),
        "{list}"
    );
    let (_, item, _) = fetch(&app, "petrykivska", "/news/yarmarok", None).await;
    assert!(
        item.contains("<strong>в суботу</strong>") && item.contains("og:type\" content=\"article"),
        "{item}"
    );
    let (_, home, _) = fetch(&app, "petrykivska", "/", None).await;
    assert!(
        home.contains("Осінній ярмарок"),
        "the home page's news list is live"
    );

    // Scheduled publishing: visible only from its time on (the cache does not outlive it).
    let res = app
        .gql(
            c,
            Some(&editor),
            CREATE_PAGE,
            json!({"i": {"slug": "zyma", "titleUk": "Зима",
            "blocks": [{"type": "richText", "markdownUk": "Зимовий розклад"}]}}),
        )
        .await;
    let (id, v) = page_id(&res, "createPage");
    let at = (chrono::Utc::now() + chrono::Duration::seconds(3)).to_rfc3339();
    let res = app
        .gql(
            c,
            Some(&editor),
            PUBLISH_PAGE,
            json!({"i": {"id": id, "version": v, "at": at}}),
        )
        .await;
    assert_eq!(
        data(&res)["publishPage"]["page"]["status"],
        "SCHEDULED",
        "{res}"
    );
    let (status, _, _) = fetch(&app, "petrykivska", "/zyma", None).await;
    assert_eq!(status, 404);
    let (_, home, _) = fetch(&app, "petrykivska", "/sitemap.xml", None).await;
    assert!(!home.contains("/zyma<"));
    tokio::time::sleep(std::time::Duration::from_millis(3500)).await;
    let (status, body, _) = fetch(&app, "petrykivska", "/zyma", None).await;
    assert_eq!(status, 200, "due at its time");
    assert!(body.contains("Зимовий розклад"));

    // Menus: checked links, nested items.
    let res = app
        .gql(c, None, "{ menus { key version items } }", json!({}))
        .await;
    let main = data(&res)["menus"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == "main")
        .unwrap()
        .clone();
    let res = app
        .gql(c, Some(&editor), "mutation($i: UpdateMenuInput!) { updateMenu(input: $i) { menu { version } } }",
            json!({"i": {"key": "MAIN", "version": main["version"], "items": [{"labelUk": "Погано", "url": "javascript:alert(1)"}]}}))
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "items[0].url",
        "{res}"
    );
    let res = app
        .gql(c, Some(&editor), "mutation($i: UpdateMenuInput!) { updateMenu(input: $i) { menu { version } } }",
            json!({"i": {"key": "MAIN", "version": main["version"], "items": [
                {"labelUk": "Зима", "pageId": id}, {"labelUk": "Більше", "children": [{"labelUk": "Держпортал", "url": "https://diia.gov.ua"}]}]}}))
        .await;
    assert!(res["errors"].is_null(), "{res}");
    let (_, home, _) = fetch(&app, "petrykivska", "/", None).await;
    assert!(
        home.contains(">Зима</a>") && home.contains("href=\"https://diia.gov.ua/\""),
        "{home}"
    );

    // The theme is the community admin's: an editor may not change it.
    let site = app
        .gql(c, None, "{ site { version theme { scheme } } }", json!({}))
        .await;
    let version = data(&site)["site"]["version"].clone();
    let theme =
        "mutation($i: UpdateThemeInput!) { updateTheme(input: $i) { site { theme { scheme } } } }";
    let res = app
        .gql(
            c,
            Some(&editor),
            theme,
            json!({"i": {"version": version, "scheme": "green"}}),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
    let res = app
        .gql(
            c,
            Some(&admin),
            theme,
            json!({"i": {"version": version, "scheme": "neon"}}),
        )
        .await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "scheme");
    let res = app
        .gql(
            c,
            Some(&admin),
            theme,
            json!({"i": {"version": version, "scheme": "graphite"}}),
        )
        .await;
    assert_eq!(
        data(&res)["updateTheme"]["site"]["theme"]["scheme"],
        "graphite",
        "{res}"
    );
    let (_, home, _) = fetch(&app, "petrykivska", "/", None).await;
    assert!(
        home.contains("scheme-graphite"),
        "the theme change is visible at once"
    );

    // The oblast sees every community's site and what is missing.
    let oblast = app.demo_login("oblast.supervisor@hromada.localhost").await;
    let res = app
        .gql(Some("dnipropetrovska"), Some(&oblast),
            "{ communitySites { edges { node { community { slug } template pagesPublished newsPublished missingSections complete lastUpdate } } } }",
            json!({}))
        .await;
    let sites = data(&res)["communitySites"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{res}"))
        .clone();
    assert_eq!(sites.len(), 3, "{res}");
    let petr = sites
        .iter()
        .find(|s| s["node"]["community"]["slug"] == "petrykivska")
        .unwrap();
    assert_eq!(petr["node"]["template"], "standard");
    assert!(petr["node"]["pagesPublished"].as_i64().unwrap() >= 20);
    assert_eq!(
        petr["node"]["newsPublished"], 5,
        "four demo items and the one above"
    );
    assert_eq!(
        petr["node"]["missingSections"],
        json!([]),
        "the demo fills every mandatory section: {petr}"
    );
    assert_eq!(petr["node"]["complete"], true);
    let res = app
        .gql(
            c,
            Some(&admin),
            "{ communitySites { edges { node { complete } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&res),
        "FORBIDDEN",
        "communities do not see each other"
    );
}

#[tokio::test]
async fn a_new_community_gets_a_site_from_the_template_the_oblast_picks() {
    let app = TestApp::spawn().await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let create =
        "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { slug } } }";
    let input = |template: &str| {
        json!({"i": {"slug": "mahdalynivska", "katottg": "UA12100050000045992", "nameUk": "Магдалинівська селищна громада",
                     "nameEn": "Mahdalynivka Hromada", "adminEmail": "admin@mahdalynivka.example.org", "siteTemplate": template}})
    };
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            create,
            input("fancy"),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "siteTemplate",
        "{res}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM tenant WHERE slug = 'mahdalynivska'")
            .await,
        0
    );

    // The oblast adds a template of its own and a community starts from it.
    let res = app
        .gql(Some("dnipropetrovska"), Some(&oblast),
            "mutation($i: CreateSiteTemplateInput!) { createSiteTemplate(input: $i) { template { key builtin } } }",
            json!({"i": {"key": "village", "nameUk": "Сільський", "sections": [
                {"slug": "", "titleUk": "{community}", "blocks": [{"type": "newsList", "count": 3}]},
                {"key": "about", "slug": "about", "titleUk": "Про {community}"}]}}))
        .await;
    assert_eq!(
        data(&res)["createSiteTemplate"]["template"]["key"],
        "village",
        "{res}"
    );
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            create,
            input("village"),
        )
        .await;
    assert!(res["errors"].is_null(), "{res}");
    let (status, html, _) = fetch(&app, "mahdalynivska", "/about", None).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<h1>Про Магдалинівська селищна громада</h1>"),
        "{html}"
    );
}

#[tokio::test]
async fn media_live_in_a_real_s3_server() {
    let Some(s3) = hromada_tests::s3::S3Server::start().await else {
        panic!("s3s-fs is not installed: run infra/setup.sh --test");
    };
    let app = TestApp::spawn_with(|c| {
        c.s3_bucket = Some(s3.bucket.clone());
        c.s3_endpoint = Some(s3.endpoint());
        c.s3_access_key = Some(s3.access_key.clone());
        c.s3_secret_key = Some(s3.secret_key.clone());
    })
    .await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let res = upload(
        &app,
        "petrykivska",
        &editor,
        "s3.png",
        png(600, 300),
        "Через S3",
    )
    .await;
    let item = data(&res)["uploadMedia"]["mediaItem"].clone();
    assert_eq!(item["contentType"], "image/png", "{res}");
    let stored = s3.objects();
    assert!(
        stored
            .iter()
            .any(|k| k.ends_with(".png") && !k.contains("-w")),
        "original in the bucket: {stored:?}"
    );
    assert!(
        stored.iter().any(|k| k.ends_with("-w480.jpg")),
        "variant in the bucket: {stored:?}"
    );
    assert!(
        walk(&app.config.files_dir).is_empty(),
        "nothing on the local disk"
    );
    let url = item["url"].as_str().unwrap();
    let res = app
        .http
        .get(format!("{}{url}", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "served back from S3");
    // The demo's own media went to S3 too.
    assert!(s3.objects().len() >= 6);
}

#[tokio::test]
async fn published_pages_pass_axe_wcag_2_1_aa_in_chromium() {
    let app = TestApp::spawn().await;
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    // Chromium resolves every *.localhost name to the loopback address.
    let site = format!("http://petrykivska.{}:{port}", app.config.domain);
    let pages = [
        format!("{site}/"),
        format!("{site}/about"),
        format!("{site}/news/gromadskyi-biudzhet-2027"),
        format!("{site}/en/budget"),
        format!("{site}/about|hromada_a11y=1.3.0"),
        format!("{site}/|hromada_a11y=1.1.1"),
    ];
    hromada_tests::assert_axe_clean(&pages).await;
}

#[tokio::test]
async fn the_platforms_own_address_names_the_oblasts_it_serves() {
    let app = TestApp::spawn().await;
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    let bare = format!("http://{}:{port}", app.config.domain);
    let get = |host: String, path: &'static str| {
        let req = app
            .http
            .get(format!("{}{path}", app.base_url))
            .header("Host", host);
        async move {
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            (status, res.text().await.unwrap())
        }
    };
    let host = format!("{}:{port}", app.config.domain);

    // Every active oblast with a link to its portal and its communities counted, in Ukrainian.
    let oblasts = app
        .count("SELECT count(*) FROM tenant WHERE kind = 'oblast' AND status = 'active'")
        .await;
    let communities = app
        .count(
            "SELECT count(*) FROM tenant c JOIN tenant o ON o.id = c.parent_id \
             WHERE o.slug = 'dnipropetrovska' AND c.status = 'active'",
        )
        .await;
    let (status, uk) = get(host.clone(), "/").await;
    assert_eq!(status, 200, "{uk}");
    assert!(uk.contains("<html lang=\"uk\""), "{uk}");
    assert_eq!(
        uk.matches("<li class=\"card\">").count() as i64,
        oblasts,
        "{uk}"
    );
    assert!(
        uk.contains(&format!(
            "href=\"http://dnipropetrovska.{}:{port}\"",
            app.config.domain
        )),
        "{uk}"
    );
    let counted = hromada_site_builder::plural::uk(
        communities as u64,
        hromada_site_builder::plural::Uk {
            one: "громада",
            few: "громади",
            many: "громад",
        },
    );
    assert!(uk.contains(&counted), "{counted}: {uk}");
    assert!(uk.contains("href=\"/admin/\""), "{uk}");

    // In English, with the Ukrainian name marked as Ukrainian.
    let (status, en) = get(host.clone(), "/en").await;
    assert_eq!(status, 200, "{en}");
    assert!(en.contains("<html lang=\"en\""), "{en}");
    assert!(
        en.contains("communities") || en.contains("community"),
        "{en}"
    );

    // The console answers there; other paths and other hosts are the platform's 404.
    let (status, console) = get(host.clone(), "/admin/").await;
    assert_eq!(status, 200, "{console}");
    let (status, _) = get(host.clone(), "/about").await;
    assert_eq!(status, 404);
    let (status, body) = get("nobody.example.org".into(), "/").await;
    assert_eq!(status, 404);
    assert!(body.contains("немає сайту"), "{body}");

    // Both languages pass axe in Chromium.
    hromada_tests::assert_axe_clean(&[format!("{bare}/"), format!("{bare}/en")]).await;
}

#[tokio::test]
async fn text_answers_are_compressed_images_are_not_and_every_host_has_an_icon() {
    let app = TestApp::spawn().await;
    let get = |path: &str, encoding: Option<&str>| {
        let mut req = app
            .http
            .get(format!("{}{path}", app.base_url))
            .header("Host", format!("petrykivska.{}", app.config.domain));
        if let Some(e) = encoding {
            req = req.header("Accept-Encoding", e);
        }
        req.send()
    };
    let plain = get("/", None).await.expect("sent");
    assert!(plain.headers().get("content-encoding").is_none());
    let home = plain.text().await.expect("the home page");
    for encoding in ["gzip", "br"] {
        let res = get("/", Some(encoding)).await.expect("sent");
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-encoding"], encoding);
        assert!(
            res.headers().get_all("vary").iter().any(|v| v
                .to_str()
                .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))),
            "{:?}",
            res.headers()
        );
        let bytes = res.bytes().await.expect("a body");
        assert!(
            bytes.len() * 2 < home.len(),
            "{encoding}: {} bytes of {}",
            bytes.len(),
            home.len()
        );
    }
    // MapLibre, the largest script the sites send.
    let map = get("/map", None)
        .await
        .expect("sent")
        .text()
        .await
        .expect("the map page");
    let script = regex::Regex::new(r#"/assets/[^"]*maplibre-gl[^"]*\.js"#)
        .expect("a pattern")
        .find(&map)
        .expect("the map page loads MapLibre")
        .as_str()
        .to_owned();
    let whole = get(&script, None)
        .await
        .expect("sent")
        .bytes()
        .await
        .expect("js");
    let res = get(&script, Some("gzip, br")).await.expect("sent");
    assert!(res.headers().get("content-encoding").is_some());
    let sent = res.bytes().await.expect("js").len();
    assert!(
        sent * 3 < whole.len(),
        "maplibre-gl.js sent as {sent} of {} bytes",
        whole.len()
    );
    // An image is sent as it is.
    let image = regex::Regex::new(r#"/media/[^"]+\.(png|jpg|jpeg|webp)"#)
        .expect("a pattern")
        .find(&home)
        .expect("the home page shows an image")
        .as_str()
        .to_owned();
    let res = get(&image, Some("gzip, br")).await.expect("sent");
    assert_eq!(res.status(), 200, "{image}");
    assert!(res.headers().get("content-encoding").is_none(), "{image}");

    // `/favicon.ico`: the community's own icon, the platform's elsewhere.
    let res = get("/favicon.ico", None).await.expect("sent");
    assert_eq!(res.status(), 302);
    let own = res.headers()["location"]
        .to_str()
        .expect("a path")
        .to_owned();
    assert!(own.starts_with("/media/"), "{own}");
    assert!(home.contains(&own), "the page's icon link is {own}");
    assert_eq!(get(&own, None).await.expect("sent").status(), 200);
    let res = app
        .http
        .get(format!("{}/favicon.ico", app.base_url))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/x-icon");
    let icon = res.bytes().await.expect("an icon");
    assert_eq!(&icon[..4], &[0, 0, 1, 0], "an ICO file");
}

#[tokio::test]
async fn site_search_finds_word_forms_and_pages_say_their_language_dates_and_tags() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let c = Some("petrykivska");
    let res = app
        .gql(
            c,
            Some(&editor),
            CREATE_PAGE,
            json!({"i": {"slug": "remont", "titleUk": "Ремонт доріг у громаді",
                "descriptionUk": "Графік ремонту доріг і приймання електронних петицій до ради"}}),
        )
        .await;
    let (id, v) = page_id(&res, "createPage");
    let res = app
        .gql(
            c,
            Some(&editor),
            PUBLISH_PAGE,
            json!({"i": {"id": id, "version": v}}),
        )
        .await;
    assert_eq!(
        data(&res)["publishPage"]["page"]["status"],
        "PUBLISHED",
        "{res}"
    );
    // The nominative finds the genitive plural ("дорога" → "доріг", "петиція" → "петицій"),
    // which the words as written never matched.
    for q in ["дорога", "петиція", "Ремонт дорога", "дороги"] {
        let (status, found, _) = fetch(
            &app,
            "petrykivska",
            &format!("/search?q={}", urlencoding(q)),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert!(found.contains("href=\"/remont\""), "{q}: {found}");
    }
    let (_, found, _) = fetch(
        &app,
        "petrykivska",
        &format!("/search?q={}", urlencoding("вертоліт")),
        None,
    )
    .await;
    assert!(
        !found.contains("href=\"/remont\""),
        "an unrelated word finds nothing"
    );

    // The page has no English: on the English site its Ukrainian says so (WCAG 3.1.2).
    let (status, page, _) = fetch(&app, "petrykivska", "/en/remont", None).await;
    assert_eq!(status, 200);
    assert!(page.contains("<html lang=\"en\""), "the page is English");
    assert!(
        page.contains("<h1 lang=\"uk\">Ремонт доріг у громаді</h1>"),
        "{page}"
    );
    assert!(page.contains("<p class=\"lead\" lang=\"uk\">"), "{page}");
    let (_, page, _) = fetch(&app, "petrykivska", "/remont", None).await;
    assert!(
        page.contains("<h1>Ремонт доріг у громаді</h1>"),
        "no lang on a Ukrainian page"
    );

    // News dates as Ukrainians and English readers write them; tags by their labels.
    let (_, news, _) = fetch(&app, "petrykivska", "/news", None).await;
    let months_uk = regex::Regex::new(r#"<time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} (січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня) \d{4} р\.</time>"#).expect("a pattern");
    assert!(months_uk.is_match(&news), "{news}");
    assert!(news.contains(">#Бюджет</a>"), "a tag's label: {news}");
    let (_, news, _) = fetch(&app, "petrykivska", "/en/news", None).await;
    let months_en = regex::Regex::new(r#"<time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}</time>"#).expect("a pattern");
    assert!(months_en.is_match(&news), "{news}");
    assert!(news.contains(">#Budget</a>"), "{news}");

    // Covers on the news list; the logo is the og:image of a page without its own.
    let (_, news, _) = fetch(&app, "petrykivska", "/news", None).await;
    assert!(
        news.contains("<figure class=\"cover\"><img src=\"/media/"),
        "{news}"
    );
    let (_, page, _) = fetch(&app, "petrykivska", "/remont", None).await;
    assert!(
        regex::Regex::new(r#"<meta property="og:image" content="http[^"]+/media/[^"]+">"#)
            .expect("a pattern")
            .is_match(&page),
        "{page}"
    );
    // The feed dates each item as its readers know it, not all by when the demo loaded.
    let (_, rss, _) = fetch(&app, "petrykivska", "/news/rss.xml", None).await;
    let dates: std::collections::BTreeSet<String> =
        regex::Regex::new(r"<pubDate>([^<]+)</pubDate>")
            .expect("a pattern")
            .captures_iter(&rss)
            .map(|c| c[1][..16].to_owned())
            .collect();
    assert!(dates.len() >= 3, "{dates:?}");
}

fn urlencoding(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn every_published_service_has_a_page_on_its_communitys_site() {
    let app = TestApp::spawn().await;
    let (status, list, _) = fetch(&app, "petrykivska", "/services", None).await;
    assert_eq!(status, 200);
    let link = regex::Regex::new(r#"href="(/services/[0-9a-f-]{36})""#).expect("a pattern");
    let hrefs: Vec<String> = link.captures_iter(&list).map(|c| c[1].to_owned()).collect();
    assert!(
        hrefs.len() >= 3,
        "the list links its services' pages: {list}"
    );
    assert!(
        !list.contains(".jsonld\">"),
        "no service links to raw JSON-LD"
    );
    let jsonld =
        regex::Regex::new(r#"application/ld\+json">[^<]*GovernmentService"#).expect("a pattern");
    for href in hrefs.iter().take(3) {
        let id = &href["/services/".len()..];
        let published = app
            .count(&format!(
                "SELECT count(*) FROM public_service WHERE service_id = '{id}'"
            ))
            .await;
        assert_eq!(published, 1, "{href} is a published service");
        let (status, page, _) = fetch(&app, "petrykivska", href, None).await;
        assert_eq!(status, 200, "{href}");
        let head = page.split("</head>").next().unwrap_or_default();
        assert!(jsonld.is_match(head), "{href}: JSON-LD in the head: {head}");
        assert!(
            page.contains("Строк") || page.contains("Термін"),
            "{href}: the term"
        );
        assert!(
            page.contains(&format!("/open-data/services/{id}.jsonld")),
            "{href}: the data stays"
        );
        let (status, english, _) = fetch(&app, "petrykivska", &format!("/en{href}"), None).await;
        assert_eq!(status, 200);
        assert!(english.contains("<html lang=\"en\""));
    }
    // Another community's card, and an unknown one, are not this site's pages.
    let foreign = app
        .count(
            "SELECT count(*) FROM public_service p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = 'tsarychanska'",
        )
        .await;
    assert!(foreign > 0);
    let other: Value = app
        .gql(
            Some("tsarychanska"),
            None,
            "{ services(first: 1) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let other_id = data(&other)["services"]["edges"][0]["node"]["id"]
        .as_str()
        .expect("a service of Tsarychanka")
        .to_owned();
    let (status, _, _) = fetch(&app, "petrykivska", &format!("/services/{other_id}"), None).await;
    assert_eq!(status, 404);
    let (status, _, _) = fetch(
        &app,
        "petrykivska",
        "/services/00000000-0000-0000-0000-000000000000",
        None,
    )
    .await;
    assert_eq!(status, 404);
    // The page passes axe with the site's host.
    let site = format!(
        "http://petrykivska.{}:{}",
        app.config.domain,
        app.base_url.rsplit(':').next().unwrap_or_default()
    );
    let host_pages = [
        format!("{site}{}", hrefs[0]),
        format!("{site}/en{}", hrefs[0]),
    ];
    hromada_tests::assert_axe_clean(&host_pages).await;
}

#[tokio::test]
async fn on_a_320_px_phone_nothing_scrolls_sideways_the_menu_folds_and_skip_links_show() {
    let app = TestApp::spawn().await;
    let port = app
        .base_url
        .rsplit(':')
        .next()
        .unwrap_or_default()
        .to_owned();
    let site = format!("http://petrykivska.{}:{port}", app.config.domain);
    let bare = format!("http://{}:{port}", app.config.domain);
    let site_pages = [
        format!("{site}/"),
        format!("{site}/about"),
        format!("{site}/search?q=%D0%A6%D0%9D%D0%90%D0%9F"),
        format!("{site}/news"),
        format!("{site}/en/services"),
    ];
    let mut pages: Vec<String> = site_pages.to_vec();
    pages.push(format!("{site}/map"));
    pages.push(format!("{bare}/password-reset?token=x"));
    let results = hromada_tests::narrow_layout(&pages).await;
    assert_eq!(results.len(), pages.len());
    for r in &results {
        assert_eq!(r["status"], 200, "{r}");
        assert!(
            r["overflow"].as_i64().is_some_and(|o| o <= 0),
            "scrolls sideways: {r}"
        );
        assert!(
            r["skip"]["visible"] == true,
            "the skip link shows when focused: {r}"
        );
    }
    for r in &results[..site_pages.len()] {
        assert_eq!(r["toggle"], true, "the menu folds behind a button: {r}");
        assert!(
            r["h1Top"].as_i64().is_some_and(|top| top < 600),
            "the heading starts within the first screen: {r}"
        );
    }
    hromada_tests::assert_axe_clean(&[
        format!("{site}/"),
        format!("{site}/map"),
        format!("{site}/en/map"),
    ])
    .await;
}
