DROP FUNCTION IF EXISTS app.queue_changed() CASCADE;
DROP TABLE IF EXISTS queue_counter;
DROP TABLE IF EXISTS queue_visit;
DROP FUNCTION IF EXISTS app.queue_taken(uuid, timestamptz, timestamptz);
DROP TABLE IF EXISTS queue_booking;
DROP TABLE IF EXISTS queue_workplace;
DROP TABLE IF EXISTS queue_service;
DROP TABLE IF EXISTS queue_group;
DROP TABLE IF EXISTS queue_settings;
