"""The reduced responding base of 2023 has one source of truth (data/responding_bases.csv), and it is exactly the set
of bases that reproduces every printed count and share it is declared for. A transcription note may point to it but
never states a different range."""
from __future__ import annotations

import csv
import json
import re

from etl.rounding import share_fits
from tests.conftest import DATA

REDUCED = "dx_overview_2023_reduced"
SIZES = {"pref": 47, "ward": 23, "designated": 20}  # groups the reduced base leaves whole
CANDIDATES = {"city": range(700, 773), "town_village": range(850, 927), "muni": range(1600, 1742), "all": range(1650, 1789)}
PARTS = {"muni": ("ward", "designated", "city", "town_village"), "all": ("pref", "ward", "designated", "city", "town_village")}
RANGE = re.compile(r"(\d{1,3}(?:,\d{3})*|\d+)\s*[〜–-]\s*(\d{1,3}(?:,\d{3})*|\d+)")


def declared() -> dict[str, tuple[str, range]]:
    with (DATA / "responding_bases.csv").open(encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["base_id"] == REDUCED]
    return {row["group_code"]: (row["applies_to"], range(int(row["base_min"]), int(row["base_max"]) + 1)) for row in rows}


def printed(applies_to: str, group: str) -> list[tuple[int, str]]:
    """(count, share as printed) of the group in 2023, in every table (or table/item) the base applies to."""
    cells = []
    for target in applies_to.split():
        table, _, item = target.partition("/")
        with (DATA / "tables" / f"{table}.csv").open(encoding="utf-8") as file:
            cells += [(int(row["count"]), row["value"]) for row in csv.DictReader(file)
                      if row["fiscal_year"] == "2023" and row["group_code"] == group
                      and (not item or row["breakdown_code"] == item) and row["count"]]
    return cells


def reproducing(applies_to: str, group: str, allowed) -> set[int]:
    cells = printed(applies_to, group)
    assert cells, f"no printed 2023 cell of {group} in {applies_to}"
    return {base for base in allowed if all(share_fits(count, base, share) for count, share in cells)}


def test_the_declared_reduced_bases_are_exactly_those_that_reproduce_every_printed_share():
    bases = declared()
    assert set(bases) == {"all", "muni", "city", "town_village"}
    for group in ("city", "town_village"):
        applies_to, declared_range = bases[group]
        assert set(declared_range) == reproducing(applies_to, group, CANDIDATES[group]), group
    for group in ("muni", "all"):  # a total is its parts: 23 + 20 + 767 + 922〜923, not any base its share allows
        applies_to, declared_range = bases[group]
        sums = {sum(SIZES.get(part, 0) for part in PARTS[group]) + city + town
                for city in bases["city"][1] for town in bases["town_village"][1]}
        assert set(declared_range) == reproducing(applies_to, group, CANDIDATES[group]) & sums, group


def test_no_transcription_note_states_a_reduced_base_other_than_the_declared_one():
    ranges = {(min(r), max(r)) for _, r in declared().values()}
    checked = 0
    for path in sorted((DATA / "tables").glob("*.meta.json")):
        for note in json.loads(path.read_text(encoding="utf-8"))["transcription_notes"]:
            for text in (note["ja"], note["en"]):
                for low, high in RANGE.findall(text):
                    low, high = int(low.replace(",", "")), int(high.replace(",", ""))
                    if any(start - 100 <= low <= high <= end for start, end in ranges):  # a base, not a line range
                        checked += 1
                        assert (low, high) in ranges, f"{path.name}: {low}〜{high} is not a declared base: {text[:80]}"
    assert checked > 0, "the notes that restate the base (e.g. 町村 922〜923) were found"
