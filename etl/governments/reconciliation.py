"""Per-government sums against 別紙1: wherever both describe the same thing on the same date, they are equal."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.checks import Failure
from etl.governments.outcome import SOURCE_ROOT, Outcome
from etl.reference import Reference
from etl.rounding import share_fits
from etl.sources import read_reference_csv

PAIRS = "reconciliations.csv"
SAME_SURVEY = ("dx_muni_cio", "dx_muni_cio_deputy", "dx_muni_overall_policy", "dx_muni_cross_departmental",
               "dx_muni_external_talent", "dx_muni_staff_development", "dx_muni_all_staff_training")
BASE_GROUPS = ("all", "muni", "city", "town_village")


def run(data_dir: Path, reference: Reference, facts: pd.DataFrame, groups: pd.DataFrame) -> Outcome:
    """Each declared pairing (data/municipal/reconciliations.csv), the FY2023 responding bases, and one survey per block."""
    outcome = Outcome()
    # only the columns compared: filtering all fifteen columns of 200,000 rows cost more than the comparisons
    facts = facts[["indicator_code", "government_code", "as_of", "status", "count"]]
    facts = facts[facts.indicator_code.isin(set(SAME_SURVEY) | {"dx_muni_ai", "dx_muni_rpa", "dx_muni_telework", "dx_pref_ai",
                                                               "dx_pref_rpa", "dx_pref_telework", "mynumber_issued_rate"})]
    by_indicator = dict(tuple(facts.groupby("indicator_code", sort=False)))
    printed = {(t.table_id, c.fiscal_year, c.group_code): c for t in reference.tables.values() for c in t.cells if c.breakdown_code is None}
    for number, pair in enumerate(read_reference_csv(data_dir / SOURCE_ROOT / PAIRS), start=2):
        year = int(pair["fiscal_year"])
        selected = by_indicator.get(pair["indicator_code"], facts.iloc[:0])
        if pair["as_of"]:  # the card files: one date, and municipalities only (a prefecture row is its area's sum)
            selected = selected[(selected.as_of == pd.Timestamp(pair["as_of"])) & (selected.government_code.str[2:5] != "000")]
        members = selected[["government_code", "status", "count"]].merge(groups[groups.fiscal_year == year], on="government_code")
        by_group = members.assign(implemented=members.status == "implemented", entities=1).groupby("group_code")[
            ["entities", "implemented", "count"]].sum().rename(columns={"count": "cards"})
        subject = f"{pair['indicator_code']} vs 別紙1 {pair['table_id']} {year}"
        failures = []
        for group in pair["group_codes"].split():
            cell = printed.get((pair["table_id"], year, group))
            where = f"data/{SOURCE_ROOT}/{PAIRS} row {number} group={group}"
            if cell is None or group not in by_group.index:
                failures.append(Failure("sums_equal_appendix_1", where, "nothing to compare: 別紙1 prints no such cell, or no government is in the group"))
                continue
            row = by_group.loc[group]
            if pair["rule"] == "count" and pair["indicator_code"].startswith("mynumber"):
                found, expected, ok = int(row.cards), cell.count, int(row.cards) == cell.count
            elif pair["rule"] == "count":
                found, expected, ok = int(row.implemented), cell.count, int(row.implemented) == cell.count
            else:
                found, expected = f"{int(row.implemented)} of {int(row.entities)}", f"{cell.value_printed}%"
                ok = share_fits(int(row.implemented), int(row.entities), cell.value_printed)
            if not ok:
                failures.append(Failure("sums_equal_appendix_1", where, f"per-government sum {found} ≠ 別紙1 {expected} "
                                        f"({cell.describe()}): declare a real difference in data/{SOURCE_ROOT}/reconciliation_exceptions.csv"))
        outcome.check("sums_equal_appendix_1", subject, len(selected), failures)
    outcome.merge(responding_bases(reference, facts, groups))
    outcome.merge(one_survey_per_block(facts))
    return outcome


def responding_bases(reference: Reference, facts: pd.DataFrame, groups: pd.DataFrame) -> Outcome:
    """FY2023 推進体制: the census minus the municipalities marked 調査無し lies within the declared base of 別紙1."""
    outcome = Outcome()
    marked = facts[(facts.indicator_code == "dx_muni_overall_policy") & (facts.status == "not_surveyed")]
    missing = groups[(groups.fiscal_year == 2023) & groups.government_code.isin(marked.government_code)].group_code.value_counts()
    failures = []
    for group in BASE_GROUPS:
        declared = reference.declared_base("governance_overall_policy", None, 2023, group)
        census = reference.group_size(group, 2023)
        base = census - int(missing.get(group, 0))
        if declared is None or not declared.base_min <= base <= declared.base_max:
            failures.append(Failure("responding_base_from_not_surveyed", f"governance_overall_policy 2023 group={group}",
                                    f"{census} − {int(missing.get(group, 0))} 調査無し = {base}, outside the declared base "
                                    f"{(declared.base_min, declared.base_max) if declared else 'none'} (data/responding_bases.csv)"))
    outcome.check("responding_base_from_not_surveyed", "dx_muni 推進体制 2023", len(marked), failures)
    return outcome


def one_survey_per_block(facts: pd.DataFrame) -> Outcome:
    """The 推進体制 rows mark the same municipalities 調査無し: one survey, so the date decided for two holds for all."""
    outcome = Outcome()
    sets = {code: frozenset(facts.government_code[(facts.indicator_code == code) & (facts.status == "not_surveyed")])
            for code in SAME_SURVEY}
    first = sets[SAME_SURVEY[0]]
    outcome.check("same_not_surveyed_set", "dx_muni 推進体制", sum(map(len, sets.values())), [
        Failure("same_not_surveyed_set", code, f"marks {sorted(found ^ first)} differently from {SAME_SURVEY[0]}")
        for code, found in sets.items() if found != first])
    return outcome
