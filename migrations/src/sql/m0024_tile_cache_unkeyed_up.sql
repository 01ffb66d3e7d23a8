-- The tile cache without a foreign key to its layer, nor a stored hash (issue 29).
--
-- The key's check locked the layer's row (FOR KEY SHARE) for every tile stored. A row lock is
-- written to the WAL, so the commit of every cold tile waited for a WAL flush, although the
-- cache itself is unlogged and writes none; and concurrent cold tiles of one layer shared that
-- lock through a MultiXact. Measured with 8 clients, a transaction storing a row took 1.74 ms
-- with the key and 0.62 ms without it.
--
-- What the key did is done here: a layer that is deleted or takes another key (which only a
-- layer without features can, see app.gis_layer_keep_features) loses its cached tiles, under
-- the layer's tile lock taken exclusively, like any change of its features (see
-- app.gis_tile_forget): no tile rendered before the change is stored after it.
ALTER TABLE gis_tile DROP CONSTRAINT gis_tile_tenant_id_layer_id_fkey;

-- A tile's entity tag is computed by the server from its bytes when it answers (XXH3, a few
-- microseconds); SHA-256 here cost half a millisecond of the database per cold tile.
ALTER TABLE gis_tile DROP COLUMN etag;

CREATE FUNCTION app.gis_layer_forget_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(app.tile_lock_key(OLD.id));
  DELETE FROM gis_tile WHERE tenant_id = OLD.tenant_id AND layer_id = OLD.id;
  RETURN NULL;
END $$;

CREATE TRIGGER gis_layer_forget_tiles AFTER DELETE OR UPDATE OF tenant_id, id ON gis_layer
  FOR EACH ROW EXECUTE FUNCTION app.gis_layer_forget_tiles();
