//! Isolation is enforced by PostgreSQL itself, whatever SQL the server runs.

use hromada_tenants::{AuthUser, Planning, TenantSource, TenantTx, tenant};
use hromada_tests::{TestApp, scalar};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// Tables that carry a `tenant_id` but are deliberately platform-wide (DESIGN.md: globally
/// unique things and the delivery queue). Every other table with `tenant_id` must be isolated.
const REFERENCE_TABLES: [&str; 2] = ["tenant_host", "outbox"];

/// Tenant-owned tables whose rows are public information (`app.enable_public_rls`): everyone
/// reads them, only their tenant writes them. Adding one is a decision: list it here.
const PUBLIC_TABLES: [&str; 15] = [
    "application_fact",
    "boundary",
    "calendar_day",
    "cnap",
    "life_situation",
    "mobile_visit",
    "public_service",
    "queue_group",
    "queue_service",
    "queue_settings",
    "queue_visit",
    "queue_workplace",
    "site",
    "site_media",
    "site_menu",
];

/// A case's tables (the policy `case_access`) and bookings (`booking_access`): stricter than the
/// tenant's own, an anonymous request bound to the community sees none of them; the CNAP's
/// staff see the community's.
const CASE_TABLES: [&str; 7] = [
    "application",
    "application_document",
    "application_event",
    "application_rating",
    "application_read",
    "application_tally",
    "queue_booking",
];

/// Tenant-owned tables where rows flagged `public` are read by everyone (`public_rows_read`):
/// public map layers and their features, published pages.
const PUBLIC_ROW_TABLES: [&str; 3] = ["gis_feature", "gis_layer", "site_page"];

async fn tenant_owned_tables(app: &TestApp) -> Vec<(String, bool, bool)> {
    let rows = app
        .admin
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname::text, c.relrowsecurity, c.relforcerowsecurity \
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' \
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1",
        ))
        .await
        .unwrap();
    rows.into_iter()
        .map(|r| {
            (
                r.try_get_by_index::<String>(0).unwrap(),
                r.try_get_by_index::<bool>(1).unwrap(),
                r.try_get_by_index::<bool>(2).unwrap(),
            )
        })
        .filter(|(name, _, _)| !REFERENCE_TABLES.contains(&name.as_str()))
        .collect()
}

