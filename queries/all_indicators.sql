-- Every indicator with its metadata, and the labels and as-of dates of the years it covers, for the data & sources
-- page. Reads the table of the same name, joined and aggregated once at build time in etl/materialize.sql.
select * from all_indicators order by topic_order, indicator_order
