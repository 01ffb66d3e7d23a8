DROP INDEX IF EXISTS site_page_search_idx;
CREATE INDEX site_page_search_idx ON site_page USING gin (to_tsvector('simple', search_text));
DROP TEXT SEARCH CONFIGURATION IF EXISTS app.ukrainian;
DROP TEXT SEARCH DICTIONARY IF EXISTS app.ukrainian_hunspell;
