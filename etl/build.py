"""Build data/dx.duckdb from the transcribed sources: load, reconcile, assemble, write, publish, export."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pandas as pd

from etl import exports
from etl.bases import responding_bases
from etl.body_text import check_body_figures, check_numbers_in_quotes, check_quotes
from etl.checks import Failure
from etl.database import publish, write_database
from etl.governments import build_government_frames
from etl.reference import Reference, load_reference
from etl.sources import Table, load_table, read_reference_csv
from etl.steps import all_steps
from etl.wareki import fiscal_year_label_en, fiscal_year_label_ja


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
    steps = all_steps()
    tables = {step.table_id: load_table(data_dir / "tables", step.table_id) for step in steps}
    reference.tables = tables
    failures, log_rows = [], []
    for step in steps:
        table = tables[step.table_id]
        names, found = step.reconcile(table, reference)
        failures += found
        log_rows += [dict(indicator_code=step.table_id, check_name=name, cells_checked=len(table.cells),
                          failures=sum(f.check == name for f in found)) for name in names]
        log(f"  {step.table_id:32} {len(table.cells):4} cells  {len(names)} checks  "
            + ("ok" if not found else f"{len(found)} FAILED"))
    body_figures = read_reference_csv(data_dir / "body_figures.csv")
    targets = read_reference_csv(data_dir / "targets.csv")
    failures += check_quotes(body_figures, reference, "body_figure") + check_body_figures(body_figures, tables)
    failures += check_quotes(targets, reference, "target") + check_numbers_in_quotes(targets)
    failures += unused_declarations(reference, tables)
    # Per-government data (etl/governments): its own sources, checks and tables, joined to the build here only.
    government_frames, government_checks, government_failures = build_government_frames(data_dir, reference)
    failures += government_failures
    log(f"  {'governments':32} {len(government_frames.get('government_facts', ())):6} values {len(government_checks)} checks  "
        + ("ok" if not government_failures else f"{len(government_failures)} FAILED"))
    if failures:
        raise ReconciliationFailed(failures)

    frames = assemble(data_dir, reference, tables, body_figures, targets, log_rows) | government_frames
    database.parent.mkdir(parents=True, exist_ok=True)
    new_file = database.with_name(f"{database.name}.new-{os.getpid()}")
    try:
        write_database(new_file, frames, build_info(data_dir, sum(len(t.cells) for t in tables.values())))
        publish(new_file, database)
    finally:
        for leftover in (new_file, Path(f"{new_file}.wal")):
            leftover.unlink(missing_ok=True)
    if exports_dir is not None:
        exports.write_exports(database, exports_dir)
    return BuildSummary(database, exports_dir, len(tables), sum(len(t.cells) for t in tables.values()),
                        len(log_rows) + len(government_checks), time.perf_counter() - started)


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


def assemble(data_dir: Path, reference: Reference, tables: dict[str, Table], body_figures: list[dict],
             targets: list[dict], log_rows: list[dict]) -> dict[str, pd.DataFrame]:
    """Every database table as a DataFrame, in an order that satisfies the foreign keys."""
    read = lambda name: pd.DataFrame(read_reference_csv(data_dir / name))  # noqa: E731
    frame = pd.DataFrame
    metas = [t.meta for t in tables.values()]
    published_topics = {t.topic_code for t in tables.values() if t.cells}
    topics = read("topics.csv").assign(has_figures=lambda d: d.topic_code.isin(published_topics))
    entity_types = read("entity_types.csv")
    years = sorted({y["fiscal_year"] for m in metas for y in m["years"]} | {int(r["fiscal_year"]) for r in body_figures})
    blank_to_none = lambda d: d.replace({"": None})  # noqa: E731
    return {
        "topics": topics,
        "groups": blank_to_none(read("groups.csv")),
        "group_sizes": read("group_sizes.csv"),
        "group_partitions": frame([dict(partition_id=i, parent_group_code=parent, child_group_code=child, note=row["note"])
                                   for i, row in enumerate(read_reference_csv(data_dir / "group_partitions.csv"))
                                   for parent in [row["parent_group_code"]] for child in row["child_group_codes"].split()]),
        "fiscal_years": frame([dict(fiscal_year=y, label_ja=fiscal_year_label_ja(y), label_en=fiscal_year_label_en(y))
                               for y in range(years[0], years[-1] + 1)]),
        "indicators": frame([dict(indicator_code=m["table_id"], table_id=m["table_id"], topic_code=m["topic_code"],
                                  label_ja=m["indicator_label_ja"], label_en=m["indicator_label_en"], title_ja=m["title_ja"],
                                  title_en=m["title_en"], figure_title_ja=m["figure_title_ja"], figure_title_en=m["figure_title_en"], definition_ja=m["definition_ja"],
                                  definition_en=m["definition_en"], unit=m["unit"], count_unit=m.get("count_unit"),
                                  breakdown_dimension_ja=(m.get("breakdown") or {}).get("dimension_ja"),
                                  breakdown_dimension_en=(m.get("breakdown") or {}).get("dimension_en"),
                                  source_ja=m["source_ja"], section_ja=m["printed_at"]["section_ja"],
                                  printed_first_line=m["printed_at"]["first_line"], printed_last_line=m["printed_at"]["last_line"],
                                  sort_order=order) for order, m in enumerate(metas)]),
        "indicator_years": frame([dict(indicator_code=m["table_id"], fiscal_year=y["fiscal_year"],
                                       as_of=pd.Timestamp(y["as_of"]).date(), source_ja=y["source_ja"])
                                  for m in metas for y in m["years"]],
                                 columns=["indicator_code", "fiscal_year", "as_of", "source_ja"]),
        "indicator_groups": frame([dict(indicator_code=m["table_id"], group_code=g, label_ja_printed=label)
                                   for m in metas for g, label in m["groups_printed"].items()],
                                  columns=["indicator_code", "group_code", "label_ja_printed"]),
        "breakdowns": frame([dict(indicator_code=m["table_id"], breakdown_code=item["code"], label_ja=item["label_ja"],
                                  label_en=item["label_en"], channel_ja=item.get("channel_ja"), channel_en=item.get("channel_en"),
                                  sort_order=order)
                             for m in metas for order, item in enumerate((m.get("breakdown") or {}).get("items", []))]),
        "indicator_notes": frame([dict(indicator_code=m["table_id"], note_order=i, note_ja=note)
                                  for m in metas for i, note in enumerate(m["notes_ja"])]),
        "transcription_notes": frame([dict(indicator_code=m["table_id"], note_order=i, note_ja=n["ja"], note_en=n["en"])
                                      for m in metas for i, n in enumerate(m["transcription_notes"])]),
        "observations": frame([dict(indicator_code=t.table_id, breakdown_code=c.breakdown_code, fiscal_year=c.fiscal_year,
                                    group_code=c.group_code, value=c.value, value_printed=c.value_printed, count=c.count,
                                    value_line=c.value_line, count_line=c.count_line, csv_row=c.row_number)
                               for t in tables.values() for c in t.cells]).astype({"count": "Int64", "count_line": "Int64"}),
        "responding_bases": frame(responding_bases(list(tables.values()), reference)),
        "reconciliation_exceptions": frame([dict(check_name=e.check, indicator_code=e.table_id, fiscal_year=e.fiscal_year,
                                                 group_code=e.group_code, breakdown_code=e.breakdown_code,
                                                 expected_difference=e.expected_difference, reason_ja=e.reason_ja,
                                                 reason_en=e.reason_en) for e in reference.exceptions]),
        "reconciliation_log": frame(log_rows),
        "entity_types": entity_types.drop(columns=["containing_groups"]),
        "entity_type_groups": frame([dict(entity_type=row.entity_type, group_code=group, fineness=fineness)
                                     for row in entity_types.itertuples()
                                     for fineness, group in enumerate(row.containing_groups.split())]),
        "body_figures": blank_to_none(frame(body_figures).rename(columns={"restates_table_id": "restates_indicator_code"})
                                      .assign(value_printed=lambda d: d.value)),
        "targets": blank_to_none(frame(targets).rename(columns={"indicator_table_id": "indicator_code"})),
        "benchmark_items": blank_to_none(read("benchmark_items.csv")),
    }
