-- The whole facts view, for the full-dataset downloads.
select * exclude (breakdown_order, group_order) from facts order by topic_code, indicator_code, fiscal_year, group_order, breakdown_order
