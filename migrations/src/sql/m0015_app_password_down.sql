DROP TABLE IF EXISTS app_password;
