DROP TABLE IF EXISTS public_service, search_text_word, search_word, search_text, service_version, service, standard_service_version,
  standard_service, provider, calendar_day, mobile_visit, cnap CASCADE;
DROP FUNCTION IF EXISTS app.enable_public_rls(regclass);
