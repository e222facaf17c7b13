-- Administrative units: subtree lookups by materialized path (path like '/VN/24/%'),
-- e.g. "every record inside this province", and listings by level and province.
create index admin_units_path_idx on platform.admin_units (path text_pattern_ops);
create index admin_units_level_idx on platform.admin_units (level, province_code);
