-- An invitation to a provider's role names the provider, as the role's grant will.
ALTER TABLE invitation ADD COLUMN provider_id uuid;
ALTER TABLE invitation ADD CONSTRAINT invitation_provider_fk
  FOREIGN KEY (tenant_id, provider_id) REFERENCES provider (tenant_id, id);
