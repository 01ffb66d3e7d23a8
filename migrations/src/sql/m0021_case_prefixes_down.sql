DROP FUNCTION IF EXISTS app.case_prefixes(uuid);
