"""What each per-government step returns: its frames, the checks it ran and the failures it found."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from etl.checks import Failure

SOURCE_ROOT = "municipal"  # the per-government sources live in data/municipal/


@dataclass
class Outcome:
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    checks: list[dict] = field(default_factory=list)  # one row per check: check_name, subject, cells_checked, failures
    failures: list[Failure] = field(default_factory=list)

    def check(self, name: str, subject: str, cells: int, found: list[Failure]) -> list[Failure]:
        """Record that a check ran over `cells` cells of `subject`, with the failures it found."""
        self.checks.append(dict(check_name=name, subject=subject, cells_checked=int(cells), failures=len(found)))
        self.failures += found
        return found

    def merge(self, other: "Outcome") -> "Outcome":
        self.frames.update(other.frames)
        self.checks += other.checks
        self.failures += other.failures
        return self


def where(file: str, row: int | None = None, column: int | None = None, label: str = "") -> str:
    """data/municipal/<file> row R, column C (label): rows and columns count from 1 as a spreadsheet shows them."""
    text = f"data/{SOURCE_ROOT}/{file}"
    if row is not None:
        text += f" row {row}"
    if column is not None:
        text += f", column {column}"
    return text + (f" ({label})" if label else "")


def limited(failures: list[Failure], limit: int = 5) -> list[Failure]:
    """The first few failures of one kind, and how many more: a shifted column would otherwise list 1,741."""
    if len(failures) <= limit:
        return failures
    rest = Failure(failures[0].check, failures[limit].where, f"… and {len(failures) - limit} more like the above")
    return failures[:limit] + [rest]
