"""Declared real differences in the per-government sources (data/municipal/reconciliation_exceptions.csv), each with
its reason; one that excuses nothing is stale and fails the build, as for 別紙1's exceptions."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.checks import Failure
from etl.governments.outcome import SOURCE_ROOT
from etl.sources import read_reference_csv

EXCEPTIONS = "reconciliation_exceptions.csv"


class Exceptions:
    def __init__(self, data_dir: Path):
        self.rows = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / EXCEPTIONS),
                                 columns=["check", "source_file", "source_row", "source_column", "printed", "reason_ja", "reason_en"])
        self.used: set[int] = set()

    def excused(self, check: str, files: pd.Series, rows: pd.Series, printed: pd.Series,
                columns: pd.Series | None = None) -> pd.Series:
        """Which of the given cells a declared exception covers (same check, file, row, column and printed value)."""
        columns = pd.Series("", index=files.index) if columns is None else columns.astype(str)
        keys = check + "|" + files.astype(str) + "|" + rows.astype(str) + "|" + columns + "|" + printed.astype(str)
        declared = dict(zip(self.rows.check + "|" + self.rows.source_file + "|" + self.rows.source_row + "|"
                            + self.rows.source_column + "|" + self.rows.printed, self.rows.index))
        hits = keys.map(declared)
        self.used |= set(hits.dropna().astype(int))
        return hits.notna()

    def unused(self) -> list[Failure]:
        return [Failure("exceptions_are_used", f"data/{SOURCE_ROOT}/{EXCEPTIONS} row {index + 2}",
                        "this exception matched no difference: remove or correct it")
                for index in self.rows.index if index not in self.used]

    def frame(self) -> pd.DataFrame:
        return self.rows.replace({"source_column": {"": None}}).astype({"source_row": int, "source_column": "Int64"})
