-- The e-queue: booked visits to a CNAP and the live queue at its counters.
-- Slots are never stored: they are derived from the CNAP's hours, the calendar and these
-- settings; a booking is a time range on one workplace, and the database refuses two active
-- bookings that overlap on a workplace (an exclusion constraint, not a check-then-insert).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Per CNAP: how far ahead people may book, the share of each workplace's day kept for
-- walk-ins, how late a booked visitor may still check in, and how the counter calls.
CREATE TABLE queue_settings (
  tenant_id          uuid NOT NULL REFERENCES tenant (id),
  cnap_id            uuid NOT NULL,
  horizon_days       integer NOT NULL DEFAULT 30 CHECK (horizon_days BETWEEN 1 AND 90),
  walk_in_percent    integer NOT NULL DEFAULT 30 CHECK (walk_in_percent BETWEEN 0 AND 100),
  check_in_minutes   integer NOT NULL DEFAULT 10 CHECK (check_in_minutes BETWEEN 0 AND 60),
  -- 'booked_first': a checked-in visitor whose time has come is called before any walk-in;
  -- 'alternate': when both wait, booked and walk-in visitors take turns.
  call_rule          text NOT NULL DEFAULT 'booked_first' CHECK (call_rule IN ('booked_first', 'alternate')),
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, cnap_id),
  FOREIGN KEY (tenant_id, cnap_id) REFERENCES cnap (tenant_id, id)
);
SELECT app.enable_public_rls('queue_settings');

-- Service groups: the letter on a ticket (A-017) and the services a workplace takes together.
CREATE TABLE queue_group (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id        uuid NOT NULL,
  cnap_id   uuid NOT NULL,
  letter    text NOT NULL CHECK (letter ~ '^[A-Z]$'),
  name_uk   text NOT NULL CHECK (length(name_uk) BETWEEN 1 AND 200),
  name_en   text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, cnap_id, letter),
  FOREIGN KEY (tenant_id, cnap_id) REFERENCES cnap (tenant_id, id)
);
SELECT app.enable_public_rls('queue_group');

-- Which group a service belongs to at a CNAP, and its visit's length there (none: the card's).
CREATE TABLE queue_service (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  cnap_id    uuid NOT NULL,
  service_id uuid NOT NULL,
  group_id   uuid NOT NULL,
  minutes    integer CHECK (minutes BETWEEN 5 AND 240),
  PRIMARY KEY (tenant_id, cnap_id, service_id),
  FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES queue_group (tenant_id, id) ON DELETE CASCADE
);
SELECT app.enable_public_rls('queue_service');

-- A window (workplace) of the CNAP and the groups it serves.
CREATE TABLE queue_workplace (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id        uuid NOT NULL,
  cnap_id   uuid NOT NULL,
  name_uk   text NOT NULL CHECK (length(name_uk) BETWEEN 1 AND 100),
  name_en   text NOT NULL DEFAULT '',
  group_ids uuid[] NOT NULL DEFAULT '{}',
  active    boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, cnap_id) REFERENCES cnap (tenant_id, id)
);
CREATE INDEX queue_workplace_cnap_idx ON queue_workplace (tenant_id, cnap_id);
SELECT app.enable_public_rls('queue_workplace');

-- A booked visit. The holder's data is personal: staff of the community, the holder, and
-- whoever shows the link's secret (app.case_key) read it; anyone may learn only which times
-- are taken (app.queue_taken).
CREATE TABLE queue_booking (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  cnap_id      uuid NOT NULL,
  workplace_id uuid NOT NULL,
  service_id   uuid NOT NULL,
  group_id     uuid NOT NULL,
  applicant_id uuid NOT NULL REFERENCES applicant (id),
  person       jsonb NOT NULL,
  lang         text NOT NULL DEFAULT 'uk' CHECK (lang IN ('uk', 'en')),
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
  day          date NOT NULL,
  status       text NOT NULL DEFAULT 'booked'
               CHECK (status IN ('booked', 'checked_in', 'served', 'no_show', 'cancelled')),
  -- Shown on the confirmation; the kiosk checks a booking in with it.
  code         text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
  -- The link to cancel or move the booking carries a secret; only its hash is kept.
  token_hash   bytea NOT NULL UNIQUE,
  cancel_reason text NOT NULL DEFAULT '',
  reminded_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, workplace_id) REFERENCES queue_workplace (tenant_id, id),
  FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id),
  EXCLUDE USING gist (tenant_id WITH =, workplace_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status IN ('booked', 'checked_in'))
);
-- One active booking per person per service at a CNAP.
CREATE UNIQUE INDEX queue_booking_one_per_service ON queue_booking (tenant_id, cnap_id, applicant_id, service_id)
  WHERE status = 'booked';
