-- Foundation: PostGIS, the server's group role, tenants, accounts, role grants, invitations,
-- audit log and the mail outbox, with row-level security on every tenant-owned table.

CREATE EXTENSION IF NOT EXISTS postgis;

-- The server's login role (from DATABASE_URL) is made a member of this group role by
-- `hromada migrate`; every privilege the server needs is granted here, and nothing more.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hromada_server') THEN
    CREATE ROLE hromada_server NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO hromada_server;
GRANT USAGE ON SCHEMA public TO hromada_server;
GRANT SELECT ON seaql_migrations TO hromada_server;

-- The request's tenant, user and roles, set with set_config(..., true) at the start of
-- every request transaction. An unset setting reads '' on a pooled connection, hence NULLIF.
CREATE FUNCTION app.tenant_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app.user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

CREATE FUNCTION app.has_role(role text) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT role = ANY (string_to_array(NULLIF(current_setting('app.roles', true), ''), ',')) $$;

CREATE TABLE tenant (
  id         uuid PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('oblast', 'community')),
  parent_id  uuid REFERENCES tenant (id),
  slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,61}[a-z0-9]$'),
  katottg    text NOT NULL UNIQUE CHECK (katottg ~ '^UA[0-9]{17}$'),
  name_uk    text NOT NULL CHECK (length(name_uk) BETWEEN 1 AND 200),
  name_en    text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  status     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'oblast') = (parent_id IS NULL))
);
CREATE INDEX tenant_parent_idx ON tenant (parent_id);
COMMENT ON TABLE tenant IS 'Reference table: every oblast and community of the deployment.';

-- Oblast roles read the rows of their own communities, never write them.
CREATE FUNCTION app.oblast_reads(row_tenant uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT (app.has_role('oblast_admin') OR app.has_role('oblast_supervisor'))
      AND EXISTS (SELECT 1 FROM tenant c WHERE c.id = row_tenant AND c.parent_id = app.tenant_id()) $$;

-- Makes a tenant-owned table isolated by PostgreSQL: RLS enabled and forced (owners too),
-- a policy admitting the request's tenant for reads and writes, and read-only rows of
-- child communities for oblast roles. Every tenant-owned table of every migration calls it.
CREATE FUNCTION app.enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_own ON %s USING (tenant_id = app.tenant_id()) '
                 'WITH CHECK (tenant_id = app.tenant_id())', tbl);
  EXECUTE format('CREATE POLICY oblast_read ON %s FOR SELECT USING (app.oblast_reads(tenant_id))', tbl);
END $$;

-- Globally unique host names live outside the tenant-owned tables (Citus rule 2).
CREATE TABLE tenant_host (
  host      text PRIMARY KEY CHECK (host = lower(host)),
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX tenant_host_tenant_idx ON tenant_host (tenant_id);
COMMENT ON TABLE tenant_host IS 'Reference table: host names, unique across the deployment.';

CREATE TABLE app_user (
  id                  uuid PRIMARY KEY,
  email               text NOT NULL,
  display_name        text NOT NULL DEFAULT '',
  password_hash       text,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

CREATE TABLE user_session (
  token_hash   bytea PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  client_addr  text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX user_session_expires_idx ON user_session (expires_at);

CREATE TABLE login_failure (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account     text NOT NULL,
  client_addr text NOT NULL,
  failed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_account_idx ON login_failure (account, failed_at);
CREATE INDEX login_failure_addr_idx ON login_failure (client_addr, failed_at);

CREATE TABLE password_reset (
  token_hash bytea PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE role_grant (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('oblast_admin', 'oblast_supervisor', 'community_admin',
                 'site_editor', 'cnap_admin', 'cnap_head', 'provider_rep', 'provider_head', 'land_officer')),
  granted_by uuid REFERENCES app_user (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, role)
);
CREATE INDEX role_grant_user_idx ON role_grant (user_id);
SELECT app.enable_tenant_rls('role_grant');
-- A user reads their own grants in every tenant (for `me` and authorization).
CREATE POLICY own_grants ON role_grant FOR SELECT USING (user_id = app.user_id());

CREATE TABLE invitation (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  id               uuid NOT NULL,
  token_hash       bytea NOT NULL,
  email            text NOT NULL,
  role             text NOT NULL,
  invited_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  accepted_at      timestamptz,
  accepted_user_id uuid REFERENCES app_user (id),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash)
);
SELECT app.enable_tenant_rls('invitation');

CREATE TABLE audit_log (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          bigint GENERATED ALWAYS AS IDENTITY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id    uuid,
  actor_email text,
  action      text NOT NULL,
  target_type text NOT NULL,
  target_id   text NOT NULL,
  summary     jsonb NOT NULL DEFAULT '{}',
  request_id  text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_id_idx ON audit_log (id DESC);
SELECT app.enable_tenant_rls('audit_log');

-- The audit log is append-only for everyone, owner included.
CREATE FUNCTION app.audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION app.audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION app.audit_log_immutable();

-- The transactional outbox: a platform-wide queue read by the delivery worker across tenants.
CREATE TABLE outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id       uuid REFERENCES tenant (id),
  kind            text NOT NULL,
  payload         jsonb NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL;
COMMENT ON TABLE outbox IS 'Platform queue: written in the transaction of the change, delivered by a worker.';

GRANT SELECT, INSERT, UPDATE ON tenant TO hromada_server;
GRANT SELECT, INSERT, DELETE ON tenant_host TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON app_user TO hromada_server;
GRANT SELECT, INSERT, DELETE ON user_session TO hromada_server;
GRANT SELECT, INSERT, DELETE ON login_failure TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON password_reset TO hromada_server;
GRANT SELECT, INSERT, DELETE ON role_grant TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON invitation TO hromada_server;
GRANT SELECT, INSERT ON audit_log TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON outbox TO hromada_server;
