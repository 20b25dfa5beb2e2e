-- Every published number behind the benchmark items, all years, for the groups a municipality is compared with, as
-- printed ('－' has value NULL). Built by etl/materialize.sql.
select * exclude (item_order) from benchmark_facts
order by item_order, fiscal_year, group_order, breakdown_order nulls first