async fn tables_with_policy(app: &TestApp, policy: &str) -> Vec<String> {
    app.admin
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT tablename::text FROM pg_policies WHERE schemaname = 'public' AND policyname = $1 ORDER BY 1",
            [policy.into()],
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_tenant_owned_table_shows_only_the_bound_tenants_rows() {
    let app = TestApp::spawn().await;
    let tables = tenant_owned_tables(&app).await;
    assert!(
        tables.len() >= 9,
        "expected the tenant-owned tables: {tables:?}"
    );
    assert_eq!(
        tables_with_policy(&app, "public_read").await,
        PUBLIC_TABLES,
        "public tables changed"
    );
    assert_eq!(
        tables_with_policy(&app, "public_rows_read").await,
        PUBLIC_ROW_TABLES,
        "tables with public rows changed"
    );
    let community = tenant::by_slug(&app.app_db, "petrykivska")
        .await
        .unwrap()
        .unwrap();
    // Tiles are cached by requests: ask two communities for one tile of their public layers.
    for slug in ["petrykivska", "tsarychanska"] {
        let layers = app
            .gql(
                Some(slug),
                None,
                "{ layers { id public } }",
                serde_json::json!({}),
            )
            .await;
        let id = layers["data"]["layers"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let res = app
            .http
            .get(format!("{}/tiles/{slug}/{id}/0/0/0.mvt", app.base_url))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }

    // Preview links are made by editors; templates are an oblast's (seeded for a second
    // tenant here, as only one oblast is in the demo).
    for slug in ["petrykivska", "tsarychanska"] {
        let editor = app
            .demo_login(&format!("editor@{slug}.hromada.localhost"))
            .await;
        let pages = app
            .gql(
                Some(slug),
                Some(&editor),
                "{ pages(first: 1) { edges { node { id } } } }",
                serde_json::json!({}),
            )
            .await;
        let id = pages["data"]["pages"]["edges"][0]["node"]["id"].clone();
        let res = app
            .gql(
                Some(slug),
                Some(&editor),
                "mutation($i: CreatePreviewLinkInput!) { createPreviewLink(input: $i) { path } }",
                serde_json::json!({"i": {"pageId": id}}),
            )
            .await;
        assert!(res["errors"].is_null(), "{res}");
    }
    // Reads of cases are logged: a CNAP officer of two communities reads one case each.
    for slug in ["petrykivska", "tsarychanska"] {
        let cnap = app
            .demo_login(&format!("cnap@{slug}.hromada.localhost"))
            .await;
        let inbox = app
            .gql(
                Some(slug),
                Some(&cnap),
                "{ applications(first: 1) { nodes { id } } }",
                serde_json::json!({}),
            )
            .await;
        let id = inbox["data"]["applications"]["nodes"][0]["id"].clone();
        let read = app
            .gql(
                Some(slug),
                Some(&cnap),
                "query($id: ID!) { application(id: $id) { tracking } }",
                serde_json::json!({"id": id}),
            )
            .await;
        assert!(read["errors"].is_null(), "{read}");
    }
    app.admin
        .execute_unprepared(
            "INSERT INTO site_template (tenant_id, key, name_uk, sections) \
             SELECT id, 'isolation', 'Перевірка', '[]' FROM tenant WHERE slug IN ('dnipropetrovska', 'tsarychanska')",
        )
        .await
        .unwrap();

    for (table, rls, forced) in &tables {
        if PUBLIC_TABLES.contains(&table.as_str()) {
            assert!(
                *rls && *forced,
                "{table}: row-level security must be enabled and forced"
            );
            continue;
        }
        assert!(
            *rls && *forced,
            "{table}: row-level security must be enabled and forced"
        );
        // The check below is only meaningful if the table holds several tenants' rows.
        let tenants = app
            .count(&format!("SELECT count(DISTINCT tenant_id) FROM {table}"))
            .await;
        assert!(
            tenants >= 2,
            "{table}: seed rows of at least two tenants to test it"
        );
        let own = app
            .count(&format!(
                "SELECT count(*) FROM {table} WHERE tenant_id = '{}'",
                community.id
            ))
            .await;
        // Rows of public map layers are everyone's to read; nothing else of another tenant.
        let public_rows = if PUBLIC_ROW_TABLES.contains(&table.as_str()) {
            let condition = match table.as_str() {
                "gis_feature" => "public AND deleted_at IS NULL",
                "site_page" => "(published IS NOT NULL OR scheduled_at <= now())",
                _ => "public",
            };
            let foreign_public = app
                .count(&format!(
                    "SELECT count(*) FROM {table} WHERE {condition} AND tenant_id <> '{}'",
                    community.id
                ))
                .await;
            assert!(
                foreign_public > 0,
                "{table}: seed public rows of another tenant"
            );
            (
                foreign_public,
                app.count(&format!("SELECT count(*) FROM {table} WHERE {condition}"))
                    .await,
            )
        } else {
            (0, 0)
        };

        // As the server's role, bound to the community, with no WHERE at all.
        let tx = TenantTx::begin(
            &app.app_db,
            Some((community.clone(), TenantSource::Host)),
            None,
            None,
        )
        .await
        .unwrap();
        let visible = scalar(tx.conn(), &format!("SELECT count(*) FROM {table}")).await;
        let foreign = scalar(
            tx.conn(),
            &format!(
                "SELECT count(*) FROM {table} WHERE tenant_id <> '{}'",
                community.id
            ),
        )
        .await;
        tx.rollback().await.unwrap();
        if CASE_TABLES.contains(&table.as_str()) {
            assert_eq!(visible, 0, "{table}: an anonymous request sees cases");
            assert_eq!(foreign, 0, "{table}: leaks rows of other tenants");
            // The CNAP's staff see the community's cases, and no other community's.
            let staff = hromada_tenants::accounts::user_by_email(
                &app.app_db,
                "cnap@petrykivska.hromada.localhost",
            )
            .await
            .unwrap()
            .unwrap();
            let tx = TenantTx::begin(
                &app.app_db,
                Some((community.clone(), TenantSource::Host)),
                Some(AuthUser {
                    id: staff.id,
                    email: staff.email,
                }),
                None,
            )
            .await
            .unwrap();
            let visible = scalar(tx.conn(), &format!("SELECT count(*) FROM {table}")).await;
            tx.rollback().await.unwrap();
            assert_eq!(visible, own, "{table}: the CNAP sees other tenants' cases");
            continue;
        }
        assert_eq!(
            visible,
            own + public_rows.0,
            "{table}: sees other tenants' rows"
        );
        assert_eq!(
            foreign, public_rows.0,
            "{table}: leaks rows of other tenants"
        );

        // With no tenant bound, nothing is visible: policies fail closed.
        let tx = TenantTx::begin(&app.app_db, None, None, None)
            .await
            .unwrap();
        let unbound = scalar(tx.conn(), &format!("SELECT count(*) FROM {table}")).await;
        tx.rollback().await.unwrap();
        assert_eq!(
            unbound, public_rows.1,
            "{table}: visible with no tenant bound"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_tables_are_read_by_all_but_written_only_by_their_tenant() {
    let app = TestApp::spawn().await;
    let a = tenant::by_slug(&app.app_db, "petrykivska")
        .await
        .unwrap()
        .unwrap();
    let b = tenant::by_slug(&app.app_db, "tsarychanska")
        .await
        .unwrap()
        .unwrap();
    let oblast = tenant::by_slug(&app.app_db, "dnipropetrovska")
        .await
        .unwrap()
        .unwrap();
    for table in PUBLIC_TABLES {
        // The oblast's own public rows (its life situations) stand for "another tenant's".
        let b = if table == "life_situation" {
            &oblast
        } else {
            &b
        };
        let total = app.count(&format!("SELECT count(*) FROM {table}")).await;
        let tx = TenantTx::begin(&app.app_db, None, None, None)
            .await
            .unwrap();
        assert_eq!(
            scalar(tx.conn(), &format!("SELECT count(*) FROM {table}")).await,
            total,
            "{table}"
        );
        tx.rollback().await.unwrap();

        // Bound to A, nothing of B can be changed or removed.
        let b_rows = app
            .count(&format!(
                "SELECT count(*) FROM {table} WHERE tenant_id = '{}'",
                b.id
            ))
            .await;
        assert!(
            b_rows > 0,
            "{table}: seed rows of the second community to test it"
        );
        let tx = TenantTx::begin(
            &app.app_db,
            Some((a.clone(), TenantSource::Host)),
            None,
            None,
        )
        .await
        .unwrap();
        let deleted = tx
            .conn()
            .execute_unprepared(&format!("DELETE FROM {table} WHERE tenant_id = '{}'", b.id))
            .await
            .map(|r| r.rows_affected())
            .unwrap_or(0);
        assert_eq!(deleted, 0, "{table}: a community deleted another's rows");
        let updated = tx
            .conn()
            .execute_unprepared(&format!(
                "UPDATE {table} SET tenant_id = tenant_id WHERE tenant_id = '{}'",
                b.id
            ))
            .await
            .map(|r| r.rows_affected())
            .unwrap_or(0);
        assert_eq!(updated, 0, "{table}: a community updated another's rows");
        tx.rollback().await.unwrap();
    }
    // An insert tagged with another tenant is refused.
    let tx = TenantTx::begin(&app.app_db, Some((a, TenantSource::Host)), None, None)
        .await
        .unwrap();
    let err = tx
        .conn()
        .execute_unprepared(&format!(
            "INSERT INTO calendar_day (tenant_id, day, kind, name_uk) VALUES ('{}', '2030-01-01', 'holiday', 'x')",
            b.id
        ))
        .await
        .expect_err("insert for another tenant");
    assert!(err.to_string().contains("row-level security"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_tagged_with_another_tenant_are_refused() {
    let app = TestApp::spawn().await;
    let a = tenant::by_slug(&app.app_db, "petrykivska")
        .await
        .unwrap()
        .unwrap();
    let b = tenant::by_slug(&app.app_db, "tsarychanska")
        .await
        .unwrap()
        .unwrap();
    let tx = TenantTx::begin(&app.app_db, Some((a, TenantSource::Host)), None, None)
        .await
        .unwrap();
    let err = tx
        .conn()
        .execute_unprepared(&format!(
            "INSERT INTO audit_log (tenant_id, action, target_type, target_id) \
             VALUES ('{}', 'x', 'y', 'z')",
            b.id
        ))
        .await
        .expect_err("a row of another tenant must be refused");
    assert!(err.to_string().contains("row-level security"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oblast_roles_read_their_communities_rows_but_never_write_them() {
    let app = TestApp::spawn().await;
    let oblast = tenant::by_slug(&app.app_db, "dnipropetrovska")
        .await
        .unwrap()
        .unwrap();
    let child = tenant::by_slug(&app.app_db, "kryvorizka")
        .await
        .unwrap()
        .unwrap();
    let admin =
        hromada_tenants::accounts::user_by_email(&app.app_db, "oblast.admin@hromada.localhost")
            .await
            .unwrap()
            .unwrap();
    let actor = AuthUser {
        id: admin.id,
        email: admin.email,
    };

    let tx = TenantTx::begin(
        &app.app_db,
        Some((oblast.clone(), TenantSource::Host)),
        Some(actor),
        None,
    )
    .await
    .unwrap();
    let child_rows = scalar(
        tx.conn(),
        &format!(
            "SELECT count(*) FROM audit_log WHERE tenant_id = '{}'",
            child.id
        ),
    )
    .await;
    assert!(
        child_rows > 0,
        "an oblast admin reads its communities' audit log"
    );
    let err = tx
        .conn()
        .execute_unprepared(&format!(
            "INSERT INTO audit_log (tenant_id, action, target_type, target_id) \
             VALUES ('{}', 'x', 'y', 'z')",
            child.id
        ))
        .await
        .expect_err("an oblast must not write a community's rows");
    assert!(err.to_string().contains("row-level security"), "{err}");
    tx.rollback().await.unwrap();

    // Without an oblast role, the same oblast binding shows no community rows.
    let tx = TenantTx::begin(&app.app_db, Some((oblast, TenantSource::Host)), None, None)
        .await
        .unwrap();
    let anonymous = scalar(
        tx.conn(),
        &format!(
            "SELECT count(*) FROM audit_log WHERE tenant_id = '{}'",
            child.id
        ),
    )
    .await;
    tx.rollback().await.unwrap();
    assert_eq!(anonymous, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_role_cannot_bypass_rls_and_settings_do_not_leak_between_requests() {
    let app = TestApp::spawn().await;
    let flags = app
        .app_db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
        ))
        .await
        .unwrap()
        .unwrap();
    assert!(
        !flags.try_get_by_index::<bool>(0).unwrap(),
        "server role is a superuser"
    );
    assert!(
        !flags.try_get_by_index::<bool>(1).unwrap(),
        "server role bypasses RLS"
    );

    // One pooled connection: a committed request's tenant must not survive into the next.
    let (single, community) = app.one_connection("petrykivska").await;
    let tx = TenantTx::begin(&single, Some((community, TenantSource::Host)), None, None)
        .await
        .unwrap();
    assert!(scalar(tx.conn(), "SELECT count(*) FROM audit_log").await > 0);
    tx.commit().await.unwrap();
    assert_eq!(scalar(&single, "SELECT count(*) FROM audit_log").await, 0);
    let setting = single
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT coalesce(current_setting('app.tenant_id', true), '')",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<String>(0)
        .unwrap();
    assert_eq!(setting, "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_request_cannot_write_and_ends_without_keeping_anything() {
    let app = TestApp::spawn().await;
    // One connection, so every transaction below runs on the one the read-only one used.
    let (single, a) = app.one_connection("petrykivska").await;
    let insert = |day: &str| {
        format!(
            "INSERT INTO calendar_day (tenant_id, day, kind, name_uk) VALUES ('{}', '{day}', 'holiday', 'x')",
            a.id
        )
    };
    let count = "SELECT count(*) FROM calendar_day WHERE name_uk = 'x'";

    let tx = TenantTx::begin_read_only(
        &single,
        Some((a.clone(), TenantSource::Host)),
        None,
        None,
        Planning::Auto,
    )
    .await
    .unwrap();
    assert!(scalar(tx.conn(), "SELECT count(*) FROM tenant").await > 0);
    let err = tx
        .conn()
        .execute_unprepared(&insert("2031-01-01"))
        .await
        .expect_err("a write in a read-only transaction");
    assert!(err.to_string().contains("read-only transaction"), "{err}");
    tx.commit().await.unwrap();

    // Its end is a rollback queued on the connection and sent before its next use: the
    // next transaction there is a new one, read-write, and keeps what it writes.
    for day in ["2031-01-02", "2031-01-03"] {
        let tx = TenantTx::begin(&single, Some((a.clone(), TenantSource::Host)), None, None)
            .await
            .unwrap();
        tx.conn().execute_unprepared(&insert(day)).await.unwrap();
        tx.commit().await.unwrap();
    }
    assert_eq!(app.count(count).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generic_planning_stays_in_the_transaction_that_asked_for_it() {
    let app = TestApp::spawn().await;
    // One connection, so every transaction below runs on the same one.
    let (single, a) = app.one_connection("petrykivska").await;
    let host = || Some((a.clone(), TenantSource::Host));
    async fn setting(tx: &TenantTx, name: &str) -> String {
        tx.conn()
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT current_setting('{name}')"),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<String>(0)
            .unwrap()
    }
    async fn mode(tx: &TenantTx) -> String {
        setting(tx, "plan_cache_mode").await
    }

    let tx = TenantTx::begin_read_only(&single, host(), None, None, Planning::Generic)
        .await
        .unwrap();
    assert_eq!(mode(&tx).await, "force_generic_plan");
    // Set in the same statement as the tenant, which is bound too.
    assert_eq!(setting(&tx, "app.tenant_id").await, a.id.to_string());
    tx.plan_generic().await.unwrap();
    tx.commit().await.unwrap();

    let tx = TenantTx::begin_read_only(&single, host(), None, None, Planning::Auto)
        .await
        .unwrap();
    assert_eq!(mode(&tx).await, "auto");
    tx.commit().await.unwrap();

    let tx = TenantTx::begin(&single, host(), None, None).await.unwrap();
    assert_eq!(mode(&tx).await, "auto");
    tx.plan_generic().await.unwrap();
    assert_eq!(mode(&tx).await, "force_generic_plan");
    tx.commit().await.unwrap();

    let tx = TenantTx::begin(&single, host(), None, None).await.unwrap();
    assert_eq!(mode(&tx).await, "auto");
    tx.commit().await.unwrap();
}
