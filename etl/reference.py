"""Reference data the checks rely on: group sizes and partitions, declared bases and exceptions, the source text."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etl.sources import SourceError, read_reference_csv

SOURCE_TEXT = "source/jichitai_dx_suishin_keikaku.txt"
APPENDIX_1_FIRST_LINE = 3632  # 「別紙１ 自治体 DXの重点取組事項等に係る取組状況」
APPENDIX_1_LAST_LINE = 4280   # the line before 「別紙２」


@dataclass(frozen=True)
class DeclaredBase:
    """A responding base below the census, declared with its reason in data/responding_bases.csv."""

    base_id: str
    applies_to: tuple[str, ...]  # "table_id" or "table_id/breakdown_code"
    fiscal_year: int
    group_code: str
    base_min: int
    base_max: int
    reason_ja: str
    reason_en: str

    def applies(self, table_id: str, breakdown_code: str | None, fiscal_year: int, group_code: str) -> bool:
        scope = {table_id, f"{table_id}/{breakdown_code}"}
        return self.fiscal_year == fiscal_year and self.group_code == group_code and bool(scope & set(self.applies_to))


@dataclass(frozen=True)
class ReconciliationException:
    """A published difference that is real, with its reason (data/reconciliation_exceptions.csv)."""

    check: str
    table_id: str
    fiscal_year: int
    group_code: str
    breakdown_code: str | None
    expected_difference: int
    reason_ja: str
    reason_en: str


@dataclass
class Reference:
    source_lines: list[str]
    group_sizes: dict[tuple[str, int], int]
    partitions: list[tuple[str, tuple[str, ...]]]
    declared_bases: list[DeclaredBase]
    exceptions: list[ReconciliationException]
    used_exceptions: set[int] = field(default_factory=set)
    tables: dict = field(default_factory=dict)  # every loaded table by id, for checks that compare two tables

    def group_size(self, group_code: str, fiscal_year: int) -> int | None:
        return self.group_sizes.get((group_code, fiscal_year))

    def declared_base(self, table_id, breakdown_code, fiscal_year, group_code) -> DeclaredBase | None:
        matches = [b for b in self.declared_bases if b.applies(table_id, breakdown_code, fiscal_year, group_code)]
        return matches[0] if matches else None

    def exception_for(self, check, table_id, fiscal_year, group_code, breakdown_code) -> tuple[int, ReconciliationException] | None:
        for index, exception in enumerate(self.exceptions):
            if (exception.check, exception.table_id, exception.fiscal_year, exception.group_code,
                    exception.breakdown_code) == (check, table_id, fiscal_year, group_code, breakdown_code):
                return index, exception
        return None


def load_reference(data_dir: Path) -> Reference:
    try:
        source_lines = (data_dir / SOURCE_TEXT).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{data_dir / SOURCE_TEXT}: cannot read the source of record: {error}") from error
    sizes = {(row["group_code"], int(row["fiscal_year"])): int(row["entity_count"])
             for row in read_reference_csv(data_dir / "group_sizes.csv")}
    partitions = [(row["parent_group_code"], tuple(row["child_group_codes"].split()))
                  for row in read_reference_csv(data_dir / "group_partitions.csv")]
    bases = [DeclaredBase(row["base_id"], tuple(row["applies_to"].split()), int(row["fiscal_year"]), row["group_code"],
                          int(row["base_min"]), int(row["base_max"]), row["reason_ja"], row["reason_en"])
             for row in read_reference_csv(data_dir / "responding_bases.csv")]
    exceptions = [ReconciliationException(row["check"], row["table_id"], int(row["fiscal_year"]), row["group_code"],
                                          row["breakdown_code"] or None, int(row["expected_difference"]),
                                          row["reason_ja"], row["reason_en"])
                  for row in read_reference_csv(data_dir / "reconciliation_exceptions.csv")]
    return Reference(source_lines, sizes, partitions, bases, exceptions)
