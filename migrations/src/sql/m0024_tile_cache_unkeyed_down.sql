DROP TRIGGER IF EXISTS gis_layer_forget_tiles ON gis_layer;
DROP FUNCTION IF EXISTS app.gis_layer_forget_tiles();
DELETE FROM gis_tile t WHERE NOT EXISTS
  (SELECT 1 FROM gis_layer l WHERE l.tenant_id = t.tenant_id AND l.id = t.layer_id);
ALTER TABLE gis_tile ADD FOREIGN KEY (tenant_id, layer_id)
  REFERENCES gis_layer (tenant_id, id) ON DELETE CASCADE;
TRUNCATE gis_tile;
ALTER TABLE gis_tile ADD COLUMN etag text NOT NULL;
