-- Every published number behind the benchmark items, all years, for the groups a municipality is compared with, as
-- printed ('－' has value NULL). Reads the table of the same name, joined once at build time in etl/materialize.sql;
-- only the columns the scorecard reads.
select item_code, breakdown_code, breakdown_label_ja, breakdown_label_en, breakdown_order, fiscal_year,
       fiscal_year_label_ja, fiscal_year_label_en, as_of, group_code, group_label_ja, group_label_en, group_order, value,
       value_printed, count, count_unit, source_ja
from benchmark_facts
order by item_order, fiscal_year, group_order, breakdown_order nulls first
