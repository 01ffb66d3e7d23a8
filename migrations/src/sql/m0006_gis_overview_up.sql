-- A generalized overview of land-parcel layers for the zooms below their `tile_min_zoom`
-- (where a tile would hold hundreds of thousands of parcels): the parcels counted and their
-- area summed in cells of a zoom-16 tile (about 611 m), kept up to date by a statement
-- trigger in the editing transaction, like the tile cache.

-- The cell size in Web Mercator metres: the side of a zoom-16 tile.
CREATE FUNCTION app.overview_cell() RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 40075016.685578488 / 65536 $$;

-- The cell column and row of a geometry (by the centre of its box), counted like tiles.
CREATE FUNCTION app.overview_cx(g geometry) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(((ST_XMin(g) + ST_XMax(g)) / 2 + 20037508.342789244) / app.overview_cell())::integer
$$;
CREATE FUNCTION app.overview_cy(g geometry) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor((20037508.342789244 - (ST_YMin(g) + ST_YMax(g)) / 2) / app.overview_cell())::integer
$$;

-- The square of cell group (gx, gy) of `f` × `f` cells.
CREATE FUNCTION app.overview_envelope(gx integer, gy integer, f integer) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_MakeEnvelope(
    -20037508.342789244 + gx::double precision * f * app.overview_cell(),
    20037508.342789244 - (gy + 1)::double precision * f * app.overview_cell(),
    -20037508.342789244 + (gx + 1)::double precision * f * app.overview_cell(),
    20037508.342789244 - gy::double precision * f * app.overview_cell(), 3857)
$$;

CREATE TABLE gis_overview (
  tenant_id uuid NOT NULL,
  layer_id  uuid NOT NULL,
  cx        integer NOT NULL,
  cy        integer NOT NULL,
  parcels   integer NOT NULL,
  area_m2   double precision NOT NULL,
  PRIMARY KEY (tenant_id, layer_id, cx, cy),
  FOREIGN KEY (tenant_id, layer_id) REFERENCES gis_layer (tenant_id, id) ON DELETE CASCADE
);
SELECT app.enable_tenant_rls('gis_overview');
GRANT SELECT, INSERT, UPDATE, DELETE ON gis_overview TO hromada_server;

-- Recounts the cells the changed features were or are in (layers drawn from a minimum zoom
-- only), and forgets the cached tiles below that zoom which show those cells.
CREATE FUNCTION app.gis_overview_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER gis_feature_overview_insert AFTER INSERT ON gis_feature
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_overview_refresh();
CREATE TRIGGER gis_feature_overview_update AFTER UPDATE ON gis_feature
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_overview_refresh();
CREATE TRIGGER gis_feature_overview_delete AFTER DELETE ON gis_feature
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.gis_overview_refresh();

-- Layers that existed before: count them once.
INSERT INTO gis_overview (tenant_id, layer_id, cx, cy, parcels, area_m2)
  SELECT f.tenant_id, f.layer_id, app.overview_cx(f.geom_3857), app.overview_cy(f.geom_3857),
         count(*), sum(ST_Area(f.geom::geography))
  FROM gis_feature f JOIN gis_layer l ON l.tenant_id = f.tenant_id AND l.id = f.layer_id
  WHERE l.tile_min_zoom > 0 AND f.deleted_at IS NULL
  GROUP BY 1, 2, 3, 4;
