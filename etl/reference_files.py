"""The reference CSVs in data/: the columns each must have, what each column holds, and the codes one file takes from
another. Checked as the files are read, so that a corrupted file stops the build with its file, row and column."""
from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

from etl.sources import SourceError, read_reference_csv, read_utf8

TEXT, INTEGER, NUMBER, DATE, CODES = "text", "whole number", "number", "date (YYYY-MM-DD)", "codes"
OPTIONAL = "optional "  # a prefix: the cell may be left blank

COLUMNS: dict[str, dict[str, str]] = {
    "topics.csv": dict(topic_code=TEXT, label_ja=TEXT, label_en=TEXT, sort_order=INTEGER, heading_printed=TEXT,
                       heading_line=INTEGER),
    "groups.csv": dict(group_code=TEXT, label_ja=TEXT, label_en=TEXT, parent_group_code=OPTIONAL + TEXT, sort_order=INTEGER,
                       description_ja=TEXT, description_en=TEXT),
    "group_sizes.csv": dict(group_code=TEXT, fiscal_year=INTEGER, entity_count=INTEGER, source_note=TEXT),
    "group_partitions.csv": dict(parent_group_code=TEXT, child_group_codes=CODES, note=TEXT),
    "entity_types.csv": dict(entity_type=TEXT, label_ja=TEXT, label_en=TEXT, sort_order=INTEGER, containing_groups=CODES),
    "responding_bases.csv": dict(base_id=TEXT, applies_to=CODES, fiscal_year=INTEGER, group_code=TEXT, base_min=INTEGER,
                                 base_max=INTEGER, reason_ja=TEXT, reason_en=TEXT),
    "reconciliation_exceptions.csv": dict(check=TEXT, table_id=TEXT, fiscal_year=INTEGER, group_code=TEXT,
                                          breakdown_code=OPTIONAL + TEXT, expected_difference=INTEGER, reason_ja=TEXT,
                                          reason_en=TEXT),
    "body_figures.csv": dict(figure_code=TEXT, topic_code=TEXT, label_ja=TEXT, label_en=TEXT, fiscal_year=INTEGER, as_of=DATE,
                             as_of_note=TEXT, group_code=OPTIONAL + TEXT, group_label_printed=TEXT, value=NUMBER, unit=TEXT,
                             qualifier=OPTIONAL + TEXT, quote=TEXT, line=INTEGER, source_ja=TEXT,
                             restates_table_id=OPTIONAL + TEXT, restates_breakdown_code=OPTIONAL + TEXT,
                             restates_group_codes=OPTIONAL + CODES),
    "targets.csv": dict(target_code=TEXT, topic_code=TEXT, label_ja=TEXT, label_en=TEXT, printed_value=TEXT, target_value=NUMBER,
                        target_unit=TEXT, deadline_fiscal_year=OPTIONAL + INTEGER, deadline_ja=TEXT, deadline_en=TEXT,
                        scope_ja=TEXT, scope_en=TEXT, quote=TEXT, line=INTEGER, source_ja=TEXT,
                        indicator_table_id=OPTIONAL + TEXT, indicator_breakdown_code=OPTIONAL + TEXT,
                        indicator_group_code=OPTIONAL + TEXT, link_note_ja=TEXT, link_note_en=TEXT),
    "benchmark_items.csv": dict(item_code=TEXT, kind=TEXT, indicator_code=TEXT, breakdown_code=OPTIONAL + TEXT, label_ja=TEXT,
                                label_en=TEXT, yes_label_ja=OPTIONAL + TEXT, no_label_ja=OPTIONAL + TEXT,
                                yes_label_en=OPTIONAL + TEXT, no_label_en=OPTIONAL + TEXT, sort_order=INTEGER),
}

# (file, column) → the file whose codes it must name. "tables" are the transcribed tables in data/tables/.
CODES_FROM: dict[tuple[str, str], str] = {
    ("groups.csv", "parent_group_code"): "groups.csv",
    ("group_sizes.csv", "group_code"): "groups.csv",
    ("group_partitions.csv", "parent_group_code"): "groups.csv",
    ("group_partitions.csv", "child_group_codes"): "groups.csv",
    ("entity_types.csv", "containing_groups"): "groups.csv",
    ("responding_bases.csv", "applies_to"): "tables",
    ("responding_bases.csv", "group_code"): "groups.csv",
    ("reconciliation_exceptions.csv", "table_id"): "tables",
    ("reconciliation_exceptions.csv", "group_code"): "groups.csv",
    ("body_figures.csv", "topic_code"): "topics.csv",
    ("body_figures.csv", "group_code"): "groups.csv",
    ("body_figures.csv", "restates_table_id"): "tables",
    ("body_figures.csv", "restates_group_codes"): "groups.csv",
    ("targets.csv", "topic_code"): "topics.csv",
    ("targets.csv", "indicator_table_id"): "tables",
    ("targets.csv", "indicator_group_code"): "groups.csv",
    ("benchmark_items.csv", "indicator_code"): "tables",
}
KEY_COLUMN = {"groups.csv": "group_code", "topics.csv": "topic_code"}
# The columns that identify a row: two rows with the same values would silently replace one another.
UNIQUE = {"topics.csv": ("topic_code",), "groups.csv": ("group_code",), "group_sizes.csv": ("group_code", "fiscal_year"),
          "entity_types.csv": ("entity_type",), "body_figures.csv": ("figure_code",), "targets.csv": ("target_code",),
          "benchmark_items.csv": ("item_code",)}
