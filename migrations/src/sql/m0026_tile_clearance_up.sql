-- Vector tiles without re-validating polygons that cannot become invalid (#29).
--
-- `ST_AsMVTGeom` scales a geometry to the tile's 4096 × 4096 grid, snaps it, clips it and,
-- with PostGIS built on Wagyu, re-validates every polygon: half of a z14 tile's time, even for
-- a parcel that lies wholly inside the tile. Snapping moves each vertex by at most √2/2 of a
-- tile unit. A polygon whose minimum clearance (no vertex closer than it to another vertex or
-- to a segment it does not end) exceeds √2 units keeps every such distance above zero while
-- its vertices move, so it stays valid; if it also lies inside the tile's buffer, clipping
-- leaves it as it is. For such a polygon the tile geometry is the affine map, the snap, the
-- removal of collinear vertices and the MVT ring order alone: the geometry `ST_AsMVTGeom`
-- gives, up to where each ring starts (see `gis/src/tiles.rs`).
--
-- The clearance, in Web Mercator metres, is stored with the feature because computing it
-- (about 5 µs a parcel) is what a render would otherwise pay: it is computed once per write.
-- NULL for everything that is not a polygon, which then always takes `ST_AsMVTGeom`.
ALTER TABLE gis_feature
  ADD COLUMN tile_clearance float8 GENERATED ALWAYS AS (
    CASE WHEN GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')
         THEN ST_MinimumClearance(app.web_mercator(geom)) END) STORED;
