-- Cadastral numbers lead their unique index. A number is unique in the whole country, so it
-- finds its parcel alone; with the tenant first, every other index of gis_feature (the
-- primary key, the layer index) served a lookup's tenant condition equally well by the
-- estimates, and whenever the community's statistics were older than its parcels
-- PostgreSQL chose one of them and read every parcel of the community for each number
-- (30 s for one batch of an import). The lookup compares the tenant as text, so only this
-- index can serve it. Uniqueness is unchanged: a number once per community.
DROP INDEX gis_feature_cadastral_key;
CREATE UNIQUE INDEX gis_feature_cadastral_key ON gis_feature (cadastral_number, tenant_id)
  WHERE deleted_at IS NULL AND cadastral_number IS NOT NULL;
