-- The overview's parcel areas from the Web-Mercator copy. A cell's area is a figure for
-- low-zoom maps, summed over many parcels; the geodesic area on the ellipsoid (a cast to
-- geography per parcel) was about 20 ms of every 5,000 parcels written, a ninth of an
-- import's write. The Mercator area scaled by the cosine of the latitude squared (its scale
-- factor, constant across a parcel) costs a fifth of that and differs from the geodesic area
-- by under 0.1 % (0.08 % at most over 5,000 of the benchmark's parcels). The parcels' own
-- measures (gis::measure) stay geodesic and in UCS-2000.
CREATE FUNCTION app.overview_area(g geometry, m geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_Area(m) * cos(radians((ST_YMin(g) + ST_YMax(g)) / 2)) ^ 2
$$;

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
    '             sum(m.sign * app.overview_area(m.geom, m.geom_3857)) AS area '
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

UPDATE gis_overview o SET area_m2 = c.area
  FROM (SELECT f.tenant_id, f.layer_id, app.overview_cx(f.geom_3857) AS cx,
               app.overview_cy(f.geom_3857) AS cy, sum(app.overview_area(f.geom, f.geom_3857)) AS area
        FROM gis_feature f WHERE f.deleted_at IS NULL GROUP BY 1, 2, 3, 4) c
  WHERE o.tenant_id = c.tenant_id AND o.layer_id = c.layer_id AND o.cx = c.cx AND o.cy = c.cy;
