DROP TRIGGER IF EXISTS gis_feature_overview_insert ON gis_feature;
DROP TRIGGER IF EXISTS gis_feature_overview_update ON gis_feature;
DROP TRIGGER IF EXISTS gis_feature_overview_delete ON gis_feature;
DROP FUNCTION IF EXISTS app.gis_overview_refresh();
DROP TABLE IF EXISTS gis_overview;
DROP FUNCTION IF EXISTS app.overview_envelope(integer, integer, integer), app.overview_cx(geometry),
  app.overview_cy(geometry), app.overview_cell();
