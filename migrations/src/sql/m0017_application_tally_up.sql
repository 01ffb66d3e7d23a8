-- The desk's counts per status, kept aside. Counting a large community's cases under the row
-- policy is a scan of its index entries (50–80 ms for 200,000 cases even as bare SQL); the
-- inbox shows those counts on every page. Each change of a case's status, service, provider or
-- channel appends a -1 for the old key and a +1 for the new one (append-only, so concurrent
-- moves never wait for each other or deadlock on a shared counter row); the counts are the sums
-- per key, and upkeep folds each key's rows into one. The table has the case's provider, so
-- the same policy as the cases' shows a provider's representative only their provider's counts.
CREATE TABLE application_tally (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  status      text NOT NULL,
  service_id  uuid NOT NULL,
  provider_id uuid,
  channel     text NOT NULL,
  n           bigint NOT NULL
);
CREATE INDEX application_tally_tenant_idx ON application_tally (tenant_id, status);
ALTER TABLE application_tally ENABLE ROW LEVEL SECURITY;
ALTER TABLE application_tally FORCE ROW LEVEL SECURITY;
CREATE POLICY tally_read ON application_tally FOR SELECT
  USING (tenant_id = app.tenant_id() AND (
       (SELECT app.has_role('cnap_admin') OR app.has_role('cnap_head'))
    OR (provider_id IS NOT NULL AND provider_id = ANY (coalesce((SELECT app.provider_ids()), '{}')))));
CREATE POLICY tally_append ON application_tally FOR INSERT
  WITH CHECK (tenant_id = app.tenant_id());
CREATE POLICY tally_fold ON application_tally FOR DELETE
  USING (tenant_id = app.tenant_id());
GRANT SELECT ON application_tally TO hromada_server;

-- Runs as the owner: the server's role may only read the counts, and an applicant's
-- submission appends to counts it may not read.
CREATE FUNCTION app.tally_application() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.service_id = OLD.service_id
     AND NEW.provider_id IS NOT DISTINCT FROM OLD.provider_id AND NEW.channel = OLD.channel THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO application_tally VALUES
      (OLD.tenant_id, OLD.status, OLD.service_id, OLD.provider_id, OLD.channel, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO application_tally VALUES
      (NEW.tenant_id, NEW.status, NEW.service_id, NEW.provider_id, NEW.channel, 1);
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION app.tally_application() FROM PUBLIC;
CREATE TRIGGER application_tally
  AFTER INSERT OR DELETE OR UPDATE OF status, service_id, provider_id, channel ON application
  FOR EACH ROW EXECUTE FUNCTION app.tally_application();

-- Folds the rows of each of a community's keys that has more than one into their sum (dropping
-- zeros). Rows are only ever inserted and deleted, so a row's ctid names it; a row appended
-- meanwhile is not in this statement's snapshot and stays for the next fold. Returns how many
-- rows went.
CREATE FUNCTION app.fold_application_tally(community uuid) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE
  folded bigint;
BEGIN
  WITH gone AS (
    DELETE FROM application_tally t
    WHERE t.ctid IN (SELECT ctid FROM (
      SELECT ctid, count(*) OVER (PARTITION BY tenant_id, status, service_id, provider_id, channel) AS c
      FROM application_tally WHERE tenant_id = community) k WHERE k.c > 1)
    RETURNING t.*),
  sums AS (
    INSERT INTO application_tally
    SELECT tenant_id, status, service_id, provider_id, channel, sum(n)
    FROM gone GROUP BY tenant_id, status, service_id, provider_id, channel HAVING sum(n) <> 0
    RETURNING 1)
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM sums) INTO folded;
  RETURN folded;
END $$;
REVOKE ALL ON FUNCTION app.fold_application_tally(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.fold_application_tally(uuid) TO hromada_server;

INSERT INTO application_tally
SELECT tenant_id, status, service_id, provider_id, channel, count(*)
FROM application GROUP BY tenant_id, status, service_id, provider_id, channel;

-- The open cases by due date, with what the overdue filter, its count and the row policy read:
-- the desk's overdue count is an index-only scan of the community's overdue cases, and upkeep
-- finds the cases to escalate here too.
DROP INDEX application_due_idx;
CREATE INDEX application_open_due_idx ON application (tenant_id, due_date)
  INCLUDE (submitted_at, id, status, applicant_id, provider_id, secret_hash, service_id, channel,
           assigned_to)
  WHERE closed_at IS NULL AND decided_at IS NULL;
