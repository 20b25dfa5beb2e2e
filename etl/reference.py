"""Reference data the checks rely on: group sizes and partitions, declared bases and exceptions, the source text, and
the transcribed tables themselves (loaded once, on first use, for checks that compare two tables)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etl.reference_files import COLUMNS, check_codes, check_table_codes, read_reference
from etl.sources import SourceError, Table, load_table

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
    data_dir: Path
    files: dict[str, list[dict[str, str]]]  # every reference CSV by file name, checked (etl/reference_files.py)
    source_lines: list[str]
    group_sizes: dict[tuple[str, int], int]
    partitions: list[tuple[str, tuple[str, ...]]]
    declared_bases: list[DeclaredBase]
    exceptions: list[ReconciliationException]
    used_exceptions: set[int] = field(default_factory=set)
    _tables: dict[str, Table] = field(default_factory=dict)

    @property
    def tables_dir(self) -> Path:
        return self.data_dir / "tables"

    def table_ids(self) -> list[str]:
        """Every transcribed table, found by its metadata file."""
        return sorted(path.name.removesuffix(".meta.json") for path in self.tables_dir.glob("*.meta.json"))

    def table(self, table_id: str) -> Table:
        if table_id not in self._tables:
            table = load_table(self.tables_dir, table_id)
            check_table_codes(self.tables_dir / f"{table_id}.meta.json", table.meta, self.files)
            self._tables[table_id] = table
        return self._tables[table_id]

    @property
    def tables(self) -> dict[str, Table]:
        """Every transcribed table by id, for checks that compare two tables."""
        return {table_id: self.table(table_id) for table_id in self.table_ids()}

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
    """Read and check every reference file; the codes one file takes from another must exist there."""
    try:
        source_lines = (data_dir / SOURCE_TEXT).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{data_dir / SOURCE_TEXT}: cannot read the source of record: {error}") from error
    files = {name: read_reference(data_dir, name) for name in COLUMNS}
    sizes = {(row["group_code"], int(row["fiscal_year"])): int(row["entity_count"]) for row in files["group_sizes.csv"]}
    partitions = [(row["parent_group_code"], tuple(row["child_group_codes"].split())) for row in files["group_partitions.csv"]]
    bases = [DeclaredBase(row["base_id"], tuple(row["applies_to"].split()), int(row["fiscal_year"]), row["group_code"],
                          int(row["base_min"]), int(row["base_max"]), row["reason_ja"], row["reason_en"])
             for row in files["responding_bases.csv"]]
    exceptions = [ReconciliationException(row["check"], row["table_id"], int(row["fiscal_year"]), row["group_code"],
                                          row["breakdown_code"] or None, int(row["expected_difference"]),
                                          row["reason_ja"], row["reason_en"])
                  for row in files["reconciliation_exceptions.csv"]]
    reference = Reference(data_dir, files, source_lines, sizes, partitions, bases, exceptions)
    check_codes(files, set(reference.table_ids()))
    return reference
