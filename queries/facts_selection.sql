-- The published numbers of one indicator for the selected years, groups and breakdown items.
-- $indicator_code; $fiscal_years: list of years; $group_codes: list of groups;
-- $breakdown_codes: list of breakdown items (an empty list selects all, for indicators without a breakdown)
select indicator_code, breakdown_code, breakdown_label_ja, breakdown_label_en, breakdown_order,
       fiscal_year, fiscal_year_label_ja, fiscal_year_label_en, as_of, group_code, group_label_ja, group_label_en,
       group_order, value, value_printed, unit, count, count_unit, source_ja, source_line
from facts
where indicator_code = $indicator_code
  and list_contains($fiscal_years, fiscal_year)
  and list_contains($group_codes, group_code)
  and (len($breakdown_codes) = 0 or list_contains($breakdown_codes, breakdown_code))
order by breakdown_order nulls first, fiscal_year, group_order
