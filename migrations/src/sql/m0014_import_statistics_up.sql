-- Fresh statistics after a large import. PostgreSQL's estimates of gis_feature describe the
-- table as it was when it was last analyzed; right after a million parcels arrive they still
-- say it holds a few thousand, and a land officer's lookup by cadastral number then walked
-- the primary key through all of them (0.67 s, where the number's index answers at once).
-- Autovacuum catches up eventually, or never where it is off. The import calls this in its own
-- transaction, which counts its uncommitted rows as live, once it has written as much as
-- autovacuum's default threshold would react to (a fifth of the table) and at least 1,000
-- rows. Only the columns plans filter on are sampled (about 0.5 s for a million rows). The
-- server's role may not analyze a table it does not own, so this runs as the owner. When
-- another import holds the table's analyze lock, it is skipped rather than waited for.
CREATE FUNCTION app.analyze_features_after(written bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
SET lock_timeout = '100ms' AS $$
DECLARE
  estimated real;
BEGIN
  SELECT reltuples INTO estimated FROM pg_class WHERE oid = 'public.gis_feature'::regclass;
  IF written < 1000 OR (estimated >= 0 AND written < 0.2 * estimated) THEN
    RETURN false;
  END IF;
  ANALYZE public.gis_feature (tenant_id, layer_id, cadastral_number, purpose_code, deleted_at,
                              public, geom_3857);
  RETURN true;
EXCEPTION WHEN lock_not_available THEN
  RETURN false;
END $$;
REVOKE ALL ON FUNCTION app.analyze_features_after(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.analyze_features_after(bigint) TO hromada_server;
