"""Read one transcribed table: its CSV of printed cells and the metadata file beside it."""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

META_SCHEMA = Path(__file__).with_name("meta.schema.json")
NOT_PUBLISHED = {"－", "-", "―", "‐"}  # printed dashes mean "not published": stored as NULL, never 0
CSV_COLUMNS = ["fiscal_year", "group_code", "breakdown_code", "value", "count", "value_line", "count_line"]


class SourceError(ValueError):
    """A source file that cannot be read as a transcription; names the file, row and column."""


@dataclass(frozen=True)
class Cell:
    """One published number: a percentage or case count, with its count where one is printed."""

    table_id: str
    row_number: int  # line in the CSV file, header = 1
    fiscal_year: int
    group_code: str
    breakdown_code: str | None
    value: float | None
    value_printed: str
    count: int | None
    value_line: int
    count_line: int | None

    def describe(self) -> str:
        parts = [self.table_id, f"fiscal_year={self.fiscal_year}", f"group={self.group_code}"]
        if self.breakdown_code:
            parts.append(f"breakdown={self.breakdown_code}")
        return " ".join(parts) + f" (CSV row {self.row_number})"


@dataclass(frozen=True)
class Table:
    table_id: str
    meta: dict
    cells: tuple[Cell, ...]

    @property
    def topic_code(self) -> str:
        return self.meta["topic_code"]

    @property
    def count_unit(self) -> str | None:
        return self.meta.get("count_unit")

    @property
    def unit(self) -> str:
        return self.meta["unit"]


def load_table(tables_dir: Path, table_id: str) -> Table:
    meta_path = tables_dir / f"{table_id}.meta.json"
    meta = read_meta(meta_path)
    if meta["table_id"] != table_id:
        raise SourceError(f"{meta_path.name}, field table_id: {meta['table_id']!r} does not match the file name")
    return Table(table_id=table_id, meta=meta, cells=tuple(_read_cells(tables_dir / f"{table_id}.csv", table_id, meta)))


def read_meta(meta_path: Path) -> dict:
    """A table's metadata, valid against etl/meta.schema.json; every problem names the file and the line or field."""
    try:
        meta = json.loads(read_utf8(meta_path))
    except json.JSONDecodeError as error:
        raise SourceError(f"{meta_path.name} line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}") from None
    problems = sorted(meta_validator().iter_errors(meta), key=lambda error: list(map(str, error.absolute_path)))
    if problems:
        raise SourceError("\n".join(f"{meta_path.name}, field {_field(error.absolute_path)}: {error.message}"
                                     for error in problems))
    return meta


@cache
def meta_validator() -> Draft202012Validator:
    schema = json.loads(META_SCHEMA.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def read_utf8(path: Path) -> str:
    """A source file's text; undecodable bytes are reported by line and column, not by a traceback."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line, column = before.count(b"\n") + 1, error.start - (before.rfind(b"\n") + 1) + 1
        raise SourceError(f"{path.name} line {line}, column {column}: cannot read as UTF-8 (byte 0x{data[error.start]:02x}); "
                          f"save the file as UTF-8") from None


def _field(path) -> str:
    """years[0].as_of for the path ("years", 0, "as_of"); (the whole file) for the top level."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    return text or "(the whole file)"


def _read_cells(csv_path: Path, table_id: str, meta: dict) -> list[Cell]:
    reader = csv.DictReader(read_utf8(csv_path).splitlines())
    if reader.fieldnames != CSV_COLUMNS:
        raise SourceError(f"{csv_path.name} row 1: header must be {','.join(CSV_COLUMNS)}, found {reader.fieldnames}")
    years = {year["fiscal_year"] for year in meta["years"]}
    groups = set(meta["groups_printed"])
    breakdowns = {item["code"] for item in (meta.get("breakdown") or {}).get("items", [])}
    cells, seen = [], {}
    for row_number, row in enumerate(reader, start=2):
        where = f"{csv_path.name} row {row_number}"
        if None in row or any(value is None for value in row.values()):
            raise SourceError(f"{where}: expected {len(CSV_COLUMNS)} columns")
        fiscal_year = _integer(row["fiscal_year"], where, "fiscal_year")
        if fiscal_year not in years:
            raise SourceError(f"{where}: fiscal_year {fiscal_year} is not among the table's years {sorted(years)}")
        if row["group_code"] not in groups:
            raise SourceError(f"{where}: group_code {row['group_code']!r} is not printed in this table ({', '.join(groups)})")
        breakdown = row["breakdown_code"] or None
        if (breakdown is None) != (not breakdowns) or (breakdown and breakdown not in breakdowns):
            raise SourceError(f"{where}: breakdown_code {row['breakdown_code']!r} is not one of {sorted(breakdowns) or 'none'}")
        printed = row["value"].strip()
        value = None if printed in NOT_PUBLISHED else _number(printed, where, "value")
        count = _integer(row["count"], where, "count") if row["count"].strip() else None
        count_line = _integer(row["count_line"], where, "count_line") if row["count_line"].strip() else None
        if (count is None) != (count_line is None):
            raise SourceError(f"{where}: a count needs the line it is printed on, and only a count has one")
        key = (fiscal_year, row["group_code"], breakdown)
        if key in seen:
            raise SourceError(f"{where}: duplicates row {seen[key]} (same year, group and breakdown)")
        seen[key] = row_number
        cells.append(Cell(table_id, row_number, fiscal_year, row["group_code"], breakdown, value, printed, count,
                          _integer(row["value_line"], where, "value_line"), count_line))
    return cells


def _number(text: str, where: str, column: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise SourceError(f"{where}, column {column}: {text!r} is not a number") from None
    if not math.isfinite(number):
        raise SourceError(f"{where}, column {column}: {text!r} is not a finite number")
    return number


def _integer(text: str, where: str, column: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise SourceError(f"{where}, column {column}: {text!r} is not a whole number") from None


def read_reference_csv(path: Path) -> list[dict[str, str]]:
    """Small reference files (groups, topics, targets…): a list of rows with every column present."""
    rows = list(csv.DictReader(read_utf8(path).splitlines()))
    for number, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            raise SourceError(f"{path.name} row {number}: wrong number of columns")
    return rows
