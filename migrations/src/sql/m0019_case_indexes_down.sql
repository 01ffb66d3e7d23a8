DROP INDEX IF EXISTS application_provider_idx;
CREATE INDEX application_provider_idx ON application (tenant_id, provider_id, submitted_at DESC);
DROP INDEX IF EXISTS application_open_due_idx;
CREATE INDEX application_open_due_idx ON application (tenant_id, due_date)
  INCLUDE (submitted_at, id, status, applicant_id, provider_id, secret_hash, service_id, channel,
           assigned_to)
  WHERE closed_at IS NULL AND decided_at IS NULL;
