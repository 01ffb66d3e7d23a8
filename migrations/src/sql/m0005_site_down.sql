DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['site', 'site_page', 'site_menu', 'site_media', 'public_service',
                           'cnap', 'gis_layer'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_site_changed', t);
  END LOOP;
END $$;
DROP FUNCTION IF EXISTS app.site_changed();
DROP TABLE IF EXISTS site_media, site_menu, site_preview, site_page_revision, site_page, site, site_template;
