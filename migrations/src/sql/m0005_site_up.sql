-- Site builder: a website per community (pages of typed blocks, news, menus, theme, media),
-- drafts and published versions, revisions, preview links, templates kept by the oblast.

-- A template an oblast adds beside the ones shipped with the platform (those live in code).
-- Owned by the oblast; its communities read it when their site is created.
CREATE TABLE site_template (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  key        text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_uk    text NOT NULL CHECK (length(name_uk) BETWEEN 1 AND 200),
  name_en    text NOT NULL DEFAULT '',
  sections   jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (tenant_id, key)
);
SELECT app.enable_tenant_rls('site_template');

-- The site of a community: its template, theme and settings. Public: every visitor reads it.
CREATE TABLE site (
  tenant_id  uuid PRIMARY KEY REFERENCES tenant (id),
  template   text NOT NULL,
  theme      jsonb NOT NULL DEFAULT '{}',
  settings   jsonb NOT NULL DEFAULT '{}',
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT app.enable_public_rls('site');

-- A page or a news item. `draft` is what editors work on; `published` what visitors see;
-- `scheduled` becomes what visitors see at `scheduled_at` (read-time, so no worker is needed).
CREATE TABLE site_page (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  id             uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('page', 'news')),
  parent_id      uuid,
  slug           text NOT NULL CHECK (slug ~ '^([a-z0-9]+(-[a-z0-9]+)*)?$' AND length(slug) <= 80),
  position       integer NOT NULL DEFAULT 0,
  section        text,
  draft          jsonb NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  published      jsonb,
  published_at   timestamptz,
  scheduled      jsonb,
  scheduled_at   timestamptz,
  search_text    text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES site_page (tenant_id, id),
  CHECK (kind = 'page' OR parent_id IS NULL),
  CHECK ((scheduled IS NULL) = (scheduled_at IS NULL))
);
CREATE UNIQUE INDEX site_page_slug_key ON site_page (tenant_id, kind, parent_id, slug) NULLS NOT DISTINCT;
CREATE INDEX site_page_search_idx ON site_page USING gin (to_tsvector('simple', search_text));
SELECT app.enable_tenant_rls('site_page');
-- Visitors read what is published (or due by its schedule); drafts stay the tenant's.
CREATE POLICY public_rows_read ON site_page FOR SELECT
  USING (published IS NOT NULL OR scheduled_at <= now());

-- Every saved state of a page or news item, for history and restore.
CREATE TABLE site_page_revision (
  tenant_id  uuid NOT NULL,
  id         bigint GENERATED ALWAYS AS IDENTITY,
  page_id    uuid NOT NULL,
  version    integer NOT NULL,
  content    jsonb NOT NULL,
  action     text NOT NULL CHECK (action IN ('create', 'update', 'restore', 'publish', 'unpublish', 'schedule')),
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, page_id) REFERENCES site_page (tenant_id, id)
);
CREATE INDEX site_page_revision_page_idx ON site_page_revision (tenant_id, page_id, id);
SELECT app.enable_tenant_rls('site_page_revision');

-- A link to view a draft without signing in, until it expires. Only the token's hash is kept.
CREATE TABLE site_preview (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  token_hash bytea NOT NULL,
  page_id    uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by uuid,
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, page_id) REFERENCES site_page (tenant_id, id)
);
SELECT app.enable_tenant_rls('site_preview');

-- Menus (`main`, `footer`): a nested, ordered tree of items.
CREATE TABLE site_menu (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  key        text NOT NULL CHECK (key IN ('main', 'footer')),
  items      jsonb NOT NULL DEFAULT '[]',
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
SELECT app.enable_public_rls('site_menu');

-- The media library: files kept in the BlobStore under `storage_key`, by content hash.
CREATE TABLE site_media (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('image', 'document')),
  content_type text NOT NULL,
  file_name    text NOT NULL,
  byte_size    bigint NOT NULL CHECK (byte_size > 0),
  sha256       text NOT NULL,
  storage_key  text NOT NULL,
  title        text NOT NULL DEFAULT '',
  alt_uk       text NOT NULL DEFAULT '',
  alt_en       text NOT NULL DEFAULT '',
  width        integer,
  height       integer,
  variants     jsonb NOT NULL DEFAULT '[]',
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   uuid,
  PRIMARY KEY (tenant_id, id)
);
SELECT app.enable_public_rls('site_media');

GRANT SELECT, INSERT ON site_template TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON site TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON site_page TO hromada_server;
GRANT SELECT, INSERT ON site_page_revision TO hromada_server;
GRANT SELECT, INSERT, DELETE ON site_preview TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON site_menu TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON site_media TO hromada_server;

-- Rendered pages are cached in each server's memory; a change to anything a page shows
-- notifies every server (delivered at commit, so never before the change is visible).
CREATE FUNCTION app.site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hromada_site_changed', COALESCE(NEW.tenant_id, OLD.tenant_id)::text);
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['site', 'site_page', 'site_menu', 'site_media', 'public_service',
                           'cnap', 'gis_layer'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION app.site_changed()', t || '_site_changed', t);
  END LOOP;
END $$;
