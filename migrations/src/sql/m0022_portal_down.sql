DROP FUNCTION IF EXISTS app.popular_services(uuid, integer);
DROP TABLE IF EXISTS life_situation;
