CREATE INDEX gis_feature_geom_idx ON gis_feature USING gist (geom) WHERE deleted_at IS NULL;
CREATE OR REPLACE FUNCTION app.web_mercator(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_YMax(g) <= 85.0511 AND ST_YMin(g) >= -85.0511 THEN ST_Transform(g, 3857)
         ELSE ST_Transform(ST_ClipByBox2D(g, ST_MakeEnvelope(-180, -85.0511, 180, 85.0511, 4326)), 3857)
         END
$$;
