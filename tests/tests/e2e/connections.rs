//! Every connection of the schema pages the same way: walking it with small pages after each
//! `endCursor` returns exactly what one big walk returns, in the same order, each item once;
//! and asking after the last cursor returns nothing.

use hromada_tests::{TestApp, data};
use serde_json::{Value, json};

/// How many items a walk reads at most (the demo's layers hold more features than that).
const CAP: usize = 300;

/// Walks `field` (with its other arguments `args`, e.g. `layerId: "…"`) `size` items at a
/// time, `key` naming each node (a selection whose JSON tells nodes apart). Returns the keys in
/// order and the last cursor when the walk reached the end.
async fn walk(
    app: &TestApp,
    host: Option<&str>,
    token: Option<&str>,
    field: &str,
    args: &str,
    key: &str,
    size: usize,
) -> (Vec<String>, Option<String>) {
    let mut keys = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let query = format!(
            "query($after: String) {{ {field}({args}{}first: {size}, after: $after) \
             {{ edges {{ cursor node {{ {key} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            separator(args)
        );
        let res = app
            .gql(host, token, &query, json!({ "after": after }))
            .await;
        let conn = &data(&res)[field];
        let edges = conn["edges"].as_array().cloned().unwrap_or_default();
        assert!(
            edges.len() <= size,
            "{field}: {} edges for first: {size}",
            edges.len()
        );
        for e in &edges {
            keys.push(e["node"].to_string());
        }
        let end = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
        if conn["pageInfo"]["hasNextPage"] != json!(true) {
            return (keys, end.or(after));
        }
        assert!(
            !edges.is_empty(),
            "{field}: an empty page says it has a next one"
        );
        assert_eq!(
            end.as_deref(),
            edges.last().and_then(|e| e["cursor"].as_str()),
            "{field}: endCursor is the last edge's cursor"
        );
        if keys.len() >= CAP {
            return (keys, None);
        }
        after = end;
    }
}

/// The three checks on one connection; returns how many items it walked.
async fn check(
    app: &TestApp,
    host: Option<&str>,
    token: Option<&str>,
    field: &str,
    args: &str,
    key: &str,
) -> usize {
    let (small, small_end) = walk(app, host, token, field, args, key, 2).await;
    let (big, big_end) = walk(app, host, token, field, args, key, 100).await;
    let n = small.len().min(big.len());
    assert_eq!(
        small[..n],
        big[..n],
        "{field}: pages of 2 and of 100 disagree"
    );
    let mut seen = std::collections::HashSet::new();
    for k in &small {
        assert!(seen.insert(k), "{field}: {k} came twice in pages of 2");
    }
    if let (Some(end), Some(_)) = (small_end, big_end) {
        assert_eq!(
            small.len(),
            big.len(),
            "{field}: the walks ended at different lengths"
        );
        let query = format!(
            "query($after: String) {{ {field}({args}{}first: 100, after: $after) \
             {{ edges {{ cursor }} pageInfo {{ hasNextPage }} }} }}",
            separator(args)
        );
        let res = app.gql(host, token, &query, json!({ "after": end })).await;
        let conn = &data(&res)[field];
        assert_eq!(
            conn["edges"].as_array().map(Vec::len),
            Some(0),
            "{field}: something after the last cursor: {conn}"
        );
        assert_eq!(conn["pageInfo"]["hasNextPage"], false, "{field}");
    }
    small.len()
}

/// What goes between a connection's own arguments and `first`.
fn separator(args: &str) -> &'static str {
    if args.is_empty() { "" } else { ", " }
}

fn id_of(res: &Value, field: &str) -> String {
    data(res)[field]["page"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{field}: {res}"))
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_connection_walks_to_its_end_in_small_pages_as_in_one_big_page() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let host = Some("petrykivska");
    let create = "mutation($i: CreatePageInput!) { createPage(input: $i) { page { id version } } }";

    // Child pages at several positions: a cursor by id alone loses them.
    let parent = app
        .gql(
            host,
            Some(&admin),
            create,
            json!({"i": {"slug": "paging-parent", "titleUk": "Розділ для перевірки"}}),
        )
        .await;
    let parent = id_of(&parent, "createPage");
    for (i, position) in [3, 0, 2, 1, 4].into_iter().enumerate() {
        let res = app
            .gql(
                host,
                Some(&admin),
                create,
                json!({"i": {"parentId": parent, "slug": format!("child-{i}"), "position": position,
                    "titleUk": format!("Підрозділ {i}")}}),
            )
            .await;
        id_of(&res, "createPage");
    }
    // Revisions to page through.
    let mut version = 1;
    for i in 0..7 {
        let res = app
            .gql(
                host,
                Some(&admin),
                "mutation($i: UpdatePageInput!) { updatePage(input: $i) { page { version } } }",
                json!({"i": {"id": parent, "version": version, "titleUk": format!("Розділ, правка {i}")}}),
            )
            .await;
        version = data(&res)["updatePage"]["page"]["version"]
            .as_i64()
            .expect("a version");
    }
    let pages = check(&app, host, Some(&admin), "pages", "", "id").await;
    let in_db = app
        .count(
            "SELECT count(*) FROM site_page p JOIN tenant t ON t.id = p.tenant_id \
             WHERE t.slug = 'petrykivska' AND p.kind = 'page'",
        )
        .await;
    assert_eq!(pages as i64, in_db, "pages: the walk misses some");
    let revisions = check(
        &app,
        host,
        Some(&admin),
        "pageRevisions",
        &format!("pageId: \"{parent}\""),
        "id",
    )
    .await;
    assert!(revisions >= 8, "{revisions} revisions");
    for (field, args, key) in [
        ("newsPosts", "", "id"),
        ("mediaItems", "", "id"),
        ("services", "", "id"),
        ("auditLog", "", "id"),
    ] {
        let n = check(&app, host, Some(&admin), field, args, key).await;
        assert!(n > 2, "{field}: {n} items do not make a second page");
    }
    let land = app.demo_login("land@petrykivska.hromada.localhost").await;
    let layers = app
        .gql(host, Some(&land), "{ layers { id } }", json!({}))
        .await;
    for layer in data(&layers)["layers"].as_array().expect("layers") {
        check(
            &app,
            host,
            Some(&land),
            "features",
            &format!("layerId: \"{}\"", layer["id"].as_str().expect("an id")),
            "id",
        )
        .await;
    }

    // The oblast's connections, and the single window's search for anyone.
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let region = Some("dnipropetrovska");
    for (field, key) in [
        ("communities", "id"),
        ("standardServices", "id"),
        ("catalogCoverage", "community { slug }"),
        ("communitySites", "community { id }"),
        ("auditLog", "id"),
    ] {
        let n = check(&app, region, Some(&oblast), field, "", key).await;
        assert!(n >= 3, "{field}: {n} items");
    }
    let found = check(
        &app,
        region,
        None,
        "searchServices",
        "query: \"довідка\"",
        "id community { slug }",
    )
    .await;
    assert!(found > 2, "searchServices: {found} found");
}
