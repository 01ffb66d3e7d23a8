-- What a large write of features costs, per row, beyond the row and its indexes. Measured on
-- 200,000 imported parcels: the overview trigger 6.1 s (it recounted every touched cell from
-- the table, an area per parcel read back through the spatial index) and the foreign key to
-- the layer 2.3 s (a lookup per row). Both now work per statement.

-- The overview follows a change by its difference: parcels leaving a cell (old rows that were
-- live) count minus, parcels arriving (new live rows) plus; a cell left with none is dropped.
-- The cells touched are still the ones whose cached tiles below the minimum zoom are forgotten.
CREATE OR REPLACE FUNCTION app.gis_overview_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The rows the change moves, signed; a transition table exists only for its operations,
  -- hence the statement's text chosen here and run with EXECUTE.
  moved   text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT tenant_id, layer_id, geom, geom_3857, 1 AS sign FROM new_rows WHERE deleted_at IS NULL'
    WHEN 'DELETE' THEN 'SELECT tenant_id, layer_id, geom, geom_3857, -1 AS sign FROM old_rows WHERE deleted_at IS NULL'
    ELSE 'SELECT tenant_id, layer_id, geom, geom_3857, 1 AS sign FROM new_rows WHERE deleted_at IS NULL '
         'UNION ALL SELECT tenant_id, layer_id, geom, geom_3857, -1 FROM old_rows WHERE deleted_at IS NULL'
    END;
  tenants uuid[];
  layers  uuid[];
  xs      integer[];
  ys      integer[];
  counts  integer[];
  areas   double precision[];
  layer   uuid;
BEGIN
  EXECUTE format(
    'SELECT array_agg(d.tenant_id), array_agg(d.layer_id), array_agg(d.cx), array_agg(d.cy), '
    '       array_agg(d.parcels), array_agg(d.area) '
    'FROM (SELECT m.tenant_id, m.layer_id, app.overview_cx(m.geom_3857) AS cx, '
    '             app.overview_cy(m.geom_3857) AS cy, sum(m.sign)::integer AS parcels, '
    '             sum(m.sign * ST_Area(m.geom::geography)) AS area '
    '      FROM (%s) m JOIN gis_layer l ON l.tenant_id = m.tenant_id AND l.id = m.layer_id '
    '      WHERE l.tile_min_zoom > 0 GROUP BY 1, 2, 3, 4) d', moved)
    INTO tenants, layers, xs, ys, counts, areas;
  IF coalesce(cardinality(layers), 0) = 0 THEN
    RETURN NULL;
  END IF;
  -- The tile cache's lock (see app.gis_tile_forget): no tile rendered before this change
  -- can be stored after the tiles it makes stale are forgotten.
  FOR layer IN SELECT DISTINCT u FROM unnest(layers) u ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(app.tile_lock_key(layer));
  END LOOP;
  INSERT INTO gis_overview AS o (tenant_id, layer_id, cx, cy, parcels, area_m2)
    SELECT * FROM unnest(tenants, layers, xs, ys, counts, areas)
  ON CONFLICT (tenant_id, layer_id, cx, cy) DO UPDATE
    SET parcels = o.parcels + EXCLUDED.parcels, area_m2 = o.area_m2 + EXCLUDED.area_m2;
  DELETE FROM gis_overview o USING unnest(tenants, layers, xs, ys) AS c(tenant_id, layer_id, cx, cy)
    WHERE o.tenant_id = c.tenant_id AND o.layer_id = c.layer_id AND o.cx = c.cx AND o.cy = c.cy
      AND o.parcels <= 0;
  -- Below the minimum zoom a tile shows whole cells: forget every cached tile a cell touches.
  DELETE FROM gis_tile t USING (
      SELECT DISTINCT c.tenant_id, c.layer_id, z.z,
             (c.cx >> (16 - z.z)) AS tx, (c.cy >> (16 - z.z)) AS ty
      FROM unnest(tenants, layers, xs, ys) AS c(tenant_id, layer_id, cx, cy)
      JOIN gis_layer l ON l.tenant_id = c.tenant_id AND l.id = c.layer_id,
           LATERAL generate_series(0, least(l.tile_min_zoom - 1, 16)) z(z)) r
    WHERE t.tenant_id = r.tenant_id AND t.layer_id = r.layer_id AND t.z = r.z
      AND t.x BETWEEN r.tx - 1 AND r.tx + 1 AND t.y BETWEEN r.ty - 1 AND r.ty + 1;
  RETURN NULL;
END $$;

-- A feature's layer exists: checked once per statement over the distinct layers it wrote,
-- which are locked like a foreign key locks them (KEY SHARE), instead of a lookup per row.
ALTER TABLE gis_feature DROP CONSTRAINT gis_feature_tenant_id_layer_id_fkey;

CREATE FUNCTION app.gis_feature_layer_check() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER gis_feature_layer_insert AFTER INSERT ON gis_feature
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_feature_layer_check();
CREATE TRIGGER gis_feature_layer_update AFTER UPDATE ON gis_feature
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_feature_layer_check();

-- The other side of the key: a layer that features reference keeps its identity.
CREATE FUNCTION app.gis_layer_keep_features() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR (NEW.tenant_id, NEW.id) IS DISTINCT FROM (OLD.tenant_id, OLD.id))
     AND EXISTS (SELECT 1 FROM gis_feature f WHERE f.tenant_id = OLD.tenant_id AND f.layer_id = OLD.id) THEN
    RAISE EXCEPTION 'gis_layer: layer % still has features', OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER gis_layer_keep_features BEFORE DELETE OR UPDATE OF tenant_id, id ON gis_layer
  FOR EACH ROW EXECUTE FUNCTION app.gis_layer_keep_features();
