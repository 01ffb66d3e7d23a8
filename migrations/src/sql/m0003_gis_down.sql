DROP TABLE IF EXISTS gis_feature_edit, gis_feature, gis_layer, boundary CASCADE;
DROP FUNCTION IF EXISTS app.try_transform(geometry, integer), app.ucs2000_zone_srid(geometry), app.uuid_v7();
