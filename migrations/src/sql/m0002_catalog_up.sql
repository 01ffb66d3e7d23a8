-- CNAP directory, working-day calendar, providers, the oblast's standard catalog, community
-- service cards with versions, and the public projection searched by the single window.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Tables whose rows are public information (the CNAP directory, calendars, published cards):
-- anyone reads every row, only the row's own tenant writes it.
CREATE FUNCTION app.enable_public_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY public_read ON %s FOR SELECT USING (true)', tbl);
  EXECUTE format('CREATE POLICY tenant_insert ON %s FOR INSERT WITH CHECK (tenant_id = app.tenant_id())', tbl);
  EXECUTE format('CREATE POLICY tenant_update ON %s FOR UPDATE USING (tenant_id = app.tenant_id()) '
                 'WITH CHECK (tenant_id = app.tenant_id())', tbl);
  EXECUTE format('CREATE POLICY tenant_delete ON %s FOR DELETE USING (tenant_id = app.tenant_id())', tbl);
END $$;

-- Centers (ЦНАП) and remote workplaces (віддалені робочі місця).
CREATE TABLE cnap (
  tenant_id     uuid NOT NULL REFERENCES tenant (id),
  id            uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('center', 'remote_workplace')),
  name_uk       text NOT NULL,
  name_en       text NOT NULL DEFAULT '',
  address_uk    text NOT NULL,
  address_en    text NOT NULL DEFAULT '',
  location      geometry(Point, 4326) NOT NULL,
  phone         text,
  email         text,
  website       text,
  accessibility jsonb NOT NULL DEFAULT '{}',
  schedule      jsonb NOT NULL,
  exceptions    jsonb NOT NULL DEFAULT '[]',
  active        boolean NOT NULL DEFAULT true,
  version       integer NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX cnap_location_idx ON cnap USING gist (location);
SELECT app.enable_public_rls('cnap');

-- Mobile CNAP visits: a place, a time window, the services offered there.
CREATE TABLE mobile_visit (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  place_uk    text NOT NULL,
  place_en    text NOT NULL DEFAULT '',
  address_uk  text NOT NULL,
  location    geometry(Point, 4326) NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
  service_ids uuid[] NOT NULL DEFAULT '{}',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX mobile_visit_time_idx ON mobile_visit (tenant_id, ends_at);
CREATE INDEX mobile_visit_services_idx ON mobile_visit USING gin (service_ids);
SELECT app.enable_public_rls('mobile_visit');

-- The working-day calendar: the oblast's holidays and transferred working days, which a
-- community's own rows for the same date override.
CREATE TABLE calendar_day (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  day       date NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('holiday', 'working_day')),
  name_uk   text NOT NULL,
  name_en   text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, day)
);
SELECT app.enable_public_rls('calendar_day');

-- Service providers (суб'єкти надання адміністративних послуг).
CREATE TABLE provider (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  id         uuid NOT NULL,
  name_uk    text NOT NULL,
  name_en    text NOT NULL DEFAULT '',
  edrpou     text NOT NULL CHECK (edrpou ~ '^[0-9]{8}$'),
  phone      text,
  email      text,
  website    text,
  address_uk text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, edrpou)
);
SELECT app.enable_tenant_rls('provider');

-- The oblast's standard catalog: reference tables (no tenant_id), one catalog per oblast.
CREATE TABLE standard_service (
  oblast_id         uuid NOT NULL REFERENCES tenant (id),
  id                uuid PRIMARY KEY,
  code              text NOT NULL,
  current_version   integer NOT NULL DEFAULT 1,
  published_version integer,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oblast_id, code)
);
CREATE TABLE standard_service_version (
  standard_id uuid NOT NULL REFERENCES standard_service (id),
  version     integer NOT NULL,
  card        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  uuid REFERENCES app_user (id),
  PRIMARY KEY (standard_id, version)
);

-- A community's services: local cards, or adopted standard cards with overridden fields.
CREATE TABLE service (
  tenant_id         uuid NOT NULL REFERENCES tenant (id),
  id                uuid NOT NULL,
  standard_id       uuid REFERENCES standard_service (id),
  provider_id       uuid,
  current_version   integer NOT NULL DEFAULT 1,
  published_version integer,
  place_ids         uuid[] NOT NULL DEFAULT '{}',
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, standard_id),
  FOREIGN KEY (tenant_id, provider_id) REFERENCES provider (tenant_id, id)
);
SELECT app.enable_tenant_rls('service');

-- Every version of a card: the whole card for a local service, the overridden fields for an
-- adopted one.
CREATE TABLE service_version (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  service_id uuid NOT NULL,
  version    integer NOT NULL,
  card       jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  PRIMARY KEY (tenant_id, service_id, version),
  FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id)
);
SELECT app.enable_tenant_rls('service_version');

-- The searchable text of published cards, stored once however many communities publish the
-- same card: adopted standard cards share it. The single window matches and scores these few
-- rows, then ranks the communities' rows that point to them. A reference table: public words.
CREATE TABLE search_text (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  digest       bytea NOT NULL UNIQUE,
  name_uk      text NOT NULL,
  name_latin   text NOT NULL,
  search_latin text NOT NULL,
  search_doc   tsvector NOT NULL
);
CREATE INDEX search_text_fts_idx ON search_text USING gin (search_doc);

-- The vocabulary of those texts (Latin words), for typo-tolerant matching word by word: a query
-- word meets similar words here through the trigram index, then the texts that contain them.
CREATE TABLE search_word (
  word text PRIMARY KEY
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);
CREATE TABLE search_text_word (
  word    text NOT NULL REFERENCES search_word (word),
  text_id bigint NOT NULL REFERENCES search_text (id),
  PRIMARY KEY (word, text_id)
);

-- The published, effective card of every community service: what the single window searches
-- and open data publishes. Rewritten by publishing (and by a standard card's new version).
CREATE TABLE public_service (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  service_id   uuid NOT NULL,
  oblast_id    uuid NOT NULL REFERENCES tenant (id),
  standard_id  uuid REFERENCES standard_service (id),
  text_id      bigint NOT NULL REFERENCES search_text (id),
  code         text NOT NULL,
  name_uk      text NOT NULL,
  name_en      text NOT NULL,
  category     text NOT NULL,
  audience     text[] NOT NULL,
  channels     text[] NOT NULL,
  free         boolean NOT NULL,
  card         jsonb NOT NULL,
  place_ids    uuid[] NOT NULL,
  version      integer NOT NULL,
  published_at timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, service_id),
  FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id)
);
-- Ranking reads only this index (an index-only scan), whatever the number of communities.
CREATE INDEX public_service_text_idx ON public_service (text_id, oblast_id, tenant_id, service_id)
  INCLUDE (category, free, audience, channels);
CREATE INDEX public_service_browse_idx ON public_service (oblast_id, name_uk, tenant_id, service_id)
  INCLUDE (category, free, audience, channels);
CREATE INDEX public_service_tenant_text_idx ON public_service (text_id, tenant_id)
  INCLUDE (oblast_id, service_id, category, free, audience, channels);
CREATE INDEX public_service_standard_idx ON public_service (standard_id);
SELECT app.enable_public_rls('public_service');

GRANT SELECT, INSERT, UPDATE ON cnap TO hromada_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON mobile_visit TO hromada_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_day TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON provider TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON standard_service TO hromada_server;
GRANT SELECT, INSERT ON standard_service_version TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON service TO hromada_server;
GRANT SELECT, INSERT ON service_version TO hromada_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON public_service TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON search_text TO hromada_server;
GRANT SELECT, INSERT ON search_word, search_text_word TO hromada_server;
