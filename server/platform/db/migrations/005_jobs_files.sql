-- Transactional outbox and background jobs; notifications log; content-addressed files.
create table platform.jobs (
  id bigserial primary key,
  topic text not null,
  payload jsonb not null default '{}'::jsonb,
  idempotency_key text unique,
  status text not null default 'pending' check (status in ('pending', 'running', 'done', 'dead')),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  run_after timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index jobs_ready_idx on platform.jobs (run_after, id) where status in ('pending', 'running');

create table platform.notifications (
  id bigserial primary key,
  idempotency_key text unique not null,
  channel text not null,
  recipient text not null,
  subject text,
  body text not null,
  adapter text not null,
  sent_at timestamptz not null default now()
);

create table platform.files (
  sha256 text primary key,
  size_bytes bigint not null,
  media_type text not null,
  original_name text,
  storage text not null,
  created_by text,
  created_at timestamptz not null default now()
);
