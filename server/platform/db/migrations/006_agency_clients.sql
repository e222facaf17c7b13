-- OAuth2 client credentials for partner agencies, and the keys that sign their access tokens.
create table platform.agency_clients (
  client_id text primary key,
  user_id uuid not null unique references platform.users (id) on delete cascade,
  name text not null,
  secret_hash text not null,
  previous_secret_hash text,
  previous_valid_until timestamptz,
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  rotated_at timestamptz,
  revoked_at timestamptz
);

create table platform.jwt_keys (
  kid text primary key,
  alg text not null,
  private_jwk jsonb not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
