-- Kernel schema: administrative units, identity, sessions, audit, register numbering.
create schema if not exists platform;

-- Administrative units with validity periods. Ids: current (2025) units use their
-- official code ('01', '00070'); units of the pre-2025 structure are prefixed 'o'
-- ('o01', 'o001', 'o00001') because the official codes were reused.
create table platform.admin_units (
  id text primary key,
  code text not null,
  level text not null check (level in ('country', 'province', 'district', 'commune')),
  type text not null,
  name text not null,
  full_name text not null,
  parent_id text references platform.admin_units (id),
  path text not null,
  valid_from date,
  valid_to date,
  province_code text
);
create index admin_units_parent_idx on platform.admin_units (parent_id);
create index admin_units_code_idx on platform.admin_units (code);

-- Dated mapping from a pre-2025 unit to the 2025 unit(s) it went into.
create table platform.admin_unit_mapping (
  old_id text not null references platform.admin_units (id),
  new_id text not null references platform.admin_units (id),
  effective_date date not null default '2025-07-01',
  portion text not null check (portion in ('full', 'partial')),
  is_split boolean not null default false,
  primary key (old_id, new_id)
);
create index admin_unit_mapping_new_idx on platform.admin_unit_mapping (new_id);

create table platform.users (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('staff', 'citizen', 'agency')),
  username text unique,
  display_name text not null,
  email text,
  password_hash text,
  totp_secret text,
  totp_enabled boolean not null default false,
  personal_id text unique,
  oidc_issuer text,
  oidc_subject text,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  must_change_password boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (oidc_issuer, oidc_subject)
);

create table platform.role_assignments (
  user_id uuid not null references platform.users (id) on delete cascade,
  role text not null,
  unit_id text not null references platform.admin_units (id),
  granted_at timestamptz not null default now(),
  primary key (user_id, role, unit_id)
);

create table platform.sessions (
  id_hash text primary key,
  user_id uuid not null references platform.users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index sessions_user_idx on platform.sessions (user_id);
create index sessions_expiry_idx on platform.sessions (expires_at);

-- Append-only, hash-chained audit log.
create table platform.audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id text,
  actor_kind text,
  unit_id text,
  action text not null,
  object_type text,
  object_id text,
  purpose text,
  request_id text,
  ip text,
  details jsonb,
  personal_data boolean not null default false,
  prev_hash text not null,
  hash text not null
);
create index audit_log_object_idx on platform.audit_log (object_type, object_id);
create index audit_log_actor_idx on platform.audit_log (actor_id, at);

-- The head of the chain: one row, locked by each append so the chain stays linear.
create table platform.audit_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into platform.audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function platform.audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on platform.audit_log
  for each row execute function platform.audit_log_is_append_only();

-- Gapless register numbers per (book type, registry unit, year).
create table platform.register_counters (
  book_type text not null,
  unit_id text not null,
  year integer not null,
  last_number integer not null,
  primary key (book_type, unit_id, year)
);
