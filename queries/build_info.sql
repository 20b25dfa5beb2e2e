-- When and from what the database was built.
select key, value from build_info order by key
