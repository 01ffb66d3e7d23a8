CREATE OR REPLACE FUNCTION app.enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_own ON %s USING (tenant_id = app.tenant_id()) '
                 'WITH CHECK (tenant_id = app.tenant_id())', tbl);
  EXECUTE format('CREATE POLICY oblast_read ON %s FOR SELECT USING (app.oblast_reads(tenant_id))', tbl);
END $$;

DO $$
DECLARE
  tbl regclass;
BEGIN
  FOR tbl IN SELECT polrelid::regclass FROM pg_policy WHERE polname = 'tenant_own' LOOP
    EXECUTE format('ALTER POLICY tenant_own ON %s USING (tenant_id = app.tenant_id()) '
                   'WITH CHECK (tenant_id = app.tenant_id())', tbl);
  END LOOP;
END $$;
