DROP TABLE IF EXISTS outbox, audit_log, invitation, role_grant, password_reset, login_failure,
  user_session, app_user, tenant_host, tenant CASCADE;
DROP SCHEMA IF EXISTS app CASCADE;
