-- Responding bases below the census for one indicator and years, one line per base and group.
-- $indicator_code; $fiscal_years: list of years
select g.sort_order as group_order, b.fiscal_year, fy.label_ja as fiscal_year_label_ja, fy.label_en as fiscal_year_label_en, b.group_code,
       g.label_ja as group_label_ja, g.label_en as group_label_en, b.census, min(b.base_min) as base_min,
       max(b.base_max) as base_max, min(b.shortfall_min) as shortfall_min, max(b.shortfall_max) as shortfall_max,
       any_value(b.reason_ja) as reason_ja, any_value(b.reason_en) as reason_en,
       string_agg(distinct coalesce(bd.label_ja, ''), '、') as breakdowns_ja, string_agg(distinct coalesce(bd.label_en, ''), ', ') as breakdowns_en
from responding_bases b
join groups g using (group_code)
join fiscal_years fy using (fiscal_year)
left join breakdowns bd on bd.indicator_code = b.indicator_code and bd.breakdown_code = b.breakdown_code
where b.indicator_code = $indicator_code and list_contains($fiscal_years, b.fiscal_year) and b.base_id is not null
group by all
order by b.fiscal_year, group_order
