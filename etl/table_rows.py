"""What one transcribed table contributes to the database: its checks run, then its metadata, cells and responding bases
as rows of the database tables. Every step in etl/steps/ feeds its table through here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from etl.bases import responding_bases
from etl.checks import Failure
from etl.reference import Reference
from etl.sources import Table

Check = Callable[[Table, Reference], list[Failure]]
# The database tables a transcribed table contributes rows to, in the order the build inserts them.
TABLE_ROWS = ("indicators", "indicator_years", "indicator_groups", "breakdowns", "indicator_notes", "transcription_notes",
              "observations", "responding_bases", "reconciliation_log")
COLUMNS = {"indicator_years": ["indicator_code", "fiscal_year", "as_of", "source_ja"],  # kept by a frame with no rows
           "indicator_groups": ["indicator_code", "group_code", "label_ja_printed"]}


@dataclass(frozen=True)
class TableResult:
    table: Table
    checks_run: tuple[str, ...]
    failures: list[Failure]
    rows: dict[str, list[dict]] = field(default_factory=dict)  # by database table; empty when a check failed

    @property
    def sort_order(self) -> int:
        return self.table.meta["sort_order"]


def reconcile(table: Table, reference: Reference, checks: tuple[Check, ...]) -> TableResult:
    """Run every rule (all failures, not only the first); with none, the table's rows for the database."""
    failures, log = [], []
    for check in checks:
        found = check(table, reference)
        failures += found
        log.append(dict(indicator_code=table.table_id, check_name=check.__name__, cells_checked=len(table.cells),
                        failures=len(found)))
    names = tuple(check.__name__ for check in checks)
    if failures:
        return TableResult(table, names, failures)
    return TableResult(table, names, [], {**metadata_rows(table), "observations": observation_rows(table),
                                   "responding_bases": responding_bases(table, reference), "reconciliation_log": log})


def metadata_rows(table: Table) -> dict[str, list[dict]]:
    m, code = table.meta, table.table_id
    breakdown = m["breakdown"] or {}
    return {
        "indicators": [dict(indicator_code=code, table_id=code, topic_code=m["topic_code"], label_ja=m["indicator_label_ja"],
                            label_en=m["indicator_label_en"], title_ja=m["title_ja"], title_en=m["title_en"],
                            figure_title_ja=m["figure_title_ja"], figure_title_en=m["figure_title_en"],
                            definition_ja=m["definition_ja"], definition_en=m["definition_en"], unit=m["unit"],
                            count_unit=m["count_unit"], breakdown_dimension_ja=breakdown.get("dimension_ja"),
                            breakdown_dimension_en=breakdown.get("dimension_en"), source_ja=m["source_ja"],
                            section_ja=m["printed_at"]["section_ja"], printed_first_line=m["printed_at"]["first_line"],
                            printed_last_line=m["printed_at"]["last_line"], sort_order=m["sort_order"])],
        "indicator_years": [dict(indicator_code=code, fiscal_year=y["fiscal_year"], as_of=pd.Timestamp(y["as_of"]).date(),
                                 source_ja=y["source_ja"]) for y in m["years"]],
        "indicator_groups": [dict(indicator_code=code, group_code=group, label_ja_printed=label)
                             for group, label in m["groups_printed"].items()],
        "breakdowns": [dict(indicator_code=code, breakdown_code=item["code"], label_ja=item["label_ja"],
                            label_en=item["label_en"], channel_ja=item.get("channel_ja"), channel_en=item.get("channel_en"),
                            sort_order=order) for order, item in enumerate(breakdown.get("items", []))],
        "indicator_notes": [dict(indicator_code=code, note_order=i, note_ja=note) for i, note in enumerate(m["notes_ja"])],
        "transcription_notes": [dict(indicator_code=code, note_order=i, note_ja=n["ja"], note_en=n["en"])
                                for i, n in enumerate(m["transcription_notes"])],
    }


def observation_rows(table: Table) -> list[dict]:
    return [dict(indicator_code=table.table_id, breakdown_code=c.breakdown_code, fiscal_year=c.fiscal_year,
                 group_code=c.group_code, value=c.value, value_printed=c.value_printed, count=c.count,
                 value_line=c.value_line, count_line=c.count_line, csv_row=c.row_number) for c in table.cells]


def table_frames(results: list[TableResult]) -> dict[str, pd.DataFrame]:
    """The rows of every table, in the order of the results, as one frame per database table."""
    frames = {name: pd.DataFrame([row for result in results for row in result.rows[name]], columns=COLUMNS.get(name))
              for name in TABLE_ROWS}
    frames["observations"] = frames["observations"].astype({"count": "Int64", "count_line": "Int64"})
    return frames
