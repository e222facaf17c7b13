-- Working-day calendar: the exceptions administrators enter on top of the statutory holiday
-- rules and the built-in yearly decisions (ngày nghỉ hoán đổi, ngày làm bù, the Tết days,
-- the day adjacent to 2/9). One row per date; a stored row wins over a built-in one.
create table platform.calendar_overrides (
  date date primary key,
  kind text not null check (kind in ('day_off', 'workday')),
  -- Set when the day off is one of the yearly-decided holiday days (BLLĐ 2019 Đ112.3);
  -- any such row for a year replaces the default pattern (and the built-in decision) of that year.
  holiday_id text check (holiday_id in ('tet_am_lich', 'quoc_khanh')),
  name text not null check (length(btrim(name)) > 0),
  basis text not null check (length(btrim(basis)) > 0),
  source text,
  created_by text not null,
  created_at timestamptz not null default now(),
  check (holiday_id is null or kind = 'day_off')
);
