-- Life situations: groups of the standard catalog's services the oblast curates for its
-- portal ("birth of a child", "moving house"). Public: the portal shows them to anyone.
CREATE TABLE life_situation (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  slug         text NOT NULL,
  title_uk     text NOT NULL,
  title_en     text NOT NULL DEFAULT '',
  summary_uk   text NOT NULL DEFAULT '',
  summary_en   text NOT NULL DEFAULT '',
  standard_ids uuid[] NOT NULL DEFAULT '{}',
  position     integer NOT NULL DEFAULT 0,
  version      integer NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, slug)
);
SELECT app.enable_public_rls('life_situation');
GRANT SELECT, INSERT, UPDATE, DELETE ON life_situation TO hromada_server;

-- The oblast's most requested services: the cases of its communities by service, summed over
-- the services that adopt one standard (else by name), most requested first; when fewer have
-- cases than asked, the services most communities offer. Only the services' names leave:
-- counts of cases stay with the communities.
CREATE FUNCTION app.popular_services(oblast uuid, how_many integer)
RETURNS TABLE (standard_id uuid, name_uk text, name_en text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH d AS (SELECT a.tenant_id, a.service_id, sum(a.n) AS n FROM application_tally a
             JOIN tenant t ON t.id = a.tenant_id AND t.parent_id = oblast
             GROUP BY a.tenant_id, a.service_id HAVING sum(a.n) > 0),
  demand AS (SELECT coalesce(p.standard_id::text, lower(p.name_uk)) AS k,
               (array_agg(p.standard_id))[1] AS standard_id, min(p.name_uk) AS name_uk,
               min(p.name_en) AS name_en, sum(d.n) AS n
             FROM d JOIN public_service p ON p.tenant_id = d.tenant_id AND p.service_id = d.service_id
             GROUP BY 1)
  (SELECT standard_id, name_uk, name_en FROM demand ORDER BY n DESC, name_uk
   LIMIT least(greatest(how_many, 0), 24))
  UNION ALL
  (SELECT (array_agg(p.standard_id))[1], min(p.name_uk), min(p.name_en) FROM public_service p
   WHERE p.oblast_id = oblast
     AND coalesce(p.standard_id::text, lower(p.name_uk)) NOT IN (SELECT k FROM demand)
   GROUP BY coalesce(p.standard_id::text, lower(p.name_uk))
   ORDER BY count(*) DESC, min(p.name_uk)
   LIMIT least(greatest(how_many, 0), 24))
  LIMIT least(greatest(how_many, 0), 24)
$$;
REVOKE ALL ON FUNCTION app.popular_services(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.popular_services(uuid, integer) TO hromada_server;
