-- Full-text search that knows Ukrainian word forms: "дорога" finds "дороги", "петиція" finds
-- "петиції". The dictionary is the Ukrainian hunspell one (brown-uk/dict_uk, Debian's
-- hunspell-uk) that infra/setup.sh copies into PostgreSQL's tsearch_data as `uk_ua`; it gives
-- each known form its lemmas, and a word it does not know stays as written (`simple`).
-- Without the files (a server set up by other means) the configuration still exists and
-- matches words as written, so nothing else depends on them.
DO $$
BEGIN
  CREATE TEXT SEARCH DICTIONARY app.ukrainian_hunspell (TEMPLATE = ispell, DictFile = uk_ua, AffFile = uk_ua);
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'the Ukrainian hunspell dictionary (uk_ua) is not installed: search matches words as written';
  CREATE TEXT SEARCH DICTIONARY app.ukrainian_hunspell (TEMPLATE = simple);
END $$;
CREATE TEXT SEARCH CONFIGURATION app.ukrainian (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION app.ukrainian
  ALTER MAPPING FOR word, hword, hword_part WITH app.ukrainian_hunspell, simple;

-- The catalog's stored documents: each Ukrainian word becomes its lemmas, at the same
-- positions and weights (the English part's stems are not Ukrainian words and stay).
UPDATE search_text s SET search_doc = coalesce((
  SELECT string_agg(
           quote_literal(l) || CASE WHEN u.positions IS NULL THEN '' ELSE ':' ||
             (SELECT string_agg(p::text || w, ',') FROM unnest(u.positions, u.weights) AS x (p, w)) END,
           ' ')::tsvector
  FROM unnest(s.search_doc) u,
       unnest(coalesce(ts_lexize('app.ukrainian_hunspell', u.lexeme), ARRAY[u.lexeme])) l), ''::tsvector)
WHERE s.search_doc <> ''::tsvector;

-- Site search reads the pages' words through the same configuration.
DROP INDEX IF EXISTS site_page_search_idx;
CREATE INDEX site_page_search_idx ON site_page USING gin (to_tsvector('app.ukrainian', search_text));
