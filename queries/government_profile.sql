-- One government's published values: every indicator of the per-government sources (the Digital Agency table, online
-- application rates, My Number Card issuance at every date) with its date, status and the source cell it comes from.
-- A blank cell is status 'not_reported' (value NULL), 調査無し is 'not_surveyed'; as_of is NULL where undetermined.
-- $government_code
select f.indicator_code, i.category_ja, i.category_en, f.indicator_label_ja, i.label_en as indicator_label_en, i.kind, f.as_of,
       i.as_of_status, f.value_printed, f.value, f.count, f.unit, f.status, f.base_count, f.base_as_of, f.source_id,
       f.source_file, f.source_row, f.source_column, i.sort_order
from government_facts f
join government_indicators i using (indicator_code)
where f.government_code = $government_code
order by i.sort_order, f.as_of
