DROP TABLE IF EXISTS outbox_attempt, application_fact, application_read, application_rating,
  application_document, application_event, application, application_counter,
  application_settings, oidc_login, applicant_session, applicant_code, applicant CASCADE;
DROP FUNCTION IF EXISTS app.enable_case_rls(regclass);
DROP FUNCTION IF EXISTS app.case_key();
DROP FUNCTION IF EXISTS app.provider_ids();
DROP FUNCTION IF EXISTS app.applicant_id();
DROP INDEX IF EXISTS outbox_application_idx;
DROP INDEX IF EXISTS outbox_gateway_idx;
DROP INDEX IF EXISTS outbox_due_idx;
ALTER TABLE outbox DROP COLUMN IF EXISTS give_up_at, DROP COLUMN IF EXISTS failed_at,
  DROP COLUMN IF EXISTS delivered_at, DROP COLUMN IF EXISTS gateway_id,
  DROP COLUMN IF EXISTS application_id;
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL;
ALTER TABLE role_grant DROP CONSTRAINT IF EXISTS role_grant_provider_only_for_provider_roles;
ALTER TABLE role_grant DROP CONSTRAINT IF EXISTS role_grant_provider_fk;
ALTER TABLE role_grant DROP COLUMN IF EXISTS provider_id;
