-- Run after every table is loaded. The database never changes after the build, so the joins and window functions
-- behind facts and peer_groups are computed once here; the views read the tables built here.
create table fact_rows as
select * from facts_source order by indicator_code, fiscal_year, group_order, breakdown_order;

create view facts as select * from fact_rows;

create table peer_group_rows as select * from peer_groups_source order by entity_type, indicator_code, fiscal_year;

create view peer_groups as select * from peer_group_rows;
