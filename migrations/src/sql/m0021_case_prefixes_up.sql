-- The tracking prefixes the oblast's communities set (a community without a row uses the one
-- derived from its slug). Prefixes are printed on every receipt, so they are public: the
-- oblast's portal reads them to send a person with a number to the community that holds the
-- case. Only the prefix leaves the table.
CREATE FUNCTION app.case_prefixes(oblast uuid)
RETURNS TABLE (tenant_id uuid, prefix text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.tenant_id, s.prefix FROM application_settings s
  JOIN tenant t ON t.id = s.tenant_id
  WHERE t.parent_id = oblast AND t.status = 'active'
$$;
REVOKE ALL ON FUNCTION app.case_prefixes(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.case_prefixes(uuid) TO hromada_server;
