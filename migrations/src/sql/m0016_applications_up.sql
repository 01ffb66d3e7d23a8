-- Online applications (issue 26): applicants who prove an e-mail or a phone with a one-time
-- code, their cases with tracking numbers, the history of every transition, documents,
-- ratings, the log of staff reads, and per-message delivery attempts.
--
-- A case holds personal data, so its rows are stricter than the tenant's: within the tenant,
-- only the CNAP's staff, the provider the case was forwarded to, the applicant, or whoever
-- shows the case's secret code see it (the policy `case_access`). An anonymous request bound to the
-- community by its host sees nothing. The non-personal facts that statistics count
-- (`application_fact`) are public, as statistics are.

-- The request's applicant, the provider of a provider role, and a case's proven secret, set
-- with set_config(..., true) like the tenant and roles.
CREATE FUNCTION app.applicant_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT NULLIF(current_setting('app.applicant_id', true), '')::uuid $$;

CREATE FUNCTION app.provider_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT string_to_array(NULLIF(current_setting('app.provider_ids', true), ''), ',')::uuid[] $$;

CREATE FUNCTION app.case_key() RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT decode(NULLIF(current_setting('app.case_key', true), ''), 'hex') $$;

-- A provider role's provider: a representative sees the cases forwarded to it.
ALTER TABLE role_grant ADD COLUMN provider_id uuid;
ALTER TABLE role_grant ADD CONSTRAINT role_grant_provider_fk
  FOREIGN KEY (tenant_id, provider_id) REFERENCES provider (tenant_id, id);
ALTER TABLE role_grant ADD CONSTRAINT role_grant_provider_only_for_provider_roles
  CHECK (provider_id IS NULL OR role IN ('provider_rep', 'provider_head'));

