DROP TRIGGER IF EXISTS gis_layer_keep_features ON gis_layer;
DROP TRIGGER IF EXISTS gis_feature_layer_insert ON gis_feature;
DROP TRIGGER IF EXISTS gis_feature_layer_update ON gis_feature;
DROP FUNCTION IF EXISTS app.gis_layer_keep_features(), app.gis_feature_layer_check();
ALTER TABLE gis_feature ADD FOREIGN KEY (tenant_id, layer_id) REFERENCES gis_layer (tenant_id, id);
-- The overview trigger as m0006 made it: every touched cell recounted from the table.
CREATE OR REPLACE FUNCTION app.gis_overview_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tenants uuid[] := '{}';
  layers  uuid[] := '{}';
  xs      integer[] := '{}';
  ys      integer[] := '{}';
  layer   uuid;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT tenants || array_agg(n.tenant_id), layers || array_agg(n.layer_id),
           xs || array_agg(app.overview_cx(n.geom_3857)), ys || array_agg(app.overview_cy(n.geom_3857))
      INTO tenants, layers, xs, ys
      FROM new_rows n JOIN gis_layer l ON l.tenant_id = n.tenant_id AND l.id = n.layer_id
      WHERE l.tile_min_zoom > 0 HAVING count(*) > 0;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(tenants, '{}') || array_agg(o.tenant_id), coalesce(layers, '{}') || array_agg(o.layer_id),
           coalesce(xs, '{}') || array_agg(app.overview_cx(o.geom_3857)),
           coalesce(ys, '{}') || array_agg(app.overview_cy(o.geom_3857))
      INTO tenants, layers, xs, ys
      FROM old_rows o JOIN gis_layer l ON l.tenant_id = o.tenant_id AND l.id = o.layer_id
      WHERE l.tile_min_zoom > 0 HAVING count(*) > 0;
  END IF;
  IF coalesce(cardinality(layers), 0) = 0 THEN
    RETURN NULL;
  END IF;
  -- The tile cache's lock (see app.gis_tile_forget): no tile rendered before this change
  -- can be stored after the tiles it makes stale are forgotten.
  FOR layer IN SELECT DISTINCT u FROM unnest(layers) u ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(app.tile_lock_key(layer));
  END LOOP;
  INSERT INTO gis_overview (tenant_id, layer_id, cx, cy, parcels, area_m2)
    SELECT c.tenant_id, c.layer_id, c.cx, c.cy, count(f.id), coalesce(sum(ST_Area(f.geom::geography)), 0)
    FROM (SELECT DISTINCT * FROM unnest(tenants, layers, xs, ys) AS u(tenant_id, layer_id, cx, cy)) c
    LEFT JOIN gis_feature f ON f.tenant_id = c.tenant_id AND f.layer_id = c.layer_id
      AND f.deleted_at IS NULL AND f.geom_3857 && app.overview_envelope(c.cx, c.cy, 1)
      AND app.overview_cx(f.geom_3857) = c.cx AND app.overview_cy(f.geom_3857) = c.cy
    GROUP BY c.tenant_id, c.layer_id, c.cx, c.cy
  ON CONFLICT (tenant_id, layer_id, cx, cy) DO UPDATE
    SET parcels = EXCLUDED.parcels, area_m2 = EXCLUDED.area_m2;
  DELETE FROM gis_overview o USING unnest(tenants, layers, xs, ys) AS c(tenant_id, layer_id, cx, cy)
    WHERE o.tenant_id = c.tenant_id AND o.layer_id = c.layer_id AND o.cx = c.cx AND o.cy = c.cy
      AND o.parcels = 0;
  -- Below the minimum zoom a tile shows whole cells: forget every cached tile a cell touches.
  DELETE FROM gis_tile t USING (
      SELECT DISTINCT c.tenant_id, c.layer_id, z.z,
             (c.cx >> (16 - z.z)) AS tx, (c.cy >> (16 - z.z)) AS ty
      FROM (SELECT DISTINCT * FROM unnest(tenants, layers, xs, ys) AS u(tenant_id, layer_id, cx, cy)) c
      JOIN gis_layer l ON l.tenant_id = c.tenant_id AND l.id = c.layer_id,
           LATERAL generate_series(0, least(l.tile_min_zoom - 1, 16)) z(z)) r
    WHERE t.tenant_id = r.tenant_id AND t.layer_id = r.layer_id AND t.z = r.z
      AND t.x BETWEEN r.tx - 1 AND r.tx + 1 AND t.y BETWEEN r.ty - 1 AND r.ty + 1;
  RETURN NULL;
END $$;
