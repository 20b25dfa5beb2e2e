-- The 別紙1 figures, year by year, of the finest published group containing a type of government, for one indicator.
-- $entity_type; $indicator_code
select f.fiscal_year, f.fiscal_year_label_ja, f.fiscal_year_label_en, f.as_of, f.group_code, f.group_label_ja,
       f.group_label_en, f.value, f.value_printed, f.unit, f.count, f.count_unit, f.source_ja, f.source_line
from peer_groups p
join facts f on f.indicator_code = p.indicator_code and f.fiscal_year = p.fiscal_year and f.group_code = p.peer_group_code
where p.entity_type = $entity_type and p.indicator_code = $indicator_code and f.breakdown_code is null
order by f.fiscal_year
