//! The Hromada schema as sea-orm-migration migrations.
//!
//! Each migration is plain SQL beside this file (`sql/*.sql`): the schema is PostgreSQL- and
//! PostGIS-specific (row-level security, policies, spatial types), and SQL says that more
//! directly than a query builder. Migrations run as the owner role (`DATABASE_ADMIN_URL`);
//! the server's own role only gets the privileges granted to the `hromada_server` group role.

pub use sea_orm_migration::prelude::*;
use sha2::{Digest, Sha256};

/// One migration: its name and the SQL that applies and reverts it.
struct SqlMigration {
    name: &'static str,
    up: &'static str,
    down: &'static str,
}

/// Every migration, oldest first. Append only: never edit one that has shipped.
const MIGRATIONS: &[SqlMigration] = &[
    SqlMigration {
        name: "m0001_foundation",
        up: include_str!("sql/m0001_foundation_up.sql"),
        down: include_str!("sql/m0001_foundation_down.sql"),
    },
    SqlMigration {
        name: "m0002_catalog",
        up: include_str!("sql/m0002_catalog_up.sql"),
        down: include_str!("sql/m0002_catalog_down.sql"),
    },
    SqlMigration {
        name: "m0003_gis",
        up: include_str!("sql/m0003_gis_up.sql"),
        down: include_str!("sql/m0003_gis_down.sql"),
    },
    SqlMigration {
        name: "m0004_gis_serving",
        up: include_str!("sql/m0004_gis_serving_up.sql"),
        down: include_str!("sql/m0004_gis_serving_down.sql"),
    },
    SqlMigration {
        name: "m0005_site",
        up: include_str!("sql/m0005_site_up.sql"),
        down: include_str!("sql/m0005_site_down.sql"),
    },
    SqlMigration {
        name: "m0006_gis_overview",
        up: include_str!("sql/m0006_gis_overview_up.sql"),
        down: include_str!("sql/m0006_gis_overview_down.sql"),
    },
    SqlMigration {
        name: "m0007_tenant_changes",
        up: include_str!("sql/m0007_tenant_changes_up.sql"),
        down: include_str!("sql/m0007_tenant_changes_down.sql"),
    },
    SqlMigration {
        name: "m0008_spatial_index_under_rls",
        up: include_str!("sql/m0008_spatial_index_under_rls_up.sql"),
        down: include_str!("sql/m0008_spatial_index_under_rls_down.sql"),
    },
    SqlMigration {
        name: "m0009_tile_storage",
        up: include_str!("sql/m0009_tile_storage_up.sql"),
        down: include_str!("sql/m0009_tile_storage_down.sql"),
    },
    SqlMigration {
        name: "m0010_gis_write_cost",
        up: include_str!("sql/m0010_gis_write_cost_up.sql"),
        down: include_str!("sql/m0010_gis_write_cost_down.sql"),
    },
    SqlMigration {
        name: "m0011_gis_write_path",
        up: include_str!("sql/m0011_gis_write_path_up.sql"),
        down: include_str!("sql/m0011_gis_write_path_down.sql"),
    },
    SqlMigration {
        name: "m0012_cadastral_lookup",
        up: include_str!("sql/m0012_cadastral_lookup_up.sql"),
        down: include_str!("sql/m0012_cadastral_lookup_down.sql"),
    },
    SqlMigration {
        name: "m0013_overview_area",
        up: include_str!("sql/m0013_overview_area_up.sql"),
        down: include_str!("sql/m0013_overview_area_down.sql"),
    },
    SqlMigration {
        name: "m0014_import_statistics",
        up: include_str!("sql/m0014_import_statistics_up.sql"),
        down: include_str!("sql/m0014_import_statistics_down.sql"),
    },
    SqlMigration {
        name: "m0015_app_password",
        up: include_str!("sql/m0015_app_password_up.sql"),
        down: include_str!("sql/m0015_app_password_down.sql"),
    },
    SqlMigration {
        name: "m0016_applications",
        up: include_str!("sql/m0016_applications_up.sql"),
        down: include_str!("sql/m0016_applications_down.sql"),
    },
    SqlMigration {
        name: "m0017_application_tally",
        up: include_str!("sql/m0017_application_tally_up.sql"),
        down: include_str!("sql/m0017_application_tally_down.sql"),
    },
    SqlMigration {
        name: "m0018_invitation_provider",
        up: include_str!("sql/m0018_invitation_provider_up.sql"),
        down: include_str!("sql/m0018_invitation_provider_down.sql"),
    },
    SqlMigration {
        name: "m0019_case_indexes",
        up: include_str!("sql/m0019_case_indexes_up.sql"),
        down: include_str!("sql/m0019_case_indexes_down.sql"),
    },
    SqlMigration {
        name: "m0020_queue",
        up: include_str!("sql/m0020_queue_up.sql"),
        down: include_str!("sql/m0020_queue_down.sql"),
    },
    SqlMigration {
        name: "m0021_case_prefixes",
        up: include_str!("sql/m0021_case_prefixes_up.sql"),
        down: include_str!("sql/m0021_case_prefixes_down.sql"),
    },
    SqlMigration {
        name: "m0022_portal",
        up: include_str!("sql/m0022_portal_up.sql"),
        down: include_str!("sql/m0022_portal_down.sql"),
    },
    SqlMigration {
        name: "m0023_ukrainian_search",
        up: include_str!("sql/m0023_ukrainian_search_up.sql"),
        down: include_str!("sql/m0023_ukrainian_search_down.sql"),
    },
    SqlMigration {
        name: "m0024_tile_cache_unkeyed",
        up: include_str!("sql/m0024_tile_cache_unkeyed_up.sql"),
        down: include_str!("sql/m0024_tile_cache_unkeyed_down.sql"),
    },
    SqlMigration {
        name: "m0025_rls_tenant_once",
        up: include_str!("sql/m0025_rls_tenant_once_up.sql"),
        down: include_str!("sql/m0025_rls_tenant_once_down.sql"),
    },
    SqlMigration {
        name: "m0026_tile_clearance",
        up: include_str!("sql/m0026_tile_clearance_up.sql"),
        down: include_str!("sql/m0026_tile_clearance_down.sql"),
    },
];

impl MigrationName for &'static SqlMigration {
    fn name(&self) -> &str {
        self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for &'static SqlMigration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(self.up).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(self.down)
            .await?;
        Ok(())
    }
}

/// The migrator that `hromada migrate` and `hromada serve` run.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        MIGRATIONS
            .iter()
            .map(|m| Box::new(m) as Box<dyn MigrationTrait>)
            .collect()
    }
}

/// Names of every migration this build knows, oldest first.
pub fn migration_names() -> Vec<&'static str> {
    MIGRATIONS.iter().map(|m| m.name).collect()
}

/// A short hash of every migration's SQL: a database migrated by this build has this schema.
/// Tests use it to name the migrated template database they clone.
pub fn schema_fingerprint() -> String {
    let mut hash = Sha256::new();
    for m in MIGRATIONS {
        hash.update(m.name.as_bytes());
        hash.update(m.up.as_bytes());
    }
    hex::encode(&hash.finalize()[..8])
}
