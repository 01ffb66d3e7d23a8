-- Tiles are stored as they are served, uncompressed: PostgreSQL's pglz compression of a
-- ~320 KB z14 tile cost ten times the rest of its write (12.8 ms against 1.2 ms), on the cold
-- path of every tile, and every cache hit paid the decompression. Vector tiles compress
-- poorly enough (about 2:1) that the disk saved is not worth it for a cache.
TRUNCATE gis_tile;
ALTER TABLE gis_tile ALTER COLUMN mvt SET STORAGE EXTERNAL;
