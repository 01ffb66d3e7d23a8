-- The tile cache is a cache: it need not survive a crash (PostgreSQL empties an unlogged
-- table after one, and an empty cache is always right) nor reach a standby (which serves no
-- writes). Unlogged, a cold tile's store writes no WAL (a tile is about 100 KB at zoom 14-16)
-- and its commit waits for no flush.
ALTER TABLE gis_tile SET UNLOGGED;
