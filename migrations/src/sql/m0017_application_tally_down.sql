DROP INDEX IF EXISTS application_open_due_idx;
CREATE INDEX IF NOT EXISTS application_due_idx ON application (tenant_id, due_date) WHERE closed_at IS NULL;
DROP TRIGGER IF EXISTS application_tally ON application;
DROP FUNCTION IF EXISTS app.fold_application_tally(uuid);
DROP FUNCTION IF EXISTS app.tally_application();
DROP TABLE IF EXISTS application_tally;
