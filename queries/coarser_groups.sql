-- Types of municipality an indicator does not publish on their own, and the published group that contains them.
-- Reads the table of the same name, joined once at build time in etl/materialize.sql.
-- $indicator_code; $fiscal_year
select * exclude (indicator_code, fiscal_year, entity_order) from coarser_groups
where indicator_code = $indicator_code and fiscal_year = $fiscal_year
order by entity_order
