-- Row-level security computes the request's tenant once per statement, not once per row
-- (issue 29). The `tenant_own` policy of every tenant-owned table compared each row with
-- `app.tenant_id()`, a `current_setting` lookup and a uuid parse that PostgreSQL evaluates for
-- every row the policy filters: a vector tile of 3,000 parcels spent about a tenth of its time
-- there. `(SELECT app.tenant_id())` is an initplan: computed once per statement and compared
-- as a parameter, which an index can still use. The policies admit exactly the same rows.
CREATE OR REPLACE FUNCTION app.enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_own ON %s USING (tenant_id = (SELECT app.tenant_id())) '
                 'WITH CHECK (tenant_id = (SELECT app.tenant_id()))', tbl);
  EXECUTE format('CREATE POLICY oblast_read ON %s FOR SELECT USING (app.oblast_reads(tenant_id))', tbl);
END $$;

DO $$
DECLARE
  tbl regclass;
BEGIN
  FOR tbl IN SELECT polrelid::regclass FROM pg_policy WHERE polname = 'tenant_own' LOOP
    EXECUTE format('ALTER POLICY tenant_own ON %s USING (tenant_id = (SELECT app.tenant_id())) '
                   'WITH CHECK (tenant_id = (SELECT app.tenant_id()))', tbl);
  END LOOP;
END $$;
