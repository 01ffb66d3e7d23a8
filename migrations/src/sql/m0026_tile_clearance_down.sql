ALTER TABLE gis_feature DROP COLUMN tile_clearance;
