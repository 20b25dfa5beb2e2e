"""A scale database for the query benchmark: the real schema filled with SYNTHETIC rows — 1,788 made-up entities ×
every indicator and item × 10 years. Generated into a temporary folder, labelled synthetic, never committed or shown."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from etl.database import MATERIALIZE

ENTITIES = 1788
YEARS = tuple(range(2015, 2025))


def build_scale_database(real_database: Path, destination: Path) -> Path:
    shutil.copyfile(real_database, destination)
    connection = duckdb.connect(str(destination))
    try:
        connection.execute("insert into build_info values ('synthetic', 'true: generated for performance measurement only')")
        connection.execute("""
            insert into groups
            select 'synthetic_' || lpad(i::varchar, 4, '0'), '合成データ ' || i, 'SYNTHETIC ' || i, 'all', 1000 + i,
                   '性能測定用の合成データ（実在しない）', 'synthetic, for performance measurement only'
            from range(?) t(i)""", [ENTITIES])
        connection.execute("insert into fiscal_years select y, y || '年度', 'FY' || y from unnest(?) t(y) "
                           "where y not in (select fiscal_year from fiscal_years)", [list(YEARS)])
        connection.execute("""
            insert into indicator_years
            select i.indicator_code, y, make_date(y, 4, 1), '合成データ' from indicators i, unnest(?) t(y)
            where (i.indicator_code, y) not in (select indicator_code, fiscal_year from indicator_years)""", [list(YEARS)])
        connection.execute("""
            insert into indicator_groups
            select i.indicator_code, g.group_code, g.label_ja from indicators i, groups g where g.group_code like 'synthetic_%'""")
        connection.execute("""
            insert into observations
            with items as (
                select i.indicator_code, b.breakdown_code from indicators i left join breakdowns b using (indicator_code)
                where i.topic_code <> 'digital_divide'
            )
            select it.indicator_code, it.breakdown_code, y, g.group_code, round(random() * 100, 1),
                   round(random() * 100, 1)::varchar, null, 0, null, 0
            from items it, unnest(?) t(y), groups g where g.group_code like 'synthetic_%'""", [list(YEARS)])
        # the build's own step (create or replace), run again over the enlarged tables
        connection.execute(MATERIALIZE.read_text(encoding="utf-8"))
        connection.execute("checkpoint")
        rows = connection.execute("select count(*) from observations").fetchone()[0]
    finally:
        connection.close()
    return destination, rows
