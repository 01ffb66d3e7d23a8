-- Application passwords: a person's own secrets for map clients (QGIS, GDAL) that cannot send
-- a bearer token. Like sessions, they belong to a user, not a tenant; only the SHA-256 of the
-- secret is kept.
CREATE TABLE app_password (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  secret_hash  bytea NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX app_password_user_idx ON app_password (user_id, created_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON app_password TO hromada_server;
