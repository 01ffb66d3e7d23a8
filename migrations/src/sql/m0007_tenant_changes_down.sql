DROP TRIGGER IF EXISTS tenant_changed ON tenant;
DROP TRIGGER IF EXISTS tenant_host_changed ON tenant_host;
DROP FUNCTION IF EXISTS app.tenant_changed();
