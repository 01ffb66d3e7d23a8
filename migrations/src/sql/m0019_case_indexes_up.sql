-- The desk's overdue list runs most overdue first: the open cases' due-date index gains the id
-- as a key, so a page is the first entries past a (due date, id) cursor, read in order.
DROP INDEX application_open_due_idx;
CREATE INDEX application_open_due_idx ON application (tenant_id, due_date, id)
  INCLUDE (submitted_at, status, applicant_id, provider_id, secret_hash, service_id, channel,
           assigned_to)
  WHERE closed_at IS NULL AND decided_at IS NULL;

-- A case has a provider only once forwarded: a submission no longer writes an entry here.
DROP INDEX application_provider_idx;
CREATE INDEX application_provider_idx ON application (tenant_id, provider_id, submitted_at DESC)
  WHERE provider_id IS NOT NULL;
