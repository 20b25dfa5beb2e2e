-- One prefecture-level indicator's cells for the 47 prefectures as organisations (municipalities excluded) at one date,
-- in 団体コード order: what a topic page's distribution view plots and lists for a prefecture's own indicator (the
-- prefectures' online procedures). $as_of NULL chooses the cells without a date (an undetermined date).
-- $indicator_code; $as_of (a date or NULL)
select f.government_code, f.as_of, f.value_printed, f.value, f.status, f.source_file, f.source_row, f.source_column
from government_facts f
join governments g using (government_code)
where f.indicator_code = $indicator_code and g.government_code = g.prefecture_government_code
  and f.as_of is not distinct from $as_of
order by f.government_code
