-- A region the size of all of Ukraine: 1,470 communities with about 300 published cards each,
-- built from the demo catalog (64 standard cards and local ones, five variants of each).

SET client_min_messages = warning;
CREATE TEMP TABLE tpl AS SELECT row_number() OVER (ORDER BY p.code) AS n, p.*, s.name_latin, s.search_latin, s.search_doc
  FROM public_service p JOIN search_text s ON s.id = p.text_id
  WHERE p.tenant_id = (SELECT id FROM tenant WHERE slug = 'petrykivska');
CREATE TEMP TABLE variant (v int, uk text, lat text);
INSERT INTO variant VALUES (0, '', ''), (1, '(для внутрішньо переміщених осіб)', '(dlia vnutrishno peremishchenykh osib)'),
 (2, '(пільгова категорія)', '(pilhova katehoriia)'), (3, '(повторне звернення)', '(povtorne zvernennia)'), (4, '(через представника)', '(cherez predstavnyka)');
CREATE TEMP TABLE texts AS
  WITH ins AS (
    INSERT INTO search_text (digest, name_uk, name_latin, search_latin, search_doc)
    SELECT sha256(convert_to('bench' || t.n || '/' || v.v, 'UTF8')), trim(t.name_uk || ' ' || v.uk), trim(t.name_latin || ' ' || v.lat),
           t.search_latin || ' ' || v.lat, t.search_doc || to_tsvector('app.ukrainian', v.uk)
    FROM tpl t CROSS JOIN variant v RETURNING id, digest)
  SELECT t.n, v.v, ins.id FROM tpl t CROSS JOIN variant v JOIN ins ON ins.digest = sha256(convert_to('bench' || t.n || '/' || v.v, 'UTF8'));
CREATE TEMP TABLE bt AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, 1470) n;
INSERT INTO tenant (id, kind, parent_id, slug, katottg, name_uk, name_en)
  SELECT id, 'community', (SELECT id FROM tenant WHERE slug = 'dnipropetrovska'), 'bench-' || lpad(n::text, 4, '0'),
         'UA99' || lpad(n::text, 15, '0'), 'Громада ' || n, 'Hromada ' || n FROM bt;
INSERT INTO cnap (tenant_id, id, kind, name_uk, address_uk, location, schedule)
  SELECT bt.id, gen_random_uuid(), 'center', 'ЦНАП громади ' || n, 'вул. Центральна, ' || n,
         ST_SetSRID(ST_MakePoint(22.5 + (n % 60) * 0.28, 45.5 + (n / 60) * 0.27), 4326),
         (SELECT schedule FROM cnap LIMIT 1) FROM bt;
CREATE TEMP TABLE pick AS
  SELECT bt.id AS tenant_id, gen_random_uuid() AS service_id, t.n AS tn, v.v
  FROM bt CROSS JOIN tpl t CROSS JOIN variant v WHERE ((t.n * 5 + v.v + bt.n) % 325) < 300;
INSERT INTO service (tenant_id, id, current_version, published_version, place_ids)
  SELECT p.tenant_id, p.service_id, 1, 1, ARRAY(SELECT c.id FROM cnap c WHERE c.tenant_id = p.tenant_id) FROM pick p;
INSERT INTO public_service (tenant_id, service_id, oblast_id, standard_id, text_id, code, name_uk, name_en, category, audience,
   channels, free, card, place_ids, version, published_at)
  SELECT p.tenant_id, p.service_id, t.oblast_id, NULL, x.id, t.code || '-' || p.v, trim(t.name_uk || ' ' || v.uk), t.name_en,
         t.category, t.audience, t.channels, t.free, t.card, s.place_ids, 1, now()
  FROM pick p JOIN tpl t ON t.n = p.tn JOIN variant v ON v.v = p.v JOIN texts x ON x.n = p.tn AND x.v = p.v
  JOIN service s ON s.tenant_id = p.tenant_id AND s.id = p.service_id;

