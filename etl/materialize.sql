-- Run after every table is loaded. The database never changes after the build, so every join, aggregate and window
-- function a page would otherwise repeat on each query is computed once here, into tables the named queries in
-- queries/ read with a filter and an order only. Each such table has the name of the query that reads it
-- (queries/<name>.sql); facts and peer_groups are the data contract. Dates and numbers are stored as values: the
-- dashboard formats them. `create or replace` lets the benchmark rerun this file over its enlarged synthetic copy.

-- The contract: one row per published number (see facts_source in schema.sql).
create or replace table facts as
select * from facts_source order by indicator_code, fiscal_year, group_order, breakdown_order;

-- Per type of municipality, the finest published group containing it, per indicator and year.
create or replace table peer_groups as
select * from peer_groups_source order by entity_type, indicator_code, fiscal_year;

-- queries/all_indicators.sql — the data & sources page: every indicator with its metadata, and the labels and as-of
-- dates of the years it covers (in year order; empty lists where it covers none).
create or replace table all_indicators as
select t.sort_order as topic_order, i.sort_order as indicator_order, i.topic_code, t.label_ja as topic_label_ja,
       t.label_en as topic_label_en, i.indicator_code, i.label_ja, i.label_en, i.title_ja, i.title_en, i.definition_ja,
       i.definition_en, i.unit, i.count_unit, i.source_ja, i.section_ja, i.printed_first_line, i.printed_last_line,
       coalesce(list(fy.label_ja order by y.fiscal_year) filter (where y.as_of is not null), []) as year_labels_ja,
       coalesce(list(fy.label_en order by y.fiscal_year) filter (where y.as_of is not null), []) as year_labels_en,
       coalesce(list(y.as_of order by y.fiscal_year) filter (where y.as_of is not null), []) as as_of_dates
from indicators i
join topics t using (topic_code)
left join indicator_years y using (indicator_code)
left join fiscal_years fy using (fiscal_year)
group by all
order by topic_order, indicator_order;

-- queries/all_responding_bases.sql — the data & sources page: every responding base the ETL derived, with labels
-- and display order.
create or replace table all_responding_bases as
select i.sort_order as indicator_order, g.sort_order as group_order, b.indicator_code, i.label_ja as indicator_label_ja,
       i.label_en as indicator_label_en, b.breakdown_code, b.fiscal_year, b.group_code, g.label_ja as group_label_ja,
       g.label_en as group_label_en, b.base_unit, b.census, b.implied_base_min, b.implied_base_max, b.base_min, b.base_max,
       b.shortfall_min, b.shortfall_max, b.reason_ja, b.reason_en
from responding_bases b join indicators i using (indicator_code) join groups g using (group_code)
order by indicator_order, b.fiscal_year, group_order, b.breakdown_code;

-- queries/responding_base_notes.sql — notes under a chart: responding bases below the census, one line per
-- indicator, year and group.
create or replace table responding_base_notes as
select b.indicator_code, g.sort_order as group_order, b.fiscal_year, fy.label_ja as fiscal_year_label_ja,
       fy.label_en as fiscal_year_label_en, b.group_code, g.label_ja as group_label_ja, g.label_en as group_label_en, b.census,
       min(b.base_min) as base_min, max(b.base_max) as base_max, min(b.shortfall_min) as shortfall_min,
       max(b.shortfall_max) as shortfall_max, any_value(b.reason_ja) as reason_ja, any_value(b.reason_en) as reason_en,
       string_agg(distinct coalesce(bd.label_ja, ''), '、') as breakdowns_ja,
       string_agg(distinct coalesce(bd.label_en, ''), ', ') as breakdowns_en
from responding_bases b
join groups g using (group_code)
join fiscal_years fy using (fiscal_year)
left join breakdowns bd on bd.indicator_code = b.indicator_code and bd.breakdown_code = b.breakdown_code
where b.base_id is not null
group by all
order by b.indicator_code, b.fiscal_year, group_order;

-- queries/coarser_groups.sql — notes under a chart: types of municipality an indicator does not publish on their
-- own, and the published group that contains them.
create or replace table coarser_groups as
select p.indicator_code, p.fiscal_year, e.sort_order as entity_order, e.entity_type, e.label_ja as entity_label_ja,
       e.label_en as entity_label_en, p.peer_group_code, g.label_ja as peer_label_ja, g.label_en as peer_label_en
from peer_groups p
join entity_types e using (entity_type)
join groups g on g.group_code = p.peer_group_code
join entity_type_groups own on own.entity_type = p.entity_type and own.fineness = 0
where own.group_code <> p.peer_group_code and p.peer_group_code <> 'all'
order by p.indicator_code, p.fiscal_year, entity_order;

-- queries/benchmark_facts.sql — the benchmark page: every published number behind its items, all years, for the groups a municipality can be
-- compared with (types of local government and the groups containing them; never single entities). A band item
-- (telework staff share) brings every band of its indicator; other items their own breakdown (or none).
create or replace table benchmark_facts as
select b.sort_order as item_order, b.item_code, f.indicator_code, f.breakdown_code, f.breakdown_label_ja,
       f.breakdown_label_en, f.breakdown_order, f.fiscal_year, f.fiscal_year_label_ja, f.fiscal_year_label_en, f.as_of,
       f.group_code, f.group_label_ja, f.group_label_en, f.group_order, f.value, f.value_printed, f.unit, f.count,
       f.count_unit, f.source_ja, f.source_line
from benchmark_items b
join facts f on f.indicator_code = b.indicator_code
            and (b.kind = 'band' or f.breakdown_code is not distinct from b.breakdown_code)
where f.group_code in (select group_code from entity_type_groups)
order by item_order, f.fiscal_year, f.group_order, f.breakdown_order nulls first;
