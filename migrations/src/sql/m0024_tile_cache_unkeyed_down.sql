DROP TRIGGER IF EXISTS gis_layer_forget_tiles ON gis_layer;
DROP FUNCTION IF EXISTS app.gis_layer_forget_tiles();
TRUNCATE gis_tile;
ALTER TABLE gis_tile ADD FOREIGN KEY (tenant_id, layer_id)
  REFERENCES gis_layer (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE gis_tile ADD COLUMN etag text NOT NULL;
