-- Types of municipality an indicator does not publish on their own, and the published group that contains them
-- (etl/materialize.sql). $indicator_code; $fiscal_year
select * exclude (indicator_code, fiscal_year, entity_order) from coarser_group_notes
where indicator_code = $indicator_code and fiscal_year = $fiscal_year
order by entity_order
