-- The register of issued documents: every signed PDF the platform hands out, found by its
-- verification code (printed and in the QR) or by the SHA-256 of the exact file.
create table platform.issued_documents (
  code text primary key check (code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$'),
  doc_type text not null,
  title text not null,
  issuer_unit_id text not null references platform.admin_units (id),
  issued_by text not null,
  issued_at timestamptz not null,
  sha256 text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Only what the document itself shows and anyone holding the code may see (masked names).
  public_summary jsonb not null default '{}'::jsonb,
  revoked_at timestamptz,
  revoked_by text,
  revoke_reason text,
  check ((revoked_at is null) = (revoked_by is null) and (revoked_at is null) = (revoke_reason is null))
);
create index issued_documents_unit_idx on platform.issued_documents (issuer_unit_id, issued_at);
create index issued_documents_type_idx on platform.issued_documents (doc_type, issued_at);
