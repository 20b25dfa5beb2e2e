"""Read one wide table of the Digital Agency's dashboard (one row per indicator, one column per government) into
long form: one row per cell, exactly as printed, with its number where there is one and its status."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd

from etl.checks import Failure
from etl.governments.exceptions import Exceptions
from etl.governments.outcome import SOURCE_ROOT, Outcome, limited, where
from etl.sources import SourceError

SOURCE_ID = "digital_agency_dx_table"
LABEL_COLUMNS = 2  # column 1: the topic (自治体DXの推進体制等 …), column 2: the indicator's label
CHECK = "cells_are_known_answers_or_numbers"
ANSWERS = {"実施": "implemented", "未実施": "not_implemented", "調査無し": "not_surveyed"}
PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)%$")
WHOLE = re.compile(r"^\d+$")


def read_rows(data_dir: Path, file: str) -> list[list[str]]:
    path = data_dir / SOURCE_ROOT / file
    try:
        return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(f"{where(file)}: cannot read: {error}") from error


def run(data_dir: Path, file: str, header_label: str, governments: pd.DataFrame, indicators: pd.DataFrame,
        exceptions: Exceptions) -> Outcome:
    """`governments` in column order (government_code, name_ja); `indicators` in row order (indicator_code, label_ja,
    category_ja, kind, unit): both by position, and every name and label checked against the file."""
    outcome = Outcome()
    rows = read_rows(data_dir, file)
    header, body = rows[0], rows[1:]
    count = len(governments)
    width = LABEL_COLUMNS + count
    # Some exports end every line with one empty cell: allowed only if it is empty in every row.
    trailing = len(header) == width + 1 and all(len(row) == width + 1 and row[-1] == "" for row in rows)
    shape = [Failure("column_names_by_position", where(file, number, None), f"{len(row)} cells, expected {width} "
                     f"(2 label columns + {count} governments) / 列の数が一致しません")
             for number, row in enumerate(rows, start=1) if len(row) not in (width, width + 1) or (len(row) == width + 1 and not trailing)]
    names = [Failure("column_names_by_position", where(file, 1, column, "header"),
                     f"header {found!r} but the government at position {position} is {expected} ({code}): "
                     "a shifted, renamed or repeated column / 列見出しが団体一覧と一致しません")
             for position, (found, expected, code) in enumerate(zip(header[LABEL_COLUMNS:], governments.name_ja,
                                                                   governments.government_code), start=1)
             for column in [LABEL_COLUMNS + position] if found != expected]
    if header[:1] != [header_label]:
        names.insert(0, Failure("column_names_by_position", where(file, 1, 1), f"expected {header_label!r}, found {header[:1]}"))
    outcome.check("column_names_by_position", file, count, limited(shape) + limited(names))
    labels = [Failure("row_labels_by_position", where(file, number, column, "label"),
                      f"{found!r} where indicators.csv expects {expected!r} ({code}) / 行見出しが一致しません")
              for number, (row, indicator) in enumerate(zip(body, indicators.itertuples()), start=2)
              for column, found, expected, code in ((1, row[0], indicator.category_ja, indicator.indicator_code),
                                                    (2, row[1], indicator.label_ja, indicator.indicator_code))
              if found != expected]
    if len(body) != len(indicators):
        labels.append(Failure("row_labels_by_position", where(file, len(rows)), f"{len(body)} indicator rows, "
                              f"indicators.csv declares {len(indicators)}"))
    outcome.check("row_labels_by_position", file, len(indicators), limited(labels))
    if outcome.failures:
        return outcome  # cells cannot be placed when a row or column is out of place
    cells = np.array([row[LABEL_COLUMNS:width] for row in body], dtype=object)
    facts = pd.DataFrame(dict(
        government_code=np.tile(governments.government_code.to_numpy(), len(body)),
        government_name=np.tile(governments.name_ja.to_numpy(), len(body)),
        indicator_code=np.repeat(indicators.indicator_code.to_numpy(), count),
        indicator_label_ja=np.repeat(indicators.label_ja.to_numpy(), count),
        kind=np.repeat(indicators.kind.to_numpy(), count), unit=np.repeat(indicators.unit.to_numpy(), count),
        value_printed=pd.array(cells.ravel(), dtype="str"),  # Arrow-backed: the regular expressions below run in Arrow
        source_row=np.repeat(np.arange(2, len(body) + 2), count),
        source_column=np.tile(np.arange(LABEL_COLUMNS + 1, width + 1), len(body))))
    facts, bad = parse_cells(facts, file, exceptions)
    outcome.check("cells_are_known_answers_or_numbers", file, len(facts), limited(bad))
    outcome.frames["facts"] = facts.drop(columns=["government_name", "kind"]).assign(source_id=SOURCE_ID, source_file=file)
    return outcome


def parse_cells(facts: pd.DataFrame, file: str, exceptions: Exceptions) -> tuple[pd.DataFrame, list[Failure]]:
    """Status, number and count of every cell, vectorised; a cell that fits none of its row's forms is a failure."""
    printed = facts.value_printed
    # fullmatch and slice run in Arrow; str.extract would loop in Python over 118,000 cells
    percent = pd.to_numeric(printed.str.slice(0, -1).where(printed.str.fullmatch(PERCENT.pattern)), errors="coerce")
    whole = pd.to_numeric(printed.where(printed.str.fullmatch(WHOLE.pattern)), errors="coerce")
    answer = pd.Series(np.select([printed == word for word in ANSWERS], list(ANSWERS.values()), default=""), index=printed.index)
    answer = answer.where(answer != "")
    blank = printed == ""
    is_pct, is_count, is_answer = facts.kind == "pct", facts.kind == "count", facts.kind == "answer"
    facts["value"] = percent.where(is_pct).fillna(whole.where(is_count))
    facts["count"] = whole.where(is_count).astype("Int64")
    facts["status"] = np.select([blank, printed == "調査無し", is_answer & answer.notna(), facts.value.notna()],
                                ["not_reported", "not_surveyed", answer.fillna(""), "reported"], default="unknown")
    over = is_pct & (percent > 100)
    odd = (facts.status == "unknown") | over
    declared = exceptions.excused(CHECK, pd.Series(file, index=facts.index[odd]), facts.source_row[odd], printed[odd],
                                  facts.source_column[odd]).reindex(facts.index, fill_value=False)
    facts.loc[declared, "status"] = "not_applicable"  # e.g. a bare 「%」 where no procedure exists to divide by
    over &= ~declared
    if not (over | (facts.status == "unknown")).any():
        return facts, []
    failures = [Failure("cells_are_known_answers_or_numbers", where(file, row, column, f"{name} {code}"),
                        f"{text!r} is above 100% / 100%を超えています" if too_high else
                        f"{text!r} is not one of {describe(kind)} / 想定外の値です")
                for row, column, name, code, text, kind, too_high in zip(
                    facts.source_row[(facts.status == "unknown") | over], facts.source_column[(facts.status == "unknown") | over],
                    facts.government_name[(facts.status == "unknown") | over], facts.government_code[(facts.status == "unknown") | over],
                    printed[(facts.status == "unknown") | over], facts.kind[(facts.status == "unknown") | over], over[(facts.status == "unknown") | over])]
    return facts, failures


def describe(kind: str) -> str:
    return {"answer": "実施 / 未実施 / 調査無し / blank", "pct": "a percentage such as 72% or 88.8%, 調査無し or blank",
            "count": "a whole number, 調査無し or blank"}[kind]


def columns_of(governments: pd.DataFrame, level: str) -> pd.DataFrame:
    """The governments a table has columns for, in 団体コード order: prefectures (xx000x) or municipalities."""
    is_pref = governments.government_code.str[2:5] == "000"
    chosen = governments[is_pref if level == "pref" else ~is_pref]
    return chosen.sort_values("government_code")[["government_code", "name_ja"]].reset_index(drop=True)
