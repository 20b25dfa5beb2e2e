"""Exports of the facts view and the dimension tables: Parquet, and CSV that opens cleanly in Excel (UTF-8 with BOM)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from dashboard.csv_export import dataframe_to_csv_bytes

EXPORTED = ["facts", "topics", "groups", "group_sizes", "indicators", "indicator_years", "breakdowns", "indicator_notes",
            "transcription_notes", "responding_bases", "reconciliation_exceptions", "peer_groups", "body_figures", "targets"]


def write_exports(database: Path, exports_dir: Path) -> list[Path]:
    """Write into a fresh folder beside the old one, then swap, so a reader never sees a half-written export."""
    staging = exports_dir.with_name(exports_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    connection = duckdb.connect(str(database), read_only=True)
    try:
        for name in EXPORTED:
            relation = connection.table(name)  # names come from the fixed list above
            relation.write_parquet(str(staging / f"{name}.parquet"))
            (staging / f"{name}.csv").write_bytes(dataframe_to_csv_bytes(relation.df()))
    finally:
        connection.close()
    old = exports_dir.with_name(exports_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if exports_dir.exists():
        exports_dir.rename(old)
    staging.rename(exports_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(exports_dir.iterdir())