ALLOWED = {("benchmark_items.csv", "kind"): ("yes_no", "band", "percent")}


def read_reference(data_dir: Path, name: str) -> list[dict[str, str]]:
    """The rows of one reference file, as text, after checking its columns and every cell's kind."""
    path = data_dir / name
    expected, found = COLUMNS[name], _header(path)
    missing = [column for column in expected if column not in found]
    if missing:
        raise SourceError(f"{name} row 1 (header): column {', '.join(missing)} is missing "
                          f"(found {', '.join(found)}; expected {', '.join(expected)})")
    rows = read_reference_csv(path)
    seen: dict[tuple, int] = {}
    for number, row in enumerate(rows, start=2):
        for column, kind in expected.items():
            problem = _problem(row[column], kind) or _not_allowed(name, column, row[column])
            if problem:
                raise SourceError(f"{name} row {number}, column {column}: {row[column]!r} {problem}")
        if name in UNIQUE:
            key = tuple(row[column] for column in UNIQUE[name])
            if key in seen:
                raise SourceError(f"{name} row {number}, column {', '.join(UNIQUE[name])}: {', '.join(key)} repeats row "
                                  f"{seen[key]}")
            seen[key] = number
    return rows


def check_codes(files: dict[str, list[dict[str, str]]], table_ids: set[str]) -> None:
    """Every code a reference file names exists in the file (or among the tables) it comes from."""
    known = _known_codes(files) | {"tables": table_ids}
    problems = []
    for (name, column), source in CODES_FROM.items():
        for number, row in enumerate(files[name], start=2):
            for code in row[column].split():
                code = code.split("/")[0] if source == "tables" else code  # applies_to: table_id or table_id/breakdown
                if code not in known[source]:
                    problems.append(f"{name} row {number}, column {column}: {code!r} is not in {_where(source)}")
    if problems:
        raise SourceError("\n".join(problems))


def check_table_codes(meta_path: Path, meta: dict, files: dict[str, list[dict[str, str]]]) -> None:
    """A table's topic and printed groups exist in topics.csv and groups.csv."""
    known = _known_codes(files)
    problems = []
    if meta["topic_code"] not in known["topics.csv"]:
        problems.append(f"{meta_path.name}, field topic_code: {meta['topic_code']!r} is not in {_where('topics.csv')}")
    problems += [f"{meta_path.name}, field groups_printed: {group!r} is not in {_where('groups.csv')}"
                 for group in meta["groups_printed"] if group not in known["groups.csv"]]
    if problems:
        raise SourceError("\n".join(problems))


def _known_codes(files: dict[str, list[dict[str, str]]]) -> dict[str, set[str]]:
    return {source: {row[column] for row in files[source]} for source, column in KEY_COLUMN.items()}


def _problem(text: str, kind: str) -> str | None:
    if kind.startswith(OPTIONAL):
        if not text.strip():
            return None
        kind = kind[len(OPTIONAL):]
    if kind == TEXT or kind == CODES:
        return None
    if not text.strip():
        return f"is blank: a {kind} is required"
    try:
        if kind == INTEGER:
            int(text)
        elif kind == NUMBER and not math.isfinite(float(text)):
            return f"is not a finite {kind}"
        elif kind == DATE:
            date.fromisoformat(text)
    except ValueError:
        return f"is not a {kind}"
    return None


def _not_allowed(name: str, column: str, text: str) -> str | None:
    allowed = ALLOWED.get((name, column))
    return f"is not one of {', '.join(allowed)}" if allowed and text not in allowed else None


def _where(source: str) -> str:
    return "data/tables/ (no such table)" if source == "tables" else f"{source} (column {KEY_COLUMN[source]})"


def _header(path: Path) -> list[str]:
    return next(csv.reader(read_utf8(path).splitlines()), [])
