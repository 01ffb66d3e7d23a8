//! Accounts: login, sessions, throttle, roles, invitations, password reset.

use hromada_tests::{TestApp, assert_axe_clean, data, error_code};
use serde_json::json;

const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }";
const ME: &str = "{ me { email roles { tenantSlug role } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_and_an_unknown_email_answer_the_same() {
    let app = TestApp::spawn().await;
    let wrong = app
        .gql(
            None,
            None,
            LOGIN,
            json!({ "e": "admin@petrykivska.hromada.localhost", "p": "not the password" }),
        )
        .await;
    let unknown = app
        .gql(
            None,
            None,
            LOGIN,
            json!({ "e": "nobody@petrykivska.hromada.localhost", "p": "not the password" }),
        )
        .await;
    assert_eq!(error_code(&wrong), "UNAUTHENTICATED");
    assert_eq!(
        wrong["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
    assert_eq!(
        wrong["errors"][0]["extensions"],
        unknown["errors"][0]["extensions"]
    );
    assert!(wrong["data"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_lists_roles_per_tenant_and_sessions_end() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let res = app.gql(None, Some(&token), ME, json!({})).await;
    assert_eq!(
        data(&res)["me"],
        json!({ "email": "admin@petrykivska.hromada.localhost",
                "roles": [{ "tenantSlug": "petrykivska", "role": "community_admin" }] })
    );
    let anonymous = app.gql(None, None, ME, json!({})).await;
    assert!(data(&anonymous)["me"].is_null());

    // Only a hash of the token is stored.
    let stored = app
        .count(&format!(
            "SELECT count(*) FROM user_session WHERE token_hash = sha256('{token}'::bytea)"
        ))
        .await;
    assert_eq!(stored, 1);
    let plain = app
        .count(&format!(
            "SELECT count(*) FROM user_session WHERE encode(token_hash, 'hex') = '{token}'"
        ))
        .await;
    assert_eq!(plain, 0);

    let res = app
        .gql(
            None,
            Some(&token),
            "mutation { logout { loggedOut } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["logout"]["loggedOut"], true);
    let after = app.gql(None, Some(&token), ME, json!({})).await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.demo_login("editor@kryvorizka.hromada.localhost").await;
    let res = app.gql(None, Some(&token), ME, json!({})).await;
    data(&res);
    let n = app
        .count(&format!(
            "WITH u AS (UPDATE user_session SET expires_at = now() - interval '1 second' \
             WHERE token_hash = sha256('{token}'::bytea) RETURNING 1) SELECT count(*) FROM u"
        ))
        .await;
    assert_eq!(n, 1);
    let res = app.gql(None, Some(&token), ME, json!({})).await;
    assert_eq!(error_code(&res), "UNAUTHENTICATED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_logins_throttle_the_account_and_the_address() {
    let app = TestApp::spawn_with(|c| {
        c.login_max_failures_per_account = 3;
        c.login_max_failures_per_addr = 5;
    })
    .await;
    let victim = "admin@tsarychanska.hromada.localhost";
    for _ in 0..3 {
        let res = app
            .gql(
                None,
                None,
                LOGIN,
                json!({ "e": victim, "p": "guess-guess-guess" }),
            )
            .await;
        assert_eq!(res["errors"][0]["message"], "wrong e-mail or password");
    }
    // Now even the right password is refused for a while.
    let res = app
        .gql(
            None,
            None,
            LOGIN,
            json!({ "e": victim, "p": hromada_backend::demo::DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(error_code(&res), "UNAUTHENTICATED");
    assert_eq!(res["errors"][0]["extensions"]["reason"], "THROTTLED");
    assert!(
        res["errors"][0]["extensions"]["retryAfterSeconds"]
            .as_i64()
            .unwrap()
            > 0
    );
    // Another account still signs in, until the address is throttled too.
    app.demo_login("editor@tsarychanska.hromada.localhost")
        .await;
    for other in [
        "land@tsarychanska.hromada.localhost",
        "cnap@tsarychanska.hromada.localhost",
    ] {
        app.gql(
            None,
            None,
            LOGIN,
            json!({ "e": other, "p": "guess-guess-guess" }),
        )
        .await;
    }
    let res = app
        .gql(None, None, LOGIN, json!({ "e": "admin@kryvorizka.hromada.localhost", "p": hromada_backend::demo::DEMO_PASSWORD }))
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["reason"], "THROTTLED",
        "{res}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn community_admins_grant_and_revoke_roles_with_immediate_effect() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let editor = app.demo_login("editor@petrykivska.hromada.localhost").await;
    let grant = "mutation($e: String!, $r: String!) { grantRole(input: {email: $e, role: $r}) { user { email } role } }";
    let revoke =
        "mutation($e: String!, $r: String!) { revokeRole(input: {email: $e, role: $r}) { role } }";

    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            grant,
            json!({ "e": "editor@petrykivska.hromada.localhost", "r": "community_admin" }),
        )
        .await;
    assert_eq!(data(&res)["grantRole"]["role"], "community_admin");
    // The editor's existing session has the new role at once.
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            grant,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "cnap_head" }),
        )
        .await;
    assert_eq!(data(&res)["grantRole"]["role"], "cnap_head");

    let res = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            revoke,
            json!({ "e": "editor@petrykivska.hromada.localhost", "r": "community_admin" }),
        )
        .await;
    data(&res);
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&editor),
            grant,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "provider_rep" }),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");

    let cases = [
        (
            grant,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "oblast_admin" }),
            "BAD_USER_INPUT",
        ),
        (
            grant,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "mayor" }),
            "BAD_USER_INPUT",
        ),
        (
            grant,
            json!({ "e": "nobody@example.org", "r": "site_editor" }),
            "NOT_FOUND",
        ),
        (
            grant,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "cnap_head" }),
            "CONFLICT",
        ),
        (
            revoke,
            json!({ "e": "admin@petrykivska.hromada.localhost", "r": "community_admin" }),
            "CONFLICT",
        ),
        (
            revoke,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "site_editor" }),
            "NOT_FOUND",
        ),
        // Not held says so, even when the tenant has a single admin.
        (
            revoke,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "community_admin" }),
            "NOT_FOUND",
        ),
    ];
    let grants_before = app.count("SELECT count(*) FROM role_grant").await;
    for (q, vars, code) in cases {
        let res = app
            .gql(Some("petrykivska"), Some(&admin), q, vars.clone())
            .await;
        assert_eq!(error_code(&res), code, "{vars}: {res}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM role_grant").await,
        grants_before
    );

    // A community admin cannot touch another community.
    let res = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            grant,
            json!({ "e": "land@petrykivska.hromada.localhost", "r": "site_editor" }),
        )
        .await;
    assert_eq!(error_code(&res), "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invited_person_sets_a_password_through_the_mailed_link() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@kryvorizka.hromada.localhost").await;
    let res = app
        .gql(Some("kryvorizka"), Some(&admin), "mutation { inviteUser(input: {email: \"Olha@Kryvyi-Rih.example\", role: \"site_editor\"}) { email role } }", json!({}))
        .await;
    assert_eq!(data(&res)["inviteUser"]["email"], "olha@kryvyi-rih.example");
    let mail = app
        .wait_eml(10, |m| m.to == "olha@kryvyi-rih.example")
        .await;
    let link = mail.link();

    let page = app.http.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("olha@kryvyi-rih.example") && html.contains("site_editor"),
        "{html}"
    );

    let token = url::Url::parse(&link)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "token")
        .unwrap()
        .1
        .into_owned();
    let form = [
        ("tenant", "kryvorizka"),
        ("token", token.as_str()),
        ("display_name", "Ольга"),
        ("password", "short"),
        ("password_confirm", "short"),
    ];
    let res = app
        .http
        .post(format!("{}/invitations/accept", app.base_url))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "a short password is refused");
    let mut form = form;
    form[3].1 = "Kryvbas-2026-secure";
    form[4].1 = "Kryvbas-2026-secure";
    let res = app
        .http
        .post(format!("{}/invitations/accept", app.base_url))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let new_token = app
        .login("olha@kryvyi-rih.example", "Kryvbas-2026-secure")
        .await;
    let me = app.gql(None, Some(&new_token), ME, json!({})).await;
    assert_eq!(
        data(&me)["me"]["roles"],
        json!([{ "tenantSlug": "kryvorizka", "role": "site_editor" }])
    );

    let again = app.http.get(&link).send().await.unwrap();
    assert_eq!(again.status(), 409, "an invitation is used once");
    let forged = app
        .http
        .get(format!(
            "{}/invitations/accept?tenant=kryvorizka&token=deadbeef",
            app.base_url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_reset_link_sets_a_new_password_and_ends_sessions() {
    let app = TestApp::spawn().await;
    let old_session = app.demo_login("land@kryvorizka.hromada.localhost").await;
    let q = "mutation($e: String!) { requestPasswordReset(input: {email: $e}) { accepted } }";
    for email in [
        "land@kryvorizka.hromada.localhost",
        "nobody@kryvorizka.hromada.localhost",
    ] {
        let res = app.gql(None, None, q, json!({ "e": email })).await;
        assert_eq!(data(&res)["requestPasswordReset"]["accepted"], true);
    }
    let mail = app
        .wait_eml(10, |m| m.to == "land@kryvorizka.hromada.localhost")
        .await;
    let token = url::Url::parse(&mail.link())
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "token")
        .unwrap()
        .1
        .into_owned();
    assert_eq!(
        app.http.get(mail.link()).send().await.unwrap().status(),
        200
    );

    let reset = "mutation($t: String!, $p: String!) { resetPassword(input: {token: $t, newPassword: $p}) { user { email } } }";
    let res = app
        .gql(None, None, reset, json!({ "t": token, "p": "short" }))
        .await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "newPassword");
    let res = app
        .gql(
            None,
            None,
            reset,
            json!({ "t": token, "p": "Saksahan-river-2026" }),
        )
        .await;
    assert_eq!(
        data(&res)["resetPassword"]["user"]["email"],
        "land@kryvorizka.hromada.localhost"
    );
    let res = app
        .gql(
            None,
            None,
            reset,
            json!({ "t": token, "p": "Saksahan-river-2027" }),
        )
        .await;
    assert_eq!(
        res["errors"][0]["extensions"]["field"], "token",
        "a reset token is used once"
    );

    assert_eq!(
        error_code(&app.gql(None, Some(&old_session), ME, json!({})).await),
        "UNAUTHENTICATED"
    );
    app.login("land@kryvorizka.hromada.localhost", "Saksahan-river-2026")
        .await;
    let res = app
        .gql(None, None, LOGIN, json!({ "e": "land@kryvorizka.hromada.localhost", "p": hromada_backend::demo::DEMO_PASSWORD }))
        .await;
    assert_eq!(error_code(&res), "UNAUTHENTICATED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_links_without_their_key_answer_with_a_page_in_both_languages() {
    let app = TestApp::spawn().await;
    let base = &app.base_url;
    let gets = [
        format!("{base}/password-reset"),
        format!("{base}/password-reset?token="),
        format!("{base}/invitations/accept"),
        format!("{base}/invitations/accept?tenant=kryvorizka"),
        format!("{base}/invitations/accept?token=abc"),
    ];
    for url in &gets {
        let res = app.http.get(url).send().await.expect("sent");
        assert_eq!(res.status(), 400, "{url}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .is_ok_and(|c| c.starts_with("text/html")),
            "{url}"
        );
        let page = res.text().await.expect("a page");
        assert!(page.contains("Посилання неповне"), "{url}: {page}");
        assert!(page.contains("The link is incomplete"), "{url}: {page}");
        assert!(!page.contains("deserialize"), "{url}: {page}");
        assert!(page.contains(r##"<a class="skip" href="#main">"##), "{url}");
    }
    for path in ["/password-reset", "/invitations/accept"] {
        let res = app
            .http
            .post(format!("{base}{path}"))
            .form(&[("password", "x")])
            .send()
            .await
            .expect("sent");
        assert_eq!(res.status(), 400, "POST {path}");
        let page = res.text().await.expect("a page");
        assert!(page.contains("Посилання неповне"), "POST {path}: {page}");
    }
    // A wrong key reads in both languages too.
    let res = app
        .http
        .get(format!(
            "{base}/invitations/accept?tenant=kryvorizka&token=deadbeef"
        ))
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 404);
    let page = res.text().await.expect("a page");
    assert!(page.contains("запрошення не знайдено"), "{page}");
    assert!(page.contains("invitation not found"), "{page}");
    assert_axe_clean(&[format!("{base}/password-reset?token=x")]).await;
}
