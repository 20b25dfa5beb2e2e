-- Every responding base the ETL derived, for the data & sources page.
select b.indicator_code, i.label_ja as indicator_label_ja, i.label_en as indicator_label_en, b.breakdown_code, b.fiscal_year,
       b.group_code, g.label_ja as group_label_ja, g.label_en as group_label_en, b.base_unit, b.census,
       b.implied_base_min, b.implied_base_max, b.base_min, b.base_max, b.shortfall_min, b.shortfall_max, b.reason_ja, b.reason_en
from responding_bases b join indicators i using (indicator_code) join groups g using (group_code)
order by i.sort_order, b.fiscal_year, g.sort_order, b.breakdown_code
