"""Exports of the facts and the dimension tables: Parquet, and CSV that opens cleanly in Excel (UTF-8 with BOM; the
facts also in cp932 for older Japanese tools). The dashboard's full-dataset downloads are these files: built once
here, served as they are, never recomputed per request. manifest.json names the build they belong to."""
from __future__ import annotations

import hashlib
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Callable

import duckdb

from common.csv_export import FORMULA_PREFIXES, ExportError, dataframe_to_csv_bytes
from etl.rounding import printed_number

EXPORTED = ["topics", "groups", "group_sizes", "indicators", "indicator_years", "breakdowns", "indicator_notes",
            "transcription_notes", "responding_bases", "reconciliation_exceptions", "peer_groups", "body_figures", "targets"]
# Per-government tables (etl/governments): 200,000 facts are too many for the row-wise CSV writer (~3 s), so DuckDB
# writes their CSV with the same formula guard applied in SQL.
GOVERNMENT_EXPORTED = ["government_sources", "governments", "government_types", "government_groups", "government_indicators",
                       "government_facts", "government_exceptions", "government_checks", "prefecture_outlines"]
MANIFEST = "manifest.json"
FACTS_CSV, FACTS_CP932_CSV, FACTS_PARQUET = "facts.csv", "facts.cp932.csv", "facts.parquet"
# One row per published number in reading order; the sort keys themselves are left out (the labels carry the order).
FACTS_QUERY = ("select * exclude (breakdown_order, group_order) from facts "
               "order by topic_code, indicator_code, fiscal_year, group_order, breakdown_order")


def write_exports(connection: duckdb.DuckDBPyConnection, exports_dir: Path) -> Path:
    """Write every export from the new database's connection into a fresh folder beside the old one; the build swaps
    it in (publish_exports) once the database is published, so a reader never sees a half-written export."""
    staging = exports_dir.with_name(exports_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    build = dict(connection.execute("select key, value from build_info").fetchall())
    # Two threads, one cursor each: DuckDB and hashlib release the GIL, so the 42 MB facts CSV is written while the
    # rest is; the largest file goes first so both threads end together.
    jobs = ([partial(_write_government_csv, name="government_facts"), _write_facts]
            + [partial(_write_table, name=name) for name in EXPORTED]
            + [partial(_write_government_parquet, name=name) for name in GOVERNMENT_EXPORTED]
            + [partial(_write_government_csv, name=name) for name in GOVERNMENT_EXPORTED if name != "government_facts"])
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(jobs, pool.map(lambda job: _run_on_cursor(job, connection, staging), jobs)))
        files = sorted(staging.iterdir())
        digests = dict(zip((path.name for path in files), pool.map(_sha256, files)))
    manifest = {"built_at": build["built_at"], "sources_sha256": build["sources_sha256"], "cp932_problem": results[_write_facts],
                "files": digests}
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return staging


def publish_exports(staging: Path, exports_dir: Path) -> list[Path]:
    """Swap the written folder in for the old one."""
    old = exports_dir.with_name(exports_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if exports_dir.exists():
        exports_dir.rename(old)
    staging.rename(exports_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(exports_dir.iterdir())


def _run_on_cursor(job: Callable, connection: duckdb.DuckDBPyConnection, folder: Path):
    cursor = connection.cursor()  # a connection is not shared between threads; a cursor each is the documented way
    try:
        return job(cursor, folder)
    finally:
        cursor.close()


def _write_table(connection: duckdb.DuckDBPyConnection, folder: Path, name: str) -> None:
    relation = connection.table(name)  # names come from the fixed lists above
    relation.write_parquet(str(folder / f"{name}.parquet"))
    (folder / f"{name}.csv").write_bytes(dataframe_to_csv_bytes(relation.df()))


def _write_government_parquet(connection: duckdb.DuckDBPyConnection, folder: Path, name: str) -> None:
    connection.table(name).write_parquet(str(folder / f"{name}.parquet"))


def _write_government_csv(connection: duckdb.DuckDBPyConnection, folder: Path, name: str) -> None:
    _write_csv_in_sql(connection, name, folder / f"{name}.csv")


def _write_facts(connection: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, str] | None:
    """facts.parquet, facts.csv and, where every cell fits cp932, facts.cp932.csv; else why not, in ja and en."""
    relation = connection.sql(FACTS_QUERY)
    relation.write_parquet(str(folder / FACTS_PARQUET))
    facts = relation.df()
    # the CSV carries each value with its printed digits (a count of 49 cases, not 49.0); Parquet keeps the double
    facts["value"] = [printed_number(value) for value in facts.value_printed]
    (folder / FACTS_CSV).write_bytes(dataframe_to_csv_bytes(facts))
    try:
        (folder / FACTS_CP932_CSV).write_bytes(dataframe_to_csv_bytes(facts, encoding="cp932"))
    except ExportError as error:
        return {"ja": error.message_ja, "en": error.message_en}
    return None


def _write_csv_in_sql(connection: duckdb.DuckDBPyConnection, table: str, path: Path) -> None:
    """UTF-8 with BOM, CRLF, every text cell that Excel would run as a formula prefixed with ' (as dataframe_to_csv_bytes
    does). One scan finds the columns that hold such a cell; usually none, and the table is copied as it is, in order."""
    text_columns = [name for name, kind in connection.execute(
        "select column_name, data_type from information_schema.columns where table_name = ? order by ordinal_position",
        [table]).fetchall() if kind == "VARCHAR"]
    prefixes = ", ".join("'" + prefix.replace("'", "''") + "'" for prefix in sorted(FORMULA_PREFIXES))
    starts = [f'bool_or(left("{name}", 1) in ({prefixes}))' for name in text_columns]  # names come from the catalogue
    flagged = connection.execute(f'select {", ".join(starts)} from "{table}"').fetchone() if starts else ()
    guarded = {name for name, needs in zip(text_columns, flagged) if needs}
    source = f'"{table}"'
    if guarded:
        columns = [row[0] for row in connection.execute("select column_name from information_schema.columns where table_name = ? "
                                                        "order by ordinal_position", [table]).fetchall()]
        source = "(select " + ", ".join(f'case when left("{name}", 1) in ({prefixes}) then \'\'\'\' || "{name}" else "{name}" end as "{name}"'
                                        if name in guarded else f'"{name}"' for name in columns) + f' from "{table}" order by rowid)'
    body = path.with_suffix(".body")
    connection.execute(f"copy {source} to '{body}' (header, delimiter ',', quote '\"', new_line '\r\n')")
    with open(path, "wb") as handle:
        handle.write("\ufeff".encode("utf-8"))
        with open(body, "rb") as written:
            shutil.copyfileobj(written, handle)
    body.unlink()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
