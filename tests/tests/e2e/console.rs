//! The console at `/admin/`: its files and their caching, the cookie session with its CSRF
//! token, the live preview, the queries its screens are built on, and the screens themselves
//! in headless Chromium (`tests/browser/console_check.mjs`), with axe-core on each.

use hromada_tests::{TestApp, data, error_code};
use reqwest::header;
use serde_json::{Value, json};

const SESSION: &str = "/admin/session";

/// Signs in through the console's endpoint; returns the session and CSRF cookies' values.
async fn sign_in(app: &TestApp, tenant: &str, email: &str) -> (String, String) {
    let res = app
        .http
        .post(format!("{}{SESSION}", app.base_url))
        .header("Host", format!("{tenant}.{}", app.config.domain))
        .json(&json!({ "email": email, "password": hromada_backend::demo::DEMO_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cookies: Vec<String> = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let body: Value = res.json().await.unwrap();
    let value = |name: &str| {
        let c = cookies
            .iter()
            .find(|c| c.starts_with(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name} cookie: {cookies:?}"));
        (
            c.clone(),
            c[name.len() + 1..].split(';').next().unwrap().to_owned(),
        )
    };
    let (session_header, session) = value("hromada_session");
    let (csrf_header, csrf) = value("hromada_csrf");
    assert!(session_header.contains("HttpOnly"), "{session_header}");
    assert!(
        session_header.contains("SameSite=Strict"),
        "{session_header}"
    );
    assert!(
        !csrf_header.contains("HttpOnly"),
        "scripts read it: {csrf_header}"
    );
    assert!(
        !session_header.contains("Secure"),
        "plain HTTP here: {session_header}"
    );
    assert_eq!(body["csrf"], csrf.as_str(), "{body}");
    (session, csrf)
}

/// A GraphQL request with the console's cookie and (optionally) its CSRF header.
async fn cookie_gql(
    app: &TestApp,
    tenant: &str,
    session: Option<&str>,
    csrf: Option<&str>,
    query: &str,
    variables: Value,
) -> Value {
    let mut req = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Host", format!("{tenant}.{}", app.config.domain))
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(s) = session {
        req = req.header(header::COOKIE, format!("hromada_session={s}"));
    }
    if let Some(c) = csrf {
        req = req.header("X-CSRF-Token", c);
    }
    req.send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn the_console_session_is_a_cookie_that_only_counts_with_its_csrf_token() {
    let app = TestApp::spawn().await;
    let (session, csrf) =
        sign_in(&app, "petrykivska", "editor@petrykivska.hromada.localhost").await;
    let me = "{ me { email } }";

    let signed = cookie_gql(
        &app,
        "petrykivska",
        Some(&session),
        Some(&csrf),
        me,
        json!({}),
    )
    .await;
    assert_eq!(
        data(&signed)["me"]["email"],
        "editor@petrykivska.hromada.localhost"
    );

    // Another site's form can send the cookie but not the header: it acts as nobody.
    let forged = cookie_gql(&app, "petrykivska", Some(&session), None, me, json!({})).await;
    assert_eq!(data(&forged)["me"], Value::Null, "{forged}");
    let mutation = cookie_gql(
        &app,
        "petrykivska",
        Some(&session),
        None,
        "mutation { inviteUser(input: {email: \"x@example.com\", role: \"site_editor\"}) { email } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&mutation), "UNAUTHENTICATED", "{mutation}");

    // A token made up, or another session's, is refused.
    let wrong = cookie_gql(
        &app,
        "petrykivska",
        Some(&session),
        Some("0123456789abcdef0123456789abcdef"),
        me,
        json!({}),
    )
    .await;
    assert_eq!(error_code(&wrong), "FORBIDDEN", "{wrong}");

    // The header without the cookie: the session has ended, the console must ask again.
    let ended = cookie_gql(&app, "petrykivska", None, Some(&csrf), me, json!({})).await;
    assert_eq!(error_code(&ended), "UNAUTHENTICATED", "{ended}");

    // Bearer tokens keep working for API clients, without any CSRF header.
    let token = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let bearer = app
        .gql(Some("petrykivska"), Some(&token), me, json!({}))
        .await;
    assert_eq!(
        data(&bearer)["me"]["email"],
        "editor@petrykivska.hromada.localhost"
    );

    // A wrong password gets the login mutation's answer, and no cookie.
    let refused = app
        .http
        .post(format!("{}{SESSION}", app.base_url))
        .json(&json!({ "email": "editor@petrykivska.hromada.localhost", "password": "nope-nope-nope" }))
        .send()
        .await
        .unwrap();
    assert!(refused.headers().get(header::SET_COOKIE).is_none());
    let body: Value = refused.json().await.unwrap();
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");

    // Signing out ends the session on the server, not only in the browser.
    let out = app
        .http
        .delete(format!("{}{SESSION}", app.base_url))
        .header(header::COOKIE, format!("hromada_session={session}"))
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 200);
    let after = cookie_gql(
        &app,
        "petrykivska",
        Some(&session),
        Some(&csrf),
        me,
        json!({}),
    )
    .await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED", "{after}");
}

#[tokio::test]
async fn the_console_files_are_cached_by_their_hash_and_every_screen_is_its_index() {
    let app = TestApp::spawn().await;
    let get = |path: &str| {
        app.http
            .get(format!("{}{path}", app.base_url))
            .header("Host", format!("petrykivska.{}", app.config.domain))
            .header(header::ACCEPT_ENCODING, "gzip")
            .send()
    };
    let index = app
        .http
        .get(format!("{}/admin/", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    assert_eq!(
        index.status(),
        200,
        "run `npm run build --prefix backend/web`"
    );
    assert_eq!(index.headers()[header::CACHE_CONTROL], "no-cache");
    let csp = index.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    let html = index.text().await.unwrap();
    assert!(html.contains("<html lang=\"uk\">"), "{html}");
    let script = html
        .split("src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a module script")
        .to_owned();
    assert!(script.starts_with("/admin/assets/index-"), "{script}");

    let asset = get(&script).await.unwrap();
    assert_eq!(asset.status(), 200);
    assert_eq!(
        asset.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(asset.headers()[header::CONTENT_ENCODING], "gzip");
    let gzipped = asset.bytes().await.unwrap().len();
    assert!(
        gzipped <= 250 * 1024,
        "the shell is {gzipped} bytes gzipped"
    );

    // A screen's address (a reload, a shared link) is the app's index, never cached.
    let screen = get("/admin/t/petrykivska/site/pages/123").await.unwrap();
    assert_eq!(screen.status(), 200);
    assert_eq!(screen.headers()[header::CACHE_CONTROL], "no-cache");
    // An asset that does not exist is not the index.
    let missing = get("/admin/assets/nope-123.js").await.unwrap();
    assert_eq!(missing.headers()[header::CACHE_CONTROL], "no-cache");
    let redirect = get("/admin").await.unwrap();
    assert_eq!(redirect.status(), 308);
}

#[tokio::test]
async fn the_live_preview_renders_unsaved_blocks_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let (session, csrf) =
        sign_in(&app, "petrykivska", "editor@petrykivska.hromada.localhost").await;
    let pages = cookie_gql(
        &app,
        "petrykivska",
        Some(&session),
        Some(&csrf),
        "{ pages(first: 100) { nodes { id slug version } } }",
        json!({}),
    )
    .await;
    let about = data(&pages)["pages"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == "about")
        .unwrap()
        .clone();
    let id = about["id"].as_str().unwrap();
    let preview = |body: Value, with_session: bool| {
        let mut req = app
            .http
            .post(format!("{}/admin/preview/{id}", app.base_url))
            .header("Host", format!("petrykivska.{}", app.config.domain))
            .header("X-CSRF-Token", &csrf)
            .json(&body);
        if with_session {
            req = req.header(header::COOKIE, format!("hromada_session={session}"));
        }
        req.send()
    };
    let res = preview(
        json!({ "titleUk": "Про громаду — чернетка", "blocks": [
            { "type": "richText", "markdownUk": "Новий **абзац** для перегляду" }
        ]}),
        true,
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("Про громаду — чернетка"), "{html}");
    assert!(
        html.contains("Новий <strong>абзац</strong> для перегляду"),
        "{html}"
    );

    // A bad block is named at its field, as a save would name it.
    let bad: Value = preview(
        json!({ "blocks": [{ "type": "embed", "url": "https://evil.example/x", "titleUk": "Відео" }] }),
        true,
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
    assert!(
        bad["errors"][0]["extensions"]["field"]
            .as_str()
            .unwrap()
            .starts_with("blocks[0]"),
        "{bad}"
    );

    // Signed out: nothing.
    let anonymous: Value = preview(json!({}), false)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");

    // Nothing was saved.
    let after = app
        .count(&format!(
            "SELECT version::bigint FROM site_page WHERE id = '{id}'"
        ))
        .await;
    assert_eq!(after, about["version"].as_i64().unwrap());
    let public = app
        .http
        .get(format!("{}/about", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!public.contains("для перегляду"));
}

#[tokio::test]
async fn the_console_asks_the_server_what_each_person_may_do_and_what_is_left_to_launch() {
    let app = TestApp::spawn().await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let admin = app.demo_login("admin@tsarychanska.hromada.localhost").await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let perms = "{ myPermissions { object action } }";
    let pairs = |res: &Value| -> Vec<String> {
        data(res)["myPermissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}/{}",
                    p["object"].as_str().unwrap(),
                    p["action"].as_str().unwrap()
                )
            })
            .collect()
    };
    let of_editor = pairs(
        &app.gql(Some("petrykivska"), Some(&editor), perms, json!({}))
            .await,
    );
    assert_eq!(of_editor, ["site/edit", "site/publish"]);
    // In a community where they hold no role, nothing.
    let elsewhere = pairs(
        &app.gql(Some("kryvorizka"), Some(&editor), perms, json!({}))
            .await,
    );
    assert!(elsewhere.is_empty(), "{elsewhere:?}");
    let of_admin = pairs(
        &app.gql(Some("tsarychanska"), Some(&admin), perms, json!({}))
            .await,
    );
    for p in [
        "cnap/manage",
        "catalog/manage",
        "role/grant",
        "site/settings",
        "audit/read",
    ] {
        assert!(of_admin.contains(&p.to_owned()), "{p}: {of_admin:?}");
    }
    assert!(
        !of_admin.iter().any(|p| p.starts_with("community/")),
        "{of_admin:?}"
    );

    // The checklist: counts from the database, and what each section lacks.
    let checklist = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            "{ launchChecklist { ready standardServices standardAdopted cnaps cnapsWithHours \
               hasBoundary people sections { key filled } } }",
            json!({}),
        )
        .await;
    let c = &data(&checklist)["launchChecklist"];
    let adopted = app
        .count(
            "SELECT count(*) FROM service s JOIN tenant t ON t.id = s.tenant_id \
             JOIN standard_service ss ON ss.id = s.standard_id \
             WHERE t.slug = 'tsarychanska' AND ss.published_version IS NOT NULL",
        )
        .await;
    assert_eq!(c["standardAdopted"], adopted);
    assert!(c["standardServices"].as_i64().unwrap() > adopted, "{c}");
    assert_eq!(c["ready"], false);
    assert_eq!(c["sections"].as_array().unwrap().len(), 9);
    // Emptying a mandatory section shows in the checklist.
    app.count(
        "WITH u AS (UPDATE site_page SET published = NULL, scheduled = NULL, scheduled_at = NULL \
         WHERE section = 'budget' AND tenant_id = (SELECT id FROM tenant WHERE slug = 'tsarychanska') \
         RETURNING 1) SELECT count(*) FROM u",
    )
    .await;
    let again = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            "{ launchChecklist { sections { key filled pageId } } }",
            json!({}),
        )
        .await;
    let budget = data(&again)["launchChecklist"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "budget")
        .unwrap()
        .clone();
    assert_eq!(budget["filled"], false, "{budget}");
    assert!(
        budget["pageId"].is_string(),
        "the checklist links to the page: {budget}"
    );
    // Nobody without a role there sees it.
    let stranger = app
        .gql(
            Some("tsarychanska"),
            Some(&editor),
            "{ launchChecklist { ready } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&stranger), "FORBIDDEN", "{stranger}");

    // The people screen and the codifier search.
    let people = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            "{ people { holders { email roles } invitations { email } } }",
            json!({}),
        )
        .await;
    let holders = data(&people)["people"]["holders"].as_array().unwrap();
    assert!(
        holders
            .iter()
            .any(|h| h["email"] == "cnap@tsarychanska.hromada.localhost"),
        "{people}"
    );
    let denied = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            "{ people { holders { email } } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN", "{denied}");
    let found = app
        .gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            "{ codifierHromadas(query: \"петриків\") { code name onboardedSlug suggestedSlug suggestedNameEn } }",
            json!({}),
        )
        .await;
    let hits = data(&found)["codifierHromadas"].as_array().unwrap();
    // The suggestion is the official transliteration, as the demo's own slug is.
    assert!(
        hits.iter().any(|h| h["onboardedSlug"] == "petrykivska"
            && h["suggestedSlug"] == "petrykivska"
            && h["suggestedNameEn"] == "Petrykivska hromada"),
        "{found}"
    );
    let community_admin = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            "{ codifierHromadas(query: \"а\") { code } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&community_admin),
        "FORBIDDEN",
        "{community_admin}"
    );

    // Error messages follow Accept-Language; the code and field do not change.
    let invite = "mutation { inviteUser(input: {email: \"not-an-address\", role: \"site_editor\"}) { email } }";
    let english = app
        .gql(Some("tsarychanska"), Some(&admin), invite, json!({}))
        .await;
    assert_eq!(error_code(&english), "BAD_USER_INPUT", "{english}");
    assert_eq!(
        english["errors"][0]["message"],
        "email: is not a valid e-mail address"
    );
    assert_eq!(
        english["errors"][0]["extensions"]["messageUk"],
        "email: не є правильною адресою електронної пошти"
    );
    let ukrainian: Value = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Host", format!("tsarychanska.{}", app.config.domain))
        .header(header::ACCEPT_LANGUAGE, "uk-UA,uk;q=0.9,en;q=0.5")
        .bearer_auth(&admin)
        .json(&json!({ "query": invite }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(error_code(&ukrainian), "BAD_USER_INPUT", "{ukrainian}");
    assert_eq!(ukrainian["errors"][0]["extensions"]["field"], "email");
    assert_eq!(
        ukrainian["errors"][0]["message"],
        "email: не є правильною адресою електронної пошти"
    );
    assert_eq!(
        ukrainian["errors"][0]["extensions"]["messageEn"],
        "email: is not a valid e-mail address"
    );
    // A client that names no language reads Ukrainian.
    let unnamed: Value = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Host", format!("tsarychanska.{}", app.config.domain))
        .bearer_auth(&admin)
        .json(&json!({ "query": invite }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        unnamed["errors"][0]["message"],
        "email: не є правильною адресою електронної пошти"
    );

    // The block schema the editor's forms are made from names every block type.
    let schema = app.gql(None, None, "{ blockSchema }", json!({})).await;
    let kinds: Vec<&str> = data(&schema)["blockSchema"]["$defs"]["Block"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["properties"]["type"]["const"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, hromada_site_builder::block::BLOCK_TYPES);
}

/// Runs a scenario of `tests/browser/console_check.mjs` against `app`.
async fn browser(app: &TestApp, scenario: &str) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/browser/console_check.mjs");
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    let out = tokio::process::Command::new("node")
        .arg(script)
        .arg(&port)
        .arg(&app.config.domain)
        .arg(hromada_backend::demo::DEMO_PASSWORD)
        .arg(scenario)
        .env(
            "WEB_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../backend/web"),
        )
        .output()
        .await
        .expect("node runs (infra/setup.sh --test installs Chromium and playwright-core)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let result: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{e}: {stdout}\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(
        out.status.success() && result.get("failed").is_none(),
        "{scenario} failed: {result:#}"
    );
    for (screen, violations) in result["axe"].as_object().unwrap() {
        assert_eq!(violations, &json!([]), "axe on {screen}: {violations:#}");
    }
    assert_eq!(result["errors"], json!([]), "{result:#}");
    result
}

#[tokio::test]
async fn a_community_admin_follows_the_checklist_edits_publishes_and_sets_hours_in_the_console() {
    let app = TestApp::spawn().await;
    let result = browser(&app, "community").await;
    assert!(result["axe"].as_object().unwrap().len() >= 10, "{result:#}");
    let screens = &result["screens"];
    assert_eq!(
        screens["nav"],
        "Головна\nСтатистика черги\nСайт\nНовини\nМедіатека\nВигляд і меню\nЦНАП і графік\nКаталог послуг\nЛюди й ролі\nЖурнал дій"
    );

    // What the browser did is in the database.
    let stamp = screens["previewShows"].as_str().unwrap();
    let published = app
        .count(&format!(
            "SELECT count(*) FROM site_page WHERE slug = 'about' AND published::text LIKE '%{stamp}%'"
        ))
        .await;
    assert_eq!(published, 1, "the new block is published");
    let kept = screens["keptTitle"].as_str().unwrap();
    let title = app
        .count(&format!(
            "SELECT count(*) FROM site_page WHERE slug = 'about' AND draft->>'titleUk' = '{kept}'"
        ))
        .await;
    assert_eq!(title, 1, "the editor's text won after the conflict");
    let headline = screens["headline"].as_str().unwrap();
    let news = app
        .count(&format!(
            "SELECT count(*) FROM site_page WHERE kind = 'news' AND published->>'titleUk' = '{headline}' \
             AND published->>'coverId' IS NOT NULL AND published->>'coverAltUk' <> ''"
        ))
        .await;
    assert_eq!(
        news, 1,
        "the news item is published with its cover and alt text"
    );
    let saturday = app
        .count(
            "SELECT count(*) FROM cnap c JOIN tenant t ON t.id = c.tenant_id WHERE t.slug = 'tsarychanska' \
             AND c.kind = 'center' AND c.schedule->'sat'->>'open' = '09:00' AND c.schedule->'sat'->>'close' = '13:00'",
        )
        .await;
    assert_eq!(saturday, 1, "Saturday hours saved");
    let adopted = screens["adopted"].as_str().unwrap();
    let service = app
        .count(&format!(
            "SELECT count(*) FROM service s JOIN tenant t ON t.id = s.tenant_id \
             JOIN standard_service_version v ON v.standard_id = s.standard_id \
             WHERE t.slug = 'tsarychanska' AND v.card->>'nameUk' = '{adopted}'"
        ))
        .await;
    assert!(service >= 1, "{adopted} adopted");
    app.wait_eml(10, |m| m.to.contains("new.editor@example.com"))
        .await;
}

#[tokio::test]
async fn an_ended_session_keeps_what_was_typed_and_the_account_screens_work() {
    let app = TestApp::spawn().await;
    let result = browser(&app, "session").await;
    // A site editor sees only the site.
    assert_eq!(
        result["screens"]["editorNav"],
        "Головна\nСайт\nНовини\nМедіатека\nВигляд і меню"
    );
    let kept = result["screens"]["keptAfterSignIn"].as_str().unwrap();
    let saved = app
        .count(&format!(
            "SELECT count(*) FROM site_page WHERE draft->>'titleUk' = '{kept}'"
        ))
        .await;
    assert_eq!(
        saved, 1,
        "the text typed before the session ended was saved after signing in"
    );
    app.wait_eml(10, |m| {
        m.to.contains("editor@petrykivska.hromada.localhost")
    })
    .await;
}

#[tokio::test]
async fn the_oblast_admin_onboards_a_community_from_the_codifier_in_the_console() {
    let app = TestApp::spawn().await;
    let result = browser(&app, "oblast").await;
    assert_eq!(result["screens"]["suggestedSlug"], "mahdalynivska");
    assert_eq!(
        result["screens"]["suggestedNameEn"],
        "Mahdalynivska hromada"
    );
    // A life situation: refused without a service, named at its field; saved with one, it is
    // on the portal at once.
    let screens = &result["screens"];
    assert_eq!(
        screens["situationError"], "оберіть щонайменше одну послугу",
        "{screens:#}"
    );
    assert_eq!(
        screens["situationChosen"], "Обрано 1 послугу",
        "{screens:#}"
    );
    assert!(
        screens["situationSaved"]
            .as_str()
            .unwrap()
            .contains("Ситуацію «Втрата документів» збережено"),
        "{screens:#}"
    );
    let portal = screens["situationOnPortal"].as_str().unwrap();
    assert!(portal.contains("Втрата документів"), "{screens:#}");
    assert!(
        portal.contains("Оформлення ID-картки замість втраченої або викраденої"),
        "{screens:#}"
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM life_situation s JOIN tenant t ON t.id = s.tenant_id \
             WHERE t.slug = 'dnipropetrovska' AND s.slug = 'lost-documents' \
             AND s.title_en = 'Lost documents' AND cardinality(s.standard_ids) = 1"
        )
        .await,
        1
    );
    let created = app
        .count(
            "SELECT count(*) FROM tenant t JOIN site s ON s.tenant_id = t.id \
             WHERE t.slug = 'mahdalynivska' AND t.kind = 'community'",
        )
        .await;
    assert_eq!(created, 1, "the community exists with its site");
    let pages = app
        .count(
            "SELECT count(*) FROM site_page p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = 'mahdalynivska'",
        )
        .await;
    assert!(pages >= 10, "a complete site: {pages} pages");
    app.wait_eml(10, |m| m.to.contains("head@mahdalynivska.example.com"))
        .await;
}

#[tokio::test]
async fn the_counter_issues_a_ticket_and_serves_it_in_the_console() {
    let app = TestApp::spawn().await;
    let result = browser(&app, "queue").await;
    let screens = &result["screens"];
    let issued = screens["issued"].as_str().unwrap();
    assert!(issued.starts_with("Талон "), "{screens:#}");
    let called = screens["called"].as_str().unwrap();
    let ticket = called
        .trim_start_matches("Зараз: ")
        .split(' ')
        .next()
        .unwrap();
    assert!(
        screens["finished"].as_str().unwrap().contains(ticket),
        "{screens:#}"
    );
    // What the browser did is in the database.
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM queue_visit WHERE ticket = '{ticket}' AND status = 'done' \
             AND started_at IS NOT NULL AND finished_at IS NOT NULL \
             AND day = (now() AT TIME ZONE 'Europe/Kyiv')::date"
        ))
        .await,
        1
    );
    for screen in ["queue-counter", "queue-finished"] {
        assert!(result["axe"].get(screen).is_some(), "axe ran on {screen}");
    }
}

