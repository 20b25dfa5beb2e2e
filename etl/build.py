"""Build data/dx.duckdb from the transcribed sources: load and reconcile (one step per table), write, publish, export."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from etl import exports
from etl.body_text import check_body_figures, check_numbers_in_quotes, check_quotes
from etl.checks import Failure
from etl.database import DatabaseWriter, publish, remove_leftovers
from etl.governments import EARLY_TABLES, build_government_frames
from etl.reference import Reference, load_reference
from etl.reference_tables import reference_frames
from etl.sources import Table
from etl.steps import run_steps
from etl.table_rows import table_frames


class ReconciliationFailed(RuntimeError):
    def __init__(self, failures: list[Failure]):
        self.failures = failures
        super().__init__(f"{len(failures)} reconciliation failure(s); the previous database is untouched:\n"
                         + "\n".join(f"  - {failure}" for failure in failures))


@dataclass(frozen=True)
class BuildSummary:
    database: Path
    exports_dir: Path | None
    tables: int
    cells: int
    checks_run: int
    seconds: float


def build(data_dir: Path, database: Path, exports_dir: Path | None, log: Callable[[str], None] = print) -> BuildSummary:
    started = time.perf_counter()
    reference = load_reference(data_dir)
    results = run_steps(reference)
    for result in results:
        log(f"  {result.table.table_id:32} {len(result.table.cells):4} cells  {len(result.checks_run)} checks  "
            + ("ok" if not result.failures else f"{len(result.failures)} FAILED"))
    tables = {result.table.table_id: result.table for result in results}
    body_figures, targets = reference.files["body_figures.csv"], reference.files["targets.csv"]
    failures = [failure for result in results for failure in result.failures]
    failures += check_quotes(body_figures, reference, "body_figure") + check_body_figures(body_figures, tables)
    failures += check_quotes(targets, reference, "target") + check_numbers_in_quotes(targets)
    failures += unused_declarations(reference, tables)
    database.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(database)
    new_file = database.with_name(f"{database.name}.new-{os.getpid()}")
    writer, staging, cells = None, None, sum(len(table.cells) for table in tables.values())
    try:
        if not failures:  # 別紙1 is sound: its tables are stored while the per-government sources are read
            frames = reference_frames(reference, list(tables.values())) | table_frames(results)
            writer = DatabaseWriter(new_file)
            writer.insert(frames)
            writer.materialize()
        # Per-government data (etl/governments): its own sources, checks and tables, joined to the build here only.
        government_frames, government_checks, government_failures = build_government_frames(
            data_dir, reference, store=writer.insert if writer is not None else None)
        failures += government_failures
        log(f"  {'governments':32} {len(government_frames.get('government_facts', ())):6} values {len(government_checks)} checks  "
            + ("ok" if not government_failures else f"{len(government_failures)} FAILED"))
        if failures:
            raise ReconciliationFailed(failures)
        writer.insert({name: frame for name, frame in government_frames.items() if name not in EARLY_TABLES})
        connection = writer.finish(build_info(data_dir, cells), expected_facts=len(frames["observations"]))
        # the exports are written from the same connection before its checkpoint, and published after the database
        staging = exports.write_exports(connection, exports_dir) if exports_dir is not None else None
        writer.close(checkpoint=True)
        publish(new_file, database)
        if staging is not None:
            exports.publish_exports(staging, exports_dir)
    finally:
        if writer is not None:
            writer.close(checkpoint=False)
        for leftover in (new_file, Path(f"{new_file}.wal")):
            leftover.unlink(missing_ok=True)
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return BuildSummary(database, exports_dir, len(tables), cells, len(frames["reconciliation_log"]) + len(government_checks),
                        time.perf_counter() - started)


def unused_declarations(reference: Reference, tables: dict[str, Table]) -> list[Failure]:
    """A declared base or exception that matches nothing is stale: it would silently excuse a future error."""
    failures = [Failure("exceptions_are_used", f"data/reconciliation_exceptions.csv row {index + 2}",
                        "this exception matched no published difference: remove it or correct it")
                for index in range(len(reference.exceptions)) if index not in reference.used_exceptions]
    for index, declared in enumerate(reference.declared_bases):
        used = any(declared.applies(table.table_id, cell.breakdown_code, cell.fiscal_year, cell.group_code)
                   for table in tables.values() for cell in table.cells if cell.count is not None)
        if not used:
            failures.append(Failure("bases_are_used", f"data/responding_bases.csv row {index + 2}",
                                    f"declared base {declared.base_id} applies to no published share"))
    return failures


def build_info(data_dir: Path, cells: int) -> dict[str, str]:
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix in {".csv", ".json", ".txt"}
                       and "build" not in p.relative_to(data_dir).parts):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return {"built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sources_sha256": digest.hexdigest(),
            "published_cells": str(cells), "source_document": "自治体DX推進計画（総務省）別紙1 ほか",
            "source_of_record": "data/source/jichitai_dx_suishin_keikaku.txt"}
