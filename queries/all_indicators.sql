-- Every indicator with its metadata and the years it covers, for the data & sources page (built by etl/materialize.sql).
select * from indicator_catalog order by topic_order, indicator_order
