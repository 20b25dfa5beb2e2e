-- The fiscal years one indicator covers, with their as-of date and survey.
-- $indicator_code
select y.fiscal_year, fy.label_ja, fy.label_en, y.as_of, y.source_ja
from indicator_years y join fiscal_years fy using (fiscal_year)
where y.indicator_code = $indicator_code
order by y.fiscal_year
