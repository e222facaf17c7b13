-- Citizen sign-in with OpenID Connect.

-- Sign-ins under way at the relying party: what the callback must check (state, nonce,
-- PKCE verifier) and where to send the citizen afterwards. The browser holds a random
-- token in a short-lived cookie; only its SHA-256 is stored. Each row is used once.
create table platform.citizen_login_requests (
  id_hash text primary key,
  issuer text not null,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  return_to text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index citizen_login_requests_expiry_idx on platform.citizen_login_requests (expires_at);

-- The development identity provider (demo mode only): its generated signing key,
-- cookie keys and registered client, made once and kept across restarts.
create table platform.dev_idp_settings (
  name text primary key,
  value jsonb not null,
  created_at timestamptz not null default now()
);

-- The development identity provider's protocol state (sessions, interactions, grants,
-- codes, tokens), shared by every node and kept across restarts.
create table platform.dev_idp_store (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  primary key (model, id)
);
create index dev_idp_store_grant_idx on platform.dev_idp_store (grant_id) where grant_id is not null;
create index dev_idp_store_uid_idx on platform.dev_idp_store (uid) where uid is not null;
create index dev_idp_store_user_code_idx on platform.dev_idp_store (user_code) where user_code is not null;
create index dev_idp_store_expiry_idx on platform.dev_idp_store (expires_at);