#[tokio::test]
async fn the_cnap_head_sets_up_the_queue_and_reads_its_statistics_in_the_console() {
    let app = TestApp::spawn().await;
    let result = browser(&app, "queueSetup").await;
    let screens = &result["screens"];
    let nav = screens["headNav"].as_str().unwrap();
    for entry in ["Черга", "Налаштування черги", "Статистика черги"]
    {
        assert!(nav.contains(entry), "{screens:#}");
    }
    // The refused value is named in Ukrainian with its range; nothing of it was saved.
    let refused = screens["horizonError"].as_str().unwrap();
    assert!(refused.contains("від 1 до 90"), "{screens:#}");
    assert!(
        screens["saved"]
            .as_str()
            .unwrap()
            .starts_with("Налаштування збережено."),
        "{screens:#}"
    );
    assert_eq!(screens["windowAfterSave"], "Вікно 5", "{screens:#}");
    // What the browser saved is in the database: the horizon, and the window with its group.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM queue_settings s JOIN tenant t ON t.id = s.tenant_id \
             WHERE t.slug = 'petrykivska' AND s.horizon_days = 21"
        )
        .await,
        1
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM queue_workplace w JOIN tenant t ON t.id = w.tenant_id \
             WHERE t.slug = 'petrykivska' AND w.name_uk = 'Вікно 5' AND w.name_en = 'Window 5' \
             AND cardinality(w.group_ids) = 1"
        )
        .await,
        1
    );
    // The statistics' total is the database's count of the week's visits.
    let visits = app
        .count(
            "SELECT count(*) FROM queue_visit v JOIN tenant t ON t.id = v.tenant_id \
             WHERE t.slug = 'petrykivska' \
             AND v.day BETWEEN (now() AT TIME ZONE 'Europe/Kyiv')::date - 6 \
             AND (now() AT TIME ZONE 'Europe/Kyiv')::date",
        )
        .await;
    assert!(visits > 0, "the demo has a week of visits");
    let total = screens["statsTotal"].as_str().unwrap();
    assert!(
        total.starts_with(&format!("Разом {visits} ")),
        "{total} vs {visits}"
    );
    assert!(screens["statsRows"].as_i64().unwrap() >= 1, "{screens:#}");
    assert!(
        screens["statsByWindow"]
            .as_str()
            .unwrap()
            .contains("Вікно 1"),
        "{screens:#}"
    );
    for screen in [
        "queue-setup",
        "queue-setup-error",
        "queue-stats",
        "queue-stats-windows",
    ] {
        assert!(result["axe"].get(screen).is_some(), "axe ran on {screen}");
    }
}

