-- Serving GIS layers: a Web-Mercator copy of every geometry for vector tiles, a tile cache
-- that every change of a feature invalidates for exactly the tiles it touches, and the
-- smallest zoom at which a layer's features are drawn one by one.

-- Web Mercator covers latitudes up to ±85.0511°; a geometry reaching beyond is clipped for
-- maps (the stored WGS 84 geometry stays whole).
CREATE FUNCTION app.web_mercator(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_YMax(g) <= 85.0511 AND ST_YMin(g) >= -85.0511 THEN ST_Transform(g, 3857)
         ELSE ST_Transform(ST_ClipByBox2D(g, ST_MakeEnvelope(-180, -85.0511, 180, 85.0511, 4326)), 3857)
         END
$$;

ALTER TABLE gis_feature
  ADD COLUMN geom_3857 geometry(Geometry, 3857) GENERATED ALWAYS AS (app.web_mercator(geom)) STORED;
CREATE INDEX gis_feature_geom_3857_idx ON gis_feature USING gist (geom_3857) WHERE deleted_at IS NULL;

ALTER TABLE boundary
  ADD COLUMN geom_3857 geometry(Geometry, 3857) GENERATED ALWAYS AS (app.web_mercator(geom)) STORED;

-- Below this zoom a layer's tiles are empty (parcels: a million of them do not fit a tile).
ALTER TABLE gis_layer ADD COLUMN tile_min_zoom smallint NOT NULL DEFAULT 0
  CHECK (tile_min_zoom BETWEEN 0 AND 22);
UPDATE gis_layer SET tile_min_zoom = 13 WHERE kind = 'land_parcels';

-- Rendered Mapbox Vector Tiles of a layer. A row is written by the request that rendered it
-- and removed by the change of a feature whose geometry (old or new) reaches into the tile.
CREATE TABLE gis_tile (
  tenant_id uuid NOT NULL,
  layer_id  uuid NOT NULL,
  z         smallint NOT NULL,
  x         integer NOT NULL,
  y         integer NOT NULL,
  mvt       bytea NOT NULL,
  etag      text NOT NULL,
  made_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, layer_id, z, x, y),
  FOREIGN KEY (tenant_id, layer_id) REFERENCES gis_layer (tenant_id, id) ON DELETE CASCADE
);
SELECT app.enable_tenant_rls('gis_tile');
GRANT SELECT, INSERT, DELETE ON gis_tile TO hromada_server;

-- The key of a layer's tile lock: a tile is cached only under the shared lock, and a change
-- of the layer's features takes it exclusively, so no tile rendered before a change can be
-- stored after the change has removed its tiles.
CREATE FUNCTION app.tile_lock_key(layer uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT hashtextextended(layer::text, 7) $$;

-- The margin of a tile, as a fraction of its side: the buffer ST_AsMVTGeom keeps around it.
CREATE FUNCTION app.tile_margin() RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 64.0 / 4096.0 $$;

-- Removes the cached tiles that the changed features' geometries (old and new) reach into,
-- at every zoom. Few geometries: exactly the tiles each one intersects. Many
-- (an import): the tiles of each layer's extent, one scan instead of a probe per row.
CREATE FUNCTION app.gis_tile_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tenants uuid[] := '{}';
  layers  uuid[] := '{}';
  geoms   geometry[] := '{}';
  layer   uuid;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT tenants || array_agg(n.tenant_id), layers || array_agg(n.layer_id), geoms || array_agg(n.geom_3857)
      INTO tenants, layers, geoms FROM new_rows n HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(tenants, '{}') || array_agg(o.tenant_id), coalesce(layers, '{}') || array_agg(o.layer_id),
           coalesce(geoms, '{}') || array_agg(o.geom_3857)
      INTO tenants, layers, geoms FROM old_rows o HAVING count(*) > 0;
  END IF;
  IF coalesce(cardinality(layers), 0) = 0 THEN
    RETURN NULL;
  END IF;
  FOR layer IN SELECT DISTINCT l FROM unnest(layers) l ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(app.tile_lock_key(layer));
  END LOOP;
  IF cardinality(layers) <= 64 THEN
    DELETE FROM gis_tile t USING (
        SELECT c.tenant_id, c.layer_id, c.g, z,
               floor((ST_XMin(c.g) + 20037508.342789244) / (40075016.685578488 / 2 ^ z) - app.tile_margin())::int AS x0,
               floor((ST_XMax(c.g) + 20037508.342789244) / (40075016.685578488 / 2 ^ z) + app.tile_margin())::int AS x1,
               floor((20037508.342789244 - ST_YMax(c.g)) / (40075016.685578488 / 2 ^ z) - app.tile_margin())::int AS y0,
               floor((20037508.342789244 - ST_YMin(c.g)) / (40075016.685578488 / 2 ^ z) + app.tile_margin())::int AS y1
        FROM unnest(tenants, layers, geoms) AS c(tenant_id, layer_id, g), generate_series(0, 22) z) r
      WHERE t.tenant_id = r.tenant_id AND t.layer_id = r.layer_id AND t.z = r.z
        AND t.x BETWEEN r.x0 AND r.x1 AND t.y BETWEEN r.y0 AND r.y1
        AND ST_Intersects(ST_TileEnvelope(t.z, t.x, t.y, margin => app.tile_margin()), r.g);
  ELSE
    DELETE FROM gis_tile t USING (
        SELECT c.tenant_id, c.layer_id, ST_SetSRID(ST_Extent(c.g)::geometry, 3857) AS e
        FROM unnest(tenants, layers, geoms) AS c(tenant_id, layer_id, g) GROUP BY c.tenant_id, c.layer_id) r
      WHERE t.tenant_id = r.tenant_id AND t.layer_id = r.layer_id
        AND ST_TileEnvelope(t.z, t.x, t.y, margin => app.tile_margin()) && r.e;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER gis_feature_tiles_insert AFTER INSERT ON gis_feature
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_tile_forget();
CREATE TRIGGER gis_feature_tiles_update AFTER UPDATE ON gis_feature
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_tile_forget();
CREATE TRIGGER gis_feature_tiles_delete AFTER DELETE ON gis_feature
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_tile_forget();
