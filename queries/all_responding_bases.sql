-- Every responding base the ETL derived, for the data & sources page (built by etl/materialize.sql).
select * exclude (indicator_order, group_order) from responding_base_catalog
order by indicator_order, fiscal_year, group_order, breakdown_code
