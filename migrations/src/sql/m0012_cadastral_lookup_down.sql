DROP INDEX gis_feature_cadastral_key;
CREATE UNIQUE INDEX gis_feature_cadastral_key ON gis_feature (tenant_id, cadastral_number)
  WHERE deleted_at IS NULL AND cadastral_number IS NOT NULL;
