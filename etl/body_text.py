"""Figures the plan's body text states beside 別紙1, and its numeric targets: checked against the source and the tables."""
from __future__ import annotations

import re
from fractions import Fraction

from etl.checks import Failure
from etl.reference import Reference
from etl.rounding import half_unit
from etl.sources import Table

WORDED_TARGETS = {"全ての都道府県": 100, "全ての地方公共団体": 100, "半減": -50, "３割": -30}  # how a worded target reads as a number


def check_quotes(rows: list[dict], reference: Reference, kind: str) -> list[Failure]:
    failures = []
    for row in rows:
        code = row.get("figure_code") or row.get("target_code")
        line = int(row["line"])
        if not 1 <= line <= len(reference.source_lines) or row["quote"] not in reference.source_lines[line - 1]:
            failures.append(Failure(f"{kind}_quoted_from_source", f"{kind} {code}", f"the quote is not on line {line} of the source"))
    return failures


def check_body_figures(rows: list[dict], tables: dict[str, Table]) -> list[Failure]:
    """Each body figure occurs in its quote; one that restates a 別紙1 cell agrees with it within both roundings."""
    failures = check_numbers_in_quotes(rows)
    for row in rows:
        if not row["restates_table_id"]:
            continue
        table = tables[row["restates_table_id"]]
        for group in row["restates_group_codes"].split():
            cell = next((c for c in table.cells if c.fiscal_year == int(row["fiscal_year"]) and c.group_code == group
                         and c.breakdown_code == (row["restates_breakdown_code"] or None)), None)
            if cell is None:
                failures.append(Failure("body_figures_match_tables", row["figure_code"], f"{table.table_id} has no cell for {group}"))
                continue
            body = Fraction(row["value"])
            if row["unit"] == "pct":
                agrees = abs(body - Fraction(cell.value_printed)) <= _half_unit_of_printed(row) + half_unit(cell.value_printed)
            elif row["qualifier"] == "more_than":
                agrees = cell.count is not None and body < cell.count < body + 10_000  # 「9,631万枚を超え」
            else:
                agrees = cell.count == body
            if not agrees:
                failures.append(Failure("body_figures_match_tables", row["figure_code"],
                                        f"the body text's {row['value']} disagrees with {table.table_id} {group} "
                                        f"{cell.value_printed} ({cell.count})"))
    return failures


def check_numbers_in_quotes(rows: list[dict]) -> list[Failure]:
    failures = []
    for row in rows:
        code = row.get("figure_code") or row.get("target_code")
        printed = row.get("printed_value") or _as_printed(row)
        if printed not in row["quote"] and printed not in row.get("label_ja", ""):
            failures.append(Failure("number_in_quote", code, f"{printed!r} does not occur in the quote"))
        if "target_value" in row and Fraction(row["target_value"]) != Fraction(WORDED_TARGETS.get(printed, printed)):
            failures.append(Failure("number_in_quote", code, f"target value {row['target_value']} does not read {printed!r}"))
    return failures


def _as_printed(row: dict) -> str:
    if row["qualifier"] == "more_than" and row["unit"] == "cards":
        return f"{int(row['value']) // 10_000:,}"  # printed in 万枚
    value = row["value"]
    return f"{int(value):,}" if row["unit"] == "entities" and int(value) >= 1000 else value


def _half_unit_of_printed(row: dict) -> Fraction:
    match = re.search(r"\d+(\.\d+)?", row["value"])
    return half_unit(match.group(0))
