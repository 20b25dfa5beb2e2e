-- Every published number behind the benchmark items, all years and groups, as printed ('－' has value NULL).
-- A band item (telework staff share) brings every band of its indicator; other items their own breakdown (or none).
select b.item_code, f.indicator_code, f.breakdown_code, f.breakdown_label_ja, f.breakdown_label_en, f.breakdown_order,
       f.fiscal_year, f.fiscal_year_label_ja, f.fiscal_year_label_en, f.as_of, f.group_code, f.group_label_ja,
       f.group_label_en, f.group_order, f.value, f.value_printed, f.unit, f.count, f.count_unit, f.source_ja, f.source_line
from benchmark_items b
join facts f on f.indicator_code = b.indicator_code
            and (b.kind = 'band' or f.breakdown_code is not distinct from b.breakdown_code)
order by b.sort_order, f.fiscal_year, f.group_order, f.breakdown_order nulls first
