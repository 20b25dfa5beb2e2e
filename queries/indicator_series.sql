-- Every year of one indicator for one group and breakdown item: the overview's tiles and trends.
-- $indicator_code; $group_code; $breakdown_code (NULL for indicators without a breakdown)
select fiscal_year, fiscal_year_label_ja, fiscal_year_label_en, as_of, value, value_printed, count, count_unit,
       unit, group_label_ja, group_label_en, breakdown_label_ja, breakdown_label_en, source_ja
from facts
where indicator_code = $indicator_code and group_code = $group_code
  and breakdown_code is not distinct from $breakdown_code
order by fiscal_year
