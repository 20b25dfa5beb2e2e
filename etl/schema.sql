-- The database the dashboard reads. Built by `python -m etl`; never edited by hand.
-- Tables hold what was transcribed and declared; the *_source views derive what etl/materialize.sql stores for the pages.

create table build_info (key varchar primary key, value varchar not null);

create table topics (
    topic_code varchar primary key, label_ja varchar not null, label_en varchar not null, sort_order integer not null,
    heading_printed varchar not null, heading_line integer not null, has_figures boolean not null
);

create table groups (
    group_code varchar primary key, label_ja varchar not null, label_en varchar not null, parent_group_code varchar,
    sort_order integer not null, description_ja varchar not null, description_en varchar not null
);

create table group_sizes (
    group_code varchar not null references groups, fiscal_year integer not null, entity_count integer not null,
    source_note varchar not null, primary key (group_code, fiscal_year)
);

create table group_partitions (
    partition_id integer not null, parent_group_code varchar not null references groups,
    child_group_code varchar not null references groups, note varchar not null
);

create table fiscal_years (fiscal_year integer primary key, label_ja varchar not null, label_en varchar not null);

create table indicators (
    indicator_code varchar primary key, table_id varchar not null unique, topic_code varchar not null references topics,
    label_ja varchar not null, label_en varchar not null, title_ja varchar not null, title_en varchar not null,
    figure_title_ja varchar not null, figure_title_en varchar not null, definition_ja varchar not null, definition_en varchar not null,
    unit varchar not null check (unit in ('pct', 'cases')), count_unit varchar check (count_unit in ('entities', 'cards')),
    breakdown_dimension_ja varchar, breakdown_dimension_en varchar, source_ja varchar not null,
    section_ja varchar not null, printed_first_line integer not null, printed_last_line integer not null,
    sort_order integer not null
);

create table indicator_years (
    indicator_code varchar not null references indicators, fiscal_year integer not null, as_of date not null,
    source_ja varchar not null, primary key (indicator_code, fiscal_year)
);

create table indicator_groups (
    indicator_code varchar not null references indicators, group_code varchar not null references groups,
    label_ja_printed varchar not null, primary key (indicator_code, group_code)
);

create table breakdowns (
    indicator_code varchar not null references indicators, breakdown_code varchar not null, label_ja varchar not null,
    label_en varchar not null, channel_ja varchar, channel_en varchar, sort_order integer not null,
    primary key (indicator_code, breakdown_code)
);

create table indicator_notes (indicator_code varchar not null references indicators, note_order integer not null, note_ja varchar not null);

create table transcription_notes (
    indicator_code varchar not null references indicators, note_order integer not null, note_ja varchar not null, note_en varchar not null
);

-- One row per published number, as printed: value NULL where the source prints 「－」 (not published).
create table observations (
    indicator_code varchar not null references indicators, breakdown_code varchar, fiscal_year integer not null,
    group_code varchar not null references groups, value double, value_printed varchar not null, count bigint,
    value_line integer not null, count_line integer, csv_row integer not null
);

create table responding_bases (
    indicator_code varchar not null, breakdown_code varchar, fiscal_year integer not null, group_code varchar not null,
    base_unit varchar not null, census bigint, implied_base_min bigint, implied_base_max bigint,
    base_min bigint, base_max bigint, shortfall_min bigint, shortfall_max bigint,
    base_id varchar, reason_ja varchar, reason_en varchar
);

create table reconciliation_exceptions (
    check_name varchar not null, indicator_code varchar not null, fiscal_year integer not null, group_code varchar not null,
    breakdown_code varchar, expected_difference bigint not null, reason_ja varchar not null, reason_en varchar not null
);

create table reconciliation_log (
    indicator_code varchar not null, check_name varchar not null, cells_checked integer not null, failures integer not null
);

create table entity_types (
    entity_type varchar primary key, label_ja varchar not null, label_en varchar not null, sort_order integer not null
);

create table entity_type_groups (
    entity_type varchar not null references entity_types, group_code varchar not null references groups, fineness integer not null
);

create table body_figures (
    figure_code varchar primary key, topic_code varchar not null references topics, label_ja varchar not null,
    label_en varchar not null, fiscal_year integer not null, as_of date not null, as_of_note varchar not null,
    group_code varchar, group_label_printed varchar not null, value double not null, value_printed varchar not null,
    unit varchar not null, qualifier varchar, quote varchar not null, line integer not null, source_ja varchar not null,
    restates_indicator_code varchar, restates_breakdown_code varchar, restates_group_codes varchar
);

create table targets (
    target_code varchar primary key, topic_code varchar not null references topics, label_ja varchar not null,
    label_en varchar not null, printed_value varchar not null, target_value double not null, target_unit varchar not null,
    deadline_fiscal_year integer, deadline_ja varchar not null, deadline_en varchar not null, scope_ja varchar not null,
    scope_en varchar not null, quote varchar not null, line integer not null, source_ja varchar not null,
    indicator_code varchar, indicator_breakdown_code varchar, indicator_group_code varchar,
    link_note_ja varchar not null, link_note_en varchar not null
);

create table benchmark_items (
    item_code varchar primary key, kind varchar not null check (kind in ('yes_no', 'band', 'percent')),
    indicator_code varchar not null references indicators, breakdown_code varchar, label_ja varchar not null,
    label_en varchar not null, yes_label_ja varchar, no_label_ja varchar, yes_label_en varchar, no_label_en varchar,
    sort_order integer not null
);

