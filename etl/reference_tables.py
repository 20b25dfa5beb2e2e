"""The reference tables of the database, from the checked reference files in data/ (etl/reference_files.py)."""
from __future__ import annotations

import pandas as pd

from etl.reference import Reference
from etl.sources import Table
from common.fiscal_years import fiscal_year_label_en, fiscal_year_label_ja


def reference_frames(reference: Reference, tables: list[Table]) -> dict[str, pd.DataFrame]:
    files, frame = reference.files, pd.DataFrame
    read = lambda name: frame(files[name])  # noqa: E731
    blank_to_none = lambda d: d.replace({"": None})  # noqa: E731
    published_topics = {table.topic_code for table in tables if table.cells}
    entity_types = read("entity_types.csv")
    years = sorted({year["fiscal_year"] for table in tables for year in table.meta["years"]}
                   | {int(row["fiscal_year"]) for row in files["body_figures.csv"]})
    return {
        "topics": read("topics.csv").assign(has_figures=lambda d: d.topic_code.isin(published_topics)),
        "groups": blank_to_none(read("groups.csv")),
        "group_sizes": read("group_sizes.csv"),
        "group_partitions": frame([dict(partition_id=i, parent_group_code=row["parent_group_code"], child_group_code=child,
                                        note=row["note"])
                                   for i, row in enumerate(files["group_partitions.csv"])
                                   for child in row["child_group_codes"].split()]),
        "fiscal_years": frame([dict(fiscal_year=y, label_ja=fiscal_year_label_ja(y), label_en=fiscal_year_label_en(y))
                               for y in range(years[0], years[-1] + 1)]),
        "reconciliation_exceptions": frame([dict(check_name=e.check, indicator_code=e.table_id, fiscal_year=e.fiscal_year,
                                                 group_code=e.group_code, breakdown_code=e.breakdown_code,
                                                 expected_difference=e.expected_difference, reason_ja=e.reason_ja,
                                                 reason_en=e.reason_en) for e in reference.exceptions]),
        "entity_types": entity_types.drop(columns=["containing_groups"]),
        "entity_type_groups": frame([dict(entity_type=row.entity_type, group_code=group, fineness=fineness)
                                     for row in entity_types.itertuples()
                                     for fineness, group in enumerate(row.containing_groups.split())]),
        "body_figures": blank_to_none(read("body_figures.csv").rename(columns={"restates_table_id": "restates_indicator_code"})
                                      .assign(value_printed=lambda d: d.value)),
        "targets": blank_to_none(read("targets.csv").rename(columns={"indicator_table_id": "indicator_code"})),
        "benchmark_items": blank_to_none(read("benchmark_items.csv")),
    }
