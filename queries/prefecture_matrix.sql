-- One prefecture's municipalities × chosen indicators: one row per municipality and indicator, in 団体コード order.
-- Names and types come from the `governments` query (one small table, loaded once): this result stays narrow.
-- For indicators published at several dates (as_of_status 'per_row': My Number Card), $as_of chooses one date (NULL:
-- every date); indicators with a single date are returned whatever $as_of is.
-- $prefecture_code (2 digits, e.g. '01'); $indicator_codes (a list); $as_of (a date or NULL)
select f.government_code, f.indicator_code, f.as_of, f.value_printed, f.value, f.count, f.unit, f.status
from government_facts f
join government_indicators i using (indicator_code)
-- the prefecture's municipalities: codes pp001x … pp999x (the prefecture itself is pp000x); a range keeps the scan short
where f.government_code between $prefecture_code || '0010' and $prefecture_code || '9999'
  and list_contains($indicator_codes, f.indicator_code)
  and ($as_of is null or i.as_of_status <> 'per_row' or f.as_of = $as_of)
order by f.government_code, i.sort_order, f.as_of
