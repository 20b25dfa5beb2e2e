"""A government's official answers to the benchmark items, read from the per-government cells (government_facts), and
how they compare with what a user entered. Pure Python: callers pass the cells in.

調査無し (not surveyed) and a blank cell (not reported) are never turned into an answer: they leave the item
unanswered, and say so. Only 実施 / 未実施 become yes / no, and only a number becomes a number.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from benchmark.peers import PeerContext
from benchmark.vocabulary import BenchmarkItem
from common.fiscal_years import fiscal_year_of
from common.formatting import missing

ANSWER_STATUSES = {"implemented": True, "not_implemented": False}
# Statuses that leave the item unanswered (never 未実施, never 0)
UNANSWERED_STATUSES = ("not_surveyed", "not_reported", "not_applicable")


@dataclass(frozen=True)
class OfficialAnswer:
    """One item's official answer: the cell as published, its date (None where undetermined) and source."""

    item_code: str
    indicator_code: str
    status: str  # the cell's status in government_facts
    value_printed: str
    value: float | None  # the number of a reported rate, as published
    as_of: date | None
    source_id: str

    @property
    def answer(self) -> bool | float | None:
        """The form's answer it gives: yes/no for 実施/未実施, the number of a reported rate, else None (unanswered)."""
        if self.status in ANSWER_STATUSES:
            return ANSWER_STATUSES[self.status]
        if self.status == "reported" and self.value is not None:
            return self.value
        return None


def official_answers(items: list[BenchmarkItem], indicator_of_item: dict[str, str],
                     latest_cells: dict[str, dict[str, dict]], government_code: str) -> dict[str, OfficialAnswer]:
    """item_code → the official answer of one government. ``indicator_of_item``: the per-government indicator that
    answers each item for the government's level; ``latest_cells``: indicator_code → government_code → its cell at
    the indicator's latest date (as_of, value_printed, value, status, source_id). A government with no cell for an
    item has no official answer to it."""
    found = {}
    for item in items:
        cell = latest_cells.get(indicator_of_item.get(item.item_code), {}).get(government_code)
        if cell is None:
            continue
        as_of = None if missing(cell["as_of"]) or pd.isna(cell["as_of"]) else pd.Timestamp(cell["as_of"]).date()
        printed = "" if missing(cell["value_printed"]) else str(cell["value_printed"])
        value = None if missing(cell["value"]) or pd.isna(cell["value"]) else float(cell["value"])
        found[item.item_code] = OfficialAnswer(item.item_code, indicator_of_item[item.item_code], str(cell["status"]),
                                               printed, value, as_of, str(cell["source_id"]))
    return found


def is_current(official: OfficialAnswer, context: PeerContext) -> bool:
    """Whether the official answer describes the year the item is compared in: a dated answer no older than the peer
    figure's fiscal year. An older or undated one is shown beside the field, not filled in, so that a 2022 card rate
    is never ranked against 2024 peers."""
    if official.as_of is None:
        return False
    return context.fiscal_year is None or fiscal_year_of(official.as_of) >= context.fiscal_year


def answers_from_official(official: dict[str, OfficialAnswer], contexts: dict[str, PeerContext]) -> dict[str, bool | float]:
    """The form's answers the official ones give: current yes/no and numbers only; 調査無し and not reported stay
    unanswered (never 未実施, never 0)."""
    return {code: answer.answer for code, answer in official.items()
            if answer.answer is not None and is_current(answer, contexts[code])}


def differs(official, entered) -> bool:
    """Whether an entered answer is not the official one (True/False/a number/None; None = unanswered): an official
    調査無し left unanswered does not differ, 65 and 65.0 do not differ."""
    if official is None or entered is None:
        return (official is None) != (entered is None)
    if isinstance(official, bool) or isinstance(entered, bool):
        return not (isinstance(official, bool) and isinstance(entered, bool) and official == entered)
    return float(official) != float(entered)
