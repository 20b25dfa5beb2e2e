-- Every responding base the ETL derived, for the data & sources page. Reads the table of the same name, joined once
-- at build time in etl/materialize.sql.
select * exclude (indicator_order, group_order) from all_responding_bases
order by indicator_order, fiscal_year, group_order, breakdown_code
