-- One prefecture's municipalities × chosen indicators: one row per municipality and indicator, in 団体コード order.
-- For indicators published at several dates (as_of_status 'per_row': My Number Card), $as_of chooses one date (NULL:
-- every date); indicators with a single date are returned whatever $as_of is.
-- $prefecture_code (2 digits, e.g. '01'); $indicator_codes (a list); $as_of (a date or NULL)
select g.government_code, g.name_ja, g.name_en, g.entity_type, f.indicator_code, f.indicator_label_ja, f.as_of,
       f.value_printed, f.value, f.count, f.unit, f.status
from governments g
join government_facts f using (government_code)
join government_indicators i using (indicator_code)
where g.prefecture_code = $prefecture_code and g.government_code <> g.prefecture_government_code
  and list_contains($indicator_codes, f.indicator_code)
  and ($as_of is null or i.as_of_status <> 'per_row' or f.as_of = $as_of)
order by g.government_code, i.sort_order, f.as_of
