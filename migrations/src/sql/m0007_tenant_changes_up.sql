-- Servers keep the tenant of each host in memory; a change to tenants or their hosts tells
-- every server to forget them (delivered at commit).
CREATE FUNCTION app.tenant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hromada_tenant_changed', '');
  RETURN NULL;
END $$;
CREATE TRIGGER tenant_changed AFTER INSERT OR UPDATE OR DELETE ON tenant
  FOR EACH STATEMENT EXECUTE FUNCTION app.tenant_changed();
CREATE TRIGGER tenant_host_changed AFTER INSERT OR UPDATE OR DELETE ON tenant_host
  FOR EACH STATEMENT EXECUTE FUNCTION app.tenant_changed();
