-- The chain head also keeps the previous hash, so one statement can advance the head and
-- insert the row (the hash is computed in SQL over the same bytes as before).
alter table platform.audit_head add column prev_hash text;
update platform.audit_head set prev_hash = coalesce(
  (select l.prev_hash from platform.audit_log l order by l.seq desc limit 1), repeat('0', 64));
alter table platform.audit_head alter column prev_hash set not null;
