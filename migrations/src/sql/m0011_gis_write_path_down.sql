CREATE INDEX gis_feature_geom_idx ON gis_feature USING gist (geom) WHERE deleted_at IS NULL;
CREATE OR REPLACE FUNCTION app.web_mercator(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_YMax(g) <= 85.0511 AND ST_YMin(g) >= -85.0511 THEN ST_Transform(g, 3857)
         ELSE ST_Transform(ST_ClipByBox2D(g, ST_MakeEnvelope(-180, -85.0511, 180, 85.0511, 4326)), 3857)
         END
$$;
-- The tile-cache invalidation as m0004 made it, the layer check as m0010 made it.
CREATE OR REPLACE FUNCTION app.gis_tile_forget() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION app.gis_feature_layer_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing record;
BEGIN
  PERFORM 1 FROM gis_layer l JOIN (SELECT DISTINCT tenant_id, layer_id FROM new_rows) n
    ON l.tenant_id = n.tenant_id AND l.id = n.layer_id FOR KEY SHARE OF l;
  SELECT n.tenant_id, n.layer_id INTO missing FROM (SELECT DISTINCT tenant_id, layer_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM gis_layer l WHERE l.tenant_id = n.tenant_id AND l.id = n.layer_id)
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'gis_feature: layer % of tenant % does not exist', missing.layer_id, missing.tenant_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
