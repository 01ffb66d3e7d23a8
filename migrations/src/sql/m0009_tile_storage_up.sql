-- Tiles are stored as they are served, uncompressed: PostgreSQL's pglz compression of a
-- ~320 KB z14 tile cost ten times the rest of its write (12.8 ms against 1.2 ms), on the cold
-- path of every tile, and every cache hit paid the decompression. The disk it saved (about
-- half a tile) is not worth that CPU for a cache.
TRUNCATE gis_tile;
ALTER TABLE gis_tile ALTER COLUMN mvt SET STORAGE EXTERNAL;