CREATE UNIQUE INDEX queue_booking_code_key ON queue_booking (tenant_id, cnap_id, day, code);
CREATE INDEX queue_booking_day_idx ON queue_booking (tenant_id, cnap_id, day) INCLUDE (workplace_id, starts_at, ends_at, status);
CREATE INDEX queue_booking_applicant_idx ON queue_booking (applicant_id, starts_at DESC);
ALTER TABLE queue_booking ENABLE ROW LEVEL SECURITY;
ALTER TABLE queue_booking FORCE ROW LEVEL SECURITY;
CREATE POLICY booking_access ON queue_booking
  USING (tenant_id = app.tenant_id() AND (
       (SELECT app.has_role('cnap_admin') OR app.has_role('cnap_head') OR app.has_role('community_admin'))
    OR applicant_id = (SELECT app.applicant_id())
    OR token_hash = (SELECT app.case_key())))
  WITH CHECK (tenant_id = app.tenant_id() AND (
       (SELECT app.has_role('cnap_admin') OR app.has_role('cnap_head') OR app.has_role('community_admin'))
    OR applicant_id = (SELECT app.applicant_id())
    OR token_hash = (SELECT app.case_key())));
CREATE POLICY oblast_read ON queue_booking FOR SELECT USING (app.oblast_reads(tenant_id));

-- The taken times of a CNAP's workplaces between two instants, without whose they are: what
-- anyone browsing free times may know. Runs as the owner; takes the community from the request.
CREATE FUNCTION app.queue_taken(cnap uuid, from_at timestamptz, to_at timestamptz)
RETURNS TABLE (workplace_id uuid, starts_at timestamptz, ends_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT b.workplace_id, b.starts_at, b.ends_at FROM queue_booking b
  WHERE b.tenant_id = app.tenant_id() AND b.cnap_id = cnap
    AND b.status IN ('booked', 'checked_in')
    AND b.day BETWEEN (from_at AT TIME ZONE 'Europe/Kyiv')::date - 1 AND (to_at AT TIME ZONE 'Europe/Kyiv')::date + 1
    AND b.starts_at < to_at AND b.ends_at > from_at
$$;
REVOKE ALL ON FUNCTION app.queue_taken(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.queue_taken(uuid, timestamptz, timestamptz) TO hromada_server;

-- A ticket of the live queue: a walk-in's, or a booking's once checked in.
CREATE TABLE queue_visit (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  cnap_id      uuid NOT NULL,
  day          date NOT NULL,
  group_id     uuid NOT NULL,
  number       integer NOT NULL CHECK (number > 0),
  ticket       text NOT NULL,
  service_id   uuid,
  booking_id   uuid,
  kind         text NOT NULL CHECK (kind IN ('walk_in', 'booked')),
  status       text NOT NULL DEFAULT 'waiting'
               CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show')),
  workplace_id uuid,
  operator_id  uuid REFERENCES app_user (id),
  -- A booked visitor's booked time; a walk-in's ticket time.
  due_at       timestamptz NOT NULL,
  issued_at    timestamptz NOT NULL DEFAULT now(),
  called_at    timestamptz,
  started_at   timestamptz,
  finished_at  timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, cnap_id, day, group_id, number),
  UNIQUE (tenant_id, booking_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES queue_group (tenant_id, id),
  FOREIGN KEY (tenant_id, workplace_id) REFERENCES queue_workplace (tenant_id, id),
  FOREIGN KEY (tenant_id, booking_id) REFERENCES queue_booking (tenant_id, id)
);
CREATE INDEX queue_visit_waiting_idx ON queue_visit (tenant_id, cnap_id, day, due_at) WHERE status = 'waiting';
CREATE INDEX queue_visit_day_idx ON queue_visit (tenant_id, cnap_id, day);
SELECT app.enable_public_rls('queue_visit');

-- The last ticket number of a group on a day.
CREATE TABLE queue_counter (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  cnap_id   uuid NOT NULL,
  day       date NOT NULL,
  group_id  uuid NOT NULL,
  last      integer NOT NULL,
  PRIMARY KEY (tenant_id, cnap_id, day, group_id)
);
SELECT app.enable_tenant_rls('queue_counter');

GRANT SELECT, INSERT, UPDATE ON queue_settings TO hromada_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON queue_group TO hromada_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON queue_service TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON queue_workplace TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON queue_booking TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON queue_visit TO hromada_server;
GRANT SELECT, INSERT, UPDATE ON queue_counter TO hromada_server;

-- Every new ticket and every move of one tells the servers which CNAP's board changed
-- (`<community>:<CNAP>`); board subscriptions read it again.
CREATE FUNCTION app.queue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hromada_queue_changed', NEW.tenant_id::text || ':' || NEW.cnap_id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER queue_visit_changed AFTER INSERT OR UPDATE ON queue_visit
  FOR EACH ROW EXECUTE FUNCTION app.queue_changed();
