-- Under row-level security PostgreSQL uses an operator as an index condition only if its
-- function is LEAKPROOF; PostGIS's `&&` (bounding boxes overlap) and `<->` (KNN distance) are
-- not marked so, which made every spatial query of the server's role (which RLS applies to) a
-- sequential scan: a vector tile of a million-parcel layer took seconds instead of
-- milliseconds. Both only compare the boxes or points of their arguments and reveal nothing
-- else about a row (they can fail only on mixed SRIDs, which the columns' types rule out).
-- Needs a superuser, as migrations are run (DATABASE_ADMIN_URL).
ALTER FUNCTION geometry_overlaps(geometry, geometry) LEAKPROOF;
ALTER FUNCTION geometry_distance_centroid(geometry, geometry) LEAKPROOF;

-- The tile cache is a cache: unlogged, so storing a tile writes no WAL and its commit waits
-- for no disk flush (a crash empties it, which only costs re-rendering).
ALTER TABLE gis_tile SET UNLOGGED;
