//! The audit log: recorded in the mutation's transaction, readable by admins, never changed.

use hromada_tests::{TestApp, data, error_code};
use sea_orm::ConnectionTrait;
use serde_json::json;

const LOG: &str = "query($t: String) { auditLog(first: 50, tenant: $t) { edges { node { tenantSlug action actorEmail targetId summary requestId } } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_mutation_is_recorded_and_visible_to_the_right_people() {
    let app = TestApp::spawn().await;
    let admin = app.demo_login("admin@tsarychanska.hromada.localhost").await;
    let res = app
        .gql(Some("tsarychanska"), Some(&admin), "mutation { grantRole(input: {email: \"land@tsarychanska.hromada.localhost\", role: \"cnap_head\"}) { role } }", json!({}))
        .await;
    data(&res);

    let own = app
        .gql(Some("tsarychanska"), Some(&admin), LOG, json!({}))
        .await;
    let edges = data(&own)["auditLog"]["edges"].as_array().unwrap().clone();
    let latest = &edges[0]["node"];
    assert_eq!(latest["action"], "role.grant");
    assert_eq!(latest["actorEmail"], "admin@tsarychanska.hromada.localhost");
    assert_eq!(latest["summary"]["role"], "cnap_head");
    assert!(
        latest["requestId"].as_str().is_some_and(|r| r.len() >= 32),
        "{latest}"
    );
    assert!(
        edges
            .iter()
            .all(|e| e["node"]["tenantSlug"] == "tsarychanska"),
        "{edges:?}"
    );

    // The oblast reads every community's log, or one of them.
    for who in [
        "oblast.admin@hromada.localhost",
        "oblast.supervisor@hromada.localhost",
    ] {
        let token = app.demo_login(who).await;
        let all = app
            .gql(Some("dnipropetrovska"), Some(&token), LOG, json!({}))
            .await;
        let slugs: std::collections::BTreeSet<String> = data(&all)["auditLog"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["tenantSlug"].as_str().unwrap().to_owned())
            .collect();
        assert!(
            slugs.len() >= 2 && slugs.contains("tsarychanska"),
            "{slugs:?}"
        );
        let own = app
            .gql(
                Some("dnipropetrovska"),
                Some(&token),
                LOG,
                json!({ "t": "dnipropetrovska" }),
            )
            .await;
        let own = data(&own)["auditLog"]["edges"].as_array().unwrap().clone();
        assert!(!own.is_empty());
        assert!(
            own.iter()
                .all(|e| e["node"]["tenantSlug"] == "dnipropetrovska")
        );
        let one = app
            .gql(
                Some("dnipropetrovska"),
                Some(&token),
                LOG,
                json!({ "t": "tsarychanska" }),
            )
            .await;
        assert_eq!(
            data(&one)["auditLog"]["edges"][0]["node"]["action"],
            "role.grant"
        );
    }

    // A community admin filtering on another community sees nothing of it.
    let other = app
        .gql(
            Some("tsarychanska"),
            Some(&admin),
            LOG,
            json!({ "t": "petrykivska" }),
        )
        .await;
    assert_eq!(data(&other)["auditLog"]["edges"], json!([]));
    let editor = app
        .demo_login("editor@tsarychanska.hromada.localhost")
        .await;
    let denied = app
        .gql(Some("tsarychanska"), Some(&editor), LOG, json!({}))
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_cannot_be_changed_or_deleted() {
    let app = TestApp::spawn().await;
    let before = app.count("SELECT count(*) FROM audit_log").await;
    assert!(before > 0);
    for sql in [
        "UPDATE audit_log SET action = 'forged'",
        "DELETE FROM audit_log",
    ] {
        let err = app.app_db.execute_unprepared(sql).await.expect_err(sql);
        assert!(
            err.to_string().contains("permission denied"),
            "{sql}: {err}"
        );
        // Not even the owner.
        let err = app.admin.execute_unprepared(sql).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(app.count("SELECT count(*) FROM audit_log").await, before);
    // The API offers no mutation on it either.
    let res = app
        .gql(
            None,
            None,
            "{ __type(name: \"MutationRoot\") { fields { name } } }",
            json!({}),
        )
        .await;
    let names: Vec<String> = data(&res)["__type"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.iter().any(|n| n == "createcommunity"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("audit")), "{names:?}");
}
