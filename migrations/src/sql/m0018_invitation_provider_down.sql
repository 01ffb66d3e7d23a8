ALTER TABLE invitation DROP CONSTRAINT IF EXISTS invitation_provider_fk;
ALTER TABLE invitation DROP COLUMN IF EXISTS provider_id;