#[tokio::test]
async fn the_cnap_desk_and_the_provider_process_cases_and_a_card_gains_a_form_field_in_the_console()
{
    let app = TestApp::spawn().await;
    let result = browser(&app, "desk").await;
    let screens = &result["screens"];
    assert!(
        screens["cnapNav"].as_str().unwrap().contains("Звернення"),
        "{screens:#}"
    );
    assert!(
        screens["providerNav"]
            .as_str()
            .unwrap()
            .contains("Звернення"),
        "{screens:#}"
    );
    assert!(
        !screens["providerNav"]
            .as_str()
            .unwrap()
            .contains("Каталог послуг"),
        "a provider's representative sees the desk, not the catalog: {screens:#}"
    );
    for screen in [
        "desk-inbox",
        "desk-case",
        "desk-return",
        "desk-overdue",
        "desk-decided",
        "card-form-fields",
        "desk-intake",
        "desk-intake-receipt",
    ] {
        assert!(result["axe"].get(screen).is_some(), "axe ran on {screen}");
    }

    // The tab's count is the community's submitted cases as the demo seeded them.
    let intake = screens["intake"].as_str().unwrap();
    let submitted = app
        .count(&format!(
            "SELECT count(*) FROM application a JOIN tenant t ON t.id = a.tenant_id \
             WHERE t.slug = 'petrykivska' AND a.status = 'submitted' AND a.tracking <> '{intake}'"
        ))
        .await;
    assert_eq!(
        screens["submittedTab"].as_str().unwrap(),
        format!("Подано {}", submitted + 1),
        "the tab counted the cases before the browser moved one of them"
    );

    // What the browser did is in the database.
    let returned = screens["returned"].as_str().unwrap();
    let remark = screens["remark"].as_str().unwrap();
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM application a JOIN app_user u ON u.id = a.assigned_to \
             WHERE a.tracking = '{returned}' AND a.status = 'left_without_movement' \
             AND u.email = 'cnap@petrykivska.hromada.localhost' \
             AND a.remarks @> '[{{\"field\": \"person.fullName\", \"text\": \"{remark}\"}}]'"
        ))
        .await,
        1,
        "{returned} left without movement, with the remark, taken by the officer"
    );
    assert!(
        screens["remarkShown"].as_str().unwrap().contains(remark),
        "{screens:#}"
    );
    let forwarded = screens["forwarded"].as_str().unwrap();
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM application_event e JOIN application a ON a.id = e.application_id \
             WHERE a.tracking = '{forwarded}' AND a.provider_id IS NOT NULL \
             AND e.action IN ('register', 'forward') AND e.actor_name = 'cnap@petrykivska.hromada.localhost'"
        ))
        .await,
        2,
        "{forwarded} registered and forwarded by the officer"
    );
    assert!(screens["overdueRows"].as_i64().unwrap() >= 1);
    let refused = screens["refused"].as_str().unwrap();
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM application WHERE tracking = '{refused}' AND status = 'refused' \
             AND decision->>'legalBasis' = 'ст. 123 Земельного кодексу України'"
        ))
        .await,
        1,
        "{refused} refused with its legal basis"
    );
    assert!(
        screens["refusalWithoutGrounds"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("обов"),
        "a refusal without grounds is refused at the field: {screens:#}"
    );
    // Opening the cases was logged as reads of personal data.
    assert!(
        app.count(&format!(
            "SELECT count(*) FROM application_read r JOIN application a ON a.id = r.application_id \
             WHERE a.tracking IN ('{returned}', '{refused}')"
        ))
        .await
            >= 2
    );
    // The paper application came by post, with a scan in every slot of its card.
    let slots = screens["intakeSlots"].as_i64().unwrap();
    assert!(slots >= 1, "{screens:#}");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM application a JOIN application_document d ON d.application_id = a.id \
             WHERE a.tracking = '{intake}' AND a.channel = 'post' AND a.status = 'submitted' \
             AND a.person->>'fullName' = 'Богдан Коваленко' AND a.fields->>'purpose' = 'для нотаріуса' \
             AND d.content_type = 'image/png'"
        ))
        .await,
        slots,
        "{intake} taken by post with its scans"
    );
    let card = screens["cardEdited"].as_str().unwrap();
    assert_eq!(
        app.count(
            "SELECT count(*) FROM service_version v JOIN tenant t ON t.id = v.tenant_id \
             WHERE t.slug = 'petrykivska' \
             AND v.card @? '$.formFields[*] ? (@.key == \"purpose\" && @.labelUk == \"Мета отримання довідки\")' \
             AND v.version = (SELECT max(version) FROM service_version w \
                              WHERE w.tenant_id = v.tenant_id AND w.service_id = v.service_id)"
        )
        .await,
        1,
        "the card «{card}» has the new form field"
    );
}