-- People who apply: not staff users, no roles. A person is one row however many communities
-- they apply in; they prove an address (or sign in with an e-ID provider) to act.
CREATE TABLE applicant (
  id            uuid PRIMARY KEY,
  email         text,
  phone         text CHECK (phone ~ '^\+[0-9]{10,15}$'),
  oidc_issuer   text,
  oidc_subject  text,
  display_name  text NOT NULL DEFAULT '',
  lang          text NOT NULL DEFAULT 'uk' CHECK (lang IN ('uk', 'en')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (email IS NOT NULL OR phone IS NOT NULL OR oidc_subject IS NOT NULL)
);
CREATE UNIQUE INDEX applicant_email_key ON applicant (lower(email));
CREATE UNIQUE INDEX applicant_phone_key ON applicant (phone);
CREATE UNIQUE INDEX applicant_oidc_key ON applicant (oidc_issuer, oidc_subject);
COMMENT ON TABLE applicant IS 'Platform table: a person is one applicant in every community.';

-- One-time codes: only their SHA-256 is kept; they expire and lock after five wrong tries.
CREATE TABLE applicant_code (
  id          uuid PRIMARY KEY,
  channel     text NOT NULL CHECK (channel IN ('email', 'phone')),
  address     text NOT NULL,
  code_hash   bytea NOT NULL,
  client_addr text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  failures    integer NOT NULL DEFAULT 0,
  used_at     timestamptz
);
CREATE INDEX applicant_code_address_idx ON applicant_code (address, created_at);
CREATE INDEX applicant_code_client_idx ON applicant_code (client_addr, created_at);

CREATE TABLE applicant_session (
  token_hash   bytea PRIMARY KEY,
  applicant_id uuid NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX applicant_session_expires_idx ON applicant_session (expires_at);

-- OpenID Connect logins in flight: the state, nonce and PKCE verifier of each.
CREATE TABLE oidc_login (
  state         text PRIMARY KEY,
  provider      text NOT NULL,
  nonce         text NOT NULL,
  pkce_verifier text NOT NULL,
  return_to     text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- The community's settings for cases: the tracking prefix and how long closed cases'
-- documents are kept.
CREATE TABLE application_settings (
  tenant_id      uuid PRIMARY KEY REFERENCES tenant (id),
  prefix         text NOT NULL CHECK (prefix ~ '^[A-Z]{2,4}$'),
  retention_days integer NOT NULL DEFAULT 1095 CHECK (retention_days BETWEEN 30 AND 36500)
);
SELECT app.enable_tenant_rls('application_settings');

-- The last sequence number given in each year.
CREATE TABLE application_counter (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  year      smallint NOT NULL,
  last      integer NOT NULL,
  PRIMARY KEY (tenant_id, year)
);
SELECT app.enable_tenant_rls('application_counter');

CREATE TABLE application (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  id               uuid NOT NULL,
  tracking         text NOT NULL,
  secret_hash      bytea NOT NULL,
  access_code      text NOT NULL,
  service_id       uuid NOT NULL,
  service_name_uk  text NOT NULL,
  service_name_en  text NOT NULL,
  applicant_id     uuid REFERENCES applicant (id),
  provider_id      uuid,
  assigned_to      uuid REFERENCES app_user (id),
  channel          text NOT NULL CHECK (channel IN ('web', 'counter', 'post', 'api')),
  status           text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  lang             text NOT NULL DEFAULT 'uk' CHECK (lang IN ('uk', 'en')),
  -- Name, e-mail, phone, RNOKPP as given on the form.
  person           jsonb NOT NULL,
  fields           jsonb NOT NULL DEFAULT '{}',
  -- Remarks on named fields when the case was left without movement, and the deadline to fix.
  remarks          jsonb NOT NULL DEFAULT '[]',
  fix_by           date,
  clarification    text,
  decision         jsonb,
  consent_version  text NOT NULL,
  consent_at       timestamptz NOT NULL,
  fee_kopiykas     bigint CHECK (fee_kopiykas >= 0),
  paid_at          timestamptz,
  term_days        integer NOT NULL,
  term_unit        text NOT NULL CHECK (term_unit IN ('working_days', 'calendar_days')),
  term_from_payment boolean NOT NULL DEFAULT false,
  submitted_at     timestamptz NOT NULL,
  due_date         date,
  decided_at       timestamptz,
  closed_at        timestamptz,
  escalations      text[] NOT NULL DEFAULT '{}',
  copied_from      uuid,
  documents_purged_at timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, tracking),
  FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id),
  FOREIGN KEY (tenant_id, provider_id) REFERENCES provider (tenant_id, id)
);
-- The desk's inbox: newest first within a status. The index also holds every column the row
-- policy and the inbox's filters read, so the counts per status are an index-only scan.
CREATE INDEX application_inbox_idx ON application (tenant_id, status, submitted_at DESC)
  INCLUDE (applicant_id, provider_id, secret_hash, closed_at, decided_at, due_date, service_id,
           channel, assigned_to);
CREATE INDEX application_recent_idx ON application (tenant_id, submitted_at DESC);
CREATE INDEX application_due_idx ON application (tenant_id, due_date) WHERE closed_at IS NULL;
CREATE INDEX application_applicant_idx ON application (applicant_id, submitted_at DESC);
CREATE INDEX application_provider_idx ON application (tenant_id, provider_id, submitted_at DESC);
ALTER TABLE application ENABLE ROW LEVEL SECURITY;
ALTER TABLE application FORCE ROW LEVEL SECURITY;
-- Whether the request may see a case: the CNAP's staff, the provider it was forwarded to, its
-- applicant, or whoever shows its secret. Written out here rather than in a function, so that
-- PostgreSQL inlines it: the role tests are scalar subqueries, evaluated once per statement
-- (InitPlans), and the columns it reads are in the inbox index, so the desk's counts stay an
-- index-only scan.
CREATE POLICY case_access ON application
  USING (tenant_id = app.tenant_id() AND (
       (SELECT app.has_role('cnap_admin') OR app.has_role('cnap_head'))
    OR (provider_id IS NOT NULL AND provider_id = ANY (coalesce((SELECT app.provider_ids()), '{}')))
    OR (applicant_id IS NOT NULL AND applicant_id = (SELECT app.applicant_id()))
    OR secret_hash = (SELECT app.case_key())))
  WITH CHECK (tenant_id = app.tenant_id() AND (
       (SELECT app.has_role('cnap_admin') OR app.has_role('cnap_head'))
    OR (provider_id IS NOT NULL AND provider_id = ANY (coalesce((SELECT app.provider_ids()), '{}')))
    OR (applicant_id IS NOT NULL AND applicant_id = (SELECT app.applicant_id()))
    OR secret_hash = (SELECT app.case_key())));

-- Tables of a case's parts: visible exactly when their case is (the subquery is under the
-- case's own policy).
CREATE FUNCTION app.enable_case_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY case_part ON %s USING (tenant_id = app.tenant_id() AND EXISTS '
                 '(SELECT 1 FROM application a WHERE a.tenant_id = %s.tenant_id AND a.id = %s.application_id))',
                 tbl, tbl, tbl);
END $$;

-- Every transition: who, through which channel, when, with what comment.
CREATE TABLE application_event (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  application_id uuid NOT NULL,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  at             timestamptz NOT NULL DEFAULT now(),
  action         text NOT NULL,
  status_from    text,
  status_to      text NOT NULL,
  actor_kind     text NOT NULL CHECK (actor_kind IN ('applicant', 'staff', 'system')),
  actor_id       uuid,
  actor_name     text NOT NULL DEFAULT '',
  channel        text NOT NULL CHECK (channel IN ('web', 'counter', 'post', 'api', 'system')),
  comment        text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id)
);
CREATE INDEX application_event_case_idx ON application_event (tenant_id, application_id, id);
SELECT app.enable_case_rls('application_event');

