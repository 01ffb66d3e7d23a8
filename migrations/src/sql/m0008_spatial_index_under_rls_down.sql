ALTER FUNCTION geometry_overlaps(geometry, geometry) NOT LEAKPROOF;
ALTER FUNCTION geometry_distance_centroid(geometry, geometry) NOT LEAKPROOF;
ALTER TABLE gis_tile SET LOGGED;