-- The contract the pages, exports and outside checks rely on: one row per published number. The join is
-- materialised once the data is loaded (etl/materialize.sql): the database never changes after the build, and the
-- join costs several milliseconds on every page query.
create view facts_source as
select
    i.topic_code, o.indicator_code, i.label_ja as indicator_label_ja, i.label_en as indicator_label_en,
    o.breakdown_code, b.label_ja as breakdown_label_ja, b.label_en as breakdown_label_en, b.sort_order as breakdown_order,
    o.fiscal_year, fy.label_ja as fiscal_year_label_ja, fy.label_en as fiscal_year_label_en, y.as_of,
    o.group_code, ig.label_ja_printed as group_label_ja, g.label_en as group_label_en, g.sort_order as group_order,
    o.value, o.value_printed, i.unit, o.count, i.count_unit, y.source_ja, o.value_line as source_line, o.count_line
from observations o
join indicators i using (indicator_code)
join indicator_years y using (indicator_code, fiscal_year)
join fiscal_years fy using (fiscal_year)
join groups g using (group_code)
join indicator_groups ig using (indicator_code, group_code)
left join breakdowns b using (indicator_code, breakdown_code);

-- For each type of municipality, the finest published group that contains it, per indicator and year
-- (materialised as peer_groups by etl/materialize.sql).
create view peer_groups_source as
with published as (
    select distinct indicator_code, fiscal_year, group_code from observations where value is not null
), candidates as (
    select e.entity_type, i.topic_code, p.indicator_code, p.fiscal_year, p.group_code, e.fineness,
           row_number() over (partition by e.entity_type, p.indicator_code, p.fiscal_year order by e.fineness) as rank
    from entity_type_groups e
    join published p using (group_code)
    join indicators i using (indicator_code)
)
select entity_type, topic_code, indicator_code, fiscal_year, group_code as peer_group_code
from candidates where rank = 1;

-- ── Per-government data (etl/governments; contract in docs/data-contract.md) ──────────────────────────────────────
-- The sources of the per-government tables: publisher, origin (repository, commit, path), terms, attribution.
create table government_sources (
    source_id varchar primary key, title_ja varchar not null, title_en varchar not null, publisher_ja varchar not null,
    publisher_en varchar not null, attribution_ja varchar not null, attribution_en varchar not null, terms_ja varchar not null,
    terms_en varchar not null, origin_repository varchar not null, origin_commit varchar not null, origin_path varchar not null,
    release_ja varchar not null, release_en varchar not null, release_date_evidence varchar not null, files integer not null
);

-- Every local government: 47 prefectures and 1,741 municipalities. entity_type is the type of fiscal year 2024.
create table governments (
    government_code varchar primary key check (length(government_code) = 6), name_ja varchar not null,
    name_kana varchar not null, name_en varchar not null, prefecture_code varchar not null check (length(prefecture_code) = 2),
    prefecture_government_code varchar not null, entity_type varchar not null references entity_types, population bigint,
    population_as_of date, lat double, lng double, source_file varchar not null, source_row integer not null
);

-- government_types and government_groups have no foreign keys either (8,940 and 43,025 rows: one lookup per row cost
-- 0.05 and 0.14 s); the contract check's anti-joins stand in for them (etl/database.py UNMATCHED_KEYS).
create table government_types (
    government_code varchar not null, fiscal_year integer not null, entity_type varchar not null,
    primary key (government_code, fiscal_year)
);

-- The 別紙1 groups containing each government, per fiscal year: per-government values sum to any printed group.
create table government_groups (
    government_code varchar not null, fiscal_year integer not null, group_code varchar not null
);

create table government_indicators (
    indicator_code varchar primary key, source_id varchar not null references government_sources, source_file varchar not null,
    source_row integer, level varchar not null, category_ja varchar not null, category_en varchar not null, label_ja varchar not null,
    label_en varchar,
    concept_code varchar not null, kind varchar not null check (kind in ('answer', 'pct', 'count')), unit varchar not null,
    sort_order integer not null, definition_ja varchar, survey_ja varchar, as_of date, as_of_status varchar,
    as_of_evidence_ja varchar, notes_ja varchar
);

-- One row per published cell. value_printed exactly as in the file; value only where the cell is a number; a blank
-- cell is status 'not_reported' with NULL value, never 0. base_count / base_as_of: the denominator of a rate (the
-- population at its own date for card rates).
create table government_facts (  -- no foreign keys: 200,000 rows, each checked costs ~0.2 s; the contract check does it in one join
    government_code varchar not null, indicator_code varchar not null,
    indicator_label_ja varchar not null, as_of date, value_printed varchar not null, value double, count bigint,
    unit varchar not null,
    status varchar not null check (status in ('reported', 'implemented', 'not_implemented', 'not_surveyed', 'not_reported', 'not_applicable')),
    base_count bigint, base_as_of date, source_id varchar not null, source_file varchar not null,
    source_row integer not null, source_column integer not null
);

create table government_exceptions (
    check_name varchar not null, source_file varchar not null, source_row integer not null, source_column integer,
    printed varchar not null, reason_ja varchar not null, reason_en varchar not null
);

create table government_checks (
    check_name varchar not null, subject varchar not null, cells_checked integer not null, failures integer not null
);

-- Prefecture outlines (地球地図日本), one GeoJSON Feature per prefecture, for a map drawn without internet access.
create table prefecture_outlines (
    prefecture_code varchar primary key, government_code varchar not null references governments, name_ja varchar not null,
    geojson varchar not null, attribution_ja varchar not null
);
