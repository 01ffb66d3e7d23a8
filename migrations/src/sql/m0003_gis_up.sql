-- GIS: boundaries of tenants, layers of land parcels and assets, features with versions and
-- a history of every edit.

-- The boundary of an oblast or a community, set by the oblast. Public information.
CREATE TABLE boundary (
  tenant_id  uuid PRIMARY KEY REFERENCES tenant (id),
  geom       geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX boundary_geom_idx ON boundary USING gist (geom);
SELECT app.enable_public_rls('boundary');

-- A layer of a community: its kind, geometry type, attribute schema and map style.
CREATE TABLE gis_layer (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  id               uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('land_parcels', 'assets', 'custom')),
  name_uk          text NOT NULL CHECK (length(name_uk) BETWEEN 1 AND 200),
  name_en          text NOT NULL DEFAULT '',
  geometry_type    text NOT NULL CHECK (geometry_type IN ('point', 'line', 'polygon', 'any')),
  attribute_schema jsonb NOT NULL DEFAULT '[]',
  style            jsonb NOT NULL DEFAULT '{}',
  public           boolean NOT NULL DEFAULT false,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
SELECT app.enable_tenant_rls('gis_layer');
-- Public layers are read by everyone (maps, OGC clients); writes stay the tenant's.
CREATE POLICY public_rows_read ON gis_layer FOR SELECT USING (public);

-- A feature: geometry in WGS 84, attributes checked against the layer's schema. The
-- cadastral number and purpose code of a parcel are read from its attributes, so that the
-- database keeps cadastral numbers unique within a community whatever path wrote them.
CREATE TABLE gis_feature (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  layer_id         uuid NOT NULL,
  geom             geometry(Geometry, 4326) NOT NULL,
  attributes       jsonb NOT NULL DEFAULT '{}',
  cadastral_number text GENERATED ALWAYS AS (attributes ->> 'cadastralNumber') STORED,
  purpose_code     text GENERATED ALWAYS AS (attributes ->> 'purposeCode') STORED,
  public           boolean NOT NULL DEFAULT false,
  version          integer NOT NULL DEFAULT 1,
  deleted_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, layer_id) REFERENCES gis_layer (tenant_id, id)
);
CREATE INDEX gis_feature_geom_idx ON gis_feature USING gist (geom) WHERE deleted_at IS NULL;
CREATE INDEX gis_feature_layer_idx ON gis_feature (tenant_id, layer_id, id);
CREATE UNIQUE INDEX gis_feature_cadastral_key ON gis_feature (tenant_id, cadastral_number)
  WHERE deleted_at IS NULL AND cadastral_number IS NOT NULL;
SELECT app.enable_tenant_rls('gis_feature');
CREATE POLICY public_rows_read ON gis_feature FOR SELECT USING (public AND deleted_at IS NULL);

-- Every edit of a feature: who, when, what changed, and the state before it (none for a
-- creation). The state at a date is the state before the first later edit, or the current row.
CREATE TABLE gis_feature_edit (
  tenant_id      uuid NOT NULL,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  feature_id     uuid NOT NULL,
  layer_id       uuid NOT NULL,
  op             text NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore', 'revert', 'import')),
  version        integer NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_id       uuid,
  changed        text[] NOT NULL DEFAULT '{}',
  old_geom       geometry(Geometry, 4326),
  old_attributes jsonb,
  old_deleted    boolean,
  reverts        bigint,
  PRIMARY KEY (tenant_id, id)
);
-- No foreign key to gis_feature: like the audit log, the history is an append-only record
-- written in the same statement as the feature it describes, and features are never
-- removed (deletion is a flag). The key's per-row check doubled the cost of a large import.
CREATE INDEX gis_feature_edit_feature_idx ON gis_feature_edit (tenant_id, feature_id, id);
SELECT app.enable_tenant_rls('gis_feature_edit');

GRANT SELECT, INSERT, UPDATE ON boundary TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON gis_layer TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON gis_feature TO hromada_server;
GRANT SELECT, INSERT ON gis_feature_edit TO hromada_server;

-- ST_Transform that answers NULL instead of failing on coordinates outside the
-- projection's domain, so a bad coordinate is the caller's error, not an aborted transaction.
CREATE FUNCTION app.try_transform(g geometry, srid integer) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN ST_Transform(g, srid);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- The UCS-2000 Gauss–Krüger 6° zone (EPSG 5562–5565, central meridians 21/27/33/39°) of a
-- WGS 84 geometry, by the longitude of its centroid.
CREATE FUNCTION app.ucs2000_zone_srid(g geometry) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 5558 + least(7, greatest(4, floor(ST_X(ST_PointOnSurface(g)) / 6)::integer + 1))
$$;

-- A time-ordered UUID (version 7) for rows made in bulk by SQL, like Uuid::now_v7() in Rust.
CREATE FUNCTION app.uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
           PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
           FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;