CREATE TABLE application_document (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  application_id uuid NOT NULL,
  id             uuid NOT NULL,
  slot           text NOT NULL,
  file_name      text NOT NULL,
  blob_key       text,
  content_type   text NOT NULL,
  size_bytes     bigint NOT NULL,
  sha256         text NOT NULL,
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  purged_at      timestamptz,
  -- A document replaced by a correction stays on record.
  replaced_at    timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id)
);
CREATE INDEX application_document_case_idx ON application_document (tenant_id, application_id);
SELECT app.enable_case_rls('application_document');

CREATE TABLE application_rating (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  application_id uuid NOT NULL,
  score          smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment        text NOT NULL DEFAULT '',
  rated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, application_id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id)
);
SELECT app.enable_case_rls('application_rating');

-- Every read of a case's personal data or documents by staff (append-only, like the audit log).
CREATE TABLE application_read (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  id             bigint GENERATED ALWAYS AS IDENTITY,
  application_id uuid NOT NULL,
  user_id        uuid NOT NULL,
  user_email     text NOT NULL,
  what           text NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id)
);
CREATE INDEX application_read_case_idx ON application_read (tenant_id, application_id);
SELECT app.enable_case_rls('application_read');
CREATE TRIGGER application_read_no_update BEFORE UPDATE OR DELETE ON application_read
  FOR EACH ROW EXECUTE FUNCTION app.audit_log_immutable();

-- What statistics count, without a person in it: public, as the statistics are.
CREATE TABLE application_fact (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  application_id uuid NOT NULL,
  service_id     uuid NOT NULL,
  channel        text NOT NULL,
  status         text NOT NULL,
  submitted_on   date NOT NULL,
  due_date       date,
  completed_on   date,
  refused        boolean NOT NULL DEFAULT false,
  score          smallint,
  PRIMARY KEY (tenant_id, application_id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id)
);
CREATE INDEX application_fact_service_idx ON application_fact (tenant_id, service_id);
SELECT app.enable_public_rls('application_fact');

-- Messages to applicants go through the outbox (kind 'mail' or 'sms'); each delivery attempt
-- and its outcome is kept; a message is given up after its deadline (72 hours).
ALTER TABLE outbox ADD COLUMN give_up_at timestamptz;
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox ADD COLUMN delivered_at timestamptz;
ALTER TABLE outbox ADD COLUMN gateway_id text;
ALTER TABLE outbox ADD COLUMN application_id uuid;
DROP INDEX outbox_due_idx;
CREATE INDEX outbox_due_idx ON outbox (kind, next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_application_idx ON outbox (application_id) WHERE application_id IS NOT NULL;
CREATE INDEX outbox_gateway_idx ON outbox (gateway_id) WHERE gateway_id IS NOT NULL;
CREATE TABLE outbox_attempt (
  outbox_id bigint NOT NULL REFERENCES outbox (id),
  at        timestamptz NOT NULL DEFAULT now(),
  outcome   text NOT NULL CHECK (outcome IN ('sent', 'failed', 'delivered', 'given_up')),
  detail    text NOT NULL DEFAULT ''
);
CREATE INDEX outbox_attempt_idx ON outbox_attempt (outbox_id, at);
COMMENT ON TABLE outbox_attempt IS 'Platform queue: each delivery attempt of an outbox message.';

GRANT UPDATE (provider_id) ON role_grant TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON applicant TO hromada_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON applicant_code TO hromada_server;
GRANT SELECT, INSERT, DELETE ON applicant_session TO hromada_server;
GRANT SELECT, INSERT, DELETE ON oidc_login TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON application_settings TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON application_counter TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON application TO hromada_server;
GRANT SELECT, INSERT ON application_event TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON application_document TO hromada_server;
GRANT SELECT, INSERT ON application_rating TO hromada_server;
GRANT SELECT, INSERT ON application_read TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON application_fact TO hromada_server;
GRANT SELECT, INSERT ON outbox_attempt TO hromada_server;
