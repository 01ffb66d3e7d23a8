-- Cheaper writes of features. Figures: the import's INSERT of 100,000 parcels timed in psql,
-- on the project's 2-core machine.

-- 1. `app.web_mercator` computes the generated `geom_3857` of every feature row. Declared
-- STRICT, PostgreSQL could not inline it (the body's CASE is not strict), so every row paid a
-- SQL-function call around the transform: 0.41 s per 100,000 geometries instead of 0.13 s, and
-- about 1.5 s of the import's write. Without STRICT the body is inlined; a NULL still gives
-- NULL (ST_ClipByBox2D and ST_Transform are strict).
CREATE OR REPLACE FUNCTION app.web_mercator(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_YMax(g) <= 85.0511 AND ST_YMin(g) >= -85.0511 THEN ST_Transform(g, 3857)
         ELSE ST_Transform(ST_ClipByBox2D(g, ST_MakeEnvelope(-180, -85.0511, 180, 85.0511, 4326)), 3857)
         END
$$;

-- 2. One spatial index per feature instead of two. Web Mercator maps longitude to x and
-- latitude to y, each monotonically, so a box in degrees is a box in metres and `&&` on the
-- Mercator copies selects exactly the rows it selects on the WGS 84 geometries; queries
-- prefilter on `geom_3857 && app.web_mercator(…)` and test exactly on `geom`. Its distance
-- (`<->`) is a better nearest-first order than degrees (it keeps the aspect of the ground).
-- Keeping both indexes cost each inserted feature a second GiST insertion: about 0.8 s of
-- the write of 100,000 parcels (about 11 %).
DROP INDEX gis_feature_geom_idx;

-- 3. The tile cache's invalidation after a write. Before, every changed row's tenant, layer
-- and Mercator geometry were gathered into arrays (a copy of each geometry) before a large
-- change was reduced to its extent: 0.33 s of the write of 100,000 parcels. Now the first 65
-- rows tell which case it is, and a large change takes each layer's extent straight from the
-- transition tables. Either way the tiles each geometry (or extent) reaches into are found
-- by their address ranges at every zoom.
CREATE OR REPLACE FUNCTION app.gis_tile_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The rows the change moves (old and new); a transition table exists only for its
  -- operations, hence the statement's text chosen here and run with EXECUTE.
  moved   text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT tenant_id, layer_id, geom_3857 AS g FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT tenant_id, layer_id, geom_3857 AS g FROM old_rows'
    ELSE 'SELECT tenant_id, layer_id, geom_3857 AS g FROM new_rows '
         'UNION ALL SELECT tenant_id, layer_id, geom_3857 FROM old_rows'
    END;
  tenants uuid[];
  layers  uuid[];
  geoms   geometry[];
  layer   uuid;
BEGIN
  EXECUTE format('SELECT array_agg(m.tenant_id), array_agg(m.layer_id), array_agg(m.g) '
                 'FROM (%s LIMIT 65) m', moved)
    INTO tenants, layers, geoms;
  IF coalesce(cardinality(layers), 0) = 0 THEN
    RETURN NULL;
  END IF;
  IF cardinality(layers) > 64 THEN
    EXECUTE format('SELECT array_agg(e.tenant_id), array_agg(e.layer_id), array_agg(e.g) '
                   'FROM (SELECT m.tenant_id, m.layer_id, '
                   '             ST_SetSRID(ST_Extent(m.g)::geometry, 3857) AS g '
                   '      FROM (%s) m GROUP BY 1, 2) e', moved)
      INTO tenants, layers, geoms;
  END IF;
  FOR layer IN SELECT DISTINCT l FROM unnest(layers) l ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(app.tile_lock_key(layer));
  END LOOP;
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
  RETURN NULL;
END $$;

-- 4. The layer check over a write's distinct layers read them from the transition table twice
-- (to lock them, then to find a missing one); now once.
CREATE OR REPLACE FUNCTION app.gis_feature_layer_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tenants uuid[];
  layers  uuid[];
  missing record;
BEGIN
  SELECT array_agg(n.tenant_id), array_agg(n.layer_id) INTO tenants, layers
    FROM (SELECT DISTINCT tenant_id, layer_id FROM new_rows) n;
  PERFORM 1 FROM gis_layer l JOIN unnest(tenants, layers) AS n(tenant_id, layer_id)
    ON l.tenant_id = n.tenant_id AND l.id = n.layer_id FOR KEY SHARE OF l;
  SELECT n.tenant_id, n.layer_id INTO missing FROM unnest(tenants, layers) AS n(tenant_id, layer_id)
    WHERE NOT EXISTS (SELECT 1 FROM gis_layer l WHERE l.tenant_id = n.tenant_id AND l.id = n.layer_id)
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'gis_feature: layer % of tenant % does not exist', missing.layer_id, missing.tenant_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
