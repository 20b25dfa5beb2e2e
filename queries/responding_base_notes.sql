-- Responding bases below the census for one indicator and years, one line per base and group. Reads the table of the
-- same name, aggregated once at build time in etl/materialize.sql.
-- $indicator_code; $fiscal_years: list of years
select * exclude (indicator_code) from responding_base_notes
where indicator_code = $indicator_code and list_contains($fiscal_years, fiscal_year)
order by fiscal_year, group_order
